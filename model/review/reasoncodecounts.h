#pragma once

#include "session/directorsession.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class SessionManager;

// The reason codes the open run's frames name (their audits' flags and their attempts' reason
// codes), each with how often they name it, kept up to date as the session changes: the reason
// picker offers them without walking every frame when `X` is pressed (a 10,000-frame run took
// 16 ms on the GUI thread). Counted on the BackgroundPool when a run opens; after that, each
// change looks at the frames it changed only, and a frame whose flags and attempts are still
// the very lists counted (implicitly shared: a verdict, a nudge, an undo) costs a comparison
// of pointers; a batch of changes (SessionManager::backgroundBatch frames or more) is looked at
// on the pool too. docs/threads.md.
class ReasonCodeCounts : public QObject
{
    Q_OBJECT

public:
    using Counts = QHash<QString, int>;

    explicit ReasonCodeCounts(const SessionManager *manager, QObject *parent = nullptr);
    // Waits for a count under way.
    ~ReasonCodeCounts() override;

    // Every code the session's frames name, with how many times they name it (an audit flag
    // and each attempt's code once each); empty without a session. Always the session as it
    // is now: while a count is still being made, this waits for it.
    const Counts &counts();
    // The codes of counts(), sorted.
    QStringList codes();
    // A count is being made off the GUI thread (the run's first, or a batch's).
    bool isCounting() const { return m_counting; }

    // counts() of `frames`, by walking every one of them (on any thread).
    static Counts countAll(const QMap<int, DirectorFrameState> &frames);

private:
    // What one frame was counted from: its lists, shared with the session's frame.
    struct Named
    {
        QStringList flags;
        QList<AttemptInfo> attempts;
    };
    struct Counted
    {
        QHash<int, Named> frames;
        Counts counts;
    };
    static Counted count(const QMap<int, DirectorFrameState> &frames);
    static void add(Counts &counts, const Named &named, int sign);
    static bool sameCodes(const Named &a, const DirectorFrameState &b);

    // Whether each of `frames` is still counted from the very lists it has in `all`.
    static bool unchanged(const Counted &counted, const QMap<int, DirectorFrameState> &all,
                          const QList<int> &frames);
    // `frames` (indexes into `all`, the session's frames) counted again in `counted`.
    static void update(Counted &counted, const QMap<int, DirectorFrameState> &all,
                       const QList<int> &frames);
    // `job` made on the BackgroundPool; counts() waits for it until it is adopted.
    void start(std::function<Counted()> job);
    void sessionOpened();
    // These frames (in index order) changed or were added.
    void framesChanged(const QList<int> &frames);
    void finished();
    // The count under way, taken in (waited for when it is not done yet).
    void adopt();

    const SessionManager *m_manager;
    QFutureWatcher<Counted> m_watcher;
    bool m_counting = false;
    // Frames changed while the first count was made: looked at again once it is in.
    QList<int> m_changedMeanwhile;
    Counted m_counted;
};
