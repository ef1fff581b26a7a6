#include "audit/framegeometry.h"

#include "commit/commitexporter.h"

FrameGeometry FrameGeometry::of(const QImage &placed)
{
    return {placed.isNull() ? QRect() : CommitExporter::opaqueBounds(placed)};
}

FrameDrift FrameDrift::between(const FrameGeometry &frame, const FrameGeometry &anchor)
{
    if (frame.isEmpty() || anchor.isEmpty())
        return {};
    return {true, anchor.baseline() - frame.baseline(), frame.pivot() - anchor.pivot()};
}
