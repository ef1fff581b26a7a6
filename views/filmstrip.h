#pragma once

#include <QListView>

#include <functional>

class FrameFilterModel;
class FrameListModel;

// The frames of the run that the filter shows (FrameFilterModel over the FrameListModel; every
// frame without a filter) in a row of thumbnails with their status (FrameDelegate). The current
// one is the frame on the stage; several can be selected (Shift / Ctrl click, Shift+arrows) for
// one verdict or one nudge.
class Filmstrip : public QListView
{
    Q_OBJECT

public:
    Filmstrip(FrameListModel *model, QWidget *parent = nullptr);

    FrameFilterModel *filterModel() const { return m_filtered; }
    // The frame shown at a row (-1 for none), and whether a frame is shown.
    int frameAt(int row) const;
    bool showsFrame(int frameIndex) const;
    // No filter: every frame is shown.
    bool showsEveryFrame() const;
    std::function<bool(int)> shown() const
    {
        return [this](int frameIndex) { return showsFrame(frameIndex); };
    }
    // The frame `delta` rows from `frameIndex` among those shown (from a frame the filter
    // hides: the first shown after it, or before it); -1 when there is none.
    int frameAfter(int frameIndex, int delta) const;
    // Makes the frame the current one (only it selected) and scrolls to it; a frame the filter
    // hides leaves the filmstrip with no current frame.
    void showFrame(int frameIndex);
    // The frames a verdict or a nudge is for: the selected ones when there are several, in
    // frame order; else `current` alone.
    QList<int> selectedFrames(int current) const;
    // Moves the current frame by `delta` rows, extending the selection (Shift+arrows).
    void extendSelection(int delta);

protected:
    // A row's data changed (its thumbnail made, its status): it is painted again. Every cell
    // has the same size, so nothing moves: QListView's own dataChanged() would lay every row out
    // again (at 100,000 rows, milliseconds for each thumbnail made while scrolling).
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    // What a change of the selection repaints: for thousands of rows (every frame selected,
    // then one), the rows shown, rather than the rectangle of each row united.
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    // A frame made current by the window (no event: a key of an action, undo, playback) is
    // selected alone, whatever modifier is held.
    QItemSelectionModel::SelectionFlags selectionCommand(const QModelIndex &index,
                                                         const QEvent *event) const override;

private:
    FrameFilterModel *m_filtered;
};
