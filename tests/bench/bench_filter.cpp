// The review window at studio scale: the real MainWindow, offscreen, on demo runs of 10,000
// and 100,000 frames (DIRECTOR_BENCH_FRAMES=10000,100000 picks sizes). For each:
//   - interactive: from openRun() returning until the filmstrip has painted the run and the
//     event loop answers again; and the whole of it from the window's construction;
//   - the longest the GUI thread was held (a frame at 60 Hz is 16 ms) while:
//       scrolling the filmstrip from start to end (its scroll bar, in 400 steps, the event
//       loop run after each), and End / Home;
//       changing the filter by its bar's buttons: each status alone, a flag, a mark, every
//       status at once, then Clear;
//       stepping (→) with a filter;
//       playing for 2 s, with no filter and with one.
//     Each figure is the longest single turn of the event loop (the click or the key with
//     what it queued), in wall time, and that turn's CPU time on the GUI thread (on a busy
//     machine the wall time also counts the waits for a core). DIRECTOR_BENCH_TRACE=1 says on
//     stderr which event took more than 16 ms.
// DIRECTOR_BENCH_DIR=<folder> keeps the generated runs there (run_<frames>), and a later run
// opens those it finds instead of writing them again (100,000 frames take minutes and 1.6 GB).
// DIRECTOR_BENCH_MAKE_ONLY=1 only writes the runs.

#include "benchutil.h"

#include "filmstrip.h"
#include "filterbar.h"
#include "filterpresenter.h"
#include "mainwindow.h"
#include "review/framefiltermodel.h"
#include "review/framelistmodel.h"
#include "review/sessionmanager.h"
#include "windowactions.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <functional>
#include <memory>

namespace {

// With DIRECTOR_BENCH_TRACE set: every event the GUI thread took more than 16 ms over (the
// outermost dispatch), to stderr: what a stall is made of.
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_trace || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const int type = event->type();
        const QByteArray name =
            receiver->metaObject()->className() + QByteArray(" ") + receiver->objectName().toUtf8();
        const bool done = QApplication::notify(receiver, event);
        const double ms = bench::elapsedMs(timer);
        --m_depth;
        if (ms > 16)
            std::fprintf(stderr, "  stall %7.1f ms: event %d to %s\n", ms, type, name.constData());
        return done;
    }

private:
    bool m_trace = qEnvironmentVariableIsSet("DIRECTOR_BENCH_TRACE");
    int m_depth = 0;
};

void trace(const char *phase)
{
    if (qEnvironmentVariableIsSet("DIRECTOR_BENCH_TRACE"))
        std::fprintf(stderr, "%s\n", phase);
}

// The longest turn of the event loop: in wall time, and in the GUI thread's own CPU time
// (the difference is the time the thread waited for a core: decodes, other processes).
struct Worst
{
    double wall = 0;
    double cpu = 0;
    void add(const Worst &other)
    {
        wall = std::max(wall, other.wall);
        cpu = std::max(cpu, other.cpu);
    }
};

// One turn of the event loop (after `act`, when given).
Worst turn(const std::function<void()> &act = {})
{
    QElapsedTimer timer;
    const double cpu = bench::threadCpuMs();
    timer.start();
    if (act)
        act();
    QCoreApplication::processEvents(QEventLoop::AllEvents);
    return {bench::elapsedMs(timer), bench::threadCpuMs() - cpu};
}

// Turns the event loop for `ms`; the longest turn (a turn with nothing to do returns at once).
Worst settle(double ms = 200)
{
    QElapsedTimer clock;
    clock.start();
    Worst worst;
    while (bench::elapsedMs(clock) < ms) {
        const Worst took = turn();
        worst.add(took);
        if (took.wall < 0.5)
            QThread::usleep(500);
    }
    return worst;
}

// `act` with the event loop's turns that follow it: the longest of them (the act included in
// the first).
Worst stall(const std::function<void()> &act, double settleMs = 200)
{
    Worst worst = turn(act);
    worst.add(settle(settleMs));
    return worst;
}

struct Figures
{
    double openMs = -1;        // openRun() itself
    double interactiveMs = -1; // after openRun(): painted and answering
    double wholeMs = -1;       // from construction
    Worst scroll;
    Worst endHome;
    Worst filterStatus; // the longest of every status alone
    Worst filterFlag;
    Worst filterMark;
    Worst filterAll;
    Worst filterClear;
    Worst step;
    Worst play;
    Worst playFiltered;
};

