#pragma once

#include "core/result.h"
#include "session/directorsession.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QString>

#include <optional>

class SessionManager;

// The pixels of the open session's frames as commit will write them, for the stage and its
// onion skin: the image commit takes (the latest patch of a patched frame), decoded once per
// path and kept until clear(); placed(), moved by the frame's offset exactly as commit moves
// it. A Placement says the same for any frame of any session copy, and place() follows it on
// any thread (playback's decode-ahead, model/playback; the preview export, model/preview).
class FrameImages
{
    Q_DECLARE_TR_FUNCTIONS(FrameImages)

public:
    explicit FrameImages(const SessionManager *manager) : m_manager(manager) {}

    struct Image
    {
        QImage image;  // null when it cannot be shown
        QString error; // why, then
    };
    // The frame's image, not moved.
    Image image(int frameIndex);
    // The frame as commit writes it: moved by its offset on a canvas of its size.
    QImage placed(int frameIndex);

    // What placing a frame needs, copied on the GUI thread so that another thread can place
    // it: the run, the image commit takes, and the offset as commit rounds it.
    struct Placement
    {
        QString runDir;
        QString path;
        int dx = 0;
        int dy = 0;
    };
    // The placement of `frame` (of any session copy) in run folder `runDir`: its image, or
    // `image` (another of its images) when given, at its offset; nullopt when there is no image.
    static std::optional<Placement>
    placementOf(const QString &runDir, const DirectorFrameState &frame, const QString &image = {});
    // The open session's frame's placement; nullopt when it has no image yet.
    std::optional<Placement> placement(int frameIndex) const;
    // The image of a placement, decoded and not moved.
    static Result<QImage> load(const Placement &placement);
    // `image`, the placement's image, moved exactly as commit moves it.
    static QImage move(const QImage &image, const Placement &placement);
    // load() then move(), on any thread.
    static Result<QImage> place(const Placement &placement);

    // Attempt `attemptIndex` of the frame (its candidate image) as commit would write it if it
    // were the frame's image: moved by the frame's offset. No image (and why) when the frame has
    // no such attempt or its image cannot be read.
    Image placedAttempt(int frameIndex, int attemptIndex);
    // A patched frame's image before its patches (unpatchedImagePath) as commit would write it if
    // it were the frame's image: moved by the frame's offset. No image (and why) when the frame
    // is not patched or that image cannot be read.
    Image placedOriginal(int frameIndex);

    // Forgets every image (another run opens).
    void clear() { m_images.clear(); }

private:
    // The placement's image, not moved: decoded once, then from the cache.
    Image cached(const Placement &placement);

    const SessionManager *m_manager;
    QHash<QString, QImage> m_images; // by image path
};
