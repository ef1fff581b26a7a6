#include "commands/commandline.h"
#include "commands/commitcommand.h"
#include "commands/democommand.h"
#include "commands/discardcommand.h"
#include "commands/framecommand.h"
#include "commands/opencommand.h"
#include "commands/previewcommand.h"
#include "commands/statuscommand.h"
#include "commands/validatecommand.h"
#include "previewcheck.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "storage/sessionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// The headless commands, run in this process as director runs them (app/commands): their
// output, their messages and their exit codes, and what they leave on disk. tst_cli runs the
// real executable for what only main() does.
class TestCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void statusWritesNothing();
    void statusJsonKeepsItsMembers();
    void frameChangeIsSeenByTheNextCommand();
    void illegalTransitionExitsWithTwo();
    void nudgesAddUpToTheStoredTotal();
    void notesAndClearNudge();
    void badArgumentsExitWithOne();
    void eachCommandHasItsHelp();
    void validateNamesEveryProblem();
    void validateSaysWhyAFileCannotBeRead();
    void lockedSessionExitsWithThree();
    void corruptSessionIsKeptUntilRecoverIsChosen();
    void commitIsRefusedThenWritesApprovedAndLocksTheSession();
    void discardMakesTheSessionReadOnly();
    void demoWritesARunThatOpens();
    void argumentsNameTheirCommand();
    void previewWritesTheMoveAsCommitWould();
    void previewErrorsSayWhyAndWriteNothing();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs the command `C` on `arguments` (those after its name), as "director NAME ...".
    template <typename C> static Result run(const QStringList &arguments)
    {
        Result result;
        C command(Console(&result.out, &result.err));
        result.exitCode =
            command.execute(QStringList{QStringLiteral("director"), command.name()} + arguments);
        return result;
    }
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }
    QByteArray sessionBytes() const;
    DirectorSession onDisk() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

QByteArray TestCommands::sessionBytes() const
{
    QFile file(sessionPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

DirectorSession TestCommands::onDisk() const
{
    return SessionCodec::decode(sessionBytes()).session.value_or(DirectorSession());
}

void TestCommands::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(runDir()));
}

void TestCommands::statusWritesNothing()
{
    const Result text = run<StatusCommand>({runDir()});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QLatin1String("idle_standard")), qPrintable(text.out));
    QVERIFY(text.out.contains(QLatin1String("1 APPROVED")));
    QVERIFY2(text.out.contains(QLatin1String("Session:  none yet")), qPrintable(text.out));
    QVERIFY(text.err.isEmpty());

    const Result json = run<StatusCommand>({runDir(), QStringLiteral("--json")});
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

