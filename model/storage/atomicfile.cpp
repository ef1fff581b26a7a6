#include "storage/atomicfile.h"

#include "storage/batchsync.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/uio.h>
#include <unistd.h>

namespace {
// Set by tests on their thread, asked on whichever thread writes (the
// session writer's): guarded, and called on a copy.
std::mutex faultHookMutex;
AtomicFile::FaultHook &faultHook()
{
    static AtomicFile::FaultHook hook;
    return hook;
}

bool injectFault(AtomicFile::Step step, const QString &path)
{
    AtomicFile::FaultHook hook;
    {
        const std::lock_guard locker(faultHookMutex);
        hook = faultHook();
    }
    return hook && hook(step, path);
}

// Opens `file` (unless the fault hook refuses); why not.
Outcome openFile(QFileDevice &file, QIODevice::OpenMode mode, const QString &path)
{
    if (!injectFault(AtomicFile::Step::Open, path) && file.open(mode))
        return Outcome::ok();
    return Outcome::failed(file.errorString().isEmpty()
                               ? AtomicFile::tr("the folder cannot be written to")
                               : file.errorString());
}

// Writes all of `data` (half of it when the fault hook makes the disk full);
// why not.
Outcome writeAll(QFileDevice &file, const QByteArray &data, const QString &path)
{
    const qint64 written = injectFault(AtomicFile::Step::Write, path)
                               ? file.write(data.left(data.size() / 2))
                               : file.write(data);
    if (written == data.size())
        return Outcome::ok();
    QString reason = AtomicFile::tr("only %1 of %2 bytes could be written (is the disk full?)")
                         .arg(qMax<qint64>(written, 0))
                         .arg(data.size());
    if (file.error() != QFileDevice::NoError)
        reason += QStringLiteral(": ") + file.errorString();
    return Outcome::failed(reason);
}

// write(2) of `size` bytes from `data` to `fd`, as QFile writes: again after a short write,
// until one fails. What was written.
qsizetype writeFully(int fd, const char *data, qsizetype size)
{
    qsizetype written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, data + written, size_t(size - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    return written;
}

// All of `data` to `fd` (half of it when the fault hook makes the disk full); why not.
Outcome writeAll(int fd, const QByteArray &data, const QString &path)
{
    const qsizetype wanted =
        injectFault(AtomicFile::Step::Write, path) ? data.size() / 2 : data.size();
    const qsizetype written = writeFully(fd, data.constData(), wanted);
    if (written == data.size())
        return Outcome::ok();
    QString reason = AtomicFile::tr("only %1 of %2 bytes could be written (is the disk full?)")
                         .arg(written)
                         .arg(data.size());
    if (written < wanted)
        reason += QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
    return Outcome::failed(reason);
}

// `length` bytes of `source` from `at` to `fd`, at its offset: copy_file_range(2), in the
// kernel; where the kernel cannot (another file system, an old kernel), through a buffer of
// 1 MiB. What was copied (short when a call failed, or the source ended first).
qint64 copyRange(int source, qint64 at, qint64 length, int fd)
{
    qint64 copied = 0;
    bool inKernel = true;
    QByteArray buffer;
    while (copied < length) {
        const size_t want = size_t(std::min<qint64>(length - copied, 1 << 30));
        ssize_t n;
        errno = 0;
        if (inKernel) {
            loff_t from = at + copied;
            n = ::copy_file_range(source, &from, fd, nullptr, want, 0);
            if (n < 0 &&
                (errno == EXDEV || errno == ENOSYS || errno == EOPNOTSUPP || errno == EINVAL)) {
                inKernel = false;
                continue;
            }
        } else {
            if (buffer.isEmpty())
                buffer.resize(1 << 20);
            n = ::pread(source, buffer.data(), std::min<size_t>(want, size_t(buffer.size())),
                        at + copied);
            if (n > 0) {
                if (const qsizetype stored = writeFully(fd, buffer.constData(), n); stored < n)
                    return copied + stored;
            }
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // failed, or the source ended (errno 0)
        copied += n;
    }
    return copied;
}

// A place in a list of pieces: the first not written whole, and how much of it is.
struct Place
{
    qsizetype part = 0;
    qint64 done = 0;
};

// writev(2) of the pieces in memory from `at`, up to the next piece of the source file, at most
// `room` bytes and 1,024 pieces; `at` moved past what was written (and past empty pieces).
// What was written: 0 when there was nothing to write, -1 when the call failed.
qint64 gather(int fd, const QList<AtomicFile::Piece> &parts, Place &at, qint64 room)
{
    std::array<iovec, 1024> vectors;
    int count = 0;
    qint64 batch = 0;
    for (qsizetype i = at.part; i < parts.size() && count < int(vectors.size()); ++i) {
        if (parts.at(i).fileAt >= 0 || batch >= room)
            break;
        const qint64 skip = i == at.part ? at.done : 0;
        const qint64 length = std::min<qint64>(parts.at(i).bytes.size() - skip, room - batch);
        if (length <= 0)
            continue;
        vectors[count].iov_base = const_cast<char *>(parts.at(i).bytes.data() + skip);
        vectors[count].iov_len = size_t(length);
        ++count;
        batch += length;
    }
    ssize_t n = 0;
    if (count > 0) {
        do {
            n = ::writev(fd, vectors.data(), count);
        } while (n < 0 && errno == EINTR);
        if (n <= 0)
            return -1;
    }
    // Past what was written, and the empty pieces after it.
    qint64 left = n;
    while (at.part < parts.size() && parts.at(at.part).fileAt < 0) {
        const qint64 rest = parts.at(at.part).bytes.size() - at.done;
        if (left < rest) {
            at.done += left;
            break;
        }
        left -= rest;
        ++at.part;
        at.done = 0;
    }
    return n;
}

// Writes all of `pieces` to `fd` (half of them when the fault hook makes the disk full): those
// in memory with writev(2) (gather), those of the source file with copyRange; until a call
// fails. Why not.
Outcome writeAll(int fd, const AtomicFile::Pieces &pieces, const QString &path)
{
    const QList<AtomicFile::Piece> &parts = pieces.parts;
    qint64 total = 0;
    for (const AtomicFile::Piece &part : parts)
        total += part.size();
    const qint64 wanted = injectFault(AtomicFile::Step::Write, path) ? total / 2 : total;
    qint64 written = 0;
    Place at;
    errno = 0;
    while (written < wanted && at.part < parts.size()) {
        const AtomicFile::Piece &piece = parts.at(at.part);
        if (piece.fileAt < 0) {
            const qint64 n = gather(fd, parts, at, wanted - written);
            if (n < 0)
                break;
            written += n;
            continue;
        }
        const qint64 length = std::min(piece.length - at.done, wanted - written);
        const qint64 copied = copyRange(pieces.source, piece.fileAt + at.done, length, fd);
        written += copied;
        at.done += copied;
        if (copied < length)
            break;
        if (at.done == piece.length)
            at = {at.part + 1, 0};
    }
    if (written == total)
        return Outcome::ok();
    QString reason = AtomicFile::tr("only %1 of %2 bytes could be written (is the disk full?)")
                         .arg(written)
                         .arg(total);
    if (written < wanted && errno != 0)
        reason += QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
    return Outcome::failed(reason);
}

// A new descriptor of the file `fd` is open on, for reading (through /proc: the file may have
// no name yet); -1 when there is none to be had.
int openForReading(int fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    return ::open(link, O_RDONLY | O_CLOEXEC);
}

// fdatasync(2), again when interrupted; why it failed.
Outcome syncData(int fd)
{
    int synced;
    do {
        synced = ::fdatasync(fd);
    } while (synced != 0 && errno == EINTR);
    if (synced == 0)
        return Outcome::ok();
    return Outcome::failed(AtomicFile::tr("the data could not be stored on the disk (%1)")
                               .arg(QString::fromLocal8Bit(std::strerror(errno))));
}
} // namespace

void AtomicFile::setFaultHook(FaultHook hook)
{
    const std::lock_guard locker(faultHookMutex);
    faultHook() = std::move(hook);
}

bool AtomicFile::syncDirectory(const QString &dirPath)
{
    if (injectFault(Step::SyncDirectory, dirPath))
        return false;
    const QByteArray native = QFile::encodeName(dirPath);
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    int result;
    do {
        result = ::fsync(fd);
    } while (result != 0 && errno == EINTR);
    // Some file systems cannot sync a directory (EINVAL): nothing more can be done there.
    const bool ok = result == 0 || errno == EINVAL;
    ::close(fd);
    return ok;
}

Outcome AtomicFile::writeStaged(const QString &path, const QByteArray &data)
{
    const QString name = QDir::toNativeSeparators(path);
    QFile file(path);
    // NewOnly: O_CREAT | O_EXCL, so never through a link, never over a file.
    if (const Outcome opened =
            openFile(file, QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered, path);
        !opened)
        return Outcome::failed(tr("Could not write %1: %2").arg(name, opened.message()));
    Outcome stored = writeAll(file, data, path);
    if (stored)
        stored = syncData(file.handle());
    if (stored && injectFault(Step::Commit, path))
        stored = Outcome::failed(tr("the data could not be stored on the disk"));
    file.close();
    if (!stored) {
        file.remove();
        return Outcome::failed(tr("Could not write %1: %2").arg(name, stored.message()));
    }
    return Outcome::ok();
}

Outcome AtomicFile::writeStaged(const QString &path, const QByteArray &data, BatchSync &batch)
{
    const QString name = QDir::toNativeSeparators(path);
    if (injectFault(Step::Open, path))
        return Outcome::failed(
            tr("Could not write %1: %2").arg(name, tr("the folder cannot be written to")));
    const QByteArray native = QFile::encodeName(path);
    // O_EXCL: never through a link, never over a file (as QIODevice::NewOnly).
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        return Outcome::failed(
            tr("Could not write %1: %2").arg(name, QString::fromLocal8Bit(std::strerror(errno))));
    }
    Outcome stored = writeAll(fd, data, path);
    if (stored && injectFault(Step::Commit, path))
        stored = Outcome::failed(tr("the data could not be stored on the disk"));
    if (!stored) {
        ::close(fd);
        ::unlink(native.constData());
        return Outcome::failed(tr("Could not write %1: %2").arg(name, stored.message()));
    }
    return batch.add(fd, path); // the batch closes it
}

Outcome AtomicFile::write(const QString &path, const QByteArray &data, bool *replaced,
                          const std::function<void()> &afterReplace)
{
    return write(path, QList<QByteArrayView>{data}, replaced, afterReplace);
}

Outcome AtomicFile::write(const QString &path, const QList<QByteArrayView> &parts, bool *replaced,
                          const std::function<void()> &afterReplace)
{
    Pieces pieces;
    pieces.parts.reserve(parts.size());
    for (const QByteArrayView part : parts)
        pieces.parts.append({part});
    return write(path, pieces, replaced, afterReplace);
}

Outcome AtomicFile::write(const QString &path, const Pieces &pieces, bool *replaced,
                          const std::function<void()> &afterReplace)
{
    if (replaced)
        *replaced = false;
    if (pieces.readBack)
        *pieces.readBack = -1;
    const QString name = QDir::toNativeSeparators(path);
    // QSaveFile writes through a symbolic link to its target, wherever that
    // is: Director writes only files of its own.
    if (QFileInfo(path).isSymLink()) {
        return Outcome::failed(
            tr("Could not write %1: it is a symbolic link, and Director does not write through "
               "links.")
                .arg(name));
    }
    QSaveFile file(path);
    // Unbuffered: a write that cannot store everything says so at once, with
    // the reason (buffered, it would fail later in flush() as "Unknown error").
    if (const Outcome opened = openFile(file, QIODevice::WriteOnly | QIODevice::Unbuffered, path);
        !opened)
        return Outcome::failed(tr("Could not write %1: %2").arg(name, opened.message()));
    // Straight to the descriptor: the file is unbuffered, and commit() goes
    // by the descriptor too.
    Outcome stored = writeAll(file.handle(), pieces, path);
    // QSaveFile::commit() syncs the file too, but Qt 6.4 ignores a failing
    // sync there and renames the file into place all the same: a disk that
    // cannot store the data would be reported as a save.
    if (stored)
        stored = syncData(file.handle());
    if (!stored) {
        file.cancelWriting();
        return Outcome::failed(tr("Could not write %1: %2").arg(name, stored.message()));
    }
    if (pieces.sourceUnchanged && !pieces.sourceUnchanged()) {
        file.cancelWriting();
        return Outcome::failed(tr("Could not write %1: the file its content was copied from was "
                                  "changed by another program meanwhile")
                                   .arg(name));
    }
    if (injectFault(Step::Commit, path)) {
        file.cancelWriting();
        return Outcome::failed(
            tr("Could not write %1: the new file could not replace the old one").arg(name));
    }
    // Opened before the commit, while the descriptor is surely of the file written.
    const int readBack = pieces.readBack ? openForReading(file.handle()) : -1;
    if (!file.commit()) {
        if (readBack >= 0)
            ::close(readBack);
        return Outcome::failed(tr("Could not write %1: %2").arg(name, file.errorString()));
    }
    if (pieces.readBack)
        *pieces.readBack = readBack;
    if (replaced)
        *replaced = true;
    if (afterReplace)
        afterReplace();
    if (!syncDirectory(QFileInfo(path).absolutePath())) {
        return Outcome::failed(
            tr("%1 was written, but its folder could not be synced to disk: a power cut now "
               "could lose it")
                .arg(name));
    }
    return Outcome::ok();
}
