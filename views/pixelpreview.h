#pragma once

#include <QImage>
#include <QList>
#include <QPoint>
#include <QWidget>

// A frame in a dialog's preview, as the stage draws it: on a checkerboard, each source pixel a
// square of the same whole number of device pixels (PixelGrid; nearest neighbour, at any device
// pixel ratio), and the pixels named as highlighted covered in ImageDiff::highlight (magenta) while
// the highlight is on. The patch tools show a frame before and after a change with two of them.
class PixelPreview : public QWidget
{
    Q_OBJECT

public:
    explicit PixelPreview(QWidget *parent = nullptr);

    void setImage(const QImage &image, const QList<QPoint> &highlighted = {});
    const QImage &image() const { return m_image; }
    const QList<QPoint> &highlighted() const { return m_highlighted; }
    void setHighlightShown(bool shown);
    bool isHighlightShown() const { return m_highlightShown; }
    // Logical pixels per source pixel, 1 at least.
    void setZoom(int zoom);
    int zoom() const { return m_zoom; }
    // Where the image is drawn, in logical pixels.
    QRect imageRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // The image's canvas in device pixels at `scale` device pixels per source pixel.
    QRect canvas(qreal devicePixelRatio, int scale) const;

    QImage m_image;
    QList<QPoint> m_highlighted;
    QImage m_highlight; // the highlighted pixels in magenta, the rest transparent
    bool m_highlightShown = true;
    int m_zoom = 1;
};
