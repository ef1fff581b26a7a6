// Playback of a long move in the real window: a demo run of 1,000 frames scaled up to 512 px
// (the pipeline's generation size; each frame 1 MiB once decoded), offscreen. For each run:
//   - cache fill: a PlaybackCache of the default budget (256 MiB) told to have the whole move
//     ready; the frames it decodes and places on its pool (the budget holds 256), per second;
//   - GUI-thread cost per tick: playback on a manual clock, the cache filled ahead; each tick's
//     own cost (the frame due set on the stage, the next decodes asked for), in wall time and
//     in the GUI thread's own CPU time; then the stage's paint of the frame, at 1× and 8×
//     (the stage's cost whatever shows the frame: stepping with the arrows paints the same);
//   - Space to the first frame: from the key press until playback has put the frame on the
//     stage, until the stage has painted it, and until the first second of playback (12
//     frames) is decoded ahead;
//   - in real time: 2 s at 12 fps (the default) and at 60 fps (the most the spin box allows)
//     on the application's clock (QTimer), from a cold cache: the measured rate and the frames
//     dropped;
//   - the whole loop in real time: every one of the 1,000 frames at 60 fps and on round to the
//     first frame again, from a cold cache (four times what the cache's budget holds, so the
//     pool decodes all the way round): the measured rate, the frames dropped and how long the
//     loop took (1,000 frames at 60 fps are 16.7 s).

#include "benchutil.h"

#include "mainwindow.h"
#include "playback/playback.h"
#include "playback/playbackcache.h"
#include "playback/playbackclock.h"
#include "playbackbar.h"
#include "playbackpresenter.h"
#include "stageview.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

namespace {

std::unique_ptr<MainWindow> openWindow(const QString &runDir)
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 860);
    window->show();
    if (!window->openRun(runDir))
        return {};
    window->stage()->setZoom(8); // the goal: 60 fps at 8× (not Fit, which is 1× here)
    QCoreApplication::processEvents();
    return window;
}

struct Figures
{
    double fillFps = 0;
    double fillFrames = 0;
    double tickMedianMs = 0;
    double tickLongestMs = 0;
    double tickLongestCpuMs = 0;
    double paint1MedianMs = 0;
    double paint8MedianMs = 0;
    double spaceToShownMs = 0;
    double spaceToPaintedMs = 0;
    double spaceToSecondReadyMs = 0;
    double real12MeasuredFps = 0;
    double real12Dropped = 0;
    double real60MeasuredFps = 0;
    double real60Dropped = 0;
    double loopMeasuredFps = 0;
    double loopDropped = 0;
    double loopSeconds = 0;
};

void measureFill(MainWindow &window, Figures &figures)
{
    FrameImages source(window.manager());
    PlaybackCache cache([&source](int frame) { return source.placement(frame); });
    QList<int> frames;
    for (int frame = 0; frame < 1000; ++frame)
        frames.append(frame);
    QElapsedTimer timer;
    timer.start();
    cache.prefetch(frames);
    cache.waitForDecodes();
    const double ms = bench::elapsedMs(timer);
    figures.fillFrames = cache.count();
    figures.fillFps = cache.count() * 1000.0 / ms;
}

// `ticks` ticks at the stage's zoom `zoom`: the tick's own cost (the frame due set on the
// stage, the next decodes asked for), then the stage's paint, then the decodes done meanwhile.
void measureTicks(MainWindow &window, int zoom, Figures &figures)
{
    ManualPlaybackClock clock;
    PlaybackPresenter *presenter = window.playback();
    presenter->setClock(&clock);
    window.stage()->setZoom(zoom);
    presenter->play();
    presenter->cache()->waitForDecodes();
    QList<double> ticks, paints;
    double longestCpu = 0;
    QElapsedTimer timer;
    for (int tick = 0; tick < 300; ++tick) {
        const double cpuBefore = bench::threadCpuMs();
        timer.start();
        clock.tick();
        ticks.append(bench::elapsedMs(timer));
        longestCpu = std::max(longestCpu, bench::threadCpuMs() - cpuBefore);
        timer.start();
        window.stage()->repaint();
        paints.append(bench::elapsedMs(timer));
        QCoreApplication::processEvents();
        // The pool keeps up at 12 fps; here the ticks come as fast as the GUI thread goes.
        presenter->cache()->waitForDecodes();
    }
    presenter->pause();
    presenter->setClock(nullptr);
    (zoom == 1 ? figures.paint1MedianMs : figures.paint8MedianMs) = bench::median(paints);
    if (zoom != 1)
        return;
    figures.tickMedianMs = bench::median(ticks);
    figures.tickLongestMs = *std::max_element(ticks.cbegin(), ticks.cend());
    figures.tickLongestCpuMs = longestCpu;
}

