#include "session/reviewer.h"

#include <QSettings>
#include <QtGlobal>

#include <pwd.h>
#include <unistd.h>

QString Reviewer::loginName()
{
    for (const char *variable : {"USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    if (const passwd *account = getpwuid(getuid()); account && account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
    return QStringLiteral("unknown");
}

QString Reviewer::orLoginName(const QString &name)
{
    const QString trimmed = name.trimmed();
    return trimmed.isEmpty() ? loginName() : trimmed;
}

QString Reviewer::current()
{
    return orLoginName(QSettings().value(settingsKey).toString());
}
