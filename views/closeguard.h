#pragma once

#include "core/outcome.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QMessageBox;
class QWidget;
class SaveStateIndicator;
class SessionManager;

// Closing the window never loses a change quietly: typed notes are saved first, the last save
// is waited for, one that failed is tried once more, and when something is still not on disk
// one question asks: Close Anyway, Cancel, and (for a failed save) Try Again.
class CloseGuard : public QObject
{
    Q_OBJECT

public:
    // `saveNotes` saves the notes typed and not saved yet, and says which frame's they are.
    using SaveNotes = std::function<Outcome(int *frameIndex)>;
    CloseGuard(SessionManager *manager, SaveStateIndicator *saveState, QWidget *window,
               SaveNotes saveNotes);

    // True when the window may close now. Otherwise a question is open; choosing to close
    // closes the window again.
    bool mayClose();

private:
    void ask(const QString &title, const QString &text, bool offerRetry);

    SessionManager *m_manager;
    SaveStateIndicator *m_saveState;
    QWidget *m_window;
    SaveNotes m_saveNotes;
    bool m_closeAnyway = false; // the operator chose to close with something unsaved
    QPointer<QMessageBox> m_question;
};
