#include "run/runfingerprint.h"

#include "core/filetime.h"

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
        // system reorders without a change is only a fingerprint that differs.
        while (const dirent *child = ::readdir(dir)) {
            const char *childName = child->d_name;
            if (qstrcmp(childName, ".") == 0 || qstrcmp(childName, "..") == 0)
                continue;
            struct stat childInfo;
            const bool childInRun =
                inRun && !(depth == 0 && RunFingerprint::isSessionFileName(childName));
            if (::fstatat(fd, childName, &childInfo, AT_SYMLINK_NOFOLLOW) != 0 ||
                !entry(fd, childName, childInfo, depth + 1, childInRun))
                return false;
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