void TestCommands::statusJsonKeepsItsMembers()
{
    // status --json is a contract with the pipeline (README.md, "Pipeline integration"): one
    // object on one line, with these members.
    QCOMPARE(run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--nudge=1,0"),
                                QStringLiteral("--note=n")})
                 .exitCode,
             0);
    const Result json = run<StatusCommand>({runDir(), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QVERIFY(json.out.endsWith(QLatin1Char('\n')));
    QCOMPARE(json.out.count(QLatin1Char('\n')), 1);
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(root.keys(),
             QStringList({QStringLiteral("counts"), QStringLiteral("frameCount"),
                          QStringLiteral("imageAttempts"), QStringLiteral("leftOut"),
                          QStringLiteral("missing"), QStringLiteral("moveId"),
                          QStringLiteral("news"), QStringLiteral("noted"), QStringLiteral("nudged"),
                          QStringLiteral("rejected"), QStringLiteral("runDir"),
                          QStringLiteral("runId"), QStringLiteral("session")}));
    QCOMPARE(root.value(u"runDir").toString(), runDir());
    QCOMPARE(root.value(u"moveId").toString(), QStringLiteral("idle_standard"));
    QCOMPARE(root.value(u"nudged").toInt(), 1);
    QCOMPARE(root.value(u"noted").toInt(), 1);
    QCOMPARE(root.value(u"counts").toObject().value(u"APPROVED").toInt(), 2);
    QCOMPARE(root.value(u"news").toObject(),
             QJsonObject({{QStringLiteral("changed"), 0}, {QStringLiteral("added"), 0}}));
    // Frame 2 failed by its audit, not rejected by an operator: counted, not listed.
    QCOMPARE(root.value(u"rejected").toArray(), QJsonArray());
    // Each frame with an image: the attempt it shows, and its newest with an image.
    const QJsonObject attempt1{{QStringLiteral("attempt"), 1}, {QStringLiteral("newest"), 1}};
    QCOMPARE(root.value(u"imageAttempts").toObject(),
             QJsonObject({{QStringLiteral("0"), attempt1},
                          {QStringLiteral("1"), attempt1},
                          {QStringLiteral("2"), attempt1},
                          {QStringLiteral("3"), attempt1}}));
    const QJsonObject session = root.value(u"session").toObject();
    QCOMPARE(session.keys(),
             QStringList({QStringLiteral("createdAt"), QStringLiteral("lastModified"),
                          QStringLiteral("sessionId"), QStringLiteral("status")}));
    QCOMPARE(session.value(u"lastModified").toString(), onDisk().lastModified);

    // What the pipeline wrote since is shown and counted, never taken in by status.
    const QByteArray before = sessionBytes();
    QVERIFY(RunFixture::writeAudit(runDir(), 3, true, {}, 0.9));
    const Result news = run<StatusCommand>({runDir(), QStringLiteral("--json")});
    const QJsonObject after = QJsonDocument::fromJson(news.out.toUtf8()).object();
    QCOMPARE(after.value(u"news").toObject().value(u"changed").toInt(), 1);
    QCOMPARE(after.value(u"counts").toObject().value(u"APPROVED").toInt(), 3);
    QCOMPARE(sessionBytes(), before);
    const Result text = run<StatusCommand>({runDir()});
    // (In-process, without the English plural forms of the real director: "1 frame(s)".)
    QVERIFY2(text.out.contains(QLatin1String("News:     the pipeline changed 1 frame")) &&
                 text.out.contains(QLatin1String("and added 0 since the session was saved")),
             qPrintable(text.out));
}

void TestCommands::frameChangeIsSeenByTheNextCommand()
{
    const Result changed = run<FrameCommand>(
        {runDir(), QStringLiteral("1"), QStringLiteral("--status"), QStringLiteral("APPROVED")});
    QCOMPARE(changed.exitCode, 0);
    QCOMPARE(changed.out, QStringLiteral("frame 1: APPROVED\n"));
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);

    // "Survives a browser refresh": the next command reads the same state from the file.
    const Result json = run<StatusCommand>({runDir(), QStringLiteral("--json")});
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(root.value(u"counts").toObject().value(u"APPROVED").toInt(), 2);
    QCOMPARE(root.value(u"session").toObject().value(u"sessionId").toString(), onDisk().sessionId);
    QCOMPARE(root.value(u"session").toObject().value(u"status").toString(),
             QStringLiteral("active"));
}

void TestCommands::illegalTransitionExitsWithTwo()
{
    QCOMPARE(run<FrameCommand>(
                 {runDir(), QStringLiteral("0"), QStringLiteral("--note"), QStringLiteral("x")})
                 .exitCode,
             0);
    const QByteArray before = sessionBytes();
    const Result refused = run<FrameCommand>(
        {runDir(), QStringLiteral("4"), QStringLiteral("--status"), QStringLiteral("APPROVED")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("PENDING")), qPrintable(refused.err));
    QVERIFY2(refused.err.startsWith(QLatin1String("director: ")), qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(sessionBytes(), before);
}

void TestCommands::nudgesAddUpToTheStoredTotal()
{
    const Result first =
        run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--nudge=-2,1")});
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out, QStringLiteral("frame 1: APPROVED, offset -2,1\n"));
    // Whole pixels, as the window nudges: a fraction is refused, nothing changes.
    const QByteArray before = sessionBytes();
    const Result fraction = run<FrameCommand>(
        {runDir(), QStringLiteral("1"), QStringLiteral("--nudge"), QStringLiteral("-1.5,0")});
    QCOMPARE(fraction.exitCode, 1);
    QVERIFY2(fraction.err.contains(QLatin1String("whole pixels")), qPrintable(fraction.err));
    QCOMPARE(sessionBytes(), before);
    const Result second = run<FrameCommand>(
        {runDir(), QStringLiteral("1"), QStringLiteral("--nudge"), QStringLiteral("-1,0")});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, QStringLiteral("frame 1: APPROVED, offset -3,1\n"));
    const DirectorFrameState frame = onDisk().frames.value(1);
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, -3.0);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideY, 1.0);
    QCOMPARE(frame.status, FrameStatus::Approved); // the nudge was the operator's review
}

