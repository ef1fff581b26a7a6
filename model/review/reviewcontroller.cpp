#include "review/reviewcontroller.h"

#include "core/instep.h"
#include "patch/patchmaker.h"
#include "review/sessionmanager.h"

#include <algorithm>

ReviewController::ReviewController(SessionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager), m_history(manager)
{}

Outcome ReviewController::refusedWhileOpening()
{
    return Outcome::refused(tr("A run is being opened: nothing can be changed until it is."));
}

Outcome ReviewController::apply(int frameIndex, FrameEdit edit, const QString &what)
{
    if (m_opening)
        return refusedWhileOpening();
    edit.reviewer = m_reviewer;
    return m_history.apply(frameIndex, edit, what);
}

Outcome ReviewController::approve(int frameIndex)
{
    return apply(frameIndex, FrameEdit::statusTo(FrameStatus::Approved),
                 tr("Approve frame %1").arg(frameIndex));
}

Outcome ReviewController::reject(int frameIndex, const QString &reasonCode, const QString &reason)
{
    return apply(frameIndex,
                 FrameEdit::statusTo(FrameStatus::AuditFail, QString(), reasonCode, reason),
                 tr("Reject frame %1").arg(frameIndex));
}

Outcome ReviewController::nudge(int frameIndex, int dx, int dy)
{
    return apply(frameIndex, FrameEdit::moveBy(dx, dy),
                 tr("Nudge frame %1 by %2, %3").arg(frameIndex).arg(dx).arg(dy));
}

Outcome ReviewController::approveFrames(const QList<int> &frameIndexes)
{
    if (frameIndexes.size() == 1)
        return approve(frameIndexes.constFirst());
    return verdictOnFrames(frameIndexes, FrameEdit::statusTo(FrameStatus::Approved),
                           [](int n) { return tr("Approve %n frames", nullptr, n); });
}

Outcome ReviewController::rejectFrames(const QList<int> &frameIndexes, const QString &reasonCode,
                                       const QString &reason)
{
    if (frameIndexes.size() == 1)
        return reject(frameIndexes.constFirst(), reasonCode, reason);
    return verdictOnFrames(
        frameIndexes, FrameEdit::statusTo(FrameStatus::AuditFail, QString(), reasonCode, reason),
        [](int n) { return tr("Reject %n frames", nullptr, n); });
}

void ReviewController::approveFrames(const QList<int> &frameIndexes, const Done &done)
{
    if (frameIndexes.size() == 1)
        return done(approve(frameIndexes.constFirst()));
    verdictOnFramesLater(
        frameIndexes, FrameEdit::statusTo(FrameStatus::Approved),
        [](int n) { return tr("Approve %n frames", nullptr, n); }, false, done);
}

void ReviewController::rejectFrames(const QList<int> &frameIndexes, const QString &reasonCode,
                                    const QString &reason, const Done &done)
{
    if (frameIndexes.size() == 1)
        return done(reject(frameIndexes.constFirst(), reasonCode, reason));
    verdictOnFramesLater(
        frameIndexes, FrameEdit::statusTo(FrameStatus::AuditFail, QString(), reasonCode, reason),
        [](int n) { return tr("Reject %n frames", nullptr, n); }, false, done);
}

Outcome ReviewController::nudgeFrames(const QList<int> &frameIndexes, int dx, int dy)
{
    if (frameIndexes.size() == 1)
        return nudge(frameIndexes.constFirst(), dx, dy);
    return editFrames(frameIndexes, FrameEdit::moveBy(dx, dy), [dx, dy](int n) {
        return tr("Nudge %n frames by %1, %2", nullptr, n).arg(dx).arg(dy);
    });
}

Outcome ReviewController::verdictOnFrames(const QList<int> &frameIndexes, const FrameEdit &edit,
                                          const StepName &name)
{
    Outcome made;
    verdictOnFramesLater(frameIndexes, edit, name, true, [&made](const Outcome &o) { made = o; });
    return made;
}

