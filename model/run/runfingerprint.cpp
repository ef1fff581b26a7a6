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

constexpr int maxDepth = 8;
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

class Walk
{
public:
    explicit Walk(dev_t device) : m_device(device) {}

    // The entry `name` of the folder `dirFd` (its stat `info`) and, for a folder, what it holds.
    bool entry(int dirFd, const char *name, const struct stat &info, int depth)
    {
        if (S_ISLNK(info.st_mode) || info.st_dev != m_device || ++m_entries > maxEntries)
            return false;
        m_newest = std::max({m_newest, FileTime::of(info.st_mtim), FileTime::of(info.st_ctim)});
        const qint64 fields[] = {qint64(info.st_ino),          qint64(info.st_mode),
                                 qint64(info.st_size),         qint64(info.st_mtim.tv_sec),
                                 qint64(info.st_mtim.tv_nsec), qint64(info.st_ctim.tv_sec),
                                 qint64(info.st_ctim.tv_nsec)};
        m_record.append(name, qsizetype(qstrlen(name)) + 1); // with its '\0'
        m_record.append(reinterpret_cast<const char *>(fields), sizeof fields);
        if (m_record.size() > 1 << 20)
            flush();
        if (!S_ISDIR(info.st_mode))
            return true;
        if (depth >= maxDepth)
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
            if (::fstatat(fd, childName, &childInfo, AT_SYMLINK_NOFOLLOW) != 0 ||
                !entry(fd, childName, childInfo, depth + 1))
                return false;
        }
        m_record.append("/", 2); // the folder's end: no name holds '/'
        return true;
    }

    QByteArray digest()
    {
        flush();
        return m_hash.result().toHex();
    }
    FileTime newest() const { return m_newest; }

private:
    void flush()
    {
        m_hash.addData(m_record);
        m_record.clear();
    }

    const dev_t m_device;
    QCryptographicHash m_hash{QCryptographicHash::Blake2b_256};
    QByteArray m_record;
    qsizetype m_entries = 0;
    FileTime m_newest{std::numeric_limits<qint64>::min(), 0};
};

} // namespace

std::optional<QByteArray> RunFingerprint::of(const QString &runDir, qint64 settleMs)
{
    struct timespec now;
    if (::clock_gettime(CLOCK_REALTIME, &now) != 0)
        return std::nullopt;
    const QByteArray path = QFile::encodeName(runDir);
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const auto closing = qScopeGuard([fd] { ::close(fd); });
    struct stat info;
    if (::fstat(fd, &info) != 0 || !isKnownLocalFileSystem(fd))
        return std::nullopt;
    Walk walk(info.st_dev);
    // The run folder itself is entry "." of the folder it is (its name is not the run's).
    if (!walk.entry(fd, ".", info, 0))
        return std::nullopt;
    // Seconds and nanoseconds apart (FileTime): a file may carry any time.
    FileTime settled = FileTime::of(now);
    settled.seconds -= settleMs / 1000;
    settled.nanoseconds -= (settleMs % 1000) * 1'000'000;
    if (settled.nanoseconds < 0) {
        settled.nanoseconds += 1'000'000'000;
        --settled.seconds;
    }
    if (walk.newest() > settled)
        return std::nullopt; // changed too recently (or in the future) to vouch for
    return walk.digest();
}
