#include "mainwindow.h"

#include "auditpresenter.h"
#include "closeguard.h"
#include "commitflow.h"
#include "comparemode.h"
#include "exportactions.h"
#include "filterpresenter.h"
#include "helpboxes.h"
#include "inspectorpanel.h"
#include "lastframe.h"
#include "messagebox.h"
#include "motionplot.h"
#include "patchpresenter.h"
#include "pipelinenews.h"
#include "playbackbar.h"
#include "playbackpresenter.h"
#include "preferencesdialog.h"
#include "readonlybanner.h"
#include "recentruns.h"
#include "recentrunsmenu.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "review/statuskeeper.h"
#include "reviewprogress.h"
#include "runopener.h"
#include "savestateindicator.h"
#include "stagecontrols.h"
#include "stagepresenter.h"
#include "stageview.h"
#include "verdictflow.h"
#include "windowactions.h"
#include "windowplacement.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_manager(new SessionManager(this, SessionManager::Saving::Background)),
      m_controller(new ReviewController(m_manager, this)),
      m_model(new FrameListModel(m_manager, this))
{
    setWindowTitle(tr("Director"));
    setObjectName(QStringLiteral("mainWindow"));
    m_actions = new WindowActions(this);
    buildLayout();
    m_presenter = std::make_unique<StagePresenter>(m_manager, m_model, m_stage, m_inspector);
    m_stageControls = new StageControls(m_stage, *m_actions, this);
    m_playback = new PlaybackPresenter({m_manager, m_stage, m_presenter.get(), m_actions,
                                        m_playbackBar, [this] { return m_current; }},
                                       this);
    connect(m_playback, &PlaybackPresenter::paused, this, [this](int frame) {
        setCurrentFrame(frame);
        updateReadOnly();
    });
    m_audit->connectTo(*m_actions, m_presenter.get(), [this](int f) { setCurrentFrame(f); });
    new CompareMode(this, m_topSplitter);
    m_opener = new RunOpener(m_manager, this);
    m_lastFrame = new LastFrame(this);
    connectSession();
    // A run the pipeline is still writing: what it writes is taken in, and said.
    new PipelineNews(m_manager, statusBar(), this);
    m_statusKeeper = new StatusKeeper(m_manager, this); // for the next `director status`
    m_commitFlow = new CommitFlow(m_controller, this);
    connect(m_commitFlow, &CommitFlow::failed, this, &MainWindow::report);
    m_closeGuard = new CloseGuard(m_manager, m_saveState, this, [this](int *frame) {
        *frame = m_inspector->frameIndex();
        return flushNotes();
    });
    connectActions();
    connectEditActions();
    new PatchPresenter(this);  // after connectSession(): it follows the current frame set there
    new FilterPresenter(this); // the filter bar over the filmstrip; after the session's parts

    const QSettings settings;
    WindowPlacement::restoreOrPlace(this,
                                    settings.value(SettingsKeys::windowGeometry).toByteArray());
    m_topSplitter->restoreState(settings.value(SettingsKeys::topSplitter).toByteArray());
    applyPreferences(Preferences::load());
    updateReadOnly();
}

MainWindow::~MainWindow()
{
    // The children (manager, undo stack …) die after this window's parts: none may call back.
    disconnect(m_controller->undoStack(), nullptr, this, nullptr);
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

ReviewHistory *MainWindow::history() const
{
    return m_controller->history();
}

void MainWindow::buildLayout()
{
    m_stage = new StageView(this);
    m_stage->setObjectName(QStringLiteral("stage"));
    m_inspector = new InspectorPanel(this);
    m_inspector->setObjectName(QStringLiteral("inspector"));
    m_filmstrip = new Filmstrip(m_model, this);
    m_banner = new ReadOnlyBanner(this);
    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->setObjectName(QStringLiteral("topSplitter"));
    m_topSplitter->addWidget(m_stage);
    // The inspector scrolls rather than making the window taller than a small screen.
    auto *inspectorArea = new QScrollArea(this);
    inspectorArea->setWidget(m_inspector);
    inspectorArea->setWidgetResizable(true);
    inspectorArea->setFrameShape(QFrame::NoFrame);
    inspectorArea->setAccessibleName(tr("Inspector"));
    m_topSplitter->addWidget(inspectorArea);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 1);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_topSplitter, 1);
    layout->addWidget(m_playbackBar = new PlaybackBar(*m_actions, this));
    layout->addWidget(m_filmstrip);
    m_audit = new AuditPresenter(m_manager, m_model, m_stage, m_inspector, this);
    layout->addWidget(m_audit->plot());
    setCentralWidget(central);

    m_progress = new ReviewProgress(m_manager, this);
    m_saveState = new SaveStateIndicator(m_manager, this);
    statusBar()->addWidget(m_progress, 1);
    statusBar()->addPermanentWidget(m_saveState);
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        if (message != statusBar()->toolTip())
            statusBar()->setToolTip(QString()); // the long message it told is gone
    });
}

