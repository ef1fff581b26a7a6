#include "accessiblenames.h"
#include "commitflow.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "reasonpicker.h"
#include "recentrunsmenu.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "review/reviewhistory.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "sessionproblemdialog.h"
#include "slowdisk.h"
#include "stageview.h"
#include "storage/atomicfile.h"
#include "storage/sessionstore.h"
#include "theme.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QWheelEvent>

// Records every progress dialog that is shown: its text, its range, the
// window it belongs to and the furthest value it reached.
class ProgressWatcher : public QObject
{
public:
    struct Shown
    {
        QString label;
        int maximum = 0;
        int furthest = 0;
        QWidget *parent = nullptr;
        Qt::WindowModality modality = Qt::NonModal;
    };

    ProgressWatcher() { qApp->installEventFilter(this); }
    ~ProgressWatcher() override { qApp->removeEventFilter(this); }

    QList<Shown> shown;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *dialog = qobject_cast<QProgressDialog *>(watched);
        if (event->type() != QEvent::Show || !dialog)
            return false;
        shown.append({dialog->labelText(), dialog->maximum(), dialog->value(),
                      dialog->parentWidget(), dialog->windowModality()});
        const qsizetype at = shown.size() - 1;
        if (auto *bar = dialog->findChild<QProgressBar *>()) {
            connect(bar, &QProgressBar::valueChanged, this, [this, at](int value) {
                shown[at].furthest = std::max(shown[at].furthest, value);
            });
        }
        return false;
    }
};

// WindowActions::zoom follows StageView::zoomLevels: the action of each zoom level.
constexpr size_t zoom2 = 1;
constexpr size_t zoom4 = 2;
constexpr size_t zoom8 = 3;
static_assert(StageView::zoomLevels[zoom2] == 2 && StageView::zoomLevels[zoom4] == 4 &&
              StageView::zoomLevels[zoom8] == 8);

// The review window, driven as an operator drives it: keys, mouse drags,
// dialogs. What the window shows is checked against the file on disk.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void keyboardCullingFollowsOnDisk();
    void theFramesHaveTheKeysAndTheTitleSaysReadOnly();
    void aFrameNoAuditJudgedHasNoScore();
    void nextNeedingAttentionSkipsApprovedFrames();
    void dragOnTheStageIsOneNudgeAndOneUndoStep();
    void keyboardNudgeAndUndoRedoRoundTripOnDisk();
    void notesAreSavedWhenTypingPauses();
    void statusBarShowsProgressAndAStickySaveError();
    void aFailedSaveOpensOneBoxHoweverManySavesFail();
    void reopeningShowsTheSameStateAndSelection();
    void corruptSessionOffersBackupNewOrQuit();
    void corruptSessionStartsANewReviewKeepingTheBadFile();
    void lockedRunOpensReadOnly();
    void theLockedQuestionIsShownOnTheWindowAndQuitCloses();
    void actionsThatChangeTheSessionFollowWhetherItCanBeChanged();
    void aRunOpenedFromTheLockedQuestionShowsItsOwnFrames();
    void committedSessionIsReadOnlyInTheWindow_data();
    void committedSessionIsReadOnlyInTheWindow();
    void commitFromTheWindow();
    void aPatchedFrameShowsItsPatchEverywhere();
    void advanceAfterVerdict();
    void discardFromTheWindow();
    void everyShortcutIsUnique();
    void editingKeysInTheNotesStayInTheNotes();
    void aDragSurvivesSavesOfItsFrame();
    void aRunThatCannotBeOpenedKeepsTheCurrentReview();
    void ctrlWheelZoomIsRemembered();
    void fitIsTheDefaultAndTheChoiceIsRemembered();
    void aNewWindowOpensSuitedToTheScreen();
    void onionSkinLayersShowTheNeighboursAsCommitWritesThem();
    void numbersFollowTheOperatorsLocale();
    void closingAsksWhenChangesCannotBeSaved();
    void closingTryAgainClosesOnceTheSaveSucceeds();
    void aSlowDiskNeverHoldsTheWindowAndTheLatestChangeWins();
    void closingWaitsForTheLastSave();
    void redoSavesPendingNotesFirst();
    void undoAndRedoSelectTheFrameTheyChange();
    void filmstripMakesOnlyTheThumbnailsInView();
    void windowGeometryAndSplitterAreRestored();
    void openRecentListsRunsMostRecentFirstAndOpensThem();
    void openRecentKeepsTenAndShowsRunsThatAreGoneDisabled();
    void clearMenuEmptiesOpenRecent();
    void editMenuUndoAndRedoFollowTheStack();
    void preferencesOkStoresAndApplies();
    void preferencesCancelChangesNothing();
    void preferencesRestoreDefaults();
    void helpMenuShortcutsAndAbout();
    void everyControlHasAnAccessibleName();

private:
    // The Preferences dialog, opened the way the operator opens it (Ctrl+,).
    static PreferencesDialog *openPreferences(MainWindow *window);
    // The Open Recent menu as it is when it opens: the runs it lists.
    static QList<QAction *> recentRuns(MainWindow *window);
    std::unique_ptr<MainWindow> openWindow(const QString &run);
    // The session file once every open window's saves (in the background)
    // are done.
    DirectorSession onDisk() const;
    static DirectorSession sessionIn(const QString &runDir);
    static QByteArray bytesOf(const QString &path);
    // Saves `image` as patches/frame_NNNN_patch_01.png and records it as the
    // frame's patch (before any window opens the run).
    static bool patchFrame(const QString &runDir, int frameIndex, const QImage &image,
                           const QString &prompt = {});
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return run() + QStringLiteral("/director_session.json"); }
    static void key(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Makes the window active again, as the window manager does when a box
    // of it goes.
    static bool backToTheWindow(QWidget *window);
    // The last message box's title and text, for a failure's message.
    static QString lastSaid();
    // The actions that change the session, named one by one (not read from WindowActions).
    static QList<QAction *> actionsChangingTheSession(const WindowActions &actions);
    // The window's only message box, shown for real (no answer set in advance).
    static QMessageBox *shownBox(QWidget *window);
    // A button of a box shown for real, by its words.
    static QAbstractButton *buttonOf(QMessageBox *box, const QString &text);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

DirectorSession TestMainWindow::onDisk() const
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<MainWindow *>(widget))
            window->manager()->waitForSaves();
    }
    return sessionIn(run());
}

void TestMainWindow::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(run()));
}

void TestMainWindow::cleanup()
{
    // An answer set for a box that never opened answers no box of the next test.
    MessageBox::setNextAnswer(MessageBox::NoButton);
    AtomicFile::setFaultHook({});
    if (Theme::current() != Preferences::Theme::System)
        Theme::apply(Preferences::Theme::System);
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow(const QString &runDir)
{
    return WindowFixture::openWindow(runDir);
}

void TestMainWindow::key(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(window, key, modifiers);
    // X asks why first (tst_reasonpicker): these tests reject without a reason, with Enter.
    WindowFixture::answerReasonPicker(window);
}

bool TestMainWindow::backToTheWindow(QWidget *window)
{
    QCoreApplication::processEvents();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

QString TestMainWindow::lastSaid()
{
    const MessageBox::Message said = MessageBox::lastMessage();
    return said.title + QStringLiteral(": ") + said.text;
}

QList<QAction *> TestMainWindow::actionsChangingTheSession(const WindowActions &actions)
{
    QList<QAction *> changing{actions.approve, actions.reject, actions.clearNudge, actions.commit,
                              actions.discard};
    for (const WindowActions::Nudge &nudge : actions.nudges)
        changing.append(nudge.action);
    return changing;
}

QMessageBox *TestMainWindow::shownBox(QWidget *window)
{
    const QList<QMessageBox *> boxes = window->findChildren<QMessageBox *>();
    return boxes.size() == 1 && boxes.first()->isVisible() ? boxes.first() : nullptr;
}

QAbstractButton *TestMainWindow::buttonOf(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *button : box->buttons()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

DirectorSession TestMainWindow::sessionIn(const QString &runDir)
{
    QFile file(runDir + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

bool TestMainWindow::patchFrame(const QString &runDir, int frameIndex, const QImage &image,
                                const QString &prompt)
{
    const QString name = RunFixture::frameName(frameIndex);
    const QString patchedPath = QStringLiteral("patches/%1_patch_01.png").arg(name);
    if (!QDir().mkpath(runDir + QStringLiteral("/patches")) ||
        !image.save(runDir + u'/' + patchedPath))
        return false;
    SessionManager manager;
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/%1_attempt_01.png").arg(name);
    patch.patchedPath = patchedPath;
    patch.prompt = prompt;
    return manager.initializeOrResume(runDir) &&
           manager.applyFrameEdit(frameIndex, FrameEdit::addPatch(patch));
}

QByteArray TestMainWindow::bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A run opens with the keys on the frames: an arrow moves to the next frame, even after the
// inspector's tables had the focus before the run was opened. A read-only window says so in
// its title.
void TestMainWindow::theFramesHaveTheKeysAndTheTitleSaysReadOnly()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    QVERIFY(window->filmstrip()->isAncestorOf(QApplication::focusWidget()) ||
            QApplication::focusWidget() == window->filmstrip());
    QVERIFY(!window->windowTitle().contains(QLatin1String("read-only")));
    // The focus somewhere in the inspector, then the run opened again.
    auto *table = window->inspector()->findChild<QAbstractItemView *>();
    QVERIFY(table);
    table->setFocus();
    QVERIFY(window->openRun(run()));
    QVERIFY(window->filmstrip()->isAncestorOf(QApplication::focusWidget()) ||
            QApplication::focusWidget() == window->filmstrip());
    window->setCurrentFrame(1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(window->currentFrame(), 2);
    // The window's letter keys reach it through the filmstrip as they are typed there.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A);
    QTRY_COMPARE(window->manager()->getFrameState(2)->status, FrameStatus::Approved);
    window->close();

    auto readOnly = WindowFixture::openWindow(run(), SessionManager::Access::ReadOnly);
    QVERIFY(readOnly);
    QVERIFY2(readOnly->windowTitle().contains(QLatin1String("(read-only)")),
             qPrintable(readOnly->windowTitle()));
}

// The inspector shows the audit's score only for a frame an audit judged: a GENERATED frame
// (no audit yet) and one rejected before any audit say "not audited", not "0.000 (not passed)".
void TestMainWindow::aFrameNoAuditJudgedHasNoScore()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    const QLabel *score = window->inspector()->scoreLabel();
    window->setCurrentFrame(0); // APPROVED by its audit
    QVERIFY2(score->text().contains(QLatin1String("(passed)")), qPrintable(score->text()));
    window->setCurrentFrame(2); // AUDIT_FAIL by its audit
    QVERIFY2(score->text().contains(QLatin1String("(not passed)")), qPrintable(score->text()));
    window->setCurrentFrame(3); // GENERATED
    QCOMPARE(score->text(), QStringLiteral("not audited"));
    QVERIFY(window->controller()->reject(3, QString(), QStringLiteral("hand drifts")));
    QCOMPARE(window->manager()->getFrameState(3)->status, FrameStatus::AuditFail);
    QTRY_COMPARE(score->text(), QStringLiteral("not audited"));
}

void TestMainWindow::keyboardCullingFollowsOnDisk()
{
    auto window = openWindow(run());
    QVERIFY(window);
    QCOMPARE(window->currentFrame(), 0);
    key(window.get(), Qt::Key_Right);
    QCOMPARE(window->currentFrame(), 1);
    QCOMPARE(window->filmstrip()->currentIndex().row(), 1);
    key(window.get(), Qt::Key_A); // approve
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    key(window.get(), Qt::Key_X); // reject
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditFail);
    key(window.get(), Qt::Key_Right);
    key(window.get(), Qt::Key_Right);
    QCOMPARE(window->currentFrame(), 3);
    key(window.get(), Qt::Key_A); // GENERATED -> APPROVED
    QCOMPARE(onDisk().frames.value(3).status, FrameStatus::Approved);
    key(window.get(), Qt::Key_Right);
    key(window.get(), Qt::Key_A); // PENDING cannot be approved: refused, nothing written
    QCOMPARE(onDisk().frames.value(4).status, FrameStatus::Pending);
    key(window.get(), Qt::Key_Home);
    QCOMPARE(window->currentFrame(), 0);
    // Clicking a thumbnail selects it.
    QListView *strip = window->filmstrip();
    const QRect cell = strip->visualRect(strip->model()->index(2, 0));
    QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(window->currentFrame(), 2);
}

void TestMainWindow::nextNeedingAttentionSkipsApprovedFrames()
{
    auto window = openWindow(run());
    QVERIFY(window);
    key(window.get(), Qt::Key_N);
    QCOMPARE(window->currentFrame(), 1); // frame 0 is approved
    key(window.get(), Qt::Key_A);
    key(window.get(), Qt::Key_N);
    QCOMPARE(window->currentFrame(), 2);
    key(window.get(), Qt::Key_N, Qt::ShiftModifier);
    QCOMPARE(window->currentFrame(), 4); // backwards, wrapping past 1 (approved now) and 0
}

void TestMainWindow::dragOnTheStageIsOneNudgeAndOneUndoStep()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);   // AUDIT_WARN
    key(window.get(), Qt::Key_3); // zoom 4x
    StageView *stage = window->stage();
    QCOMPARE(stage->zoom(), 4);
    const QPoint start = stage->canvasRect().center();
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(4, -2));
    QTest::mouseMove(stage->viewport(), start + QPoint(9, -5));     // 2.25, -1.25 source pixels
    QCOMPARE(stage->dragDelta(), QPoint(2, -1));                    // whole pixels, live
    QVERIFY(!onDisk().frames.value(1).directorOverrides.alignment); // nothing saved mid-drag
    QCOMPARE(window->history()->stack()->count(), 0);
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(9, -5));
    // One nudge of the whole drag, named so in the Edit menu; the stage shows the frame at
    // its new offset (no drag left over).
    QCOMPARE(window->history()->stack()->undoText(), QStringLiteral("Nudge frame 1 by 2, -1"));
    QCOMPARE(window->actions().undo->text(), QStringLiteral("&Undo Nudge frame 1 by 2, -1"));
    QCOMPARE(stage->dragDelta(), QPoint());

    const DirectorFrameState frame = onDisk().frames.value(1);
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, 2.0);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideY, -1.0);
    // A nudge reviews a warned frame (docs/session-file.md, Status transitions).
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(window->history()->stack()->count(), 1);

    // A second drag adds to the total.
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(-12, 0));
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(-12, 0));
    QCOMPARE(onDisk().frames.value(1).directorOverrides.alignment->userOverrideX, -1.0);
    QCOMPARE(window->history()->stack()->count(), 2);

    // A drag that ends where it started records nothing.
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(8, 0));
    QTest::mouseMove(stage->viewport(), start);
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start);
    QCOMPARE(window->history()->stack()->count(), 2);

    key(window.get(), Qt::Key_Z, Qt::ControlModifier);
    key(window.get(), Qt::Key_Z, Qt::ControlModifier);
    const DirectorFrameState undone = onDisk().frames.value(1);
    QVERIFY(!undone.directorOverrides.alignment);
    QCOMPARE(undone.status, FrameStatus::AuditWarn);
}

