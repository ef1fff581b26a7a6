#pragma once

#include "run/runfolder.h"
#include "run/runingest.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

class SessionManager;

// Follows the run folder of the manager's open session while the pipeline
// is still writing it, and takes in what it writes (RunIngest, through
// SessionManager::ingest): new images, audit results, attempts, frames.
//
// The folder and its candidates/, audit/, approved/ and rejected/ are
// watched (QFileSystemWatcher), and state.json and the manifest too (they
// may be rewritten in place). A change is read once the folder has been
// quiet for a moment (the pipeline writes in bursts); the folder is also
// looked at every few seconds anyway, because watchers miss events on some
// file systems (NFS, some FUSE mounts), and a look that finds nothing new
// costs a listing only. The folder is read off the GUI thread. Files still
// being written are looked at again shortly (they are not corrupt, only not
// done). Director's own files in the run folder (the session, its backup
// and lock) are not the pipeline's news and are ignored.
//
// Only a session that can be changed is followed: not one open read-only,
// committed or discarded.
class RunWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultSettleDelay = 250;     // ms
    static constexpr int defaultRescanInterval = 3000; // ms
    static constexpr int defaultRetryDelay = 500;      // ms

    explicit RunWatcher(SessionManager *manager, QObject *parent = nullptr);
    // Waits for a read that is under way.
    ~RunWatcher() override;

    void setSettleDelay(int ms) { m_settle.setInterval(ms); }
    void setRescanInterval(int ms) { m_rescan.setInterval(ms); }
    // The first of the looks again at files still being written (then twice
    // as long each time, maxRetries times; then only when the folder changes).
    void setRetryDelay(int ms) { m_retryDelay = ms; }
    static constexpr int maxRetries = 4;

    bool isFollowing() const { return !m_runDir.isEmpty(); }
    // The folders and files the file-system watcher has (for tests).
    QStringList watchedPaths() const;
    // How many times the run folder was read (a look that found nothing new
    // is no read).
    int reads() const { return m_reads; }

public slots:
    // Looks at the folder now (after the read under way, if any).
    void scanNow();

signals:
    // Something was taken in: `changed` frames changed, `added` frames new.
    void ingested(int changed, int added);
    // These frames' files are still being written; they are looked at again.
    void waiting(const QList<int> &frameIndexes);
    // What the run holds and the session does not take (a file that is not
    // an image, an attempt numbered 0, ...: RunFolder::Contents::leftOut),
    // each said once, when it is first seen.
    void leftOut(const QStringList &what);
    // A look at the folder is done (whether it found anything or not).
    void looked();

private:
    struct Scan
    {
        QString runDir;
        QByteArray fingerprint;
        bool read = false; // false: nothing changed since the last look
        RunIngest::Plan plan;
    };
    static Scan scan(const QString &runDir, const DirectorSession &session,
                     const QByteArray &previous);
    // Names, sizes and times of what the pipeline writes.
    static QByteArray fingerprint(const QString &runDir);

    void follow();
    void stop();
    void watchFolders();
    void startScan(bool force);
    void scanFinished();

    SessionManager *m_manager;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QTimer m_rescan;
    QTimer m_retry;
    QFutureWatcher<Scan> m_scan;
    QString m_runDir;
    QByteArray m_fingerprint;
    // A look was asked for while one was under way: another one after it.
    bool m_again = false;
    bool m_againForced = false;
    int m_retryDelay = defaultRetryDelay;
    int m_retries = 0;
    QStringList m_leftOut; // said already
    int m_reads = 0;
};