// From Space on frame 500 (on the stage at 8×, decoded for it): the frame shown by playback,
// then painted; then the frames of the first second decoded ahead (on a clock that does not
// tick, so that the playhead stays).
void measureSpace(const QString &runDir, Figures &figures)
{
    auto window = openWindow(runDir);
    if (!window)
        return;
    window->setCurrentFrame(500);
    window->stage()->repaint();
    QCoreApplication::processEvents();
    ManualPlaybackClock clock;
    PlaybackPresenter *presenter = window->playback();
    presenter->setClock(&clock);
    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(window.get(), Qt::Key_Space);
    figures.spaceToShownMs = bench::elapsedMs(timer);
    window->stage()->repaint();
    figures.spaceToPaintedMs = bench::elapsedMs(timer);
    const QList<int> second = presenter->playback()->upcoming(12);
    const auto ready = [&] {
        return std::all_of(second.cbegin(), second.cend(),
                           [&](int frame) { return presenter->cache()->isReady(frame); });
    };
    while (!ready() && timer.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    figures.spaceToSecondReadyMs = bench::elapsedMs(timer);
    presenter->pause();
    presenter->setClock(nullptr);
}

// 2 s of playing at `fps` on the application's clock, from a cold cache, at the stage's
// zoom set by openWindow (8×).
void measureRealTime(const QString &runDir, int fps, double *measured, double *dropped)
{
    auto window = openWindow(runDir);
    if (!window)
        return;
    window->playbackBar()->fpsBox()->setValue(fps);
    PlaybackPresenter *presenter = window->playback();
    presenter->play();
    QEventLoop loop;
    QTimer::singleShot(2000, &loop, &QEventLoop::quit);
    loop.exec();
    *measured = presenter->playback()->measuredFps();
    *dropped = presenter->playback()->droppedCount();
    presenter->pause();
    window->playbackBar()->fpsBox()->setValue(12);
}

// One whole loop of the move at 60 fps on the application's clock, from a cold cache: until
// every frame's tick has come and the loop is back at its first frame.
void measureLoop(const QString &runDir, Figures &figures)
{
    auto window = openWindow(runDir);
    if (!window)
        return;
    window->playbackBar()->fpsBox()->setValue(60);
    PlaybackPresenter *presenter = window->playback();
    const Playback *playback = presenter->playback();
    const qsizetype loopLength = playback->order().size();
    QElapsedTimer timer;
    timer.start();
    presenter->play();
    QList<double> measured;
    while (playback->shownCount() + playback->droppedCount() <= loopLength &&
           timer.elapsed() < 60000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (playback->shownCount() > 60) // the rate over the last second, once there is one
            measured.append(playback->measuredFps());
    }
    figures.loopSeconds = bench::elapsedMs(timer) / 1000.0;
    figures.loopDropped = playback->droppedCount();
    figures.loopMeasuredFps = measured.isEmpty() ? 0 : bench::median(measured);
    presenter->pause();
    window->playbackBar()->fpsBox()->setValue(12);
}

void printFigures(const QList<Figures> &all)
{
    const auto med = [&all](double Figures::*field) { return bench::medianOf(all, field); };
    bench::print(QStringLiteral("cache fill: frames decoded and placed per second"),
                 med(&Figures::fillFps), QStringLiteral("fps"));
    bench::print(QStringLiteral("cache fill: frames the 256 MiB budget held"),
                 med(&Figures::fillFrames), QStringLiteral("frames"));
    const QString frameTime = QStringLiteral("goal <= 16 ms");
    bench::print(QStringLiteral("per tick on the GUI thread (frame due set, decodes asked): "
                                "median"),
                 med(&Figures::tickMedianMs), QStringLiteral("ms"), frameTime);
    bench::print(QStringLiteral("per tick: longest (wall)"), med(&Figures::tickLongestMs),
                 QStringLiteral("ms"), frameTime);
    bench::print(QStringLiteral("per tick: longest (GUI thread's own CPU time)"),
                 med(&Figures::tickLongestCpuMs), QStringLiteral("ms"), frameTime);
    bench::print(QStringLiteral("the stage's paint of a 512 px frame at 1×: median"),
                 med(&Figures::paint1MedianMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("the stage's paint of a 512 px frame at 8×: median"),
                 med(&Figures::paint8MedianMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("Space to the first frame shown"), med(&Figures::spaceToShownMs),
                 QStringLiteral("ms"), frameTime);
    bench::print(QStringLiteral("Space to the first frame painted (8×)"),
                 med(&Figures::spaceToPaintedMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("Space to the first second (12 frames) decoded ahead"),
                 med(&Figures::spaceToSecondReadyMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("real time, 12 fps for 2 s from cold (8×): measured"),
                 med(&Figures::real12MeasuredFps), QStringLiteral("fps"));
    bench::print(QStringLiteral("real time, 12 fps for 2 s from cold (8×): dropped"),
                 med(&Figures::real12Dropped), QStringLiteral("frames"));
    bench::print(QStringLiteral("real time, 60 fps for 2 s from cold (8×): measured"),
                 med(&Figures::real60MeasuredFps), QStringLiteral("fps"));
    bench::print(QStringLiteral("real time, 60 fps for 2 s from cold (8×): dropped"),
                 med(&Figures::real60Dropped), QStringLiteral("frames"));
    bench::print(QStringLiteral("whole loop, 1,000 frames at 60 fps, cold (8×): measured"),
                 med(&Figures::loopMeasuredFps), QStringLiteral("fps"));
    bench::print(QStringLiteral("whole loop at 60 fps: dropped"), med(&Figures::loopDropped),
                 QStringLiteral("frames"), QStringLiteral("goal 0"));
    bench::print(QStringLiteral("whole loop at 60 fps: took"), med(&Figures::loopSeconds),
                 QStringLiteral("s"), QStringLiteral("16.7 s at 60 fps"));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    bench::quietQt();
    QTemporaryDir settings;
    QTemporaryDir work;
    if (!settings.isValid() || !work.isValid())
        return 1;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("DirectorBenchmarks"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_playback"));
    std::printf("Director benchmark: playback (medians of %d runs, %d thread(s))\n", bench::runs(),
                QThread::idealThreadCount());
    const QString runDir = work.path() + QStringLiteral("/run");
    if (!bench::makeRun(runDir, 1000) || !bench::enlargeFrames(runDir, 512 / DemoRun::frameSize))
        return 1;
    bench::heading(QStringLiteral("Playback of 1,000 frames of 512×512 px"));
    QList<Figures> all;
    for (int run = 0; run < bench::runs(); ++run) {
        Figures figures;
        if (auto window = openWindow(runDir)) {
            measureFill(*window, figures);
            measureTicks(*window, 1, figures);
            measureTicks(*window, 8, figures);
        }
        measureSpace(runDir, figures);
        measureRealTime(runDir, 12, &figures.real12MeasuredFps, &figures.real12Dropped);
        measureRealTime(runDir, 60, &figures.real60MeasuredFps, &figures.real60Dropped);
        measureLoop(runDir, figures);
        all.append(figures);
    }
    printFigures(all);
    return 0;
}