void ReviewController::verdictOnFramesLater(const QList<int> &frameIndexes, const FrameEdit &edit,
                                            const StepName &name, bool now, const Done &done)
{
    if (m_opening)
        return done(refusedWhileOpening());
    m_manager->finishBatch(); // the frames as they are after it
    // A frame that has the verdict already needs nothing: it is not a refusal. A rejection
    // with a reason is recorded for a frame rejected already too (its reason).
    const FrameStatus status = edit.status.value_or(FrameStatus::Approved);
    const bool reasoned = !edit.reasonCode.isEmpty() || !edit.reason.trimmed().isEmpty();
    QList<int> frames;
    frames.reserve(frameIndexes.size());
    if (m_manager->hasSession()) {
        const QMap<int, DirectorFrameState> &all = m_manager->session().frames;
        // In index order (the filmstrip's selection).
        walkInStep(all, frameIndexes, [&](int frameIndex, auto frame) {
            if (frame == all.cend() || frame->status != status || reasoned)
                frames.append(frameIndex);
            return true;
        });
    }
    if (frames.isEmpty())
        return done(Outcome::ok());
    if (now)
        return done(editFrames(frames, edit, name, frameIndexes.size()));
    FrameEdit withReviewer = edit;
    withReviewer.reviewer = m_reviewer; // as apply() does for one frame
    QList<std::pair<int, FrameEdit>> edits;
    edits.reserve(frames.size());
    for (const int frameIndex : std::as_const(frames))
        edits.append({frameIndex, withReviewer});
    m_history.applyToFramesInBackground(
        edits, name,
        [done, selected = frameIndexes.size(),
         asked = frames.size()](const Outcome &outcome, const QList<FrameRefusal> &refused) {
            done(batchOutcome(outcome, refused, selected, asked));
        });
}

Outcome ReviewController::editFrames(const QList<int> &frameIndexes, FrameEdit edit,
                                     const StepName &name, qsizetype selected)
{
    if (m_opening)
        return refusedWhileOpening();
    edit.reviewer = m_reviewer; // as apply() does for one frame
    QList<std::pair<int, FrameEdit>> edits;
    edits.reserve(frameIndexes.size());
    for (const int frameIndex : frameIndexes)
        edits.append({frameIndex, edit});
    QList<FrameRefusal> refused;
    const Outcome outcome = m_history.applyToFrames(edits, name, &refused);
    const qsizetype asked = frameIndexes.size();
    return batchOutcome(outcome, refused, std::max(selected, asked), asked);
}

Outcome ReviewController::batchOutcome(const Outcome &outcome, const QList<FrameRefusal> &refused,
                                       qsizetype selected, qsizetype asked)
{
    // A save that failed says so first.
    if (refused.isEmpty() || (!outcome && outcome.kind() != Outcome::Kind::Refused))
        return outcome;
    // The refused frames are named, each with its reason.
    const qsizetype changed = outcome ? asked - refused.size() : 0;
    constexpr qsizetype named = 8;
    QStringList reasons;
    for (qsizetype i = 0; i < std::min(named, refused.size()); ++i)
        reasons.append(refused.at(i).outcome.message());
    if (refused.size() > named)
        reasons.append(tr("and %n more", nullptr, int(refused.size() - named)));
    const QString counted =
        selected > asked
            ? tr("%1 of %2 frames changed (%n had it already)", nullptr, int(selected - asked))
                  .arg(changed)
                  .arg(selected)
            : tr("%1 of %2 frames changed").arg(changed).arg(selected);
    return Outcome::refused(
        tr("%1; not changed: %2").arg(counted, reasons.join(QStringLiteral("; "))));
}

Outcome ReviewController::clearNudge(int frameIndex)
{
    if (m_opening)
        return refusedWhileOpening();
    m_manager->finishBatch(); // the frame as the batch under way leaves it
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame || !frame->directorOverrides.alignment)
        return Outcome::ok();
    // The frame's overrides as they are, without the offset: its notes and patches stay as
    // the file holds them.
    DirectorOverrides overrides = frame->directorOverrides;
    overrides.alignment.reset();
    return m_history.record(frameIndex, tr("Clear the nudge of frame %1").arg(frameIndex),
                            [&] { return m_manager->updateFrameOverrides(frameIndex, overrides); });
}

