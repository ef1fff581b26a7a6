#include "mainwindow.h"
#include "playback/playback.h"
#include "playback/playbackcache.h"
#include "playback/playbackclock.h"
#include "playbackbar.h"
#include "playbackpresenter.h"
#include "review/frameimages.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "runfixture.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Playback of the move as commit will write it: the order (Playback, on a manual clock), and
// the real window playing it on the stage (Space), frames decoded ahead (PlaybackCache).
// Time never comes from the wall clock: a ManualPlaybackClock moves it.
class TestPlayback : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loopsThroughTheMoveInOrder();
    void pingPongPlaysBackWithoutRepeatingTheEnds();
    void inAndOutPointsLoopARange();
    void seamViewPlaysAroundTheLoopPoint();
    void framesNotReadyOrSkippedAreDroppedAndTimeIsKept();
    void measuredRateCountsTheFramesShown();

    void spaceTogglesPlayAndPauseOnTheWindow();
    void framesAreShownPlacedAsCommitWritesThem();
    void aFrameNotDecodedInTimeIsDroppedAndSaid();
    void fpsIsRememberedPerMove();
    void inOutAndSeamFromThePlayMenu();
    void newAndChangedFramesJoinTheLoopWhilePlaying();
    void aFrameWithoutAnImageJoinsOnceItHasOne();
    void cacheKeepsToItsBudget();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    std::unique_ptr<MainWindow> openWindow(const QString &runDir);
    static QList<int> played(Playback &playback, ManualPlaybackClock &clock, int ticks);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    ManualPlaybackClock m_clock;
};

void TestPlayback::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
}

void TestPlayback::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeApprovedRun(run(), 6));
}

