#include "review/framefiltermodel.h"

#include "review/framelistmodel.h"
#include "review/sessionmanager.h"

#include <algorithm>
#include <bit>

namespace {
constexpr int bitFlags = 64; // flag ids below this are bits of Facts::flags
} // namespace

FrameFilterModel::FrameFilterModel(FrameListModel *frames, QObject *parent)
    : QAbstractProxyModel(parent), m_frames(frames), m_manager(frames->manager())
{
    beginResetModel();
    QAbstractProxyModel::setSourceModel(frames);
    connect(frames, &QAbstractItemModel::modelAboutToBeReset, this,
            &FrameFilterModel::sourceAboutToBeReset);
    connect(frames, &QAbstractItemModel::modelReset, this, &FrameFilterModel::sourceReset);
    connect(frames, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &FrameFilterModel::sourceRowsAboutToBeInserted);
    connect(frames, &QAbstractItemModel::rowsInserted, this, &FrameFilterModel::sourceRowsInserted);
    connect(frames, &QAbstractItemModel::dataChanged, this, &FrameFilterModel::sourceDataChanged);
    // The FrameListModel never removes nor moves rows: should it, everything is decided again.
    connect(frames, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &FrameFilterModel::sourceAboutToBeReset);
    connect(frames, &QAbstractItemModel::rowsRemoved, this, &FrameFilterModel::sourceReset);
    connect(frames, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &FrameFilterModel::sourceAboutToBeReset);
    connect(frames, &QAbstractItemModel::layoutChanged, this, &FrameFilterModel::sourceReset);
    rebuildFacts();
    endResetModel();

    m_recount.setSingleShot(true);
    m_recount.setInterval(0);
    connect(&m_recount, &QTimer::timeout, this, &FrameFilterModel::takeCounts);
    // What a frame is: counted again as it changes (its row keeps its place).
    connect(m_manager, &SessionManager::frameChanged, this,
            [this](int frameIndex) { refreshFacts({frameIndex}); });
    connect(m_manager, &SessionManager::framesChanged, this, &FrameFilterModel::refreshFacts);
    connect(m_manager, &SessionManager::framesAdded, this, &FrameFilterModel::refreshFacts);
    takeCounts();
}

// ------------------------------------------------------------------ the facts and the counts

FrameFilterModel::Facts FrameFilterModel::factsOf(int frameIndex, const DirectorFrameState *state)
{
    Facts facts;
    facts.frame = frameIndex;
    if (!state)
        return facts;
    facts.known = true;
    facts.status = quint8(state->status);
    for (int m = 0; m < FrameFilter::markCount; ++m) {
        if (FrameFilter::frameHasMark(*state, FrameFilter::Mark(m)))
            facts.marks |= quint8(1u << m);
    }
    for (const QString &flag : state->auditReport.flags) {
        auto id = m_flagIds.constFind(flag);
        if (id == m_flagIds.cend()) {
            id = m_flagIds.insert(flag, int(m_flagNames.size()));
            m_flagNames.append(flag);
            m_flagTally.push_back(0);
        }
        if (*id < bitFlags) {
            facts.flags |= quint64(1) << *id;
        } else {
            QList<int> &more = m_moreFlags[frameIndex];
            if (!more.contains(*id)) // a flag raised twice counts the frame once
                more.append(*id);
        }
    }
    return facts;
}

void FrameFilterModel::tally(const Facts &facts, int sign)
{
    if (!facts.known)
        return;
    m_total += sign;
    m_statusTally[facts.status] += sign;
    for (int m = 0; m < FrameFilter::markCount; ++m) {
        if (facts.marks & (1u << m))
            m_markTally[size_t(m)] += sign;
    }
    for (quint64 bits = facts.flags; bits; bits &= bits - 1)
        m_flagTally[size_t(std::countr_zero(bits))] += sign;
    const auto more = m_moreFlags.constFind(facts.frame);
    if (more != m_moreFlags.cend()) {
        for (const int id : *more)
            m_flagTally[size_t(id)] += sign;
    }
}

void FrameFilterModel::rebuildFacts()
{
    m_facts.clear();
    m_flagNames.clear();
    m_flagIds.clear();
    m_moreFlags.clear();
    m_total = 0;
    m_statusTally = {};
    m_markTally = {};
    m_flagTally.clear();
    const int rows = m_frames->rowCount();
    m_facts.reserve(size_t(rows));
    if (!m_manager->hasSession()) {
        for (int row = 0; row < rows; ++row)
            m_facts.push_back(factsOf(m_frames->frameAtRow(row), nullptr));
        return;
    }
    // The rows are the session's frames in index order: one walk along both.
    const QMap<int, DirectorFrameState> &all = m_manager->session().frames;
    auto it = all.cbegin();
    for (int row = 0; row < rows; ++row) {
        const int frameIndex = m_frames->frameAtRow(row);
        while (it != all.cend() && it.key() < frameIndex)
            ++it;
        const bool found = it != all.cend() && it.key() == frameIndex;
        m_facts.push_back(factsOf(frameIndex, found ? &*it : nullptr));
        tally(m_facts.back(), 1);
    }
}

