#pragma once

#include <QCoreApplication>

class QWidget;
class WindowActions;

// Help → Keyboard Shortcuts and Help → About Director.
class HelpBoxes
{
    Q_DECLARE_TR_FUNCTIONS(HelpBoxes)

public:
    // Every action with a key, in menu order.
    static void showShortcuts(QWidget *window, const WindowActions &actions);
    // The version, what Director is for, and the Qt it was built with and runs on.
    static void showAbout(QWidget *window);
    // Help → Keyboard Shortcuts, About Director and About Qt, open over `window`.
    static void connectTo(QWidget *window, const WindowActions &actions);
};
