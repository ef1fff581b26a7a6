#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QString>

#include "session/directorsession.h"

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
    // Attempt `attemptIndex` of the frame (its candidate image) as commit would write it if it
    // were the frame's image: moved by the frame's offset. Null (and *error says why) when the
    // frame has no such attempt or its image cannot be read.
    QImage placedAttempt(int frameIndex, int attemptIndex, QString *error = nullptr);
    // Forgets every image (another run opens).
    void clear() { m_images.clear(); }

private:
    Image load(const QString &path);
    // `image` moved by the frame's offset, as commit moves it.
    static QImage moved(const QImage &image, const std::optional<DirectorFrameState> &frame);

    const SessionManager *m_manager;
    QHash<QString, QImage> m_images; // by image path
};
