#include "storage/atomicfile.h"
#include "storage/batchsync.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

// BatchSync: files written first, synced together. Every file handed over is
// synced (or the failure of the earliest one reported) and closed; no more
// than maxOpen descriptors are held at once. The order of the system calls on
// a real commit is checked by tests/syscall_order.py, under faults by
// tst_faults.
class TestBatchSync : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void syncsEveryFileWritten();
    void holdsNoMoreThanMaxOpen();
    void closesWhatItHolds();
    void reportsTheEarliestFailure();
    void reportsAFailureWhenMakingRoom();
    void stagedWriteWithABatch();
    void syncsAtOnceWhenNotDeferred();

private:
    // How many descriptors this process has open.
    static int openDescriptors() { return int(QDir(QStringLiteral("/proc/self/fd")).count()); }
    QString path(int i) const { return m_dir->path() + QStringLiteral("/f%1.png").arg(i); }
    // A descriptor fdatasync refuses (EINVAL): the read end of a pipe; the other end is closed.
    static int unsyncable()
    {
        int ends[2];
        if (::pipe(ends) != 0)
            return -1;
        ::close(ends[1]);
        return ends[0];
    }
    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestBatchSync::syncsEveryFileWritten()
{
    const int before = openDescriptors();
    BatchSync batch;
    for (int i = 0; i < 50; ++i)
        QVERIFY(AtomicFile::writeStaged(path(i), QByteArray::number(i), batch));
    QCOMPARE(openDescriptors(), before + 50); // kept until synced
    QCOMPARE(batch.syncedCount(), 0);
    QVERIFY(batch.syncAll());
    QCOMPARE(batch.syncedCount(), 50);
    QCOMPARE(openDescriptors(), before);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(readFile(path(i)), QByteArray::number(i));
    // Nothing left to sync: still Ok.
    QVERIFY(batch.syncAll());
}

void TestBatchSync::holdsNoMoreThanMaxOpen()
{
    const int before = openDescriptors();
    BatchSync batch(8, 3);
    int most = 0;
    for (int i = 0; i < 41; ++i) {
        QVERIFY(AtomicFile::writeStaged(path(i), "frame", batch));
        most = std::max(most, openDescriptors() - before);
    }
    QVERIFY2(most <= 8, qPrintable(QString::number(most)));
    QVERIFY(batch.syncedCount() > 0); // the older ones, to make room
    QVERIFY(batch.syncAll());
    QCOMPARE(batch.syncedCount(), 41);
    QCOMPARE(openDescriptors(), before);
}

void TestBatchSync::closesWhatItHolds()
{
    const int before = openDescriptors();
    {
        BatchSync batch;
        for (int i = 0; i < 5; ++i)
            QVERIFY(AtomicFile::writeStaged(path(i), "frame", batch));
        QCOMPARE(openDescriptors(), before + 5);
    } // a commit that failed before its sync: nothing synced, nothing left open
    QCOMPARE(openDescriptors(), before);
}

void TestBatchSync::reportsTheEarliestFailure()
{
    const int before = openDescriptors();
    BatchSync batch(BatchSync::defaultMaxOpen, 4);
    for (int i = 0; i < 20; ++i) {
        if (i == 7 || i == 13)
            QVERIFY(batch.add(unsyncable(), path(i)));
        else
            QVERIFY(AtomicFile::writeStaged(path(i), "frame", batch));
    }
    const Outcome synced = batch.syncAll();
    QVERIFY(!synced);
    QCOMPARE(synced.kind(), Outcome::Kind::Failed);
    QVERIFY2(synced.message().contains(QDir::toNativeSeparators(path(7))),
             qPrintable(synced.message()));
    QVERIFY2(synced.message().contains(QLatin1String("could not be stored on the disk")),
             qPrintable(synced.message()));
    // The others were synced all the same, and every descriptor closed.
    QCOMPARE(batch.syncedCount(), 18);
    QCOMPARE(openDescriptors(), before);
    // Once failed, it stays failed: the batch is not all on the disk.
    QVERIFY(!batch.syncAll());
}

void TestBatchSync::reportsAFailureWhenMakingRoom()
{
    BatchSync batch(4, 1);
    QVERIFY(batch.add(unsyncable(), path(0)));
    QVERIFY(AtomicFile::writeStaged(path(1), "frame", batch));
    QVERIFY(AtomicFile::writeStaged(path(2), "frame", batch));
    // The fourth makes room: the first two are synced, and the first fails.
    const Outcome added = AtomicFile::writeStaged(path(3), "frame", batch);
    QVERIFY(!added);
    QVERIFY2(added.message().contains(QDir::toNativeSeparators(path(0))),
             qPrintable(added.message()));
    QVERIFY(QFileInfo::exists(path(3))); // written and kept: the batch fails as a whole
    QVERIFY(!batch.syncAll());
    QCOMPARE(batch.syncedCount(), 3);
}

void TestBatchSync::stagedWriteWithABatch()
{
    // As AtomicFile::writeStaged without one: only new files, whole or not at all.
    BatchSync batch;
    QVERIFY(AtomicFile::writeStaged(path(0), "frame", batch));
    QVERIFY(!AtomicFile::writeStaged(path(0), "other", batch));
    const QString link = m_dir->path() + QStringLiteral("/link.png");
    QVERIFY(QFile::link(path(0), link));
    QVERIFY(!AtomicFile::writeStaged(link, "other", batch));
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    const Outcome cut = AtomicFile::writeStaged(path(1), "a frame of some length", batch);
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Open; });
    const Outcome refused = AtomicFile::writeStaged(path(2), "frame", batch);
    AtomicFile::setFaultHook({});
    QVERIFY(!cut);
    QVERIFY2(cut.message().contains(QLatin1String("could be written")), qPrintable(cut.message()));
    QVERIFY(!QFileInfo::exists(path(1)));
    QVERIFY(!refused);
    QVERIFY(!QFileInfo::exists(path(2)));
    // The failed writes are not part of the batch.
    QVERIFY(batch.syncAll());
    QCOMPARE(batch.syncedCount(), 1);
    QCOMPARE(readFile(path(0)), QByteArray("frame"));
}

void TestBatchSync::syncsAtOnceWhenNotDeferred()
{
    // One sync per file as it is handed over (the way before the batch, kept to be measured
    // against): each file is synced and closed by add(), a failure reported by its add().
    const int before = openDescriptors();
    BatchSync::Options options;
    options.deferred = false;
    BatchSync batch(options);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(AtomicFile::writeStaged(path(i), "frame", batch));
        QCOMPARE(batch.syncedCount(), i + 1);
        QCOMPARE(openDescriptors(), before);
    }
    const Outcome added = batch.add(unsyncable(), path(5));
    QVERIFY(!added);
    QVERIFY2(added.message().contains(QDir::toNativeSeparators(path(5))),
             qPrintable(added.message()));
    QCOMPARE(openDescriptors(), before);
    QVERIFY(!batch.syncAll());
}

QTEST_GUILESS_MAIN(TestBatchSync)
#include "tst_batchsync.moc"
