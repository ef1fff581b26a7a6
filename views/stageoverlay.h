#pragma once

#include <QPoint>
#include <QRect>

class QPainter;

// Where the stage draws the current frame, for what is drawn over it.
struct StageGeometry
{
    QRect canvas;  // the frame's canvas, not moved, in device pixels
    int scale = 1; // device pixels per frame pixel (a whole number)
    QPoint offset; // the frame's offset as drawn (saved offset and drag), in frame pixels
    qreal devicePixelRatio = 1.0;

    // The device pixel rectangle of frame pixels `rect` (frame coordinates, not moved).
    QRect toDevice(const QRect &rect) const
    {
        return {canvas.topLeft() + rect.topLeft() * scale, rect.size() * scale};
    }
    // The same, moved by the frame's offset (where the sprite's own pixels are drawn).
    QRect toDeviceMoved(const QRect &rect) const { return toDevice(rect.translated(offset)); }
};

// Something drawn over the stage's frame, exactly on its pixels: the audit's evidence
// (off-palette pixels, baselines, bounding boxes). The stage paints each overlay after the
// frame, with the painter in device pixels (no transform), sharp edges, no antialiasing.
class StageOverlay
{
public:
    virtual ~StageOverlay() = default;
    virtual void paint(QPainter &painter, const StageGeometry &geometry) const = 0;
};