void TestCommands::notesAndClearNudge()
{
    QCOMPARE(run<FrameCommand>({runDir(), QStringLiteral("2"), QStringLiteral("--nudge=3,3"),
                                QStringLiteral("--note"), QStringLiteral("sword clips the frame")})
                 .exitCode,
             0);
    DirectorFrameState frame = onDisk().frames.value(2);
    QCOMPARE(frame.directorOverrides.notes, std::optional(QStringLiteral("sword clips the frame")));
    QVERIFY(frame.directorOverrides.alignment.has_value());
    QCOMPARE(run<FrameCommand>({runDir(), QStringLiteral("2"), QStringLiteral("--clear-nudge")})
                 .exitCode,
             0);
    frame = onDisk().frames.value(2);
    QVERIFY(!frame.directorOverrides.alignment.has_value());
    QCOMPARE(frame.directorOverrides.notes, std::optional(QStringLiteral("sword clips the frame")));
    QCOMPARE(run<FrameCommand>({runDir(), QStringLiteral("2"), QStringLiteral("--note=")}).exitCode,
             0);
    QVERIFY(!onDisk().frames.value(2).directorOverrides.notes.has_value());
}

void TestCommands::badArgumentsExitWithOne()
{
    const auto refused = [](const Result &result, const char *message) {
        return result.exitCode == 1 && result.out.isEmpty() &&
               result.err == QStringLiteral("director: %1\n").arg(QLatin1String(message));
    };
    QVERIFY(
        refused(run<FrameCommand>({runDir(), QStringLiteral("1")}),
                "nothing to change: give --attempt, --status, --nudge, --clear-nudge or --note"));
    QVERIFY(refused(run<FrameCommand>({runDir(), QStringLiteral("x"), QStringLiteral("--note=a")}),
                    "\"x\" is not a frame index"));
    QVERIFY(
        refused(run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--status=DONE")}),
                "unknown status \"DONE\""));
    QVERIFY(refused(run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--nudge=1")}),
                    "--nudge takes whole pixels DX,DY, for example --nudge=-2,1"));
    QVERIFY(refused(run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--nudge=1,1"),
                                       QStringLiteral("--clear-nudge")}),
                    "--nudge and --clear-nudge cannot be given together"));
    QVERIFY(refused(run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--note=a"),
                                       QStringLiteral("--note=b")}),
                    "--note is given more than once"));
    QVERIFY(refused(run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--note=a"),
                                       QStringLiteral("--recover=maybe")}),
                    "--recover takes \"backup\" or \"new\", not \"maybe\""));
    QVERIFY(refused(run<CommitCommand>({runDir(), QStringLiteral("--recover=")}),
                    "--recover takes \"backup\" or \"new\", not \"\""));
    QVERIFY(refused(run<StatusCommand>({m_dir->path() + QStringLiteral("/nowhere")}),
                    qPrintable(m_dir->path() + QStringLiteral("/nowhere is not a folder."))));
    QVERIFY(refused(run<StatusCommand>({}), "wrong number of arguments; see --help"));
    QVERIFY(refused(run<StatusCommand>({runDir(), QStringLiteral("extra")}),
                    "wrong number of arguments; see --help"));
    QVERIFY(refused(run<StatusCommand>({runDir(), QStringLiteral("--bogus")}),
                    "Unknown option 'bogus'."));
    QVERIFY(!QFile::exists(sessionPath())); // refused before the run was opened
    // Known only once the run is open (and its session made).
    QVERIFY(refused(run<FrameCommand>({runDir(), QStringLiteral("77"), QStringLiteral("--note=a")}),
                    "there is no frame 77 in this run"));
}

