#pragma once

#include <QList>
#include <QObject>

#include <functional>

class PlaybackClock;

// Playback of a move, without widgets: which frames play in which order (the whole move or
// the range between the in and out points, looping; ping-pong; the seam of a looping move),
// and which frame is due at each tick of the clock. Time is kept: a frame whose tick comes
// before it is ready (ready() says no) is dropped, and so is every frame whose tick the clock
// skipped; the next tick shows the frame due then. The measured rate counts the frames shown
// in the last second.
class Playback : public QObject
{
    Q_OBJECT

public:
    static constexpr double defaultFps = 12.0;
    static constexpr double minFps = 1.0;
    static constexpr double maxFps = 60.0;
    // How many frames the seam view plays on each side of the loop point: 4 unless the
    // operator chooses (1 to 24; never more than half the range).
    static constexpr int defaultSeamFrames = 4;
    static constexpr int minSeamFrames = 1;
    static constexpr int maxSeamFrames = 24;

    // The clock is not owned.
    explicit Playback(PlaybackClock *clock, QObject *parent = nullptr);

    // Keeps time on another clock (not owned) from now on.
    void setClock(PlaybackClock *clock);

    // Whether a frame's image can be shown now (the cache has it placed).
    using Ready = std::function<bool(int frameIndex)>;
    void setReady(Ready ready) { m_ready = std::move(ready); }

    // The move's frames, in the order of the filmstrip. While playing, the frame shown keeps
    // its place: new frames join the loop.
    void setFrames(const QList<int> &frames);
    QList<int> frames() const { return m_frames; }

    void setFps(double fps);
    double fps() const { return m_fps; }
    void setPingPong(bool on);
    bool pingPong() const { return m_pingPong; }
    void setSeam(bool on);
    bool seam() const { return m_seam; }
    void setSeamFrames(int count);
    int seamFrames() const { return m_seamFrames; }
    // The range played, by frame index; -1 for the move's first or last frame.
    void setInPoint(int frameIndex);
    void setOutPoint(int frameIndex);
    void clearRange();
    int inPoint() const { return m_in; }
    int outPoint() const { return m_out; }

    // One cycle of what plays, in order.
    QList<int> order() const { return m_order; }
    // The frames to have ready, the one shown first, then those that follow it (each once).
    QList<int> upcoming(int count) const;

    // Plays from `frameIndex` (its first place in the order; the first frame if it has none).
    void play(int frameIndex);
    void pause();
    bool isPlaying() const { return m_playing; }
    // The frame shown last (-1 before any), and its place in the order.
    int frame() const { return m_frame; }
    int position() const { return m_position; }

    int shownCount() const { return m_shown; }
    int droppedCount() const { return m_dropped; }
    // Frames shown per second over the last second of playing; 0 before two are shown.
    double measuredFps() const;

    // The clock's tick (connected in the constructor): shows the frame due now.
    void tick();

signals:
    void frameShown(int frameIndex);
    void playingChanged(bool playing);
    // The order, the range or an option changed.
    void orderChanged();
    // A frame was shown or dropped.
    void statsChanged();

private:
    void rebuildOrder();
    QList<int> rangeFrames() const;
    QList<int> orderOf(const QList<int> &range) const;
    void restartTiming();
    void showAt(qint64 now);

    PlaybackClock *m_clock;
    Ready m_ready;
    QList<int> m_frames;
    QList<int> m_order;
    double m_fps = defaultFps;
    bool m_pingPong = false;
    bool m_seam = false;
    int m_seamFrames = defaultSeamFrames;
    int m_in = -1;
    int m_out = -1;
    bool m_playing = false;
    int m_position = 0;
    int m_frame = -1;
    qint64 m_baseNs = 0;   // the time of m_baseStep
    qint64 m_baseStep = 0; // steps are counted from play(); the fps may change on the way
    qint64 m_step = 0;     // the step shown or dropped last
    int m_shown = 0;
    int m_dropped = 0;
    QList<qint64> m_shownTimes; // of the frames shown in the last second
};
