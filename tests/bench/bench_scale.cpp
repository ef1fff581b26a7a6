// How Director scales with the length of a run: sessions of 16, 64, 1,000
// and 5,000 frames (by default), or 10,000 and 100,000 (the goals),
// made by the real SessionManager from generated run folders, with alignment,
// notes and patches on some frames as an operator leaves them. For each size:
//   - the file's size;
//   - the memory a loaded session holds (SessionStore::load), and what a
//     SessionManager holds after initializeOrResume (what the window holds:
//     the session, the run folder's contents and the store's caches), each
//     against the file's size (goal <= 2x at 100,000 frames), and the peak;
//   - loading it (SessionStore::load: read, duplicate-key check, decode,
//     validate) against a bare QJsonDocument::fromJson of the same file;
//   - encoding the session: all of it (the first save) and after a change;
//   - one durable change (SessionManager::applyFrameEdit / updateFrameStatus,
//     synchronous) against its floor: the same bytes written with a bare
//     QSaveFile and a folder fsync (goal <= 1.5x at 10,000 frames), and where
//     the difference goes;
//   - `director status RUN` and `director status --json RUN`, the real
//     executable as a process of its own (goal < 300 ms at 10,000 frames,
//     < 1 s at 100,000): on the run unchanged since the last status, after a
//     review's change (a note, with `director frame`), and with --no-cache
//     (the whole run read), with a cache folder of its own; and where the
//     whole read's time goes: RunFolder::read, SessionStore::load, the rest,
//     each timed in a process of its own (bench_scale --status-step
//     read|load|status RUN).
//
// DIRECTOR_BENCH_FRAMES=10000,100000 picks sizes (default 16,64,1000,5000).
// DIRECTOR_BENCH_DIR=<folder> keeps the generated runs there, and a later run
// measures the sessions it finds there instead of generating them again.
// Runs up to 5,000 frames are written by DemoRun (5,000 take minutes); longer
// ones by bench::makeLongRun (the same files, the loop's images hard-linked):
// 10,000 frames take 5 s, 100,000 a minute and 1 GB of disk, and then their
// session some minutes (created, reviewed). Their review is saved in ten
// batches (SessionManager::applyFrameEdits), not one save per change. At
// 100,000 frames the demo's state.json is 70 MB (RunFolder reads up to 4 KiB
// a declared frame of it, RunFolder::maxStateJsonSize).
// For example (the executable `director status` runs is built with it):
//   DIRECTOR_BENCH_DIR=/work/scale-runs-bench DIRECTOR_BENCH_FRAMES=10000,100000
//   build/tests/bench/bench_scale

#include "benchutil.h"

#include "patch/patchfiles.h"
#include "review/runstatus.h"
#include "review/sessionmanager.h"
#include "review/statuscache.h"
#include "run/runfingerprint.h"
#include "run/runfolder.h"
#include "run/runpaths.h"
#include "session/sessioncodec.h"
#include "storage/atomicfile.h"
#include "storage/sessionstore.h"
#include "json/jsonduplicatekeys.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPainter>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <functional>
#include <utility>

namespace {

const QString sessionFileName = QStringLiteral("director_session.json");

// The median time of one `work` over bench::runs() runs, in milliseconds.
// Short work is repeated within a run, so that each run takes some 20 ms.
double medianMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work(); // warm, and a first idea of its time
    const int repeats = int(qBound(1.0, 20.0 / std::max(bench::elapsedMs(timer), 0.001), 1000.0));
    QList<double> times;
    for (int run = 0; run < bench::runs(); ++run) {
        timer.restart();
        for (int n = 0; n < repeats; ++n)
            work();
        times.append(bench::elapsedMs(timer) / repeats);
    }
    return bench::median(times);
}