void TestMainWindow::keyboardNudgeAndUndoRedoRoundTripOnDisk()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(2);
    const DirectorFrameState original = onDisk().frames.value(2);
    key(window.get(), Qt::Key_Left, Qt::ControlModifier);                     // -1, 0
    key(window.get(), Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier); // 0, +8
    key(window.get(), Qt::Key_A);
    DirectorFrameState edited = onDisk().frames.value(2);
    QCOMPARE(edited.directorOverrides.alignment->userOverrideX, -1.0);
    QCOMPARE(edited.directorOverrides.alignment->userOverrideY, 8.0);
    QCOMPARE(edited.status, FrameStatus::Approved);
    for (int i = 0; i < 3; ++i)
        key(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk().frames.value(2), original);
    for (int i = 0; i < 3; ++i)
        key(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(onDisk().frames.value(2), edited);
}

void TestMainWindow::notesAreSavedWhenTypingPauses()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(2);
    QPlainTextEdit *notes = window->inspector()->notesEditor();
    QSignalSpy saved(window->manager(), &SessionManager::saved);
    notes->setFocus();
    QTest::keyClicks(notes, QStringLiteral("halo at the feet"));
    // Typing letters in the notes is not culling: "a" approved nothing.
    QCOMPARE(onDisk().frames.value(2).status, FrameStatus::AuditFail);
    QVERIFY(!onDisk().frames.value(2).directorOverrides.notes); // not yet: no save per keystroke
    QTRY_COMPARE_WITH_TIMEOUT(onDisk().frames.value(2).directorOverrides.notes,
                              std::optional(QStringLiteral("halo at the feet")), 5000);
    QCOMPARE(saved.count(), 1);
    // Moving on saves what is still waiting.
    QTest::keyClicks(notes, QStringLiteral("!"));
    window->setCurrentFrame(3);
    QCOMPARE(onDisk().frames.value(2).directorOverrides.notes,
             std::optional(QStringLiteral("halo at the feet!")));
    // Esc saves at once and gives the keys back to culling.
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(notes->hasFocus());
    QTest::keyClicks(notes, QStringLiteral("ok"));
    key(notes, Qt::Key_Escape);
    QVERIFY(!notes->hasFocus());
    QCOMPARE(onDisk().frames.value(1).directorOverrides.notes, std::optional(QStringLiteral("ok")));
    key(window.get(), Qt::Key_A);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
}

void TestMainWindow::statusBarShowsProgressAndAStickySaveError()
{
    auto window = openWindow(run());
    QVERIFY(window);
    auto *progress = window->findChild<QLabel *>(QStringLiteral("progress"));
    auto *saveState = window->findChild<QLabel *>(QStringLiteral("saveState"));
    QCOMPARE(progress->text(), QStringLiteral("1 / 5 approved · 1 warn · 1 fail"));
    QVERIFY(saveState->text().startsWith(QLatin1String("Saved at")));

    QVERIFY(!window->isWindowModified());

    // A save that fails: the verdict is shown, and so is the fact that it is
    // not on disk, at once and until a save works.
    window->setCurrentFrame(1);
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    key(window.get(), Qt::Key_A);
    QVERIFY(!window->manager()->waitForSaves());
    QVERIFY(saveState->text().startsWith(QLatin1String("Not saved")));
    QVERIFY(window->isWindowModified());
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditWarn);
    QCOMPARE(window->model()->index(1).data(FrameListModel::StatusRole).toInt(),
             int(FrameStatus::Approved));
    QCOMPARE(progress->text(), QStringLiteral("2 / 5 approved · 0 warn · 1 fail"));
    // And a box says so.
    QTRY_COMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Not saved"));
    QCOMPARE(MessageBox::lastMessage().icon, QMessageBox::Critical);
    QVERIFY2(MessageBox::lastMessage().text.contains(QLatin1String("not on disk")),
             qPrintable(lastSaid()));
    window->setCurrentFrame(2); // moving around does not clear the error
    QVERIFY(saveState->text().startsWith(QLatin1String("Not saved")));

    // Save Now, once the disk takes it again.
    AtomicFile::setFaultHook({});
    key(window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(window->manager()->waitForSaves());
    QVERIFY(saveState->text().startsWith(QLatin1String("Saved at")));
    QVERIFY(!window->isWindowModified());
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    QCOMPARE(progress->text(), QStringLiteral("2 / 5 approved · 0 warn · 1 fail"));
}

void TestMainWindow::aFailedSaveOpensOneBoxHoweverManySavesFail()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    QSignalSpy failures(window->manager(), &SessionManager::saveFailed);
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    const int opened = MessageBox::openedCount();
    key(window.get(), Qt::Key_A);
    QVERIFY(!window->manager()->waitForSaves());
    QTRY_VERIFY(shownBox(window.get()));
    QMessageBox *box = shownBox(window.get());
    QCOMPARE(box->windowTitle(), QStringLiteral("Not saved"));
    QVERIFY2(box->text().contains(QLatin1String("not on disk")), qPrintable(box->text()));
    // It belongs to the window and blocks only the window: saves go on behind it.
    QCOMPARE(box->parentWidget(), window.get());
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QCOMPARE(MessageBox::openedCount(), opened + 1);

    // More changes fail while it is open (the pipeline's news, notes saved): the same box
    // says so, no second one opens.
    QVERIFY(window->controller()->setNotes(1, QStringLiteral("still failing")));
    QVERIFY(!window->manager()->waitForSaves());
    QTRY_VERIFY(failures.count() >= 2);
    QCoreApplication::processEvents();
    QCOMPARE(window->findChildren<QMessageBox *>().size(), 1);
    QCOMPARE(shownBox(window.get()), box);
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QVERIFY2(box->text().contains(QLatin1String("not on disk")), qPrintable(box->text()));

    // Once it is closed, the next failure opens a box again.
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(window->findChildren<QMessageBox *>().isEmpty());
    QVERIFY(backToTheWindow(window.get()));
    MessageBox::setNextAnswer(MessageBox::Ok);
    key(window.get(), Qt::Key_X);
    QVERIFY(!window->manager()->waitForSaves());
    QTRY_COMPARE(MessageBox::openedCount(), opened + 2);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Not saved"));
}

void TestMainWindow::reopeningShowsTheSameStateAndSelection()
{
    QString sessionId;
    {
        auto window = openWindow(run());
        QVERIFY(window);
        window->setCurrentFrame(3);
        key(window.get(), Qt::Key_4); // zoom 8x
        key(window.get(), Qt::Key_O); // onion skin
        key(window.get(), Qt::Key_A);
        sessionId = window->manager()->session().sessionId;
        window->close();
    }
    auto window = openWindow(run());
    QVERIFY(window);
    QCOMPARE(window->manager()->session().sessionId, sessionId);
    QCOMPARE(window->currentFrame(), 3);
    QCOMPARE(window->stage()->zoom(), 8);
    QVERIFY(window->stage()->onionSkin());
    QCOMPARE(window->model()->index(3).data(FrameListModel::StatusRole).toInt(),
             int(FrameStatus::Approved));
}

void TestMainWindow::corruptSessionOffersBackupNewOrQuit()
{
    {
        auto window = openWindow(run());
        QVERIFY(window);
        window->setCurrentFrame(1);
        key(window.get(), Qt::Key_A); // the backup now holds the session before this
        window->close();
    }
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ not json");
    file.close();

    auto window = openWindow(run());
    QVERIFY(window);
    QVERIFY(!window->manager()->hasSession());
    auto *dialog = window->findChild<SessionProblemDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->restoreButton()->isEnabled());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{ not json")); // nothing overwritten before the choice
    file.close();
    QTest::mouseClick(dialog->restoreButton(), Qt::LeftButton);
    QTRY_VERIFY(window->manager()->hasSession());
    QCOMPARE(window->model()->rowCount(), 5);
    QCOMPARE(QDir(run()).entryList({QStringLiteral("director_session.json.corrupt-*")}).size(), 1);
}

