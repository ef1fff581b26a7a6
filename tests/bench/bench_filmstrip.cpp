// The review window on a long run: the real MainWindow, opened the way
// `director RUN_DIR` opens it (construct, show, openRun), offscreen, on demo
// runs of 16 and 1,000 frames, and of 1,000 frames scaled up to 512 px (the
// pipeline's generation size, where decoding costs more). For each:
//   - interactive: from construction until the filmstrip has painted the run
//     once and the event loop answers again (a zero timer queued from that
//     paint fires), for a run opened the first time (the session is created)
//     and opened again (the session is resumed);
//   - thumbnails: from construction until every thumbnail in view is made
//     (they are decoded off the GUI thread);
//   - scrolling: the filmstrip's scroll bar driven from start to end in steps
//     of half a frame, the event loop run after each step; the longest step
//     is the longest the GUI thread was held (a frame at 60 Hz is 16 ms),
//     in wall time and in the GUI thread's own CPU time (the difference is
//     the time the thread waited for a core: decodes, other processes).

#include "benchutil.h"

#include "mainwindow.h"
#include "review/framelistmodel.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

namespace {

struct Figures
{
    double interactiveMs = -1;
    double thumbnailsMs = -1;
    double longestStepMs = -1;
    double longestStepCpuMs = -1; // the GUI thread's own CPU time in its longest step
    double meanStepMs = -1;
    int steps = 0;
    int decodes = 0; // thumbnails decoded from opening to the end of the scroll
};

// Rows of the filmstrip in view, first to last.
std::pair<int, int> rowsInView(const QListView *strip)
{
    const QRect area = strip->viewport()->rect();
    const QModelIndex first = strip->indexAt(QPoint(area.left() + 1, area.center().y()));
    QModelIndex last = strip->indexAt(QPoint(area.right() - 1, area.center().y()));
    if (!last.isValid())
        last = strip->model()->index(strip->model()->rowCount() - 1, 0);
    return {first.row(), last.row()};
}

bool thumbnailsInViewMade(const QListView *strip)
{
    const auto [first, last] = rowsInView(strip);
    if (first < 0)
        return false;
    for (int row = first; row <= last; ++row) {
        if (strip->model()->index(row, 0).data(FrameListModel::ThumbnailLoadingRole).toBool())
            return false;
    }
    return true;
}

Figures openAndScroll(const QString &runDir, bool scroll)
{
    Figures figures;
    QEventLoop loop;
    QElapsedTimer clock;
    auto finishWhenDone = [&] {
        if (figures.interactiveMs >= 0 && figures.thumbnailsMs >= 0)
            loop.quit();
    };
    QListView *strip = nullptr;
    bench::FirstPaint firstPaint([&] {
        figures.interactiveMs = bench::elapsedMs(clock);
        if (thumbnailsInViewMade(strip)) // only when they are made while painting
            figures.thumbnailsMs = figures.interactiveMs;
        finishWhenDone();
    });

    clock.start();
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 860);
    strip = window->filmstrip();
    QObject::connect(window->model(), &QAbstractItemModel::dataChanged, &loop, [&] {
        if (figures.thumbnailsMs < 0 && thumbnailsInViewMade(strip)) {
            figures.thumbnailsMs = bench::elapsedMs(clock);
            finishWhenDone();
        }
    });
    window->show();
    if (!window->openRun(runDir)) {
        std::fprintf(stderr, "could not open %s\n", qPrintable(runDir));
        return figures;
    }
    // The first paint of the filmstrip with the run in it.
    strip->viewport()->installEventFilter(&firstPaint);
    strip->viewport()->update();
    QTimer::singleShot(60000, &loop, &QEventLoop::quit); // never hangs
    loop.exec();
    strip->viewport()->removeEventFilter(&firstPaint);

