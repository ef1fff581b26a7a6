#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;

// The mask tool's bar (README, Patches), shown while Patch → Paint Mask is on: the brush's
// size, the eraser, Clear, Undo Stroke, the prompt and Patch; while the provider runs, a busy
// indicator, the time since it started and Cancel. It only shows and asks: MaskPresenter acts.
class MaskBar : public QWidget
{
    Q_OBJECT

public:
    explicit MaskBar(QWidget *parent = nullptr);

    int brush() const;
    bool isErasing() const;
    QString prompt() const;
    // What can be done now: the mask has pixels (Patch, Clear), strokes can be undone.
    void setMaskState(bool hasPixels, bool canUndo);
    // The provider runs (the busy indicator, the time and Cancel) or not.
    void setRunning(bool running);
    void setElapsed(qint64 milliseconds);
    bool isRunning() const { return m_running; }

signals:
    void clearRequested();
    void undoStrokeRequested();
    void patchRequested();
    void cancelRequested();

private:
    void updateButtons();

    QSpinBox *m_brush;
    QToolButton *m_eraser;
    QPushButton *m_clear;
    QPushButton *m_undoStroke;
    QLineEdit *m_prompt;
    QPushButton *m_patch;
    QProgressBar *m_busy;
    QLabel *m_elapsed;
    QPushButton *m_cancel;
    bool m_hasPixels = false;
    bool m_canUndo = false;
    bool m_running = false;
};
