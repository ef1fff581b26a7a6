#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

// The lifecycle of one frame: the five statuses of the session file
// (docs/session-file.md, Status values).
enum class FrameStatus
{
    Pending,   // not yet processed
    Generated, // generated but not audited
    AuditFail, // failed hard or soft gates, or rejected by the operator
    AuditWarn, // passed with flags or auto-aligned: needs review
    Approved,  // passed audit or verified by the operator
};

inline constexpr std::array<FrameStatus, 5> allFrameStatuses = {
    FrameStatus::Pending, FrameStatus::Generated, FrameStatus::AuditFail, FrameStatus::AuditWarn,
    FrameStatus::Approved};

// The name used in the session file: "PENDING", "GENERATED", ...
QString frameStatusName(FrameStatus status);
// Parses a name of the session file; case-sensitive, as the pipeline's schema is.
std::optional<FrameStatus> frameStatusFromName(QStringView name);
