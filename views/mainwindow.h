#pragma once

#include "preferences.h"
#include "review/sessionmanager.h"

#include <QHash>
#include <QImage>
#include <QMainWindow>
#include <QPointer>

class FrameListModel;
class InspectorPanel;
class QAction;
class QLabel;
class QListView;
class QMenu;
class QMessageBox;
class QSplitter;
class QTimer;
class ReviewHistory;
class StageView;

// The review window: filmstrip, stage, inspector, status bar. Every action
// goes through ReviewHistory (undoable) and the SessionManager (rules, save);
// the screen shows what is saved.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a run: resumes or creates its session. When another Director
    // holds the run, or the session file cannot be read, a dialog asks what
    // to do (without blocking). True when the run opened; otherwise the
    // review open before, if any, stays open and usable.
    bool openRun(const QString &runDir,
                 SessionManager::Access access = SessionManager::Access::ReadWrite,
                 SessionManager::Recovery recovery = SessionManager::Recovery::None);

    SessionManager *manager() const { return m_manager; }
    FrameListModel *model() const { return m_model; }
    ReviewHistory *history() const { return m_history; }
    StageView *stage() const { return m_stage; }
    QListView *filmstrip() const { return m_filmstrip; }
    InspectorPanel *inspector() const { return m_inspector; }

    int currentFrame() const { return m_current; }
    void setCurrentFrame(int frameIndex);

    // File → Open Recent, as it is now (it is made again each time it opens).
    QMenu *recentMenu() const { return m_recentMenu; }
    // Applies the preferences that belong to the window: zoom, onion skin and
    // its opacities, auto-advance (the theme is the application's: Theme).
    void applyPreferences(const Preferences &preferences);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void sessionOpened();
    void recover(const QString &runDir, int choice);
    void showSaveState();
    void tellSaveFailed(const QString &message);
    QString saveFailedText(const QString &message) const;
    void saveNow();
    void refreshCurrent();
    void updateStatus();
    void updateReadOnly();
    void saveSettings();
    void rememberFrame();
    QImage frameImage(int frameIndex, QString *error);
    QImage placedFrame(int frameIndex);
    bool apply(const FrameEdit &edit, const QString &text);
    // Saves the notes of a frame when they differ from the session's.
    Outcome saveNotes(int frameIndex, const QString &notes);
    // Saves the notes in the inspector now: typed ones still waiting for the
    // typing pause, or ones a failed save left unsaved.
    Outcome flushNotes();
    // The one question before closing with something unsaved: Close Anyway,
    // Cancel, and (offerRetry) Try Again.
    void askToClose(const QString &title, const QString &text, const QString &name,
                    bool offerRetry);
    void report(const Outcome &outcome);

    void approve();
    void reject();
    void step(int delta);
    void nextNeedingAttention(int direction);
    void nudge(int dx, int dy);
    void clearNudge();
    void undo();
    void redo();
    void commit();
    void runCommit();
    void discard();
    void openRunDialog();
    void updateRecentMenu();
    void showPreferences();
    void showShortcuts();
    void showAbout();
    void setZoom(int zoom);

    SessionManager *m_manager;
    FrameListModel *m_model;
    ReviewHistory *m_history;
    StageView *m_stage;
    QListView *m_filmstrip;
    InspectorPanel *m_inspector;
    QSplitter *m_topSplitter;
    QLabel *m_banner;
    QLabel *m_progress;
    QLabel *m_saveState;
    QMenu *m_recentMenu;
    QHash<QString, QAction *> m_actions;
    QHash<QString, QImage> m_images; // by image path
    int m_current = -1;
    int m_stageFrame = -1;      // the frame the stage shows
    bool m_closeAnyway = false; // the operator chose to close with something unsaved
    bool m_closing = false;     // closing waits for the saves: it asks, no other box
    QPointer<QMessageBox> m_closeQuestion;
    QPointer<QMessageBox> m_saveFailedBox;
    QTimer *m_rememberFrame;
};
