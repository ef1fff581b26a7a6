#include "patch/framepatches.h"

#include "run/imageloader.h"
#include "run/runpaths.h"

Outcome FramePatches::add(DirectorFrameState &frame, PatchHistoryEntry entry, const RunPaths &paths,
                          std::optional<FrameStatus> &status)
{
    if (frame.finalImagePath().isEmpty() && entry.originalPath.isEmpty())
        return Outcome::refused(
            tr("Frame %1 has no image yet: there is nothing to patch.").arg(frame.frameIndex));
    if (entry.originalPath.isEmpty())
        entry.originalPath = frame.finalImagePath();
    for (QString *path : {&entry.originalPath, &entry.patchedPath}) {
        const Result<QString> relative = paths.toRelative(*path);
        if (!relative)
            return Outcome::invalid(
                tr("The patch cannot be recorded: %1").arg(relative.outcome().message()));
        *path = *relative;
    }
    if (const Outcome image = checkImage(paths, entry.patchedPath, entry.originalPath); !image)
        return image;
    DirectorOverrides &overrides = frame.directorOverrides;
    frame.imagePath = entry.patchedPath;
    overrides.patchHistory.append(std::move(entry));
    overrides.isPatched = true;
    if (!status &&
        (frame.status == FrameStatus::AuditFail || frame.status == FrameStatus::AuditWarn))
        status = FrameStatus::Approved;
    return Outcome::ok();
}

Outcome FramePatches::revert(DirectorFrameState &frame, std::optional<FrameStatus> &status)
{
    if (!frame.directorOverrides.isPatched)
        return Outcome::refused(tr("Frame %1 is not patched.").arg(frame.frameIndex));
    const QString original = frame.unpatchedImagePath();
    if (original.isEmpty())
        return Outcome::invalid(tr("Frame %1's patches do not record the image they were made on.")
                                    .arg(frame.frameIndex));
    frame.imagePath = original;
    frame.directorOverrides.isPatched = false;
    const AuditReport &audit = frame.auditReport;
    const bool auditApproves =
        audit.passed && audit.flags.isEmpty() && !audit.autoAligned.value_or(false);
    if (!status && frame.status == FrameStatus::Approved && !auditApproves)
        status = FrameStatus::AuditFail;
    return Outcome::ok();
}

Outcome FramePatches::checkImage(const RunPaths &paths, const QString &patched,
                                 const QString &original)
{
    const Result<QImage> image = ImageLoader::loadFromRun(paths, patched);
    if (!image)
        return Outcome::invalid(
            tr("The patched image cannot be used: %1").arg(image.outcome().message()));
    if (original.isEmpty())
        return Outcome::ok();
    const Result<QImage> before = ImageLoader::loadFromRun(paths, original);
    if (before && before->size() != image->size())
        return Outcome::invalid(tr("The patched image is %1×%2 pixels; the image it patches is "
                                   "%3×%4.")
                                    .arg(image->width())
                                    .arg(image->height())
                                    .arg(before->width())
                                    .arg(before->height()));
    return Outcome::ok();
}
