#include "filmstrip.h"
#include "filterbar.h"
#include "filterpresenter.h"
#include "mainwindow.h"
#include "playback/playback.h"
#include "playbackpresenter.h"
#include "review/framefilter.h"
#include "review/framefiltermodel.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "review/reviewhistory.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "stageview.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

// "Many frames": the filter bar over the filmstrip, and one verdict or one nudge for several
// selected frames as one change and one undo step. Driven as the operator drives the window;
// what it shows is checked against the session file on disk.
//
// The mixed run (RunFixture::writeMixedRun): 0 APPROVED, 1 AUDIT_WARN (SF01), 2 AUDIT_FAIL
// (SF02), 3 GENERATED, 4 PENDING (no image).
class TestManyFrames : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // The batch change path, without a window.
    void aBatchIsOneSaveAndOneSignal();
    void aBatchAppliesTheRestOrNone();
    void aBatchIsOneUndoStep();
    void theFilterIsOnePassOverAHundredThousandFrames();
    void theFilmstripFiltersAHundredThousandFramesAtOnce();

    // The window.
    void clickingAFilterShowsOnlyTheMatchingFramesWithCounts();
    void theFrameKeysAndPlaybackFollowTheFilter();
    void theFilterBarGoesOnInARowBelowWhenNarrow();
    void theFilterIsRememberedPerRun();
    void shiftClickSelectsARangeAndOneVerdictApprovesThemAll();
    void framesTheRulesRefuseAreNamedAndTheRestChanged();
    void aNudgeMovesEverySelectedFrame();
    void aDragOnTheStageMovesEverySelectedFrame();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    DirectorSession onDisk(MainWindow *window = nullptr) const;
    static FilterBar *barOf(MainWindow *window) { return window->findChild<FilterBar *>(); }
    static QList<int> framesShown(MainWindow *window);
    static void clickFrame(MainWindow *window, int frameIndex,
                           Qt::KeyboardModifiers modifiers = {});

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestManyFrames::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorManyFramesTests")));
}

void TestManyFrames::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(run()));
}

void TestManyFrames::cleanup()
{
    m_dir.reset();
}

DirectorSession TestManyFrames::onDisk(MainWindow *window) const
{
    if (window)
        window->manager()->waitForSaves();
    QFile file(run() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

QList<int> TestManyFrames::framesShown(MainWindow *window)
{
    QList<int> frames;
    const QAbstractItemModel *model = window->filmstrip()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        frames.append(model->index(row, 0).data(FrameListModel::FrameIndexRole).toInt());
    return frames;
}

void TestManyFrames::clickFrame(MainWindow *window, int frameIndex, Qt::KeyboardModifiers modifiers)
{
    Filmstrip *strip = window->filmstrip();
    const int row = strip->filterModel()->rowOfFrame(frameIndex);
    QVERIFY(row >= 0);
    const QRect cell = strip->visualRect(strip->model()->index(row, 0));
    QTest::mouseClick(strip->viewport(), Qt::LeftButton, modifiers, cell.center());
}

void TestManyFrames::aBatchIsOneSaveAndOneSignal()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run()));
    QSignalSpy saved(&manager, &SessionManager::saved);
    QSignalSpy one(&manager, &SessionManager::frameChanged);
    QSignalSpy batch(&manager, &SessionManager::framesChanged);
    QList<std::pair<int, FrameEdit>> edits;
    for (const int frame : {3, 1, 2})
        edits.append({frame, FrameEdit::statusTo(FrameStatus::Approved)});
    QList<FrameRefusal> refused;
    QVERIFY(manager.applyFrameEdits(edits, SessionManager::Refusals::ApplyTheRest, &refused));
    QVERIFY(refused.isEmpty());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(one.count(), 0);
    QCOMPARE(batch.count(), 1);
    QCOMPARE(batch.first().first().value<QList<int>>(), QList<int>({1, 2, 3}));
    const DirectorSession disk = onDisk();
    for (const int frame : {0, 1, 2, 3})
        QCOMPARE(disk.frames.value(frame).status, FrameStatus::Approved);
    QCOMPARE(disk.frames.value(4).status, FrameStatus::Pending);
}

