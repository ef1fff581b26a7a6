#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

class SessionManager;

// Keeps the status of the run open in the window for the next `director status`
// (StatusCache::keepSaved, through CachedRun): once every change is saved and the review has
// paused a moment (keys come in bursts: one status a pause, not one a key), worked out off the
// GUI thread from copies of the session and the run (implicitly shared: nothing is copied
// whole). A status is kept only while the manager can vouch for it (CachedRun::keepable): its
// run read through the cache, its latest change written and stamped. What is due when the
// window closes or opens another run (MainWindow, before the session is closed: keepNow()) or
// the application quits is kept before it does.
class StatusKeeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int pauseMs = 1000;

    // `manager` must outlive the keeper's use of it: it is the window's.
    explicit StatusKeeper(SessionManager *manager, QObject *parent = nullptr);
    // Waits for a status being kept.
    ~StatusKeeper() override;

    // Keeps it now when one is due (after a save, before the pause is over), and waits.
    void keepNow();

signals:
    // A status was kept (in the user's cache folder).
    void kept();

private:
    void keep();

    SessionManager *m_manager;
    QTimer m_pause;
    QFutureWatcher<bool> m_keeping;
};
