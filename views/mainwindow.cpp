#include "mainwindow.h"

#include "closeguard.h"
#include "commitflow.h"
#include "filmstrip.h"
#include "inspectorpanel.h"
#include "messagebox.h"
#include "pipelinenews.h"
#include "preferencesdialog.h"
#include "readonlybanner.h"
#include "recentruns.h"
#include "recentrunsmenu.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "runopener.h"
#include "savestateindicator.h"
#include "stageview.h"
#include "theme.h"
#include "windowactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_manager(new SessionManager(this, SessionManager::Saving::Background)),
      m_controller(new ReviewController(m_manager, this)),
      m_model(new FrameListModel(m_manager, this)), m_images(m_manager)
{
    setWindowTitle(tr("Director"));
    setObjectName(QStringLiteral("mainWindow"));
    buildLayout();
    m_actions = new WindowActions(this);
    m_opener = new RunOpener(m_manager, this);
    m_rememberFrame = new QTimer(this);
    m_rememberFrame->setSingleShot(true);
    m_rememberFrame->setInterval(1000);
    connect(m_rememberFrame, &QTimer::timeout, this, &MainWindow::rememberFrame);
    connectSession();
    // A run the pipeline is still writing: what it writes is taken in, and said.
    new PipelineNews(m_manager, statusBar());
    m_commitFlow = new CommitFlow(m_controller, this);
    connect(m_commitFlow, &CommitFlow::failed, this, &MainWindow::report);
    m_closeGuard = new CloseGuard(m_manager, m_saveState, this, [this](int *frame) {
        *frame = m_inspector->frameIndex();
        return flushNotes();
    });
    connectActions();
    connectEditActions();

    const QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::windowGeometry).toByteArray());
    m_topSplitter->restoreState(settings.value(SettingsKeys::topSplitter).toByteArray());
    applyPreferences(Preferences::load());
    updateReadOnly();
    updateStatus();
}

MainWindow::~MainWindow() = default;

ReviewHistory *MainWindow::history() const
{
    return m_controller->history();
}

QMenu *MainWindow::recentMenu() const
{
    return m_actions->recentRuns;
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
    m_topSplitter->addWidget(m_inspector);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 1);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_topSplitter, 1);
    layout->addWidget(m_filmstrip);
    setCentralWidget(central);

    m_progress = new StatusLabel(tr("Review progress"), this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_saveState = new SaveStateIndicator(m_manager, this);
    statusBar()->addWidget(m_progress, 1);
    statusBar()->addPermanentWidget(m_saveState);
}

