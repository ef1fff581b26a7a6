#include "commit/commitexporter.h"

#include "run/imageloader.h"
#include "run/runpaths.h"
#include "session/timestamps.h"
#include "storage/atomicfile.h"
#include "storage/batchsync.h"

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
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <future>
#include <mutex>
#include <system_error>
#include <vector>

#include <sys/stat.h>

namespace {

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

// What staging one frame came to: Ok, or Failed with a message naming the
// frame; and the size of its image whenever the image could be read.
struct StagedFrame
{
    Outcome outcome;
    QSize decoded;
};

// Checks the size of one frame's image, moves it, encodes it and writes it
// into the staging folder. `expected`, when valid, is the size it must have.
Outcome stageImage(QImage image, const FrameJob &job, const QString &stagingDir,
                   const QSize &expected, BatchSync &batch)
{
    if (expected.isValid() && image.size() != expected) {
        return Outcome::failed(
            CommitExporter::tr("Frame %1: %2 is %3×%4 pixels, but the frames of this run are %5×%6")
                .arg(job.frameIndex)
                .arg(job.source)
                .arg(image.width())
                .arg(image.height())
                .arg(expected.width())
                .arg(expected.height()));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    // Moved in: the decoded image is moved where it lands, not copied. Encoded through a bare
    // view of its pixels: approved/ gets the pixels only, never what the source file carried
    // besides (its text, colour profile, resolution), which the decoded image keeps.
    const QImage moved = CommitExporter::translated(std::move(image), job.dx, job.dy);
    const QImage pixels(moved.constBits(), moved.width(), moved.height(), moved.bytesPerLine(),
                        moved.format());
    if (!pixels.save(&buffer, "PNG")) {
        return Outcome::failed(
            CommitExporter::tr("Frame %1: the image could not be encoded.").arg(job.frameIndex));
    }
    // Written, its writeback started; synced with all the others once every
    // frame is written (BatchSync), put in place by the final renames.
    if (const Outcome written = AtomicFile::writeStaged(stagingDir + u'/' + job.name, png, batch);
        !written) {
        return Outcome::failed(
            CommitExporter::tr("Frame %1: %2").arg(job.frameIndex).arg(written.message()));
    }
    return Outcome::ok();
}

// Reads one frame (inside the run folder only) and stages it.
// Runs on any thread: everything it touches is its own (the resolver: one a
// thread) or read-only.
StagedFrame stageFrame(RunFileResolver &files, const FrameJob &job, const QString &stagingDir,
                       const QSize &expected, BatchSync &batch)
{
    const Result<QString> file = files.resolveExistingFile(job.source);
    Result<QImage> image = file ? ImageLoader::load(*file) : Result<QImage>(file.outcome());
    if (!image) {
        return {Outcome::failed(CommitExporter::tr("Frame %1: %2")
                                    .arg(job.frameIndex)
                                    .arg(image.outcome().message())),
                QSize()};
    }
    const QSize size = image->size();
    return {stageImage(*std::move(image), job, stagingDir, expected, batch), size};
}

// Stages jobs[first..] on several threads of a pool of their own, while the
// calling thread waits and calls the progress callback (done counts
// first + 1, … up to the total). The first failure stops the rest: no frame
// after it is started. Frames are handed out in order, so every frame
// before the one that failed has been staged or failed by the time the
// workers stop: the failure reported is the one of the lowest frame, as one
// frame after the other would report it.
//
// The workers share only what the mutex guards (and the atomic counter of
// the next job); the jobs, paths and sizes are read-only while they run.
class ParallelStaging
{
public:
    ParallelStaging(const RunPaths &paths, const std::vector<FrameJob> &jobs, int first,
                    const QSize &expected, const QString &stagingDir, BatchSync &batch)
        : m_paths(paths), m_jobs(jobs), m_first(first), m_total(int(jobs.size())),
          m_expected(expected), m_stagingDir(stagingDir), m_batch(batch), m_next(first)
    {}

    // Ok when every frame is staged, else Failed with the lowest failing
    // frame's message. Returns only once no worker is left.
    Outcome run(int threads, const CommitExporter::Progress &progress);

private:
    void work();
    bool failedBefore(int job);
    void record(int job, const Outcome &staged);
    int reportProgress(const CommitExporter::Progress &progress);
    void waitForWorkers(std::unique_lock<std::mutex> &lock);
    Outcome outcome(int reported) const;

    const RunPaths &m_paths;
    const std::vector<FrameJob> &m_jobs;
    const int m_first;
    const int m_total;
    const QSize m_expected;
    const QString m_stagingDir;
    BatchSync &m_batch; // takes every staged file (it guards itself)

    // How often the calling thread looks for frames staged and reports them: a worker wakes
    // it only when it stops or a frame fails, not for each frame (a wake-up for each of
    // 1,000 frames cost both cores their time).
    static constexpr std::chrono::milliseconds reportEvery{10};

    // std::mutex rather than QMutex: ThreadSanitizer sees it, and not
    // Debian's Qt (not instrumented), so that it can check this hand-over.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_staged = 0;    // frames written to the staging folder
    int m_failedAt = -1; // the lowest job that failed, or -1
    QString m_failure;   // its message
    int m_workersLeft = 0;
    std::atomic<int> m_next; // the next job to start
};

Outcome ParallelStaging::run(int threads, const CommitExporter::Progress &progress)
{
    if (m_first >= m_total)
        return Outcome::ok();
    // Should the progress callback throw, the pool's destructor waits for
    // the workers before this object, whose state they share, can go.
    QThreadPool pool;
    const int workers = std::clamp(threads, 1, m_total - m_first);
    pool.setMaxThreadCount(workers);
    m_workersLeft = workers; // before any worker is started: starting it orders this first
    QList<QFuture<void>> futures;
    futures.reserve(workers);
    for (int i = 0; i < workers; ++i)
        futures.append(QtConcurrent::run(&pool, [this] { work(); }));
    const int reported = reportProgress(progress);
    for (QFuture<void> &future : futures)
        future.waitForFinished(); // rethrows what a worker threw
    return outcome(reported);
}

// One worker: stages the next job in order until none is left or a frame
// before it has failed.
void ParallelStaging::work()
{
    RunFileResolver files(m_paths); // each worker its own: the folders' real paths, looked up once
    // Even if a frame throws (out of memory), the waiting thread is told.
    const auto leave = qScopeGuard([this] {
        const std::lock_guard lock(m_mutex);
        --m_workersLeft;
        m_changed.notify_all();
    });
    for (;;) {
        const int job = m_next.fetch_add(1);
        if (job >= m_total || failedBefore(job))
            return;
        record(job,
               stageFrame(files, m_jobs[size_t(job)], m_stagingDir, m_expected, m_batch).outcome);
    }
}

// Jobs are taken in order: once one after a failure is taken, so are all the
// rest, and none of them is started.
bool ParallelStaging::failedBefore(int job)
{
    const std::lock_guard lock(m_mutex);
    return m_failedAt >= 0 && job > m_failedAt;
}

// Counts a staged frame, or keeps the failure when it is the lowest so far.
void ParallelStaging::record(int job, const Outcome &staged)
{
    const std::lock_guard lock(m_mutex);
    if (staged) {
        ++m_staged; // the reporter looks every reportEvery: no wake-up for each frame
        return;
    }
    if (m_failedAt < 0 || job < m_failedAt) {
        m_failedAt = job;
        m_failure = staged.message();
    }
    m_changed.notify_all();
}

// Progress on this (the caller's) thread, never under the lock: the callback
// may process events for as long as it likes; the workers go on. Stops
// calling it at the first failure. Returns how many frames were reported
// (the first ones, staged before, included) once every worker is gone.
int ParallelStaging::reportProgress(const CommitExporter::Progress &progress)
{
    int reported = m_first;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait_for(lock, reportEvery,
                           [&] { return m_workersLeft == 0 || m_failedAt >= 0; });
        if (m_failedAt >= 0)
            break;
        const int done = m_staged + m_first;
        if (done == reported) {
            if (m_workersLeft == 0)
                break;
            continue;
        }
        lock.unlock();
        while (reported < done) {
            ++reported;
            if (progress)
                progress(reported, m_total);
        }
        lock.lock();
    }
    waitForWorkers(lock);
    return reported;
}

// The staging folder is removed once the commit returns: no worker may be
// writing into it then.
void ParallelStaging::waitForWorkers(std::unique_lock<std::mutex> &lock)
{
    m_changed.wait(lock, [&] { return m_workersLeft == 0; });
}

// Read once every worker has finished: nothing else touches the state then.
Outcome ParallelStaging::outcome(int reported) const
{
    if (m_failedAt >= 0)
        return Outcome::failed(m_failure);
    if (reported != m_total) // a worker stopped without a word: never move a partial set
        return Outcome::failed(
            CommitExporter::tr("Only %1 of %n frame(s) could be written.", nullptr, m_total)
                .arg(reported));
    return Outcome::ok();
}

// approved/ must be a folder of the run, not a link or a file: Director
// writes the approved frames only inside the run folder. Made when missing.
Outcome makeApprovedFolder(const QString &approvedDir)
{
    if (const QFileInfo info(approvedDir); info.isSymLink() || (info.exists() && !info.isDir())) {
        return Outcome::failed(
            CommitExporter::tr("%1 is not a folder of the run (%2): Director writes the "
                               "approved frames only inside the run folder.")
                .arg(QDir::toNativeSeparators(approvedDir),
                     info.isSymLink() ? CommitExporter::tr("a link to %1")
                                            .arg(QDir::toNativeSeparators(info.symLinkTarget()))
                                      : CommitExporter::tr("a file")));
    }
    if (!QDir().mkpath(approvedDir))
        return Outcome::failed(
            CommitExporter::tr("Could not create %1.").arg(QDir::toNativeSeparators(approvedDir)));
    return Outcome::ok();
}

// The folder inside approved/ that the frames are written into before they
// are moved into place. Removed, whatever is in it, when this goes.
class StagingFolder
{
public:
    StagingFolder() = default;
    StagingFolder(const StagingFolder &) = delete;
    StagingFolder &operator=(const StagingFolder &) = delete;
    ~StagingFolder()
    {
        if (!m_path.isEmpty())
            QDir(m_path).removeRecursively();
    }