Outcome ReviewController::setNotes(int frameIndex, const QString &notes)
{
    if (m_opening)
        return refusedWhileOpening();
    m_manager->finishBatch(); // the frame as the batch under way leaves it
    const std::optional<DirectorFrameState> state = m_manager->getFrameState(frameIndex);
    if (!state || state->directorOverrides.notes.value_or(QString()) == notes ||
        m_manager->isReadOnly())
        return Outcome::ok();
    return m_history.apply(frameIndex, FrameEdit::notesTo(notes),
                           tr("Edit the notes of frame %1").arg(frameIndex));
}

Outcome ReviewController::useAttempt(int frameIndex, int attemptIndex)
{
    if (m_opening)
        return refusedWhileOpening();
    return m_history.apply(frameIndex, FrameEdit::useAttempt(attemptIndex),
                           tr("Use attempt %1 for frame %2").arg(attemptIndex).arg(frameIndex));
}

Outcome ReviewController::patch(int frameIndex, const QImage &patched, const QString &prompt,
                                const QString &what, qsizetype *changed)
{
    if (m_opening)
        return refusedWhileOpening();
    m_manager->finishBatch(); // the frame as the batch under way leaves it
    const std::optional<DirectorFrameState> state = m_manager->getFrameState(frameIndex);
    if (!state)
        return Outcome::invalid(tr("There is no frame %1 in this run.").arg(frameIndex));
    const auto applyPatch = [this, &what](int frame, const FrameEdit &edit) {
        return apply(frame, edit, what);
    };
    return PatchMaker::make(m_manager->runDir(), *state, patched, prompt, applyPatch, changed);
}

Outcome ReviewController::revertToOriginal(int frameIndex)
{
    if (m_opening)
        return refusedWhileOpening();
    return m_history.apply(frameIndex, FrameEdit::revertToOriginal(),
                           tr("Revert frame %1 to its original image").arg(frameIndex));
}

Outcome ReviewController::step(bool forward)
{
    if (m_opening)
        return refusedWhileOpening();
    const int frame = forward ? m_history.frameToRedo() : m_history.frameToUndo();
    const Outcome outcome = forward ? m_history.redo() : m_history.undo();
    if (outcome)
        emit undoneOrRedone(frame);
    return outcome;
}

Outcome ReviewController::undo()
{
    return step(false);
}

Outcome ReviewController::redo()
{
    return step(true);
}

int ReviewController::nextNeedingAttention(int frameIndex, int direction,
                                           const std::function<bool(int)> &shown) const
{
    if (!m_manager->hasSession())
        return -1;
    QList<int> frames; // needing attention, in frame order
    for (const DirectorFrameState &frame : m_manager->session().frames) {
        if (frame.status != FrameStatus::Approved && (!shown || shown(frame.frameIndex)))
            frames.append(frame.frameIndex);
    }
    if (frames.isEmpty())
        return -1;
    std::sort(frames.begin(), frames.end());
    if (direction > 0) {
        const auto after = std::upper_bound(frames.cbegin(), frames.cend(), frameIndex);
        return after != frames.cend() ? *after : frames.constFirst();
    }
    const auto before = std::lower_bound(frames.cbegin(), frames.cend(), frameIndex);
    return before != frames.cbegin() ? *(before - 1) : frames.constLast();
}

Outcome ReviewController::readyToCommit() const
{
    if (!m_manager->hasSession())
        return Outcome::refused(tr("No run is open."));
    return CommitExporter::readyToCommit(m_manager->session());
}

Outcome ReviewController::commit(const CommitExporter::Progress &progress)
{
    if (m_opening)
        return refusedWhileOpening();
    return m_manager->commitSession(progress);
}

Outcome ReviewController::discard()
{
    if (m_opening)
        return refusedWhileOpening();
    return m_manager->discardSession();
}
