#pragma once

#include <QStyledItemDelegate>

// The start page's progress column: a run's frames as one bar, a segment per status in the
// filmstrip's colours (StatusBadge: APPROVED green, AUDIT_WARN amber, AUDIT_FAIL red,
// GENERATED grey, PENDING grey outlined), approved first, and "approved/frames" beside it, so
// that the figures never depend on telling the colours apart. Reads RunCatalog::CountsRole.
class RunProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The order of the segments, left to right.
    static const QList<int> &segmentOrder();

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
