#include "storage/sessionstore.h"

#include "run/runpaths.h"
#include "storage/atomicfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SessionStore", text);
}

const QString sessionFileName = QStringLiteral("director_session.json");

// Whether anything is at path, a dangling symlink included.
bool pathTaken(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}
} // namespace

SessionStore::SessionStore(const QString &runDir)
    : m_runDir(QDir::cleanPath(QDir(runDir).absolutePath()))
{}

SessionStore::~SessionStore() = default;

QString SessionStore::sessionPath() const
{
    return m_runDir + QLatin1Char('/') + sessionFileName;
}

QString SessionStore::backupPath() const
{
    return sessionPath() + QStringLiteral(".bak");
}

QString SessionStore::lockPath() const
{
    return sessionPath() + QStringLiteral(".lock");
}

std::optional<SessionStore::FileIdentity> SessionStore::identityOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    FileIdentity id;
    id.device = st.st_dev;
    id.inode = st.st_ino;
    id.size = st.st_size;
    id.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return id;
}

SessionStore::LoadResult SessionStore::loadFile(const QString &path) const
{
    LoadResult result;
    const QString name = QDir::toNativeSeparators(path);
    QFile file(path);
    const QFileInfo info(path);
    if (info.isSymLink()) {
        // Saving replaces the link with a file; reading through it would
        // show a session from elsewhere as this run's.
        result.state = LoadState::Unreadable;
        result.message = tr("%1 is a symbolic link (to %2): Director reads and writes the session "
                            "only as a file in the run folder.")
                             .arg(name, QDir::toNativeSeparators(info.symLinkTarget()));
        return result;
    }
    if (!file.exists()) {
        result.state = LoadState::Missing;
        return result;
    }
    if (!info.isFile()) {
        result.state = LoadState::Unreadable;
        result.message = tr("%1 is not a regular file.").arg(name);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.state = LoadState::Unreadable;
        result.message = tr("%1 cannot be read: %2").arg(name, file.errorString());
        return result;
    }
    if (file.size() > SessionCodec::maxFileSize) {
        result.state = LoadState::Unreadable;
        result.message = tr("%1 is %2 MB, larger than the %3 MB a session file can be.")
                             .arg(name)
                             .arg(file.size() / (1024 * 1024))
                             .arg(SessionCodec::maxFileSize / (1024 * 1024));
        return result;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.state = LoadState::Unreadable;
        result.message = tr("%1 cannot be read: %2").arg(name, file.errorString());
        return result;
    }
    const RunPaths paths(m_runDir);
    SessionDecodeResult decoded = SessionCodec::decode(data, &paths);
    result.problems = decoded.errors;
    result.notes = decoded.notes;
    switch (decoded.state) {
    case SessionDecodeResult::State::Ok:
        result.state = LoadState::Loaded;
        result.session = std::move(decoded.session);
        break;
    case SessionDecodeResult::State::NotJson:
        result.state = LoadState::Unreadable;
        result.message = tr("%1 is not a readable session file: %2").arg(name, decoded.errorText());
        break;
    case SessionDecodeResult::State::Invalid:
        result.state = LoadState::Invalid;
        result.message = tr("%1 is not a valid session file:\n%2").arg(name, decoded.errorText());
        break;
    case SessionDecodeResult::State::NewerSchema:
        result.state = LoadState::Newer;
        result.message =
            tr("%1 was written by a newer version of Director: %2").arg(name, decoded.errorText());
        break;
    }
    return result;
}

SessionStore::LoadResult SessionStore::load()
{
    // Identity first: if the file changes while it is read, the next save
    // sees a different file and refuses to overwrite it.
    const std::optional<FileIdentity> before = identityOf(sessionPath());
    LoadResult result = loadFile(sessionPath());
    if (result.state == LoadState::Missing && QFileInfo(backupPath()).exists()) {
        // A review whose file went away: starting a new one here would soon
        // replace its backup. The operator chooses.
        result.state = LoadState::Lost;
        result.message = tr("%1 is missing, but its backup %2 is there: the session file was "
                            "deleted or moved by another program.")
                             .arg(QDir::toNativeSeparators(sessionPath()),
                                  QDir::toNativeSeparators(backupPath()));
    }
    m_known = before;
    m_knowsDisk = true;
    m_diskReadable = result.state == LoadState::Loaded || result.state == LoadState::Missing;
    return result;
}

