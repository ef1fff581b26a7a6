#include "run/imageloader.h"

#include "run/runpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QImageReader>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ImageLoader", text);
}

// Checks the header; on success the reader is ready to read().
bool prepare(QImageReader &reader, const QString &path, QString *error)
{
    reader.setDecideFormatFromContent(true);
    reader.setAllocationLimit(ImageLoader::allocationLimitMB);
    const QString name = QDir::toNativeSeparators(path);
    if (!reader.canRead()) {
        *error = QCoreApplication::translate("ImageLoader", "%1 is not a readable image (%2)")
                     .arg(name, reader.errorString());
        return false;
    }
    if (reader.format() != "png") {
        *error = QCoreApplication::translate("ImageLoader", "%1 is not a PNG image").arg(name);
        return false;
    }
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        *error = QCoreApplication::translate("ImageLoader", "%1 has no valid image size").arg(name);
        return false;
    }
    if (size.width() > ImageLoader::maxSide || size.height() > ImageLoader::maxSide) {
        *error = QCoreApplication::translate(
                     "ImageLoader", "%1 is %2×%3 pixels, larger than the %4×%4 Director accepts")
                     .arg(name)
                     .arg(size.width())
                     .arg(size.height())
                     .arg(ImageLoader::maxSide);
        return false;
    }
    return true;
}
} // namespace

QImage ImageLoader::load(const QString &path, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QImageReader reader(path);
    if (!prepare(reader, path, error))
        return {};
    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        *error = tr("%1 could not be decoded: %2")
                     .arg(QDir::toNativeSeparators(path), reader.errorString());
        return {};
    }
    // 16 bits a channel stay 16 bits: commit writes them as they are.
    if (image.depth() == 64 || image.format() == QImage::Format_Grayscale16)
        return image.convertToFormat(QImage::Format_RGBA64);
    return image.convertToFormat(QImage::Format_ARGB32);
}

QImage ImageLoader::loadFromRun(const RunPaths &paths, const QString &stored, QString *error)
{
    const std::optional<QString> file = paths.resolveExistingFile(stored, error);
    return file ? load(*file, error) : QImage();
}
