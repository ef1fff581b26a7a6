// What RunFolder::read read of a run, kept in the user's cache folder (RunReadCache) for the next
// read of the same run, told by the run's part of its RunFingerprint: the part that a review
// (the session's files) leaves as it is. A kept read must be the very read, given back only for
// the run as it was read, and never from a damaged file.

#include "review/sessionmanager.h"
#include "run/runfingerprint.h"
#include "run/runfolder.h"
#include "run/runreadcache.h"
#include "runfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

#include <fcntl.h>

class TestRunReadCache : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void theRunPartLeavesTheSessionOut();
    void theRunPartSeesWhatThePipelineWrites_data();
    void theRunPartSeesWhatThePipelineWrites();
    void aKeptReadIsTheReadItself();
    void aKeptReadIsGivenOnlyForItsRunAndFingerprint();
    void aDamagedFileIsNoRead_data();
    void aDamagedFileIsNoRead();
    void aDamagedReadIsNoRead();
    void readTakesTheKeptReadInsteadOfTheRun();
    void aRunThatNamesTheSessionFilesIsNotKept();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    QString cache() const { return m_dir->path() + QStringLiteral("/cache"); }
    QString keptFile() const
    {
        const QStringList files = QDir(cache()).entryList(QDir::Files);
        return files.size() == 1 ? cache() + QLatin1Char('/') + files.first() : QString();
    }
    RunFolder::Contents read() const
    {
        RunFolder::Contents contents;
        [&] { QVERIFY(RunFolder::read(run(), &contents)); }();
        return contents;
    }
    // A read with every member of what is kept set, as a review never leaves a run's read
    // (the overrides, the extras) but the cache must keep all the same.
    RunFolder::Contents richRead() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRunReadCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(RunFixture::writeMixedRun(run()));
}

RunFolder::Contents TestRunReadCache::richRead() const
{
    RunFolder::Contents c = read();
    c.anchor = {true, QSize(64, 48), 41.5};
    c.runFilesUnreadable = true;
    c.unreadableFrames = {2, 3};
    c.waitingFiles = {{4, QStringLiteral("candidates/frame_0004_attempt_02.png")}};
    c.missing.append(QStringLiteral("missing ü"));
    c.leftOut.append(QStringLiteral("left out \u00e9"));
    DirectorFrameState &f = c.frames[1];
    const QJsonObject extra{{QStringLiteral("by"), QStringLiteral("pipeline")},
                            {QStringLiteral("n"), 3},
                            {QStringLiteral("list"), QJsonArray{1, 2.5, true}}};
    f.extra = extra;
    f.auditReport.autoAligned = true;
    f.auditReport.driftPixels = 2.25;
    DirectorOverrides &o = f.directorOverrides;
    o.alignment =
        HumanAlignmentDelta{f.id, 1.5, -2.0, QStringLiteral("2026-01-18T12:00:00.000Z"), extra};
    o.isPatched = true;
    o.patchHistory.append(PatchHistoryEntry{
        QStringLiteral("candidates/frame_0001_attempt_01.png"),
        QStringLiteral("patches/frame_0001.png"), QStringLiteral("patches/frame_0001_mask.png"),
        QStringLiteral("fix the cape"), QStringLiteral("2026-01-18T12:01:00.000Z"), extra});
    o.notes = QStringLiteral("check the cape");
    o.verdict = Verdict{FrameStatus::AuditFail,
                        QStringLiteral("Ada"),
                        QStringLiteral("2026-01-18T12:02:00.000Z"),
                        QStringLiteral("SF02_PALETTE_DRIFT"),
                        QStringLiteral("the cape"),
                        extra};
    o.extra = extra;
    AttemptInfo attempt;
    attempt.attemptIndex = 2;
    attempt.timestamp = QStringLiteral("2026-01-18T12:03:00.000Z");
    attempt.candidatePath = QStringLiteral("candidates/frame_0001_attempt_02.png");
    attempt.strategy = QStringLiteral("reseed");
    attempt.reasonCodes = {QStringLiteral("SF01_IDENTITY_DRIFT")};
    attempt.passed = true;
    attempt.extra = JsonMembers(extra);
    f.attemptHistory.append(attempt);
    return c;
}

