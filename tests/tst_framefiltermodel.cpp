#include "review/framefilter.h"
#include "review/framefiltermodel.h"
#include "review/framelistmodel.h"
#include "review/sessionmanager.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "runfixture.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The filmstrip's rows under the filter bar's choices, without the window: which frames a
// filter shows, the counts beside each choice, and what the rows do as frames change, come and
// the filter changes (the current and selected rows kept). The model tester watches every test.
//
// The mixed run (RunFixture::writeMixedRun): 0 APPROVED, 1 AUDIT_WARN (SF01), 2 AUDIT_FAIL
// (SF02), 3 GENERATED, 4 PENDING (no image).
class TestFrameFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyFilterShowsWhatFrameFilterMatches();
    void theCountsFollowEveryChange();
    void aChangedFrameKeepsItsPlaceUntilTheFilterIsSetAgain();
    void aFilterChangeKeepsTheRowsThatStayShown();
    void aFrameTheRunGrowsByIsTestedAsItComes();
    void anotherSessionStartsWithNoFilter();
    void theRowBesideAHiddenFrame();
    void aRunWithManyFlagsFiltersAndCountsThemAll();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    // The frames a model shows, row by row (through data(), as the filmstrip asks).
    static QList<int> shown(const FrameFilterModel &model);
    // What FrameFilter itself says of the session: the frames it matches.
    QList<int> expected(const FrameFilter &filter) const;
    static FrameFilter statuses(std::initializer_list<FrameStatus> statuses);
    void open();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<FrameListModel> m_frames;
    std::unique_ptr<FrameFilterModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFrameFilterModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(run()));
    open();
}

