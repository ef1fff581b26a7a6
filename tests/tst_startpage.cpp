// The start page (views/startpage.h) on a folder of runs: what the operator sees of each run,
// runs appearing while it is open, Enter and a double click opening a run, a run another
// Director holds opening read-only, and the folder shown when none is given.

#include "mainwindow.h"
#include "messagebox.h"
#include "readonlybanner.h"
#include "recentruns.h"
#include "review/framelistmodel.h"
#include "run/runcatalog.h"
#include "runsfixture.h"
#include "startpage.h"
#include "windowfixture.h"

#include <QHeaderView>
#include <QPointer>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestStartPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsEveryRunAtAGlance();
    void aNewRunShowsUp();
    void enterOpensTheRun();
    void aDoubleClickOpensTheRunOnce();
    void aWindowTakenToAnotherRunIsThatRunsWindow();
    void aRunHeldElsewhereOpensReadOnly();
    void aCrashedWorkstationsLockIsTakenOverOnlyWhenAsked();
    void whichFolderWithoutAnArgument();
    void whatIsAFolderOfRuns();

private:
    QString run(const QString &name) const { return m_dir->filePath(name); }
    // The page on the fixture's folder, shown, with its five runs read.
    std::unique_ptr<StartPage> showPage() const;
    // Selects the run's row, as the operator does with the arrow keys.
    static void select(StartPage &page, const QString &runDir);
    static QString cell(const StartPage &page, const QString &runDir, int column);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStartPage::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
}

void TestStartPage::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(RunsFixture::writeRuns(m_dir->path()));
}

std::unique_ptr<StartPage> TestStartPage::showPage() const
{
    auto page = std::make_unique<StartPage>();
    page->setFolder(m_dir->path(), QStringLiteral("given"));
    page->show();
    page->activateWindow();
    if (!QTest::qWaitForWindowActive(page.get()))
        return {};
    if (!QTest::qWaitFor([&page] { return page->catalog()->rowCount() == 5; }))
        return {};
    return page;
}

void TestStartPage::select(StartPage &page, const QString &runDir)
{
    const int row = page.catalog()->rowOf(runDir);
    QVERIFY(row >= 0);
    page.view()->setFocus();
    page.view()->setCurrentIndex(page.catalog()->index(row, 0));
}

QString TestStartPage::cell(const StartPage &page, const QString &runDir, int column)
{
    return page.catalog()->index(page.catalog()->rowOf(runDir), column).data().toString();
}

void TestStartPage::showsEveryRunAtAGlance()
{
    const std::unique_ptr<StartPage> page = showPage();
    QVERIFY(page);
    QCOMPARE(page->view()->model()->rowCount(), 5);
    QCOMPARE(cell(*page, run(QStringLiteral("fresh")), RunCatalog::MoveColumn),
             QStringLiteral("idle_standard"));
    QCOMPARE(cell(*page, run(QStringLiteral("fresh")), RunCatalog::FramesColumn),
             QStringLiteral("5"));
    QCOMPARE(cell(*page, run(QStringLiteral("fresh")), RunCatalog::SessionColumn),
             QStringLiteral("none yet"));
    QCOMPARE(cell(*page, run(QStringLiteral("active")), RunCatalog::ProgressColumn),
             QStringLiteral("2 of 5 approved"));
    QCOMPARE(cell(*page, run(QStringLiteral("committed")), RunCatalog::SessionColumn),
             QStringLiteral("committed"));
    QCOMPARE(cell(*page, run(QStringLiteral("corrupt")), RunCatalog::SessionColumn),
             QStringLiteral("unreadable"));
    QCOMPARE(cell(*page, run(QStringLiteral("held")), RunCatalog::HolderColumn),
             QStringLiteral("render-07, process 4242"));
    QCOMPARE(page->view()->model()->headerData(RunCatalog::HolderColumn, Qt::Horizontal),
             QStringLiteral("Open elsewhere"));
    // The progress column is drawn as a bar, wide enough to see.
    QVERIFY(page->view()->columnWidth(RunCatalog::ProgressColumn) >= 200);
    QVERIFY(page->view()->itemDelegateForColumn(RunCatalog::ProgressColumn) !=
            page->view()->itemDelegate());
    const QLabel *title = page->findChild<QLabel *>();
    QVERIFY(title->text().contains(QDir::toNativeSeparators(m_dir->path())));
}

