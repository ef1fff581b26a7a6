#include "review/cachedrun.h"
#include "review/reviewhistory.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"
#include "slowdisk.h"
#include "storage/atomicfile.h"
#include "storage/sessionstore.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <array>

// The session interface (docs/session-file.md, The session interface): every
// change is validated, saved, then shown; a change that cannot be saved is
// not kept; a reload shows exactly what was saved.
// Saving in the background (the window's way): a change is taken at once,
// reported durable when it is, and a failure leaves it shown as not saved.
class TestSessionManager : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsTheSessionFromTheRunFolder();
    void theRunsFramesShareTheSessionsData();
    void createSessionRefusesWhatNoSessionCanHold();
    void resumesTheSameSession();
    void reloadGivesBackTheWholeSession();
    void overridesFromTheApiAreCheckedLikeTheFile();
    void legalChangeIsSavedBeforeItIsSignalled();
    void illegalTransitionIsRefusedAndNothingChanges();
    void nudgeStoresTheTotalAndApprovesAWarnedFrame();
    void notesAndPatchesAreSaved();
    void patchPathOutsideTheRunIsRefused();
    void saveFrameStatePutsBackTheExactState();
    void failedSaveKeepsMemoryEqualToDisk();
    void runFolderMovedAwayWhileOpen();
    void failedDirectorySyncStillKeepsMemoryEqualToDisk();
    void secondWriterIsLockedOutButMayRead();
    void readOnlyAccessWritesNothing();
    void aFolderThatIsNoRunIsLeftAsItWas();
    void aSessionWhoseRunFolderWentStillOpens();
    void corruptSessionIsReportedAndKept();
    void corruptSessionRecoveredFromBackup();
    void corruptSessionSetAsideForANewReview();
    void lostSessionFileIsNotReplacedSilently();
    void newReviewKeepsTheOldBackup();
    void symlinkedSessionFileIsNeitherReadNorWritten();
    void commitIsRefusedUntilEveryFrameIsApproved();
    void commitWritesApprovedFramesAndLocksTheSession();
    void discardedSessionIsReadOnly();
    void backgroundSavesReportWhenDurableAndTheLatestWins();
    void theSavedFileIsStampedOnlyWhenSavedInStep();
    void theRunsFingerprintGoesWithNewsFromAnotherRead();
    void backgroundFailureIsToldAndRetried();
    void commitWaitsForBackgroundSaves();
    void closingWritesTheLastBackgroundSave();
    void changedFramesOnlyAreWrittenAnewYetEveryByteIsAsAFullEncode_data();
    void changedFramesOnlyAreWrittenAnewYetEveryByteIsAsAFullEncode();

private:
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }
    DirectorSession onDisk() const;
    QByteArray sessionBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

DirectorSession TestSessionManager::onDisk() const
{
    QFile file(sessionPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const SessionDecodeResult result = SessionCodec::decode(file.readAll());
    return result.session.value_or(DirectorSession());
}

QByteArray TestSessionManager::sessionBytes() const
{
    QFile file(sessionPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestSessionManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(RunFixture::writeMixedRun(runDir()));
}

// The run folder's frames, kept beside the session, hold what the session's frames hold: one
// copy of the data for both, and each still its own value.
void TestSessionManager::theRunsFramesShareTheSessionsData()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir()));
    }
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir())); // the session read from its file
    const DirectorFrameState &run = manager.run().frames.at(1);
    const DirectorFrameState &session = manager.session().frames.value(1);
    QVERIFY(!run.auditReport.extra.isEmpty());
    QCOMPARE(static_cast<const void *>(run.auditReport.extra.text().data()),
             static_cast<const void *>(session.auditReport.extra.text().data()));
    QCOMPARE(run.imagePath.constData(), session.imagePath.constData());
    QCOMPARE(run.attemptHistory.constData(), session.attemptHistory.constData());
    // A change to the session's frame is the session's alone.
    const QString image = run.imagePath;
    QVERIFY(manager.applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("check"))));
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    QCOMPARE(manager.run().frames.at(1).imagePath, image);
    QVERIFY(!manager.run().frames.at(1).directorOverrides.notes);
    QCOMPARE(manager.run().frames.at(1).status, FrameStatus::AuditWarn);
}

void TestSessionManager::cleanup()
{
    AtomicFile::setFaultHook({});
    m_dir.reset();
}

void TestSessionManager::createsTheSessionFromTheRunFolder()
{
    SessionManager manager;
    QSignalSpy opened(&manager, &SessionManager::sessionOpened);
    const Outcome outcome = manager.initializeOrResume(runDir());
    QVERIFY2(outcome, qPrintable(outcome.message()));
    QCOMPARE(opened.count(), 1);

    const DirectorSession &s = manager.session();
    QVERIFY(!QUuid::fromString(s.sessionId).isNull());
    QCOMPARE(s.sessionId, s.sessionId.toLower());
    QCOMPARE(s.runId, QStringLiteral("run_test"));
    QCOMPARE(s.moveId, QStringLiteral("idle_standard"));
    QCOMPARE(s.anchorFrameId, QStringLiteral("frame_0000"));
    QCOMPARE(s.status, SessionStatus::Active);
    QCOMPARE(s.frames.size(), 5);
    QCOMPARE(s.frames.value(0).status, FrameStatus::Approved);
    QCOMPARE(s.frames.value(1).status, FrameStatus::AuditWarn);
    QCOMPARE(s.frames.value(2).status, FrameStatus::AuditFail);
    QCOMPARE(s.frames.value(3).status, FrameStatus::Generated);
    QCOMPARE(s.frames.value(4).status, FrameStatus::Pending);
    QCOMPARE(s.frames.value(1).auditReport.flags,
             QStringList{QStringLiteral("SF01_IDENTITY_DRIFT")});
    QCOMPARE(s.frames.value(1).auditReport.compositeScore, 0.78);
    QVERIFY(s.createdAt.endsWith(QLatin1Char('Z')));

    // It is on disk before initializeOrResume returns.
    QCOMPARE(onDisk(), s);
}

