#pragma once

#include "review/framefilter.h"

#include <QObject>

class FilterBar;
class FrameFilterModel;
class MainWindow;

// The filmstrip's filter in the window: the FilterBar put over the filmstrip, its choices
// applied to the filmstrip's FrameFilterModel, remembered per run (QSettings,
// SettingsKeys::runFilter) and restored when the run opens again. With a filter, the frame
// keys (→ ←, Home, End, N, Shift+N) move among the frames shown (MainWindow asks the
// filmstrip), and playback plays only them, in frame order. When the filter hides the current
// frame, the first frame shown after it (else before it) becomes current. Shift+→ / Shift+←
// grow the filmstrip's selection.
class FilterPresenter : public QObject
{
    Q_OBJECT

public:
    // Made once the window's parts are.
    explicit FilterPresenter(MainWindow *window);

    FilterBar *bar() const { return m_bar; }
    // Applies, shows and remembers the filter.
    void setFilter(const FrameFilter &filter);

private:
    void sessionOpened();
    void showCounts();
    void followCurrentFrame();

    MainWindow *m_window;
    FrameFilterModel *m_model;
    FilterBar *m_bar;
};
