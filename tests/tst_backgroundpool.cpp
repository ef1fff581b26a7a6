#include "audit/movemetrics.h"
#include "core/backgroundpool.h"
#include "demo/demorun.h"
#include "review/sessionmanager.h"
#include "run/runcatalog.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

// Director's background jobs run on a pool of their own, never on Qt's global pool: Qt's
// raster engine splits large fills over that one and the window's paint waits for them, so a
// long job of ours there froze the window (a 10,000-frame run's first paint waited seconds for
// the motion plot's measure). Here every thread of Qt's pool is held, and the jobs still finish.
class TestBackgroundPool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void theMoveIsMeasuredWithQtsPoolHeld();
    void theStartPageScansWithQtsPoolHeld();
    void itHasThreadsOfItsOwn();
    void everyJobYieldsToTheWindow();

private:
    // Occupies every thread of Qt's global pool until release().
    void holdQtsPool();
    void release();

    QTemporaryDir m_dir;
    QSemaphore m_gate;
    int m_held = 0;
};

void TestBackgroundPool::holdQtsPool()
{
    QThreadPool *qts = QThreadPool::globalInstance();
    m_held = qts->maxThreadCount();
    for (int i = 0; i < m_held; ++i)
        qts->start([this] { m_gate.acquire(); });
    QTRY_COMPARE(qts->activeThreadCount(), m_held);
}

void TestBackgroundPool::release()
{
    m_gate.release(m_held);
    m_held = 0;
    QThreadPool::globalInstance()->waitForDone();
}

void TestBackgroundPool::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(DemoRun::write(m_dir.filePath(QStringLiteral("runs/demo")), 16));
}

void TestBackgroundPool::cleanup()
{
    release();
}

void TestBackgroundPool::theMoveIsMeasuredWithQtsPoolHeld()
{
    holdQtsPool();
    SessionManager manager;
    MoveMetrics metrics(&manager);
    QVERIFY(manager.initializeOrResume(m_dir.filePath(QStringLiteral("runs/demo")),
                                       SessionManager::Access::ReadOnly));
    // The motion plot's values for every frame of the move arrive.
    QTRY_COMPARE_WITH_TIMEOUT(metrics.frames().size(), 16, 20000);
    QVERIFY(!metrics.isBusy());
}

void TestBackgroundPool::theStartPageScansWithQtsPoolHeld()
{
    holdQtsPool();
    RunCatalog catalog;
    catalog.setFolder(m_dir.filePath(QStringLiteral("runs")));
    // The demo run is listed.
    QTRY_COMPARE_WITH_TIMEOUT(catalog.rowCount(), 1, 20000);
}

void TestBackgroundPool::itHasThreadsOfItsOwn()
{
    QThreadPool *ours = BackgroundPool::instance();
    QVERIFY(ours != QThreadPool::globalInstance());
    QCOMPARE(BackgroundPool::instance(), ours);
    QVERIFY(ours->maxThreadCount() >= 2);
}

QTEST_GUILESS_MAIN(TestBackgroundPool)
// Every job run() or start() hands over runs at backgroundNice, whichever of the pool's threads
// takes it; the GUI thread keeps its own priority.
void TestBackgroundPool::everyJobYieldsToTheWindow()
{
    const auto nice = [] {
        errno = 0;
        const int value = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
        return errno == 0 ? value : -100;
    };
    const int mine = nice();
    QThreadPool *pool = BackgroundPool::instance();
    pool->waitForDone(); // its threads as new (waitForDone lets them go)
    const int jobs = pool->maxThreadCount() * 4;
    std::atomic_int niced{0};
    QList<QFuture<int>> futures;
    for (int n = 0; n < jobs; ++n) {
        futures.append(BackgroundPool::run(nice));
        BackgroundPool::start([&] { niced += nice() == BackgroundPool::backgroundNice; });
    }
    pool->waitForDone();
    for (QFuture<int> &future : futures)
        QCOMPARE(future.result(), BackgroundPool::backgroundNice);
    QCOMPARE(niced.load(), jobs);
    QCOMPARE(nice(), mine);
}

#include "tst_backgroundpool.moc"