void MainWindow::connectSession()
{
    connect(m_filmstrip->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                const int frame = m_model->frameAtRow(index.row());
                if (frame >= 0 && frame != m_current)
                    setCurrentFrame(frame);
            });
    connect(m_manager, &SessionManager::sessionOpened, this, &MainWindow::sessionOpened);
    connect(m_manager, &SessionManager::frameChanged, this, [this](int frame) {
        // The frame and its neighbour's onion skin may have moved.
        if (frame == m_current || frame == m_current - 1 || frame == 0)
            refreshCurrent();
        updateStatus();
    });
    connect(m_manager, &SessionManager::framesAdded, this, &MainWindow::updateStatus);
    connect(m_manager, &SessionManager::sessionStatusChanged, this, [this] {
        updateReadOnly();
        updateStatus();
    });
    // The box about a failed save takes the mouse: a drag in progress would never end.
    connect(m_saveState, &SaveStateIndicator::failureTold, m_stage, &StageView::cancelDrag);
    connect(m_opener, &RunOpener::quitChosen, this, &QWidget::close);
    connect(m_controller, &ReviewController::stepped, this, &MainWindow::setCurrentFrame);
    // The stage's drag is one nudge; the stage learns whether it was made.
    m_stage->setNudger([this](int dx, int dy) {
        return m_current >= 0 && succeeded(m_controller->nudge(m_current, dx, dy));
    });
    connect(m_stage, &StageView::zoomRequested, this, &MainWindow::setZoom);
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
    connect(a.open, &QAction::triggered, this, &MainWindow::openRunDialog);
    // The same way as File → Open Run: a lock or an unreadable session asks.
    connect(a.recentRuns, &RecentRunsMenu::runChosen, this,
            [this](const QString &run) { openRun(run); });
    connect(a.saveNow, &QAction::triggered, this, &MainWindow::saveNow);
    connect(a.commit, &QAction::triggered, this, &MainWindow::commit);
    connect(a.discard, &QAction::triggered, this, &MainWindow::discard);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(a.next, &QAction::triggered, this, [this] { step(1); });
    connect(a.previous, &QAction::triggered, this, [this] { step(-1); });
    connect(a.first, &QAction::triggered, this,
            [this] { setCurrentFrame(m_model->frameAtRow(0)); });
    connect(a.last, &QAction::triggered, this,
            [this] { setCurrentFrame(m_model->frameAtRow(m_model->rowCount() - 1)); });
    connect(a.nextAttention, &QAction::triggered, this, [this] { nextNeedingAttention(1); });
    connect(a.previousAttention, &QAction::triggered, this, [this] { nextNeedingAttention(-1); });
    connect(a.editNotes, &QAction::triggered, this,
            [this] { m_inspector->notesEditor()->setFocus(); });
    for (size_t i = 0; i < a.zoom.size(); ++i) {
        const int zoom = StageView::zoomLevels[i];
        connect(a.zoom[i], &QAction::triggered, this, [this, zoom] { setZoom(zoom); });
    }
    connect(a.zoomIn, &QAction::triggered, this,
            [this] { setZoom(StageView::nextZoom(m_stage->zoom(), 1)); });
    connect(a.zoomOut, &QAction::triggered, this,
            [this] { setZoom(StageView::nextZoom(m_stage->zoom(), -1)); });
    // Checkable actions follow toggled, so that restoring them from the settings takes
    // effect too.
    connect(a.onionSkin, &QAction::toggled, this, [this](bool on) {
        m_stage->setOnionSkin(on);
        Preferences::saveOnionSkin(on);
    });
    connect(a.autoAdvance, &QAction::toggled, this, &Preferences::saveAutoAdvance);
    connect(a.shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.aboutQt, &QAction::triggered, this,
            [this] { QMessageBox::aboutQt(this, tr("About Qt")); });
}

// The actions that change the review, each through the controller.
void MainWindow::connectEditActions()
{
    const WindowActions &a = *m_actions;
    connect(a.approve, &QAction::triggered, this, [this] { verdict(true); });
    connect(a.reject, &QAction::triggered, this, [this] { verdict(false); });
    for (const WindowActions::Nudge &nudge : a.nudges) {
        connect(nudge.action, &QAction::triggered, this, [this, nudge] {
            if (m_current >= 0)
                succeeded(m_controller->nudge(m_current, nudge.dx, nudge.dy));
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
    const QUndoStack *stack = m_controller->undoStack();
    const bool editable = !m_manager->isReadOnly();
    m_actions->undo->setEnabled(stack->canUndo() && editable);
    m_actions->redo->setEnabled(stack->canRedo() && editable);
    m_actions->undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText())
                                              : tr("&Undo"));
    m_actions->redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText())
                                              : tr("&Redo"));
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

bool MainWindow::openRun(const QString &runDir, SessionManager::Access access,
                         SessionManager::Recovery recovery)
{
    succeeded(flushNotes());
    // The review open now is left only with every change on disk.
    if (m_manager->hasSession() && !m_manager->isReadOnly()) {
        if (const Outcome saves = m_manager->waitForSaves(); !saves) {
            report(Outcome::failed(tr("%1\n\nThe latest changes to this review are not saved: "
                                      "save them (File → Save Now) before opening another run.")
                                       .arg(saves.message())));
            return false;
        }
    }
    saveSettings();
    if (m_opener->open(runDir, access, recovery))
        return true;
    updateReadOnly();
    updateStatus();
    return false;
}

