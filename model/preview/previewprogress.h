#pragma once

#include "core/outcome.h"

#include <QCoreApplication>

#include <functional>

// Follows a preview being made (PreviewExport::write and its steps: PreviewFrames::collect,
// SpriteSheet, AnimatedWebp) from another thread, and stops it. The job asks stopRequested()
// before each frame it reads and places, copies into the sheet or encodes into the animation
// (not while it encodes the whole sheet as PNG: see SpriteSheet::png), and calls step() after
// each of those frames. A job stopped on request returns stopped() and writes nothing: the
// files are written only once everything is made, and the last question is asked just before
// (a stop asked for later comes too late: the files are written, each whole). Made without
// functions, it never stops and reports to no one (`director preview`).
//
// One object serves one job and is used on that job's thread only: the functions it is given
// are called there, and must themselves be safe to call from that thread.
class PreviewProgress
{
    Q_DECLARE_TR_FUNCTIONS(PreviewProgress)

public:
    using StopRequested = std::function<bool()>;
    // `done` of `total` steps; `total` is 0 when the job did not say (a step called alone).
    using Report = std::function<void(int done, int total)>;

    PreviewProgress() = default;
    explicit PreviewProgress(StopRequested stopRequested, Report report = {});

    bool stopRequested() const { return m_stopRequested && m_stopRequested(); }
    // The job takes `total` steps: reports none of them done.
    void start(int total) const;
    // One more step done: reports it.
    void step() const;

    // What a job stopped on request returns: Failed, saying nothing was written.
    static Outcome stopped();

private:
    StopRequested m_stopRequested;
    Report m_report;
    // Counted as the job goes; the job's thread alone touches them.
    mutable int m_done = 0;
    mutable int m_total = 0;
};
