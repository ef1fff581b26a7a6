#pragma once

#include <QColor>

class QPainter;
class QPalette;
class QRect;

// A frame's status told by shape as well as colour, so that an operator who cannot tell green
// from red culls as fast as anyone: ✓ APPROVED, ✕ AUDIT_FAIL, ! (in a triangle) AUDIT_WARN,
// ○ GENERATED, … PENDING. The shapes are drawn (no font), thick enough to read at thumbnail
// size, in the status's colour on a chip of the view's background. The colours depend on the
// palette: each contrasts at least 3:1 with the light palette's or the dark one's background.
class StatusBadge
{
public:
    // The status's colour on this palette (light or dark, Theme::isDark).
    static QColor colour(int status, const QPalette &palette);
    // Draws the status's shape, in `ink`, inside `rect` (a square).
    static void paintShape(QPainter *painter, const QRect &rect, int status, const QColor &ink);
    // The badge: a chip of the palette's base colour with the shape on it in the status's
    // colour.
    static void paint(QPainter *painter, const QRect &rect, int status, const QPalette &palette);
};
