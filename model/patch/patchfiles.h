#pragma once

#include "core/result.h"
#include "session/directorsession.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

// A patch's files in the run folder: the patched image and its mask, written before the patch
// is recorded (FrameEdit::addPatch), each whole or not at all (AtomicFile), never over a file
// that is there (the pipeline's or an earlier patch's): patches/frame_NNNN_patch_KK.png and
// patches/frame_NNNN_patch_KK_mask.png, KK the first number free for the frame. The mask is
// computed here, whatever the tool that made the patch claims: a PNG at the frame's size,
// black, with white exactly where a pixel differs from the image the patch was made on
// (ImageDiff's rule: colour or coverage; two fully transparent pixels never differ).
class PatchFiles
{
    Q_DECLARE_TR_FUNCTIONS(PatchFiles)

public:
    static constexpr const char *folder = "patches";

    struct Written
    {
        PatchHistoryEntry entry; // run-relative paths; originalPath, prompt, no time yet
        qsizetype changed = 0;   // pixels the patch changed (white in the mask)
        bool madeFolder = false; // patches/ was made for it (remove() takes it away again)
    };

    // Writes `patched` as frame `frameIndex`'s next patch of `original` (the image it was made
    // on, stored as the session names it; `base` its pixels, null when it cannot be read: then
    // every pixel counts as changed). Refused when `patched` is not `base`'s size or changes no
    // pixel, or when patches/ is not a folder of the run.
    static Result<Written> write(const QString &runDir, int frameIndex, const QString &original,
                                 const QImage &base, const QImage &patched, const QString &prompt);
    // Removes a patch's files that were written but not recorded, and patches/ when it was made
    // for them (and holds nothing else).
    static void remove(const QString &runDir, const Written &written);
    // The mask of `patched` against `base` (Grayscale8), and how many pixels are white.
    static QImage mask(const QImage &base, const QImage &patched, qsizetype *changed = nullptr);
};
