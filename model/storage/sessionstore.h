#pragma once

#include "core/filetime.h"
#include "core/outcome.h"
#include "core/result.h"
#include "session/directorsession.h"
#include "session/sessioncodec.h"
#include "session/sessionencoder.h"
#include "storage/sessionlock.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

struct stat;

// The only code that touches director_session.json and its companions:
//   director_session.json                 the session
//   director_session.json.bak             the previous good version
//   director_session.json.corrupt-<UTC>   an unreadable file, set aside when asked
//   director_session.json.bak-<UTC>       the backup of a review replaced by a new one
//   director_session.json.lock            held while a Director may write (SessionLock)
//
// Saving is atomic (AtomicFile), only under the lock, and never replaces a
// file that Director could not read, or that another program changed since
// Director read or wrote it. The store keeps where the frames it wrote last
// lie in the file it wrote (SessionEncoder::FrameCache, with a descriptor of
// that file), so that a change encodes only the frames that changed and the
// kernel copies the others from there (copy_file_range); only while that file
// is as Director left it (its identity, and its status change time, which no
// program can put back), and a save fails when that file changes while it is
// copied from. Where a file system's times move in ticks (ext4 before Linux
// 6.13: some milliseconds), a write into the file within the tick of
// Director's own save carries the same times, and cannot be told: the check
// before any save has the same limit. It goes with the store.
class SessionStore
{
    Q_DECLARE_TR_FUNCTIONS(SessionStore)

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

        // A session file is there and cannot be used: unreadable, invalid, from a newer
        // Director, or lost (recovery can restore the backup or start a new review).
        bool isUnreadable() const
        {
            return state != LoadState::Missing && state != LoadState::Loaded;
        }
    };

    explicit SessionStore(const QString &runDir);
    ~SessionStore();
    SessionStore(const SessionStore &) = delete;
    SessionStore &operator=(const SessionStore &) = delete;

    const QString &runDir() const { return m_runDir; }
    QString sessionPath() const;
    QString backupPath() const;

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
    //
    // `changes` (when its caller knows them): the frames that may differ from those of an
    // earlier save. When the last session this store encoded was that save, every other frame's
    // JSON is taken from the cache without comparing; otherwise every frame is compared.
    struct Changes
    {
        quint64 since = 0;  // the number of that earlier save; 0: not known
        quint64 number = 0; // the number of this save (0: none), for the next one's `since`
        QList<int> frames;  // in increasing order
    };
    Outcome save(const DirectorSession &session, bool *written, const Changes &changes);
    Outcome save(const DirectorSession &session, bool *written = nullptr);
    // How many bytes of the last save's file were copied from the file saved before it (the
    // frames that did not change); 0 when it failed or wrote every frame anew.
    qint64 copiedLastSave() const { return m_copiedLastSave; }

    // The session file this store saved last, told by its metadata (device, inode, size, and
    // modification and status-change times to the nanosecond), while it is on disk as this
    // store left it; none otherwise (this store saved none, or another program replaced it or
    // wrote into it since). A status kept by the command that saved it (StatusCache) is told
    // by it: fileStamp() of the session file gives the same for as long as nothing wrote it,
    // with the same limit of ticks as the check before a save.
    std::optional<QByteArray> savedFileStamp() const;
    // The stamp of the file at `path` now; none when there is no such file.
    static std::optional<QByteArray> fileStamp(const QString &path);

    // Moves the session file aside as director_session.json.corrupt-<UTC
    // timestamp>; gives the path it was moved to.
    Result<QString> setAside();
    // Sets the current file aside (when there is one) and puts the backup in
    // its place; gives the path the file was moved to (empty when there was
    // none).
    Result<QString> restoreBackup();
    // Makes way for a new review: sets the session file aside (as setAside)
    // and the backup of the old review too, as
    // director_session.json.bak-<UTC timestamp>, so that the new review's
    // saves never replace it.
    Outcome startOver();

    // Takes the lock (SessionLock::take()). Only the holder of the lock
    // writes the session's names, so the files a Director killed in the
    // middle of a save left behind are removed then.
    Outcome lock();
    bool hasLock() const { return m_lock.isHeld(); }
    void unlock() { m_lock.release(); }
    QString lockPath() const { return m_lock.path(); }

private:
    struct FileIdentity
    {
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = -1;
        FileTime modified;
        bool operator==(const FileIdentity &) const = default;
    };
    static std::optional<FileIdentity> identityOf(const QString &path);
    static FileIdentity identityOf(const struct stat &info);
    static QByteArray stampOf(const FileIdentity &identity, const FileTime &changed);
    LoadResult loadFile(const QString &path) const;
    // Why the session must not be written over the file on disk now (`onDisk`).
    Outcome checkMayReplace(const std::optional<FileIdentity> &onDisk) const;
    Outcome prepareBackup();
    void removeLeftovers();
    // Gives the path `path` was moved to.
    Result<QString> moveAside(const QString &path, const QString &suffix);
    // This store now knows the file on disk: none, or the one at sessionPath().
    void knowDisk(bool exists);
    // The file the frames were saved to last (m_encoded's): its status change time, and
    // whether it is still the file on disk as this store left it. keepWritten() makes `fd`, the
    // file just saved from `pieces`, that file.
    std::optional<FileTime> keptFileChanged() const;
    bool keptFileIsAsLeft(const std::optional<FileIdentity> &onDisk) const;
    void keepWritten(int fd, const SessionEncoder::Pieces &pieces);

    QString m_runDir;
    SessionLock m_lock;
    SessionEncoder::FrameCache m_encoded; // the frames written last
    quint64 m_encodedNumber = 0;          // the Changes::number of the session they are of
    FileTime m_encodedFileChanged;        // the status change time of m_encoded's file, as left
    qint64 m_copiedLastSave = 0;
    // What this store last read or wrote; nullopt when there was no file.
    std::optional<FileIdentity> m_known;
    bool m_knowsDisk = false;   // load() or save() has run
    bool m_diskReadable = true; // the last load did not find an unreadable file
};
