#include "compareview.h"

#include "compare/imagediff.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace {

constexpr int captionHeight = 24;
constexpr int checkerSize = 8;

void drawChecker(QPainter &painter, const QRect &rect)
{
    painter.fillRect(rect, QColor(0xcc, 0xcc, 0xcc));
    for (int y = rect.top(); y <= rect.bottom(); y += checkerSize) {
        for (int x = rect.left() + ((y - rect.top()) / checkerSize % 2) * checkerSize;
             x <= rect.right(); x += 2 * checkerSize)
            painter.fillRect(QRect(x, y, checkerSize, checkerSize) & rect,
                             QColor(0xee, 0xee, 0xee));
    }
}

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

QRect CompareView::imageRect(int pane) const
{
    const QRect area = paneRect(pane);
    const QSize size = frameSize() * zoom();
    const QPoint topLeft(area.left() + (area.width() - size.width()) / 2,
                         area.top() + (area.height() - size.height()) / 2);
    return QRect(topLeft + m_pan, size);
}

void CompareView::drawPane(QPainter &painter, int pane, const QImage &image)
{
    const QRect target = imageRect(pane);
    painter.save();
    painter.setClipRect(paneRect(pane));
    drawChecker(painter, target);
    if (!image.isNull())
        painter.drawImage(QRect(target.topLeft(), image.size() * zoom()), image);
    painter.restore();
}

void CompareView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.fillRect(rect(), palette().window());
    painter.drawText(QRect(0, 0, width(), captionHeight), Qt::AlignCenter, caption());
    if (frameSize().isEmpty())
        return;
    switch (m_mode) {
    case Mode::SideBySide:
        drawPane(painter, 0, m_current);
        drawPane(painter, 1, m_reference);
        break;
    case Mode::Difference:
        drawPane(painter, 0, m_difference.isNull() ? m_current : m_difference);
        break;
    case Mode::Wipe: {
        const QRect area = paneRect(0);
        const QRect target = imageRect(0);
        const int dividerX = target.left() + m_wipe * zoom();
        drawPane(painter, 0, QImage()); // the checkerboard
        painter.save();
        painter.setClipRect(QRect(area.topLeft(), QPoint(dividerX - 1, area.bottom())));
        painter.drawImage(QRect(target.topLeft(), m_current.size() * zoom()), m_current);
        painter.setClipRect(QRect(QPoint(dividerX, area.top()), area.bottomRight()));
        painter.drawImage(QRect(target.topLeft(), m_reference.size() * zoom()), m_reference);
        painter.restore();
        painter.setPen(QPen(palette().highlight(), 1));
        painter.drawLine(dividerX, area.top(), dividerX, area.bottom());
        break;
    }
    }
}

void CompareView::setWipeAt(int x)
{
    const QRect target = imageRect(0);
    m_wipe = std::clamp((x - target.left() + zoom() / 2) / zoom(), 0, frameSize().width());
    update();
}

void CompareView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_lastPos = event->position().toPoint();
    if (m_mode == Mode::Wipe)
        setWipeAt(m_lastPos.x());
}

void CompareView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const QPoint pos = event->position().toPoint();
    if (m_mode == Mode::Wipe) {
        setWipeAt(pos.x());
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
