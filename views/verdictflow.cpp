#include "verdictflow.h"

#include "filmstrip.h"
#include "mainwindow.h"
#include "reasonpicker.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "windowactions.h"

#include <QAction>
#include <QStatusBar>

VerdictFlow::VerdictFlow(MainWindow *window, Succeeded succeeded)
    : QObject(window), m_window(window), m_succeeded(std::move(succeeded))
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
    if (approve)
        return made(m_window->controller()->approveFrames(frames));
    ReasonPicker::ask(m_window, m_window->manager()->session(), current,
                      [this, frames](const ReasonPicker::Choice &c) {
                          made(m_window->controller()->rejectFrames(frames, c.code, c.text));
                      });
}

void VerdictFlow::made(const Outcome &outcome)
{
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
