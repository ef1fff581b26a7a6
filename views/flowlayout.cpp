#include "flowlayout.h"

#include <QWidget>

#include <algorithm>

FlowLayout::FlowLayout(QWidget *parent, int spacing) : QLayout(parent)
{
    setSpacing(spacing);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::sizeHint() const
{
    const QMargins margins = contentsMargins();
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += (width > 0 ? spacing() : 0) + hint.width();
        height = std::max(height, hint.height());
    }
    return QSize(width, height).grownBy(margins);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    return size.grownBy(contentsMargins());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool place) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    int y = area.y();
    // The rows, each its items and their widths; an item in the middle of its row's height.
    QList<QLayoutItem *> row;
    int x = area.x();
    int rowHeight = 0;
    const auto endRow = [&] {
        if (place) {
            int left = area.x();
            for (QLayoutItem *item : std::as_const(row)) {
                const QSize hint = item->sizeHint();
                item->setGeometry(QRect(QPoint(left, y + (rowHeight - hint.height()) / 2), hint));
                left += hint.width() + spacing();
            }
        }
        row.clear();
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        // A new row when this one is full (never before the row's first item).
        if (!row.isEmpty() && x + hint.width() > area.right() + 1) {
            endRow();
            x = area.x();
            y += rowHeight + spacing();
            rowHeight = 0;
        }
        row.append(item);
        x += hint.width() + spacing();
        rowHeight = std::max(rowHeight, hint.height());
    }
    endRow();
    return y + rowHeight - rect.y() + contentsMargins().bottom();
}
