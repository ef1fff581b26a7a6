#pragma once

#include "audit/framegeometry.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPoint>
#include <QString>

#include <atomic>
#include <memory>

class SessionManager;
struct DirectorFrameState;
struct DirectorSession;

// The geometry of every frame of the open move against the anchor's, as commit will write
// them (latest patch, offset applied): the baseline gap and the pivot's shift per frame, for
// the motion plot. Measured on Director's BackgroundPool (QtConcurrent), never on the GUI
// thread: decoding 5,000 frames takes seconds. Measured again when the session opens, a frame
// changes (a nudge, a new attempt) or frames are added; a frame whose image and offset did not
// change is not decoded again. The jobs are found on the pool too when the session's frames
// are shared already (after a batch: its undo step holds them), and the tables a new measure
// replaces are freed there. docs/threads.md.
class MoveMetrics : public QObject
{
    Q_OBJECT

public:
    // What one frame is measured from: copies, handed to the pool.
    struct Job
    {
        int frameIndex = -1;
        QString imagePath; // the image commit takes, as the session names it
        QPoint offset;     // rounded as commit rounds it
    };
    struct Frame
    {
        int frameIndex = -1;
        FrameGeometry geometry; // empty when the frame has no image (yet) or no visible pixel
        FrameDrift drift;
    };
    // Geometry already measured, by image path and offset.
    using Known = QHash<QString, FrameGeometry>;
    struct Measured
    {
        QList<Frame> frames; // in frame index order
        Known known;
    };

    explicit MoveMetrics(const SessionManager *manager, QObject *parent = nullptr);
    ~MoveMetrics() override;

    // The latest measure of every frame, in frame index order; empty until the first one is in.
    const QList<Frame> &frames() const { return m_frames; }
    // A measure is under way (or waiting to start).
    bool isBusy() const { return m_watcher.isRunning() || m_again; }

    // The frame the run compares with: the session's anchorFrameId (frame 0 unless the run
    // names another), else the first frame.
    static int anchorIndex(const DirectorSession &session);
    static QList<Job> jobsOf(const DirectorSession &session);
    static QList<Job> jobsOf(const QMap<int, DirectorFrameState> &frames);
    // Measures every job (on any thread): decodes the images from `runDir` that `known` does
    // not hold; stops early, with what it has, once `*cancelled` is set.
    static Measured measure(const QString &runDir, const QList<Job> &jobs, int anchorIndex,
                            Known known, const std::atomic_bool *cancelled = nullptr);

signals:
    // frames() holds a new measure.
    void updated();

private:
    void sessionOpened();
    void request();
    void start();
    void finished();

    const SessionManager *m_manager;
    QFutureWatcher<Measured> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QList<Frame> m_frames;
    Known m_known;
    bool m_again = false; // something changed while a measure was under way
};