void TestRunReadCache::theRunPartLeavesTheSessionOut()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
    }
    RunFixture::letSettle();
    const RunFingerprint::Parts before = RunFingerprint::parts(run());
    QVERIFY(before.whole && before.run);
    QCOMPARE(RunFingerprint::of(run()), before.whole);
    // A review goes on: the session's files change (file, backup, lock), the run's do not.
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
        QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
        // Just saved: the whole run is not yet to be trusted, the run's part is.
        const RunFingerprint::Parts saved = RunFingerprint::parts(run());
        QVERIFY(!saved.whole);
        QCOMPARE(saved.run, before.run);
    }
    QVERIFY(RunFixture::writeFile(run() + QStringLiteral("/DIRECTOR_SESSION.JSON.tmp"), "{"));
    const RunFingerprint::Parts after = RunFingerprint::parts(run(), 0);
    QVERIFY(after.whole && after.run);
    QVERIFY(*after.whole != *before.whole);
    QCOMPARE(after.run, before.run);
}

void TestRunReadCache::theRunPartSeesWhatThePipelineWrites_data()
{
    QTest::addColumn<QString>("change");
    for (const char *change : {"audit rewritten, same size and time", "file added at the top",
                               "frame added", "file removed", "session file in a folder"})
        QTest::newRow(change) << QString::fromLatin1(change);
}

void TestRunReadCache::theRunPartSeesWhatThePipelineWrites()
{
    QFETCH(QString, change);
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
    }
    const std::optional<QByteArray> before = RunFingerprint::parts(run(), 0).run;
    QVERIFY(before);
    const QString audit = run() + QStringLiteral("/audit/frame_0001_metrics.json");
    if (change.startsWith(QLatin1String("audit"))) {
        QFile file(audit);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        bytes.replace("0.78", "0.87"); // another score, as many bytes
        struct stat was;
        const QByteArray name = QFile::encodeName(audit);
        QCOMPARE(::stat(name.constData(), &was), 0);
        QVERIFY(RunFixture::writeFile(audit, bytes));
        const struct timespec times[2] = {was.st_atim, was.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, name.constData(), times, 0), 0);
    } else if (change == QLatin1String("file added at the top")) {
        QVERIFY(RunFixture::writeFile(run() + QStringLiteral("/state.json"), "{}"));
    } else if (change == QLatin1String("frame added")) {
        QVERIFY(RunFixture::writeCandidate(run(), 4));
    } else if (change == QLatin1String("file removed")) {
        QVERIFY(QFile::remove(audit));
    } else {
        // Only the run folder's own top holds the session's files.
        QVERIFY(
            RunFixture::writeFile(run() + QStringLiteral("/audit/director_session.json"), "{}"));
    }
    const std::optional<QByteArray> after = RunFingerprint::parts(run(), 0).run;
    QVERIFY(after);
    QVERIFY(*after != *before);
}

void TestRunReadCache::aKeptReadIsTheReadItself()
{
    const RunFolder::Contents rich = richRead();
    const std::optional<RunFolder::Contents> back =
        RunReadCache::decode(RunReadCache::encode(rich));
    QVERIFY(back);
    QVERIFY(RunReadCache::same(*back, rich));
    QCOMPARE(back->frames, rich.frames);
    QCOMPARE(back->frames[1].directorOverrides.verdict->reason, QStringLiteral("the cape"));
    QCOMPARE(back->frames[1].attemptHistory.last().extra.object().value(u"n").toInt(), 3);
    QCOMPARE(back->anchor.imageSize, QSize(64, 48));
    QCOMPARE(back->waitingFiles, rich.waitingFiles);
    QCOMPARE(back->missing, rich.missing);
    // same() sees a difference in any member.
    RunFolder::Contents other = rich;
    other.frames[1].directorOverrides.notes = QStringLiteral("another note");
    QVERIFY(!RunReadCache::same(other, rich));
    other = rich;
    other.unreadableFrames.insert(0);
    QVERIFY(!RunReadCache::same(other, rich));
    other = rich;
    other.manifest.isLoop = !other.manifest.isLoop;
    QVERIFY(!RunReadCache::same(other, rich));

    const RunReadCache reads(cache());
    reads.keep(run(), "fingerprint", rich);
    const std::optional<RunFolder::Contents> kept = reads.find(run(), "fingerprint");
    QVERIFY(kept);
    QVERIFY(RunReadCache::same(*kept, rich));
}

