#pragma once

#include "filmstrip.h"
#include "preferences.h"
#include "review/sessionmanager.h"

#include <QMainWindow>

#include <memory>

class AuditPresenter;
class CloseGuard;
class StatusKeeper;
class CommitFlow;
class FrameListModel;
class InspectorPanel;
class ReadOnlyBanner;
class QSplitter;
class LastFrame;
class PlaybackBar;
class PlaybackPresenter;
class ReviewController;
class ReviewHistory;
class ReviewProgress;
class RunOpener;
class SaveStateIndicator;
class StageControls;
class StagePresenter;
class StageView;
class WindowActions;

// The review window: it lays out the filmstrip, the stage, the inspector and the status bar,
// and wires them to the review's rooms: ReviewController (every edit, undoable),
// WindowActions (menus and keys), RunOpener (opening a run, and the questions when it cannot),
// SaveStateIndicator (what is on disk). The screen shows what is saved.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a run: resumes or creates its session, once every change to the review open now
    // is on disk. The run folder and the session file are read off the GUI thread
    // (RunOpener): this returns at once, the status bar says "Opening …", and nothing can
    // change a review until the session is adopted; openFinished() then says whether it
    // opened. When another Director holds the run, or the session file cannot be read, a
    // question asks what to do (without blocking). When it does not open, the review open
    // before, if any, stays open and usable. An open while one is under way cancels that
    // one and opens this run after it.
    void startOpening(const QString &runDir,
                      SessionManager::Access access = SessionManager::Access::ReadWrite,
                      SessionManager::Recovery recovery = SessionManager::Recovery::None);
    // startOpening(), then waits for it here: true when the run opened (the benchmarks, the
    // screenshots and tests that need the run open before they go on).
    bool openRun(const QString &runDir,
                 SessionManager::Access access = SessionManager::Access::ReadWrite,
                 SessionManager::Recovery recovery = SessionManager::Recovery::None);
    // A run is being opened.
    bool isOpening() const;
    // The run this window is opening, else the one it shows (as it was given); empty when none.
    // The operator may open another run in the window (File → Open, Open Recent) at any time.
    QString runShown() const;
    RunOpener *opener() const { return m_opener; }

    SessionManager *manager() const { return m_manager; }
    ReviewController *controller() const { return m_controller; }
    ReviewHistory *history() const;
    FrameListModel *model() const { return m_model; }
    StageView *stage() const { return m_stage; }
    Filmstrip *filmstrip() const { return m_filmstrip; }
    InspectorPanel *inspector() const { return m_inspector; }
    AuditPresenter *audit() const { return m_audit; }
    const WindowActions &actions() const { return *m_actions; }
    PlaybackPresenter *playback() const { return m_playback; }
    PlaybackBar *playbackBar() const { return m_playbackBar; }

    int currentFrame() const { return m_current; }
    void setCurrentFrame(int frameIndex);

    // Applies the preferences that belong to the window: zoom, onion skin, its layers and
    // their opacities, auto-advance (the theme is the application's: Theme).
    void applyPreferences(const Preferences &preferences);

signals:
    // An open started by startOpening() ended: the run opened (its session is shown), or not
    // (a question or a message is on its way). Not emitted for an open that was cancelled.
    void openFinished(bool opened);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLayout();
    void connectSession();
    void connectActions();
    void connectEditActions();
    void sessionOpened();
    // An open began: the window says so, and what changes a review is disabled.
    void openingStarted(const QString &runDir);
    void openingProgress(const QString &runDir, int framesRead, int frameCount);
    // It ends (just before its session is adopted or its failure said): as before.
    void openingEnds();
    void saveNow();
    void updateReadOnly();
    void updateUndoActions();
    void saveSettings();
    // Saves the notes in the inspector now: typed ones still waiting for the typing pause, or
    // ones a failed save left unsaved.
    Outcome flushNotes();
    // True when the outcome is Ok; otherwise reports it.
    bool succeeded(const Outcome &outcome);
    void report(const Outcome &outcome);

    void step(int delta);

    SessionManager *m_manager;
    ReviewController *m_controller;
    FrameListModel *m_model;
    std::unique_ptr<StagePresenter> m_presenter;
    StageView *m_stage;
    Filmstrip *m_filmstrip;
    InspectorPanel *m_inspector;
    AuditPresenter *m_audit;
    QSplitter *m_topSplitter;
    ReadOnlyBanner *m_banner;
    ReviewProgress *m_progress;
    SaveStateIndicator *m_saveState;
    WindowActions *m_actions;
    StageControls *m_stageControls;
    RunOpener *m_opener;
    CommitFlow *m_commitFlow;
    CloseGuard *m_closeGuard;
    StatusKeeper *m_statusKeeper;
    int m_current = -1;
    LastFrame *m_lastFrame;
    PlaybackBar *m_playbackBar;
    PlaybackPresenter *m_playback;
    // While a run is being opened: the actions disabled then, each with whether it was enabled.
    QList<std::pair<QAction *, bool>> m_heldActions;
    bool m_opening = false;
};
