#include "core/cachefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringList>
#include <QTemporaryFile>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <vector>

QString CacheFile::programIdentity()
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

QString CacheFile::pathFor(const QString &folder, const QString &runDir, QStringView extension)
{
    const QByteArray name =
        QCryptographicHash::hash(QFile::encodeName(runDir), QCryptographicHash::Sha256).toHex();
    return folder + QLatin1Char('/') + QString::fromLatin1(name) + QLatin1Char('.') +
           extension.toString();
}

bool CacheFile::openToRead(QFile &file, qint64 maxSize)
{
    return QFileInfo(file).isFile() && file.open(QIODevice::ReadOnly) && file.size() <= maxSize;
}

std::optional<QByteArray> CacheFile::read(const QString &path, qint64 maxSize)
{
    QFile file(path);
    if (!openToRead(file, maxSize))
        return std::nullopt;
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return std::nullopt;
    return bytes;
}

bool CacheFile::write(const QString &path, const QList<QByteArrayView> &parts)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QTemporaryFile file(path + QStringLiteral(".XXXXXX"));
    if (!file.open())
        return false;
    for (const QByteArrayView part : parts) {
        if (file.write(part.data(), part.size()) != part.size())
            return false;
    }
    if (!file.flush())
        return false;
    file.close();
    if (::rename(QFile::encodeName(file.fileName()).constData(),
                 QFile::encodeName(path).constData()) != 0)
        return false;
    file.setAutoRemove(false);
    return true;
}

void CacheFile::removeOld(const QString &folder, QStringView extension)
{
    const QString kept = QStringLiteral("*.") + extension.toString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QFileInfoList files =
        QDir(folder).entryInfoList({kept, kept + QStringLiteral(".*")}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        const bool whole = file.suffix() == extension;
        if (file.lastModified() < now.addDays(whole ? -30 : -1))
            QFile::remove(file.filePath());
    }
}
