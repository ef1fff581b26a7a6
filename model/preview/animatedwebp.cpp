#include "preview/animatedwebp.h"

#include <QScopeGuard>

#include <webp/encode.h>
#include <webp/mux.h>

#include <cmath>

namespace {

// Adds one frame, shown from `timestamp` on; false when libwebp refuses it.
bool addFrame(WebPAnimEncoder *encoder, const QImage &image, int timestamp,
              const WebPConfig &config)
{
    const QImage rgba = image.convertedTo(QImage::Format_RGBA8888);
    WebPPicture picture;
    if (!WebPPictureInit(&picture))
        return false;
    const auto freed = qScopeGuard([&picture] { WebPPictureFree(&picture); });
    picture.use_argb = 1; // lossless works on ARGB
    picture.width = rgba.width();
    picture.height = rgba.height();
    return WebPPictureImportRGBA(&picture, rgba.constBits(), int(rgba.bytesPerLine())) &&
           WebPAnimEncoderAdd(encoder, &picture, timestamp, &config);
}

WebPConfig losslessExact()
{
    WebPConfig config;
    WebPConfigInit(&config);
    config.lossless = 1;
    config.exact = 1; // keep the colour of transparent pixels
    config.quality = 75;
    config.method = 4;
    return config;
}

} // namespace

int AnimatedWebp::frameDuration(int fps)
{
    return int(std::lround(1000.0 / std::max(fps, 1)));
}

Result<QByteArray> AnimatedWebp::encode(const PreviewFrames &frames, int fps,
                                        const PreviewProgress &progress)
{
    const QSize canvas = frames.canvasSize();
    WebPAnimEncoderOptions options;
    if (!WebPAnimEncoderOptionsInit(&options))
        return Outcome::failed(tr("The animation could not be encoded: libwebp is not usable."));
    options.anim_params.loop_count = 0; // for ever
    options.anim_params.bgcolor = 0;    // transparent
    options.allow_mixed = 0;            // every frame lossless
    WebPAnimEncoder *encoder = WebPAnimEncoderNew(canvas.width(), canvas.height(), &options);
    if (!encoder) {
        return Outcome::failed(tr("The animation could not be encoded: libwebp refused a canvas "
                                  "of %1×%2 pixels.")
                                   .arg(canvas.width())
                                   .arg(canvas.height()));
    }
    const auto deleted = qScopeGuard([encoder] { WebPAnimEncoderDelete(encoder); });
    const WebPConfig config = losslessExact();
    const int duration = frameDuration(fps);
    int timestamp = 0;
    for (const PreviewFrames::Frame &frame : frames.frames()) {
        if (progress.stopRequested())
            return PreviewProgress::stopped();
        if (!frame.image.isNull()) {
            if (!addFrame(encoder, frame.image, timestamp, config)) {
                return Outcome::failed(
                    tr("Frame %1 could not be encoded: %2")
                        .arg(frame.frameIndex)
                        .arg(QString::fromUtf8(WebPAnimEncoderGetError(encoder))));
            }
            timestamp += duration;
        }
        progress.step();
    }
    if (progress.stopRequested())
        return PreviewProgress::stopped();
    WebPData data;
    WebPDataInit(&data);
    const auto cleared = qScopeGuard([&data] { WebPDataClear(&data); });
    if (!WebPAnimEncoderAdd(encoder, nullptr, timestamp, nullptr) ||
        !WebPAnimEncoderAssemble(encoder, &data)) {
        return Outcome::failed(tr("The animation could not be encoded: %1")
                                   .arg(QString::fromUtf8(WebPAnimEncoderGetError(encoder))));
    }
    return QByteArray(reinterpret_cast<const char *>(data.bytes), qsizetype(data.size));
}