// Resets VmHWM to the RSS now.
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// The run folder by a path this process has not read it by (a link to it in `base`): RunFolder
// remembers the images it saw by their paths, which a new process (a window opening the run)
// has not seen yet. For memory only: the link makes every path check slower. The links go
// before status is measured.
QString unreadPath(const QString &base, const QString &runDir)
{
    static int made = 0;
    const QString link =
        base + QStringLiteral("/view_%1_%2").arg(QCoreApplication::applicationPid()).arg(++made);
    QFile::remove(link);
    if (!QFile::link(QFileInfo(runDir).absoluteFilePath(), link))
        qFatal("cannot link %s", qPrintable(link));
    return link;
}

void removeUnreadPaths(const QString &base)
{
    const QDir dir(base);
    for (const QString &name :
         dir.entryList({QStringLiteral("view_%1_*").arg(QCoreApplication::applicationPid())},
                       QDir::System | QDir::AllEntries))
        QFile::remove(dir.filePath(name));
}

// A patch as Director makes it (PatchFiles: the patched image and its mask written into
// patches/ first): the frame's image with a few pixels of its left hand repainted.
PatchHistoryEntry writePatch(const QString &runDir, const DirectorFrameState &frame)
{
    const QString original = frame.finalImagePath();
    const QImage base(runDir + QLatin1Char('/') + original);
    if (base.isNull())
        qFatal("cannot read %s of frame %d", qPrintable(original), frame.frameIndex);
    QImage patched = base.convertToFormat(QImage::Format_ARGB32);
    {
        QPainter painter(&patched);
        painter.fillRect(38, 80, 6, 6, QColor::fromRgba(DemoRun::palette().value(6)));
    }
    const Result<PatchFiles::Written> written =
        PatchFiles::write(runDir, frame.frameIndex, original, base, patched,
                          QStringLiteral("repaint the left hand, keep the outline"));
    if (!written)
        qFatal("PatchFiles::write: %s", qPrintable(written.outcome().message()));
    return written->entry;
}

// What an operator leaves on a run: every 8th frame gets an alignment, notes,
// a patch with notes or a rejection, in turn. Each change is saved before the
// next (SessionManager saving synchronously); with `batches`, the changes are
// saved in that many batches instead (SessionManager::applyFrameEdits: at
// 100,000 frames one save per change would take hours). Gives the changes; *saves the saves.
int review(SessionManager &manager, int frames, int batches, int *saves)
{
    int changes = 0;
    QList<std::pair<int, FrameEdit>> edits;
    for (int index = 1; index < frames; index += 8) {
        switch ((index / 8) % 4) {
        case 0:
            edits.append({index, FrameEdit::offsetTo(-2, 1 + index % 3)});
            break;
        case 1:
            edits.append(
                {index, FrameEdit::notesTo(QStringLiteral("halo on the left ear; palette drift "
                                                          "on the flame tip (frame %1)")
                                               .arg(index))});
            break;
        case 2: {
            const PatchHistoryEntry patch =
                writePatch(manager.runDir(), *manager.getFrameState(index));
            if (batches > 0) { // one edit: the patch and its notes
                FrameEdit edit = FrameEdit::addPatch(patch);
                edit.notes = QStringLiteral("hand patched");
                edits.append({index, edit});
            } else {
                edits.append({index, FrameEdit::addPatch(patch)});
                edits.append({index, FrameEdit::notesTo(QStringLiteral("hand patched"))});
            }
            break;
        }
        case 3: {
            const FrameStatus status = manager.getFrameState(index)->status;
            if (status == FrameStatus::Approved || status == FrameStatus::AuditWarn)
                edits.append({index, FrameEdit::statusTo(FrameStatus::AuditFail)});
            break;
        }
        }
        if (batches == 0) { // each change saved before the next one is made
            for (const auto &[frame, edit] : std::as_const(edits))
                bench::check(manager.applyFrameEdit(frame, edit), "applyFrameEdit");
            *saves += int(edits.size());
            changes += int(edits.size());
            edits.clear();
        }
    }
    const qsizetype perBatch =
        std::max<qsizetype>(1, (edits.size() + batches - 1) / std::max(batches, 1));
    for (qsizetype first = 0; first < edits.size(); first += perBatch) {
        QList<FrameRefusal> refused;
        bench::check(manager.applyFrameEdits(edits.mid(first, perBatch),
                                             SessionManager::Refusals::ApplyNone, &refused),
                     "applyFrameEdits");
        ++*saves;
    }
    return changes + int(edits.size());
}