void TestRunReadCache::aKeptReadIsGivenOnlyForItsRunAndFingerprint()
{
    const RunReadCache reads(cache());
    QVERIFY(!reads.find(run(), "fingerprint")); // nothing kept yet
    const RunFolder::Contents contents = read();
    reads.keep(run(), "fingerprint", contents);
    QVERIFY(reads.find(run(), "fingerprint"));
    QVERIFY(!reads.find(run(), "fingerprint0"));
    QVERIFY(!reads.find(run() + QLatin1Char('/'), "fingerprint"));
    QVERIFY(!reads.find(m_dir->path(), "fingerprint"));
    // Another run's read is kept beside it.
    const QString other = m_dir->path() + QStringLiteral("/other");
    QVERIFY(RunFixture::writeApprovedRun(other, 3));
    RunFolder::Contents otherContents;
    QVERIFY(RunFolder::read(other, &otherContents));
    reads.keep(other, "fingerprint", otherContents);
    QCOMPARE(reads.find(other, "fingerprint")->frames.size(), 3);
    QCOMPARE(reads.find(run(), "fingerprint")->frames.size(), 5);
    // No folder to keep it in: kept nowhere, said nowhere.
    const RunReadCache nowhere(run() + QStringLiteral("/manifest.lock.json/run"));
    nowhere.keep(run(), "fingerprint", contents);
    QVERIFY(!nowhere.find(run(), "fingerprint"));
}

void TestRunReadCache::aDamagedFileIsNoRead_data()
{
    QTest::addColumn<QString>("damage");
    for (const char *damage :
         {"a byte of the read changed", "a byte of the header changed",
          "a length in the header past the file", "cut short", "longer", "empty", "another file"})
        QTest::newRow(damage) << QString::fromLatin1(damage);
}