void TestMainWindow::corruptSessionStartsANewReviewKeepingTheBadFile()
{
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[]");
    file.close();
    auto window = openWindow(run());
    QVERIFY(window);
    auto *dialog = window->findChild<SessionProblemDialog *>();
    QVERIFY(dialog);
    QVERIFY(!dialog->restoreButton()->isEnabled()); // there is no backup
    QTest::mouseClick(dialog->startNewButton(), Qt::LeftButton);
    QTRY_VERIFY(window->manager()->hasSession());
    const QStringList aside =
        QDir(run()).entryList({QStringLiteral("director_session.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);

    // Quit leaves everything as it was.
    QFile again(sessionPath());
    window->close();
    QVERIFY(again.open(QIODevice::WriteOnly | QIODevice::Truncate));
    again.write("[]");
    again.close();
    auto other = openWindow(run());
    QVERIFY(other);
    auto *second = other->findChild<SessionProblemDialog *>();
    QVERIFY(second);
    QTest::mouseClick(second->quitButton(), Qt::LeftButton);
    QTRY_VERIFY(!other->isVisible());
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("[]"));
}

void TestMainWindow::lockedRunOpensReadOnly()
{
    {
        SessionManager creator;
        QVERIFY(creator.initializeOrResume(run()));
    }
    SessionStore holder(run());
    QVERIFY(holder.lock());
    const QByteArray before = bytesOf(sessionPath());
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::OpenReadOnly);
    auto window = openWindow(run());
    QVERIFY(window);
    // The question says who holds the run; with no review open, the other way out is Quit.
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    const MessageBox::Message asked = MessageBox::lastMessage();
    QCOMPARE(asked.title, QStringLiteral("The run is open elsewhere"));
    QCOMPARE(asked.icon, QMessageBox::Warning);
    QVERIFY2(asked.text.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(asked.text));
    QCOMPARE(asked.buttons, (QList{MessageBox::OpenReadOnly, MessageBox::Quit}));
    QTRY_VERIFY(window->manager()->hasSession());
    QVERIFY(window->manager()->isReadOnly());
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("readOnlyBanner"))->isVisible());
    // Nothing in the menus offers a change.
    for (QAction *action : window->actions().changingSession())
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    // The status bar says the window is read-only, not when the other
    // Director last saved: that save is not this window's, and may be old.
    auto *saveState = window->findChild<QLabel *>(QStringLiteral("saveState"));
    QCOMPARE(saveState->text(), QStringLiteral("Read-only: open in another Director"));
    QVERIFY(backToTheWindow(window.get()));
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    key(window.get(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(window->model()->index(1).data(FrameListModel::StatusRole).toInt(),
             int(FrameStatus::AuditWarn));
    QCOMPARE(bytesOf(sessionPath()), before);
    QCOMPARE(saveState->text(), QStringLiteral("Read-only: open in another Director"));
}

void TestMainWindow::theLockedQuestionIsShownOnTheWindowAndQuitCloses()
{
    {
        SessionManager creator;
        QVERIFY(creator.initializeOrResume(run()));
    }
    SessionStore holder(run());
    QVERIFY(holder.lock());
    const QByteArray before = bytesOf(sessionPath());
    const int opened = MessageBox::openedCount();
    auto window = openWindow(run());
    QVERIFY(window);
    // No answer set: the question is a real box, modal on the window, its buttons in words.
    QTRY_VERIFY(shownBox(window.get()));
    QMessageBox *question = shownBox(window.get());
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(question->windowTitle(), QStringLiteral("The run is open elsewhere"));
    QCOMPARE(question->parentWidget(), window.get());
    QCOMPARE(question->windowModality(), Qt::WindowModal);
    QAbstractButton *readOnly = buttonOf(question, QStringLiteral("Open Read-Only"));
    QAbstractButton *quit = buttonOf(question, QStringLiteral("Quit"));
    QVERIFY(readOnly && quit);
    QCOMPARE(question->buttons().size(), 2);
    QCOMPARE(question->buttonRole(readOnly), QMessageBox::AcceptRole);
    QCOMPARE(question->buttonRole(quit), QMessageBox::RejectRole); // Esc quits too
    QVERIFY(window->isVisible());

    // No review is open: Quit closes the window, and the run is as it was.
    quit->click();
    QTRY_VERIFY(!window->isVisible());
    QVERIFY(!window->manager()->hasSession());
    QCOMPARE(bytesOf(sessionPath()), before);
}

void TestMainWindow::actionsThatChangeTheSessionFollowWhetherItCanBeChanged()
{
    auto window = openWindow(run());
    QVERIFY(window);
    const QList<QAction *> changing = window->actions().changingSession();
    for (QAction *action : actionsChangingTheSession(window->actions())) {
        QVERIFY2(changing.contains(action), qPrintable(action->objectName()));
        QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    }

    // Another run, held by another Director, opened read-only: none of them is offered, and
    // neither is Undo (the history was the other run's).
    const QString held = m_dir->path() + QStringLiteral("/held");
    QVERIFY(RunFixture::writeMixedRun(held, QStringLiteral("run_held")));
    {
        SessionStore holder(held);
        QVERIFY(holder.lock());
        window->setCurrentFrame(1);
        key(window.get(), Qt::Key_A);
        QVERIFY(window->actions().undo->isEnabled());
        MessageBox::setNextAnswer(MessageBox::OpenReadOnly);
        QVERIFY(!window->openRun(held));
        QTRY_COMPARE(window->manager()->session().runId, QStringLiteral("run_held"));
        QVERIFY(window->manager()->isReadOnly());
        for (QAction *action : changing)
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY(!window->actions().undo->isEnabled());
        QVERIFY(!window->actions().redo->isEnabled());
    }

    // A run that can be changed again: all of them are back.
    QVERIFY(window->openRun(run()));
    QVERIFY(!window->manager()->isReadOnly());
    for (QAction *action : changing)
        QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    QVERIFY(backToTheWindow(window.get()));
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_X);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditFail);
}

void TestMainWindow::aRunOpenedFromTheLockedQuestionShowsItsOwnFrames()
{
    // Another run, held by another Director, whose frame 3 looks different at the same path.
    const QString held = m_dir->path() + QStringLiteral("/held");
    QVERIFY(RunFixture::writeMixedRun(held, QStringLiteral("run_held")));
    const QImage heldFrame = RunFixture::frameImage(7);
    QVERIFY(heldFrame.save(held + QStringLiteral("/candidates/frame_0003_attempt_01.png")));
    QVERIFY(heldFrame.pixel(8, 8) != RunFixture::frameImage(3).pixel(8, 8));
    SessionStore holder(held);
    QVERIFY(holder.lock());

    auto window = openWindow(run());
    QVERIFY(window);
    StageView *stage = window->stage();
    // What the stage shows at the centre of a source pixel.
    auto shownAt = [stage](int x, int y) {
        const QRect canvas = stage->canvasRect();
        const int scale = canvas.width() / 16;
        return stage->grab().toImage().pixel(canvas.left() + x * scale + scale / 2,
                                             canvas.top() + y * scale + scale / 2);
    };
    window->setCurrentFrame(3);
    QTRY_COMPARE(shownAt(8, 8), RunFixture::frameImage(3).pixel(8, 8));

    MessageBox::setNextAnswer(MessageBox::OpenReadOnly);
    QVERIFY(!window->openRun(held));
    // While the question is open, the pipeline's news about the frame shown arrives: the
    // stage shows it again (as RunWatcher takes it in).
    QVERIFY(RunFixture::writeAudit(run(), 3, true, {QStringLiteral("SF03_ALPHA_HALO")}, 0.8));
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(run(), &contents));
    int changed = 0;
    QVERIFY(window->manager()->ingest(
        RunIngest::plan(window->manager()->session(), contents, run()), &changed));
    QCOMPARE(changed, 1);
    QCOMPARE(window->model()->index(3).data(FrameListModel::StatusRole).toInt(),
             int(FrameStatus::AuditWarn));
    QCOMPARE(window->currentFrame(), 3);
    QTRY_COMPARE(window->manager()->session().runId, QStringLiteral("run_held"));
    QVERIFY(window->manager()->isReadOnly());

    // The held run's frame 3 is its own, not the one shown before at the same path.
    window->setCurrentFrame(3);
    QTRY_COMPARE(shownAt(8, 8), heldFrame.pixel(8, 8));
}

void TestMainWindow::committedSessionIsReadOnlyInTheWindow_data()
{
    QTest::addColumn<bool>("commit");
    QTest::addColumn<QString>("word");
    QTest::newRow("discarded") << false << QStringLiteral("discarded");
    QTest::newRow("committed") << true << QStringLiteral("committed");
}

void TestMainWindow::committedSessionIsReadOnlyInTheWindow()
{
    QFETCH(bool, commit);
    QFETCH(QString, word);
    // Only a run whose frames are all approved can be committed.
    const QString runDir = commit ? m_dir->path() + QStringLiteral("/approved_run") : run();
    if (commit)
        QVERIFY(RunFixture::writeApprovedRun(runDir, 3));
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir));
        QVERIFY(
            manager.applyFrameEdit(1, FrameEdit::offsetTo(2, 0))); // for Ctrl+Backspace to clear
        QVERIFY(manager.applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("checked"))));
        QVERIFY(commit ? manager.commitSession() : manager.discardSession());
    }
    const QString file = runDir + QStringLiteral("/director_session.json");
    const QByteArray before = bytesOf(file);
    QCOMPARE(sessionIn(runDir).status,
             commit ? SessionStatus::Committed : SessionStatus::Discarded);

    auto window = openWindow(runDir);
    QVERIFY(window);
    auto *banner = window->findChild<QLabel *>(QStringLiteral("readOnlyBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(word), qPrintable(banner->text()));
    auto *progress = window->findChild<QLabel *>(QStringLiteral("progress"));
    const QString shownProgress = progress->text();
    window->setCurrentFrame(1);
    const int status = window->model()->index(1).data(FrameListModel::StatusRole).toInt();
    for (QAction *action : actionsChangingTheSession(window->actions()))
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    const int opened = MessageBox::openedCount();

    key(window.get(), Qt::Key_A);
    key(window.get(), Qt::Key_X);
    key(window.get(), Qt::Key_Right, Qt::ControlModifier);
    key(window.get(), Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    key(window.get(), Qt::Key_Backspace, Qt::ControlModifier);
    StageView *stage = window->stage();
    const QPoint start = stage->canvasRect().center();
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(20, 0));
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(20, 0));
    QPlainTextEdit *notes = window->inspector()->notesEditor();
    QVERIFY(notes->isReadOnly());
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(notes->hasFocus());
    QTest::keyClicks(notes, QStringLiteral(" late")); // no letter of it moves between frames
    key(notes, Qt::Key_Escape);       // leaving the notes saves them, if any changed
    key(window.get(), Qt::Key_Right); // so does moving on
    key(window.get(), Qt::Key_Left);
    key(window.get(), Qt::Key_Z, Qt::ControlModifier);

    QCOMPARE(window->currentFrame(), 1);
    QCOMPARE(notes->toPlainText(), QStringLiteral("checked"));
    QCOMPARE(window->model()->index(1).data(FrameListModel::StatusRole).toInt(), status);
    QCOMPARE(progress->text(), shownProgress);
    QCOMPARE(window->history()->stack()->count(), 0);
    QCoreApplication::processEvents();
    QVERIFY2(MessageBox::openedCount() == opened,
             qPrintable(lastSaid())); // not even a "Not saved" box
    QVERIFY(banner->isVisible());
    QCOMPARE(bytesOf(file), before);
    window->close();
    QCOMPARE(bytesOf(file), before);
}

