#pragma once

#include "patch/inpaintprovider.h"
#include "session/reviewer.h"

#include <QLatin1StringView>
#include <QString>

// Every QSettings key Director uses, in one place. The values live in the
// user's settings file (QSettings with the application's organisation and
// name); a missing or invalid value means the default in Preferences.
namespace SettingsKeys {
// Preferences (the Preferences dialog; the View menu changes some of them too).
inline constexpr QLatin1StringView theme{"ui/theme"};       // "system", "light", "dark"
inline constexpr QLatin1StringView language{"ui/language"}; // "" (system), "en", "de"
inline constexpr QLatin1StringView zoom{"view/zoom"};       // "fit", 1, 2, 4 or 8
inline constexpr QLatin1StringView onionSkin{"view/onionSkin"};
inline constexpr QLatin1StringView onionPreviousOpacity{"view/onionSkinPreviousOpacity"}; // %
inline constexpr QLatin1StringView onionNextOpacity{"view/onionSkinNextOpacity"};         // %
inline constexpr QLatin1StringView onionAnchorOpacity{"view/onionSkinAnchorOpacity"};     // %
// Which of the onion skin's layers show (View → Onion Skin).
inline constexpr QLatin1StringView onionShowPrevious{"view/onionSkinPrevious"};
inline constexpr QLatin1StringView onionShowNext{"view/onionSkinNext"};
inline constexpr QLatin1StringView onionShowAnchor{"view/onionSkinAnchor"};
inline constexpr QLatin1StringView autoAdvance{"review/autoAdvance"};
// "Your name": who the verdicts are by; empty or missing: the user logged in (Reviewer).
// `director frame` reads it too.
inline constexpr QLatin1StringView reviewer = Reviewer::settingsKey;
// The audit's overlays on the stage (View → Overlays).
inline constexpr QLatin1StringView paletteOverlay{"view/paletteOverlay"};
inline constexpr QLatin1StringView baselineOverlay{"view/baselineOverlay"};
inline constexpr QLatin1StringView boundsOverlay{"view/boundsOverlay"};
// The window as the operator left it.
inline constexpr QLatin1StringView windowGeometry{"window/geometry"};
inline constexpr QLatin1StringView topSplitter{"window/topSplitter"};
// How many frames the seam view plays on each side of a loop's seam (the playback bar).
inline constexpr QLatin1StringView seamFrames{"view/seamFrames"};
inline constexpr QLatin1StringView recentRuns{"recentRuns"}; // most recent first
// The inpainting provider's command line (docs/provider.md); read by InpaintProvider.
inline constexpr QLatin1StringView inpaintProvider = InpaintProvider::settingsKey;
// Patch → Edit in …: the pixel editor's command line, "" for the first found (ExternalEditor).
inline constexpr QLatin1StringView pixelEditor{"patch/pixelEditor"};
// The frame the operator was on in a session.
QString sessionFrame(const QString &sessionId);
// The filmstrip's filter of a run (FrameFilter::toStrings), by its folder (RecentRuns'
// form): a copy of the run has its own, and a new review of the run keeps it.
QString runFilter(const QString &runDir);
// Where Director kept the filter before, by the session: no longer read (removed when the
// run opens).
QString sessionFilter(const QString &sessionId);
// The frames per second the operator plays a move at (by the session's moveId).
QString playbackFps(const QString &moveId);
} // namespace SettingsKeys

// What the operator chose once and Director remembers: the look, the stage,
// the review habits. The Preferences dialog edits all of it; the View menu
// changes the zoom, the onion skin (and which of its layers show) and auto-advance, stored
// under the same
// keys.
struct Preferences
{
    enum class Theme
    {
        System, // the system's palette; the dark one below when the system's is dark
        Light,  // the standard light palette (Fusion)
        Dark    // a dark, neutral grey palette for pixel work (Fusion)
    };

    Theme theme = Theme::System;
    // Read once at start (app/language.cpp): "" for the system's language, or one of
    // directorLanguages (model/core/languages.h).
    QString language;
    // A level of StageView::zoomLevels, or StageView::fitZoom (Fit, the default: the whole
    // frame in view).
    int zoom = 0;
    bool onionSkin = false;
    bool onionShowPrevious = true; // tinted red
    bool onionShowNext = true;     // tinted blue
    bool onionShowAnchor = true;
    int onionPreviousOpacity = 30; // percent
    int onionNextOpacity = 30;     // percent
    int onionAnchorOpacity = 15;   // percent
    bool autoAdvance = false;
    // Who the verdicts are by ("Your name"): recorded with each approval and rejection.
    QString reviewer = Reviewer::loginName();
    // The audit's overlays (View → Overlays).
    bool paletteOverlay = false;
    bool baselineOverlay = false;
    bool boundsOverlay = false;
    // The pixel editor's command line (Patch → Edit in …); empty: found automatically.
    QString pixelEditor;
    // The inpainting provider's command line (Paint Mask → Patch); empty: the bundled
    // director-inpaint-anchor (InpaintProvider::defaultCommand).
    QString inpaintProvider;

    // From QSettings; a value that is missing or not one Director knows
    // (hand-edited, from a newer version) reads as the default.
    static Preferences load();
    void save() const;
    // The ones the View menu changes, each on its own.
    static void saveZoom(int zoom);
    static void saveOnionSkin(bool on);
    static void saveOnionLayers(bool previous, bool next, bool anchor);
    static void saveAutoAdvance(bool on);
    // One of the overlays (SettingsKeys::paletteOverlay, baselineOverlay, boundsOverlay).
    static void saveOverlay(QLatin1StringView key, bool on);

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name);

    bool operator==(const Preferences &) const = default;
};
