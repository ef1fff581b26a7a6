#pragma once

#include <QImage>
#include <QPoint>
#include <QString>
#include <QTransform>
#include <QWidget>

#include <functional>

// The current frame beside a reference, shown in place of the stage while comparing (README,
// Compare). Both images come as commit would write them (FrameImages). Three modes:
//   SideBySide  the current frame left, the reference right, at one whole-number zoom with
//               nearest-neighbour scaling; a drag or the wheel pans both in step;
//   Wipe        one image: left of the divider the current frame, right of it the reference;
//               drag the divider (or anywhere: it follows the mouse);
//   Difference  pixels that differ (ImageDiff: alpha differs, or both visible and RGB differs)
//               in ImageDiff::highlight, the rest dimmed, and how many differ.
// Drawn as the stage draws (PixelGrid): in device pixels, each source pixel a square of the same
// whole number of them as on the stage at the same zoom, at any device pixel ratio; the pan and
// the divider in whole device pixels too, where the mouse puts them.
class CompareView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        SideBySide,
        Wipe,
        Difference
    };

    explicit CompareView(QWidget *parent = nullptr);

    // The current frame and the reference (named for the operator: "Anchor", "Attempt 2" …);
    // `message` instead of a reference that cannot be shown.
    void setImages(const QImage &current, const QImage &reference, const QString &referenceName,
                   const QString &message = {});
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The zoom is the stage's (StageView::zoom()): asked for at every paint, so both follow
    // one zoom level.
    void setZoomSource(std::function<int()> zoom);
    int zoom() const;
    // Device pixels per source pixel at a device pixel ratio (StageView::pixelScale's).
    int pixelScale(qreal devicePixelRatio) const;
    QPoint pan() const { return m_pan; }
    // Where the divider is, in frame pixels from the image's left edge.
    int wipePosition() const { return m_wipe; }
    // Differing pixels in Difference mode (-1 before there are two images).
    qsizetype differingPixels() const { return m_differing; }
    // What the view says above the images: the reference's name, or the difference count.
    QString caption() const;

    // Where the image of a pane is drawn (side by side: 0 current, 1 reference; otherwise the
    // one image is pane 0), in widget coordinates.
    QRect imageRect(int pane) const;

signals:
    // Ctrl+wheel: the operator asks for the next zoom level in (1) or out (-1).
    void zoomStepRequested(int direction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    // Where a pane is and where its image is drawn, in device pixels.
    struct Placement
    {
        QRect pane;
        QRect canvas;
        int scale; // device pixels per source pixel
    };

    QRect paneRect(int pane) const;
    QSize frameSize() const;
    // In a widget that lies on the device as `toDevice` says, at `scale` device pixels per source
    // pixel: each pane on whole device pixels, the image centred in it and panned.
    Placement place(int pane, const QTransform &toDevice, int scale) const;
    // place() on the widget's own device (its origin at 0, 0): where the mouse is.
    Placement placeOnScreen(int pane) const;
    void drawPane(QPainter &painter, const Placement &at, qreal dpr, const QImage &image);
    void drawWipe(QPainter &painter, const Placement &at, qreal dpr);
    void setWipeAt(qreal x);
    void updateDifference();

    QImage m_current;
    QImage m_reference;
    QImage m_difference;
    QString m_referenceName;
    QString m_message;
    Mode m_mode = Mode::SideBySide;
    std::function<int()> m_zoomSource;
    QPoint m_pan;
    int m_wipe = 0;
    qsizetype m_differing = -1;
    bool m_dragging = false;
    QPoint m_lastPos;
};
