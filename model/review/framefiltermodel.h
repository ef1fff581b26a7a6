#pragma once

#include "review/framefilter.h"

#include <QSortFilterProxyModel>
#include <QTimer>

class FrameListModel;
class SessionManager;

// The filmstrip's rows: the frames of a FrameListModel that match a FrameFilter, in frame
// order. Every role (thumbnails included) is the FrameListModel's, asked only for the rows
// shown.
//
// Which frames match is decided when the filter is set (one O(frames) pass, FrameFilter::run):
// a frame changed afterwards keeps its place until the filter is set again, so that a verdict
// given in a filtered view stays in sight (and can be undone there). A frame the run grows by
// is tested when it arrives. The counts (counts()) follow every change, taken in once the
// event loop turns (a batch of the pipeline's news is one recount).
class FrameFilterModel : public QSortFilterProxyModel
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

signals:
    void countsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void sessionOpened();
    void recount();

    FrameListModel *m_frames;
    SessionManager *m_manager;
    FrameFilter m_filter;
    QList<int> m_matching;   // in index order
    bool m_deciding = false; // setFilter(): m_matching holds every frame's answer
    FrameFilter::Counts m_counts;
    QTimer m_recount;
};
