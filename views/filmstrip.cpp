#include "filmstrip.h"

#include "framedelegate.h"
#include "review/framelistmodel.h"

Filmstrip::Filmstrip(FrameListModel *model, QWidget *parent) : QListView(parent)
{
    setObjectName(QStringLiteral("filmstrip"));
    setAccessibleName(tr("Filmstrip"));
    setAccessibleDescription(
        tr("Every frame of the run with its status. Select one to show it on the stage."));
    setModel(model);
    setItemDelegate(new FrameDelegate(this));
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
    const QSize cell = FrameDelegate().sizeHint({}, {});
    setFixedHeight(cell.height() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);
}
