#include "review/framefiltermodel.h"

#include "review/framelistmodel.h"
#include "review/sessionmanager.h"

#include <algorithm>

FrameFilterModel::FrameFilterModel(FrameListModel *frames, QObject *parent)
    : QSortFilterProxyModel(parent), m_frames(frames), m_manager(frames->manager())
{
    // Rows are tested when they come (filterAcceptsRow), never again on their data's changes:
    // a match is decided when the filter is set.
    setDynamicSortFilter(false);
    setSourceModel(frames);
    m_recount.setSingleShot(true);
    m_recount.setInterval(0);
    connect(&m_recount, &QTimer::timeout, this, &FrameFilterModel::recount);
    // After the FrameListModel's own reset (connected first).
    connect(m_manager, &SessionManager::sessionOpened, this, &FrameFilterModel::sessionOpened);
    const auto later = [this] { m_recount.start(); };
    connect(m_manager, &SessionManager::frameChanged, this, later);
    connect(m_manager, &SessionManager::framesChanged, this, later);
    connect(m_manager, &SessionManager::framesAdded, this, later);
    sessionOpened();
}

void FrameFilterModel::sessionOpened()
{
    // A filter is a session's: another session starts with none (FilterPresenter then sets
    // the one remembered for it).
    setFilter(FrameFilter());
}

void FrameFilterModel::setFilter(const FrameFilter &filter)
{
    m_filter = filter;
    m_recount.stop();
    FrameFilter::Pass pass;
    if (m_manager->hasSession())
        pass = filter.run(m_manager->session().frames);
    m_matching = std::move(pass.matching);
    m_deciding = true; // the pass decided every frame there is
    // The rows are mapped again at once (a layout change): invalidateFilter() would remove
    // the rows that no longer match range by range, which is quadratic for scattered rows.
    invalidate();
    m_deciding = false;
    m_counts = pass.counts;
    emit countsChanged();
}

void FrameFilterModel::recount()
{
    const FrameFilter::Counts counts = m_manager->hasSession()
                                           ? FrameFilter::countsOf(m_manager->session().frames)
                                           : FrameFilter::Counts();
    if (counts == m_counts)
        return;
    m_counts = counts;
    emit countsChanged();
}

bool FrameFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const int frameIndex = m_frames->frameAtRow(sourceRow);
    if (m_filter.isEmpty() ||
        std::binary_search(m_matching.cbegin(), m_matching.cend(), frameIndex))
        return true;
    if (m_deciding || !m_manager->hasSession())
        return false;
    // A frame the run grew by since the filter was set: tested as it comes. (Rows are tested
    // again only when they are inserted: dynamicSortFilter is off.)
    const QMap<int, DirectorFrameState> &all = m_manager->session().frames;
    const auto frame = all.constFind(frameIndex);
    return frame != all.cend() && m_filter.matches(*frame);
}

int FrameFilterModel::frameAtRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return m_frames->frameAtRow(mapToSource(index(row, 0)).row());
}

int FrameFilterModel::rowOfFrame(int frameIndex) const
{
    const int sourceRow = m_frames->rowOfFrame(frameIndex);
    if (sourceRow < 0)
        return -1;
    return mapFromSource(m_frames->index(sourceRow)).row();
}
