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
    std::array<QAction *, 4> zoom; // StageView::zoomLevels, in order
    QAction *zoomIn;
    QAction *zoomOut;
    QAction *onionSkin;
    QAction *autoAdvance;
    // Compare (checkable; one of each group is checked)
    QAction *compareOff;
    QAction *compareSideBySide;
    QAction *compareWipe;
    QAction *compareDifference;
    QAction *referenceAnchor;
    QAction *referencePrevious;
    QAction *referenceAttempt;
    // Help
    QAction *shortcuts;
    QAction *about;
    QAction *aboutQt;

    // Undo and Redo say what they would undo and redo, enabled when there is something to undo
    // or redo and the session can be changed.
    void showUndoState(const QUndoStack &stack, bool editable);
    // The zoom level checked in the View menu.
    void showZoom(int zoom);

    // The actions that change the session: disabled while it cannot be changed.
    QList<QAction *> changingSession() const;
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
    void addCompareMenu();
    void addHelpMenu();

    QMainWindow *m_window;
};
