#include "mainwindow.h"
#include "review/framelistmodel.h"
#include "review/reviewhistory.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runingest.h"
#include "run/runwatcher.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "windowactions.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

// A run the pipeline is still writing, open in Director: the run folder is
// written frame by frame, file by file (some of them in two halves), while a
// RunWatcher follows it, and the session takes in each step through the
// manager.
class TestLiveRun : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void framesArriveOneByOne();
    void halfWrittenFilesWaitAndAreNotCorrupt();
    void aNewAttemptGoesBackToGeneratedThenToItsAudit();
    void anAuditThatNamesNoAttemptCountsOnceWrittenAfterTheImage();
    void approvedFramesAndTheOperatorsWorkAreKept();
    void theRunGrows();
    void undoDoesNotTakeBackThePipelinesWork();
    void missedEventsAreFoundByTheRescan();
    void ownSavesAreNotNews();
    void readOnlyAndCommittedRunsAreNotFollowed();
    void completeImages();
    void aFileNeverFinishedIsNotReadForever();
    void aNewAttemptOnANudgedFrameIsNotApprovedUnseen();
    void notesUndoneOnAFrameThePipelineChanged();
    void aDroppedRedoUpdatesTheStack();
    void nothingIsTakenInDuringACommit();
    void theWindowShowsTheRunAsItIsWritten();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    FrameStatus statusOf(int frame) const { return m_manager->getFrameState(frame)->status; }
    DirectorSession onDisk() const;
    // The frame's candidate, written in two halves with a look between them.
    void writeCandidateInHalves(int frame, int attempt);
    static bool writeAuditOf(const QString &runDir, int frame, bool passed,
                             const QStringList &flags, double score, const QList<int> &attempts);
    // Opens the run and follows it, with short delays.
    void open();
    // Lets the watcher look at the folder `count` more times; with `read`,
    // the first one now, reading the folder whether it changed or not.
    void waitForLooks(int count, bool read = true);

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_settings;
    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<RunWatcher> m_watcher;
};

void TestLiveRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings().clear();
    // The pipeline has started: the manifest says 4 frames, none is there.
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("run_live"), 4));
}

void TestLiveRun::cleanup()
{
    m_watcher.reset();
    m_manager.reset();
    m_dir.reset();
}

void TestLiveRun::open()
{
    m_manager = std::make_unique<SessionManager>(nullptr, SessionManager::Saving::Background);
    QVERIFY(m_manager->initializeOrResume(run()));
    m_watcher = std::make_unique<RunWatcher>(m_manager.get());
    m_watcher->setSettleDelay(20);
    m_watcher->setRescanInterval(150);
    m_watcher->setRetryDelay(40);
    QVERIFY(m_watcher->isFollowing());
}

void TestLiveRun::waitForLooks(int count, bool read)
{
    QSignalSpy looked(m_watcher.get(), &RunWatcher::looked);
    if (read)
        m_watcher->scanNow();
    QTRY_VERIFY_WITH_TIMEOUT(looked.size() >= count, 20000);
}