void MainWindow::sessionOpened()
{
    const DirectorSession &session = m_manager->session();
    setWindowTitle(
        tr("%1 · %2[*] — Director")
            .arg(session.runId, session.moveId.isEmpty() ? tr("unknown move") : session.moveId));
    RecentRuns::add(m_manager->runDir());
    m_actions->recentRuns->refresh();
    m_saveState->refresh();
    // Nothing of the previous session is kept: not its notes, not a drag, not its images
    // (another run's frames have the same paths). Here, not in openRun(): the questions of
    // RunOpener open a run later, on their own.
    m_images.clear();
    m_inspector->clear();
    m_current = -1;
    m_stageFrame = -1;
    const int remembered =
        QSettings().value(SettingsKeys::sessionFrame(session.sessionId), -1).toInt();
    setCurrentFrame(m_model->rowOfFrame(remembered) >= 0 ? remembered : m_model->frameAtRow(0));
    updateReadOnly();
    updateStatus();
}

void MainWindow::setCurrentFrame(int frameIndex)
{
    const int row = m_model->rowOfFrame(frameIndex);
    if (row < 0)
        return;
    succeeded(flushNotes());
    m_current = frameIndex;
    const QModelIndex index = m_model->index(row);
    if (m_filmstrip->currentIndex() != index) {
        m_filmstrip->setCurrentIndex(index);
        m_filmstrip->scrollTo(index);
    }
    refreshCurrent();
    // Remembered once the operator pauses (and on leaving): QSettings rewrites its file,
    // which has no place between two key presses.
    m_rememberFrame->start();
}

void MainWindow::rememberFrame()
{
    m_rememberFrame->stop();
    if (m_manager->hasSession() && m_current >= 0)
        QSettings().setValue(SettingsKeys::sessionFrame(m_manager->session().sessionId), m_current);
}

void MainWindow::refreshCurrent()
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(m_current);
    if (!frame) {
        m_stage->setFrame({}, {},
                          m_manager->hasSession() ? QString() : tr("Open a run with Ctrl+O"));
        m_stageFrame = -1;
        m_inspector->clear();
        return;
    }
    const FrameImages::Image shown = m_images.image(m_current);
    const std::optional<HumanAlignmentDelta> &alignment = frame->directorOverrides.alignment;
    const QPointF offset =
        alignment ? QPointF(alignment->userOverrideX, alignment->userOverrideY) : QPointF();
    // The same frame again (saved notes, a change to it or its neighbours) keeps a drag in
    // progress; another frame ends it.
    if (m_current == m_stageFrame)
        m_stage->refreshFrame(shown.image, offset, shown.error);
    else
        m_stage->setFrame(shown.image, offset, shown.error);
    m_stageFrame = m_current;
    const int previousRow = m_model->rowOfFrame(m_current) - 1;
    const int anchor = m_model->frameAtRow(0);
    m_stage->setOnionFrames(previousRow >= 0 ? m_images.placed(m_model->frameAtRow(previousRow))
                                             : QImage(),
                            anchor != m_current ? m_images.placed(anchor) : QImage());
    const AnchorAnalysis &a = m_manager->run().anchor;
    m_stage->setBaseline(a.present && !shown.image.isNull() && a.imageSize.height() > 0
                             ? a.baselineY * shown.image.height() / a.imageSize.height()
                             : -1.0);
    m_inspector->showFrame(*frame);
}

void MainWindow::updateStatus()
{
    if (!m_manager->hasSession()) {
        m_progress->setStatus(tr("No run open"));
        return;
    }
    int approved = 0;
    int warn = 0;
    int fail = 0;
    for (const DirectorFrameState &frame : m_manager->session().frames) {
        approved += frame.status == FrameStatus::Approved;
        warn += frame.status == FrameStatus::AuditWarn;
        fail += frame.status == FrameStatus::AuditFail;
    }
    m_progress->setStatus(tr("%1 / %2 approved · %3 warn · %4 fail")
                              .arg(approved)
                              .arg(m_manager->session().frames.size())
                              .arg(warn)
                              .arg(fail));
}

