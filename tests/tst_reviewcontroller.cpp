#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "session/reviewer.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The review's commands without a window, on a real run folder: each edit is one undo step
// named as the Edit menu shows it, undo and redo say which frame they changed and put the
// file on disk back, "next needing attention" goes round the run, and a commit that cannot be
// made says which frames stop it.
class TestReviewController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void eachEditIsOneUndoStepNamedForIt();
    void editsThatChangeNothingAreNoStep();
    void clearNudgeKeepsTheRestAsTheFileHoldsIt();
    void undoAndRedoSayTheFrameAndPutTheFileBack();
    void nextNeedingAttentionWrapsBothWays();
    void nextNeedingAttentionIsNoneWhenEveryFrameIsApproved();
    void readyToCommitRefusesNamingTheFrames();
    void anApprovedFrameWithoutAnImageIsNotCommitted();
    void commitWritesApprovedFramesAndDiscardEndsTheReview();
    void aVerdictSaysWhoWhenAndWhyAndUndoTakesItBack();
    void aVerdictGoesWithTheImageItWasAbout();
    void aVerdictGivenThroughTheInterfaceIsCheckedAsTheFileIs();

private:
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString approvedRunDir() const { return m_dir->path() + QStringLiteral("/approved_run"); }
    static DirectorSession onDisk(const QString &runDir);
    DirectorSession onDisk() const { return onDisk(runDir()); }
    // The words of the step Edit → Undo would take back.
    QString undoText() { return m_controller->undoStack()->undoText(); }
    int steps() { return m_controller->undoStack()->count(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<ReviewController> m_controller;
};

DirectorSession TestReviewController::onDisk(const QString &runDir)
{
    QFile file(runDir + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

void TestReviewController::aVerdictSaysWhoWhenAndWhyAndUndoTakesItBack()
{
    m_controller->setReviewer(QStringLiteral("alice"));
    const DirectorFrameState before = *m_manager->getFrameState(1);
    QVERIFY(m_controller->reject(1, QStringLiteral("SF01_IDENTITY_DRIFT"),
                                 QStringLiteral(" hand drifts ")));
    const DirectorFrameState rejected = onDisk().frames.value(1);
    QCOMPARE(rejected.status, FrameStatus::AuditFail);
    QVERIFY(rejected.directorOverrides.verdict.has_value());
    const Verdict &verdict = *rejected.directorOverrides.verdict;
    QCOMPARE(verdict.status, FrameStatus::AuditFail);
    QCOMPARE(verdict.reviewer, QStringLiteral("alice"));
    QVERIFY(Timestamps::isCanonical(verdict.timestamp));
    QCOMPARE(verdict.reasonCode, QStringLiteral("SF01_IDENTITY_DRIFT"));
    QCOMPARE(verdict.reason, QStringLiteral("hand drifts"));

    // Undo puts the frame back exactly, without a verdict; redo brings it back.
    QVERIFY(m_controller->undo());
    QCOMPARE(onDisk().frames.value(1), before);
    QVERIFY(m_controller->redo());
    QCOMPARE(onDisk().frames.value(1).directorOverrides.verdict,
             rejected.directorOverrides.verdict);

    // Approving it since replaces the rejection: an approval has no reason.
    m_controller->setReviewer(QStringLiteral("bob"));
    QVERIFY(m_controller->approve(1));
    const std::optional<Verdict> approved = onDisk().frames.value(1).directorOverrides.verdict;
    QVERIFY(approved.has_value());
    QCOMPARE(approved->status, FrameStatus::Approved);
    QCOMPARE(approved->reviewer, QStringLiteral("bob"));
    QVERIFY(!approved->reasonCode && !approved->reason);

    // A frame the audit failed takes the operator's reason without a change of status; without
    // a reason, rejecting it again is refused as before.
    QVERIFY(!m_controller->reject(2));
    QVERIFY(!onDisk().frames.value(2).directorOverrides.verdict);
    QVERIFY(m_controller->reject(2, QString(), QStringLiteral("palette off at the belt")));
    QCOMPARE(onDisk().frames.value(2).directorOverrides.verdict->reason,
             QStringLiteral("palette off at the belt"));
    // A reason goes with a rejection only, and must be a code.
    QCOMPARE(m_manager
                 ->applyFrameEdit(3, FrameEdit::statusTo(FrameStatus::Approved, QString(),
                                                         QStringLiteral("SF01_IDENTITY_DRIFT")))
                 .kind(),
             Outcome::Kind::Invalid);
    QCOMPARE(m_controller->reject(3, QStringLiteral("identity drift")).kind(),
             Outcome::Kind::Invalid);
    QCOMPARE(onDisk().frames.value(3).status, FrameStatus::Generated);
    // Nobody named: the user logged in.
    m_controller->setReviewer(QString());
    QVERIFY(m_controller->reject(3));
    QCOMPARE(onDisk().frames.value(3).directorOverrides.verdict->reviewer, Reviewer::loginName());
}

void TestReviewController::aVerdictGoesWithTheImageItWasAbout()
{
    m_controller->setReviewer(QStringLiteral("alice"));
    QVERIFY(m_controller->reject(1, QStringLiteral("SF01_IDENTITY_DRIFT")));
    QVERIFY(onDisk().frames.value(1).directorOverrides.verdict);
    m_manager->close();
    // The pipeline retries the rejected frame: a new attempt, not audited yet.
    QVERIFY(RunFixture::writeCandidate(runDir(), 1, 2));
    SessionManager again;
    QVERIFY(again.initializeOrResume(runDir()));
    int changed = 0;
    QVERIFY(again.ingestRun(&changed));
    QCOMPARE(changed, 1);
    const DirectorFrameState retried = onDisk().frames.value(1);
    QCOMPARE(retried.status, FrameStatus::Generated);
    QVERIFY(!retried.directorOverrides.verdict);
}

void TestReviewController::aVerdictGivenThroughTheInterfaceIsCheckedAsTheFileIs()
{
    DirectorOverrides overrides = m_manager->getFrameState(1)->directorOverrides;
    Verdict verdict;
    verdict.status = FrameStatus::AuditFail; // frame 1 is AUDIT_WARN
    verdict.reviewer = QStringLiteral("alice");
    overrides.verdict = verdict;
    const Outcome other = m_manager->updateFrameOverrides(1, overrides);
    QCOMPARE(other.kind(), Outcome::Kind::Invalid);
    QVERIFY2(other.message().contains(QLatin1String("it is for AUDIT_FAIL, but frame 1 is "
                                                    "AUDIT_WARN")),
             qPrintable(other.message()));
    // On frame 2 (AUDIT_FAIL) it is saved, its time now; a code of another form is not.
    overrides = m_manager->getFrameState(2)->directorOverrides;
    verdict.reasonCode = QStringLiteral("palette");
    overrides.verdict = verdict;
    QCOMPARE(m_manager->updateFrameOverrides(2, overrides).kind(), Outcome::Kind::Invalid);
    verdict.reasonCode = QStringLiteral("SF02_PALETTE_DRIFT");
    verdict.extra.insert(QStringLiteral("ticket"), 2.0);
    overrides.verdict = verdict;
    QVERIFY(m_manager->updateFrameOverrides(2, overrides));
    const std::optional<Verdict> saved = onDisk().frames.value(2).directorOverrides.verdict;
    QVERIFY(saved.has_value());
    QVERIFY(Timestamps::isCanonical(saved->timestamp));
    QCOMPARE(saved->reasonCode, QStringLiteral("SF02_PALETTE_DRIFT"));
    QCOMPARE(saved->extra.value(u"ticket").toInt(), 2);
}

void TestReviewController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // 0 APPROVED, 1 AUDIT_WARN, 2 AUDIT_FAIL, 3 GENERATED, 4 PENDING.
    QVERIFY(RunFixture::writeMixedRun(runDir()));
    m_manager = std::make_unique<SessionManager>();
    m_controller = std::make_unique<ReviewController>(m_manager.get());
    QVERIFY(m_manager->initializeOrResume(runDir()));
}

void TestReviewController::cleanup()
{
    m_controller.reset();
    m_manager.reset();
    m_dir.reset();
}

void TestReviewController::eachEditIsOneUndoStepNamedForIt()
{
    QCOMPARE(steps(), 0);

    QVERIFY(m_controller->approve(1));
    QCOMPARE(steps(), 1);
    QCOMPARE(undoText(), QStringLiteral("Approve frame 1"));
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);

    QVERIFY(m_controller->reject(3));
    QCOMPARE(steps(), 2);
    QCOMPARE(undoText(), QStringLiteral("Reject frame 3"));
    QCOMPARE(onDisk().frames.value(3).status, FrameStatus::AuditFail);

    // A nudge moves the frame further than it is: the offset on disk is the total.
    QVERIFY(m_controller->nudge(2, 1, -2));
    QCOMPARE(steps(), 3);
    QCOMPARE(undoText(), QStringLiteral("Nudge frame 2 by 1, -2"));
    QVERIFY(m_controller->nudge(2, 3, 0));
    QCOMPARE(steps(), 4);
    QCOMPARE(undoText(), QStringLiteral("Nudge frame 2 by 3, 0"));
    std::optional<HumanAlignmentDelta> alignment =
        onDisk().frames.value(2).directorOverrides.alignment;
    QVERIFY(alignment.has_value());
    QCOMPARE(alignment->userOverrideX, 4.0);
    QCOMPARE(alignment->userOverrideY, -2.0);

    QVERIFY(m_controller->clearNudge(2));
    QCOMPARE(steps(), 5);
    QCOMPARE(undoText(), QStringLiteral("Clear the nudge of frame 2"));
    QVERIFY(!onDisk().frames.value(2).directorOverrides.alignment);

    QVERIFY(m_controller->setNotes(0, QStringLiteral("halo at the feet")));
    QCOMPARE(steps(), 6);
    QCOMPARE(undoText(), QStringLiteral("Edit the notes of frame 0"));
    QCOMPARE(onDisk().frames.value(0).directorOverrides.notes,
             std::optional(QStringLiteral("halo at the feet")));

    // A verdict the rules refuse (a PENDING frame has no image to approve) is no step, and
    // nothing is written.
    const QByteArray before = [this] {
        QFile file(runDir() + QStringLiteral("/director_session.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    const Outcome refused = m_controller->approve(4);
    QVERIFY(!refused);
    QCOMPARE(steps(), 6);
    QCOMPARE(onDisk().frames.value(4).status, FrameStatus::Pending);
    QFile file(runDir() + QStringLiteral("/director_session.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    // A frame that is not there: said, no step.
    const Outcome missing = m_controller->nudge(9, 1, 0);
    QVERIFY(!missing);
    QVERIFY2(missing.message().contains(QLatin1String("9")), qPrintable(missing.message()));
    QCOMPARE(steps(), 6);
}

void TestReviewController::editsThatChangeNothingAreNoStep()
{
    const DirectorSession before = onDisk();
    // No nudge to clear, the same notes: nothing to do, and Ok.
    QVERIFY(m_controller->clearNudge(1));
    QVERIFY(m_controller->setNotes(1, QString()));
    QCOMPARE(steps(), 0);
    QCOMPARE(onDisk(), before);
    QVERIFY(m_controller->setNotes(1, QStringLiteral("hand drifts")));
    QVERIFY(m_controller->setNotes(1, QStringLiteral("hand drifts")));
    QCOMPARE(steps(), 1);
}

void TestReviewController::clearNudgeKeepsTheRestAsTheFileHoldsIt()
{
    QVERIFY(m_controller->nudge(2, 2, 1));
    m_controller.reset();
    m_manager.reset();
    // By hand or by another program: notes longer than an edit may write (the reader takes
    // them), and a member Director does not know.
    const QString sessionPath = runDir() + QStringLiteral("/director_session.json");
    QFile file(sessionPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject frames = root.value(u"frames").toObject();
    QJsonObject frame = frames.value(u"2").toObject();
    QJsonObject overrides = frame.value(u"directorOverrides").toObject();
    const QString longNotes(150000, QLatin1Char('n'));
    overrides.insert(QStringLiteral("notes"), longNotes);
    overrides.insert(QStringLiteral("reviewer"), QStringLiteral("kim"));
    frame.insert(QStringLiteral("directorOverrides"), overrides);
    frames.insert(QStringLiteral("2"), frame);
    root.insert(QStringLiteral("frames"), frames);
    QVERIFY(RunFixture::writeJson(sessionPath, root));
    m_manager = std::make_unique<SessionManager>();
    m_controller = std::make_unique<ReviewController>(m_manager.get());
    QVERIFY(m_manager->initializeOrResume(runDir()));

    // The nudge goes; what the operator did not touch stays as it was.
    const Outcome cleared = m_controller->clearNudge(2);
    QVERIFY2(cleared, qPrintable(cleared.message()));
    const DirectorOverrides saved = onDisk().frames.value(2).directorOverrides;
    QVERIFY(!saved.alignment);
    QCOMPARE(saved.notes, std::optional(longNotes));
    QCOMPARE(saved.extra.value(u"reviewer").toString(), QStringLiteral("kim"));
    QVERIFY(m_controller->undo());
    QCOMPARE(onDisk().frames.value(2).directorOverrides.alignment->userOverrideX, 2.0);
    // Notes that long are still not what an edit writes.
    QVERIFY(!m_controller->setNotes(2, longNotes + QLatin1Char('!')));
    QCOMPARE(onDisk().frames.value(2).directorOverrides.notes, std::optional(longNotes));
}

void TestReviewController::undoAndRedoSayTheFrameAndPutTheFileBack()
{
    const DirectorSession original = onDisk();
    QVERIFY(m_controller->approve(1));
    QVERIFY(m_controller->nudge(2, -1, 0));
    const DirectorSession edited = onDisk();
    QSignalSpy stepped(m_controller.get(), &ReviewController::undoneOrRedone);

    QVERIFY(m_controller->undo());
    QCOMPARE(stepped.count(), 1);
    QCOMPARE(stepped.at(0).at(0).toInt(), 2);
    QVERIFY(!onDisk().frames.value(2).directorOverrides.alignment);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    QCOMPARE(undoText(), QStringLiteral("Approve frame 1"));

    QVERIFY(m_controller->undo());
    QCOMPARE(stepped.count(), 2);
    QCOMPARE(stepped.at(1).at(0).toInt(), 1);
    QCOMPARE(onDisk().frames, original.frames); // the file as it was, frame by frame
    QCOMPARE(m_manager->session().frames, original.frames);

    // Nothing more to undo: refused, and no frame named.
    QVERIFY(!m_controller->undo());
    QCOMPARE(stepped.count(), 2);

    QVERIFY(m_controller->redo());
    QCOMPARE(stepped.count(), 3);
    QCOMPARE(stepped.at(2).at(0).toInt(), 1);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    QVERIFY(m_controller->redo());
    QCOMPARE(stepped.count(), 4);
    QCOMPARE(stepped.at(3).at(0).toInt(), 2);
    QCOMPARE(onDisk().frames, edited.frames);

    QVERIFY(!m_controller->redo());
    QCOMPARE(stepped.count(), 4);
}

void TestReviewController::nextNeedingAttentionWrapsBothWays()
{
    // Forward: the next frame that is not approved, round past the end.
    QCOMPARE(m_controller->nextNeedingAttention(0, 1), 1);
    QCOMPARE(m_controller->nextNeedingAttention(1, 1), 2);
    QCOMPARE(m_controller->nextNeedingAttention(4, 1), 1); // 0 is approved
    // Backward, round past the start.
    QCOMPARE(m_controller->nextNeedingAttention(3, -1), 2);
    QCOMPARE(m_controller->nextNeedingAttention(1, -1), 4); // 0 is approved
    QCOMPARE(m_controller->nextNeedingAttention(0, -1), 4);

    // Approved frames are passed over.
    QVERIFY(m_controller->approve(1));
    QVERIFY(m_controller->approve(2));
    QCOMPARE(m_controller->nextNeedingAttention(0, 1), 3);
    QCOMPARE(m_controller->nextNeedingAttention(3, -1), 4);
    QCOMPARE(m_controller->nextNeedingAttention(4, 1), 3);
    // The only one left needing attention is found from itself too.
    QVERIFY(m_controller->approve(3));
    QCOMPARE(m_controller->nextNeedingAttention(4, 1), 4);
    QCOMPARE(m_controller->nextNeedingAttention(4, -1), 4);
}

void TestReviewController::nextNeedingAttentionIsNoneWhenEveryFrameIsApproved()
{
    QVERIFY(RunFixture::writeApprovedRun(approvedRunDir(), 3));
    QVERIFY(m_manager->initializeOrResume(approvedRunDir()));
    for (const int frame : {0, 1, 2}) {
        QCOMPARE(m_controller->nextNeedingAttention(frame, 1), -1);
        QCOMPARE(m_controller->nextNeedingAttention(frame, -1), -1);
    }
    QVERIFY(m_controller->reject(1));
    QCOMPARE(m_controller->nextNeedingAttention(2, 1), 1);
    QCOMPARE(m_controller->nextNeedingAttention(0, -1), 1);

    // No run open: nothing to go to.
    SessionManager none;
    const ReviewController idle(&none);
    QCOMPARE(idle.nextNeedingAttention(0, 1), -1);
}

void TestReviewController::readyToCommitRefusesNamingTheFrames()
{
    Outcome ready = m_controller->readyToCommit();
    QCOMPARE(ready.kind(), Outcome::Kind::Refused);
    QVERIFY2(ready.message().contains(QLatin1String("4 frame")), qPrintable(ready.message()));
    QVERIFY2(ready.message().contains(
                 QLatin1String(": 1 (AUDIT_WARN), 2 (AUDIT_FAIL), 3 (GENERATED), 4 (PENDING)")),
             qPrintable(ready.message()));
    QVERIFY2(!ready.message().contains(QLatin1String("0 (")), qPrintable(ready.message()));
    // The commit itself refuses the same way, and writes nothing.
    const Outcome committed = m_controller->commit();
    QCOMPARE(committed.kind(), Outcome::Kind::Refused);
    QCOMPARE(committed.message(), ready.message());
    QVERIFY(!QDir(runDir() + QStringLiteral("/approved")).exists() ||
            QDir(runDir() + QStringLiteral("/approved")).isEmpty());
    QCOMPARE(onDisk().status, SessionStatus::Active);

    // Approving one takes it off the list.
    QVERIFY(m_controller->approve(2));
    ready = m_controller->readyToCommit();
    QVERIFY2(ready.message().contains(QLatin1String(": 1 (AUDIT_WARN), 3 (GENERATED), 4 (")),
             qPrintable(ready.message()));

    // No run open.
    SessionManager none;
    const ReviewController idle(&none);
    QCOMPARE(idle.readyToCommit().kind(), Outcome::Kind::Refused);
}

// A script can take a frame with no image to GENERATED, then approve it: commit, which writes
// every frame's image, refuses (exit 2 from the command line), naming it, and writes nothing.
void TestReviewController::anApprovedFrameWithoutAnImageIsNotCommitted()
{
    QVERIFY(m_manager->getFrameState(4)->imagePath.isEmpty()); // PENDING, no image
    QVERIFY(m_manager->updateFrameStatus(4, FrameStatus::Generated));
    for (int frame : {1, 2, 3, 4})
        QVERIFY(m_controller->approve(frame));
    const Outcome ready = m_controller->readyToCommit();
    QCOMPARE(ready.kind(), Outcome::Kind::Refused);
    QVERIFY2(ready.message().startsWith(QLatin1String("Commit writes every frame's image; 1 ")),
             qPrintable(ready.message()));
    QVERIFY2(ready.message().endsWith(QLatin1String(": 4")), qPrintable(ready.message()));
    const Outcome committed = m_controller->commit();
    QCOMPARE(committed.kind(), Outcome::Kind::Refused);
    QVERIFY(!QDir(runDir() + QStringLiteral("/approved")).exists() ||
            QDir(runDir() + QStringLiteral("/approved")).isEmpty());
    QCOMPARE(onDisk().status, SessionStatus::Active);
}

void TestReviewController::commitWritesApprovedFramesAndDiscardEndsTheReview()
{
    QVERIFY(RunFixture::writeApprovedRun(approvedRunDir(), 3));
    QVERIFY(m_manager->initializeOrResume(approvedRunDir()));
    QVERIFY(m_controller->nudge(1, 1, 0));
    QVERIFY(m_controller->readyToCommit());
    QList<int> progress;
    QVERIFY(m_controller->commit([&progress](int done, int) { progress.append(done); }));
    QCOMPARE(progress.constLast(), 3);
    QCOMPARE(QDir(approvedRunDir() + QStringLiteral("/approved")).entryList(QDir::Files).size(), 3);
    const DirectorSession committed = onDisk(approvedRunDir());
    QCOMPARE(committed.status, SessionStatus::Committed);
    QCOMPARE(committed.commitInfo->nudgedCount, 1);
    // Committed: no second commit, no more edits, no history to undo into it.
    QCOMPARE(m_controller->readyToCommit().kind(), Outcome::Kind::Refused);
    QVERIFY(!m_controller->approve(0));
    QCOMPARE(steps(), 0);

    // The other run, discarded: kept, read-only, nothing in approved/.
    QVERIFY(m_manager->initializeOrResume(runDir()));
    QVERIFY(m_controller->approve(1));
    QVERIFY(m_controller->discard());
    QCOMPARE(onDisk().status, SessionStatus::Discarded);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    QVERIFY(!QDir(runDir() + QStringLiteral("/approved")).exists());
    QVERIFY(!m_controller->reject(1));
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
}

QTEST_GUILESS_MAIN(TestReviewController)
#include "tst_reviewcontroller.moc"
