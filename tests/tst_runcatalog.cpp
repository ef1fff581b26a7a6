// The runs of a folder at a glance (model/run: RunSummary, RunCatalog): what each run shows,
// that reading never writes, and the model following the folder as runs appear and change.

#include "review/sessionmanager.h"
#include "run/runcatalog.h"
#include "runsfixture.h"
#include "storage/sessionlock.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Every file under `folder` with its size and time: what "nothing was written" compares.
QStringList snapshot(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        files.append(QStringLiteral("%1 %2 %3")
                         .arg(info.filePath())
                         .arg(info.size())
                         .arg(info.lastModified().toMSecsSinceEpoch()));
    }
    files.sort();
    return files;
}

SessionLock::Holder holderNamed(qint64 pid, const QString &host)
{
    SessionLock::Holder holder;
    holder.pid = pid;
    holder.host = host;
    return holder;
}

const RunSummary *find(const QList<RunSummary> &runs, const QString &name)
{
    for (const RunSummary &run : runs) {
        if (QFileInfo(run.path).fileName() == name)
            return &run;
    }
    return nullptr;
}

} // namespace

class TestRunCatalog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void summariesTellTheRunsApart();
    void readingWritesNothing();
    void aForeignLockIsHeldAndNeverTakenOver();
    void aForeignLockIsTakenOverOnlyWhenNamed();
    void aClonedWorkstationOfTheSameNameIsAnotherComputer();
    void newestActivityFirst();
    void openingARunIsNoActivity();
    void modelFollowsTheFolder();
    void copiesOfARunAreToldApartByTheirFolders();
    void aChangedSessionUpdatesItsRow();
    void folderIsReadAgainOnATimer();
    void listingARunFolderListsIt();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRunCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(RunsFixture::writeRuns(m_dir->path()));
}

void TestRunCatalog::summariesTellTheRunsApart()
{
    const QList<RunSummary> runs = RunSummary::scan(m_dir->path());
    QCOMPARE(runs.size(), 5);

    const RunSummary *fresh = find(runs, QStringLiteral("fresh"));
    QVERIFY(fresh);
    QCOMPARE(fresh->runId, QStringLiteral("run_fresh"));
    QCOMPARE(fresh->moveId, QStringLiteral("idle_standard"));
    QCOMPARE(fresh->sessionState, RunSummary::SessionState::None);
    QCOMPARE(fresh->frames, 5);
    for (FrameStatus status : allFrameStatuses)
        QCOMPARE(fresh->counts.count(status), 1);
    QVERIFY(fresh->lastActivity.isValid());
    QVERIFY(!fresh->holder);

    const RunSummary *active = find(runs, QStringLiteral("active"));
    QVERIFY(active);
    QCOMPARE(active->sessionState, RunSummary::SessionState::Active);
    QCOMPARE(active->counts.count(FrameStatus::Approved), 2); // frame 0, and 1 by the operator
    QCOMPARE(active->counts.count(FrameStatus::AuditWarn), 0);
    QVERIFY(!active->holder); // its Director finished

    const RunSummary *committed = find(runs, QStringLiteral("committed"));
    QVERIFY(committed);
    QCOMPARE(committed->sessionState, RunSummary::SessionState::Committed);
    QCOMPARE(committed->frames, 3);
    QCOMPARE(committed->counts.count(FrameStatus::Approved), 3);

    const RunSummary *corrupt = find(runs, QStringLiteral("corrupt"));
    QVERIFY(corrupt);
    QCOMPARE(corrupt->sessionState, RunSummary::SessionState::Unreadable);
    QVERIFY2(corrupt->problem.contains(QStringLiteral("not a readable session file")),
             qPrintable(corrupt->problem));
    QCOMPARE(corrupt->moveId, QStringLiteral("idle_standard")); // from the run folder

    const RunSummary *held = find(runs, QStringLiteral("held"));
    QVERIFY(held);
    QCOMPARE(held->sessionState, RunSummary::SessionState::Active);
    QVERIFY(held->holder);
    QCOMPARE(held->holder->host, QStringLiteral("render-07"));
    QCOMPARE(held->holder->pid, 4242);
    QVERIFY(held->holder->isRemote());

    const QJsonObject json = held->toJson();
    QCOMPARE(json.value(QStringLiteral("sessionStatus")).toString(), QStringLiteral("active"));
    QCOMPARE(json.value(QStringLiteral("holder")).toObject().value(QStringLiteral("host")),
             QStringLiteral("render-07"));
    QVERIFY(json.value(QStringLiteral("lastActivity")).toString().endsWith(u'Z'));
}

