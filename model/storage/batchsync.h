#pragma once

#include "core/outcome.h"

#include <QCoreApplication>
#include <QString>

#include <mutex>
#include <vector>

// Makes many newly written files durable together, in a fraction of the time
// one fdatasync after each write takes (the way git's core.fsyncMethod=batch
// does, but with every file synced by its own descriptor, so that nothing
// rests on how one file system orders its writes):
//
//   1. add(): right after a file's data is written, its writeback to the disk
//      is started (sync_file_range(SYNC_FILE_RANGE_WRITE): it does not wait)
//      and its descriptor kept. While the next files are encoded and written,
//      the disk stores this one, and the file system allocates its blocks in
//      the same journal transaction as the others'.
//   2. syncAll(): fdatasync(2) of every file kept, on 8 threads at once (the
//      time is the disk's, not the cores': the disk takes several requests
//      together). By then most data is on the disk already; the first sync
//      commits the journal for all of them, and the others find their data
//      written and their transaction committed. On the development machine
//      (ext4 on virtio, 2 cores, shared and busy: the figures swing) 1,000
//      files of 9 KB took 18 ms to sync this way, 243 ms on one thread, and
//      as many syncs as files when each is synced as it is written (README,
//      Performance, "Commit").
//
// Durability rests on the fdatasync of each file alone: sync_file_range is a
// hint (its failure is not reported by it; the writeback error it met is
// reported by the fdatasync of the same file, which sees every error since
// the file was opened). syncfs(2) would be one call, but it writes out every
// other program's data on the file system too (its time is theirs), and on
// some file systems (FUSE before Linux 5.15) it stores nothing.
//
// At most maxOpen descriptors are kept: past that, add() syncs and closes the
// older half first (the commit of 1,000 frames keeps them all by default).
// add() may be called from any thread; syncAll() once every add() returned.
class BatchSync
{
    Q_DECLARE_TR_FUNCTIONS(BatchSync)

public:
    static constexpr int defaultMaxOpen = 512;
    static constexpr int defaultSyncThreads = 8;

    // How it goes. The defaults are what measured fastest on the development
    // machine (bench_commit compares them); the others are there to be
    // measured against.
    struct Options
    {
        int maxOpen = defaultMaxOpen;
        int syncThreads = defaultSyncThreads; // for syncAll()
        bool startWriteback = true;           // sync_file_range in add()
        bool deferred = true; // false: add() syncs each file at once (one sync per file)
    };

    explicit BatchSync(int maxOpen = defaultMaxOpen, int syncThreads = defaultSyncThreads);
    explicit BatchSync(const Options &options);
    ~BatchSync(); // closes the descriptors still kept, unsynced
    BatchSync(const BatchSync &) = delete;
    BatchSync &operator=(const BatchSync &) = delete;

    // Takes over `fd` (a regular file whose data was just written; `path`
    // names it in messages) and starts its writeback. Failed (naming the
    // file) only when older files had to be synced to make room and one of
    // them could not be; `fd` is kept all the same, and syncAll() fails too.
    Outcome add(int fd, const QString &path);

    // Syncs the data of every file given to add() and not yet synced, closes
    // them, and says whether all of them (those add() synced included) are
    // on the disk. When several fail, the message names the one added first.
    Outcome syncAll();

    // How many files were synced (by add() or syncAll()), for tests.
    int syncedCount() const;

private:
    struct File
    {
        int fd = -1;
        QString path;
        long long order = 0; // when it was added: the first failure is reported
    };
    struct Failure
    {
        long long order = -1;
        QString message;
    };

    static Outcome syncOne(const File &file);
    void syncFiles(std::vector<File> files);
    void recordFailure(long long order, const QString &message);

    const int m_maxOpen;
    const int m_syncThreads;
    const bool m_startWriteback;
    const bool m_deferred;
    mutable std::mutex m_mutex;
    std::vector<File> m_files; // kept, not yet synced
    long long m_added = 0;
    int m_synced = 0;
    Failure m_failure; // the earliest file that failed
};
