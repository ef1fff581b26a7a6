#pragma once

#include "core/outcome.h"

#include <QObject>

class QWidget;
class ReviewController;

// The two ways a review ends, as the window offers them: Commit (says what blocks it, or asks,
// shows the progress of writing approved/, and says what was written) and Discard (asks). The
// work is the controller's; this is what the operator sees of it.
class CommitFlow : public QObject
{
    Q_OBJECT

public:
    CommitFlow(ReviewController *controller, QWidget *window);

    // Each does nothing while no session is open or it cannot be changed.
    void commit();
    void discard();

signals:
    // A commit or discard did not happen: the window reports why.
    void failed(const Outcome &outcome);

private:
    void runCommit();

    ReviewController *m_controller;
    QWidget *m_window;
};