DirectorSession TestLiveRun::onDisk() const
{
    if (!m_manager->waitForSaves())
        return {};
    QFile file(run() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

bool TestLiveRun::writeAuditOf(const QString &runDir, int frame, bool passed,
                               const QStringList &flags, double score, const QList<int> &attempts)
{
    QJsonArray list;
    for (const int attempt : attempts) {
        list.append(QJsonObject{{QStringLiteral("attempt_index"), attempt},
                                {QStringLiteral("result"), attempt == attempts.last() && passed
                                                               ? QStringLiteral("passed")
                                                               : QStringLiteral("soft_fail")}});
    }
    const QJsonObject audit{{QStringLiteral("frame_index"), frame},
                            {QStringLiteral("passed"), passed},
                            {QStringLiteral("reason_codes"), QJsonArray::fromStringList(flags)},
                            {QStringLiteral("composite_score"), score},
                            {QStringLiteral("attempts"), list}};
    return RunFixture::writeFile(
        runDir + QStringLiteral("/audit/%1_metrics.json").arg(RunFixture::frameName(frame)),
        QJsonDocument(audit).toJson());
}

void TestLiveRun::writeCandidateInHalves(int frame, int attempt)
{
    const QString path = run() + QStringLiteral("/candidates/%1_attempt_%2.png")
                                     .arg(RunFixture::frameName(frame))
                                     .arg(attempt, 2, 10, QLatin1Char('0'));
    const QByteArray png = RunFixture::pngOf(frame + attempt);
    QSignalSpy waiting(m_watcher.get(), &RunWatcher::waiting);
    QVERIFY(RunFixture::writeFile(path, png.left(png.size() / 2)));
    // The watcher sees the half-written image and waits for the rest.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(waiting.cbegin(), waiting.cend(),
                                         [&](const QList<QVariant> &args) {
                                             return args.at(0).value<QList<int>>().contains(frame);
                                         }),
                             20000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    QCOMPARE(file.write(png.mid(png.size() / 2)), png.size() - png.size() / 2);
}

void TestLiveRun::framesArriveOneByOne()
{
    open();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(statusOf(i), FrameStatus::Pending);
    QSignalSpy ingested(m_watcher.get(), &RunWatcher::ingested);

    const QList<FrameStatus> verdicts = {FrameStatus::Approved, FrameStatus::AuditWarn,
                                         FrameStatus::AuditFail, FrameStatus::Approved};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(RunFixture::writeCandidate(run(), i));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(i), FrameStatus::Generated, 20000);
        QCOMPARE(m_manager->getFrameState(i)->imagePath,
                 QStringLiteral("candidates/%1_attempt_01.png").arg(RunFixture::frameName(i)));
        QCOMPARE(m_manager->getFrameState(i)->attemptHistory.size(), 1);
        // The frames after it are still waiting for theirs.
        for (int later = i + 1; later < 4; ++later)
            QCOMPARE(statusOf(later), FrameStatus::Pending);

        const bool passed = verdicts.at(i) != FrameStatus::AuditFail;
        const QStringList flags = verdicts.at(i) == FrameStatus::Approved
                                      ? QStringList()
                                      : QStringList{QStringLiteral("SF02_PALETTE_DRIFT")};
        QVERIFY(RunFixture::writeAudit(run(), i, passed, flags, passed ? 0.9 : 0.4));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(i), verdicts.at(i), 20000);
        QCOMPARE(m_manager->getFrameState(i)->auditReport.flags, flags);
    }
    QVERIFY(ingested.size() >= 8);
    // Each step was saved like any change.
    const DirectorSession saved = onDisk();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(saved.frames.value(i).status, verdicts.at(i));
}

void TestLiveRun::halfWrittenFilesWaitAndAreNotCorrupt()
{
    open();
    writeCandidateInHalves(0, 1);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(0), FrameStatus::Generated, 20000);
    QVERIFY(ImageLoader::load(run() + QStringLiteral("/") + m_manager->getFrameState(0)->imagePath)
                .isOk());

    // Half an audit file: not valid JSON yet. The frame waits as GENERATED;
    // it is not failed for it.
    QByteArray audit = QJsonDocument(QJsonObject{{QStringLiteral("passed"), true},
                                                 {QStringLiteral("composite_score"), 0.95},
                                                 {QStringLiteral("reason_codes"), QJsonArray()}})
                           .toJson();
    const QString auditPath = run() + QStringLiteral("/audit/frame_0000_metrics.json");
    QSignalSpy waiting(m_watcher.get(), &RunWatcher::waiting);
    QVERIFY(RunFixture::writeFile(auditPath, audit.left(audit.size() / 2)));
    QTRY_VERIFY_WITH_TIMEOUT(!waiting.isEmpty(), 20000);
    QCOMPARE(statusOf(0), FrameStatus::Generated);
    QCOMPARE(onDisk().frames.value(0).status, FrameStatus::Generated);
    QFile file(auditPath);
    QVERIFY(file.open(QIODevice::Append));
    file.write(audit.mid(audit.size() / 2));
    file.close();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(0), FrameStatus::Approved, 20000);

    // A state.json being written holds the whole run back, frames included.
    QVERIFY(RunFixture::writeFile(run() + QStringLiteral("/state.json"),
                                  QByteArrayLiteral("{\"run_id\": \"")));
    QVERIFY(RunFixture::writeCandidate(run(), 1));
    waitForLooks(3);
    QCOMPARE(statusOf(1), FrameStatus::Pending);
    QVERIFY(RunFixture::writeFile(
        run() + QStringLiteral("/state.json"),
        QByteArrayLiteral("{\"run_id\": \"run_live\", \"total_frames\": 4}")));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::Generated, 20000);
}

