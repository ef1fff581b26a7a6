#include "playback/playback.h"

#include "playback/playbackclock.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 second = 1'000'000'000;

} // namespace

Playback::Playback(PlaybackClock *clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    connect(m_clock, &PlaybackClock::ticked, this, &Playback::tick);
}

void Playback::setClock(PlaybackClock *clock)
{
    m_clock->stop();
    disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    connect(m_clock, &PlaybackClock::ticked, this, &Playback::tick);
    if (m_playing)
        restartTiming();
}

void Playback::setFrames(const QList<int> &frames)
{
    m_frames = frames;
    if (!m_frames.contains(m_in))
        m_in = -1;
    if (!m_frames.contains(m_out))
        m_out = -1;
    rebuildOrder();
}

void Playback::setFps(double fps)
{
    fps = std::clamp(fps, minFps, maxFps);
    if (fps == m_fps)
        return;
    m_fps = fps;
    if (m_playing)
        restartTiming();
}

void Playback::setPingPong(bool on)
{
    m_pingPong = on;
    rebuildOrder();
}

void Playback::setSeam(bool on)
{
    m_seam = on;
    rebuildOrder();
}

void Playback::setSeamFrames(int count)
{
    count = std::clamp(count, minSeamFrames, maxSeamFrames);
    if (count == m_seamFrames)
        return;
    m_seamFrames = count;
    rebuildOrder();
}

void Playback::setInPoint(int frameIndex)
{
    m_in = m_frames.contains(frameIndex) ? frameIndex : -1;
    rebuildOrder();
}

void Playback::setOutPoint(int frameIndex)
{
    m_out = m_frames.contains(frameIndex) ? frameIndex : -1;
    rebuildOrder();
}

void Playback::clearRange()
{
    m_in = m_out = -1;
    rebuildOrder();
}

QList<int> Playback::rangeFrames() const
{
    if (m_frames.isEmpty())
        return {};
    qsizetype first = m_in >= 0 ? m_frames.indexOf(m_in) : 0;
    qsizetype last = m_out >= 0 ? m_frames.indexOf(m_out) : m_frames.size() - 1;
    if (first > last)
        std::swap(first, last);
    return m_frames.mid(first, last - first + 1);
}

void Playback::rebuildOrder()
{
    const QList<int> order = orderOf(rangeFrames());
    if (order != m_order) {
        m_order = order;
        // The frame shown keeps its place; one no longer played gives way to the first.
        const qsizetype at = m_order.indexOf(m_frame);
        m_position = at >= 0 ? int(at) : 0;
        if (at < 0 && m_playing && !m_order.isEmpty())
            m_position = -1; // the next tick shows the first
    }
    emit orderChanged();
}

// The seam: the last frames of the range, then its first, around the loop point. Ping-pong:
// forwards, then backwards without playing either end twice.
QList<int> Playback::orderOf(const QList<int> &range) const
{
    const int seam = std::min<int>(m_seamFrames, int(range.size() / 2));
    if (m_seam && seam >= 1)
        return range.mid(range.size() - seam) + range.mid(0, seam);
    QList<int> order = range;
    if (m_pingPong && range.size() > 2) {
        for (qsizetype i = range.size() - 2; i > 0; --i)
            order.append(range.at(i));
    }
    return order;
}

QList<int> Playback::upcoming(int count) const
{
    QList<int> frames;
    if (m_order.isEmpty())
        return frames;
    QSet<int> seen;
    const int start = std::max(0, m_position);
    for (qsizetype i = 0; i < m_order.size() && frames.size() < count; ++i) {
        const int frame = m_order.at((start + i) % m_order.size());
        if (!seen.contains(frame)) {
            seen.insert(frame);
            frames.append(frame);
        }
    }
    return frames;
}

void Playback::play(int frameIndex)
{
    if (m_order.isEmpty() || m_playing)
        return;
    const qsizetype at = m_order.indexOf(frameIndex);
    m_position = at >= 0 ? int(at) : 0;
    m_playing = true;
    m_shown = m_dropped = 0;
    m_shownTimes.clear();
    m_baseStep = m_step = 0;
    restartTiming();
    emit playingChanged(true);
    showAt(m_clock->nowNs());
}

void Playback::pause()
{
    if (!m_playing)
        return;
    m_clock->stop();
    m_playing = false;
    emit playingChanged(false);
}

void Playback::restartTiming()
{
    m_baseNs = m_clock->nowNs();
    m_baseStep = m_step;
    m_clock->start(qint64(std::llround(double(second) / m_fps)));
}

void Playback::tick()
{
    if (!m_playing || m_order.isEmpty())
        return;
    const qint64 now = m_clock->nowNs();
    // The step due now: the nearest one, as a timer's tick comes a little early or late.
    const qint64 due = m_baseStep + std::llround(double(now - m_baseNs) * m_fps / double(second));
    if (due <= m_step)
        return;
    m_dropped += int(due - m_step - 1); // ticks the clock never gave
    const qint64 steps = due - m_step;
    m_step = due;
    m_position =
        int((std::max(m_position, 0) + (m_position < 0 ? steps - 1 : steps)) % m_order.size());
    showAt(now);
}

void Playback::showAt(qint64 now)
{
    const int frame = m_order.at(m_position);
    if (m_ready && !m_ready(frame)) {
        ++m_dropped;
        emit statsChanged();
        return;
    }
    m_frame = frame;
    ++m_shown;
    m_shownTimes.append(now);
    while (!m_shownTimes.isEmpty() && m_shownTimes.first() <= now - second)
        m_shownTimes.removeFirst();
    emit frameShown(frame);
    emit statsChanged();
}

double Playback::measuredFps() const
{
    if (m_shownTimes.size() < 2)
        return 0.0;
    const qint64 span = m_shownTimes.last() - m_shownTimes.first();
    return span > 0 ? double(m_shownTimes.size() - 1) * double(second) / double(span) : 0.0;
}