void TestSessionManager::createSessionRefusesWhatNoSessionCanHold()
{
    RunFolder::Contents run;
    QVERIFY(RunFolder::read(runDir(), &run));
    const Result<DirectorSession> first =
        SessionManager::createSession(run.manifest.runId, run.manifest, run.frames);
    const Result<DirectorSession> second =
        SessionManager::createSession(run.manifest.runId, run.manifest, run.frames);
    QVERIFY(first && second);
    QVERIFY(first->sessionId != second->sessionId); // every session its own id
    QCOMPARE(first->frames.size(), run.frames.size());
    QCOMPARE(first->createdAt, first->lastModified);
    QVERIFY(Timestamps::isCanonical(first->createdAt));
    // Nothing is written by making one: opening the run saves it.
    QVERIFY(!QFileInfo::exists(runDir() + QStringLiteral("/director_session.json")));

    QCOMPARE(SessionManager::createSession(QString(), run.manifest, run.frames).outcome().kind(),
             Outcome::Kind::Invalid);
    QList<DirectorFrameState> twice = run.frames;
    twice.append(run.frames.constFirst());
    const Result<DirectorSession> duplicated =
        SessionManager::createSession(run.manifest.runId, run.manifest, twice);
    QCOMPARE(duplicated.outcome().kind(), Outcome::Kind::Invalid);
    QVERIFY2(duplicated.outcome().message().contains(QLatin1String("0")),
             qPrintable(duplicated.outcome().message()));
}

void TestSessionManager::resumesTheSameSession()
{
    QString sessionId;
    {
        SessionManager first;
        QVERIFY(first.initializeOrResume(runDir()));
        QVERIFY(first.updateFrameStatus(1, FrameStatus::Approved));
        sessionId = first.session().sessionId;
    }
    SessionManager second;
    QVERIFY(second.initializeOrResume(runDir()));
    QCOMPARE(second.session().sessionId, sessionId);
    QCOMPARE(second.getFrameState(1)->status, FrameStatus::Approved);
}

void TestSessionManager::reloadGivesBackTheWholeSession()
{
    // Resuming after a reload: after every kind of change, a new manager
    // reading the file holds exactly the session the first one had.
    DirectorSession before;
    {
        SessionManager first;
        QVERIFY(first.initializeOrResume(runDir()));
        QVERIFY(first.updateFrameStatus(1, FrameStatus::Approved));
        QVERIFY(first.updateFrameStatus(2, FrameStatus::Approved));
        QVERIFY(first.applyFrameEdit(1, FrameEdit::offsetTo(-2.5, 3)));
        QVERIFY(first.applyFrameEdit(
            2, FrameEdit::notesTo(QStringLiteral("halo on the left ear — fixed by the patch"))));
        PatchHistoryEntry patch;
        patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
        patch.patchedPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
        patch.maskPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
        patch.prompt = QStringLiteral("clean the ear");
        QVERIFY(first.applyFrameEdit(2, FrameEdit::addPatch(patch)));
        QVERIFY(first.updateFrameStatus(3, FrameStatus::AuditFail));
        before = first.session();
    }
    SessionManager second;
    QVERIFY(second.initializeOrResume(runDir()));
    QCOMPARE(second.session(), before);
}

void TestSessionManager::overridesFromTheApiAreCheckedLikeTheFile()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const QByteArray before = sessionBytes();
    const DirectorFrameState frame = *manager.getFrameState(1);

    DirectorOverrides badTime = frame.directorOverrides;
    HumanAlignmentDelta delta;
    delta.frameId = frame.id;
    delta.userOverrideX = 1;
    delta.timestamp = QStringLiteral("yesterday");
    badTime.alignment = delta;
    QCOMPARE(manager.updateFrameOverrides(1, badTime).kind(), Outcome::Kind::Invalid);

    DirectorOverrides outside = frame.directorOverrides;
    PatchHistoryEntry patch;
    patch.patchedPath = QStringLiteral("/etc/passwd");
    outside.patchHistory.append(patch);
    outside.isPatched = true;
    const Outcome refused = manager.updateFrameOverrides(1, outside);
    QCOMPARE(refused.kind(), Outcome::Kind::Invalid);
    QVERIFY2(refused.message().contains(QLatin1String("outside")), qPrintable(refused.message()));
    QCOMPARE(sessionBytes(), before);

    // A good one: an empty time becomes now, paths are stored run-relative,
    // and what is written validates when read back.
    DirectorOverrides good = frame.directorOverrides;
    delta.userOverrideX = -2;
    delta.timestamp.clear();
    good.alignment = delta;
    patch.patchedPath = runDir() + QStringLiteral("/candidates/frame_0001_attempt_01.png");
    good.patchHistory = {patch};
    good.isPatched = true;
    good.notes = QString();
    QVERIFY(manager.updateFrameOverrides(1, good));
    const DirectorFrameState saved = onDisk().frames.value(1);
    QVERIFY(Timestamps::isCanonical(saved.directorOverrides.alignment->timestamp));
    QCOMPARE(saved.directorOverrides.patchHistory.value(0).patchedPath,
             QStringLiteral("candidates/frame_0001_attempt_01.png"));
    QVERIFY(!saved.directorOverrides.notes.has_value());
    QVERIFY(SessionCodec::decode(sessionBytes()).isOk());
}

