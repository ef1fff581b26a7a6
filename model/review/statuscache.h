#pragma once

#include "review/runstatus.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// What `director status` told of a run, kept for the next status of the same, unchanged run
// (README.md, "Pipeline integration"): a file per run in the user's cache folder, never in the
// run. A kept status is told again only while the run's RunFingerprint is the one it was told
// for, by the same program (its version and its very file); then it is the same status, text
// and JSON, as a full read would tell. A command that changed the session (`director frame`,
// `discard`) keeps the status it leaves, told instead by the run's part of the fingerprint and
// the session file it saved (keepSaved()): the status after a review's change is then told
// without reading the session again. Keeping is best effort: a cache that cannot be written
// is no cache, and says nothing.
class StatusCache
{
public:
    // `folder`: where the files go (made when first needed).
    explicit StatusCache(QString folder = defaultFolder());

    // The user's cache folder for Director's statuses (QStandardPaths::CacheLocation).
    static QString defaultFolder();

    // The status kept for the run folder `runDir` with this fingerprint; none otherwise.
    // `givenAs`: the run folder as the command was given it (RunStatus::runDir()).
    std::optional<RunStatus> find(const QString &runDir, const QByteArray &fingerprint,
                                  const QString &givenAs) const;
    // Whether a status of the run folder `runDir` may be kept for it as it is now: one is
    // kept, and the session file at `sessionPath` (if any) has not changed since (its
    // status-change time). Two stat() calls, a guess of what is worth trying first: find() alone
    // says whether a status is kept for the run. (A cache folder on a computer whose clock is
    // behind makes it guess "changed": slower, never wrong.)
    bool mayHold(const QString &runDir, const QString &sessionPath) const;
    // Keeps `status` of the run folder `runDir`, told while it had this fingerprint.
    void keep(const QString &runDir, const QByteArray &fingerprint, const RunStatus &status) const;

    // The status a command that changed the session kept (keepSaved()), for the run folder
    // `runDir` whose run's part of its fingerprint (RunFingerprint::Parts::run) is
    // `runFingerprint` and whose session file is `sessionStamp` (SessionStore::fileStamp())
    // now; none otherwise.
    std::optional<RunStatus> findSaved(const QString &runDir, const QByteArray &runFingerprint,
                                       const QByteArray &sessionStamp,
                                       const QString &givenAs) const;
    // Keeps `status`, told by a command of the run folder `runDir` it opened and changed: its
    // run as read under `runFingerprint` (taken before the read), its session as the command
    // saved it in the file `sessionStamp` (SessionManager::savedFileStamp()). A status told
    // from the very session and run the next status would read, without reading them again:
    // what Director writes, Director reads back (the session file), and a run whose part of the
    // fingerprint is unchanged reads as it did (RunReadCache).
    // True when it was kept.
    bool keepSaved(const QString &runDir, const QByteArray &runFingerprint,
                   const QByteArray &sessionStamp, const RunStatus &status) const;

private:
    QString pathFor(const QString &runDir) const;
    // The kept object for `runDir`, when it is one this program kept; empty otherwise.
    QJsonObject keptFor(const QString &runDir) const;
    bool write(const QString &runDir, QJsonObject kept, const RunStatus &status) const;

    QString m_folder;
};
