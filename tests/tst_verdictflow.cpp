#include "demo/demorun.h"
#include "filmstrip.h"
#include "mainwindow.h"
#include "playback/playback.h"
#include "playbackpresenter.h"
#include "reasonpicker.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "review/reviewhistory.h"
#include "review/runstatus.h"
#include "review/sessionmanager.h"
#include "session/sessioncodec.h"
#include "session/transitionrules.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

// A verdict on the filmstrip's selection of thousands of frames (VerdictFlow, A and X): made
// off the GUI thread (SessionManager::applyFrameEditsInBackground), said in the status bar
// meanwhile, then one change (one save, one signal, one dataChanged) and one undo step; a
// change the operator makes meanwhile comes after it. Checked against the session file.
class TestVerdictFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void aVerdictOnThousandsOfFramesIsOneChangeMadeInTheBackground();
    void aRejectionWithAReasonOnThousandsOfFrames();
    void aChangeMadeMeanwhileComesAfterTheBatch();

private:
    static constexpr int frames = 1200; // a quarter of them not approved: 300
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    DirectorSession onDisk(MainWindow *window) const;
    static void selectAll(MainWindow *window);
    // What the status bar's review progress says of these frames.
    static QString progressOf(const QMap<int, DirectorFrameState> &frames);
    // The codes the reason picker X opens lists (closed with Escape, nothing changed).
    static QStringList pickerCodes(MainWindow *window);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestVerdictFlow::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorVerdictFlowTests")));
    // One run for every test (writing 1,200 frames takes a while, more under a sanitizer); each
    // test starts from a session made afresh from it.
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(DemoRun::write(run(), frames));
}

void TestVerdictFlow::init()
{
    QSettings().clear();
    // What a test leaves is only the session (the verdicts change no image): without it, the
    // window makes a new one from the run folder, as on the first open.
    const QDir folder(run());
    for (const QString &name :
         folder.entryList({QStringLiteral("director_session.json*")}, QDir::Files | QDir::Hidden))
        QVERIFY(QFile::remove(folder.filePath(name)));
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("director_session.json"))));
}

void TestVerdictFlow::cleanupTestCase()
{
    m_dir.reset();
}

