#pragma once

#include <QObject>

class StageView;
class WindowActions;
struct Preferences;

// The View menu's hold on the stage: the zoom (Fit, a level, in and out, Ctrl+wheel on the
// stage), the onion skin and each of its layers. Each choice is shown on the stage, checked in
// the menu, and remembered (Preferences) at once.
class StageControls : public QObject
{
    Q_OBJECT

public:
    StageControls(StageView *stage, WindowActions &actions, QObject *parent);

    // The stage as the preferences say: zoom, onion skin, its layers and their opacities.
    void apply(const Preferences &preferences);
    // A level of StageView::zoomLevels, or StageView::fitZoom.
    void setZoom(int zoom);

private:
    void connectZoom();
    void connectOnionSkin();
    void showOnionLayers();

    StageView *m_stage;
    WindowActions &m_actions;
};
