#include "storage/batchsync.h"

#include <QDir>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <thread>
#include <unistd.h>

BatchSync::BatchSync(int maxOpen, int syncThreads)
    : BatchSync(Options{maxOpen, syncThreads, true, true})
{}

BatchSync::BatchSync(const Options &options)
    : m_maxOpen(std::max(2, options.maxOpen)), m_syncThreads(std::max(1, options.syncThreads)),
      m_startWriteback(options.startWriteback), m_deferred(options.deferred)
{}

BatchSync::~BatchSync()
{
    for (const File &file : m_files)
        ::close(file.fd);
}

Outcome BatchSync::add(int fd, const QString &path)
{
    // Only a hint: an error here is reported by the file's fdatasync.
    if (m_startWriteback && m_deferred)
        ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    std::vector<File> older;
    {
        const std::lock_guard lock(m_mutex);
        m_files.push_back({fd, path, m_added++});
        if (!m_deferred) {
            older.swap(m_files);
        } else if (int(m_files.size()) >= m_maxOpen) {
            // The older half: their writeback began long ago.
            const auto half = m_files.begin() + std::ptrdiff_t(m_files.size() / 2);
            older.assign(std::make_move_iterator(m_files.begin()), std::make_move_iterator(half));
            m_files.erase(m_files.begin(), half);
        }
    }
    if (older.empty())
        return Outcome::ok();
    syncFiles(std::move(older));
    const std::lock_guard lock(m_mutex);
    return m_failure.order < 0 ? Outcome::ok() : Outcome::failed(m_failure.message);
}

Outcome BatchSync::syncAll()
{
    std::vector<File> files;
    {
        const std::lock_guard lock(m_mutex);
        files.swap(m_files);
    }
    syncFiles(std::move(files));
    const std::lock_guard lock(m_mutex);
    return m_failure.order < 0 ? Outcome::ok() : Outcome::failed(m_failure.message);
}

int BatchSync::syncedCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_synced;
}

// fdatasync(2), again when interrupted; why it failed, naming the file.
Outcome BatchSync::syncOne(const File &file)
{
    int synced;
    do {
        synced = ::fdatasync(file.fd);
    } while (synced != 0 && errno == EINTR);
    if (synced == 0)
        return Outcome::ok();
    return Outcome::failed(tr("Could not write %1: the data could not be stored on the disk (%2)")
                               .arg(QDir::toNativeSeparators(file.path),
                                    QString::fromLocal8Bit(std::strerror(errno))));
}

// Syncs and closes every one of `files`, on up to m_syncThreads threads (the
// time goes into waiting for the disk, not into the cores: more threads than
// cores let the disk take several requests at once). Returns once all are
// closed.
void BatchSync::syncFiles(std::vector<File> files)
{
    if (files.empty())
        return;
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next.fetch_add(1); i < files.size(); i = next.fetch_add(1)) {
            const Outcome synced = syncOne(files[i]);
            ::close(files[i].fd);
            if (synced) {
                const std::lock_guard lock(m_mutex);
                ++m_synced;
            } else {
                recordFailure(files[i].order, synced.message());
            }
        }
    };
    std::vector<std::thread> threads;
    const size_t helpers = std::min(files.size(), size_t(m_syncThreads)) - 1;
    try {
        for (size_t i = 0; i < helpers; ++i)
            threads.emplace_back(work);
    } catch (const std::system_error &) {
        // No thread to be had: the calling thread (and those started) do it all.
    }
    work();
    for (std::thread &thread : threads)
        thread.join();
}

void BatchSync::recordFailure(long long order, const QString &message)
{
    const std::lock_guard lock(m_mutex);
    if (m_failure.order < 0 || order < m_failure.order)
        m_failure = {order, message};
}