void TestLiveRun::aNewAttemptGoesBackToGeneratedThenToItsAudit()
{
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    QVERIFY(writeAuditOf(run(), 0, false, {QStringLiteral("SF01_IDENTITY_DRIFT")}, 0.3, {1}));
    QVERIFY(RunFixture::writeCandidate(run(), 1));
    QVERIFY(writeAuditOf(run(), 1, true, {QStringLiteral("SF03_ALPHA_HALO")}, 0.8, {1}));
    open();
    QCOMPARE(statusOf(0), FrameStatus::AuditFail);
    QCOMPARE(statusOf(1), FrameStatus::AuditWarn);

    // The pipeline tries frame 0 again: attempt 2, audited later.
    writeCandidateInHalves(0, 2);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(0), FrameStatus::Generated, 20000);
    DirectorFrameState frame = *m_manager->getFrameState(0);
    QCOMPARE(frame.imagePath, QStringLiteral("candidates/frame_0000_attempt_02.png"));
    QCOMPARE(frame.attemptHistory.size(), 2);
    QCOMPARE(frame.attemptHistory.at(0).attemptIndex, 1);
    QCOMPARE(frame.attemptHistory.at(1).attemptIndex, 2);
    QCOMPARE(frame.attemptHistory.at(1).candidatePath, frame.imagePath);
    // The old audit is about attempt 1: it is not the new image's.
    QVERIFY(frame.auditReport.flags.isEmpty());
    QCOMPARE(onDisk().frames.value(0).status, FrameStatus::Generated);

    QVERIFY(writeAuditOf(run(), 0, true, {}, 0.93, {1, 2}));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(0), FrameStatus::Approved, 20000);
    frame = *m_manager->getFrameState(0);
    QCOMPARE(frame.auditReport.compositeScore, 0.93);
    QCOMPARE(frame.attemptHistory.size(), 2);
    QVERIFY(frame.attemptHistory.at(1).passed);

    // A new attempt on the warned frame, its audit failing.
    QVERIFY(RunFixture::writeCandidate(run(), 1, 2));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::Generated, 20000);
    QVERIFY(writeAuditOf(run(), 1, false, {QStringLiteral("HF02_FULLY_TRANSPARENT")}, 0.1, {1, 2}));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::AuditFail, 20000);
    QCOMPARE(onDisk().frames.value(1), *m_manager->getFrameState(1));
}

void TestLiveRun::anAuditThatNamesNoAttemptCountsOnceWrittenAfterTheImage()
{
    QVERIFY(RunFixture::writeCandidate(run(), 2));
    QVERIFY(RunFixture::writeAudit(run(), 2, true, {QStringLiteral("SF03_ALPHA_HALO")}, 0.7));
    open();
    QCOMPARE(statusOf(2), FrameStatus::AuditWarn);
    QTest::qWait(20); // the new image's time is after the old audit's
    QVERIFY(RunFixture::writeCandidate(run(), 2, 2));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(2), FrameStatus::Generated, 20000);
    // Looked at again and again, the old audit does not count for the new image.
    QSignalSpy ingested(m_watcher.get(), &RunWatcher::ingested);
    waitForLooks(3);
    QCOMPARE(statusOf(2), FrameStatus::Generated);
    QVERIFY(ingested.isEmpty());
    QVERIFY(RunFixture::writeAudit(run(), 2, true, {}, 0.9));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(2), FrameStatus::Approved, 20000);
}

void TestLiveRun::approvedFramesAndTheOperatorsWorkAreKept()
{
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    QVERIFY(RunFixture::writeAudit(run(), 0, true, {}, 0.95));
    QVERIFY(RunFixture::writeCandidate(run(), 1));
    QVERIFY(RunFixture::writeAudit(run(), 1, false, {QStringLiteral("SF01_IDENTITY_DRIFT")}, 0.4));
    open();
    QCOMPARE(statusOf(0), FrameStatus::Approved);
    QVERIFY(m_manager->applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("hair drifts left"))));
    QVERIFY(m_manager->applyFrameEdit(1, FrameEdit::offsetTo(2, -1)));

    // A late attempt on an approved frame: the verdict stands, image and all.
    QVERIFY(RunFixture::writeCandidate(run(), 0, 2));
    QVERIFY(RunFixture::writeCandidate(run(), 1, 2));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::Generated, 20000);
    QCOMPARE(statusOf(0), FrameStatus::Approved);
    QCOMPARE(m_manager->getFrameState(0)->imagePath,
             QStringLiteral("candidates/frame_0000_attempt_01.png"));
    // The operator's notes and nudge are theirs: kept.
    const DirectorOverrides overrides = m_manager->getFrameState(1)->directorOverrides;
    QCOMPARE(overrides.notes.value_or(QString()), QStringLiteral("hair drifts left"));
    QVERIFY(overrides.alignment.has_value());
    QCOMPARE(overrides.alignment->userOverrideX, 2.0);
}

