#include "session/framestatus.h"

QString frameStatusName(FrameStatus status)
{
    switch (status) {
    case FrameStatus::Pending:
        return QStringLiteral("PENDING");
    case FrameStatus::Generated:
        return QStringLiteral("GENERATED");
    case FrameStatus::AuditFail:
        return QStringLiteral("AUDIT_FAIL");
    case FrameStatus::AuditWarn:
        return QStringLiteral("AUDIT_WARN");
    case FrameStatus::Approved:
        return QStringLiteral("APPROVED");
    }
    return {};
}

std::optional<FrameStatus> frameStatusFromName(QStringView name)
{
    for (FrameStatus status : allFrameStatuses) {
        if (name == frameStatusName(status))
            return status;
    }
    return std::nullopt;
}
