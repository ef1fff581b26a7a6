#include "reviewhistory.h"

namespace {

class FrameStateCommand : public QUndoCommand
{
public:
    FrameStateCommand(SessionManager *manager, const DirectorFrameState &before,
                      const DirectorFrameState &after, const QString &text)
        : QUndoCommand(text), m_manager(manager), m_before(before), m_after(after)
    {}

    // The first redo is the action itself, already applied and saved.
    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            m_outcome = Outcome::ok();
            return;
        }
        m_outcome = m_manager->restoreFrameState(m_after.frameIndex, m_after);
    }
    void undo() override
    {
        m_outcome = m_manager->restoreFrameState(m_before.frameIndex, m_before);
    }

    const Outcome &outcome() const { return m_outcome; }
    int frameIndex() const { return m_after.frameIndex; }

private:
    SessionManager *m_manager;
    DirectorFrameState m_before;
    DirectorFrameState m_after;
    bool m_applied = true;
    Outcome m_outcome;
};

} // namespace

ReviewHistory::ReviewHistory(SessionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager)
{
    // A new session starts a new history.
    connect(manager, &SessionManager::sessionOpened, &m_stack, &QUndoStack::clear);
    connect(manager, &SessionManager::sessionStatusChanged, &m_stack, &QUndoStack::clear);
}

Outcome ReviewHistory::apply(int frameIndex, const FrameEdit &edit, const QString &text)
{
    const std::optional<DirectorFrameState> before = m_manager->getFrameState(frameIndex);
    if (!before)
        return Outcome::invalid(tr("There is no frame %1.").arg(frameIndex));
    const Outcome applied = m_manager->applyFrameEdit(frameIndex, edit);
    const std::optional<DirectorFrameState> after = m_manager->getFrameState(frameIndex);
    // Recorded whenever the frame changed: also when only the last sync failed
    // and the new state stands on disk.
    if (after && *after != *before)
        m_stack.push(new FrameStateCommand(m_manager, *before, *after, text));
    return applied;
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
    const auto *command =
        static_cast<const FrameStateCommand *>(m_stack.command(m_stack.index() - 1));
    m_stack.undo();
    if (!command->outcome()) {
        const Outcome failed = command->outcome();
        m_stack.redo(); // the frame did not change: neither does the history
        return failed;
    }
    return Outcome::ok();
}

Outcome ReviewHistory::redo()
{
    if (!m_stack.canRedo())
        return Outcome::refused(tr("There is nothing to redo."));
    const auto *command = static_cast<const FrameStateCommand *>(m_stack.command(m_stack.index()));
    m_stack.redo();
    if (!command->outcome()) {
        const Outcome failed = command->outcome();
        m_stack.undo();
        return failed;
    }
    return Outcome::ok();
}
