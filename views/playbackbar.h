#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QSpinBox;
class QToolButton;
class Playback;
class WindowActions;

// The strip under the stage that plays the move: play/pause, the frames per second, ping-pong
// and the seam view (the Play menu's actions, so the two always agree) with how many frames
// it plays on each side of the loop point, the in and out
// points, and while playing the frame counter and the rate, as RV shows it:
// "12 fps target · 11.9 measured · 0 dropped".
class PlaybackBar : public QWidget
{
    Q_OBJECT

public:
    explicit PlaybackBar(const WindowActions &actions, QWidget *parent = nullptr);

    // Sets the spin box without emitting fpsChanged (a move's remembered rate).
    void setFps(int fps);
    int fps() const;
    // Sets the seam's spin box without emitting seamFramesChanged.
    void setSeamFrames(int count);
    int seamFrames() const;
    // What playback says now: playing or not, the frame and its place, the rates.
    void showState(const Playback &playback);
    // The range: frame numbers, -1 for the move's own ends.
    void showRange(int in, int out);

    QSpinBox *fpsBox() const { return m_fps; }
    QSpinBox *seamFramesBox() const { return m_seamFrames; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *rangeLabel() const { return m_range; }

signals:
    void fpsChanged(int fps);
    void seamFramesChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QToolButton *button(QAction *action);
    void setUpSeamFrames(QAction *seamView);

    QSpinBox *m_fps;
    QSpinBox *m_seamFrames;
    QLabel *m_range;
    QLabel *m_state;
};