void TestCommands::eachCommandHasItsHelp()
{
    const Result status = run<StatusCommand>({QStringLiteral("--help")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("Summary of a run and its session.")) &&
                 status.out.contains(QLatin1String("--json")) &&
                 status.out.contains(QLatin1String("--lang <LANG>")),
             qPrintable(status.out));
    const Result frame = run<FrameCommand>({QStringLiteral("--help")});
    QCOMPARE(frame.exitCode, 0);
    for (const char *option : {"--status <S>", "--nudge <DX,DY>", "--clear-nudge", "--note <TEXT>",
                               "--recover <backup|new>"})
        QVERIFY2(frame.out.contains(QLatin1String(option)), option);
    QVERIFY(run<DemoCommand>({QStringLiteral("-h")}).out.contains(QLatin1String("--no-gui")));
    QVERIFY(run<ValidateCommand>({QStringLiteral("--help")}).out.contains(QLatin1String("FILE")));
    QVERIFY(run<CommitCommand>({QStringLiteral("--help")}).out.contains(QLatin1String("APPROVED")));
    QVERIFY(
        run<DiscardCommand>({QStringLiteral("--help")}).out.contains(QLatin1String("discarded")));
}

void TestCommands::validateNamesEveryProblem()
{
    QCOMPARE(
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=ok")}).exitCode,
        0);
    const Result valid = run<ValidateCommand>({sessionPath()});
    QCOMPARE(valid.exitCode, 0);
    QVERIFY(valid.err.isEmpty());
    QVERIFY2(valid.out.startsWith(sessionPath() + QStringLiteral(": valid session (5 frame")),
             qPrintable(valid.out));

    QByteArray bytes = sessionBytes();
    bytes.replace("\"AUDIT_FAIL\"", "\"DONE\"");
    bytes.replace("\"compositeScore\": 0.93", "\"compositeScore\": 1.7");
    const QString broken = m_dir->path() + QStringLiteral("/run/broken.json");
    QVERIFY(RunFixture::writeFile(broken, bytes));
    const Result invalid = run<ValidateCommand>({broken});
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY2(invalid.err.contains(QLatin1String("frames.2.status: unknown status \"DONE\"")),
             qPrintable(invalid.err));
    QVERIFY2(invalid.err.contains(
                 QLatin1String("frames.0.auditReport.compositeScore: 1.7 is outside 0..1")),
             qPrintable(invalid.err));
    QVERIFY(invalid.out.isEmpty());
    QCOMPARE(run<ValidateCommand>({m_dir->path() + QStringLiteral("/missing.json")}).exitCode, 1);
}

void TestCommands::validateSaysWhyAFileCannotBeRead()
{
    const QString missing = m_dir->path() + QStringLiteral("/missing.json");
    const Result absent = run<ValidateCommand>({missing});
    QCOMPARE(absent.exitCode, 1);
    QVERIFY2(absent.err.contains(missing + QStringLiteral(" does not exist")),
             qPrintable(absent.err));
    QVERIFY2(!absent.err.contains(QLatin1String("Unknown error")), qPrintable(absent.err));

    const Result folder = run<ValidateCommand>({runDir()});
    QCOMPARE(folder.exitCode, 1);
    QVERIFY2(folder.err.contains(runDir() + QStringLiteral(" is not a file")),
             qPrintable(folder.err));
    QVERIFY2(!folder.err.contains(QLatin1String("Unknown error")), qPrintable(folder.err));
    QVERIFY(folder.out.isEmpty());

    // A device that never ends is not read.
    const Result device = run<ValidateCommand>({QStringLiteral("/dev/zero")});
    QCOMPARE(device.exitCode, 1);
    QCOMPARE(device.err, QStringLiteral("director: /dev/zero is not a file\n"));
}

