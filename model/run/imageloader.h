#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

class RunPaths;

// Reads a frame image named by untrusted data. Only real PNG data is
// accepted (the content decides, not the name), within sprite-sized limits,
// so that a decompression bomb, a truncated file or a huge picture is
// refused with a message instead of exhausting memory.
class ImageLoader
{
    Q_DECLARE_TR_FUNCTIONS(ImageLoader)

public:
    static constexpr int maxSide = 4096;          // pixels, each side
    static constexpr int allocationLimitMB = 256; // QImageReader's limit

    // The image as ARGB32 (not premultiplied), or as RGBA64 (not
    // premultiplied) when it has 16 bits a channel; or Invalid, saying why.
    static Result<QImage> load(const QString &path);
    // The image a session or run names (`stored`, untrusted): found inside
    // the run folder only (RunPaths::resolveExistingFile), then loaded.
    static Result<QImage> loadFromRun(const RunPaths &paths, const QString &stored);
};
