#include "playbackpresenter.h"

#include "core/backgroundpool.h"
#include "playback/playback.h"
#include "playback/playbackcache.h"
#include "playback/playbackclock.h"
#include "playbackbar.h"
#include "preferences.h"
#include "review/sessionmanager.h"
#include "stagepresenter.h"
#include "stageview.h"
#include "windowactions.h"

#include <QAction>
#include <QSettings>
#include <QtConcurrent>

#include <algorithm>
#include <utility>

PlaybackPresenter::PlaybackPresenter(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_ownClock(new TimerPlaybackClock(this)),
      m_playback(new Playback(m_ownClock, this)),
      m_cache(new PlaybackCache(
          [images = FrameImages(parts.manager)](int frame) { return images.placement(frame); },
          PlaybackCache::defaultBudget, this))
{
    m_playback->setReady([this](int frame) { return m_cache->isReady(frame); });
    connect(m_playback, &Playback::frameShown, this, &PlaybackPresenter::frameShown);
    connect(m_playback, &Playback::playingChanged, this, &PlaybackPresenter::playingChanged);
    connect(m_playback, &Playback::statsChanged, this, [this] {
        m_parts.bar->showState(*m_playback);
        prefetch();
    });
    connect(m_playback, &Playback::orderChanged, this, [this] {
        m_parts.bar->showRange(m_playback->inPoint(), m_playback->outPoint());
        if (m_playback->isPlaying())
            prefetch();
    });
    connect(m_parts.bar, &PlaybackBar::fpsChanged, this, &PlaybackPresenter::setFps);
    connect(m_parts.bar, &PlaybackBar::seamFramesChanged, this, [this](int count) {
        m_playback->setSeamFrames(count);
        QSettings().setValue(SettingsKeys::seamFrames, m_playback->seamFrames());
    });
    bool ok = false;
    const int seam = QSettings().value(SettingsKeys::seamFrames).toInt(&ok);
    m_playback->setSeamFrames(ok ? seam : Playback::defaultSeamFrames);
    m_parts.bar->setSeamFrames(m_playback->seamFrames());
    connectActions();
    connectSession();
    rebuildWithImage();
}

PlaybackPresenter::~PlaybackPresenter()
{
    disconnect(&m_rebuild, nullptr, this, nullptr);
    // A result taken (takeResult) leaves the future invalid, never finished: not waited for.
    if (m_rebuild.future().isValid())
        m_rebuild.waitForFinished();
    // The playback and the cache (children) go after this: nothing may reach back here.
    disconnect(m_playback, nullptr, this, nullptr);
}

void PlaybackPresenter::connectActions()
{
    const WindowActions &a = *m_parts.actions;
    connect(a.playPause, &QAction::triggered, this, [this] { isPlaying() ? pause() : play(); });
    connect(a.pingPong, &QAction::toggled, m_playback, &Playback::setPingPong);
    connect(a.seamView, &QAction::toggled, m_playback, &Playback::setSeam);
    connect(a.setInPoint, &QAction::triggered, this, [this] { setRangePoint(true); });
    connect(a.setOutPoint, &QAction::triggered, this, [this] { setRangePoint(false); });
    connect(a.clearRange, &QAction::triggered, m_playback, &Playback::clearRange);
    a.seamView->setEnabled(false);
}

void PlaybackPresenter::connectSession()
{
    SessionManager *manager = m_parts.manager;
    connect(manager, &SessionManager::sessionOpened, this, &PlaybackPresenter::sessionOpened);
    // New frames join the loop; a changed frame is decoded and placed again.
    connect(manager, &SessionManager::framesAdded, this, &PlaybackPresenter::framesChanged);
    connect(manager, &SessionManager::frameChanged, this, [this](int frame) {
        m_cache->invalidate(frame);
        framesChanged({frame}); // a frame's first image: it joins the loop
    });
    connect(manager, &SessionManager::framesChanged, this, [this](const QList<int> &frames) {
        for (const int frame : frames)
            m_cache->invalidate(frame);
        framesChanged(frames);
    });
    connect(&m_rebuild, &QFutureWatcher<QList<int>>::finished, this, [this] {
        if (m_rebuilding && m_rebuild.isFinished())
            takeRebuilt();
    });
}

void PlaybackPresenter::framesChanged(const QList<int> &frames)
{
    if (m_rebuilding) {
        m_changedMeanwhile.append(frames);
        return;
    }
    if (frames.size() < SessionManager::backgroundBatch || !m_parts.manager->hasSession()) {
        if (noteImages(frames))
            m_playback->setFrames(movesFrames());
        return;
    }
    // A batch (thousands of verdicts, most often no image changed): the frames with an image
    // found again off the GUI thread; the session's frames let go of once they are looked at.
    m_rebuilding = true;
    m_rebuild.setFuture(BackgroundPool::run([all = m_parts.manager->session().frames]() mutable {
        QList<int> withImage = withImageOf(all);
        all = {};
        return withImage;
    }));
}

void PlaybackPresenter::takeRebuilt()
{
    QList<int> rebuilt = m_rebuild.future().takeResult();
    m_rebuilding = false;
    bool changed = rebuilt != m_withImage;
    m_withImage = std::move(rebuilt);
    // What changed while it was looked at (in the order it changed).
    const QList<int> meanwhile = std::exchange(m_changedMeanwhile, {});
    changed = noteImages(meanwhile) || changed;
    if (changed)
        m_playback->setFrames(movesFrames());
}

void PlaybackPresenter::settle()
{
    if (m_rebuilding)
        takeRebuilt();
}

void PlaybackPresenter::setClock(PlaybackClock *clock)
{
    m_playback->setClock(clock ? clock : m_ownClock);
}

bool PlaybackPresenter::isPlaying() const
{
    return m_playback->isPlaying();
}

QList<int> PlaybackPresenter::movesFrames() const
{
    // The frames commit would write: those with an image (a PENDING frame has none yet).
    if (!m_filter)
        return m_withImage;
    QList<int> frames;
    for (const int frame : m_withImage) {
        if (m_filter(frame))
            frames.append(frame);
    }
    return frames;
}

QList<int> PlaybackPresenter::withImageOf(const QMap<int, DirectorFrameState> &frames)
{
    QList<int> withImage;
    for (auto it = frames.cbegin(); it != frames.cend(); ++it) {
        if (!it->finalImagePath().isEmpty())
            withImage.append(it.key());
    }
    return withImage;
}

void PlaybackPresenter::rebuildWithImage()
{
    // A look under way is of the frames before: dropped.
    m_rebuilding = false;
    m_changedMeanwhile.clear();
    m_withImage = m_parts.manager->hasSession() ? withImageOf(m_parts.manager->session().frames)
                                                : QList<int>();
}

bool PlaybackPresenter::noteImages(const QList<int> &frames)
{
    if (!m_parts.manager->hasSession())
        return false;
    const QMap<int, DirectorFrameState> &all = m_parts.manager->session().frames;
    bool changed = false;
    for (const int frame : frames) {
        const auto state = all.constFind(frame);
        const bool hasImage = state != all.cend() && !state->finalImagePath().isEmpty();
        const auto at = std::lower_bound(m_withImage.begin(), m_withImage.end(), frame);
        const bool listed = at != m_withImage.end() && *at == frame;
        if (hasImage == listed)
            continue;
        changed = true;
        if (hasImage)
            m_withImage.insert(at, frame);
        else
            m_withImage.erase(at);
    }
    return changed;
}

void PlaybackPresenter::setShown(std::function<bool(int)> shown)
{
    settle();
    m_filter = std::move(shown);
    m_playback->setFrames(movesFrames());
}

void PlaybackPresenter::sessionOpened()
{
    // Playing the run before: paused on no frame (the new run's frames are others).
    m_opening = true;
    pause();
    m_opening = false;
    m_cache->clear();
    m_shown = {};
    rebuildWithImage();
    m_playback->setFrames(movesFrames());
    m_playback->clearRange();
    const SessionManager *manager = m_parts.manager;
    const bool loops = manager->hasSession() && manager->run().manifest.isLoop;
    if (!loops)
        m_parts.actions->seamView->setChecked(false);
    m_parts.actions->seamView->setEnabled(loops);
    if (!manager->hasSession())
        return;
    const QString key = SettingsKeys::playbackFps(manager->session().moveId);
    bool ok = false;
    const int fps = QSettings().value(key).toInt(&ok);
    const bool valid = ok && fps >= Playback::minFps && fps <= Playback::maxFps;
    m_parts.bar->setFps(valid ? fps : int(Playback::defaultFps));
    m_playback->setFps(m_parts.bar->fps());
}

void PlaybackPresenter::setFps(int fps)
{
    m_playback->setFps(fps);
    if (m_parts.manager->hasSession())
        QSettings().setValue(SettingsKeys::playbackFps(m_parts.manager->session().moveId), fps);
}

int PlaybackPresenter::playhead() const
{
    return isPlaying() && m_playback->frame() >= 0 ? m_playback->frame() : m_parts.currentFrame();
}

void PlaybackPresenter::setRangePoint(bool in)
{
    if (in)
        m_playback->setInPoint(playhead());
    else
        m_playback->setOutPoint(playhead());
}

void PlaybackPresenter::play()
{
    if (isPlaying() || !m_parts.manager->hasSession())
        return;
    const int current = m_parts.currentFrame();
    // The frame on the stage is decoded already: it is shown at once, placed.
    const QImage placed = m_parts.stagePresenter->images().placed(current);
    if (!placed.isNull())
        m_cache->put(current, placed);
    m_playback->play(current);
}

void PlaybackPresenter::pause()
{
    m_playback->pause();
}

void PlaybackPresenter::playingChanged(bool playing)
{
    const bool editable = !playing && !m_parts.manager->isReadOnly();
    m_parts.stage->setEditable(editable);
    for (QAction *action : m_parts.actions->steppingFrames())
        action->setEnabled(!playing);
    m_parts.bar->showState(*m_playback);
    if (playing) {
        m_parts.stage->setOnionFrames({}, {});
        m_parts.stage->setBaseline(-1.0);
        prefetch();
        return;
    }
    // The window shows the paused frame as the current one, and sets what a read-only session
    // may do again.
    const int frame = m_playback->frame() >= 0 ? m_playback->frame() : m_parts.currentFrame();
    emit paused(m_opening ? -1 : frame);
}

void PlaybackPresenter::frameShown(int frameIndex)
{
    m_shown = m_cache->image(frameIndex);
    m_parts.stage->setFrame(m_shown, QPointF(0, 0));
}

void PlaybackPresenter::prefetch()
{
    // At most this many frames ahead (20 s at 24 fps): asked on every tick and every decode
    // done, it walks them; the budget of small frames would otherwise name a whole long run.
    constexpr int lookahead = 480;
    m_cache->prefetch(m_playback->upcoming(std::min(m_cache->capacity(), lookahead)));
}