void TestLiveRun::theRunGrows()
{
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    open();
    FrameListModel model(m_manager.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 4);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // The pipeline goes past its manifest's count.
    QVERIFY(RunFixture::writeCandidate(run(), 5));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 20000);
    QCOMPARE(model.frameAtRow(4), 4);
    QCOMPARE(model.frameAtRow(5), 5);
    QCOMPARE(statusOf(4), FrameStatus::Pending);
    QCOMPARE(statusOf(5), FrameStatus::Generated);
    QVERIFY(!inserted.isEmpty());
    QCOMPARE(onDisk().frames.size(), 6);
    QCOMPARE(model.data(model.index(5), FrameListModel::StatusRole).toInt(),
             int(FrameStatus::Generated));
}

void TestLiveRun::undoDoesNotTakeBackThePipelinesWork()
{
    QVERIFY(RunFixture::writeCandidate(run(), 1));
    QVERIFY(RunFixture::writeAudit(run(), 1, true, {QStringLiteral("SF03_ALPHA_HALO")}, 0.8));
    open();
    ReviewHistory history(m_manager.get());
    FrameEdit reject;
    reject.status = FrameStatus::AuditFail;
    QVERIFY(history.apply(1, reject, QStringLiteral("Reject frame 1")));
    FrameEdit notes;
    notes.notes = QStringLiteral("see attempt 2");
    QVERIFY(history.apply(2, notes, QStringLiteral("Notes of frame 2")));
    QCOMPARE(history.stack()->count(), 2);

    // The pipeline tries frame 1 again; taking it in is no step of the operator's.
    QTest::qWait(20);
    QVERIFY(RunFixture::writeCandidate(run(), 1, 2));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::Generated, 20000);
    QCOMPARE(history.stack()->count(), 2);
    QCOMPARE(history.stack()->index(), 2);

    // Undo: the notes come off; the reject cannot be undone without undoing
    // the new attempt, so it is left out, and the frame keeps attempt 2.
    QVERIFY(history.undo());
    QVERIFY(!m_manager->getFrameState(2)->directorOverrides.notes.has_value());
    const Outcome dropped = history.undo();
    QVERIFY(!dropped);
    QVERIFY2(dropped.message().contains(QStringLiteral("Reject frame 1")),
             qPrintable(dropped.message()));
    QCOMPARE(statusOf(1), FrameStatus::Generated);
    QCOMPARE(m_manager->getFrameState(1)->imagePath,
             QStringLiteral("candidates/frame_0001_attempt_02.png"));
    QCOMPARE(history.stack()->count(), 1);
    QVERIFY(!history.stack()->canUndo());
    // Redo puts the notes back.
    QVERIFY(history.redo());
    QCOMPARE(m_manager->getFrameState(2)->directorOverrides.notes.value_or(QString()),
             QStringLiteral("see attempt 2"));
}

void TestLiveRun::missedEventsAreFoundByTheRescan()
{
    open();
    // Events that never settle stand for a watcher that misses them: only
    // the rescan every few moments finds what is new.
    m_watcher->setSettleDelay(24 * 60 * 60 * 1000);
    QVERIFY(RunFixture::writeCandidate(run(), 3));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(3), FrameStatus::Generated, 20000);
}

void TestLiveRun::ownSavesAreNotNews()
{
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    open();
    QVERIFY(m_watcher->watchedPaths().contains(run()));
    QVERIFY(m_watcher->watchedPaths().contains(run() + QStringLiteral("/candidates")));
    waitForLooks(1);
    // A look queued by the session's creation (the run folder changed) may
    // still be on its way on a busy machine: two more looks, then count.
    waitForLooks(2, false);
    const int reads = m_watcher->reads();
    QSignalSpy ingested(m_watcher.get(), &RunWatcher::ingested);
    QSignalSpy changed(m_manager.get(), &SessionManager::frameChanged);
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_manager->applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("note %1").arg(i))));
    QVERIFY(m_manager->waitForSaves());
    // Several looks later, the folder was not even read again: the saves
    // were Director's.
    waitForLooks(3, false);
    QVERIFY(ingested.isEmpty());
    QCOMPARE(m_watcher->reads(), reads);
    QCOMPARE(changed.size(), 5);
}