void MainWindow::connectSession()
{
    connect(m_filmstrip->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                const int frame = m_filmstrip->frameAt(index.row());
                if (frame >= 0 && frame != m_current)
                    setCurrentFrame(frame);
            });
    connect(m_manager, &SessionManager::sessionOpened, this, &MainWindow::sessionOpened);
    connect(m_manager, &SessionManager::frameChanged, this, [this](int frame) {
        // The frame or its onion skin (its neighbours, the anchor) may have moved.
        if (!m_playback->isPlaying() && m_presenter->shows(m_current, frame))
            m_presenter->show(m_current);
    });
    connect(m_manager, &SessionManager::framesChanged, this, [this] {
        if (!m_playback->isPlaying())
            m_presenter->show(m_current); // a batch: the current frame is most likely in it
    });
    // A frame the pipeline adds after the current one is its next frame in the onion skin.
    connect(m_manager, &SessionManager::framesAdded, this, [this](const QList<int> &frames) {
        if (!m_playback->isPlaying() &&
            std::any_of(frames.cbegin(), frames.cend(),
                        [this](int frame) { return m_presenter->shows(m_current, frame); }))
            m_presenter->show(m_current);
    });
    connect(m_manager, &SessionManager::sessionStatusChanged, this, &MainWindow::updateReadOnly);
    // The box about a failed save takes the mouse: a drag in progress would never end.
    connect(m_saveState, &SaveStateIndicator::failureTold, m_stage, &StageView::cancelDrag);
    connect(m_opener, &RunOpener::quitChosen, this, &QWidget::close);
    // An answer to its questions opens the run the way File → Open does.
    connect(m_opener, &RunOpener::openRequested, this,
            [this](const QString &runDir, SessionManager::Access access,
                   SessionManager::Recovery recovery) { startOpening(runDir, access, recovery); });
    connect(m_opener, &RunOpener::openingStarted, this, &MainWindow::openingStarted);
    connect(m_opener, &RunOpener::openingProgress, this, &MainWindow::openingProgress);
    connect(m_opener, &RunOpener::openingEnds, this, &MainWindow::openingEnds);
    connect(m_opener, &RunOpener::finished, this, [this](bool opened) {
        if (!opened)
            updateReadOnly();
        emit openFinished(opened);
    });
    connect(m_controller, &ReviewController::undoneOrRedone, this, &MainWindow::setCurrentFrame);
    // The stage's drag is one nudge; the stage learns whether it was made.
    m_stage->setNudger([this](int dx, int dy) {
        return m_current >= 0 &&
               succeeded(m_controller->nudgeFrames(m_filmstrip->selectedFrames(m_current), dx, dy));
    });
    // Notes still waiting for the typing pause are saved before the drag, not in the middle
    // of it; the drag is undone after them.
    connect(m_stage, &StageView::dragStarted, this, [this] { succeeded(flushNotes()); });
    // Esc in the notes saves them and gives the keys back to culling.
    connect(m_inspector, &InspectorPanel::leaveNotesRequested, m_stage,
            [this] { m_stage->setFocus(); });
    connect(m_inspector, &InspectorPanel::notesEdited, this,
            [this](int frame, const QString &notes) {
                succeeded(m_controller->setNotes(frame, notes));
            });
}

void MainWindow::connectActions()
{
    const WindowActions &a = *m_actions;
    connect(a.open, &QAction::triggered, m_opener, &RunOpener::askForRun);
    // The same way as File → Open Run: a lock or an unreadable session asks.
    connect(a.recentRuns, &RecentRunsMenu::runChosen, this,
            [this](const QString &run) { startOpening(run); });
    connect(a.saveNow, &QAction::triggered, this, &MainWindow::saveNow);
    connect(a.commit, &QAction::triggered, this, [this] {
        if (succeeded(flushNotes()))
            m_commitFlow->commit();
    });
    connect(a.discard, &QAction::triggered, m_commitFlow, &CommitFlow::discard);
    ExportActions::connect(a, m_manager, this);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.preferences, &QAction::triggered, this, [this] {
        PreferencesDialog::showFor(this, [this](const Preferences &p) { applyPreferences(p); });
    });
    connect(a.next, &QAction::triggered, this, [this] { step(1); });
    connect(a.previous, &QAction::triggered, this, [this] { step(-1); });
    connect(a.first, &QAction::triggered, this,
            [this] { setCurrentFrame(m_filmstrip->frameAt(0)); });
    connect(a.last, &QAction::triggered, this, [this] {
        setCurrentFrame(m_filmstrip->frameAt(m_filmstrip->model()->rowCount() - 1));
    });
    connect(a.editNotes, &QAction::triggered, this,
            [this] { m_inspector->notesEditor()->setFocus(); });
    connect(a.autoAdvance, &QAction::toggled, this, &Preferences::saveAutoAdvance);
    HelpBoxes::connectTo(this, a);
}

