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
// the one save that marks the session committed), so that it can be
// committed again in every run.

#include "benchutil.h"

#include "commit/commitexporter.h"
#include "review/sessionmanager.h"
#include "run/runpaths.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QImageReader>
#include <QImageWriter>
#include <QtConcurrent/QtConcurrentMap>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

#include <cstdio>
#include <functional>

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

    auto commit = [&](int threadCount, BatchSync::Options sync = {}) {
        return [&, threadCount, sync] {
            CommitExporter exporter(run);
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

    // Side by side, each contender once per round (one round first to warm
    // the page cache and the thread pools, not counted).
    BatchSync::Options eachFrame;
    eachFrame.deferred = false;
    BatchSync::Options oneSyncThread;
    oneSyncThread.syncThreads = 1;
    BatchSync::Options noWriteback;
    noWriteback.startWriteback = false;
    const QList<std::function<void()>> contenders{commit(threads),
                                                  commit(1),
                                                  commit(4 * threads),
                                                  floorOneThread,
                                                  floorEveryCore,
                                                  commit(threads, eachFrame),
                                                  commit(threads, oneSyncThread),
                                                  commit(threads, noWriteback)};
    QList<QList<double>> times(contenders.size());
    for (int round = -1; round < bench::runs(); ++round) {
        for (qsizetype i = 0; i < contenders.size(); ++i) {
            QElapsedTimer timer;
            timer.start();
            contenders[i]();
            if (round >= 0)
                times[i].append(bench::elapsedMs(timer));
        }
    }
    auto framesPerSecond = [&](qsizetype i) {
        return frameCount / (bench::median(times[i]) / 1000.0);
    };
    const double committed = framesPerSecond(0);
    const double committedAlone = framesPerSecond(1);
    const double committedMore = framesPerSecond(2);
    const double floorAlone = framesPerSecond(3);
    const double floorEvery = framesPerSecond(4);

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
        framesPerSecond(5), QStringLiteral("fps"));
    bench::print(QStringLiteral("    / floor (%1 threads)").arg(threads),
                 framesPerSecond(5) / floorEvery, QStringLiteral("x"));
    bench::print(QStringLiteral("  the same, the batch synced on 1 thread"), framesPerSecond(6),
                 QStringLiteral("fps"));
    bench::print(QStringLiteral("  the same, the batch without starting writeback early"),
                 framesPerSecond(7), QStringLiteral("fps"));
    bench::print(QStringLiteral("1,000 frames committed in"), bench::median(times[0]) / 1000.0,
                 QStringLiteral("s"));
    return 0;
}
