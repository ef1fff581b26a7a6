#include "mainwindow.h"

#include "commit/commitexporter.h"
#include "framedelegate.h"
#include "inspectorpanel.h"
#include "preferencesdialog.h"
#include "recentruns.h"
#include "review/framelistmodel.h"
#include "review/reviewhistory.h"
#include "run/imageloader.h"
#include "run/runpaths.h"
#include "run/runwatcher.h"
#include "session/timestamps.h"
#include "sessionproblemdialog.h"
#include "stageview.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// A label of the status bar: its text, and its accessible name "what: text",
// so that a screen reader says what the text is about.
void showStatusText(QLabel *label, const QString &what, const QString &text)
{
    label->setText(text);
    label->setAccessibleName(text.isEmpty() ? what : MainWindow::tr("%1: %2").arg(what, text));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_manager(new SessionManager(this, SessionManager::Saving::Background)),
      m_model(new FrameListModel(m_manager, this)), m_history(new ReviewHistory(m_manager, this))
{
    setWindowTitle(tr("Director"));
    setObjectName(QStringLiteral("mainWindow"));

    m_stage = new StageView(this);
    m_stage->setObjectName(QStringLiteral("stage"));
    m_inspector = new InspectorPanel(this);
    m_inspector->setObjectName(QStringLiteral("inspector"));
    m_filmstrip = new QListView(this);
    m_filmstrip->setObjectName(QStringLiteral("filmstrip"));
    m_filmstrip->setAccessibleName(tr("Filmstrip"));
    m_filmstrip->setAccessibleDescription(
        tr("Every frame of the run with its status. Select one to show it on the stage."));
    m_filmstrip->setModel(m_model);
    m_filmstrip->setItemDelegate(new FrameDelegate(m_filmstrip));
    m_filmstrip->setFlow(QListView::LeftToRight);
    m_filmstrip->setWrapping(false);
    m_filmstrip->setUniformItemSizes(true);
    m_filmstrip->setSelectionMode(QAbstractItemView::SingleSelection);
    m_filmstrip->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_filmstrip->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_filmstrip->setMouseTracking(true);
    const QSize cell = FrameDelegate().sizeHint({}, {});
    m_filmstrip->setFixedHeight(cell.height() +
                                m_filmstrip->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setStyleSheet(QStringLiteral("background: #5d4037; color: white;"));
    m_banner->setAccessibleDescription(tr("Why this review cannot be changed"));
    m_banner->hide();

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

    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_saveState = new QLabel(this);
    m_saveState->setObjectName(QStringLiteral("saveState"));
    m_progress->setAccessibleName(tr("Review progress"));
    m_saveState->setAccessibleName(tr("Save state"));
    statusBar()->addWidget(m_progress, 1);
    statusBar()->addPermanentWidget(m_saveState);

    m_rememberFrame = new QTimer(this);
    m_rememberFrame->setSingleShot(true);
    m_rememberFrame->setInterval(1000);
    connect(m_rememberFrame, &QTimer::timeout, this, &MainWindow::rememberFrame);

    createActions();

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
    // A run the pipeline is still writing: what it writes is taken in.
    auto *watcher = new RunWatcher(m_manager, this);
    connect(watcher, &RunWatcher::ingested, this, [this](int changed, int added) {
        const QString updated = tr("%n frame(s) updated", nullptr, changed);
        statusBar()->showMessage(added > 0
                                     ? tr("From the pipeline: %1, %2.")
                                           .arg(tr("%n new frame(s)", nullptr, added), updated)
                                     : tr("From the pipeline: %1.").arg(updated),
                                 5000);
    });
    // Files the pipeline has begun but not finished: said, not taken as broken.
    connect(watcher, &RunWatcher::waiting, this, [this](const QList<int> &frames) {
        QStringList numbers;
        for (const int frame : frames.mid(0, 5))
            numbers.append(QString::number(frame));
        if (frames.size() > 5)
            numbers.append(QStringLiteral("…"));
        statusBar()->showMessage(
            tr("Waiting for the pipeline to finish writing the files of %n frame(s): %1", nullptr,
               int(frames.size()))
                .arg(numbers.join(QStringLiteral(", "))),
            5000);
    });
    // Files the pipeline wrote that no session can take: named.
    connect(watcher, &RunWatcher::leftOut, this, [this](const QStringList &what) {
        statusBar()->showMessage(tr("Not taken in from the pipeline: %1")
                                     .arg(what.mid(0, 3).join(QStringLiteral("; ")) +
                                          (what.size() > 3 ? QStringLiteral("; …") : QString())),
                                 10000);
    });
    connect(m_manager, &SessionManager::framesAdded, this, [this] { updateStatus(); });
    connect(m_manager, &SessionManager::sessionStatusChanged, this, [this] {
        updateReadOnly();
        updateStatus();
    });
    // Saves run in the background: the status bar follows their reports.
    connect(m_manager, &SessionManager::saveStateChanged, this, &MainWindow::showSaveState);
    connect(m_manager, &SessionManager::saveFailed, this, &MainWindow::tellSaveFailed);
    connect(m_stage, &StageView::nudgeRequested, this, &MainWindow::nudge);
    connect(m_stage, &StageView::zoomRequested, this, &MainWindow::setZoom);
    // Notes still waiting for the typing pause are saved before the drag, not
    // in the middle of it; the drag is undone after them.
    connect(m_stage, &StageView::dragStarted, this, [this] {
        if (const Outcome notes = flushNotes(); !notes)
            report(notes);
    });
    // Esc in the notes saves them and gives the keys back to culling.
    connect(m_inspector, &InspectorPanel::leaveNotesRequested, m_stage,
            [this] { m_stage->setFocus(); });
    connect(m_inspector, &InspectorPanel::notesEdited, this,
            [this](int frame, const QString &notes) {
                if (const Outcome outcome = saveNotes(frame, notes); !outcome)
                    report(outcome);
            });

    const QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::windowGeometry).toByteArray());
    m_topSplitter->restoreState(settings.value(SettingsKeys::topSplitter).toByteArray());
    applyPreferences(Preferences::load());
    updateRecentMenu();
    updateReadOnly();
    updateStatus();
}