// The actions that change the review, each through the controller.
void MainWindow::connectEditActions()
{
    const WindowActions &a = *m_actions;
    new VerdictFlow(this, [this](const Outcome &outcome) { return succeeded(outcome); });
    for (const WindowActions::Nudge &nudge : a.nudges) {
        connect(nudge.action, &QAction::triggered, this, [this, nudge] {
            if (m_current >= 0)
                succeeded(m_controller->nudgeFrames(m_filmstrip->selectedFrames(m_current),
                                                    nudge.dx, nudge.dy));
        });
    }
    connect(a.clearNudge, &QAction::triggered, this, [this] {
        if (m_current >= 0)
            succeeded(m_controller->clearNudge(m_current));
    });
    // Notes still waiting for the typing pause are saved first: they are the latest change.
    connect(a.undo, &QAction::triggered, this, [this] {
        if (succeeded(flushNotes()))
            succeeded(m_controller->undo());
    });
    connect(a.redo, &QAction::triggered, this, [this] {
        if (succeeded(flushNotes()))
            succeeded(m_controller->redo());
    });
    QUndoStack *stack = m_controller->undoStack();
    connect(stack, &QUndoStack::indexChanged, this, &MainWindow::updateUndoActions);
    connect(stack, &QUndoStack::cleanChanged, this, &MainWindow::updateUndoActions);
    updateUndoActions();
}

void MainWindow::updateUndoActions()
{
    m_actions->showUndoState(*m_controller->undoStack(), !m_manager->isReadOnly() && !m_opening);
}

Outcome MainWindow::flushNotes()
{
    if (!m_inspector->hasUnsavedNotes())
        return Outcome::ok();
    const int frameIndex = m_inspector->frameIndex();
    return m_controller->setNotes(frameIndex, m_inspector->takeNotes());
}

void MainWindow::saveNow()
{
    if (!m_manager->hasSession() || m_manager->isReadOnly() || !succeeded(flushNotes()))
        return;
    if (m_manager->saveState() != SessionManager::SaveState::Failed) {
        statusBar()->showMessage(tr("Every change is saved, or being saved."), 3000);
        return;
    }
    succeeded(m_manager->retrySave());
}

void MainWindow::startOpening(const QString &runDir, SessionManager::Access access,
                              SessionManager::Recovery recovery)
{
    // While a run is being opened nothing can change the review open now: it was left with
    // every change on disk when that open began.
    if (!m_opener->isOpening()) {
        succeeded(flushNotes());
        // The review open now is left only with every change on disk.
        if (const Outcome saved = m_opener->leaveOpenReview(); !saved) {
            report(saved);
            emit openFinished(false);
            return;
        }
        saveSettings();
        m_statusKeeper->keepNow(); // the review left, as saved
    }
    m_opener->open(runDir, access, recovery);
}

bool MainWindow::openRun(const QString &runDir, SessionManager::Access access,
                         SessionManager::Recovery recovery)
{
    startOpening(runDir, access, recovery);
    return m_opener->isOpening() && m_opener->waitForOpen();
}

bool MainWindow::isOpening() const
{
    return m_opener->isOpening();
}

QString MainWindow::runShown() const
{
    if (m_opener->isOpening())
        return m_opener->openingRun();
    return m_manager->hasSession() ? m_manager->runDir() : QString();
}

void MainWindow::openingStarted(const QString &runDir)
{
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(runDir).fileName()));
    if (m_opening)
        return;
    m_opening = true;
    m_controller->setOpening(true);
    m_playback->pause();
    m_stage->cancelDrag();
    const WindowActions &a = *m_actions;
    QList<QAction *> held = a.changingSession() + a.patching();
    held += {a.paintMask, a.undo, a.redo, a.saveNow, a.playPause};
    for (QAction *action : std::as_const(held)) {
        m_heldActions.append({action, action->isEnabled()});
        action->setEnabled(false);
    }
    m_stage->setEditable(false);
    m_inspector->setEditable(false);
}

