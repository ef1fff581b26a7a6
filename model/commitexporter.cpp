#include "commitexporter.h"

#include "atomicfile.h"
#include "imageloader.h"
#include "runpaths.h"
#include "timestamps.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QUuid>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CommitExporter", text);
}

// Removes the staging folder, whatever is in it.
struct StagingFolder
{
    QString path;
    ~StagingFolder()
    {
        if (!path.isEmpty())
            QDir(path).removeRecursively();
    }
};
} // namespace

CommitExporter::CommitExporter(const QString &runDir) : m_runDir(QDir(runDir).absolutePath()) {}

int CommitExporter::roundOffset(double value)
{
    const double rounded = std::floor(value + 0.5);
    if (!std::isfinite(rounded))
        return 0;
    return int(std::clamp(rounded, -1.0e6, 1.0e6));
}

QImage CommitExporter::translated(const QImage &image, int dx, int dy)
{
    QImage source = image.convertToFormat(QImage::Format_ARGB32);
    QImage result(source.size(), QImage::Format_ARGB32);
    result.fill(Qt::transparent);
    const int width = source.width();
    const int height = source.height();
    // Copy the rows and columns that stay on the canvas, pixel for pixel.
    const int x0 = std::max(0, dx);
    const int x1 = std::min(width, width + dx);
    const int y0 = std::max(0, dy);
    const int y1 = std::min(height, height + dy);
    if (x0 >= x1 || y0 >= y1)
        return result;
    for (int y = y0; y < y1; ++y) {
        const auto *from = reinterpret_cast<const QRgb *>(source.constScanLine(y - dy));
        auto *to = reinterpret_cast<QRgb *>(result.scanLine(y));
        std::memcpy(to + x0, from + (x0 - dx), sizeof(QRgb) * size_t(x1 - x0));
    }
    return result;
}

