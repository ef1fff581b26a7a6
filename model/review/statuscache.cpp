#include "review/statuscache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/stat.h>

namespace {

constexpr int format = 1;
constexpr qint64 maxCacheFileSize = 64 * 1024 * 1024;

// This program, as exactly as it can be told: its version and its executable's identity (a
// rebuilt or reinstalled Director tells statuses its own way, and keeps none of another's),
// and the language it speaks (a status holds messages in it: what is missing, left out).
QString program()
{
    static const QString file = [] {
        QString text = QCoreApplication::applicationVersion();
        struct stat info;
        const QByteArray path = QFile::encodeName(QCoreApplication::applicationFilePath());
        if (!path.isEmpty() && ::stat(path.constData(), &info) == 0) {
            text += QStringLiteral(" %1 %2 %3 %4.%5")
                        .arg(info.st_dev)
                        .arg(info.st_ino)
                        .arg(info.st_size)
                        .arg(info.st_mtim.tv_sec)
                        .arg(info.st_mtim.tv_nsec);
        }
        return text;
    }();
    return file + QLatin1Char(' ') + QLocale().name();
}

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
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxCacheFileSize)
        return std::nullopt;
    const QJsonObject kept = QJsonDocument::fromJson(file.readAll()).object();
    if (kept.value(u"format").toInt() != format || kept.value(u"runDir").toString() != runDir ||
        kept.value(u"program").toString() != program() ||
        kept.value(u"fingerprint").toString() != QString::fromLatin1(fingerprint))
        return std::nullopt;
    return RunStatus::fromJson(kept.value(u"status").toObject(), givenAs);
}

void StatusCache::keep(const QString &runDir, const QByteArray &fingerprint,
                       const RunStatus &status) const
{
    if (m_folder.isEmpty() || !QDir().mkpath(m_folder))
        return;
    const QJsonObject kept{{QStringLiteral("format"), format},
                           {QStringLiteral("runDir"), runDir},
                           {QStringLiteral("program"), program()},
                           {QStringLiteral("fingerprint"), QString::fromLatin1(fingerprint)},
                           {QStringLiteral("status"), status.summaryJson()}};
    QSaveFile file(pathFor(runDir));
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(kept).toJson(QJsonDocument::Compact));
    file.commit(); // or not: the next status reads the run
}
