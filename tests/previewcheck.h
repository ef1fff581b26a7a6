#pragma once

// Reads a preview back for the tests: the animated WebP decoded with libwebp's own
// WebPAnimDecoder (as a browser would), and pixels compared exactly, colour under
// transparency included.

#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QList>
#include <QString>

#include <webp/demux.h>

namespace PreviewCheck {

struct Animation
{
    bool ok = false;
    QSize canvas;
    int loopCount = -1;
    QList<QImage> frames; // each as the canvas shows it, RGBA8888
    QList<int> durations; // milliseconds each frame is shown
};

inline Animation decodeWebp(const QString &path)
{
    Animation animation;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return animation;
    const QByteArray bytes = file.readAll();
    WebPData data{reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size())};
    WebPAnimDecoderOptions options;
    WebPAnimDecoderOptionsInit(&options);
    options.color_mode = MODE_RGBA; // not premultiplied
    WebPAnimDecoder *decoder = WebPAnimDecoderNew(&data, &options);
    if (!decoder)
        return animation;
    WebPAnimInfo info;
    if (WebPAnimDecoderGetInfo(decoder, &info)) {
        animation.canvas = QSize(int(info.canvas_width), int(info.canvas_height));
        animation.loopCount = int(info.loop_count);
        int previous = 0;
        animation.ok = true;
        while (WebPAnimDecoderHasMoreFrames(decoder)) {
            uint8_t *pixels = nullptr;
            int timestamp = 0;
            if (!WebPAnimDecoderGetNext(decoder, &pixels, &timestamp)) {
                animation.ok = false;
                break;
            }
            animation.frames.append(QImage(pixels, animation.canvas.width(),
                                           animation.canvas.height(), QImage::Format_RGBA8888)
                                        .copy());
            animation.durations.append(timestamp - previous);
            previous = timestamp;
        }
    }
    WebPAnimDecoderDelete(decoder);
    return animation;
}

// The first pixel where a and b differ (as ARGB, colour under transparency included), as
// "x,y: #aarrggbb vs #aarrggbb"; empty when they are equal, "size" when their sizes differ.
inline QString firstDifference(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return QStringLiteral("size %1x%2 vs %3x%4")
            .arg(a.width())
            .arg(a.height())
            .arg(b.width())
            .arg(b.height());
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    for (int row = 0; row < x.height(); ++row) {
        for (int column = 0; column < x.width(); ++column) {
            if (x.pixel(column, row) != y.pixel(column, row)) {
                return QStringLiteral("%1,%2: #%3 vs #%4")
                    .arg(column)
                    .arg(row)
                    .arg(x.pixel(column, row), 8, 16, QLatin1Char('0'))
                    .arg(y.pixel(column, row), 8, 16, QLatin1Char('0'));
            }
        }
    }
    return QString();
}

// A fully transparent image of `size`, every pixel 0.
inline QImage transparent(const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(0);
    return image;
}

} // namespace PreviewCheck