void TestFrameFilterModel::open()
{
    m_tester.reset();
    m_model.reset();
    m_frames.reset();
    m_manager = std::make_unique<SessionManager>();
    QVERIFY(m_manager->initializeOrResume(run()));
    m_frames = std::make_unique<FrameListModel>(m_manager.get());
    m_model = std::make_unique<FrameFilterModel>(m_frames.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestFrameFilterModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_frames.reset();
    m_manager.reset();
}

QList<int> TestFrameFilterModel::shown(const FrameFilterModel &model)
{
    QList<int> frames;
    for (int row = 0; row < model.rowCount(); ++row) {
        const int frame = model.index(row, 0).data(FrameListModel::FrameIndexRole).toInt();
        frames.append(frame);
        if (model.frameAtRow(row) != frame || model.rowOfFrame(frame) != row)
            return {-1}; // the mapping disagrees with the rows
    }
    return frames;
}

QList<int> TestFrameFilterModel::expected(const FrameFilter &filter) const
{
    return filter.isEmpty() ? m_manager->session().frames.keys()
                            : filter.run(m_manager->session().frames).matching;
}

FrameFilter TestFrameFilterModel::statuses(std::initializer_list<FrameStatus> statuses)
{
    FrameFilter filter;
    for (const FrameStatus status : statuses)
        filter.setStatus(status, true);
    return filter;
}

void TestFrameFilterModel::everyFilterShowsWhatFrameFilterMatches()
{
    QVERIFY(m_manager->applyFrameEdit(3, FrameEdit::offsetTo(2, 0)));
    QVERIFY(m_manager->applyFrameEdit(2, FrameEdit::notesTo(QStringLiteral("hand"))));
    QVERIFY(m_manager->applyFrameEdit(
        1, FrameEdit::statusTo(FrameStatus::AuditFail, {}, {}, QStringLiteral("the hand"))));
    QList<FrameFilter> filters;
    for (const FrameStatus status : allFrameStatuses)
        filters.append(statuses({status}));
    filters.append(statuses({FrameStatus::AuditWarn, FrameStatus::AuditFail}));
    for (int m = 0; m < FrameFilter::markCount; ++m) {
        FrameFilter filter;
        filter.setMark(FrameFilter::Mark(m), true);
        filters.append(filter);
    }
    FrameFilter drift;
    drift.setFlag(QStringLiteral("SF02_PALETTE_DRIFT"), true);
    filters.append(drift);
    FrameFilter unknownFlag;
    unknownFlag.setFlag(QStringLiteral("SF99_NOT_IN_THIS_RUN"), true);
    filters.append(unknownFlag);
    FrameFilter across = statuses({FrameStatus::Generated, FrameStatus::AuditFail});
    across.setMark(FrameFilter::Mark::Nudged, true);
    across.setMark(FrameFilter::Mark::Noted, true);
    filters.append(across);
    filters.append(FrameFilter());

    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    for (const FrameFilter &filter : std::as_const(filters)) {
        m_model->setFilter(filter);
        QCOMPARE(shown(*m_model), expected(filter));
        QCOMPARE(m_model->counts(), FrameFilter::countsOf(m_manager->session().frames));
    }
    QCOMPARE(shown(*m_model), QList<int>({0, 1, 2, 3, 4}));
    QCOMPARE(m_model->rowCount(), 5);
    QVERIFY(resets.isEmpty()); // a filter change is a layout change
    QCOMPARE(m_model->counts().mark(FrameFilter::Mark::Reasoned), 1);
    QCOMPARE(m_model->counts().status(FrameStatus::AuditFail), 2);
}

void TestFrameFilterModel::theCountsFollowEveryChange()
{
    QSignalSpy countsChanged(m_model.get(), &FrameFilterModel::countsChanged);
    QCOMPARE(m_model->counts().total, 5);
    QCOMPARE(m_model->counts().flags.value(QStringLiteral("SF01_IDENTITY_DRIFT")), 1);
    // A batch: one new count, once the event loop turns.
    QList<std::pair<int, FrameEdit>> edits;
    for (int frame : {0, 1, 2, 3})
        edits.append({frame, FrameEdit::notesTo(QStringLiteral("seen"))});
    QVERIFY(m_manager->applyFrameEdits(edits));
    QVERIFY(m_manager->applyFrameEdit(1, FrameEdit::statusTo(FrameStatus::Approved)));
    QTRY_COMPARE(m_model->counts().mark(FrameFilter::Mark::Noted), 4);
    QCOMPARE(countsChanged.count(), 1);
    QCOMPARE(m_model->counts(), FrameFilter::countsOf(m_manager->session().frames));
    QCOMPARE(m_model->counts().status(FrameStatus::Approved), 2);
    QCOMPARE(m_model->counts().status(FrameStatus::AuditWarn), 0);
    // Notes taken away.
    QVERIFY(m_manager->applyFrameEdit(0, FrameEdit::notesTo(QString())));
    QTRY_COMPARE(m_model->counts().mark(FrameFilter::Mark::Noted), 3);
    QCOMPARE(m_model->counts(), FrameFilter::countsOf(m_manager->session().frames));
}

void TestFrameFilterModel::aChangedFrameKeepsItsPlaceUntilTheFilterIsSetAgain()
{
    const FrameFilter failed = statuses({FrameStatus::AuditFail});
    m_model->setFilter(failed);
    QCOMPARE(shown(*m_model), QList<int>({2}));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_manager->applyFrameEdit(2, FrameEdit::statusTo(FrameStatus::Approved)));
    // Still in sight, with its new status, and its row said to have changed.
    QCOMPARE(shown(*m_model), QList<int>({2}));
    QCOMPARE(m_model->index(0, 0).data(FrameListModel::StatusRole).toInt(),
             int(FrameStatus::Approved));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
    // A change to a frame not shown says nothing.
    changed.clear();
    QVERIFY(m_manager->applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("x"))));
    QVERIFY(changed.isEmpty());
    QTRY_COMPARE(m_model->counts().status(FrameStatus::AuditFail), 0);
    m_model->setFilter(failed);
    QCOMPARE(shown(*m_model), QList<int>());
}

void TestFrameFilterModel::aFilterChangeKeepsTheRowsThatStayShown()
{
    const QPersistentModelIndex current = m_model->index(2, 0);
    const QPersistentModelIndex approved = m_model->index(0, 0);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
    m_model->setFilter(statuses({FrameStatus::AuditWarn, FrameStatus::AuditFail}));
    QCOMPARE(layout.count(), 1);
    QCOMPARE(current.row(), 1);
    QCOMPARE(current.data(FrameListModel::FrameIndexRole).toInt(), 2);
    QVERIFY(!approved.isValid()); // hidden
    // The same rows again: nothing moves.
    m_model->setFilter(statuses({FrameStatus::AuditWarn, FrameStatus::AuditFail}));
    QCOMPARE(layout.count(), 1);
    m_model->setFilter(FrameFilter());
    QCOMPARE(current.row(), 2);
    QCOMPARE(layout.count(), 2);
}

