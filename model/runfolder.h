#pragma once

#include "directorsession.h"
#include "outcome.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QRect>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>

// What the pipeline's manifest says about the run.
struct RunManifest
{
    QString runId; // manifest run_id, else state.json run_id, else the folder's name
    QString character;
    QString moveId;     // identity.move
    int frameCount = 0; // identity.frame_count, else state.json total_frames, else from the files
    bool isLoop = false;
    int targetSize = 0;               // canvas.target_size; 0 when unknown
    int generationSize = 0;           // canvas.generation_size; 0 when unknown
    QMap<QString, double> thresholds; // auditor thresholds, free names
    QJsonObject raw;                  // manifest.lock.json as read
};

// anchor_analysis.json, in the anchor's own pixels.
struct AnchorAnalysis
{
    bool present = false;
    QSize imageSize;
    double baselineY = 0.0;
    double rootX = 0.0;
    QRect visibleBounds;
};

// Reads a pipeline run folder (RUN-FOLDER.md) into the initial state of a
// session. Runs are often incomplete: whatever is there is read, and what is
// not is listed. Every path taken from the folder's JSON is kept inside the
// run folder; images are not decoded here (existence only).
class RunFolder
{
public:
    struct Contents
    {
        RunManifest manifest;
        AnchorAnalysis anchor;
        QList<DirectorFrameState> frames; // one per index 0..frameCount-1, in order
        QStringList missing;              // what could not be found or read, for the operator

        // For taking in a run that is still being written (RunIngest): the
        // manifest or state.json is there but could not be read (perhaps it
        // is only half written yet); the frames whose audit file was.
        bool runFilesUnreadable = false;
        QSet<int> unreadableFrames;
        // Each frame's audit file (run-relative) and the newest attempt it
        // names (0 when it names none).
        struct Audit
        {
            QString path;
            int newestAttempt = 0;
        };
        QMap<int, Audit> audits;
    };

    // What read() reads: these files and folders of the run folder
    // (RunWatcher watches them).
    static constexpr const char *files[] = {"manifest.lock.json", "state.json",
                                            "anchor_analysis.json"};
    static constexpr const char *folders[] = {"candidates", "audit", "approved", "rejected"};

    static constexpr int maxFrameCount = 100000;
    static constexpr qint64 maxJsonSize = 16 * 1024 * 1024;

    // Ok with *contents filled for any folder that looks like a run; Invalid
    // when the folder does not exist or holds nothing of a run.
    static Outcome read(const QString &runDir, Contents *contents);
};
