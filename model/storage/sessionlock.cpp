#include "storage/sessionlock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Removes the file at `path` when nobody holds flock(2) on it. Whoever holds
// a QLockFile holds flock on its file, so a file on which flock succeeds is
// held by nobody. The inode is compared so that a file created anew under
// the name in between is never removed.
bool removeIfUnheld(const QByteArray &path)
{
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
}

// QLockFile writes the holder's name into the lock file but does not sync it: on a network
// share another computer could read an empty lock for seconds (the client writes its cache
// back later), and could not name the holder. fsync() syncs the file whatever descriptor it is
// given; QLockFile's own stays open (and keeps its flock).
void syncLockFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

SessionLock::SessionLock(const QString &runDir)
    : m_runDir(QDir::cleanPath(QDir(runDir).absolutePath()))
{}

SessionLock::~SessionLock() = default;

QString SessionLock::path() const
{
    return m_runDir + QStringLiteral("/director_session.json.lock");
}

bool SessionLock::isHeld() const
{
    return m_lock && m_lock->isLocked();
}

void SessionLock::release()
{
    m_lock.reset();
}

Outcome SessionLock::take()
{
    if (isHeld())
        return Outcome::ok();
    if (const Outcome lockFile = checkIsALockFile(); !lockFile)
        return lockFile;
    // A refusal must name a live holder. The holder may finish, or a stale
    // lock be taken over by a third Director, while this one looks: then it
    // looks again, a few times.
    for (int look = 0; look < 5; ++look) {
        if (look > 0)
            QThread::msleep(50);
        auto lockFile = std::make_unique<QLockFile>(path());
        // Never consider a lock stale by age: a Director may keep a run open
        // for days. A lock whose process is gone is still taken over.
        lockFile->setStaleLockTime(0);
        const Attempt seen = attempt(*lockFile);
        switch (seen.look) {
        case Look::Taken:
            m_lock = std::move(lockFile);
            syncLockFile(path());
            removeUnheldRemovalLocks();
            return Outcome::ok();
        case Look::Held:
            return refusal(seen.holder);
        case Look::LookAgain:
            continue;
        case Look::NotWritable:
            return Outcome::failed(tr("The run folder %1 cannot be written to, so the session "
                                      "can only be read.")
                                       .arg(QDir::toNativeSeparators(m_runDir)));
        case Look::Failed:
            return Outcome::failed(
                tr("Could not create the lock file %1.").arg(QDir::toNativeSeparators(path())));
        }
    }
    // A lock file that names no live Director and cannot be taken over: one
    // is being taken and given up faster than this Director can look.
    return Outcome::locked(tr("The session is open in another Director."));
}

