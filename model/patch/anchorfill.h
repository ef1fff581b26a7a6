#pragma once

#include <QImage>
#include <QList>
#include <QPoint>

// The inpainting of the bundled provider, director-inpaint-anchor (docs/provider.md): no model
// and no network, the masked pixels of a frame taken from the anchor frame where the two
// overlap as commit writes them (each moved by its own offset), transparent anchor pixels
// included, else from the frame's own nearest opaque pixel outside the mask. Deterministic:
// the same inputs give the same pixels.
class AnchorFill
{
public:
    static constexpr int opaque = 128; // alpha at which a pixel counts as opaque

    // `frame` with every pixel `mask` masks (PatchMask) repainted; the others are kept,
    // bit-identical, and the result has `frame`'s format. Frame pixel (x, y) ships at
    // (x, y) + frameOffset, and so does anchor pixel (x, y) + frameOffset - anchorOffset:
    //  1. when that anchor pixel is inside the anchor, it is taken exactly, whatever its alpha
    //     (a transparent anchor pixel makes the pixel transparent: background stays background);
    //  2. else (the offsets move it off the anchor) the pixel takes the colour of the nearest
    //     opaque (alpha >= 128) pixel of the frame outside the mask: nearest by city-block
    //     distance (|dx| + |dy|), a tie going to the first in row order (top row first, then
    //     left to right);
    //  3. with no such pixel in the frame, it becomes fully transparent.
    static QImage fill(const QImage &frame, QPoint frameOffset, const QImage &anchor,
                       QPoint anchorOffset, const QImage &mask);

    // For each pixel, the index (y * width + x) of the nearest source pixel by the rule of
    // step 2 (-1 when there is no source at all); `isSource` says which pixels are sources.
    // A breadth-first search from all sources at once, one ring of distance at a time.
    static QList<int> nearestSources(QSize size, const QList<bool> &isSource);
};