void TestPlayback::cleanup()
{
    m_clock.stop();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestPlayback::openWindow(const QString &runDir)
{
    auto window = WindowFixture::openWindow(runDir);
    if (!window || !window->manager()->hasSession())
        return {};
    window->playback()->setClock(&m_clock);
    return window;
}

// The frames shown, the one shown at once first, then one per tick.
QList<int> TestPlayback::played(Playback &playback, ManualPlaybackClock &clock, int ticks)
{
    QList<int> frames;
    QObject::connect(&playback, &Playback::frameShown, &playback,
                     [&frames](int frame) { frames.append(frame); });
    playback.play(playback.order().value(0));
    for (int i = 0; i < ticks; ++i)
        clock.tick();
    QObject::disconnect(&playback, &Playback::frameShown, &playback, nullptr);
    return frames;
}

void TestPlayback::loopsThroughTheMoveInOrder()
{
    Playback playback(&m_clock);
    playback.setFrames({0, 1, 2, 3});
    QCOMPARE(played(playback, m_clock, 5), QList<int>({0, 1, 2, 3, 0, 1}));
    QCOMPARE(playback.droppedCount(), 0);
    QCOMPARE(playback.shownCount(), 6);
    playback.pause();
    // Paused, no tick moves it.
    m_clock.advance(1'000'000'000);
    QCOMPARE(playback.frame(), 1);
}

void TestPlayback::pingPongPlaysBackWithoutRepeatingTheEnds()
{
    Playback playback(&m_clock);
    playback.setFrames({0, 1, 2, 3});
    playback.setPingPong(true);
    QCOMPARE(playback.order(), QList<int>({0, 1, 2, 3, 2, 1}));
    QCOMPARE(played(playback, m_clock, 7), QList<int>({0, 1, 2, 3, 2, 1, 0, 1}));
}

void TestPlayback::inAndOutPointsLoopARange()
{
    Playback playback(&m_clock);
    playback.setFrames({0, 1, 2, 3, 4, 5, 6});
    playback.setInPoint(2);
    playback.setOutPoint(4);
    QCOMPARE(playback.order(), QList<int>({2, 3, 4}));
    QCOMPARE(played(playback, m_clock, 4), QList<int>({2, 3, 4, 2, 3}));
    // Set the other way round, the same range.
    playback.setInPoint(4);
    playback.setOutPoint(2);
    QCOMPARE(playback.order(), QList<int>({2, 3, 4}));
    playback.clearRange();
    QCOMPARE(playback.order().size(), 7);
}

void TestPlayback::seamViewPlaysAroundTheLoopPoint()
{
    Playback playback(&m_clock);
    playback.setFrames({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    playback.setSeam(true);
    QCOMPARE(playback.order(), QList<int>({6, 7, 8, 9, 0, 1, 2, 3}));
    QCOMPARE(played(playback, m_clock, 8), QList<int>({6, 7, 8, 9, 0, 1, 2, 3, 6}));
    // A short move: half of it on each side.
    playback.setFrames({0, 1, 2});
    QCOMPARE(playback.order(), QList<int>({2, 0}));
    // The operator chooses how many frames on each side; never more than half the move.
    playback.setFrames({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    playback.setSeamFrames(2);
    QCOMPARE(playback.order(), QList<int>({8, 9, 0, 1}));
    playback.setSeamFrames(7);
    QCOMPARE(playback.order(), QList<int>({5, 6, 7, 8, 9, 0, 1, 2, 3, 4}));
    playback.setSeamFrames(0); // at least one
    QCOMPARE(playback.seamFrames(), Playback::minSeamFrames);
    QCOMPARE(playback.order(), QList<int>({9, 0}));
}

void TestPlayback::framesNotReadyOrSkippedAreDroppedAndTimeIsKept()
{
    Playback playback(&m_clock);
    playback.setFrames({0, 1, 2, 3, 4, 5});
    QSet<int> ready{0, 2, 3, 4, 5};
    playback.setReady([&ready](int frame) { return ready.contains(frame); });
    playback.play(0);
    QCOMPARE(playback.frame(), 0);
    m_clock.tick(); // frame 1 is not ready: dropped, frame 0 stays
    QCOMPARE(playback.frame(), 0);
    QCOMPARE(playback.droppedCount(), 1);
    m_clock.tick(); // time was kept: frame 2, not 1
    QCOMPARE(playback.frame(), 2);
    // The next tick comes a period late (the GUI thread was busy): it shows frame 4, frame 3
    // is dropped.
    m_clock.skip(2 * m_clock.interval());
    m_clock.tick();
    QCOMPARE(playback.frame(), 4);
    QCOMPARE(playback.droppedCount(), 2);
    QCOMPARE(playback.shownCount(), 3);
}

void TestPlayback::measuredRateCountsTheFramesShown()
{
    Playback playback(&m_clock);
    playback.setFrames({0, 1, 2, 3});
    playback.setFps(24);
    played(playback, m_clock, 48);
    QVERIFY2(qAbs(playback.measuredFps() - 24.0) < 0.01,
             qPrintable(QString::number(playback.measuredFps())));
    // Every other frame not ready: half the rate.
    playback.setReady([&playback](int frame) { return frame % 2 == 0 || playback.frame() < 0; });
    for (int i = 0; i < 48; ++i)
        m_clock.tick();
    QVERIFY2(qAbs(playback.measuredFps() - 12.0) < 0.5,
             qPrintable(QString::number(playback.measuredFps())));
    QCOMPARE(playback.droppedCount(), 24);
}

void TestPlayback::spaceTogglesPlayAndPauseOnTheWindow()
{
    auto window = openWindow(run());
    QVERIFY(window);
    PlaybackPresenter *presenter = window->playback();
    QLabel *state = window->playbackBar()->stateLabel();
    QVERIFY(state->text().isEmpty());
    QTest::keyClick(window.get(), Qt::Key_Space);
    QVERIFY(presenter->isPlaying());
    QVERIFY(window->actions().playPause->isEnabled());
    presenter->cache()->waitForDecodes();
    m_clock.tick();
    m_clock.tick();
    QCOMPARE(presenter->playback()->frame(), 2);
    QVERIFY2(state->text().contains(QStringLiteral("12 fps target")), qPrintable(state->text()));
    QVERIFY2(state->text().contains(QStringLiteral("0 dropped")), qPrintable(state->text()));
    QVERIFY2(state->text().contains(QStringLiteral("3 / 6")), qPrintable(state->text()));
    // While playing, the arrows do not step (the current frame is not changed under it).
    QTest::keyClick(window.get(), Qt::Key_Right);
    QCOMPARE(presenter->playback()->frame(), 2);
    QVERIFY(!window->actions().approve->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_Space);
    QVERIFY(!presenter->isPlaying());
    QVERIFY(state->text().isEmpty());
    // The paused frame is the current one: the filmstrip follows, the arrows step again.
    QCOMPARE(window->currentFrame(), 2);
    QCOMPARE(window->filmstrip()->currentIndex().row(), 2);
    QVERIFY(window->actions().approve->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_Right);
    QCOMPARE(window->currentFrame(), 3);
    // Playing again starts from the current frame, also when the rate's box has the focus.
    QSpinBox *fps = window->playbackBar()->fpsBox();
    fps->setFocus();
    QVERIFY(QApplication::focusWidget() == fps || fps->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(presenter->isPlaying());
    QCOMPARE(presenter->playback()->frame(), 3);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(!presenter->isPlaying());
}

void TestPlayback::framesAreShownPlacedAsCommitWritesThem()
{
    auto window = openWindow(run());
    QVERIFY(window);
    // Frame 1 nudged, frame 3 nudged the other way: shown moved, as commit moves them.
    QVERIFY(window->controller()->nudge(1, 3, -2));
    QVERIFY(window->controller()->nudge(3, -4, 1));
    PlaybackPresenter *presenter = window->playback();
    FrameImages images(window->manager());
    QTest::keyClick(window.get(), Qt::Key_Space);
    presenter->cache()->waitForDecodes();
    QList<int> shown{presenter->playback()->frame()};
    QCOMPARE(presenter->shownImage(), images.placed(0));
    for (int tick = 1; tick <= 7; ++tick) {
        m_clock.tick();
        const int frame = presenter->playback()->frame();
        shown.append(frame);
        QCOMPARE(presenter->shownImage(), images.placed(frame));
    }
    QCOMPARE(shown, QList<int>({0, 1, 2, 3, 4, 5, 0, 1}));
    // The nudge is in the pixels: frame 1 as played is not its image as generated.
    QVERIFY(images.placed(1) != images.image(1).image);
    QCOMPARE(images.placed(1).pixel(5 + 3, 4 - 2 + 2), images.image(1).image.pixel(5, 4 + 2));
}

void TestPlayback::aFrameNotDecodedInTimeIsDroppedAndSaid()
{
    auto window = openWindow(run());
    QVERIFY(window);
    PlaybackPresenter *presenter = window->playback();
    presenter->play();
    // The frame on the stage is shown at once; frame 1 is still being decoded (its result
    // reaches the GUI thread only through the event loop, which has not run).
    QCOMPARE(presenter->playback()->frame(), 0);
    m_clock.tick();
    QCOMPARE(presenter->playback()->frame(), 0);
    QCOMPARE(presenter->playback()->droppedCount(), 1);
    const QString text = window->playbackBar()->stateLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("1 dropped")), qPrintable(text));
    presenter->cache()->waitForDecodes();
    m_clock.tick();
    QCOMPARE(presenter->playback()->frame(), 2); // time was kept
    presenter->pause();
}

void TestPlayback::fpsIsRememberedPerMove()
{
    {
        auto window = openWindow(run());
        QVERIFY(window);
        QCOMPARE(window->playbackBar()->fpsBox()->value(), 12);
        window->playbackBar()->fpsBox()->setValue(8);
        QCOMPARE(window->playback()->playback()->fps(), 8.0);
        window->playback()->play();
        QCOMPARE(m_clock.interval(), qint64(125'000'000));
        window->playback()->pause();
    }
    // Another move: the default.
    const QString other = m_dir->path() + QStringLiteral("/other");
    QVERIFY(RunFixture::writeApprovedRun(other, 3));
    QFile manifest(other + QStringLiteral("/manifest.lock.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QByteArray bytes = manifest.readAll();
    manifest.close();
    bytes.replace("idle_standard", "run_cycle");
    QVERIFY(RunFixture::writeFile(manifest.fileName(), bytes));
    {
        auto window = openWindow(other);
        QVERIFY(window);
        QCOMPARE(window->manager()->session().moveId, QStringLiteral("run_cycle"));
        QCOMPARE(window->playbackBar()->fpsBox()->value(), 12);
        // The first move again, in the same window: its own rate.
        QVERIFY(window->openRun(run()));
        QCOMPARE(window->playbackBar()->fpsBox()->value(), 8);
        QCOMPARE(window->playback()->playback()->fps(), 8.0);
    }
}

void TestPlayback::inOutAndSeamFromThePlayMenu()
{
    auto window = openWindow(run());
    QVERIFY(window);
    PlaybackPresenter *presenter = window->playback();
    // The fixture's manifest says the move loops: the seam view is offered.
    QVERIFY(window->manager()->run().manifest.isLoop);
    QVERIFY(window->actions().seamView->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_BracketLeft); // in at 1
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_BracketRight); // out at 3
    QCOMPARE(presenter->playback()->order(), QList<int>({1, 2, 3}));
    QCOMPARE(window->playbackBar()->rangeLabel()->text(), QStringLiteral("In 0001 · Out 0003"));
    QTest::keyClick(window.get(), Qt::Key_Backslash);
    QCOMPARE(presenter->playback()->order().size(), 6);
    QVERIFY(window->playbackBar()->rangeLabel()->text().isEmpty());
    // The seam's length is for the seam view only.
    QSpinBox *seamFrames = window->playbackBar()->seamFramesBox();
    QVERIFY(!seamFrames->isEnabled());
    window->actions().seamView->trigger();
    QVERIFY(seamFrames->isEnabled());
    QCOMPARE(presenter->playback()->order(), QList<int>({3, 4, 5, 0, 1, 2}));
    seamFrames->setValue(1);
    QCOMPARE(presenter->playback()->order(), QList<int>({5, 0}));
    {
        // Remembered: the next window plays the same seam (of another run: this one is open).
        const QString again = m_dir->path() + QStringLiteral("/again");
        QVERIFY(RunFixture::writeApprovedRun(again, 6));
        auto next = openWindow(again);
        QVERIFY(next);
        QCOMPARE(next->playbackBar()->seamFramesBox()->value(), 1);
        next->actions().seamView->trigger();
        QCOMPARE(next->playback()->playback()->order(), QList<int>({5, 0}));
    }
    // A move that does not loop has no seam.
    const QString straight = m_dir->path() + QStringLiteral("/straight");
    QVERIFY(RunFixture::writeApprovedRun(straight, 3));
    QFile manifest(straight + QStringLiteral("/manifest.lock.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QByteArray bytes = manifest.readAll();
    manifest.close();
    bytes.replace("\"is_loop\": true", "\"is_loop\": false");
    QVERIFY(RunFixture::writeFile(manifest.fileName(), bytes));
    // Opening it while playing stops playing; the new run opens as the review window opens it.
    presenter->play();
    QVERIFY(window->openRun(straight));
    QVERIFY(!presenter->isPlaying());
    QCOMPARE(window->currentFrame(), 0);
    QVERIFY(window->actions().approve->isEnabled());
    QVERIFY(window->actions().next->isEnabled());
    QVERIFY(!window->manager()->run().manifest.isLoop);
    QVERIFY(!window->actions().seamView->isEnabled());
    QVERIFY(!seamFrames->isEnabled());
    QCOMPARE(presenter->playback()->order(), QList<int>({0, 1, 2}));
}

void TestPlayback::newAndChangedFramesJoinTheLoopWhilePlaying()
{
    auto window = openWindow(run());
    QVERIFY(window);
    PlaybackPresenter *presenter = window->playback();
    presenter->play();
    presenter->cache()->waitForDecodes();
    for (int tick = 0; tick < 4; ++tick)
        m_clock.tick();
    QCOMPARE(presenter->playback()->frame(), 4);
    // The pipeline writes two more frames; frame 5 is nudged meanwhile.
    QVERIFY(RunFixture::writeCandidate(run(), 6) && RunFixture::writeCandidate(run(), 7));
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(run(), &contents));
    int added = 0;
    QVERIFY(window->manager()->ingest(
        RunIngest::plan(window->manager()->session(), contents, run()), nullptr, &added));
    QCOMPARE(added, 2);
    QVERIFY(window->controller()->nudge(5, 2, 0));
    QCOMPARE(presenter->playback()->order().size(), 8);
    QVERIFY(presenter->isPlaying());
    presenter->cache()->waitForDecodes();
    FrameImages images(window->manager());
    QList<int> shown;
    for (int tick = 0; tick < 4; ++tick) {
        m_clock.tick();
        shown.append(presenter->playback()->frame());
        QCOMPARE(presenter->shownImage(), images.placed(shown.last()));
    }
    QCOMPARE(shown, QList<int>({5, 6, 7, 0}));
    QCOMPARE(presenter->playback()->droppedCount(), 0);
    presenter->pause();
}

void TestPlayback::aFrameWithoutAnImageJoinsOnceItHasOne()
{
    const QString mixed = m_dir->path() + QStringLiteral("/mixed");
    QVERIFY(RunFixture::writeMixedRun(mixed)); // frame 4 is PENDING: no image yet
    auto window = openWindow(mixed);
    QVERIFY(window);
    PlaybackPresenter *presenter = window->playback();
    QCOMPARE(presenter->playback()->order(), QList<int>({0, 1, 2, 3}));
    presenter->play();
    QVERIFY(RunFixture::writeCandidate(mixed, 4));
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(mixed, &contents));
    int changed = 0;
    QVERIFY(window->manager()->ingest(
        RunIngest::plan(window->manager()->session(), contents, mixed), &changed));
    QCOMPARE(changed, 1);
    QCOMPARE(presenter->playback()->order(), QList<int>({0, 1, 2, 3, 4}));
    presenter->cache()->waitForDecodes();
    for (int tick = 0; tick < 4; ++tick)
        m_clock.tick();
    QCOMPARE(presenter->playback()->frame(), 4);
    QCOMPARE(presenter->shownImage(), FrameImages(window->manager()).placed(4));
    presenter->pause();
}

void TestPlayback::cacheKeepsToItsBudget()
{
    QVERIFY(RunFixture::writeApprovedRun(run(), 40));
    auto window = openWindow(run());
    QVERIFY(window);
    FrameImages source(window->manager());
    // Room for ten 16×16 frames (1 KiB each).
    PlaybackCache cache([&source](int frame) { return source.placement(frame); }, 10 * 1024);
    QList<int> ahead;
    for (int frame = 5; frame < 40; ++frame)
        ahead.append(frame);
    cache.prefetch(ahead);
    cache.waitForDecodes();
    QCOMPARE(cache.count(), 10);
    QVERIFY(cache.bytes() <= cache.budget());
    for (int frame = 5; frame < 15; ++frame)
        QVERIFY(cache.isReady(frame));
    QCOMPARE(cache.image(7), source.placed(7));
    // The playhead moves on: the frames behind it go, those ahead are decoded.
    cache.prefetch(ahead.mid(8));
    cache.waitForDecodes();
    QVERIFY(!cache.isReady(5));
    QVERIFY(cache.isReady(13) && cache.isReady(22));
    QCOMPARE(cache.count(), 10);
}

QTEST_MAIN(TestPlayback)
#include "tst_playback.moc"
