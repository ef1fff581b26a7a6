// Opening a run in the window (RunOpener): the run folder and the session file are read off
// the GUI thread, the window stays live and says it is opening, nothing changes a review
// until the session is adopted, closing the window cancels the open, and every failure asks
// or says what it did when opening was synchronous. Driven through the real MainWindow; the
// worker is held at its start (RunOpener::setWorkerHook) to look at the window meanwhile.

#include "mainwindow.h"
#include "messagebox.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "runfixture.h"
#include "runopener.h"
#include "sessionproblemdialog.h"
#include "storage/sessionlock.h"
#include "storage/sessionstore.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <condition_variable>
#include <memory>
#include <mutex>

namespace {

// Holds the opener's worker at its start until released.
class Gate
{
public:
    void pass()
    {
        std::unique_lock lock(m_mutex);
        ++m_entered;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_open; });
    }
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    int entered()
    {
        std::lock_guard lock(m_mutex);
        return m_entered;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
    int m_entered = 0;
};

} // namespace

class TestRunOpener : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theWindowIsLiveWhileTheRunOpensThenShowsIt();
    void nothingChangesAReviewBeforeTheSessionIsAdopted();
    void closingTheWindowDuringTheOpenCancelsIt();
    void anotherOpenCancelsTheFirstAndOpensAfterIt();
    void theSameRunAgainIsOpenedOnce();
    void aMissingRunIsSaidAsBefore();
    void aHeldRunOffersReadOnlyAsBefore();
    void anUnreadableSessionAsksAsBefore();
    void aNewSessionIsSavedBeforeItIsShown();
    void aLongerRunIsReadWithItsReadAhead();
    void theStatusBarSaysHowFarTheReadIs();

private:
    std::unique_ptr<MainWindow> shownWindow();
    // A held worker for the next open.
    std::shared_ptr<Gate> holdWorker();
    // Starts opening `run` in `window`, held on the worker until the gate is released; none
    // when the worker did not get there.
    std::shared_ptr<Gate> startHeld(MainWindow *window, const QString &run);
    QString runPath(const QString &name) const { return m_dir->path() + QLatin1Char('/') + name; }
    // A run of 40 frames, "long" in the test's folder; empty if it could not be written.
    QString longRun() const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Gate> m_gate;
};

void TestRunOpener::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTestRunOpener")));
}

void TestRunOpener::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(RunFixture::writeMixedRun(runPath(QStringLiteral("a")), QStringLiteral("run_a")));
    QVERIFY(RunFixture::writeMixedRun(runPath(QStringLiteral("b")), QStringLiteral("run_b")));
}

void TestRunOpener::cleanup()
{
    if (m_gate)
        m_gate->release();
    RunOpener::setWorkerHook({});
    RunOpener::setFrameHook({});
    m_gate.reset();
}

std::unique_ptr<MainWindow> TestRunOpener::shownWindow()
{
    return WindowFixture::shownWindow();
}

std::shared_ptr<Gate> TestRunOpener::holdWorker()
{
    m_gate = std::make_shared<Gate>();
    RunOpener::setWorkerHook([gate = m_gate] { gate->pass(); });
    return m_gate;
}

std::shared_ptr<Gate> TestRunOpener::startHeld(MainWindow *window, const QString &run)
{
    std::shared_ptr<Gate> gate = holdWorker();
    window->startOpening(run);
    return QTest::qWaitFor([&gate] { return gate->entered() == 1; }) ? gate : nullptr;
}

void TestRunOpener::theWindowIsLiveWhileTheRunOpensThenShowsIt()
{
    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    const std::shared_ptr<Gate> gate = startHeld(window.get(), runPath(QStringLiteral("a")));
    QVERIFY(gate);

    // Held on the worker: the window says so, answers, resizes, and has no run yet.
    QVERIFY(window->isOpening());
    QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("Opening a…"));
    bool answered = false;
    QTimer::singleShot(0, window.get(), [&answered] { answered = true; });
    QTRY_VERIFY(answered);
    window->resize(900, 650);
    QTRY_COMPARE(window->size(), QSize(900, 650));
    QVERIFY(!window->manager()->hasSession());
    QCOMPARE(window->model()->rowCount(), 0);
    QVERIFY(!window->actions().approve->isEnabled());
    QVERIFY(window->actions().quit->isEnabled());
    QCOMPARE(finished.count(), 0);

    gate->release();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!window->isOpening());
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_a"));
    QCOMPARE(window->model()->rowCount(), 5);
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("run_a")));
    QVERIFY(window->statusBar()->currentMessage().isEmpty());
    QVERIFY(window->actions().approve->isEnabled());
    QVERIFY(window->currentFrame() >= 0);
}

