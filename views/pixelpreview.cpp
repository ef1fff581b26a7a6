#include "pixelpreview.h"

#include "compare/imagediff.h"
#include "pixelgrid.h"

#include <QPainter>

#include <algorithm>

PixelPreview::PixelPreview(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void PixelPreview::setImage(const QImage &image, const QList<QPoint> &highlighted)
{
    m_image = image;
    m_highlighted = highlighted;
    m_highlight = QImage(image.size(), QImage::Format_ARGB32);
    m_highlight.fill(Qt::transparent);
    for (const QPoint &pixel : highlighted) {
        if (m_highlight.rect().contains(pixel))
            m_highlight.setPixel(pixel, ImageDiff::highlight);
    }
    updateGeometry();
    update();
}

void PixelPreview::setHighlightShown(bool shown)
{
    m_highlightShown = shown;
    update();
}

void PixelPreview::setZoom(int zoom)
{
    m_zoom = std::max(1, zoom);
    updateGeometry();
    update();
}

QSize PixelPreview::sizeHint() const
{
    return m_image.isNull() ? QSize(64, 64) : m_image.size() * m_zoom;
}

QRect PixelPreview::canvas(qreal devicePixelRatio, int scale) const
{
    return PixelGrid::centred(QRectF(QPointF(), QSizeF(size()) * devicePixelRatio),
                              m_image.size() * scale);
}

QRect PixelPreview::imageRect() const
{
    const qreal dpr = devicePixelRatioF();
    return PixelGrid::toLogical(canvas(dpr, PixelGrid::scaleFor(m_zoom, dpr)), dpr);
}

void PixelPreview::paintEvent(QPaintEvent *)
{
    if (m_image.isNull())
        return;
    QPainter painter(this);
    const PixelGrid::DeviceCoordinates device(painter, devicePixelRatioF());
    const qreal dpr = device.ratio();
    const int scale = PixelGrid::scaleFor(m_zoom, dpr);
    const QRect at = PixelGrid::centred(device.map(QRectF(rect())), m_image.size() * scale);
    PixelGrid::fillChecker(painter, at, dpr, QColor(0xee, 0xee, 0xee), QColor(0xcc, 0xcc, 0xcc));
    painter.drawImage(at, m_image);
    if (m_highlightShown)
        painter.drawImage(at, m_highlight);
}
