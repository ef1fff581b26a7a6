// Commit throughput: the approved frames of a 1,000-frame run written to
// approved/ by CommitExporter (decode with ImageLoader's limits, translate,
// encode, write into the staging folder, the batch of syncs, moves into
// approved/ with their rollback copies), against its floor: decoding and
// encoding the same PNGs with a bare QImageReader and QImageWriter (into
// memory: no translation, no file written), on one thread and on every core.
//
// The ways of syncing the staged frames are measured side by side
// (BatchSync::Options): one fdatasync per frame as it is written (as before),
// the batch synced on 1 thread or without starting each file's writeback
// early, and the default (the batch on 8 threads, writeback started).
//
// The session is made by the real SessionManager from a generated run; every
// frame is then marked APPROVED in a copy of it, and that copy is committed
// with CommitExporter directly (as SessionManager::commitSession does, minus
// the one save that marks the session committed).
//
// Every commit goes into a run of its own, as an operator's does (a session is
// committed once): a copy of the generated run made before the clock starts,
// its files hard links to the run's (nothing read differs), its approved/ as
// the pipeline left it. The copies are kept until the end, so that no commit
// follows the deletion of another's files. Apart from those, a commit again
// into one run, replacing the 1,000 frames the commit before wrote there, is
// measured on its own afterwards: it frees the files it replaces, and on some
// file systems that costs more than the commit (README, Performance,
// "Commit").
//
// On ext4 without a journal (this development machine's disk), making a file
// skips over every inode of its group deleted in the last minute or more
// (recently_deleted() in the kernel): after many files were deleted nearby (a
// build, the test suite, this benchmark's own temporary folder at its end),
// each new file can cost ten times as much, and so does the commit. For
// figures that do not depend on that, run it with TMPDIR set to a new folder
// when nothing has been deleted on that disk for several minutes.

#include "benchutil.h"

#include "commit/commitexporter.h"
#include "review/sessionmanager.h"
#include "run/runpaths.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QImageReader>
#include <QImageWriter>
#include <QtConcurrent/QtConcurrentMap>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

#include <cstdio>
#include <functional>

#include <unistd.h>

