#include "patch/patchmaker.h"

#include "patch/patchfiles.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

Result<QImage> PatchMaker::currentImage(const QString &runDir, const DirectorFrameState &frame)
{
    if (frame.finalImagePath().isEmpty())
        return Outcome::refused(
            tr("Frame %1 has no image yet: there is nothing to patch.").arg(frame.frameIndex));
    return ImageLoader::loadFromRun(RunPaths(runDir), frame.finalImagePath());
}

Outcome PatchMaker::make(const QString &runDir, const DirectorFrameState &frame,
                         const QImage &patched, const QString &prompt, const Apply &apply,
                         qsizetype *changed)
{
    // A frame whose image cannot be read may still take a whole new image as its patch; a frame
    // without an image (PENDING) has nothing to patch, and nothing is written for it.
    const Result<QImage> current = currentImage(runDir, frame);
    if (frame.finalImagePath().isEmpty())
        return current.outcome();
    const QImage base = current.valueOr(QImage());
    const Result<PatchFiles::Written> written =
        PatchFiles::write(runDir, frame.frameIndex, frame.finalImagePath(), base, patched, prompt);
    if (!written)
        return written.outcome();
    const Outcome applied = apply(frame.frameIndex, FrameEdit::addPatch(written->entry));
    if (!applied) {
        PatchFiles::remove(runDir, *written);
        return applied;
    }
    if (changed)
        *changed = written->changed;
    return applied;
}
