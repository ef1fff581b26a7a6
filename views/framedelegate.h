#pragma once

#include <QStyledItemDelegate>

// Paints one frame of the filmstrip: the thumbnail on a checkerboard, its
// status as a coloured border (APPROVED green, AUDIT_WARN amber, AUDIT_FAIL
// red, PENDING and GENERATED grey; StatusBadge's colours for the palette) and
// as a shape in the thumbnail's bottom right corner (StatusBadge: ✓ ✕ ! ○ …),
// badges for audit flags, and marks for
// nudged, patched and noted frames; a paler checkerboard while the thumbnail
// is being made. It reads the model's roles, nothing else.
class FrameDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor statusColour(int status, const QPalette &palette);
    // Where the status's shape is drawn: in a thumbnail's area, or in a cell.
    static QRect statusBadgeRect(const QRect &thumbnail);
    static QRect statusBadgeRect(const QStyleOptionViewItem &option);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
