#include "recentrunsmenu.h"

#include "recentruns.h"

#include <QDir>
#include <QFileInfo>

RecentRunsMenu::RecentRunsMenu(QWidget *parent) : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("openRecent"));
    connect(this, &QMenu::aboutToShow, this, &RecentRunsMenu::refresh);
    refresh();
}

void RecentRunsMenu::refresh()
{
    // Not deleted at once: this may run from one of these actions.
    for (QAction *action : actions()) {
        removeAction(action);
        action->deleteLater();
    }
    const QStringList runs = RecentRuns::list();
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QString run = runs.at(i);
        const QString path = QDir::toNativeSeparators(run);
        const QString number =
            i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0"); // Alt+1 … Alt+0
        QString shown =
            fontMetrics().elidedText(path, Qt::ElideMiddle, 60 * fontMetrics().averageCharWidth());
        shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
        auto *action = new QAction(tr("%1 %2").arg(number, shown), this);
        action->setObjectName(QStringLiteral("recentRun"));
        action->setData(run);
        const bool exists = QFileInfo(run).isDir();
        action->setEnabled(exists);
        action->setToolTip(exists ? path : tr("%1 (no longer there)").arg(path));
        action->setStatusTip(action->toolTip());
        connect(action, &QAction::triggered, this, [this, run] { emit runChosen(run); });
        addAction(action);
    }
    if (runs.isEmpty()) {
        auto *none = new QAction(tr("No Recent Runs"), this);
        none->setEnabled(false);
        addAction(none);
    }
    addSeparator();
    auto *clear = new QAction(tr("&Clear Menu"), this);
    clear->setObjectName(QStringLiteral("clearRecent"));
    clear->setEnabled(!runs.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        RecentRuns::clear();
        refresh();
    });
    addAction(clear);
}
