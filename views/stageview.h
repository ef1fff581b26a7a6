#pragma once

#include "pixelgrid.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QPointF>

#include <functional>
#include <optional>

class StageOverlay;

// The current frame, large, on a checkerboard: whole-number zoom with nearest-neighbour
// scaling, onion skin (the previous frame tinted red, the next one tinted blue, the anchor
// as it is, each at the opacity the preferences say and each shown or not on its own), the
// anchor's baseline as a guide, and the frame's alignment offset applied live. Dragging with
// the left button moves the sprite in whole source pixels; releasing asks for one nudge of
// the whole drag (the nudger says whether it was made).
//
// Zoom: one of zoomLevels, or Fit (fitZoom), the largest whole factor at which the whole
// frame is in view, followed as the stage is resized. When the frame at its zoom is larger
// than the stage, scroll bars show: the middle button drags the view, the wheel scrolls it,
// Ctrl+wheel zooms about the pixel under the cursor.
//
// High DPI: the frame and the checkerboard are drawn in device pixels, each frame pixel a
// square of the same whole number of them (pixelScale(), PixelGrid), on the device's own grid: at
// any device pixel ratio (1.25, 1.5, 2 …) every edge is sharp and every pixel shows the
// frame's own colour, scrolled or not.
//
// The stage draws on its viewport, which has no frame around it: viewport coordinates are
// the stage's own.
class StageView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit StageView(QWidget *parent = nullptr);

    static constexpr int zoomLevels[] = {1, 2, 4, 8};
    // setZoom(fitZoom): Fit.
    static constexpr int fitZoom = 0;
    // The zoom level after `zoom` (direction 1) or before it (-1), whether or not `zoom` is a
    // level itself; `zoom` when there is none.
    static int nextZoom(int zoom, int direction);
    // The largest whole factor (1 at least) at which a frame of `frame` pixels, with the
    // stage's margins, fits in `area` (logical pixels) at a device pixel ratio.
    static int fitFactor(QSize frame, QSize area, qreal devicePixelRatio);
    // Device pixels per frame pixel at `zoom`: the zoom in device pixels, rounded (the compare
    // view's too: PixelGrid).
    static int scaleFor(int zoom, qreal devicePixelRatio)
    {
        return PixelGrid::scaleFor(zoom, devicePixelRatio);
    }

    // Shows a frame; a drag in progress (on the frame shown before) ends.
    void setFrame(const QImage &image, QPointF offset, const QString &message = {});
    // Shows the frame already shown again, as it is now (saved notes, a new
    // offset): a drag in progress goes on.
    void refreshFrame(const QImage &image, QPointF offset, const QString &message = {});
    // The frame shown (before its offset); null when none.
    const QImage &image() const { return m_image; }
    // The onion skin's frames, each as commit writes it (null: none).
    void setOnionFrames(const QImage &previous, const QImage &next, const QImage &anchor);
    void setOnionFrames(const QImage &previous, const QImage &anchor)
    {
        setOnionFrames(previous, QImage(), anchor);
    }
    void setBaseline(double y); // in frame pixels; negative hides the guide
    // Zooms at once (a level, or fitZoom), about the pixel at the stage's centre; Ctrl+wheel
    // only asks for it (zoomRequested), and the zoom that follows keeps the pixel under the
    // cursor.
    void setZoom(int zoom);
    // The factor shown now (Fit's too).
    int zoom() const { return m_zoom; }
    bool isFit() const { return m_fit; }
    // What the operator chose: a level, or fitZoom.
    int zoomChoice() const { return m_fit ? fitZoom : m_zoom; }
    void setOnionSkin(bool on);
    bool onionSkin() const { return m_onionSkin; }
    // Which of the onion skin's layers show while it is on.
    struct OnionLayers
    {
        bool previous = true;
        bool next = true;
        bool anchor = true;
        bool operator==(const OnionLayers &) const = default;
    };
    void setOnionLayers(OnionLayers layers);
    OnionLayers onionLayers() const { return m_layers; }
    // Opacities of the previous frame, the next one and the anchor, 0 to 1.
    void setOnionOpacities(qreal previous, qreal next, qreal anchor);
    void setOnionOpacities(qreal previous, qreal anchor)
    {
        setOnionOpacities(previous, m_nextOpacity, anchor);
    }
    qreal previousOpacity() const { return m_previousOpacity; }
    qreal nextOpacity() const { return m_nextOpacity; }
    qreal anchorOpacity() const { return m_anchorOpacity; }
    void setEditable(bool editable);

    // Where the frame is drawn (for tests and screenshots): viewport (and stage) coordinates;
    // scrolled, part of it may be outside.
    QRect canvasRect() const;
    // Device pixels per frame pixel at a device pixel ratio: the zoom in
    // device pixels, rounded to a whole number (zoom 1 at 1.5 is 2).
    int pixelScale(qreal devicePixelRatio) const;
    QPoint dragDelta() const { return m_dragDelta; }
    bool isDragging() const { return m_dragging; }
    bool isPanning() const { return m_panning; }
    // Ends a drag in progress without a nudge (a message box takes the mouse).
    void cancelDrag();
    // What a finished drag does: move the frame (dx, dy) source pixels further; true when it
    // moved (the frame is then shown again at its new offset).
    using Nudger = std::function<bool(int dx, int dy)>;
    void setNudger(Nudger nudger) { m_nudger = std::move(nudger); }

    // A tool that takes the left and right buttons instead of the drag (the mask tool): while
    // set, a press, each move and the release with either button go to it, each with the frame
    // pixel under the mouse (the image's own coordinates: its offset taken off; outside the
    // image too), and the frame does not move. Null: the drag again.
    struct ToolEvent
    {
        enum class Phase
        {
            Press,
            Move,
            Release
        } phase;
        QPoint pixel;
        Qt::MouseButton button; // LeftButton or RightButton
    };
    using PixelTool = std::function<void(const ToolEvent &event)>;
    void setPixelTool(PixelTool tool);
    bool hasPixelTool() const { return bool(m_tool); }
    // The frame pixel (before its offset) under `position`, in viewport coordinates.
    QPoint framePixelAt(QPointF position) const;

    // Drawn over the frame, in the order added, until removed (not owned).
    void addOverlay(const StageOverlay *overlay);
    void removeOverlay(const StageOverlay *overlay);
    // Something an overlay draws changed.
    void overlaysChanged() { viewport()->update(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A drag begins (the sprite has not moved yet).
    void dragStarted();
    // Ctrl+wheel: the operator asks for the next zoom level in or out.
    void zoomRequested(int zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    QPoint roundedOffset() const;
    QSize frameSize() const;
    // Where the frame is drawn, in device pixels, in a viewport that covers `area` of the
    // device at this ratio: centred on an axis where it fits, scrolled where it does not.
    QRect deviceCanvas(const QRectF &area, int scale, qreal devicePixelRatio) const;
    // The frame with its margins at the zoom, in logical pixels.
    QSize contentSize() const;
    void updateScrollBars();
    // The zoom becomes `zoom`; the frame pixel at `anchor` (viewport coordinates) stays there.
    void zoomAbout(int zoom, QPointF anchor);
    // Fit's factor for the stage's size now.
    int fitNow() const;
    void paintCanvas(QPainter &p, const QRect &canvas, int scale, qreal dpr);
    void paintOnionSkin(QPainter &p, const QRect &canvas);
    void paintGuides(QPainter &p, const QRect &canvas, int scale, qreal dpr);
    void paintLabel(QPainter &p);
    void updateCursor();
    // A tool's press, move or release; false when the event is not the tool's.
    bool toolEvent(QMouseEvent *event, ToolEvent::Phase phase);

    QImage m_image;
    QImage m_previous; // tinted
    QImage m_next;     // tinted
    QImage m_anchor;
    QString m_message;
    QPointF m_offset;
    double m_baseline = -1.0;
    int m_zoom = 4;
    bool m_fit = false;
    bool m_onionSkin = false;
    OnionLayers m_layers;
    qreal m_previousOpacity = 0.30;
    qreal m_nextOpacity = 0.30;
    qreal m_anchorOpacity = 0.15;
    bool m_editable = true;
    bool m_dragging = false;
    QPoint m_pressPos;
    QPoint m_dragDelta;
    bool m_panning = false;
    QPoint m_panStart;                   // where the middle button went down
    QPoint m_panScrollStart;             // the scroll bars' values then
    std::optional<QPointF> m_zoomAnchor; // Ctrl+wheel's cursor, while its zoom is asked for
    Nudger m_nudger;
    PixelTool m_tool;
    Qt::MouseButton m_toolButton = Qt::NoButton; // the button a tool's stroke is made with
    QList<const StageOverlay *> m_overlays;
};
