#include "run/runingest.h"

#include "run/runpaths.h"

#include <algorithm>

namespace {

bool isAudited(FrameStatus status)
{
    return status == FrameStatus::AuditFail || status == FrameStatus::AuditWarn ||
           status == FrameStatus::Approved;
}

// The newest attempt that has a candidate image; 0 when none has.
int newestCandidate(const DirectorFrameState &frame)
{
    int newest = 0;
    for (const AttemptInfo &attempt : frame.attemptHistory) {
        if (!attempt.candidatePath.isEmpty())
            newest = std::max(newest, attempt.attemptIndex);
    }
    return newest;
}

// The session's attempts, with the run's new ones added and the ones the
// pipeline has said more about since replaced (a time stands in for an
// unrecorded one on each read: it alone is no news).
QList<AttemptInfo> mergedAttempts(const QList<AttemptInfo> &known, const QList<AttemptInfo> &run)
{
    QMap<int, AttemptInfo> byIndex;
    for (const AttemptInfo &attempt : known)
        byIndex.insert(attempt.attemptIndex, attempt);
    for (const AttemptInfo &attempt : run) {
        const auto it = byIndex.find(attempt.attemptIndex);
        if (it == byIndex.end()) {
            byIndex.insert(attempt.attemptIndex, attempt);
            continue;
        }
        AttemptInfo sameTime = attempt;
        sameTime.timestamp = it->timestamp;
        if (sameTime != *it)
            *it = attempt;
    }
    return byIndex.values();
}

class Planner
{
public:
    Planner(const DirectorSession &session, const RunFolder::Contents &run, const QString &runDir)
        : m_session(session), m_run(run), m_paths(runDir, session.runId)
    {}

    RunIngest::Plan plan();

private:
    // The run-relative form of a path the session holds (it may hold the
    // pipeline's forms), for comparing with the run's.
    QString relative(const QString &stored) const
    {
        return m_paths.toRelative(stored).valueOr(stored);
    }
    // The frame's image (under its patches) is an attempt older than its newest one with an
    // image.
    bool chosenOlderAttempt(const DirectorFrameState &s) const
    {
        const QString image = relative(s.unpatchedImagePath());
        for (const AttemptInfo &attempt : s.attemptHistory) {
            if (relative(attempt.candidatePath) == image)
                return attempt.attemptIndex < newestCandidate(s);
        }
        return false;
    }
    // A new image from the pipeline: not the one the patches were made on (they stay in the
    // history).
    void takeImage(DirectorFrameState &next, const DirectorFrameState &r) const
    {
        next.imagePath = r.imagePath;
        next.directorOverrides.isPatched = false;
        next.attemptHistory = mergedAttempts(next.attemptHistory, r.attemptHistory);
    }
    void takeAudit(RunIngest::Change &change, const DirectorFrameState &r) const
    {
        change.after.auditReport = r.auditReport;
        change.after.attemptHistory = mergedAttempts(change.after.attemptHistory, r.attemptHistory);
        change.after.status = r.status;
        change.steps.append(r.status);
    }
    // The run's audit approves the image it is about, never pixels it did not see: a patched
    // frame's (the audit is of the image under the patch), or a nudge or patch the operator
    // made for an image the frame no longer has (`newImage`). Those are for the operator to
    // look at again: AUDIT_WARN.
    static void neverApprovedUnseen(RunIngest::Change &change, bool newImage)
    {
        const DirectorOverrides &overrides = change.after.directorOverrides;
        const bool unseen =
            overrides.isPatched ||
            (newImage && (overrides.alignment || !overrides.patchHistory.isEmpty()));
        if (change.after.status == FrameStatus::Approved && unseen) {
            change.after.status = FrameStatus::AuditWarn;
            change.steps.last() = FrameStatus::AuditWarn;
        }
    }

    const DirectorSession &m_session;
    const RunFolder::Contents &m_run;
    RunPaths m_paths;
};

RunIngest::Plan Planner::plan()
{
    RunIngest::Plan plan;
    plan.leftOut = m_run.leftOut;
    if (m_run.runFilesUnreadable) {
        // The frame count and the attempts come from these: wait for them.
        plan.runWaiting = true;
        return plan;
    }
    for (const DirectorFrameState &r : m_run.frames) {
        const int index = r.frameIndex;
        // A file of the frame's is still being written: its audit, or its
        // newest image (RunFolder then read an older one).
        if (m_run.unreadableFrames.contains(index) || m_run.waitingFiles.contains(index)) {
            plan.waiting.append(index);
            continue;
        }
        const auto known = m_session.frames.constFind(index);
        if (known == m_session.frames.cend()) {
            plan.added.append(r);
            continue;
        }
        const DirectorFrameState &s = *known;
        if (s.status == FrameStatus::Approved)
            continue; // a verdict the pipeline does not take back (nor is the frame copied)
        // A patched frame's image is the operator's: the run's is compared with the one the
        // patches were made on.
        const QString image = relative(s.unpatchedImagePath());
        const bool newImage = !r.imagePath.isEmpty() && r.imagePath != image;
        // RunFolder counts an audit only for the image it is about.
        const bool audited = isAudited(r.status);

        RunIngest::Change change{s, s, {}};
        switch (s.status) {
        case FrameStatus::Pending:
            if (r.imagePath.isEmpty())
                break;
            takeImage(change.after, r);
            change.after.status = FrameStatus::Generated;
            change.steps.append(FrameStatus::Generated);
            if (audited)
                takeAudit(change, r);
            break;
        case FrameStatus::Generated: {
            // An older attempt the operator chose (FrameEdit::useAttempt) stays the frame's
            // image until a newer attempt arrives: the newest is not the best for being newest.
            const bool chosen = chosenOlderAttempt(s);
            const bool taken = newImage && (!chosen || newestCandidate(r) > newestCandidate(s));
            if (taken)
                takeImage(change.after, r);
            if (audited &&
                (!chosen || relative(change.after.unpatchedImagePath()) == r.imagePath)) {
                takeAudit(change, r);
                neverApprovedUnseen(change, taken);
            }
            break;
        }
        case FrameStatus::AuditFail:
        case FrameStatus::AuditWarn:
            // Only a newer attempt than the one reviewed sends it back.
            if (!newImage || newestCandidate(r) <= newestCandidate(s))
                break;
            takeImage(change.after, r); // not patched: the patches stay in the history ...
            change.after.auditReport = AuditReport(); // the old one is about the old image
            change.after.status = FrameStatus::Generated;
            change.steps.append(FrameStatus::Generated);
            if (audited) {
                takeAudit(change, r);
                // ... and a nudge or patch the operator made for the old image is for them to
                // look at again.
                neverApprovedUnseen(change, true);
            }
            break;
        case FrameStatus::Approved:
            break; // (not here: above)
        }
        if (change.after != s)
            plan.changes.append(std::move(change));
    }
    return plan;
}

} // namespace

RunIngest::Plan RunIngest::plan(const DirectorSession &session, const RunFolder::Contents &run,
                                const QString &runDir)
{
    return Planner(session, run, runDir).plan();
}
