#pragma once

class QThreadPool;

// The threads Director's own background jobs run on: the motion plot's measure, the run
// watcher's and the start page's scans, the report and preview exports, the inpainting
// provider's wait, a large batch of verdicts, an undo step freed. Never Qt's global pool
// (QThreadPool::globalInstance(), which QtConcurrent::run uses unless told otherwise): Qt's
// raster engine splits a large fill (the stage's checkerboard) over that pool and the GUI
// thread waits for the pieces, so a long job of ours there held every paint of the window
// (a 10,000-frame run's first paint waited seconds for the motion plot's measure).
// The thumbnails and the playback cache have pools of their own (FrameListModel,
// PlaybackCache), sized for their decodes.
namespace BackgroundPool {

// Created on first use with as many threads as the machine has cores (at least two, so that
// one long scan does not hold up the next job); lives until the program ends.
QThreadPool *instance();

} // namespace BackgroundPool
