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

QJsonObject StatusCache::keptFor(const QString &runDir) const
{
    if (m_folder.isEmpty())
        return {};
    const std::optional<QByteArray> bytes = CacheFile::read(pathFor(runDir), maxCacheFileSize);
    if (!bytes)
        return {};
    const QJsonObject kept = QJsonDocument::fromJson(*bytes).object();
    if (kept.value(u"format").toInt() != format || kept.value(u"runDir").toString() != runDir ||
        kept.value(u"program").toString() != CacheFile::programIdentity())
        return {};
    return kept;
}

std::optional<RunStatus> StatusCache::find(const QString &runDir, const QByteArray &fingerprint,
                                           const QString &givenAs) const
{
    const QJsonObject kept = keptFor(runDir);
    if (kept.isEmpty() || kept.value(u"fingerprint").toString() != QString::fromLatin1(fingerprint))
        return std::nullopt;
    return RunStatus::fromJson(kept.value(u"status").toObject(), givenAs);
}

std::optional<RunStatus> StatusCache::findSaved(const QString &runDir,
                                                const QByteArray &runFingerprint,
                                                const QByteArray &sessionStamp,
                                                const QString &givenAs) const
{
    const QJsonObject kept = keptFor(runDir);
    if (kept.isEmpty() ||
        kept.value(u"runFingerprint").toString() != QString::fromLatin1(runFingerprint) ||
        kept.value(u"sessionFile").toString() != QString::fromLatin1(sessionStamp))
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
    write(runDir, {{QStringLiteral("fingerprint"), QString::fromLatin1(fingerprint)}}, status);
}

bool StatusCache::keepSaved(const QString &runDir, const QByteArray &runFingerprint,
                            const QByteArray &sessionStamp, const RunStatus &status) const
{
    return write(runDir,
                 {{QStringLiteral("runFingerprint"), QString::fromLatin1(runFingerprint)},
                  {QStringLiteral("sessionFile"), QString::fromLatin1(sessionStamp)}},
                 status);
}

bool StatusCache::write(const QString &runDir, QJsonObject kept, const RunStatus &status) const
{
    if (m_folder.isEmpty())
        return false;
    kept.insert(QStringLiteral("format"), format);
    kept.insert(QStringLiteral("runDir"), runDir);
    kept.insert(QStringLiteral("program"), CacheFile::programIdentity());
    kept.insert(QStringLiteral("status"), status.summaryJson());
    // Only what reads back as it is (QJsonDocument drops a leading U+FEFF of a text, say).
    const QByteArray bytes = QJsonDocument(kept).toJson(QJsonDocument::Compact);
    if (QJsonDocument::fromJson(bytes).object() != kept)
        return false;
    if (!CacheFile::write(pathFor(runDir), {bytes})) // then the next status reads the run
        return false;
    CacheFile::removeOld(m_folder, u"json");
    return true;
}
