#include "savestateindicator.h"

#include "messagebox.h"
#include "review/sessionmanager.h"
#include "session/timestamps.h"

namespace {

QString failedText(const QString &message)
{
    return SaveStateIndicator::tr(
               "%1\n\nYour latest changes are shown but not on disk. Director saves them again "
               "with your next change, or now with File → Save Now.")
        .arg(message);
}

} // namespace

SaveStateIndicator::SaveStateIndicator(SessionManager *manager, QWidget *window)
    : StatusLabel(tr("Save state"), window), m_manager(manager), m_window(window)
{
    setObjectName(QStringLiteral("saveState"));
    connect(manager, &SessionManager::saveStateChanged, this, &SaveStateIndicator::refresh);
    connect(manager, &SessionManager::saveFailed, this, &SaveStateIndicator::tellFailed);
}

void SaveStateIndicator::showState(const QString &text, const QString &toolTip, bool alarming)
{
    setStatus(text);
    setToolTip(toolTip);
    setStyleSheet(alarming ? QStringLiteral("color: white; background: #c62828; padding: 2px;")
                           : QString());
}

void SaveStateIndicator::refresh()
{
    // The title's [*]: some change is not on disk yet.
    const bool writing = m_manager->hasSession() && !m_manager->isOpenReadOnly();
    m_window->setWindowModified(writing &&
                                m_manager->saveState() != SessionManager::SaveState::Saved);
    if (!m_manager->hasSession())
        return showState({}, {});
    if (m_manager->isOpenReadOnly()) {
        // Another Director writes this run: the time of its last save, as this window read
        // it, would say nothing about what is on disk now, and this window saves nothing.
        return showState(
            tr("Read-only: open in another Director"),
            tr("Another Director has this run open. This window shows the session as it "
               "was when opened and saves nothing."));
    }
    switch (m_manager->saveState()) {
    case SessionManager::SaveState::Saved: {
        // Every change is on disk: the session in memory is the file's.
        const QString lastModified = m_manager->session().lastModified;
        const std::optional<QDateTime> time = Timestamps::parse(lastModified);
        return showState(tr("Saved at %1")
                             .arg(time ? time->toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                                       : lastModified),
                         lastModified);
    }
    case SessionManager::SaveState::Saving:
        return showState(tr("Saving…"), tr("The latest change is being written to disk."));
    case SessionManager::SaveState::Failed: // stays until a save succeeds
        return showState(tr("Not saved: %1").arg(m_manager->saveError()), m_manager->saveError(),
                         true);
    }
}

void SaveStateIndicator::tellFailed(const QString &message)
{
    emit failureTold();
    if (m_closing)
        return; // closing asks about it instead
    // One box, however many saves fail while it is open.
    if (m_failedBox) {
        m_failedBox->setText(failedText(message));
        return;
    }
    m_failedBox =
        MessageBox::open(m_window, {QMessageBox::Critical, tr("Not saved"), failedText(message)});
}
