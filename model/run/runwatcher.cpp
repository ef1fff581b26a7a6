#include "run/runwatcher.h"

#include "core/backgroundpool.h"
#include "review/sessionmanager.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

RunWatcher::RunWatcher(SessionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(defaultSettleDelay);
    m_rescan.setInterval(defaultRescanInterval);
    m_retry.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, [this] { startScan(false); });
    connect(&m_rescan, &QTimer::timeout, this, [this] { startScan(false); });
    connect(&m_retry, &QTimer::timeout, this, [this] { startScan(true); });
    // A burst of changes is read once, when it is over.
    auto changed = [this] {
        if (isFollowing())
            m_settle.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(&m_scan, &QFutureWatcher<Scan>::finished, this, &RunWatcher::scanFinished);
    connect(manager, &SessionManager::sessionOpened, this, &RunWatcher::follow);
    connect(manager, &SessionManager::sessionStatusChanged, this, &RunWatcher::follow);
    follow();
}

RunWatcher::~RunWatcher()
{
    m_scan.waitForFinished();
}

QStringList RunWatcher::watchedPaths() const
{
    return m_watcher.directories() + m_watcher.files();
}

void RunWatcher::follow()
{
    const bool writable = m_manager->hasSession() && !m_manager->isReadOnly();
    const QString runDir = writable ? m_manager->runDir() : QString();
    if (runDir == m_runDir)
        return;
    stop();
    if (runDir.isEmpty())
        return;
    m_runDir = runDir;
    watchFolders();
    m_rescan.start();
    // What the pipeline wrote while the run was not open here.
    startScan(true);
}

void RunWatcher::stop()
{
    m_runDir.clear();
    m_fingerprint.clear();
    m_settle.stop();
    m_rescan.stop();
    m_retry.stop();
    m_again = m_againForced = false;
    m_retries = 0;
    const QStringList watched = watchedPaths();
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
}

void RunWatcher::watchFolders()
{
    // The folders may appear later, and a file replaced by a rename is no
    // longer watched: what exists is (re)added on every look.
    QStringList paths;
    const QStringList watched = watchedPaths();
    auto add = [&](const QString &path, bool folder) {
        const QFileInfo info(path);
        if ((folder ? info.isDir() : info.isFile()) && !watched.contains(path))
            paths.append(path);
    };
    add(m_runDir, true);
    for (const char *folder : RunFolder::folders)
        add(m_runDir + u'/' + QLatin1String(folder), true);
    for (const char *file : RunFolder::files)
        add(m_runDir + u'/' + QLatin1String(file), false);
    if (!paths.isEmpty())
        m_watcher.addPaths(paths);
}

void RunWatcher::scanNow()
{
    if (isFollowing())
        startScan(true);
}

void RunWatcher::startScan(bool force)
{
    if (!isFollowing() || !m_manager->hasSession())
        return;
    if (m_scan.isRunning()) {
        m_again = true;
        m_againForced = m_againForced || force;
        return;
    }
    watchFolders();
    m_scan.setFuture(BackgroundPool::run(&RunWatcher::scan, m_runDir, m_manager->session(),
                                         force ? QByteArray() : m_fingerprint));
}

RunWatcher::Scan RunWatcher::scan(const QString &runDir, const DirectorSession &session,
                                  const QByteArray &previous)
{
    Scan result;
    result.runDir = runDir;
    result.fingerprint = fingerprint(runDir);
    if (!previous.isEmpty() && result.fingerprint == previous)
        return result;
    result.read = true;
    RunFolder::Contents contents;
    if (RunFolder::read(runDir, &contents))
        result.plan = RunIngest::plan(session, contents, runDir);
    return result;
}

QByteArray RunWatcher::fingerprint(const QString &runDir)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&hash](const QFileInfo &info) {
        hash.addData(info.fileName().toUtf8());
        const qint64 facts[] = {info.size(), info.lastModified().toMSecsSinceEpoch(),
                                info.exists() ? 1 : 0};
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(facts), sizeof facts));
    };
    for (const char *file : RunFolder::files)
        add(QFileInfo(runDir + u'/' + QLatin1String(file)));
    for (const char *folder : RunFolder::folders) {
        QDir dir(runDir + u'/' + QLatin1String(folder));
        dir.setFilter(QDir::Files | QDir::System);
        dir.setSorting(QDir::Name);
        hash.addData(QByteArrayView(folder));
        for (const QFileInfo &info : dir.entryInfoList())
            add(info);
    }
    return hash.result();
}

void RunWatcher::scanFinished()
{
    const Scan result = m_scan.result();
    bool lookAgain = false;
    if (result.runDir != m_runDir) {
        // Read for a run that is no longer the one open.
    } else if (result.read) {
        ++m_reads;
        const RunIngest::Plan &plan = result.plan;
        int changed = 0;
        int added = 0;
        if (!plan.isEmpty()) {
            m_manager->ingest(plan, &changed, &added);
            if (changed + added > 0)
                emit ingested(changed, added);
            // A frame the operator changed meanwhile is looked at again.
            lookAgain = changed + added < plan.changes.size() + plan.added.size();
        }
        if (!plan.waiting.isEmpty())
            emit waiting(plan.waiting);
        QStringList newlyLeftOut;
        for (const QString &what : plan.leftOut) {
            if (!m_leftOut.contains(what))
                newlyLeftOut.append(what);
        }
        m_leftOut = plan.leftOut;
        if (!newlyLeftOut.isEmpty())
            emit leftOut(newlyLeftOut);
        lookAgain = lookAgain || plan.runWaiting || !plan.waiting.isEmpty();
        // Looked at again soon, a few times, sooner the first; then only when
        // something in the folder changes (a file being written does): a file
        // that is never finished does not keep the folder being read.
        m_fingerprint = result.fingerprint;
        if (!lookAgain) {
            m_retries = 0;
        } else if (m_retries < maxRetries) {
            m_retry.start(m_retryDelay << m_retries);
            ++m_retries;
        }
    } else {
        m_fingerprint = result.fingerprint;
    }
    if (result.runDir == m_runDir)
        emit looked();
    if (m_again) {
        const bool force = m_againForced;
        m_again = m_againForced = false;
        startScan(force);
    }
}
