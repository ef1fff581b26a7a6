#include "closeguard.h"

#include "messagebox.h"
#include "review/sessionmanager.h"
#include "savestateindicator.h"

#include <QWidget>

CloseGuard::CloseGuard(SessionManager *manager, SaveStateIndicator *saveState, QWidget *window,
                       SaveNotes saveNotes)
    : QObject(window), m_manager(manager), m_saveState(saveState), m_window(window),
      m_saveNotes(std::move(saveNotes))
{}

bool CloseGuard::mayClose()
{
    if (std::exchange(m_closeAnyway, false))
        return true;
    int notesFrame = -1;
    if (const Outcome notes = m_saveNotes(&notesFrame); !notes) {
        ask(tr("Notes not saved"),
            tr("The notes of frame %1 could not be saved: %2\n\nClose anyway and lose them?")
                .arg(notesFrame)
                .arg(notes.message()),
            false);
        return false;
    }
    // The last save is waited for; one that failed is tried once more, and then not lost
    // quietly (one question, not a box per failure).
    m_saveState->setClosing(true);
    Outcome saves = m_manager->waitForSaves();
    if (!saves && m_manager->retrySave())
        saves = m_manager->waitForSaves();
    m_saveState->setClosing(false);
    if (!saves) {
        ask(tr("Changes not saved"),
            tr("The latest changes could not be saved: %1\n\nClose anyway and lose them?")
                .arg(saves.message()),
            true);
        return false;
    }
    return true;
}

void CloseGuard::ask(const QString &title, const QString &text, bool offerRetry)
{
    if (m_question) {
        m_question->raise();
        return;
    }
    // Trying again is closing again: saved this time, the window closes; otherwise it asks
    // again. Modal: nothing else happens in the window meanwhile.
    MessageBox::Message question{QMessageBox::Warning, title, text};
    question.buttons =
        offerRetry ? QList{MessageBox::TryAgain, MessageBox::CloseAnyway, MessageBox::Cancel}
                   : QList{MessageBox::CloseAnyway, MessageBox::Cancel};
    question.defaultButton = offerRetry ? MessageBox::TryAgain : MessageBox::Cancel;
    m_question = MessageBox::open(m_window, question, [this](MessageBox::Button answer) {
        if (answer == MessageBox::CloseAnyway)
            m_closeAnyway = true;
        else if (answer != MessageBox::TryAgain)
            return; // the window stays, and what was not saved in it
        m_window->close();
    });
}