void TestLiveRun::readOnlyAndCommittedRunsAreNotFollowed()
{
    QVERIFY(RunFixture::writeApprovedRun(run(), 2));
    {
        SessionManager reader;
        QVERIFY(reader.initializeOrResume(run(), SessionManager::Access::ReadOnly));
        RunWatcher watcher(&reader);
        QVERIFY(!watcher.isFollowing());
        QVERIFY(watcher.watchedPaths().isEmpty());
    }
    open();
    QVERIFY(m_manager->commitSession());
    QVERIFY(!m_watcher->isFollowing());
    QVERIFY(m_watcher->watchedPaths().isEmpty());
}

void TestLiveRun::completeImages()
{
    const QString path = m_dir->path() + QStringLiteral("/image.png");
    const QByteArray png = RunFixture::pngOf(0);
    QVERIFY(RunFixture::writeFile(path, png));
    QCOMPARE(RunFolder::imageState(path), RunFolder::ImageState::Usable);
    for (const qsizetype size : {qsizetype(0), qsizetype(1), qsizetype(4), qsizetype(7),
                                 qsizetype(8), png.size() / 2, png.size() - 1}) {
        QVERIFY(RunFixture::writeFile(path, png.left(size)));
        QVERIFY2(RunFolder::imageState(path) == RunFolder::ImageState::Incomplete,
                 qPrintable(QString::number(size)));
    }
    // Never an image: not a PNG and not any other format; no file at all.
    QVERIFY(RunFixture::writeFile(path, QByteArray(64, 'x')));
    QCOMPARE(RunFolder::imageState(path), RunFolder::ImageState::NotImage);
    QCOMPARE(RunFolder::imageState(m_dir->path() + QStringLiteral("/none.png")),
             RunFolder::ImageState::NotImage);
}

void TestLiveRun::aFileNeverFinishedIsNotReadForever()
{
    open();
    const QByteArray png = RunFixture::pngOf(0);
    QSignalSpy waiting(m_watcher.get(), &RunWatcher::waiting);
    QVERIFY(RunFixture::writeFile(run() + QStringLiteral("/candidates/frame_0000_attempt_01.png"),
                                  png.left(png.size() / 2)));
    QTRY_VERIFY_WITH_TIMEOUT(!waiting.isEmpty(), 20000);
    const int reads = m_watcher->reads();
    // The retries (40 + 80 + 160 + 320 ms) and many rescans later, the
    // folder has been read again only for the retries.
    QSignalSpy looked(m_watcher.get(), &RunWatcher::looked);
    QTRY_VERIFY_WITH_TIMEOUT(looked.size() >= 16, 20000);
    QVERIFY2(m_watcher->reads() <= reads + RunWatcher::maxRetries,
             qPrintable(QString::number(m_watcher->reads() - reads)));
    QCOMPARE(statusOf(0), FrameStatus::Pending);
    // When the pipeline does finish it, the next look takes it in.
    QFile file(run() + QStringLiteral("/candidates/frame_0000_attempt_01.png"));
    QVERIFY(file.open(QIODevice::Append));
    file.write(png.mid(png.size() / 2));
    file.close();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(0), FrameStatus::Generated, 20000);
}