void MainWindow::updateReadOnly()
{
    const bool readOnly = m_manager->isReadOnly();
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
        statusBar()->showMessage(outcome.message(), 5000);
    }
}

bool MainWindow::succeeded(const Outcome &outcome)
{
    if (!outcome)
        report(outcome);
    return outcome.isOk();
}

void MainWindow::verdict(bool approve)
{
    if (m_current < 0)
        return;
    const Outcome outcome =
        approve ? m_controller->approve(m_current) : m_controller->reject(m_current);
    if (succeeded(outcome) && m_actions->autoAdvance->isChecked())
        step(1);
}

void MainWindow::step(int delta)
{
    const int row = m_model->rowOfFrame(m_current) + delta;
    if (row >= 0 && row < m_model->rowCount())
        setCurrentFrame(m_model->frameAtRow(row));
}

void MainWindow::nextNeedingAttention(int direction)
{
    const int frame = m_controller->nextNeedingAttention(m_current, direction);
    if (frame < 0)
        statusBar()->showMessage(tr("Every frame is approved."), 4000);
    else
        setCurrentFrame(frame);
}

void MainWindow::commit()
{
    if (m_manager->hasSession() && !m_manager->isReadOnly() && succeeded(flushNotes()))
        m_commitFlow->commit();
}

void MainWindow::discard()
{
    if (m_manager->hasSession() && !m_manager->isReadOnly())
        m_commitFlow->discard();
}

void MainWindow::openRunDialog()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open Run"), m_manager->runDir());
    if (!dir.isEmpty())
        openRun(dir);
}

void MainWindow::showShortcuts()
{
    MessageBox::Message shortcuts{QMessageBox::NoIcon,
                                  tr("Keyboard Shortcuts"),
                                  m_actions->shortcutsTable(),
                                  {MessageBox::Close}};
    MessageBox::open(this, shortcuts);
}

void MainWindow::showAbout()
{
    MessageBox::Message about{
        QMessageBox::NoIcon,
        tr("About Director"),
        tr("<h3>Director %1</h3>"
           "<p>Review the frames of an AI-generated sprite animation: approve, reject, nudge and "
           "annotate them, then commit the approved frames.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QStringLiteral(DIRECTOR_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())),
        {MessageBox::Close}};
    about.format = Qt::RichText;
    if (!windowIcon().isNull())
        about.iconPixmap = windowIcon().pixmap(64);
    MessageBox::open(this, about);
}

void MainWindow::setZoom(int zoom)
{
    m_stage->setZoom(zoom);
    for (size_t i = 0; i < m_actions->zoom.size(); ++i)
        m_actions->zoom[i]->setChecked(StageView::zoomLevels[i] == m_stage->zoom());
    Preferences::saveZoom(m_stage->zoom());
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    setZoom(preferences.zoom);
    m_stage->setOnionOpacities(preferences.onionPreviousOpacity / 100.0,
                               preferences.onionAnchorOpacity / 100.0);
    m_actions->onionSkin->setChecked(preferences.onionSkin);
    m_actions->autoAdvance->setChecked(preferences.autoAdvance);
}

void MainWindow::showPreferences()
{
    // One dialog: Ctrl+, again brings it forward.
    if (auto *open = findChild<PreferencesDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PreferencesDialog(Preferences::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences preferences = dialog->preferences();
        preferences.save();
        applyPreferences(preferences);
        Theme::apply(preferences.theme);
    });
    dialog->open();
}

void MainWindow::saveSettings()
{
    rememberFrame();
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::topSplitter, m_topSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeGuard->mayClose())
        return event->ignore();
    saveSettings();
    m_manager->close();
    event->accept();
}
