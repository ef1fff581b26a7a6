#include "directorprocess.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "storage/sessionstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// What only main() does, through the real director executable in its own process, as the
// pipeline and scripts run it: finding the command, --help and --version, --lang, arguments
// that are not UTF-8, the window without a display, and the exit codes as the process's.
// The commands themselves are tested in-process (tst_commands).
class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void helpAndVersion();
    void frameChangeIsSeenByTheNextProcess();
    void exitCodesReachTheCaller();
    void languageOfTheMessages();
    void anUnknownCommandIsARunFolderForTheWindow();
    void anArgumentThatIsNotUtf8IsRefused();
    void theWindowNeedsADisplay();

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

void TestCommandLine::helpAndVersion()
{
    const Result help = director({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("Exit codes")));
    for (const char *command :
         {"director RUN_DIR", "director demo", "director status", "director validate",
          "director frame", "director commit", "director discard", "director preview RUN_DIR"})
        QVERIFY2(help.out.contains(QLatin1String(command)), command);
    QVERIFY(help.out.contains(QLatin1String("--recover <backup|new>")));

    // Each command's own help, whatever comes before its name.
    const Result status =
        director({QStringLiteral("--lang=en"), QStringLiteral("status"), QStringLiteral("-h")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("Summary of a run and its session")) &&
                 status.out.contains(QLatin1String("--json")),
             qPrintable(status.out));

    const Result version = director({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^director \\d+\\.\\d+\\.\\d+\\n$"))
                 .match(version.out)
                 .hasMatch(),
             qPrintable(version.out));
    QCOMPARE(director({QStringLiteral("-v")}).out, version.out);
}

void TestCommandLine::frameChangeIsSeenByTheNextProcess()
{
    const Result changed = director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                                     QStringLiteral("--status"), QStringLiteral("APPROVED")});
    QCOMPARE(changed.exitCode, 0);
    QCOMPARE(changed.out, QStringLiteral("frame 1: APPROVED\n"));
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);

    // "Survives a browser refresh": a new process reads the same state.
    const Result json = director({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(root.value(u"counts").toObject().value(u"APPROVED").toInt(), 2);
    QCOMPARE(root.value(u"session").toObject().value(u"sessionId").toString(), onDisk().sessionId);

    // The English plural forms are the real director's (director_en.qm).
    const Result valid = director({QStringLiteral("validate"), sessionPath()});
    QCOMPARE(valid.exitCode, 0);
    QCOMPARE(valid.out, sessionPath() + QStringLiteral(": valid session (5 frames)\n"));
}

void TestCommandLine::exitCodesReachTheCaller()
{
    // 1: invalid input, the message on stderr.
    const Result invalid =
        director({QStringLiteral("frame"), runDir(), QStringLiteral("1"), QStringLiteral("--x")});
    QCOMPARE(invalid.exitCode, 1);
    QCOMPARE(invalid.err, QStringLiteral("director: Unknown option 'x'.\n"));
    QCOMPARE(director({QStringLiteral("status")}).exitCode, 1);

    // 2: refused by the rules.
    const Result refused = director({QStringLiteral("frame"), runDir(), QStringLiteral("4"),
                                     QStringLiteral("--status"), QStringLiteral("APPROVED")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("PENDING")), qPrintable(refused.err));
    QCOMPARE(director({QStringLiteral("commit"), runDir()}).exitCode, 2);

    // 3: another Director (this test) holds the session.
    SessionStore holder(runDir());
    QVERIFY(holder.lock());
    const Result locked = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("0"), QStringLiteral("--note=b")});
    QCOMPARE(locked.exitCode, 3);
    QVERIFY2(locked.err.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(locked.err));
    QCOMPARE(director({QStringLiteral("discard"), runDir()}).exitCode, 3);
    holder.unlock();

    // 0.
    QCOMPARE(director({QStringLiteral("discard"), runDir()}).exitCode, 0);
    QCOMPARE(onDisk().status, SessionStatus::Discarded);
}

void TestCommandLine::languageOfTheMessages()
{
    const Result german =
        director({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("frame"), runDir(),
                  QStringLiteral("4"), QStringLiteral("--status=APPROVED")});
    QCOMPARE(german.exitCode, 2);
    QVERIFY2(german.err.contains(QLatin1String("Einzelbild 4")), qPrintable(german.err));

    const Result unknown = director({QStringLiteral("--lang=xx"), QStringLiteral("--version")});
    QCOMPARE(unknown.exitCode, 0);
    QVERIFY(unknown.out.startsWith(QLatin1String("director ")));
    QCOMPARE(unknown.err, QStringLiteral("director: there is no translation for the language "
                                         "\"xx\" (--lang); the messages are in English.\n"));
}

void TestCommandLine::anUnknownCommandIsARunFolderForTheWindow()
{
    // "director nosuch" would open the window on the run folder "nosuch"; with a second
    // argument, the window's command line says what it takes.
    const Result unknown = director({QStringLiteral("nosuch"), QStringLiteral("extra")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY2(unknown.err.contains(QLatin1String("[RUN_DIR]")) &&
                 unknown.err.contains(QLatin1String("Exit codes")),
             qPrintable(unknown.err));
    QVERIFY(!QFile::exists(sessionPath()));
}

void TestCommandLine::anArgumentThatIsNotUtf8IsRefused()
{
    // Through the shell: QProcess passes its arguments as UTF-8.
    QProcess process;
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments(
        {QStringLiteral("-c"),
         QStringLiteral("exec \"$0\" status \"$(printf '%1/nowhere_\\377')\"").arg(m_dir->path()),
         qEnvironmentVariable("DIRECTOR_EXECUTABLE")});
    process.start();
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.startsWith(QLatin1String("director: the argument ")) &&
                 err.endsWith(QLatin1String(" is not valid UTF-8.\n")),
             qPrintable(err));
}

void TestCommandLine::theWindowNeedsADisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QLatin1String(name));
    const Result window = DirectorProcess::run({runDir()}, environment);
    QCOMPARE(window.exitCode, 1);
    QVERIFY2(window.err.contains(QLatin1String("there is no display")), qPrintable(window.err));
    // The headless commands need none.
    QCOMPARE(DirectorProcess::run({QStringLiteral("status"), runDir()}, environment).exitCode, 0);
    QVERIFY(!QFile::exists(sessionPath()));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_cli.moc"