void TestSessionManager::legalChangeIsSavedBeforeItIsSignalled()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const QString before = manager.session().lastModified;

    bool onDiskWhenSignalled = false;
    connect(&manager, &SessionManager::frameChanged, this, [&](int index) {
        onDiskWhenSignalled = onDisk().frames.value(index).status == FrameStatus::AuditFail;
    });
    QSignalSpy changed(&manager, &SessionManager::frameChanged);
    QSignalSpy saved(&manager, &SessionManager::saved);

    QVERIFY(manager.updateFrameStatus(1, FrameStatus::AuditFail)); // the operator rejects
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 1);
    QCOMPARE(saved.count(), 1);
    QVERIFY(onDiskWhenSignalled);
    QVERIFY(manager.session().lastModified > before);
    QCOMPARE(onDisk(), manager.session());
}

void TestSessionManager::illegalTransitionIsRefusedAndNothingChanges()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const QByteArray before = sessionBytes();
    QSignalSpy changed(&manager, &SessionManager::frameChanged);

    const Outcome refused =
        manager.updateFrameStatus(4, FrameStatus::Approved); // PENDING -> APPROVED
    QCOMPARE(refused.kind(), Outcome::Kind::Refused);
    QVERIFY2(refused.message().contains(QLatin1String("PENDING")), qPrintable(refused.message()));
    QCOMPARE(manager.getFrameState(4)->status, FrameStatus::Pending);
    QCOMPARE(sessionBytes(), before);
    QCOMPARE(changed.count(), 0);

    QCOMPARE(manager.updateFrameStatus(99, FrameStatus::Approved).kind(), Outcome::Kind::Invalid);
}

void TestSessionManager::nudgeStoresTheTotalAndApprovesAWarnedFrame()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(manager.applyFrameEdit(1, FrameEdit::offsetTo(-2, 0)));
    QCOMPARE(manager.getFrameState(1)->status, FrameStatus::Approved);
    QVERIFY(manager.applyFrameEdit(
        1, FrameEdit::offsetTo(-3, 1))); // the new total replaces the old one
    const DirectorFrameState frame = onDisk().frames.value(1);
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.alignment->frameId, QStringLiteral("frame_0001"));
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, -3.0);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideY, 1.0);
    QVERIFY(frame.directorOverrides.alignment->timestamp.endsWith(QLatin1Char('Z')));

    // A nudge on a frame that is not AUDIT_WARN leaves its status alone.
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::offsetTo(1, 1)));
    QCOMPARE(manager.getFrameState(2)->status, FrameStatus::AuditFail);

    QVERIFY(manager.applyFrameEdit(1, FrameEdit::clearOffset()));
    QVERIFY(!onDisk().frames.value(1).directorOverrides.alignment.has_value());
    QVERIFY(!sessionBytes().contains("\"alignment\": null"));

    QCOMPARE(manager.applyFrameEdit(1, FrameEdit::offsetTo(std::nan(""), 0)).kind(),
             Outcome::Kind::Invalid);
}

void TestSessionManager::notesAndPatchesAreSaved()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(manager.applyFrameEdit(
        2, FrameEdit::notesTo(QStringLiteral("left hand melts into the sword"))));
    QCOMPARE(onDisk().frames.value(2).directorOverrides.notes,
             std::optional(QStringLiteral("left hand melts into the sword")));
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::notesTo(QString())));
    QVERIFY(!onDisk().frames.value(2).directorOverrides.notes.has_value());

    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    patch.patchedPath = runDir() + QStringLiteral("/patches/frame_0002_p1.png"); // absolute inside
    QVERIFY(QDir().mkpath(runDir() + QStringLiteral("/patches")));
    QVERIFY(RunFixture::frameImage(7).save(patch.patchedPath));
    patch.maskPath = QStringLiteral("patches/frame_0002_mask.png");
    patch.prompt = QStringLiteral("repaint the hand");
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::addPatch(patch)));
    const DirectorOverrides overrides = onDisk().frames.value(2).directorOverrides;
    QVERIFY(overrides.isPatched);
    QCOMPARE(overrides.patchHistory.size(), 1);
    QCOMPARE(overrides.patchHistory.at(0).patchedPath, QStringLiteral("patches/frame_0002_p1.png"));
    QVERIFY(!overrides.patchHistory.at(0).timestamp.isEmpty());
}

void TestSessionManager::patchPathOutsideTheRunIsRefused()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const QByteArray before = sessionBytes();
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    patch.patchedPath = QStringLiteral("../../elsewhere/evil.png");
    const Outcome refused = manager.applyFrameEdit(2, FrameEdit::addPatch(patch));
    QCOMPARE(refused.kind(), Outcome::Kind::Invalid);
    QVERIFY(refused.message().contains(QLatin1String("outside the run folder")));
    QCOMPARE(sessionBytes(), before);
}

void TestSessionManager::saveFrameStatePutsBackTheExactState()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const DirectorFrameState warned = *manager.getFrameState(1);
    QVERIFY(manager.applyFrameEdit(1, FrameEdit::offsetTo(4, -1))); // approved by the nudge
    // Undo: back to AUDIT_WARN without an alignment, which the rules alone would refuse.
    QVERIFY(manager.saveFrameState(1, warned));
    QCOMPARE(*manager.getFrameState(1), warned);
    QCOMPARE(onDisk().frames.value(1), warned);
}

