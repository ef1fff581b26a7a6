#include "review/statuscache.h"

#include "core/cachefile.h"
#include "core/filetime.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <sys/stat.h>

namespace {

constexpr int format = 1;
constexpr qint64 maxCacheFileSize = 64 * 1024 * 1024;

} // namespace

StatusCache::StatusCache(QString folder) : m_folder(std::move(folder)) {}

QString StatusCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/status");
}

QString StatusCache::pathFor(const QString &runDir) const
{
    return CacheFile::pathFor(m_folder, runDir, u"json");
}

std::optional<RunStatus> StatusCache::find(const QString &runDir, const QByteArray &fingerprint,
                                           const QString &givenAs) const
{
    if (m_folder.isEmpty())
        return std::nullopt;
    const std::optional<QByteArray> bytes = CacheFile::read(pathFor(runDir), maxCacheFileSize);
    if (!bytes)
        return std::nullopt;
    const QJsonObject kept = QJsonDocument::fromJson(*bytes).object();
    if (kept.value(u"format").toInt() != format || kept.value(u"runDir").toString() != runDir ||
        kept.value(u"program").toString() != CacheFile::programIdentity() ||
        kept.value(u"fingerprint").toString() != QString::fromLatin1(fingerprint))
        return std::nullopt;
    return RunStatus::fromJson(kept.value(u"status").toObject(), givenAs);
}

bool StatusCache::mayHold(const QString &runDir, const QString &sessionPath) const
{
    if (m_folder.isEmpty())
        return false;
    struct stat kept;
    struct stat session;
    if (::stat(QFile::encodeName(pathFor(runDir)).constData(), &kept) != 0)
        return false;
    if (::stat(QFile::encodeName(sessionPath).constData(), &session) != 0)
        return true;
    return FileTime::of(session.st_ctim) <= FileTime::of(kept.st_mtim);
}

void StatusCache::keep(const QString &runDir, const QByteArray &fingerprint,
                       const RunStatus &status) const
{
    if (m_folder.isEmpty())
        return;
    const QJsonObject kept{{QStringLiteral("format"), format},
                           {QStringLiteral("runDir"), runDir},
                           {QStringLiteral("program"), CacheFile::programIdentity()},
                           {QStringLiteral("fingerprint"), QString::fromLatin1(fingerprint)},
                           {QStringLiteral("status"), status.summaryJson()}};
    // Only what reads back as it is (QJsonDocument drops a leading U+FEFF of a text, say).
    const QByteArray bytes = QJsonDocument(kept).toJson(QJsonDocument::Compact);
    if (QJsonDocument::fromJson(bytes).object() != kept)
        return;
    if (CacheFile::write(pathFor(runDir), {bytes})) // or not: the next status reads the run
        CacheFile::removeOld(m_folder, u"json");
}
