#pragma once

#include <QImage>
#include <QSize>
#include <QString>

// Reads a frame image named by untrusted data. Only real PNG data is
// accepted (the content decides, not the name), within sprite-sized limits,
// so that a decompression bomb, a truncated file or a huge picture is
// refused with a message instead of exhausting memory.
class ImageLoader
{
public:
    static constexpr int maxSide = 4096;          // pixels, each side
    static constexpr int allocationLimitMB = 256; // QImageReader's limit

    // The image as ARGB32 (not premultiplied), or a null image with *error set.
    static QImage load(const QString &path, QString *error);
    // The image's size from its header only, or an invalid size with *error set.
    static QSize size(const QString &path, QString *error);
};