void TestMainWindow::aPatchedFrameShowsItsPatchEverywhere()
{
    // Frame 2's patch differs from its image: one more pixel at (1, 1), and
    // other colours. The stage, the thumbnail and the onion skin show the
    // patch, as commit writes it.
    QTemporaryDir dir;
    const QString runDir = dir.path();
    QVERIFY(RunFixture::writeApprovedRun(runDir, 4));
    QImage patched = RunFixture::frameImage(9);
    patched.setPixel(1, 1, qRgba(250, 10, 200, 255));
    QVERIFY(patchFrame(runDir, 2, patched));
    auto window = openWindow(runDir);
    QVERIFY(window);
    StageView *stage = window->stage();
    // What the stage shows at the centre of a source pixel.
    auto shownAt = [stage](int x, int y) {
        const QRect canvas = stage->canvasRect();
        const int scale = canvas.width() / 16;
        return stage->grab().toImage().pixel(canvas.left() + x * scale + scale / 2,
                                             canvas.top() + y * scale + scale / 2);
    };
    window->setCurrentFrame(2);
    QTRY_COMPARE(shownAt(8, 8), patched.pixel(8, 8));
    QCOMPARE(shownAt(1, 1), patched.pixel(1, 1));
    QVERIFY(RunFixture::frameImage(2).pixel(8, 8) != patched.pixel(8, 8));

    // The thumbnail.
    QListView *strip = window->filmstrip();
    FrameListModel *model = window->model();
    QTRY_VERIFY(!model->index(2).data(FrameListModel::ThumbnailLoadingRole).toBool());
    const QRect cell = strip->visualRect(strip->model()->index(2, 0));
    QTRY_COMPARE(
        strip->viewport()->grab().toImage().pixel(cell.left() + 9 + 32, cell.top() + 9 + 32),
        patched.pixel(8, 8)); // 16 px frames, ×4
    QCOMPARE(
        model->index(2).data(FrameListModel::ImagePathRole).toString(),
        QFileInfo(runDir + QStringLiteral("/patches/frame_0002_patch_01.png")).canonicalFilePath());

    // The onion skin on frame 3: the patch's own pixel at (1, 1) shows
    // through, where frame 3 and frame 2's original image are transparent.
    window->setCurrentFrame(3);
    stage->setOnionSkin(false);
    const QRgb without = shownAt(1, 1);
    stage->setOnionSkin(true);
    QTRY_VERIFY(shownAt(1, 1) != without);
    const QRgb with = shownAt(1, 1);
    QVERIFY2(qRed(with) > qGreen(with) && qBlue(with) > qGreen(with),
             qPrintable(QString::number(with, 16)));
}

void TestMainWindow::commitFromTheWindow()
{
    QTemporaryDir dir;
    const QString runDir = dir.path();
    QVERIFY(RunFixture::writeApprovedRun(runDir, 3));
    // Frame 2 was patched before the review: its patched image is committed.
    const QImage patched = RunFixture::frameImage(9);
    QVERIFY(patchFrame(runDir, 2, patched, QStringLiteral("close the hand")));
    const QString approved = runDir + QStringLiteral("/approved");
    const auto approvedFiles = [&approved] {
        return QDir(approved).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                                        QDir::Name);
    };
    auto window = openWindow(runDir);
    QVERIFY(window);

    // Frames not approved block the commit: the box names them, nothing is
    // written.
    key(window.get(), Qt::Key_X); // frame 0
    window->setCurrentFrame(2);
    key(window.get(), Qt::Key_X);
    int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    key(window.get(), Qt::Key_Return, Qt::ControlModifier);
    const MessageBox::Message blocked = MessageBox::lastMessage();
    QCOMPARE(blocked.title, QStringLiteral("Commit"));
    QCOMPARE(blocked.icon, QMessageBox::Information);
    QCOMPARE(blocked.buttons, QList{MessageBox::Ok}); // nothing to choose: no question
    QVERIFY2(blocked.text.contains(QLatin1String(": 0 (AUDIT_FAIL), 2 (AUDIT_FAIL)")),
             qPrintable(blocked.text));
    QVERIFY2(!blocked.text.contains(QLatin1String("1 (")), qPrintable(blocked.text));
    QCoreApplication::processEvents(); // its answer
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(approvedFiles(), QStringList());
    QCOMPARE(sessionIn(runDir).status, SessionStatus::Active);
    QVERIFY(backToTheWindow(window.get()));

    // Approved again, and frame 1 nudged by 1, -1.
    key(window.get(), Qt::Key_A); // frame 2
    key(window.get(), Qt::Key_Home);
    key(window.get(), Qt::Key_A);
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_Right, Qt::ControlModifier);
    key(window.get(), Qt::Key_Up, Qt::ControlModifier);
    QVERIFY(window->manager()->waitForSaves());
    for (const DirectorFrameState &frame : sessionIn(runDir).frames)
        QCOMPARE(frame.status, FrameStatus::Approved);

    // Cancel writes nothing.
    opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Cancel);
    key(window.get(), Qt::Key_Return, Qt::ControlModifier);
    const MessageBox::Message question = MessageBox::lastMessage();
    QCOMPARE(question.title, QStringLiteral("Commit"));
    QCOMPARE(question.icon, QMessageBox::Question);
    QVERIFY2(question.text.contains(QLatin1String("Write the 3 approved frame(s)")),
             qPrintable(question.text));
    QCOMPARE(question.buttons, (QList{MessageBox::Yes, MessageBox::Cancel}));
    QCoreApplication::processEvents(); // its answer
    QCoreApplication::processEvents();
    QCOMPARE(MessageBox::openedCount(), opened + 1); // no summary
    QCOMPARE(approvedFiles(), QStringList());
    QCOMPARE(sessionIn(runDir).status, SessionStatus::Active);
    QVERIFY(backToTheWindow(window.get()));

    ProgressWatcher progress;
    opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Yes);
    key(window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(MessageBox::lastMessage().buttons, (QList{MessageBox::Yes, MessageBox::Cancel}));
    MessageBox::setNextAnswer(MessageBox::Ok); // the summary, once the frames are written
    QTRY_COMPARE(MessageBox::openedCount(), opened + 2);
    const MessageBox::Message summary = MessageBox::lastMessage();
    QCOMPARE(summary.title, QStringLiteral("Committed"));
    QCOMPARE(summary.icon, QMessageBox::Information);

    // The operator saw the frames being written.
    QCOMPARE(progress.shown.size(), 1);
    QCOMPARE(progress.shown[0].label, QStringLiteral("Writing approved frames…"));
    QCOMPARE(progress.shown[0].parent, window.get());
    QCOMPARE(progress.shown[0].modality, Qt::WindowModal);
    QCOMPARE(progress.shown[0].maximum, 3);
    QCOMPARE(progress.shown[0].furthest, 3);

    // approved/ holds every frame, nudge and patch applied, and nothing else.
    QCOMPARE(approvedFiles(),
             QStringList({QStringLiteral("frame_0000.png"), QStringLiteral("frame_0001.png"),
                          QStringLiteral("frame_0002.png")}));
    const auto committed = [&approved](int index) {
        return QImage(approved + QStringLiteral("/%1.png").arg(RunFixture::frameName(index)))
            .convertToFormat(QImage::Format_ARGB32);
    };
    QCOMPARE(committed(0), RunFixture::frameImage(0).convertToFormat(QImage::Format_ARGB32));
    const QImage source = RunFixture::frameImage(1);
    QImage shifted(source.size(), QImage::Format_ARGB32);
    shifted.fill(Qt::transparent);
    for (int y = 0; y < source.height(); ++y) {
        for (int x = 0; x < source.width(); ++x) {
            if (QRect(QPoint(), source.size()).contains(x + 1, y - 1))
                shifted.setPixel(x + 1, y - 1, source.pixel(x, y));
        }
    }
    QVERIFY(shifted != source.convertToFormat(QImage::Format_ARGB32));
    QCOMPARE(committed(1), shifted);
    QCOMPARE(committed(1).pixel(5, 10), qRgba(0, 0, 0, 0)); // the left column moved right
    QCOMPARE(committed(1).pixel(6, 9), source.pixel(5, 10));
    QCOMPARE(committed(2), patched.convertToFormat(QImage::Format_ARGB32));

    // The summary says what the session on disk records.
    const DirectorSession session = sessionIn(runDir);
    QCOMPARE(session.status, SessionStatus::Committed);
    QVERIFY(session.commitInfo.has_value());
    QCOMPARE(session.commitInfo->approvedCount, 3);
    QCOMPARE(session.commitInfo->nudgedCount, 1);
    QCOMPARE(session.commitInfo->patchedCount, 1);
    QCOMPARE(summary.text,
             CommitFlow::tr("%n frame(s) were written to approved/: %1 nudged, %2 patched.",
                            nullptr, session.commitInfo->approvedCount)
                 .arg(session.commitInfo->nudgedCount)
                 .arg(session.commitInfo->patchedCount));
    QVERIFY(summary.text.startsWith(QLatin1String("3 frame")));
    QCOMPARE(window->manager()->session().commitInfo, session.commitInfo);
    auto *banner = window->findChild<QLabel *>(QStringLiteral("readOnlyBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QLatin1String("committed")));
    QVERIFY(!window->actions().commit->isEnabled());
    window->close();
}

void TestMainWindow::advanceAfterVerdict()
{
    {
        auto window = openWindow(run());
        QVERIFY(window);
        QAction *advance = window->actions().autoAdvance;
        QVERIFY(advance->isCheckable());
        QVERIFY(!advance->isChecked()); // off unless asked for

        // Off: the verdict is saved and the frame stays selected.
        window->setCurrentFrame(1);
        key(window.get(), Qt::Key_A);
        QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
        QCOMPARE(window->currentFrame(), 1);
        QCOMPARE(window->filmstrip()->currentIndex().row(), 1);
        key(window.get(), Qt::Key_X);
        QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditFail);
        QCOMPARE(window->currentFrame(), 1);

        // On: the selection moves on once the verdict is taken.
        advance->trigger(); // View > Advance After Verdict
        QVERIFY(advance->isChecked());
        QList<FrameStatus> takenWhenMoved;
        connect(window->filmstrip()->selectionModel(), &QItemSelectionModel::currentChanged,
                window.get(), [&](const QModelIndex &, const QModelIndex &previous) {
                    const int frame = window->model()->frameAtRow(previous.row());
                    takenWhenMoved.append(window->manager()->getFrameState(frame)->status);
                });
        window->setCurrentFrame(2); // AUDIT_FAIL
        takenWhenMoved.clear();
        key(window.get(), Qt::Key_A);
        QCOMPARE(onDisk().frames.value(2).status, FrameStatus::Approved);
        QCOMPARE(window->currentFrame(), 3);
        QCOMPARE(window->filmstrip()->currentIndex().row(), 3);
        QCOMPARE(window->inspector()->frameIndex(), 3);
        QCOMPARE(takenWhenMoved, QList<FrameStatus>({FrameStatus::Approved}));
        key(window.get(), Qt::Key_X); // GENERATED -> AUDIT_FAIL
        QCOMPARE(onDisk().frames.value(3).status, FrameStatus::AuditFail);
        QCOMPARE(window->currentFrame(), 4);
        QCOMPARE(window->filmstrip()->currentIndex().row(), 4);
        QCOMPARE(takenWhenMoved,
                 QList<FrameStatus>({FrameStatus::Approved, FrameStatus::AuditFail}));

        // A verdict that is refused (PENDING) moves nothing.
        key(window.get(), Qt::Key_A);
        QCOMPARE(onDisk().frames.value(4).status, FrameStatus::Pending);
        QCOMPARE(window->currentFrame(), 4);
        QCOMPARE(takenWhenMoved.size(), 2);
        window->setCurrentFrame(1);
        QCOMPARE(QSettings().value(QStringLiteral("review/autoAdvance")).toBool(), true);
        QVERIFY(window->close());
    }
    {
        // Remembered by the next window.
        auto window = openWindow(run());
        QVERIFY(window);
        QAction *advance = window->actions().autoAdvance;
        QVERIFY(advance->isChecked());
        QCOMPARE(window->currentFrame(), 1);
        key(window.get(), Qt::Key_A);
        QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
        QCOMPARE(window->currentFrame(), 2);
        advance->trigger(); // and off again
        QVERIFY(!advance->isChecked());
        QVERIFY(window->close());
    }
    auto window = openWindow(run());
    QVERIFY(window);
    QVERIFY(!window->actions().autoAdvance->isChecked());
    QCOMPARE(window->currentFrame(), 2);
    key(window.get(), Qt::Key_X); // APPROVED -> AUDIT_FAIL
    QCOMPARE(onDisk().frames.value(2).status, FrameStatus::AuditFail);
    QCOMPARE(window->currentFrame(), 2);
}

void TestMainWindow::discardFromTheWindow()
{
    auto window = openWindow(run());
    QVERIFY(window);
    // Asked first; Cancel keeps the review as it is.
    MessageBox::setNextAnswer(MessageBox::Cancel);
    window->actions().discard->trigger();
    const MessageBox::Message question = MessageBox::lastMessage();
    QCOMPARE(question.title, QStringLiteral("Discard"));
    QCOMPARE(question.icon, QMessageBox::Warning);
    QVERIFY2(question.text.contains(QLatin1String("Nothing is written to approved/")),
             qPrintable(question.text));
    QCOMPARE(question.buttons, (QList{MessageBox::Discard, MessageBox::Cancel}));
    QCoreApplication::processEvents(); // its answer
    QCOMPARE(onDisk().status, SessionStatus::Active);
    QVERIFY(window->actions().approve->isEnabled());
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("readOnlyBanner"))->isVisible());

    MessageBox::setNextAnswer(MessageBox::Discard);
    window->actions().discard->trigger();
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Discard"));
    QTRY_COMPARE(onDisk().status, SessionStatus::Discarded);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("readOnlyBanner"))->isVisible());
    QVERIFY(!window->actions().approve->isEnabled());
}