    // Removes the staging folders of earlier commits, then makes one of
    // its own, with a name no other commit uses.
    Outcome create(const QString &approvedDir)
    {
        removeLeftOvers(approvedDir);
        m_path = approvedDir + u'/' + prefix() + QUuid::createUuid().toString(QUuid::Id128);
        if (!QDir().mkdir(m_path)) {
            return Outcome::failed(CommitExporter::tr("Could not write to %1.")
                                       .arg(QDir::toNativeSeparators(approvedDir)));
        }
        return Outcome::ok();
    }

    const QString &path() const { return m_path; }

private:
    static QString prefix() { return QStringLiteral(".director-commit-"); }

    // A commit killed before it finished left its staging folder: the
    // session was not marked committed, so nothing in it counts.
    static void removeLeftOvers(const QString &approvedDir)
    {
        for (const QString &left :
             QDir(approvedDir)
                 .entryList({prefix() + u'*'},
                            QDir::Dirs | QDir::Hidden | QDir::NoSymLinks | QDir::NoDotAndDotDot))
            QDir(approvedDir + u'/' + left).removeRecursively();
    }

    QString m_path;
};

// What each frame needs, taken from the session on the calling thread: the
// workers never look at the session (a progress callback that processes
// events may see it replaced). In the order of the frames (by frame index).
std::vector<FrameJob> jobsOf(const DirectorSession &session)
{
    std::vector<FrameJob> jobs;
    jobs.reserve(size_t(session.frames.size()));
    for (const DirectorFrameState &frame : session.frames) {
        const DirectorOverrides &overrides = frame.directorOverrides;
        FrameJob job;
        job.frameIndex = frame.frameIndex;
        job.name = frame.id + QStringLiteral(".png");
        job.source = frame.finalImagePath();
        if (overrides.alignment) {
            job.dx = CommitExporter::roundOffset(overrides.alignment->userOverrideX);
            job.dy = CommitExporter::roundOffset(overrides.alignment->userOverrideY);
        }
        job.patched = overrides.isPatched;
        jobs.push_back(std::move(job));
    }
    return jobs;
}

// Writes every frame into the staging folder, handing each file to `batch`
// (not yet synced). With no expected size, the first frame sets the size of
// all: it is staged (and reported) before the others start.
Outcome stageFrames(const RunPaths &paths, const std::vector<FrameJob> &jobs, QSize expected,
                    const QString &stagingDir, int threads,
                    const CommitExporter::Progress &progress, BatchSync &batch)
{
    int first = 0;
    if (!expected.isValid()) {
        RunFileResolver files(paths);
        const StagedFrame staged = stageFrame(files, jobs.front(), stagingDir, QSize(), batch);
        if (!staged.outcome)
            return staged.outcome;
        expected = staged.decoded;
        first = 1;
        if (progress)
            progress(1, int(jobs.size()));
    }
    return ParallelStaging(paths, jobs, first, expected, stagingDir, batch).run(threads, progress);
}

// Moves the staged frames into approved/. rename(2) replaces a
// pipeline-approved file atomically. What each one replaces is kept (a hard
// link in the staging folder, <name>.previous) until all are in place, so
// that a move that fails half-way puts approved/ back as it was.
class MoveIntoPlace
{
public:
    MoveIntoPlace(const QString &approvedDir, const QString &stagingDir, const QStringList &names)
        : m_approvedDir(approvedDir), m_stagingDir(stagingDir), m_names(names)
    {}

