#include "stagecontrols.h"

#include "preferences.h"
#include "stageview.h"
#include "windowactions.h"

#include <QAction>

StageControls::StageControls(StageView *stage, WindowActions &actions, QObject *parent)
    : QObject(parent), m_stage(stage), m_actions(actions)
{
    connectZoom();
    connectOnionSkin();
}

void StageControls::connectZoom()
{
    const WindowActions &a = m_actions;
    connect(a.zoomFit, &QAction::triggered, this, [this] { setZoom(StageView::fitZoom); });
    for (size_t i = 0; i < a.zoom.size(); ++i) {
        const int zoom = StageView::zoomLevels[i];
        connect(a.zoom[i], &QAction::triggered, this, [this, zoom] { setZoom(zoom); });
    }
    // In and out from the factor shown, Fit's too.
    connect(a.zoomIn, &QAction::triggered, this,
            [this] { setZoom(StageView::nextZoom(m_stage->zoom(), 1)); });
    connect(a.zoomOut, &QAction::triggered, this,
            [this] { setZoom(StageView::nextZoom(m_stage->zoom(), -1)); });
    connect(m_stage, &StageView::zoomRequested, this, &StageControls::setZoom);
}

void StageControls::connectOnionSkin()
{
    // Checkable actions follow toggled, so that restoring them from the settings takes
    // effect too.
    connect(m_actions.onionSkin, &QAction::toggled, this, [this](bool on) {
        m_stage->setOnionSkin(on);
        Preferences::saveOnionSkin(on);
    });
    for (QAction *layer : {m_actions.onionPrevious, m_actions.onionNext, m_actions.onionAnchor})
        connect(layer, &QAction::toggled, this, &StageControls::showOnionLayers);
}

void StageControls::showOnionLayers()
{
    const StageView::OnionLayers layers{m_actions.onionPrevious->isChecked(),
                                        m_actions.onionNext->isChecked(),
                                        m_actions.onionAnchor->isChecked()};
    if (layers == m_stage->onionLayers())
        return;
    m_stage->setOnionLayers(layers);
    Preferences::saveOnionLayers(layers.previous, layers.next, layers.anchor);
}

void StageControls::setZoom(int zoom)
{
    m_stage->setZoom(zoom);
    m_actions.showZoom(m_stage->zoomChoice());
    Preferences::saveZoom(m_stage->zoomChoice());
}

void StageControls::apply(const Preferences &preferences)
{
    setZoom(preferences.zoom);
    m_stage->setOnionOpacities(preferences.onionPreviousOpacity / 100.0,
                               preferences.onionNextOpacity / 100.0,
                               preferences.onionAnchorOpacity / 100.0);
    m_actions.onionPrevious->setChecked(preferences.onionShowPrevious);
    m_actions.onionNext->setChecked(preferences.onionShowNext);
    m_actions.onionAnchor->setChecked(preferences.onionShowAnchor);
    showOnionLayers();
    m_actions.onionSkin->setChecked(preferences.onionSkin);
}
