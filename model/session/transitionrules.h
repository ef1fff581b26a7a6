#pragma once

#include "core/outcome.h"
#include "session/framestatus.h"

// The one place that decides whether a frame may go from one status to
// another: the table of docs/session-file.md, Status transitions (the
// pipeline's lifecycle, plus a new attempt sending a reviewed frame back to
// GENERATED, plus the operator's reject):
//
//   PENDING    -> GENERATED                          frame generation complete
//   GENERATED  -> AUDIT_FAIL | AUDIT_WARN | APPROVED audit result
//   AUDIT_FAIL -> APPROVED                           human override / patch
//   AUDIT_FAIL -> GENERATED                          a new attempt arrived
//   AUDIT_WARN -> APPROVED                           human review / nudge
//   AUDIT_WARN -> GENERATED                          a new attempt arrived
//   AUDIT_WARN -> AUDIT_FAIL                         operator rejects
//   APPROVED   -> AUDIT_FAIL                         operator rejects
//
// Everything else, staying at the same status included, is refused.
// Undo does not go through these rules: it restores an earlier state exactly.
class TransitionRules
{
public:
    static bool isAllowed(FrameStatus from, FrameStatus to);
    // Ok, or Refused with a message for the operator that names both statuses.
    static Outcome check(FrameStatus from, FrameStatus to);
};
