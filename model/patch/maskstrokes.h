#pragma once

#include <QImage>
#include <QList>
#include <QPoint>
#include <QSize>

// The mask the operator paints on a frame (the window's mask tool, README Patches): a PatchMask
// (Grayscale8, PatchMask::masked where masked, 0 elsewhere) at the frame's size, in the frame
// image's own pixels, painted and erased in strokes with a square brush, and a stack of the
// strokes made so that the last ones can be undone. Clear is a stroke too (undone, the mask
// comes back). Pixels outside the frame are ignored.
class MaskStrokes
{
public:
    static constexpr int maxBrush = 8;

    // An empty mask for a frame of `size` (none for an empty size); the strokes forgotten.
    void reset(QSize size);
    QSize size() const { return m_mask.size(); }
    const QImage &mask() const { return m_mask; }
    // How many pixels are masked.
    qsizetype count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }

    // A stroke begins: what it paints or erases is undone as one.
    void beginStroke();
    // Masks (or, `erase`, unmasks) the brush at every pixel of the line from `from` to `to`
    // (both included). A brush of `brush` pixels (1 to maxBrush) is a square about the point,
    // (brush - 1) / 2 pixels left of and above it: an even brush's extra pixel is to the right
    // and below. Changes nothing without a stroke begun.
    void paint(QPoint from, QPoint to, int brush, bool erase = false);
    // The stroke ends (a stroke that changed nothing is not kept).
    void endStroke();
    bool inStroke() const { return m_inStroke; }

    // Unmasks every pixel, a stroke of its own.
    void clear();
    // Undoes the last stroke; false when there is none.
    bool undoStroke();
    int strokeCount() const { return int(m_undo.size()); }

    // The square a brush of `brush` covers at `point`.
    static QRect brushRect(QPoint point, int brush);

private:
    void stamp(QPoint point, int brush, bool erase);
    void recount();

    QImage m_mask;
    qsizetype m_count = 0;
    bool m_inStroke = false;
    bool m_changed = false;
    QImage m_before;      // the mask before the stroke being made
    QList<QImage> m_undo; // the mask before each stroke kept, the last last
};
