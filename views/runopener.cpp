#include "runopener.h"

#include "messagebox.h"
#include "sessionproblemdialog.h"

#include <QFileDialog>
#include <QPushButton>

RunOpener::RunOpener(SessionManager *manager, QWidget *window)
    : QObject(window), m_manager(manager), m_window(window)
{}

bool RunOpener::open(const QString &runDir, SessionManager::Access access,
                     SessionManager::Recovery recovery)
{
    const Outcome opened = m_manager->initializeOrResume(runDir, access, recovery);
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
