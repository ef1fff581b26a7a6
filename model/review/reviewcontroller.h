#pragma once

#include "commit/commitexporter.h"
#include "core/outcome.h"
#include "review/reviewhistory.h"

#include <QImage>
#include <QObject>

#include <functional>

class SessionManager;

// The operator's review commands on the open session, without widgets: verdicts, nudges,
// notes, undo and redo, "next frame needing attention", commit and discard. Each edit is one
// undo step (ReviewHistory) with the words the Edit menu shows, and goes through the session's
// one change path (SessionManager::applyFrameEdit: rules, save, signal). The window calls it;
// tests drive it as the window does.
class ReviewController : public QObject
{
    Q_OBJECT

public:
    explicit ReviewController(SessionManager *manager, QObject *parent = nullptr);

    SessionManager *manager() const { return m_manager; }
    ReviewHistory *history() { return &m_history; }
    QUndoStack *undoStack() { return m_history.stack(); }

    // Who the verdicts are by (the "Your name" preference); empty: the user logged in. The
    // window sets it when it starts and when the preference changes.
    void setReviewer(const QString &name) { m_reviewer = name; }
    QString reviewer() const { return m_reviewer; }

    // While a run is being opened (the window's open, off the GUI thread), every change is
    // refused (Refused, saying so): nothing changes the review open before, or the run being
    // opened, until its session is adopted or the open has failed.
    void setOpening(bool opening) { m_opening = opening; }
    bool isOpening() const { return m_opening; }

    // The operator's verdicts, each recorded with the frame (who, when and, for a rejection,
    // why: a reason code and/or free text; docs/session-file.md, verdict).
    Outcome approve(int frameIndex);
    Outcome reject(int frameIndex, const QString &reasonCode = QString(),
                   const QString &reason = QString());
    // Moves the frame (dx, dy) pixels further than its offset now.
    Outcome nudge(int frameIndex, int dx, int dy);
    // The same verdict or nudge on several frames (the filmstrip's selection) as ONE change:
    // saved once, one undo step. A frame already at the verdict's status is left as it is.
    // The frames the rules refuse (the transition rules, an offset off the canvas) are left
    // out and the others changed; the outcome is then Refused and names each refused frame
    // and why. One frame: approve(), reject(), nudge().
    Outcome approveFrames(const QList<int> &frameIndexes);
    Outcome rejectFrames(const QList<int> &frameIndexes, const QString &reasonCode = QString(),
                         const QString &reason = QString());
    Outcome nudgeFrames(const QList<int> &frameIndexes, int dx, int dy);
    // approveFrames() and rejectFrames() as the window makes them: a selection of thousands of
    // frames is made off the GUI thread (SessionManager::applyFrameEditsInBackground) and
    // `done` gets the outcome once it is made, saved in the background and one undo step;
    // fewer frames are made at once, `done` called before these return.
    using Done = std::function<void(const Outcome &)>;
    void approveFrames(const QList<int> &frameIndexes, const Done &done);
    void rejectFrames(const QList<int> &frameIndexes, const QString &reasonCode,
                      const QString &reason, const Done &done);
    // Takes the frame's offset away; nothing to do (Ok) when it has none.
    Outcome clearNudge(int frameIndex);
    // The frame's notes (empty removes them); nothing to do (Ok) when they are the same or
    // the session cannot be changed.
    Outcome setNotes(int frameIndex, const QString &notes);
    // The frame's image becomes attempt `attemptIndex`'s (SessionManager, FrameEdit::useAttempt).
    Outcome useAttempt(int frameIndex, int attemptIndex);
    // `patched` becomes the frame's new patch (PatchMaker: its files, then the change, one undo
    // step named `what`); *changed gets the pixels it changed.
    Outcome patch(int frameIndex, const QImage &patched, const QString &prompt, const QString &what,
                  qsizetype *changed = nullptr);
    // "Revert to Original": the frame's image before its patches, the history kept.
    Outcome revertToOriginal(int frameIndex);
    // Undo and redo one step; when it is done, undoneOrRedone() names the frame it changed.
    Outcome undo();
    Outcome redo();

    // The first frame after (direction 1) or before (-1) `frameIndex`, in frame order and
    // around the ends, that is not approved (and that `shown` accepts, when given: the
    // filmstrip's filter); -1 when there is none.
    int nextNeedingAttention(int frameIndex, int direction,
                             const std::function<bool(int)> &shown = {}) const;

    // Ok when the session can be committed; otherwise Refused, saying why.
    Outcome readyToCommit() const;
    // Writes approved/ and closes the session for changes (SessionManager::commitSession).
    Outcome commit(const CommitExporter::Progress &progress = {});
    // Marks the session discarded: kept, read-only, nothing written to approved/.
    Outcome discard();

signals:
    // An undo or redo changed this frame.
    void undoneOrRedone(int frameIndex);

private:
    static Outcome refusedWhileOpening();
    Outcome step(bool forward);
    using StepName = ReviewHistory::StepName;
    // `edit` on each frame of `frameIndexes` as one undo step, named by how many changed.
    // `selected`: the frames the operator chose, those that had the verdict already included
    // (0: `frameIndexes`).
    Outcome editFrames(const QList<int> &frameIndexes, FrameEdit edit, const StepName &name,
                       qsizetype selected = 0);
    // The verdict `edit` (FrameEdit::statusTo) on each frame that does not have it already.
    Outcome verdictOnFrames(const QList<int> &frameIndexes, const FrameEdit &edit,
                            const StepName &name);
    // verdictOnFrames() through applyToFramesInBackground(), or at once (`done` called before
    // it returns) when `now`.
    void verdictOnFramesLater(const QList<int> &frameIndexes, const FrameEdit &edit,
                              const StepName &name, bool now, const Done &done);
    // The outcome of a batch on `selected` frames, of which `asked` needed the change: the
    // refused ones named, each with its reason, and those that had it already counted.
    static Outcome batchOutcome(const Outcome &outcome, const QList<FrameRefusal> &refused,
                                qsizetype selected, qsizetype asked);

    // One undo step of `edit`, made by the reviewer.
    Outcome apply(int frameIndex, FrameEdit edit, const QString &what);

    SessionManager *m_manager;
    ReviewHistory m_history;
    QString m_reviewer;
    bool m_opening = false;
};
