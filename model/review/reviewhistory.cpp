#include "review/reviewhistory.h"

namespace {

class FrameStateCommand : public QUndoCommand
{
public:
    FrameStateCommand(SessionManager *manager, ReviewHistory::Step *step,
                      const DirectorFrameState &before, const DirectorFrameState &after,
                      const QString &text)
        : QUndoCommand(text), m_manager(manager), m_step(step), m_before(before), m_after(after)
    {}

    // The first redo is the action itself, already applied and saved.
    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            *m_step = {};
            return;
        }
        put(m_before, m_after);
    }
    void undo() override { put(m_after, m_before); }

    int frameIndex() const { return m_after.frameIndex; }

private:
    // Puts `to` back when the frame is still `from`. When it is not, the
    // pipeline has changed the frame since (RunIngest: a new attempt, its
    // audit). A step that changed only what the operator wrote (notes, a
    // nudge that approved nothing) is put on the frame as it is now. Any
    // other would undo the pipeline's work too: it is dropped from the
    // history (QUndoStack deletes an obsolete command) and the operator told.
    void put(const DirectorFrameState &from, const DirectorFrameState &to)
    {
        *m_step = {};
        const std::optional<DirectorFrameState> current = m_manager->getFrameState(to.frameIndex);
        DirectorFrameState target = to;
        if (current && *current != from && *current != to) {
            DirectorFrameState overridesOnly = from;
            overridesOnly.directorOverrides = to.directorOverrides;
            if (overridesOnly != to || current->directorOverrides != from.directorOverrides) {
                setObsolete(true);
                m_step->dropped = true;
                m_step->outcome = Outcome::refused(
                    ReviewHistory::tr("Frame %1 has changed in the pipeline since \"%2\": that "
                                      "step can no longer be undone or redone, and is left out.")
                        .arg(to.frameIndex)
                        .arg(text()));
                return;
            }
            target = *current;
            target.directorOverrides = to.directorOverrides;
        }
        m_step->outcome = m_manager->saveFrameState(to.frameIndex, target);
    }

    SessionManager *m_manager;
    ReviewHistory::Step *m_step; // the history's: the command may be deleted when it is done
    DirectorFrameState m_before;
    DirectorFrameState m_after;
    bool m_applied = true;
};

} // namespace

ReviewHistory::ReviewHistory(SessionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager)
{
    // A new session starts a new history.
    connect(manager, &SessionManager::sessionOpened, &m_stack, &QUndoStack::clear);
    connect(manager, &SessionManager::sessionStatusChanged, &m_stack, &QUndoStack::clear);
}

Outcome ReviewHistory::record(int frameIndex, const QString &text,
                              const std::function<Outcome()> &change)
{
    const std::optional<DirectorFrameState> before = m_manager->getFrameState(frameIndex);
    if (!before)
        return Outcome::invalid(tr("There is no frame %1.").arg(frameIndex));
    const Outcome applied = change();
    const std::optional<DirectorFrameState> after = m_manager->getFrameState(frameIndex);
    if (after && *after != *before)
        m_stack.push(new FrameStateCommand(m_manager, &m_step, *before, *after, text));
    return applied;
}

Outcome ReviewHistory::apply(int frameIndex, const FrameEdit &edit, const QString &text)
{
    return record(frameIndex, text, [&] { return m_manager->applyFrameEdit(frameIndex, edit); });
}

int ReviewHistory::frameToUndo() const
{
    if (!m_stack.canUndo())
        return -1;
    return static_cast<const FrameStateCommand *>(m_stack.command(m_stack.index() - 1))
        ->frameIndex();
}

int ReviewHistory::frameToRedo() const
{
    if (!m_stack.canRedo())
        return -1;
    return static_cast<const FrameStateCommand *>(m_stack.command(m_stack.index()))->frameIndex();
}

Outcome ReviewHistory::undo()
{
    if (!m_stack.canUndo())
        return Outcome::refused(tr("There is nothing to undo."));
    m_stack.undo();
    // A step left out is gone from the stack. One that could not be saved
    // goes back on it: the frame did not change, neither does the history.
    if (!m_step.dropped && !m_step.outcome) {
        const Outcome failed = m_step.outcome;
        m_stack.redo();
        return failed;
    }
    return m_step.outcome;
}

Outcome ReviewHistory::redo()
{
    if (!m_stack.canRedo())
        return Outcome::refused(tr("There is nothing to redo."));
    m_stack.redo();
    if (m_step.dropped) {
        // QUndoStack::redo() deletes an obsolete command without saying that
        // what there is to redo changed: said here, for the Redo action.
        emit m_stack.indexChanged(m_stack.index());
        emit m_stack.canRedoChanged(m_stack.canRedo());
        emit m_stack.redoTextChanged(m_stack.redoText());
    } else if (!m_step.outcome) {
        const Outcome failed = m_step.outcome;
        m_stack.undo();
        return failed;
    }
    return m_step.outcome;
}
