#include "review/statuskeeper.h"

#include "core/backgroundpool.h"
#include "review/cachedrun.h"
#include "review/sessionmanager.h"
#include "review/statuscache.h"

#include <QCoreApplication>

StatusKeeper::StatusKeeper(SessionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager)
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(pauseMs);
    connect(&m_pause, &QTimer::timeout, this, &StatusKeeper::keep);
    // (A new session, saved as it is opened, too: what is kept is always the manager's now.)
    connect(m_manager, &SessionManager::saved, &m_pause, qOverload<>(&QTimer::start));
    connect(&m_keeping, &QFutureWatcher<bool>::finished, this, [this] {
        if (m_keeping.result())
            emit kept();
    });
    if (QCoreApplication *application = QCoreApplication::instance())
        connect(application, &QCoreApplication::aboutToQuit, this, &StatusKeeper::keepNow);
}

StatusKeeper::~StatusKeeper()
{
    m_keeping.waitForFinished();
}

void StatusKeeper::keepNow()
{
    if (m_pause.isActive()) {
        m_pause.stop();
        m_keeping.waitForFinished();
        keep();
    }
    m_keeping.waitForFinished();
}

void StatusKeeper::keep()
{
    if (m_keeping.isRunning()) {
        m_pause.start(); // one at a time: this one after it
        return;
    }
    const std::optional<CachedRun::Kept> kept = CachedRun::keepable(*m_manager);
    if (!kept)
        return;
    const StatusCache cache; // its folder told here, on the GUI thread
    m_keeping.setFuture(BackgroundPool::run([cache, kept = *kept] { return kept.keepIn(cache); }));
}