void TestMainWindow::everyShortcutIsUnique()
{
    MainWindow window;
    QHash<QKeySequence, QString> owners;
    for (QAction *action : window.findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            QVERIFY2(!owners.contains(key),
                     qPrintable(QStringLiteral("%1 is used by %2 and %3")
                                    .arg(key.toString(), owners.value(key), action->objectName())));
            owners.insert(key, action->objectName());
        }
    }
    QVERIFY(owners.size() > 20);
}

void TestMainWindow::editingKeysInTheNotesStayInTheNotes()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(2);                           // AUDIT_FAIL
    key(window.get(), Qt::Key_Left, Qt::ControlModifier); // a nudge, for Ctrl+Backspace to clear
    const DirectorFrameState before = onDisk().frames.value(2);
    QCOMPARE(before.directorOverrides.alignment->userOverrideX, -1.0);
    const int steps = window->history()->stack()->count();
    const int opened = MessageBox::openedCount();

    QPlainTextEdit *notes = window->inspector()->notesEditor();
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(notes->hasFocus());
    QTest::keyClicks(notes, QStringLiteral("halo at the feet"));
    key(notes, Qt::Key_Backspace, Qt::ControlModifier); // deletes a word, not the nudge
    QCOMPARE(notes->toPlainText(), QStringLiteral("halo at the "));
    // Not nudges, not a commit: keys of the notes while the operator types.
    key(notes, Qt::Key_Up, Qt::ControlModifier);
    key(notes, Qt::Key_Down, Qt::ControlModifier);
    key(notes, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
    key(notes, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    key(notes, Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClicks(notes, QStringLiteral("toes"));
    key(notes, Qt::Key_Left, Qt::ControlModifier);   // to the start of the word
    key(notes, Qt::Key_Delete, Qt::ControlModifier); // deletes it
    QTest::keyClicks(notes, QStringLiteral("heel"));
    QCOMPARE(notes->toPlainText(), QStringLiteral("halo at the heel"));
    // Ctrl+Z and Ctrl+Shift+Z undo and redo the typing, not a review action.
    key(notes, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(notes->toPlainText() != QLatin1String("halo at the heel"));
    key(notes, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(notes->toPlainText(), QStringLiteral("halo at the heel"));
    QVERIFY(notes->hasFocus());
    QVERIFY2(MessageBox::openedCount() == opened,
             qPrintable(lastSaid())); // Ctrl+Return asked nothing
    QCOMPARE(window->history()->stack()->count(), steps);
    QCOMPARE(onDisk().frames.value(2), before);

    // F1 still reaches the window.
    MessageBox::setNextAnswer(MessageBox::Close);
    key(notes, Qt::Key_F1);
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Keyboard Shortcuts"));
    QCoreApplication::processEvents(); // its answer
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(notes->hasFocus());

    // Esc leaves the notes and saves them: the only change on disk.
    key(notes, Qt::Key_Escape);
    QVERIFY(!notes->hasFocus());
    const DirectorFrameState after = onDisk().frames.value(2);
    QCOMPARE(after.directorOverrides.notes, std::optional(QStringLiteral("halo at the heel")));
    QCOMPARE(after.directorOverrides.alignment, before.directorOverrides.alignment);
    QCOMPARE(after.status, FrameStatus::AuditFail);
    QCOMPARE(window->history()->stack()->count(), steps + 1);
}

void TestMainWindow::aDragSurvivesSavesOfItsFrame()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);   // AUDIT_WARN
    key(window.get(), Qt::Key_3); // zoom 4x
    StageView *stage = window->stage();
    QPlainTextEdit *notes = window->inspector()->notesEditor();
    const QPoint start = stage->canvasRect().center();

    // Notes typed, then a drag that lasts past the notes' typing pause.
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QTest::keyClicks(notes, QStringLiteral("hand drifts"));
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(8, 0));
    QTest::qWait(InspectorPanel::notesDelayMs + 300);
    QCOMPARE(onDisk().frames.value(1).directorOverrides.notes,
             std::optional(QStringLiteral("hand drifts")));
    QTest::mouseMove(stage->viewport(), start + QPoint(12, 4));
    QCOMPARE(stage->dragDelta(), QPoint(3, 1));
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(12, 4));
    DirectorFrameState frame = onDisk().frames.value(1);
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, 3.0);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideY, 1.0);
    QCOMPARE(frame.directorOverrides.notes, std::optional(QStringLiteral("hand drifts")));
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(window->history()->stack()->count(), 2); // the notes, then the drag
    QVERIFY(!notes->hasFocus());
    key(window.get(), Qt::Key_Z, Qt::ControlModifier); // the drag is one step
    frame = onDisk().frames.value(1);
    QVERIFY(!frame.directorOverrides.alignment);
    QCOMPARE(frame.status, FrameStatus::AuditWarn);
    QCOMPARE(frame.directorOverrides.notes, std::optional(QStringLiteral("hand drifts")));

    // Any save of the frame mid-drag (here a verdict by key) keeps the drag.
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(-8, 0));
    key(window.get(), Qt::Key_X);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditFail);
    QVERIFY(stage->isDragging());
    QTest::mouseMove(stage->viewport(), start + QPoint(-8, -8));
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(-8, -8));
    frame = onDisk().frames.value(1);
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, -2.0);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideY, -2.0);
    QCOMPARE(window->history()->stack()->count(), 3);

    // Another frame shown mid-drag ends the drag: it nudges nothing.
    QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(stage->viewport(), start + QPoint(16, 0));
    key(window.get(), Qt::Key_Right);
    QCOMPARE(window->currentFrame(), 2);
    QVERIFY(!stage->isDragging());
    QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(16, 0));
    QVERIFY(!onDisk().frames.value(2).directorOverrides.alignment);
    QCOMPARE(onDisk().frames.value(1).directorOverrides.alignment->userOverrideX, -2.0);
    QCOMPARE(window->history()->stack()->count(), 3);
}

