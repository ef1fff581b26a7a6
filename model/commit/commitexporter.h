#pragma once

#include "core/outcome.h"
#include "session/directorsession.h"
#include "storage/batchsync.h"

#include <QCoreApplication>
#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>

#include <functional>

// Writes the final frames of a session to <run>/approved/frame_NNNN.png:
// for every frame the latest patched image if it was patched, else its
// image, moved by its alignment (the frame's total offset, rounded as the
// pipeline rounds) as an exact translation on a same-size transparent canvas.
// What approved/ holds for the pipeline: docs/run-folder.md.
//
// All outputs are first written into a staging folder inside approved/; only
// when every frame is written are they synced, together (BatchSync: the
// file system commits its journal a few times, not once a frame), then the
// staging folder; only then are they renamed into place and approved/
// synced, so a failure leaves approved/ as it was, never a partial set.
//
// Frames are read, moved, encoded and staged on several threads at once (a
// thread pool of the exporter's own); the moves into approved/ are done one
// after the other on the calling thread, as is every call to the progress
// callback. The outcome does not depend on the threads: the same files, and
// when several frames fail, the message of the lowest frame.
class CommitExporter
{
    Q_DECLARE_TR_FUNCTIONS(CommitExporter)

public:
    // Called on the thread that called exportFrames(), with done = 1, 2, …
    // total as frames are staged (never under a lock: it may process events
    // while the workers go on). Not called again once a frame has failed.
    using Progress = std::function<void(int done, int total)>;

    explicit CommitExporter(const QString &runDir);

    // The size every frame must have (the manifest's target size). When it
    // is not set, every frame must have the size of the first one: an atlas
    // needs frames of one size.
    void setExpectedSize(const QSize &size) { m_expectedSize = size; }
    // How many frames are staged at once; 0 or less: QThread::idealThreadCount().
    void setThreadCount(int threads);
    int threadCount() const { return m_threadCount; }
    // How the staged frames are synced (BatchSync); the default is the
    // fastest measured. For benchmarks (bench_commit compares the ways).
    void setSyncOptions(const BatchSync::Options &options) { m_syncOptions = options; }

    // Refused (naming the frames) unless the session is active and every frame
    // is APPROVED. On success fills *info (the session is not changed here).
    Outcome exportFrames(const DirectorSession &session, CommitInfo *info,
                         const Progress &progress = {});

    // Ok when the session can be committed: it is active, has frames, and every one is
    // APPROVED and has an image. Otherwise Refused, saying why: the frames that are not
    // APPROVED (or have no image), the first maxBlockersNamed of them by number, and how many
    // more.
    static constexpr int maxBlockersNamed = 20;
    static Outcome readyToCommit(const DirectorSession &session);

    // The pipeline's rounding: halves toward +infinity (-2.5 -> -2, 2.5 -> 3).
    static int roundOffset(double value);
    // The image moved by (dx, dy) on a same-size transparent canvas; negative
    // dx moves left, negative dy moves up; pixels moved out are lost.
    // 16 bits a channel (RGBA64) stay 16 bits; anything else becomes ARGB32.
    // An image given that no one else holds (moved in) is moved in place, with no copy;
    // with no move and the right format, it is returned as it is.
    static QImage translated(QImage image, int dx, int dy);
    // The bounding box of the pixels that are not fully transparent; null
    // when there is none.
    static QRect opaqueBounds(const QImage &image);
    // Whether translated(image, dx, dy) keeps at least one pixel that is not
    // fully transparent.
    static bool keepsOpaquePixel(const QImage &image, int dx, int dy);

private:
    static Outcome withImages(const DirectorSession &session);
    // The frames `shown` (the first maxBlockersNamed of `blocking`), and how many more.
    static QString blockersNamed(const QStringList &shown, int blocking);
    QString m_runDir;
    QSize m_expectedSize;
    int m_threadCount;
    BatchSync::Options m_syncOptions;
};
