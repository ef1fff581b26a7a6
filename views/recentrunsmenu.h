#pragma once

#include <QMenu>

// File → Open Recent: the runs opened last (RecentRuns), made again each time it opens, so a
// run that is gone shows disabled; Alt+1 … Alt+0 choose one; Clear Menu forgets them.
class RecentRunsMenu : public QMenu
{
    Q_OBJECT

public:
    explicit RecentRunsMenu(QWidget *parent = nullptr);

    // Makes the menu again from RecentRuns (done each time it opens).
    void refresh();

signals:
    // The operator chose a run.
    void runChosen(const QString &runDir);
};