// One step of `director status`, as a process of its own takes it (bench_scale --status-step
// STEP RUN, run by measureStatus): the figures on stdout, in milliseconds. A process of its
// own, as director's: RunFolder remembers the images it saw (by path), and this one's heap is
// not the benchmark's.
int statusStep(const QString &step, const QString &runDir)
{
    QElapsedTimer timer;
    timer.start();
    if (step == QLatin1String("read")) {
        RunFolder::Contents contents;
        if (!RunFolder::read(runDir, &contents))
            qFatal("RunFolder::read");
        std::printf("%f\n", bench::elapsedMs(timer));
    } else if (step == QLatin1String("load")) {
        SessionStore store(runDir);
        if (store.load().state != SessionStore::LoadState::Loaded)
            qFatal("load");
        std::printf("%f\n", bench::elapsedMs(timer));
    } else {
        // StatusCommand::run: open read-only, RunStatus::of, the JSON.
        SessionManager manager;
        bench::check(manager.initializeOrResume(runDir, SessionManager::Access::ReadOnly),
                     "initializeOrResume");
        const double open = bench::elapsedMs(timer);
        const RunStatus runStatus = RunStatus::of(manager);
        const double of = bench::elapsedMs(timer);
        if (QJsonDocument(runStatus.toJson()).toJson(QJsonDocument::Compact).isEmpty())
            qFatal("toJson");
        std::printf("%f %f %f\n", open, of - open, bench::elapsedMs(timer) - of);
    }
    return 0;
}

