#include "storage/sessionstore.h"

#include "core/filetime.h"
#include "run/runpaths.h"
#include "storage/atomicfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace {
const QString sessionFileName = QStringLiteral("director_session.json");

// Whether anything is at path, a dangling symlink included.
bool pathTaken(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}
} // namespace

SessionStore::SessionStore(const QString &runDir)
    : m_runDir(QDir::cleanPath(QDir(runDir).absolutePath())), m_lock(m_runDir)
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

std::optional<SessionStore::FileIdentity> SessionStore::identityOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return identityOf(st);
}

SessionStore::FileIdentity SessionStore::identityOf(const struct stat &info)
{
    FileIdentity id;
    id.device = info.st_dev;
    id.inode = info.st_ino;
    id.size = info.st_size;
    id.modified = FileTime::of(info.st_mtim);
    return id;
}

QByteArray SessionStore::stampOf(const FileIdentity &identity, const FileTime &changed)
{
    return QByteArray::number(identity.device) + ':' + QByteArray::number(identity.inode) + ':' +
           QByteArray::number(identity.size) + ':' + QByteArray::number(identity.modified.seconds) +
           '.' + QByteArray::number(identity.modified.nanoseconds) + ':' +
           QByteArray::number(changed.seconds) + '.' + QByteArray::number(changed.nanoseconds);
}

std::optional<QByteArray> SessionStore::fileStamp(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return stampOf(identityOf(st), FileTime::of(st.st_ctim));
}