void TestLiveRun::aNewAttemptOnANudgedFrameIsNotApprovedUnseen()
{
    QVERIFY(RunFixture::writeCandidate(run(), 1));
    QVERIFY(writeAuditOf(run(), 1, true, {QStringLiteral("SF04_BASELINE_DRIFT")}, 0.8, {1}));
    QVERIFY(RunFixture::writeCandidate(run(), 2));
    QVERIFY(writeAuditOf(run(), 2, false, {QStringLiteral("SF03_ALPHA_HALO")}, 0.4, {1}));
    open();
    FrameEdit nudge; // a nudge that leaves the frame warned
    nudge.status = FrameStatus::AuditFail;
    nudge.alignment = FrameEdit::Alignment::Set;
    nudge.alignmentX = 1;
    QVERIFY(m_manager->applyFrameEdit(1, nudge));
    // A patch recorded as another program may (the overrides alone: the frame stays failed;
    // Director's own patch would have approved it).
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    patch.patchedPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    DirectorOverrides overrides = m_manager->getFrameState(2)->directorOverrides;
    overrides.isPatched = true;
    overrides.patchHistory.append(patch);
    QVERIFY(m_manager->updateFrameOverrides(2, overrides));
    QVERIFY(m_manager->getFrameState(2)->directorOverrides.isPatched);
    QCOMPARE(m_manager->getFrameState(2)->status, FrameStatus::AuditFail);

    // Both get a new attempt whose audit passes clean.
    for (const int frame : {1, 2}) {
        QVERIFY(RunFixture::writeCandidate(run(), frame, 2));
        QVERIFY(writeAuditOf(run(), frame, true, {}, 0.95, {1, 2}));
    }
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::AuditWarn, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(2), FrameStatus::AuditWarn, 20000);
    // The nudge is kept for the operator to look at; the patch was of the
    // old image: it stays in the history, and the frame is not patched.
    QCOMPARE(m_manager->getFrameState(1)->directorOverrides.alignment->userOverrideX, 1.0);
    const DirectorOverrides patched = m_manager->getFrameState(2)->directorOverrides;
    QVERIFY(!patched.isPatched);
    QCOMPARE(patched.patchHistory.size(), 1);
    QCOMPARE(m_manager->getFrameState(2)->imagePath,
             QStringLiteral("candidates/frame_0002_attempt_02.png"));
}

void TestLiveRun::notesUndoneOnAFrameThePipelineChanged()
{
    QVERIFY(RunFixture::writeCandidate(run(), 1));
    QVERIFY(writeAuditOf(run(), 1, true, {QStringLiteral("SF03_ALPHA_HALO")}, 0.8, {1}));
    open();
    ReviewHistory history(m_manager.get());
    FrameEdit notes;
    notes.notes = QStringLiteral("halo on the left");
    QVERIFY(history.apply(1, notes, QStringLiteral("Notes of frame 1")));
    QVERIFY(RunFixture::writeCandidate(run(), 1, 2));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::Generated, 20000);

    // The notes come off the frame as it is now; the new attempt stays.
    QVERIFY(history.undo());
    QVERIFY(!m_manager->getFrameState(1)->directorOverrides.notes.has_value());
    QCOMPARE(m_manager->getFrameState(1)->imagePath,
             QStringLiteral("candidates/frame_0001_attempt_02.png"));
    QVERIFY(history.redo());
    QCOMPARE(m_manager->getFrameState(1)->directorOverrides.notes.value_or(QString()),
             QStringLiteral("halo on the left"));
    QCOMPARE(statusOf(1), FrameStatus::Generated);
    QCOMPARE(onDisk().frames.value(1), *m_manager->getFrameState(1));
}

void TestLiveRun::aDroppedRedoUpdatesTheStack()
{
    QVERIFY(RunFixture::writeCandidate(run(), 1));
    QVERIFY(writeAuditOf(run(), 1, true, {QStringLiteral("SF03_ALPHA_HALO")}, 0.8, {1}));
    open();
    ReviewHistory history(m_manager.get());
    FrameEdit reject;
    reject.status = FrameStatus::AuditFail;
    QVERIFY(history.apply(1, reject, QStringLiteral("Reject frame 1")));
    QVERIFY(history.undo());
    QVERIFY(history.stack()->canRedo());
    QVERIFY(RunFixture::writeCandidate(run(), 1, 2));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(1), FrameStatus::Generated, 20000);

    QSignalSpy index(history.stack(), &QUndoStack::indexChanged);
    QSignalSpy canRedo(history.stack(), &QUndoStack::canRedoChanged);
    const Outcome dropped = history.redo();
    QVERIFY(!dropped);
    QCOMPARE(statusOf(1), FrameStatus::Generated);
    // What the Redo action follows says there is nothing to redo now.
    QVERIFY(!history.stack()->canRedo());
    QVERIFY(!index.isEmpty());
    QVERIFY(!canRedo.isEmpty());
    QCOMPARE(canRedo.last().at(0).toBool(), false);
}