void TestFrameFilterModel::aFrameTheRunGrowsByIsTestedAsItComes()
{
    m_model->setFilter(statuses({FrameStatus::AuditFail}));
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    // Frame 5 arrives failed, frame 6 passed.
    QVERIFY(RunFixture::writeCandidate(run(), 5));
    QVERIFY(RunFixture::writeAudit(run(), 5, false, {QStringLiteral("SF02_PALETTE_DRIFT")}, 0.3));
    QVERIFY(RunFixture::writeCandidate(run(), 6));
    QVERIFY(RunFixture::writeAudit(run(), 6, true, {}, 0.9));
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(run(), &contents));
    const RunIngest::Plan plan = RunIngest::plan(m_manager->session(), contents, run());
    QCOMPARE(plan.added.size(), 2);
    QVERIFY(m_manager->ingest(plan));
    QCOMPARE(shown(*m_model), QList<int>({2, 5}));
    QCOMPARE(inserted.count(), 1);
    QTRY_COMPARE(m_model->counts().total, 7);
    QCOMPARE(m_model->counts(), FrameFilter::countsOf(m_manager->session().frames));
    // Without a filter every frame comes.
    m_model->setFilter(FrameFilter());
    QVERIFY(RunFixture::writeCandidate(run(), 7));
    QVERIFY(RunFolder::read(run(), &contents));
    QVERIFY(m_manager->ingest(RunIngest::plan(m_manager->session(), contents, run())));
    QCOMPARE(shown(*m_model), QList<int>({0, 1, 2, 3, 4, 5, 6, 7}));
}

void TestFrameFilterModel::anotherSessionStartsWithNoFilter()
{
    m_model->setFilter(statuses({FrameStatus::Approved}));
    QCOMPARE(shown(*m_model), QList<int>({0}));
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(m_manager->initializeOrResume(run()));
    QCOMPARE(resets.count(), 1);
    QVERIFY(m_model->filter().isEmpty());
    QCOMPARE(shown(*m_model), QList<int>({0, 1, 2, 3, 4}));
    QCOMPARE(m_model->counts(), FrameFilter::countsOf(m_manager->session().frames));
}

void TestFrameFilterModel::theRowBesideAHiddenFrame()
{
    m_model->setFilter(statuses({FrameStatus::AuditWarn, FrameStatus::Pending})); // 1, 4
    QCOMPARE(m_model->rowBeside(0, 1), 0);
    QCOMPARE(m_model->rowBeside(0, -1), -1);
    QCOMPARE(m_model->rowBeside(2, 1), 1);
    QCOMPARE(m_model->rowBeside(2, -1), 0);
    QCOMPARE(m_model->rowBeside(4, 1), -1);
    QCOMPARE(m_model->rowBeside(4, -1), 0);
    m_model->setFilter(FrameFilter());
    QCOMPARE(m_model->rowBeside(2, 1), 3);
    QCOMPARE(m_model->rowBeside(2, -1), 1);
}

void TestFrameFilterModel::aRunWithManyFlagsFiltersAndCountsThemAll()
{
    // More flags than a frame's bits hold: frame 3 has 70, one of them twice; frame 0 one of
    // the last of them.
    QStringList many;
    for (int i = 0; i < 70; ++i)
        many.append(QStringLiteral("SF%1_MANY").arg(i, 2, 10, QLatin1Char('0')));
    many.append(QStringLiteral("SF69_MANY"));
    QVERIFY(RunFixture::writeAudit(run(), 3, true, many, 0.5));
    QVERIFY(RunFixture::writeAudit(run(), 0, true, {QStringLiteral("SF68_MANY")}, 0.9));
    // A session made again from the run (the audits are read when it is created).
    cleanup();
    QFile::remove(run() + QStringLiteral("/director_session.json"));
    QFile::remove(run() + QStringLiteral("/director_session.json.bak"));
    open();
    QCOMPARE(m_manager->session().frames.value(3).auditReport.flags.size(), 71);
    QCOMPARE(m_model->counts(), FrameFilter::countsOf(m_manager->session().frames));
    QCOMPARE(m_model->counts().flags.value(QStringLiteral("SF69_MANY")), 1);
    QCOMPARE(m_model->counts().flags.value(QStringLiteral("SF68_MANY")), 2);
    FrameFilter filter;
    filter.setFlag(QStringLiteral("SF68_MANY"), true);
    m_model->setFilter(filter);
    QCOMPARE(shown(*m_model), QList<int>({0, 3}));
    filter.setFlag(QStringLiteral("SF68_MANY"), false);
    filter.setFlag(QStringLiteral("SF69_MANY"), true);
    m_model->setFilter(filter);
    QCOMPARE(shown(*m_model), QList<int>({3}));
    QCOMPARE(shown(*m_model), expected(filter));
    // The frame changes: its flags counted again.
    QVERIFY(m_manager->applyFrameEdit(3, FrameEdit::notesTo(QStringLiteral("many"))));
    QTRY_COMPARE(m_model->counts().mark(FrameFilter::Mark::Noted), 1);
    QCOMPARE(m_model->counts(), FrameFilter::countsOf(m_manager->session().frames));
}

QTEST_GUILESS_MAIN(TestFrameFilterModel)
#include "tst_framefiltermodel.moc"