void TestSessionManager::failedSaveKeepsMemoryEqualToDisk()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const DirectorSession before = manager.session();
    QSignalSpy failed(&manager, &SessionManager::saveFailed);
    QSignalSpy changed(&manager, &SessionManager::frameChanged);

    AtomicFile::setFaultHook([](AtomicFile::Step step, const QString &) {
        return step == AtomicFile::Step::Write; // the disk is full
    });
    const Outcome outcome = manager.updateFrameStatus(1, FrameStatus::Approved);
    QCOMPARE(outcome.kind(), Outcome::Kind::Failed);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(manager.session(), before);
    QCOMPARE(onDisk(), before);

    AtomicFile::setFaultHook({});
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    QCOMPARE(onDisk(), manager.session());
}

void TestSessionManager::runFolderMovedAwayWhileOpen()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const DirectorSession before = manager.session();
    const QString moved = m_dir->path() + QStringLiteral("/moved");
    QVERIFY(QDir().rename(runDir(), moved));

    QVERIFY(!manager.updateFrameStatus(1, FrameStatus::Approved));
    QCOMPARE(manager.session(), before);

    QVERIFY(QDir().rename(moved, runDir()));
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    QCOMPARE(onDisk(), manager.session());
}

void TestSessionManager::failedDirectorySyncStillKeepsMemoryEqualToDisk()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QSignalSpy failed(&manager, &SessionManager::saveFailed);
    AtomicFile::setFaultHook([](AtomicFile::Step step, const QString &) {
        return step == AtomicFile::Step::SyncDirectory;
    });
    QVERIFY(!manager.updateFrameStatus(1, FrameStatus::Approved));
    QCOMPARE(failed.count(), 1);
    // The new file was renamed into place: memory shows what the file holds.
    QCOMPARE(manager.session(), onDisk());
    QCOMPARE(manager.getFrameState(1)->status, FrameStatus::Approved);
}

void TestSessionManager::secondWriterIsLockedOutButMayRead()
{
    SessionManager first;
    QVERIFY(first.initializeOrResume(runDir()));
    SessionManager second;
    const Outcome locked = second.initializeOrResume(runDir());
    QCOMPARE(locked.kind(), Outcome::Kind::Locked);
    QCOMPARE(locked.exitCode(), 3);
    QVERIFY(!second.hasSession());

    SessionManager reader;
    QVERIFY(reader.initializeOrResume(runDir(), SessionManager::Access::ReadOnly));
    QCOMPARE(reader.session(), first.session());
    QVERIFY(reader.isReadOnly());
    QCOMPARE(reader.updateFrameStatus(1, FrameStatus::Approved).kind(), Outcome::Kind::Refused);
    QCOMPARE(onDisk(), first.session());
}

void TestSessionManager::readOnlyAccessWritesNothing()
{
    SessionManager reader;
    QVERIFY(reader.initializeOrResume(runDir(), SessionManager::Access::ReadOnly));
    QVERIFY(reader.isUnsaved());
    QCOMPARE(reader.session().frames.size(), 5);
    QVERIFY(!QFile::exists(sessionPath()));
    QVERIFY(!QFile::exists(sessionPath() + QStringLiteral(".lock")));
}

void TestSessionManager::aFolderThatIsNoRunIsLeftAsItWas()
{
    const QString folder = m_dir->path() + QStringLiteral("/notes");
    QVERIFY(QDir().mkpath(folder));
    {
        QFile file(folder + QStringLiteral("/todo.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("buy pixels\n") == 11);
    }
    SessionManager manager;
    const Outcome opened = manager.initializeOrResume(folder);
    QCOMPARE(opened.kind(), Outcome::Kind::Invalid);
    QVERIFY2(opened.message().contains(QStringLiteral("is not a run folder")),
             qPrintable(opened.message()));
    QVERIFY(!manager.hasSession());
    // Not even a lock was taken in it, for a moment.
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("todo.txt")});
}

void TestSessionManager::aSessionWhoseRunFolderWentStillOpens()
{
    DirectorSession reviewed;
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir()));
        QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
        reviewed = manager.session();
    }
    // The pipeline's files are gone; the review is not.
    const QStringList entries =
        QDir(runDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &name : entries) {
        if (name.startsWith(QStringLiteral("director_session.json")))
            continue;
        const QString path = runDir() + QLatin1Char('/') + name;
        QVERIFY(QFileInfo(path).isDir() ? QDir(path).removeRecursively() : QFile::remove(path));
    }
    for (const SessionManager::Access access :
         {SessionManager::Access::ReadWrite, SessionManager::Access::ReadOnly}) {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir(), access));
        QCOMPARE(manager.session().frames, reviewed.frames);
        QCOMPARE(manager.session().frames.value(1).status, FrameStatus::Approved);
    }
}

void TestSessionManager::corruptSessionIsReportedAndKept()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir()));
    }
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"sessionId\": 42");
    file.close();

    SessionManager manager;
    const Outcome outcome = manager.initializeOrResume(runDir());
    QCOMPARE(outcome.kind(), Outcome::Kind::Invalid);
    QVERIFY2(outcome.message().contains(QLatin1String("not valid JSON")),
             qPrintable(outcome.message()));
    QCOMPARE(manager.lastLoad().state, SessionStore::LoadState::Unreadable);
    QVERIFY(!manager.hasSession());
    QCOMPARE(sessionBytes(), QByteArray("{\"sessionId\": 42"));
    // The lock was released: nothing holds the run.
    QVERIFY(!QFile::exists(sessionPath() + QStringLiteral(".lock")));
}

