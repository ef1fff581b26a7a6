#include "review/frameimages.h"

#include "commit/commitexporter.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

FrameImages::Image FrameImages::image(int frameIndex)
{
    const std::optional<Placement> where = placement(frameIndex);
    if (!where)
        return {{}, tr("No image yet")};
    if (const auto it = m_images.constFind(where->path); it != m_images.cend())
        return {it.value(), {}};
    const Result<QImage> loaded = load(*where);
    if (!loaded)
        return {{}, loaded.outcome().message()};
    m_images.insert(where->path, *loaded);
    return {*loaded, {}};
}

QImage FrameImages::placed(int frameIndex)
{
    const QImage shown = image(frameIndex).image;
    const std::optional<Placement> where = placement(frameIndex);
    return shown.isNull() || !where ? shown : move(shown, *where);
}

std::optional<FrameImages::Placement> FrameImages::placementOf(const QString &runDir,
                                                               const DirectorFrameState &frame)
{
    // What commit takes: the latest patch of a patched frame.
    if (frame.finalImagePath().isEmpty())
        return std::nullopt;
    Placement placement{runDir, frame.finalImagePath()};
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
