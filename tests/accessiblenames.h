#pragma once

// Every control a user reaches (with the keyboard, or as a button, a list,
// an editor) must have a name for screen readers: its accessible name, or
// what Qt's accessibility makes of it (a button's text, a label's buddy).

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStringList>
#include <QWidget>

namespace AccessibleNames {

inline bool isControl(const QWidget *widget)
{
    return widget->focusPolicy() != Qt::NoFocus || qobject_cast<const QAbstractButton *>(widget) ||
           qobject_cast<const QAbstractScrollArea *>(widget) ||
           qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QLineEdit *>(widget);
}

// A control that shows a value (a combo box, a spin box, a text editor):
// on Linux, Qt's accessibility may give its value as its name, so its name
// must be set, or come from a label whose buddy it is.
inline bool showsValue(const QWidget *widget)
{
    return qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QLineEdit *>(widget) || widget->inherits("QPlainTextEdit") ||
           widget->inherits("QTextEdit");
}

inline QString nameOf(QWidget *widget)
{
    if (showsValue(widget)) {
        if (!widget->accessibleName().trimmed().isEmpty())
            return widget->accessibleName().trimmed();
        for (const QLabel *label : widget->window()->findChildren<QLabel *>()) {
            if (label->buddy() == widget && !label->text().isEmpty())
                return label->text().remove(QLatin1Char('&')).trimmed();
        }
        return {};
    }
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    return accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
}

// The controls under root (root too) that are shown and have no name, as
// "class 'objectName'"; `count` is how many controls were looked at.
inline QStringList unnamedControls(QWidget *root, int *count = nullptr)
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    QStringList unnamed;
    int controls = 0;
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(root) && widget != root)
            continue;
        // The editor inside a spin box or a combo box is part of it, for the
        // user and for a screen reader: the box's name is the one read.
        if (qobject_cast<QLineEdit *>(widget) &&
            (qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
             qobject_cast<QComboBox *>(widget->parentWidget())))
            continue;
        // A view's header is part of the view: its sections are read as the
        // view's column headers.
        if (qobject_cast<QHeaderView *>(widget) &&
            qobject_cast<QAbstractItemView *>(widget->parentWidget()))
            continue;
        if (!isControl(widget))
            continue;
        ++controls;
        if (nameOf(widget).isEmpty())
            unnamed.append(QStringLiteral("%1 '%2'").arg(
                QString::fromLatin1(widget->metaObject()->className()), widget->objectName()));
    }
    if (count)
        *count = controls;
    return unnamed;
}

} // namespace AccessibleNames
