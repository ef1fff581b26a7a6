#pragma once

#include "audit/framegeometry.h"
#include "stageoverlay.h"

#include <QCoreApplication>
#include <QList>
#include <QPoint>

// The audit's evidence drawn on the stage, exactly on the frame's pixels. Each overlay holds
// what was measured on the frame as commit will write it (FrameImages::placed(): offset
// applied, latest patch) at the offset it was measured at; while the operator drags the sprite,
// what belongs to the frame moves with it.

// Pixels whose colour is not in the run's palette: each covered by a magenta and green checker
// (two squares of each per pixel from 2 device pixels up, by pixel at 1). No sprite colour is
// near both, so one of the two always stands out, and no pixel art draws such a checker.
class PaletteOverlay : public StageOverlay
{
public:
    static constexpr QRgb magenta = 0xffff00ff;
    static constexpr QRgb green = 0xff00ff00;

    void set(const QList<QPoint> &pixels, QPoint measuredAt);
    void clear() { m_pixels.clear(); }
    void paint(QPainter &painter, const StageGeometry &geometry) const override;

private:
    QList<QPoint> m_pixels; // frame pixels, as placed
    QPoint m_measuredAt;
};

// The frame's own baseline (FrameGeometry::baseline) as a solid line across the canvas, and
// its gap to the anchor's, labelled ("2 px above anchor").
class BaselineOverlay : public StageOverlay
{
    Q_DECLARE_TR_FUNCTIONS(BaselineOverlay)

public:
    static constexpr QRgb colour = 0xffff4081;

    void set(const FrameGeometry &frame, const FrameGeometry &anchor, QPoint measuredAt);
    void paint(QPainter &painter, const StageGeometry &geometry) const override;
    // "2 px above anchor", "on the anchor's baseline"; empty when not measured.
    QString label() const;

private:
    FrameGeometry m_frame;
    FrameDrift m_drift;
    QPoint m_measuredAt;
};

// The frame's box of visible pixels (solid) and the anchor's (dashed), each with its pivot (the
// bottom centre), and the frame's pivot shift from the anchor's, labelled: the jitter an atlas
// export would show.
class BoundsOverlay : public StageOverlay
{
    Q_DECLARE_TR_FUNCTIONS(BoundsOverlay)

public:
    static constexpr QRgb frameColour = 0xffffd600;
    static constexpr QRgb anchorColour = 0xff00e5ff;

    void set(const FrameGeometry &frame, const FrameGeometry &anchor, QPoint measuredAt);
    void paint(QPainter &painter, const StageGeometry &geometry) const override;
    // "pivot +3, 0 px from anchor's"; empty when not measured.
    QString label() const;

private:
    FrameGeometry m_frame;
    FrameGeometry m_anchor;
    FrameDrift m_drift;
    QPoint m_measuredAt;
};

// A label drawn on the stage: light text on a dark box, at `anchor` (device pixels).
void paintStageLabel(QPainter &painter, const QString &text, QPoint at, QRgb accent);
