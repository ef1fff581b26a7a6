#include "runprogressdelegate.h"

#include "run/runcatalog.h"
#include "session/framestatus.h"
#include "statusbadge.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace {

// Where `status` is in allFrameStatuses (CountsRole's order).
int countIndex(FrameStatus status)
{
    return int(std::find(allFrameStatuses.cbegin(), allFrameStatuses.cend(), status) -
               allFrameStatuses.cbegin());
}

} // namespace

const QList<int> &RunProgressDelegate::segmentOrder()
{
    static const QList<int> order{int(FrameStatus::Approved), int(FrameStatus::AuditWarn),
                                  int(FrameStatus::AuditFail), int(FrameStatus::Generated),
                                  int(FrameStatus::Pending)};
    return order;
}

void RunProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const QVariantList counts = index.data(RunCatalog::CountsRole).toList();
    int total = 0;
    for (const QVariant &count : counts)
        total += count.toInt();
    const int approved = counts.value(countIndex(FrameStatus::Approved)).toInt();
    // As the operator's locale writes numbers (2.063/3.000 in German), as the other columns.
    // QLocale(): the view's option.locale omits the group separator.
    const QLocale locale;
    const QString figures =
        QStringLiteral("%1/%2").arg(locale.toString(approved), locale.toString(total));
    const int textWidth =
        option.fontMetrics.horizontalAdvance(QStringLiteral("%1/%1").arg(locale.toString(99999)));
    const QRect cell = option.rect.adjusted(4, 0, -4, 0);
    const QRect bar(cell.left(), cell.center().y() - 5, std::max(0, cell.width() - textWidth - 6),
                    10);

    painter->save();
    painter->setPen(Qt::NoPen);
    int x = bar.left();
    int before = 0;
    for (int status : segmentOrder()) {
        const int count = counts.value(countIndex(FrameStatus(status))).toInt();
        if (count == 0 || total == 0)
            continue;
        // Whole pixels that add up to the bar: each segment ends where the counts so far end.
        before += count;
        const int end = bar.left() + int(qint64(bar.width()) * before / total);
        const QRect segment(x, bar.top(), end - x, bar.height());
        const QColor colour = StatusBadge::colour(status, option.palette);
        if (FrameStatus(status) == FrameStatus::Pending) {
            painter->setPen(colour);
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(segment.adjusted(0, 0, -1, -1));
            painter->setPen(Qt::NoPen);
        } else {
            painter->fillRect(segment, colour);
        }
        x = end;
    }
    painter->setPen(option.state & QStyle::State_Selected
                        ? option.palette.color(QPalette::HighlightedText)
                        : option.palette.color(QPalette::Text));
    painter->drawText(QRect(bar.right() + 6, cell.top(), textWidth, cell.height()),
                      Qt::AlignRight | Qt::AlignVCenter, figures);
    painter->restore();
}

QSize RunProgressDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 220));
    return size;
}
