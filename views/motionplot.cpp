#include "motionplot.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {
constexpr int legendWidth = 150;
} // namespace

MotionPlot::MotionPlot(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("motionPlot"));
    setAccessibleName(tr("Motion plot"));
    setAccessibleDescription(tr("Each frame's baseline gap and pivot shift from the anchor, as "
                                "commit will write it. Click to go to a frame."));
    // As tall as its hint when there is room; a small window keeps it small.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    setCursor(Qt::PointingHandCursor);
}

QSize MotionPlot::sizeHint() const
{
    return {400, 64};
}

QSize MotionPlot::minimumSizeHint() const
{
    return {legendWidth + 100, 24};
}

void MotionPlot::setFrames(const QList<MoveMetrics::Frame> &frames)
{
    m_frames = frames;
    update();
}

void MotionPlot::setCurrentFrame(int frameIndex)
{
    m_current = frameIndex;
    update();
}

QRect MotionPlot::plotArea() const
{
    return rect().adjusted(legendWidth, 4, -4, -4);
}

int MotionPlot::frameAt(int x) const
{
    const QRect area = plotArea();
    if (m_frames.isEmpty() || x < area.left() || x > area.right())
        return -1;
    const qsizetype column = qsizetype(x - area.left()) * m_frames.size() / area.width();
    return m_frames.at(std::clamp<qsizetype>(column, 0, m_frames.size() - 1)).frameIndex;
}

int MotionPlot::columnCentre(int frameIndex) const
{
    const QRect area = plotArea();
    for (qsizetype i = 0; i < m_frames.size(); ++i) {
        if (m_frames.at(i).frameIndex == frameIndex)
            return area.left() + int((2 * i + 1) * area.width() / (2 * m_frames.size()));
    }
    return -1;
}

double MotionPlot::unit() const
{
    double largest = 2.0; // a shift of a pixel or two does not fill the plot
    for (const MoveMetrics::Frame &f : m_frames) {
        if (!f.drift.measured)
            continue;
        largest = std::max({largest, double(std::abs(f.drift.baselineGap)),
                            std::abs(f.drift.pivotShift.x()), std::abs(f.drift.pivotShift.y())});
    }
    return (plotArea().height() / 2.0 - 2) / largest;
}

void MotionPlot::paintDense(QPainter &p, const QRect &area) const
{
    // More frames than pixels: each pixel column shows the range of its frames' values, so
    // that a jump of a single frame among thousands still shows.
    const double u = unit();
    const int zero = area.center().y();
    const qsizetype n = m_frames.size();
    for (int column = 0; column < area.width(); ++column) {
        const qsizetype first = column * n / area.width();
        const qsizetype last = std::max(first + 1, (column + 1) * n / area.width());
        double low[3] = {0, 0, 0};
        double high[3] = {0, 0, 0};
        for (qsizetype i = first; i < last; ++i) {
            const FrameDrift &d = m_frames.at(i).drift;
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

void MotionPlot::paintSeries(QPainter &p, const QRect &area) const
{
    if (m_frames.size() > area.width())
        return paintDense(p, area);
    const double u = unit();
    const double zero = area.center().y();
    const double column = double(area.width()) / m_frames.size();
    QPainterPath pivotX;
    QPainterPath pivotY;
    bool started = false;
    for (qsizetype i = 0; i < m_frames.size(); ++i) {
        const MoveMetrics::Frame &f = m_frames.at(i);
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

void MotionPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x26, 0x26, 0x26));
    const QRect area = plotArea();
    p.setPen(QColor(0x80, 0x80, 0x80));
    p.drawLine(area.left(), area.center().y(), area.right(), area.center().y());
    const QRgb colours[] = {gapColour, pivotXColour, pivotYColour};
    const int lineHeight = (height() - 8) / 3;
    // Stacked when there is room, else side by side in short.
    const bool stacked = lineHeight >= fontMetrics().height();
    const QStringList legend = stacked
                                   ? QStringList{tr("baseline gap"), tr("pivot x"), tr("pivot y")}
                                   : QStringList{tr("gap"), tr("x"), tr("y")};
    for (int i = 0; i < 3; ++i) {
        p.setPen(QColor::fromRgb(colours[i]));
        const QRect cell = stacked ? QRect(6, 4 + i * lineHeight, legendWidth - 8, lineHeight)
                                   : QRect(6 + i * (legendWidth / 3), 0, legendWidth / 3, height());
        p.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter, legend.at(i));
    }
    if (m_frames.isEmpty())
        return;
    if (const int x = columnCentre(m_current); x >= 0) {
        const int w = std::max(2, area.width() / int(m_frames.size()));
        p.fillRect(x - w / 2, area.top(), w, area.height(), QColor(0xff, 0xff, 0xff, 60));
    }
    paintSeries(p, area);
}

void MotionPlot::mousePressEvent(QMouseEvent *event)
{
    const int frame =
        event->button() == Qt::LeftButton ? frameAt(event->position().toPoint().x()) : -1;
    if (frame < 0)
        return QWidget::mousePressEvent(event);
    emit frameClicked(frame);
}
