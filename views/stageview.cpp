#include "stageview.h"

#include "commit/commitexporter.h"
#include "stageoverlay.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr int margin = 24;
constexpr int checker = 8; // screen pixels per checkerboard square
} // namespace

StageView::StageView(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setCursor(Qt::OpenHandCursor);
    setAccessibleName(tr("Stage"));
    setAccessibleDescription(tr("The current frame. Drag to nudge it by whole pixels."));
}

QSize StageView::sizeHint() const
{
    const QSize frame = m_image.isNull() ? QSize(128, 128) : m_image.size();
    return frame * m_zoom + QSize(2 * margin, 2 * margin);
}

QSize StageView::minimumSizeHint() const
{
    return {200, 200};
}

void StageView::setFrame(const QImage &image, QPointF offset, const QString &message)
{
    cancelDrag();
    refreshFrame(image, offset, message);
}

void StageView::refreshFrame(const QImage &image, QPointF offset, const QString &message)
{
    m_image = image;
    m_offset = offset;
    m_message = message;
    if (m_image.isNull())
        cancelDrag(); // nothing left to drag
    // The drag's delta counts from the saved offset, whatever it is now;
    // once the drag is over, the new offset includes it.
    if (!m_dragging)
        m_dragDelta = {};
    updateGeometry();
    update();
}

void StageView::setOnionFrames(const QImage &previous, const QImage &anchor)
{
    m_previous = previous;
    m_anchor = anchor;
    update();
}

void StageView::setBaseline(double y)
{
    m_baseline = y;
    update();
}

void StageView::setZoom(int zoom)
{
    if (std::find(std::begin(zoomLevels), std::end(zoomLevels), zoom) == std::end(zoomLevels))
        return;
    m_zoom = zoom;
    updateGeometry();
    update();
}

void StageView::setOnionSkin(bool on)
{
    m_onionSkin = on;
    update();
}

void StageView::setOnionOpacities(qreal previous, qreal anchor)
{
    m_previousOpacity = std::clamp(previous, 0.0, 1.0);
    m_anchorOpacity = std::clamp(anchor, 0.0, 1.0);
    update();
}

void StageView::addOverlay(const StageOverlay *overlay)
{
    if (overlay && !m_overlays.contains(overlay))
        m_overlays.append(overlay);
    update();
}

void StageView::removeOverlay(const StageOverlay *overlay)
{
    m_overlays.removeAll(overlay);
    update();
}

void StageView::setEditable(bool editable)
{
    if (!editable)
        cancelDrag();
    m_editable = editable;
    setCursor(editable ? Qt::OpenHandCursor : Qt::ArrowCursor);
}

QPoint StageView::roundedOffset() const
{
    return {CommitExporter::roundOffset(m_offset.x()), CommitExporter::roundOffset(m_offset.y())};
}

QSize StageView::frameSize() const
{
    return m_image.isNull() ? QSize(128, 128) : m_image.size();
}

int StageView::pixelScale(qreal devicePixelRatio) const
{
    return std::max(1, int(std::lround(m_zoom * devicePixelRatio)));
}

QRect StageView::deviceCanvas(const QRectF &area, int scale) const
{
    const QSize size = frameSize() * scale;
    return QRect(QPoint(int(std::lround(area.left() + (area.width() - size.width()) / 2)),
                        int(std::lround(area.top() + (area.height() - size.height()) / 2))),
                 size);
}

QRect StageView::canvasRect() const
{
    const qreal dpr = devicePixelRatioF();
    const QRect device = deviceCanvas(QRectF(0, 0, width() * dpr, height() * dpr), pixelScale(dpr));
    return QRectF(device.x() / dpr, device.y() / dpr, device.width() / dpr, device.height() / dpr)
        .toRect();
}

void StageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window).darker(130));

    // The frame and the checkerboard in device pixels: the painter's own
    // transform says how this widget lies on the device (the device pixel
    // ratio, and where the widget starts, which need not be a whole device
    // pixel at 1.5). Everything below falls on whole device pixels.
    const QTransform toDevice = p.deviceTransform();
    const qreal dpr = toDevice.m11() > 0 ? toDevice.m11() : devicePixelRatioF();
    const int scale = pixelScale(dpr);
    const QRect canvas = deviceCanvas(toDevice.mapRect(QRectF(rect())), scale);
    p.save();
    p.setWorldTransform(toDevice.inverted());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false); // pixel art stays sharp
    p.setRenderHint(QPainter::Antialiasing, false);

    // Checkerboard: transparency must be visible.
    p.save();
    p.setClipRect(canvas);
    const int square = std::max(1, int(std::lround(checker * dpr)));
    for (int y = 0; y < canvas.height(); y += square) {
        for (int x = 0; x < canvas.width(); x += square) {
            const bool dark = (x / square + y / square) % 2;
            p.fillRect(canvas.left() + x, canvas.top() + y, square, square,
                       dark ? QColor(0x9a, 0x9a, 0x9a) : QColor(0xc8, 0xc8, 0xc8));
        }
    }
    if (m_onionSkin) {
        if (!m_anchor.isNull()) {
            p.setOpacity(m_anchorOpacity);
            p.drawImage(canvas, m_anchor);
        }
        if (!m_previous.isNull()) {
            p.setOpacity(m_previousOpacity);
            p.drawImage(canvas, m_previous);
        }
        p.setOpacity(1.0);
    }
    if (!m_image.isNull()) {
        const QPoint shift = (roundedOffset() + m_dragDelta) * scale;
        p.drawImage(canvas.translated(shift), m_image);
    }
    p.restore();
    // Over the frame, not clipped to its canvas (a guide may reach past it).
    if (!m_image.isNull() && !m_overlays.isEmpty()) {
        const StageGeometry geometry{canvas, scale, roundedOffset() + m_dragDelta, dpr};
        for (const StageOverlay *overlay : std::as_const(m_overlays)) {
            p.save();
            overlay->paint(p, geometry);
            p.restore();
        }
    }

    const int line = std::max(1, int(std::lround(dpr)));
    if (m_baseline >= 0 && !m_image.isNull()) {
        const int y = canvas.top() + int(std::lround(m_baseline * scale));
        const int overhang = int(std::lround(8 * dpr));
        p.setPen(QPen(QColor(0x29, 0xb6, 0xf6), line, Qt::DashLine, Qt::FlatCap));
        p.drawLine(canvas.left() - overhang, y, canvas.right() + overhang, y);
    }
    // A frame around the canvas, outside it.
    const QColor edge = palette().color(QPalette::Mid);
    p.fillRect(canvas.left() - line, canvas.top() - line, canvas.width() + 2 * line, line, edge);
    p.fillRect(canvas.left() - line, canvas.bottom() + 1, canvas.width() + 2 * line, line, edge);
    p.fillRect(canvas.left() - line, canvas.top(), line, canvas.height(), edge);
    p.fillRect(canvas.right() + 1, canvas.top(), line, canvas.height(), edge);
    p.restore();

    // The offset, live while dragging.
    const QPoint total = roundedOffset() + m_dragDelta;
    QString label = tr("Offset %1, %2 px").arg(total.x()).arg(total.y());
    if (m_dragging)
        label += tr("  (drag %1, %2)").arg(m_dragDelta.x()).arg(m_dragDelta.y());
    label += tr("  ·  %1×").arg(m_zoom);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(rect().adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignTop, label);
    if (!m_message.isEmpty())
        p.drawText(canvasRect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

void StageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_editable || m_image.isNull())
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_pressPos = event->position().toPoint();
    m_dragDelta = {};
    setCursor(Qt::ClosedHandCursor);
    update();
    emit dragStarted();
}

void StageView::cancelDrag()
{
    if (!m_dragging)
        return;
    m_dragging = false;
    m_dragDelta = {};
    setCursor(m_editable ? Qt::OpenHandCursor : Qt::ArrowCursor);
    update();
}

void StageView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    // Whole source pixels only: the frame moves in steps of one frame pixel
    // on screen (the zoom, in device pixels rounded to a whole number).
    const qreal dpr = devicePixelRatioF();
    const QPointF moved = (event->position() - QPointF(m_pressPos)) * dpr / pixelScale(dpr);
    const QPoint delta(int(std::lround(moved.x())), int(std::lround(moved.y())));
    if (delta != m_dragDelta) {
        m_dragDelta = delta;
        update();
    }
}

void StageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    const QPoint delta = m_dragDelta;
    // The preview stays until the nudge is saved and the frame set again.
    if (delta.isNull()) {
        update();
        return;
    }
    // Made, the frame is already shown at its new offset; refused or failed, the sprite goes
    // back to where it was.
    if (!m_nudger || !m_nudger(delta.x(), delta.y()))
        m_dragDelta = {};
    update();
}

void StageView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return QWidget::wheelEvent(event);
    // The window zooms, so that the zoom is remembered and shown in its menu.
    const int direction = event->angleDelta().y() > 0 ? 1 : -1;
    if (event->angleDelta().y() != 0 && nextZoom(m_zoom, direction) != m_zoom)
        emit zoomRequested(nextZoom(m_zoom, direction));
    event->accept();
}

int StageView::nextZoom(int zoom, int direction)
{
    const int *begin = std::begin(zoomLevels);
    const int *end = std::end(zoomLevels);
    const int *level = std::find(begin, end, zoom);
    if (level == end)
        return zoom;
    if (direction > 0 && level + 1 != end)
        return *(level + 1);
    if (direction < 0 && level != begin)
        return *(level - 1);
    return zoom;
}
