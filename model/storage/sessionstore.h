#pragma once

#include "core/outcome.h"
#include "session/directorsession.h"
#include "session/sessioncodec.h"
#include "session/sessionencoder.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

// The only code that touches director_session.json and its companions:
//   director_session.json                 the session
//   director_session.json.bak             the previous good version
//   director_session.json.corrupt-<UTC>   an unreadable file, set aside when asked
//   director_session.json.lock            held while a Director may write
//
// Saving is atomic (AtomicFile) and never replaces a file that Director could
// not read, or that another program changed since Director read or wrote it.
// The store keeps the JSON of the frames it wrote last
// (SessionEncoder::FrameCache), so that a change rewrites only the frames
// that changed; it goes with the store.
class SessionStore
{
public:
    enum class LoadState
    {
        Missing,    // no session file: a new session can be created
        Loaded,     // `session` holds it
        Unreadable, // cannot be read, or is not JSON
        Invalid,    // JSON, but not a valid session
        Newer,      // written by a newer Director
        Lost,       // no session file, but a backup of one: it was deleted or moved
    };

    struct LoadResult
    {
        LoadState state = LoadState::Missing;
        std::optional<DirectorSession> session;
        QString message; // for the operator: what is wrong, when not Loaded/Missing
        QList<SessionProblem> problems;
        QList<SessionProblem> notes;
    };

    explicit SessionStore(const QString &runDir);
    ~SessionStore();
    SessionStore(const SessionStore &) = delete;
    SessionStore &operator=(const SessionStore &) = delete;

    const QString &runDir() const { return m_runDir; }
    QString sessionPath() const;
    QString backupPath() const;
    QString lockPath() const;

    // Reads the session file. Remembers what it read, so that a later save
    // can tell whether another program changed the file in between.
    LoadResult load();
    // Reads the backup, without touching anything.
    LoadResult loadBackup() const;
    bool hasUsableBackup() const;

    // Writes the session atomically, keeping the file it replaces as the
    // backup. Refused when this store does not hold the lock, when the last
    // load found a file it could not read, when the file on disk is not the
    // one this store last read or wrote, or when Director's own reader would
    // refuse what would be written. *written (when given) tells whether the
    // file holds the new session afterwards, which is also the case when
    // only the final directory sync failed. One save at a time.
    Outcome save(const DirectorSession &session, bool *written = nullptr);

    // Moves the session file aside as director_session.json.corrupt-<UTC
    // timestamp>; *movedTo gets the new path.
    Outcome setAside(QString *movedTo = nullptr);
    // Sets the current file aside and puts the backup in its place.
    Outcome restoreBackup(QString *movedTo = nullptr);
    // Makes way for a new review: sets the session file aside (as setAside)
    // and the backup of the old review too, as
    // director_session.json.bak-<UTC timestamp>, so that the new review's
    // saves never replace it.
    Outcome startOver();

    // Takes the lock, taking over a stale one (its process is gone).
    // Locked, with who holds it, when another running Director has it.
    Outcome lock();
    bool hasLock() const;
    void unlock();

private:
    struct FileIdentity
    {
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = -1;
        qint64 mtimeNs = 0;
        bool operator==(const FileIdentity &) const = default;
    };
    static std::optional<FileIdentity> identityOf(const QString &path);
    LoadResult loadFile(const QString &path) const;
    Outcome prepareBackup();
    void removeLeftovers();
    bool removeUnheldRemovalLocks() const;

    struct LockHolder
    {
        qint64 pid = 0;
        QString host;
        QString application;
    };
    enum class LockAttempt
    {
        Taken,
        Held,        // by the live Director in *holder (or one on another host)
        LookAgain,   // the holder finished, or is gone but not yet removable
        NotWritable, // the run folder cannot be written to
        Failed,      // the lock file could not be created
    };
    // One look at the lock: takes it if it is free or stale.
    LockAttempt attemptLock(QLockFile &lockFile, LockHolder *holder) const;
    Outcome moveAside(const QString &path, const QString &suffix, QString *movedTo);

    QString m_runDir;
    std::unique_ptr<QLockFile> m_lock;
    SessionEncoder::FrameCache m_encoded; // the frames written last
    // What this store last read or wrote; nullopt when there was no file.
    std::optional<FileIdentity> m_known;
    bool m_knowsDisk = false;   // load() or save() has run
    bool m_diskReadable = true; // the last load did not find an unreadable file
};
