#pragma once

#include "core/result.h"
#include "preview/previewframes.h"

#include <QByteArray>
#include <QCoreApplication>

// The preview's frames as an animated WebP that browsers and chat tools play, looping: lossless,
// with libwebp's `exact` set, so every pixel (8 bits a channel, alpha included, and the colour
// of transparent pixels) decodes as it was given; a frame of 16 bits a channel is rounded to 8.
// Frames without an image yet are left out. Each frame is shown for frameDuration(fps)
// milliseconds; libwebp stores a frame equal to the one before as that one shown twice as long.
// encode() stops, returning PreviewProgress::stopped(), when `progress` asks it to: before each
// frame (one step a frame, with an image or not) and before the animation is put together.
class AnimatedWebp
{
    Q_DECLARE_TR_FUNCTIONS(AnimatedWebp)

public:
    static constexpr int defaultFps = 12;
    // Browsers show frames shorter than about 11 ms for 100 ms: 60 frames a second at most.
    static constexpr int minFps = 1;
    static constexpr int maxFps = 60;

    // 1000 / fps, rounded to whole milliseconds (WebP's unit).
    static int frameDuration(int fps);
    // The animation's bytes; Failed when libwebp cannot encode it.
    static Result<QByteArray> encode(const PreviewFrames &frames, int fps,
                                     const PreviewProgress &progress = {});
};
