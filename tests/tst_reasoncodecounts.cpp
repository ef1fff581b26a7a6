#include "review/reasoncodecounts.h"
#include "review/sessionmanager.h"
#include "runfixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The reason codes a run's frames name, kept as the session changes (ReasonCodeCounts): after
// every kind of change, and while a count is made off the GUI thread, they are what a walk of
// every frame finds (ReasonCodeCounts::countAll).
class TestReasonCodeCounts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void countedWhenTheRunOpens();
    void aFewFramesChangedAreCountedAtOnce();
    void aBatchIsCountedInTheBackgroundAndWaitedFor();
    void changesMadeWhileABatchIsCountedCountToo();
    void anotherRunIsCountedAnew();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    // Frames `from` to `to` (not included) of the session, their flags `flags` and their first
    // attempt naming `attemptCodes` (one added when they have none).
    QList<DirectorFrameState> withCodes(int from, int to, const QStringList &flags,
                                        const QStringList &attemptCodes) const;
    bool countsAreAWalk(ReasonCodeCounts &counts) const;

    static constexpr int frames = 300; // more than a batch (SessionManager::backgroundBatch)
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionManager> m_manager;
};

void TestReasonCodeCounts::init()
{
    QVERIFY(frames > SessionManager::backgroundBatch);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeApprovedRun(run(), frames));
    m_manager = std::make_unique<SessionManager>();
    QVERIFY(m_manager->initializeOrResume(run()));
}

void TestReasonCodeCounts::cleanup()
{
    m_manager.reset(); // its lock given back before the folder goes
    m_dir.reset();
}

QList<DirectorFrameState> TestReasonCodeCounts::withCodes(int from, int to,
                                                          const QStringList &flags,
                                                          const QStringList &attemptCodes) const
{
    QList<DirectorFrameState> states;
    for (int i = from; i < to; ++i) {
        DirectorFrameState state = m_manager->session().frames.value(i);
        state.auditReport.flags = flags;
        if (state.attemptHistory.isEmpty())
            state.attemptHistory.append(AttemptInfo());
        state.attemptHistory.first().reasonCodes = attemptCodes;
        states.append(state);
    }
    return states;
}

bool TestReasonCodeCounts::countsAreAWalk(ReasonCodeCounts &counts) const
{
    const ReasonCodeCounts::Counts walked = ReasonCodeCounts::countAll(m_manager->session().frames);
    if (counts.counts() == walked)
        return true;
    qWarning() << "counted" << counts.counts() << "walked" << walked;
    return false;
}

void TestReasonCodeCounts::countedWhenTheRunOpens()
{
    QVERIFY(m_manager->saveFrameStates(withCodes(0, 10, {QStringLiteral("SF07_SMEAR")}, {})));
    ReasonCodeCounts counts(m_manager.get());
    QVERIFY(counts.isCounting()); // off the GUI thread
    QVERIFY(countsAreAWalk(counts));
    QCOMPARE(counts.counts().value(QStringLiteral("SF07_SMEAR")), 10);
    QCOMPARE(counts.codes().filter(QStringLiteral("SF07")),
             QStringList{QStringLiteral("SF07_SMEAR")});
}

void TestReasonCodeCounts::aFewFramesChangedAreCountedAtOnce()
{
    ReasonCodeCounts counts(m_manager.get());
    QTRY_VERIFY(!counts.isCounting());
    QVERIFY(m_manager->saveFrameStates(
        withCodes(0, 3, {QStringLiteral("SF07_SMEAR")}, {QStringLiteral("SF09_JITTER")})));
    QVERIFY(!counts.isCounting());
    QVERIFY(countsAreAWalk(counts));
    QCOMPARE(counts.counts().value(QStringLiteral("SF09_JITTER")), 3);
    // One frame's flag goes: counted once less; the last one: the code goes.
    QVERIFY(m_manager->saveFrameStates(withCodes(0, 1, {}, {QStringLiteral("SF09_JITTER")})));
    QCOMPARE(counts.counts().value(QStringLiteral("SF07_SMEAR")), 2);
    QVERIFY(m_manager->saveFrameStates(withCodes(1, 3, {}, {QStringLiteral("SF09_JITTER")})));
    QVERIFY(!counts.codes().contains(QStringLiteral("SF07_SMEAR")));
    QVERIFY(countsAreAWalk(counts));
}

