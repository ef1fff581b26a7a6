#pragma once

#include <QImage>
#include <QList>
#include <QPoint>
#include <QPointF>
#include <QWidget>

#include <functional>

class StageOverlay;

// The current frame, large, on a checkerboard: whole-number zoom with
// nearest-neighbour scaling, onion skin (the previous frame at 30 %, the
// anchor at 15 %, or as the preferences say), the anchor's baseline as a
// guide, and the frame's alignment offset applied live. Dragging moves the
// sprite in whole source pixels; releasing asks for one nudge of the whole
// drag (the nudger says whether it was made).
//
// High DPI: the frame and the checkerboard are drawn in device pixels, each
// frame pixel a square of the same whole number of them (pixelScale()), on
// the device's own pixel grid: at any device pixel ratio (1.25, 1.5, 2 …)
// every edge is sharp and every pixel shows the frame's own colour.
class StageView : public QWidget
{
    Q_OBJECT

public:
    explicit StageView(QWidget *parent = nullptr);

    static constexpr int zoomLevels[] = {1, 2, 4, 8};
    // The zoom level after `zoom` (direction 1) or before it (-1); `zoom` at either end.
    static int nextZoom(int zoom, int direction);

    // Shows a frame; a drag in progress (on the frame shown before) ends.
    void setFrame(const QImage &image, QPointF offset, const QString &message = {});
    // Shows the frame already shown again, as it is now (saved notes, a new
    // offset): a drag in progress goes on.
    void refreshFrame(const QImage &image, QPointF offset, const QString &message = {});
    void setOnionFrames(const QImage &previous, const QImage &anchor);
    void setBaseline(double y); // in frame pixels; negative hides the guide
    // Zooms at once; Ctrl+wheel only asks for it (zoomRequested).
    void setZoom(int zoom);
    int zoom() const { return m_zoom; }
    void setOnionSkin(bool on);
    bool onionSkin() const { return m_onionSkin; }
    // Opacities of the previous frame and of the anchor, 0 to 1.
    void setOnionOpacities(qreal previous, qreal anchor);
    qreal previousOpacity() const { return m_previousOpacity; }
    qreal anchorOpacity() const { return m_anchorOpacity; }
    void setEditable(bool editable);

    // Where the frame is drawn (for tests and screenshots): widget coordinates.
    QRect canvasRect() const;
    // Device pixels per frame pixel at a device pixel ratio: the zoom in
    // device pixels, rounded to a whole number (zoom 1 at 1.5 is 2).
    int pixelScale(qreal devicePixelRatio) const;
    QPoint dragDelta() const { return m_dragDelta; }
    bool isDragging() const { return m_dragging; }
    // Ends a drag in progress without a nudge (a message box takes the mouse).
    void cancelDrag();
    // What a finished drag does: move the frame (dx, dy) source pixels further; true when it
    // moved (the frame is then shown again at its new offset).
    using Nudger = std::function<bool(int dx, int dy)>;
    void setNudger(Nudger nudger) { m_nudger = std::move(nudger); }

    // Drawn over the frame, in the order added, until removed (not owned).
    void addOverlay(const StageOverlay *overlay);
    void removeOverlay(const StageOverlay *overlay);
    // Something an overlay draws changed.
    void overlaysChanged() { update(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A drag begins (the sprite has not moved yet).
    void dragStarted();
    // Ctrl+wheel: the operator asks for the next zoom level in or out.
    void zoomRequested(int zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    QPoint roundedOffset() const;
    QSize frameSize() const;
    // Where the frame is drawn, in device pixels, in a widget that covers
    // `area` of the device.
    QRect deviceCanvas(const QRectF &area, int scale) const;

    QImage m_image;
    QImage m_previous;
    QImage m_anchor;
    QString m_message;
    QPointF m_offset;
    double m_baseline = -1.0;
    int m_zoom = 4;
    bool m_onionSkin = false;
    qreal m_previousOpacity = 0.30;
    qreal m_anchorOpacity = 0.15;
    bool m_editable = true;
    bool m_dragging = false;
    QPoint m_pressPos;
    QPoint m_dragDelta;
    Nudger m_nudger;
    QList<const StageOverlay *> m_overlays;
};
