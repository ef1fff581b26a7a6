#include "framedelegate.h"

#include "review/framelistmodel.h"
#include "session/framestatus.h"
#include "session/reasoncodes.h"
#include "statusbadge.h"

#include <QPainter>

namespace {
constexpr int border = 3;
constexpr int padding = 6;
constexpr int labelHeight = 16;
} // namespace

QColor FrameDelegate::statusColour(int status, const QPalette &palette)
{
    return StatusBadge::colour(status, palette);
}

QSize FrameDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    const int side = FrameListModel::thumbnailSize + 2 * border;
    return {side + 2 * padding, side + labelHeight + 2 * padding};
}

namespace {

// The selected cell is highlighted, the one under the mouse shaded.
void paintBackground(QPainter *painter, const QStyleOptionViewItem &option)
{
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, option.palette.color(QPalette::Highlight));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(option.rect, option.palette.color(QPalette::AlternateBase));
}

// The square the thumbnail is drawn in, inside the status border.
QRect thumbnailArea(const QRect &cell)
{
    const int side = FrameListModel::thumbnailSize;
    return {cell.left() + padding + border, cell.top() + padding + border, side, side};
}

// The status as a coloured band around the thumbnail (drawn under it).
void paintStatusBorder(QPainter *painter, const QStyleOptionViewItem &option,
                       const QRect &frameRect, const QModelIndex &index)
{
    const int status = index.data(FrameListModel::StatusRole).toInt();
    const QColor colour = FrameDelegate::statusColour(status, option.palette);
    painter->fillRect(frameRect.adjusted(-border, -border, border, border), colour);
}

// The status as a shape in the thumbnail's bottom right corner (over it): colour alone would
// not tell every operator.
void paintStatusShape(QPainter *painter, const QStyleOptionViewItem &option, const QRect &frameRect,
                      const QModelIndex &index)
{
    const int status = index.data(FrameListModel::StatusRole).toInt();
    StatusBadge::paint(painter, FrameDelegate::statusBadgeRect(frameRect), status, option.palette);
}

// Squares of 8 px, light in the top left corner: one fill with a tile of four squares.
void paintCheckerboard(QPainter *painter, const QRect &frameRect, bool loading)
{
    const auto tileOf = [](const QColor &light, const QColor &dark) {
        QImage tile(16, 16, QImage::Format_RGB32);
        tile.fill(light);
        for (int y = 0; y < 16; ++y) {
            for (int x = 0; x < 16; ++x) {
                if ((x / 8 + y / 8) % 2)
                    tile.setPixel(x, y, dark.rgb());
            }
        }
        return QBrush(tile);
    };
    static const QBrush shown = tileOf(QColor(0xc8, 0xc8, 0xc8), QColor(0x9a, 0x9a, 0x9a));
    static const QBrush waiting = tileOf(QColor(0xdc, 0xdc, 0xdc), QColor(0xc4, 0xc4, 0xc4));
    const QPoint origin = painter->brushOrigin();
    painter->setBrushOrigin(frameRect.topLeft());
    painter->fillRect(frameRect, loading ? waiting : shown);
    painter->setBrushOrigin(origin);
}

// The thumbnail, centred on a checkerboard. It is made off the GUI thread:
// until it is there, a paler checkerboard with an ellipsis; a frame without
// an image says so.
void paintThumbnail(QPainter *painter, const QRect &frameRect, const QModelIndex &index)
{
    const QImage thumbnail = index.data(Qt::DecorationRole).value<QImage>();
    const bool loading =
        thumbnail.isNull() && index.data(FrameListModel::ThumbnailLoadingRole).toBool();
    paintCheckerboard(painter, frameRect, loading);
    if (!thumbnail.isNull()) {
        const QRect target(QPoint(0, 0), thumbnail.size());
        painter->drawImage(target.translated(frameRect.center() - target.center()), thumbnail);
    } else if (loading) {
        painter->setPen(QColor(0x75, 0x75, 0x75));
        painter->drawText(frameRect, Qt::AlignCenter, QStringLiteral("…"));
    } else {
        painter->setPen(QColor(0x42, 0x42, 0x42));
        painter->drawText(frameRect, Qt::AlignCenter, FrameDelegate::tr("no\nimage"));
    }
}