std::optional<QByteArray> SessionStore::savedFileStamp() const
{
    if (!keptFileIsAsLeft(identityOf(sessionPath())))
        return std::nullopt;
    return stampOf(*m_known, m_encodedFileChanged);
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

Outcome SessionStore::checkMayReplace(const std::optional<FileIdentity> &onDisk) const
{
    if (!hasLock())
        return Outcome::failed(tr("The session is open read-only: changes cannot be saved."));
    const QString name = QDir::toNativeSeparators(sessionPath());
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
    return Outcome::ok();
}

Outcome SessionStore::save(const DirectorSession &session, bool *written)
{
    return save(session, written, Changes());
}

std::optional<FileTime> SessionStore::keptFileChanged() const
{
    struct stat info;
    if (m_encoded.file() < 0 || ::fstat(m_encoded.file(), &info) != 0)
        return std::nullopt;
    return FileTime::of(info.st_ctim);
}

bool SessionStore::keptFileIsAsLeft(const std::optional<FileIdentity> &onDisk) const
{
    struct stat kept;
    return m_known && onDisk && *onDisk == *m_known && ::fstat(m_encoded.file(), &kept) == 0 &&
           identityOf(kept) == *m_known && FileTime::of(kept.st_ctim) == m_encodedFileChanged;
}

void SessionStore::keepWritten(int fd, const SessionEncoder::Pieces &pieces)
{
    // Its status change time as the save leaves it: a program that writes into it changes
    // that too, even when it puts its size and modification time back.
    struct stat info;
    if (fd >= 0 && ::fstat(fd, &info) == 0) {
        m_encoded.wroteTo(fd, pieces);
        m_encodedFileChanged = FileTime::of(info.st_ctim);
        return;
    }
    if (fd >= 0)
        ::close(fd);
    m_encoded.forgetFile();
}

Outcome SessionStore::save(const DirectorSession &session, bool *written, const Changes &changes)
{
    if (written)
        *written = false;
    m_copiedLastSave = 0;
    const std::optional<FileIdentity> onDisk = identityOf(sessionPath());
    if (const Outcome may = checkMayReplace(onDisk); !may)
        return may;
    // The frames written last are copied from the file they were written to, only while it is
    // the file this store knows, as it left it (no other program wrote into it since).
    if (m_encoded.file() >= 0 && !keptFileIsAsLeft(onDisk))
        m_encoded.forgetFile();
    // What Director writes, Director reads back: a session its own reader
    // would refuse is not written, and the file on disk stays as it was.
    // In pieces: a frame that changed is written from its JSON, the others copied from the
    // file written last.
    const bool known = changes.since != 0 && changes.since == m_encodedNumber;
    const SessionEncoder::Pieces pieces =
        SessionEncoder::encodePieces(session, m_encoded, known ? &changes.frames : nullptr);
    m_encodedNumber = changes.number;
    if (const Outcome readable = SessionCodec::checkReadable(pieces.size, pieces.deepest);
        !readable) {
        return Outcome::failed(tr("The session was not saved: %1. The file on disk is as it was.")
                                   .arg(readable.message()));
    }
    if (onDisk) {
        if (const Outcome kept = prepareBackup(); !kept) {
            return Outcome::failed(
                tr("Could not keep a backup of %1 before saving (%2); nothing was saved.")
                    .arg(QDir::toNativeSeparators(sessionPath()), kept.message()));
        }
    }
    // The file copied from, as the backup's link left it: it must still be so once its frames
    // are copied (a program writing into it meanwhile fails the save).
    const std::optional<FileTime> copiedFrom = keptFileChanged();
    AtomicFile::Pieces parts;
    for (const SessionEncoder::Pieces::Part &part : pieces.parts())
        parts.parts.append({part.bytes, part.fileAt, part.length});
    parts.source = pieces.file;
    parts.sourceUnchanged = [&] { return keptFileChanged() == copiedFrom; };
    int newFile = -1; // for the next save to copy the frames from
    parts.readBack = &newFile;
    // The previous version becomes the backup only once it is replaced, in
    // the same folder sync as the new session.
    const QByteArray next = QFile::encodeName(backupPath() + QStringLiteral(".new"));
    bool replaced = false;
    const Outcome outcome = AtomicFile::write(sessionPath(), parts, &replaced, [&] {
        if (onDisk)
            ::rename(next.constData(), QFile::encodeName(backupPath()).constData());
    });
    if (onDisk && !replaced) {
        // The backup's link undone: the file copied from is as it was, unless another program
        // wrote into it meanwhile.
        const bool asLinked = copiedFrom && keptFileChanged() == copiedFrom;
        ::unlink(next.constData());
        if (const std::optional<FileTime> now = keptFileChanged(); asLinked && now)
            m_encodedFileChanged = *now;
        else
            m_encoded.forgetFile();
    }
    if (replaced) {
        knowDisk(true);
        for (const AtomicFile::Piece &part : std::as_const(parts.parts))
            m_copiedLastSave += part.fileAt >= 0 ? part.length : 0;
        keepWritten(newFile, pieces);
    }
    if (written)
        *written = replaced;
    return outcome;
}

void SessionStore::knowDisk(bool exists)
{
    m_known = exists ? identityOf(sessionPath()) : std::nullopt;
    m_knowsDisk = true;
    m_diskReadable = true;
}

Result<QString> SessionStore::moveAside(const QString &path, const QString &suffix)
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
    // The move is made durable when it can be; the file is aside either way.
    AtomicFile::syncDirectory(m_runDir);
    return target;
}

Result<QString> SessionStore::setAside()
{
    m_encoded.forgetFile();
    Result<QString> moved = moveAside(sessionPath(), QStringLiteral(".corrupt-"));
    if (moved)
        knowDisk(false);
    return moved;
}

Outcome SessionStore::startOver()
{
    m_encoded.forgetFile();
    if (pathTaken(sessionPath())) {
        if (const Result<QString> aside = setAside(); !aside)
            return aside.outcome();
    }
    if (pathTaken(backupPath())) {
        if (const Result<QString> aside = moveAside(backupPath(), QStringLiteral("-")); !aside)
            return aside.outcome();
    }
    knowDisk(false);
    return Outcome::ok();
}

Result<QString> SessionStore::restoreBackup()
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
    m_encoded.forgetFile(); // the file saved last is no longer the session
    QString movedTo;
    if (pathTaken(sessionPath())) {
        Result<QString> aside = setAside();
        if (!aside)
            return aside;
        movedTo = std::move(aside).value();
    }
    const Outcome written = AtomicFile::write(sessionPath(), data);
    knowDisk(true);
    if (!written)
        return written;
    return movedTo;
}

Outcome SessionStore::lock()
{
    if (hasLock())
        return Outcome::ok();
    if (const Outcome taken = m_lock.take(); !taken)
        return taken;
    removeLeftovers();
    return Outcome::ok();
}

void SessionStore::removeLeftovers()
{
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
