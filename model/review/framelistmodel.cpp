#include "review/framelistmodel.h"

#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

#include <QPointF>
#include <QSet>
#include <QtConcurrent/qtconcurrenttask.h>
#include <QThread>

#include <algorithm>
#include <limits>

namespace {
// The thumbnail of a frame's image as the filmstrip shows it, or why there is
// none. Runs on the model's pool: it touches no shared state.
Result<QImage> makeThumbnail(const QString &runDir, const QString &storedPath)
{
    const Result<QImage> loaded = ImageLoader::loadFromRun(RunPaths(runDir), storedPath);
    if (!loaded)
        return loaded;
    const QImage &image = *loaded;
    // Pixel art stays sharp: scaled up by the largest whole factor that fits,
    // nearest neighbour, so that every source pixel is the same square. Only
    // a frame larger than a thumbnail is scaled down, smoothly.
    constexpr int side = FrameListModel::thumbnailSize;
    if (image.width() > side || image.height() > side)
        return image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const int factor = std::max(1, std::min(side / image.width(), side / image.height()));
    return factor == 1
               ? image
               : image.scaled(image.size() * factor, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}
} // namespace

FrameListModel::FrameListModel(SessionManager *manager, QObject *parent)
    : QAbstractListModel(parent), m_manager(manager)
{
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    connect(manager, &SessionManager::sessionOpened, this, &FrameListModel::reset);
    connect(manager, &SessionManager::frameChanged, this, &FrameListModel::frameChanged);
    connect(manager, &SessionManager::framesChanged, this, &FrameListModel::framesChanged);
    connect(manager, &SessionManager::framesAdded, this, &FrameListModel::framesAdded);
    reset();
}

FrameListModel::~FrameListModel()
{
    // A decode that is running posts its result to this model: wait for it.
    // Its result is then dropped with the model's posted events.
    m_pool.clear();
    m_pool.waitForDone();
}

void FrameListModel::reset()
{
    beginResetModel();
    m_pool.clear(); // decodes for the previous session that have not started
    m_frames = m_manager->hasSession() ? m_manager->session().frames.keys() : QList<int>();
    m_thumbnails.clear(); // and the results of those running are dropped
    endResetModel();
}

void FrameListModel::frameChanged(int frameIndex)
{
    const int row = rowOfFrame(frameIndex);
    if (row < 0)
        return;
    forgetStaleThumbnail(frameIndex);
    const QModelIndex index = this->index(row);
    emit dataChanged(index, index);
}

void FrameListModel::forgetStaleThumbnail(int frameIndex)
{
    // Another image (or a patch of it): the thumbnail is made again when it
    // is asked for, and a decode of the previous image still running is
    // dropped when it is done.
    const auto cached = m_thumbnails.constFind(frameIndex);
    if (cached == m_thumbnails.cend())
        return;
    // The frame as the session holds it, not copied.
    const QMap<int, DirectorFrameState> *frames =
        m_manager->hasSession() ? &m_manager->session().frames : nullptr;
    const auto frame =
        frames ? frames->constFind(frameIndex) : QMap<int, DirectorFrameState>::const_iterator();
    if (!frames || frame == frames->cend() || !cached->isOf(*frame))
        m_thumbnails.erase(cached);
}

void FrameListModel::framesChanged(const QList<int> &frameIndexes)
{
    // Only the frames with a thumbnail (those the filmstrip has shown) can have a stale one:
    // the smaller of the two is walked.
    if (m_thumbnails.size() < frameIndexes.size()) {
        // The frames come in index order: searched, not put in a set first.
        const bool sorted = std::is_sorted(frameIndexes.cbegin(), frameIndexes.cend());
        const QSet<int> changed =
            sorted ? QSet<int>() : QSet<int>(frameIndexes.cbegin(), frameIndexes.cend());
        QList<int> cached;
        for (auto it = m_thumbnails.cbegin(); it != m_thumbnails.cend(); ++it) {
            if (sorted ? std::binary_search(frameIndexes.cbegin(), frameIndexes.cend(), it.key())
                       : changed.contains(it.key()))
                cached.append(it.key());
        }
        for (const int frameIndex : std::as_const(cached))
            forgetStaleThumbnail(frameIndex);
    } else {
        for (const int frameIndex : frameIndexes)
            forgetStaleThumbnail(frameIndex);
    }
    // One dataChanged for each block of adjacent rows (the frames come in index order, as
    // the rows are); for frames scattered in more blocks than that, one from the first row
    // changed to the last (each signal is work for every view and proxy).
    constexpr qsizetype mostBlocks = 16;
    QList<std::pair<int, int>> blocks;
    for (const int frameIndex : frameIndexes) {
        const int row = rowOfFrame(frameIndex);
        if (row < 0)
            continue;
        if (!blocks.isEmpty() && row == blocks.last().second + 1)
            blocks.last().second = row;
        else
            blocks.append({row, row});
    }
    if (blocks.size() > mostBlocks) {
        int first = blocks.constFirst().first;
        int last = blocks.constFirst().second;
        for (const auto &[top, bottom] : std::as_const(blocks)) {
            first = std::min(first, top);
            last = std::max(last, bottom);
        }
        blocks = {{first, last}};
    }
    for (const auto &[first, last] : std::as_const(blocks))
        emit dataChanged(index(first), index(last));
}

void FrameListModel::framesAdded(const QList<int> &frameIndexes)
{
    for (const int frameIndex : frameIndexes) {
        const auto it = std::lower_bound(m_frames.cbegin(), m_frames.cend(), frameIndex);
        if (it != m_frames.cend() && *it == frameIndex)
            continue;
        const int row = int(it - m_frames.cbegin());
        beginInsertRows(QModelIndex(), row, row);
        m_frames.insert(row, frameIndex);
        endInsertRows();
    }
}

int FrameListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_frames.size());
}