void TestManyFrames::aBatchAppliesTheRestOrNone()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run()));
    const QByteArray before = [&] {
        QFile file(run() + QStringLiteral("/director_session.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    // PENDING cannot be approved.
    const QList<std::pair<int, FrameEdit>> edits = {
        {1, FrameEdit::statusTo(FrameStatus::Approved)},
        {4, FrameEdit::statusTo(FrameStatus::Approved)},
        {2, FrameEdit::statusTo(FrameStatus::Approved)}};
    QList<FrameRefusal> refused;
    const Outcome none =
        manager.applyFrameEdits(edits, SessionManager::Refusals::ApplyNone, &refused);
    QCOMPARE(none.kind(), Outcome::Kind::Refused);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().frameIndex, 4);
    QVERIFY2(none.message().contains(QLatin1String("PENDING")), qPrintable(none.message()));
    QFile file(run() + QStringLiteral("/director_session.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before); // nothing written
    QCOMPARE(manager.session().frames.value(1).status, FrameStatus::AuditWarn);

    QVERIFY(manager.applyFrameEdits(edits, SessionManager::Refusals::ApplyTheRest, &refused));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().frameIndex, 4);
    const DirectorSession disk = onDisk();
    QCOMPARE(disk.frames.value(1).status, FrameStatus::Approved);
    QCOMPARE(disk.frames.value(2).status, FrameStatus::Approved);
    QCOMPARE(disk.frames.value(4).status, FrameStatus::Pending);
}

void TestManyFrames::aBatchIsOneUndoStep()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run()));
    ReviewController controller(&manager);
    const DirectorSession original = manager.session();
    QVERIFY(controller.nudgeFrames({1, 2, 3}, 2, -1));
    QCOMPARE(controller.undoStack()->count(), 1);
    QCOMPARE(controller.undoStack()->undoText(), QStringLiteral("Nudge 3 frames by 2, -1"));
    DirectorSession disk = onDisk();
    for (const int frame : {1, 2, 3}) {
        QVERIFY(disk.frames.value(frame).directorOverrides.alignment);
        QCOMPARE(disk.frames.value(frame).directorOverrides.alignment->userOverrideX, 2.0);
        QCOMPARE(disk.frames.value(frame).directorOverrides.alignment->userOverrideY, -1.0);
    }
    QCOMPARE(disk.frames.value(1).status, FrameStatus::Approved); // a nudge reviews a warning
    QSignalSpy saved(&manager, &SessionManager::saved);
    QVERIFY(controller.undo());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(onDisk().frames, original.frames);
    QVERIFY(controller.redo());
    QCOMPARE(onDisk().frames, disk.frames);
}

// What these take is measured by bench_filter and bench_batch (README, Performance).
void TestManyFrames::theFilterIsOnePassOverAHundredThousandFrames()
{
    QMap<int, DirectorFrameState> frames;
    for (int i = 0; i < 100000; ++i) {
        DirectorFrameState frame;
        frame.frameIndex = i;
        frame.id = DirectorFrameState::idForIndex(i);
        frame.status = allFrameStatuses[size_t(i % 5)];
        if (i % 7 == 0)
            frame.auditReport.flags = {QStringLiteral("SF01_IDENTITY_DRIFT")};
        frames.insert(i, frame);
    }
    FrameFilter filter;
    filter.setStatus(FrameStatus::AuditFail, true);
    filter.setFlag(QStringLiteral("SF01_IDENTITY_DRIFT"), true);
    const FrameFilter::Pass pass = filter.run(frames);
    QCOMPARE(pass.counts.total, 100000);
    QCOMPARE(pass.counts.status(FrameStatus::AuditFail), 20000);
    QCOMPARE(pass.counts.flags.value(QStringLiteral("SF01_IDENTITY_DRIFT")), 14286);
    // Frames i with i % 5 == 2 (AUDIT_FAIL) and i % 7 == 0: one in 35.
    QCOMPARE(pass.matching.size(), 2857);
}

