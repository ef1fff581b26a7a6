#include "storage/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
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

QString tr(const char *text)
{
    return QCoreApplication::translate("AtomicFile", text);
}

// Opens `file` (unless the fault hook refuses); why not, or empty.
QString openFailure(QFileDevice &file, QIODevice::OpenMode mode, const QString &path)
{
    if (!injectFault(AtomicFile::Step::Open, path) && file.open(mode))
        return QString();
    return file.errorString().isEmpty()
               ? QCoreApplication::translate("AtomicFile", "the folder cannot be written to")
               : file.errorString();
}

// Writes all of `data` (half of it when the fault hook makes the disk full);
// why not, or empty.
QString writeFailure(QFileDevice &file, const QByteArray &data, const QString &path)
{
    const qint64 written = injectFault(AtomicFile::Step::Write, path)
                               ? file.write(data.left(data.size() / 2))
                               : file.write(data);
    if (written == data.size())
        return QString();
    QString reason = QCoreApplication::translate(
                         "AtomicFile", "only %1 of %2 bytes could be written (is the disk full?)")
                         .arg(qMax<qint64>(written, 0))
                         .arg(data.size());
    if (file.error() != QFileDevice::NoError)
        reason += QStringLiteral(": ") + file.errorString();
    return reason;
}

// fdatasync(2), again when interrupted; why it failed, or empty.
QString syncFailure(int fd)
{
    int synced;
    do {
        synced = ::fdatasync(fd);
    } while (synced != 0 && errno == EINTR);
    if (synced == 0)
        return QString();
    return QCoreApplication::translate("AtomicFile",
                                       "the data could not be stored on the disk (%1)")
        .arg(QString::fromLocal8Bit(std::strerror(errno)));
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
    if (const QString why = openFailure(
            file, QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered, path);
        !why.isEmpty())
        return Outcome::failed(tr("Could not write %1: %2").arg(name, why));
    QString why = writeFailure(file, data, path);
    if (why.isEmpty())
        why = syncFailure(file.handle());
    if (why.isEmpty() && injectFault(Step::Commit, path))
        why = tr("the data could not be stored on the disk");
    file.close();
    if (!why.isEmpty()) {
        file.remove();
        return Outcome::failed(tr("Could not write %1: %2").arg(name, why));
    }
    return Outcome::ok();
}

Outcome AtomicFile::write(const QString &path, const QByteArray &data, bool *replaced,
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
    if (const QString why = openFailure(file, QIODevice::WriteOnly | QIODevice::Unbuffered, path);
        !why.isEmpty())
        return Outcome::failed(tr("Could not write %1: %2").arg(name, why));
    QString why = writeFailure(file, data, path);
    if (why.isEmpty() && !file.flush())
        why = file.errorString();
    // QSaveFile::commit() syncs the file too, but Qt 6.4 ignores a failing
    // sync there and renames the file into place all the same: a disk that
    // cannot store the data would be reported as a save.
    if (why.isEmpty())
        why = syncFailure(file.handle());
    if (!why.isEmpty()) {
        file.cancelWriting();
        return Outcome::failed(tr("Could not write %1: %2").arg(name, why));
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