int FrameListModel::rowOfFrame(int frameIndex) const
{
    const auto it = std::lower_bound(m_frames.cbegin(), m_frames.cend(), frameIndex);
    return it != m_frames.cend() && *it == frameIndex ? int(it - m_frames.cbegin()) : -1;
}

int FrameListModel::frameAtRow(int row) const
{
    return row >= 0 && row < m_frames.size() ? m_frames.at(row) : -1;
}

bool FrameListModel::Thumbnail::isOf(const DirectorFrameState &frame) const
{
    return path == frame.finalImagePath() && patches == frame.directorOverrides.patchHistory.size();
}

const FrameListModel::Thumbnail &FrameListModel::thumbnail(int frameIndex,
                                                           const DirectorFrameState &frame) const
{
    const auto known = m_thumbnails.constFind(frameIndex);
    if (known != m_thumbnails.cend() && known->isOf(frame))
        return *known; // made, failed, or on its way
    Thumbnail &cached = m_thumbnails[frameIndex];
    // What commit takes: the latest patch of a patched frame.
    const QString &path = frame.finalImagePath();
    cached = Thumbnail{path, frame.directorOverrides.patchHistory.size(), {}, {}, false, 0};
    if (path.isEmpty()) {
        cached.error = tr("No image yet");
        return cached;
    }
    cached.loading = true;
    cached.ticket = ++m_lastTicket;
    ++m_decodesStarted;
    // The model outlives every decode (its destructor waits for them), so a
    // decode may post its result to it.
    auto *model = const_cast<FrameListModel *>(this);
    QtConcurrent::task(
        [model, ticket = cached.ticket, frameIndex, path, runDir = m_manager->runDir()] {
            const Result<QImage> made = makeThumbnail(runDir, path);
            const QImage image = made.valueOr(QImage());
            const QString error = made.outcome().message();
            QMetaObject::invokeMethod(
                model, [=] { model->thumbnailMade(ticket, frameIndex, image, error); },
                Qt::QueuedConnection);
        })
        .onThreadPool(m_pool)
        .withPriority(int(std::min<quint64>(cached.ticket, std::numeric_limits<int>::max())))
        .spawn(QtConcurrent::FutureResult::Ignore);
    return cached;
}

