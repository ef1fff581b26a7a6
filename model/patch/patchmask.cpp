#include "patch/patchmask.h"

#include "run/imageloader.h"

#include <QDir>

Result<QImage> PatchMask::load(const QString &path, QSize frameSize)
{
    const Result<QImage> image = ImageLoader::load(path);
    if (!image)
        return Outcome::invalid(
            tr("The mask %1 cannot be read: %2")
                .arg(QDir::toNativeSeparators(path), image.outcome().message()));
    if (image->size() != frameSize)
        return Outcome::invalid(tr("The mask %1 is %2×%3 pixels; the frame is %4×%5.")
                                    .arg(QDir::toNativeSeparators(path))
                                    .arg(image->width())
                                    .arg(image->height())
                                    .arg(frameSize.width())
                                    .arg(frameSize.height()));
    QImage mask = fromImage(*image);
    if (count(mask) == 0)
        return Outcome::invalid(
            tr("The mask %1 masks no pixel (white, opaque pixels are repainted).")
                .arg(QDir::toNativeSeparators(path)));
    return mask;
}

QImage PatchMask::fromImage(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QImage mask(argb.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        uchar *out = mask.scanLine(y);
        for (int x = 0; x < argb.width(); ++x)
            out[x] = qAlpha(in[x]) >= threshold && qGray(in[x]) >= threshold ? masked : 0;
    }
    return mask;
}

qsizetype PatchMask::count(const QImage &mask)
{
    qsizetype n = 0;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            n += isMasked(mask, x, y) ? 1 : 0;
    return n;
}

QImage PatchMask::compose(const QImage &frame, const QImage &provided, const QImage &mask)
{
    // In 16 bits a channel, which holds either image's pixels exactly.
    QImage out = frame.convertToFormat(QImage::Format_RGBA64);
    const QImage in = provided.convertToFormat(QImage::Format_RGBA64);
    for (int y = 0; y < out.height(); ++y) {
        auto *to = reinterpret_cast<QRgba64 *>(out.scanLine(y));
        const auto *from = reinterpret_cast<const QRgba64 *>(in.constScanLine(y));
        for (int x = 0; x < out.width(); ++x)
            if (isMasked(mask, x, y))
                to[x] = from[x];
    }
    return frame.format() == QImage::Format_RGBA64 ? out : out.convertToFormat(frame.format());
}
