#include "stageview.h"

#include "commit/commitexporter.h"
#include "stageoverlay.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr int margin = 24;
constexpr int checker = 8;                   // logical pixels per checkerboard square
constexpr int maxFit = 64;                   // Fit never zooms further
const QColor previousTint(0xff, 0x20, 0x20); // as Aseprite and Krita tint the frame before
const QColor nextTint(0x20, 0x50, 0xff);     // and the frame after

// The frame's pixels, their alpha kept, their colour pulled most of the way to `tint`: what
// they look like stays readable, which frame they are is told at a glance.
QImage tinted(const QImage &image, const QColor &tint)
{
    if (image.isNull())
        return {};
    QImage out = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&out);
    painter.setCompositionMode(QPainter::CompositionMode_SourceAtop);
    painter.fillRect(out.rect(), QColor(tint.red(), tint.green(), tint.blue(), 170));
    return out;
}
} // namespace

StageView::StageView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    updateCursor();
    setAccessibleName(tr("Stage"));
    setAccessibleDescription(tr("The current frame. Drag to nudge it by whole pixels; drag with "
                                "the middle button to move the view."));
    horizontalScrollBar()->setAccessibleName(tr("Stage, horizontal"));
    verticalScrollBar()->setAccessibleName(tr("Stage, vertical"));
}

QSize StageView::sizeHint() const
{
    return frameSize() * m_zoom + QSize(2 * margin, 2 * margin);
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
    const bool resized = image.size() != m_image.size();
    m_image = image;
    m_offset = offset;
    m_message = message;
    if (m_image.isNull())
        cancelDrag(); // nothing left to drag
    // The drag's delta counts from the saved offset, whatever it is now;
    // once the drag is over, the new offset includes it.
    if (!m_dragging)
        m_dragDelta = {};
    if (resized) {
        if (m_fit)
            m_zoom = fitNow();
        updateScrollBars();
        updateGeometry();
    }
    viewport()->update();
}

void StageView::setOnionFrames(const QImage &previous, const QImage &next, const QImage &anchor)
{
    m_previous = tinted(previous, previousTint);
    m_next = tinted(next, nextTint);
    m_anchor = anchor;
    viewport()->update();
}

void StageView::setBaseline(double y)
{
    m_baseline = y;
    viewport()->update();
}

void StageView::setZoom(int zoom)
{
    if (zoom != fitZoom &&
        std::find(std::begin(zoomLevels), std::end(zoomLevels), zoom) == std::end(zoomLevels))
        return;
    m_fit = zoom == fitZoom;
    // Ctrl+wheel's zoom keeps the pixel under the cursor; any other the one at the centre.
    const QPointF anchor = m_zoomAnchor.value_or(QRectF(viewport()->rect()).center());
    m_zoomAnchor.reset();
    zoomAbout(m_fit ? fitNow() : zoom, anchor);
    updateGeometry();
}

void StageView::setOnionSkin(bool on)
{
    m_onionSkin = on;
    viewport()->update();
}

void StageView::setOnionLayers(OnionLayers layers)
{
    m_layers = layers;
    viewport()->update();
}

void StageView::setOnionOpacities(qreal previous, qreal next, qreal anchor)
{
    m_previousOpacity = std::clamp(previous, 0.0, 1.0);
    m_nextOpacity = std::clamp(next, 0.0, 1.0);
    m_anchorOpacity = std::clamp(anchor, 0.0, 1.0);
    viewport()->update();
}

void StageView::addOverlay(const StageOverlay *overlay)
{
    if (overlay && !m_overlays.contains(overlay))
        m_overlays.append(overlay);
    viewport()->update();
}

void StageView::removeOverlay(const StageOverlay *overlay)
{
    m_overlays.removeAll(overlay);
    viewport()->update();
}

void StageView::setEditable(bool editable)
{
    if (!editable)
        cancelDrag();
    m_editable = editable;
    updateCursor();
}