void FrameListModel::thumbnailMade(quint64 ticket, int frameIndex, const QImage &image,
                                   const QString &error)
{
    Q_ASSERT(!image.isNull() || !error.isEmpty());
    const auto cached = m_thumbnails.find(frameIndex);
    if (cached == m_thumbnails.end() || !cached->loading || cached->ticket != ticket)
        return; // made for a session or an image that is no longer shown
    cached->image = image;
    cached->error = image.isNull() ? error : QString();
    cached->loading = false;
    const int row = rowOfFrame(frameIndex);
    Q_ASSERT(row >= 0);
    const QModelIndex index = this->index(row);
    emit dataChanged(index, index, {Qt::DecorationRole, ImageErrorRole, ThumbnailLoadingRole});
}

QVariant FrameListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int frameIndex = m_frames.at(index.row());
    // The session's own frame, not a copy: the delegate asks for a dozen roles of every cell
    // it paints.
    if (!m_manager->hasSession())
        return {};
    const QMap<int, DirectorFrameState> &frames = m_manager->session().frames;
    const auto frame = frames.constFind(frameIndex);
    if (frame == frames.cend())
        return {};
    const DirectorOverrides &overrides = frame->directorOverrides;
    switch (role) {
    case Qt::DisplayRole:
        return QString::number(frameIndex);
    case Qt::ToolTipRole: {
        QString tip = tr("Frame %1 · %2 · score %3")
                          .arg(frameIndex)
                          .arg(frameStatusName(frame->status))
                          .arg(frame->auditReport.compositeScore, 0, 'f', 2);
        if (!frame->auditReport.flags.isEmpty())
            tip += QLatin1Char('\n') + frame->auditReport.flags.join(QStringLiteral(", "));
        return tip;
    }
    case Qt::DecorationRole:
        return thumbnail(frameIndex, *frame).image; // null while it is made
    case Qt::AccessibleTextRole:
        return tr("Frame %1, %2").arg(frameIndex).arg(frameStatusName(frame->status));
    case FrameIndexRole:
        return frameIndex;
    case FrameIdRole:
        return frame->id;
    case StatusRole:
        return int(frame->status);
    case FlagsRole:
        return frame->auditReport.flags;
    case ScoreRole:
        return frame->auditReport.compositeScore;
    case AlignmentRole:
        return overrides.alignment
                   ? QPointF(overrides.alignment->userOverrideX, overrides.alignment->userOverrideY)
                   : QPointF();
    case NudgedRole:
        return overrides.alignment.has_value();
    case PatchedRole:
        return overrides.isPatched;
    case NotedRole:
        return overrides.notes.has_value();
    case NotesRole:
        return overrides.notes.value_or(QString());
    case ImagePathRole: {
        if (frame->finalImagePath().isEmpty())
            return QString();
        const RunPaths paths(m_manager->runDir());
        return paths.resolveExistingFile(frame->finalImagePath()).valueOr(QString());
    }
    case NeedsAttentionRole:
        return frame->status != FrameStatus::Approved;
    case ImageErrorRole:
        return thumbnail(frameIndex, *frame).error; // empty while it is made
    case ThumbnailLoadingRole: {
        const auto cached = m_thumbnails.constFind(frameIndex);
        return cached == m_thumbnails.cend() || !cached->isOf(*frame) || cached->loading;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> FrameListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(FrameIndexRole, "frameIndex");
    names.insert(FrameIdRole, "frameId");
    names.insert(StatusRole, "status");
    names.insert(FlagsRole, "flags");
    names.insert(ScoreRole, "score");
    names.insert(AlignmentRole, "alignment");
    names.insert(NudgedRole, "nudged");
    names.insert(PatchedRole, "patched");
    names.insert(NotedRole, "noted");
    names.insert(NotesRole, "notes");
    names.insert(ImagePathRole, "imagePath");
    names.insert(NeedsAttentionRole, "needsAttention");
    names.insert(ImageErrorRole, "imageError");
    names.insert(ThumbnailLoadingRole, "thumbnailLoading");
    return names;
}
