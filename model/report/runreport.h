#pragma once

#include "audit/movemetrics.h"
#include "core/result.h"
#include "preview/previewprogress.h"
#include "review/runstatus.h"
#include "session/directorsession.h"
#include "session/reasoncodes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

// Who decided a frame's status, when, and why: the report's "Decided" and "Reason" columns.
// Every member empty while the session does not record it (the writers show "—").
struct ReportVerdict
{
    QString decidedBy;  // the reviewer
    QString decidedAt;  // when, as the session file writes times
    QString reasonCode; // a code of the reason catalogue (ReasonCodes), when one was given
    QString reason;     // the reviewer's words

    bool isEmpty() const
    {
        return decidedBy.isEmpty() && decidedAt.isEmpty() && reasonCode.isEmpty() &&
               reason.isEmpty();
    }
};

// One frame of the report: what the session says of it and its image as commit would write it.
struct ReportFrame
{
    int frameIndex = 0;
    QString frameId;
    FrameStatus status = FrameStatus::Pending;
    QString imagePath;  // the image commit takes (the latest patch), as the session names it
    QString imageFile;  // that image's absolute path; empty when the frame has no image yet
    QSize size;         // the frame as commit writes it; invalid when there is no image
    QString imageError; // why the image could not be read, when it could not
    // The frame as commit would write it (FrameImages::place), as a PNG: scaled up by a whole
    // factor (thumbnailScale, nearest neighbour) to at most the report's thumbnail side, or,
    // larger than that side, scaled down smoothly (thumbnailScale 0). Empty without an image, or
    // when the report was gathered without images.
    QByteArray thumbnailPng;
    QSize thumbnailSize;
    int thumbnailScale = 0;
    std::optional<QString> notes;
    std::optional<QPoint> nudge; // the offset commit applies (whole pixels)
    QList<PatchHistoryEntry> patches;
    bool audited = false; // the audit is about this frame's image (status past GENERATED)
    double compositeScore = 0.0;
    bool passed = false;
    QList<ReasonCodes::Description> flags;
    int attempts = 0;
    ReportVerdict verdict;
    FrameDrift drift; // against the anchor; not measured without pixels
};

// The facts of a review report (README.md, "Reports"): the run and its session, the counts, and
// every frame with its image as commit would write it, its decisions and its audit, and the
// move's baseline and box plot (MotionPlotPainter). Gathered from copies, on any thread (the
// window's File → Export Report… gathers it on a worker); ReportHtml, ReportJson and
// ReportMarkdown write it.
class RunReport
{
    Q_DECLARE_TR_FUNCTIONS(RunReport)

public:
    struct Input
    {
        QString runDir;
        DirectorSession session;
        QStringList missing; // what the run folder lacks (RunFolder)
        QStringList leftOut; // what it holds that no session takes
        // False for a run nobody opened yet: `session` is then what the run folder would start
        // one from, with no id or times of its own, and the report says there is none yet.
        bool hasSessionFile = true;
    };
    struct Options
    {
        bool images = true;       // the thumbnails and the plot (only the HTML shows them)
        int thumbnailSide = 128;  // pixels
        QSize plotSize{960, 160}; // pixels
    };

    // Reads every frame's image (a frame whose image cannot be read is reported with the reason,
    // not refused). `progress`: one step a frame; PreviewProgress::stopped() when it asks to stop.
    static Result<RunReport> gather(const Input &input, const Options &options,
                                    const PreviewProgress &progress = {});
    // The one place "who decided, when and why" is read from a frame: its verdict
    // (directorOverrides.verdict), empty when it has none.
    static ReportVerdict verdictOf(const DirectorFrameState &frame);

    const QString &runDir() const { return m_input.runDir; }
    const DirectorSession &session() const { return m_input.session; }
    bool hasSessionFile() const { return m_input.hasSessionFile; }
    // What the reports say of a run with no session file yet.
    static QString noSessionYet();
    const QStringList &missing() const { return m_input.missing; }
    const QStringList &leftOut() const { return m_input.leftOut; }
    const QList<ReportFrame> &frames() const { return m_frames; }
    const FrameCounts &counts() const { return m_counts; }
    int nudged() const { return m_nudged; }
    int patched() const { return m_patched; }
    int noted() const { return m_noted; }
    int anchorIndex() const { return m_anchorIndex; }
    // When the report was made (UTC, as the session file writes times).
    const QString &writtenAt() const { return m_writtenAt; }
    // The baseline and box plot as a PNG (empty without images), and whether any frame could be
    // measured against the anchor.
    const QByteArray &plotPng() const { return m_plotPng; }
    bool hasMotion() const { return m_hasMotion; }

    // The words the writers share.
    static QString dash() { return QStringLiteral("—"); }
    static QString orDash(const QString &text) { return text.isEmpty() ? dash() : text; }
    // A line of the report's text: `text` and its end.
    static QString line(const QString &text = {}) { return text + QLatin1Char('\n'); }
    static QString nudgeText(const ReportFrame &frame);

private:
    ReportFrame frameOf(const DirectorFrameState &state, const Options &options,
                        FrameGeometry *geometry) const;
    void measureMotion(const QList<FrameGeometry> &geometries, const Options &options);

    Input m_input;
    QList<ReportFrame> m_frames;
    FrameCounts m_counts;
    int m_nudged = 0;
    int m_patched = 0;
    int m_noted = 0;
    int m_anchorIndex = -1;
    QString m_writtenAt;
    QByteArray m_plotPng;
    bool m_hasMotion = false;
};
