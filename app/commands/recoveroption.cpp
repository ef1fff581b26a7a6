#include "commands/recoveroption.h"

#include <QCommandLineParser>

namespace {

const QString recoverName = QStringLiteral("recover");

} // namespace

QCommandLineOption RecoverOption::option()
{
    return option(tr("Recover an unreadable session file: backup or new."));
}

QCommandLineOption RecoverOption::option(const QString &description)
{
    return {recoverName, description, QStringLiteral("backup|new")};
}

Outcome RecoverOption::parse(const QCommandLineParser &parser, SessionManager::Recovery *recovery)
{
    *recovery = SessionManager::Recovery::None;
    if (!parser.isSet(recoverName))
        return Outcome::ok();
    const QString value = parser.value(recoverName);
    if (value == QLatin1String("backup"))
        *recovery = SessionManager::Recovery::RestoreBackup;
    else if (value == QLatin1String("new"))
        *recovery = SessionManager::Recovery::StartNew;
    else
        return Outcome::invalid(tr("--recover takes \"backup\" or \"new\", not \"%1\"").arg(value));
    return Outcome::ok();
}
