#pragma once

#include "statuslabel.h"

class SessionManager;

// The status bar's count of the review: "12 / 16 approved · 2 warn · 1 fail", kept up to date
// as frames change, arrive from the pipeline, or another run opens.
class ReviewProgress : public StatusLabel
{
    Q_OBJECT

public:
    ReviewProgress(const SessionManager *manager, QWidget *parent = nullptr);

    void refresh();

private:
    const SessionManager *m_manager;
};
