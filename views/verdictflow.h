#pragma once

#include "core/outcome.h"

#include <QObject>

#include <functional>

class MainWindow;
class ReasonCodeCounts;

// The verdict keys as the window offers them: Approve (A) and Reject (X) on the current frame,
// or on the filmstrip's selection as one change; a rejection asks why first (ReasonPicker:
// Escape changes nothing); then the next frame when "Advance after verdict" is on. And Next /
// Previous Needing Attention (N, Shift+N) among the frames the filter shows. The work is the
// controller's; an outcome that is not Ok goes to `succeeded`, which reports it.
class VerdictFlow : public QObject
{
    Q_OBJECT

public:
    using Succeeded = std::function<bool(const Outcome &)>;

    VerdictFlow(MainWindow *window, Succeeded succeeded);

    void verdict(bool approve);
    void nextNeedingAttention(int direction);

private:
    void made(const Outcome &outcome);
    // Says what is being made while a batch is made off the GUI thread.
    void working(const QString &message);

    MainWindow *m_window;
    Succeeded m_succeeded;
    bool m_busy = false; // working() said so in the status bar
    // The run's reason codes, kept as the session changes: the picker opens without walking
    // every frame.
    ReasonCodeCounts *m_reasonCodes;
};
