#pragma once

// What every benchmark shares: repeated runs, their median, memory figures
// and generated run folders. Benchmarks print figures; they never fail on
// time.

#include "demo/demorun.h"

#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

namespace bench {

// How many times each measurement runs (DIRECTOR_BENCH_RUNS, default 5).
inline int runs()
{
    const int wanted = qEnvironmentVariableIntValue("DIRECTOR_BENCH_RUNS");
    return wanted > 0 ? wanted : 5;
}

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

// Milliseconds since the timer started, with sub-millisecond resolution.
inline double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// The median time of `work` over runs(), in milliseconds, after one run that is not counted
// (caches, lazy initialisation).
inline double medianMs(const std::function<void()> &work)
{
    QList<double> times;
    for (int round = -1; round < runs(); ++round) {
        QElapsedTimer timer;
        timer.start();
        work();
        if (round >= 0)
            times.append(elapsedMs(timer));
    }
    return median(times);
}

// The median of one field over the figures of every run (a benchmark that measures several
// figures in each run keeps them in a struct).
template <typename Figures> double medianOf(const QList<Figures> &all, double Figures::*field)
{
    QList<double> values;
    for (const Figures &figures : all)
        values.append(figures.*field);
    return median(values);
}

// One figure, as a line the README's table is made from:
//   name ............ value unit   (goal)
inline void print(const QString &name, double value, const QString &unit, const QString &goal = {})
{
    std::printf("%-58s %12.2f %-6s %s\n", qPrintable(name), value, qPrintable(unit),
                qPrintable(goal));
    std::fflush(stdout);
}

// Drops Qt's chatter that says nothing about the figures (the offscreen
// platform's notes, a missing XDG_RUNTIME_DIR), so that stderr shows only
// what went wrong.
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type == QtDebugMsg || type == QtInfoMsg ||
            text.contains(QLatin1String("propagateSizeHints")) ||
            text.contains(QLatin1String("XDG_RUNTIME_DIR")))
            return;
        std::fprintf(stderr, "%s\n", qPrintable(text));
        if (type == QtFatalMsg)
            std::abort();
    });
}

inline void heading(const QString &text)
{
    std::printf("\n== %s\n", qPrintable(text));
    std::fflush(stdout);
}

// A field of /proc/self/status in KiB (VmRSS, VmHWM), or -1.
inline qint64 procStatusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// A run folder of `frames` frames (the demo character's loop, repeated).
inline bool makeRun(const QString &dir, int frames)
{
    const Outcome written = DemoRun::write(dir, frames);
    if (!written)
        std::fprintf(stderr, "could not write a run of %d frames: %s\n", frames,
                     qPrintable(written.message()));
    return bool(written);
}

// The CPU time of the calling thread: what the GUI thread itself did, as
// against the wall time, which also counts the time other threads and other
// processes held the cores.
inline double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Scales every frame image of a run up by `factor` (nearest neighbour): the
// frames as large as the pipeline generates them, before its downscale.
inline bool enlargeFrames(const QString &runDir, int factor)
{
    QHash<QByteArray, QByteArray> enlarged; // the demo repeats a 16-frame loop
    const QDir candidates(runDir + QStringLiteral("/candidates"));
    for (const QString &name : candidates.entryList({QStringLiteral("*.png")}, QDir::Files)) {
        QFile file(candidates.filePath(name));
        if (!file.open(QIODevice::ReadWrite))
            return false;
        const QByteArray original = file.readAll();
        auto it = enlarged.find(original);
        if (it == enlarged.end()) {
            const QImage image = QImage::fromData(original);
            QByteArray png;
            QBuffer buffer(&png);
            if (image.isNull() || !buffer.open(QIODevice::WriteOnly) ||
                !image.scaled(image.size() * factor).save(&buffer, "PNG"))
                return false;
            it = enlarged.insert(original, png);
        }
        if (!file.resize(0) || !file.seek(0) || file.write(*it) != it->size())
            return false;
    }
    return true;
}

} // namespace bench
