#pragma once

#include "core/result.h"
#include "session/directorsession.h"

#include <QCoreApplication>
#include <QImage>

#include <functional>

struct FrameEdit;

// Makes an image the frame's new patch, the same way for every tool (legalize, an external
// editor, a file, an inpainting provider) and for the window and the command line: the files
// first (PatchFiles: the image, the mask Director computes), then the patch recorded through
// the caller's change path (`apply`: the window's undoable history, or SessionManager
// directly); when the change is refused or not saved, the files are removed again, so nothing
// is left behind.
class PatchMaker
{
    Q_DECLARE_TR_FUNCTIONS(PatchMaker)

public:
    using Apply = std::function<Outcome(int frameIndex, const FrameEdit &edit)>;

    // The pixels a patch of `frame` starts from: its image as it ships now (its latest patch,
    // else its image), before any offset.
    static Result<QImage> currentImage(const QString &runDir, const DirectorFrameState &frame);

    // Records `patched` as a patch of `frame`; *changed (when given) gets the pixels it changed.
    static Outcome make(const QString &runDir, const DirectorFrameState &frame,
                        const QImage &patched, const QString &prompt, const Apply &apply,
                        qsizetype *changed = nullptr);
};