void TestRunReadCache::aDamagedFileIsNoRead()
{
    QFETCH(QString, damage);
    const RunReadCache reads(cache());
    reads.keep(run(), "fingerprint", richRead());
    const QString path = keptFile();
    QVERIFY(!path.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    if (damage == QLatin1String("a byte of the read changed"))
        bytes[bytes.size() - 40] = char(bytes[bytes.size() - 40] ^ 0x10);
    else if (damage == QLatin1String("a byte of the header changed"))
        bytes[20] = char(bytes[20] ^ 0x01);
    else if (damage == QLatin1String("a length in the header past the file"))
        // The run folder's (little-endian, after the kind): 0x7ffffffe bytes, past the file.
        bytes.replace(8, 4, QByteArray::fromHex("feffff7f"));
    else if (damage == QLatin1String("cut short"))
        bytes.chop(100);
    else if (damage == QLatin1String("longer"))
        bytes.append(QByteArray(100, '\0'));
    else if (damage == QLatin1String("empty"))
        bytes.clear();
    else
        bytes = QByteArray("{\"format\": 1}");
    QVERIFY(RunFixture::writeFile(path, bytes));
    QVERIFY(!reads.find(run(), "fingerprint"));
}

// What the checksum would catch, decoded all the same: no read, no crash, no absurd allocation.
void TestRunReadCache::aDamagedReadIsNoRead()
{
    const QByteArray bytes = RunReadCache::encode(richRead());
    QVERIFY(RunReadCache::decode(bytes));
    QVERIFY(!RunReadCache::decode(QByteArray()));
    QVERIFY(!RunReadCache::decode(bytes.left(bytes.size() / 2)));
    QVERIFY(!RunReadCache::decode(bytes + QByteArray(1, '\0')));
    // Every count of a list (frames, strings) as large as it can be, one at a time.
    for (qsizetype at = 0; at + 8 <= bytes.size(); at += 97) {
        QByteArray damaged = bytes;
        for (int i = 0; i < 8; ++i)
            damaged[at + i] = char(0x7f);
        RunReadCache::decode(damaged); // may decode (a text changed), must not crash
    }
}

void TestRunReadCache::readTakesTheKeptReadInsteadOfTheRun()
{
    const RunReadCache reads(cache());
    int framesRead = 0;
    RunFolder::Control control;
    control.frameRead = [&framesRead](int) { ++framesRead; };
    const auto readCounting = [&](const std::optional<QByteArray> &fingerprint) {
        framesRead = 0;
        RunFolder::Contents contents;
        [&] { QVERIFY(reads.read(run(), fingerprint, &contents, control)); }();
        return contents;
    };
    // Without a fingerprint: the run, and nothing kept.
    const RunFolder::Contents whole = readCounting(std::nullopt);
    QCOMPARE(framesRead, 5);
    QVERIFY(keptFile().isEmpty());
    // The first read under a fingerprint reads the run and keeps it; the next takes it.
    QVERIFY(RunReadCache::same(readCounting(QByteArray("a")), whole));
    QCOMPARE(framesRead, 5);
    QVERIFY(!keptFile().isEmpty());
    std::atomic_int count = 0;
    std::atomic_int done = 0;
    control.frameCount = &count;
    control.framesRead = &done;
    QVERIFY(RunReadCache::same(readCounting(QByteArray("a")), whole));
    QCOMPARE(framesRead, 0);
    QCOMPARE(count.load(), 5); // those who follow the read see it done
    QCOMPARE(done.load(), 5);
    // Another fingerprint: the run read again.
    readCounting(QByteArray("b"));
    QCOMPARE(framesRead, 5);
    // A read that fails is not kept.
    const QString empty = m_dir->path() + QStringLiteral("/empty");
    QVERIFY(QDir().mkpath(empty));
    RunFolder::Contents contents;
    QVERIFY(!reads.read(empty, QByteArray("a"), &contents, control));
    QVERIFY(!reads.find(empty, "a"));
}

// A path in the run's JSON that names one of the session's files: what was read of it is not
// told by the run's part of the fingerprint, so that read is not kept.
void TestRunReadCache::aRunThatNamesTheSessionFilesIsNotKept()
{
    QVERIFY(RunFixture::writeStateApprovingAt(
        run(), QStringLiteral("runs/run/./Director_Session.json.bak")));
    const RunFolder::Contents contents = read();
    QVERIFY(contents.namesSessionFiles);
    const RunReadCache reads(cache());
    reads.keep(run(), "fingerprint", contents);
    QVERIFY(keptFile().isEmpty());
    RunFolder::Contents again;
    QVERIFY(reads.read(run(), QByteArray("fingerprint"), &again, {}));
    QVERIFY(keptFile().isEmpty());
    QVERIFY(!RunReadCache::decode(QByteArray()).has_value());
    // Nor one that names a path not in ASCII (a folder that folds case may take it for one).
    QVERIFY(RunFixture::writeStateApprovingAt(run(), QStringLiteral("director_se\u00dfion.json")));
    QVERIFY(read().namesSessionFiles);
    QVERIFY(reads.read(run(), QByteArray("fingerprint"), &again, {}));
    QVERIFY(keptFile().isEmpty());
    // A run that does not: kept.
    QVERIFY(QFile::remove(run() + QStringLiteral("/state.json")));
    QVERIFY(!read().namesSessionFiles);
    QVERIFY(reads.read(run(), QByteArray("fingerprint"), &again, {}));
    QVERIFY(!keptFile().isEmpty());
}

QTEST_GUILESS_MAIN(TestRunReadCache)
#include "tst_runreadcache.moc"