// The small bold lettering of the flag badges and the marks.
QFont badgeFont(const QFont &font)
{
    QFont small = font;
    small.setPixelSize(9);
    small.setBold(true);
    return small;
}

QColor badgeColour(const QString &flag)
{
    switch (ReasonCodes::severityOf(flag)) {
    case ReasonCodes::Severity::Hard:
        return {0xc6, 0x28, 0x28};
    case ReasonCodes::Severity::Soft:
        return {0xef, 0x6c, 0x00};
    case ReasonCodes::Severity::System:
    case ReasonCodes::Severity::Unknown:
        break;
    }
    return {0x61, 0x61, 0x61};
}

// Flag badges, top right, the first four, right to left: red for hard
// failures, amber for soft ones.
void paintFlags(QPainter *painter, const QRect &frameRect, const QModelIndex &index)
{
    const QStringList flags = index.data(FrameListModel::FlagsRole).toStringList();
    int x = frameRect.right() - 12;
    for (const QString &flag : flags.mid(0, 4)) {
        const QRect r(x, frameRect.top() + 2, 11, 11);
        painter->setPen(Qt::NoPen);
        painter->setBrush(badgeColour(flag));
        painter->drawEllipse(r);
        painter->setPen(Qt::white);
        painter->drawText(r, Qt::AlignCenter,
                          flag.left(1) == QLatin1String("H") ? QStringLiteral("!")
                                                             : QStringLiteral("?"));
        x -= 13;
    }
}

// Marks, bottom left: nudged, patched, noted.
void paintMarks(QPainter *painter, const QRect &frameRect, const QModelIndex &index)
{
    QStringList marks;
    if (index.data(FrameListModel::NudgedRole).toBool())
        marks.append(QStringLiteral("✥"));
    if (index.data(FrameListModel::PatchedRole).toBool())
        marks.append(QStringLiteral("P"));
    if (index.data(FrameListModel::NotedRole).toBool())
        marks.append(QStringLiteral("✎"));
    if (marks.isEmpty())
        return;
    const QRect r(frameRect.left() + 1, frameRect.bottom() - 12, 12 * int(marks.size()) + 4, 12);
    painter->fillRect(r, QColor(0, 0, 0, 160));
    painter->setPen(Qt::white);
    painter->drawText(r, Qt::AlignCenter, marks.join(QLatin1Char(' ')));
}

// The frame number under the thumbnail, in the cell's own font.
void paintLabel(QPainter *painter, const QStyleOptionViewItem &option, const QRect &frameRect,
                const QModelIndex &index)
{
    const bool selected = option.state & QStyle::State_Selected;
    painter->setFont(option.font);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect label(option.rect.left(), frameRect.bottom() + border + 1, option.rect.width(),
                      labelHeight);
    painter->drawText(label, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
}

} // namespace

QRect FrameDelegate::statusBadgeRect(const QRect &thumbnail)
{
    const int side = 15;
    return {thumbnail.right() - side, thumbnail.bottom() - side, side, side};
}

QRect FrameDelegate::statusBadgeRect(const QStyleOptionViewItem &option)
{
    return statusBadgeRect(thumbnailArea(option.rect));
}

void FrameDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    painter->save();
    // The thumbnail is pixel art scaled by whole factors: on a high-DPI
    // screen it is scaled again, and must stay sharp.
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    paintBackground(painter, option);
    const QRect frameRect = thumbnailArea(option.rect);
    paintStatusBorder(painter, option, frameRect, index);
    paintThumbnail(painter, frameRect, index);
    paintStatusShape(painter, option, frameRect, index);
    painter->setFont(badgeFont(option.font));
    paintFlags(painter, frameRect, index);
    paintMarks(painter, frameRect, index);
    paintLabel(painter, option, frameRect, index);
    painter->restore();
}
