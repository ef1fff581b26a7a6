#pragma once

#include "core/outcome.h"
#include "session/directorsession.h"
#include "session/framestatus.h"

#include <QCoreApplication>

#include <optional>

class RunPaths;

// What a patch, and "Revert to Original", do to a frame (docs/session-file.md, Patches). The
// one place for these rules; SessionManager applies them inside its one change path.
//
// A patch is appended to patchHistory (its originalPath the image it was made on, the frame's
// image before it when not given), isPatched is set, and imagePath switches to the patched
// image, as the pipeline's own code records a patch: the pipeline's reader, the stage, the
// thumbnail, the onion skin, playback and commit all take the same pixels. Its image must be a
// PNG inside the run folder that Director can read, of the same size as the image it patches.
// A patch is the operator's fix: an AUDIT_FAIL or AUDIT_WARN frame becomes APPROVED (the
// "human override / patch" of the transition table); GENERATED and APPROVED frames keep their
// status.
//
// Reverting goes back to the image the patches were made on (unpatchedImagePath) and clears
// isPatched; the history stays. An APPROVED frame whose own audit did not pass it clean goes
// to AUDIT_FAIL: its approval was of the patched pixels, and no pixel reaches approved/ that
// nobody saw.
class FramePatches
{
    Q_DECLARE_TR_FUNCTIONS(FramePatches)

public:
    // Records `entry` on `frame`; `status` (the edit's own status, if any) gets the status the
    // patch gives when the edit asks for none. The entry's paths are made run-relative.
    static Outcome add(DirectorFrameState &frame, PatchHistoryEntry entry, const RunPaths &paths,
                       std::optional<FrameStatus> &status);
    // Takes `frame` back to the image its patches were made on.
    static Outcome revert(DirectorFrameState &frame, std::optional<FrameStatus> &status);
    // Ok when `patched` names a PNG inside the run Director reads, of the size of `original`'s
    // image (not checked when that one cannot be read: a patch may replace a missing image).
    static Outcome checkImage(const RunPaths &paths, const QString &patched,
                              const QString &original);
};
