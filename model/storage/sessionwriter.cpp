#include "storage/sessionwriter.h"

#include "core/backgroundpool.h"
#include "storage/sessionstore.h"

#include <pthread.h>

#include <algorithm>

SessionWriter::SessionWriter(SessionStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_thread([this] { run(); })
{
    pthread_setname_np(m_thread.native_handle(), "SessionWriter");
}

SessionWriter::~SessionWriter()
{
    {
        const std::lock_guard locker(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void SessionWriter::submit(quint64 revision, const DirectorSession &snapshot,
                           const SessionStore::Changes &changes)
{
    {
        const std::lock_guard locker(m_mutex);
        if (m_pending) {
            // The snapshot not written goes: its changes come with this one.
            SessionStore::Changes &merged = m_pendingChanges;
            if (merged.since == 0 || changes.since != merged.number) {
                merged = {};
            } else {
                merged.frames.append(changes.frames);
                std::sort(merged.frames.begin(), merged.frames.end());
                merged.frames.erase(std::unique(merged.frames.begin(), merged.frames.end()),
                                    merged.frames.end());
            }
            merged.number = changes.number;
        } else {
            m_pendingChanges = changes;
        }
        m_pending = snapshot;
        m_pendingRevision = revision;
    }
    m_wake.notify_all();
}

void SessionWriter::waitForIdle()
{
    {
        std::unique_lock locker(m_mutex);
        m_idle.wait(locker, [this] { return !m_pending && !m_busy; });
    }
    deliverReports();
}

void SessionWriter::run()
{
    BackgroundPool::yieldToTheWindow(); // a save never takes the GUI thread's core
    std::unique_lock locker(m_mutex);
    for (;;) {
        m_wake.wait(locker, [this] { return m_pending || m_stop; });
        if (!m_pending)
            break; // stopping, and everything is written
        const DirectorSession snapshot = std::move(*m_pending);
        const quint64 revision = m_pendingRevision;
        const SessionStore::Changes changes = std::move(m_pendingChanges);
        m_pendingChanges = {};
        m_pending.reset();
        m_busy = true;
        locker.unlock();

        const Outcome outcome = m_store->save(snapshot, nullptr, changes);
        std::optional<QByteArray> stamp = outcome ? m_store->savedFileStamp() : std::nullopt;

        locker.lock();
        m_busy = false;
        const bool first = m_reports.isEmpty();
        m_reports.append({revision, snapshot.lastModified, outcome, std::move(stamp)});
        // One delivery on the owner's thread takes every report there is.
        if (first)
            QMetaObject::invokeMethod(this, &SessionWriter::deliverReports, Qt::QueuedConnection);
        if (!m_pending)
            m_idle.notify_all();
    }
    m_idle.notify_all();
}

void SessionWriter::deliverReports()
{
    QList<Report> reports;
    {
        const std::lock_guard locker(m_mutex);
        reports.swap(m_reports);
    }
    for (const Report &report : std::as_const(reports)) {
        if (report.outcome)
            emit written(report.revision, report.lastModified, report.fileStamp);
        else
            emit failed(report.outcome.message());
    }
}
