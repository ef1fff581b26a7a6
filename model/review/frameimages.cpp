#include "review/frameimages.h"

#include "commit/commitexporter.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

FrameImages::Image FrameImages::image(int frameIndex)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame)
        return {{}, tr("No image yet")};
    if (const auto it = m_images.constFind(frame->finalImagePath()); it != m_images.cend())
        return {it.value(), {}};
    Image loaded = load(m_manager->runDir(), *frame);
    if (!loaded.image.isNull())
        m_images.insert(frame->finalImagePath(), loaded.image);
    return loaded;
}

FrameImages::Image FrameImages::load(const QString &runDir, const DirectorFrameState &frame)
{
    // What commit takes: the latest patch of a patched frame.
    const QString &path = frame.finalImagePath();
    if (path.isEmpty())
        return {{}, tr("No image yet")};
    const Result<QImage> loaded = ImageLoader::loadFromRun(RunPaths(runDir), path);
    if (!loaded)
        return {{}, loaded.outcome().message()};
    return {*loaded, {}};
}

QImage FrameImages::placed(int frameIndex)
{
    const QImage shown = image(frameIndex).image;
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    return frame ? place(shown, *frame) : shown;
}

QImage FrameImages::place(const QImage &shown, const DirectorFrameState &frame)
{
    if (shown.isNull() || !frame.directorOverrides.alignment)
        return shown;
    const HumanAlignmentDelta &a = *frame.directorOverrides.alignment;
    return CommitExporter::translated(shown, CommitExporter::roundOffset(a.userOverrideX),
                                      CommitExporter::roundOffset(a.userOverrideY));
}
