// Opening a run as `director status` and the window do (SessionManager::initializeOrResume,
// read-only): reading the run folder (RunFolder::read) and loading the session file
// (SessionStore::load), each alone and together with RunStatus, on runs of 10,000 frames
// (DIRECTOR_BENCH_FRAMES=1000,100000 picks sizes).
//
// DIRECTOR_BENCH_DIR=<folder> keeps the generated runs there (run_<frames>), and a later run
// measures the runs it finds there instead of generating them again (10,000 frames take a
// minute to write, 100,000 some ten).
//
// `bench_open --write <dir> <frames>` only writes a run with its session (for `director status`);
// `bench_open --dump <dir>` prints all that RunFolder::read gives of a run (to compare readers).

#include "benchutil.h"

#include "review/runstatus.h"
#include "review/sessionmanager.h"
#include "run/runfolder.h"
#include "session/sessionencoder.h"
#include "storage/sessionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <ctime>
#include <functional>

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
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
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