void StageView::updateCursor()
{
    if (m_dragging || m_panning)
        viewport()->setCursor(Qt::ClosedHandCursor);
    else if (m_tool)
        viewport()->setCursor(m_editable ? Qt::CrossCursor : Qt::ArrowCursor);
    else
        viewport()->setCursor(m_editable ? Qt::OpenHandCursor : Qt::ArrowCursor);
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
    return scaleFor(m_zoom, devicePixelRatio);
}

int StageView::fitFactor(QSize frame, QSize area, qreal devicePixelRatio)
{
    const QSizeF room = QSizeF(area - QSize(2 * margin, 2 * margin)) * devicePixelRatio;
    const auto fits = [&](int zoom) {
        const QSize shown = frame * scaleFor(zoom, devicePixelRatio);
        return shown.width() <= room.width() && shown.height() <= room.height();
    };
    int zoom = 1;
    while (zoom < maxFit && fits(zoom + 1))
        ++zoom;
    return zoom;
}

int StageView::fitNow() const
{
    // The viewport without scroll bars: at Fit there are none, unless even 1× is too large.
    return fitFactor(frameSize(), maximumViewportSize(), devicePixelRatioF());
}

QSize StageView::contentSize() const
{
    const qreal dpr = devicePixelRatioF();
    const QSize device = frameSize() * pixelScale(dpr);
    return QSize(int(std::ceil(device.width() / dpr)), int(std::ceil(device.height() / dpr))) +
           QSize(2 * margin, 2 * margin);
}

void StageView::updateScrollBars()
{
    const QSize content = contentSize();
    const QSize view = viewport()->size();
    QScrollBar *h = horizontalScrollBar();
    QScrollBar *v = verticalScrollBar();
    h->setRange(0, std::max(0, content.width() - view.width()));
    h->setPageStep(view.width());
    h->setSingleStep(std::max(1, m_zoom * 4));
    v->setRange(0, std::max(0, content.height() - view.height()));
    v->setPageStep(view.height());
    v->setSingleStep(std::max(1, m_zoom * 4));
}

void StageView::zoomAbout(int zoom, QPointF anchor)
{
    const qreal dpr = devicePixelRatioF();
    const QRectF area(QPointF(0, 0), QSizeF(viewport()->size()) * dpr);
    const QRect before = deviceCanvas(area, pixelScale(dpr), dpr);
    // The frame pixel under the anchor, in frame pixels (fractions kept).
    const QPointF at = anchor * dpr;
    const QPointF pixel = (at - QPointF(before.topLeft())) / pixelScale(dpr);
    m_zoom = zoom;
    updateScrollBars();
    // The scroll that puts that pixel back under the anchor (where the frame does not fit;
    // where it does, it is centred and the scroll bar is 0).
    const QPointF left = at - pixel * pixelScale(dpr);
    horizontalScrollBar()->setValue(int(std::lround(margin - left.x() / dpr)));
    verticalScrollBar()->setValue(int(std::lround(margin - left.y() / dpr)));
    viewport()->update();
}

QRect StageView::deviceCanvas(const QRectF &area, int scale, qreal devicePixelRatio) const
{
    const QSize size = frameSize() * scale;
    const auto place = [&](qreal start, qreal length, int shown, const QScrollBar *bar) {
        if (bar->maximum() > 0) // scrolled: the margin, then the frame
            return PixelGrid::snap(start + (margin - bar->value()) * devicePixelRatio);
        return PixelGrid::centred(start, length, shown);
    };
    return QRect(QPoint(place(area.left(), area.width(), size.width(), horizontalScrollBar()),
                        place(area.top(), area.height(), size.height(), verticalScrollBar())),
                 size);
}

QRect StageView::canvasRect() const
{
    const qreal dpr = devicePixelRatioF();
    const QSize view = viewport()->size();
    const QRect device =
        deviceCanvas(QRectF(0, 0, view.width() * dpr, view.height() * dpr), pixelScale(dpr), dpr);
    return PixelGrid::toLogical(device, dpr);
}

void StageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fit)
        m_zoom = fitNow(); // Fit goes on fitting
    updateScrollBars();
}

void StageView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void StageView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), palette().color(QPalette::Window).darker(130));

    {
        // The frame and the checkerboard in device pixels, on whole ones.
        const PixelGrid::DeviceCoordinates device(p, devicePixelRatioF());
        const qreal dpr = device.ratio();
        const int scale = pixelScale(dpr);
        const QRect canvas = deviceCanvas(device.map(QRectF(viewport()->rect())), scale, dpr);
        paintCanvas(p, canvas, scale, dpr);
        paintGuides(p, canvas, scale, dpr);
    }
    paintLabel(p);
}

void StageView::paintCanvas(QPainter &p, const QRect &canvas, int scale, qreal dpr)
{
    p.save();
    p.setClipRect(canvas);
    PixelGrid::fillChecker(p, canvas, dpr, QColor(0xc8, 0xc8, 0xc8), QColor(0x9a, 0x9a, 0x9a),
                           checker);
    if (m_onionSkin)
        paintOnionSkin(p, canvas);
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
}

void StageView::paintOnionSkin(QPainter &p, const QRect &canvas)
{
    // The anchor lowest, then the frames before and after, each faint.
    const struct
    {
        bool shown;
        const QImage &image;
        qreal opacity;
    } layers[] = {{m_layers.anchor, m_anchor, m_anchorOpacity},
                  {m_layers.previous, m_previous, m_previousOpacity},
                  {m_layers.next, m_next, m_nextOpacity}};
    for (const auto &layer : layers) {
        if (!layer.shown || layer.image.isNull())
            continue;
        p.setOpacity(layer.opacity);
        p.drawImage(canvas, layer.image);
    }
    p.setOpacity(1.0);
}

void StageView::paintGuides(QPainter &p, const QRect &canvas, int scale, qreal dpr)
{
    const int line = PixelGrid::lineWidth(dpr);
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
}

