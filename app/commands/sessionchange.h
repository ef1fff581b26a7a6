#pragma once

#include "core/outcome.h"
#include "core/result.h"

#include <QCoreApplication>

class CachedRun;
class QCommandLineParser;
class SessionManager;

// What the commands that change a session (frame, commit, discard) do before their change:
// open the run read-write, as the window does, and take in the pipeline's news.
class SessionChange
{
    Q_DECLARE_TR_FUNCTIONS(SessionChange)

public:
    // Opens the run RUN_DIR (the argument after the command's name) in `manager` for a
    // change, honouring --recover (RecoverOption), then takes in what the pipeline wrote since
    // the session was saved, in a save of its own. A committed or discarded session opens,
    // read-only, and takes in nothing. `cache` (when given): the run is read through it
    // (CachedRun::readThrough), which can then keep the status the change leaves.
    static Outcome open(SessionManager &manager, const QCommandLineParser &parser,
                        const CachedRun *cache = nullptr);
    // INDEX, the argument after RUN_DIR (frame, patch): a frame index (0, 1, ...), or Invalid.
    static Result<int> frameIndex(const QCommandLineParser &parser);
    // Ok when the opened session has frame `index`; Invalid, saying so, otherwise.
    static Outcome checkFrame(const SessionManager &manager, int index);
};