void TestCommands::lockedSessionExitsWithThree()
{
    QCOMPARE(
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=a")}).exitCode, 0);
    SessionStore holder(runDir());
    QVERIFY(holder.lock());
    const Result locked =
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=b")});
    QCOMPARE(locked.exitCode, 3);
    QVERIFY2(locked.err.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(locked.err));
    QCOMPARE(onDisk().frames.value(0).directorOverrides.notes, std::optional(QStringLiteral("a")));
    // Reading is still possible.
    QCOMPARE(run<StatusCommand>({runDir()}).exitCode, 0);
    holder.unlock();
    QCOMPARE(
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=b")}).exitCode, 0);
}

void TestCommands::corruptSessionIsKeptUntilRecoverIsChosen()
{
    QCOMPARE(
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=first")}).exitCode,
        0);
    QCOMPARE(run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=second")})
                 .exitCode,
             0);
    QVERIFY(RunFixture::writeFile(sessionPath(), "{\"truncated"));

    const QList<Result> refusals = {run<StatusCommand>({runDir()}), run<CommitCommand>({runDir()}),
                                    run<DiscardCommand>({runDir()})};
    for (const Result &refused : refusals) {
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("not valid JSON")), qPrintable(refused.err));
    }
    const Result refused =
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=third")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(QLatin1String("--recover")));
    QCOMPARE(sessionBytes(), QByteArray("{\"truncated"));

    const Result recovered =
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=third"),
                           QStringLiteral("--recover=backup")});
    QCOMPARE(recovered.exitCode, 0);
    QCOMPARE(onDisk().frames.value(0).directorOverrides.notes,
             std::optional(QStringLiteral("third")));
    QCOMPARE(QDir(runDir()).entryList({QStringLiteral("director_session.json.corrupt-*")}).size(),
             1);
}

void TestCommands::commitIsRefusedThenWritesApprovedAndLocksTheSession()
{
    const Result refused = run<CommitCommand>({runDir()});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(!QFile::exists(runDir() + QStringLiteral("/approved/frame_0000.png")));

    QTemporaryDir dir;
    const QString run = dir.path() + QStringLiteral("/ready");
    QVERIFY(RunFixture::writeApprovedRun(run, 4));
    const Result committed = TestCommands::run<CommitCommand>({run});
    QCOMPARE(committed.exitCode, 0);
    QVERIFY2(committed.out.startsWith(QLatin1String("Committed 4 frame")) &&
                 committed.out.endsWith(
                     QStringLiteral(" to %1/approved (0 nudged, 0 patched).\n").arg(run)),
             qPrintable(committed.out));
    for (int i = 0; i < 4; ++i)
        QVERIFY(QFile::exists(
            run + QStringLiteral("/approved/frame_%1.png").arg(i, 4, 10, QLatin1Char('0'))));
    const Result after = TestCommands::run<FrameCommand>(
        {run, QStringLiteral("0"), QStringLiteral("--status=AUDIT_FAIL")});
    QCOMPARE(after.exitCode, 2);
    QVERIFY(after.err.contains(QLatin1String("committed")));
    QCOMPARE(TestCommands::run<CommitCommand>({run}).exitCode, 2);
}

