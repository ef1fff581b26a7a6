#include "motionplot.h"

#include <QMouseEvent>
#include <QPainter>

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
    return MotionPlotPainter::frameAt(plotArea(), m_frames, x);
}

int MotionPlot::columnCentre(int frameIndex) const
{
    return MotionPlotPainter::columnCentre(plotArea(), m_frames, frameIndex);
}

void MotionPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor::fromRgb(MotionPlotPainter::backgroundColour));
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
    MotionPlotPainter::paint(p, plotArea(), m_frames, m_current);
}

void MotionPlot::mousePressEvent(QMouseEvent *event)
{
    const int frame =
        event->button() == Qt::LeftButton ? frameAt(event->position().toPoint().x()) : -1;
    if (frame < 0)
        return QWidget::mousePressEvent(event);
    emit frameClicked(frame);
}
