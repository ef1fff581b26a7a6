#include "preview/previewexport.h"

#include "preview/spritesheet.h"
#include "storage/atomicfile.h"

#include <QDir>

Outcome PreviewExport::check(const PreviewOptions &options)
{
    if (options.sheetPath.isEmpty() && options.animationPath.isEmpty())
        return Outcome::invalid(tr("Nothing to write: name a sprite sheet, an animation or both."));
    if (options.columns < 0)
        return Outcome::invalid(tr("The number of columns must be 0 (one row) or more."));
    if (options.fps < AnimatedWebp::minFps || options.fps > AnimatedWebp::maxFps) {
        return Outcome::invalid(tr("The frame rate must be from %1 to %2 frames a second.")
                                    .arg(AnimatedWebp::minFps)
                                    .arg(AnimatedWebp::maxFps));
    }
    if (!options.sheetPath.isEmpty() && options.sheetPath == options.animationPath)
        return Outcome::invalid(tr("The sprite sheet and the animation need two files."));
    return Outcome::ok();
}

Outcome PreviewExport::write(const QString &runDir, const DirectorSession &session, int targetSize,
                             const PreviewOptions &options, QStringList *written,
                             const PreviewProgress &progress)
{
    if (const Outcome checked = check(options); !checked)
        return checked;
    const bool hasSheet = !options.sheetPath.isEmpty();
    const bool hasAnimation = !options.animationPath.isEmpty();
    progress.start(PreviewFrames::count(session, options.which) * (1 + hasSheet + hasAnimation));
    const Result<PreviewFrames> frames =
        PreviewFrames::collect(runDir, session, targetSize, options.which, progress);
    if (!frames)
        return frames.outcome();
    // Both made before either is written: a frame that fails, or a stop, leaves both files as
    // they were.
    Result<QByteArray> sheet = QByteArray();
    if (hasSheet && !(sheet = SpriteSheet::png(*frames, options.columns, progress)))
        return sheet.outcome();
    Result<QByteArray> animation = QByteArray();
    if (hasAnimation && !(animation = AnimatedWebp::encode(*frames, options.fps, progress)))
        return animation.outcome();
    // The last moment to stop: from here on the files are written, each whole.
    if (progress.stopRequested())
        return PreviewProgress::stopped();
    const qsizetype count = frames->frames().size();
    const QSize cell = frames->canvasSize();
    if (!options.sheetPath.isEmpty()) {
        if (const Outcome saved = AtomicFile::write(options.sheetPath, *sheet); !saved)
            return saved;
        const int across = SpriteSheet::columnsFor(int(count), options.columns);
        if (written) {
            written->append(tr("Sprite sheet: %1 (%2 × %3 cells of %4×%5 pixels)")
                                .arg(QDir::toNativeSeparators(options.sheetPath))
                                .arg(across)
                                .arg((count + across - 1) / across)
                                .arg(cell.width())
                                .arg(cell.height()));
        }
    }
    if (!options.animationPath.isEmpty()) {
        if (const Outcome saved = AtomicFile::write(options.animationPath, *animation); !saved) {
            if (options.sheetPath.isEmpty())
                return saved;
            return Outcome::failed(
                tr("The sprite sheet was written to %1, but the animation "
                   "was not: %2")
                    .arg(QDir::toNativeSeparators(options.sheetPath), saved.message()));
        }
        if (written) {
            written->append(tr("Animation: %1 (%n frame(s) at %2 frames a second)", nullptr,
                               frames->withImage())
                                .arg(QDir::toNativeSeparators(options.animationPath))
                                .arg(options.fps));
        }
    }
    return Outcome::ok();
}
