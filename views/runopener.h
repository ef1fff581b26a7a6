#pragma once

#include "review/sessionmanager.h"
#include "storage/sessionlock.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QTimer;
class QWidget;

// Opens a run in the window's session, and asks what to do when it cannot: another Director
// holds the run (open it read-only, or keep what is open / quit), or its session file cannot
// be read (restore the backup, start a new review, or keep what is open / quit), or it cannot
// be opened at all (said). The questions never block; their answers open the run again.
//
// Opening reads the run folder and the session file on Director's background pool
// (SessionManager::prepareOpening, docs/threads.md, Opening a run): open() returns at once,
// openingStarted() and then finished() say how it goes, and the session is adopted on the GUI
// thread. One open at a time: open() while one is under way cancels it and opens the new run
// once the first has let go of its run (a second open of the run being opened is ignored).
class RunOpener : public QObject
{
    Q_OBJECT

public:
    RunOpener(SessionManager *manager, QWidget *window);
    // Cancels the open under way and waits for it (at most the step it is in): the run it was
    // opening is left unlocked.
    ~RunOpener() override;

    // Starts opening the run. finished() says whether it opened; when it did not, the review
    // open before, if any, stays open and usable, and a question or a message is on its way.
    void open(const QString &runDir,
              SessionManager::Access access = SessionManager::Access::ReadWrite,
              SessionManager::Recovery recovery = SessionManager::Recovery::None);
    // An open is under way (started, not yet adopted or failed).
    bool isOpening() const { return m_job != nullptr; }
    // The run being opened (empty when none).
    QString openingRun() const;
    // Waits for the open under way (and one queued after it) and finishes it here, as when
    // it ends by itself: the last open's result (whether the run opened). False when none.
    bool waitForOpen();
    // Drops the open under way and any queued: nothing is adopted, the lock it took is given
    // back once its step ends (finished(false) is not emitted for it).
    void cancel();

    // Ok when the review open now can be left: every change to it is on disk (or it has none,
    // or cannot be changed). Otherwise Failed, saying what to do.
    Outcome leaveOpenReview();

    // File → Open Run: asks for a run folder (starting at the open run's) and, when one is
    // chosen, asks the window to open it (openRequested).
    void askForRun();

    // A test's hook, called on the worker before it reads anything (it may wait there).
    static void setWorkerHook(std::function<void()> hook);
    // A test's hook, called on the worker after each frame of the run folder it has read.
    static void setFrameHook(std::function<void(int framesRead)> hook);

signals:
    // An open began (the run folder being read).
    void openingStarted(const QString &runDir);
    // How far the open under way has read the run folder (a few times a second, while it
    // changes): `framesRead` of `frameCount` frames.
    void openingProgress(const QString &runDir, int framesRead, int frameCount);
    // The open under way ends (also when it was cancelled and none is queued): just before
    // its session is adopted (sessionOpened) or its failure reported.
    void openingEnds();
    // The open ended: the run opened (sessionOpened was emitted before), or not (the
    // question or message is on its way). Not emitted for a cancelled open.
    void finished(bool opened);
    // Opening failed with no review open, and the operator chose to quit.
    void quitChosen();
    // The operator's answer to a question or the folder chosen: open the run this way (through the
    // window, which first makes sure nothing of the review open now is lost).
    void openRequested(const QString &runDir, SessionManager::Access access,
                       SessionManager::Recovery recovery);

private:
    struct Job;
    struct Request
    {
        QString runDir;
        SessionManager::Access access = SessionManager::Access::ReadWrite;
        SessionManager::Recovery recovery = SessionManager::Recovery::None;
    };
    void start(const Request &request);
    // openingProgress() when the read has moved on.
    void tellProgress();
    // The job's work is done: adopted, or reported; then the queued request, if any.
    void complete();
    bool report(const QString &runDir, const Outcome &opened);
    void askLocked(const QString &runDir, const QString &message);
    // Another computer's Director holds the run: only the operator can know that it crashed.
    // Asks once more, naming it, before the lock is taken over (SessionLock::takeOver).
    void askTakeOver(const QString &runDir, const SessionLock::Holder &holder);
    void askRecovery(const QString &runDir, const QString &message);
    void recover(const QString &runDir, int choice);

    SessionManager *m_manager;
    QWidget *m_window;
    std::unique_ptr<Job> m_job;
    std::optional<Request> m_queued;
    bool m_lastOpened = false;
    QTimer *m_progressTimer;
    int m_framesTold = -1;
};