SessionStore::LoadResult SessionStore::loadBackup() const
{
    return loadFile(backupPath());
}

bool SessionStore::hasUsableBackup() const
{
    return loadBackup().state == LoadState::Loaded;
}

Outcome SessionStore::prepareBackup()
{
    // The file about to be replaced becomes the backup once the new one is
    // in place. A hard link costs no copy; it waits under a name of its own
    // so that the backup stays as it was if the save fails.
    const QByteArray current = QFile::encodeName(sessionPath());
    const QByteArray next = QFile::encodeName(backupPath() + QStringLiteral(".new"));
    ::unlink(next.constData());
    if (::link(current.constData(), next.constData()) == 0)
        return Outcome::ok();
    if (errno != EPERM && errno != EXDEV && errno != EOPNOTSUPP && errno != EMLINK)
        return Outcome::failed(QString::fromLocal8Bit(std::strerror(errno)));
    // No hard links on this file system: copy.
    QFile file(sessionPath());
    if (!file.open(QIODevice::ReadOnly))
        return Outcome::failed(file.errorString());
    return AtomicFile::write(QFile::decodeName(next), file.readAll());
}

Outcome SessionStore::save(const DirectorSession &session, bool *written)
{
    if (written)
        *written = false;
    if (!hasLock()) {
        return Outcome::failed(tr("The session is open read-only: changes cannot be saved."));
    }
    const QString name = QDir::toNativeSeparators(sessionPath());
    const std::optional<FileIdentity> onDisk = identityOf(sessionPath());
    if (onDisk && m_knowsDisk && onDisk != m_known) {
        return Outcome::failed(
            tr("%1 was changed by another program after Director read it. Director did not "
               "overwrite it; open the run again to continue from the file as it is now.")
                .arg(name));
    }
    if (onDisk && !m_diskReadable) {
        return Outcome::failed(
            tr("%1 could not be read: Director will not overwrite it.").arg(name));
    }
    if (onDisk && !m_knowsDisk) {
        return Outcome::failed(
            tr("%1 exists and has not been read: Director will not overwrite it.").arg(name));
    }
    // What Director writes, Director reads back: a session its own reader
    // would refuse is not written, and the file on disk stays as it was.
    const Result<QByteArray> bytes = SessionCodec::encodeReadable(session, &m_encoded);
    if (!bytes) {
        return Outcome::failed(tr("The session was not saved: %1. The file on disk is as it was.")
                                   .arg(bytes.outcome().message()));
    }
    if (onDisk) {
        if (const Outcome kept = prepareBackup(); !kept) {
            return Outcome::failed(
                tr("Could not keep a backup of %1 before saving (%2); nothing was saved.")
                    .arg(name, kept.message()));
        }
    }
    // The previous version becomes the backup only once it is replaced, in
    // the same folder sync as the new session.
    const QByteArray next = QFile::encodeName(backupPath() + QStringLiteral(".new"));
    bool replaced = false;
    const Outcome outcome = AtomicFile::write(sessionPath(), *bytes, &replaced, [&] {
        if (onDisk)
            ::rename(next.constData(), QFile::encodeName(backupPath()).constData());
    });
    if (onDisk && !replaced)
        ::unlink(next.constData());
    if (replaced) {
        m_knowsDisk = true;
        m_diskReadable = true;
        m_known = identityOf(sessionPath());
    }
    if (written)
        *written = replaced;
    return outcome;
}

Outcome SessionStore::moveAside(const QString &path, const QString &suffix, QString *movedTo)
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    QString target = path + suffix + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + suffix + QStringLiteral("%1-%2").arg(stamp).arg(n);
    if (::rename(QFile::encodeName(path).constData(), QFile::encodeName(target).constData()) != 0) {
        return Outcome::failed(
            tr("Could not move %1 aside: %2")
                .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(errno))));
    }
    AtomicFile::syncDirectory(m_runDir);
    if (movedTo)
        *movedTo = target;
    return Outcome::ok();
}

Outcome SessionStore::setAside(QString *movedTo)
{
    if (const Outcome moved = moveAside(sessionPath(), QStringLiteral(".corrupt-"), movedTo);
        !moved)
        return moved;
    m_known.reset();
    m_knowsDisk = true;
    m_diskReadable = true;
    return Outcome::ok();
}

