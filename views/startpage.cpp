#include "startpage.h"

#include "mainwindow.h"
#include "recentruns.h"
#include "run/runcatalog.h"
#include "runprogressdelegate.h"
#include "storage/sessionlock.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

StartPage::StartPage(QWidget *parent)
    : QWidget(parent), m_catalog(new RunCatalog(this)), m_view(new QTableView(this)),
      m_title(new QLabel(this)), m_empty(new QLabel(this))
{
    setWindowTitle(tr("Director — Runs"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setText(tr("No runs in this folder yet. Runs appear here as the pipeline writes "
                        "them."));
    m_empty->setAccessibleName(tr("No runs"));
    auto *choose = new QPushButton(tr("Choose Folder…"), this);
    auto *open = new QPushButton(tr("Open"), this);
    open->setDefault(true);
    connect(choose, &QPushButton::clicked, this, &StartPage::chooseFolder);
    connect(open, &QPushButton::clicked, this, &StartPage::openCurrent);

    m_view->setModel(m_catalog);
    m_view->setAccessibleName(tr("Runs"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    // The run's name takes the room there is (run ids are long); the other columns their own.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(RunCatalog::RunColumn, QHeaderView::Stretch);
    m_view->setItemDelegateForColumn(RunCatalog::ProgressColumn, new RunProgressDelegate(m_view));
    m_view->setWordWrap(false);
    const QList<int> widths{0, 130, 70, 240, 100, 150, 170};
    for (int column = 1; column < widths.size(); ++column)
        m_view->setColumnWidth(column, widths.at(column));
    // Enter and a double click (activated), as in a file manager.
    connect(m_view, &QAbstractItemView::activated, this, &StartPage::openCurrent);
    connect(m_catalog, &QAbstractItemModel::rowsInserted, this, &StartPage::updateEmpty);
    connect(m_catalog, &QAbstractItemModel::rowsRemoved, this, &StartPage::updateEmpty);
    connect(m_catalog, &QAbstractItemModel::modelReset, this, &StartPage::updateEmpty);
    auto *refresh = new QShortcut(QKeySequence::Refresh, this);
    connect(refresh, &QShortcut::activated, m_catalog, &RunCatalog::rescan);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(choose);
    buttons->addStretch();
    buttons->addWidget(open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    resize(1100, 500);
    updateEmpty();
}

StartPage::~StartPage()
{
    // The review windows this page opened and that are still there (a closed one may wait for
    // its deferred delete when the event loop has ended).
    for (const QPointer<MainWindow> &window : std::as_const(m_windows))
        delete window.data();
}

QString StartPage::defaultFolder(QString *why)
{
    for (const QString &run : RecentRuns::list()) {
        const QDir parent = QFileInfo(run).dir();
        if (QFileInfo(run).isDir() && parent.exists()) {
            if (why)
                *why = tr("the folder of the run you opened last");
            return parent.absolutePath();
        }
    }
    if (why)
        *why = tr("the current folder: no run opened before is still there");
    return QDir::currentPath();
}

bool StartPage::isFolderOfRuns(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir() || RunSummary::looksLikeRun(dir))
        return false;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    if (entries.isEmpty())
        return true;
    for (const QFileInfo &entry : entries) {
        if (entry.isDir() && RunSummary::looksLikeRun(entry.filePath()))
            return true;
    }
    return false;
}

void StartPage::setFolder(const QString &folder, const QString &why)
{
    m_catalog->setFolder(folder);
    const QString name = QDir::toNativeSeparators(m_catalog->folder());
    m_title->setText(why.isEmpty() ? tr("Runs in %1").arg(name)
                                   : tr("Runs in %1 (%2)").arg(name, why));
    m_title->setAccessibleName(m_title->text());
}

MainWindow *StartPage::windowOf(const QString &runDir) const
{
    const QString path = RecentRuns::normalized(runDir);
    for (const QPointer<MainWindow> &window : m_windows) {
        const QString shown = window ? window->runShown() : QString();
        if (!shown.isEmpty() && RecentRuns::normalized(shown) == path)
            return window.data();
    }
    return nullptr;
}

void StartPage::openRun(const QString &runDir)
{
    const QString path = RecentRuns::normalized(runDir);
    if (MainWindow *open = windowOf(path)) {
        open->raise();
        open->activateWindow();
        return;
    }
    // Held as the lock says now: the page's row may be from before a window let the run go.
    const bool held = SessionLock::holderOf(path).has_value();
    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_windows.removeAll(nullptr); // the windows closed since
    m_windows.append(window);
    window->show();
    // Rescanned once the open ends: the run is open here then (or was not opened).
    connect(window, &MainWindow::openFinished, m_catalog,
            [catalog = m_catalog] { catalog->rescan(); });
    window->startOpening(path, held ? SessionManager::Access::ReadOnly
                                    : SessionManager::Access::ReadWrite);
    emit runOpened(window);
}

void StartPage::chooseFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Choose a Folder of Runs"), m_catalog->folder());
    if (!folder.isEmpty())
        setFolder(folder);
}

void StartPage::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        openRun(current.data(RunCatalog::PathRole).toString());
}

void StartPage::updateEmpty()
{
    m_empty->setVisible(m_catalog->rowCount() == 0);
}