    if (scroll) {
        QScrollBar *bar = strip->horizontalScrollBar();
        const int step =
            std::max(1, window->model()->rowCount() > 0
                            ? strip->visualRect(strip->model()->index(0, 0)).width() / 2
                            : 1);
        double longest = 0;
        double longestCpu = 0;
        double total = 0;
        QElapsedTimer timer;
        for (int value = bar->minimum(); value <= bar->maximum(); value += step) {
            const double cpuBefore = bench::threadCpuMs();
            timer.start();
            bar->setValue(value);
            QCoreApplication::processEvents(); // the paint, thumbnails that are done
            const double ms = bench::elapsedMs(timer);
            longest = std::max(longest, ms);
            longestCpu = std::max(longestCpu, bench::threadCpuMs() - cpuBefore);
            total += ms;
            ++figures.steps;
        }
        figures.longestStepMs = longest;
        figures.longestStepCpuMs = longestCpu;
        figures.meanStepMs = figures.steps > 0 ? total / figures.steps : 0;
    }
    figures.decodes = window->model()->thumbnailDecodesStarted();
    window.reset();
    QCoreApplication::processEvents();
    return figures;
}

// `frameSide` 0: the demo's own 128 px frames; otherwise scaled up to it.
void measure(int frames, const QString &workDir, int frameSide = 0)
{
    bench::heading(frameSide == 0 ? QStringLiteral("The review window on a run of %1 frames "
                                                   "(%2×%2 px)")
                                        .arg(frames)
                                        .arg(DemoRun::frameSize)
                                  : QStringLiteral("The review window on a run of %1 frames of "
                                                   "%2×%2 px (as generated, before downscale)")
                                        .arg(frames)
                                        .arg(frameSide));
    QList<double> firstOpen, reopen, thumbnails, longestStep, longestStepCpu, meanStep, decodes;
    int steps = 0;
    for (int run = 0; run < bench::runs(); ++run) {
        const QString runDir =
            workDir + QStringLiteral("/run_%1_%2_%3").arg(frames).arg(frameSide).arg(run);
        if (!bench::makeRun(runDir, frames))
            return;
        if (frameSide != 0 && !bench::enlargeFrames(runDir, frameSide / DemoRun::frameSize)) {
            std::fprintf(stderr, "could not enlarge the frames of %s\n", qPrintable(runDir));
            return;
        }
        const Figures first = openAndScroll(runDir, false);
        const Figures again = openAndScroll(runDir, true);
        firstOpen.append(first.interactiveMs);
        reopen.append(again.interactiveMs);
        thumbnails.append(again.thumbnailsMs);
        longestStep.append(again.longestStepMs);
        longestStepCpu.append(again.longestStepCpuMs);
        meanStep.append(again.meanStepMs);
        decodes.append(again.decodes);
        steps = again.steps;
        QDir(runDir).removeRecursively();
    }
    const QString interactive = QStringLiteral("goal < 1000 ms");
    const QString stall = QStringLiteral("goal <= 16 ms");
    bench::print(QStringLiteral("interactive, first open (session created)"),
                 bench::median(firstOpen), QStringLiteral("ms"), interactive);
    bench::print(QStringLiteral("interactive, reopened (session resumed)"), bench::median(reopen),
                 QStringLiteral("ms"), interactive);
    bench::print(QStringLiteral("thumbnails in view made, reopened"), bench::median(thumbnails),
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("scrolling start to end: longest GUI stall (%1 steps)").arg(steps),
                 bench::median(longestStep), QStringLiteral("ms"), stall);
    bench::print(QStringLiteral("scrolling: most GUI-thread CPU time in one step"),
                 bench::median(longestStepCpu), QStringLiteral("ms"), stall);
    bench::print(QStringLiteral("scrolling start to end: mean step"), bench::median(meanStep),
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("thumbnails decoded, open + scroll"), bench::median(decodes),
                 QStringLiteral("frames"));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QTemporaryDir work;
    if (!settings.isValid() || !work.isValid())
        return 1;
    // The window remembers things: not in the user's own settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("DirectorBenchmarks"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_filmstrip"));
    std::printf("Director benchmark: the filmstrip (medians of %d runs, %d thread(s))\n",
                bench::runs(), QThread::idealThreadCount());
    measure(16, work.path());
    measure(1000, work.path());
    measure(1000, work.path(), 4 * DemoRun::frameSize);
    return 0;
}
