#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QImage>
#include <QList>

class SessionManager;

// One row per frame of the open session, in frame order. The model only
// answers roles; the filmstrip's delegate paints. dataChanged is emitted for
// exactly the rows whose frames changed.
class FrameListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        FrameIndexRole = Qt::UserRole + 1, // int
        FrameIdRole,                       // QString "frame_0003"
        StatusRole,                        // int (FrameStatus)
        FlagsRole,                         // QStringList
        ScoreRole,                         // double, 0..1
        AlignmentRole,                     // QPointF, the total offset; null when none
        NudgedRole,                        // bool
        PatchedRole,                       // bool
        NotedRole,                         // bool
        NotesRole,                         // QString
        ImagePathRole,                     // QString, absolute; empty when there is none
        NeedsAttentionRole,                // bool: not approved yet
        ImageErrorRole,                    // QString: why the image cannot be shown
    };
    Q_ENUM(Role)

    static constexpr int thumbnailSize = 64;

    explicit FrameListModel(SessionManager *manager, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOfFrame(int frameIndex) const;
    int frameAtRow(int row) const;

private:
    void reset();
    void frameChanged(int frameIndex);
    QImage thumbnail(int frameIndex) const;

    SessionManager *m_manager;
    QList<int> m_frames; // frame index of each row
    struct Thumbnail
    {
        QString path;
        QImage image;
        QString error;
    };
    mutable QHash<int, Thumbnail> m_thumbnails;
};
