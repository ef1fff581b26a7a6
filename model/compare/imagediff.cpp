#include "compare/imagediff.h"

#include <algorithm>

namespace {

QImage asArgb(const QImage &image, const QSize &size)
{
    QImage argb = image.isNull() ? QImage() : image.convertToFormat(QImage::Format_ARGB32);
    if (argb.size() == size)
        return argb;
    QImage canvas(size, QImage::Format_ARGB32);
    canvas.fill(Qt::transparent);
    for (int y = 0; y < std::min(argb.height(), size.height()); ++y) {
        const auto *from = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        std::copy(from, from + argb.width(), reinterpret_cast<QRgb *>(canvas.scanLine(y)));
    }
    return canvas;
}

QSize unitedSize(const QImage &a, const QImage &b)
{
    return {std::max(a.width(), b.width()), std::max(a.height(), b.height())};
}

// A pixel that does not differ, dimmed: a quarter of its opacity.
QRgb dimmed(QRgb pixel)
{
    return (pixel & 0x00ffffff) | (QRgb(qAlpha(pixel) / 4) << 24);
}

} // namespace

qsizetype ImageDiff::count(const QImage &current, const QImage &reference)
{
    const QSize size = unitedSize(current, reference);
    const QImage a = asArgb(current, size);
    const QImage b = asArgb(reference, size);
    qsizetype differing = 0;
    for (int y = 0; y < size.height(); ++y) {
        const auto *pa = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *pb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < size.width(); ++x)
            differing += differ(pa[x], pb[x]) ? 1 : 0;
    }
    return differing;
}

ImageDiff::Result ImageDiff::compare(const QImage &current, const QImage &reference)
{
    const QSize size = unitedSize(current, reference);
    const QImage a = asArgb(current, size);
    const QImage b = asArgb(reference, size);
    Result result;
    result.image = QImage(size, QImage::Format_ARGB32);
    for (int y = 0; y < size.height(); ++y) {
        const auto *pa = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *pb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        auto *out = reinterpret_cast<QRgb *>(result.image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            if (differ(pa[x], pb[x])) {
                out[x] = highlight;
                ++result.differing;
            } else {
                out[x] = dimmed(qAlpha(pa[x]) ? pa[x] : pb[x]);
            }
        }
    }
    return result;
}
