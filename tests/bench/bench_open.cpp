// Opening a run as `director status` and the window do (SessionManager::initializeOrResume,
// read-only): reading the run folder (RunFolder::read) and loading the session file
// (SessionStore::load), each alone and together with RunStatus, on runs of 10,000 frames
// (DIRECTOR_BENCH_FRAMES=1000,100000 picks sizes). Then the review window opening the run as
// `director RUN_DIR` does (MainWindow::startOpening, offscreen; the run folder and the session
// file read off the GUI thread):
//   - the window answers: from its construction until the event loop turns again after the
//     open was started (goal < 500 ms at 10,000 frames);
//   - the longest the GUI thread was held while the run was being read (a 5 ms timer's
//     longest gap);
//   - adopting: the session taken in on the GUI thread (the models, the stage), from the
//     worker's end until openFinished;
//   - shown: from startOpening until the filmstrip has painted the run and the event loop
//     answers again.
//
// DIRECTOR_BENCH_DIR=<folder> keeps the generated runs there (run_<frames>), and a later run
// measures the runs it finds there instead of generating them again (10,000 frames take a
// minute to write, 100,000 some ten).
//
// `bench_open --write <dir> <frames>` only writes a run with its session (for `director status`);
// `bench_open --dump <dir>` prints all that RunFolder::read gives of a run (to compare readers).

#include "benchutil.h"

#include "filmstrip.h"
#include "mainwindow.h"
#include "review/runstatus.h"
#include "review/sessionmanager.h"
#include "run/runfolder.h"
#include "runopener.h"
#include "session/sessionencoder.h"
#include "storage/sessionstore.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <ctime>
#include <functional>
#include <memory>

namespace {

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// A run of `frames` frames with a session on some of whose frames an operator left notes.
void writeRun(const QString &runDir, int frames)
{
    QElapsedTimer timer;
    timer.start();
    if (!bench::makeRun(runDir, frames))
        qFatal("no run");
    const double made = bench::elapsedMs(timer);
    SessionManager manager;
    timer.restart();
    bench::check(manager.initializeOrResume(runDir), "initializeOrResume");
    const double created = bench::elapsedMs(timer);
    bench::check(
        manager.applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("halo on the left ear"))),
        "notes");
    bench::print(QStringLiteral("generate the run folder (DemoRun, once)"), made,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("create the session (initializeOrResume, once)"), created,
                 QStringLiteral("ms"));
}

// Everything RunFolder::read gives, as text.
void dump(const QString &runDir)
{
    RunFolder::Contents contents;
    const Outcome read = RunFolder::read(runDir, &contents);
    QTextStream out(stdout);
    out << "outcome " << int(bool(read)) << ' ' << read.message() << '\n';
    const RunManifest &m = contents.manifest;
    out << "manifest " << m.runId << ' ' << m.moveId << ' ' << m.frameCount << ' ' << m.targetSize
        << ' ' << m.isLoop << '\n';
    out << "anchor " << contents.anchor.present << ' ' << contents.anchor.imageSize.width() << ' '
        << contents.anchor.imageSize.height() << ' ' << contents.anchor.baselineY << '\n';
    for (const DirectorFrameState &frame : std::as_const(contents.frames))
        out << SessionEncoder::encodeFrame(frame).bytes << '\n';
    for (const QString &line : std::as_const(contents.missing))
        out << "missing " << line << '\n';
    for (const QString &line : std::as_const(contents.leftOut))
        out << "left out " << line << '\n';
    out << "unreadable run files " << contents.runFilesUnreadable << '\n';
    QList<int> unreadable(contents.unreadableFrames.cbegin(), contents.unreadableFrames.cend());
    std::sort(unreadable.begin(), unreadable.end());
    for (int index : std::as_const(unreadable))
        out << "unreadable frame " << index << '\n';
    for (auto it = contents.waitingFiles.cbegin(); it != contents.waitingFiles.cend(); ++it)
        out << "waiting " << it.key() << ' ' << it.value() << '\n';
}

struct WindowFigures
{
    double answersMs = -1; // construction until the event loop turns after startOpening()
    double startMs = -1;   // startOpening() itself
    double longestMs = -1; // the longest gap of a 5 ms timer while the run is read
    double adoptMs = -1;   // the worker's end (openingEnds) until openFinished
    double shownMs = -1;   // startOpening() until the run is painted and the loop answers
    double wholeMs = -1;   // construction until then
};

WindowFigures openWindow(const QString &runDir)
{
    WindowFigures figures;
    QElapsedTimer whole;
    whole.start();
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 860);
    window->show();
    QEventLoop loop;
    QElapsedTimer clock;
    QElapsedTimer adopting;
    bench::StallMeter ticks(5); // 5 ms ticks
    QObject::connect(window->opener(), &RunOpener::openingEnds, [&] {
        ticks.stop(/*lastGapCounts=*/true);
        figures.longestMs = ticks.longestGapMs();
        adopting.start();
    });
    QListView *strip = window->filmstrip();
    bench::FirstPaint firstPaint(
        [&] {
            figures.shownMs = bench::elapsedMs(clock);
            figures.wholeMs = bench::elapsedMs(whole);
            loop.quit();
        },
        /*armed=*/false); // armed once the open has started
    strip->viewport()->installEventFilter(&firstPaint);
    bool opened = false;
    QObject::connect(window.get(), &MainWindow::openFinished, [&](bool ok) {
        figures.adoptMs = bench::elapsedMs(adopting);
        opened = ok;
        if (!ok) {
            loop.quit();
            return;
        }
        firstPaint.arm();
        strip->viewport()->update();
    });
    clock.start();
    window->startOpening(runDir);
    figures.startMs = bench::elapsedMs(clock);
    ticks.start();
    QTimer::singleShot(0, [&] { figures.answersMs = bench::elapsedMs(whole); });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    strip->viewport()->removeEventFilter(&firstPaint);
    if (!opened)
        qFatal("the window did not open %s", qPrintable(runDir));
    window.reset();
    QCoreApplication::processEvents();
    return figures;
}

