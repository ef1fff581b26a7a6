#include "report/runreport.h"

#include "audit/motionplotpainter.h"
#include "commit/commitexporter.h"
#include "review/frameimages.h"
#include "run/runpaths.h"
#include "session/timestamps.h"

#include <QBuffer>

namespace {

QByteArray pngOf(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// The frame's picture for the report: a whole factor up, nearest neighbour, so that every pixel
// is a square of the same size; a frame larger than `side` scaled down to fit it.
QImage thumbnailOf(const QImage &placed, int side, int *scale)
{
    const int longest = std::max(placed.width(), placed.height());
    if (longest > side) {
        *scale = 0;
        return placed.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    *scale = std::max(1, side / std::max(1, longest));
    return placed.scaled(placed.size() * *scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

} // namespace

QString RunReport::noSessionYet()
{
    return tr("none yet (it is created when the run is opened for review)");
}

ReportVerdict RunReport::verdictOf(const DirectorFrameState &frame)
{
    // The operator's verdict as the session records it (directorOverrides.verdict); a frame
    // nobody judged (or judged before the pipeline replaced its image) has none.
    const std::optional<Verdict> &verdict = frame.directorOverrides.verdict;
    if (!verdict)
        return {};
    return {verdict->reviewer, verdict->timestamp, verdict->reasonCode.value_or(QString()),
            verdict->reason.value_or(QString())};
}

Result<RunReport> RunReport::gather(const Input &input, const Options &options,
                                    const PreviewProgress &progress)
{
    RunReport report;
    report.m_input = input;
    report.m_writtenAt = Timestamps::now();
    const DirectorSession &session = report.m_input.session;
    report.m_counts = FrameCounts::of(session.frames);
    report.m_anchorIndex = MoveMetrics::anchorIndex(session);
    progress.start(int(session.frames.size()));
    QList<FrameGeometry> geometries;
    geometries.reserve(session.frames.size());
    report.m_frames.reserve(session.frames.size());
    // One frame after another on the job's thread: the window's job runs on the global pool, which
    // other work (the motion plot's measure) shares, and its progress and stop requests are the
    // job thread's.
    for (const DirectorFrameState &state : session.frames) {
        if (progress.stopRequested())
            return PreviewProgress::stopped();
        FrameGeometry geometry;
        report.m_frames.append(report.frameOf(state, options, &geometry));
        geometries.append(geometry);
        const DirectorOverrides &o = state.directorOverrides;
        report.m_nudged += o.alignment.has_value();
        report.m_patched += o.isPatched && !o.patchHistory.isEmpty();
        report.m_noted += o.notes.has_value();
        progress.step();
    }
    report.measureMotion(geometries, options);
    return report;
}

ReportFrame RunReport::frameOf(const DirectorFrameState &state, const Options &options,
                               FrameGeometry *geometry) const
{
    ReportFrame f;
    f.frameIndex = state.frameIndex;
    f.frameId = state.id;
    f.status = state.status;
    f.imagePath = state.finalImagePath();
    f.notes = state.directorOverrides.notes;
    if (const std::optional<HumanAlignmentDelta> &a = state.directorOverrides.alignment) {
        f.nudge = QPoint(CommitExporter::roundOffset(a->userOverrideX),
                         CommitExporter::roundOffset(a->userOverrideY));
    }
    if (state.directorOverrides.isPatched)
        f.patches = state.directorOverrides.patchHistory;
    const AuditReport &audit = state.auditReport;
    f.audited = state.isAudited();
    f.compositeScore = audit.compositeScore;
    f.passed = audit.passed;
    for (const QString &flag : audit.flags)
        f.flags.append(ReasonCodes::describe(flag));
    f.attempts = int(state.attemptHistory.size());
    f.verdict = verdictOf(state);
    const std::optional<FrameImages::Placement> where =
        FrameImages::placementOf(m_input.runDir, state);
    if (!where)
        return f;
    const RunPaths paths(m_input.runDir, m_input.session.runId);
    f.imagePath = paths.toRelative(f.imagePath).valueOr(f.imagePath);
    f.imageFile = paths.absolute(f.imagePath);
    // The same path as the stage, the preview and commit: what the operator saw is what ships.
    const Result<QImage> placed = FrameImages::place(*where);
    if (!placed) {
        f.imageError = placed.outcome().message();
        return f;
    }
    QImage image = placed->convertToFormat(QImage::Format_ARGB32);
    f.size = image.size();
    *geometry = FrameGeometry::of(image);
    if (options.images) {
        const QImage thumbnail = thumbnailOf(image, options.thumbnailSide, &f.thumbnailScale);
        f.thumbnailSize = thumbnail.size();
        f.thumbnailPng = pngOf(thumbnail);
    }
    return f;
}

void RunReport::measureMotion(const QList<FrameGeometry> &geometries, const Options &options)
{
    FrameGeometry anchor;
    for (qsizetype i = 0; i < m_frames.size(); ++i) {
        if (m_frames.at(i).frameIndex == m_anchorIndex)
            anchor = geometries.at(i);
    }
    MotionPlotPainter::Frames plotted;
    plotted.reserve(m_frames.size());
    for (qsizetype i = 0; i < m_frames.size(); ++i) {
        ReportFrame &f = m_frames[i];
        f.drift = FrameDrift::between(geometries.at(i), anchor);
        m_hasMotion = m_hasMotion || f.drift.measured;
        plotted.append({f.frameIndex, geometries.at(i), f.drift});
    }
    if (options.images && m_hasMotion)
        m_plotPng = pngOf(MotionPlotPainter::image(plotted, options.plotSize));
}

QString RunReport::nudgeText(const ReportFrame &frame)
{
    if (!frame.nudge)
        return dash();
    return QStringLiteral("%1, %2").arg(frame.nudge->x()).arg(frame.nudge->y());
}