void TestManyFrames::theFilmstripFiltersAHundredThousandFramesAtOnce()
{
    // A run of 100,000 frames, none generated yet (PENDING): the filmstrip's model and its
    // filter as the window has them, and one batch edit of 10,000 frames.
    const QString big = m_dir->path() + QStringLiteral("/big");
    QVERIFY(RunFixture::writeManifest(big, QStringLiteral("run_big"), 100000));
    SessionManager manager(nullptr, SessionManager::Saving::Background);
    QVERIFY(manager.initializeOrResume(big));
    QCOMPARE(manager.session().frames.size(), 100000);
    FrameListModel frames(&manager);
    FrameFilterModel filtered(&frames);
    FrameFilter pending;
    pending.setStatus(FrameStatus::Pending, true);
    FrameFilter noted;
    noted.setMark(FrameFilter::Mark::Noted, true);
    // Each time with the rows mapped (rowCount()), as the filmstrip asks for them.
    filtered.setFilter(noted);
    QCOMPARE(filtered.rowCount(), 0);
    filtered.setFilter(pending);
    QCOMPARE(filtered.rowCount(), 100000);

    QList<std::pair<int, FrameEdit>> edits;
    for (int i = 0; i < 10000; ++i)
        edits.append({i * 10, FrameEdit::notesTo(QStringLiteral("seen"))});
    QSignalSpy batch(&manager, &SessionManager::framesChanged);
    QSignalSpy rows(&frames, &QAbstractItemModel::dataChanged);
    QVERIFY(manager.applyFrameEdits(edits));
    QCOMPARE(batch.count(), 1);
    QCOMPARE(rows.count(), 1); // one range
    QTRY_COMPARE(filtered.counts().mark(FrameFilter::Mark::Noted), 10000);
    filtered.setFilter(noted);
    QCOMPARE(filtered.rowCount(), 10000);
    QVERIFY(manager.waitForSaves());
}