void TestRunOpener::nothingChangesAReviewBeforeTheSessionIsAdopted()
{
    auto window = shownWindow();
    QVERIFY(window);
    QVERIFY(window->openRun(runPath(QStringLiteral("a"))));
    window->setCurrentFrame(1); // AUDIT_WARN
    QVERIFY(window->actions().approve->isEnabled());
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    const std::shared_ptr<Gate> gate = startHeld(window.get(), runPath(QStringLiteral("b")));
    QVERIFY(gate);

    // The review open before is shown, and nothing changes it: not the keys, not the actions,
    // not the controller.
    const QList<QAction *> changing = window->actions().changingSession();
    for (QAction *action : changing)
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    QTest::keyClick(window.get(), Qt::Key_A);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCoreApplication::processEvents();
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_a"));
    QCOMPARE(window->manager()->getFrameState(1)->status, FrameStatus::AuditWarn);
    const Outcome refused = window->controller()->approve(1);
    QCOMPARE(refused.kind(), Outcome::Kind::Refused);
    QCOMPARE(window->manager()->getFrameState(1)->status, FrameStatus::AuditWarn);
    QVERIFY(!window->actions().undo->isEnabled());
    SessionStore a(runPath(QStringLiteral("a")));
    QCOMPARE(a.load().session->frames.value(1).status, FrameStatus::AuditWarn);

    gate->release();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_b"));
    for (QAction *action : changing)
        QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    window->setCurrentFrame(1);
    QVERIFY(window->controller()->approve(1));
    QCOMPARE(window->manager()->getFrameState(1)->status, FrameStatus::Approved);
}

void TestRunOpener::closingTheWindowDuringTheOpenCancelsIt()
{
    const QString run = runPath(QStringLiteral("a"));
    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    const std::shared_ptr<Gate> gate = startHeld(window.get(), run);
    QVERIFY(gate);
    QVERIFY(window->close());
    QVERIFY(!window->isVisible());
    gate->release();
    window.reset(); // waits for the worker
    QCOMPARE(finished.count(), 0);
    // The run is as it was: no session made, no lock left.
    QVERIFY(!QFileInfo::exists(run + QStringLiteral("/director_session.json")));
    QVERIFY(!QFileInfo::exists(run + QStringLiteral("/director_session.json.lock")));
    QVERIFY(!SessionLock::holderOf(run));
    SessionManager other;
    QVERIFY(other.initializeOrResume(run));

    // Closed while the worker runs on (not held): the same, once it ends.
    const QString second = runPath(QStringLiteral("b"));
    window = shownWindow();
    QVERIFY(window);
    const std::shared_ptr<Gate> again = startHeld(window.get(), second);
    QVERIFY(again);
    QVERIFY(window->close());
    again->release();
    QTRY_VERIFY(!window->isOpening());
    QVERIFY(!window->manager()->hasSession());
    QVERIFY(!QFileInfo::exists(second + QStringLiteral("/director_session.json")));
    QVERIFY(!QFileInfo::exists(second + QStringLiteral("/director_session.json.lock")));
}

void TestRunOpener::anotherOpenCancelsTheFirstAndOpensAfterIt()
{
    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    const std::shared_ptr<Gate> gate = startHeld(window.get(), runPath(QStringLiteral("a")));
    QVERIFY(gate);
    window->startOpening(runPath(QStringLiteral("b")));
    QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("Opening b…"));
    QVERIFY(window->isOpening());
    gate->release();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_b"));
    QCOMPARE(gate->entered(), 2);
    // The first run was let go: untouched and unlocked.
    const QString first = runPath(QStringLiteral("a"));
    QVERIFY(!QFileInfo::exists(first + QStringLiteral("/director_session.json")));
    QVERIFY(!SessionLock::holderOf(first));
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

void TestRunOpener::theSameRunAgainIsOpenedOnce()
{
    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    const std::shared_ptr<Gate> gate = startHeld(window.get(), runPath(QStringLiteral("a")));
    QVERIFY(gate);
    window->startOpening(runPath(QStringLiteral("a")));
    window->startOpening(runPath(QStringLiteral("a/")));
    gate->release();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(gate->entered(), 1);
    QVERIFY(!window->manager()->isReadOnly());
}

void TestRunOpener::aMissingRunIsSaidAsBefore()
{
    const QString missing = runPath(QStringLiteral("gone"));
    SessionManager synchronous;
    const Outcome expected = synchronous.initializeOrResume(missing);
    QVERIFY(!expected);

    auto window = shownWindow();
    QVERIFY(window);
    QVERIFY(window->openRun(runPath(QStringLiteral("a"))));
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    MessageBox::setNextAnswer(MessageBox::Ok);
    window->startOpening(missing);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Cannot open the run"));
    QCOMPARE(MessageBox::lastMessage().text, expected.message());
    // The review open before is open and can be changed.
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_a"));
    QVERIFY(window->actions().approve->isEnabled());
    QVERIFY(window->controller()->approve(1));
}

