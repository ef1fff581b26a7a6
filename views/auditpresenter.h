#pragma once

#include "audit/framegeometry.h"
#include "audit/palettecheck.h"
#include "auditoverlays.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class FrameImages;
class FrameListModel;
class InspectorPanel;
class MotionPlot;
class MoveMetrics;
class SessionManager;
class StagePresenter;
class StageView;
class WindowActions;
struct Preferences;

// The audit's evidence for the frame on the stage, as commit will write it: the overlays
// (off-palette pixels, baseline, boxes; each toggled in View → Overlays and remembered), the
// off-palette count in the inspector, and the motion plot of the whole move (measured off the
// GUI thread by MoveMetrics). The current frame is measured on the GUI thread when it is
// shown: a 512 px frame takes a few milliseconds (README, Performance).
class AuditPresenter : public QObject
{
    Q_OBJECT

public:
    AuditPresenter(const SessionManager *manager, const FrameListModel *model, StageView *stage,
                   InspectorPanel *inspector, QWidget *window);
    ~AuditPresenter() override;

    MotionPlot *plot() const { return m_plot; }
    const MoveMetrics &metrics() const { return *m_metrics; }
    const PaletteOverlay &paletteOverlay() const { return m_paletteOverlay; }
    const BaselineOverlay &baselineOverlay() const { return m_baselineOverlay; }
    const BoundsOverlay &boundsOverlay() const { return m_boundsOverlay; }

    // The overlay toggles and the stage presenter's frames; a click on the plot goes to the
    // frame through `goTo`.
    void connectTo(const WindowActions &actions, StagePresenter *presenter,
                   std::function<void(int frameIndex)> goTo);
    // The overlays the preferences remember, on or off.
    void applyPreferences(const Preferences &preferences);

    // Measures the frame shown on the stage (-1: none) with the stage's images.
    void show(int frameIndex, FrameImages &images);

    // The palette for the open run: palette.json, else the anchor's colours (placed from
    // `images`); said in the inspector, and the patch tools legalize to it. Read once per anchor.
    const PaletteCheck::Palette &palette(int anchorIndex, FrameImages &images);
    // Where the palette comes from ("12 colours from the anchor, frame 0"), and what is wrong
    // with palette.json if it is.
    const QString &paletteSource() const { return m_paletteSource; }

private:
    void toggle(StageOverlay *overlay, bool on);
    void showPlot();

    const SessionManager *m_manager;
    const FrameListModel *m_model;
    QPointer<StageView> m_stage; // may go first, as the window is taken down
    InspectorPanel *m_inspector;
    MoveMetrics *m_metrics;
    MotionPlot *m_plot;
    const WindowActions *m_actions = nullptr;
    PaletteOverlay m_paletteOverlay;
    BaselineOverlay m_baselineOverlay;
    BoundsOverlay m_boundsOverlay;
    PaletteCheck::Palette m_palette;
    QString m_paletteKey;    // what m_palette was taken from
    QString m_paletteSource; // where it comes from, for the inspector
};