void TestStartPage::aNewRunShowsUp()
{
    const std::unique_ptr<StartPage> page = showPage();
    QVERIFY(page);
    QTest::qWait(20);
    QVERIFY(RunFixture::writeMixedRun(run(QStringLiteral("later")), QStringLiteral("run_later")));
    QTRY_COMPARE(page->view()->model()->rowCount(), 6);
    // The newest run is on top, where the operator looks.
    QCOMPARE(page->view()->model()->index(0, RunCatalog::RunColumn).data().toString(),
             QStringLiteral("run_later"));
    QVERIFY(page->view()->visualRect(page->view()->model()->index(0, 0)).isValid());
}

void TestStartPage::enterOpensTheRun()
{
    const std::unique_ptr<StartPage> page = showPage();
    QVERIFY(page);
    QSignalSpy opened(page.get(), &StartPage::runOpened);
    select(*page, run(QStringLiteral("fresh")));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    MainWindow *window = page->windowOf(run(QStringLiteral("fresh")));
    QVERIFY(window);
    QVERIFY(window->isVisible());
    // The run is read off the GUI thread: the window is live meanwhile, and says so.
    QTRY_VERIFY(!window->isOpening());
    QVERIFY(window->manager()->hasSession());
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_fresh"));
    QCOMPARE(window->model()->rowCount(), 5);
    QVERIFY(!window->manager()->isReadOnly());
    QVERIFY(window->windowTitle().contains(QStringLiteral("run_fresh")));
    // The page says it is open here now, and the session it started.
    QTRY_COMPARE(cell(*page, run(QStringLiteral("fresh")), RunCatalog::HolderColumn),
                 QStringLiteral("open in this Director"));
    QTRY_COMPARE(cell(*page, run(QStringLiteral("fresh")), RunCatalog::SessionColumn),
                 QStringLiteral("active"));
    window->close();
}

void TestStartPage::aDoubleClickOpensTheRunOnce()
{
    const std::unique_ptr<StartPage> page = showPage();
    QVERIFY(page);
    QSignalSpy opened(page.get(), &StartPage::runOpened);
    const int row = page->catalog()->rowOf(run(QStringLiteral("active")));
    const QRect rect = page->view()->visualRect(page->catalog()->index(row, 0));
    // A double click as the window system sends it: a click, then the second press.
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(page->view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(opened.size(), 1);
    MainWindow *window = page->windowOf(run(QStringLiteral("active")));
    QVERIFY(window);
    QTRY_VERIFY(window->manager()->hasSession()); // read off the GUI thread
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_active"));
    // Again: the window open on it comes forward; no second window, no read-only copy.
    select(*page, run(QStringLiteral("active")));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(page->windowOf(run(QStringLiteral("active"))), window);
    window->close();
}

// The operator takes a window opened from the page to another run (File → Open Recent): Enter
// on the first run opens it in a window of its own again, and Enter on the second brings the
// window that shows it forward (no read-only copy beside it).
void TestStartPage::aWindowTakenToAnotherRunIsThatRunsWindow()
{
    const std::unique_ptr<StartPage> page = showPage();
    QVERIFY(page);
    QSignalSpy opened(page.get(), &StartPage::runOpened);
    select(*page, run(QStringLiteral("active")));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QPointer<MainWindow> first = page->windowOf(run(QStringLiteral("active")));
    QVERIFY(first);
    QTRY_VERIFY(first->manager()->hasSession());
    QVERIFY(first->openRun(run(QStringLiteral("fresh"))));
    QCOMPARE(first->manager()->session().runId, QStringLiteral("run_fresh"));
    QVERIFY(!page->windowOf(run(QStringLiteral("active"))));
    QCOMPARE(page->windowOf(run(QStringLiteral("fresh"))), first.data());

    select(*page, run(QStringLiteral("fresh")));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1); // brought forward, not opened again
    select(*page, run(QStringLiteral("active")));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QCOMPARE(opened.size(), 2);
    QPointer<MainWindow> second = page->windowOf(run(QStringLiteral("active")));
    QVERIFY(second);
    QVERIFY(second != first);
    QTRY_VERIFY(second->manager()->hasSession());
    QCOMPARE(second->manager()->session().runId, QStringLiteral("run_active"));
    QVERIFY(!second->manager()->isReadOnly()); // the first window let it go
    QVERIFY(!first->manager()->isReadOnly());
    second->close();
    first->close();
}

