#include "commitflow.h"

#include "messagebox.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"

#include <QProgressDialog>

CommitFlow::CommitFlow(ReviewController *controller, QWidget *window)
    : QObject(window), m_controller(controller), m_window(window)
{}

void CommitFlow::commit()
{
    if (!m_controller->manager()->hasSession() || m_controller->manager()->isReadOnly())
        return;
    // The same words as the refusal of the commit itself (the first frames by number, and
    // how many more).
    if (const Outcome ready = m_controller->readyToCommit(); !ready) {
        MessageBox::open(m_window, {QMessageBox::Information, tr("Commit"), ready.message()});
        return;
    }
    const int frames = int(m_controller->manager()->session().frames.size());
    MessageBox::Message question{QMessageBox::Question,
                                 tr("Commit"),
                                 tr("Write the %n approved frame(s), nudges applied, to approved/ "
                                    "and close the session for changes?",
                                    nullptr, frames),
                                 {MessageBox::Yes, MessageBox::Cancel}};
    // After the box is gone: the commit shows a progress dialog of its own.
    MessageBox::open(m_window, question, [this](MessageBox::Button answer) {
        if (answer == MessageBox::Yes)
            runCommit();
    });
}

void CommitFlow::runCommit()
{
    const SessionManager *manager = m_controller->manager();
    QProgressDialog progress(tr("Writing approved frames…"), QString(), 0,
                             int(manager->session().frames.size()), m_window);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const Outcome outcome =
        m_controller->commit([&progress](int done, int) { progress.setValue(done); });
    progress.reset();
    if (!outcome) {
        // Refused at this point is a failure all the same: the operator asked for it.
        emit failed(outcome.kind() == Outcome::Kind::Refused ? Outcome::failed(outcome.message())
                                                             : outcome);
        return;
    }
    const CommitInfo &info = *manager->session().commitInfo;
    MessageBox::open(m_window, {QMessageBox::Information, tr("Committed"),
                                tr("%n frame(s) were written to approved/: %1 nudged, %2 patched.",
                                   nullptr, info.approvedCount)
                                    .arg(info.nudgedCount)
                                    .arg(info.patchedCount)});
}

void CommitFlow::discard()
{
    if (!m_controller->manager()->hasSession() || m_controller->manager()->isReadOnly())
        return;
    MessageBox::Message question{
        QMessageBox::Warning,
        tr("Discard"),
        tr("Discard this review? The session file is kept, marked discarded, and can no longer "
           "be changed. Nothing is written to approved/."),
        {MessageBox::Discard, MessageBox::Cancel}};
    MessageBox::open(m_window, question, [this](MessageBox::Button answer) {
        if (answer != MessageBox::Discard)
            return;
        if (const Outcome outcome = m_controller->discard(); !outcome)
            emit failed(outcome);
    });
}
