#pragma once

#include "core/outcome.h"
#include "preview/animatedwebp.h"
#include "preview/previewframes.h"
#include "preview/previewprogress.h"
#include "session/directorsession.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// What to write as a preview, and where.
struct PreviewOptions
{
    QString sheetPath;     // the sprite sheet (PNG); none when empty
    QString animationPath; // the animation (animated WebP); none when empty
    int columns = 0;       // of the sheet; 0: one row
    int fps = AnimatedWebp::defaultFps;
    PreviewFrames::Which which = PreviewFrames::Which::All;
};

// Writes the preview of a move for the people who are not at the workstation: the sprite
// sheet (SpriteSheet) and/or the animation (AnimatedWebp) of a session's frames as commit
// would write them (PreviewFrames). Both are made in memory first; each file is then written
// whole or not at all (AtomicFile). The one job of `director preview` (on the main thread) and
// File → Export Preview… (on a worker, followed and stopped through a PreviewProgress); it works
// on copies and touches nothing shared, so it may run on any thread.
class PreviewExport
{
    Q_DECLARE_TR_FUNCTIONS(PreviewExport)

public:
    // Invalid, saying why, unless at least one file is named, the columns are 0 or more and
    // fps is within AnimatedWebp's range.
    static Outcome check(const PreviewOptions &options);

    // Writes the files `options` names. *written (when given) gets a line for each file
    // written, for the operator. `progress` is told of every frame read, copied into the sheet
    // and encoded into the animation (its total: the frames selected, once for reading and
    // once for each file), and may stop the job before anything is written:
    // PreviewProgress::stopped(), both files as they were.
    static Outcome write(const QString &runDir, const DirectorSession &session, int targetSize,
                         const PreviewOptions &options, QStringList *written = nullptr,
                         const PreviewProgress &progress = {});
};