DirectorSession TestVerdictFlow::onDisk(MainWindow *window) const
{
    if (window)
        window->manager()->waitForSaves();
    QFile file(run() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

void TestVerdictFlow::selectAll(MainWindow *window)
{
    window->setCurrentFrame(0);
    window->filmstrip()->setFocus();
    QTest::keyClick(window->filmstrip(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(window->filmstrip()->selectionModel()->selectedRows().size(), frames);
    // Enough of them to change for a batch made in the background.
    qsizetype toApprove = 0;
    for (const DirectorFrameState &frame : window->manager()->session().frames)
        toApprove += frame.status != FrameStatus::Approved;
    QVERIFY2(toApprove >= SessionManager::backgroundBatch, qPrintable(QString::number(toApprove)));
}

QString TestVerdictFlow::progressOf(const QMap<int, DirectorFrameState> &frames)
{
    const FrameCounts counts = FrameCounts::of(frames);
    return QStringLiteral("%L1 / %L2 approved · %L3 warn · %L4 fail")
        .arg(counts.count(FrameStatus::Approved))
        .arg(counts.total())
        .arg(counts.count(FrameStatus::AuditWarn))
        .arg(counts.count(FrameStatus::AuditFail));
}

QStringList TestVerdictFlow::pickerCodes(MainWindow *window)
{
    QTest::keyClick(window, Qt::Key_X);
    QStringList codes;
    for (ReasonPicker *picker : window->findChildren<ReasonPicker *>()) {
        if (!picker->isVisible())
            continue;
        for (int row = 0; row < picker->list()->count(); ++row)
            codes.append(picker->list()->item(row)->data(Qt::UserRole).toString());
        QTest::keyClick(picker->filter(), Qt::Key_Escape);
    }
    QCoreApplication::processEvents();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window) ? codes : QStringList();
}

void TestVerdictFlow::aVerdictOnThousandsOfFramesIsOneChangeMadeInTheBackground()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    SessionManager *manager = window->manager();
    const DirectorSession original = onDisk(window.get());
    QCOMPARE(original.frames.size(), frames);
    selectAll(window.get());
    QSignalSpy batch(manager, &SessionManager::framesChanged);
    QSignalSpy one(manager, &SessionManager::frameChanged);
    QSignalSpy saved(manager, &SessionManager::saved);
    QSignalSpy rows(window->model(), &QAbstractItemModel::dataChanged);
    const QMap<int, DirectorFrameState> shown = manager->session().frames;

    QTest::keyClick(window.get(), Qt::Key_A);
    // Being made: said, and nothing shown changed yet.
    QVERIFY(manager->isApplyingBatch());
    QVERIFY2(window->statusBar()->currentMessage().startsWith(QLatin1String("Approving")),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(manager->session().frames, shown);
    QTRY_VERIFY_WITH_TIMEOUT(!manager->isApplyingBatch(), 60000); // long under the sanitizers

    const DirectorSession disk = onDisk(window.get());
    int approved = 0;
    int changed = 0; // what the undo step names: not those approved already, nor the refused
    for (const DirectorFrameState &was : original.frames) {
        const DirectorFrameState &now = disk.frames.value(was.frameIndex);
        if (TransitionRules::isAllowed(was.status, FrameStatus::Approved) ||
            was.status == FrameStatus::Approved) {
            QCOMPARE(now.status, FrameStatus::Approved);
            QVERIFY(now.directorOverrides.verdict || was.status == FrameStatus::Approved);
            ++approved;
            changed += was.status != FrameStatus::Approved;
        } else {
            QCOMPARE(now.status, was.status); // refused, named in the status bar
        }
    }
    QVERIFY(approved > frames / 2);
    QCOMPARE(batch.count(), 1);
    QCOMPARE(one.count(), 0);
    QCOMPARE(saved.count(), 1);
    // The filmstrip's rows: one dataChanged for the rows (thumbnails come one by one).
    int frameRows = 0;
    for (const QList<QVariant> &signal : std::as_const(rows))
        frameRows += signal.at(2).value<QList<int>>().isEmpty();
    QCOMPARE(frameRows, 1);
    QCOMPARE(window->model()->index(frames - 1).data(FrameListModel::StatusRole).toInt(),
             int(disk.frames.value(frames - 1).status));
    QCOMPARE(window->history()->stack()->count(), 1);
    QVERIFY(changed > 0 && changed < frames);
    QCOMPARE(window->actions().undo->text(),
             QStringLiteral("&Undo Approve %1 frames").arg(changed));
    // The status bar's count follows (counted off the GUI thread); the frames with an image
    // still play; the reason picker offers the run's codes as a walk of every frame finds them.
    auto *progress = window->findChild<QLabel *>(QStringLiteral("progress"));
    QVERIFY(progress);
    QTRY_COMPARE(progress->text(), progressOf(disk.frames));
    qsizetype withImage = 0;
    for (const DirectorFrameState &frame : disk.frames)
        withImage += !frame.finalImagePath().isEmpty();
    QVERIFY(withImage > 0);
    QTRY_COMPARE(window->playback()->playback()->frames().size(), withImage);
    const QStringList codes = pickerCodes(window.get());
    QCOMPARE(codes, ReasonPicker::reasonsFor(manager->session(), window->currentFrame()));
    QCOMPARE(window->history()->stack()->count(), 1); // the picker changed nothing

    // One Ctrl+Z puts every frame back, saved once.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames, original.frames);
    QCOMPARE(batch.count(), 2);
    QTRY_COMPARE(progress->text(), progressOf(original.frames));
    // And Ctrl+Shift+Z makes it again.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(onDisk(window.get()).frames, disk.frames);
}

void TestVerdictFlow::aRejectionWithAReasonOnThousandsOfFrames()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    SessionManager *manager = window->manager();
    const DirectorSession original = onDisk(window.get());
    selectAll(window.get());
    QTest::keyClick(window.get(), Qt::Key_X);
    QVERIFY(WindowFixture::answerReasonPicker(window.get(), QStringLiteral("1")));
    QTRY_VERIFY_WITH_TIMEOUT(!manager->isApplyingBatch(), 60000); // long under the sanitizers
    const DirectorSession disk = onDisk(window.get());
    int rejected = 0;
    QString code;
    for (const DirectorFrameState &was : original.frames) {
        const DirectorFrameState &now = disk.frames.value(was.frameIndex);
        if (!TransitionRules::isAllowed(was.status, FrameStatus::AuditFail) &&
            was.status != FrameStatus::AuditFail) {
            QCOMPARE(now.status, was.status); // refused
            continue;
        }
        QCOMPARE(now.status, FrameStatus::AuditFail);
        ++rejected;
        const std::optional<Verdict> &verdict = now.directorOverrides.verdict;
        QVERIFY(verdict && verdict->reasonCode && !verdict->reviewer.isEmpty());
        if (code.isEmpty())
            code = *verdict->reasonCode;
        QCOMPARE(*verdict->reasonCode, code); // one reason for all of them
    }
    QVERIFY(rejected > 0);
    QCOMPARE(window->history()->stack()->count(), 1);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames, original.frames);
}

void TestVerdictFlow::aChangeMadeMeanwhileComesAfterTheBatch()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    SessionManager *manager = window->manager();
    const DirectorSession original = onDisk(window.get());
    selectAll(window.get());
    QTest::keyClick(window.get(), Qt::Key_A);
    QVERIFY(manager->isApplyingBatch());
    // A frame the batch approves, rejected before the batch is in: the rejection stands.
    int frame = -1;
    for (const DirectorFrameState &was : original.frames) {
        if (TransitionRules::isAllowed(was.status, FrameStatus::Approved) &&
            TransitionRules::isAllowed(FrameStatus::Approved, FrameStatus::AuditFail)) {
            frame = was.frameIndex;
            break;
        }
    }
    QVERIFY(frame >= 0);
    QVERIFY(window->controller()->reject(frame));
    QVERIFY(!manager->isApplyingBatch());
    DirectorSession disk = onDisk(window.get());
    QCOMPARE(disk.frames.value(frame).status, FrameStatus::AuditFail);
    QCOMPARE(window->history()->stack()->count(), 2);
    // Undone in turn: the rejection, then the batch.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    disk = onDisk(window.get());
    QCOMPARE(disk.frames.value(frame).status, FrameStatus::Approved);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames, original.frames);
    // Redone in turn: the batch frame by frame now (its frames are not the session's any
    // more), then the rejection.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(onDisk(window.get()).frames.value(frame).status, FrameStatus::Approved);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(onDisk(window.get()).frames.value(frame).status, FrameStatus::AuditFail);
}

QTEST_MAIN(TestVerdictFlow)
#include "tst_verdictflow.moc"
