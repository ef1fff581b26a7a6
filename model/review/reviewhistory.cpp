#include "review/reviewhistory.h"

#include "core/backgroundpool.h"

#include <QThreadPool>

namespace {

// A batch of at least this many frames is freed off the GUI thread.
constexpr qsizetype largeBatch = 512;

// One step: the states of the frames it changed (one frame, or a batch of them), before and
// after.
class FrameStateCommand : public QUndoCommand
{
public:
    struct Change
    {
        DirectorFrameState before;
        DirectorFrameState after;
    };

    using Frames = QMap<int, DirectorFrameState>;

    FrameStateCommand(SessionManager *manager, ReviewHistory::Step *step, QList<Change> changes,
                      const QString &text)
        : QUndoCommand(text), m_manager(manager), m_step(step), m_changes(std::move(changes))
    {}
    // A batch: the session's frames before and after it (each shared with the session's, not
    // copied), and the frames it changed, in index order.
    FrameStateCommand(SessionManager *manager, ReviewHistory::Step *step, Frames before,
                      Frames after, QList<int> changed, const QString &text)
        : QUndoCommand(text), m_manager(manager), m_step(step), m_before(std::move(before)),
          m_after(std::move(after)), m_changed(std::move(changed))
    {}
    // A batch's frames no longer held by the session (a step dropped from the redo side: a
    // new step pushed after an undo) are thousands of frames to free: freed off the GUI
    // thread. What the session still shares is only let go of.
    ~FrameStateCommand() override
    {
        if (m_changed.size() < largeBatch)
            return;
        BackgroundPool::start([before = std::move(m_before), after = std::move(m_after),
                               changes = std::move(m_changes)]() mutable {
            before = {};
            after = {};
            changes = {};
        });
    }

    // The first redo is the action itself, already applied and saved.
    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            *m_step = {};
            return;
        }
        put(true);
    }
    void undo() override { put(false); }

    int frameIndex() const
    {
        return m_changed.isEmpty() ? m_changes.constFirst().after.frameIndex
                                   : m_changed.constFirst();
    }

private:
    // Puts every frame's `to` back (after when forward, else before), as one change, when
    // each frame is still `from`. When one is not, the pipeline has changed it since
    // (RunIngest: a new attempt, its audit). A step that changed only what the operator wrote
    // (notes, a nudge that approved nothing) is put on the frame as it is now. Any other would
    // undo the pipeline's work too: the whole step is dropped from the history (QUndoStack
    // deletes an obsolete command) and the operator told.
    void put(bool forward)
    {
        *m_step = {};
        if (!m_changed.isEmpty()) {
            // A batch whose frames nothing changed since: the frames as a whole put back, in
            // constant time. Otherwise frame by frame, as any step.
            const Frames &from = forward ? m_before : m_after;
            const Frames &to = forward ? m_after : m_before;
            if (m_manager->framesAre(from)) {
                m_step->outcome = m_manager->replaceFrames(from, to, m_changed);
                return;
            }
            if (m_changes.isEmpty()) {
                m_changes.reserve(m_changed.size());
                for (const int frameIndex : std::as_const(m_changed))
                    m_changes.append({m_before.value(frameIndex), m_after.value(frameIndex)});
            }
        }
        QList<DirectorFrameState> targets;
        targets.reserve(m_changes.size());
        for (const Change &change : std::as_const(m_changes)) {
            const DirectorFrameState &from = forward ? change.before : change.after;
            const DirectorFrameState &to = forward ? change.after : change.before;
            std::optional<DirectorFrameState> target = targetFor(from, to);
            if (!target) {
                drop(to.frameIndex);
                return;
            }
            targets.append(std::move(*target));
        }
        m_step->outcome =
            targets.size() == 1
                ? m_manager->saveFrameState(targets.constFirst().frameIndex, targets.constFirst())
                : m_manager->saveFrameStates(targets);
    }

    // What putting `to` back makes of the frame now; none when the pipeline changed it since.
    std::optional<DirectorFrameState> targetFor(const DirectorFrameState &from,
                                                const DirectorFrameState &to) const
    {
        const std::optional<DirectorFrameState> current = m_manager->getFrameState(to.frameIndex);
        if (!current || *current == from || *current == to)
            return to;
        DirectorFrameState overridesOnly = from;
        overridesOnly.directorOverrides = to.directorOverrides;
        if (overridesOnly != to || current->directorOverrides != from.directorOverrides)
            return std::nullopt;
        DirectorFrameState target = *current;
        target.directorOverrides = to.directorOverrides;
        return target;
    }

    void drop(int frameIndex)
    {
        setObsolete(true);
        m_step->dropped = true;
        m_step->outcome = Outcome::refused(
            ReviewHistory::tr("Frame %1 has changed in the pipeline since \"%2\": that step can "
                              "no longer be undone or redone, and is left out.")
                .arg(frameIndex)
                .arg(text()));
    }

    SessionManager *m_manager;
    ReviewHistory::Step *m_step; // the history's: the command may be deleted when it is done
    QList<Change> m_changes;     // a batch's made from its frames when first needed
    Frames m_before;             // a batch's
    Frames m_after;
    QList<int> m_changed;
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
    m_manager->finishBatch(); // the state before is the state after it
    const std::optional<DirectorFrameState> before = m_manager->getFrameState(frameIndex);
    if (!before)
        return Outcome::invalid(tr("There is no frame %1.").arg(frameIndex));
    const Outcome applied = change();
    const std::optional<DirectorFrameState> after = m_manager->getFrameState(frameIndex);
    if (after && *after != *before)
        m_stack.push(new FrameStateCommand(m_manager, &m_step, {{*before, *after}}, text));
    return applied;
}