void TestRunCatalog::readingWritesNothing()
{
    const QStringList before = snapshot(m_dir->path());
    QTest::qWait(20); // a file written now would have another time
    RunSummary::scan(m_dir->path());
    QCOMPARE(snapshot(m_dir->path()), before);
}

void TestRunCatalog::aForeignLockIsHeldAndNeverTakenOver()
{
    const QString held = m_dir->filePath(QStringLiteral("held"));
    const QString lockPath = held + QStringLiteral("/director_session.json.lock");
    QFile lockFile(lockPath);
    QVERIFY(lockFile.open(QIODevice::ReadOnly));
    const QByteArray before = lockFile.readAll();
    lockFile.close();

    // 4242 may well be no process here: that says nothing about render-07.
    SessionLock lock(held);
    const Outcome taken = lock.take();
    QCOMPARE(taken.kind(), Outcome::Kind::Locked);
    QVERIFY2(taken.message().contains(QStringLiteral("render-07")), qPrintable(taken.message()));
    QVERIFY2(taken.message().contains(QStringLiteral("4242")), qPrintable(taken.message()));
    QVERIFY(!lock.isHeld());
    QVERIFY(lockFile.open(QIODevice::ReadOnly));
    QCOMPARE(lockFile.readAll(), before);
    lockFile.close();

    // A writer is refused the same way, and nothing of the session changes.
    SessionManager manager;
    QCOMPARE(manager.initializeOrResume(held).kind(), Outcome::Kind::Locked);
}

void TestRunCatalog::aForeignLockIsTakenOverOnlyWhenNamed()
{
    const QString held = m_dir->filePath(QStringLiteral("held"));
    const QString lockPath = held + QStringLiteral("/director_session.json.lock");

    // The refusal tells the operator how to take it over, naming the holder.
    SessionManager refused;
    const Outcome locked = refused.initializeOrResume(held);
    QCOMPARE(locked.kind(), Outcome::Kind::Locked);
    QVERIFY2(locked.message().contains(QStringLiteral("director unlock")) &&
                 locked.message().contains(QStringLiteral("--holder 4242@render-07")),
             qPrintable(locked.message()));

    // Another holder than the one the lock names: nothing is removed.
    SessionLock::Holder other = holderNamed(4243, QStringLiteral("render-07"));
    QCOMPARE(SessionLock::takeOver(held, other).kind(), Outcome::Kind::Refused);
    other = holderNamed(4242, QStringLiteral("render-08"));
    QCOMPARE(SessionLock::takeOver(held, other).kind(), Outcome::Kind::Refused);
    QVERIFY(QFile::exists(lockPath));

    // The holder the lock names: removed; the next writer takes the run.
    const SessionLock::Holder named = holderNamed(4242, QStringLiteral("render-07"));
    QVERIFY(SessionLock::takeOver(held, named));
    QVERIFY(!QFile::exists(lockPath));
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(held));
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));

    // A Director of this computer that runs (this one, now) is never taken over.
    const std::optional<SessionLock::Holder> here = SessionLock::holderOf(held);
    QVERIFY(here);
    QVERIFY(!here->isRemote());
    QCOMPARE(here->pid, QCoreApplication::applicationPid());
    QCOMPARE(SessionLock::takeOver(held, *here).kind(), Outcome::Kind::Refused);
    QVERIFY(QFile::exists(lockPath));
}

