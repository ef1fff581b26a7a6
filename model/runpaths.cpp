#include "runpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RunPaths", text);
}

bool isInside(const QString &path, const QString &dir)
{
    return path.startsWith(dir + QLatin1Char('/'));
}
} // namespace

RunPaths::RunPaths(const QString &runDir) : m_runDir(QDir::cleanPath(QDir(runDir).absolutePath()))
{}

std::optional<QString> RunPaths::toRelative(const QString &stored, QString *error) const
{
    auto refuse = [&](const QString &message) -> std::optional<QString> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (stored.isEmpty())
        return refuse(tr("the path is empty"));
    if (stored.contains(QChar(0)) || stored.contains(QLatin1Char('\\')))
        return refuse(tr("\"%1\" is not a plain path").arg(stored));

    QString relative;
    if (QDir::isAbsolutePath(stored)) {
        const QString clean = QDir::cleanPath(stored);
        if (!isInside(clean, m_runDir))
            return refuse(tr("\"%1\" leads outside the run folder").arg(stored));
        relative = clean.mid(m_runDir.size() + 1);
    } else {
        relative = QDir::cleanPath(stored);
        // The pipeline writes paths relative to its own working directory:
        // "runs/<run_id>/candidates/...". A run folder has no "runs" folder of
        // its own, so the prefix is dropped.
        if (relative.startsWith(QLatin1String("runs/"))) {
            const qsizetype slash = relative.indexOf(QLatin1Char('/'), 5);
            if (slash > 5 && slash + 1 < relative.size())
                relative = relative.mid(slash + 1);
        }
    }
    if (relative == QLatin1String("..") || relative.startsWith(QLatin1String("../")) ||
        relative == QLatin1String(".") || relative.isEmpty())
        return refuse(tr("\"%1\" leads outside the run folder").arg(stored));
    return relative;
}

QString RunPaths::absolute(const QString &relative) const
{
    return m_runDir + QLatin1Char('/') + relative;
}

std::optional<QString> RunPaths::resolveExistingFile(const QString &stored, QString *error) const
{
    const std::optional<QString> relative = toRelative(stored, error);
    if (!relative)
        return std::nullopt;
    const QString path = absolute(*relative);
    const QFileInfo info(path);
    auto refuse = [&](const QString &message) -> std::optional<QString> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!info.exists())
        return refuse(tr("%1 does not exist").arg(*relative));
    const QString real = info.canonicalFilePath();
    const QString realRunDir = QFileInfo(m_runDir).canonicalFilePath();
    if (real.isEmpty() || realRunDir.isEmpty() || !isInside(real, realRunDir))
        return refuse(tr("%1 leads outside the run folder").arg(*relative));
    if (!QFileInfo(real).isFile())
        return refuse(tr("%1 is not a regular file").arg(*relative));
    return real;
}