void StageView::paintLabel(QPainter &p)
{
    // The offset, live while dragging, and the zoom.
    const QPoint total = roundedOffset() + m_dragDelta;
    QString label = tr("Offset %L1, %L2 px").arg(total.x()).arg(total.y());
    if (m_dragging)
        label += tr("  (drag %L1, %L2)").arg(m_dragDelta.x()).arg(m_dragDelta.y());
    label += m_fit ? tr("  ·  Fit (%L1×)").arg(m_zoom) : tr("  ·  %L1×").arg(m_zoom);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(viewport()->rect().adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignTop, label);
    if (!m_message.isEmpty())
        p.drawText(canvasRect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

void StageView::setPixelTool(PixelTool tool)
{
    cancelDrag();
    m_tool = std::move(tool);
    m_toolButton = Qt::NoButton;
    updateCursor();
}

QPoint StageView::framePixelAt(QPointF position) const
{
    const qreal dpr = devicePixelRatioF();
    const int scale = pixelScale(dpr);
    const QSize view = viewport()->size();
    const QRect canvas =
        deviceCanvas(QRectF(0, 0, view.width() * dpr, view.height() * dpr), scale, dpr);
    const QPointF device = position * dpr - QPointF(canvas.topLeft());
    const QPoint pixel(int(std::floor(device.x() / scale)), int(std::floor(device.y() / scale)));
    return pixel - roundedOffset() - m_dragDelta;
}

bool StageView::toolEvent(QMouseEvent *event, ToolEvent::Phase phase)
{
    if (!m_tool || m_panning)
        return false;
    using Phase = ToolEvent::Phase;
    if (phase == Phase::Press) {
        const bool taken =
            (event->button() == Qt::LeftButton || event->button() == Qt::RightButton) &&
            m_toolButton == Qt::NoButton && m_editable && !m_image.isNull();
        if (!taken)
            return event->button() != Qt::MiddleButton;
        m_toolButton = event->button();
    } else if (m_toolButton == Qt::NoButton ||
               (phase == Phase::Release && event->button() != m_toolButton)) {
        return phase == Phase::Release && event->button() != Qt::MiddleButton;
    }
    const Qt::MouseButton button = m_toolButton;
    if (phase == Phase::Release)
        m_toolButton = Qt::NoButton;
    event->accept();
    m_tool({phase, framePixelAt(event->position()), button});
    return true;
}

void StageView::mousePressEvent(QMouseEvent *event)
{
    if (toolEvent(event, ToolEvent::Phase::Press))
        return;
    if (event->button() == Qt::MiddleButton && !m_dragging) {
        // The view moves with the mouse: the frame stays under the hand.
        m_panning = true;
        m_panStart = event->position().toPoint();
        m_panScrollStart = {horizontalScrollBar()->value(), verticalScrollBar()->value()};
        updateCursor();
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_editable || m_image.isNull() || m_panning)
        return QAbstractScrollArea::mousePressEvent(event);
    m_dragging = true;
    m_pressPos = event->position().toPoint();
    m_dragDelta = {};
    updateCursor();
    viewport()->update();
    emit dragStarted();
}

void StageView::cancelDrag()
{
    if (!m_dragging)
        return;
    m_dragging = false;
    m_dragDelta = {};
    updateCursor();
    viewport()->update();
}

void StageView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint moved = event->position().toPoint() - m_panStart;
        horizontalScrollBar()->setValue(m_panScrollStart.x() - moved.x());
        verticalScrollBar()->setValue(m_panScrollStart.y() - moved.y());
        return;
    }
    if (toolEvent(event, ToolEvent::Phase::Move))
        return;
    if (!m_dragging)
        return QAbstractScrollArea::mouseMoveEvent(event);
    // Whole source pixels only: the frame moves in steps of one frame pixel
    // on screen (the zoom, in device pixels rounded to a whole number).
    const qreal dpr = devicePixelRatioF();
    const QPointF moved = (event->position() - QPointF(m_pressPos)) * dpr / pixelScale(dpr);
    const QPoint delta(int(std::lround(moved.x())), int(std::lround(moved.y())));
    if (delta != m_dragDelta) {
        m_dragDelta = delta;
        viewport()->update();
    }
}

void StageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        updateCursor();
        return;
    }
    if (toolEvent(event, ToolEvent::Phase::Release))
        return;
    if (!m_dragging || event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    m_dragging = false;
    updateCursor();
    const QPoint delta = m_dragDelta;
    // The preview stays until the nudge is saved and the frame set again.
    if (delta.isNull()) {
        viewport()->update();
        return;
    }
    // Made, the frame is already shown at its new offset; refused or failed, the sprite goes
    // back to where it was.
    if (!m_nudger || !m_nudger(delta.x(), delta.y()))
        m_dragDelta = {};
    viewport()->update();
}

void StageView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return QAbstractScrollArea::wheelEvent(event); // scrolls
    // The window zooms, so that the zoom is remembered and shown in its menu; the zoom it
    // asks for keeps the pixel under the cursor.
    const int direction = event->angleDelta().y() > 0 ? 1 : -1;
    if (event->angleDelta().y() != 0 && nextZoom(m_zoom, direction) != m_zoom) {
        m_zoomAnchor = event->position();
        emit zoomRequested(nextZoom(m_zoom, direction));
        m_zoomAnchor.reset();
    }
    event->accept();
}

int StageView::nextZoom(int zoom, int direction)
{
    if (direction > 0) {
        const auto *above = std::upper_bound(std::begin(zoomLevels), std::end(zoomLevels), zoom);
        return above != std::end(zoomLevels) ? *above : zoom;
    }
    const auto *below = std::lower_bound(std::begin(zoomLevels), std::end(zoomLevels), zoom);
    return below != std::begin(zoomLevels) && direction < 0 ? *(below - 1) : zoom;
}