// `director status` on the run, the real executable as a process of its own, and where its
// time goes: its steps, each in a process of its own (statusStep). Each round takes the
// processes in turn: they see the same machine.
void measureStatus(const QString &runDir, int frames)
{
    const QString goal = frames == 10000    ? QStringLiteral("(goal < 300 ms at 10,000 frames)")
                         : frames == 100000 ? QStringLiteral("(goal < 1 s at 100,000 frames)")
                                            : QString();
    // The process's wall time; its output's numbers in *figures.
    // A cache folder of the bench's own for what `director status` keeps (StatusCache,
    // RunReadCache).
    QTemporaryDir cacheHome;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    auto run = [&](const QString &program, const QStringList &arguments,
                   QList<double> *figures = nullptr) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProgram(program);
        process.setArguments(arguments);
        QElapsedTimer timer;
        timer.start();
        process.start();
        if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0)
            qFatal("%s %s failed (%d): %s", qPrintable(program),
                   qPrintable(arguments.join(QLatin1Char(' '))), process.exitCode(),
                   process.readAllStandardError().constData());
        const double ms = bench::elapsedMs(timer);
        const QByteArray output = process.readAllStandardOutput();
        if (output.isEmpty())
            qFatal("%s printed nothing", qPrintable(program));
        if (figures) {
            for (const QByteArray &figure : output.simplified().split(' '))
                figures->append(figure.toDouble());
        }
        return ms;
    };
    const QString director = QStringLiteral(DIRECTOR_EXECUTABLE);
    const QString self = QCoreApplication::applicationFilePath();
    struct Steps
    {
        double process = 0;
        double processJson = 0;
        double reviewed = 0;     // status after a review's change (RunReadCache)
        double reviewedJson = 0; // the same, --json
        double whole = 0;        // status --no-cache: the whole run read
        double frame = 0;        // the review's change: director frame RUN 0 --note
        double read = 0;
        double load = 0;
        double open = 0;
        double of = 0;
        double json = 0;
    };
    QList<Steps> steps;
    // A review's change between two statuses: a note on frame 0 (two notes in turn).
    int notes = 0;
    const auto review = [&] {
        return run(director,
                   {QStringLiteral("frame"), runDir, QStringLiteral("0"), QStringLiteral("--note"),
                    QStringLiteral("bench note %1").arg(++notes % 2)});
    };
    run(director, {QStringLiteral("status"), runDir}); // the run's read kept
    for (int round = 0; round < bench::runs(); ++round) {
        Steps step;
        step.frame = review();
        step.reviewed = run(director, {QStringLiteral("status"), runDir});
        review();
        step.reviewedJson =
            run(director, {QStringLiteral("status"), QStringLiteral("--json"), runDir});
        step.whole =
            run(director, {QStringLiteral("status"), QStringLiteral("--no-cache"), runDir});
        // Unchanged since the status before (and quiet since the change before: RunFingerprint).
        run(director, {QStringLiteral("status"), runDir});
        QThread::msleep(RunFingerprint::defaultSettleMs + 100);
        run(director, {QStringLiteral("status"), runDir});
        step.process = run(director, {QStringLiteral("status"), runDir});
        step.processJson =
            run(director, {QStringLiteral("status"), QStringLiteral("--json"), runDir});
        QList<double> figures;
        run(self, {QStringLiteral("--status-step"), QStringLiteral("read"), runDir}, &figures);
        run(self, {QStringLiteral("--status-step"), QStringLiteral("load"), runDir}, &figures);
        run(self, {QStringLiteral("--status-step"), QStringLiteral("status"), runDir}, &figures);
        if (figures.size() != 5)
            qFatal("the status steps printed %d figures", int(figures.size()));
        step.read = figures[0];
        step.load = figures[1];
        step.open = figures[2];
        step.of = figures[3];
        step.json = figures[4];
        steps.append(step);
    }
    const double processJson = bench::medianOf(steps, &Steps::processJson);
    const double open = bench::medianOf(steps, &Steps::open);
    const double read = bench::medianOf(steps, &Steps::read);
    const double load = bench::medianOf(steps, &Steps::load);
    const double of = bench::medianOf(steps, &Steps::of);
    const double json = bench::medianOf(steps, &Steps::json);
    bench::print(QStringLiteral("director status RUN (a process of its own), unchanged"),
                 bench::medianOf(steps, &Steps::process), QStringLiteral("ms"), goal);
    bench::print(QStringLiteral("director status --json RUN, unchanged"), processJson,
                 QStringLiteral("ms"), goal);
    bench::print(QStringLiteral("director status RUN after a review's change"),
                 bench::medianOf(steps, &Steps::reviewed), QStringLiteral("ms"), goal);
    bench::print(QStringLiteral("director status --json RUN after a review's change"),
                 bench::medianOf(steps, &Steps::reviewedJson), QStringLiteral("ms"), goal);
    bench::print(QStringLiteral("director status --no-cache RUN (the whole run read)"),
                 bench::medianOf(steps, &Steps::whole), QStringLiteral("ms"), goal);
    bench::print(QStringLiteral("director frame RUN 0 --note TEXT (the review's change, its "
                                "status kept)"),
                 bench::medianOf(steps, &Steps::frame), QStringLiteral("ms"));
    bench::print(
        QStringLiteral("  the whole run's steps (each a process of its own): open read-only"), open,
        QStringLiteral("ms"));
    bench::print(QStringLiteral("    RunFolder::read of the run folder"), read,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("    SessionStore::load"), load, QStringLiteral("ms"));
    bench::print(QStringLiteral("    the rest of opening (open - both)"), open - read - load,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  RunStatus::of (news: RunIngest::plan, withNews)"), of,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  toJson + compact JSON"), json, QStringLiteral("ms"));
    bench::print(QStringLiteral("  the process's own (start, Qt, exit; --no-cache - the steps)"),
                 bench::medianOf(steps, &Steps::whole) - open - of - json, QStringLiteral("ms"));
}

