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
//     what it queued), in wall time.
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
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <functional>
#include <memory>

namespace {

// Turns the event loop for `ms`; the longest turn (a turn with nothing to do returns at once).
double settle(double ms = 200)
{
    QElapsedTimer clock;
    clock.start();
    double longest = 0;
    while (bench::elapsedMs(clock) < ms) {
        QElapsedTimer turn;
        turn.start();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        const double took = bench::elapsedMs(turn);
        longest = std::max(longest, took);
        if (took < 0.5)
            QThread::usleep(500);
    }
    return longest;
}

// `act` with the event loop's turns that follow it: the longest of them (the act included in
// the first).
double stall(const std::function<void()> &act, double settleMs = 200)
{
    QElapsedTimer timer;
    timer.start();
    act();
    QCoreApplication::processEvents(QEventLoop::AllEvents);
    const double first = bench::elapsedMs(timer);
    return std::max(first, settle(settleMs));
}

class FirstPaint : public QObject
{
public:
    explicit FirstPaint(std::function<void()> answered) : m_answered(std::move(answered)) {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, this, m_answered);
        }
        return false;
    }

private:
    std::function<void()> m_answered;
    bool m_seen = false;
};

struct Figures
{
    double openMs = -1;        // openRun() itself
    double interactiveMs = -1; // after openRun(): painted and answering
    double wholeMs = -1;       // from construction
    double scroll = 0;
    double endHome = 0;
    double filterStatus = 0; // the longest of every status alone
    double filterFlag = 0;
    double filterMark = 0;
    double filterAll = 0;
    double filterClear = 0;
    double step = 0;
    double play = 0;
    double playFiltered = 0;
    int shownByStatus = 0; // rows shown by the last status alone (a check)
};

double play(MainWindow *window)
{
    QAction *playPause = window->actions().playPause;
    double longest = stall([&] { playPause->trigger(); }, 0);
    QElapsedTimer clock;
    clock.start();
    longest = std::max(longest, settle(2000));
    longest = std::max(longest, stall([&] { playPause->trigger(); }));
    return longest;
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
    clock.restart();
    QListView *strip = window->filmstrip();
    QEventLoop loop;
    FirstPaint firstPaint([&] {
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

    // Scrolling, start to end.
    QScrollBar *bar = strip->horizontalScrollBar();
    const int steps = 400;
    for (int i = 0; i <= steps; ++i) {
        const int value = bar->minimum() + int(qint64(bar->maximum() - bar->minimum()) * i / steps);
        figures.scroll = std::max(figures.scroll, stall([&] { bar->setValue(value); }, 20));
    }
    const WindowActions &actions = window->actions();
    figures.endHome =
        std::max(stall([&] { actions.last->trigger(); }), stall([&] { actions.first->trigger(); }));

    // The filter, by its bar.
    FilterBar *filterBar = window->findChild<FilterPresenter *>()->bar();
    for (const FrameStatus status : allFrameStatuses) {
        QToolButton *button = filterBar->statusButton(status);
        figures.filterStatus = std::max(figures.filterStatus, stall([&] { button->click(); }));
        figures.shownByStatus = strip->model()->rowCount();
        figures.filterStatus = std::max(figures.filterStatus, stall([&] { button->click(); }));
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
        figures.filterFlag = stall([&] { flag->trigger(); });
        figures.filterFlag = std::max(figures.filterFlag, stall([&] { flag->trigger(); }));
    }
    QToolButton *mark = filterBar->markButton(FrameFilter::Mark::Nudged);
    figures.filterMark = std::max(stall([&] { mark->click(); }), stall([&] { mark->click(); }));
    for (const FrameStatus status : allFrameStatuses)
        figures.filterAll =
            std::max(figures.filterAll, stall([&] { filterBar->statusButton(status)->click(); }));
    figures.filterClear = stall([&] { filterBar->clearButton()->click(); });

    figures.play = play(window.get());
    // With a filter: the frames that need attention.
    filterBar->statusButton(FrameStatus::AuditWarn)->click();
    filterBar->statusButton(FrameStatus::AuditFail)->click();
    settle();
    for (int i = 0; i < 20; ++i)
        figures.step = std::max(figures.step, stall([&] { actions.next->trigger(); }, 20));
    figures.playFiltered = play(window.get());
    filterBar->clearButton()->click();
    settle();
    window.reset();
    QCoreApplication::processEvents();
    return figures;
}

bool prepare(const QString &runDir, int frames)
{
    if (QFileInfo::exists(runDir + QStringLiteral("/state.json")) &&
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
    bench::print(QStringLiteral("scrolling start to end (400 steps): longest stall"),
                 medianOf(all, &Figures::scroll), QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("End, Home: longest stall"), medianOf(all, &Figures::endHome),
                 QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("filter: a status on / off (each): longest stall"),
                 medianOf(all, &Figures::filterStatus), QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("filter: a flag on / off"), medianOf(all, &Figures::filterFlag),
                 QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("filter: a mark on / off"), medianOf(all, &Figures::filterMark),
                 QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("filter: every status, one by one"),
                 medianOf(all, &Figures::filterAll), QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("filter: Clear"), medianOf(all, &Figures::filterClear),
                 QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("→ with a filter (20 steps): longest stall"),
                 medianOf(all, &Figures::step), QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("playing 2 s: longest stall"), medianOf(all, &Figures::play),
                 QStringLiteral("ms"), stallGoal);
    bench::print(QStringLiteral("playing 2 s with a filter: longest stall"),
                 medianOf(all, &Figures::playFiltered), QStringLiteral("ms"), stallGoal);
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
