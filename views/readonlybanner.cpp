#include "readonlybanner.h"

#include "review/sessionmanager.h"

ReadOnlyBanner::ReadOnlyBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("readOnlyBanner"));
    setWordWrap(true);
    setMargin(6);
    setStyleSheet(QStringLiteral("background: #5d4037; color: white;"));
    setAccessibleDescription(tr("Why this review cannot be changed"));
    hide();
}

void ReadOnlyBanner::showFor(const SessionManager &manager)
{
    QString banner;
    if (manager.hasSession()) {
        if (manager.isOpenReadOnly())
            banner = tr("Read-only: another Director has this run open, or it was opened for "
                        "viewing. Changes are not possible.");
        else if (manager.session().status == SessionStatus::Committed)
            banner = tr("This session is committed: its frames are in approved/. It can no longer "
                        "be changed.");
        else if (manager.session().status == SessionStatus::Discarded)
            banner = tr("This session was discarded. It can no longer be changed.");
    }
    setText(banner);
    setVisible(!banner.isEmpty());
}
