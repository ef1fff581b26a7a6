#pragma once

#include "core/outcome.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

// director_session.json.lock: held by the one Director that may write a
// run's session. A QLockFile whose holder is judged by its process: a lock
// whose process is gone is taken over, never one by its age (a Director may
// keep a run open for days). Taking it also removes what a Director killed
// while taking over a stale lock left behind ("<lock>.rmlock" files that
// nobody holds), which would otherwise keep the run locked.
class SessionLock
{
    Q_DECLARE_TR_FUNCTIONS(SessionLock)

public:
    explicit SessionLock(const QString &runDir);
    // Releases the lock when held.
    ~SessionLock();
    SessionLock(const SessionLock &) = delete;
    SessionLock &operator=(const SessionLock &) = delete;

    QString path() const;

    // Who a lock file names: the process, its host and its program.
    struct Holder
    {
        qint64 pid = 0;
        QString host;
        QString application;
        QByteArray machineId; // QSysInfo::machineUniqueId() of its computer, when written
        QByteArray bootId;    // QSysInfo::bootUniqueId() of its computer, when written
        // On another computer than this one (another host name, or the same name on another
        // machine, a cloned workstation): its process cannot be checked from here.
        bool isRemote() const;
        bool operator==(const Holder &) const = default;
    };
    // The Director that holds the run's lock now, judged as take() judges it, without taking
    // it or writing anything: nothing when there is no lock file, or when it names a process
    // of this host that is gone (a stale lock, which the next writer takes over). A lock of
    // another host always counts as held: its process cannot be checked from here.
    static std::optional<Holder> holderOf(const QString &runDir);
    // "PID@HOST", how the operator names a holder to takeOver().
    static QString holderName(const Holder &holder);

    // The deliberate way past a lock that a crashed or switched-off workstation left behind
    // (its process cannot be checked from here, so it is never taken over by itself): removes
    // the lock file, but only when it still names `expected` (the holder the operator saw and
    // knows is gone) and that holder is not a process running on this host. Refused (exit
    // code 2) otherwise, nothing removed. Does not take the lock: the next writer does.
    static Outcome takeOver(const QString &runDir, const Holder &expected);

    // Takes the lock (Ok when held already), taking over a stale one.
    // Locked (exit code 3), naming who holds it, when another running
    // Director has it; Failed when the path is not a lock file Director
    // made, the run folder cannot be written to, or the file cannot be made.
    Outcome take();
    bool isHeld() const;
    void release();

private:
    // The holder a lock file names, read in one go (as QLockFile writes it: pid, program, host,
    // machine id, boot id, a line each); nothing when it names none.
    static std::optional<Holder> readHolder(const QString &lockPath);

    enum class Look
    {
        Taken,
        Held,        // by the live Director in `holder` (or one on another host)
        LookAgain,   // the holder finished, or is gone but not yet removable
        NotWritable, // the run folder cannot be written to
        Failed,      // the lock file could not be created
    };
    struct Attempt
    {
        Look look = Look::Failed;
        Holder holder;
    };

    // Why the path is not a lock file Director made (a folder, a link, a
    // FIFO), which is never taken over; Ok when it is one or there is none.
    Outcome checkIsALockFile() const;
    // One look at the lock: takes it if it is free or stale.
    Attempt attempt(QLockFile &lockFile) const;
    bool takeOverUnwritten(QLockFile &lockFile) const;
    bool removeUnheldRemovalLocks() const;
    Outcome refusal(const Holder &holder) const;

    QString m_runDir;
    std::unique_ptr<QLockFile> m_lock;
};
