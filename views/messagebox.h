#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMessageBox>
#include <QPixmap>
#include <QPointer>
#include <QString>

#include <functional>

class QWidget;

// Every message box of the window, made one way: window-modal and opened without blocking
// (saves and the pipeline's news go on while it is open), its answer handed to a function once
// it closes. Tests answer the next box without showing it (setNextAnswer) and read what it
// said (lastMessage), as KeePassXC's MessageBox does.
class MessageBox
{
    Q_DECLARE_TR_FUNCTIONS(MessageBox)

public:
    // The answers a box can give: Qt's standard buttons, and Director's own (a button with its
    // own words and the role that makes Enter and Esc work as the platform expects).
    enum Button
    {
        NoButton, // closed without an answer
        Ok,
        Cancel,
        Yes,
        Discard,
        Close,
        OpenReadOnly, // accept
        Quit,         // reject
        TryAgain,     // accept
        CloseAnyway,  // destructive
        TakeOver,     // destructive: another computer's lock on a run
    };
    using Answered = std::function<void(Button)>;

    struct Message
    {
        Message() = default;
        Message(QMessageBox::Icon icon, const QString &title, const QString &text,
                const QList<Button> &buttons = {Ok})
            : icon(icon), title(title), text(text), buttons(buttons)
        {}

        QMessageBox::Icon icon = QMessageBox::Information;
        QString title;
        QString text;
        QList<Button> buttons = {Ok};
        Button defaultButton = NoButton; // NoButton: Qt's choice
        Qt::TextFormat format = Qt::AutoText;
        QPixmap iconPixmap; // instead of the icon, when set
    };

    // Opens the box on `parent`; `answered` (when given) gets the button once it closes, from
    // the event loop. The box is null when the answer was set in advance (nothing is shown).
    static QPointer<QMessageBox> open(QWidget *parent, const Message &message,
                                      const Answered &answered = {});

    // The test seam: the next box is not shown, and is answered with `answer` as if the
    // operator had chosen it.
    static void setNextAnswer(Button answer);
    // The last message opened, shown or answered in advance; how many were opened.
    static Message lastMessage();
    static int openedCount();

private:
    static QString buttonText(Button button);
};
