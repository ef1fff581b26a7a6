#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// The time playback keeps: a monotonic "now" and a tick at the frame rate. Injected, so that
// tests drive playback with ManualPlaybackClock and never wait for or look at the wall clock.
class PlaybackClock : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Ticks every `intervalNs` from now on (a new interval replaces the old).
    virtual void start(qint64 intervalNs) = 0;
    virtual void stop() = 0;
    // Nanoseconds on a monotonic clock.
    virtual qint64 nowNs() const = 0;

signals:
    void ticked();
};

// The application's clock: a precise QTimer for the ticks, QElapsedTimer for now. A tick that
// comes late is not made up for: Playback reads the time and counts the frames it skipped.
class TimerPlaybackClock : public PlaybackClock
{
    Q_OBJECT

public:
    explicit TimerPlaybackClock(QObject *parent = nullptr) : PlaybackClock(parent)
    {
        m_elapsed.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &PlaybackClock::ticked);
    }
    void start(qint64 intervalNs) override
    {
        m_timer.start(std::max<int>(1, int(intervalNs / 1'000'000)));
    }
    void stop() override { m_timer.stop(); }
    qint64 nowNs() const override { return m_elapsed.nsecsElapsed(); }

private:
    QTimer m_timer;
    QElapsedTimer m_elapsed;
};

// A clock for tests: time moves only when advance() moves it, and each tick is emitted then.
class ManualPlaybackClock : public PlaybackClock
{
    Q_OBJECT

public:
    using PlaybackClock::PlaybackClock;

    void start(qint64 intervalNs) override
    {
        m_interval = intervalNs;
        m_nextTick = m_now + intervalNs;
        m_running = true;
    }
    void stop() override { m_running = false; }
    qint64 nowNs() const override { return m_now; }
    bool isRunning() const { return m_running; }
    qint64 interval() const { return m_interval; }

    // Moves time on by `ns`, emitting every tick that falls in it (at its own time).
    void advance(qint64 ns)
    {
        const qint64 end = m_now + ns;
        while (m_running && m_interval > 0 && m_nextTick <= end) {
            m_now = m_nextTick;
            m_nextTick += m_interval;
            emit ticked();
        }
        m_now = end;
    }
    // Moves time on to the next tick and emits it.
    void tick()
    {
        if (m_running)
            advance(m_nextTick - m_now);
    }
    // Moves time on by `ns` without a tick (a timer that fires late).
    void skip(qint64 ns)
    {
        m_now += ns;
        m_nextTick = std::max(m_nextTick, m_now);
    }

private:
    qint64 m_now = 0;
    qint64 m_interval = 0;
    qint64 m_nextTick = 0;
    bool m_running = false;
};
