#include "compareview.h"

#include "compare/imagediff.h"
#include "pixelgrid.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr int captionHeight = 24;
const QColor checkerLight(0xee, 0xee, 0xee);
const QColor checkerDark(0xcc, 0xcc, 0xcc);

} // namespace

CompareView::CompareView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Compare"));
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(false);
}

void CompareView::setImages(const QImage &current, const QImage &reference,
                            const QString &referenceName, const QString &message)
{
    const bool sizeChanged = current.size() != m_current.size();
    m_current = current;
    m_reference = reference;
    m_referenceName = referenceName;
    m_message = message;
    if (sizeChanged || m_wipe > frameSize().width())
        m_wipe = frameSize().width() / 2;
    updateDifference();
    setAccessibleDescription(caption());
    update();
}

void CompareView::setMode(Mode mode)
{
    m_mode = mode;
    updateDifference();
    setAccessibleDescription(caption());
    update();
}

void CompareView::setZoomSource(std::function<int()> zoom)
{
    m_zoomSource = std::move(zoom);
    update();
}

int CompareView::zoom() const
{
    return m_zoomSource ? std::max(1, m_zoomSource()) : 1;
}

int CompareView::pixelScale(qreal devicePixelRatio) const
{
    return PixelGrid::scaleFor(zoom(), devicePixelRatio);
}

void CompareView::updateDifference()
{
    m_difference = {};
    m_differing = -1;
    if (m_mode != Mode::Difference || m_current.isNull() || m_reference.isNull())
        return;
    ImageDiff::Result diff = ImageDiff::compare(m_current, m_reference);
    m_difference = std::move(diff.image);
    m_differing = diff.differing;
}

QString CompareView::caption() const
{
    if (!m_message.isEmpty())
        return m_message;
    if (m_mode == Mode::Difference && m_differing >= 0) {
        return m_differing == 0 ? tr("No pixel differs from %1").arg(m_referenceName)
                                : tr("%n pixel(s) differ from %1", nullptr, int(m_differing))
                                      .arg(m_referenceName);
    }
    return tr("This frame | %1").arg(m_referenceName);
}

QSize CompareView::frameSize() const
{
    return m_current.size().expandedTo(m_reference.size());
}

QRect CompareView::paneRect(int pane) const
{
    const QRect area(0, captionHeight, width(), std::max(0, height() - captionHeight));
    if (m_mode != Mode::SideBySide)
        return area;
    const int half = area.width() / 2;
    return pane == 0 ? QRect(area.left(), area.top(), half, area.height())
                     : QRect(area.left() + half, area.top(), area.width() - half, area.height());
}

CompareView::Placement CompareView::place(int pane, const QTransform &toDevice, int scale) const
{
    // The panes meet on a whole device pixel; both images move by the same whole device pixels.
    const QRect area = PixelGrid::snap(toDevice.mapRect(QRectF(paneRect(pane))));
    const QPoint pan = PixelGrid::snap(QPointF(m_pan) * toDevice.m11());
    return {area, PixelGrid::centred(QRectF(area), frameSize() * scale).translated(pan), scale};
}

CompareView::Placement CompareView::placeOnScreen(int pane) const
{
    const qreal dpr = devicePixelRatioF();
    return place(pane, QTransform::fromScale(dpr, dpr), pixelScale(dpr));
}

QRect CompareView::imageRect(int pane) const
{
    return PixelGrid::toLogical(placeOnScreen(pane).canvas, devicePixelRatioF());
}

void CompareView::drawPane(QPainter &painter, const Placement &at, qreal dpr, const QImage &image)
{
    painter.save();
    painter.setClipRect(at.pane);
    PixelGrid::fillChecker(painter, at.canvas, dpr, checkerLight, checkerDark);
    if (!image.isNull())
        painter.drawImage(QRect(at.canvas.topLeft(), image.size() * at.scale), image);
    painter.restore();
}

void CompareView::drawWipe(QPainter &painter, const Placement &at, qreal dpr)
{
    drawPane(painter, at, dpr, QImage()); // the checkerboard
    // Left of the divider this frame, right of it the reference; the divider on the reference's
    // first column, on a pixel's edge.
    const int dividerX = at.canvas.left() + m_wipe * at.scale;
    const QRect left(QPoint(at.pane.left(), at.pane.top()), QPoint(dividerX - 1, at.pane.bottom()));
    const QRect right(QPoint(dividerX, at.pane.top()), at.pane.bottomRight());
    painter.save();
    painter.setClipRect(left & at.pane);
    painter.drawImage(QRect(at.canvas.topLeft(), m_current.size() * at.scale), m_current);
    painter.setClipRect(right & at.pane);
    painter.drawImage(QRect(at.canvas.topLeft(), m_reference.size() * at.scale), m_reference);
    painter.restore();
    painter.fillRect(QRect(dividerX, at.pane.top(), PixelGrid::lineWidth(dpr), at.pane.height()),
                     palette().highlight());
}

void CompareView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.drawText(QRect(0, 0, width(), captionHeight), Qt::AlignCenter, caption());
    if (frameSize().isEmpty())
        return;
    // The images in device pixels, as the stage draws them.
    const PixelGrid::DeviceCoordinates device(painter, devicePixelRatioF());
    const qreal dpr = device.ratio();
    const int scale = pixelScale(dpr);
    const auto at = [&](int pane) { return place(pane, device.toDevice(), scale); };
    switch (m_mode) {
    case Mode::SideBySide:
        drawPane(painter, at(0), dpr, m_current);
        drawPane(painter, at(1), dpr, m_reference);
        break;
    case Mode::Difference:
        drawPane(painter, at(0), dpr, m_difference.isNull() ? m_current : m_difference);
        break;
    case Mode::Wipe:
        drawWipe(painter, at(0), dpr);
        break;
    }
}

void CompareView::setWipeAt(qreal x)
{
    // The nearest edge between two source pixels, in the device pixels the divider is drawn in.
    const Placement at = placeOnScreen(0);
    const qreal fromLeft = x * devicePixelRatioF() - at.canvas.left();
    m_wipe = std::clamp(int(std::lround(fromLeft / at.scale)), 0, frameSize().width());
    update();
}

void CompareView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_lastPos = event->position().toPoint();
    if (m_mode == Mode::Wipe)
        setWipeAt(event->position().x());
}

void CompareView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const QPoint pos = event->position().toPoint();
    if (m_mode == Mode::Wipe) {
        setWipeAt(event->position().x());
    } else {
        m_pan += pos - m_lastPos;
        update();
    }
    m_lastPos = pos;
}

void CompareView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragging = false;
}

void CompareView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0)
            emit zoomStepRequested(delta.y() > 0 ? 1 : -1);
        return event->accept();
    }
    // One notch (120) pans a frame pixel's worth times the zoom, times 8.
    m_pan += QPoint(delta.x(), delta.y()) * zoom() * 8 / 120;
    event->accept();
    update();
}
