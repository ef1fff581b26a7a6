#include "runopener.h"

#include "messagebox.h"
#include "sessionproblemdialog.h"

#include "core/backgroundpool.h"
#include "review/cachedrun.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

namespace {
std::function<void()> &workerHook()
{
    static std::function<void()> hook;
    return hook;
}

std::function<void(int)> &frameHook()
{
    static std::function<void(int)> hook;
    return hook;
}

QString absolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

// One open: the opening the worker prepares, and how to stop it. The worker touches only
// `opening` (until the future is finished) and `cancel`; the job outlives the worker (it is
// dropped once the future is finished, or after the destructor waited for it).
struct RunOpener::Job
{
    Request request;
    std::unique_ptr<SessionManager::Opening> opening;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    bool cancelled = false;
    QFuture<void> future;
    QFutureWatcher<void> *watcher = nullptr;
};

RunOpener::RunOpener(SessionManager *manager, QWidget *window)
    : QObject(window), m_manager(manager), m_window(window), m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(200);
    connect(m_progressTimer, &QTimer::timeout, this, &RunOpener::tellProgress);
}

void RunOpener::tellProgress()
{
    if (!m_job || m_job->cancelled)
        return;
    const SessionManager::Opening &opening = *m_job->opening;
    const int frameCount = opening.frameCount.load();
    const int framesRead = opening.framesRead.load();
    if (frameCount == 0 || framesRead == m_framesTold)
        return;
    m_framesTold = framesRead;
    emit openingProgress(m_job->request.runDir, framesRead, frameCount);
}

RunOpener::~RunOpener()
{
    // The manager may be gone already (the window's children go in order): the opening is
    // dropped here, its store (and with it the lock it took) with it.
    cancel();
    if (m_job)
        m_job->future.waitForFinished();
}

void RunOpener::setWorkerHook(std::function<void()> hook)
{
    workerHook() = std::move(hook);
}

void RunOpener::setFrameHook(std::function<void(int framesRead)> hook)
{
    frameHook() = std::move(hook);
}

QString RunOpener::openingRun() const
{
    if (m_queued)
        return m_queued->runDir;
    return m_job ? m_job->request.runDir : QString();
}

void RunOpener::open(const QString &runDir, SessionManager::Access access,
                     SessionManager::Recovery recovery)
{
    const Request request{runDir, access, recovery};
    if (!m_job) {
        start(request);
        return;
    }
    const Request &now = m_queued ? *m_queued : m_job->request;
    const bool same = (m_queued || !m_job->cancelled) && absolute(now.runDir) == absolute(runDir) &&
                      now.access == access && now.recovery == recovery;
    if (same)
        return; // opening it already
    // The open under way is cancelled; this one starts once it has let go of its run (it
    // may be the same run, whose lock it may hold).
    m_job->cancelled = true;
    m_job->cancel->store(true);
    m_queued = request;
    emit openingStarted(runDir);
}

void RunOpener::cancel()
{
    m_queued.reset();
    if (m_job) {
        m_job->cancelled = true;
        m_job->cancel->store(true);
    }
}

void RunOpener::start(const Request &request)
{
    Q_ASSERT(!m_job);
    m_lastOpened = false;
    auto job = std::make_unique<Job>();
    job->request = request;
    job->opening = m_manager->beginOpening(request.runDir, request.access, request.recovery);
    SessionManager::Opening *opening = job->opening.get();
    // The run's files as read last time when they are unchanged since, and what it is read
    // under, for the status kept of the review (StatusKeeper).
    CachedRun(request.runDir).readThrough(*opening);
    job->watcher = new QFutureWatcher<void>(this);
    connect(job->watcher, &QFutureWatcherBase::finished, this, &RunOpener::complete);
    if (SessionManager::opensOpenRun(*opening)) {
        // The run open now, again (read-only, say): its store is the session writer's, so
        // it is prepared here; the outcome comes as any other's, from the event loop.
        SessionManager::prepareOpening(*opening);
        job->future = QtFuture::makeReadyFuture();
    } else {
        opening->frameRead = frameHook(); // on the worker only: a test's hook may wait there
        job->future = BackgroundPool::run([opening, cancel = job->cancel, hook = workerHook()] {
            if (hook)
                hook();
            SessionManager::prepareOpening(*opening, cancel.get());
        });
    }
    job->watcher->setFuture(job->future);
    m_job = std::move(job);
    m_framesTold = -1;
    m_progressTimer->start();
    emit openingStarted(request.runDir);
}

void RunOpener::complete()
{
    if (!m_job || !m_job->future.isFinished())
        return;
    std::unique_ptr<Job> job = std::move(m_job);
    m_progressTimer->stop();
    job->watcher->disconnect(this);
    job->watcher->deleteLater();
    if (job->cancelled) {
        m_manager->dropOpening(std::move(job->opening));
        if (m_queued) {
            const Request next = *m_queued;
            m_queued.reset();
            start(next);
        } else {
            emit openingEnds();
        }
        return;
    }
    emit openingEnds();
    const QString runDir = job->request.runDir;
    const Outcome opened = m_manager->finishOpening(std::move(job->opening));
    m_lastOpened = report(runDir, opened);
    emit finished(m_lastOpened);
}

