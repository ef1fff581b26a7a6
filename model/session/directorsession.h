#pragma once

#include "session/framestatus.h"
#include "json/jsonmembers.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The Director session: plain value types, field for field the session file
// the pipeline reads (docs/session-file.md, Members; the interface that uses
// them: docs/session-file.md, The session interface). Timestamps are kept as
// the file writes them: ISO 8601 UTC with milliseconds and "Z". Paths are
// relative to the run folder. Every type keeps the JSON members it does not
// know in `extra`, so that a round trip through Director never deletes what
// another program wrote: the audit report and the attempts, which hold most
// of them, as the text they are written as (JsonMembers), the others as
// QJsonObject.

struct AuditReport
{
    double compositeScore = 0.0; // 0..1
    QStringList flags;           // reason codes, e.g. "SF01_IDENTITY_DRIFT"
    bool passed = false;
    std::optional<bool> autoAligned;
    std::optional<double> driftPixels;
    JsonMembers extra; // metrics, breakdown, ... as the pipeline wrote them

    bool operator==(const AuditReport &) const = default;
};

struct HumanAlignmentDelta
{
    QString frameId;
    double userOverrideX = 0.0; // total horizontal offset in source pixels
    double userOverrideY = 0.0; // total vertical offset in source pixels
    QString timestamp;
    QJsonObject extra;

    bool operator==(const HumanAlignmentDelta &) const = default;
};

struct PatchHistoryEntry
{
    QString originalPath;
    QString patchedPath;
    QString maskPath;
    QString prompt;
    QString timestamp;
    QJsonObject extra;

    bool operator==(const PatchHistoryEntry &) const = default;
};

// The operator's verdict on the frame as it is: who set its status to APPROVED or AUDIT_FAIL,
// when, and for a rejection why (a reason code of the run's catalogue and/or free text). It is
// about the frame in this very status: when the status changes otherwise (the pipeline's new
// attempt, another attempt used) the verdict goes (docs/session-file.md, verdict).
struct Verdict
{
    FrameStatus status = FrameStatus::AuditFail; // Approved or AuditFail
    QString reviewer;                            // not empty
    QString timestamp;
    std::optional<QString> reasonCode; // "SF01_IDENTITY_DRIFT"; a rejection's only
    std::optional<QString> reason;     // free text; a rejection's only
    QJsonObject extra;

    bool operator==(const Verdict &) const = default;

    // The statuses an operator's verdict sets.
    static bool isVerdictStatus(FrameStatus status)
    {
        return status == FrameStatus::Approved || status == FrameStatus::AuditFail;
    }
};

struct DirectorOverrides
{
    std::optional<HumanAlignmentDelta> alignment;
    bool isPatched = false;
    QList<PatchHistoryEntry> patchHistory;
    std::optional<QString> notes;
    std::optional<Verdict> verdict;
    QJsonObject extra;

    bool operator==(const DirectorOverrides &) const = default;
};

struct AttemptInfo
{
    int attemptIndex = 1; // >= 1
    QString timestamp;
    QString candidatePath;
    QString strategy;
    QStringList reasonCodes;
    bool passed = false;
    JsonMembers extra; // promptHash, compositeScore, durationMs, ...

    bool operator==(const AttemptInfo &) const = default;
};

struct DirectorFrameState
{
    QString id; // "frame_" + index padded to 4
    int frameIndex = 0;
    FrameStatus status = FrameStatus::Pending;
    QString imagePath;
    AuditReport auditReport;
    DirectorOverrides directorOverrides;
    QList<AttemptInfo> attemptHistory;
    QJsonObject extra;

    bool operator==(const DirectorFrameState &) const = default;

    // The image whose pixels the frame ships: the latest patch's image when
    // the frame is patched, else imagePath. The stage, the thumbnail, the
    // onion skin and commit all show and take this one. Director switches
    // imagePath to the latest patch when it records one (as the pipeline
    // does), so the two agree in every file it writes.
    const QString &finalImagePath() const
    {
        return directorOverrides.isPatched && !directorOverrides.patchHistory.isEmpty()
                   ? directorOverrides.patchHistory.last().patchedPath
                   : imagePath;
    }

    // The image the frame's patches were made on: the image before the first patch of the
    // chain that ends in the latest one (each patch's originalPath is the one before it); the
    // frame's image when it is not patched. Empty when the chain does not record it.
    // "Revert to Original" goes back to it; the pipeline's news compares its images with it.
    QString unpatchedImagePath() const;

    // Whether an audit judged the frame's image, so that its auditReport says something: past
    // PENDING and GENERATED, and not a frame the operator judged while its audit report was
    // empty (a GENERATED frame rejected before any audit).
    bool isAudited() const
    {
        return status != FrameStatus::Pending && status != FrameStatus::Generated &&
               !(directorOverrides.verdict.has_value() && auditReport == AuditReport());
    }

    // "frame_0007". Asked once per frame of every session read.
    static QString idForIndex(int frameIndex);
};

struct CommitInfo
{
    int approvedCount = 0;
    int nudgedCount = 0;
    int patchedCount = 0;
    QString timestamp;
    QJsonObject extra;

    bool operator==(const CommitInfo &) const = default;
};

enum class SessionStatus
{
    Active,
    Committed,
    Discarded
};

struct DirectorSession
{
    static constexpr int currentSchemaVersion = 1;

    int schemaVersion = currentSchemaVersion;
    QString sessionId; // UUID, lower case, no braces
    QString runId;
    QString moveId;
    QString anchorFrameId = QStringLiteral("frame_0000");
    SessionStatus status = SessionStatus::Active;
    QString createdAt;
    QString lastModified;
    QMap<int, DirectorFrameState> frames; // keyed by frame index
    std::optional<CommitInfo> commitInfo; // once committed
    QJsonObject extra;

    bool operator==(const DirectorSession &) const = default;

    bool isReadOnly() const { return status != SessionStatus::Active; }
};

QString sessionStatusName(SessionStatus status);
std::optional<SessionStatus> sessionStatusFromName(QStringView name);