void measure(const QString &base, int frames)
{
    const QString runDir = base + QStringLiteral("/run_%1").arg(frames);
    const QString sessionPath = runDir + QLatin1Char('/') + sessionFileName;
    bench::heading(QStringLiteral("%1 frames").arg(frames));

    // ------------------------------------------------ the session file
    // Written once the review is saved: a session without it is one an interrupted run left.
    const QString reviewed = base + QStringLiteral("/run_%1.reviewed").arg(frames);
    if (QFileInfo::exists(sessionPath) && QFileInfo::exists(reviewed)) {
        std::printf("(the session of an earlier run, in %s)\n", qPrintable(runDir));
    } else {
        QDir(runDir).removeRecursively(); // what an interrupted run left
        QDir(runDir + QStringLiteral(".loop")).removeRecursively();
        const bool longRun = frames > 5000;
        QElapsedTimer timer;
        timer.start();
        if (!(longRun ? bench::makeLongRun(runDir, frames) : bench::makeRun(runDir, frames)))
            qFatal("no run");
        const double made = bench::elapsedMs(timer);
        SessionManager manager;
        timer.restart();
        bench::check(manager.initializeOrResume(runDir), "initializeOrResume");
        const double created = bench::elapsedMs(timer);
        timer.restart();
        int saves = 0;
        const int changes = review(manager, frames, longRun ? 10 : 0, &saves);
        const double reviewTime = bench::elapsedMs(timer);
        if (QFile marker(reviewed); !marker.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(reviewed));
        bench::print(longRun ? QStringLiteral("generate the run folder (makeLongRun, once)")
                             : QStringLiteral("generate the run folder (DemoRun, once)"),
                     made, QStringLiteral("ms"));
        bench::print(QStringLiteral("create the session (initializeOrResume, once)"), created,
                     QStringLiteral("ms"));
        bench::print(
            QStringLiteral("review: %1 changes in %2 saves (once)").arg(changes).arg(saves),
            reviewTime, QStringLiteral("ms"));
    }
    const QByteArray bytes = bench::readAll(sessionPath);
    bench::print(QStringLiteral("file size"), double(bytes.size()) / 1024.0, QStringLiteral("KiB"));

    // ------------------------------------------------ memory
    {
        malloc_trim(0);
        const double heapBefore = bench::heapBytes();
        const qint64 rssBefore = bench::procStatusKiB("VmRSS");
        resetPeak();
        SessionStore store(runDir);
        SessionStore::LoadResult loaded = store.load();
        if (loaded.state != SessionStore::LoadState::Loaded)
            qFatal("load: %s", qPrintable(loaded.message));
        const qint64 peak = bench::procStatusKiB("VmHWM");
        const double heapAfter = bench::heapBytes();
        const qint64 rssAfter = bench::procStatusKiB("VmRSS");
        bench::print(QStringLiteral("loaded session: heap it holds"),
                     (heapAfter - heapBefore) / 1024.0, QStringLiteral("KiB"),
                     QStringLiteral("(%1x the file; goal <= 2x at 100,000 frames)")
                         .arg((heapAfter - heapBefore) / double(bytes.size()), 0, 'f', 2));
        bench::print(QStringLiteral("loaded session: added RSS (VmRSS after - before)"),
                     double(rssAfter - rssBefore), QStringLiteral("KiB"));
        bench::print(QStringLiteral("loading: peak RSS above the RSS before (VmHWM)"),
                     double(peak - rssBefore), QStringLiteral("KiB"));

        malloc_trim(0);
        const double heapBeforeDocument = bench::heapBytes();
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        bench::print(QStringLiteral("for comparison: heap a QJsonDocument of it holds"),
                     (bench::heapBytes() - heapBeforeDocument) / 1024.0, QStringLiteral("KiB"));
    }
    {
        // What the window holds once the run is open: the session, the run folder's contents
        // and the store's caches, and what opening the run leaves in the process (RunFolder
        // remembers the images it looked at), as a new process opens it (a path never read).
        const QString view = unreadPath(base, runDir);
        malloc_trim(0);
        const double heapBefore = bench::heapBytes();
        const qint64 rssBefore = bench::procStatusKiB("VmRSS");
        resetPeak();
        double heapOpen = 0;
        qint64 rssOpen = 0;
        qint64 peak = 0;
        {
            SessionManager manager(nullptr, SessionManager::Saving::Background);
            bench::check(manager.initializeOrResume(view), "initializeOrResume");
            peak = bench::procStatusKiB("VmHWM");
            heapOpen = bench::heapBytes() - heapBefore;
            rssOpen = bench::procStatusKiB("VmRSS") - rssBefore;
            // What StatusKeeper does off the GUI thread once the review pauses: the status of
            // the open run, kept for the next `director status` (here in a folder of its own).
            const QTemporaryDir keptIn;
            QElapsedTimer timer;
            timer.start();
            const RunStatus status = RunStatus::of(manager);
            const double of = bench::elapsedMs(timer);
            if (!StatusCache(keptIn.path()).keepSaved(runDir, "run", "session", status))
                qFatal("keepSaved");
            bench::print(QStringLiteral("the window's status kept (StatusKeeper, off the GUI "
                                        "thread): RunStatus::of + StatusCache::keepSaved"),
                         bench::elapsedMs(timer), QStringLiteral("ms"),
                         QStringLiteral("(of it, RunStatus::of: %1 ms)").arg(of, 0, 'f', 1));
        }
        malloc_trim(0);
        const double heapStays = bench::heapBytes() - heapBefore;
        bench::print(QStringLiteral("SessionManager after initializeOrResume: heap"),
                     heapOpen / 1024.0, QStringLiteral("KiB"),
                     QStringLiteral("(%1x the file; goal <= 2x at 100,000 frames)")
                         .arg(heapOpen / double(bytes.size()), 0, 'f', 2));
        bench::print(QStringLiteral("  of it, what stays after it closes (RunFolder::imageState)"),
                     heapStays / 1024.0, QStringLiteral("KiB"));
        bench::print(QStringLiteral("  its added RSS (VmRSS after - before)"), double(rssOpen),
                     QStringLiteral("KiB"));
        bench::print(QStringLiteral("  opening: peak RSS above the RSS before (VmHWM)"),
                     double(peak - rssBefore), QStringLiteral("KiB"));
    }

    // ------------------------------------------------ load + validate
    // Side by side, a few of each per round: the figures and their ratio see
    // the same machine, whatever else runs on it.
    auto parseBytes = [&] {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        if (!document.isObject())
            qFatal("not an object");
    };
    auto readAndParse = [&] {
        const QJsonDocument document = QJsonDocument::fromJson(bench::readAll(sessionPath));
        if (!document.isObject())
            qFatal("not an object");
    };
    auto findDuplicates = [&] {
        if (!JsonDuplicateKeys::find(bytes).isEmpty())
            qFatal("duplicates");
    };
    const RunPaths paths(runDir);
    auto decodeBytes = [&] {
        if (!SessionCodec::decode(bytes, &paths).isOk())
            qFatal("decode");
    };
    auto loadFile = [&] {
        SessionStore store(runDir);
        if (store.load().state != SessionStore::LoadState::Loaded)
            qFatal("load");
    };
    QElapsedTimer once;
    once.start();
    loadFile();
    const int loads = int(
        qBound(frames > 5000 ? 1.0 : 3.0, 20.0 / std::max(bench::elapsedMs(once), 0.001), 1000.0));
    const QList<double> loading = bench::interleavedMs(
        {parseBytes, readAndParse, findDuplicates, decodeBytes, loadFile}, loads);
    const double parse = loading[0];
    const double readParse = loading[1];
    const double duplicates = loading[2];
    const double decode = loading[3];
    const double load = loading[4];
    bench::print(QStringLiteral("QJsonDocument::fromJson (bytes in memory)"), parse,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("read the file + QJsonDocument::fromJson"), readParse,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  duplicate-key check (JsonDuplicateKeys::find)"), duplicates,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  SessionCodec::decode (parse, duplicates, validate)"), decode,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("SessionStore::load (read, decode, validate)"), load,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  decode / fromJson"), decode / parse, QStringLiteral("x"));
    bench::print(QStringLiteral("load / (read + fromJson)"), load / readParse, QStringLiteral("x"),
                 QStringLiteral("(goal <= 2x)"));

    // ------------------------------------------------ encode
    // The store keeps the JSON of the frames it wrote last (a FrameCache) and
    // writes a frame anew only when it changed: the first save of a session
    // writes every frame, a change one. Two sessions taking turns measure each.
    SessionStore reader(runDir);
    const DirectorSession session = *reader.load().session;
    DirectorSession allChanged = session;
    for (DirectorFrameState &frame : allChanged.frames)
        frame.extra.insert(QStringLiteral("benchmark"), true);
    DirectorSession oneChanged = session;
    oneChanged.frames[0].directorOverrides.notes = QStringLiteral("one change");
    bool flip = false;
    SessionEncoder::FrameCache cache;
    auto encodeAll = [&] {
        flip = !flip;
        if (SessionCodec::encode(flip ? allChanged : session, &cache).isEmpty())
            qFatal("encode");
    };
    auto encodeOne = [&] {
        flip = !flip;
        if (SessionCodec::encode(flip ? oneChanged : session, &cache).isEmpty())
            qFatal("encode");
    };
    const double encodeFull = medianMs(encodeAll);
    const double encode = medianMs(encodeOne);
    bench::print(QStringLiteral("SessionCodec::encode, every frame (first save)"), encodeFull,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("SessionCodec::encode, one frame changed (a change)"), encode,
                 QStringLiteral("ms"));

    // ------------------------------------------------ one durable change
    SessionManager manager;
    bench::check(manager.initializeOrResume(runDir), "initializeOrResume");
    // A frame whose status can go back and forth: rejected and approved again.
    int toggled = 0;
    while (manager.getFrameState(toggled)->status != FrameStatus::Approved)
        ++toggled;
    int change = 0;
    auto setNotes = [&] {
        bench::check(
            manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("note %1").arg(++change))),
            "setNotes");
    };
    auto updateStatus = [&] {
        const bool approved = manager.getFrameState(toggled)->status == FrameStatus::Approved;
        bench::check(manager.updateFrameStatus(toggled, approved ? FrameStatus::AuditFail
                                                                 : FrameStatus::Approved),
                     "updateFrameStatus");
    };
    setNotes();
    const QByteArray current = bench::readAll(sessionPath);
    auto floor = [&] { bench::writeBare(runDir + QStringLiteral("/floor.json"), current); };
    auto atomic = [&] {
        bench::check(AtomicFile::write(runDir + QStringLiteral("/atomic.json"), current),
                     "AtomicFile::write");
    };

    // SessionStore::save alone, on a copy of the session in a folder of its own.
    const QString storeDir = base + QStringLiteral("/store_%1").arg(frames);
    QDir(storeDir).removeRecursively();
    QDir().mkpath(storeDir);
    QFile::copy(sessionPath, storeDir + QLatin1Char('/') + sessionFileName);
    SessionStore store(storeDir);
    bench::check(store.lock(), "lock");
    const SessionStore::LoadResult stored = store.load();
    if (stored.state != SessionStore::LoadState::Loaded)
        qFatal("store load: %s", qPrintable(stored.message));
    // The session the manager holds: its saves write copies of one session,
    // which share their frames with the frames written before.
    DirectorSession saved = manager.session();
    auto save = [&] {
        saved.lastModified =
            QStringLiteral("2026-01-18T12:00:%1.000Z").arg(++change % 60, 2, 10, QLatin1Char('0'));
        bench::check(store.save(saved), "SessionStore::save");
    };

    // Disk latency drifts: the contenders take turns, a few changes each per
    // round, and each figure is the median of its rounds.
    const int batch = frames >= 5000 ? 2 : frames >= 1000 ? 4 : 8;
    const QList<double> durable =
        bench::interleavedMs({setNotes, floor, updateStatus, atomic, save}, batch);

    // The steps of SessionManager's change that are not the save.
    const DirectorFrameState frame = *manager.getFrameState(0);
    const double copy = medianMs([&] {
        DirectorSession candidate = manager.session();
        candidate.frames.insert(0, frame);
        if (candidate.frames.size() != frames)
            qFatal("copy");
    });
    // The backup: a hard link of the current file, renamed at the commit.
    const QByteArray target = QFile::encodeName(storeDir + QLatin1Char('/') + sessionFileName);
    const QByteArray link = QFile::encodeName(storeDir + QStringLiteral("/link.new"));
    const QByteArray linked = QFile::encodeName(storeDir + QStringLiteral("/link"));
    const double backup = medianMs([&] {
        ::unlink(link.constData());
        if (::link(target.constData(), link.constData()) != 0 ||
            ::rename(link.constData(), linked.constData()) != 0)
            qFatal("link");
    });

    bench::print(QStringLiteral("one durable change: SessionManager::setNotes"), durable[0],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("one durable change: SessionManager::updateFrameStatus"),
                 durable[2], QStringLiteral("ms"));
    bench::print(QStringLiteral("  floor: same bytes, bare QSaveFile + folder fsync"), durable[1],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  AtomicFile::write of the same bytes"), durable[3],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  SessionStore::save (encode, backup link, AtomicFile)"),
                 durable[4], QStringLiteral("ms"));
    bench::print(QStringLiteral("  encode, one frame changed (above)"), encode,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  backup: link + rename"), backup, QStringLiteral("ms"));
    bench::print(QStringLiteral("  session copy + frame insert (in memory)"), copy,
                 QStringLiteral("ms"));
    const QString durableGoal = frames == 64 ? QStringLiteral("(goal <= 1.5x at 64 frames)")
                                : frames == 10000
                                    ? QStringLiteral("(goal <= 1.5x at 10,000 frames)")
                                    : QString();
    bench::print(QStringLiteral("setNotes / floor"), durable[0] / durable[1], QStringLiteral("x"),
                 durableGoal);
    bench::print(QStringLiteral("updateFrameStatus / floor"), durable[2] / durable[1],
                 QStringLiteral("x"), durableGoal);
    manager.close();
    store.unlock();

    removeUnreadPaths(base);
    measureStatus(runDir, frames);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--status-step") == 0)
        return statusStep(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    QTemporaryDir temporary;
    const QString base = qEnvironmentVariableIsEmpty("DIRECTOR_BENCH_DIR")
                             ? temporary.path()
                             : qEnvironmentVariable("DIRECTOR_BENCH_DIR");
    if (base.isEmpty() || !QDir().mkpath(base))
        qFatal("no folder for the runs");
    std::printf("bench_scale: medians of %d runs; sessions in %s\n", bench::runs(),
                qPrintable(base));
    QList<int> sizes;
    const QList<QByteArray> wanted = qgetenv("DIRECTOR_BENCH_FRAMES").split(',');
    for (const QByteArray &n : wanted) {
        if (n.toInt() > 0)
            sizes.append(n.toInt());
    }
    if (sizes.isEmpty())
        sizes = {16, 64, 1000, 5000};
    for (const int frames : sizes)
        measure(base, frames);
    return 0;
}
