#include "reviewprogress.h"

#include "review/runstatus.h"
#include "review/sessionmanager.h"

ReviewProgress::ReviewProgress(const SessionManager *manager, QWidget *parent)
    : StatusLabel(tr("Review progress"), parent), m_manager(manager)
{
    setObjectName(QStringLiteral("progress"));
    connect(manager, &SessionManager::sessionOpened, this, &ReviewProgress::refresh);
    connect(manager, &SessionManager::frameChanged, this, &ReviewProgress::refresh);
    connect(manager, &SessionManager::framesChanged, this, &ReviewProgress::refresh);
    connect(manager, &SessionManager::framesAdded, this, &ReviewProgress::refresh);
    connect(manager, &SessionManager::sessionStatusChanged, this, &ReviewProgress::refresh);
    refresh();
}

void ReviewProgress::refresh()
{
    if (!m_manager->hasSession()) {
        setStatus(tr("No run open"));
        return;
    }
    const FrameCounts counts = FrameCounts::of(m_manager->session().frames);
    setStatus(tr("%L1 / %L2 approved · %L3 warn · %L4 fail")
                  .arg(counts.count(FrameStatus::Approved))
                  .arg(counts.total())
                  .arg(counts.count(FrameStatus::AuditWarn))
                  .arg(counts.count(FrameStatus::AuditFail)));
}
