#include "playbackbar.h"

#include "playback/playback.h"
#include "windowactions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

PlaybackBar::PlaybackBar(const WindowActions &actions, QWidget *parent)
    : QWidget(parent), m_fps(new QSpinBox(this)), m_seamFrames(new QSpinBox(this)),
      m_range(new QLabel(this)), m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("playbackBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(button(actions.playPause));
    m_fps->setObjectName(QStringLiteral("playbackFps"));
    m_fps->setAccessibleName(tr("Frames per second"));
    m_fps->setRange(int(Playback::minFps), int(Playback::maxFps));
    m_fps->setValue(int(Playback::defaultFps));
    m_fps->setSuffix(tr(" fps"));
    // Clicked into, not tabbed into; and Space plays even when it has the focus.
    m_fps->setFocusPolicy(Qt::ClickFocus);
    m_fps->installEventFilter(this);
    layout->addWidget(m_fps);
    layout->addWidget(button(actions.pingPong));
    layout->addWidget(button(actions.seamView));
    setUpSeamFrames(actions.seamView);
    layout->addWidget(m_seamFrames);
    m_range->setObjectName(QStringLiteral("playbackRange"));
    m_range->setAccessibleName(tr("In and out points"));
    layout->addWidget(m_range);
    m_state->setObjectName(QStringLiteral("playbackState"));
    m_state->setAccessibleName(tr("Playback"));
    layout->addWidget(m_state, 1);
    connect(m_fps, &QSpinBox::valueChanged, this, &PlaybackBar::fpsChanged);
    showRange(-1, -1);
}

void PlaybackBar::setUpSeamFrames(QAction *seamView)
{
    m_seamFrames->setObjectName(QStringLiteral("playbackSeamFrames"));
    m_seamFrames->setAccessibleName(tr("Frames on each side of the loop point"));
    m_seamFrames->setToolTip(m_seamFrames->accessibleName());
    m_seamFrames->setRange(Playback::minSeamFrames, Playback::maxSeamFrames);
    m_seamFrames->setValue(Playback::defaultSeamFrames);
    m_seamFrames->setPrefix(QStringLiteral("± "));
    m_seamFrames->setFocusPolicy(Qt::ClickFocus);
    m_seamFrames->installEventFilter(this);
    // Only the seam view plays them.
    const auto follow = [this, seamView] {
        m_seamFrames->setEnabled(seamView->isEnabled() && seamView->isChecked());
    };
    connect(seamView, &QAction::changed, this, follow);
    connect(seamView, &QAction::toggled, this, follow);
    follow();
    connect(m_seamFrames, &QSpinBox::valueChanged, this, &PlaybackBar::seamFramesChanged);
}

bool PlaybackBar::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_fps || watched == m_seamFrames) &&
        event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space) {
        event->ignore(); // not the spin box's: the Play menu's shortcut takes it
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QToolButton *PlaybackBar::button(QAction *action)
{
    auto *tool = new QToolButton(this);
    tool->setDefaultAction(action);
    tool->setFocusPolicy(Qt::NoFocus);
    tool->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return tool;
}

void PlaybackBar::setFps(int fps)
{
    const QSignalBlocker blocker(m_fps);
    m_fps->setValue(fps);
}

int PlaybackBar::fps() const
{
    return m_fps->value();
}

void PlaybackBar::setSeamFrames(int count)
{
    const QSignalBlocker blocker(m_seamFrames);
    m_seamFrames->setValue(count);
}

int PlaybackBar::seamFrames() const
{
    return m_seamFrames->value();
}

void PlaybackBar::showRange(int in, int out)
{
    if (in < 0 && out < 0) {
        m_range->clear();
        return;
    }
    const auto name = [](int frame, const QString &end) {
        return frame < 0 ? end : QStringLiteral("%1").arg(frame, 4, 10, QLatin1Char('0'));
    };
    m_range->setText(tr("In %1 · Out %2").arg(name(in, tr("first")), name(out, tr("last"))));
}

void PlaybackBar::showState(const Playback &playback)
{
    if (!playback.isPlaying()) {
        m_state->clear();
        return;
    }
    const int frame = playback.frame();
    m_state->setText(tr("Frame %1 · %2 / %3 · %4 fps target · %5 measured · %n dropped", nullptr,
                        playback.droppedCount())
                         .arg(frame < 0 ? QStringLiteral("–")
                                        : QStringLiteral("%1").arg(frame, 4, 10, QLatin1Char('0')))
                         .arg(playback.position() + 1)
                         .arg(playback.order().size())
                         .arg(playback.fps())
                         .arg(playback.measuredFps(), 0, 'f', 1));
}
