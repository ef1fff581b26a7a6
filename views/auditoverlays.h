#pragma once

#include "audit/framegeometry.h"
#include "stageoverlay.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPoint>

// The audit's evidence drawn on the stage, exactly on the frame's pixels. Each overlay holds
// what was measured on the frame as commit will write it (FrameImages::placed(): offset
// applied, latest patch) at the offset it was measured at; while the operator drags the sprite,
// what belongs to the frame moves with it.

// Pixels whose colour is not in the run's palette: each covered by a magenta and green checker
// (magenta top left and bottom right, green in between; at 1 device pixel per frame pixel,
// magenta). No sprite colour is near both, so one of the two always stands out, and no pixel
// art draws such a checker. Drawn as one image, made when the frame is measured: a frame whose
// every pixel is off costs a paint no more than one with a few.
class PaletteOverlay : public StageOverlay
{
public:
    static constexpr QRgb magenta = 0xffff00ff;
    static constexpr QRgb green = 0xff00ff00;

    // The off-palette pixels of a frame of `size`.
    void set(const QList<QPoint> &pixels, QSize size, QPoint measuredAt);
    void clear() { m_checker = {}; }
    void paint(QPainter &painter, const StageGeometry &geometry) const override;

private:
    QImage m_checker; // twice the frame's size: 2×2 checker pixels per frame pixel
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

// A label drawn on the stage: light text on a dark box, its top left (or top right) at `at`
// (device pixels).
void paintStageLabel(QPainter &painter, const QString &text, QPoint at, QRgb accent,
                     bool rightAligned = false);
