#pragma once

#include "preferences.h"

#include <QPalette>

// The application's look, one of three (Preferences::Theme):
// - System: the system's own style and palette; when that palette is dark,
//   the dark palette below instead, so that a dark desktop gets a dark
//   Director whose greys are neutral. Looked at again whenever the system's
//   theme or the application palette changes (Qt 6.4 has no
//   QStyleHints::colorScheme(): a palette is dark when its window colour is).
// - Light: the standard light palette, on Fusion.
// - Dark: a dark palette for pixel work, on Fusion: every surface a neutral
//   grey (red = green = blue), so that no tint around the sprite changes how
//   its colours are seen.
// At start, once the application and its organisation and application names
// are set: Theme::applySaved(). Without a QApplication (the headless
// commands) it does nothing.
class Theme
{
public:
    // Applies the theme saved in the preferences (QSettings).
    static void applySaved();
    // Applies a theme to the application now, and keeps following the
    // system when it is Preferences::Theme::System.
    static void apply(Preferences::Theme theme);
    // The theme applied last (System before any).
    static Preferences::Theme current();

    static QPalette darkPalette();
    static QPalette lightPalette();
    static bool isDark(const QPalette &palette);
};