void TestManyFrames::clickingAFilterShowsOnlyTheMatchingFramesWithCounts()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    QAbstractItemModelTester tester(window->filmstrip()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    FilterBar *bar = barOf(window.get());
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(framesShown(window.get()), QList<int>({0, 1, 2, 3, 4}));
    QCOMPARE(bar->statusButton(FrameStatus::AuditFail)->text(), QStringLiteral("Failed 1"));
    QCOMPARE(bar->statusButton(FrameStatus::Approved)->text(), QStringLiteral("Approved 1"));
    QCOMPARE(bar->shownLabel()->text(), QStringLiteral("5 of 5 shown"));

    QTest::mouseClick(bar->statusButton(FrameStatus::AuditWarn), Qt::LeftButton);
    QTest::mouseClick(bar->statusButton(FrameStatus::AuditFail), Qt::LeftButton);
    QCOMPARE(framesShown(window.get()), QList<int>({1, 2}));
    QCOMPARE(bar->shownLabel()->text(), QStringLiteral("2 of 5 shown"));
    // The current frame (0) is hidden: the first frame shown after it is current.
    QCOMPARE(window->currentFrame(), 1);
    QCOMPARE(window->filmstrip()->currentIndex().row(), 0);
    // Its thumbnail is made, for the row shown.
    const QModelIndex first = window->filmstrip()->model()->index(0, 0);
    QTRY_VERIFY(!first.data(Qt::DecorationRole).value<QImage>().isNull());

    // A flag, from the run's audits, with its count.
    QTest::mouseClick(bar->clearButton(), Qt::LeftButton);
    QCOMPARE(framesShown(window.get()).size(), 5);
    QAction *palette = bar->flagAction(QStringLiteral("SF02_PALETTE_DRIFT"));
    QVERIFY(palette);
    QCOMPARE(palette->text(), QStringLiteral("SF02_PALETTE_DRIFT 1"));
    palette->trigger();
    QCOMPARE(framesShown(window.get()), QList<int>({2}));
    QTest::mouseClick(bar->clearButton(), Qt::LeftButton);

    // Marks: a nudge and a note, counted as they are made.
    window->setCurrentFrame(3);
    QTest::keyClick(window.get(), Qt::Key_Left, Qt::ControlModifier);
    QVERIFY(window->controller()->setNotes(2, QStringLiteral("hand")));
    QTRY_COMPARE(bar->markButton(FrameFilter::Mark::Nudged)->text(), QStringLiteral("Nudged 1"));
    QTRY_COMPARE(bar->markButton(FrameFilter::Mark::Noted)->text(), QStringLiteral("With Notes 1"));
    QCOMPARE(bar->markButton(FrameFilter::Mark::Patched)->text(), QStringLiteral("Patched 0"));
    QTest::mouseClick(bar->markButton(FrameFilter::Mark::Nudged), Qt::LeftButton);
    QCOMPARE(framesShown(window.get()), QList<int>({3}));
    QTest::mouseClick(bar->markButton(FrameFilter::Mark::Noted), Qt::LeftButton);
    QCOMPARE(framesShown(window.get()), QList<int>({2, 3})); // either mark
    // Across groups, every group must match: noted or nudged, and GENERATED.
    QTest::mouseClick(bar->statusButton(FrameStatus::Generated), Qt::LeftButton);
    QCOMPARE(framesShown(window.get()), QList<int>({3}));

    // Rejected with a reason (X, a reason picked): what a retry reads. A rejection without a
    // reason is not one.
    QTest::mouseClick(bar->clearButton(), Qt::LeftButton);
    QCOMPARE(bar->markButton(FrameFilter::Mark::Reasoned)->text(),
             QStringLiteral("Rejected with a Reason 0"));
    window->setCurrentFrame(3);
    QTest::keyClick(window.get(), Qt::Key_X);
    QVERIFY(WindowFixture::answerReasonPicker(window.get(), QStringLiteral("1")));
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_X);
    QVERIFY(WindowFixture::answerReasonPicker(window.get()));
    QTRY_COMPARE(bar->markButton(FrameFilter::Mark::Reasoned)->text(),
                 QStringLiteral("Rejected with a Reason 1"));
    QTest::mouseClick(bar->markButton(FrameFilter::Mark::Reasoned), Qt::LeftButton);
    QCOMPARE(framesShown(window.get()), QList<int>({3}));
}

// On a narrow window (or in a longer language) every choice of the filter bar stays whole and
// in sight: the bar goes on in a second row instead of squeezing its buttons.
void TestManyFrames::theFilterBarGoesOnInARowBelowWhenNarrow()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    FilterBar *bar = barOf(window.get());
    QVERIFY(bar);
    const auto everyChoiceWhole = [bar] {
        for (const QToolButton *button : bar->findChildren<QToolButton *>()) {
            if (button->width() < button->sizeHint().width() ||
                !bar->rect().contains(button->geometry()))
                return false;
        }
        return bar->rect().contains(bar->shownLabel()->geometry());
    };
    const QToolButton *first = bar->statusButton(FrameStatus::Pending);
    const QAbstractButton *last = bar->clearButton();
    window->resize(1600, window->height());
    QTRY_VERIFY(everyChoiceWhole());
    QCOMPARE(last->y(), first->y()); // one row
    window->resize(640, window->height());
    QTRY_VERIFY(bar->width() <= 640);
    QTRY_VERIFY(everyChoiceWhole());
    QVERIFY(last->y() > first->y()); // more rows
}

