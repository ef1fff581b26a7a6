#include "statusbadge.h"

#include "session/framestatus.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QRect>

#include <algorithm>

QColor StatusBadge::colour(int status, const QPalette &palette)
{
    // Darker on the light palette (AUDIT_WARN's yellow would all but vanish on white), lighter
    // on the dark one.
    const bool dark = Theme::isDark(palette);
    switch (FrameStatus(status)) {
    case FrameStatus::Approved:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case FrameStatus::AuditWarn:
        return dark ? QColor(0xf9, 0xc2, 0x2e) : QColor(0x8d, 0x62, 0x00);
    case FrameStatus::AuditFail:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    case FrameStatus::Pending:
    case FrameStatus::Generated:
        break;
    }
    return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x6e, 0x6e, 0x6e);
}

namespace {

// The shape, in a square of side 1 (scaled to the badge's rectangle by the caller).
QPainterPath shapeOf(FrameStatus status)
{
    QPainterPath path;
    switch (status) {
    case FrameStatus::Approved: // a tick
        path.moveTo(0.18, 0.52);
        path.lineTo(0.42, 0.76);
        path.lineTo(0.84, 0.26);
        break;
    case FrameStatus::AuditFail: // a cross
        path.moveTo(0.22, 0.22);
        path.lineTo(0.78, 0.78);
        path.moveTo(0.78, 0.22);
        path.lineTo(0.22, 0.78);
        break;
    case FrameStatus::AuditWarn: // a triangle with an exclamation mark
        path.moveTo(0.5, 0.08);
        path.lineTo(0.94, 0.90);
        path.lineTo(0.06, 0.90);
        path.closeSubpath();
        path.moveTo(0.5, 0.38);
        path.lineTo(0.5, 0.62);
        path.moveTo(0.5, 0.74);
        path.lineTo(0.5, 0.78);
        break;
    case FrameStatus::Generated: // a ring
        path.addEllipse(QRectF(0.18, 0.18, 0.64, 0.64));
        break;
    case FrameStatus::Pending: // an ellipsis
        for (const qreal x : {0.2, 0.5, 0.8}) {
            path.moveTo(x, 0.5);
            path.lineTo(x + 0.001, 0.5);
        }
        break;
    }
    return path;
}

} // namespace

void StatusBadge::paintShape(QPainter *painter, const QRect &rect, int status, const QColor &ink)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->translate(rect.topLeft());
    const qreal side = std::min(rect.width(), rect.height());
    const qreal stroke = std::max(1.5, side / 7.0);
    const bool dots = FrameStatus(status) == FrameStatus::Pending;
    QPen pen(ink, dots ? stroke * 1.4 : stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(QTransform::fromScale(side, side).map(shapeOf(FrameStatus(status))));
    painter->restore();
}

void StatusBadge::paint(QPainter *painter, const QRect &rect, int status, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(rect, 3, 3);
    painter->restore();
    paintShape(painter, rect.adjusted(1, 1, -1, -1), status, colour(status, palette));
}
