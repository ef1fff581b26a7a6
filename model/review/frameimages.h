#pragma once

#include "session/directorsession.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QString>

class SessionManager;

// The pixels of the open session's frames as commit will write them, for the stage and its
// onion skin: the image commit takes (the latest patch of a patched frame), decoded once per
// path and kept until clear(); placed(), moved by the frame's offset exactly as commit moves
// it. The static load() and place() do the same for any frame of any session, on any thread
// (the preview export, model/preview).
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
    // Forgets every image (another run opens).
    void clear() { m_images.clear(); }

    // The image commit takes for `frame` (the latest patch of a patched frame), read from the
    // run folder `runDir`, not moved; no image when the frame has none yet or it cannot be read.
    static Image load(const QString &runDir, const DirectorFrameState &frame);
    // `image`, the frame's image, moved by the frame's offset exactly as commit moves it.
    static QImage place(const QImage &image, const DirectorFrameState &frame);

private:
    const SessionManager *m_manager;
    QHash<QString, QImage> m_images; // by image path
};
