#pragma once

#include <QLabel>

class SessionManager;

// A band above the stage saying why the review cannot be changed (open in another Director or
// for viewing, committed, discarded); hidden while it can.
class ReadOnlyBanner : public QLabel
{
    Q_OBJECT

public:
    explicit ReadOnlyBanner(QWidget *parent = nullptr);

    void showFor(const SessionManager &manager);
};
