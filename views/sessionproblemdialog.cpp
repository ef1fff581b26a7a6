#include "sessionproblemdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

SessionProblemDialog::SessionProblemDialog(const QString &message, bool backupAvailable,
                                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("The session file cannot be read"));
    setObjectName(QStringLiteral("sessionProblemDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Director could not read this run's session file. Nothing has "
                                "been changed or overwritten."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *details = new QPlainTextEdit(message, this);
    details->setReadOnly(true);
    details->setAccessibleName(tr("What is wrong"));
    layout->addWidget(details);

    auto *buttons = new QDialogButtonBox(this);
    m_restore = buttons->addButton(tr("Restore the backup"), QDialogButtonBox::AcceptRole);
    m_restore->setEnabled(backupAvailable);
    m_restore->setToolTip(backupAvailable
                              ? tr("Resume from the last good version; the bad file is kept aside.")
                              : tr("There is no readable backup."));
    m_startNew = buttons->addButton(tr("Start a new review"), QDialogButtonBox::ActionRole);
    m_startNew->setToolTip(tr("Start again from the run folder; the bad file is kept aside."));
    m_quit = buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_restore, &QPushButton::clicked, this, [this] { done(RestoreBackup); });
    connect(m_startNew, &QPushButton::clicked, this, [this] { done(StartNew); });
    connect(m_quit, &QPushButton::clicked, this, [this] { done(Quit); });
    (backupAvailable ? m_restore : m_quit)->setDefault(true);
    resize(560, 320);
}
