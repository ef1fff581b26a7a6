#include "windowplacement.h"

#include <QGuiApplication>
#include <QScreen>
#include <QStyle>
#include <QWidget>

void WindowPlacement::restoreOrPlace(QWidget *window, const QByteArray &savedGeometry)
{
    if (!savedGeometry.isEmpty() && window->restoreGeometry(savedGeometry))
        return;
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize size = (QSizeF(available.size()) * firstShare)
                           .toSize()
                           .expandedTo(window->minimumSizeHint().boundedTo(available.size()));
    window->setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
}
