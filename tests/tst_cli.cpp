#include "directorprocess.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "storage/sessionstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

// The headless commands, run as the pipeline and scripts run them: the real
// director executable in its own process.
class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void statusWritesNothing();
    void frameChangeIsSeenByTheNextProcess();
    void illegalTransitionExitsWithTwo();
    void nudgesAddUpToTheStoredTotal();
    void notesAndClearNudge();
    void badArgumentsExitWithOne();
    void validateNamesEveryProblem();
    void validateSaysWhyAFileCannotBeRead();
    void lockedSessionExitsWithThree();
    void corruptSessionIsKeptUntilRecoverIsChosen();
    void commitIsRefusedThenWritesApprovedAndLocksTheSession();
    void discardMakesTheSessionReadOnly();
    void demoWritesARunThatOpens();

private:
    using Result = DirectorProcess::Result;
    static Result director(const QStringList &arguments) { return DirectorProcess::run(arguments); }
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }
    DirectorSession onDisk() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

DirectorSession TestCommandLine::onDisk() const
{
    QFile file(sessionPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return SessionCodec::decode(file.readAll()).session.value_or(DirectorSession());
}

void TestCommandLine::init()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("DIRECTOR_EXECUTABLE")),
             "DIRECTOR_EXECUTABLE must name the director executable");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(runDir()));
}

void TestCommandLine::statusWritesNothing()
{
    const Result text = director({QStringLiteral("status"), runDir()});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QLatin1String("idle_standard")), qPrintable(text.out));
    QVERIFY(text.out.contains(QLatin1String("1 APPROVED")));

    const Result json = director({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(root.value(u"runId").toString(), QStringLiteral("run_test"));
    QCOMPARE(root.value(u"frameCount").toInt(), 5);
    const QJsonObject counts = root.value(u"counts").toObject();
    QCOMPARE(counts.value(u"APPROVED").toInt(), 1);
    QCOMPARE(counts.value(u"AUDIT_WARN").toInt(), 1);
    QCOMPARE(counts.value(u"AUDIT_FAIL").toInt(), 1);
    QCOMPARE(counts.value(u"GENERATED").toInt(), 1);
    QCOMPARE(counts.value(u"PENDING").toInt(), 1);
    QVERIFY(!root.contains(u"session")); // there is none yet, and status made none

    QVERIFY(!QFile::exists(sessionPath()));
    QVERIFY(!QFile::exists(sessionPath() + QStringLiteral(".lock")));
}

void TestCommandLine::frameChangeIsSeenByTheNextProcess()
{
    const Result changed = director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                                     QStringLiteral("--status"), QStringLiteral("APPROVED")});
    QCOMPARE(changed.exitCode, 0);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);

    // "Survives a browser refresh": a new process reads the same state.
    const Result json = director({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(root.value(u"counts").toObject().value(u"APPROVED").toInt(), 2);
    QCOMPARE(root.value(u"session").toObject().value(u"sessionId").toString(), onDisk().sessionId);
    QCOMPARE(root.value(u"session").toObject().value(u"status").toString(),
             QStringLiteral("active"));
}

void TestCommandLine::illegalTransitionExitsWithTwo()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note"), QStringLiteral("x")})
                 .exitCode,
             0);
    const QByteArray before = [&] {
        QFile f(sessionPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const Result refused = director({QStringLiteral("frame"), runDir(), QStringLiteral("4"),
                                     QStringLiteral("--status"), QStringLiteral("APPROVED")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("PENDING")), qPrintable(refused.err));
    QFile f(sessionPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestCommandLine::nudgesAddUpToTheStoredTotal()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--nudge=-2,1")})
                 .exitCode,
             0);
    // Whole pixels, as the window nudges: a fraction is refused, nothing changes.
    const QByteArray before = [&] {
        QFile f(sessionPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const Result fraction = director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                                      QStringLiteral("--nudge"), QStringLiteral("-1.5,0")});
    QCOMPARE(fraction.exitCode, 1);
    QVERIFY2(fraction.err.contains(QLatin1String("whole pixels")), qPrintable(fraction.err));
    {
        QFile f(sessionPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--nudge"), QStringLiteral("-1,0")})
                 .exitCode,
             0);
    const DirectorFrameState frame = onDisk().frames.value(1);
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, -3.0);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideY, 1.0);
    QCOMPARE(frame.status, FrameStatus::Approved); // the nudge was the operator's review
}

void TestCommandLine::notesAndClearNudge()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                       QStringLiteral("--nudge=3,3"), QStringLiteral("--note"),
                       QStringLiteral("sword clips the frame")})
                 .exitCode,
             0);
    DirectorFrameState frame = onDisk().frames.value(2);
    QCOMPARE(frame.directorOverrides.notes, std::optional(QStringLiteral("sword clips the frame")));
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                       QStringLiteral("--clear-nudge")})
                 .exitCode,
             0);
    frame = onDisk().frames.value(2);
    QVERIFY(!frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.notes, std::optional(QStringLiteral("sword clips the frame")));
}

void TestCommandLine::badArgumentsExitWithOne()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1")}).exitCode, 1);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("x"),
                       QStringLiteral("--note=a")})
                 .exitCode,
             1);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("77"),
                       QStringLiteral("--note=a")})
                 .exitCode,
             1);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--status=DONE")})
                 .exitCode,
             1);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--nudge=1")})
                 .exitCode,
             1);
    QCOMPARE(
        director({QStringLiteral("status"), m_dir->path() + QStringLiteral("/nowhere")}).exitCode,
        1);
    QCOMPARE(director({QStringLiteral("status")}).exitCode, 1);
    const Result help = director({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("Exit codes")));
}

