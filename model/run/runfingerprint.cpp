#include "run/runfingerprint.h"

#include "core/filetime.h"
#include "core/inparts.h"

#include <QCryptographicHash>
#include <QFile>
#include <QScopeGuard>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <limits>
#include <vector>

namespace {

constexpr int maxFolderDepth = 8;
constexpr qsizetype maxEntries = 4'000'000;

// The local file systems whose times come from this computer's clock, in nanoseconds.
bool isKnownLocalFileSystem(int fd)
{
    struct statfs info;
    if (::fstatfs(fd, &info) != 0)
        return false;
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0xEF53UL:     // ext2, ext3, ext4
    case 0x58465342UL: // XFS
    case 0x9123683EUL: // Btrfs
    case 0x01021994UL: // tmpfs
    case 0x794C7630UL: // overlayfs
    case 0x2FC12FC1UL: // ZFS
    case 0xF2F52010UL: // F2FS
        return true;
    default:
        return false;
    }
}

// The entries of one folder, a block of names at a time, and each name's stat: a block of a
// large folder looked up on several threads at once (on a run of 100,000 frames, 300,000 calls
// of fstatat, most of the time in the kernel; they go side by side), a small one here.
class Lookups
{
public:
    explicit Lookups(int dirFd) : m_dirFd(dirFd) {}

    // The folder's next block of names, "." and ".." left out. False when the folder has none
    // after them.
    bool readBlock(DIR *dir)
    {
        m_names.clear();
        m_offsets.clear();
        while (m_offsets.size() < blockSize) {
            const dirent *child = ::readdir(dir);
            if (!child)
                return false;
            if (qstrcmp(child->d_name, ".") == 0 || qstrcmp(child->d_name, "..") == 0)
                continue;
            m_offsets.push_back(m_names.size());
            m_names.append(child->d_name, qsizetype(qstrlen(child->d_name)) + 1);
        }
        return true;
    }

    // Each name's stat (not following a link), the block's parts on threads of their own
    // when it is large.
    void statAll()
    {
        const qsizetype n = count();
        m_infos.resize(size_t(n));
        m_found.assign(size_t(n), false);
        inParts(n, minPerPart, maxParts, [this](qsizetype begin, qsizetype end) {
            for (qsizetype i = begin; i < end; ++i)
                m_found[size_t(i)] =
                    ::fstatat(m_dirFd, name(i), &m_infos[size_t(i)], AT_SYMLINK_NOFOLLOW) == 0;
        });
    }

    qsizetype count() const { return qsizetype(m_offsets.size()); }
    const char *name(qsizetype i) const { return m_names.constData() + m_offsets[size_t(i)]; }
    // The entry's stat, or null when it could not be taken.
    const struct stat *info(qsizetype i) const
    {
        return m_found[size_t(i)] ? &m_infos[size_t(i)] : nullptr;
    }

private:
    static constexpr qsizetype blockSize = 8192;
    static constexpr qsizetype minPerPart = 2048; // a thread takes some tens of microseconds
    static constexpr int maxParts = 4;

    const int m_dirFd;
    QByteArray m_names; // each name with its '\0'
    std::vector<qsizetype> m_offsets;
    std::vector<struct stat> m_infos;
    std::vector<char> m_found; // not vector<bool>: its parts are written on several threads
};

// Two digests of one walk: of every entry (whole) and of the run's part (RunFingerprint::Parts).
class Walk
{
public:
    explicit Walk(dev_t device) : m_device(device) {}

