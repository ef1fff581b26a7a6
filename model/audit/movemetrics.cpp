#include "audit/movemetrics.h"

#include "commit/commitexporter.h"
#include "core/backgroundpool.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

#include <QtConcurrent>
#include <QThreadPool>

#include <utility>

namespace {

QString keyOf(const MoveMetrics::Job &job)
{
    return QStringLiteral("%1,%2 %3").arg(job.offset.x()).arg(job.offset.y()).arg(job.imagePath);
}

FrameGeometry geometryOf(const RunPaths &paths, const MoveMetrics::Job &job)
{
    if (job.imagePath.isEmpty())
        return {};
    Result<QImage> image = ImageLoader::loadFromRun(paths, job.imagePath);
    if (!image)
        return {};
    // Placed exactly as commit places it (moved in: no copy).
    return FrameGeometry::of(
        CommitExporter::translated(*std::move(image), job.offset.x(), job.offset.y()));
}

} // namespace

MoveMetrics::MoveMetrics(const SessionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager)
{
    connect(&m_watcher, &QFutureWatcher<Measured>::finished, this, &MoveMetrics::finished);
    connect(manager, &SessionManager::sessionOpened, this, &MoveMetrics::sessionOpened);
    connect(manager, &SessionManager::frameChanged, this, &MoveMetrics::request);
    connect(manager, &SessionManager::framesChanged, this, &MoveMetrics::request);
    connect(manager, &SessionManager::framesAdded, this, &MoveMetrics::request);
    if (manager->hasSession())
        sessionOpened();
}

MoveMetrics::~MoveMetrics()
{
    // The manager may be gone already: nothing starts again.
    disconnect(&m_watcher, nullptr, this, nullptr);
    if (m_cancelled)
        m_cancelled->store(true);
    // A result taken (takeResult) leaves the future invalid, never finished: not waited for.
    if (m_watcher.future().isValid())
        m_watcher.waitForFinished();
}

int MoveMetrics::anchorIndex(const DirectorSession &session)
{
    const QString &id = session.anchorFrameId;
    bool isNumber = false;
    const int index = id.startsWith(QLatin1String("frame_")) ? id.mid(6).toInt(&isNumber) : -1;
    if (isNumber && session.frames.contains(index) && DirectorFrameState::idForIndex(index) == id)
        return index;
    return session.frames.isEmpty() ? -1 : session.frames.firstKey();
}

QList<MoveMetrics::Job> MoveMetrics::jobsOf(const DirectorSession &session)
{
    return jobsOf(session.frames);
}

QList<MoveMetrics::Job> MoveMetrics::jobsOf(const QMap<int, DirectorFrameState> &frames)
{
    QList<Job> jobs;
    jobs.reserve(frames.size());
    for (auto it = frames.cbegin(); it != frames.cend(); ++it) {
        const std::optional<HumanAlignmentDelta> &a = it->directorOverrides.alignment;
        const QPoint offset = a ? QPoint(CommitExporter::roundOffset(a->userOverrideX),
                                         CommitExporter::roundOffset(a->userOverrideY))
                                : QPoint();
        jobs.append({it.key(), it->finalImagePath(), offset});
    }
    return jobs;
}

MoveMetrics::Measured MoveMetrics::measure(const QString &runDir, const QList<Job> &jobs,
                                           int anchorIndex, Known known,
                                           const std::atomic_bool *cancelled)
{
    const RunPaths paths(runDir);
    Measured measured;
    Known used; // only what the session still names is kept
    measured.frames.reserve(jobs.size());
    FrameGeometry anchor;
    for (const Job &job : jobs) {
        if (cancelled && cancelled->load())
            return measured;
        const QString key = keyOf(job);
        const auto it = known.constFind(key);
        const FrameGeometry geometry = it != known.cend() ? *it : geometryOf(paths, job);
        used.insert(key, geometry);
        if (job.frameIndex == anchorIndex)
            anchor = geometry;
        measured.frames.append({job.frameIndex, geometry, {}});
    }
    for (Frame &frame : measured.frames)
        frame.drift = FrameDrift::between(frame.geometry, anchor);
    measured.known = std::move(used);
    return measured;
}

void MoveMetrics::sessionOpened()
{
    // Another run's frames may have the same paths: nothing measured before is kept.
    if (m_cancelled)
        m_cancelled->store(true);
    // Thousands of frames and paths, freed off the GUI thread.
    BackgroundPool::start(
        [frames = std::exchange(m_frames, {}), known = std::exchange(m_known, {})]() mutable {
            frames = {};
            known = {};
        });
    emit updated();
    request();
}

void MoveMetrics::request()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    start();
}

void MoveMetrics::start()
{
    m_again = false;
    if (!m_manager->hasSession())
        return;
    const DirectorSession &session = m_manager->session();
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    // The jobs (a walk of every frame) are found on the pool when the session's frames are
    // shared already (a batch's undo step, a save under way hold them): they are let go of as
    // soon as the jobs are found. Otherwise here: a share held by the pool would make an edit
    // meanwhile copy every frame.
    const bool onPool = !session.frames.isDetached();
    m_watcher.setFuture(BackgroundPool::run(
        [runDir = m_manager->runDir(),
         frames = onPool ? session.frames : QMap<int, DirectorFrameState>(),
         jobs = onPool ? QList<Job>() : jobsOf(session), anchor = anchorIndex(session),
         known = m_known, cancelled = m_cancelled, onPool]() mutable {
            if (onPool) {
                jobs = jobsOf(frames);
                frames = {};
            }
            return measure(runDir, jobs, anchor, std::move(known), cancelled.get());
        }));
}

void MoveMetrics::finished()
{
    const bool cancelled = m_cancelled && m_cancelled->load();
    if (!cancelled) {
        // Taken, not copied; what they replace (thousands of frames and paths) is freed off
        // the GUI thread.
        Measured measured = m_watcher.future().takeResult();
        BackgroundPool::start(
            [frames = std::exchange(m_frames, std::move(measured.frames)),
             known = std::exchange(m_known, std::move(measured.known))]() mutable {
                frames = {};
                known = {};
            });
        emit updated();
    }
    if (m_again || cancelled)
        start();
}
