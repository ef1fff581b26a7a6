#include "session/transitionrules.h"

#include <QCoreApplication>

bool TransitionRules::isAllowed(FrameStatus from, FrameStatus to)
{
    using S = FrameStatus;
    switch (from) {
    case S::Pending:
        return to == S::Generated;
    case S::Generated:
        return to == S::AuditFail || to == S::AuditWarn || to == S::Approved;
    case S::AuditFail:
        return to == S::Approved || to == S::Generated;
    case S::AuditWarn:
        return to == S::Approved || to == S::Generated || to == S::AuditFail;
    case S::Approved:
        return to == S::AuditFail;
    }
    return false;
}

Outcome TransitionRules::check(FrameStatus from, FrameStatus to)
{
    if (isAllowed(from, to))
        return Outcome::ok();
    if (from == to) {
        return Outcome::refused(
            QCoreApplication::translate("TransitionRules", "the frame is already %1")
                .arg(frameStatusName(from)));
    }
    return Outcome::refused(
        QCoreApplication::translate("TransitionRules", "a frame cannot go from %1 to %2")
            .arg(frameStatusName(from), frameStatusName(to)));
}
