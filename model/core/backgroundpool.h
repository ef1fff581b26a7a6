#pragma once

#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>

#include <functional>
#include <type_traits>
#include <utility>

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
// one long scan does not hold up the next job); lives until the program ends. Director's jobs
// go through run() and start(), which run them yielding to the window.
QThreadPool *instance();

// The nice value of Director's background threads: on a machine whose cores are all busy,
// the GUI thread (nice 0) gets about ten times their share of a core, so that a long job on
// the pool, the session writer or a read ahead does not stall the window, yet still goes on.
constexpr int backgroundNice = 10;

// Lowers the calling thread's priority to backgroundNice (Linux: the thread's own nice value).
void yieldToTheWindow();

// A job that yields to the window before it does its work.
template <typename Function> struct Yielding
{
    Function function;
    template <typename... Args> decltype(auto) operator()(Args &&...args)
    {
        yieldToTheWindow();
        return std::invoke(function, std::forward<Args>(args)...);
    }
};

// QtConcurrent::run(instance(), function, args...), the job yielding to the window. (A job
// that takes a QPromise calls yieldToTheWindow() itself.)
template <typename Function, typename... Args> auto run(Function &&function, Args &&...args)
{
    return QtConcurrent::run(instance(),
                             Yielding<std::decay_t<Function>>{std::forward<Function>(function)},
                             std::forward<Args>(args)...);
}

// instance()->start(function), the job yielding to the window.
template <typename Function> void start(Function &&function)
{
    instance()->start(Yielding<std::decay_t<Function>>{std::forward<Function>(function)});
}

} // namespace BackgroundPool