Worst play(MainWindow *window)
{
    QAction *playPause = window->actions().playPause;
    Worst worst = stall([&] { playPause->trigger(); }, 0);
    worst.add(settle(2000));
    worst.add(stall([&] { playPause->trigger(); }));
    return worst;
}

Figures measureOnce(const QString &runDir)
{
    Figures figures;
    QElapsedTimer whole;
    whole.start();
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 860);
    window->show();
    QElapsedTimer clock;
    clock.start();
    if (!window->openRun(runDir)) {
        std::fprintf(stderr, "could not open %s\n", qPrintable(runDir));
        return figures;
    }
    figures.openMs = bench::elapsedMs(clock);
    trace("opened");
    clock.restart();
    QListView *strip = window->filmstrip();
    QEventLoop loop;
    bench::FirstPaint firstPaint([&] {
        figures.interactiveMs = bench::elapsedMs(clock);
        figures.wholeMs = bench::elapsedMs(whole);
        loop.quit();
    });
    strip->viewport()->installEventFilter(&firstPaint);
    strip->viewport()->update();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    strip->viewport()->removeEventFilter(&firstPaint);
    settle(2000);
    trace("scrolling");
    QScrollBar *bar = strip->horizontalScrollBar();
    const int steps = 400;
    for (int i = 0; i <= steps; ++i) {
        const int value = bar->minimum() + int(qint64(bar->maximum() - bar->minimum()) * i / steps);
        figures.scroll.add(stall([&] { bar->setValue(value); }, 20));
    }
    const WindowActions &actions = window->actions();
    figures.endHome.add(stall([&] { actions.last->trigger(); }));
    figures.endHome.add(stall([&] { actions.first->trigger(); }));

    trace("filtering");
    FilterBar *filterBar = window->findChild<FilterPresenter *>()->bar();
    for (const FrameStatus status : allFrameStatuses) {
        QToolButton *button = filterBar->statusButton(status);
        figures.filterStatus.add(stall([&] { button->click(); }));
        figures.filterStatus.add(stall([&] { button->click(); }));
    }
    QAction *flag = filterBar->flagAction(QStringLiteral("SF01_IDENTITY_DRIFT"));
    if (!flag) {
        const QList<QAction *> all = filterBar->flagsButton()->menu()->actions();
        for (QAction *action : all) {
            if (action->isCheckable() && !flag)
                flag = action;
        }
    }
    if (flag) {
        figures.filterFlag.add(stall([&] { flag->trigger(); }));
        figures.filterFlag.add(stall([&] { flag->trigger(); }));
    }
    QToolButton *mark = filterBar->markButton(FrameFilter::Mark::Nudged);
    figures.filterMark.add(stall([&] { mark->click(); }));
    figures.filterMark.add(stall([&] { mark->click(); }));
    for (const FrameStatus status : allFrameStatuses)
        figures.filterAll.add(stall([&] { filterBar->statusButton(status)->click(); }));
    figures.filterClear.add(stall([&] { filterBar->clearButton()->click(); }));

    trace("playing");
    figures.play = play(window.get());
    // With a filter: the frames that need attention.
    filterBar->statusButton(FrameStatus::AuditWarn)->click();
    filterBar->statusButton(FrameStatus::AuditFail)->click();
    settle();
    trace("stepping, then playing");
    for (int i = 0; i < 20; ++i)
        figures.step.add(stall([&] { actions.next->trigger(); }, 20));
    figures.playFiltered = play(window.get());
    filterBar->clearButton()->click();
    settle();
    window.reset();
    QCoreApplication::processEvents();
    return figures;
}

bool prepare(const QString &runDir, int frames)
{
    if (QFileInfo::exists(runDir + QStringLiteral("/manifest.lock.json")) &&
        !QFileInfo::exists(runDir + QStringLiteral(".partial")))
        return true;
    const QString partial = runDir + QStringLiteral(".partial");
    QDir(partial).removeRecursively();
    QDir(runDir).removeRecursively();
    QElapsedTimer timer;
    timer.start();
    if (!bench::makeRun(partial, frames) || !QDir().rename(partial, runDir))
        return false;
    bench::print(QStringLiteral("generate the run folder (DemoRun, once)"), bench::elapsedMs(timer),
                 QStringLiteral("ms"));
    return true;
}