void MainWindow::openingProgress(const QString &runDir, int framesRead, int frameCount)
{
    statusBar()->showMessage(tr("Opening %1… %L2 of %L3 frames read")
                                 .arg(QFileInfo(runDir).fileName())
                                 .arg(framesRead)
                                 .arg(frameCount));
}

void MainWindow::openingEnds()
{
    if (!m_opening)
        return;
    m_opening = false;
    m_controller->setOpening(false);
    for (const auto &[action, enabled] : std::as_const(m_heldActions))
        action->setEnabled(enabled);
    m_heldActions.clear();
    statusBar()->clearMessage();
    updateReadOnly();
}

void MainWindow::sessionOpened()
{
    const DirectorSession &session = m_manager->session();
    RecentRuns::add(m_manager->runDir());
    m_actions->recentRuns->refresh();
    m_saveState->refresh();
    // Nothing of the previous session is kept: not its notes, not a drag, not its images
    // (another run's frames have the same paths). Here, not in openRun(): the questions of
    // RunOpener open a run later, on their own.
    m_presenter->reset();
    m_inspector->clear();
    m_current = -1;
    const int remembered = LastFrame::of(session.sessionId);
    setCurrentFrame(m_model->rowOfFrame(remembered) >= 0 ? remembered : m_model->frameAtRow(0));
    updateReadOnly();
    // The keys go to the frames (not to whichever table of the inspector was focused last).
    m_filmstrip->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setCurrentFrame(int frameIndex)
{
    if (m_model->rowOfFrame(frameIndex) < 0)
        return;
    succeeded(flushNotes());
    m_current = frameIndex;
    m_filmstrip->showFrame(frameIndex);
    m_presenter->show(m_current);
    m_lastFrame->remember(m_manager->session().sessionId, frameIndex);
}

void MainWindow::updateReadOnly()
{
    const bool readOnly = m_manager->isReadOnly() || m_opening;
    if (m_manager->hasSession()) {
        // Two windows on one run (one of them read-only) are told apart by their titles too.
        const DirectorSession &session = m_manager->session();
        const QString move = session.moveId.isEmpty() ? tr("unknown move") : session.moveId;
        setWindowTitle(m_manager->isReadOnly()
                           ? tr("%1 · %2 (read-only)[*] — Director").arg(session.runId, move)
                           : tr("%1 · %2[*] — Director").arg(session.runId, move));
    }
    m_banner->showFor(*m_manager);
    m_stage->setEditable(!readOnly);
    m_inspector->setEditable(!readOnly);
    for (QAction *action : m_actions->changingSession())
        action->setEnabled(!readOnly);
    updateUndoActions();
}

void MainWindow::report(const Outcome &outcome)
{
    if (outcome.kind() == Outcome::Kind::Failed) {
        // The box takes the mouse: a drag in progress would never see its end.
        m_stage->cancelDrag();
        MessageBox::open(this, {QMessageBox::Critical, tr("Director"), outcome.message()});
    } else {
        // A message longer than the status bar shows (a batch naming the frames it refused)
        // stays longer, its whole text the status bar's tool tip meanwhile.
        const QString message = outcome.message();
        const bool fits =
            statusBar()->fontMetrics().horizontalAdvance(message) <= statusBar()->width() * 3 / 4;
        statusBar()->setToolTip(fits ? QString() : message);
        statusBar()->showMessage(message, fits ? 5000 : 30000);
    }
}

bool MainWindow::succeeded(const Outcome &outcome)
{
    if (!outcome)
        report(outcome);
    return outcome.isOk();
}

void MainWindow::step(int delta)
{
    if (const int frame = m_filmstrip->frameAfter(m_current, delta); frame >= 0)
        setCurrentFrame(frame);
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_stageControls->apply(preferences);
    m_actions->autoAdvance->setChecked(preferences.autoAdvance);
    m_audit->applyPreferences(preferences);
    m_controller->setReviewer(preferences.reviewer);
}

void MainWindow::saveSettings()
{
    m_lastFrame->flush();
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::topSplitter, m_topSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeGuard->mayClose())
        return event->ignore();
    // An open under way is dropped: nothing adopted, its lock given back once its step ends
    // (the opener's destructor waits for it).
    m_opener->cancel();
    saveSettings();
    m_statusKeeper->keepNow(); // what is due, of the session as saved, before it closes
    m_manager->close();
    event->accept();
}
