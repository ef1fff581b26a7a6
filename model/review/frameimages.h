#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QString>

#include <optional>

class SessionManager;

// The pixels of the open session's frames as commit will write them, for the stage and its
// onion skin: the image commit takes (the latest patch of a patched frame), decoded once per
// path and kept until clear(); placed(), moved by the frame's offset exactly as commit moves
// it.
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
    // What placed() needs of a frame, copied on the GUI thread, so that another thread can
    // place it (playback decodes ahead on a worker): the run, the image commit takes, and the
    // offset as commit rounds it.
    struct Placement
    {
        QString runDir;
        QString path;
        int dx = 0;
        int dy = 0;
    };
    // The frame's placement; nullopt when it has no image yet.
    std::optional<Placement> placement(int frameIndex) const;
    // placed() from a placement, on any thread: decodes the image and moves it as commit does.
    static Result<QImage> place(const Placement &placement);
    // Forgets every image (another run opens).
    void clear() { m_images.clear(); }

private:
    const SessionManager *m_manager;
    QHash<QString, QImage> m_images; // by image path
};