void TestCommands::discardMakesTheSessionReadOnly()
{
    const Result discarded = run<DiscardCommand>({runDir()}); // creates, then discards
    QCOMPARE(discarded.exitCode, 0);
    QCOMPARE(onDisk().status, SessionStatus::Discarded);
    QCOMPARE(discarded.out, QStringLiteral("Session %1 discarded.\n").arg(onDisk().sessionId));
    QCOMPARE(
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=x")}).exitCode, 2);
}

void TestCommands::demoWritesARunThatOpens()
{
    const QString demo = m_dir->path() + QStringLiteral("/demo");
    const Result written = run<DemoCommand>({demo, QStringLiteral("--no-gui")});
    QCOMPARE(written.exitCode, 0);
    QCOMPARE(written.out, QStringLiteral("Demo run written to %1\n").arg(demo));
    const Result status = run<StatusCommand>({demo, QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"frameCount").toInt(),
             16);
    // Not into a folder that holds something.
    QCOMPARE(run<DemoCommand>({demo, QStringLiteral("--no-gui")}).exitCode, 1);
    QCOMPARE(run<DemoCommand>({demo, QStringLiteral("more"), QStringLiteral("--no-gui")}).exitCode,
             1);
}

void TestCommands::argumentsNameTheirCommand()
{
    const auto named = [](const QStringList &arguments) {
        return CommandLine::command(QStringList{QStringLiteral("director")} + arguments)->name();
    };
    for (const QString &name :
         {QStringLiteral("status"), QStringLiteral("validate"), QStringLiteral("frame"),
          QStringLiteral("commit"), QStringLiteral("discard"), QStringLiteral("demo")}) {
        QCOMPARE(named({name, QStringLiteral("x")}), name);
        QCOMPARE(named({QStringLiteral("--lang"), QStringLiteral("de"), name}), name);
        QCOMPARE(named({QStringLiteral("--lang=de"), name}), name);
    }
    // Anything else is a run folder for the window.
    QCOMPARE(named({}), QString());
    QCOMPARE(named({QStringLiteral("runs/r1")}), QString());
    QCOMPARE(named({QStringLiteral("Status")}), QString());

    const auto window = [](const QStringList &arguments) {
        return CommandLine::opensWindow(QStringList{QStringLiteral("director")} + arguments);
    };
    QVERIFY(window({}));
    QVERIFY(window({QStringLiteral("runs/r1"), QStringLiteral("--recover=new")}));
    QVERIFY(window({QStringLiteral("demo")}));
    QVERIFY(!window({QStringLiteral("demo"), QStringLiteral("--no-gui")}));
    QVERIFY(!window({QStringLiteral("--help")}));
    QVERIFY(!window({QStringLiteral("-v")}));
    QVERIFY(!window({QStringLiteral("runs/r1"), QStringLiteral("-h")}));
    for (const QString &name :
         {QStringLiteral("status"), QStringLiteral("validate"), QStringLiteral("frame"),
          QStringLiteral("commit"), QStringLiteral("discard")})
        QVERIFY(!window({name, QStringLiteral("runs/r1")}));

    QCOMPARE(CommandLine::languageArgument({QStringLiteral("director"), QStringLiteral("status"),
                                            QStringLiteral("--lang"), QStringLiteral("de")}),
             std::optional(QStringLiteral("de")));
    QCOMPARE(
        CommandLine::languageArgument({QStringLiteral("director"), QStringLiteral("--lang=en")}),
        std::optional(QStringLiteral("en")));
    QCOMPARE(CommandLine::languageArgument(
                 {QStringLiteral("director"), QStringLiteral("--"), QStringLiteral("--lang=en")}),
             std::nullopt);
    QCOMPARE(CommandLine::languageArgument({QStringLiteral("director"), QStringLiteral("--lang")}),
             std::nullopt);
}

void TestCommands::previewWritesTheMoveAsCommitWould()
{
    // Frame 1 nudged (which approves it); frame 4 has no image yet.
    QCOMPARE(
        run<FrameCommand>({runDir(), QStringLiteral("1"), QStringLiteral("--nudge=3,-2")}).exitCode,
        0);
    const QByteArray session = sessionBytes();
    const QString sheet = m_dir->filePath(QStringLiteral("sheet.png"));
    const QString animation = m_dir->filePath(QStringLiteral("move.webp"));
    const Result result = run<PreviewCommand>(
        {runDir(), QStringLiteral("--sheet"), sheet, QStringLiteral("--columns=3"),
         QStringLiteral("--animation"), animation, QStringLiteral("--fps=20")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.err.isEmpty());
    QVERIFY2(result.out.contains(QStringLiteral("3 × 2 cells of 16×16 pixels")),
             qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("(4 frame")) &&
            result.out.contains(QLatin1String(" at 20 frames a second)")));
    QCOMPARE(sessionBytes(), session); // the run is not written

    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadOnly));
    FrameImages images(&manager);
    const QImage read(sheet);
    QCOMPARE(read.size(), QSize(48, 32));
    for (int cell = 0; cell < 6; ++cell) {
        const QImage expected =
            cell < 4 ? images.placed(cell) : PreviewCheck::transparent(QSize(16, 16));
        QVERIFY2(PreviewCheck::firstDifference(read.copy((cell % 3) * 16, (cell / 3) * 16, 16, 16),
                                               expected)
                     .isEmpty(),
                 qPrintable(QString::number(cell)));
    }
    const PreviewCheck::Animation decoded = PreviewCheck::decodeWebp(animation);
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.canvas, QSize(16, 16));
    QCOMPARE(decoded.frames.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(PreviewCheck::firstDifference(decoded.frames.at(i), images.placed(i)).isEmpty());
        QCOMPARE(decoded.durations.at(i), 50);
    }

    // --approved-only: frames 0 and 1; the default frame rate, 12.
    QCOMPARE(run<PreviewCommand>({runDir(), QStringLiteral("--animation"), animation,
                                  QStringLiteral("--approved-only")})
                 .exitCode,
             0);
    const PreviewCheck::Animation approved = PreviewCheck::decodeWebp(animation);
    QCOMPARE(approved.frames.size(), 2);
    QCOMPARE(approved.durations.at(0), 83);
    QVERIFY(PreviewCheck::firstDifference(approved.frames.at(1), images.placed(1)).isEmpty());
}

