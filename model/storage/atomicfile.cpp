#include "storage/atomicfile.h"

#include "storage/batchsync.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <array>
#include <cerrno>
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

// write(2) of all of `data` to `fd` (half of it when the fault hook makes the
// disk full), as QFile writes: again after a short write, until one fails;
// why not.
Outcome writeAll(int fd, const QByteArray &data, const QString &path)
{
    const qsizetype wanted =
        injectFault(AtomicFile::Step::Write, path) ? data.size() / 2 : data.size();
    qsizetype written = 0;
    while (written < wanted) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(wanted - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    if (written == data.size())
        return Outcome::ok();
    QString reason = AtomicFile::tr("only %1 of %2 bytes could be written (is the disk full?)")
                         .arg(written)
                         .arg(data.size());
    if (written < wanted)
        reason += QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
    return Outcome::failed(reason);
}

// writev(2) of all of `parts` to `fd` (half of them when the fault hook makes
// the disk full), at most IOV_MAX at a time, again after a short write,
// until one fails; why not.
Outcome writeAll(int fd, const QList<QByteArrayView> &parts, const QString &path)
{
    qsizetype total = 0;
    for (const QByteArrayView part : parts)
        total += part.size();
    const qsizetype wanted = injectFault(AtomicFile::Step::Write, path) ? total / 2 : total;
    qsizetype written = 0;
    qsizetype part = 0;     // the first part not written whole
    qsizetype partDone = 0; // how much of it is written
    std::array<iovec, 1024> vectors;
    while (written < wanted) {
        int count = 0;
        qsizetype batch = 0;
        for (qsizetype i = part; i < parts.size() && count < int(vectors.size()); ++i) {
            const qsizetype room = wanted - written - batch;
            if (room <= 0)
                break;
            const qsizetype skip = i == part ? partDone : 0;
            const qsizetype length = std::min(parts.at(i).size() - skip, room);
            if (length <= 0)
                continue;
            vectors[count].iov_base = const_cast<char *>(parts.at(i).data() + skip);
            vectors[count].iov_len = size_t(length);
            ++count;
            batch += length;
        }
        if (count == 0)
            break;
        const ssize_t n = ::writev(fd, vectors.data(), count);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
        // Past what was written.
        qsizetype left = n;
        while (left > 0 && part < parts.size()) {
            const qsizetype rest = parts.at(part).size() - partDone;
            if (left < rest) {
                partDone += left;
                left = 0;
            } else {
                left -= rest;
                ++part;
                partDone = 0;
            }
        }
    }
    if (written == total)
        return Outcome::ok();
    QString reason = AtomicFile::tr("only %1 of %2 bytes could be written (is the disk full?)")
                         .arg(written)
                         .arg(total);
    if (written < wanted)
        reason += QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
    return Outcome::failed(reason);
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
    if (replaced)
        *replaced = false;
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
    Outcome stored = writeAll(file.handle(), parts, path);
    // QSaveFile::commit() syncs the file too, but Qt 6.4 ignores a failing
    // sync there and renames the file into place all the same: a disk that
    // cannot store the data would be reported as a save.
    if (stored)
        stored = syncData(file.handle());
    if (!stored) {
        file.cancelWriting();
        return Outcome::failed(tr("Could not write %1: %2").arg(name, stored.message()));
    }
    if (injectFault(Step::Commit, path)) {
        file.cancelWriting();
        return Outcome::failed(
            tr("Could not write %1: the new file could not replace the old one").arg(name));
    }
    if (!file.commit()) {
        return Outcome::failed(tr("Could not write %1: %2").arg(name, file.errorString()));
    }
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