void TestSessionManager::corruptSessionRecoveredFromBackup()
{
    QString sessionId;
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir()));
        QVERIFY(
            manager.updateFrameStatus(1, FrameStatus::Approved)); // the backup: frame 1 AUDIT_WARN
        sessionId = manager.session().sessionId;
    }
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("garbage");
    file.close();

    SessionManager manager;
    QVERIFY(!manager.initializeOrResume(runDir()));
    QVERIFY(manager.hasUsableBackup());
    const Outcome recovered = manager.initializeOrResume(
        runDir(), SessionManager::Access::ReadWrite, SessionManager::Recovery::RestoreBackup);
    QVERIFY2(recovered, qPrintable(recovered.message()));
    QCOMPARE(manager.session().sessionId, sessionId);
    QCOMPARE(manager.getFrameState(1)->status, FrameStatus::AuditWarn);
    const QStringList aside =
        QDir(runDir()).entryList({QStringLiteral("director_session.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
}

void TestSessionManager::corruptSessionSetAsideForANewReview()
{
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{}");
    file.close();

    SessionManager manager;
    QCOMPARE(manager.initializeOrResume(runDir()).kind(), Outcome::Kind::Invalid);
    QCOMPARE(manager.lastLoad().state, SessionStore::LoadState::Invalid);
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadWrite,
                                       SessionManager::Recovery::StartNew));
    QCOMPARE(manager.session().frames.size(), 5);
    const QStringList aside =
        QDir(runDir()).entryList({QStringLiteral("director_session.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    QFile kept(runDir() + QLatin1Char('/') + aside.at(0));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("{}"));
}

void TestSessionManager::lostSessionFileIsNotReplacedSilently()
{
    // A reviewed run whose session file another program deleted: starting a
    // new review would soon replace the backup, the last copy of the review.
    QString sessionId;
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir()));
        QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
        QVERIFY(manager.updateFrameStatus(2, FrameStatus::Approved));
        sessionId = manager.session().sessionId;
    }
    QVERIFY(QFile::remove(sessionPath()));
    const QString backup = sessionPath() + QStringLiteral(".bak");
    const QByteArray backupBytes = [&] {
        QFile f(backup);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(!backupBytes.isEmpty());

    SessionManager manager;
    const Outcome refused = manager.initializeOrResume(runDir());
    QCOMPARE(refused.kind(), Outcome::Kind::Invalid);
    QCOMPARE(manager.lastLoad().state, SessionStore::LoadState::Lost);
    QVERIFY2(refused.message().contains(QLatin1String("missing")), qPrintable(refused.message()));
    QVERIFY(manager.hasUsableBackup());
    QVERIFY(!QFile::exists(sessionPath()));
    // Not even a read-only look writes anything.
    QVERIFY(!manager.initializeOrResume(runDir(), SessionManager::Access::ReadOnly));
    QVERIFY(!QFile::exists(sessionPath()));

    // The operator restores it: the same review, as of its backup.
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadWrite,
                                       SessionManager::Recovery::RestoreBackup));
    QCOMPARE(manager.session().sessionId, sessionId);
    QCOMPARE(manager.getFrameState(1)->status, FrameStatus::Approved); // the backup's state
    QCOMPARE(sessionBytes(), backupBytes);
}

void TestSessionManager::newReviewKeepsTheOldBackup()
{
    QString oldId;
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir()));
        QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
        oldId = manager.session().sessionId;
    }
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("garbage");
    file.close();

    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadWrite,
                                       SessionManager::Recovery::StartNew));
    QVERIFY(manager.session().sessionId != oldId);
    // Two saves of the new review: the second would replace the old backup.
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    QVERIFY(manager.updateFrameStatus(2, FrameStatus::Approved));
    const QStringList kept =
        QDir(runDir()).entryList({QStringLiteral("director_session.json.bak-*")});
    QCOMPARE(kept.size(), 1);
    QFile old(runDir() + QLatin1Char('/') + kept.at(0));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(SessionCodec::decode(old.readAll()).session->sessionId, oldId);
    QCOMPARE(QDir(runDir()).entryList({QStringLiteral("director_session.json.corrupt-*")}).size(),
             1);
}

void TestSessionManager::symlinkedSessionFileIsNeitherReadNorWritten()
{
    // A session file that is a link to a file elsewhere: reading it would
    // show another session as this run's, and saving would write there.
    const QString outside = m_dir->path() + QStringLiteral("/outside.json");
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir()));
    }
    QVERIFY(QFile::rename(sessionPath(), outside));
    QFile::remove(sessionPath() + QStringLiteral(".bak"));
    QVERIFY(QFile::link(outside, sessionPath()));
    const QByteArray before = [&] {
        QFile f(outside);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    SessionManager manager;
    const Outcome refused = manager.initializeOrResume(runDir());
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QLatin1String("symbolic link")),
             qPrintable(refused.message()));
    // A new review sets the link aside; nothing is written through it.
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadWrite,
                                       SessionManager::Recovery::StartNew));
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    QVERIFY(!QFileInfo(sessionPath()).isSymLink());
    QFile f(outside);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestSessionManager::commitIsRefusedUntilEveryFrameIsApproved()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const QByteArray before = sessionBytes();
    const Outcome refused = manager.commitSession();
    QCOMPARE(refused.kind(), Outcome::Kind::Refused);
    for (const char *frame : {"1", "2", "3", "4"})
        QVERIFY2(refused.message().contains(QLatin1String(frame)), qPrintable(refused.message()));
    QCOMPARE(manager.session().status, SessionStatus::Active);
    QCOMPARE(sessionBytes(), before);
    QVERIFY(!QFile::exists(runDir() + QStringLiteral("/approved/frame_0000.png")));
}