Outcome ReviewHistory::recordFrames(const QList<int> &frameIndexes, const QString &text,
                                    const std::function<Outcome()> &change)
{
    m_manager->finishBatch();
    QList<DirectorFrameState> before;
    before.reserve(frameIndexes.size());
    for (const int frameIndex : frameIndexes) {
        if (std::optional<DirectorFrameState> state = m_manager->getFrameState(frameIndex))
            before.append(std::move(*state));
    }
    const Outcome applied = change();
    QList<FrameStateCommand::Change> changes;
    for (const DirectorFrameState &was : std::as_const(before)) {
        std::optional<DirectorFrameState> after = m_manager->getFrameState(was.frameIndex);
        if (after && *after != was)
            changes.append({was, std::move(*after)});
    }
    if (!changes.isEmpty())
        m_stack.push(new FrameStateCommand(m_manager, &m_step, std::move(changes), text));
    return applied;
}

void ReviewHistory::applyToFramesInBackground(const QList<std::pair<int, FrameEdit>> &edits,
                                              const StepName &name, const Done &done)
{
    m_manager->applyFrameEditsInBackground(
        edits, SessionManager::Refusals::ApplyTheRest,
        [this, name, done](const Outcome &outcome, const QList<FrameRefusal> &refused,
                           const QMap<int, DirectorFrameState> &before, const QList<int> &changed) {
            if (!changed.isEmpty() && m_manager->hasSession() && !m_manager->framesAre(before))
                m_stack.push(new FrameStateCommand(m_manager, &m_step, before,
                                                   m_manager->session().frames, changed,
                                                   name(int(changed.size()))));
            done(outcome, refused);
        });
}

Outcome ReviewHistory::applyToFrames(const QList<std::pair<int, FrameEdit>> &edits,
                                     const StepName &name, QList<FrameRefusal> *refused)
{
    m_manager->finishBatch(); // the state before is the state after it
    if (!m_manager->hasSession())
        return m_manager->applyFrameEdits(edits, SessionManager::Refusals::ApplyTheRest, refused);
    // The session's frames before and after, shared with it (no frame copied): one step.
    const FrameStateCommand::Frames before = m_manager->session().frames;
    QList<int> changed;
    const Outcome applied = m_manager->applyFrameEdits(
        edits, SessionManager::Refusals::ApplyTheRest, refused, &changed);
    if (!changed.isEmpty() && m_manager->hasSession() && !m_manager->framesAre(before)) {
        const QString text = name(int(changed.size()));
        m_stack.push(new FrameStateCommand(m_manager, &m_step, before, m_manager->session().frames,
                                           std::move(changed), text));
    }
    return applied;
}

Outcome ReviewHistory::apply(int frameIndex, const FrameEdit &edit, const QString &text)
{
    return record(frameIndex, text, [&] { return m_manager->applyFrameEdit(frameIndex, edit); });
}

int ReviewHistory::frameToUndo() const
{
    m_manager->finishBatch(); // its step is the one to undo
    if (!m_stack.canUndo())
        return -1;
    return static_cast<const FrameStateCommand *>(m_stack.command(m_stack.index() - 1))
        ->frameIndex();
}

int ReviewHistory::frameToRedo() const
{
    m_manager->finishBatch();
    if (!m_stack.canRedo())
        return -1;
    return static_cast<const FrameStateCommand *>(m_stack.command(m_stack.index()))->frameIndex();
}

Outcome ReviewHistory::undo()
{
    m_manager->finishBatch();
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
    m_manager->finishBatch();
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
