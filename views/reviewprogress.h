#pragma once

#include "review/runstatus.h"
#include "statuslabel.h"

#include <QFutureWatcher>
#include <QList>

class SessionManager;

// The status bar's count of the review: "12 / 16 approved · 2 warn · 1 fail", kept up to date
// as frames change, arrive from the pipeline, or another run opens. A change of a few frames
// is counted at once; a batch (SessionManager::backgroundBatch frames or more: thousands of
// verdicts, an undo of them) is counted off the GUI thread on the BackgroundPool, and said as
// soon as it is counted (a later change said before it wins). docs/threads.md.
class ReviewProgress : public StatusLabel
{
    Q_OBJECT

public:
    ReviewProgress(const SessionManager *manager, QWidget *parent = nullptr);
    // Waits for a count under way.
    ~ReviewProgress() override;

    // Counts the session's frames now and says it.
    void refresh();
    // A count is being made off the GUI thread.
    bool isCounting() const { return m_counting; }

private:
    void framesChanged(const QList<int> &frames);
    void show(const FrameCounts &counts);

    const SessionManager *m_manager;
    QFutureWatcher<FrameCounts> m_count;
    bool m_counting = false;
};