void TestSessionManager::commitWritesApprovedFramesAndLocksTheSession()
{
    QTemporaryDir dir;
    const QString run = dir.path() + QStringLiteral("/run");
    QVERIFY(RunFixture::writeApprovedRun(run, 3));
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run));
    QVERIFY(manager.applyFrameEdit(1, FrameEdit::offsetTo(2, -1)));
    QSignalSpy statusChanged(&manager, &SessionManager::sessionStatusChanged);

    const Outcome committed = manager.commitSession();
    QVERIFY2(committed, qPrintable(committed.message()));
    QCOMPARE(statusChanged.count(), 1);
    QCOMPARE(manager.session().status, SessionStatus::Committed);
    QVERIFY(manager.session().commitInfo.has_value());
    QCOMPARE(manager.session().commitInfo->approvedCount, 3);
    QCOMPARE(manager.session().commitInfo->nudgedCount, 1);
    for (int i = 0; i < 3; ++i)
        QVERIFY(QFile::exists(
            run + QStringLiteral("/approved/frame_%1.png").arg(i, 4, 10, QLatin1Char('0'))));
    // The nudge is in the pixels: frame 1 moved 2 right and 1 up.
    const QImage source = RunFixture::frameImage(1);
    const QImage written(run + QStringLiteral("/approved/frame_0001.png"));
    QCOMPARE(written.pixel(5 + 2, 4 - 1), source.pixel(5, 4));

    QCOMPARE(manager.updateFrameStatus(1, FrameStatus::AuditFail).kind(), Outcome::Kind::Refused);
    SessionManager reopened;
    manager.close();
    QVERIFY(reopened.initializeOrResume(run));
    QVERIFY(reopened.isReadOnly());
    QCOMPARE(reopened.session().commitInfo->approvedCount, 3);
}

void TestSessionManager::discardedSessionIsReadOnly()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(manager.discardSession());
    QCOMPARE(onDisk().status, SessionStatus::Discarded);
    const Outcome refused =
        manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("too late")));
    QCOMPARE(refused.kind(), Outcome::Kind::Refused);
    QVERIFY(refused.message().contains(QLatin1String("discarded")));
    QCOMPARE(manager.commitSession().kind(), Outcome::Kind::Refused);
}

void TestSessionManager::backgroundSavesReportWhenDurableAndTheLatestWins()
{
    SessionManager manager(nullptr, SessionManager::Saving::Background);
    QVERIFY(manager.initializeOrResume(runDir()));
    QCOMPARE(manager.saveState(), SessionManager::SaveState::Saved);
    QSignalSpy saved(&manager, &SessionManager::saved);
    QSignalSpy changed(&manager, &SessionManager::frameChanged);
    HeldDisk disk;
    const DirectorSession before = onDisk();
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    QVERIFY(disk.waitUntilHolding()); // being written, and the call has returned
    QCOMPARE(changed.count(), 1);
    QCOMPARE(manager.getFrameState(1)->status, FrameStatus::Approved);
    QCOMPARE(manager.saveState(), SessionManager::SaveState::Saving);
    QCOMPARE(onDisk(), before);
    // Three more changes while the first is held: one write takes them all.
    QVERIFY(manager.updateFrameStatus(2, FrameStatus::Approved));
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::notesTo(QStringLiteral("fixed"))));
    QVERIFY(manager.applyFrameEdit(3, FrameEdit::offsetTo(1, 2)));
    QCOMPARE(saved.count(), 0);
    disk.release();
    QVERIFY(manager.waitForSaves());
    QCOMPARE(disk.writes(), 2);
    QCOMPARE(manager.saveState(), SessionManager::SaveState::Saved);
    QCOMPARE(saved.count(), 1); // once every change is durable, not per write
    QCOMPARE(saved.at(0).at(0).toString(), manager.session().lastModified);
    QCOMPARE(onDisk(), manager.session());
}

// The stamp a kept status is told by (SessionManager::savedFileStamp): the file the manager
// saved, while every change is saved; none before its first save, and none while the window's
// saves run behind its changes.
void TestSessionManager::theSavedFileIsStampedOnlyWhenSavedInStep()
{
    const QString sessionPath = runDir() + QStringLiteral("/director_session.json");
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(runDir())); // creates the session, saved
        QVERIFY(manager.savedFileStamp());
        QCOMPARE(manager.savedFileStamp(), SessionStore::fileStamp(sessionPath));
    }
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(!manager.savedFileStamp()); // read, not saved
    QVERIFY(manager.applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("stamped"))));
    const std::optional<QByteArray> stamp = manager.savedFileStamp();
    QVERIFY(stamp);
    QCOMPARE(SessionStore::fileStamp(sessionPath), stamp);
    manager.close();

    SessionManager window(nullptr, SessionManager::Saving::Background);
    QVERIFY(window.initializeOrResume(runDir()));
    QVERIFY(!window.savedFileStamp());
    HeldDisk disk;
    QVERIFY(window.applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("behind"))));
    QVERIFY(disk.waitUntilHolding());
    QVERIFY(!window.savedFileStamp()); // being written
    disk.release();
    QVERIFY(window.waitForSaves());
    QVERIFY(window.savedFileStamp());
    QCOMPARE(window.savedFileStamp(), SessionStore::fileStamp(sessionPath));
}

