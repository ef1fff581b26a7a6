#include "commit/commitexporter.h"

#include "run/imageloader.h"
#include "run/runpaths.h"
#include "session/timestamps.h"
#include "storage/atomicfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>
#include <QThreadPool>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <vector>

namespace {

// Removes the staging folder, whatever is in it.
struct StagingFolder
{
    QString path;
    ~StagingFolder()
    {
        if (!path.isEmpty())
            QDir(path).removeRecursively();
    }
};

// One frame to write, as the session describes it.
struct FrameJob
{
    int frameIndex = 0;
    QString name;   // in approved/: frame_NNNN.png
    QString source; // run-relative (untrusted): the latest patch, else the image
    int dx = 0;
    int dy = 0;
    bool patched = false;
};

// Reads, moves and encodes one frame and writes it into the staging folder.
// `expected`, when valid, is the size the frame must have; *decoded gets the
// size it has. False with *error (naming the frame) when it cannot be done.
// Runs on any thread: everything it touches is its own or read-only.
bool stageFrame(const RunPaths &paths, const FrameJob &job, const QString &stagingDir,
                const QSize &expected, QSize *decoded, QString *error)
{
    QString why;
    const QImage image = ImageLoader::loadFromRun(paths, job.source, &why);
    if (image.isNull()) {
        *error = CommitExporter::tr("Frame %1: %2").arg(job.frameIndex).arg(why);
        return false;
    }
    *decoded = image.size();
    if (expected.isValid() && image.size() != expected) {
        *error =
            CommitExporter::tr("Frame %1: %2 is %3×%4 pixels, but the frames of this run are %5×%6")
                .arg(job.frameIndex)
                .arg(job.source)
                .arg(image.width())
                .arg(image.height())
                .arg(expected.width())
                .arg(expected.height());
        return false;
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!CommitExporter::translated(image, job.dx, job.dy).save(&buffer, "PNG")) {
        *error =
            CommitExporter::tr("Frame %1: the image could not be encoded.").arg(job.frameIndex);
        return false;
    }
    // Synced here; put in place (and its folder synced) by the final renames.
    if (const Outcome written = AtomicFile::writeStaged(stagingDir + u'/' + job.name, png);
        !written) {
        *error = CommitExporter::tr("Frame %1: %2").arg(job.frameIndex).arg(written.message());
        return false;
    }
    return true;
}

// Stages jobs[first..] on `threads` threads of a pool of their own, while
// the calling thread waits and calls `progress` (done counts 1, 2, … up to
// the total, first + 1 onwards). The first failure stops the rest: no frame
// after it is started. Frames are handed out in order, so every frame
// before the one that failed has been staged or failed by the time the
// workers stop: the failure reported is the one of the lowest frame, as one
// frame after the other would report it. nullopt when every frame is staged.
std::optional<QString> stageInParallel(const RunPaths &paths, const std::vector<FrameJob> &jobs,
                                       int first, const QSize &expected, const QString &stagingDir,
                                       int threads, const CommitExporter::Progress &progress)
{
    const int total = int(jobs.size());
    if (first >= total)
        return std::nullopt;
    // std::mutex rather than QMutex: ThreadSanitizer sees it, and not
    // Debian's Qt (not instrumented), so that it can check this hand-over.
    struct Shared
    {
        std::mutex mutex;
        std::condition_variable changed;
        int staged = 0;    // frames written to the staging folder
        int failedAt = -1; // the lowest job that failed, or -1
        QString failure;   // its message
        int workersLeft = 0;
    } shared;
    std::atomic<int> next = first; // the next job to start

    auto work = [&] {
        // Even if a frame throws (out of memory), the waiting thread is told.
        const auto leave = qScopeGuard([&] {
            const std::lock_guard lock(shared.mutex);
            --shared.workersLeft;
            shared.changed.notify_all();
        });
        for (;;) {
            const int job = next.fetch_add(1);
            if (job >= total)
                return;
            {
                // Jobs are taken in order: once one after a failure is
                // taken, so are all the rest.
                const std::lock_guard lock(shared.mutex);
                if (shared.failedAt >= 0 && job > shared.failedAt)
                    return;
            }
            QSize decoded;
            QString error;
            const bool ok =
                stageFrame(paths, jobs[size_t(job)], stagingDir, expected, &decoded, &error);
            const std::lock_guard lock(shared.mutex);
            if (ok) {
                ++shared.staged;
            } else if (shared.failedAt < 0 || job < shared.failedAt) {
                shared.failedAt = job;
                shared.failure = error;
            }
            shared.changed.notify_all();
        }
    };

    QThreadPool pool;
    const int workers = std::clamp(threads, 1, total - first);
    pool.setMaxThreadCount(workers);
    shared.workersLeft = workers;
    QList<QFuture<void>> futures;
    futures.reserve(workers);
    for (int i = 0; i < workers; ++i)
        futures.append(QtConcurrent::run(&pool, work));

    // Progress on this (the caller's) thread, never under the lock: the
    // callback may process events for as long as it likes; the workers go on.
    int reported = first;
    std::unique_lock lock(shared.mutex);
    for (;;) {
        shared.changed.wait(lock, [&] {
            return shared.staged + first > reported || shared.workersLeft == 0 ||
                   shared.failedAt >= 0;
        });
        if (shared.failedAt >= 0)
            break;
        const int done = shared.staged + first;
        if (done == reported) // every worker is gone
            break;
        lock.unlock();
        while (reported < done) {
            ++reported;
            if (progress)
                progress(reported, total);
        }
        lock.lock();
    }
    // The staging folder is removed once this returns: no worker may be
    // writing into it then.
    shared.changed.wait(lock, [&] { return shared.workersLeft == 0; });
    lock.unlock();
    for (QFuture<void> &future : futures)
        future.waitForFinished(); // rethrows what a worker threw
    if (shared.failedAt >= 0)
        return shared.failure;
    if (reported != total) // a worker stopped without a word: never move a partial set
        return CommitExporter::tr("Only %1 of %n frame(s) could be written.", nullptr, total)
            .arg(reported);
    return std::nullopt;
}
} // namespace

