#pragma once

#include <QLabel>

// A label of the status bar that a screen reader reads as "what: text" (its accessible name
// says what the text is about, e.g. "Save state: Saved at 12:00:03").
class StatusLabel : public QLabel
{
    Q_OBJECT

public:
    StatusLabel(const QString &what, QWidget *parent = nullptr) : QLabel(parent), m_what(what)
    {
        setAccessibleName(what);
    }

    void setStatus(const QString &text)
    {
        setText(text);
        setAccessibleName(text.isEmpty() ? m_what : tr("%1: %2").arg(m_what, text));
    }

private:
    QString m_what;
};
