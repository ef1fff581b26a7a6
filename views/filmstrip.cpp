#include "filmstrip.h"

#include "framedelegate.h"
#include "review/framefiltermodel.h"
#include "review/framelistmodel.h"

#include <QAccessible>
#include <QItemSelectionModel>
#include <QKeyEvent>

#include <algorithm>

Filmstrip::Filmstrip(FrameListModel *model, QWidget *parent)
    : QListView(parent), m_filtered(new FrameFilterModel(model, this))
{
    setObjectName(QStringLiteral("filmstrip"));
    setAccessibleName(tr("Filmstrip"));
    setAccessibleDescription(
        tr("The frames of the run the filter shows, with their status. Select one to show it on "
           "the stage; select several (Shift or Ctrl click, Shift+arrows) to give them one "
           "verdict or one nudge."));
    setModel(m_filtered);
    setItemDelegate(new FrameDelegate(this));
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
    const QSize cell = FrameDelegate().sizeHint({}, {});
    setFixedHeight(cell.height() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);
}

int Filmstrip::frameAt(int row) const
{
    return m_filtered->frameAtRow(row);
}

bool Filmstrip::showsFrame(int frameIndex) const
{
    return m_filtered->showsFrame(frameIndex);
}

bool Filmstrip::showsEveryFrame() const
{
    return m_filtered->filter().isEmpty();
}

int Filmstrip::frameAfter(int frameIndex, int delta) const
{
    const int row = m_filtered->rowOfFrame(frameIndex);
    if (row >= 0)
        return frameAt(row + delta);
    // A hidden frame: the nearest shown on that side.
    return frameAt(m_filtered->rowBeside(frameIndex, delta));
}

void Filmstrip::showFrame(int frameIndex)
{
    const int row = m_filtered->rowOfFrame(frameIndex);
    const QModelIndex index = row >= 0 ? m_filtered->index(row, 0) : QModelIndex();
    if (currentIndex() == index)
        return;
    if (!index.isValid()) {
        selectionModel()->clear();
        return;
    }
    setCurrentIndex(index);
    scrollTo(index);
}

QList<int> Filmstrip::selectedFrames(int current) const
{
    // The selection's ranges, row by row: selectedRows() makes an index of every row and asks
    // of each whether its row is selected (milliseconds for thousands of rows). The strip has
    // one column: a range that holds it selects its rows.
    QList<int> frames;
    const QItemSelection selection = selectionModel()->selection();
    for (const QItemSelectionRange &range : selection) {
        if (!range.isValid() || range.parent().isValid() || range.left() > 0)
            continue;
        for (int row = range.top(); row <= range.bottom(); ++row)
            frames.append(frameAt(row));
    }
    std::sort(frames.begin(), frames.end());
    frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
    if (frames.size() < 2)
        return {current};
    return frames;
}

void Filmstrip::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                            const QList<int> &roles)
{
    Q_ASSERT(uniformItemSizes());
    // Qt unites the rectangles of every row of the range to repaint (a style option made for
    // each): for a verdict on thousands of frames, tens of milliseconds. The rows shown are
    // painted again instead; there are no editors to update (the rows are not editable);
    // assistive tools are told as Qt tells them.
    constexpr int mostRowsUnited = 256;
    if (bottomRight.row() - topLeft.row() < mostRowsUnited) {
        QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    viewport()->update();
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive()) {
        QAccessibleTableModelChangeEvent event(this, QAccessibleTableModelChangeEvent::DataChanged);
        event.setFirstRow(topLeft.row());
        event.setFirstColumn(topLeft.column());
        event.setLastRow(bottomRight.row());
        event.setLastColumn(bottomRight.column());
        QAccessible::updateAccessibility(&event);
    }
#endif
}

QRegion Filmstrip::visualRegionForSelection(const QItemSelection &selection) const
{
    constexpr qsizetype mostRowsUnited = 256;
    qsizetype rows = 0;
    for (const QItemSelectionRange &range : selection)
        rows += range.height();
    if (rows < mostRowsUnited)
        return QListView::visualRegionForSelection(selection);
    return viewport()->rect();
}

QItemSelectionModel::SelectionFlags Filmstrip::selectionCommand(const QModelIndex &index,
                                                                const QEvent *event) const
{
    if (!event)
        return QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows;
    return QListView::selectionCommand(index, event);
}

void Filmstrip::extendSelection(int delta)
{
    // As the list view's own Shift+arrow does it, from the frame where the selection started.
    QKeyEvent press(QEvent::KeyPress, delta > 0 ? Qt::Key_Right : Qt::Key_Left, Qt::ShiftModifier);
    keyPressEvent(&press);
}
