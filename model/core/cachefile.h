#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// What Director keeps of a run in the user's cache folder (StatusCache, RunReadCache): a file per
// run and kind, never in the run, used again only by the program that kept it.
namespace CacheFile {

// This program and what its answers about a run depend on beside the run, as exactly as it can
// be told: its version and its executable's identity, Qt's and the plugins' (a rebuilt or updated
// Director or Qt tells a run its own way), the language of its messages and of the system's (what
// it keeps holds messages: what is missing, left out, why a file cannot be read), and who reads
// (what may be read differs from user to user).
QString programIdentity();

// The file in `folder` for the run folder `runDir`: named by a digest of its path.
QString pathFor(const QString &folder, const QString &runDir, QStringView extension);

// Opens `file` to read when it is a regular file of at most `maxSize` bytes; false otherwise.
bool openToRead(QFile &file, qint64 maxSize);

// The file's bytes when it is a regular file of at most `maxSize` bytes that can be read.
std::optional<QByteArray> read(const QString &path, qint64 maxSize);

// Writes `parts`, one after the other, as the file `path` (its folder made if need be): whole
// under a name of its own, then renamed over the one before, so that a reader finds the old file
// or the new one. Not synced: a file lost to a crash is only a run to read again, and what reads
// a kept file checks it. False when it was not written (the next read reads the run).
bool write(const QString &path, const QList<QByteArrayView> &parts);

// Removes from `folder` what is no longer worth keeping of one kind of file (`extension`): the
// files not written for 30 days (runs gone, or not changed and so not kept anew since: those are
// only read again once), and what a write cut short by a crash left behind (write()'s own names,
// `*.extension.*`) a day ago. Other files are left.
void removeOld(const QString &folder, QStringView extension);

} // namespace CacheFile
