#pragma once

#include "run/runfolder.h"
#include "session/directorsession.h"

#include <QList>
#include <QString>

// What the pipeline wrote since the session last looked, as changes to the
// session's frames. The pipeline owns a frame's image, audit report and
// attempts; the operator owns the verdict on an audited frame and the
// overrides. So:
//
//   PENDING               -> GENERATED            an image arrived
//   GENERATED             -> AUDIT_* / APPROVED   its audit arrived (when it counts for the image)
//   AUDIT_FAIL/AUDIT_WARN -> GENERATED            a new attempt arrived ...
//                         -> AUDIT_* / APPROVED   ... and, once there, its audit
//
// each step checked by the transition rules (SessionManager::ingest); which
// audit counts for which image: docs/run-folder.md, Which audit counts for
// which image; the whole of it: docs/run-folder.md, Live runs. A frame
// the operator or the audit approved is left alone, and what the operator
// wrote (nudge, notes, patches) is kept; but a new image is not the patched
// one (isPatched goes, the history stays), and a nudged or patched frame
// goes to AUDIT_WARN rather than APPROVED, for the operator to look again.
// Frames the run has and the session does not (the run grew) are added as
// the run folder describes them.
//
// A file the pipeline is still writing is not taken as corrupt: an image
// that does not end yet (a PNG without its IEND chunk) or an audit or
// state file that is not valid JSON yet puts its frame on the waiting list,
// to be looked at again.
class RunIngest
{
public:
    struct Change
    {
        DirectorFrameState before; // the session's frame the change is made from
        DirectorFrameState after;
        QList<FrameStatus> steps; // the statuses passed through, in order (empty: same status)
    };
    struct Plan
    {
        QList<Change> changes;
        QList<DirectorFrameState> added; // frames the session does not have, in index order
        QList<int> waiting;              // frames whose files are still being written
        bool runWaiting = false;         // manifest.lock.json or state.json is being written
        QStringList leftOut;             // what the run holds and no session takes (RunFolder)

        bool isEmpty() const { return changes.isEmpty() && added.isEmpty(); }
    };

    // `run` is RunFolder::read of `runDir` (which also says which images are
    // not whole yet: RunFolder::Contents::waitingFiles).
    static Plan plan(const DirectorSession &session, const RunFolder::Contents &run,
                     const QString &runDir);
};
