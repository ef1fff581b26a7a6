#include "verdictflow.h"

#include "filmstrip.h"
#include "mainwindow.h"
#include "reasonpicker.h"
#include "review/reasoncodecounts.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "windowactions.h"

#include <QAction>
#include <QStatusBar>

#include <utility>

VerdictFlow::VerdictFlow(MainWindow *window, Succeeded succeeded)
    : QObject(window), m_window(window), m_succeeded(std::move(succeeded)),
      m_reasonCodes(new ReasonCodeCounts(window->manager(), this))
{
    const WindowActions &a = window->actions();
    connect(a.approve, &QAction::triggered, this, [this] { verdict(true); });
    connect(a.reject, &QAction::triggered, this, [this] { verdict(false); });
    connect(a.nextAttention, &QAction::triggered, this, [this] { nextNeedingAttention(1); });
    connect(a.previousAttention, &QAction::triggered, this, [this] { nextNeedingAttention(-1); });
}

void VerdictFlow::verdict(bool approve)
{
    const int current = m_window->currentFrame();
    if (current < 0)
        return;
    // One frame, or the filmstrip's selection.
    const QList<int> frames = m_window->filmstrip()->selectedFrames(current);
    const auto done = [this](const Outcome &outcome) { made(outcome); };
    if (approve) {
        m_window->controller()->approveFrames(frames, done);
        return working(tr("Approving %L1 frames…").arg(frames.size()));
    }
    const QStringList codes =
        ReasonPicker::reasonsFor(m_window->manager()->session(), current, m_reasonCodes->codes());
    ReasonPicker::ask(m_window, codes, frames, [this, frames, done](const ReasonPicker::Choice &c) {
        m_window->controller()->rejectFrames(frames, c.code, c.text, done);
        working(tr("Rejecting %L1 frames…").arg(frames.size()));
    });
}

void VerdictFlow::working(const QString &message)
{
    // A batch made off the GUI thread: said until it is made (its outcome replaces it).
    if (m_window->manager()->isApplyingBatch()) {
        m_busy = true;
        m_window->statusBar()->showMessage(message);
    }
}

void VerdictFlow::made(const Outcome &outcome)
{
    if (std::exchange(m_busy, false))
        m_window->statusBar()->clearMessage();
    if (m_succeeded(outcome) && m_window->actions().autoAdvance->isChecked())
        m_window->actions().next->trigger();
}

void VerdictFlow::nextNeedingAttention(int direction)
{
    Filmstrip *filmstrip = m_window->filmstrip();
    const int frame = m_window->controller()->nextNeedingAttention(m_window->currentFrame(),
                                                                   direction, filmstrip->shown());
    if (frame < 0)
        m_window->statusBar()->showMessage(filmstrip->showsEveryFrame()
                                               ? tr("Every frame is approved.")
                                               : tr("Every frame the filter shows is approved."),
                                           4000);
    else
        m_window->setCurrentFrame(frame);
}
