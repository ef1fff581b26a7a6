#include "run/imageloader.h"

#include "run/runpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QImageReader>

namespace {
// Checks the header; Ok when the reader is ready to read().
Outcome prepare(QImageReader &reader, const QString &path)
{
    reader.setDecideFormatFromContent(true);
    reader.setAllocationLimit(ImageLoader::allocationLimitMB);
    const QString name = QDir::toNativeSeparators(path);
    if (!reader.canRead()) {
        return Outcome::invalid(
            ImageLoader::tr("%1 is not a readable image (%2)").arg(name, reader.errorString()));
    }
    if (reader.format() != "png") {
        return Outcome::invalid(ImageLoader::tr("%1 is not a PNG image").arg(name));
    }
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        return Outcome::invalid(ImageLoader::tr("%1 has no valid image size").arg(name));
    }
    if (size.width() > ImageLoader::maxSide || size.height() > ImageLoader::maxSide) {
        return Outcome::invalid(
            ImageLoader::tr("%1 is %2×%3 pixels, larger than the %4×%4 Director accepts")
                .arg(name)
                .arg(size.width())
                .arg(size.height())
                .arg(ImageLoader::maxSide));
    }
    return Outcome::ok();
}
} // namespace

Result<QImage> ImageLoader::load(const QString &path)
{
    QImageReader reader(path);
    if (const Outcome ready = prepare(reader, path); !ready)
        return ready;
    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        return Outcome::invalid(tr("%1 could not be decoded: %2")
                                    .arg(QDir::toNativeSeparators(path), reader.errorString()));
    }
    // 16 bits a channel stay 16 bits: commit writes them as they are.
    if (image.depth() == 64 || image.format() == QImage::Format_Grayscale16)
        return image.convertToFormat(QImage::Format_RGBA64);
    return image.convertToFormat(QImage::Format_ARGB32);
}

Result<QImage> ImageLoader::loadFromRun(const RunPaths &paths, const QString &stored)
{
    const Result<QString> file = paths.resolveExistingFile(stored);
    if (!file)
        return file.outcome();
    return load(*file);
}