void TestCommandLine::validateNamesEveryProblem()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=ok")})
                 .exitCode,
             0);
    const Result valid = director({QStringLiteral("validate"), sessionPath()});
    QCOMPARE(valid.exitCode, 0);
    QVERIFY(valid.err.isEmpty());

    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    bytes.replace("\"AUDIT_FAIL\"", "\"DONE\"");
    bytes.replace("\"compositeScore\": 0.93", "\"compositeScore\": 1.7");
    const QString broken = m_dir->path() + QStringLiteral("/run/broken.json");
    QFile out(broken);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    const Result invalid = director({QStringLiteral("validate"), broken});
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY2(invalid.err.contains(QLatin1String("frames.2.status: unknown status \"DONE\"")),
             qPrintable(invalid.err));
    QVERIFY2(invalid.err.contains(
                 QLatin1String("frames.0.auditReport.compositeScore: 1.7 is outside 0..1")),
             qPrintable(invalid.err));
    QCOMPARE(director({QStringLiteral("validate"), m_dir->path() + QStringLiteral("/missing.json")})
                 .exitCode,
             1);
}

void TestCommandLine::validateSaysWhyAFileCannotBeRead()
{
    const QString missing = m_dir->path() + QStringLiteral("/missing.json");
    const Result absent = director({QStringLiteral("validate"), missing});
    QCOMPARE(absent.exitCode, 1);
    QVERIFY2(absent.err.contains(missing + QStringLiteral(" does not exist")),
             qPrintable(absent.err));
    QVERIFY2(!absent.err.contains(QLatin1String("Unknown error")), qPrintable(absent.err));

    const Result folder = director({QStringLiteral("validate"), runDir()});
    QCOMPARE(folder.exitCode, 1);
    QVERIFY2(folder.err.contains(runDir() + QStringLiteral(" is not a file")),
             qPrintable(folder.err));
    QVERIFY2(!folder.err.contains(QLatin1String("Unknown error")), qPrintable(folder.err));
    QVERIFY(folder.out.isEmpty());
}

void TestCommandLine::lockedSessionExitsWithThree()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=a")})
                 .exitCode,
             0);
    SessionStore holder(runDir());
    QVERIFY(holder.lock());
    const Result locked = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("0"), QStringLiteral("--note=b")});
    QCOMPARE(locked.exitCode, 3);
    QVERIFY2(locked.err.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(locked.err));
    QCOMPARE(onDisk().frames.value(0).directorOverrides.notes, std::optional(QStringLiteral("a")));
    // Reading is still possible.
    QCOMPARE(director({QStringLiteral("status"), runDir()}).exitCode, 0);
    holder.unlock();
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=b")})
                 .exitCode,
             0);
}

void TestCommandLine::corruptSessionIsKeptUntilRecoverIsChosen()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=first")})
                 .exitCode,
             0);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=second")})
                 .exitCode,
             0);
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"truncated");
    file.close();

    for (const QString &command :
         {QStringLiteral("status"), QStringLiteral("commit"), QStringLiteral("discard")}) {
        const Result refused = director({command, runDir()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("not valid JSON")), qPrintable(refused.err));
    }
    const Result refused = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("0"), QStringLiteral("--note=third")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(QLatin1String("--recover")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{\"truncated"));
    file.close();

    const Result recovered =
        director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                  QStringLiteral("--note=third"), QStringLiteral("--recover=backup")});
    QCOMPARE(recovered.exitCode, 0);
    QCOMPARE(onDisk().frames.value(0).directorOverrides.notes,
             std::optional(QStringLiteral("third")));
    QCOMPARE(QDir(runDir()).entryList({QStringLiteral("director_session.json.corrupt-*")}).size(),
             1);
}

void TestCommandLine::commitIsRefusedThenWritesApprovedAndLocksTheSession()
{
    const Result refused = director({QStringLiteral("commit"), runDir()});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(!QFile::exists(runDir() + QStringLiteral("/approved/frame_0000.png")));

    QTemporaryDir dir;
    const QString run = dir.path() + QStringLiteral("/ready");
    QVERIFY(RunFixture::writeApprovedRun(run, 4));
    const Result committed = director({QStringLiteral("commit"), run});
    QCOMPARE(committed.exitCode, 0);
    QVERIFY2(committed.out.contains(QLatin1String("4")), qPrintable(committed.out));
    for (int i = 0; i < 4; ++i)
        QVERIFY(QFile::exists(
            run + QStringLiteral("/approved/frame_%1.png").arg(i, 4, 10, QLatin1Char('0'))));
    const Result after = director(
        {QStringLiteral("frame"), run, QStringLiteral("0"), QStringLiteral("--status=AUDIT_FAIL")});
    QCOMPARE(after.exitCode, 2);
    QVERIFY(after.err.contains(QLatin1String("committed")));
    QCOMPARE(director({QStringLiteral("commit"), run}).exitCode, 2);
}

void TestCommandLine::discardMakesTheSessionReadOnly()
{
    QCOMPARE(director({QStringLiteral("discard"), runDir()}).exitCode, 0); // creates, then discards
    QCOMPARE(onDisk().status, SessionStatus::Discarded);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=x")})
                 .exitCode,
             2);
}

void TestCommandLine::demoWritesARunThatOpens()
{
    const QString demo = m_dir->path() + QStringLiteral("/demo");
    const Result written = director({QStringLiteral("demo"), demo, QStringLiteral("--no-gui")});
    QCOMPARE(written.exitCode, 0);
    const Result status = director({QStringLiteral("status"), demo, QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"frameCount").toInt(),
             16);
    // Not into a folder that holds something.
    QCOMPARE(director({QStringLiteral("demo"), demo, QStringLiteral("--no-gui")}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_cli.moc"