void TestRunOpener::aHeldRunOffersReadOnlyAsBefore()
{
    const QString held = runPath(QStringLiteral("a"));
    SessionStore holder(held);
    QVERIFY(holder.lock());
    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    MessageBox::setNextAnswer(MessageBox::OpenReadOnly);
    window->startOpening(held);
    // The question, then the answer's open: read-only.
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("The run is open elsewhere"));
    QVERIFY(MessageBox::lastMessage().buttons ==
            (QList<MessageBox::Button>{MessageBox::OpenReadOnly, MessageBox::Quit}));
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_a"));
    QVERIFY(window->manager()->isOpenReadOnly());
    QVERIFY(!window->actions().approve->isEnabled());
}

void TestRunOpener::anUnreadableSessionAsksAsBefore()
{
    const QString run = runPath(QStringLiteral("a"));
    QVERIFY(RunFixture::writeFile(run + QStringLiteral("/director_session.json"),
                                  QByteArrayLiteral("{ not json")));
    SessionManager synchronous;
    const Outcome expected = synchronous.initializeOrResume(run);
    QCOMPARE(expected.kind(), Outcome::Kind::Invalid);

    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    window->startOpening(run);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    SessionProblemDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<SessionProblemDialog *>()) && dialog->isVisible());
    QPlainTextEdit *details = dialog->findChild<QPlainTextEdit *>();
    QVERIFY(details);
    QCOMPARE(details->toPlainText(), expected.message());
    QVERIFY(!SessionLock::holderOf(run)); // nothing kept: not the lock
    dialog->done(SessionProblemDialog::StartNew);
    QTRY_COMPARE(finished.count(), 2);
    QVERIFY(finished.at(1).at(0).toBool());
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_a"));
    QVERIFY(!window->manager()->isReadOnly());
}

void TestRunOpener::aNewSessionIsSavedBeforeItIsShown()
{
    const QString run = runPath(QStringLiteral("a"));
    auto window = shownWindow();
    QVERIFY(window);
    bool savedWhenShown = false;
    connect(window->manager(), &SessionManager::sessionOpened, window.get(), [&] {
        SessionStore store(run);
        const SessionStore::LoadResult loaded = store.load();
        savedWhenShown = loaded.state == SessionStore::LoadState::Loaded &&
                         loaded.session->sessionId == window->manager()->session().sessionId;
    });
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    window->startOpening(run);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(savedWhenShown);
    QVERIFY(SessionLock::holderOf(run).has_value()); // this Director's
}

QString TestRunOpener::longRun() const
{
    const QString run = runPath(QStringLiteral("long"));
    bool written = RunFixture::writeManifest(run, QStringLiteral("run_long"), 40);
    for (int i = 0; i < 40; ++i) {
        written = written && RunFixture::writeCandidate(run, i) &&
                  RunFixture::writeAudit(run, i, i % 3 != 0, {}, 0.9);
    }
    return written ? run : QString();
}

void TestRunOpener::aLongerRunIsReadWithItsReadAhead()
{
    // 40 frames: RunFolder::read's read-ahead thread runs beside the open's worker.
    const QString run = longRun();
    QVERIFY(!run.isEmpty());
    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    window->startOpening(run, SessionManager::Access::ReadOnly);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(window->model()->rowCount(), 40);
    QVERIFY(window->manager()->isOpenReadOnly());
    QVERIFY(window->manager()->isUnsaved()); // read-only, no session file: none written
    QVERIFY(!QFileInfo::exists(run + QStringLiteral("/director_session.json")));
}

void TestRunOpener::theStatusBarSaysHowFarTheReadIs()
{
    const QString run = longRun();
    QVERIFY(!run.isEmpty());
    auto window = shownWindow();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &MainWindow::openFinished);
    // The read held after its 30th frame: the status bar says how far it is.
    m_gate = std::make_shared<Gate>();
    RunOpener::setFrameHook([gate = m_gate](int framesRead) {
        if (framesRead == 30)
            gate->pass();
    });
    window->startOpening(run);
    QTRY_COMPARE(m_gate->entered(), 1);
    QTRY_COMPARE(window->statusBar()->currentMessage(),
                 QStringLiteral("Opening long… 30 of 40 frames read"));
    QVERIFY(window->isOpening());
    QCOMPARE(window->model()->rowCount(), 0);
    QCOMPARE(finished.count(), 0);

    m_gate->release();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(window->model()->rowCount(), 40);
    QVERIFY(window->statusBar()->currentMessage().isEmpty());
}

QTEST_MAIN(TestRunOpener)
#include "tst_runopener.moc"