void measure(const QString &base, int frames)
{
    const QString runDir = base + QStringLiteral("/run_%1").arg(frames);
    bench::heading(QStringLiteral("The review window on a run of %1 frames").arg(frames));
    if (!prepare(runDir, frames))
        return;
    if (qEnvironmentVariableIsSet("DIRECTOR_BENCH_MAKE_ONLY"))
        return;
    QList<Figures> all;
    for (int run = 0; run < bench::runs(); ++run)
        all.append(measureOnce(runDir));
    const QString stallGoal = QStringLiteral("goal <= 16 ms");
    using bench::medianOf;
    bench::print(QStringLiteral("openRun (reading the run: not the filmstrip's)"),
                 medianOf(all, &Figures::openMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("interactive after openRun (painted, answering)"),
                 medianOf(all, &Figures::interactiveMs), QStringLiteral("ms"),
                 QStringLiteral("goal < 500 ms at 10,000"));
    bench::print(QStringLiteral("interactive from construction"), medianOf(all, &Figures::wholeMs),
                 QStringLiteral("ms"));
    const auto stallOf = [&](const QString &name, Worst Figures::*field) {
        QList<double> wall, cpu;
        for (const Figures &figures : all) {
            wall.append((figures.*field).wall);
            cpu.append((figures.*field).cpu);
        }
        bench::print(name, bench::median(wall), QStringLiteral("ms"), stallGoal);
        bench::print(QStringLiteral("  its GUI-thread CPU time"), bench::median(cpu),
                     QStringLiteral("ms"));
    };
    stallOf(QStringLiteral("scrolling start to end (400 steps): longest stall"), &Figures::scroll);
    stallOf(QStringLiteral("End, Home: longest stall"), &Figures::endHome);
    stallOf(QStringLiteral("filter: a status on / off (each): longest stall"),
            &Figures::filterStatus);
    stallOf(QStringLiteral("filter: a flag on / off"), &Figures::filterFlag);
    stallOf(QStringLiteral("filter: a mark on / off"), &Figures::filterMark);
    stallOf(QStringLiteral("filter: every status, one by one"), &Figures::filterAll);
    stallOf(QStringLiteral("filter: Clear"), &Figures::filterClear);
    stallOf(QStringLiteral("→ with a filter (20 steps): longest stall"), &Figures::step);
    stallOf(QStringLiteral("playing 2 s: longest stall"), &Figures::play);
    stallOf(QStringLiteral("playing 2 s with a filter: longest stall"), &Figures::playFiltered);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    bench::quietQt();
    // DIRECTOR_BENCH_GLOBAL_POOL=n: Qt's global pool with n threads (Qt 6.4's raster engine
    // fills large areas on it, and the GUI thread waits for those fills: with the pool's
    // threads held by long tasks, a paint waits for them).
    if (const int threads = qEnvironmentVariableIntValue("DIRECTOR_BENCH_GLOBAL_POOL"); threads > 0)
        QThreadPool::globalInstance()->setMaxThreadCount(threads);
    QTemporaryDir settings;
    QTemporaryDir work;
    if (!settings.isValid() || !work.isValid())
        return 1;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("DirectorBenchmarks"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_filter"));
    const QString base = qEnvironmentVariableIsEmpty("DIRECTOR_BENCH_DIR")
                             ? work.path()
                             : qEnvironmentVariable("DIRECTOR_BENCH_DIR");
    if (base.isEmpty() || !QDir().mkpath(base))
        qFatal("no folder for the runs");
    QList<int> sizes;
    for (const QByteArray &n : qgetenv("DIRECTOR_BENCH_FRAMES").split(',')) {
        if (n.toInt() > 0)
            sizes.append(n.toInt());
    }
    if (sizes.isEmpty())
        sizes = {10000, 100000};
    std::printf("Director benchmark: the filter at scale (medians of %d runs, %d thread(s)); "
                "runs in %s\n",
                bench::runs(), QThread::idealThreadCount(), qPrintable(base));
    for (const int frames : sizes)
        measure(base, frames);
    return 0;
}
