#pragma once

#include <QStyledItemDelegate>

// Paints one frame of the filmstrip: the thumbnail on a checkerboard, its
// status as a coloured border (APPROVED green, AUDIT_WARN yellow, AUDIT_FAIL
// red, PENDING and GENERATED grey), badges for audit flags, and marks for
// nudged, patched and noted frames; a paler checkerboard while the thumbnail
// is being made. It reads the model's roles, nothing else.
class FrameDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor statusColour(int status);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
