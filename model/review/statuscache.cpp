#include "review/statuscache.h"

#include "core/filetime.h"
#include "core/programidentity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
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
    const QByteArray name =
        QCryptographicHash::hash(QFile::encodeName(runDir), QCryptographicHash::Sha256).toHex();
    return m_folder + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".json");
}

std::optional<RunStatus> StatusCache::find(const QString &runDir, const QByteArray &fingerprint,
                                           const QString &givenAs) const
{
    if (m_folder.isEmpty())
        return std::nullopt;
    QFile file(pathFor(runDir));
    if (!QFileInfo(file).isFile() || !file.open(QIODevice::ReadOnly) ||
        file.size() > maxCacheFileSize)
        return std::nullopt;
    const QJsonObject kept = QJsonDocument::fromJson(file.readAll()).object();
    if (kept.value(u"format").toInt() != format || kept.value(u"runDir").toString() != runDir ||
        kept.value(u"program").toString() != programIdentity() ||
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
    if (m_folder.isEmpty() || !QDir().mkpath(m_folder))
        return;
    const QJsonObject kept{{QStringLiteral("format"), format},
                           {QStringLiteral("runDir"), runDir},
                           {QStringLiteral("program"), programIdentity()},
                           {QStringLiteral("fingerprint"), QString::fromLatin1(fingerprint)},
                           {QStringLiteral("status"), status.summaryJson()}};
    // Only what reads back as it is (QJsonDocument drops a leading U+FEFF of a text, say).
    const QByteArray bytes = QJsonDocument(kept).toJson(QJsonDocument::Compact);
    if (QJsonDocument::fromJson(bytes).object() != kept)
        return;
    QSaveFile file(pathFor(runDir));
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    file.commit(); // or not: the next status reads the run
}