namespace {

constexpr int frameCount = 1000;

// Reads and encodes one PNG with nothing in between; false if it could not.
bool decodeEncode(const QString &path)
{
    QImageReader reader(path);
    QImage image;
    if (!reader.read(&image))
        return false;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    return writer.write(image) && !png.isEmpty();
}

// A copy of the run folder `from` in `to` (new), every file a hard link to the run's.
bool linkCopy(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator entries(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QFileInfo entry = entries.nextFileInfo();
        const QString copy = to + u'/' + QDir(from).relativeFilePath(entry.filePath());
        if (entry.isDir() ? !QDir().mkpath(copy)
                          : ::link(QFile::encodeName(entry.filePath()).constData(),
                                   QFile::encodeName(copy).constData()) != 0)
            return false;
    }
    return true;
}

// One contender: `prepare` runs before the clock starts, `work` is timed.
struct Contender
{
    std::function<void()> prepare;
    std::function<void()> work;
};

// The median of each contender's time in milliseconds: each once per round, side by side
// (one round first to warm the page cache and the thread pools, not counted).
QList<double> medians(const QList<Contender> &contenders)
{
    QList<QList<double>> times(contenders.size());
    for (int round = -1; round < bench::runs(); ++round) {
        for (qsizetype i = 0; i < contenders.size(); ++i) {
            if (contenders[i].prepare)
                contenders[i].prepare();
            QElapsedTimer timer;
            timer.start();
            contenders[i].work();
            if (round >= 0)
                times[i].append(bench::elapsedMs(timer));
        }
    }
    QList<double> result;
    for (const QList<double> &t : std::as_const(times))
        result.append(bench::median(t));
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    if (!temporary.isValid())
        qFatal("no temporary folder");
    const QString run = temporary.path() + QStringLiteral("/run");
    const int threads = QThread::idealThreadCount();
    std::printf("bench_commit: medians of %d runs; %d frames; %d threads\n", bench::runs(),
                frameCount, threads);

    bench::heading(QStringLiteral("commit of %1 frames").arg(frameCount));
    if (!bench::makeRun(run, frameCount))
        return 1;
    SessionManager manager;
    if (const Outcome opened = manager.initializeOrResume(run); !opened)
        qFatal("could not open the run: %s", qPrintable(opened.message()));
    DirectorSession session = manager.session();
    for (DirectorFrameState &frame : session.frames)
        frame.status = FrameStatus::Approved;
    const int targetSize = manager.run().manifest.targetSize;
    manager.close();

    // The files the commit reads, for the floor.
    const RunPaths paths(run);
    QStringList sources;
    for (const DirectorFrameState &frame : std::as_const(session.frames)) {
        const DirectorOverrides &o = frame.directorOverrides;
        const QString stored = o.isPatched && !o.patchHistory.isEmpty()
                                   ? o.patchHistory.last().patchedPath
                                   : frame.imagePath;
        const Result<QString> file = paths.resolveExistingFile(stored);
        if (!file)
            qFatal("frame %d: %s", frame.frameIndex, qPrintable(file.outcome().message()));
        sources.append(*file);
    }

    auto commitInto = [&](const QString &runDir, int threadCount, BatchSync::Options sync) {
        CommitExporter exporter(runDir);
        if (targetSize > 0)
            exporter.setExpectedSize(QSize(targetSize, targetSize));
        exporter.setThreadCount(threadCount);
        exporter.setSyncOptions(sync);
        int reported = 0;
        CommitInfo info;
        const Outcome outcome =
            exporter.exportFrames(session, &info, [&](int done, int) { reported = done; });
        if (!outcome || reported != frameCount)
            qFatal("the commit failed: %s", qPrintable(outcome.message()));
    };
    // A commit into a run of its own, made before the clock starts.
    int copies = 0;
    auto commit = [&](int threadCount, BatchSync::Options sync = {}) {
        auto target = std::make_shared<QString>();
        return Contender{
            [&, target] {
                *target = temporary.path() + QStringLiteral("/copy_%1").arg(++copies);
                if (!linkCopy(run, *target))
                    qFatal("could not copy the run to %s", qPrintable(*target));
            },
            [&, target, threadCount, sync] { commitInto(*target, threadCount, sync); }};
    };
    auto floorOneThread = [&] {
        for (const QString &source : std::as_const(sources)) {
            if (!decodeEncode(source))
                qFatal("could not decode and encode %s", qPrintable(source));
        }
    };
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    auto floorEveryCore = [&] {
        QtConcurrent::blockingMap(&pool, sources, [](const QString &source) {
            if (!decodeEncode(source))
                qFatal("could not decode and encode %s", qPrintable(source));
        });
    };

    BatchSync::Options eachFrame;
    eachFrame.deferred = false;
    BatchSync::Options oneSyncThread;
    oneSyncThread.syncThreads = 1;
    BatchSync::Options noWriteback;
    noWriteback.startWriteback = false;
    const QList<double> ms = medians({commit(threads),
                                      commit(1),
                                      commit(4 * threads),
                                      {{}, floorOneThread},
                                      {{}, floorEveryCore},
                                      commit(threads, eachFrame),
                                      commit(threads, oneSyncThread),
                                      commit(threads, noWriteback)});
    // Then, on their own, commits again into one run (the first of them writes its frames).
    const double againMs = medians({{{}, [&] { commitInto(run, threads, {}); }}}).constFirst();
    auto framesPerSecond = [&](double milliseconds) {
        return frameCount / (milliseconds / 1000.0);
    };
    const double committed = framesPerSecond(ms[0]);
    const double committedAlone = framesPerSecond(ms[1]);
    const double committedMore = framesPerSecond(ms[2]);
    const double floorAlone = framesPerSecond(ms[3]);
    const double floorEvery = framesPerSecond(ms[4]);

    bench::print(QStringLiteral("threads (QThread::idealThreadCount)"), threads,
                 QStringLiteral("thr"));
    bench::print(QStringLiteral("commit, %1 threads (CommitExporter::exportFrames)").arg(threads),
                 committed, QStringLiteral("fps"));
    bench::print(QStringLiteral("  the same commit on 1 thread"), committedAlone,
                 QStringLiteral("fps"));
    bench::print(
        QStringLiteral("  the same commit on %1 threads (more than cores)").arg(4 * threads),
        committedMore, QStringLiteral("fps"));
    bench::print(QStringLiteral("floor: QImageReader + QImageWriter, 1 thread"), floorAlone,
                 QStringLiteral("fps"));
    bench::print(QStringLiteral("floor: QImageReader + QImageWriter, %1 threads").arg(threads),
                 floorEvery, QStringLiteral("fps"));
    bench::print(QStringLiteral("commit (%1 threads) / floor (1 thread)").arg(threads),
                 committed / floorAlone, QStringLiteral("x"));
    bench::print(QStringLiteral("commit (%1 threads) / floor (%1 threads)").arg(threads),
                 committed / floorEvery, QStringLiteral("x"));
    bench::print(QStringLiteral("commit: %1 threads / 1 thread").arg(threads),
                 committed / committedAlone, QStringLiteral("x"));
    bench::print(
        QStringLiteral("  the same, one fdatasync per frame as written (before the batch)"),
        framesPerSecond(ms[5]), QStringLiteral("fps"));
    bench::print(QStringLiteral("    / floor (%1 threads)").arg(threads),
                 framesPerSecond(ms[5]) / floorEvery, QStringLiteral("x"));
    bench::print(QStringLiteral("  the same, the batch synced on 1 thread"), framesPerSecond(ms[6]),
                 QStringLiteral("fps"));
    bench::print(QStringLiteral("  the same, the batch without starting writeback early"),
                 framesPerSecond(ms[7]), QStringLiteral("fps"));
    bench::print(QStringLiteral("1,000 frames committed in"), ms[0] / 1000.0, QStringLiteral("s"));
    bench::print(
        QStringLiteral("commit again into one run, replacing its %1 frames").arg(frameCount),
        framesPerSecond(againMs), QStringLiteral("fps"));
    bench::print(QStringLiteral("    / floor (%1 threads)").arg(threads),
                 framesPerSecond(againMs) / floorEvery, QStringLiteral("x"));
    return 0;
}
