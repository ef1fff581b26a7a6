#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

// The operator's mask for an inpainting provider: a PNG at the frame's size in which a pixel
// is masked (to be repainted) when it is light and opaque: alpha >= 128 and grey
// (qGray: 11 R + 16 G + 5 B, / 32) >= 128. Black, dark or transparent pixels are kept.
// In memory a mask is Grayscale8, 255 where masked and 0 elsewhere, the form PatchFiles
// writes a patch's mask in (so a patch's mask can be used as an operator's mask again).
class PatchMask
{
    Q_DECLARE_TR_FUNCTIONS(PatchMask)

public:
    static constexpr int masked = 255;
    static constexpr int threshold = 128; // grey and alpha at which a pixel is masked

    // The mask in `path` (a PNG, read within ImageLoader's bounds) for a frame of `frameSize`.
    // Invalid when it cannot be read, is another size, or masks no pixel.
    static Result<QImage> load(const QString &path, QSize frameSize);
    // Any image as a mask by the rule above.
    static QImage fromImage(const QImage &image);
    static bool isMasked(const QImage &mask, int x, int y)
    {
        return mask.constScanLine(y)[x] >= threshold;
    }
    // How many pixels `mask` masks.
    static qsizetype count(const QImage &mask);
    // `provided`'s pixels where `mask` masks, `frame`'s everywhere else, in `frame`'s format
    // (so that the pixels kept are bit-identical). All three are the frame's size.
    static QImage compose(const QImage &frame, const QImage &provided, const QImage &mask);
};
