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
    MessageBox::Message question{
        QMessageBox::Warning,
        tr("The run is open elsewhere"),
        message + QLatin1Char('\n') +
            (reviewOpen ? tr("You can look at it read-only, or go on with the review open now.")
                        : tr("You can look at it read-only, or quit.")),
        {MessageBox::OpenReadOnly, reviewOpen ? MessageBox::Cancel : MessageBox::Quit}};
    MessageBox::open(m_window, question, [this, runDir](MessageBox::Button answer) {
        if (answer == MessageBox::OpenReadOnly)
            emit openRequested(runDir, SessionManager::Access::ReadOnly,
                               SessionManager::Recovery::None);
        else if (!m_manager->hasSession())
            emit quitChosen();
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
