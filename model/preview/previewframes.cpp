#include "preview/previewframes.h"

#include "review/frameimages.h"

#include <algorithm>

bool PreviewFrames::selects(const DirectorFrameState &frame, Which which)
{
    return which == Which::All || frame.status == FrameStatus::Approved;
}

int PreviewFrames::count(const DirectorSession &session, Which which)
{
    return int(std::count_if(session.frames.cbegin(), session.frames.cend(),
                             [which](const DirectorFrameState &f) { return selects(f, which); }));
}

Result<PreviewFrames> PreviewFrames::collect(const QString &runDir, const DirectorSession &session,
                                             int targetSize, Which which,
                                             const PreviewProgress &progress)
{
    PreviewFrames preview;
    if (targetSize > 0)
        preview.m_canvasSize = QSize(targetSize, targetSize);
    for (const DirectorFrameState &frame : session.frames) {
        if (!selects(frame, which))
            continue;
        if (progress.stopRequested())
            return PreviewProgress::stopped();
        if (const Outcome added = preview.add(runDir, frame); !added)
            return added;
        progress.step();
    }
    if (preview.m_frames.isEmpty()) {
        return Outcome::failed(which == Which::ApprovedOnly
                                   ? tr("No frame is APPROVED yet: there is nothing to preview.")
                                   : tr("The run has no frames: there is nothing to preview."));
    }
    if (preview.withImage() == 0)
        return Outcome::failed(tr("No frame has an image yet: there is nothing to preview."));
    return preview;
}

Outcome PreviewFrames::add(const QString &runDir, const DirectorFrameState &frame)
{
    Frame shown{frame.frameIndex, {}};
    if (const std::optional<FrameImages::Placement> where =
            FrameImages::placementOf(runDir, frame)) {
        const Result<QImage> loaded = FrameImages::place(*where);
        if (!loaded)
            return Outcome::failed(
                tr("Frame %1: %2").arg(frame.frameIndex).arg(loaded.outcome().message()));
        QImage placed = *loaded;
        if (placed.format() != QImage::Format_RGBA64)
            placed.convertTo(QImage::Format_ARGB32);
        if (!m_canvasSize.isValid())
            m_canvasSize = placed.size();
        if (placed.size() != m_canvasSize) {
            return Outcome::failed(
                tr("Frame %1: %2 is %3×%4 pixels, but the frames of this run are %5×%6")
                    .arg(frame.frameIndex)
                    .arg(frame.finalImagePath())
                    .arg(placed.width())
                    .arg(placed.height())
                    .arg(m_canvasSize.width())
                    .arg(m_canvasSize.height()));
        }
        shown.image = std::move(placed);
    }
    m_frames.append(std::move(shown));
    return Outcome::ok();
}

int PreviewFrames::withImage() const
{
    int count = 0;
    for (const Frame &frame : m_frames)
        count += !frame.image.isNull();
    return count;
}