void TestCommands::previewErrorsSayWhyAndWriteNothing()
{
    const QString sheet = m_dir->filePath(QStringLiteral("sheet.png"));
    const auto refused = [](const Result &result, const QString &message) {
        return result.exitCode == 1 && result.out.isEmpty() &&
               result.err == QStringLiteral("director: %1\n").arg(message);
    };
    QVERIFY(
        refused(run<PreviewCommand>({runDir()}),
                QStringLiteral("Nothing to write: name a sprite sheet, an animation or both.")));
    QVERIFY(refused(run<PreviewCommand>({runDir(), QStringLiteral("--sheet"), sheet,
                                         QStringLiteral("--columns=two")}),
                    QStringLiteral("--columns: \"two\" is not a whole number")));
    QVERIFY(refused(run<PreviewCommand>({runDir(), QStringLiteral("--animation"), sheet,
                                         QStringLiteral("--fps=0")}),
                    QStringLiteral("The frame rate must be from 1 to 60 frames a second.")));
    QVERIFY(refused(run<PreviewCommand>({runDir(), QStringLiteral("--sheet=")}),
                    QStringLiteral("--sheet needs a file name")));
    QVERIFY(refused(run<PreviewCommand>({m_dir->path() + QStringLiteral("/nowhere"),
                                         QStringLiteral("--sheet"), sheet}),
                    m_dir->path() + QStringLiteral("/nowhere is not a folder.")));
    QVERIFY(!QFile::exists(sheet));

    // An unwritable target: the message names the file; nothing is left.
    const QString nowhere = m_dir->filePath(QStringLiteral("no/such/folder/sheet.png"));
    const Result unwritable = run<PreviewCommand>({runDir(), QStringLiteral("--sheet"), nowhere});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY2(unwritable.err.startsWith(QLatin1String("director: ")), qPrintable(unwritable.err));
    QVERIFY(!QFile::exists(nowhere));

    // A frame's image that cannot be read (the session has it; the file is broken since):
    // named, and nothing written.
    QCOMPARE(
        run<FrameCommand>({runDir(), QStringLiteral("0"), QStringLiteral("--note=n")}).exitCode, 0);
    QVERIFY(RunFixture::writeFile(
        runDir() + QStringLiteral("/candidates/frame_0002_attempt_01.png"), "garbage"));
    const Result missing = run<PreviewCommand>({runDir(), QStringLiteral("--sheet"), sheet});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.startsWith(QLatin1String("director: Frame 2: ")), qPrintable(missing.err));
    QVERIFY(!QFile::exists(sheet));

    const Result help = run<PreviewCommand>({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *option :
         {"--sheet <FILE>", "--columns <N>", "--animation <FILE>", "--fps <N>", "--approved-only"})
        QVERIFY2(help.out.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