bool RunOpener::waitForOpen()
{
    while (m_job) {
        m_job->future.waitForFinished();
        complete(); // and the one queued, if any
    }
    return m_lastOpened;
}

bool RunOpener::report(const QString &runDir, const Outcome &opened)
{
    if (opened)
        return true;
    // A run that cannot be opened leaves the review open now as it is: the questions below
    // never close the window while there is one.
    if (opened.kind() == Outcome::Kind::Locked) {
        askLocked(runDir, opened.message());
    } else if (m_manager->lastLoad().isUnreadable()) {
        askRecovery(runDir, opened.message());
    } else {
        MessageBox::open(m_window,
                         {QMessageBox::Critical, tr("Cannot open the run"), opened.message()});
    }
    return false;
}

Outcome RunOpener::leaveOpenReview()
{
    if (!m_manager->hasSession() || m_manager->isReadOnly())
        return Outcome::ok();
    if (const Outcome saves = m_manager->waitForSaves(); !saves) {
        return Outcome::failed(tr("%1\n\nThe latest changes to this review are not saved: save "
                                  "them (File → Save Now) before opening another run.")
                                   .arg(saves.message()));
    }
    return Outcome::ok();
}

void RunOpener::askLocked(const QString &runDir, const QString &message)
{
    const bool reviewOpen = m_manager->hasSession();
    // A lock of another computer can be taken over, deliberately; one of this computer is its
    // running Director's (a stale one is taken over by itself).
    const std::optional<SessionLock::Holder> holder = SessionLock::holderOf(runDir);
    const bool remote = holder && holder->isRemote();
    MessageBox::Message question{
        QMessageBox::Warning,
        tr("The run is open elsewhere"),
        message + QLatin1Char('\n') +
            (reviewOpen ? tr("You can look at it read-only, or go on with the review open now.")
                        : tr("You can look at it read-only, or quit.")),
        {MessageBox::OpenReadOnly, reviewOpen ? MessageBox::Cancel : MessageBox::Quit}};
    if (remote)
        question.buttons.insert(1, MessageBox::TakeOver);
    MessageBox::open(m_window, question, [this, runDir, holder](MessageBox::Button answer) {
        if (answer == MessageBox::OpenReadOnly)
            emit openRequested(runDir, SessionManager::Access::ReadOnly,
                               SessionManager::Recovery::None);
        else if (answer == MessageBox::TakeOver && holder)
            askTakeOver(runDir, *holder);
        else if (!m_manager->hasSession())
            emit quitChosen();
    });
}

void RunOpener::askTakeOver(const QString &runDir, const SessionLock::Holder &holder)
{
    MessageBox::Message question{
        QMessageBox::Warning,
        tr("Take over the lock?"),
        tr("Take over the run from the Director on %1 (process %2) only when Director is not "
           "running there any more: the computer crashed or was switched off with the run open. "
           "Changes it had not saved are lost. If it still runs, two Directors would write one "
           "session.\n\nIs Director closed on %1?")
            .arg(holder.host)
            .arg(holder.pid),
        {MessageBox::TakeOver, MessageBox::Cancel}};
    question.defaultButton = MessageBox::Cancel;
    MessageBox::open(m_window, question, [this, runDir, holder](MessageBox::Button answer) {
        if (answer != MessageBox::TakeOver) {
            if (!m_manager->hasSession())
                emit quitChosen();
            return;
        }
        if (const Outcome taken = SessionLock::takeOver(runDir, holder); !taken) {
            MessageBox::open(m_window, {QMessageBox::Critical, tr("The lock was not taken over"),
                                        taken.message()});
            return;
        }
        emit openRequested(runDir, SessionManager::Access::ReadWrite,
                           SessionManager::Recovery::None);
    });
}

void RunOpener::askRecovery(const QString &runDir, const QString &message)
{
    auto *dialog = new SessionProblemDialog(message, m_manager->hasUsableBackup(), m_window);
    if (m_manager->hasSession())
        dialog->quitButton()->setText(tr("Cancel"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, runDir](int choice) {
        QMetaObject::invokeMethod(
            this, [this, runDir, choice] { recover(runDir, choice); }, Qt::QueuedConnection);
    });
    dialog->open();
}

void RunOpener::recover(const QString &runDir, int choice)
{
    if (choice == SessionProblemDialog::RestoreBackup)
        emit openRequested(runDir, SessionManager::Access::ReadWrite,
                           SessionManager::Recovery::RestoreBackup);
    else if (choice == SessionProblemDialog::StartNew)
        emit openRequested(runDir, SessionManager::Access::ReadWrite,
                           SessionManager::Recovery::StartNew);
    else if (!m_manager->hasSession()) // Quit; Cancel keeps the review open now
        emit quitChosen();
}

void RunOpener::askForRun()
{
    const QString dir =
        QFileDialog::getExistingDirectory(m_window, tr("Open Run"), m_manager->runDir());
    if (!dir.isEmpty())
        emit openRequested(dir, SessionManager::Access::ReadWrite, SessionManager::Recovery::None);
}