void TestMainWindow::aRunThatCannotBeOpenedKeepsTheCurrentReview()
{
    auto window = openWindow(run());
    QVERIFY(window);
    const auto heldByTheWindow = [this] {
        SessionStore probe(run());
        return probe.lock().kind() == Outcome::Kind::Locked;
    };
    QVERIFY(heldByTheWindow());

    // Not a run folder.
    QTemporaryDir notARun;
    MessageBox::setNextAnswer(MessageBox::Ok);
    QVERIFY(!window->openRun(notARun.path()));
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Cannot open the run"));
    QCOMPARE(MessageBox::lastMessage().icon, QMessageBox::Critical);
    QCoreApplication::processEvents(); // its answer
    QCOMPARE(window->manager()->runDir(), run());
    QVERIFY(heldByTheWindow());
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);

    // A run another Director holds: the box cancels instead of quitting.
    const QString held = m_dir->path() + QStringLiteral("/held");
    QVERIFY(RunFixture::writeMixedRun(held, QStringLiteral("run_held")));
    SessionStore holder(held);
    QVERIFY(holder.lock());
    const QString title = window->windowTitle();
    const int steps = window->history()->stack()->count();
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Cancel);
    QVERIFY(!window->openRun(held));
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("The run is open elsewhere"));
    QVERIFY2(MessageBox::lastMessage().text.contains(QLatin1String("go on with the review")),
             qPrintable(lastSaid()));
    QCOMPARE(MessageBox::lastMessage().buttons,
             (QList{MessageBox::OpenReadOnly, MessageBox::Cancel}));
    QCoreApplication::processEvents(); // its answer
    QCoreApplication::processEvents();
    QVERIFY(window->isVisible());
    QCOMPARE(window->manager()->runDir(), run());
    QVERIFY(!window->manager()->isReadOnly());
    QVERIFY(heldByTheWindow());
    // The review goes on where it was: its frame, its title, its history.
    QCOMPARE(window->windowTitle(), title);
    QCOMPARE(window->currentFrame(), 1);
    QCOMPARE(window->history()->stack()->count(), steps);
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("readOnlyBanner"))->isVisible());
    for (QAction *action : window->actions().changingSession())
        QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    key(window.get(), Qt::Key_X);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditFail);

    // A run whose session file cannot be read: the dialog says so about that
    // run (no backup there), and cancels instead of quitting.
    const QString corrupt = m_dir->path() + QStringLiteral("/corrupt");
    QVERIFY(RunFixture::writeMixedRun(corrupt, QStringLiteral("run_corrupt")));
    QFile bad(corrupt + QStringLiteral("/director_session.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{ not json");
    bad.close();
    QVERIFY(!window->openRun(corrupt));
    auto *dialog = window->findChild<SessionProblemDialog *>();
    QVERIFY(dialog);
    QVERIFY(!dialog->restoreButton()->isEnabled());
    QCOMPARE(dialog->quitButton()->text(), QStringLiteral("Cancel"));
    QTest::mouseClick(dialog->quitButton(), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<SessionProblemDialog *>());
    QCoreApplication::processEvents();
    QVERIFY(window->isVisible());
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(!QFile::exists(corrupt + QStringLiteral("/director_session.json.lock")));
    QVERIFY(heldByTheWindow());
    QCOMPARE(window->model()->rowCount(), 5);
    key(window.get(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(onDisk().frames.value(1).directorOverrides.alignment->userOverrideX, 1.0);
    key(window.get(), Qt::Key_Z, Qt::ControlModifier); // its history is still there
    key(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
}

void TestMainWindow::ctrlWheelZoomIsRemembered()
{
    const auto wheel = [](StageView *stage, int steps) {
        const QPointF at = stage->canvasRect().center();
        QWheelEvent event(at, stage->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(stage->viewport(), &event);
    };
    {
        auto window = openWindow(run());
        QVERIFY(window);
        QVERIFY(window->stage()->isFit()); // the default
        key(window.get(), Qt::Key_3);
        QCOMPARE(window->stage()->zoom(), 4);
        wheel(window->stage(), 1);
        QCOMPARE(window->stage()->zoom(), 8);
        QVERIFY(window->actions().zoom[zoom8]->isChecked());
        QVERIFY(!window->actions().zoom[zoom4]->isChecked());
        wheel(window->stage(), -1);
        wheel(window->stage(), -1);
        QCOMPARE(window->stage()->zoom(), 2);
        QVERIFY(window->actions().zoom[zoom2]->isChecked());
        QVERIFY(!window->actions().zoom[zoom8]->isChecked());
        QVERIFY(window->close());
    }
    auto window = openWindow(run());
    QVERIFY(window);
    QCOMPARE(window->stage()->zoom(), 2);
    QVERIFY(window->actions().zoom[zoom2]->isChecked());
    QVERIFY(!window->actions().zoom[zoom4]->isChecked());
}

void TestMainWindow::fitIsTheDefaultAndTheChoiceIsRemembered()
{
    {
        auto window = openWindow(run());
        QVERIFY(window);
        StageView *stage = window->stage();
        const WindowActions &actions = window->actions();
        // Fit: the whole frame in view, as large as whole factors allow (more than 8×).
        QVERIFY(stage->isFit());
        QVERIFY(actions.zoomFit->isChecked());
        QVERIFY(!actions.zoom[zoom4]->isChecked());
        const int fit = stage->zoom();
        QCOMPARE(fit, StageView::fitFactor(QSize(16, 16), stage->maximumViewportSize(),
                                           stage->devicePixelRatioF()));
        QVERIFY2(fit > 8, qPrintable(QString::number(fit)));
        QVERIFY(stage->viewport()->rect().contains(stage->canvasRect()));
        QCOMPARE(stage->canvasRect().size(), QSize(16, 16) * fit);
        // It goes on fitting as the window is resized.
        window->resize(700, 500);
        QTRY_VERIFY(stage->zoom() < fit);
        QVERIFY(stage->isFit());
        QVERIFY(stage->viewport()->rect().contains(stage->canvasRect()));
        // A level: Fit is off, and remembered so.
        key(window.get(), Qt::Key_4);
        QCOMPARE(stage->zoom(), 8);
        QVERIFY(!stage->isFit());
        QVERIFY(!actions.zoomFit->isChecked());
        QVERIFY(actions.zoom[zoom8]->isChecked());
        QCOMPARE(QSettings().value(SettingsKeys::zoom).toInt(), 8);
        // 0 (or Ctrl+0, or View → Fit) fits again.
        key(window.get(), Qt::Key_0);
        QVERIFY(stage->isFit());
        QVERIFY(actions.zoomFit->isChecked());
        QVERIFY(!actions.zoom[zoom8]->isChecked());
        QCOMPARE(QSettings().value(SettingsKeys::zoom).toString(), QStringLiteral("fit"));
        key(window.get(), Qt::Key_2);
        QCOMPARE(stage->zoom(), 2);
        key(window.get(), Qt::Key_0, Qt::ControlModifier);
        QVERIFY(stage->isFit());
        // Zoom out from Fit: the level below the factor Fit shows.
        key(window.get(), Qt::Key_Minus);
        QCOMPARE(stage->zoom(), 8);
        QVERIFY(!stage->isFit());
        actions.zoomFit->trigger();
        QVERIFY(stage->isFit());
        QVERIFY(window->close());
    }
    auto window = openWindow(run());
    QVERIFY(window);
    QVERIFY(window->stage()->isFit());
    QVERIFY(window->actions().zoomFit->isChecked());
}

void TestMainWindow::aNewWindowOpensSuitedToTheScreen()
{
    // No geometry saved: four fifths of the screen, centred; not the window's minimum.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect available = window.screen()->availableGeometry();
    const QSize expected = (QSizeF(available.size()) * 0.8).toSize();
    QVERIFY2(qAbs(window.width() - expected.width()) <= 1 &&
                 qAbs(window.height() - expected.height()) <= 1,
             qPrintable(QStringLiteral("%1×%2 on %3×%4")
                            .arg(window.width())
                            .arg(window.height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY(window.size() != window.minimumSizeHint());
    QVERIFY(qAbs(window.geometry().center().x() - available.center().x()) <= 1);
    QVERIFY(qAbs(window.geometry().center().y() - available.center().y()) <= 1);
    // The stage, not the inspector, takes most of the width.
    QVERIFY2(window.stage()->width() > 2 * window.inspector()->width(),
             qPrintable(QStringLiteral("stage %1 px, inspector %2 px")
                            .arg(window.stage()->width())
                            .arg(window.inspector()->width())));
}

void TestMainWindow::onionSkinLayersShowTheNeighboursAsCommitWritesThem()
{
    auto window = openWindow(run());
    QVERIFY(window);
    StageView *stage = window->stage();
    // Every frame's pixels cover x 5 to 10: frame 1 nudged 8 to the left shows at x 0 to 2,
    // frame 3 nudged 8 to the right at x 13 to 15, where frame 2 is transparent.
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
    window->setCurrentFrame(3);
    key(window.get(), Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(onDisk().frames.value(1).directorOverrides.alignment->userOverrideX, -8.0);
    QCOMPARE(onDisk().frames.value(3).directorOverrides.alignment->userOverrideX, 8.0);
    window->setCurrentFrame(2);
    const auto shownAt = [stage](int x, int y) {
        const QRect canvas = stage->canvasRect();
        const int scale = canvas.width() / 16;
        return QColor(stage->grab().toImage().pixel(canvas.left() + x * scale + scale / 2,
                                                    canvas.top() + y * scale + scale / 2));
    };
    const auto grey = [](const QColor &c) { return c.red() == c.green() && c.green() == c.blue(); };
    const auto red = [](const QColor &c) {
        return c.red() > c.green() + 30 && c.red() > c.blue() + 30;
    };
    const auto blue = [](const QColor &c) {
        return c.blue() > c.red() + 30 && c.blue() > c.green();
    };
    QVERIFY(grey(shownAt(1, 8)) && grey(shownAt(14, 8))); // onion skin off: the checkerboard
    key(window.get(), Qt::Key_O);
    QVERIFY(stage->onionSkin());
    // The frame before, moved as commit moves it, in red; the frame after in blue.
    QVERIFY2(red(shownAt(1, 8)), qPrintable(shownAt(1, 8).name()));
    QVERIFY2(blue(shownAt(14, 8)), qPrintable(shownAt(14, 8).name()));

    // View → Onion Skin: each layer on its own.
    const WindowActions &actions = window->actions();
    QVERIFY(actions.onionPrevious->isChecked() && actions.onionNext->isChecked());
    actions.onionPrevious->trigger();
    QVERIFY(grey(shownAt(1, 8)));
    QVERIFY(blue(shownAt(14, 8)));
    actions.onionNext->trigger();
    QVERIFY(grey(shownAt(14, 8)));
    actions.onionPrevious->trigger();
    QVERIFY(red(shownAt(1, 8)));
    // The anchor (frame 0) shows where the frame on the stage has no image (frame 4): in its
    // own colours.
    window->setCurrentFrame(4);
    const QColor anchor = shownAt(7, 8);
    QVERIFY2(!grey(anchor) && !red(anchor) && anchor.blue() > anchor.red(),
             qPrintable(anchor.name()));
    actions.onionAnchor->trigger();
    QVERIFY(grey(shownAt(7, 8)));
    // O: the onion skin off and on, the layers as they were.
    key(window.get(), Qt::Key_O);
    QVERIFY(!stage->onionSkin());
    QVERIFY(!actions.onionAnchor->isChecked() && actions.onionPrevious->isChecked());
    QVERIFY(window->close());

    // Remembered.
    auto next = openWindow(run());
    QVERIFY(next);
    QVERIFY(next->actions().onionPrevious->isChecked());
    QVERIFY(!next->actions().onionNext->isChecked());
    QVERIFY(!next->actions().onionAnchor->isChecked());
    QCOMPARE(next->stage()->onionLayers(), (StageView::OnionLayers{true, false, false}));
}

void TestMainWindow::numbersFollowTheOperatorsLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto restore = qScopeGuard([] { QLocale::setDefault(QLocale::c()); });
    QTemporaryDir dir;
    QVERIFY(RunFixture::writeApprovedRun(dir.path(), 1000));
    QVERIFY(RunFixture::writeAudit(dir.path(), 1, true, {}, 0.873));
    auto window = openWindow(dir.path());
    QVERIFY(window);
    window->setCurrentFrame(1);
    // The inspector: a decimal comma.
    const auto *score = window->inspector()->findChild<QLabel *>(QStringLiteral("score"));
    QVERIFY2(score->text().startsWith(QLatin1String("0,873")), qPrintable(score->text()));
    const auto *metrics = window->inspector()->findChild<QTreeWidget *>(QStringLiteral("metrics"));
    QStringList values;
    for (int i = 0; i < metrics->topLevelItemCount(); ++i)
        values.append(metrics->topLevelItem(i)->text(0) + u'=' + metrics->topLevelItem(i)->text(1));
    QVERIFY2(values.contains(QStringLiteral("ssim=0,95")), qPrintable(values.join(u' ')));
    QVERIFY2(values.contains(QStringLiteral("palette_fidelity=0,99")),
             qPrintable(values.join(u' ')));
    // The status bar: a German thousands separator.
    const auto *progress = window->findChild<QLabel *>(QStringLiteral("progress"));
    QVERIFY2(progress->text().startsWith(QLatin1String("1.000 / 1.000 approved")),
             qPrintable(progress->text()));
}

void TestMainWindow::closingAsksWhenChangesCannotBeSaved()
{
    const auto failWrites = [] {
        AtomicFile::setFaultHook(
            [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    };
    {
        auto window = openWindow(run());
        QVERIFY(window);
        window->setCurrentFrame(2);
        QPlainTextEdit *notes = window->inspector()->notesEditor();
        key(window.get(), Qt::Key_E, Qt::ControlModifier);
        QTest::keyClicks(notes, QStringLiteral("needs a redo"));
        failWrites();
        const int opened = MessageBox::openedCount();
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        // A question, shown for real: modal on the window, its buttons in words.
        QMessageBox *question = shownBox(window.get());
        QVERIFY(question);
        QCOMPARE(question->windowTitle(), QStringLiteral("Changes not saved"));
        QVERIFY(question->isModal());
        QCOMPARE(question->windowModality(), Qt::WindowModal);
        QCOMPARE(question->parentWidget(), window.get());
        QAbstractButton *tryAgain = buttonOf(question, QStringLiteral("Try Again"));
        QAbstractButton *closeAnyway = buttonOf(question, QStringLiteral("Close Anyway"));
        QAbstractButton *cancel = question->button(QMessageBox::Cancel);
        QVERIFY(tryAgain && closeAnyway && cancel);
        QCOMPARE(question->buttons().size(), 3);
        QCOMPARE(question->buttonRole(tryAgain), QMessageBox::AcceptRole);
        QCOMPARE(question->buttonRole(closeAnyway), QMessageBox::DestructiveRole);
        QCOMPARE(question->defaultButton(), tryAgain);
        // One question, not a "Not saved" box beside it.
        QCoreApplication::processEvents();
        QCOMPARE(window->findChildren<QMessageBox *>().size(), 1);
        QCOMPARE(MessageBox::openedCount(), opened + 1);
        cancel->click();
        QTRY_VERIFY(window->findChildren<QMessageBox *>().isEmpty());
        QCoreApplication::processEvents();
        QVERIFY(window->isVisible());
        QCOMPARE(notes->toPlainText(), QStringLiteral("needs a redo"));
        QVERIFY(!onDisk().frames.value(2).directorOverrides.notes);

        // Once the disk takes it again, closing saves the notes and closes.
        AtomicFile::setFaultHook({});
        QVERIFY(window->close());
        QCOMPARE(onDisk().frames.value(2).directorOverrides.notes,
                 std::optional(QStringLiteral("needs a redo")));
    }
    // "Close Anyway" closes without them.
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(2);
    QPlainTextEdit *notes = window->inspector()->notesEditor();
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QTest::keyClicks(notes, QStringLiteral(", later"));
    failWrites();
    MessageBox::setNextAnswer(MessageBox::CloseAnyway);
    QVERIFY(!window->close());
    const MessageBox::Message question = MessageBox::lastMessage();
    QCOMPARE(question.title, QStringLiteral("Changes not saved"));
    QCOMPARE(question.icon, QMessageBox::Warning);
    QVERIFY2(question.text.contains(QLatin1String("Close anyway and lose them?")),
             qPrintable(question.text));
    QCOMPARE(question.buttons,
             (QList{MessageBox::TryAgain, MessageBox::CloseAnyway, MessageBox::Cancel}));
    QTRY_VERIFY(!window->isVisible());
    AtomicFile::setFaultHook({});
    QCOMPARE(onDisk().frames.value(2).directorOverrides.notes,
             std::optional(QStringLiteral("needs a redo")));
}

void TestMainWindow::closingTryAgainClosesOnceTheSaveSucceeds()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(2);
    QPlainTextEdit *notes = window->inspector()->notesEditor();
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QTest::keyClicks(notes, QStringLiteral("needs a redo"));
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });

    // Try Again while the disk still refuses: asked again, and the window stays.
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::TryAgain);
    QVERIFY(!window->close());
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Changes not saved"));
    QCOMPARE(MessageBox::lastMessage().defaultButton, MessageBox::TryAgain);
    MessageBox::setNextAnswer(MessageBox::Cancel); // the question asked again
    QTRY_COMPARE(MessageBox::openedCount(), opened + 2);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Changes not saved"));
    QCoreApplication::processEvents(); // its answer
    QCoreApplication::processEvents();
    QVERIFY(window->isVisible());
    QVERIFY(!onDisk().frames.value(2).directorOverrides.notes);

    // Try Again once the disk takes it again: saved, and the window closes.
    MessageBox::setNextAnswer(MessageBox::TryAgain);
    QVERIFY(!window->close());
    QCOMPARE(MessageBox::openedCount(), opened + 3);
    AtomicFile::setFaultHook({}); // before the answer arrives
    QTRY_VERIFY(!window->isVisible());
    QCOMPARE(MessageBox::openedCount(), opened + 3);
    QCOMPARE(sessionIn(run()).frames.value(2).directorOverrides.notes,
             std::optional(QStringLiteral("needs a redo")));
}

void TestMainWindow::aSlowDiskNeverHoldsTheWindowAndTheLatestChangeWins()
{
    auto window = openWindow(run());
    QVERIFY(window);
    auto *saveState = window->findChild<QLabel *>(QStringLiteral("saveState"));
    HeldDisk disk;
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    // The key has returned while its save is held: the window did not wait.
    QVERIFY(disk.waitUntilHolding());
    QCOMPARE(window->model()->index(1).data(FrameListModel::StatusRole).toInt(),
             int(FrameStatus::Approved));
    QCOMPARE(saveState->text(), QStringLiteral("Saving…"));
    QVERIFY(window->isWindowModified());
    // More changes while the disk is busy: only the latest is written next.
    for (int i = 0; i < 3; ++i)
        key(window.get(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(window->manager()->getFrameState(1)->directorOverrides.alignment->userOverrideX, 3.0);
    QCOMPARE(sessionIn(run()).frames.value(1).status, FrameStatus::AuditWarn); // not yet
    disk.release();
    QVERIFY(window->manager()->waitForSaves());
    QCOMPARE(disk.writes(), 2);
    const DirectorFrameState frame = sessionIn(run()).frames.value(1);
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, 3.0);
    QVERIFY(saveState->text().startsWith(QLatin1String("Saved at")));
    QVERIFY(!window->isWindowModified());
}

void TestMainWindow::closingWaitsForTheLastSave()
{
    auto window = openWindow(run());
    QVERIFY(window);
    SlowDisk disk(300);
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    QVERIFY(window->close());
    QCOMPARE(sessionIn(run()).frames.value(1).status, FrameStatus::Approved);
}

void TestMainWindow::redoSavesPendingNotesFirst()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    key(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditWarn);
    QAction *redo = window->actions().redo;
    QVERIFY(redo->isEnabled());

    QPlainTextEdit *notes = window->inspector()->notesEditor();
    key(window.get(), Qt::Key_E, Qt::ControlModifier);
    QTest::keyClicks(notes, QStringLiteral("hand"));
    redo->trigger(); // Edit > Redo, before the typing pause
    // The notes are the latest change: saved at once, and what was undone
    // before them is not put back over them.
    DirectorFrameState frame = onDisk().frames.value(1);
    QCOMPARE(frame.directorOverrides.notes, std::optional(QStringLiteral("hand")));
    QCOMPARE(frame.status, FrameStatus::AuditWarn);
    QVERIFY(!redo->isEnabled());
    QCOMPARE(notes->toPlainText(), QStringLiteral("hand"));

    key(notes, Qt::Key_Escape);
    key(window.get(), Qt::Key_Z, Qt::ControlModifier);
    frame = onDisk().frames.value(1);
    QVERIFY(!frame.directorOverrides.notes);
    QCOMPARE(frame.status, FrameStatus::AuditWarn);
    QCOMPARE(notes->toPlainText(), QString());
}

void TestMainWindow::undoAndRedoSelectTheFrameTheyChange()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    key(window.get(), Qt::Key_End);
    QCOMPARE(window->currentFrame(), 4);
    key(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditWarn);
    QCOMPARE(window->currentFrame(), 1);
    QCOMPARE(window->filmstrip()->currentIndex().row(), 1);
    QCOMPARE(window->inspector()->frameIndex(), 1);

    key(window.get(), Qt::Key_Home);
    QCOMPARE(window->currentFrame(), 0);
    key(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    QCOMPARE(window->currentFrame(), 1);
    QCOMPARE(window->filmstrip()->currentIndex().row(), 1);
}

void TestMainWindow::filmstripMakesOnlyTheThumbnailsInView()
{
    // A long run: the filmstrip shows a dozen of its frames at a time.
    const QString longRun = m_dir->path() + QStringLiteral("/long");
    QVERIFY(RunFixture::writeApprovedRun(longRun, 300));
    auto window = openWindow(longRun);
    QVERIFY(window);
    QListView *strip = window->filmstrip();
    FrameListModel *model = window->model();
    auto inView = [&] {
        QList<int> rows;
        for (int row = 0; row < model->rowCount(); ++row)
            if (strip->visualRect(strip->model()->index(row, 0))
                    .intersects(strip->viewport()->rect()))
                rows.append(row);
        return rows;
    };
    auto madeInView = [&] {
        const QList<int> rows = inView();
        return !rows.isEmpty() && std::none_of(rows.cbegin(), rows.cend(), [&](int row) {
            return model->index(row).data(FrameListModel::ThumbnailLoadingRole).toBool();
        });
    };
    // What the filmstrip shows at the centre of a frame's thumbnail.
    auto shownAtCentreOf = [&](int row) {
        const QRect cell = strip->visualRect(strip->model()->index(row, 0));
        const QImage shot = strip->viewport()->grab().toImage();
        return shot.pixel(cell.left() + 9 + 32, cell.top() + 9 + 32); // 16 px frames, ×4
    };
    QTRY_VERIFY(madeInView());
    QCOMPARE(shownAtCentreOf(2), RunFixture::frameImage(2).pixel(8, 8));
    // The frames out of view were never decoded.
    QVERIFY2(model->thumbnailDecodesStarted() < 40,
             qPrintable(QString::number(model->thumbnailDecodesStarted())));
    QVERIFY(model->index(299).data(FrameListModel::ThumbnailLoadingRole).toBool());
    // Scrolled to the end: those frames are made in turn.
    strip->scrollTo(strip->model()->index(299, 0));
    QVERIFY(inView().contains(299));
    QTRY_VERIFY(madeInView());
    QCOMPARE(shownAtCentreOf(299), RunFixture::frameImage(299).pixel(8, 8));
}

void TestMainWindow::windowGeometryAndSplitterAreRestored()
{
    const QSize size(840, 610);
    QList<int> sizes;
    {
        MainWindow window;
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("topSplitter"));
        QVERIFY(splitter);
        // The inspector wider than the stage: not how a new window splits.
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
        splitter->setSizes({total / 3, total - total / 3});
        sizes = splitter->sizes();
        QVERIFY(sizes.value(1) > sizes.value(0));
        QVERIFY(window.close());
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);
    QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("topSplitter"))->sizes(), sizes);
}

QList<QAction *> TestMainWindow::recentRuns(MainWindow *window)
{
    emit window->actions().recentRuns->aboutToShow();
    QList<QAction *> runs;
    for (QAction *action : window->actions().recentRuns->actions()) {
        if (action->objectName() == QLatin1String("recentRun"))
            runs.append(action);
    }
    return runs;
}

namespace {

QStringList pathsOf(const QList<QAction *> &actions)
{
    QStringList paths;
    for (const QAction *action : actions)
        paths.append(action->data().toString());
    return paths;
}

QAction *actionIn(const QMenu *menu, const QString &name)
{
    for (QAction *action : menu->actions()) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

} // namespace

void TestMainWindow::openRecentListsRunsMostRecentFirstAndOpensThem()
{
    const QString second = m_dir->path() + QStringLiteral("/second");
    const QString third = m_dir->path() + QStringLiteral("/third");
    QVERIFY(RunFixture::writeMixedRun(second, QStringLiteral("run_second")));
    QVERIFY(RunFixture::writeMixedRun(third, QStringLiteral("run_third")));
    auto window = openWindow(run());
    QVERIFY(window);
    QVERIFY(window->openRun(second));
    QVERIFY(window->openRun(third));
    QVERIFY(window->openRun(run())); // again: back to the top, listed once
    // A folder that does not open is not listed.
    QTemporaryDir notARun;
    MessageBox::setNextAnswer(MessageBox::Ok);
    QVERIFY(!window->openRun(notARun.path()));
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("Cannot open the run"));
    QCoreApplication::processEvents(); // its answer
    QCOMPARE(pathsOf(recentRuns(window.get())), (QStringList{run(), third, second}));
    const QList<QAction *> listed = recentRuns(window.get());
    QVERIFY2(listed.at(0)->text().startsWith(QLatin1String("&1 ")),
             qPrintable(listed.at(0)->text()));
    QVERIFY(listed.at(1)->text().contains(QLatin1String("third")));
    QVERIFY(std::all_of(listed.cbegin(), listed.cend(), [](QAction *a) { return a->isEnabled(); }));
    // In the File menu.
    QVERIFY(window->menuBar()->actions().value(0)->menu()->actions().contains(
        window->actions().recentRuns->menuAction()));
    // Remembered: another window lists them too.
    {
        MainWindow other;
        QCOMPARE(pathsOf(recentRuns(&other)), (QStringList{run(), third, second}));
    }

    // Choosing one opens it, and it moves to the top.
    listed.at(2)->trigger(); // read off the GUI thread
    QTRY_COMPARE(window->manager()->session().runId, QStringLiteral("run_second"));
    QCOMPARE(pathsOf(recentRuns(window.get())), (QStringList{second, run(), third}));
    QVERIFY(backToTheWindow(window.get()));
    key(window.get(), Qt::Key_Right);
    key(window.get(), Qt::Key_A);
    QVERIFY(window->manager()->waitForSaves());
    QCOMPARE(sessionIn(second).frames.value(1).status, FrameStatus::Approved);

    // It opens the way File → Open Run does: a run another Director holds
    // asks first, and the review open now stays.
    SessionStore holder(third);
    QVERIFY(holder.lock());
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Cancel);
    recentRuns(window.get()).at(2)->trigger();
    QTRY_COMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(MessageBox::lastMessage().title, QStringLiteral("The run is open elsewhere"));
    QCOMPARE(MessageBox::lastMessage().buttons,
             (QList{MessageBox::OpenReadOnly, MessageBox::Cancel}));
    QCoreApplication::processEvents(); // its answer
    QCoreApplication::processEvents();
    QCOMPARE(window->manager()->session().runId, QStringLiteral("run_second"));
    QCOMPARE(pathsOf(recentRuns(window.get())), (QStringList{second, run(), third}));
}

void TestMainWindow::openRecentKeepsTenAndShowsRunsThatAreGoneDisabled()
{
    auto window = openWindow(run());
    QVERIFY(window);
    QStringList runs;
    for (int i = 0; i < 12; ++i) {
        runs.prepend(m_dir->path() + QStringLiteral("/run_%1").arg(i));
        QVERIFY(RunFixture::writeMixedRun(runs.first(), QStringLiteral("run_%1").arg(i)));
        QVERIFY(window->openRun(runs.first()));
    }
    QCOMPARE(pathsOf(recentRuns(window.get())), runs.mid(0, 10));
    QVERIFY(recentRuns(window.get()).at(9)->text().startsWith(QLatin1String("1&0 ")));

    // A run that is gone: shown, but it cannot be chosen.
    QVERIFY(QDir(runs.at(3)).removeRecursively());
    const QList<QAction *> listed = recentRuns(window.get());
    QCOMPARE(listed.size(), 10);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(listed.at(i)->isEnabled(), i != 3);
    QVERIFY(listed.at(3)->toolTip().contains(QLatin1String("no longer there")));
}

void TestMainWindow::clearMenuEmptiesOpenRecent()
{
    auto window = openWindow(run());
    QVERIFY(window);
    QCOMPARE(recentRuns(window.get()).size(), 1);
    QAction *clear = actionIn(window->actions().recentRuns, QStringLiteral("clearRecent"));
    QVERIFY(clear);
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QVERIFY(recentRuns(window.get()).isEmpty());
    QVERIFY(!QSettings().contains(SettingsKeys::recentRuns));
    // Only a disabled placeholder and a disabled Clear Menu are left.
    const QList<QAction *> left = window->actions().recentRuns->actions();
    QCOMPARE(
        std::count_if(left.cbegin(), left.cend(), [](QAction *a) { return !a->isSeparator(); }), 2);
    QVERIFY(std::none_of(left.cbegin(), left.cend(),
                         [](QAction *a) { return !a->isSeparator() && a->isEnabled(); }));
    QVERIFY(!actionIn(window->actions().recentRuns, QStringLiteral("clearRecent"))->isEnabled());
    MainWindow other;
    QVERIFY(recentRuns(&other).isEmpty());
}

void TestMainWindow::editMenuUndoAndRedoFollowTheStack()
{
    auto window = openWindow(run());
    QVERIFY(window);
    QAction *undo = window->actions().undo;
    QAction *redo = window->actions().redo;
    QMenu *edit = window->menuBar()->actions().value(1)->menu();
    QCOMPARE(edit->title(), QStringLiteral("&Edit"));
    QVERIFY(edit->actions().contains(undo));
    QVERIFY(edit->actions().contains(redo));
    QVERIFY(edit->actions().contains(window->actions().preferences));
    QVERIFY(!undo->isEnabled());
    QVERIFY(!redo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo"));

    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    QUndoStack *stack = window->history()->stack();
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo %1").arg(stack->undoText()));
    QCOMPARE(undo->text(), QStringLiteral("&Undo Approve frame 1"));
    QVERIFY(!redo->isEnabled());

    undo->trigger(); // Edit > Undo
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditWarn);
    QVERIFY(!undo->isEnabled());
    QVERIFY(redo->isEnabled());
    QCOMPARE(redo->text(), QStringLiteral("&Redo Approve frame 1"));
    redo->trigger();
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    QCOMPARE(undo->text(), QStringLiteral("&Undo Approve frame 1"));
    QVERIFY(!redo->isEnabled());
    QCOMPARE(redo->text(), QStringLiteral("&Redo"));
}

PreferencesDialog *TestMainWindow::openPreferences(MainWindow *window)
{
    QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier); // Edit > Preferences…
    auto *dialog = window->findChild<PreferencesDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestMainWindow::preferencesOkStoresAndApplies()
{
    auto window = openWindow(run());
    QVERIFY(window);
    PreferencesDialog *dialog = openPreferences(window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->isModal());
    QCOMPARE(dialog->zoomBox()->currentData().toInt(), StageView::fitZoom); // as the window is
    dialog->themeBox()->setCurrentIndex(
        dialog->themeBox()->findData(int(Preferences::Theme::Dark)));
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("de")));
    dialog->zoomBox()->setCurrentIndex(dialog->zoomBox()->findData(8));
    dialog->onionSkinBox()->setChecked(true);
    dialog->previousOpacityBox()->setValue(50);
    dialog->anchorOpacityBox()->setValue(25);
    dialog->autoAdvanceBox()->setChecked(true);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<PreferencesDialog *>());

    // Applied.
    StageView *stage = window->stage();
    QCOMPARE(stage->zoom(), 8);
    QVERIFY(window->actions().zoom[zoom8]->isChecked());
    QVERIFY(!window->actions().zoom[zoom4]->isChecked());
    QVERIFY(stage->onionSkin());
    QVERIFY(window->actions().onionSkin->isChecked());
    QCOMPARE(stage->previousOpacity(), 0.50);
    QCOMPARE(stage->anchorOpacity(), 0.25);
    QVERIFY(window->actions().autoAdvance->isChecked());
    QCOMPARE(Theme::current(), Preferences::Theme::Dark);
    QTRY_VERIFY(Theme::isDark(window->palette()));
    QVERIFY(Theme::isDark(stage->palette()));
    // Auto-advance works at once.
    QVERIFY(backToTheWindow(window.get()));
    window->setCurrentFrame(1);
    key(window.get(), Qt::Key_A);
    QCOMPARE(window->currentFrame(), 2);

    // Stored: the keys main.cpp and the next window read.
    const QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QCOMPARE(settings.value(QStringLiteral("view/zoom")).toInt(), 8);
    QVERIFY(window->close());
    auto next = openWindow(run());
    QVERIFY(next);
    QCOMPARE(next->stage()->zoom(), 8);
    QVERIFY(next->stage()->onionSkin());
    QCOMPARE(next->stage()->previousOpacity(), 0.50);
    QCOMPARE(next->stage()->anchorOpacity(), 0.25);
    QVERIFY(next->actions().autoAdvance->isChecked());
    PreferencesDialog *again = openPreferences(next.get());
    QVERIFY(again);
    QVERIFY(again->preferences() == Preferences::load());
    QCOMPARE(again->languageBox()->currentData().toString(), QStringLiteral("de"));
    again->reject();
}

