#pragma once

#include "statuslabel.h"

#include <QPointer>

class QMessageBox;
class SessionManager;

// Whether the review is on disk, where the operator looks for it: the status bar says "Saved
// at 12:00:03", "Saving…" or "Not saved: why" (red, until a save succeeds), the window's
// title has its [*] while a change is not durable, and a failed save opens one box (however
// many saves fail while it is open) saying the changes are shown but not on disk.
class SaveStateIndicator : public StatusLabel
{
    Q_OBJECT

public:
    SaveStateIndicator(SessionManager *manager, QWidget *window);

    // Shows the manager's state now (also called when a session opens or closes).
    void refresh();
    // While the window closes it asks about a failed save itself: no box of its own then.
    void setClosing(bool closing) { m_closing = closing; }

signals:
    // A save failed and the operator is being told (a box takes the mouse).
    void failureTold();

private:
    void tellFailed(const QString &message);
    void showState(const QString &text, const QString &toolTip, bool alarming = false);

    SessionManager *m_manager;
    QWidget *m_window;
    QPointer<QMessageBox> m_failedBox;
    bool m_closing = false;
};
