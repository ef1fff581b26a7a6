#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QMap>
#include <QObject>

#include <functional>

class FrameListModel;
class Playback;
class PlaybackBar;
class PlaybackCache;
class PlaybackClock;
class SessionManager;
class StagePresenter;
class StageView;
class WindowActions;
struct DirectorFrameState;

// Plays the move on the stage as commit will write it (Play menu, Space): each frame placed
// (FrameImages::placed, decoded ahead by a PlaybackCache) at the frame rate the operator chose
// for this move (remembered per moveId), in the order Playback gives. While playing, the stage
// cannot be dragged and the actions that step or change frames are off; pausing makes the
// frame shown the current one (paused()), which puts the review's own view back.
class PlaybackPresenter : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        SessionManager *manager;
        StageView *stage;
        StagePresenter *stagePresenter; // its images: the frame on the stage starts playing
        const WindowActions *actions;
        PlaybackBar *bar;
        std::function<int()> currentFrame;
    };
    PlaybackPresenter(const Parts &parts, QObject *parent);
    ~PlaybackPresenter() override;

    Playback *playback() const { return m_playback; }
    PlaybackCache *cache() const { return m_cache; }
    // Playback keeps time on this clock from now on (not owned; tests inject a manual one);
    // nullptr: on the presenter's own (a QTimer's) again.
    void setClock(PlaybackClock *clock);
    bool isPlaying() const;
    // The image playback put on the stage last (null before any).
    QImage shownImage() const { return m_shown; }

    void play();
    void pause();
    // Plays only the frames `shown` accepts (the filmstrip's filter), in frame order; none:
    // every frame with an image. Taken in at once, also while playing.
    void setShown(std::function<bool(int)> shown);

signals:
    // Playback paused on this frame (-1: another run opened): the window makes it the current
    // one, and sets again what the session allows.
    void paused(int frameIndex);

private:
    void connectActions();
    void connectSession();
    void sessionOpened();
    void playingChanged(bool playing);
    void frameShown(int frameIndex);
    void prefetch();
    void setFps(int fps);
    void setRangePoint(bool in);
    QList<int> movesFrames() const;
    // The frames of `frames` with an image, in index order (on any thread).
    static QList<int> withImageOf(const QMap<int, DirectorFrameState> &frames);
    // m_withImage again from the session's frames; and for these frames only (whether they
    // have an image now), true when that changed.
    void rebuildWithImage();
    bool noteImages(const QList<int> &frames);
    // These frames changed or were added: m_withImage follows (for a batch, found again off
    // the GUI thread), and the loop with it.
    void framesChanged(const QList<int> &frames);
    // The look made off the GUI thread taken in (waited for when it is not done yet), and what
    // changed meanwhile.
    void takeRebuilt();
    // m_withImage up to date: a look under way taken in.
    void settle();
    int playhead() const;

    Parts m_parts;
    PlaybackClock *m_ownClock;
    Playback *m_playback;
    PlaybackCache *m_cache;
    QImage m_shown;
    std::function<bool(int)> m_filter;
    // The frames with an image, in index order: what commit writes, kept as frames change so
    // that a filter change or a verdict does not walk every frame of the session.
    QList<int> m_withImage;
    // A batch's frames looked at off the GUI thread; the frames changed meanwhile.
    QFutureWatcher<QList<int>> m_rebuild;
    bool m_rebuilding = false;
    QList<int> m_changedMeanwhile;
    bool m_opening = false;
};
