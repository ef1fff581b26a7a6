#pragma once

#include <QRect>
#include <QTransform>

class QColor;
class QPainter;

// Pixel art on the device's own pixel grid, as the stage and the compare view draw it: each
// source pixel a square of the same whole number of device pixels (scaleFor), every canvas
// starting on a whole device pixel, so that at any device pixel ratio (1, 1.25, 1.5, 2 …) every
// edge is sharp and every pixel the same size. Everything here is in device pixels;
// DeviceCoordinates turns a painter to them.
namespace PixelGrid {

// Device pixels per source pixel at `zoom`: the zoom in device pixels, rounded, 1 at least (zoom
// 1 at 1.5 is 2, never 1 and 2 in turn).
int scaleFor(int zoom, qreal devicePixelRatio);
// The whole device pixel nearest to a position; a rectangle with each edge so (two rectangles
// that meet still meet).
int snap(qreal devicePosition);
QPoint snap(QPointF devicePosition);
QRect snap(const QRectF &deviceRect);
// Where a canvas `shown` device pixels long starts, centred on an axis `length` long from
// `start`; both axes of `area`.
int centred(qreal start, qreal length, int shown);
QRect centred(const QRectF &area, QSize shown);
// A rectangle of device pixels in logical pixels (for tests and mouse hit areas).
QRect toLogical(const QRect &device, qreal devicePixelRatio);
// A line one logical pixel wide, in whole device pixels.
int lineWidth(qreal devicePixelRatio);
// The checkerboard under a canvas (transparency must be visible): squares of `square` logical
// pixels in whole device pixels, counted from the canvas's corner, `light` first; one fill with
// a tiled brush, so only what is in view costs.
void fillChecker(QPainter &painter, const QRect &canvas, qreal devicePixelRatio,
                 const QColor &light, const QColor &dark, int square = 8);

// While one lives, `painter` paints in device pixels (its world transform undone; no smoothing,
// no antialiasing: pixel art stays sharp); the painter as it was again after. The painter's
// device transform says how its logical coordinates lie on the device: the ratio, and where the
// widget starts, which need not be a whole device pixel at 1.5.
class DeviceCoordinates
{
public:
    // `fallbackRatio` when the painter's transform tells none.
    DeviceCoordinates(QPainter &painter, qreal fallbackRatio);
    ~DeviceCoordinates();
    DeviceCoordinates(const DeviceCoordinates &) = delete;
    DeviceCoordinates &operator=(const DeviceCoordinates &) = delete;

    qreal ratio() const { return m_ratio; }
    // The painter's logical coordinates (before) to device pixels.
    const QTransform &toDevice() const { return m_toDevice; }
    QRectF map(const QRectF &logical) const { return m_toDevice.mapRect(logical); }

private:
    QPainter &m_painter;
    QTransform m_toDevice;
    qreal m_ratio;
};

} // namespace PixelGrid