void TestStartPage::aRunHeldElsewhereOpensReadOnly()
{
    const QString held = run(QStringLiteral("held"));
    QFile lockFile(held + QStringLiteral("/director_session.json.lock"));
    QVERIFY(lockFile.open(QIODevice::ReadOnly));
    const QByteArray lock = lockFile.readAll();
    lockFile.close();

    const std::unique_ptr<StartPage> page = showPage();
    QVERIFY(page);
    select(*page, held);
    QTest::keyClick(page->view(), Qt::Key_Enter);
    MainWindow *window = page->windowOf(held);
    QVERIFY(window);
    QTRY_VERIFY(window->manager()->hasSession()); // read off the GUI thread
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_held"));
    QVERIFY(window->manager()->isReadOnly());
    // The operator is told why, and the other workstation's lock is left as it was.
    const ReadOnlyBanner *banner = window->findChild<ReadOnlyBanner *>();
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("another Director")),
             qPrintable(banner->text()));
    QVERIFY(lockFile.open(QIODevice::ReadOnly));
    QCOMPARE(lockFile.readAll(), lock);
    window->close();
}

void TestStartPage::aCrashedWorkstationsLockIsTakenOverOnlyWhenAsked()
{
    // `director RUN_DIR` on a run another workstation holds: the box names it and offers to
    // take it over; the operator is asked once more, and Cancel leaves the lock alone.
    const QString held = run(QStringLiteral("held"));
    const QString lockPath = held + QStringLiteral("/director_session.json.lock");
    MessageBox::setNextAnswer(MessageBox::TakeOver);
    const std::unique_ptr<MainWindow> window = WindowFixture::openWindow(held);
    QVERIFY(window);
    const MessageBox::Message asked = MessageBox::lastMessage();
    QVERIFY2(asked.text.contains(QStringLiteral("render-07")) &&
                 asked.text.contains(QStringLiteral("4242")),
             qPrintable(asked.text));
    QVERIFY(asked.buttons.contains(MessageBox::TakeOver));
    QVERIFY(asked.buttons.contains(MessageBox::OpenReadOnly));
    MessageBox::setNextAnswer(MessageBox::Cancel);
    const int opened = MessageBox::openedCount();
    QTRY_COMPARE(MessageBox::openedCount(), opened + 1);
    QVERIFY2(MessageBox::lastMessage().text.contains(QStringLiteral("Is Director closed on "
                                                                    "render-07?")),
             qPrintable(MessageBox::lastMessage().text));
    QTest::qWait(50);
    QVERIFY(QFile::exists(lockPath));
    QVERIFY(!window->manager()->hasSession());

    // Asked again, and confirmed: the run opens for writing here.
    MessageBox::setNextAnswer(MessageBox::TakeOver);
    window->openRun(held);
    MessageBox::setNextAnswer(MessageBox::TakeOver);
    QTRY_VERIFY(window->manager()->hasSession());
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_held"));
    QVERIFY(!window->manager()->isReadOnly());
    const std::optional<SessionLock::Holder> holder = SessionLock::holderOf(held);
    QVERIFY(holder);
    QCOMPARE(holder->pid, QCoreApplication::applicationPid());
}

void TestStartPage::whichFolderWithoutAnArgument()
{
    QString why;
    QCOMPARE(StartPage::defaultFolder(&why), QDir::currentPath());
    QVERIFY(why.contains(QStringLiteral("current folder")));

    RecentRuns::add(run(QStringLiteral("active")));
    QCOMPARE(StartPage::defaultFolder(&why), m_dir->path());
    QVERIFY(why.contains(QStringLiteral("opened last")));

    // A recent run that is gone is passed over.
    RecentRuns::add(m_dir->filePath(QStringLiteral("gone/run")));
    QCOMPARE(StartPage::defaultFolder(&why), m_dir->path());
}

void TestStartPage::whatIsAFolderOfRuns()
{
    QVERIFY(StartPage::isFolderOfRuns(m_dir->path()));
    QVERIFY(!StartPage::isFolderOfRuns(run(QStringLiteral("fresh"))));
    const QString empty = m_dir->filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(StartPage::isFolderOfRuns(empty));
    QVERIFY(RunFixture::writeFile(empty + QStringLiteral("/notes.txt"), "hello"));
    QVERIFY(!StartPage::isFolderOfRuns(empty));
    QVERIFY(!StartPage::isFolderOfRuns(m_dir->filePath(QStringLiteral("nowhere"))));
}

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
