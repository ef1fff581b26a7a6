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
#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <vector>

namespace {

constexpr int format = 1;
constexpr qint64 maxCacheFileSize = 64 * 1024 * 1024;

// This program and what its answer depends on beside the run, as exactly as it can be told:
// its version and its executable's identity, Qt's and the plugins' (a rebuilt or updated
// Director or Qt tells statuses its own way), the language of its messages and of the
// system's (a status holds messages: what is missing, left out, why a file cannot be read),
// and who reads (what may be read differs from user to user).
QString program()
{
    static const QString fixed = [] {
        QStringList parts{QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                          QCoreApplication::libraryPaths().join(u':')};
        struct stat info;
        const QByteArray path = QFile::encodeName(QCoreApplication::applicationFilePath());
        if (!path.isEmpty() && ::stat(path.constData(), &info) == 0) {
            parts.append(QStringLiteral("%1 %2 %3 %4.%5")
                             .arg(info.st_dev)
                             .arg(info.st_ino)
                             .arg(info.st_size)
                             .arg(info.st_mtim.tv_sec)
                             .arg(info.st_mtim.tv_nsec));
        }
        return parts.join(u'|');
    }();
    std::vector<gid_t> groups(std::max(::getgroups(0, nullptr), 0));
    groups.resize(std::max(::getgroups(int(groups.size()), groups.data()), 0));
    std::sort(groups.begin(), groups.end());
    QStringList user{QString::number(::geteuid()), QString::number(::getegid())};
    for (const gid_t group : groups)
        user.append(QString::number(group));
    const char *messages = std::setlocale(LC_MESSAGES, nullptr);
    return QStringList{fixed, QLocale().name(), qEnvironmentVariable("LANGUAGE"),
                       QString::fromLocal8Bit(messages ? messages : ""), user.join(u',')}
        .join(u'|');
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
    if (!QFileInfo(file).isFile() || !file.open(QIODevice::ReadOnly) ||
        file.size() > maxCacheFileSize)
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
    // Only what reads back as it is (QJsonDocument drops a leading U+FEFF of a text, say).
    const QByteArray bytes = QJsonDocument(kept).toJson(QJsonDocument::Compact);
    if (QJsonDocument::fromJson(bytes).object() != kept)
        return;
    QSaveFile file(pathFor(runDir));
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    file.commit(); // or not: the next status reads the run
}