Outcome SessionStore::startOver()
{
    if (pathTaken(sessionPath())) {
        if (const Outcome aside = setAside(); !aside)
            return aside;
    }
    if (pathTaken(backupPath())) {
        if (const Outcome aside = moveAside(backupPath(), QStringLiteral("-"), nullptr); !aside)
            return aside;
    }
    m_known.reset();
    m_knowsDisk = true;
    m_diskReadable = true;
    return Outcome::ok();
}

Outcome SessionStore::restoreBackup(QString *movedTo)
{
    const LoadResult backup = loadBackup();
    if (backup.state != LoadState::Loaded) {
        return Outcome::failed(backup.state == LoadState::Missing
                                   ? tr("There is no backup of the session to restore.")
                                   : backup.message);
    }
    QFile file(backupPath());
    if (!file.open(QIODevice::ReadOnly))
        return Outcome::failed(tr("Could not read the backup: %1").arg(file.errorString()));
    const QByteArray data = file.readAll();
    if (pathTaken(sessionPath())) {
        if (const Outcome aside = setAside(movedTo); !aside)
            return aside;
    }
    const Outcome written = AtomicFile::write(sessionPath(), data);
    m_known = identityOf(sessionPath());
    m_knowsDisk = true;
    m_diskReadable = true;
    return written;
}

Outcome SessionStore::lock()
{
    if (hasLock())
        return Outcome::ok();
    // The lock is a file Director makes: anything else by its name (a
    // folder, a link, a FIFO) is not another Director, and is not taken over.
    if (const QFileInfo info(lockPath()); info.isSymLink() || (info.exists() && !info.isFile())) {
        const QString name = QDir::toNativeSeparators(lockPath());
        QString what;
        if (info.isSymLink())
            what = info.exists() ? tr("%1 is a symbolic link (to %2), not a lock file.")
                                       .arg(name, QDir::toNativeSeparators(info.symLinkTarget()))
                                 : tr("%1 is a symbolic link to nothing (%2), not a lock file.")
                                       .arg(name, QDir::toNativeSeparators(info.symLinkTarget()));
        else if (info.isDir())
            what = tr("%1 is a folder, not a lock file.").arg(name);
        else
            what = tr("%1 is not a regular file, so it is not a lock file.").arg(name);
        return Outcome::failed(what + u' ' +
                               tr("No Director made it: remove it, then open the run again."));
    }
    // A refusal must name a live holder. The holder may finish, or a stale
    // lock be taken over by a third Director, while this one looks: then it
    // looks again, a few times.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (attempt > 0)
            QThread::msleep(50);
        auto lockFile = std::make_unique<QLockFile>(lockPath());
        // Never consider a lock stale by age: a Director may keep a run open for
        // days. A lock whose process is gone is still taken over.
        lockFile->setStaleLockTime(0);
        LockHolder holder;
        switch (attemptLock(*lockFile, &holder)) {
        case LockAttempt::Taken:
            m_lock = std::move(lockFile);
            removeLeftovers();
            return Outcome::ok();
        case LockAttempt::Held:
            return Outcome::locked(
                tr("The session is open in another Director (%1, process %2 on %3).")
                    .arg(holder.application.isEmpty() ? tr("unknown program") : holder.application)
                    .arg(holder.pid)
                    .arg(holder.host.isEmpty() ? tr("an unknown host") : holder.host));
        case LockAttempt::LookAgain:
            continue;
        case LockAttempt::NotWritable:
            return Outcome::failed(tr("The run folder %1 cannot be written to, so the session "
                                      "can only be read.")
                                       .arg(QDir::toNativeSeparators(m_runDir)));
        case LockAttempt::Failed:
            return Outcome::failed(
                tr("Could not create the lock file %1.").arg(QDir::toNativeSeparators(lockPath())));
        }
    }
    // A lock file that names no live Director and cannot be taken over: one
    // is being taken and given up faster than this Director can look.
    return Outcome::locked(tr("The session is open in another Director."));
}