// The run's part of the fingerprint a run was read under (CachedRun::readThrough), which a kept
// status is told by: kept through the news of that very read (ingestRun), forgotten once news
// from another read of the run is taken in (RunWatcher's: run() is then not the run any more).
void TestSessionManager::theRunsFingerprintGoesWithNewsFromAnotherRead()
{
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir->path() + QStringLiteral("/cache")));
    RunFixture::letSettle();
    SessionManager manager(nullptr, SessionManager::Saving::Background);
    std::unique_ptr<SessionManager::Opening> opening = manager.beginOpening(runDir());
    CachedRun(runDir()).readThrough(*opening);
    SessionManager::prepareOpening(*opening);
    QVERIFY(manager.finishOpening(std::move(opening)));
    const std::optional<QByteArray> fingerprint = manager.runFingerprint();
    QVERIFY(fingerprint);
    QCOMPARE(fingerprint, RunFingerprint::parts(runDir()).run);
    QVERIFY(manager.ingestRun()); // nothing new in its own read
    QCOMPARE(manager.runFingerprint(), fingerprint);
    QVERIFY(CachedRun::keepable(manager)); // the session the opening created and saved

    QVERIFY(RunFixture::writeCandidate(runDir(), 3, 2)); // the pipeline retries frame 3
    RunFolder::Contents again;
    QVERIFY(RunFolder::read(runDir(), &again));
    int changed = 0;
    QVERIFY(manager.ingest(RunIngest::plan(manager.session(), again, runDir()), &changed));
    QCOMPARE(changed, 1);
    QVERIFY(!manager.runFingerprint());
    QVERIFY(manager.waitForSaves());
    QVERIFY(manager.savedFileStamp()); // saved, yet no status can be kept of it
    QVERIFY(!CachedRun::keepable(manager));
}

void TestSessionManager::backgroundFailureIsToldAndRetried()
{
    SessionManager manager(nullptr, SessionManager::Saving::Background);
    QVERIFY(manager.initializeOrResume(runDir()));
    const DirectorSession before = onDisk();
    QSignalSpy failed(&manager, &SessionManager::saveFailed);
    AtomicFile::setFaultHook([](AtomicFile::Step step, const QString &) {
        return step == AtomicFile::Step::Write; // the disk is full
    });
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved)); // taken
    const Outcome saves = manager.waitForSaves();
    QCOMPARE(saves.kind(), Outcome::Kind::Failed);
    QVERIFY(saves.message().contains(QLatin1String("disk full")) ||
            saves.message().contains(QLatin1String("bytes")));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(manager.saveState(), SessionManager::SaveState::Failed);
    QCOMPARE(manager.saveError(), saves.message());
    // Memory is ahead of the disk, and says so.
    QCOMPARE(manager.getFrameState(1)->status, FrameStatus::Approved);
    QCOMPARE(onDisk(), before);
    // A commit is refused while changes are not on disk.
    QCOMPARE(manager.commitSession().kind(), Outcome::Kind::Failed);

    AtomicFile::setFaultHook({});
    QVERIFY(manager.retrySave());
    QVERIFY(manager.waitForSaves());
    QCOMPARE(manager.saveState(), SessionManager::SaveState::Saved);
    QVERIFY(manager.saveError().isEmpty());
    QCOMPARE(onDisk(), manager.session());
}

void TestSessionManager::commitWaitsForBackgroundSaves()
{
    QTemporaryDir dir;
    const QString run = dir.path() + QStringLiteral("/run");
    QVERIFY(RunFixture::writeApprovedRun(run, 3));
    SessionManager manager(nullptr, SessionManager::Saving::Background);
    QVERIFY(manager.initializeOrResume(run));
    Outcome committed;
    {
        // A slow disk: the changes are still being written when commit is asked.
        SlowDisk disk(50);
        QVERIFY(manager.applyFrameEdit(1, FrameEdit::offsetTo(2, -1)));
        QVERIFY(manager.applyFrameEdit(2, FrameEdit::notesTo(QStringLiteral("fine"))));
        committed = manager.commitSession();
    }
    QVERIFY2(committed, qPrintable(committed.message()));
    QCOMPARE(manager.saveState(), SessionManager::SaveState::Saved);
    QFile file(run + QStringLiteral("/director_session.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const DirectorSession stored = *SessionCodec::decode(file.readAll()).session;
    QCOMPARE(stored, manager.session());
    QCOMPARE(stored.status, SessionStatus::Committed);
    QCOMPARE(stored.commitInfo->nudgedCount, 1);
    QCOMPARE(stored.frames.value(2).directorOverrides.notes, std::optional(QStringLiteral("fine")));
}

void TestSessionManager::closingWritesTheLastBackgroundSave()
{
    {
        SlowDisk disk(100);
        SessionManager manager(nullptr, SessionManager::Saving::Background);
        QVERIFY(manager.initializeOrResume(runDir()));
        QVERIFY(manager.applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("last words"))));
    } // destroyed at once
    QCOMPARE(onDisk().frames.value(1).directorOverrides.notes,
             std::optional(QStringLiteral("last words")));
    // And the lock went with it.
    SessionManager next;
    QVERIFY(next.initializeOrResume(runDir()));
}

void TestSessionManager::changedFramesOnlyAreWrittenAnewYetEveryByteIsAsAFullEncode_data()
{
    QTest::addColumn<bool>("background");
    QTest::addColumn<quint32>("seed");
    for (const quint32 seed : {1u, 2u, 3u}) {
        QTest::addRow("synchronous %u", seed) << false << seed;
        QTest::addRow("background %u", seed) << true << seed;
    }
}

