#pragma once

#include <QDialog>

class QPushButton;

// Shown when the session file cannot be read: says what is wrong and offers
// to restore the backup, to start a new review (the bad file is kept aside),
// or to quit. Nothing is changed before the operator chooses.
class SessionProblemDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice
    {
        Quit = 0,
        RestoreBackup = 1,
        StartNew = 2
    };

    SessionProblemDialog(const QString &message, bool backupAvailable, QWidget *parent = nullptr);

    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *startNewButton() const { return m_startNew; }
    QPushButton *quitButton() const { return m_quit; }

private:
    QPushButton *m_restore;
    QPushButton *m_startNew;
    QPushButton *m_quit;
};