void TestManyFrames::theFrameKeysAndPlaybackFollowTheFilter()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    FilterBar *bar = barOf(window.get());
    // WARN and PENDING: 1 and 4. 2 and 3 need attention too, but are not shown.
    QTest::mouseClick(bar->statusButton(FrameStatus::AuditWarn), Qt::LeftButton);
    QTest::mouseClick(bar->statusButton(FrameStatus::Pending), Qt::LeftButton);
    QCOMPARE(framesShown(window.get()), QList<int>({1, 4}));
    QCOMPARE(window->currentFrame(), 1);
    QTest::keyClick(window.get(), Qt::Key_N);
    QCOMPARE(window->currentFrame(), 4);
    QTest::keyClick(window.get(), Qt::Key_N);
    QCOMPARE(window->currentFrame(), 1); // around the end
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ShiftModifier);
    QCOMPARE(window->currentFrame(), 4);
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(window->currentFrame(), 1);
    QTest::keyClick(window.get(), Qt::Key_Right);
    QCOMPARE(window->currentFrame(), 4);
    QTest::keyClick(window.get(), Qt::Key_Home);
    QCOMPARE(window->currentFrame(), 1);

    // Playback plays the frames shown that have an image, in frame order.
    Playback *playback = window->playback()->playback();
    QCOMPARE(playback->frames(), QList<int>({1}));
    QTest::mouseClick(bar->statusButton(FrameStatus::AuditFail), Qt::LeftButton);
    QCOMPARE(playback->frames(), QList<int>({1, 2}));
    QTest::mouseClick(bar->clearButton(), Qt::LeftButton);
    QCOMPARE(playback->frames(), QList<int>({0, 1, 2, 3}));
}

void TestManyFrames::theFilterIsRememberedPerRun()
{
    {
        auto window = WindowFixture::openWindow(run());
        QVERIFY(window);
        FilterBar *bar = barOf(window.get());
        QTest::mouseClick(bar->statusButton(FrameStatus::AuditFail), Qt::LeftButton);
        bar->flagAction(QStringLiteral("SF02_PALETTE_DRIFT"))->trigger();
        QCOMPARE(framesShown(window.get()), QList<int>({2}));
        window->close();
    }
    {
        auto window = WindowFixture::openWindow(run());
        QVERIFY(window);
        FilterBar *bar = barOf(window.get());
        QCOMPARE(framesShown(window.get()), QList<int>({2}));
        QVERIFY(bar->statusButton(FrameStatus::AuditFail)->isChecked());
        QVERIFY(bar->flagAction(QStringLiteral("SF02_PALETTE_DRIFT"))->isChecked());
        QCOMPARE(window->currentFrame(), 2);
        // Another run has its own filter (none).
        const QString other = m_dir->path() + QStringLiteral("/other");
        QVERIFY(RunFixture::writeMixedRun(other, QStringLiteral("run_other")));
        QVERIFY(window->openRun(other));
        QCOMPARE(framesShown(window.get()).size(), 5);
        QVERIFY(!bar->statusButton(FrameStatus::AuditFail)->isChecked());
        // Show All is remembered too.
        QVERIFY(window->openRun(run()));
        QCOMPARE(framesShown(window.get()), QList<int>({2}));
        QTest::mouseClick(bar->clearButton(), Qt::LeftButton);
        window->close();
    }
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    QCOMPARE(framesShown(window.get()).size(), 5);

    // Per run, not per session: a copy of the run (its session file and id too) has its own
    // filter, and a new review of the run (a new session) keeps the run's.
    QTest::mouseClick(barOf(window.get())->statusButton(FrameStatus::AuditFail), Qt::LeftButton);
    window->close();
    const QString copy = m_dir->path() + QStringLiteral("/copy");
    QVERIFY(QDir().mkpath(copy));
    for (const QString &name : QDir(run()).entryList(QDir::Files))
        QVERIFY(QFile::copy(run() + u'/' + name, copy + u'/' + name));
    for (const char *folder : {"candidates", "audit"}) {
        const QString from = run() + u'/' + QLatin1String(folder);
        QVERIFY(QDir().mkpath(copy + u'/' + QLatin1String(folder)));
        for (const QString &name : QDir(from).entryList(QDir::Files))
            QVERIFY(
                QFile::copy(from + u'/' + name, copy + u'/' + QLatin1String(folder) + u'/' + name));
    }
    window = WindowFixture::openWindow(copy);
    QVERIFY(window);
    QCOMPARE(window->manager()->session().sessionId, onDisk().sessionId);
    QCOMPARE(framesShown(window.get()).size(), 5);
    window->close();
    window.reset();
    QVERIFY(QFile::remove(run() + QStringLiteral("/director_session.json")));
    window = WindowFixture::openWindow(run());
    QVERIFY(window);
    QVERIFY(barOf(window.get())->statusButton(FrameStatus::AuditFail)->isChecked());
    QCOMPARE(framesShown(window.get()), QList<int>({2}));
}

