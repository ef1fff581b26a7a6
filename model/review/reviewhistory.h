#pragma once

#include "core/outcome.h"
#include "review/sessionmanager.h"

#include <QObject>
#include <QUndoStack>

#include <functional>

// The operator's actions on a session, undoable. Every action is one
// QUndoCommand holding the state before and after of the frame (or frames: a batch) it changed;
// undo and redo put a state back exactly, through the manager, and are saved like any change. An
// undo that cannot be saved leaves the stack where it was.
class ReviewHistory : public QObject
{
    Q_OBJECT

public:
    explicit ReviewHistory(SessionManager *manager, QObject *parent = nullptr);

    QUndoStack *stack() { return &m_stack; }

    // Makes a change to one frame through the manager (rules, save) and records it as one step
    // named `text`, whenever the frame changed (also when only the last sync failed and the
    // new state stands on disk).
    Outcome record(int frameIndex, const QString &text, const std::function<Outcome()> &change);
    // record() of the manager's applyFrameEdit.
    Outcome apply(int frameIndex, const FrameEdit &edit, const QString &text);
    // A change to several frames at once recorded as ONE step named `text` (one undo puts
    // them all back, saved once), holding the frames of `frameIndexes` that changed.
    Outcome recordFrames(const QList<int> &frameIndexes, const QString &text,
                         const std::function<Outcome()> &change);
    // The name of a step of several frames, by how many of them changed ("Approve 3 frames":
    // the refused ones are not in it).
    using StepName = std::function<QString(int changed)>;
    // recordFrames() of the manager's applyFrameEdits (the refused edits left out, in
    // *refused).
    Outcome applyToFrames(const QList<std::pair<int, FrameEdit>> &edits, const StepName &name,
                          QList<FrameRefusal> *refused = nullptr);
    Outcome applyToFrames(const QList<std::pair<int, FrameEdit>> &edits, const QString &text,
                          QList<FrameRefusal> *refused = nullptr)
    {
        return applyToFrames(
            edits, [text](int) { return text; }, refused);
    }
    // applyToFrames() through the manager's applyFrameEditsInBackground(): a large batch of
    // verdicts is made off the GUI thread; `done` gets the outcome and the refusals once it is
    // made and recorded (at once for any other).
    using Done = std::function<void(const Outcome &outcome, const QList<FrameRefusal> &refused)>;
    void applyToFramesInBackground(const QList<std::pair<int, FrameEdit>> &edits,
                                   const StepName &name, const Done &done);
    void applyToFramesInBackground(const QList<std::pair<int, FrameEdit>> &edits,
                                   const QString &text, const Done &done)
    {
        applyToFramesInBackground(
            edits, [text](int) { return text; }, done);
    }
    Outcome undo();
    Outcome redo();
    // The frame the next undo or redo changes; -1 when there is nothing to
    // undo or redo.
    int frameToUndo() const;
    int frameToRedo() const;

    // What the last undo or redo of a step came to; `dropped` when the
    // pipeline had changed the frame since and the step was left out.
    struct Step
    {
        Outcome outcome;
        bool dropped = false;
    };

private:
    SessionManager *m_manager;
    QUndoStack m_stack;
    Step m_step;
};
