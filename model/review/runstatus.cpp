#include "review/runstatus.h"

#include "review/sessionmanager.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "run/runpaths.h"
#include "session/timestamps.h"

#include <QJsonArray>

#include <algorithm>
#include <optional>

FrameCounts FrameCounts::of(const QMap<int, DirectorFrameState> &frames)
{
    FrameCounts counts;
    for (const DirectorFrameState &frame : frames) {
        for (size_t i = 0; i < allFrameStatuses.size(); ++i)
            counts.m_counts[i] += frame.status == allFrameStatuses[i];
        ++counts.m_total;
    }
    return counts;
}

namespace {

// The session's lastModified is more than a day ahead of the clock now (told again by the
// clock, also for a status kept from before).
bool isAheadNow(const DirectorSession &session)
{
    const std::optional<QDateTime> lastModified = Timestamps::parse(session.lastModified);
    return lastModified && Timestamps::isFarAhead(*lastModified, QDateTime::currentDateTimeUtc());
}

// The attempt whose candidate is the frame's image, and the newest attempt that has an image;
// none when the image is no attempt's candidate (or the frame has no image). Paths compared
// run-relative: the session may hold the pipeline's forms.
std::optional<RunStatus::ImageAttempt> imageAttemptOf(const DirectorFrameState &frame,
                                                      const RunPaths &paths)
{
    const auto relative = [&](const QString &stored) {
        return paths.toRelative(stored).valueOr(stored);
    };
    if (frame.imagePath.isEmpty())
        return std::nullopt;
    const QString image = relative(frame.imagePath);
    RunStatus::ImageAttempt found;
    for (const AttemptInfo &attempt : frame.attemptHistory) {
        if (attempt.candidatePath.isEmpty())
            continue;
        found.newest = std::max(found.newest, attempt.attemptIndex);
        if (relative(attempt.candidatePath) == image)
            found.attempt = attempt.attemptIndex;
    }
    if (found.attempt == 0)
        return std::nullopt;
    return found;
}

} // namespace

int FrameCounts::count(FrameStatus status) const
{
    for (size_t i = 0; i < allFrameStatuses.size(); ++i) {
        if (allFrameStatuses[i] == status)
            return m_counts[i];
    }
    return 0;
}

RunStatus RunStatus::of(const SessionManager &manager)
{
    return of(manager.session(), manager.run(), manager.runDir(), manager.isUnsaved());
}

RunStatus RunStatus::of(const DirectorSession &session, const RunFolder::Contents &run,
                        const QString &runDir, bool unsaved)
{
    RunStatus status;
    status.m_runDir = runDir;
    status.m_hasSessionFile = !unsaved;
    // The run as the pipeline's news would make it: status never writes, so what it has not
    // taken in yet is shown, and counted. (A committed or discarded session takes in nothing,
    // and a session that is not saved yet was made from the run folder as it is.)
    QList<int> changed;
    QList<int> added;
    status.m_session = unsaved || session.isReadOnly()
                           ? session
                           : SessionManager::withNews(
                                 session, RunIngest::plan(session, run, runDir), &changed, &added);
    status.m_newsChanged = int(changed.size());
    status.m_newsAdded = int(added.size());
    status.m_lastModifiedAhead = status.m_hasSessionFile && isAheadNow(status.m_session);
    status.m_counts = FrameCounts::of(status.m_session.frames);
    status.m_frameCount = int(status.m_session.frames.size());
    const RunPaths paths(runDir, status.m_session.runId);
    for (const DirectorFrameState &frame : std::as_const(status.m_session.frames)) {
        status.m_nudged += frame.directorOverrides.alignment.has_value();
        status.m_noted += frame.directorOverrides.notes.has_value();
        if (const std::optional<ImageAttempt> attempt = imageAttemptOf(frame, paths))
            status.m_imageAttempts.insert(frame.frameIndex, *attempt);
        if (const std::optional<Verdict> &verdict = frame.directorOverrides.verdict;
            verdict && verdict->status == FrameStatus::AuditFail &&
            frame.status == FrameStatus::AuditFail)
            status.m_rejected.append({frame.frameIndex, *verdict});
    }
    status.m_missing = run.missing;
    status.m_leftOut = run.leftOut;
    return status;
}