MainWindow::~MainWindow() = default;

Outcome MainWindow::saveNotes(int frameIndex, const QString &notes)
{
    const std::optional<DirectorFrameState> state = m_manager->getFrameState(frameIndex);
    if (!state || state->directorOverrides.notes.value_or(QString()) == notes ||
        m_manager->isReadOnly())
        return Outcome::ok();
    FrameEdit edit;
    edit.notes = notes;
    return m_history->apply(frameIndex, edit, tr("Edit the notes of frame %1").arg(frameIndex));
}

Outcome MainWindow::flushNotes()
{
    if (!m_inspector->hasUnsavedNotes())
        return Outcome::ok();
    const int frameIndex = m_inspector->frameIndex();
    return saveNotes(frameIndex, m_inspector->takeNotes());
}

void MainWindow::showSaveState()
{
    if (!m_manager->hasSession()) {
        showStatusText(m_saveState, tr("Save state"), QString());
        setWindowModified(false);
        return;
    }
    if (m_manager->isOpenReadOnly()) {
        // Another Director writes this run: the time of its last save, as
        // this window read it, would say nothing about what is on disk now,
        // and this window saves nothing.
        showStatusText(m_saveState, tr("Save state"), tr("Read-only: open in another Director"));
        m_saveState->setToolTip(tr("Another Director has this run open. This window shows the "
                                   "session as it was when opened and saves nothing."));
        m_saveState->setStyleSheet(QString());
        setWindowModified(false);
        return;
    }
    const SessionManager::SaveState state = m_manager->saveState();
    switch (state) {
    case SessionManager::SaveState::Saved: {
        // Every change is on disk: the session in memory is the file's.
        const QString lastModified = m_manager->session().lastModified;
        const std::optional<QDateTime> time = Timestamps::parse(lastModified);
        showStatusText(m_saveState, tr("Save state"),
                       tr("Saved at %1")
                           .arg(time ? time->toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                                     : lastModified));
        m_saveState->setToolTip(lastModified);
        m_saveState->setStyleSheet(QString());
        break;
    }
    case SessionManager::SaveState::Saving:
        showStatusText(m_saveState, tr("Save state"), tr("Saving…"));
        m_saveState->setToolTip(tr("The latest change is being written to disk."));
        m_saveState->setStyleSheet(QString());
        break;
    case SessionManager::SaveState::Failed:
        // Stays until a save succeeds.
        showStatusText(m_saveState, tr("Save state"),
                       tr("Not saved: %1").arg(m_manager->saveError()));
        m_saveState->setToolTip(m_manager->saveError());
        m_saveState->setStyleSheet(
            QStringLiteral("color: white; background: #c62828; padding: 2px;"));
        break;
    }
    // The title's [*]: some change is not on disk yet.
    setWindowModified(state != SessionManager::SaveState::Saved);
}