void TestLiveRun::nothingIsTakenInDuringACommit()
{
    QVERIFY(RunFixture::writeApprovedRun(run(), 2));
    open();
    QVERIFY(RunFixture::writeCandidate(run(), 2));
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(run(), &contents));
    const RunIngest::Plan plan = RunIngest::plan(m_manager->session(), contents, run());
    QCOMPARE(plan.added.size(), 1);
    // While the frames are written (the progress may run the event loop),
    // the pipeline's news waits.
    Outcome duringCommit;
    QVERIFY(m_manager->commitSession([&](int, int) {
        if (duringCommit.isOk())
            duringCommit = m_manager->ingest(plan);
    }));
    QCOMPARE(duringCommit.kind(), Outcome::Kind::Refused);
    QCOMPARE(m_manager->session().frames.size(), 2);
    QCOMPARE(m_manager->session().commitInfo->approvedCount, 2);
    QCOMPARE(onDisk().frames.size(), 2);
}

void TestLiveRun::theWindowShowsTheRunAsItIsWritten()
{
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openRun(run()));
    auto *watcher = window.findChild<RunWatcher *>();
    QVERIFY(watcher);
    QVERIFY(watcher->isFollowing());
    watcher->setSettleDelay(20);
    watcher->setRetryDelay(40);
    auto *progress = window.findChild<QLabel *>(QStringLiteral("progress"));
    auto *filmstrip = window.findChild<QListView *>();
    QVERIFY(progress && filmstrip);
    QCOMPARE(progress->text(), QStringLiteral("0 / 4 approved · 0 warn · 0 fail"));
    auto statusInStrip = [&](int row) {
        return filmstrip->model()->index(row, 0).data(FrameListModel::StatusRole).toInt();
    };

    // Frame 0 arrives with a flag; the operator approves it at once.
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    QVERIFY(RunFixture::writeAudit(run(), 0, true, {QStringLiteral("SF03_ALPHA_HALO")}, 0.8));
    QTRY_COMPARE_WITH_TIMEOUT(statusInStrip(0), int(FrameStatus::AuditWarn), 20000);
    QCOMPARE(progress->text(), QStringLiteral("0 / 4 approved · 1 warn · 0 fail"));
    filmstrip->setFocus();
    QTest::keyClick(&window, Qt::Key_A);
    QCOMPARE(statusInStrip(0), int(FrameStatus::Approved));
    QAction *undo = window.actions().undo;
    QVERIFY(undo->isEnabled());
    const QString undoText = undo->text();

    // The rest arrive while the window is open; none of it is an undo step.
    for (int i = 1; i < 4; ++i) {
        QVERIFY(RunFixture::writeCandidate(run(), i));
        QTRY_COMPARE_WITH_TIMEOUT(statusInStrip(i), int(FrameStatus::Generated), 20000);
        QVERIFY(RunFixture::writeAudit(run(), i, true, {}, 0.95));
        QTRY_COMPARE_WITH_TIMEOUT(statusInStrip(i), int(FrameStatus::Approved), 20000);
    }
    QCOMPARE(progress->text(), QStringLiteral("4 / 4 approved · 0 warn · 0 fail"));
    QCOMPARE(undo->text(), undoText);
    // Undo takes back the operator's approval only.
    undo->trigger();
    QCOMPARE(statusInStrip(0), int(FrameStatus::AuditWarn));
    QCOMPARE(progress->text(), QStringLiteral("3 / 4 approved · 1 warn · 0 fail"));
    QVERIFY(!undo->isEnabled());

    // A newer attempt of frame 2 that is no image: the frame keeps its image
    // and verdict, and the status bar names the file.
    QSignalSpy leftOut(watcher, &RunWatcher::leftOut);
    QVERIFY(RunFixture::writeFile(run() + QStringLiteral("/candidates/frame_0002_attempt_02.png"),
                                  QByteArray(100, 'x')));
    QTRY_VERIFY_WITH_TIMEOUT(!leftOut.isEmpty(), 20000);
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(
        QLatin1String("candidates/frame_0002_attempt_02.png")));
    QCOMPARE(statusInStrip(2), int(FrameStatus::Approved));
    QCOMPARE(window.model()->index(2).data(FrameListModel::ImagePathRole).toString(),
             QFileInfo(run() + QStringLiteral("/candidates/frame_0002_attempt_01.png"))
                 .canonicalFilePath());
}

QTEST_MAIN(TestLiveRun)
#include "tst_liverun.moc"
