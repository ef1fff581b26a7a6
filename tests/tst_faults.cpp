#include "directorprocess.h"
#include "runfixture.h"
#include "session/sessioncodec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// Faults at the file-system boundary, injected under the real director by
// faultfs (tests/faultfs/faultfs.c, LD_PRELOAD): a full disk, a short write,
// a failing sync of the file or of its folder, a failing rename or link, a
// read-only file system; and a run folder that the user may not write. For
// each: the command fails with a message that says why, the session file is
// what it was (memory and disk agree: the change did not happen), nothing
// half-written is left, and the same command succeeds once the fault is gone.
class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void frameChangeUnderAFault_data();
    void frameChangeUnderAFault();
    void commitUnderAFault_data();
    void commitUnderAFault();
    void patchUnderAFaultAtEveryStep_data();
    void patchUnderAFaultAtEveryStep();
    void readOnlyRunFolder();

private:
    using Result = DirectorProcess::Result;
    Result director(const QStringList &arguments, const QString &fault = {},
                    const QString &faultDir = {}, int after = 0, int times = 0) const;
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }
    // Every file below the run folder with a hash of its bytes.
    QMap<QString, QByteArray> snapshot(const QString &dir) const;
    static void addFaults();

    std::unique_ptr<QTemporaryDir> m_dir;
};

TestFaults::Result TestFaults::director(const QStringList &arguments, const QString &fault,
                                        const QString &faultDir, int after, int times) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!fault.isEmpty()) {
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(DIRECTOR_FAULTFS));
        env.insert(QStringLiteral("FAULTFS_FAULT"), fault);
        env.insert(QStringLiteral("FAULTFS_DIR"), faultDir);
        env.insert(QStringLiteral("FAULTFS_AFTER"), QString::number(after));
        if (times > 0)
            env.insert(QStringLiteral("FAULTFS_TIMES"), QString::number(times));
        // Under AddressSanitizer the preloaded library comes before its runtime.
        env.insert(QStringLiteral("ASAN_OPTIONS"), env.value(QStringLiteral("ASAN_OPTIONS")) +
                                                       QStringLiteral(":verify_asan_link_order=0"));
    }
    return DirectorProcess::run(arguments, env);
}

QMap<QString, QByteArray> TestFaults::snapshot(const QString &dir) const
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir,
                    QDir::Files | QDir::Hidden | QDir::System | QDir::Dirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        files.insert(QDir(dir).relativeFilePath(path),
                     file.open(QIODevice::ReadOnly)
                         ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                         : QByteArray("(folder)"));
    }
    // The lock comes and goes with each command; it is not the run's content.
    files.remove(QStringLiteral("director_session.json.lock"));
    return files;
}

void TestFaults::init()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("DIRECTOR_EXECUTABLE")),
             "DIRECTOR_EXECUTABLE must name the director executable");
    QVERIFY(QFile::exists(QStringLiteral(DIRECTOR_FAULTFS)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(runDir()));
    // A session with a change, so that a save replaces a file and keeps a backup.
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=before")})
                 .exitCode,
             0);
}

void TestFaults::addFaults()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("says");
    QTest::newRow("disk full") << QStringLiteral("write-enospc")
                               << QStringLiteral("No space left on device");
    QTest::newRow("short write") << QStringLiteral("write-short")
                                 << QStringLiteral("could be written");
    QTest::newRow("file sync fails")
        << QStringLiteral("fdatasync-eio") << QStringLiteral("could not be stored on the disk");
    QTest::newRow("rename fails") << QStringLiteral("rename-eio")
                                  << QStringLiteral("Input/output error");
    QTest::newRow("link fails") << QStringLiteral("link-eio")
                                << QStringLiteral("Input/output error");
    QTest::newRow("read-only file system")
        << QStringLiteral("open-erofs") << QStringLiteral("Read-only file system");
}

void TestFaults::frameChangeUnderAFault_data()
{
    addFaults();
}

void TestFaults::frameChangeUnderAFault()
{
    QFETCH(QString, fault);
    QFETCH(QString, says);
    const QMap<QString, QByteArray> before = snapshot(runDir());
    const QStringList change{QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                             QStringLiteral("--note=during")};

    const Result failed = director(change, fault, runDir());
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(says), qPrintable(failed.err));
    // Nothing changed: not the session, not its backup, no file left over.
    QCOMPARE(snapshot(runDir()), before);

    // The fault is gone: the same change goes through.
    const Result ok = director(change);
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const SessionDecodeResult decoded = SessionCodec::decode(file.readAll());
    QVERIFY(decoded.isOk());
    QCOMPARE(decoded.session->frames.value(1).directorOverrides.notes.value_or(QString()),
             QStringLiteral("during"));
}

void TestFaults::commitUnderAFault_data()
{
    addFaults();
    // The frames are all written, and the fourth of five fails to move into
    // approved/ (once): the three before it are put back.
    QTest::newRow("rename fails half-way")
        << QStringLiteral("rename-eio@3") << QStringLiteral("approved/ is as it was");
    // Every frame is written, and one sync of the batch that makes them durable together fails
    // (BatchSync: the others are synced all the same): nothing is renamed.
    QTest::newRow("one sync of the batch fails")
        << QStringLiteral("fdatasync-eio@3") << QStringLiteral("approved/: it is as it was");
    // The frames are on the disk, and the staging folder that names them cannot be synced.
    QTest::newRow("staging folder sync fails")
        << QStringLiteral("dirsync-eio@0") << QStringLiteral("approved/ is as it was");
}