void FrameFilterModel::refreshFacts(const QList<int> &frameIndexes)
{
    if (!m_manager->hasSession())
        return;
    const QMap<int, DirectorFrameState> &all = m_manager->session().frames;
    // Many frames (a batch, in index order as the signals give them): one walk along the
    // session's frames rather than a search of its tree for each.
    const bool walk =
        frameIndexes.size() >= 64 && std::is_sorted(frameIndexes.cbegin(), frameIndexes.cend());
    auto walked = all.cbegin();
    for (const int frameIndex : frameIndexes) {
        const int row = m_frames->rowOfFrame(frameIndex);
        if (row < 0 || size_t(row) >= m_facts.size())
            continue; // its row comes with rowsInserted
        tally(m_facts[size_t(row)], -1);
        m_moreFlags.remove(frameIndex);
        if (walk) {
            while (walked != all.cend() && walked.key() < frameIndex)
                ++walked;
        }
        const auto state =
            walk ? (walked != all.cend() && walked.key() == frameIndex ? walked : all.cend())
                 : all.constFind(frameIndex);
        m_facts[size_t(row)] = factsOf(frameIndex, state != all.cend() ? &*state : nullptr);
        tally(m_facts[size_t(row)], 1);
    }
    m_recount.start();
}

void FrameFilterModel::takeCounts()
{
    if (updateCounts())
        emit countsChanged();
}

bool FrameFilterModel::updateCounts()
{
    m_recount.stop();
    FrameFilter::Counts counts;
    counts.total = m_total;
    counts.statuses = m_statusTally;
    counts.marks = m_markTally;
    for (size_t id = 0; id < m_flagTally.size(); ++id) {
        if (m_flagTally[id] > 0)
            counts.flags.insert(m_flagNames.at(qsizetype(id)), m_flagTally[id]);
    }
    if (counts == m_counts)
        return false;
    m_counts = std::move(counts);
    return true;
}

// ------------------------------------------------------------------ the filter

FrameFilterModel::Test FrameFilterModel::testOf(const FrameFilter &filter) const
{
    Test test;
    for (const FrameStatus status : allFrameStatuses) {
        if (filter.hasStatus(status))
            test.statuses |= 1u << int(status);
    }
    for (int m = 0; m < FrameFilter::markCount; ++m) {
        if (filter.hasMark(FrameFilter::Mark(m)))
            test.marks |= 1u << m;
    }
    test.flags = !filter.flags().isEmpty();
    for (const QString &flag : filter.flags()) {
        const int id = m_flagIds.value(flag, -1); // -1: no frame has it
        if (id >= bitFlags)
            test.moreFlagIds.append(id);
        else if (id >= 0)
            test.flagBits |= quint64(1) << id;
    }
    return test;
}

bool FrameFilterModel::accepts(const Facts &facts, const Test &test) const
{
    if (!facts.known)
        return false;
    if (test.statuses && !(test.statuses & (1u << facts.status)))
        return false;
    if (test.marks && !(test.marks & facts.marks))
        return false;
    if (!test.flags || (test.flagBits & facts.flags))
        return true;
    if (test.moreFlagIds.isEmpty())
        return false;
    const QList<int> more = m_moreFlags.value(facts.frame);
    return std::any_of(more.cbegin(), more.cend(),
                       [&test](int id) { return test.moreFlagIds.contains(id); });
}

QList<int> FrameFilterModel::matchingFrames(const FrameFilter &filter) const
{
    const Test test = testOf(filter);
    QList<int> frames;
    for (const Facts &facts : m_facts) {
        if (accepts(facts, test))
            frames.append(facts.frame); // in index order: the rows'
    }
    return frames;
}

void FrameFilterModel::setFilter(const FrameFilter &filter)
{
    m_filter = filter;
    const bool all = filter.isEmpty();
    QList<int> shown = all ? QList<int>() : matchingFrames(filter);
    // std::equal rather than QList's ==, which in Qt 6.4 hands memcmp a null pointer when one
    // of two empty lists has never been allocated (UndefinedBehaviorSanitizer says so).
    const bool same = shown.size() == m_shown.size() &&
                      std::equal(shown.cbegin(), shown.cend(), m_shown.cbegin());
    if (all != m_all || !same) {
        // One layout change: the rows kept (the current one, those selected) keep their
        // persistent indexes, moved to their new rows; the others become invalid.
        emit layoutAboutToBeChanged();
        const QModelIndexList from = persistentIndexList();
        QList<int> frames;
        frames.reserve(from.size());
        for (const QModelIndex &index : from)
            frames.append(frameAtRow(index.row()));
        m_all = all;
        m_shown = std::move(shown);
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype i = 0; i < from.size(); ++i) {
            const int row = rowOfFrame(frames.at(i));
            to.append(row >= 0 ? index(row, from.at(i).column()) : QModelIndex());
        }
        changePersistentIndexList(from, to);
        emit layoutChanged();
    }
    updateCounts();
    emit countsChanged(); // also when they are the same: the filter is set
}

