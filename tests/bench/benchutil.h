#pragma once

// What every benchmark shares: repeated runs, their median, memory figures
// and generated run folders. Benchmarks print figures; they never fail on
// time.

#include "core/outcome.h"
#include "demo/demorun.h"
#include "session/timestamps.h"

#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSaveFile>
#include <QString>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <optional>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

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

// makeRun() for long runs: the same files DemoRun::write makes (docs/run-folder.md), written in
// a fraction of its time. DemoRun draws, encodes, audits and syncs every frame; its loop has
// only 16 distinct frames, so here DemoRun writes that loop once (in `dir`.loop, removed
// afterwards) and every frame's candidates are hard links to its loop frame's files (the same
// bytes DemoRun would write; the run's image files share inodes, so nothing may rewrite one
// in place: enlargeFrames() must not be used on such a run). Each frame's audit file and
// state.json's entries are the loop frame's with what DemoRun makes of the frame's index
// (frame_index, the attempts' times, durations and prompt hashes), and the manifest says
// `frames`; files are written without a sync (a benchmark's run, not an operator's data).
// Audit files are written after the candidates, as the pipeline writes them.
inline bool makeLongRun(const QString &dir, int frames)
{
    const auto fail = [&](const QString &why) {
        std::fprintf(stderr, "could not write a run of %d frames: %s\n", frames, qPrintable(why));
        return false;
    };
    const QString loopDir = QDir::cleanPath(dir) + QStringLiteral(".loop");
    QDir(loopDir).removeRecursively();
    if (const Outcome loop = DemoRun::write(loopDir, DemoRun::frameCount); !loop)
        return fail(loop.message());
    const auto readJson = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                              : QJsonObject();
    };
    const auto writeJson = [](const QString &path, const QJsonObject &object) {
        QFile file(path);
        const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    const auto frameName = [](int index) {
        return QStringLiteral("frame_%1").arg(index, 4, 10, QLatin1Char('0'));
    };
    QJsonObject manifest = readJson(loopDir + QStringLiteral("/manifest.lock.json"));
    const QJsonObject loopState = readJson(loopDir + QStringLiteral("/state.json"));
    const std::optional<QDateTime> start =
        Timestamps::parse(manifest.value(QStringLiteral("run_start")).toString());
    if (!start || loopState.isEmpty())
        return fail(QStringLiteral("the loop's manifest or state.json cannot be read"));

    const QDir run(dir);
    if (run.exists() && !run.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return fail(QStringLiteral("%1 is not empty").arg(dir));
    for (const char *sub : {"candidates", "audit", "approved"}) {
        if (!run.mkpath(QString::fromLatin1(sub)))
            return fail(QStringLiteral("cannot make %1/%2").arg(dir, QString::fromLatin1(sub)));
    }
    // The loop frame's candidates, as the names after "frame_NNNN" (_attempt_01.png, ...).
    QList<QStringList> loopCandidates(DemoRun::frameCount);
    const QDir candidates(loopDir + QStringLiteral("/candidates"));
    for (const QString &name : candidates.entryList(QDir::Files, QDir::Name)) {
        const int frame = name.mid(6, 4).toInt();
        if (frame >= 0 && frame < DemoRun::frameCount)
            loopCandidates[frame].append(name.mid(10));
    }
    // What DemoRun makes of a frame's index (demorun.cpp: durationMs, the attempts' times).
    const auto time = [&](int index, int attempt) {
        return Timestamps::format(start->addSecs(qint64(index) * 40 + (attempt - 1) * 15));
    };
    const auto duration = [](int index) { return 2400 + 130 * index; };
    const QJsonArray loopFrameStates = loopState.value(QStringLiteral("frame_states")).toArray();
    const QJsonObject loopAttempts = loopState.value(QStringLiteral("frameAttempts")).toObject();
    QList<QJsonObject> loopAudits;
    for (int frame = 0; frame < DemoRun::frameCount; ++frame)
        loopAudits.append(
            readJson(QStringLiteral("%1/audit/%2_metrics.json").arg(loopDir, frameName(frame))));

    QJsonArray frameStates;
    QJsonObject frameAttempts;
    for (int index = 0; index < frames; ++index) {
        const int inLoop = index % DemoRun::frameCount;
        for (const QString &suffix : loopCandidates[inLoop]) {
            const QByteArray from = QFile::encodeName(
                QStringLiteral("%1/%2%3").arg(candidates.path(), frameName(inLoop), suffix));
            const QByteArray to = QFile::encodeName(
                QStringLiteral("%1/candidates/%2%3").arg(dir, frameName(index), suffix));
            if (::link(from.constData(), to.constData()) != 0)
                return fail(QStringLiteral("cannot link %1").arg(QFile::decodeName(to)));
        }
        QJsonObject audit = loopAudits[inLoop];
        audit.insert(QStringLiteral("frame_index"), index);
        QJsonArray auditAttempts = audit.value(QStringLiteral("attempts")).toArray();
        for (qsizetype a = 0; a < auditAttempts.size(); ++a) {
            QJsonObject attempt = auditAttempts[a].toObject();
            attempt.insert(QStringLiteral("timestamp"), time(index, int(a) + 1));
            attempt.insert(QStringLiteral("duration_ms"), duration(index));
            auditAttempts[a] = attempt;
        }
        audit.insert(QStringLiteral("attempts"), auditAttempts);
        if (!writeJson(QStringLiteral("%1/audit/%2_metrics.json").arg(dir, frameName(index)),
                       audit))
            return fail(QStringLiteral("cannot write the audit of frame %1").arg(index));

        QJsonObject frameState = loopFrameStates.at(inLoop).toObject();
        frameState.insert(QStringLiteral("index"), index);
        frameStates.append(frameState);
        QJsonObject attempts = loopAttempts.value(QString::number(inLoop)).toObject();
        QJsonArray stateAttempts = attempts.value(QStringLiteral("attempts")).toArray();
        for (qsizetype a = 0; a < stateAttempts.size(); ++a) {
            QJsonObject attempt = stateAttempts[a].toObject();
            attempt.insert(QStringLiteral("timestamp"), time(index, int(a) + 1));
            attempt.insert(QStringLiteral("promptHash"),
                           QStringLiteral("demo%1").arg(index, 2, 10, QLatin1Char('0')));
            attempt.insert(QStringLiteral("durationMs"), duration(index));
            stateAttempts[a] = attempt;
        }
        attempts.insert(QStringLiteral("attempts"), stateAttempts);
        frameAttempts.insert(QString::number(index), attempts);
    }
    QJsonObject config = manifest.value(QStringLiteral("resolved_config")).toObject();
    QJsonObject identity = config.value(QStringLiteral("identity")).toObject();
    identity.insert(QStringLiteral("frame_count"), frames);
    config.insert(QStringLiteral("identity"), identity);
    manifest.insert(QStringLiteral("resolved_config"), config);
    QJsonObject state = loopState;
    state.insert(QStringLiteral("total_frames"), frames);
    state.insert(QStringLiteral("frame_states"), frameStates);
    state.insert(QStringLiteral("frameAttempts"), frameAttempts);
    if (!writeJson(dir + QStringLiteral("/manifest.lock.json"), manifest) ||
        !writeJson(dir + QStringLiteral("/state.json"), state) ||
        !QFile::copy(loopDir + QStringLiteral("/anchor_analysis.json"),
                     dir + QStringLiteral("/anchor_analysis.json")))
        return fail(QStringLiteral("cannot write the run's files"));
    // The candidates stay: their links keep the bytes; the loop's folder goes.
    if (!QDir(loopDir).removeRecursively())
        return fail(QStringLiteral("cannot remove %1").arg(loopDir));
    // On disk before it is measured, as a run the pipeline finished.
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::syncfs(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    return synced || fail(QStringLiteral("cannot sync %1").arg(dir));
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

// Bytes the heap holds right now (glibc), after handing free memory back.
inline double heapBytes()
{
    malloc_trim(0);
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd);
}

// A file's bytes; the benchmark stops when it cannot read them.
inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

inline bool syncFolder(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// The floor of a durable change: the same bytes, a bare QSaveFile (whose commit syncs the
// file) and an fsync of the folder.
inline void writeBare(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit() ||
        !syncFolder(QFileInfo(path).absolutePath()))
        qFatal("bare write of %s failed", qPrintable(path));
}

// Stops the benchmark, saying what failed and why, when `outcome` is a failure.
inline void check(const Outcome &outcome, const char *what)
{
    if (!outcome)
        qFatal("%s: %s", what, qPrintable(outcome.message()));
}

// Contenders timed side by side: in each of runs() rounds, each one runs `batch` times in
// turn. Its figure is the median of its rounds' means.
inline QList<double> interleavedMs(const QList<std::function<void()>> &contenders, int batch)
{
    QList<QList<double>> times(contenders.size());
    for (int run = 0; run < runs(); ++run) {
        for (qsizetype i = 0; i < contenders.size(); ++i) {
            QElapsedTimer timer;
            timer.start();
            for (int n = 0; n < batch; ++n)
                contenders[i]();
            times[i].append(elapsedMs(timer) / batch);
        }
    }
    QList<double> medians;
    for (const QList<double> &t : times)
        medians.append(median(t));
    return medians;
}

// How long the GUI thread stays away from its event loop: a heartbeat timer (every
// `intervalMs`, precise) ticks while the work runs; the meter keeps the longest gap between two
// ticks (from start() to the first tick, and with stop(true) from the last tick to stop() as
// well) and the most CPU time the thread spent in one gap (threadCpuMs: what the GUI thread
// itself did, as against the time other threads and processes held the cores). With
// DIRECTOR_BENCH_TRACE set, every gap over 5 ms is told on stderr.
class StallMeter : public QObject
{
public:
    explicit StallMeter(int intervalMs = 1) : m_interval(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_cpu = threadCpuMs();
        m_longestGap = m_longestCpu = 0;
        m_timer.start();
    }
    // With `lastGapCounts`, the time since the last tick is a gap too (the work ends here).
    void stop(bool lastGapCounts = false)
    {
        m_timer.stop();
        if (lastGapCounts)
            tick();
    }
    // The longest gap between two ticks, the interval included.
    double longestGapMs() const { return m_longestGap; }
    // The longest gap less the interval: the time the thread did not answer beyond it.
    double longestStallMs() const { return std::max(0.0, m_longestGap - m_interval); }
    // The most CPU time the thread spent between two ticks.
    double longestCpuMs() const { return m_longestCpu; }

private:
    void tick()
    {
        const double now = elapsedMs(m_clock);
        const double cpu = threadCpuMs();
        if (now - m_last > 5.0 && qEnvironmentVariableIsSet("DIRECTOR_BENCH_TRACE"))
            std::fprintf(stderr, "stall of %.2f ms (cpu %.2f ms) at %.1f ms\n", now - m_last,
                         cpu - m_cpu, now);
        m_longestGap = std::max(m_longestGap, now - m_last);
        m_longestCpu = std::max(m_longestCpu, cpu - m_cpu);
        m_last = now;
        m_cpu = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_interval;
    double m_last = 0;
    double m_cpu = 0;
    double m_longestGap = 0;
    double m_longestCpu = 0;
};

// Watches a widget's first paint (installed as its event filter) once armed; a zero timer
// queued from there calls `answered` when that paint is done and the event loop is back:
// painted and answering. Armed from the start unless told otherwise.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(std::function<void()> answered, bool armed = true)
        : m_answered(std::move(answered)), m_armed(armed)
    {}
    void arm() { m_armed = true; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_armed && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, this, m_answered);
        }
        return false;
    }

private:
    std::function<void()> m_answered;
    bool m_armed = true;
    bool m_seen = false;
};

} // namespace bench
