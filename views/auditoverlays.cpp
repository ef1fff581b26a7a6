#include "auditoverlays.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

int lineWidth(const StageGeometry &g)
{
    return std::max(1, int(std::lround(g.devicePixelRatio)));
}

// A shift of a whole or half pixel, signed: "+1.5", "-2", "0".
QString signedPixels(double value)
{
    const QString number = QLocale().toString(value, 'g', 6);
    return value > 0 ? QStringLiteral("+") + number : number;
}

} // namespace

void paintStageLabel(QPainter &p, const QString &text, QPoint at, QRgb accent, bool rightAligned)
{
    const QFontMetrics metrics(p.font());
    const QRect box = metrics.boundingRect(text).adjusted(-4, -2, 7, 2);
    const QRect placed =
        box.translated(at - (rightAligned ? box.topRight() + QPoint(1, 0) : box.topLeft()));
    p.fillRect(placed, QColor(0, 0, 0, 200));
    p.fillRect(placed.left(), placed.top(), 3, placed.height(), QColor::fromRgb(accent));
    p.setPen(Qt::white);
    p.drawText(placed.adjusted(3, 0, 0, 0), Qt::AlignCenter, text);
}

void PaletteOverlay::set(const QList<QPoint> &pixels, QSize size, QPoint measuredAt)
{
    m_measuredAt = measuredAt;
    if (pixels.isEmpty()) {
        m_checker = {};
        return;
    }
    m_checker = QImage(size * 2, QImage::Format_ARGB32);
    m_checker.fill(Qt::transparent);
    for (const QPoint &pixel : pixels) {
        auto *top = reinterpret_cast<QRgb *>(m_checker.scanLine(2 * pixel.y())) + 2 * pixel.x();
        auto *bottom =
            reinterpret_cast<QRgb *>(m_checker.scanLine(2 * pixel.y() + 1)) + 2 * pixel.x();
        top[0] = bottom[1] = magenta;
        top[1] = bottom[0] = green;
    }
}

void PaletteOverlay::paint(QPainter &p, const StageGeometry &g) const
{
    if (m_checker.isNull())
        return;
    // Nearest neighbour: each checker pixel a block of whole device pixels.
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QPoint drag = g.offset - m_measuredAt;
    p.drawImage(g.toDevice(QRect(drag, m_checker.size() / 2)), m_checker);
}

void BaselineOverlay::set(const FrameGeometry &frame, const FrameGeometry &anchor,
                          QPoint measuredAt)
{
    m_frame = frame;
    m_drift = FrameDrift::between(frame, anchor);
    m_measuredAt = measuredAt;
}

QString BaselineOverlay::label() const
{
    if (!m_drift.measured)
        return {};
    const int gap = m_drift.baselineGap;
    if (gap == 0)
        return tr("on the anchor's baseline");
    return gap > 0 ? tr("%n px above anchor", nullptr, gap)
                   : tr("%n px below anchor", nullptr, -gap);
}

void BaselineOverlay::paint(QPainter &p, const StageGeometry &g) const
{
    if (m_frame.isEmpty())
        return;
    const QPoint drag = g.offset - m_measuredAt;
    const int line = lineWidth(g);
    const int y = g.toDevice(QRect(0, m_frame.baseline() + drag.y(), 1, 1)).top();
    const int overhang = 8 * line;
    const QColor colour = QColor::fromRgb(BaselineOverlay::colour);
    // The line lies on the top edge of the row under the sprite, like the anchor's guide.
    p.fillRect(g.canvas.left() - overhang, y - line / 2, g.canvas.width() + 2 * overhang, line,
               colour);
    if (!m_drift.measured)
        return;
    const int anchorY = y + m_drift.baselineGap * g.scale;
    const int x = g.canvas.right() + overhang;
    p.fillRect(x - line, std::min(y, anchorY), line, std::abs(anchorY - y) + line, colour);
    // Inside the canvas, at its right, above the frame's line.
    const int height = QFontMetrics(p.font()).height() + 4;
    paintStageLabel(p, label(), QPoint(g.canvas.right() - 2 * line, y - height - 2 * line),
                    BaselineOverlay::colour, true);
}

void BoundsOverlay::set(const FrameGeometry &frame, const FrameGeometry &anchor, QPoint measuredAt)
{
    m_frame = frame;
    m_anchor = anchor;
    m_drift = FrameDrift::between(frame, anchor);
    m_measuredAt = measuredAt;
}

QString BoundsOverlay::label() const
{
    if (!m_drift.measured)
        return {};
    return tr("pivot %1, %2 px from anchor's")
        .arg(signedPixels(m_drift.pivotShift.x()), signedPixels(m_drift.pivotShift.y()));
}

namespace {

void paintBox(QPainter &p, const QRect &device, const QColor &colour, Qt::PenStyle style, int line)
{
    QPen pen(colour, line, style, Qt::FlatCap, Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const int inset = line / 2;
    p.drawRect(device.adjusted(inset, inset, -line + inset, -line + inset));
}

void paintPivot(QPainter &p, QPointF pivot, const StageGeometry &g, const QColor &colour, int line)
{
    const QPoint at(g.canvas.left() + int(std::lround(pivot.x() * g.scale)),
                    g.canvas.top() + int(std::lround(pivot.y() * g.scale)));
    const int arm = 6 * line;
    p.fillRect(at.x() - arm, at.y() - line / 2, 2 * arm, line, colour);
    p.fillRect(at.x() - line / 2, at.y() - arm, line, 2 * arm, colour);
}

} // namespace

void BoundsOverlay::paint(QPainter &p, const StageGeometry &g) const
{
    const int line = lineWidth(g);
    const QColor anchorColour = QColor::fromRgb(BoundsOverlay::anchorColour);
    const QColor frameColour = QColor::fromRgb(BoundsOverlay::frameColour);
    if (!m_anchor.isEmpty()) {
        paintBox(p, g.toDevice(m_anchor.bounds), anchorColour, Qt::DashLine, line);
        paintPivot(p, m_anchor.pivot(), g, anchorColour, line);
    }
    if (m_frame.isEmpty())
        return;
    const QPoint drag = g.offset - m_measuredAt;
    const QRect box = g.toDevice(m_frame.bounds.translated(drag));
    paintBox(p, box, frameColour, Qt::SolidLine, line);
    paintPivot(p, m_frame.pivot() + QPointF(drag), g, frameColour, line);
    if (m_drift.measured)
        paintStageLabel(p, label(), QPoint(box.left(), box.bottom() + 8 * line),
                        BoundsOverlay::frameColour);
}