Outcome CommitExporter::exportFrames(const DirectorSession &session, CommitInfo *info,
                                     const Progress &progress)
{
    if (session.status != SessionStatus::Active) {
        return Outcome::refused(tr("The session is %1: it cannot be committed again.")
                                    .arg(sessionStatusName(session.status)));
    }
    if (session.frames.isEmpty())
        return Outcome::refused(tr("The session has no frames to commit."));
    QStringList blockers;
    for (const DirectorFrameState &frame : session.frames) {
        if (frame.status != FrameStatus::Approved)
            blockers.append(
                QStringLiteral("%1 (%2)").arg(frame.frameIndex).arg(frameStatusName(frame.status)));
    }
    if (!blockers.isEmpty()) {
        return Outcome::refused(QCoreApplication::translate(
                                    "CommitExporter",
                                    "Commit needs every frame approved; %n frame(s) are not: %1",
                                    "", int(blockers.size()))
                                    .arg(blockers.join(QStringLiteral(", "))));
    }

    const RunPaths paths(m_runDir);
    const QString approvedDir = m_runDir + QStringLiteral("/approved");
    if (const QFileInfo info(approvedDir); info.isSymLink() || (info.exists() && !info.isDir())) {
        return Outcome::failed(
            tr("%1 is not a folder of the run (%2): Director writes the "
               "approved frames only inside the run folder.")
                .arg(QDir::toNativeSeparators(approvedDir),
                     info.isSymLink()
                         ? tr("a link to %1").arg(QDir::toNativeSeparators(info.symLinkTarget()))
                         : tr("a file")));
    }
    if (!QDir().mkpath(approvedDir))
        return Outcome::failed(
            tr("Could not create %1.").arg(QDir::toNativeSeparators(approvedDir)));
    // A commit killed before it finished left its staging folder: the
    // session was not marked committed, so nothing in it counts.
    const QString stagingPrefix = QStringLiteral(".director-commit-");
    for (const QString &left :
         QDir(approvedDir)
             .entryList({stagingPrefix + u'*'},
                        QDir::Dirs | QDir::Hidden | QDir::NoSymLinks | QDir::NoDotAndDotDot))
        QDir(approvedDir + u'/' + left).removeRecursively();
    StagingFolder staging;
    staging.path = approvedDir + u'/' + stagingPrefix + QUuid::createUuid().toString(QUuid::Id128);
    if (!QDir().mkdir(staging.path)) {
        return Outcome::failed(
            tr("Could not write to %1.").arg(QDir::toNativeSeparators(approvedDir)));
    }

    CommitInfo result;
    QSize size = m_expectedSize;
    const int total = int(session.frames.size());
    int done = 0;
    QStringList names;
    for (const DirectorFrameState &frame : session.frames) {
        const DirectorOverrides &overrides = frame.directorOverrides;
        const QString source = overrides.isPatched && !overrides.patchHistory.isEmpty()
                                   ? overrides.patchHistory.last().patchedPath
                                   : frame.imagePath;
        QString why;
        const std::optional<QString> file = paths.resolveExistingFile(source, &why);
        if (!file)
            return Outcome::failed(tr("Frame %1: %2").arg(frame.frameIndex).arg(why));
        const QImage image = ImageLoader::load(*file, &why);
        if (image.isNull())
            return Outcome::failed(tr("Frame %1: %2").arg(frame.frameIndex).arg(why));
        if (!size.isValid())
            size = image.size();
        if (image.size() != size) {
            return Outcome::failed(
                tr("Frame %1: %2 is %3×%4 pixels, but the frames of this run are %5×%6")
                    .arg(frame.frameIndex)
                    .arg(source)
                    .arg(image.width())
                    .arg(image.height())
                    .arg(size.width())
                    .arg(size.height()));
        }

        int dx = 0;
        int dy = 0;
        if (overrides.alignment) {
            dx = roundOffset(overrides.alignment->userOverrideX);
            dy = roundOffset(overrides.alignment->userOverrideY);
        }
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!translated(image, dx, dy).save(&buffer, "PNG"))
            return Outcome::failed(
                tr("Frame %1: the image could not be encoded.").arg(frame.frameIndex));
        const QString name = frame.id + QStringLiteral(".png");
        if (const Outcome written = AtomicFile::write(staging.path + u'/' + name, png); !written)
            return Outcome::failed(tr("Frame %1: %2").arg(frame.frameIndex).arg(written.message()));
        names.append(name);
        result.nudgedCount += (dx != 0 || dy != 0);
        result.patchedCount += overrides.isPatched;
        ++done;
        if (progress)
            progress(done, total);
    }

    // Every frame is written: move them into place. rename(2) replaces a
    // pipeline-approved file atomically. What each one replaces is kept (a
    // hard link in the staging folder) until all are in place, so that a
    // move that fails half-way puts approved/ back as it was.
    auto encoded = [](const QString &path) { return QFile::encodeName(path); };
    const QString previous = QStringLiteral(".previous");
    QStringList moved;
    auto rollBack = [&] {
        bool restored = true;
        for (const QString &name : std::as_const(moved)) {
            const QByteArray target = encoded(approvedDir + u'/' + name);
            const QByteArray kept = encoded(staging.path + u'/' + name + previous);
            if (QFileInfo::exists(QFile::decodeName(kept)))
                restored = ::rename(kept.constData(), target.constData()) == 0 && restored;
            else
                restored = ::unlink(target.constData()) == 0 && restored;
        }
        AtomicFile::syncDirectory(approvedDir);
        return restored;
    };
    for (const QString &name : std::as_const(names)) {
        const QByteArray target = encoded(approvedDir + u'/' + name);
        if (QFileInfo::exists(QFile::decodeName(target)) &&
            ::link(target.constData(),
                   encoded(staging.path + u'/' + name + previous).constData()) != 0) {
            return Outcome::failed(tr("Could not keep %1 of approved/ until the new frames are "
                                      "in place: %2")
                                       .arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        }
    }
    for (const QString &name : std::as_const(names)) {
        const QByteArray from = encoded(staging.path + u'/' + name);
        const QByteArray to = encoded(approvedDir + u'/' + name);
        if (::rename(from.constData(), to.constData()) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            const bool restored = rollBack();
            return Outcome::failed(
                (restored ? tr("Could not move %1 into approved/: %2. approved/ is as it was.")
                          : tr("Could not move %1 into approved/: %2. approved/ could not be put "
                               "back as it was: it holds a mix of old and new frames until the "
                               "next commit."))
                    .arg(name, reason));
        }
        moved.append(name);
    }
    if (!AtomicFile::syncDirectory(approvedDir)) {
        return Outcome::failed(tr("The frames were written to %1, but the folder could not be "
                                  "synced to disk.")
                                   .arg(QDir::toNativeSeparators(approvedDir)));
    }
    result.approvedCount = total;
    result.timestamp = Timestamps::now();
    *info = result;
    return Outcome::ok();
}
