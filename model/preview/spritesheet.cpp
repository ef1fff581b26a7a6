#include "preview/spritesheet.h"

#include <QBuffer>

#include <cstring>

namespace {

// The largest sheet made: 1 GiB of pixels, 65,535 pixels a side (what PNG readers take).
constexpr qint64 maxBytes = qint64(1) << 30;
constexpr int maxSide = 65535;

// Copies `image` (in the sheet's format, of the cell's size) into the cell at x, y.
void copyCell(QImage &sheet, const QImage &image, int x, int y)
{
    const qsizetype rowBytes = qsizetype(image.width()) * image.depth() / 8;
    const qsizetype offset = qsizetype(x) * image.depth() / 8;
    for (int row = 0; row < image.height(); ++row)
        std::memcpy(sheet.scanLine(y + row) + offset, image.constScanLine(row), size_t(rowBytes));
}

} // namespace

int SpriteSheet::columnsFor(int frameCount, int columns)
{
    return columns <= 0 || columns > frameCount ? std::max(frameCount, 1) : columns;
}

Result<QImage> SpriteSheet::compose(const PreviewFrames &frames, int columns,
                                    const PreviewProgress &progress)
{
    const qsizetype count = frames.frames().size();
    const int across = columnsFor(int(count), columns);
    const int down = int((count + across - 1) / across);
    const QSize cell = frames.canvasSize();
    bool deep = false;
    for (const PreviewFrames::Frame &frame : frames.frames())
        deep = deep || frame.image.format() == QImage::Format_RGBA64;
    const QImage::Format format = deep ? QImage::Format_RGBA64 : QImage::Format_ARGB32;
    const qint64 width = qint64(cell.width()) * across;
    const qint64 height = qint64(cell.height()) * down;
    QImage sheet;
    if (width <= maxSide && height <= maxSide && width * height * (deep ? 8 : 4) <= maxBytes)
        sheet = QImage(int(width), int(height), format);
    if (sheet.isNull()) {
        return Outcome::failed(tr("A sheet of %1×%2 pixels is too large to be made; choose "
                                  "another number of columns.")
                                   .arg(width)
                                   .arg(height));
    }
    sheet.fill(Qt::transparent);
    for (qsizetype i = 0; i < count; ++i) {
        if (progress.stopRequested())
            return PreviewProgress::stopped();
        const QImage &image = frames.frames().at(i).image;
        if (!image.isNull()) {
            copyCell(sheet, image.convertedTo(format), int(i % across) * cell.width(),
                     int(i / across) * cell.height());
        }
        progress.step();
    }
    return sheet;
}

Result<QByteArray> SpriteSheet::png(const PreviewFrames &frames, int columns,
                                    const PreviewProgress &progress)
{
    const Result<QImage> sheet = compose(frames, columns, progress);
    if (!sheet)
        return sheet.outcome();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Not stopped while it encodes: Qt's PNG writer, failed by its device half way, leaks its
    // row pointers. A stop asked for meanwhile is seen right after (PreviewExport::write).
    if (!sheet->save(&buffer, "PNG"))
        return Outcome::failed(tr("The sprite sheet could not be encoded as PNG."));
    return bytes;
}