void TestMainWindow::preferencesCancelChangesNothing()
{
    auto window = openWindow(run());
    QVERIFY(window);
    const Preferences before = Preferences::load();
    PreferencesDialog *dialog = openPreferences(window.get());
    QVERIFY(dialog);
    dialog->themeBox()->setCurrentIndex(
        dialog->themeBox()->findData(int(Preferences::Theme::Dark)));
    dialog->zoomBox()->setCurrentIndex(dialog->zoomBox()->findData(1));
    dialog->onionSkinBox()->setChecked(true);
    dialog->autoAdvanceBox()->setChecked(true);
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("en")));
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<PreferencesDialog *>());
    QVERIFY(window->stage()->isFit());
    QVERIFY(!window->stage()->onionSkin());
    QVERIFY(!window->actions().autoAdvance->isChecked());
    QCOMPARE(Theme::current(), Preferences::Theme::System);
    QVERIFY(!Theme::isDark(window->palette()));
    QVERIFY(Preferences::load() == before);
    QVERIFY(!QSettings().contains(SettingsKeys::language));
}

void TestMainWindow::preferencesRestoreDefaults()
{
    Preferences custom;
    custom.zoom = 2;
    custom.onionSkin = true;
    custom.onionPreviousOpacity = 70;
    custom.autoAdvance = true;
    custom.language = QStringLiteral("en");
    custom.save();
    auto window = openWindow(run());
    QVERIFY(window);
    QCOMPARE(window->stage()->zoom(), 2); // the window starts with them
    QVERIFY(window->stage()->onionSkin());
    QCOMPARE(window->stage()->previousOpacity(), 0.70);
    PreferencesDialog *dialog = openPreferences(window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->preferences() == custom);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::RestoreDefaults), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(window->stage()->zoom(), 2); // not before OK
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<PreferencesDialog *>());
    QVERIFY(window->stage()->isFit());
    QVERIFY(window->actions().zoomFit->isChecked());
    QVERIFY(!window->stage()->onionSkin());
    QCOMPARE(window->stage()->previousOpacity(), 0.30);
    QCOMPARE(window->stage()->anchorOpacity(), 0.15);
    QVERIFY(!window->actions().autoAdvance->isChecked());
    QVERIFY(Preferences::load() == Preferences());
}

