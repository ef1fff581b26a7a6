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

QImage FrameImages::placed(int frameIndex)
{
    const QImage shown = image(frameIndex).image;
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (shown.isNull() || !frame || !frame->directorOverrides.alignment)
        return shown;
    const HumanAlignmentDelta &a = *frame->directorOverrides.alignment;
    return CommitExporter::translated(shown, CommitExporter::roundOffset(a.userOverrideX),
                                      CommitExporter::roundOffset(a.userOverrideY));
}
