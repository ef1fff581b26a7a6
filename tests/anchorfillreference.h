#pragma once

// The bundled provider's fill (docs/provider.md) as its rule reads, pixel by pixel and by
// brute force, for the tests to check AnchorFill (a breadth-first search) against.

#include <QImage>
#include <QPoint>

#include <cstdlib>
#include <limits>

namespace AnchorFillReference {

inline bool masked(const QImage &mask, int x, int y)
{
    const QRgb m = mask.pixel(x, y);
    return qAlpha(m) >= 128 && qGray(m) >= 128;
}

inline QRgb nearestOpaqueOutside(const QImage &frame, const QImage &mask, int x, int y)
{
    int best = std::numeric_limits<int>::max();
    QRgb colour = qRgba(0, 0, 0, 0);
    for (int sy = 0; sy < frame.height(); ++sy)
        for (int sx = 0; sx < frame.width(); ++sx) {
            if (masked(mask, sx, sy) || qAlpha(frame.pixel(sx, sy)) < 128)
                continue;
            const int d = std::abs(sx - x) + std::abs(sy - y);
            if (d < best) { // strictly: a tie keeps the first in row order
                best = d;
                colour = frame.pixel(sx, sy);
            }
        }
    return colour;
}

// ARGB32 in, ARGB32 out.
inline QImage fill(const QImage &frameIn, QPoint frameOffset, const QImage &anchorIn,
                   QPoint anchorOffset, const QImage &mask)
{
    const QImage frame = frameIn.convertToFormat(QImage::Format_ARGB32);
    const QImage anchor = anchorIn.convertToFormat(QImage::Format_ARGB32);
    QImage out = frame.copy();
    for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x) {
            if (!masked(mask, x, y))
                continue;
            const QPoint a = QPoint(x, y) + frameOffset - anchorOffset;
            if (anchor.rect().contains(a)) // whatever its alpha
                out.setPixel(x, y, anchor.pixel(a));
            else
                out.setPixel(x, y, nearestOpaqueOutside(frame, mask, x, y));
        }
    return out;
}

} // namespace AnchorFillReference