void TestFaults::commitUnderAFault()
{
    QFETCH(QString, fault);
    QFETCH(QString, says);
    int after = 0;
    int times = 0;
    if (fault.contains(u'@')) {
        after = fault.section(u'@', 1).toInt();
        times = 1;
        fault = fault.section(u'@', 0, 0);
    }
    // A run whose frames all passed: it can be committed at once.
    const QString run = m_dir->path() + QStringLiteral("/approved-run");
    QVERIFY(RunFixture::writeApprovedRun(run, 5));
    QCOMPARE(director({QStringLiteral("frame"), run, QStringLiteral("0"),
                       QStringLiteral("--note=ready")})
                 .exitCode,
             0);
    // What the pipeline approved before the review: kept unless a commit succeeds.
    const QString approved = run + QStringLiteral("/approved");
    QVERIFY(QDir().mkpath(approved));
    for (int frame = 0; frame < 5; ++frame)
        QVERIFY(RunFixture::frameImage(frame + 7).save(
            approved + QStringLiteral("/%1.png").arg(RunFixture::frameName(frame))));
    const QMap<QString, QByteArray> before = snapshot(run);

    const Result failed = director({QStringLiteral("commit"), run}, fault, approved, after, times);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(says), qPrintable(failed.err));
    // The session is still active, approved/ holds what it held, and no
    // staging folder is left.
    QCOMPARE(snapshot(run), before);

    const Result ok = director({QStringLiteral("commit"), run});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QFile file(run + QStringLiteral("/director_session.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(SessionCodec::decode(file.readAll()).session->status, SessionStatus::Committed);
    QVERIFY(snapshot(run) != before);
}

void TestFaults::patchUnderAFaultAtEveryStep_data()
{
    addFaults();
}

// A patch writes three files (its image, its mask, the session): the fault strikes the first
// call of its kind, then the second, and so on, until the patch goes through. Each time it
// fails, the run is exactly as it was: no patch file, no mask, no patches/ folder, the session
// and its backup unchanged.
void TestFaults::patchUnderAFaultAtEveryStep()
{
    QFETCH(QString, fault);
    QFETCH(QString, says);
    QImage patched = RunFixture::frameImage(2);
    patched.setPixel(3, 4, qRgba(200, 10, 10, 255));
    const QString file = m_dir->filePath(QStringLiteral("patched.png"));
    QVERIFY(patched.save(file));
    const QMap<QString, QByteArray> before = snapshot(runDir());
    const QStringList patch{QStringLiteral("patch"), runDir(), QStringLiteral("2"),
                            QStringLiteral("--from"), file};
    int failures = 0;
    for (int after = 0;; ++after) {
        QVERIFY2(after < 50, "the patch never went through");
        const Result result = director(patch, fault, runDir(), after, 1);
        if (result.exitCode == 0)
            break;
        ++failures;
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(says), qPrintable(result.err));
        QCOMPARE(snapshot(runDir()), before);
    }
    // One short write is no fault: the rest of the bytes follow it. Every other fault fails the
    // patch at least once.
    QVERIFY(failures > 0 || fault == QLatin1String("write-short"));
    // It went through once the fault let it: the session has the patch, its files are there.
    QFile session(sessionPath());
    QVERIFY(session.open(QIODevice::ReadOnly));
    const SessionDecodeResult decoded = SessionCodec::decode(session.readAll());
    QVERIFY(decoded.isOk());
    const DirectorOverrides overrides = decoded.session->frames.value(2).directorOverrides;
    QVERIFY(overrides.isPatched);
    QCOMPARE(overrides.patchHistory.size(), 1);
    QCOMPARE(QImage(runDir() + u'/' + overrides.patchHistory.first().patchedPath)
                 .convertToFormat(QImage::Format_ARGB32),
             patched.convertToFormat(QImage::Format_ARGB32));
}

void TestFaults::readOnlyRunFolder()
{
    // A run folder the operator may only read. As root every folder is
    // writable, so the command runs as "nobody" then.
    QVERIFY(QFile::setPermissions(
        m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                           QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
    QVERIFY(QFile::setPermissions(runDir(), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                                QFile::ExeOther | QFile::ReadGroup |
                                                QFile::ExeGroup));
    const QMap<QString, QByteArray> before = snapshot(runDir());
    QStringList command{qEnvironmentVariable("DIRECTOR_EXECUTABLE"), QStringLiteral("frame"),
                        runDir(), QStringLiteral("1"), QStringLiteral("--note=x")};
    QProcess process;
    if (::geteuid() == 0) {
        process.start(QStringLiteral("setpriv"),
                      QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                          command);
    } else {
        process.start(command.takeFirst(), command);
    }
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.contains(QLatin1String("cannot be written to")), qPrintable(err));
    QCOMPARE(snapshot(runDir()), before);
    // status still reads it.
    QCOMPARE(director({QStringLiteral("status"), runDir()}).exitCode, 0);
    QFile::setPermissions(runDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
