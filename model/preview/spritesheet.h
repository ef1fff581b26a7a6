#pragma once

#include "core/result.h"
#include "preview/previewframes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>

// The preview's frames as one sprite sheet: a grid of cells, each the frames' canvas size,
// filled in frame index order, left to right, then top to bottom; `columns` cells a row (one
// row of every frame when 0). A frame without an image yet is a transparent cell, so cell n is
// the n-th frame of the preview. Pixels are copied exactly, colour under transparency too; the
// sheet has 8 bits a channel, or 16 when a frame has 16. Both stop, returning
// PreviewProgress::stopped(), when `progress` asks them to before a cell (one step a cell); the
// PNG's encoding, once begun, is not stopped.
class SpriteSheet
{
    Q_DECLARE_TR_FUNCTIONS(SpriteSheet)

public:
    // The number of columns of the sheet of `frameCount` frames when asked for `columns`: all
    // the frames in one row when `columns` is 0 or more than the frames.
    static int columnsFor(int frameCount, int columns);
    // The sheet; Failed when it is too large to be made.
    static Result<QImage> compose(const PreviewFrames &frames, int columns,
                                  const PreviewProgress &progress = {});
    // compose(), encoded as PNG.
    static Result<QByteArray> png(const PreviewFrames &frames, int columns,
                                  const PreviewProgress &progress = {});
};