int FrameFilterModel::frameAtRow(int row) const
{
    if (m_all)
        return m_frames->frameAtRow(row);
    return row >= 0 && row < m_shown.size() ? m_shown.at(row) : -1;
}

int FrameFilterModel::rowOfFrame(int frameIndex) const
{
    if (m_all)
        return m_frames->rowOfFrame(frameIndex);
    const auto it = std::lower_bound(m_shown.cbegin(), m_shown.cend(), frameIndex);
    return it != m_shown.cend() && *it == frameIndex ? int(it - m_shown.cbegin()) : -1;
}

int FrameFilterModel::rowBeside(int frameIndex, int delta) const
{
    // The first row whose frame comes after frameIndex (the rows are in frame order).
    int low = 0;
    int high = rowCount();
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (frameAtRow(middle) <= frameIndex)
            low = middle + 1;
        else
            high = middle;
    }
    if (delta > 0)
        return low < rowCount() ? low : -1;
    // The last row whose frame comes before it.
    int row = low - 1;
    if (row >= 0 && frameAtRow(row) == frameIndex)
        --row;
    return row;
}

// ------------------------------------------------------------------ the proxy

QModelIndex FrameFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || column != 0 || row < 0 || row >= rowCount())
        return {};
    return createIndex(row, column);
}

QModelIndex FrameFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex FrameFilterModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int FrameFilterModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_all ? m_frames->rowCount() : int(m_shown.size());
}

int FrameFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

bool FrameFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QModelIndex FrameFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    const int row = m_all ? proxyIndex.row() : m_frames->rowOfFrame(frameAtRow(proxyIndex.row()));
    return row >= 0 ? m_frames->index(row) : QModelIndex();
}

QModelIndex FrameFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_frames)
        return {};
    if (m_all)
        return index(sourceIndex.row(), 0);
    const int row = rowOfFrame(m_frames->frameAtRow(sourceIndex.row()));
    return row >= 0 ? index(row, 0) : QModelIndex();
}

// ------------------------------------------------------------------ the FrameListModel's signals

void FrameFilterModel::sourceAboutToBeReset()
{
    beginResetModel();
}

void FrameFilterModel::sourceReset()
{
    // Another session (or rows gone): it starts with no filter (FilterPresenter then sets the
    // one remembered for it).
    m_filter = FrameFilter();
    m_all = true;
    m_shown.clear();
    rebuildFacts();
    endResetModel();
    updateCounts();
    emit countsChanged();
}

void FrameFilterModel::sourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_all)
        return;
    beginInsertRows(QModelIndex(), first, last);
    m_forwardingInsert = true;
}

void FrameFilterModel::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const QMap<int, DirectorFrameState> *all =
        m_manager->hasSession() ? &m_manager->session().frames : nullptr;
    const Test test = testOf(m_filter);
    QList<int> matching;
    for (int row = first; row <= last; ++row) {
        const int frameIndex = m_frames->frameAtRow(row);
        const auto state =
            all ? all->constFind(frameIndex) : QMap<int, DirectorFrameState>::const_iterator();
        const Facts facts = factsOf(frameIndex, all && state != all->cend() ? &*state : nullptr);
        m_facts.insert(m_facts.begin() + row, facts);
        tally(facts, 1);
        if (!m_all && accepts(facts, test))
            matching.append(frameIndex);
    }
    if (m_forwardingInsert) {
        m_forwardingInsert = false;
        endInsertRows();
    }
    // A frame the run grew by is tested as it comes.
    for (const int frameIndex : std::as_const(matching)) {
        const int row =
            int(std::lower_bound(m_shown.cbegin(), m_shown.cend(), frameIndex) - m_shown.cbegin());
        beginInsertRows(QModelIndex(), row, row);
        m_shown.insert(row, frameIndex);
        endInsertRows();
    }
    m_recount.start();
}

void FrameFilterModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                         const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    if (m_all) {
        emit dataChanged(index(topLeft.row(), 0), index(bottomRight.row(), 0), roles);
        return;
    }
    // The rows shown in that range.
    const auto first =
        std::lower_bound(m_shown.cbegin(), m_shown.cend(), m_frames->frameAtRow(topLeft.row()));
    const auto last =
        std::upper_bound(first, m_shown.cend(), m_frames->frameAtRow(bottomRight.row()));
    if (first == last)
        return;
    emit dataChanged(index(int(first - m_shown.cbegin()), 0),
                     index(int(last - m_shown.cbegin()) - 1, 0), roles);
}