void TestMainWindow::helpMenuShortcutsAndAbout()
{
    auto window = openWindow(run());
    QVERIFY(window);
    QMenu *help = window->menuBar()->actions().constLast()->menu();
    QCOMPARE(help->title(), QStringLiteral("&Help"));
    const WindowActions &actions = window->actions();
    for (QAction *action : {actions.shortcuts, actions.about, actions.aboutQt})
        QVERIFY2(help->actions().contains(action), qPrintable(action->objectName()));

    // F1: the shortcut map, every menu's keys in it, Preferences too.
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Close);
    key(window.get(), Qt::Key_F1);
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    const MessageBox::Message shortcuts = MessageBox::lastMessage();
    QCOMPARE(shortcuts.title, QStringLiteral("Keyboard Shortcuts"));
    QCOMPARE(shortcuts.buttons, QList{MessageBox::Close});
    const QString map = shortcuts.text;
    QVERIFY(map.contains(QLatin1String("Approve")));
    QVERIFY2(map.contains(QStringLiteral("Preferences…")), qPrintable(map));
    QVERIFY2(!map.contains(QLatin1String("<b></b>")), qPrintable(map)); // every row has keys
    QVERIFY2(
        map.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma).toString(QKeySequence::NativeText)),
        qPrintable(map));
    QCoreApplication::processEvents(); // its answer

    // About Director: its version and Qt's.
    MessageBox::setNextAnswer(MessageBox::Close);
    actions.about->trigger();
    QCOMPARE(MessageBox::openedCount(), opened + 2);
    const MessageBox::Message about = MessageBox::lastMessage();
    QCOMPARE(about.title, QStringLiteral("About Director"));
    QCOMPARE(about.format, Qt::RichText);
    const QString text = about.text;
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Director \\d+\\.\\d+\\.\\d+"))),
             qPrintable(text));
    QVERIFY(text.contains(QLatin1String(QT_VERSION_STR)));
    QVERIFY(text.contains(QLatin1String(qVersion())));
    QCoreApplication::processEvents(); // its answer

    // About Qt: Qt's own box (modal; closed as soon as it shows).
    QString title;
    QTimer closer;
    connect(&closer, &QTimer::timeout, &closer, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            title = box->windowTitle();
            box->done(0);
        }
    });
    closer.start(10);
    actions.aboutQt->trigger();
    closer.stop();
    QCOMPARE(title, QStringLiteral("About Qt"));
}

void TestMainWindow::everyControlHasAnAccessibleName()
{
    auto window = openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    int controls = 0;
    QStringList unnamed = AccessibleNames::unnamedControls(window.get(), &controls);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    QVERIFY2(controls >= 6, qPrintable(QString::number(controls)));
    QCOMPARE(AccessibleNames::nameOf(window->stage()), QStringLiteral("Stage"));
    QVERIFY(!window->stage()->accessibleDescription().isEmpty());
    QCOMPARE(AccessibleNames::nameOf(window->filmstrip()), QStringLiteral("Filmstrip"));
    QCOMPARE(AccessibleNames::nameOf(window->inspector()->notesEditor()),
             QStringLiteral("Operator notes"));
    QCOMPARE(AccessibleNames::nameOf(window->findChild<QWidget *>(QStringLiteral("metrics"))),
             QStringLiteral("Audit metrics"));
    // Status and value labels: what they are about, and what they say.
    QCOMPARE(AccessibleNames::nameOf(window->findChild<QLabel *>(QStringLiteral("progress"))),
             QStringLiteral("Review progress: 1 / 5 approved · 1 warn · 1 fail"));
    QVERIFY(AccessibleNames::nameOf(window->findChild<QLabel *>(QStringLiteral("saveState")))
                .startsWith(QLatin1String("Save state: Saved at ")));
    const auto *score = window->inspector()->findChild<QLabel *>(QStringLiteral("score"));
    QCOMPARE(AccessibleNames::nameOf(const_cast<QLabel *>(score)),
             QStringLiteral("Composite score: %1").arg(score->text()));
    QVERIFY(
        AccessibleNames::nameOf(window->inspector()->findChild<QLabel *>(QStringLiteral("flags")))
            .startsWith(QLatin1String("Audit flags: ")));

    // The dialogs.
    PreferencesDialog *preferences = openPreferences(window.get());
    QVERIFY(preferences);
    unnamed = AccessibleNames::unnamedControls(preferences);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    preferences->reject();
    SessionProblemDialog problem(QStringLiteral("frames.3.status: unknown value"), true,
                                 window.get());
    problem.show();
    unnamed = AccessibleNames::unnamedControls(&problem, &controls);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    QVERIFY(controls >= 4);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
