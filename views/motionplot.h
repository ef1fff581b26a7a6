#pragma once

#include "audit/motionplotpainter.h"

#include <QList>
#include <QWidget>

// A small plot along the filmstrip of how each frame sits against the anchor across the whole
// move, as commit will write it: the baseline gap (bars) and the pivot's shift in x and y
// (lines), one column per frame in the filmstrip's order, so that a bounce or jitter is seen at
// a glance. The current frame's column is marked; a click goes to the frame under it. The plot
// itself is MotionPlotPainter's drawing (the report draws the same); the widget adds the legend.
class MotionPlot : public QWidget
{
    Q_OBJECT

public:
    static constexpr QRgb gapColour = MotionPlotPainter::gapColour;
    static constexpr QRgb pivotXColour = MotionPlotPainter::pivotXColour;
    static constexpr QRgb pivotYColour = MotionPlotPainter::pivotYColour;

    explicit MotionPlot(QWidget *parent = nullptr);

    // The frames to plot, in the filmstrip's order.
    void setFrames(const QList<MoveMetrics::Frame> &frames);
    const QList<MoveMetrics::Frame> &frames() const { return m_frames; }
    void setCurrentFrame(int frameIndex);
    int currentFrame() const { return m_current; }

    // The frame whose column holds x (widget coordinates), -1 when none; and a column's centre.
    int frameAt(int x) const;
    int columnCentre(int frameIndex) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A click on the plot: the operator asks for this frame.
    void frameClicked(int frameIndex);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRect plotArea() const;

    QList<MoveMetrics::Frame> m_frames;
    int m_current = -1;
};