Outcome SessionLock::checkIsALockFile() const
{
    // The lock is a file Director makes: anything else by its name (a
    // folder, a link, a FIFO) is not another Director, and is not taken over.
    const QFileInfo info(path());
    if (!info.isSymLink() && !(info.exists() && !info.isFile()))
        return Outcome::ok();
    const QString name = QDir::toNativeSeparators(path());
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

Outcome SessionLock::refusal(const Holder &holder) const
{
    QString message =
        tr("The session is open in another Director (%1, process %2 on %3).")
            .arg(holder.application.isEmpty() ? tr("unknown program") : holder.application)
            .arg(holder.pid)
            .arg(holder.host.isEmpty() ? tr("an unknown host") : holder.host);
    if (holder.isRemote()) {
        message +=
            u' ' + tr("Director cannot check a process on another computer, so this "
                      "lock stays until that Director closes the run. If %1 crashed or "
                      "was switched off with the run open, make sure Director is not "
                      "running there, then take the lock over: director unlock %2 "
                      "--holder %3")
                       .arg(holder.host, QDir::toNativeSeparators(m_runDir), holderName(holder));
    }
    return Outcome::locked(message);
}

bool SessionLock::Holder::isRemote() const
{
    return host != QSysInfo::machineHostName() ||
           (!machineId.isEmpty() && machineId != QSysInfo::machineUniqueId());
}

namespace {

// A holder that is running: on this computer its process exists (and was started since the
// computer last booted); on another computer it cannot be checked, so it is taken as running
// (QLockFile never takes over another computer's lock either).
bool isLive(const SessionLock::Holder &holder)
{
    if (holder.isRemote())
        return true;
    if (!holder.bootId.isEmpty() && holder.bootId != QSysInfo::bootUniqueId())
        return false;
    return ::kill(pid_t(holder.pid), 0) == 0 || errno == EPERM;
}

} // namespace

std::optional<SessionLock::Holder> SessionLock::readHolder(const QString &lockPath)
{
    QFile file(lockPath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> lines = file.read(4096).split('\n');
    Holder holder;
    bool isNumber = false;
    holder.pid = lines.value(0).trimmed().toLongLong(&isNumber);
    if (!isNumber || holder.pid <= 0)
        return std::nullopt;
    holder.application = QString::fromUtf8(lines.value(1));
    holder.host = QString::fromUtf8(lines.value(2));
    holder.machineId = lines.value(3).trimmed();
    holder.bootId = lines.value(4).trimmed();
    return holder;
}

std::optional<SessionLock::Holder> SessionLock::holderOf(const QString &runDir)
{
    // Only reads the file: nothing is created, nothing locked.
    const std::optional<Holder> holder = readHolder(SessionLock(runDir).path());
    if (!holder || !isLive(*holder))
        return std::nullopt;
    return holder;
}

QString SessionLock::holderName(const Holder &holder)
{
    return QStringLiteral("%1@%2").arg(holder.pid).arg(holder.host);
}

Outcome SessionLock::takeOver(const QString &runDir, const Holder &expected)
{
    SessionLock lock(runDir);
    if (const Outcome lockFile = lock.checkIsALockFile(); !lockFile)
        return lockFile;
    const std::optional<Holder> read = readHolder(lock.path());
    if (!read)
        return Outcome::refused(tr("%1 holds no lock to take over: open the run as usual.")
                                    .arg(QDir::toNativeSeparators(lock.m_runDir)));
    const Holder &named = *read;
    if (named.pid != expected.pid || named.host != expected.host) {
        return Outcome::refused(tr("The lock names %1 now, not %2: nothing was removed. Make sure "
                                   "that Director is not running, then name it.")
                                    .arg(holderName(named), holderName(expected)));
    }
    if (!named.isRemote() && isLive(named)) {
        return Outcome::refused(tr("Process %1 on this computer still runs: close that Director "
                                   "instead. Nothing was removed.")
                                    .arg(named.pid));
    }
    // Between the look above and the removal, only a Director that takes over a stale lock of
    // this very host could replace the file, and a remote holder's lock is never stale to it.
    if (!QFile::remove(lock.path()))
        return Outcome::failed(
            tr("Could not remove the lock file %1.").arg(QDir::toNativeSeparators(lock.path())));
    lock.removeUnheldRemovalLocks();
    return Outcome::ok();
}

SessionLock::Attempt SessionLock::attempt(QLockFile &lockFile) const
{
    bool taken = lockFile.tryLock(0);
    // QLockFile takes over a lock whose process is gone only while it holds
    // a second lock, "<lock>.rmlock". A Director killed while holding that
    // one leaves it behind, and QLockFile then refuses the stale lock (for
    // 30 s, or for ever when the .rmlock is empty) as if a Director held it.
    if (!taken && lockFile.error() == QLockFile::LockFailedError && removeUnheldRemovalLocks())
        taken = lockFile.tryLock(0);
    if (!taken && lockFile.error() == QLockFile::LockFailedError &&
        !lockFile.getLockInfo(nullptr, nullptr, nullptr))
        taken = takeOverUnwritten(lockFile);
    if (taken)
        return {Look::Taken, {}};
    switch (lockFile.error()) {
    case QLockFile::PermissionError:
        return {Look::NotWritable, {}};
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        return {Look::Failed, {}};
    case QLockFile::LockFailedError:
        break;
    }
    // Judged once, from one reading of the file: the message names the
    // holder this look saw, even if it finishes a moment later.
    Attempt seen{Look::LookAgain, {}};
    const std::optional<Holder> read = readHolder(path());
    if (!read)
        return seen; // gone or emptied since: look again
    seen.holder = *read;
    if (isLive(seen.holder))
        seen.look = Look::Held;
    return seen;
}

bool SessionLock::takeOverUnwritten(QLockFile &lockFile) const
{
    // A Director killed after creating the lock file but before writing its
    // pid leaves a file nobody can judge by its pid. On Linux the holder of a
    // live lock holds flock(2) on it from the moment it created it, and
    // removeStaleLockFile() takes that flock before it removes anything, so
    // it only ever removes a lock nobody holds. The short wait lets a
    // Director that is creating the lock right now finish writing it.
    QThread::msleep(100);
    // Gone (its Director finished meanwhile) or written by now: try again,
    // QLockFile judges a written one by its pid.
    if (!QFileInfo(path()).exists() || lockFile.getLockInfo(nullptr, nullptr, nullptr))
        return lockFile.tryLock(0);
    return lockFile.removeStaleLockFile() && lockFile.tryLock(0);
}

bool SessionLock::removeUnheldRemovalLocks() const
{
    bool removed = false;
    QString removal = path() + QStringLiteral(".rmlock");
    // QLockFile guards the removal of a stale .rmlock with a .rmlock.rmlock,
    // and so on: a kill can leave any of them without the ones before.
    for (int depth = 0; depth < 4; ++depth) {
        removed = removeIfUnheld(QFile::encodeName(removal)) || removed;
        removal += QStringLiteral(".rmlock");
    }
    return removed;
}