QJsonObject RunStatus::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("runDir"), m_runDir);
    root.insert(QStringLiteral("runId"), m_session.runId);
    root.insert(QStringLiteral("moveId"), m_session.moveId);
    if (m_hasSessionFile) {
        QJsonObject s;
        s.insert(QStringLiteral("sessionId"), m_session.sessionId);
        s.insert(QStringLiteral("status"), sessionStatusName(m_session.status));
        s.insert(QStringLiteral("createdAt"), m_session.createdAt);
        s.insert(QStringLiteral("lastModified"), m_session.lastModified);
        if (m_lastModifiedAhead)
            s.insert(QStringLiteral("lastModifiedAhead"), true);
        if (m_session.commitInfo) {
            s.insert(QStringLiteral("approvedCount"), m_session.commitInfo->approvedCount);
            s.insert(QStringLiteral("nudgedCount"), m_session.commitInfo->nudgedCount);
            s.insert(QStringLiteral("patchedCount"), m_session.commitInfo->patchedCount);
        }
        root.insert(QStringLiteral("session"), s);
    }
    root.insert(QStringLiteral("frameCount"), m_frameCount);
    QJsonObject statusCounts;
    for (FrameStatus status : allFrameStatuses)
        statusCounts.insert(frameStatusName(status), m_counts.count(status));
    root.insert(QStringLiteral("counts"), statusCounts);
    root.insert(QStringLiteral("nudged"), m_nudged);
    root.insert(QStringLiteral("noted"), m_noted);
    root.insert(QStringLiteral("missing"), QJsonArray::fromStringList(m_missing));
    root.insert(QStringLiteral("leftOut"), QJsonArray::fromStringList(m_leftOut));
    root.insert(QStringLiteral("news"), QJsonObject{{QStringLiteral("changed"), m_newsChanged},
                                                    {QStringLiteral("added"), m_newsAdded}});
    // Inserted in the order of the names ("10" before "9"), each after the last: a
    // QJsonObject keeps its members sorted, and 100,000 inserted in frame order would move
    // the members after each one, every time.
    QList<std::pair<QString, ImageAttempt>> attempts;
    attempts.reserve(m_imageAttempts.size());
    for (auto it = m_imageAttempts.cbegin(); it != m_imageAttempts.cend(); ++it)
        attempts.append({QString::number(it.key()), *it});
    std::sort(attempts.begin(), attempts.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonObject imageAttempts;
    for (const auto &[name, attempt] : std::as_const(attempts)) {
        imageAttempts.insert(name, QJsonObject{{QStringLiteral("attempt"), attempt.attempt},
                                               {QStringLiteral("newest"), attempt.newest}});
    }
    root.insert(QStringLiteral("imageAttempts"), imageAttempts);
    QJsonArray rejected;
    for (const Rejected &frame : m_rejected) {
        QJsonObject r{{QStringLiteral("frameIndex"), frame.frameIndex},
                      {QStringLiteral("reviewer"), frame.verdict.reviewer},
                      {QStringLiteral("timestamp"), frame.verdict.timestamp}};
        if (frame.verdict.reasonCode)
            r.insert(QStringLiteral("reasonCode"), *frame.verdict.reasonCode);
        if (frame.verdict.reason)
            r.insert(QStringLiteral("reason"), *frame.verdict.reason);
        rejected.append(r);
    }
    root.insert(QStringLiteral("rejected"), rejected);
    return root;
}

FrameCounts FrameCounts::fromJson(const QJsonObject &counts)
{
    FrameCounts result;
    for (size_t i = 0; i < allFrameStatuses.size(); ++i) {
        result.m_counts[i] = counts.value(frameStatusName(allFrameStatuses[i])).toInt();
        result.m_total += result.m_counts[i];
    }
    return result;
}

QJsonObject RunStatus::summaryJson() const
{
    QJsonObject summary = toJson();
    if (m_session.commitInfo) {
        QJsonObject session = summary.value(QStringLiteral("session")).toObject();
        session.insert(QStringLiteral("committedAt"), m_session.commitInfo->timestamp);
        summary.insert(QStringLiteral("session"), session);
    }
    return summary;
}

namespace {

// A whole number a status can hold: at most as many as a run's frames (so that sums stay far
// from overflowing).
bool isCount(const QJsonValue &value)
{
    const double d = value.toDouble(-1);
    return value.isDouble() && d >= 0 && d <= RunFolder::maxFrameCount * 1000.0 &&
           d == double(value.toInt(-1));
}

std::optional<QStringList> texts(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return std::nullopt;
        list.append(item.toString());
    }
    return list;
}

