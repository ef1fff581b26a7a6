#pragma once

#include "review/sessionmanager.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class MainWindow;
class QLabel;
class QTableView;
class RunCatalog;

// The start page: every run in a folder of runs at a glance (RunCatalog), newest activity
// first, each with its move, frames, progress per status (RunProgressDelegate), session state,
// last activity and the Director that has it open elsewhere. Enter or a double click opens the
// run in a review window of its own; a run another Director holds opens read-only. The page
// stays open beside the review windows and follows the folder: runs the pipeline starts appear.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);
    ~StartPage() override;

    // The folder `director` shows when it is given none: the folder of the run opened last,
    // when it is still there, else the current folder. *why (when given) says which, for the
    // operator.
    static QString defaultFolder(QString *why = nullptr);
    // Whether `director DIR` shows the start page rather than a review: DIR is a folder that
    // is not a run itself and holds runs, or nothing yet (the pipeline has not started).
    static bool isFolderOfRuns(const QString &dir);

    // Shows the runs of `folder`; `why` (may be empty) says why this folder.
    void setFolder(const QString &folder, const QString &why = QString());

    RunCatalog *catalog() const { return m_catalog; }
    QTableView *view() const { return m_view; }
    // The review window from this page that shows `runDir` (or is opening it), if any: each
    // window goes where its operator takes it (MainWindow::runShown).
    MainWindow *windowOf(const QString &runDir) const;

public slots:
    // Opens the run in a review window (read-only when another Director holds it), or raises
    // the window this page opened on it already.
    void openRun(const QString &runDir);
    // Asks for another folder of runs.
    void chooseFolder();

signals:
    void runOpened(MainWindow *window);

private:
    void openCurrent();
    void updateEmpty();

    RunCatalog *m_catalog;
    QTableView *m_view;
    QLabel *m_title;
    QLabel *m_empty;
    QList<QPointer<MainWindow>> m_windows;
};
