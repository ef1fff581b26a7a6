#pragma once

#include "core/outcome.h"
#include "session/directorsession.h"
#include "storage/sessionstore.h"

#include <QObject>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

// Saves sessions on a thread of its own, so that the GUI never waits on the
// disk. The owner hands it snapshots numbered by revision; a snapshot not yet
// being written is replaced by a newer one (the latest wins: every snapshot
// is a whole session, so the newest holds every change before it). After
// each write, written() tells the owner's thread which revision is durable
// now (SessionStore::save returned Ok), or failed() why the write failed.
//
// While the writer lives, its thread is the only user of the store's saving;
// the owner touches the store only after waitForIdle().
class SessionWriter : public QObject
{
    Q_OBJECT

public:
    explicit SessionWriter(SessionStore *store, QObject *parent = nullptr);
    // Writes what is still waiting, then stops.
    ~SessionWriter() override;

    // `changes`: what changed since the snapshot submitted before (SessionStore::Changes); a
    // snapshot that replaces one not yet written takes that one's changes too.
    void submit(quint64 revision, const DirectorSession &snapshot,
                const SessionStore::Changes &changes = {});
    // Blocks until nothing is waiting or being written, then reports what
    // was written (the signals come before this returns).
    void waitForIdle();

signals:
    // `fileStamp`: the file the revision was written to while it is as written, when this
    // writer's store can tell (SessionStore::savedFileStamp(), taken right after the save).
    void written(quint64 revision, const QString &lastModified,
                 const std::optional<QByteArray> &fileStamp);
    void failed(const QString &message);

private:
    struct Report
    {
        quint64 revision = 0;
        QString lastModified;
        Outcome outcome;
        std::optional<QByteArray> fileStamp;
    };

    void run();
    void deliverReports();

    SessionStore *m_store;
    // std's thread, mutex and condition variables, not Qt's: ThreadSanitizer
    // sees through them (Qt's own libraries are not built for it).
    std::mutex m_mutex;
    std::condition_variable m_wake; // something to write, or stop
    std::condition_variable m_idle; // nothing waiting, nothing being written
    std::optional<DirectorSession> m_pending;
    quint64 m_pendingRevision = 0;
    SessionStore::Changes m_pendingChanges;
    bool m_busy = false;
    bool m_stop = false;
    QList<Report> m_reports;
    std::thread m_thread; // last: started once everything above exists
};
