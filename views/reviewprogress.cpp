#include "reviewprogress.h"

#include "review/sessionmanager.h"

ReviewProgress::ReviewProgress(const SessionManager *manager, QWidget *parent)
    : StatusLabel(tr("Review progress"), parent), m_manager(manager)
{
    setObjectName(QStringLiteral("progress"));
    connect(manager, &SessionManager::sessionOpened, this, &ReviewProgress::refresh);
    connect(manager, &SessionManager::frameChanged, this, &ReviewProgress::refresh);
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
    int approved = 0;
    int warn = 0;
    int fail = 0;
    for (const DirectorFrameState &frame : m_manager->session().frames) {
        approved += frame.status == FrameStatus::Approved;
        warn += frame.status == FrameStatus::AuditWarn;
        fail += frame.status == FrameStatus::AuditFail;
    }
    setStatus(tr("%1 / %2 approved · %3 warn · %4 fail")
                  .arg(approved)
                  .arg(m_manager->session().frames.size())
                  .arg(warn)
                  .arg(fail));
}