void measure(const QString &base, int frames)
{
    const QString runDir = base + QStringLiteral("/run_%1").arg(frames);
    bench::heading(QStringLiteral("%1 frames").arg(frames));
    if (QFileInfo::exists(runDir + QStringLiteral("/director_session.json"))) {
        std::printf("(the run of an earlier run, in %s)\n", qPrintable(runDir));
    } else {
        QDir(runDir).removeRecursively(); // what an interrupted run left
        writeRun(runDir, frames);
    }

    // Wall time, and the CPU time of this thread (the reader's) and of the whole process (the
    // reader's helpers too): on a busy machine the wall time counts the other processes.
    struct Figures
    {
        double wall = 0;
        double thread = 0;
        double process = 0;
    };
    auto timed = [](const std::function<void()> &work) {
        QList<Figures> all;
        for (int round = -1; round < bench::runs(); ++round) {
            const double thread = bench::threadCpuMs();
            const double process = processCpuMs();
            QElapsedTimer timer;
            timer.start();
            work();
            if (round >= 0)
                all.append({bench::elapsedMs(timer), bench::threadCpuMs() - thread,
                            processCpuMs() - process});
        }
        return Figures{bench::medianOf(all, &Figures::wall), bench::medianOf(all, &Figures::thread),
                       bench::medianOf(all, &Figures::process)};
    };
    auto print = [](const QString &name, const Figures &figures, const QString &goal = {}) {
        bench::print(name, figures.wall, QStringLiteral("ms"), goal);
        bench::print(QStringLiteral("  its CPU time: this thread"), figures.thread,
                     QStringLiteral("ms"));
        bench::print(QStringLiteral("  its CPU time: all threads"), figures.process,
                     QStringLiteral("ms"));
    };
    print(QStringLiteral("read the run folder (RunFolder::read)"), timed([&] {
              RunFolder::Contents contents;
              bench::check(RunFolder::read(runDir, &contents), "RunFolder::read");
          }));
    print(QStringLiteral("load the session (SessionStore::load)"), timed([&] {
              SessionStore store(runDir);
              if (store.load().state != SessionStore::LoadState::Loaded)
                  qFatal("the session does not load");
          }));
    print(QStringLiteral("open read-only and count (director status)"), timed([&] {
              SessionManager manager;
              bench::check(manager.initializeOrResume(runDir, SessionManager::Access::ReadOnly),
                           "open");
              const RunStatus runStatus = RunStatus::of(manager);
              if (runStatus.counts().total() != frames)
                  qFatal("status counts %d frames", runStatus.counts().total());
          }),
          frames == 10000    ? QStringLiteral("(goal < 300 ms)")
          : frames == 100000 ? QStringLiteral("(goal < 1 s)")
                             : QString());

    QList<WindowFigures> windows;
    for (int round = -1; round < bench::runs(); ++round) {
        const WindowFigures figures = openWindow(runDir);
        if (round >= 0)
            windows.append(figures);
    }
    using bench::medianOf;
    bench::print(QStringLiteral("window: answers, from construction (startOpening)"),
                 medianOf(windows, &WindowFigures::answersMs), QStringLiteral("ms"),
                 frames == 10000 ? QStringLiteral("(goal < 500 ms)") : QString());
    bench::print(QStringLiteral("  startOpening() itself"),
                 medianOf(windows, &WindowFigures::startMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("  longest GUI-thread stall while the run is read"),
                 medianOf(windows, &WindowFigures::longestMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("  adopting the session on the GUI thread"),
                 medianOf(windows, &WindowFigures::adoptMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("  run shown (painted, answering), from startOpening"),
                 medianOf(windows, &WindowFigures::shownMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("  run shown, from construction"),
                 medianOf(windows, &WindowFigures::wholeMs), QStringLiteral("ms"));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The window's settings are the benchmark's own, never the user's.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("DirectorBenchOpen"));
    const QStringList arguments = app.arguments();
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String("--write")) {
        bool ok = false;
        const int frames = arguments.at(3).toInt(&ok);
        if (!ok || frames < 1 || frames > RunFolder::maxFrameCount)
            qFatal("not a frame count: %s", qPrintable(arguments.at(3)));
        writeRun(arguments.at(2), frames);
        return 0;
    }
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--dump")) {
        dump(arguments.at(2));
        return 0;
    }
    QTemporaryDir temporary;
    const QString base = qEnvironmentVariableIsEmpty("DIRECTOR_BENCH_DIR")
                             ? temporary.path()
                             : qEnvironmentVariable("DIRECTOR_BENCH_DIR");
    QList<int> sizes;
    for (const QString &size :
         qEnvironmentVariable("DIRECTOR_BENCH_FRAMES", QStringLiteral("10000")).split(u',')) {
        if (const int frames = size.toInt(); frames > 0 && frames <= RunFolder::maxFrameCount)
            sizes.append(frames);
    }
    std::printf("Opening a run (median of %d runs)\n", bench::runs());
    for (int frames : sizes)
        measure(base, frames);
    return 0;
}
