#include "review/frameimages.h"

#include "commit/commitexporter.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

FrameImages::Image FrameImages::image(int frameIndex)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    // What commit takes: the latest patch of a patched frame.
    const QString path = frame ? frame->finalImagePath() : QString();
    if (path.isEmpty())
        return {{}, tr("No image yet")};
    if (const auto it = m_images.constFind(path); it != m_images.cend())
        return {it.value(), {}};
    const Result<QImage> loaded = ImageLoader::loadFromRun(RunPaths(m_manager->runDir()), path);
    if (!loaded)
        return {{}, loaded.outcome().message()};
    m_images.insert(path, *loaded);
    return {*loaded, {}};
}

std::optional<FrameImages::Placement> FrameImages::placement(int frameIndex) const
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame || frame->finalImagePath().isEmpty())
        return std::nullopt;
    Placement placement{m_manager->runDir(), frame->finalImagePath()};
    if (const std::optional<HumanAlignmentDelta> &a = frame->directorOverrides.alignment) {
        placement.dx = CommitExporter::roundOffset(a->userOverrideX);
        placement.dy = CommitExporter::roundOffset(a->userOverrideY);
    }
    return placement;
}

Result<QImage> FrameImages::place(const Placement &placement)
{
    const Result<QImage> loaded =
        ImageLoader::loadFromRun(RunPaths(placement.runDir), placement.path);
    if (!loaded || (placement.dx == 0 && placement.dy == 0))
        return loaded;
    return CommitExporter::translated(*loaded, placement.dx, placement.dy);
}

QImage FrameImages::placed(int frameIndex)
{
    const QImage shown = image(frameIndex).image;
    const std::optional<Placement> where = placement(frameIndex);
    if (shown.isNull() || !where || (where->dx == 0 && where->dy == 0))
        return shown;
    return CommitExporter::translated(shown, where->dx, where->dy);
}