void TestReasonCodeCounts::aBatchIsCountedInTheBackgroundAndWaitedFor()
{
    ReasonCodeCounts counts(m_manager.get());
    QTRY_VERIFY(!counts.isCounting());
    QSignalSpy batch(m_manager.get(), &SessionManager::framesChanged);
    QVERIFY(m_manager->saveFrameStates(
        withCodes(0, frames, {QStringLiteral("SF07_SMEAR")}, {QStringLiteral("SF09_JITTER")})));
    QCOMPARE(batch.count(), 1);
    QVERIFY(counts.isCounting());
    QVERIFY(countsAreAWalk(counts)); // waited for
    QCOMPARE(counts.counts().value(QStringLiteral("SF07_SMEAR")), frames);
    // Taken in by the event loop too, without being asked.
    QVERIFY(m_manager->saveFrameStates(withCodes(0, frames, {}, {QStringLiteral("SF09_JITTER")})));
    QVERIFY(counts.isCounting());
    QTRY_VERIFY(!counts.isCounting());
    QVERIFY(countsAreAWalk(counts));
    QVERIFY(!counts.counts().contains(QStringLiteral("SF07_SMEAR")));

    // A batch of verdicts keeps every frame's lists: nothing to count, nothing to wait for.
    QList<std::pair<int, FrameEdit>> verdicts;
    for (const int index : m_manager->session().frames.keys())
        verdicts.append({index, FrameEdit::statusTo(FrameStatus::AuditFail)});
    QVERIFY(m_manager->applyFrameEdits(verdicts, SessionManager::Refusals::ApplyTheRest));
    QVERIFY(!counts.isCounting());
    QVERIFY(countsAreAWalk(counts));
}

void TestReasonCodeCounts::changesMadeWhileABatchIsCountedCountToo()
{
    ReasonCodeCounts counts(m_manager.get());
    // Right after the run's count started, a batch and a change of one frame.
    QVERIFY(m_manager->saveFrameStates(withCodes(0, frames, {QStringLiteral("SF07_SMEAR")}, {})));
    QVERIFY(m_manager->saveFrameStates(withCodes(5, 6, {QStringLiteral("SF08_LATE")}, {})));
    QVERIFY(countsAreAWalk(counts));
    QCOMPARE(counts.counts().value(QStringLiteral("SF07_SMEAR")), frames - 1);
    QCOMPARE(counts.counts().value(QStringLiteral("SF08_LATE")), 1);
    // A batch while a batch is counted; and frames the run grows by.
    QVERIFY(m_manager->saveFrameStates(withCodes(0, frames, {}, {QStringLiteral("SF09_JITTER")})));
    QVERIFY(
        m_manager->saveFrameStates(withCodes(0, frames / 2, {QStringLiteral("SF08_LATE")}, {})));
    QTRY_VERIFY(!counts.isCounting());
    QVERIFY(countsAreAWalk(counts));
    QCOMPARE(counts.counts().value(QStringLiteral("SF08_LATE")), frames / 2);
}

void TestReasonCodeCounts::anotherRunIsCountedAnew()
{
    ReasonCodeCounts counts(m_manager.get());
    QVERIFY(m_manager->saveFrameStates(withCodes(0, frames, {QStringLiteral("SF07_SMEAR")}, {})));
    QTemporaryDir other;
    const QString otherRun = other.path() + QStringLiteral("/run");
    QVERIFY(RunFixture::writeMixedRun(otherRun));
    QVERIFY(m_manager->initializeOrResume(otherRun));
    QVERIFY(countsAreAWalk(counts));
    QVERIFY(!counts.counts().contains(QStringLiteral("SF07_SMEAR")));
    QVERIFY(counts.counts().contains(QStringLiteral("SF02_PALETTE_DRIFT")));
    m_manager->close();
    QVERIFY(counts.counts().isEmpty());
}

QTEST_MAIN(TestReasonCodeCounts)
#include "tst_reasoncodecounts.moc"
