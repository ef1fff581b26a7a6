#include "reviewprogress.h"

#include "core/backgroundpool.h"
#include "review/sessionmanager.h"

#include <QtConcurrent>

ReviewProgress::ReviewProgress(const SessionManager *manager, QWidget *parent)
    : StatusLabel(tr("Review progress"), parent), m_manager(manager)
{
    setObjectName(QStringLiteral("progress"));
    connect(manager, &SessionManager::sessionOpened, this, &ReviewProgress::refresh);
    connect(manager, &SessionManager::frameChanged, this, &ReviewProgress::refresh);
    connect(manager, &SessionManager::framesChanged, this, &ReviewProgress::framesChanged);
    connect(manager, &SessionManager::framesAdded, this, &ReviewProgress::framesChanged);
    connect(manager, &SessionManager::sessionStatusChanged, this, &ReviewProgress::refresh);
    connect(&m_count, &QFutureWatcher<FrameCounts>::finished, this, [this] {
        if (!m_counting || !m_count.isFinished())
            return; // counted since on the GUI thread
        m_counting = false;
        show(m_count.future().takeResult());
    });
    refresh();
}

ReviewProgress::~ReviewProgress()
{
    disconnect(&m_count, nullptr, this, nullptr);
    // A result taken (takeResult) leaves the future invalid, never finished: not waited for.
    if (m_count.future().isValid())
        m_count.waitForFinished();
}

void ReviewProgress::refresh()
{
    m_counting = false; // a count under way is of an older session: dropped
    if (!m_manager->hasSession()) {
        setStatus(tr("No run open"));
        return;
    }
    show(FrameCounts::of(m_manager->session().frames));
}

void ReviewProgress::framesChanged(const QList<int> &frames)
{
    if (frames.size() < SessionManager::backgroundBatch || !m_manager->hasSession())
        return refresh();
    // Counted off the GUI thread, the session's frames let go of as soon as they are counted
    // (an edit meanwhile need not copy them). A count under way is replaced.
    m_counting = true;
    m_count.setFuture(BackgroundPool::run([all = m_manager->session().frames]() mutable {
        const FrameCounts counts = FrameCounts::of(all);
        all = {};
        return counts;
    }));
}

void ReviewProgress::show(const FrameCounts &counts)
{
    setStatus(tr("%L1 / %L2 approved · %L3 warn · %L4 fail")
                  .arg(counts.count(FrameStatus::Approved))
                  .arg(counts.total())
                  .arg(counts.count(FrameStatus::AuditWarn))
                  .arg(counts.count(FrameStatus::AuditFail)));
}
