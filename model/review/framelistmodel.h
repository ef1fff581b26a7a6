#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QImage>
#include <QList>
#include <QThreadPool>

class SessionManager;
struct DirectorFrameState;

// One row per frame of the open session, in frame order. The model only
// answers roles; the filmstrip's delegate paints. dataChanged is emitted for
// exactly the rows whose frames changed.
//
// Thumbnails are made off the GUI thread: the first request for a row's
// Qt::DecorationRole (or ImageErrorRole) starts one decode on the model's own
// thread pool and answers a null image (or no error) meanwhile, while
// ThumbnailLoadingRole is true. When the decode is done, the thumbnail (or its
// error) is cached and dataChanged(row, row, {Qt::DecorationRole,
// ImageErrorRole, ThumbnailLoadingRole}) is emitted for that row alone. Only
// requested rows are decoded, each once for its image. A reopened session, or
// a frame with a new image path or a new patch, drops the cached thumbnail;
// a decode made for what is no longer shown is dropped when it is done.
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
        ThumbnailLoadingRole,              // bool: not made yet (asking starts nothing)
    };
    Q_ENUM(Role)

    static constexpr int thumbnailSize = 64;

    explicit FrameListModel(SessionManager *manager, QObject *parent = nullptr);
    // Waits for the decodes that are running; those not started are dropped.
    ~FrameListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    SessionManager *manager() const { return m_manager; }
    int rowOfFrame(int frameIndex) const;
    int frameAtRow(int row) const;

    // How many thumbnail decodes this model has started (tests, benchmarks).
    int thumbnailDecodesStarted() const { return m_decodesStarted; }

private:
    struct Thumbnail
    {
        // What it is made from: the frame's image path, and how many patches
        // the frame had (a patch may rewrite the image in place).
        QString path;
        qsizetype patches = 0;
        QImage image;
        QString error;
        bool loading = false;
        quint64 ticket = 0; // of the decode that makes it

        bool isOf(const DirectorFrameState &frame) const;
    };

    void reset();
    void frameChanged(int frameIndex);
    // A batch: one dataChanged for each block of adjacent rows changed (at most 16; more are
    // one from the first row changed to the last).
    void framesChanged(const QList<int> &frameIndexes);
    // Drops the frame's thumbnail when it is not of the frame's image now.
    void forgetStaleThumbnail(int frameIndex);
    void framesAdded(const QList<int> &frameIndexes);
    // The frame's thumbnail as far as it is known; starts its decode when it
    // has not been asked for yet.
    const Thumbnail &thumbnail(int frameIndex, const DirectorFrameState &frame) const;
    void thumbnailMade(quint64 ticket, int frameIndex, const QImage &image, const QString &error);

    SessionManager *m_manager;
    QList<int> m_frames; // frame index of each row
    mutable QHash<int, Thumbnail> m_thumbnails;
    // Numbers every decode. A result is kept only when its frame's thumbnail
    // still waits for that decode: not after a reset, nor after the frame got
    // another image. Later decodes go first in the pool, so that what is on
    // screen now is made before what was scrolled past.
    mutable quint64 m_lastTicket = 0;
    mutable int m_decodesStarted = 0;
    // At most one thread fewer than there are cores: the GUI thread keeps one.
    mutable QThreadPool m_pool;
};
