#pragma once

#include "review/sessionmanager.h"
#include "storage/sessionlock.h"

#include <QObject>

class QWidget;

// Opens a run in the window's session, and asks what to do when it cannot: another Director
// holds the run (open it read-only, or keep what is open / quit), or its session file cannot
// be read (restore the backup, start a new review, or keep what is open / quit), or it cannot
// be opened at all (said). The questions never block; their answers open the run again.
class RunOpener : public QObject
{
    Q_OBJECT

public:
    RunOpener(SessionManager *manager, QWidget *window);

    // True when the run opened. Otherwise the review open before, if any, stays open and
    // usable, and a question or a message is on its way.
    bool open(const QString &runDir,
              SessionManager::Access access = SessionManager::Access::ReadWrite,
              SessionManager::Recovery recovery = SessionManager::Recovery::None);

    // Ok when the review open now can be left: every change to it is on disk (or it has none,
    // or cannot be changed). Otherwise Failed, saying what to do.
    Outcome leaveOpenReview();

    // File → Open Run: asks for a run folder (starting at the open run's) and, when one is
    // chosen, asks the window to open it (openRequested).
    void askForRun();

signals:
    // Opening failed with no review open, and the operator chose to quit.
    void quitChosen();
    // The operator's answer to a question or the folder chosen: open the run this way (through the
    // window, which first makes sure nothing of the review open now is lost).
    void openRequested(const QString &runDir, SessionManager::Access access,
                       SessionManager::Recovery recovery);

private:
    void askLocked(const QString &runDir, const QString &message);
    // Another computer's Director holds the run: only the operator can know that it crashed.
    // Asks once more, naming it, before the lock is taken over (SessionLock::takeOver).
    void askTakeOver(const QString &runDir, const SessionLock::Holder &holder);
    void askRecovery(const QString &runDir, const QString &message);
    void recover(const QString &runDir, int choice);

    SessionManager *m_manager;
    QWidget *m_window;
};
