#include "maskstrokes.h"

#include "patchmask.h"

#include <QRect>

#include <algorithm>
#include <cstdlib>

namespace {
constexpr qsizetype maxStrokes = 200; // older strokes cannot be undone
} // namespace

void MaskStrokes::reset(QSize size)
{
    m_mask = QImage();
    if (!size.isEmpty()) {
        m_mask = QImage(size, QImage::Format_Grayscale8);
        m_mask.fill(0);
    }
    m_count = 0;
    m_inStroke = false;
    m_changed = false;
    m_before = QImage();
    m_undo.clear();
}

QRect MaskStrokes::brushRect(QPoint point, int brush)
{
    const int size = std::clamp(brush, 1, maxBrush);
    const int before = (size - 1) / 2;
    return QRect(point - QPoint(before, before), QSize(size, size));
}

void MaskStrokes::beginStroke()
{
    if (m_mask.isNull())
        return;
    if (m_inStroke)
        endStroke();
    m_inStroke = true;
    m_changed = false;
    m_before = m_mask.copy();
}

void MaskStrokes::stamp(QPoint point, int brush, bool erase)
{
    const QRect rect = brushRect(point, brush).intersected(m_mask.rect());
    const uchar value = erase ? 0 : uchar(PatchMask::masked);
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        uchar *line = m_mask.scanLine(y);
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (line[x] == value)
                continue;
            line[x] = value;
            m_count += erase ? -1 : 1;
            m_changed = true;
        }
    }
}

void MaskStrokes::paint(QPoint from, QPoint to, int brush, bool erase)
{
    if (!m_inStroke)
        return;
    // Bresenham: every pixel of the line, each once.
    const int dx = std::abs(to.x() - from.x());
    const int dy = -std::abs(to.y() - from.y());
    const int sx = from.x() < to.x() ? 1 : -1;
    const int sy = from.y() < to.y() ? 1 : -1;
    int error = dx + dy;
    QPoint p = from;
    for (;;) {
        stamp(p, brush, erase);
        if (p == to)
            break;
        const int twice = 2 * error;
        if (twice >= dy) {
            error += dy;
            p.rx() += sx;
        }
        if (twice <= dx) {
            error += dx;
            p.ry() += sy;
        }
    }
}

void MaskStrokes::endStroke()
{
    if (!m_inStroke)
        return;
    m_inStroke = false;
    if (m_changed) {
        m_undo.append(m_before);
        if (m_undo.size() > maxStrokes)
            m_undo.removeFirst();
    }
    m_before = QImage();
    m_changed = false;
}

void MaskStrokes::clear()
{
    if (m_mask.isNull() || m_count == 0)
        return;
    endStroke();
    beginStroke();
    m_mask.fill(0);
    m_count = 0;
    m_changed = true;
    endStroke();
}

bool MaskStrokes::undoStroke()
{
    endStroke();
    if (m_undo.isEmpty())
        return false;
    m_mask = m_undo.takeLast();
    recount();
    return true;
}

void MaskStrokes::recount()
{
    m_count = PatchMask::count(m_mask);
}
