#pragma once

#include <QImage>
#include <QPointF>
#include <QRect>

// Where a frame's sprite sits on its canvas, as commit writes the frame (its offset applied:
// give it FrameImages::placed() or CommitExporter::translated()): the box of its pixels that
// are not fully transparent (CommitExporter::opaqueBounds, what an atlas trims to), its
// baseline and its pivot. The baseline follows the rule of the anchor's baseline that the
// stage draws (anchor_analysis.json's baselineY): the line under the lowest row holding a
// pixel that is not fully transparent.
struct FrameGeometry
{
    QRect bounds; // frame pixels; null when every pixel is fully transparent

    bool isEmpty() const { return bounds.isNull(); }
    // The y of the line under the lowest visible row, in frame pixels.
    int baseline() const { return bounds.bottom() + 1; }
    // The bottom centre of the box: where the frame's pivot lands once an atlas trims it.
    QPointF pivot() const { return {bounds.left() + bounds.width() / 2.0, double(baseline())}; }

    static FrameGeometry of(const QImage &placed);

    bool operator==(const FrameGeometry &) const = default;
};

// How a frame sits against the anchor: what the export would make of it.
struct FrameDrift
{
    bool measured = false; // both the frame and the anchor have visible pixels
    // The anchor's baseline minus the frame's: positive when the frame's is above the anchor's.
    int baselineGap = 0;
    // The frame's pivot minus the anchor's (x to the right, y down), in frame pixels; a whole or
    // half number.
    QPointF pivotShift;

    static FrameDrift between(const FrameGeometry &frame, const FrameGeometry &anchor);

    bool operator==(const FrameDrift &) const = default;
};
