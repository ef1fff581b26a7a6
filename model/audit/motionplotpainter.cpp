#include "audit/motionplotpainter.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

void MotionPlotPainter::paint(QPainter &p, const QRect &area, const Frames &frames,
                              int currentFrame)
{
    p.setPen(QColor::fromRgb(axisColour));
    p.drawLine(area.left(), area.center().y(), area.right(), area.center().y());
    if (frames.isEmpty())
        return;
    if (const int x = columnCentre(area, frames, currentFrame); x >= 0) {
        const int w = std::max(2, area.width() / int(frames.size()));
        p.fillRect(x - w / 2, area.top(), w, area.height(), QColor(0xff, 0xff, 0xff, 60));
    }
    paintSeries(p, area, frames);
}

QImage MotionPlotPainter::image(const Frames &frames, const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor::fromRgb(backgroundColour));
    QPainter p(&image);
    paint(p, image.rect().adjusted(4, 4, -4, -4), frames);
    p.end();
    return image;
}

int MotionPlotPainter::frameAt(const QRect &area, const Frames &frames, int x)
{
    if (frames.isEmpty() || x < area.left() || x > area.right())
        return -1;
    const qsizetype column = qsizetype(x - area.left()) * frames.size() / area.width();
    return frames.at(std::clamp<qsizetype>(column, 0, frames.size() - 1)).frameIndex;
}

int MotionPlotPainter::columnCentre(const QRect &area, const Frames &frames, int frameIndex)
{
    for (qsizetype i = 0; i < frames.size(); ++i) {
        if (frames.at(i).frameIndex == frameIndex)
            return area.left() + int((2 * i + 1) * area.width() / (2 * frames.size()));
    }
    return -1;
}

double MotionPlotPainter::unit(const QRect &area, const Frames &frames)
{
    double largest = 2.0; // a shift of a pixel or two does not fill the plot
    for (const MoveMetrics::Frame &f : frames) {
        if (!f.drift.measured)
            continue;
        largest = std::max({largest, double(std::abs(f.drift.baselineGap)),
                            std::abs(f.drift.pivotShift.x()), std::abs(f.drift.pivotShift.y())});
    }
    return (area.height() / 2.0 - 2) / largest;
}

void MotionPlotPainter::paintDense(QPainter &p, const QRect &area, const Frames &frames)
{
    // More frames than pixels: each pixel column shows the range of its frames' values, so
    // that a jump of a single frame among thousands still shows.
    const double u = unit(area, frames);
    const int zero = area.center().y();
    const qsizetype n = frames.size();
    for (int column = 0; column < area.width(); ++column) {
        const qsizetype first = column * n / area.width();
        const qsizetype last = std::max(first + 1, (column + 1) * n / area.width());
        double low[3] = {0, 0, 0};
        double high[3] = {0, 0, 0};
        for (qsizetype i = first; i < last; ++i) {
            const FrameDrift &d = frames.at(i).drift;
            const double values[3] = {double(d.baselineGap), d.pivotShift.x(), d.pivotShift.y()};
            for (int s = 0; s < 3; ++s) {
                low[s] = i == first ? values[s] : std::min(low[s], values[s]);
                high[s] = i == first ? values[s] : std::max(high[s], values[s]);
            }
        }
        const QRgb colours[3] = {gapColour, pivotXColour, pivotYColour};
        for (int s = 0; s < 3; ++s) {
            const int top = zero - int(std::lround(std::max(high[s], s == 0 ? 0.0 : low[s]) * u));
            const int bottom =
                zero - int(std::lround(std::min(low[s], s == 0 ? 0.0 : high[s]) * u));
            p.fillRect(area.left() + column, top, 1, bottom - top + 1, QColor::fromRgb(colours[s]));
        }
    }
}

void MotionPlotPainter::paintSeries(QPainter &p, const QRect &area, const Frames &frames)
{
    if (frames.size() > area.width())
        return paintDense(p, area, frames);
    const double u = unit(area, frames);
    const double zero = area.center().y();
    const double column = double(area.width()) / frames.size();
    QPainterPath pivotX;
    QPainterPath pivotY;
    bool started = false;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const MoveMetrics::Frame &f = frames.at(i);
        const double left = area.left() + i * column;
        if (!f.drift.measured) {
            started = false;
            continue;
        }
        // The gap up when the frame's baseline is above the anchor's, as on the stage.
        const double gap = f.drift.baselineGap * u;
        p.fillRect(QRectF(left + column * 0.2, std::min(zero, zero - gap), column * 0.6,
                          std::max(1.0, std::abs(gap))),
                   QColor::fromRgb(gapColour));
        const QPointF x(left + column / 2, zero - f.drift.pivotShift.x() * u);
        const QPointF y(left + column / 2, zero - f.drift.pivotShift.y() * u);
        if (started) {
            pivotX.lineTo(x);
            pivotY.lineTo(y);
        } else {
            pivotX.moveTo(x);
            pivotY.moveTo(y);
            started = true;
        }
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor::fromRgb(pivotXColour), 1.5));
    p.drawPath(pivotX);
    p.setPen(QPen(QColor::fromRgb(pivotYColour), 1.5));
    p.drawPath(pivotY);
}