// A change rewrites only the frames the manager changed (SessionStore::Changes); the file must
// still be, byte for byte, what encoding the whole session afresh writes: after a random series
// of edits, batches, undo and redo, the pipeline's news, failed saves and reopening.
void TestSessionManager::changedFramesOnlyAreWrittenAnewYetEveryByteIsAsAFullEncode()
{
    QFETCH(bool, background);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    SessionManager manager(nullptr, background ? SessionManager::Saving::Background
                                               : SessionManager::Saving::Synchronous);
    QVERIFY(manager.initializeOrResume(runDir()));
    auto history = std::make_unique<ReviewHistory>(&manager);
    const auto anyFrame = [&] {
        const QList<int> keys = manager.session().frames.keys();
        return keys.at(random.bounded(int(keys.size())));
    };
    const auto someFrames = [&] {
        QList<int> frames;
        for (const int frame : manager.session().frames.keys()) {
            if (random.bounded(2))
                frames.append(frame);
        }
        return frames;
    };
    const auto anEdit = [&]() -> FrameEdit {
        switch (random.bounded(5)) {
        case 0:
            return FrameEdit::notesTo(random.bounded(4)
                                          ? QStringLiteral("note \"%1\" é\n").arg(random.generate())
                                          : QString());
        case 1:
            return FrameEdit::moveBy(random.bounded(3) - 1, random.bounded(3) - 1);
        case 2:
            return FrameEdit::statusTo(FrameStatus::Approved);
        case 3:
            return FrameEdit::statusTo(FrameStatus::AuditFail, QString(),
                                       QStringLiteral("SF01_IDENTITY_DRIFT"),
                                       QStringLiteral("drift %1").arg(random.generate()));
        default:
            return FrameEdit::clearOffset();
        }
    };
    int nextNew = 100;
    for (int step = 0; step < 250; ++step) {
        const int action = random.bounded(14);
        QString what;
        switch (action) {
        case 0:
        case 1:
        case 2: {
            const int frame = anyFrame();
            what = QStringLiteral("edit of frame %1").arg(frame);
            history->apply(frame, anEdit(), what);
            break;
        }
        case 3: {
            QList<std::pair<int, FrameEdit>> edits;
            const FrameEdit edit = anEdit();
            for (const int frame : someFrames())
                edits.append({frame, edit});
            what = QStringLiteral("batch of %1").arg(edits.size());
            history->applyToFrames(edits, what);
            break;
        }
        case 4: {
            // Verdicts enough for a batch made off the GUI thread (when saving in the background).
            QList<std::pair<int, FrameEdit>> edits;
            const FrameEdit edit = FrameEdit::statusTo(random.bounded(2) ? FrameStatus::Approved
                                                                         : FrameStatus::AuditFail);
            while (edits.size() < SessionManager::backgroundBatch)
                edits.append({anyFrame(), edit});
            what = QStringLiteral("large batch");
            history->applyToFramesInBackground(edits, what,
                                               [](const Outcome &, const QList<FrameRefusal> &) {});
            if (random.bounded(2))
                manager.finishBatch();
            break;
        }
        case 5:
        case 6:
            what = QStringLiteral("undo");
            history->undo();
            break;
        case 7:
            what = QStringLiteral("redo");
            history->redo();
            break;
        case 8: {
            // The pipeline's news: a frame audited again, a frame the run grew by.
            RunIngest::Plan plan;
            const DirectorFrameState before = *manager.getFrameState(anyFrame());
            DirectorFrameState after = before;
            after.auditReport.compositeScore = random.bounded(1000) / 1000.0;
            plan.changes.append({before, after, {}});
            if (random.bounded(2)) {
                DirectorFrameState added;
                added.frameIndex = nextNew++;
                added.id = DirectorFrameState::idForIndex(added.frameIndex);
                plan.added.append(added);
            }
            what = QStringLiteral("the pipeline's news");
            manager.ingest(plan);
            break;
        }
        case 9: {
            // A save that fails: the disk is full, the rename fails, or only the folder's sync.
            const AtomicFile::Step failing =
                std::array{AtomicFile::Step::Write, AtomicFile::Step::Commit,
                           AtomicFile::Step::SyncDirectory}[random.bounded(3)];
            AtomicFile::setFaultHook(
                [failing](AtomicFile::Step step, const QString &) { return step == failing; });
            // Of one frame, or of several (a batch), right after the session was opened too.
            if (random.bounded(4) == 0)
                QVERIFY(manager.initializeOrResume(runDir()));
            if (random.bounded(2)) {
                const int frame = anyFrame();
                what = QStringLiteral("a failed save of frame %1").arg(frame);
                history->apply(frame, anEdit(), what);
            } else {
                QList<std::pair<int, FrameEdit>> edits;
                const FrameEdit edit = anEdit();
                for (const int frame : someFrames())
                    edits.append({frame, edit});
                what = QStringLiteral("a failed save of a batch of %1").arg(edits.size());
                history->applyToFrames(edits, what);
            }
            manager.waitForSaves();
            AtomicFile::setFaultHook({});
            if (manager.saveState() == SessionManager::SaveState::Failed)
                manager.retrySave();
            break;
        }
        case 10: {
            // Changes that pile up while the disk is slow: one write takes several.
            SlowDisk disk(2);
            what = QStringLiteral("changes on a slow disk");
            for (int n = 0; n < 4; ++n)
                history->apply(anyFrame(), anEdit(), what);
            manager.waitForSaves();
            break;
        }
        case 11:
            // The same run opened again, by the same store; or anew.
            what = QStringLiteral("reopened");
            if (random.bounded(2)) {
                manager.finishBatch();
                manager.close();
            }
            QVERIFY(manager.initializeOrResume(runDir()));
            break;
        default: {
            const int frame = anyFrame();
            what = QStringLiteral("notes of frame %1").arg(frame);
            history->apply(frame, FrameEdit::notesTo(QString::number(random.generate())), what);
            break;
        }
        }
        QVERIFY2(manager.waitForSaves(), qPrintable(what));
        const QByteArray full = SessionCodec::encode(manager.session());
        if (sessionBytes() != full)
            QFAIL(qPrintable(QStringLiteral("step %1 (%2): the file is not what a full encode "
                                            "writes")
                                 .arg(step)
                                 .arg(what)));
    }
}

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
