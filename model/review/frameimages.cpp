#include "review/frameimages.h"

#include "commit/commitexporter.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

FrameImages::Image FrameImages::image(int frameIndex)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    // What commit takes: the latest patch of a patched frame.
    return load(frame ? frame->finalImagePath() : QString());
}

FrameImages::Image FrameImages::load(const QString &path)
{
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

QImage FrameImages::moved(const QImage &image, const std::optional<DirectorFrameState> &frame)
{
    if (image.isNull() || !frame || !frame->directorOverrides.alignment)
        return image;
    const HumanAlignmentDelta &a = *frame->directorOverrides.alignment;
    return CommitExporter::translated(image, CommitExporter::roundOffset(a.userOverrideX),
                                      CommitExporter::roundOffset(a.userOverrideY));
}

QImage FrameImages::placed(int frameIndex)
{
    return moved(image(frameIndex).image, m_manager->getFrameState(frameIndex));
}

QImage FrameImages::placedAttempt(int frameIndex, int attemptIndex, QString *error)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    QString path;
    for (const AttemptInfo &attempt : frame ? frame->attemptHistory : QList<AttemptInfo>()) {
        if (attempt.attemptIndex == attemptIndex)
            path = attempt.candidatePath;
    }
    const Image loaded = load(path);
    if (error)
        *error = loaded.error;
    return moved(loaded.image, frame);
}
