#include "directorsession.h"

QString sessionStatusName(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Active:
        return QStringLiteral("active");
    case SessionStatus::Committed:
        return QStringLiteral("committed");
    case SessionStatus::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

std::optional<SessionStatus> sessionStatusFromName(QStringView name)
{
    for (SessionStatus status :
         {SessionStatus::Active, SessionStatus::Committed, SessionStatus::Discarded}) {
        if (name == sessionStatusName(status))
            return status;
    }
    return std::nullopt;
}
