#pragma once

#include <QByteArray>

class QWidget;

// Where the review window opens: where the operator left it (its saved geometry), or, the
// first time, at a size suited to the screen it is on (four fifths of its available
// area), centred, not at its minimum.
class WindowPlacement
{
public:
    static constexpr double firstShare = 0.8;

    static void restoreOrPlace(QWidget *window, const QByteArray &savedGeometry);
};