void TestRunCatalog::aClonedWorkstationOfTheSameNameIsAnotherComputer()
{
    // Workstations made from one image may share a host name; the machine id in the lock tells
    // them apart, and a process number of another machine is never looked up here.
    const QString held = m_dir->filePath(QStringLiteral("held"));
    QVERIFY(RunsFixture::writeForeignLock(held, QSysInfo::machineHostName(), 999999));
    const std::optional<SessionLock::Holder> holder = SessionLock::holderOf(held);
    QVERIFY(holder);
    QVERIFY(holder->isRemote());
    QCOMPARE(holder->pid, 999999);
    SessionLock lock(held);
    const Outcome taken = lock.take();
    QCOMPARE(taken.kind(), Outcome::Kind::Locked);
    QVERIFY2(taken.message().contains(QStringLiteral("process 999999")),
             qPrintable(taken.message()));

    // The same lock written by this very machine, its process gone: stale, taken over.
    const QByteArray own = QByteArray::number(999999) + "\ndirector\n" +
                           QSysInfo::machineHostName().toUtf8() + '\n' +
                           QSysInfo::machineUniqueId() + '\n' + QSysInfo::bootUniqueId() + '\n';
    QVERIFY(RunFixture::writeFile(held + QStringLiteral("/director_session.json.lock"), own));
    QVERIFY(!SessionLock::holderOf(held));
    QVERIFY(lock.take());
}

void TestRunCatalog::newestActivityFirst()
{
    QTest::qWait(20);
    const QString fresh = m_dir->filePath(QStringLiteral("fresh"));
    QVERIFY(RunsFixture::writeSession(fresh)); // the review starts now: newest
    const QList<RunSummary> runs = RunSummary::scan(m_dir->path());
    QCOMPARE(QFileInfo(runs.first().path).fileName(), QStringLiteral("fresh"));
    for (qsizetype i = 1; i < runs.size(); ++i)
        QVERIFY(runs.at(i - 1).lastActivity >= runs.at(i).lastActivity);
}

// A run opened for review and closed again with nothing changed (its lock taken and given
// back) had no activity: it does not move to the top of the list.
void TestRunCatalog::openingARunIsNoActivity()
{
    const QString active = m_dir->filePath(QStringLiteral("active"));
    const QDateTime before = RunSummary::read(active).lastActivity;
    QVERIFY(before.isValid());
    QTest::qWait(20); // a lock taken later than anything in the run was written
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(active));
        QVERIFY(RunSummary::read(active).holder); // held while open
        QCOMPARE(RunSummary::read(active).lastActivity, before);
    }
    QVERIFY(!QFileInfo::exists(active + QStringLiteral("/director_session.json.lock")));
    QCOMPARE(RunSummary::read(active).lastActivity, before);
    // A change is activity.
    QTest::qWait(20);
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(active));
        QVERIFY(manager.applyFrameEdit(2, FrameEdit::notesTo(QStringLiteral("looked at"))));
    }
    QVERIFY(RunSummary::read(active).lastActivity > before);
}