Outcome CommitExporter::readyToCommit(const DirectorSession &session)
{
    if (session.status != SessionStatus::Active) {
        return Outcome::refused(tr("The session is %1: it cannot be committed again.")
                                    .arg(sessionStatusName(session.status)));
    }
    if (session.frames.isEmpty())
        return Outcome::refused(tr("The session has no frames to commit."));
    QStringList shown;
    int blocking = 0;
    for (const DirectorFrameState &frame : session.frames) {
        if (frame.status == FrameStatus::Approved)
            continue;
        if (++blocking <= maxBlockersNamed)
            shown.append(
                QStringLiteral("%1 (%2)").arg(frame.frameIndex).arg(frameStatusName(frame.status)));
    }
    if (blocking == 0)
        return Outcome::ok();
    QString list = shown.join(QStringLiteral(", "));
    if (blocking > maxBlockersNamed)
        list = tr("%1 and %n more", "", blocking - maxBlockersNamed).arg(list);
    return Outcome::refused(
        tr("Commit needs every frame approved; %n frame(s) are not: %1", "", blocking).arg(list));
}

CommitExporter::CommitExporter(const QString &runDir)
    : m_runDir(QDir(runDir).absolutePath()), m_threadCount(QThread::idealThreadCount())
{}

void CommitExporter::setThreadCount(int threads)
{
    m_threadCount = threads > 0 ? threads : QThread::idealThreadCount();
}

int CommitExporter::roundOffset(double value)
{
    const double rounded = std::floor(value + 0.5);
    if (!std::isfinite(rounded))
        return 0;
    return int(std::clamp(rounded, -1.0e6, 1.0e6));
}

QImage CommitExporter::translated(const QImage &image, int dx, int dy)
{
    // 8 or 16 bits a channel, as the image has (never premultiplied: pixels
    // are copied as they are).
    const QImage::Format format =
        image.format() == QImage::Format_RGBA64 ? QImage::Format_RGBA64 : QImage::Format_ARGB32;
    const QImage source = image.convertToFormat(format);
    QImage result(source.size(), format);
    result.fill(Qt::transparent);
    const int width = source.width();
    const int height = source.height();
    const size_t pixelBytes = size_t(source.depth() / 8);
    // Copy the rows and columns that stay on the canvas, pixel for pixel.
    const int x0 = std::max(0, dx);
    const int x1 = std::min(width, width + dx);
    const int y0 = std::max(0, dy);
    const int y1 = std::min(height, height + dy);
    if (x0 >= x1 || y0 >= y1)
        return result;
    for (int y = y0; y < y1; ++y) {
        const uchar *from = source.constScanLine(y - dy) + size_t(x0 - dx) * pixelBytes;
        uchar *to = result.scanLine(y) + size_t(x0) * pixelBytes;
        std::memcpy(to, from, pixelBytes * size_t(x1 - x0));
    }
    return result;
}

