#include "patchhistoryview.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

PatchHistoryView::PatchHistoryView(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(tr("Patches"), this)), m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("patchHistory"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setObjectName(QStringLiteral("patchList"));
    m_list->setAccessibleName(tr("Patch history"));
    m_list->setHeaderLabels(
        {tr("#"), tr("Original"), tr("Patched"), tr("Mask"), tr("Prompt"), tr("Time")});
    m_list->setRootIsDecorated(false);
    m_list->setIconSize(QSize(thumbnailSize, thumbnailSize));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_label->setBuddy(m_list);
    layout->addWidget(m_label);
    layout->addWidget(m_list, 1);
    clear();
}

void PatchHistoryView::clear()
{
    m_list->clear();
    setVisible(false);
}

void PatchHistoryView::showFrame(const DirectorFrameState &frame)
{
    m_list->clear();
    const QList<PatchHistoryEntry> &patches = frame.directorOverrides.patchHistory;
    const bool patched = frame.directorOverrides.isPatched;
    for (qsizetype i = patches.size() - 1; i >= 0; --i)
        addEntry(patches[i], int(i) + 1, patched && i == patches.size() - 1);
    setVisible(!patches.isEmpty());
}

QImage PatchHistoryView::thumbnailOf(const QImage &image)
{
    return image.isNull() ? image
                          : image.scaled(thumbnailSize, thumbnailSize, Qt::KeepAspectRatio,
                                         Qt::FastTransformation);
}

QImage PatchHistoryView::load(const QString &path) const
{
    return thumbnailOf(m_loader && !path.isEmpty() ? m_loader(path) : QImage());
}

void PatchHistoryView::addEntry(const PatchHistoryEntry &entry, int number, bool current)
{
    const QLocale locale;
    const QDateTime time = QDateTime::fromString(entry.timestamp, Qt::ISODateWithMs);
    auto *item = new QTreeWidgetItem(m_list);
    item->setText(Number, current ? tr("%1 (current)").arg(locale.toString(number))
                                  : locale.toString(number));
    item->setData(Number, Qt::UserRole, number);
    item->setData(Number, CurrentRole, current);
    item->setText(Prompt, entry.prompt);
    item->setToolTip(Prompt, entry.prompt);
    item->setText(Time, time.isValid() ? locale.toString(time.toLocalTime(), QLocale::ShortFormat)
                                       : entry.timestamp);
    const std::pair<Column, QString> images[] = {
        {Original, entry.originalPath}, {Patched, entry.patchedPath}, {Mask, entry.maskPath}};
    for (const auto &[column, path] : images) {
        const QImage thumbnail = load(path);
        item->setData(column, Qt::UserRole, thumbnail);
        if (!thumbnail.isNull())
            item->setIcon(column, QPixmap::fromImage(thumbnail));
        item->setToolTip(column, path);
    }
    if (current) {
        QFont bold = item->font(Number);
        bold.setBold(true);
        for (int column = 0; column < m_list->columnCount(); ++column)
            item->setFont(column, bold);
    }
}

QImage PatchHistoryView::thumbnail(int row, Column column) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? item->data(column, Qt::UserRole).value<QImage>() : QImage();
}