void TestRunCatalog::modelFollowsTheFolder()
{
    RunCatalog catalog;
    QAbstractItemModelTester tester(&catalog,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    catalog.setFolder(m_dir->path());
    QTRY_COMPARE(catalog.rowCount(), 5);
    QCOMPARE(catalog.columnCount(), int(RunCatalog::ColumnCount));

    const int held = catalog.rowOf(m_dir->filePath(QStringLiteral("held")));
    QVERIFY(held >= 0);
    QVERIFY(catalog.index(held, 0).data(RunCatalog::HeldRole).toBool());
    QVERIFY(catalog.index(held, RunCatalog::HolderColumn)
                .data()
                .toString()
                .contains(QStringLiteral("render-07")));
    const int corrupt = catalog.rowOf(m_dir->filePath(QStringLiteral("corrupt")));
    QCOMPARE(catalog.index(corrupt, RunCatalog::SessionColumn).data().toString(),
             QStringLiteral("unreadable"));
    QVERIFY(!catalog.index(corrupt, RunCatalog::SessionColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .isEmpty());

    // A selection (a persistent index) stays on its run while rows come and go.
    const QPersistentModelIndex selected = catalog.index(held, 0);

    // The pipeline starts a new run: it shows up, first (its files are the newest).
    QTest::qWait(20);
    const QString next = m_dir->filePath(QStringLiteral("next"));
    QVERIFY(RunFixture::writeMixedRun(next, QStringLiteral("run_next")));
    QTRY_COMPARE(catalog.rowCount(), 6);
    QCOMPARE(catalog.rowOf(next), 0);
    QCOMPARE(catalog.index(0, RunCatalog::RunColumn).data().toString(), QStringLiteral("run_next"));
    QCOMPARE(selected.data(RunCatalog::PathRole).toString(),
             m_dir->filePath(QStringLiteral("held")));

    // A run taken away goes.
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("corrupt"))).removeRecursively());
    QTRY_COMPARE(catalog.rowCount(), 5);
    QCOMPARE(catalog.rowOf(m_dir->filePath(QStringLiteral("corrupt"))), -1);
}

// Two folders holding one run (a copy, the same run id): each row names its folder too; a run
// alone is named by its id.
void TestRunCatalog::copiesOfARunAreToldApartByTheirFolders()
{
    QVERIFY(RunFixture::writeMixedRun(m_dir->filePath(QStringLiteral("fresh-copy")),
                                      QStringLiteral("run_fresh")));
    RunCatalog catalog;
    catalog.setFolder(m_dir->path());
    QTRY_COMPARE(catalog.rowCount(), 6);
    const auto name = [&catalog, this](const char *folder) {
        const int row = catalog.rowOf(m_dir->filePath(QString::fromLatin1(folder)));
        return row < 0 ? QString() : catalog.index(row, RunCatalog::RunColumn).data().toString();
    };
    QCOMPARE(name("fresh"), QStringLiteral("run_fresh (folder fresh)"));
    QCOMPARE(name("fresh-copy"), QStringLiteral("run_fresh (folder fresh-copy)"));
    QCOMPARE(name("active"), QStringLiteral("run_active"));
}

void TestRunCatalog::aChangedSessionUpdatesItsRow()
{
    RunCatalog catalog;
    QAbstractItemModelTester tester(&catalog,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    catalog.setRescanInterval(60 * 60 * 1000); // only the watcher
    catalog.setFolder(m_dir->path());
    QTRY_COMPARE(catalog.rowCount(), 5);
    const QString fresh = m_dir->filePath(QStringLiteral("fresh"));
    QCOMPARE(catalog.index(catalog.rowOf(fresh), 0).data(RunCatalog::StateRole).toInt(),
             int(RunSummary::SessionState::None));

    // Another Director opens it and keeps it open: the row says so.
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(fresh));
    QTRY_COMPARE(catalog.index(catalog.rowOf(fresh), 0).data(RunCatalog::StateRole).toInt(),
                 int(RunSummary::SessionState::Active));
    QTRY_VERIFY(catalog.index(catalog.rowOf(fresh), 0).data(RunCatalog::HeldRole).toBool());
    QCOMPARE(catalog.rowOf(fresh), 0);
    QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    QTRY_COMPARE(catalog.runs().at(catalog.rowOf(fresh)).counts.count(FrameStatus::Approved), 2);
}

void TestRunCatalog::folderIsReadAgainOnATimer()
{
    RunCatalog catalog;
    catalog.setRescanInterval(50);
    catalog.setFolder(m_dir->path());
    QTRY_VERIFY(catalog.reads() >= 3);
    QCOMPARE(catalog.rowCount(), 5);
}

void TestRunCatalog::listingARunFolderListsIt()
{
    const QList<RunSummary> runs = RunSummary::scan(m_dir->filePath(QStringLiteral("active")));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().runId, QStringLiteral("run_active"));
    QVERIFY(RunSummary::scan(m_dir->filePath(QStringLiteral("nothing-here"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestRunCatalog)
#include "tst_runcatalog.moc"
