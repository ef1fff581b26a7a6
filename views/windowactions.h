#pragma once

#include <QObject>

#include <array>

class QAction;
class QMainWindow;
class QMenu;
class QUndoStack;
class RecentRunsMenu;

// The window's menus and their actions, each a typed member (a typo does not compile), with
// its words, keys and menu. The window connects them to what they do.
class WindowActions : public QObject
{
    Q_OBJECT

public:
    // Fills the window's menu bar; the actions are the window's too (their keys work
    // anywhere in it).
    explicit WindowActions(QMainWindow *window);

    // File
    QAction *open;
    RecentRunsMenu *recentRuns;
    QAction *saveNow;
    QAction *commit;
    QAction *discard;
    QAction *exportPreview;
    QAction *exportReport;
    QAction *quit;
    // Edit
    QAction *undo;
    QAction *redo;
    QAction *preferences;
    // Frame
    QAction *approve;
    QAction *reject;
    QAction *next;
    QAction *previous;
    QAction *first;
    QAction *last;
    QAction *nextAttention;
    QAction *previousAttention;
    // Shift+→ / Shift+←: the filmstrip's selection grows by the next or previous frame.
    QAction *extendNext;
    QAction *extendPrevious;
    struct Nudge
    {
        QAction *action;
        int dx;
        int dy;
    };
    std::array<Nudge, 8> nudges; // one pixel and eight, in four directions
    QAction *clearNudge;
    QAction *editNotes;
    // View
    QAction *zoomFit;              // the whole frame in view, as the stage is resized too
    std::array<QAction *, 4> zoom; // StageView::zoomLevels, in order
    QAction *zoomIn;
    QAction *zoomOut;
    // View → Onion Skin: on or off (O), and each of its layers on its own.
    QAction *onionSkin;
    QAction *onionPrevious;
    QAction *onionNext;
    QAction *onionAnchor;
    QAction *autoAdvance;
    // Play
    QAction *playPause;
    QAction *pingPong;
    QAction *seamView; // enabled for a move whose manifest says it loops
    QAction *setInPoint;
    QAction *setOutPoint;
    QAction *clearRange;
    // View → Overlays: the audit's evidence on the stage (AuditPresenter)
    QAction *paletteOverlay;
    QAction *baselineOverlay;
    QAction *boundsOverlay;
    // Compare (checkable; one of each group is checked)
    QAction *compareOff;
    QAction *compareSideBySide;
    QAction *compareWipe;
    QAction *compareDifference;
    QAction *referenceAnchor;
    QAction *referencePrevious;
    QAction *referenceAttempt;
    QAction *referenceOriginal; // enabled for a patched frame: its image before the patches
    // Patch (PatchPresenter; enabled for a frame with an image that the session lets change,
    // while not playing)
    QAction *legalizePalette;
    QAction *replaceWithFile;
    QAction *editExternally;   // "Edit in <the pixel editor>…" (ExternalEditor)
    QAction *revertToOriginal; // enabled for a patched frame
    QAction *paintMask;        // checkable: the mask tool (MaskPresenter)
    // Help
    QAction *shortcuts;
    QAction *about;
    QAction *aboutQt;

    // Undo and Redo say what they would undo and redo, enabled when there is something to undo
    // or redo and the session can be changed.
    void showUndoState(const QUndoStack &stack, bool editable);
    // The actions that move from frame to frame or change it: disabled while playing.
    QList<QAction *> steppingFrames() const;
    // The zoom checked in the View menu: a level, or StageView::fitZoom.
    void showZoom(int zoom);

    // The actions that change the session: disabled while it cannot be changed.
    QList<QAction *> changingSession() const;
    // The Patch menu's actions.
    QList<QAction *> patching() const;
    // Every action with a key, as an HTML table of what it does and its keys (Help → Keyboard
    // Shortcuts), in menu order.
    QString shortcutsTable() const;

private:
    QAction *add(QMenu *menu, const QString &name, const QString &text,
                 const QList<QKeySequence> &keys = {});
    void addFileMenu();
    void addEditMenu();
    void addFrameMenu();
    void addViewMenu();
    void addOnionSkinMenu(QMenu *view);
    void addPlayMenu();
    // View → Overlays.
    void addOverlayMenu(QMenu *view);
    void addCompareMenu();
    void addPatchMenu();
    void addHelpMenu();

    QMainWindow *m_window;
};
