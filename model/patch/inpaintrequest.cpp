#include "patch/inpaintrequest.h"

#include "audit/movemetrics.h"
#include "commit/commitexporter.h"
#include "patch/patchmaker.h"
#include "session/sessionencoder.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonArray pointJson(QPoint point)
{
    return QJsonArray{point.x(), point.y()};
}

} // namespace

QPoint InpaintRequest::offsetOf(const DirectorFrameState &frame)
{
    const std::optional<HumanAlignmentDelta> &a = frame.directorOverrides.alignment;
    return a ? QPoint(CommitExporter::roundOffset(a->userOverrideX),
                      CommitExporter::roundOffset(a->userOverrideY))
             : QPoint();
}

Result<InpaintRequest> InpaintRequest::fromSession(const QString &runDir,
                                                   const DirectorSession &session, int frameIndex)
{
    const auto frame = session.frames.constFind(frameIndex);
    if (frame == session.frames.cend())
        return Outcome::invalid(tr("There is no frame %1 in this run.").arg(frameIndex));
    InpaintRequest request;
    request.frameIndex = frameIndex;
    const Result<QImage> image = PatchMaker::currentImage(runDir, *frame);
    if (!image)
        return image.outcome();
    request.frame = *image;
    request.anchorIndex = MoveMetrics::anchorIndex(session);
    const DirectorFrameState &anchor = session.frames[request.anchorIndex];
    const Result<QImage> anchorImage = PatchMaker::currentImage(runDir, anchor);
    if (!anchorImage)
        return Outcome::invalid(tr("The anchor frame %1 cannot be read: %2")
                                    .arg(request.anchorIndex)
                                    .arg(anchorImage.outcome().message()));
    request.anchor = *anchorImage;
    request.frameOffset = offsetOf(*frame);
    request.anchorOffset = offsetOf(anchor);
    // The audit as the session file writes it (its own names, the pipeline's extras kept).
    const QJsonDocument encoded =
        QJsonDocument::fromJson(SessionEncoder::encodeFrame(*frame).bytes);
    request.audit = encoded.object().value(QLatin1String("auditReport")).toObject();
    return request;
}

Result<InpaintRequest::Files> InpaintRequest::writeFiles(const QString &folder) const
{
    const QDir dir(folder);
    const Files files{dir.absoluteFilePath(QStringLiteral("frame.png")),
                      dir.absoluteFilePath(QStringLiteral("mask.png")),
                      dir.absoluteFilePath(QStringLiteral("anchor.png")),
                      dir.absoluteFilePath(QStringLiteral("result.png"))};
    if (!frame.save(files.frame, "PNG") || !mask.save(files.mask, "PNG") ||
        !anchor.save(files.anchor, "PNG"))
        return Outcome::failed(tr("The images for the inpainting provider cannot be written to "
                                  "%1.")
                                   .arg(QDir::toNativeSeparators(folder)));
    return files;
}

QByteArray InpaintRequest::json(const Files &files) const
{
    const QJsonObject request{
        {QStringLiteral("version"), version},
        {QStringLiteral("frame"), QJsonObject{{QStringLiteral("index"), frameIndex},
                                              {QStringLiteral("image"), files.frame}}},
        {QStringLiteral("mask"), files.mask},
        {QStringLiteral("prompt"), prompt},
        {QStringLiteral("anchor"),
         QJsonObject{{QStringLiteral("index"), anchorIndex},
                     {QStringLiteral("image"), files.anchor},
                     {QStringLiteral("offset"), pointJson(anchorOffset)}}},
        {QStringLiteral("frameOffset"), pointJson(frameOffset)},
        {QStringLiteral("audit"), audit},
        {QStringLiteral("output"), files.output}};
    return QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
}
