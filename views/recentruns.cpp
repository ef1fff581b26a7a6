#include "recentruns.h"

#include "preferences.h"

#include <QDir>
#include <QSettings>

QString RecentRuns::normalized(const QString &runDir)
{
    return QDir::cleanPath(QDir(runDir).absolutePath());
}

QStringList RecentRuns::list()
{
    // Hand-edited or older lists are read the same way they are written.
    QStringList runs;
    for (const QString &run : QSettings().value(SettingsKeys::recentRuns).toStringList()) {
        if (run.isEmpty())
            continue;
        const QString path = normalized(run);
        if (!runs.contains(path))
            runs.append(path);
    }
    return runs.mid(0, maximum);
}

void RecentRuns::add(const QString &runDir)
{
    const QString path = normalized(runDir);
    QStringList runs = list();
    runs.removeAll(path);
    runs.prepend(path);
    QSettings().setValue(SettingsKeys::recentRuns, runs.mid(0, maximum));
}

void RecentRuns::clear()
{
    QSettings().remove(SettingsKeys::recentRuns);
}
