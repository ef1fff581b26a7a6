#pragma once

#include <QImage>
#include <QRgb>

// Where two images of a frame differ, pixel for pixel, as the Compare view's Difference mode
// shows it. Both images are compared as commit writes them (non-premultiplied ARGB, 8 bits a
// channel); a pixel that one image has and the other does not (they differ in size) counts as
// fully transparent in the one that lacks it.
//
// Two pixels differ when
//   - their alpha differs (coverage: a pixel drawn on one side only, or more or less opaque), or
//   - both alphas are above 0 and their red, green or blue differ.
// Two pixels both of alpha 0 never differ, whatever their RGB: a fully transparent pixel has no
// colour anyone sees (and commit may write any RGB under it).
class ImageDiff
{
public:
    // The colour a differing pixel is drawn in: pure magenta, which no sprite palette uses.
    static constexpr QRgb highlight = 0xffff00ff;

    struct Result
    {
        qsizetype differing = 0; // pixels that differ
        QImage image; // the current image dimmed, differing pixels in `highlight` (ARGB32)
    };

    static bool differ(QRgb a, QRgb b)
    {
        const int alphaA = qAlpha(a);
        if (alphaA != qAlpha(b))
            return true;
        return alphaA > 0 && (a & 0x00ffffff) != (b & 0x00ffffff);
    }

    // The number of differing pixels only.
    static qsizetype count(const QImage &current, const QImage &reference);
    // The count and the picture: differing pixels in `highlight`, the others the current image's
    // pixels (the reference's where the current has none) at a quarter of their opacity.
    static Result compare(const QImage &current, const QImage &reference);
};