    // Links every file of approved/ that a frame replaces into the staging folder.
    Outcome keepReplaced() const;
    // Renames every staged frame into approved/; when one fails, puts back
    // what was moved before it, and says whether that worked.
    Outcome move();

private:
    bool rollBack() const;

    static QByteArray encoded(const QString &path) { return QFile::encodeName(path); }
    QByteArray inApproved(const QString &name) const
    {
        return encoded(m_approvedDir + u'/' + name);
    }
    QByteArray staged(const QString &name) const { return encoded(m_stagingDir + u'/' + name); }
    QByteArray kept(const QString &name) const
    {
        return encoded(m_stagingDir + u'/' + name + QStringLiteral(".previous"));
    }

    const QString m_approvedDir;
    const QString m_stagingDir;
    const QStringList m_names;
    QStringList m_moved;
};

Outcome MoveIntoPlace::keepReplaced() const
{
    // The file system says what the name finds (a listing compared by name would miss a file
    // on a case-insensitive share, or one a share's cached listing lacks); link(2) keeps a
    // link as the link it is, dangling or not. Nothing there: nothing to keep.
    for (const QString &name : m_names) {
        const QByteArray target = inApproved(name);
        if (::link(target.constData(), kept(name).constData()) != 0 && errno != ENOENT) {
            return Outcome::failed(
                CommitExporter::tr("Could not keep %1 of approved/ until the new frames are "
                                   "in place: %2")
                    .arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        }
    }
    return Outcome::ok();
}

Outcome MoveIntoPlace::move()
{
    for (const QString &name : m_names) {
        const QByteArray from = staged(name);
        const QByteArray to = inApproved(name);
        if (::rename(from.constData(), to.constData()) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            const bool restored = rollBack();
            return Outcome::failed(
                (restored ? CommitExporter::tr(
                                "Could not move %1 into approved/: %2. approved/ is as it was.")
                          : CommitExporter::tr(
                                "Could not move %1 into approved/: %2. approved/ could not be put "
                                "back as it was: it holds a mix of old and new frames until the "
                                "next commit."))
                    .arg(name, reason));
        }
        m_moved.append(name);
    }
    return Outcome::ok();
}

// Puts back what each moved frame replaced, or removes the frame where it
// replaced nothing. True when every one of them could be put back.
bool MoveIntoPlace::rollBack() const
{
    bool restored = true;
    for (const QString &name : m_moved) {
        const QByteArray target = inApproved(name);
        const QByteArray previous = kept(name);
        struct stat info;
        if (::lstat(previous.constData(), &info) == 0) // a link too, as it was kept
            restored = ::rename(previous.constData(), target.constData()) == 0 && restored;
        else
            restored = ::unlink(target.constData()) == 0 && restored;
    }
    AtomicFile::syncDirectory(m_approvedDir);
    return restored;
}

// Every staged frame on the disk: the data of each (one batch of syncs, see
// BatchSync), then the staging folder that names them; only then may a
// rename publish them. A failure leaves approved/ untouched.
Outcome syncStaged(BatchSync &batch, const QString &stagingDir)
{
    if (const Outcome synced = batch.syncAll(); !synced) {
        return Outcome::failed(
            CommitExporter::tr("%1. Nothing was moved into approved/: it is as it was.")
                .arg(synced.message()));
    }
    if (!AtomicFile::syncDirectory(stagingDir)) {
        return Outcome::failed(
            CommitExporter::tr("The frames were written to %1, but the folder could not be "
                               "synced to disk. approved/ is as it was.")
                .arg(QDir::toNativeSeparators(stagingDir)));
    }
    return Outcome::ok();
}

// The batch of syncs, and meanwhile what approved/ holds under the frames' names kept
// (MoveIntoPlace::keepReplaced): the links wait on the file system's CPU, the syncs on the
// disk (1,000 of each took about 10 ms and 20 ms here). Nothing may move until both are done.
Outcome syncStagedAndKeepReplaced(BatchSync &batch, const QString &stagingDir,
                                  const MoveIntoPlace &moves)
{
    std::future<Outcome> keeping;
    try {
        keeping = std::async(std::launch::async, [&moves] { return moves.keepReplaced(); });
    } catch (const std::system_error &) {
        // No thread to be had: they are kept after the syncs, on this one.
    }
    const Outcome synced = syncStaged(batch, stagingDir);
    const Outcome kept = keeping.valid() ? keeping.get()
                         : synced        ? moves.keepReplaced()
                                         : Outcome::ok();
    return !synced ? synced : kept;
}

// The moves are durable once approved/ itself is synced.
Outcome syncApprovedFolder(const QString &approvedDir)
{
    if (!AtomicFile::syncDirectory(approvedDir)) {
        return Outcome::failed(
            CommitExporter::tr("The frames were written to %1, but the folder could not be "
                               "synced to disk.")
                .arg(QDir::toNativeSeparators(approvedDir)));
    }
    return Outcome::ok();
}

QStringList namesOf(const std::vector<FrameJob> &jobs)
{
    QStringList names;
    names.reserve(qsizetype(jobs.size()));
    for (const FrameJob &job : jobs)
        names.append(job.name);
    return names;
}

// What the commit wrote, stamped now.
CommitInfo commitInfoOf(const std::vector<FrameJob> &jobs)
{
    CommitInfo result;
    for (const FrameJob &job : jobs) {
        result.nudgedCount += (job.dx != 0 || job.dy != 0);
        result.patchedCount += job.patched;
    }
    result.approvedCount = int(jobs.size());
    result.timestamp = Timestamps::now();
    return result;
}

} // namespace

QString CommitExporter::blockersNamed(const QStringList &shown, int blocking)
{
    QString list = shown.join(QStringLiteral(", "));
    if (blocking > maxBlockersNamed)
        list = tr("%1 and %n more", "", blocking - maxBlockersNamed).arg(list);
    return list;
}

// Every frame approved has an image to write (a session a script or a hand made can approve a
// frame that has none): else refused, the frames named.
Outcome CommitExporter::withImages(const DirectorSession &session)
{
    QStringList shown;
    int without = 0;
    for (const DirectorFrameState &frame : session.frames) {
        if (frame.finalImagePath().isEmpty() && ++without <= maxBlockersNamed)
            shown.append(QString::number(frame.frameIndex));
    }
    if (without == 0)
        return Outcome::ok();
    return Outcome::refused(
        tr("Commit writes every frame's image; %n approved frame(s) have none: %1", "", without)
            .arg(blockersNamed(shown, without)));
}

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
        return withImages(session);
    return Outcome::refused(
        tr("Commit needs every frame approved; %n frame(s) are not: %1", "", blocking)
            .arg(blockersNamed(shown, blocking)));
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

QImage CommitExporter::translated(QImage image, int dx, int dy)
{
    // 8 or 16 bits a channel, as the image has (never premultiplied: pixels
    // are copied as they are).
    const QImage::Format format =
        image.format() == QImage::Format_RGBA64 ? QImage::Format_RGBA64 : QImage::Format_ARGB32;
    if (image.format() != format) // convertTo() copies a shared image even to its own format
        image.convertTo(format);
    if (dx == 0 && dy == 0)
        return image;
    const int width = image.width();
    const int height = image.height();
    // In place: an image no one else holds is moved without a copy (bits() copies it first
    // only when it is shared). Rows are moved towards dy, each from a row not yet written.
    uchar *bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    const size_t pixelBytes = size_t(image.depth() / 8);
    // The columns that stay on the canvas, where they land; transparent is all bits zero.
    const int x0 = std::clamp(dx, 0, width);
    const int x1 = std::clamp(width + dx, x0, width);
    auto moveRow = [&](int y) {
        uchar *to = bits + y * stride;
        const qint64 from = qint64(y) - dy; // any dy, no overflow
        if (from < 0 || from >= height || x0 == x1) {
            std::memset(to, 0, pixelBytes * size_t(width));
            return;
        }
        std::memmove(to + size_t(x0) * pixelBytes,
                     bits + from * stride + size_t(x0 - dx) * pixelBytes,
                     pixelBytes * size_t(x1 - x0));
        std::memset(to, 0, pixelBytes * size_t(x0));
        std::memset(to + size_t(x1) * pixelBytes, 0, pixelBytes * size_t(width - x1));
    };
    if (dy > 0) {
        for (int y = height - 1; y >= 0; --y)
            moveRow(y);
    } else {
        for (int y = 0; y < height; ++y)
            moveRow(y);
    }
    return image;
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
    const QString approvedDir = m_runDir + QStringLiteral("/approved");
    if (const Outcome made = makeApprovedFolder(approvedDir); !made)
        return made;
    StagingFolder staging;
    if (const Outcome created = staging.create(approvedDir); !created)
        return created;
    const std::vector<FrameJob> jobs = jobsOf(session);
    const RunPaths paths(m_runDir);
    // Declared after the staging folder: its files are closed before the folder goes.
    BatchSync batch(m_syncOptions);
    if (const Outcome staged = stageFrames(paths, jobs, m_expectedSize, staging.path(),
                                           m_threadCount, progress, batch);
        !staged)
        return staged;
    MoveIntoPlace moves(approvedDir, staging.path(), namesOf(jobs));
    if (const Outcome synced = syncStagedAndKeepReplaced(batch, staging.path(), moves); !synced)
        return synced;
    // Every frame is written: move them into place.
    if (const Outcome moved = moves.move(); !moved)
        return moved;
    if (const Outcome synced = syncApprovedFolder(approvedDir); !synced)
        return synced;
    *info = commitInfoOf(jobs);
    return Outcome::ok();
}