void MainWindow::tellSaveFailed(const QString &message)
{
    // The box takes the mouse: a drag in progress would never see its end.
    m_stage->cancelDrag();
    if (m_closing)
        return; // closing asks about it instead
    // One box, however many saves fail while it is open.
    if (m_saveFailedBox) {
        m_saveFailedBox->setText(saveFailedText(message));
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Not saved"), saveFailedText(message),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("saveFailedMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_saveFailedBox = box;
    box->open();
}

QString MainWindow::saveFailedText(const QString &message) const
{
    return tr("%1\n\nYour latest changes are shown but not on disk. Director saves them again "
              "with your next change, or now with File → Save Now.")
        .arg(message);
}

void MainWindow::saveNow()
{
    if (!m_manager->hasSession() || m_manager->isReadOnly())
        return;
    if (const Outcome notes = flushNotes(); !notes)
        return report(notes);
    if (m_manager->saveState() != SessionManager::SaveState::Failed) {
        statusBar()->showMessage(tr("Every change is saved, or being saved."), 3000);
        return;
    }
    if (const Outcome retried = m_manager->retrySave(); !retried)
        report(retried);
}

void MainWindow::createActions()
{
    auto add = [this](QMenu *menu, const QString &name, const QString &text,
                      const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        menu->addAction(action);
        addAction(action);
        m_actions.insert(name, action);
        return action;
    };
    using K = QKeySequence;
    // The platform's keys for a standard action, and the usual one too: some
    // platforms (X11 without a desktop's theme) have none for Quit or
    // Preferences.
    const auto standardKeys = [](K::StandardKey key, const K &usual) {
        QList<K> keys = K::keyBindings(key);
        if (!keys.contains(usual))
            keys.append(usual);
        return keys;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, QStringLiteral("open"), tr("&Open Run…"), {K::Open}, &MainWindow::openRunDialog);
    // Made again each time it opens: the runs that are gone show disabled.
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("openRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    add(file, QStringLiteral("saveNow"), tr("&Save Now"), {K::Save}, &MainWindow::saveNow);
    file->addSeparator();
    add(file, QStringLiteral("commit"), tr("&Commit…"), {K(Qt::CTRL | Qt::Key_Return)},
        &MainWindow::commit);
    add(file, QStringLiteral("discard"), tr("&Discard Session…"), {}, &MainWindow::discard);
    file->addSeparator();
    add(file, QStringLiteral("quit"), tr("&Quit"), standardKeys(K::Quit, K(Qt::CTRL | Qt::Key_Q)),
        [this] { close(); })
        ->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = add(edit, QStringLiteral("undo"), tr("&Undo"), {K::Undo}, &MainWindow::undo);
    QAction *redo =
        add(edit, QStringLiteral("redo"), tr("&Redo"),
            {K(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), K(Qt::CTRL | Qt::Key_Y)}, &MainWindow::redo);
    QUndoStack *stack = m_history->stack();
    auto updateUndo = [this, undo, redo, stack] {
        undo->setEnabled(stack->canUndo() && !m_manager->isReadOnly());
        redo->setEnabled(stack->canRedo() && !m_manager->isReadOnly());
        undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndo);
    updateUndo();
    edit->addSeparator();
    add(edit, QStringLiteral("preferences"), tr("&Preferences…"),
        standardKeys(K::Preferences, K(Qt::CTRL | Qt::Key_Comma)), &MainWindow::showPreferences)
        ->setMenuRole(QAction::PreferencesRole);

    QMenu *frame = menuBar()->addMenu(tr("F&rame"));
    add(frame, QStringLiteral("approve"), tr("&Approve"), {K(Qt::Key_A)}, &MainWindow::approve);
    add(frame, QStringLiteral("reject"), tr("&Reject"), {K(Qt::Key_X)}, &MainWindow::reject);
    frame->addSeparator();
    add(frame, QStringLiteral("next"), tr("&Next Frame"), {K(Qt::Key_Right), K(Qt::Key_Period)},
        [this] { step(1); });
    add(frame, QStringLiteral("previous"), tr("&Previous Frame"),
        {K(Qt::Key_Left), K(Qt::Key_Comma)}, [this] { step(-1); });
    add(frame, QStringLiteral("first"), tr("&First Frame"), {K(Qt::Key_Home)},
        [this] { setCurrentFrame(m_model->frameAtRow(0)); });
    add(frame, QStringLiteral("last"), tr("&Last Frame"), {K(Qt::Key_End)},
        [this] { setCurrentFrame(m_model->frameAtRow(m_model->rowCount() - 1)); });
    add(frame, QStringLiteral("nextAttention"), tr("Next Frame Needing &Attention"), {K(Qt::Key_N)},
        [this] { nextNeedingAttention(1); });
    add(frame, QStringLiteral("previousAttention"), tr("Previous Frame Needing A&ttention"),
        {K(Qt::SHIFT | Qt::Key_N)}, [this] { nextNeedingAttention(-1); });
    frame->addSeparator();
    add(frame, QStringLiteral("nudgeLeft"), tr("Nudge Left"), {K(Qt::CTRL | Qt::Key_Left)},
        [this] { nudge(-1, 0); });
    add(frame, QStringLiteral("nudgeRight"), tr("Nudge Right"), {K(Qt::CTRL | Qt::Key_Right)},
        [this] { nudge(1, 0); });
    add(frame, QStringLiteral("nudgeUp"), tr("Nudge Up"), {K(Qt::CTRL | Qt::Key_Up)},
        [this] { nudge(0, -1); });
    add(frame, QStringLiteral("nudgeDown"), tr("Nudge Down"), {K(Qt::CTRL | Qt::Key_Down)},
        [this] { nudge(0, 1); });
    add(frame, QStringLiteral("nudgeLeftFar"), tr("Nudge Left 8 px"),
        {K(Qt::CTRL | Qt::SHIFT | Qt::Key_Left)}, [this] { nudge(-8, 0); });
    add(frame, QStringLiteral("nudgeRightFar"), tr("Nudge Right 8 px"),
        {K(Qt::CTRL | Qt::SHIFT | Qt::Key_Right)}, [this] { nudge(8, 0); });
    add(frame, QStringLiteral("nudgeUpFar"), tr("Nudge Up 8 px"),
        {K(Qt::CTRL | Qt::SHIFT | Qt::Key_Up)}, [this] { nudge(0, -8); });
    add(frame, QStringLiteral("nudgeDownFar"), tr("Nudge Down 8 px"),
        {K(Qt::CTRL | Qt::SHIFT | Qt::Key_Down)}, [this] { nudge(0, 8); });
    add(frame, QStringLiteral("clearNudge"), tr("&Clear Nudge"), {K(Qt::CTRL | Qt::Key_Backspace)},
        &MainWindow::clearNudge);
    add(frame, QStringLiteral("editNotes"), tr("Edit &Notes"), {K(Qt::CTRL | Qt::Key_E)},
        [this] { m_inspector->notesEditor()->setFocus(); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const Qt::Key zoomKeys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4};
    for (int i = 0; i < 4; ++i) {
        const int zoom = StageView::zoomLevels[i];
        QAction *action = add(view, QStringLiteral("zoom%1").arg(zoom), tr("Zoom %1×").arg(zoom),
                              {K(zoomKeys[i])}, [this, zoom] { setZoom(zoom); });
        action->setCheckable(true);
    }
    add(view, QStringLiteral("zoomIn"), tr("Zoom &In"),
        {K::ZoomIn, K(Qt::Key_Plus), K(Qt::Key_Equal)}, [this] {
            for (int z : StageView::zoomLevels)
                if (z > m_stage->zoom())
                    return setZoom(z);
        });
    add(view, QStringLiteral("zoomOut"), tr("Zoom &Out"), {K::ZoomOut, K(Qt::Key_Minus)}, [this] {
        for (auto it = std::rbegin(StageView::zoomLevels); it != std::rend(StageView::zoomLevels);
             ++it)
            if (*it < m_stage->zoom())
                return setZoom(*it);
    });
    view->addSeparator();
    // Checkable actions follow toggled, so that restoring them from the
    // settings takes effect too.
    QAction *onion =
        add(view, QStringLiteral("onionSkin"), tr("&Onion Skin"), {K(Qt::Key_O)}, [] {});
    onion->setCheckable(true);
    connect(onion, &QAction::toggled, this, [this](bool on) {
        m_stage->setOnionSkin(on);
        QSettings().setValue(SettingsKeys::onionSkin, on);
    });
    QAction *advance =
        add(view, QStringLiteral("autoAdvance"), tr("&Advance After Verdict"), {}, [] {});
    advance->setCheckable(true);
    connect(advance, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(SettingsKeys::autoAdvance, on); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), {K::HelpContents},
        &MainWindow::showShortcuts);
    help->addSeparator();
    add(help, QStringLiteral("about"), tr("&About Director"), {}, &MainWindow::showAbout)
        ->setMenuRole(QAction::AboutRole);
    add(help, QStringLiteral("aboutQt"), tr("About &Qt"), {}, [this] {
        QMessageBox::aboutQt(this, tr("About Qt"));
    })->setMenuRole(QAction::AboutQtRole);
}

bool MainWindow::openRun(const QString &runDir, SessionManager::Access access,
                         SessionManager::Recovery recovery)
{
    if (const Outcome notes = flushNotes(); !notes)
        report(notes);
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
    m_images.clear();
    const Outcome opened = m_manager->initializeOrResume(runDir, access, recovery);
    if (opened)
        return true;
    updateReadOnly();
    updateStatus();
    const SessionStore::LoadState state = m_manager->lastLoad().state;
    // A run that cannot be opened leaves the review open now as it is: the
    // boxes below never close the window while there is one.
    const bool reviewOpen = m_manager->hasSession();
    if (opened.kind() == Outcome::Kind::Locked) {
        auto *box = new QMessageBox(
            QMessageBox::Warning, tr("The run is open elsewhere"),
            opened.message() + QLatin1Char('\n') +
                (reviewOpen ? tr("You can look at it read-only, or go on with the review open now.")
                            : tr("You can look at it read-only, or quit.")),
            QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("lockedMessage"));
        QPushButton *readOnly = box->addButton(tr("Open Read-Only"), QMessageBox::AcceptRole);
        box->addButton(reviewOpen ? tr("Cancel") : tr("Quit"), QMessageBox::RejectRole);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, readOnly, runDir] {
            const bool openReadOnly = box->clickedButton() == readOnly;
            QMetaObject::invokeMethod(
                this,
                [this, openReadOnly, runDir] {
                    if (openReadOnly)
                        openRun(runDir, SessionManager::Access::ReadOnly);
                    else if (!m_manager->hasSession())
                        close();
                },
                Qt::QueuedConnection);
        });
        box->open();
    } else if (state == SessionStore::LoadState::Unreadable ||
               state == SessionStore::LoadState::Invalid ||
               state == SessionStore::LoadState::Newer || state == SessionStore::LoadState::Lost) {
        auto *dialog =
            new SessionProblemDialog(opened.message(), m_manager->hasUsableBackup(), this);
        if (reviewOpen)
            dialog->quitButton()->setText(tr("Cancel"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, [this, runDir](int choice) {
            QMetaObject::invokeMethod(
                this, [this, runDir, choice] { recover(runDir, choice); }, Qt::QueuedConnection);
        });
        dialog->open();
    } else {
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Cannot open the run"),
                                    opened.message(), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("openFailedMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return false;
}

void MainWindow::recover(const QString &runDir, int choice)
{
    if (choice == SessionProblemDialog::RestoreBackup)
        openRun(runDir, SessionManager::Access::ReadWrite, SessionManager::Recovery::RestoreBackup);
    else if (choice == SessionProblemDialog::StartNew)
        openRun(runDir, SessionManager::Access::ReadWrite, SessionManager::Recovery::StartNew);
    else if (!m_manager->hasSession()) // Quit; Cancel keeps the review open now
        close();
}

void MainWindow::sessionOpened()
{
    const DirectorSession &session = m_manager->session();
    setWindowTitle(
        tr("%1 · %2[*] — Director")
            .arg(session.runId, session.moveId.isEmpty() ? tr("unknown move") : session.moveId));
    RecentRuns::add(m_manager->runDir());
    updateRecentMenu();
    showSaveState();
    // Nothing of the previous session is kept: not its notes, not a drag.
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
    if (const Outcome notes = flushNotes(); !notes)
        report(notes);
    m_current = frameIndex;
    const QModelIndex index = m_model->index(row);
    if (m_filmstrip->currentIndex() != index) {
        m_filmstrip->setCurrentIndex(index);
        m_filmstrip->scrollTo(index);
    }
    refreshCurrent();
    // Remembered once the operator pauses (and on leaving): QSettings
    // rewrites its file, which has no place between two key presses.
    m_rememberFrame->start();
}

void MainWindow::rememberFrame()
{
    m_rememberFrame->stop();
    if (m_manager->hasSession() && m_current >= 0)
        QSettings().setValue(SettingsKeys::sessionFrame(m_manager->session().sessionId), m_current);
}

QImage MainWindow::frameImage(int frameIndex, QString *error)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    // What commit takes: the latest patch of a patched frame.
    const QString path = frame ? frame->finalImagePath() : QString();
    if (path.isEmpty()) {
        *error = tr("No image yet");
        return {};
    }
    if (const auto it = m_images.constFind(path); it != m_images.cend())
        return it.value();
    const QImage image = ImageLoader::loadFromRun(RunPaths(m_manager->runDir()), path, error);
    if (!image.isNull())
        m_images.insert(path, image);
    return image;
}

// A frame as it will be committed: moved by its own offset.
QImage MainWindow::placedFrame(int frameIndex)
{
    QString error;
    const QImage image = frameImage(frameIndex, &error);
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (image.isNull() || !frame || !frame->directorOverrides.alignment)
        return image;
    const HumanAlignmentDelta &a = *frame->directorOverrides.alignment;
    return CommitExporter::translated(image, CommitExporter::roundOffset(a.userOverrideX),
                                      CommitExporter::roundOffset(a.userOverrideY));
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
    QString error;
    const QImage image = frameImage(m_current, &error);
    const QPointF offset = frame->directorOverrides.alignment
                               ? QPointF(frame->directorOverrides.alignment->userOverrideX,
                                         frame->directorOverrides.alignment->userOverrideY)
                               : QPointF();
    // The same frame again (saved notes, a change to it or its neighbours)
    // keeps a drag in progress; another frame ends it.
    if (m_current == m_stageFrame)
        m_stage->refreshFrame(image, offset, image.isNull() ? error : QString());
    else
        m_stage->setFrame(image, offset, image.isNull() ? error : QString());
    m_stageFrame = m_current;
    const int previousRow = m_model->rowOfFrame(m_current) - 1;
    const int anchor = m_model->frameAtRow(0);
    m_stage->setOnionFrames(previousRow >= 0 ? placedFrame(m_model->frameAtRow(previousRow))
                                             : QImage(),
                            anchor != m_current ? placedFrame(anchor) : QImage());
    const AnchorAnalysis &a = m_manager->run().anchor;
    m_stage->setBaseline(a.present && !image.isNull() && a.imageSize.height() > 0
                             ? a.baselineY * image.height() / a.imageSize.height()
                             : -1.0);
    m_inspector->showFrame(*frame);
}

void MainWindow::updateStatus()
{
    if (!m_manager->hasSession()) {
        showStatusText(m_progress, tr("Review progress"), tr("No run open"));
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
    showStatusText(m_progress, tr("Review progress"),
                   tr("%1 / %2 approved · %3 warn · %4 fail")
                       .arg(approved)
                       .arg(m_manager->session().frames.size())
                       .arg(warn)
                       .arg(fail));
}

void MainWindow::updateReadOnly()
{
    const bool readOnly = m_manager->isReadOnly();
    QString banner;
    if (m_manager->hasSession()) {
        if (m_manager->isOpenReadOnly())
            banner = tr("Read-only: another Director has this run open, or it was opened for "
                        "viewing. Changes are not possible.");
        else if (m_manager->session().status == SessionStatus::Committed)
            banner = tr("This session is committed: its frames are in approved/. It can no longer "
                        "be changed.");
        else if (m_manager->session().status == SessionStatus::Discarded)
            banner = tr("This session was discarded. It can no longer be changed.");
    }
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
    m_stage->setEditable(!readOnly);
    m_inspector->setEditable(!readOnly);
    for (const char *name :
         {"approve", "reject", "nudgeLeft", "nudgeRight", "nudgeUp", "nudgeDown", "nudgeLeftFar",
          "nudgeRightFar", "nudgeUpFar", "nudgeDownFar", "clearNudge", "commit", "discard"}) {
        if (QAction *action = m_actions.value(QLatin1String(name)))
            action->setEnabled(!readOnly);
    }
    emit m_history->stack()->indexChanged(m_history->stack()->index());
}

void MainWindow::report(const Outcome &outcome)
{
    if (outcome.kind() == Outcome::Kind::Failed) {
        // The box takes the mouse: a drag in progress would never see its end.
        m_stage->cancelDrag();
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Director"), outcome.message(),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("failedMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    } else {
        statusBar()->showMessage(outcome.message(), 5000);
    }
}

bool MainWindow::apply(const FrameEdit &edit, const QString &text)
{
    if (m_current < 0)
        return false;
    const Outcome outcome = m_history->apply(m_current, edit, text);
    if (!outcome)
        report(outcome);
    return outcome.isOk();
}

void MainWindow::approve()
{
    FrameEdit edit;
    edit.status = FrameStatus::Approved;
    if (apply(edit, tr("Approve frame %1").arg(m_current)) &&
        m_actions.value(QStringLiteral("autoAdvance"))->isChecked())
        step(1);
}

void MainWindow::reject()
{
    FrameEdit edit;
    edit.status = FrameStatus::AuditFail;
    if (apply(edit, tr("Reject frame %1").arg(m_current)) &&
        m_actions.value(QStringLiteral("autoAdvance"))->isChecked())
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
    const int count = m_model->rowCount();
    const int start = m_model->rowOfFrame(m_current);
    for (int i = 1; i <= count; ++i) {
        const int row = ((start + direction * i) % count + count) % count;
        if (m_model->index(row).data(FrameListModel::NeedsAttentionRole).toBool())
            return setCurrentFrame(m_model->frameAtRow(row));
    }
    statusBar()->showMessage(tr("Every frame is approved."), 4000);
}

void MainWindow::nudge(int dx, int dy)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(m_current);
    if (!frame)
        return;
    const std::optional<HumanAlignmentDelta> &a = frame->directorOverrides.alignment;
    FrameEdit edit;
    edit.alignment = FrameEdit::Alignment::Set;
    edit.alignmentX = (a ? a->userOverrideX : 0.0) + dx;
    edit.alignmentY = (a ? a->userOverrideY : 0.0) + dy;
    apply(edit, tr("Nudge frame %1 by %2, %3").arg(m_current).arg(dx).arg(dy));
}

void MainWindow::clearNudge()
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(m_current);
    if (!frame || !frame->directorOverrides.alignment)
        return;
    FrameEdit edit;
    edit.alignment = FrameEdit::Alignment::Clear;
    apply(edit, tr("Clear the nudge of frame %1").arg(m_current));
}

// Notes still waiting for the typing pause are saved first: they are the
// latest change. Then the frame undone or redone is shown.
void MainWindow::undo()
{
    if (const Outcome notes = flushNotes(); !notes)
        return report(notes);
    const int frame = m_history->frameToUndo();
    if (const Outcome outcome = m_history->undo(); !outcome)
        report(outcome);
    else
        setCurrentFrame(frame);
}

void MainWindow::redo()
{
    if (const Outcome notes = flushNotes(); !notes)
        return report(notes);
    const int frame = m_history->frameToRedo();
    if (const Outcome outcome = m_history->redo(); !outcome)
        report(outcome);
    else
        setCurrentFrame(frame);
}

void MainWindow::commit()
{
    if (!m_manager->hasSession() || m_manager->isReadOnly())
        return;
    if (const Outcome notes = flushNotes(); !notes)
        return report(notes);
    // The same words as the refusal of the commit itself (the first frames
    // by number, and how many more).
    const QString blockers = CommitExporter::blockersText(m_manager->session());
    QMessageBox *box;
    if (!blockers.isEmpty()) {
        box = new QMessageBox(QMessageBox::Information, tr("Commit"), blockers, QMessageBox::Ok,
                              this);
        box->setObjectName(QStringLiteral("commitBlockedMessage"));
    } else {
        box = new QMessageBox(QMessageBox::Question, tr("Commit"),
                              tr("Write the %n approved frame(s), nudges applied, to approved/ "
                                 "and close the session for changes?",
                                 nullptr, int(m_manager->session().frames.size())),
                              QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("commitQuestion"));
        // After the box is gone: the commit shows a progress dialog of its own.
        connect(box, &QMessageBox::accepted, this, &MainWindow::runCommit, Qt::QueuedConnection);
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::runCommit()
{
    QProgressDialog progress(tr("Writing approved frames…"), QString(), 0,
                             int(m_manager->session().frames.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const Outcome outcome =
        m_manager->commitSession([&progress](int done, int) { progress.setValue(done); });
    progress.reset();
    if (!outcome) {
        report(outcome.kind() == Outcome::Kind::Refused ? Outcome::failed(outcome.message())
                                                        : outcome);
        return;
    }
    const CommitInfo &info = *m_manager->session().commitInfo;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Committed"),
                                tr("%n frame(s) were written to approved/: %1 nudged, %2 patched.",
                                   nullptr, info.approvedCount)
                                    .arg(info.nudgedCount)
                                    .arg(info.patchedCount),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("commitSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::discard()
{
    if (!m_manager->hasSession() || m_manager->isReadOnly())
        return;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Discard"),
                        tr("Discard this review? The session file is kept, marked discarded, and "
                           "can no longer be changed. Nothing is written to approved/."),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Discard) {
            if (const Outcome outcome = m_manager->discardSession(); !outcome)
                report(outcome);
        }
    });
    box->open();
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
    QString rows;
    for (QMenu *menu : menuBar()->findChildren<QMenu *>()) {
        for (QAction *action : menu->actions()) {
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts()) {
                if (!key.isEmpty())
                    keys.append(key.toString(QKeySequence::NativeText).toHtmlEscaped());
            }
            if (keys.isEmpty())
                continue;
            rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                        .arg(action->text().remove(QLatin1Char('&')).toHtmlEscaped(),
                             keys.join(QStringLiteral(", ")));
        }
    }
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard Shortcuts"),
                                QStringLiteral("<table cellspacing=4>%1</table>").arg(rows),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("shortcutsMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::setZoom(int zoom)
{
    m_stage->setZoom(zoom);
    for (int z : StageView::zoomLevels) {
        if (QAction *action = m_actions.value(QStringLiteral("zoom%1").arg(z)))
            action->setChecked(z == m_stage->zoom());
    }
    QSettings().setValue(SettingsKeys::zoom, m_stage->zoom());
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    setZoom(preferences.zoom);
    m_stage->setOnionOpacities(preferences.onionPreviousOpacity / 100.0,
                               preferences.onionAnchorOpacity / 100.0);
    m_actions.value(QStringLiteral("onionSkin"))->setChecked(preferences.onionSkin);
    m_actions.value(QStringLiteral("autoAdvance"))->setChecked(preferences.autoAdvance);
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

void MainWindow::updateRecentMenu()
{
    // Not deleted at once: this may run from one of these actions.
    for (QAction *action : m_recentMenu->actions()) {
        m_recentMenu->removeAction(action);
        action->deleteLater();
    }
    const QStringList runs = RecentRuns::list();
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QString run = runs.at(i);
        const QString path = QDir::toNativeSeparators(run);
        const QString number =
            i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0"); // Alt+1 … Alt+0
        QString shown =
            fontMetrics().elidedText(path, Qt::ElideMiddle, 60 * fontMetrics().averageCharWidth());
        shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
        auto *action = new QAction(tr("%1 %2").arg(number, shown), m_recentMenu);
        action->setObjectName(QStringLiteral("recentRun"));
        action->setData(run);
        const bool exists = QFileInfo(run).isDir();
        action->setEnabled(exists);
        action->setToolTip(exists ? path : tr("%1 (no longer there)").arg(path));
        action->setStatusTip(action->toolTip());
        // The same way as File → Open Run: a lock or an unreadable session asks.
        connect(action, &QAction::triggered, this, [this, run] { openRun(run); });
        m_recentMenu->addAction(action);
    }
    if (runs.isEmpty()) {
        auto *none = new QAction(tr("No Recent Runs"), m_recentMenu);
        none->setEnabled(false);
        m_recentMenu->addAction(none);
    }
    m_recentMenu->addSeparator();
    auto *clear = new QAction(tr("&Clear Menu"), m_recentMenu);
    clear->setObjectName(QStringLiteral("clearRecent"));
    clear->setEnabled(!runs.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        RecentRuns::clear();
        updateRecentMenu();
    });
    m_recentMenu->addAction(clear);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(
        QMessageBox::NoIcon, tr("About Director"),
        tr("<h3>Director %1</h3>"
           "<p>Review the frames of an AI-generated sprite animation: approve, reject, nudge and "
           "annotate them, then commit the approved frames.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QStringLiteral(DIRECTOR_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())),
        QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutMessage"));
    box->setTextFormat(Qt::RichText);
    if (!windowIcon().isNull())
        box->setIconPixmap(windowIcon().pixmap(64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    if (!m_closeAnyway) {
        if (const Outcome notes = flushNotes(); !notes) {
            event->ignore();
            askToClose(tr("Notes not saved"),
                       tr("The notes of frame %1 could not be saved: %2\n\nClose anyway and "
                          "lose them?")
                           .arg(m_inspector->frameIndex())
                           .arg(notes.message()),
                       QStringLiteral("notesNotSavedQuestion"), false);
            return;
        }
        // The last save is waited for; one that failed is tried once more,
        // and then not lost quietly (one question, not a box per failure).
        m_closing = true;
        Outcome saves = m_manager->waitForSaves();
        if (!saves && m_manager->retrySave())
            saves = m_manager->waitForSaves();
        m_closing = false;
        if (!saves) {
            event->ignore();
            askToClose(tr("Changes not saved"),
                       tr("The latest changes could not be saved: %1\n\nClose anyway and lose "
                          "them?")
                           .arg(saves.message()),
                       QStringLiteral("changesNotSavedQuestion"), true);
            return;
        }
    }
    m_closeAnyway = false;
    saveSettings();
    m_manager->close();
    event->accept();
}

void MainWindow::askToClose(const QString &title, const QString &text, const QString &name,
                            bool offerRetry)
{
    if (m_closeQuestion) {
        m_closeQuestion->raise();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, this);
    box->setObjectName(name);
    // Trying again is closing again: saved this time, the window closes;
    // otherwise it asks again.
    QPushButton *retry =
        offerRetry ? box->addButton(tr("Try Again"), QMessageBox::AcceptRole) : nullptr;
    QPushButton *closeAnyway = box->addButton(tr("Close Anyway"), QMessageBox::DestructiveRole);
    if (retry)
        box->setDefaultButton(retry);
    else
        box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, retry, closeAnyway] {
        if (box->clickedButton() == closeAnyway)
            m_closeAnyway = true;
        else if (!retry || box->clickedButton() != retry)
            return; // the window stays, and what was not saved in it
        QMetaObject::invokeMethod(
            this, [this] { close(); }, Qt::QueuedConnection);
    });
    m_closeQuestion = box;
    box->open(); // modal: nothing else happens in the window meanwhile
}