void TestManyFrames::shiftClickSelectsARangeAndOneVerdictApprovesThemAll()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    const DirectorSession original = onDisk(window.get());
    clickFrame(window.get(), 1);
    clickFrame(window.get(), 3, Qt::ShiftModifier);
    QCOMPARE(window->filmstrip()->selectionModel()->selectedRows().size(), 3);
    QCOMPARE(window->currentFrame(), 3);
    QTest::keyClick(window.get(), Qt::Key_A);
    DirectorSession disk = onDisk(window.get());
    for (const int frame : {1, 2, 3})
        QCOMPARE(disk.frames.value(frame).status, FrameStatus::Approved);
    QCOMPARE(window->history()->stack()->count(), 1);
    QCOMPARE(window->actions().undo->text(), QStringLiteral("&Undo Approve 3 frames"));
    QCOMPARE(window->model()->index(2).data(FrameListModel::StatusRole).toInt(),
             int(FrameStatus::Approved));
    // One Ctrl+Z undoes all three.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames, original.frames);

    // Ctrl+click picks frames one by one; X rejects them (WARN and, after a redo, APPROVED).
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    clickFrame(window.get(), 0);
    clickFrame(window.get(), 3, Qt::ControlModifier);
    QCOMPARE(window->filmstrip()->selectedFrames(window->currentFrame()), QList<int>({0, 3}));
    QTest::keyClick(window.get(), Qt::Key_X);
    // One reason for all of them: the picker's first (a digit picks it).
    QVERIFY(WindowFixture::answerReasonPicker(window.get(), QStringLiteral("1")));
    disk = onDisk(window.get());
    QCOMPARE(disk.frames.value(0).status, FrameStatus::AuditFail);
    QCOMPARE(disk.frames.value(3).status, FrameStatus::AuditFail);
    for (const int frame : {0, 3}) {
        const std::optional<Verdict> verdict = disk.frames.value(frame).directorOverrides.verdict;
        QVERIFY(verdict && verdict->reasonCode && !verdict->reviewer.isEmpty());
        QCOMPARE(verdict->status, FrameStatus::AuditFail);
        QCOMPARE(*verdict->reasonCode, *disk.frames.value(0).directorOverrides.verdict->reasonCode);
    }
    QCOMPARE(window->history()->stack()->count(), 2); // the approval, then this rejection
    QCOMPARE(disk.frames.value(1).status, FrameStatus::Approved);
    // Arrows alone select one frame again.
    QTest::keyClick(window.get(), Qt::Key_Right);
    QCOMPARE(window->filmstrip()->selectionModel()->selectedRows().size(), 1);
}

