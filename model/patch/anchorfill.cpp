#include "patch/anchorfill.h"

#include "patch/patchmask.h"

#include <QRect>

#include <algorithm>

namespace {

constexpr QRgba64 transparent = QRgba64::fromRgba64(0, 0, 0, 0);
constexpr quint16 opaque16 = AnchorFill::opaque * 257;

} // namespace

QList<int> AnchorFill::nearestSources(QSize size, const QList<bool> &isSource)
{
    const int w = size.width();
    const int h = size.height();
    QList<int> nearest(qsizetype(w) * h, -1);
    QList<int> distance(nearest.size(), -1);
    QList<int> ring;
    for (int i = 0; i < nearest.size(); ++i)
        if (isSource[i]) {
            nearest[i] = i;
            distance[i] = 0;
            ring.append(i);
        }
    // A pixel at distance d + 1 from its nearest sources has a neighbour at distance d on the
    // way to each of them, and each such neighbour knows the first of its own nearest: the
    // smallest of theirs is the pixel's first nearest source.
    QList<int> next;
    for (int d = 1; !ring.isEmpty(); ++d) {
        next.clear();
        for (const int i : ring) {
            const int x = i % w;
            const int y = i / w;
            const int neighbours[4] = {x > 0 ? i - 1 : -1, x + 1 < w ? i + 1 : -1,
                                       y > 0 ? i - w : -1, y + 1 < h ? i + w : -1};
            for (const int n : neighbours) {
                if (n < 0)
                    continue;
                if (distance[n] == -1) {
                    distance[n] = d;
                    nearest[n] = nearest[i];
                    next.append(n);
                } else if (distance[n] == d && nearest[i] < nearest[n]) {
                    nearest[n] = nearest[i];
                }
            }
        }
        ring.swap(next);
    }
    return nearest;
}

QImage AnchorFill::fill(const QImage &frame, QPoint frameOffset, const QImage &anchor,
                        QPoint anchorOffset, const QImage &mask)
{
    // In 16 bits a channel, which holds the pixels of both images exactly.
    QImage out = frame.convertToFormat(QImage::Format_RGBA64);
    const QImage from = anchor.convertToFormat(QImage::Format_RGBA64);
    const QPoint shift = frameOffset - anchorOffset;
    const QRect inAnchor = from.rect();
    const int w = out.width();
    QList<bool> isSource(qsizetype(w) * out.height(), false);
    QList<int> left; // masked pixels off the anchor's canvas, by index
    for (int y = 0; y < out.height(); ++y) {
        auto *line = reinterpret_cast<QRgba64 *>(out.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int i = y * w + x;
            if (!PatchMask::isMasked(mask, x, y)) {
                isSource[i] = line[x].alpha() >= opaque16;
                continue;
            }
            const QPoint at = QPoint(x, y) + shift;
            if (inAnchor.contains(at)) // whatever its alpha: the anchor's background too
                line[x] = reinterpret_cast<const QRgba64 *>(from.constScanLine(at.y()))[at.x()];
            else
                left.append(i);
        }
    }
    if (!left.isEmpty()) {
        // The sources are outside the mask: never repainted, so read from `out` itself.
        const QList<int> nearest = nearestSources(out.size(), isSource);
        for (const int i : left) {
            const int s = nearest[i];
            const QRgba64 pixel =
                s < 0 ? transparent
                      : reinterpret_cast<const QRgba64 *>(out.constScanLine(s / w))[s % w];
            reinterpret_cast<QRgba64 *>(out.scanLine(i / w))[i % w] = pixel;
        }
    }
    return frame.format() == QImage::Format_RGBA64 ? out : out.convertToFormat(frame.format());
}
