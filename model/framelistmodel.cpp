#include "framelistmodel.h"

#include "imageloader.h"
#include "runpaths.h"
#include "sessionmanager.h"

#include <QPointF>

#include <algorithm>

FrameListModel::FrameListModel(SessionManager *manager, QObject *parent)
    : QAbstractListModel(parent), m_manager(manager)
{
    connect(manager, &SessionManager::sessionOpened, this, &FrameListModel::reset);
    connect(manager, &SessionManager::frameChanged, this, &FrameListModel::frameChanged);
    reset();
}

void FrameListModel::reset()
{
    beginResetModel();
    m_frames = m_manager->hasSession() ? m_manager->session().frames.keys() : QList<int>();
    m_thumbnails.clear();
    endResetModel();
}

void FrameListModel::frameChanged(int frameIndex)
{
    const int row = rowOfFrame(frameIndex);
    if (row < 0)
        return;
    const QModelIndex index = this->index(row);
    emit dataChanged(index, index);
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

QImage FrameListModel::thumbnail(int frameIndex) const
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame)
        return {};
    Thumbnail &cached = m_thumbnails[frameIndex];
    if (cached.path == frame->imagePath && (!cached.image.isNull() || !cached.error.isEmpty()))
        return cached.image;
    cached = Thumbnail{frame->imagePath, {}, {}};
    if (frame->imagePath.isEmpty()) {
        cached.error = tr("No image yet");
        return {};
    }
    const RunPaths paths(m_manager->runDir());
    QString error;
    const std::optional<QString> file = paths.resolveExistingFile(frame->imagePath, &error);
    QImage image = file ? ImageLoader::load(*file, &error) : QImage();
    if (image.isNull()) {
        cached.error = error;
        return {};
    }
    // Pixel art stays sharp: scaled up by the largest whole factor that fits,
    // nearest neighbour, so that every source pixel is the same square. Only
    // a frame larger than a thumbnail is scaled down, smoothly.
    if (image.width() > thumbnailSize || image.height() > thumbnailSize) {
        cached.image = image.scaled(thumbnailSize, thumbnailSize, Qt::KeepAspectRatio,
                                    Qt::SmoothTransformation);
    } else {
        const int factor =
            std::max(1, std::min(thumbnailSize / image.width(), thumbnailSize / image.height()));
        cached.image = factor == 1 ? image
                                   : image.scaled(image.size() * factor, Qt::IgnoreAspectRatio,
                                                  Qt::FastTransformation);
    }
    return cached.image;
}

QVariant FrameListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int frameIndex = m_frames.at(index.row());
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame)
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
        return thumbnail(frameIndex);
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
        if (frame->imagePath.isEmpty())
            return QString();
        const RunPaths paths(m_manager->runDir());
        return paths.resolveExistingFile(frame->imagePath, nullptr).value_or(QString());
    }
    case NeedsAttentionRole:
        return frame->status != FrameStatus::Approved;
    case ImageErrorRole:
        thumbnail(frameIndex);
        return m_thumbnails.value(frameIndex).error;
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
    return names;
}
