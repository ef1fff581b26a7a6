#pragma once

#include "audit/movemetrics.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <QRgb>

class QPainter;

// How the motion plot draws a move (README.md, "Motion plot"): each frame's baseline gap from
// the anchor (bars) and its pivot's shift in x and y (lines), one column per frame in the order
// given, around a zero line; with more frames than pixel columns, each column shows the range of
// its frames' values. Paints on any QPainter, on any thread: the window's plot (MotionPlot, which
// adds the legend and the clicks) and the report's picture of the move (model/report) are the
// same drawing. Draws no text, so that a headless command (no fonts without a GUI application)
// can draw it too.
class MotionPlotPainter
{
public:
    static constexpr QRgb gapColour = 0xffff4081;    // as the baseline overlay
    static constexpr QRgb pivotXColour = 0xffffd600; // as the box overlay
    static constexpr QRgb pivotYColour = 0xff00e5ff;
    static constexpr QRgb backgroundColour = 0xff262626;
    static constexpr QRgb axisColour = 0xff808080;

    using Frames = QList<MoveMetrics::Frame>;

    // The zero line, the current frame's column marked (none when -1) and every frame's values,
    // inside `area`.
    static void paint(QPainter &p, const QRect &area, const Frames &frames, int currentFrame = -1);
    // The plot alone on its background, `size` pixels, with a margin of 4 pixels.
    static QImage image(const Frames &frames, const QSize &size);

    // The frame whose column holds x, -1 when none; and a column's centre (-1: not plotted).
    static int frameAt(const QRect &area, const Frames &frames, int x);
    static int columnCentre(const QRect &area, const Frames &frames, int frameIndex);
    // Pixels of the plot per frame pixel of shift.
    static double unit(const QRect &area, const Frames &frames);

private:
    static void paintSeries(QPainter &p, const QRect &area, const Frames &frames);
    static void paintDense(QPainter &p, const QRect &area, const Frames &frames);
};
