#pragma once

#include "core/outcome.h"
#include "session/directorsession.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

#include <sys/stat.h>

// What the pipeline's manifest says about the run, as far as Director uses it.
struct RunManifest
{
    QString runId;       // manifest run_id, else state.json run_id, else the folder's name
    QString moveId;      // identity.move
    int frameCount = 0;  // identity.frame_count, else state.json total_frames, else from the files
    int targetSize = 0;  // canvas.target_size (the size commit expects); 0 when unknown
    bool isLoop = false; // identity.is_loop: the move loops (playback offers the seam view)
};

// anchor_analysis.json, in the anchor's own pixels: where the stage draws the
// baseline.
struct AnchorAnalysis
{
    bool present = false;
    QSize imageSize;
    double baselineY = 0.0;
};

// Reads a pipeline run folder (docs/run-folder.md) into the initial state of
// a session. Runs are often incomplete: whatever is there is read, and what is
// not is listed. Every path taken from the folder's JSON is kept inside the
// run folder; images are not decoded here (existence only).
class RunFolder
{
    Q_DECLARE_TR_FUNCTIONS(RunFolder)

public:
    struct Contents
    {
        RunManifest manifest;
        AnchorAnalysis anchor;
        QList<DirectorFrameState> frames; // one per index 0..frameCount-1, in order
        QStringList missing;              // what could not be found or read, for the operator
        // What is there but was not taken into the session, and why (a
        // candidate with an attempt number the session cannot hold, a file
        // that is not an image, audit details past the session's bounds),
        // for the operator.
        QStringList leftOut;

        // For taking in a run that is still being written (RunIngest): the
        // manifest or state.json is there but could not be read (perhaps it
        // is only half written yet); the frames whose audit file could not
        // be read, or whose newest image is not whole yet (those files, run-
        // relative, in `waitingFiles`).
        bool runFilesUnreadable = false;
        QSet<int> unreadableFrames;
        QMap<int, QString> waitingFiles;

        // A path in the run's JSON names one of the session's files (RunFingerprint::Parts:
        // what was read of it is not told by the run's part of the fingerprint).
        bool namesSessionFiles = false;
    };

    // What read() reads: these files and folders of the run folder
    // (RunWatcher watches them).
    static constexpr const char *files[] = {"manifest.lock.json", "state.json",
                                            "anchor_analysis.json"};
    static constexpr const char *folders[] = {"candidates", "audit", "approved", "rejected"};

    static constexpr int maxFrameCount = 100000;
    // The pipeline's JSON files are read when they are at most this large;
    // state.json, which holds every frame's attempts, at most
    // maxStateJsonSize() (docs/run-folder.md).
    static constexpr qint64 maxJsonSize = 16 * 1024 * 1024;
    // state.json: maxJsonSize, or this much a frame the manifest declares
    // (rounded up to a whole MiB), but never more than maxStateJsonCeiling.
    static constexpr qint64 stateJsonBytesPerFrame = 4 * 1024;
    static constexpr qint64 maxStateJsonCeiling = 256 * 1024 * 1024;
    static qint64 maxStateJsonSize(int declaredFrameCount);
    // Attempt numbers a session holds (the pipeline counts from 1).
    static constexpr int maxAttempt = 1000000;

    // What the reader copies from the run's JSON into a session, at most:
    // the session file must stay one that Director reads back (nesting,
    // size), and a run's file must not make a session that takes seconds to
    // load. What is left out is named in Contents::leftOut.
    static constexpr int maxCopiedDepth = 32;                // levels of a copied JSON value
    static constexpr qint64 maxCopiedFrameBytes = 64 * 1024; // a frame's audit details and attempts
    // All frames together: maxCopiedRunBytes, or copiedBytesPerFrame a frame
    // of the run (rounded up to a whole MiB), but never more than
    // maxCopiedRunCeiling; maxCopiedRunBytesFor() says how much.
    static constexpr qint64 maxCopiedRunBytes = 32 * 1024 * 1024;
    static constexpr qint64 copiedBytesPerFrame = 4 * 1024;
    static constexpr qint64 maxCopiedRunCeiling = 224 * 1024 * 1024;
    static qint64 maxCopiedRunBytesFor(int frameCount);
    static constexpr int maxTextLength = 1024; // a flag, a strategy, an id
    static constexpr int maxListLength = 256;  // flags of a frame or an attempt
    static constexpr int maxAttempts = 100;    // a frame's newest attempts

    enum class ImageState
    {
        Usable,     // a regular file whose header reads as an image (a PNG: whole, to IEND)
        Incomplete, // a PNG (or the start of one) that does not end yet: being written
        NotImage,   // not a regular file, or not an image Director can read
    };
    static ImageState imageState(const QString &path);

    // Whether a frame's audit is about its image, the candidate of
    // `imageAttempt` (0: not a candidate's; `newestAttemptWithAFile` is the
    // newest attempt with any file in candidates/): when the audit names
    // attempts, the newest it names is this one; when it names none, no
    // newer attempt has a file and the audit was written after the image
    // (to the nanosecond: on a coarse clock an old verdict is never taken
    // for a new image), or there never was another attempt.
    static bool auditCoversImage(int auditNewestAttempt, const QString &auditPath, int imageAttempt,
                                 const QString &imagePath, int newestAttemptWithAFile);

    // Who may stop a read, and who follows it (from any thread).
    struct Control
    {
        const std::atomic_bool *cancel = nullptr; // once set, the read stops (Refused)
        std::atomic_int *framesRead = nullptr;    // the frames read so far
        std::atomic_int *frameCount = nullptr;    // the frames it reads, once it knows
        // Called on the reading thread after each frame with the frames read so far (a test
        // holds a read half-way there).
        std::function<void(int framesRead)> frameRead;
    };

    // Ok with *contents filled for any folder that looks like a run; Invalid
    // when the folder does not exist or holds nothing of a run; Refused when
    // `control` cancelled it (between two frames; *contents is then empty).
    static Outcome read(const QString &runDir, Contents *contents, const Control &control);
    static Outcome read(const QString &runDir, Contents *contents);

private:
    // imageState() without its memory of files seen before; `opened` is what fstat() says of the
    // file it opened (left as it is when nothing could be opened).
    static ImageState readImageState(const QString &path, struct stat *opened);
};