namespace {
// Calls visible(x, y) for rows y0..y1-1 and columns x0..x1-1 of the pixels
// that are not fully transparent, at the image's own depth (a 16-bit alpha
// of 1 is not 0), until it returns false.
template <typename Visit>
void forEachVisible(const QImage &image, int x0, int x1, int y0, int y1, Visit visible)
{
    const bool deep = image.format() == QImage::Format_RGBA64;
    const QImage source = deep ? image : image.convertToFormat(QImage::Format_ARGB32);
    for (int y = y0; y < y1; ++y) {
        if (deep) {
            const auto *row = reinterpret_cast<const QRgba64 *>(source.constScanLine(y));
            for (int x = x0; x < x1; ++x) {
                if (row[x].alpha() != 0 && !visible(x, y))
                    return;
            }
        } else {
            const auto *row = reinterpret_cast<const QRgb *>(source.constScanLine(y));
            for (int x = x0; x < x1; ++x) {
                if (qAlpha(row[x]) != 0 && !visible(x, y))
                    return;
            }
        }
    }
}
} // namespace

QRect CommitExporter::opaqueBounds(const QImage &image)
{
    int left = image.width();
    int right = -1;
    int top = image.height();
    int bottom = -1;
    forEachVisible(image, 0, image.width(), 0, image.height(), [&](int x, int y) {
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
        return true;
    });
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

bool CommitExporter::keepsOpaquePixel(const QImage &image, int dx, int dy)
{
    const qint64 width = image.width();
    const qint64 height = image.height();
    // The source pixels that land on the canvas: x + dx in 0..width-1, and so on.
    const qint64 x0 = std::max<qint64>(0, -qint64(dx));
    const qint64 x1 = std::min<qint64>(width, width - dx);
    const qint64 y0 = std::max<qint64>(0, -qint64(dy));
    const qint64 y1 = std::min<qint64>(height, height - dy);
    if (x0 >= x1 || y0 >= y1)
        return false;
    bool kept = false;
    forEachVisible(image, int(x0), int(x1), int(y0), int(y1), [&](int, int) {
        kept = true;
        return false;
    });
    return kept;
}

Outcome CommitExporter::exportFrames(const DirectorSession &session, CommitInfo *info,
                                     const Progress &progress)
{
    if (const Outcome ready = readyToCommit(session); !ready)
        return ready;

    const RunPaths paths(m_runDir);
    const QString approvedDir = m_runDir + QStringLiteral("/approved");
    if (const QFileInfo info(approvedDir); info.isSymLink() || (info.exists() && !info.isDir())) {
        return Outcome::failed(
            tr("%1 is not a folder of the run (%2): Director writes the "
               "approved frames only inside the run folder.")
                .arg(QDir::toNativeSeparators(approvedDir),
                     info.isSymLink()
                         ? tr("a link to %1").arg(QDir::toNativeSeparators(info.symLinkTarget()))
                         : tr("a file")));
    }
    if (!QDir().mkpath(approvedDir))
        return Outcome::failed(
            tr("Could not create %1.").arg(QDir::toNativeSeparators(approvedDir)));
    // A commit killed before it finished left its staging folder: the
    // session was not marked committed, so nothing in it counts.
    const QString stagingPrefix = QStringLiteral(".director-commit-");
    for (const QString &left :
         QDir(approvedDir)
             .entryList({stagingPrefix + u'*'},
                        QDir::Dirs | QDir::Hidden | QDir::NoSymLinks | QDir::NoDotAndDotDot))
        QDir(approvedDir + u'/' + left).removeRecursively();
    StagingFolder staging;
    staging.path = approvedDir + u'/' + stagingPrefix + QUuid::createUuid().toString(QUuid::Id128);
    if (!QDir().mkdir(staging.path)) {
        return Outcome::failed(
            tr("Could not write to %1.").arg(QDir::toNativeSeparators(approvedDir)));
    }

    // What each frame needs, taken from the session here, on the calling
    // thread: the workers never look at the session (a progress callback
    // that processes events may see it replaced).
    std::vector<FrameJob> jobs;
    jobs.reserve(size_t(session.frames.size()));
    for (const DirectorFrameState &frame : session.frames) { // by frame index
        const DirectorOverrides &overrides = frame.directorOverrides;
        FrameJob job;
        job.frameIndex = frame.frameIndex;
        job.name = frame.id + QStringLiteral(".png");
        job.source = frame.finalImagePath();
        if (overrides.alignment) {
            job.dx = roundOffset(overrides.alignment->userOverrideX);
            job.dy = roundOffset(overrides.alignment->userOverrideY);
        }
        job.patched = overrides.isPatched;
        jobs.push_back(std::move(job));
    }
    const int total = int(jobs.size());

    QSize size = m_expectedSize;
    int first = 0;
    if (!size.isValid()) {
        // The first frame sets the size of all: it is staged before the others start.
        QString why;
        if (!stageFrame(paths, jobs.front(), staging.path, QSize(), &size, &why))
            return Outcome::failed(why);
        first = 1;
        if (progress)
            progress(1, total);
    }
    if (const std::optional<QString> failure =
            stageInParallel(paths, jobs, first, size, staging.path, m_threadCount, progress)) {
        return Outcome::failed(*failure);
    }

    CommitInfo result;
    QStringList names;
    names.reserve(total);
    for (const FrameJob &job : jobs) {
        names.append(job.name);
        result.nudgedCount += (job.dx != 0 || job.dy != 0);
        result.patchedCount += job.patched;
    }

    // Every frame is written: move them into place. rename(2) replaces a
    // pipeline-approved file atomically. What each one replaces is kept (a
    // hard link in the staging folder) until all are in place, so that a
    // move that fails half-way puts approved/ back as it was.
    auto encoded = [](const QString &path) { return QFile::encodeName(path); };
    const QString previous = QStringLiteral(".previous");
    QStringList moved;
    auto rollBack = [&] {
        bool restored = true;
        for (const QString &name : std::as_const(moved)) {
            const QByteArray target = encoded(approvedDir + u'/' + name);
            const QByteArray kept = encoded(staging.path + u'/' + name + previous);
            if (QFileInfo::exists(QFile::decodeName(kept)))
                restored = ::rename(kept.constData(), target.constData()) == 0 && restored;
            else
                restored = ::unlink(target.constData()) == 0 && restored;
        }
        AtomicFile::syncDirectory(approvedDir);
        return restored;
    };
    for (const QString &name : std::as_const(names)) {
        const QByteArray target = encoded(approvedDir + u'/' + name);
        if (QFileInfo::exists(QFile::decodeName(target)) &&
            ::link(target.constData(),
                   encoded(staging.path + u'/' + name + previous).constData()) != 0) {
            return Outcome::failed(tr("Could not keep %1 of approved/ until the new frames are "
                                      "in place: %2")
                                       .arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        }
    }
    for (const QString &name : std::as_const(names)) {
        const QByteArray from = encoded(staging.path + u'/' + name);
        const QByteArray to = encoded(approvedDir + u'/' + name);
        if (::rename(from.constData(), to.constData()) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            const bool restored = rollBack();
            return Outcome::failed(
                (restored ? tr("Could not move %1 into approved/: %2. approved/ is as it was.")
                          : tr("Could not move %1 into approved/: %2. approved/ could not be put "
                               "back as it was: it holds a mix of old and new frames until the "
                               "next commit."))
                    .arg(name, reason));
        }
        moved.append(name);
    }
    if (!AtomicFile::syncDirectory(approvedDir)) {
        return Outcome::failed(tr("The frames were written to %1, but the folder could not be "
                                  "synced to disk.")
                                   .arg(QDir::toNativeSeparators(approvedDir)));
    }
    result.approvedCount = total;
    result.timestamp = Timestamps::now();
    *info = result;
    return Outcome::ok();
}
