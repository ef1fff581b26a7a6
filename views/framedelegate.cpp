#include "framedelegate.h"

#include "review/framelistmodel.h"
#include "session/framestatus.h"
#include "session/reasoncodes.h"

#include <QPainter>

namespace {
constexpr int border = 3;
constexpr int padding = 6;
constexpr int labelHeight = 16;
} // namespace

QColor FrameDelegate::statusColour(int status)
{
    switch (FrameStatus(status)) {
    case FrameStatus::Approved:
        return {0x43, 0xa0, 0x47};
    case FrameStatus::AuditWarn:
        return {0xf9, 0xc2, 0x2e};
    case FrameStatus::AuditFail:
        return {0xe5, 0x39, 0x35};
    case FrameStatus::Pending:
    case FrameStatus::Generated:
        break;
    }
    return {0x9e, 0x9e, 0x9e};
}

QSize FrameDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    const int side = FrameListModel::thumbnailSize + 2 * border;
    return {side + 2 * padding, side + labelHeight + 2 * padding};
}

void FrameDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    painter->save();
    // The thumbnail is pixel art scaled by whole factors: on a high-DPI
    // screen it is scaled again, and must stay sharp.
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    const bool selected = option.state & QStyle::State_Selected;
    const QRect cell = option.rect;
    if (selected)
        painter->fillRect(cell, option.palette.color(QPalette::Highlight));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(cell, option.palette.color(QPalette::AlternateBase));

    const int side = FrameListModel::thumbnailSize;
    const QRect frameRect(cell.left() + padding + border, cell.top() + padding + border, side,
                          side);

    // Status border.
    const QColor colour = statusColour(index.data(FrameListModel::StatusRole).toInt());
    painter->fillRect(frameRect.adjusted(-border, -border, border, border), colour);

    // Checkerboard and thumbnail. The thumbnail is made off the GUI thread:
    // until it is there, a paler checkerboard with an ellipsis.
    const QImage thumbnail = index.data(Qt::DecorationRole).value<QImage>();
    const bool loading =
        thumbnail.isNull() && index.data(FrameListModel::ThumbnailLoadingRole).toBool();
    const QColor dark = loading ? QColor(0xc4, 0xc4, 0xc4) : QColor(0x9a, 0x9a, 0x9a);
    const QColor light = loading ? QColor(0xdc, 0xdc, 0xdc) : QColor(0xc8, 0xc8, 0xc8);
    for (int y = 0; y < side; y += 8)
        for (int x = 0; x < side; x += 8)
            painter->fillRect(frameRect.left() + x, frameRect.top() + y, 8, 8,
                              ((x + y) / 8) % 2 ? dark : light);
    if (!thumbnail.isNull()) {
        const QRect target(QPoint(0, 0), thumbnail.size());
        painter->drawImage(target.translated(frameRect.center() - target.center()), thumbnail);
    } else if (loading) {
        painter->setPen(QColor(0x75, 0x75, 0x75));
        painter->drawText(frameRect, Qt::AlignCenter, QStringLiteral("…"));
    } else {
        painter->setPen(QColor(0x42, 0x42, 0x42));
        painter->drawText(frameRect, Qt::AlignCenter, tr("no\nimage"));
    }

    // Flag badges, top right: red for hard failures, amber for soft ones.
    const QStringList flags = index.data(FrameListModel::FlagsRole).toStringList();
    QFont small = option.font;
    small.setPixelSize(9);
    small.setBold(true);
    painter->setFont(small);
    int x = frameRect.right() - 12;
    for (const QString &flag : flags.mid(0, 4)) {
        const ReasonCodes::Severity severity = ReasonCodes::severityOf(flag);
        const QColor badge = severity == ReasonCodes::Severity::Hard   ? QColor(0xc6, 0x28, 0x28)
                             : severity == ReasonCodes::Severity::Soft ? QColor(0xef, 0x6c, 0x00)
                                                                       : QColor(0x61, 0x61, 0x61);
        const QRect r(x, frameRect.top() + 2, 11, 11);
        painter->setPen(Qt::NoPen);
        painter->setBrush(badge);
        painter->drawEllipse(r);
        painter->setPen(Qt::white);
        painter->drawText(r, Qt::AlignCenter,
                          flag.left(1) == QLatin1String("H") ? QStringLiteral("!")
                                                             : QStringLiteral("?"));
        x -= 13;
    }

    // Marks, bottom left: nudged, patched, noted.
    QStringList marks;
    if (index.data(FrameListModel::NudgedRole).toBool())
        marks.append(QStringLiteral("✥"));
    if (index.data(FrameListModel::PatchedRole).toBool())
        marks.append(QStringLiteral("P"));
    if (index.data(FrameListModel::NotedRole).toBool())
        marks.append(QStringLiteral("✎"));
    if (!marks.isEmpty()) {
        const QString text = marks.join(QLatin1Char(' '));
        QRect r(frameRect.left() + 1, frameRect.bottom() - 12, 12 * int(marks.size()) + 4, 12);
        painter->fillRect(r, QColor(0, 0, 0, 160));
        painter->setPen(Qt::white);
        painter->drawText(r, Qt::AlignCenter, text);
    }

    // The frame number under it.
    painter->setFont(option.font);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect label(cell.left(), frameRect.bottom() + border + 1, cell.width(), labelHeight);
    painter->drawText(label, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
    painter->restore();
}
