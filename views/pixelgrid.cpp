#include "pixelgrid.h"

#include <QColor>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace PixelGrid {

int scaleFor(int zoom, qreal devicePixelRatio)
{
    return std::max(1, int(std::lround(zoom * devicePixelRatio)));
}

int snap(qreal devicePosition)
{
    return int(std::lround(devicePosition));
}

QPoint snap(QPointF devicePosition)
{
    return {snap(devicePosition.x()), snap(devicePosition.y())};
}

QRect snap(const QRectF &deviceRect)
{
    const QPoint topLeft = snap(deviceRect.topLeft());
    return {topLeft,
            QSize(snap(deviceRect.right()) - topLeft.x(), snap(deviceRect.bottom()) - topLeft.y())};
}

int centred(qreal start, qreal length, int shown)
{
    return snap(start + (length - shown) / 2);
}

QRect centred(const QRectF &area, QSize shown)
{
    return {QPoint(centred(area.left(), area.width(), shown.width()),
                   centred(area.top(), area.height(), shown.height())),
            shown};
}

QRect toLogical(const QRect &device, qreal devicePixelRatio)
{
    return QRectF(device.x() / devicePixelRatio, device.y() / devicePixelRatio,
                  device.width() / devicePixelRatio, device.height() / devicePixelRatio)
        .toRect();
}

int lineWidth(qreal devicePixelRatio)
{
    return std::max(1, snap(devicePixelRatio));
}

void fillChecker(QPainter &painter, const QRect &canvas, qreal devicePixelRatio,
                 const QColor &light, const QColor &dark, int square)
{
    // A tile of four squares: at 8× a 512 px frame's canvas would be a quarter of a million.
    const int side = std::max(1, snap(square * devicePixelRatio));
    QImage tile(2 * side, 2 * side, QImage::Format_RGB32);
    tile.fill(light);
    for (const QPoint corner : {QPoint(side, 0), QPoint(0, side)}) {
        for (int y = 0; y < side; ++y) {
            for (int x = 0; x < side; ++x)
                tile.setPixel(corner.x() + x, corner.y() + y, dark.rgb());
        }
    }
    painter.save();
    painter.setBrushOrigin(canvas.topLeft());
    painter.fillRect(canvas, QBrush(tile));
    painter.restore();
}

DeviceCoordinates::DeviceCoordinates(QPainter &painter, qreal fallbackRatio)
    : m_painter(painter), m_toDevice(painter.deviceTransform()),
      m_ratio(m_toDevice.m11() > 0 ? m_toDevice.m11() : fallbackRatio)
{
    m_painter.save();
    m_painter.setWorldTransform(m_toDevice.inverted());
    m_painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    m_painter.setRenderHint(QPainter::Antialiasing, false);
}

DeviceCoordinates::~DeviceCoordinates()
{
    m_painter.restore();
}

} // namespace PixelGrid
