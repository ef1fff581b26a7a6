#pragma once

#include "core/result.h"
#include "preview/previewprogress.h"
#include "session/directorsession.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

// The frames a preview of the move shows (director preview, File → Export Preview…): the
// session's frames in index order, or only its APPROVED ones, each as commit would write it
// (FrameImages::placementOf and FrameImages::place: the latest patch, moved by the frame's offset),
// all on one canvas size. Reads the run folder only; works on copies, on any thread.
class PreviewFrames
{
    Q_DECLARE_TR_FUNCTIONS(PreviewFrames)

public:
    enum class Which
    {
        All,          // every frame of the session
        ApprovedOnly, // the APPROVED frames only
    };

    struct Frame
    {
        int frameIndex = 0;
        // As commit would write it, in ARGB32 (RGBA64 for a frame of 16 bits a channel); null
        // when the frame has no image yet.
        QImage image;
    };

    // The frames of `session` (of the run folder `runDir`) that `which` selects. The canvas is
    // `targetSize` square (the manifest's size, the one commit expects) or, when that is 0,
    // the size of the first frame with an image. Failed when no frame is selected, none has an
    // image yet, a frame's image cannot be read, or a frame has another size than the canvas;
    // PreviewProgress::stopped() when `progress` asks it to stop (before each frame; one step
    // for each frame selected).
    static Result<PreviewFrames> collect(const QString &runDir, const DirectorSession &session,
                                         int targetSize, Which which,
                                         const PreviewProgress &progress = {});
    // How many frames of `session` `which` selects: what collect() takes, with or without
    // an image.
    static int count(const DirectorSession &session, Which which);

    const QList<Frame> &frames() const { return m_frames; }
    QSize canvasSize() const { return m_canvasSize; }
    // How many of the frames have an image.
    int withImage() const;

private:
    static bool selects(const DirectorFrameState &frame, Which which);
    Outcome add(const QString &runDir, const DirectorFrameState &frame);

    QList<Frame> m_frames;
    QSize m_canvasSize;
};
