#pragma once

#include "compareview.h"
#include "core/outcome.h"
#include "review/frameimages.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

class Filmstrip;
class FrameListModel;
class InspectorPanel;
class MainWindow;
class QSplitter;
class QStackedWidget;
class ReviewController;
class SessionManager;
class StageView;
class WindowActions;

// Comparing the current frame with a reference (README, Compare): the Compare menu's modes and
// references, the CompareView shown in the stage's place while a mode is on (the stage again
// when it is off), the inspector's attempts (a chosen attempt is the reference; "Use this
// attempt" makes it the frame's image through the controller, one undo step), and a patched
// frame's original (its image before its patches). Every image is as commit would write it
// (FrameImages).
class CompareMode : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        SessionManager *manager;
        ReviewController *controller;
        const FrameListModel *model;
        Filmstrip *filmstrip;
        StageView *stage;
        InspectorPanel *inspector;
        const WindowActions *actions;
    };
    enum class Reference
    {
        Anchor,
        Previous, // the frame before, in filmstrip order
        Attempt,
        Original, // a patched frame's image before its patches
    };

    // Puts the window's stage, in the splitter, into a stack with the compare view. Made before
    // the window connects to the session: it forgets the images of a run before the window
    // shows the next one's first frame.
    CompareMode(MainWindow *window, QSplitter *splitter);

    CompareView *view() const { return m_view; }
    QStackedWidget *area() const { return m_area; }
    bool isComparing() const { return m_mode.has_value(); }
    // nullopt: off (the stage shows).
    void setMode(std::optional<CompareView::Mode> mode);
    void setReference(Reference reference, int attemptIndex = 0);
    // Shows the current frame and its reference again.
    void refresh();

private:
    void connectActions();
    int currentFrame() const;
    // The reference of `frameIndex` and its name; *message when it cannot be shown.
    QImage referenceOf(int frameIndex, QString *name, QString *message);
    void chooseAttempt();
    // The attempt's image at the inspector's thumbnail size (kept small: only these are kept
    // for every frame visited).
    QImage thumbnailOf(int frameIndex, int attemptIndex);
    // A failure in a box, a refusal in the status bar (as the window reports them).
    void report(const Outcome &outcome);

    MainWindow *m_window;
    Parts m_parts;
    QStackedWidget *m_area;
    CompareView *m_view;
    FrameImages m_images;
    QHash<QString, QImage> m_thumbnails; // by candidate path
    std::optional<CompareView::Mode> m_mode;
    Reference m_reference = Reference::Anchor;
    int m_attempt = 0;
};
