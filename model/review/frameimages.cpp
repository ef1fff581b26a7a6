#include "review/frameimages.h"

#include "commit/commitexporter.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

#include <algorithm>

FrameImages::Image FrameImages::image(int frameIndex)
{
    const std::optional<Placement> where = placement(frameIndex);
    return where ? cached(*where) : Image{{}, tr("No image yet")};
}

FrameImages::Image FrameImages::cached(const Placement &placement)
{
    if (const auto it = m_images.constFind(placement.path); it != m_images.cend())
        return {it.value(), {}};
    const Result<QImage> loaded = load(placement);
    if (!loaded)
        return {{}, loaded.outcome().message()};
    m_images.insert(placement.path, *loaded);
    return {*loaded, {}};
}

QImage FrameImages::placed(int frameIndex)
{
    const std::optional<Placement> where = placement(frameIndex);
    return where ? move(cached(*where).image, *where) : QImage();
}

FrameImages::Image FrameImages::placedAttempt(int frameIndex, int attemptIndex)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame)
        return {{}, tr("No image yet")};
    const QList<AttemptInfo> &attempts = frame->attemptHistory;
    const auto attempt =
        std::find_if(attempts.cbegin(), attempts.cend(),
                     [&](const AttemptInfo &a) { return a.attemptIndex == attemptIndex; });
    const std::optional<Placement> where =
        attempt == attempts.cend() || attempt->candidatePath.isEmpty()
            ? std::nullopt
            : placementOf(m_manager->runDir(), *frame, attempt->candidatePath);
    if (!where)
        return {{}, tr("No image yet")};
    const Image loaded = cached(*where);
    return {move(loaded.image, *where), loaded.error};
}

FrameImages::Image FrameImages::placedOriginal(int frameIndex)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame || !frame->directorOverrides.isPatched ||
        frame->directorOverrides.patchHistory.isEmpty())
        return {{}, tr("This frame is not patched: it has no original to compare with.")};
    const QString original = frame->unpatchedImagePath();
    if (original.isEmpty())
        return {{}, tr("The session does not record the image this frame's patches were made on.")};
    const Placement where = *placementOf(m_manager->runDir(), *frame, original);
    const Image loaded = cached(where);
    return {move(loaded.image, where), loaded.error};
}

std::optional<FrameImages::Placement> FrameImages::placementOf(const QString &runDir,
                                                               const DirectorFrameState &frame,
                                                               const QString &image)
{
    // What commit takes: the latest patch of a patched frame.
    const QString &path = image.isEmpty() ? frame.finalImagePath() : image;
    if (path.isEmpty())
        return std::nullopt;
    Placement placement{runDir, path};
    if (const std::optional<HumanAlignmentDelta> &a = frame.directorOverrides.alignment) {
        placement.dx = CommitExporter::roundOffset(a->userOverrideX);
        placement.dy = CommitExporter::roundOffset(a->userOverrideY);
    }
    return placement;
}

std::optional<FrameImages::Placement> FrameImages::placement(int frameIndex) const
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    return frame ? placementOf(m_manager->runDir(), *frame) : std::nullopt;
}

Result<QImage> FrameImages::load(const Placement &placement)
{
    return ImageLoader::loadFromRun(RunPaths(placement.runDir), placement.path);
}

QImage FrameImages::move(const QImage &image, const Placement &placement)
{
    if (image.isNull() || (placement.dx == 0 && placement.dy == 0))
        return image;
    return CommitExporter::translated(image, placement.dx, placement.dy);
}

Result<QImage> FrameImages::place(const Placement &placement)
{
    const Result<QImage> loaded = load(placement);
    return loaded ? Result<QImage>(move(*loaded, placement)) : loaded;
}
