#pragma once

#include "review/framefilter.h"

#include <QAbstractProxyModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QTimer>

#include <array>

#include <vector>

class FrameListModel;
class SessionManager;

// The filmstrip's rows: the frames of a FrameListModel that match a FrameFilter, in frame
// order. Every role (thumbnails included) is the FrameListModel's, asked only for the rows
// shown.
//
// Which frames match is decided when the filter is set: one pass over a few bytes the model
// keeps for each frame (its status, marks and flags: Facts), never over the session's frames
// nor through data(); the rows shown are one sorted list of frame indexes, swapped in as one
// layout change that keeps the current and the selected rows that stay shown. A frame changed
// afterwards keeps its place until the filter is set again, so that a verdict given in a
// filtered view stays in sight (and can be undone there). A frame the run grows by is tested
// when it arrives. The counts (counts()) follow every change: only the changed frames are
// counted again, and the new counts are taken in once the event loop turns (a batch of the
// pipeline's news is one countsChanged()).
class FrameFilterModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    FrameFilterModel(FrameListModel *frames, QObject *parent = nullptr);

    FrameListModel *frames() const { return m_frames; }
    const FrameFilter &filter() const { return m_filter; }
    // Decides again which frames match, and recounts.
    void setFilter(const FrameFilter &filter);
    const FrameFilter::Counts &counts() const { return m_counts; }

    // The frame of a row shown (-1 for none), the row of a frame (-1 when it is not shown).
    int frameAtRow(int row) const;
    int rowOfFrame(int frameIndex) const;
    bool showsFrame(int frameIndex) const { return rowOfFrame(frameIndex) >= 0; }
    // The first row shown whose frame comes after `frameIndex` (delta > 0), or the last whose
    // frame comes before it (delta < 0); -1 when there is none.
    int rowBeside(int frameIndex, int delta) const;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

signals:
    void countsChanged();

private:
    // What the filter asks of a frame, kept for each row of the FrameListModel.
    struct Facts
    {
        int frame = -1;
        bool known = false; // in the session (else it matches nothing and counts nowhere)
        quint8 status = 0;  // FrameStatus
        quint8 marks = 0;   // bit per FrameFilter::Mark
        quint64 flags = 0;  // bit per flag id below 64 (m_flagNames); the rest in m_moreFlags
    };
    // A filter as bits of Facts.
    struct Test
    {
        quint32 statuses = 0;
        quint32 marks = 0;
        bool flags = false; // the filter has flags: a frame needs one of these
        quint64 flagBits = 0;
        QList<int> moreFlagIds; // flag ids from 64 on
    };

    Facts factsOf(int frameIndex, const DirectorFrameState *state);
    void tally(const Facts &facts, int sign);
    Test testOf(const FrameFilter &filter) const;
    bool accepts(const Facts &facts, const Test &test) const;
    QList<int> matchingFrames(const FrameFilter &filter) const;
    void rebuildFacts();
    void refreshFacts(const QList<int> &frameIndexes);
    // The counts from the running tallies; whether they changed. takeCounts() also says so.
    bool updateCounts();
    void takeCounts();

    // The FrameListModel's signals.
    void sourceAboutToBeReset();
    void sourceReset();
    void sourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);

    FrameListModel *m_frames;
    SessionManager *m_manager;
    FrameFilter m_filter;
    // Shown frames, in index order; every frame while the filter is empty (m_shown unused).
    bool m_all = true;
    QList<int> m_shown;
    bool m_forwardingInsert = false; // m_all: rows announced in rowsAboutToBeInserted

    std::vector<Facts> m_facts; // per row of the FrameListModel
    QStringList m_flagNames;    // by flag id
    QHash<QString, int> m_flagIds;
    QHash<int, QList<int>> m_moreFlags; // frame -> its flag ids from 64 on
    // Running counts of m_facts.
    int m_total = 0;
    std::array<int, 5> m_statusTally{};
    std::array<int, FrameFilter::markCount> m_markTally{};
    std::vector<int> m_flagTally; // by flag id

    FrameFilter::Counts m_counts;
    QTimer m_recount;
};