void TestManyFrames::framesTheRulesRefuseAreNamedAndTheRestChanged()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(2);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(window->filmstrip()->selectedFrames(window->currentFrame()), QList<int>({2, 3, 4}));
    QTest::keyClick(window.get(), Qt::Key_A);
    const DirectorSession disk = onDisk(window.get());
    QCOMPARE(disk.frames.value(2).status, FrameStatus::Approved);
    QCOMPARE(disk.frames.value(3).status, FrameStatus::Approved);
    QCOMPARE(disk.frames.value(4).status, FrameStatus::Pending); // PENDING cannot be approved
    const QString said = window->statusBar()->currentMessage();
    QVERIFY2(said.contains(QLatin1String("2 of 3 frames changed")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("Frame 4: a frame cannot go from PENDING to APPROVED")),
             qPrintable(said));
    QCOMPARE(window->history()->stack()->count(), 1);
    QCOMPARE(window->history()->stack()->undoText(), QStringLiteral("Approve 2 frames"));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames.value(2).status, FrameStatus::AuditFail);
    QCOMPARE(onDisk(window.get()).frames.value(3).status, FrameStatus::Generated);

    // Every frame selected, the first approved already: counted as such, not as changed, and
    // the undo step names the frames it changed. The message, longer than the status bar
    // holds, stays, its whole text the status bar's tool tip.
    window->resize(700, window->height());
    window->setCurrentFrame(0);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_A);
    const QString all = window->statusBar()->currentMessage();
    QVERIFY2(all.startsWith(QLatin1String("3 of 5 frames changed (1 had it already); not changed: "
                                          "Frame 4: a frame cannot go from PENDING to APPROVED")),
             qPrintable(all));
    QCOMPARE(window->history()->stack()->undoText(), QStringLiteral("Approve 3 frames"));
    QCOMPARE(window->statusBar()->toolTip(), all);
    window->statusBar()->showMessage(QStringLiteral("next"));
    QVERIFY(window->statusBar()->toolTip().isEmpty());
}

void TestManyFrames::aNudgeMovesEverySelectedFrame()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_Left, Qt::ControlModifier);
    QTest::keyClick(window.get(), Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    DirectorSession disk = onDisk(window.get());
    for (const int frame : {1, 2, 3}) {
        const auto &alignment = disk.frames.value(frame).directorOverrides.alignment;
        QVERIFY(alignment);
        QCOMPARE(alignment->userOverrideX, -1.0);
        QCOMPARE(alignment->userOverrideY, 8.0);
    }
    QVERIFY(!disk.frames.value(0).directorOverrides.alignment);
    QCOMPARE(window->history()->stack()->count(), 2); // one step per key, not per frame
    QCOMPARE(window->history()->stack()->undoText(), QStringLiteral("Nudge 3 frames by 0, 8"));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    disk = onDisk(window.get());
    for (const int frame : {1, 2, 3})
        QVERIFY(!disk.frames.value(frame).directorOverrides.alignment);
    QCOMPARE(disk.frames.value(1).status, FrameStatus::AuditWarn);
}

void TestManyFrames::aDragOnTheStageMovesEverySelectedFrame()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_3); // zoom 4×: 4 screen pixels a source pixel
    StageView *stage = window->stage();
    QCOMPARE(stage->zoom(), 4);
    const QPoint start = stage->canvasRect().center();
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(5, -3));
    QTest::mouseMove(stage->viewport(), start + QPoint(9, -5)); // 2, -1 source pixels
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(9, -5));
    QCOMPARE(window->history()->stack()->count(), 1);
    QCOMPARE(window->history()->stack()->undoText(), QStringLiteral("Nudge 3 frames by 2, -1"));
    DirectorSession disk = onDisk(window.get());
    for (const int frame : {1, 2, 3}) {
        const auto &alignment = disk.frames.value(frame).directorOverrides.alignment;
        QVERIFY(alignment);
        QCOMPARE(alignment->userOverrideX, 2.0);
        QCOMPARE(alignment->userOverrideY, -1.0);
    }
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    disk = onDisk(window.get());
    for (const int frame : {1, 2, 3})
        QVERIFY(!disk.frames.value(frame).directorOverrides.alignment);
}

QTEST_MAIN(TestManyFrames)
#include "tst_manyframes.moc"