    // The entry `name` of the folder `dirFd` (its stat `info`) and, for a folder, what it holds.
    // `inRun`: the entry is of the run's part.
    bool entry(int dirFd, const char *name, const struct stat &info, int depth, bool inRun)
    {
        if (S_ISLNK(info.st_mode) || info.st_dev != m_device || ++m_entries > maxEntries)
            return false;
        const FileTime newest = std::max(FileTime::of(info.st_mtim), FileTime::of(info.st_ctim));
        m_whole.newest = std::max(m_whole.newest, newest);
        const qint64 fields[] = {qint64(info.st_ino),          qint64(info.st_mode),
                                 qint64(info.st_size),         qint64(info.st_mtim.tv_sec),
                                 qint64(info.st_mtim.tv_nsec), qint64(info.st_ctim.tv_sec),
                                 qint64(info.st_ctim.tv_nsec)};
        const QByteArrayView record(reinterpret_cast<const char *>(fields), sizeof fields);
        const QByteArrayView named(name, qsizetype(qstrlen(name)) + 1); // with its '\0'
        m_whole.add(named, record);
        if (inRun) {
            // The run folder itself: what it is, not when it last changed (a save changes it).
            if (depth == 0) {
                m_run.add(named, record.first(2 * sizeof(qint64)));
            } else {
                m_run.newest = std::max(m_run.newest, newest);
                m_run.add(named, record);
            }
        }
        if (!S_ISDIR(info.st_mode))
            return true;
        if (depth >= maxFolderDepth)
            return false;
        const int fd = ::openat(dirFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return false;
        DIR *dir = ::fdopendir(fd);
        if (!dir) {
            ::close(fd);
            return false;
        }
        const auto closing = qScopeGuard([dir] { ::closedir(dir); });
        // In the order the folder gives (the same while it is unchanged); a folder the file
        // system reorders without a change is only a fingerprint that differs. Its names a block
        // at a time, each block's entries looked up beside each other (Lookups), then taken in
        // that order.
        Lookups lookups(fd);
        bool more = true;
        while (more) {
            more = lookups.readBlock(dir);
            lookups.statAll();
            for (qsizetype i = 0; i < lookups.count(); ++i) {
                const char *childName = lookups.name(i);
                const bool childInRun =
                    inRun && !(depth == 0 && RunFingerprint::isSessionFileName(childName));
                const struct stat *childInfo = lookups.info(i);
                if (!childInfo || !entry(fd, childName, *childInfo, depth + 1, childInRun))
                    return false;
            }
        }
        // The folder's end: no name holds '/'.
        m_whole.add("/", {});
        if (inRun)
            m_run.add("/", {});
        return true;
    }

    // The digests, each when its part has been quiet since `settled`.
    RunFingerprint::Parts digests(FileTime settled)
    {
        return {m_whole.digest(settled), m_run.digest(settled)};
    }

private:
    struct Digest
    {
        QCryptographicHash hash{QCryptographicHash::Blake2b_256};
        QByteArray record;
        FileTime newest{std::numeric_limits<qint64>::min(), 0};

        void add(QByteArrayView name, QByteArrayView fields)
        {
            record.append(name);
            record.append(fields);
            if (record.size() > 1 << 20)
                flush();
        }
        void flush()
        {
            hash.addData(record);
            record.clear();
        }
        std::optional<QByteArray> digest(FileTime settled)
        {
            if (newest > settled)
                return std::nullopt; // changed too recently (or in the future) to vouch for
            flush();
            return hash.result().toHex();
        }
    };

    const dev_t m_device;
    qsizetype m_entries = 0;
    Digest m_whole;
    Digest m_run;
};

} // namespace

std::optional<QByteArray> RunFingerprint::of(const QString &runDir, qint64 settleMs)
{
    return parts(runDir, settleMs).whole;
}

bool RunFingerprint::isSessionFileName(QByteArrayView name)
{
    const QByteArrayView prefix(sessionFilesPrefix);
    return name.size() >= prefix.size() &&
           qstrnicmp(name.data(), prefix.data(), prefix.size()) == 0;
}

RunFingerprint::Parts RunFingerprint::parts(const QString &runDir, qint64 settleMs)
{
    struct timespec now;
    if (::clock_gettime(CLOCK_REALTIME, &now) != 0)
        return {};
    const QByteArray path = QFile::encodeName(runDir);
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return {};
    const auto closing = qScopeGuard([fd] { ::close(fd); });
    struct stat info;
    if (::fstat(fd, &info) != 0 || !isKnownLocalFileSystem(fd))
        return {};
    Walk walk(info.st_dev);
    // The run folder itself is entry "." of the folder it is (its name is not the run's).
    if (!walk.entry(fd, ".", info, 0, true))
        return {};
    // Seconds and nanoseconds apart (FileTime): a file may carry any time.
    FileTime settled = FileTime::of(now);
    settled.seconds -= settleMs / 1000;
    settled.nanoseconds -= (settleMs % 1000) * 1'000'000;
    if (settled.nanoseconds < 0) {
        settled.nanoseconds += 1'000'000'000;
        --settled.seconds;
    }
    return walk.digests(settled);
}
