#include "patch/patchfiles.h"

#include "compare/imagediff.h"
#include "storage/atomicfile.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>

namespace {

Result<QByteArray> encoded(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
        return Outcome::failed(PatchFiles::tr("The patch could not be encoded as PNG."));
    return bytes;
}

// patches/ must be a folder of the run, not a link or a file. Made when missing (*made).
Outcome makeFolder(const QString &dir, bool *made)
{
    if (const QFileInfo info(dir); info.isSymLink() || (info.exists() && !info.isDir()))
        return Outcome::refused(PatchFiles::tr("%1 is not a folder of the run: Director writes "
                                               "patches only inside the run folder.")
                                    .arg(QDir::toNativeSeparators(dir)));
    *made = !QFileInfo::exists(dir);
    if (!QDir().mkpath(dir))
        return Outcome::failed(
            PatchFiles::tr("Could not create %1.").arg(QDir::toNativeSeparators(dir)));
    return Outcome::ok();
}

// A name is taken by any entry: a file, a folder, a link (even one that points nowhere).
bool taken(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

} // namespace

QImage PatchFiles::mask(const QImage &base, const QImage &patched, qsizetype *changed)
{
    QImage result(patched.size(), QImage::Format_Grayscale8);
    result.fill(0);
    const QImage after = patched.convertToFormat(QImage::Format_ARGB32);
    const QImage before = base.isNull() ? QImage() : base.convertToFormat(QImage::Format_ARGB32);
    qsizetype count = 0;
    for (int y = 0; y < after.height(); ++y) {
        const auto *a = reinterpret_cast<const QRgb *>(after.constScanLine(y));
        const auto *b = before.isNull() || y >= before.height()
                            ? nullptr
                            : reinterpret_cast<const QRgb *>(before.constScanLine(y));
        uchar *m = result.scanLine(y);
        for (int x = 0; x < after.width(); ++x) {
            const QRgb was = b && x < before.width() ? b[x] : 0u;
            if (!b || x >= before.width() || ImageDiff::differ(a[x], was)) {
                m[x] = 255;
                ++count;
            }
        }
    }
    if (changed)
        *changed = count;
    return result;
}

Result<PatchFiles::Written> PatchFiles::write(const QString &runDir, int frameIndex,
                                              const QString &original, const QImage &base,
                                              const QImage &patched, const QString &prompt)
{
    if (patched.isNull())
        return Outcome::invalid(tr("The patch has no image."));
    if (!base.isNull() && base.size() != patched.size())
        return Outcome::invalid(tr("The patched image is %1×%2 pixels; frame %3's image is %4×%5.")
                                    .arg(patched.width())
                                    .arg(patched.height())
                                    .arg(frameIndex)
                                    .arg(base.width())
                                    .arg(base.height()));
    Written written;
    const QImage maskImage = mask(base, patched, &written.changed);
    if (written.changed == 0)
        return Outcome::refused(
            tr("The patch changes no pixel of frame %1: nothing to record.").arg(frameIndex));
    const QString dir = runDir + u'/' + QLatin1String(folder);
    if (const Outcome made = makeFolder(dir, &written.madeFolder); !made)
        return made;
    const QImage::Format format =
        patched.depth() == 64 ? QImage::Format_RGBA64 : QImage::Format_ARGB32;
    const Result<QByteArray> image = encoded(patched.convertToFormat(format));
    const Result<QByteArray> maskBytes = encoded(maskImage);
    if (!image || !maskBytes)
        return image ? maskBytes.outcome() : image.outcome();
    QString name;
    for (int number = 1;; ++number) {
        name = QStringLiteral("%1/frame_%2_patch_%3")
                   .arg(QLatin1String(folder))
                   .arg(frameIndex, 4, 10, QLatin1Char('0'))
                   .arg(number, 2, 10, QLatin1Char('0'));
        if (!taken(runDir + u'/' + name + QStringLiteral(".png")) &&
            !taken(runDir + u'/' + name + QStringLiteral("_mask.png")))
            break;
    }
    written.entry.originalPath = original;
    written.entry.patchedPath = name + QStringLiteral(".png");
    written.entry.maskPath = name + QStringLiteral("_mask.png");
    written.entry.prompt = prompt;
    for (const auto &[path, bytes] : {std::pair(&written.entry.patchedPath, &*image),
                                      std::pair(&written.entry.maskPath, &*maskBytes)}) {
        if (const Outcome saved = AtomicFile::write(runDir + u'/' + *path, *bytes); !saved) {
            remove(runDir, written); // what was written, and patches/ if it was made for them
            return saved;
        }
    }
    return written;
}

void PatchFiles::remove(const QString &runDir, const Written &written)
{
    QFile::remove(runDir + u'/' + written.entry.patchedPath);
    QFile::remove(runDir + u'/' + written.entry.maskPath);
    if (written.madeFolder)
        QDir(runDir).rmdir(QLatin1String(folder)); // only when empty
}