SessionStore::LockAttempt SessionStore::attemptLock(QLockFile &lockFile, LockHolder *holder) const
{
    bool taken = lockFile.tryLock(0);
    // QLockFile takes over a lock whose process is gone only while it holds
    // a second lock, "<lock>.rmlock". A Director killed while holding that
    // one leaves it behind, and QLockFile then refuses the stale lock (for
    // 30 s, or for ever when the .rmlock is empty) as if a Director held it.
    if (!taken && lockFile.error() == QLockFile::LockFailedError && removeUnheldRemovalLocks())
        taken = lockFile.tryLock(0);
    // A Director killed after creating the lock file but before writing its
    // pid leaves a file nobody can judge by its pid. On Linux the holder of a
    // live lock holds flock(2) on it from the moment it created it, and
    // removeStaleLockFile() takes that flock before it removes anything, so
    // it only ever removes a lock nobody holds. The short wait lets a
    // Director that is creating the lock right now finish writing it.
    if (!taken && lockFile.error() == QLockFile::LockFailedError &&
        !lockFile.getLockInfo(nullptr, nullptr, nullptr)) {
        QThread::msleep(100);
        // Gone (its Director finished meanwhile) or written by now: try
        // again, QLockFile judges a written one by its pid.
        if (!QFileInfo(lockPath()).exists() || lockFile.getLockInfo(nullptr, nullptr, nullptr))
            taken = lockFile.tryLock(0);
        else
            taken = lockFile.removeStaleLockFile() && lockFile.tryLock(0);
    }
    if (taken)
        return LockAttempt::Taken;
    switch (lockFile.error()) {
    case QLockFile::PermissionError:
        return LockAttempt::NotWritable;
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        return LockAttempt::Failed;
    case QLockFile::LockFailedError:
        break;
    }
    // Judged once, from one reading of the file: the message names the
    // holder this look saw, even if it finishes a moment later.
    if (!lockFile.getLockInfo(&holder->pid, &holder->host, &holder->application))
        return LockAttempt::LookAgain; // gone or emptied since: look again
    const bool live = holder->host != QSysInfo::machineHostName() ||
                      ::kill(pid_t(holder->pid), 0) == 0 || errno == EPERM;
    return live ? LockAttempt::Held : LockAttempt::LookAgain;
}

bool SessionStore::removeUnheldRemovalLocks() const
{
    // Whoever holds a QLockFile holds flock(2) on its file, so a file on
    // which flock succeeds is held by nobody. The inode is compared so that
    // a file created anew under the name in between is never removed.
    auto removeIfUnheld = [](const QByteArray &path) {
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        bool removed = false;
        struct stat opened;
        struct stat named;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &opened) == 0 &&
            ::stat(path.constData(), &named) == 0 && opened.st_ino == named.st_ino &&
            opened.st_dev == named.st_dev)
            removed = ::unlink(path.constData()) == 0;
        ::close(fd);
        return removed;
    };
    bool removed = false;
    QString path = lockPath() + QStringLiteral(".rmlock");
    // QLockFile guards the removal of a stale .rmlock with a .rmlock.rmlock,
    // and so on: a kill can leave any of them without the ones before.
    for (int depth = 0; depth < 4; ++depth) {
        removed = removeIfUnheld(QFile::encodeName(path)) || removed;
        path += QStringLiteral(".rmlock");
    }
    return removed;
}

void SessionStore::removeLeftovers()
{
    removeUnheldRemovalLocks();
    // Only the holder of the lock writes these names, so any that exist now
    // were left by a Director killed between two steps of a save: the name
    // QSaveFile links the new file under before its rename (six random
    // letters, Qt's pattern; one of each case, so that a copy the operator
    // named "director_session.json.backup" is never taken for one), and the
    // backup's new name. Neither is ever the only copy of anything.
    static const QRegularExpression leftover(
        QStringLiteral("^director_session\\.json\\.((?=[A-Za-z]*[a-z])(?=[A-Za-z]*[A-Z])"
                       "[A-Za-z]{6}|bak\\.new)$"));
    const QStringList names = QDir(m_runDir).entryList({sessionFileName + QStringLiteral(".*")},
                                                       QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        if (leftover.match(name).hasMatch())
            QFile::remove(m_runDir + QLatin1Char('/') + name);
    }
}

bool SessionStore::hasLock() const
{
    return m_lock && m_lock->isLocked();
}

void SessionStore::unlock()
{
    m_lock.reset();
}
