#pragma once

#include "patch/maskstrokes.h"
#include "stageoverlay.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QPoint>
#include <QString>
#include <QTimer>

#include <memory>

class InpaintProvider;
class MainWindow;
class MaskBar;
class QShortcut;

// The mask tool (README, Patches): while Patch → Paint Mask is on, the stage's left drag paints
// a mask on whole pixels of the current frame (its own pixels: the offset taken off) and the
// right drag erases it (the left one too with the bar's Eraser), drawn over the frame in
// translucent magenta; the frame is not dragged. MaskBar: the brush, Clear, Undo Stroke (also
// Backspace on the stage), the prompt and Patch, which runs the inpainting provider (the
// setting InpaintProvider::settingsKey, else the bundled one) on a worker thread. Its frame
// becomes the frame's patch, one undo step, and the mask is cleared; a failure is said in a box
// and the mask and the prompt are kept; Cancel ends the run and changes nothing. The mask is the
// current frame's: another frame (or run) shown, it is cleared.
class MaskPresenter : public QObject, private StageOverlay
{
    Q_OBJECT

public:
    explicit MaskPresenter(MainWindow *window);
    // A run in progress is cancelled and waited for: it works on copies, and its answer is
    // dropped.
    ~MaskPresenter() override;

    MaskBar *bar() const { return m_bar; }
    const MaskStrokes &strokes() const { return m_strokes; }
    bool isActive() const { return m_active; }
    bool isRunning() const { return m_watcher.isRunning(); }
    // The frame the mask is drawn on (-1: none).
    int maskFrame() const { return m_frame; }

    void setActive(bool active);
    void clear();
    void undoStroke();
    // Runs the provider on the mask and the prompt (Patch).
    void patch();
    void cancel();

signals:
    // A run of the provider ended (patched, failed or cancelled).
    void finished();

private:
    struct Answer
    {
        QImage image;
        QString error; // empty when patched
    };

    void paint(QPainter &painter, const StageGeometry &geometry) const override;
    void stroke(QPoint pixel, Qt::MouseButton button, bool first, bool last);
    void followFrame();
    void maskChanged();
    void runFinished();
    void fail(const QString &message);

    MainWindow *m_window;
    MaskBar *m_bar;
    QShortcut *m_undoShortcut;
    MaskStrokes m_strokes;
    QImage m_overlay; // the mask as drawn: translucent magenta where masked
    QPoint m_last;    // the stroke's last pixel
    int m_frame = -1;
    bool m_active = false;
    // The run in progress.
    std::shared_ptr<InpaintProvider> m_provider;
    QFutureWatcher<Answer> m_watcher;
    int m_runFrame = -1;
    QString m_runPrompt;
    QString m_runDir;
    bool m_cancelled = false;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
};