// summaryJson()'s "session" into `session`.
bool readSession(const QJsonObject &s, DirectorSession &session)
{
    const std::optional<SessionStatus> status =
        sessionStatusFromName(s.value(u"status").toString());
    if (!status || !s.value(u"sessionId").isString() || !s.value(u"createdAt").isString() ||
        !s.value(u"lastModified").isString())
        return false;
    session.sessionId = s.value(u"sessionId").toString();
    session.status = *status;
    session.createdAt = s.value(u"createdAt").toString();
    session.lastModified = s.value(u"lastModified").toString();
    if (!s.contains(u"approvedCount"))
        return true;
    if (!isCount(s.value(u"approvedCount")) || !isCount(s.value(u"nudgedCount")) ||
        !isCount(s.value(u"patchedCount")) || !s.value(u"committedAt").isString())
        return false;
    session.commitInfo = CommitInfo{s.value(u"approvedCount").toInt(),
                                    s.value(u"nudgedCount").toInt(),
                                    s.value(u"patchedCount").toInt(),
                                    s.value(u"committedAt").toString(),
                                    {}};
    return true;
}

std::optional<QMap<int, RunStatus::ImageAttempt>> readImageAttempts(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    QMap<int, RunStatus::ImageAttempt> attempts;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool isIndex = false;
        const int index = it.key().toInt(&isIndex);
        const QJsonObject attempt = it.value().toObject();
        if (!isIndex || !isCount(attempt.value(u"attempt")) || !isCount(attempt.value(u"newest")))
            return std::nullopt;
        attempts.insert(index,
                        {attempt.value(u"attempt").toInt(), attempt.value(u"newest").toInt()});
    }
    return attempts;
}

std::optional<QList<RunStatus::Rejected>> readRejected(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QList<RunStatus::Rejected> rejected;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject r = item.toObject();
        if (!isCount(r.value(u"frameIndex")) || !r.value(u"reviewer").isString() ||
            !r.value(u"timestamp").isString())
            return std::nullopt;
        Verdict verdict;
        verdict.status = FrameStatus::AuditFail;
        verdict.reviewer = r.value(u"reviewer").toString();
        verdict.timestamp = r.value(u"timestamp").toString();
        if (r.contains(u"reasonCode"))
            verdict.reasonCode = r.value(u"reasonCode").toString();
        if (r.contains(u"reason"))
            verdict.reason = r.value(u"reason").toString();
        rejected.append({r.value(u"frameIndex").toInt(), verdict});
    }
    return rejected;
}

} // namespace

std::optional<RunStatus> RunStatus::fromJson(const QJsonObject &summary, const QString &runDir)
{
    const QJsonObject news = summary.value(u"news").toObject();
    const QJsonObject counts = summary.value(u"counts").toObject();
    std::optional<QStringList> missing = texts(summary.value(u"missing"));
    std::optional<QStringList> leftOut = texts(summary.value(u"leftOut"));
    std::optional<QMap<int, ImageAttempt>> imageAttempts =
        readImageAttempts(summary.value(u"imageAttempts"));
    std::optional<QList<Rejected>> rejected = readRejected(summary.value(u"rejected"));
    if (!summary.value(u"runId").isString() || !summary.value(u"moveId").isString() ||
        !isCount(summary.value(u"frameCount")) || !isCount(summary.value(u"nudged")) ||
        !isCount(summary.value(u"noted")) || !isCount(news.value(u"changed")) ||
        !isCount(news.value(u"added")) || !missing || !leftOut || !imageAttempts || !rejected)
        return std::nullopt;
    for (FrameStatus frameStatus : allFrameStatuses) {
        if (!isCount(counts.value(frameStatusName(frameStatus))))
            return std::nullopt;
    }
    RunStatus status;
    status.m_runDir = runDir;
    status.m_session.runId = summary.value(u"runId").toString();
    status.m_session.moveId = summary.value(u"moveId").toString();
    status.m_hasSessionFile = summary.contains(u"session");
    if (status.m_hasSessionFile) {
        if (!readSession(summary.value(u"session").toObject(), status.m_session))
            return std::nullopt;
        status.m_lastModifiedAhead = isAheadNow(status.m_session);
    }
    status.m_frameCount = summary.value(u"frameCount").toInt();
    status.m_counts = FrameCounts::fromJson(counts);
    status.m_nudged = summary.value(u"nudged").toInt();
    status.m_noted = summary.value(u"noted").toInt();
    status.m_newsChanged = news.value(u"changed").toInt();
    status.m_newsAdded = news.value(u"added").toInt();
    status.m_missing = std::move(*missing);
    status.m_leftOut = std::move(*leftOut);
    status.m_imageAttempts = std::move(*imageAttempts);
    status.m_rejected = std::move(*rejected);
    return status;
}
