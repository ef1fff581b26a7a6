#include "messagebox.h"

#include <QApplication>
#include <QPushButton>
#include <QTimer>

namespace {

// Only the GUI thread opens boxes.
MessageBox::Button nextAnswer = MessageBox::NoButton;
int opened = 0;

// Made when the first box opens: a Message holds a QPixmap, which cannot be made before the
// application (a global one aborted every program at its start).
MessageBox::Message &last()
{
    static MessageBox::Message message;
    return message;
}

QMessageBox::StandardButton standardButton(MessageBox::Button button)
{
    switch (button) {
    case MessageBox::Ok:
        return QMessageBox::Ok;
    case MessageBox::Cancel:
        return QMessageBox::Cancel;
    case MessageBox::Yes:
        return QMessageBox::Yes;
    case MessageBox::Discard:
        return QMessageBox::Discard;
    case MessageBox::Close:
        return QMessageBox::Close;
    default:
        return QMessageBox::NoButton;
    }
}

QMessageBox::ButtonRole role(MessageBox::Button button)
{
    switch (button) {
    case MessageBox::OpenReadOnly:
    case MessageBox::TryAgain:
        return QMessageBox::AcceptRole;
    case MessageBox::CloseAnyway:
    case MessageBox::TakeOver:
        return QMessageBox::DestructiveRole;
    default:
        return QMessageBox::RejectRole;
    }
}

// The answer, from the event loop, once the box is gone: what it starts (another box, a
// progress dialog, closing the window) never runs inside the box's own signal.
void deliver(QObject *context, const MessageBox::Answered &answered, MessageBox::Button answer)
{
    if (answered)
        QTimer::singleShot(0, context ? context : qApp, [answered, answer] { answered(answer); });
}

} // namespace

QString MessageBox::buttonText(Button button)
{
    switch (button) {
    case OpenReadOnly:
        return tr("Open Read-Only");
    case Quit:
        return tr("Quit");
    case TryAgain:
        return tr("Try Again");
    case CloseAnyway:
        return tr("Close Anyway");
    case TakeOver:
        return tr("Take Over…");
    default:
        return {};
    }
}

QPointer<QMessageBox> MessageBox::open(QWidget *parent, const Message &message,
                                       const Answered &answered)
{
    last() = message;
    ++opened;
    if (const Button answer = std::exchange(nextAnswer, NoButton); answer != NoButton) {
        deliver(parent, answered, answer);
        return nullptr;
    }
    auto *box =
        new QMessageBox(message.icon, message.title, message.text, QMessageBox::NoButton, parent);
    box->setTextFormat(message.format);
    if (!message.iconPixmap.isNull())
        box->setIconPixmap(message.iconPixmap);
    QHash<QAbstractButton *, Button> buttons;
    for (const Button button : message.buttons) {
        QAbstractButton *made = standardButton(button) != QMessageBox::NoButton
                                    ? box->addButton(standardButton(button))
                                    : box->addButton(buttonText(button), role(button));
        buttons.insert(made, button);
        if (button == message.defaultButton)
            box->setDefaultButton(qobject_cast<QPushButton *>(made));
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [parent, box, buttons, answered] {
        deliver(parent, answered, buttons.value(box->clickedButton(), NoButton));
    });
    box->open();
    return box;
}

void MessageBox::setNextAnswer(Button answer)
{
    nextAnswer = answer;
}

MessageBox::Message MessageBox::lastMessage()
{
    return last();
}

int MessageBox::openedCount()
{
    return opened;
}
