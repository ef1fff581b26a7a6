#include "anchorfillreference.h"
#include "audit/palettecheck.h"
#include "compare/imagediff.h"
#include "directorprocess.h"
#include "patch/palettelegalize.h"
#include "patch/patchfiles.h"
#include "runfixture.h"
#include "runsfixture.h"
#include "session/sessioncodec.h"
#include "storage/sessionstore.h"

#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
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
    void frameUsesAnotherAttempt();
    void anAttemptCombinesWithTheOtherOptionsAsOneChange();
    void anAttemptTheFrameCannotUseIsRefused();
    void patchByTheBundledInpaintingProvider();
    void aFailingProviderRecordsNothing();
    void patchFromAFile();
    void aPatchOfTheWrongSizeIsRefused();
    void patchLegalizesThePalette_data();
    void patchLegalizesThePalette();
    void patchOptionsGoOneWay_data();
    void patchOptionsGoOneWay();
    void patchWaitsForNoOtherDirector();
    void aRejectionsReasonIsListedByStatus();
    void aReasonGoesWithARejectionOnly_data();
    void aReasonGoesWithARejectionOnly();
    void aCodeNobodyKnowsIsRecordedAndSaid();
    void aNegativeFrameIndexIsNamed();
    void listShowsEveryRunOfAFolder();
    void aLockOfAnotherHostIsTakenOverOnlyByName();

private:
    using Result = DirectorProcess::Result;
    static Result director(const QStringList &arguments) { return DirectorProcess::run(arguments); }
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }
    DirectorSession onDisk() const;
    QByteArray bytesOnDisk() const;
    // Frame 2 gets a second attempt, its image now, which the audit names: AUDIT_FAIL.
    bool writeSecondAttempt() const;
    static QJsonObject statusJson(const Result &json)
    {
        return QJsonDocument::fromJson(json.out.toUtf8()).object();
    }

    // Settings and temporary files of the director processes in the test's own folders.
    QProcessEnvironment isolated() const;
    // The mask patch --mask is given in the inpainting tests: a 6×7 block of frame 2.
    static QImage inpaintMask();
    // Frame 2's image with three pixels changed (one a colour, one coverage, one drawn where
    // there was nothing), saved outside the run.
    QString writePatchFile(const QImage &image) const;
    static QImage patchedOf(int frame);

    std::unique_ptr<QTemporaryDir> m_dir;
};

QProcessEnvironment TestCommandLine::isolated() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"config", "tmp"})
        QDir().mkpath(m_dir->filePath(QLatin1String(name)));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_dir->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("TMPDIR"), m_dir->filePath(QStringLiteral("tmp")));
    return environment;
}

QImage TestCommandLine::inpaintMask()
{
    QImage mask(16, 16, QImage::Format_Grayscale8);
    mask.fill(0);
    for (int y = 3; y < 10; ++y)
        for (int x = 3; x < 9; ++x)
            mask.setPixel(x, y, qRgb(255, 255, 255));
    return mask;
}

DirectorSession TestCommandLine::onDisk() const
{
    QFile file(sessionPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return SessionCodec::decode(file.readAll()).session.value_or(DirectorSession());
}

QByteArray TestCommandLine::bytesOnDisk() const
{
    QFile file(sessionPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool TestCommandLine::writeSecondAttempt() const
{
    QImage second = RunFixture::frameImage(2);
    second.setPixel(6, 6, qRgba(1, 2, 3, 255));
    const QJsonArray attempts{QJsonObject{{QStringLiteral("attempt_index"), 1},
                                          {QStringLiteral("result"), QStringLiteral("soft_fail")}},
                              QJsonObject{{QStringLiteral("attempt_index"), 2},
                                          {QStringLiteral("result"), QStringLiteral("soft_fail")}}};
    return second.save(runDir() + QStringLiteral("/candidates/frame_0002_attempt_02.png")) &&
           RunFixture::writeJson(
               runDir() + QStringLiteral("/audit/frame_0002_metrics.json"),
               {{QStringLiteral("frame_index"), 2},
                {QStringLiteral("passed"), false},
                {QStringLiteral("status"), QStringLiteral("soft_fail")},
                {QStringLiteral("reason_codes"), QJsonArray{QStringLiteral("SF02_PALETTE_DRIFT")}},
                {QStringLiteral("composite_score"), 0.41},
                {QStringLiteral("attempts"), attempts}});
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
          "director frame", "director commit", "director discard", "director preview RUN_DIR",
          "director patch RUN_DIR INDEX", "director list RUNS_DIR", "director unlock RUN_DIR",
          "director report RUN_DIR"})
        QVERIFY2(help.out.contains(QLatin1String(command)), command);
    QVERIFY(help.out.contains(QLatin1String("--recover <backup|new>")));
    // The frame command's synopsis names its verdict's options, in every language.
    for (const char *lang : {"--lang=en", "--lang=de"}) {
        const Result told = director({QLatin1String(lang), QStringLiteral("--help")});
        QVERIFY2(told.out.contains(
                     QLatin1String(qstrcmp(lang, "--lang=de") == 0 ? "Befehle:" : "Commands:")),
                 qPrintable(told.out));
        for (const char *option : {"[--attempt N]", "[--note TEXT]", "[--reason CODE]",
                                   "[--reason-text TEXT]", "[--reviewer NAME]"})
            QVERIFY2(told.out.contains(QLatin1String(option)), qPrintable(told.out));
    }

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

void TestCommandLine::frameUsesAnotherAttempt()
{
    QVERIFY(writeSecondAttempt());
    const QString first = QStringLiteral("candidates/frame_0002_attempt_01.png");
    const QString second = QStringLiteral("candidates/frame_0002_attempt_02.png");
    const Result help = director({QStringLiteral("frame"), QStringLiteral("--help")});
    QVERIFY2(help.out.contains(QLatin1String("--attempt <N>")), qPrintable(help.out));
    QVERIFY2(director({QStringLiteral("--help")}).out.contains(QLatin1String("[--attempt N]")),
             "director --help names --attempt");

    // Attempt 1: the run has no audit of it, so GENERATED (AUDIT_FAIL -> GENERATED), and the
    // audit of attempt 2 is not kept with it.
    const Result used = director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                                  QStringLiteral("--attempt"), QStringLiteral("1")});
    QCOMPARE(used.exitCode, 0);
    QCOMPARE(used.out, QStringLiteral("frame 2: GENERATED, attempt 1\n"));
    const QByteArray bytes = bytesOnDisk();
    const std::optional<DirectorSession> read = SessionCodec::decode(bytes).session;
    QVERIFY(read);
    QCOMPARE(SessionCodec::encode(*read), bytes); // reads back to the same bytes
    DirectorFrameState frame = read->frames.value(2);
    QCOMPARE(frame.imagePath, first);
    QCOMPARE(frame.status, FrameStatus::Generated);
    QCOMPARE(frame.auditReport, AuditReport());
    QCOMPARE(frame.attemptHistory.size(), 2);
    QCOMPARE(director({QStringLiteral("validate"), sessionPath()}).exitCode, 0);

    // A new process shows it: the frame's attempt, and that its newest is another one.
    QJsonObject root =
        statusJson(director({QStringLiteral("status"), runDir(), QStringLiteral("--json")}));
    QCOMPARE(root.value(u"imageAttempts").toObject().value(u"2").toObject(),
             QJsonObject({{QStringLiteral("attempt"), 1}, {QStringLiteral("newest"), 2}}));
    QCOMPARE(root.value(u"imageAttempts").toObject().value(u"3").toObject(),
             QJsonObject({{QStringLiteral("attempt"), 1}, {QStringLiteral("newest"), 1}}));
    QCOMPARE(root.value(u"counts").toObject().value(u"GENERATED").toInt(), 2);
    QCOMPARE(root.value(u"counts").toObject().value(u"AUDIT_FAIL").toInt(), 0);
    const Result text = director({QStringLiteral("status"), runDir()});
    QVERIFY2(
        text.out.contains(QLatin1String("Attempts: frame 2 shows attempt 1 (its newest is 2)\n")),
        qPrintable(text.out));

    // Back to attempt 2: the run's audit is about it and comes back with it.
    const Result back = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("2"), QStringLiteral("--attempt=2")});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(back.out, QStringLiteral("frame 2: AUDIT_FAIL, attempt 2\n"));
    frame = onDisk().frames.value(2);
    QCOMPARE(frame.imagePath, second);
    QCOMPARE(frame.status, FrameStatus::AuditFail);
    QCOMPARE(frame.auditReport.flags, QStringList{QStringLiteral("SF02_PALETTE_DRIFT")});
    root = statusJson(director({QStringLiteral("status"), runDir(), QStringLiteral("--json")}));
    QCOMPARE(root.value(u"imageAttempts").toObject().value(u"2").toObject(),
             QJsonObject({{QStringLiteral("attempt"), 2}, {QStringLiteral("newest"), 2}}));
    QVERIFY(director({QStringLiteral("status"), runDir()})
                .out.contains(
                    QLatin1String("Attempts: no frame shows an older attempt than its newest\n")));

    // The image it shows already: refused by the rules, nothing written.
    const QByteArray before = bytesOnDisk();
    const Result again = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("2"), QStringLiteral("--attempt=2")});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(QLatin1String("already")), qPrintable(again.err));
    QCOMPARE(bytesOnDisk(), before);
}

void TestCommandLine::anAttemptCombinesWithTheOtherOptionsAsOneChange()
{
    QVERIFY(writeSecondAttempt());
    // The attempt first (AUDIT_FAIL -> GENERATED), then the status (GENERATED -> APPROVED) and
    // the note: one change.
    const Result approved = director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                                      QStringLiteral("--status"), QStringLiteral("APPROVED"),
                                      QStringLiteral("--attempt"), QStringLiteral("1"),
                                      QStringLiteral("--note"), QStringLiteral("the first")});
    QCOMPARE(approved.exitCode, 0);
    QCOMPARE(approved.out, QStringLiteral("frame 2: APPROVED, attempt 1\n"));
    DirectorFrameState frame = onDisk().frames.value(2);
    QCOMPARE(frame.imagePath, QStringLiteral("candidates/frame_0002_attempt_01.png"));
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(frame.directorOverrides.notes, QStringLiteral("the first"));
    // One save: the backup is the session before it, frame 2 as the run had it.
    QFile backup(sessionPath() + QStringLiteral(".bak"));
    QVERIFY(backup.open(QIODevice::ReadOnly));
    const std::optional<DirectorSession> previous = SessionCodec::decode(backup.readAll()).session;
    QVERIFY(previous);
    QCOMPARE(previous->frames.value(2).status, FrameStatus::AuditFail);
    QCOMPARE(previous->frames.value(2).imagePath,
             QStringLiteral("candidates/frame_0002_attempt_02.png"));

    // An APPROVED frame takes no other image (APPROVED -> GENERATED is not a transition), even
    // with a status the new image could have: the whole change is refused.
    const QByteArray before = bytesOnDisk();
    const Result refused = director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                                     QStringLiteral("--attempt=2"), QStringLiteral("--status"),
                                     QStringLiteral("AUDIT_FAIL"), QStringLiteral("--note=x")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("APPROVED")), qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(bytesOnDisk(), before);

    // Rejected first, it can: attempt 2 brings its audit (AUDIT_FAIL), and a nudge after it.
    const Result rejected = director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                                      QStringLiteral("--status=AUDIT_FAIL")});
    QCOMPARE(rejected.exitCode, 0);
    const Result nudged = director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                                    QStringLiteral("--attempt=2"), QStringLiteral("--nudge=-1,0")});
    QCOMPARE(nudged.exitCode, 0);
    QCOMPARE(nudged.out, QStringLiteral("frame 2: AUDIT_FAIL, offset -1,0, attempt 2\n"));
    frame = onDisk().frames.value(2);
    QCOMPARE(frame.imagePath, QStringLiteral("candidates/frame_0002_attempt_02.png"));
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, -1.0);
}

void TestCommandLine::anAttemptTheFrameCannotUseIsRefused()
{
    QVERIFY(writeSecondAttempt());
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=made")})
                 .exitCode,
             0);
    const QByteArray before = bytesOnDisk();
    QVERIFY(!before.isEmpty());

    // A number the frame does not have: said, with the ones it has; nothing written.
    const Result unknown = director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                                     QStringLiteral("--attempt"), QStringLiteral("7"),
                                     QStringLiteral("--status=APPROVED")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.out.isEmpty());
    QCOMPARE(unknown.err, QStringLiteral("director: Frame 2 has no image of attempt 7: its "
                                         "attempts with an image are 1, 2.\n"));
    QCOMPARE(bytesOnDisk(), before);
    const Result none = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("4"), QStringLiteral("--attempt=1")});
    QCOMPARE(none.exitCode, 1);
    QCOMPARE(none.err, QStringLiteral("director: Frame 4 has no image of attempt 1: it has no "
                                      "attempt with an image.\n"));
    for (const QString &notANumber :
         {QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("x"), QString()}) {
        const Result bad = director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                                     QStringLiteral("--attempt=") + notANumber});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.err, QStringLiteral(
                              "director: \"%1\" is not an attempt number (1, 2, ...): --attempt\n")
                              .arg(notANumber));
    }
    QCOMPARE(bytesOnDisk(), before);

    // An attempt whose image is no longer readable: refused as the window refuses it.
    QVERIFY(
        RunFixture::writeFile(runDir() + QStringLiteral("/candidates/frame_0002_attempt_01.png"),
                              QByteArray("not an image")));
    const Result unreadable = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("2"), QStringLiteral("--attempt=1")});
    QCOMPARE(unreadable.exitCode, 1);
    QVERIFY2(unreadable.err.startsWith(
                 QLatin1String("director: Attempt 1 of frame 2 cannot be used: ")) &&
                 unreadable.err.contains(QLatin1String("not a readable image")),
             qPrintable(unreadable.err));
    QCOMPARE(onDisk().frames.value(2).imagePath,
             QStringLiteral("candidates/frame_0002_attempt_02.png"));
    QCOMPARE(onDisk().frames.value(2).status, FrameStatus::AuditFail);
}

void TestCommandLine::patchByTheBundledInpaintingProvider()
{
    // Both frames nudged: frame 2 shows the anchor's pixel (x + 2, y - 2) at (x, y).
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                       QStringLiteral("--nudge=1,-2")})
                 .exitCode,
             0);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--nudge=-1,0")})
                 .exitCode,
             0);
    const QString maskFile = m_dir->filePath(QStringLiteral("mask.png"));
    QVERIFY(inpaintMask().save(maskFile));
    // No --provider and no setting: the provider built next to director.
    const Result done = DirectorProcess::run(
        {QStringLiteral("patch"), runDir(), QStringLiteral("2"), QStringLiteral("--mask"), maskFile,
         QStringLiteral("--prompt"), QStringLiteral("fill from the anchor")},
        isolated());
    QVERIFY2(done.exitCode == 0, qPrintable(done.err));
    QVERIFY2(done.out.contains(QLatin1String("repainted")), qPrintable(done.out));

    const DirectorFrameState frame = onDisk().frames.value(2);
    QVERIFY(frame.directorOverrides.isPatched);
    QCOMPARE(frame.directorOverrides.patchHistory.size(), 1);
    const PatchHistoryEntry &patch = frame.directorOverrides.patchHistory.last();
    QCOMPARE(patch.prompt, QStringLiteral("fill from the anchor"));
    const QImage before = RunFixture::frameImage(2);
    const QImage expected = AnchorFillReference::fill(before, {1, -2}, RunFixture::frameImage(0),
                                                      {-1, 0}, inpaintMask());
    const QImage patched = QImage(runDir() + QLatin1Char('/') + patch.patchedPath)
                               .convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(patched, expected);
    QVERIFY(patched != before);
    // Frame 2 is opaque at (5, 4), the anchor transparent at (7, 2): the pixel is erased.
    QCOMPARE(qAlpha(before.pixel(5, 4)), 255);
    QCOMPARE(patched.pixel(5, 4), qRgba(0, 0, 0, 0));
    // The recorded mask: white exactly where a pixel changed (within the operator's mask).
    const QImage recorded = QImage(runDir() + QLatin1Char('/') + patch.maskPath);
    QCOMPARE(recorded.size(), before.size());
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x) {
            const bool changed = expected.pixel(x, y) != before.pixel(x, y);
            QCOMPARE(qGray(recorded.pixel(x, y)) >= 128, changed);
            QVERIFY(!changed || AnchorFillReference::masked(inpaintMask(), x, y));
        }
    QCOMPARE(director({QStringLiteral("validate"), sessionPath()}).exitCode, 0);
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("tmp"))).isEmpty());
}

void TestCommandLine::aFailingProviderRecordsNothing()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("2"),
                       QStringLiteral("--nudge=1,0")})
                 .exitCode,
             0);
    const QString maskFile = m_dir->filePath(QStringLiteral("mask.png"));
    QVERIFY(inpaintMask().save(maskFile));
    const QString script = m_dir->filePath(QStringLiteral("fail.py"));
    QVERIFY(RunFixture::writeFile(script, "import json, sys\n"
                                          "req = json.load(sys.stdin)\n"
                                          "open(req['output'], 'wb').write(b'half')\n"
                                          "print(json.dumps({'error': 'model exploded'}))\n"
                                          "sys.exit(2)\n"));
    const QByteArray session = bytesOnDisk();
    const QStringList patches = QDir(runDir() + QStringLiteral("/patches")).entryList(QDir::Files);
    const QStringList patch{QStringLiteral("patch"), runDir(), QStringLiteral("2"),
                            QStringLiteral("--mask"), maskFile};
    const Result failed =
        DirectorProcess::run(patch + QStringList{QStringLiteral("--provider"),
                                                 QStringLiteral("python3 \"%1\"").arg(script)},
                             isolated());
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(QLatin1String("model exploded")), qPrintable(failed.err));
    // A provider that hangs, stopped at --timeout.
    QVERIFY(RunFixture::writeFile(script, "import time\ntime.sleep(60)\n"));
    const Result hung =
        DirectorProcess::run(patch + QStringList{QStringLiteral("--provider"),
                                                 QStringLiteral("python3 \"%1\"").arg(script),
                                                 QStringLiteral("--timeout"), QStringLiteral("1")},
                             isolated());
    QCOMPARE(hung.exitCode, 1);
    QVERIFY2(hung.err.contains(QLatin1String("did not finish within 1 s")), qPrintable(hung.err));
    // A mask of another size; two ways at once.
    QVERIFY(inpaintMask().scaled(8, 8).save(maskFile));
    const Result wrongMask = DirectorProcess::run(patch, isolated());
    QCOMPARE(wrongMask.exitCode, 1);
    QVERIFY2(wrongMask.err.contains(QStringLiteral("the frame is 16×16")),
             qPrintable(wrongMask.err));
    QCOMPARE(director(patch + QStringList{QStringLiteral("--revert")}).exitCode, 1);

    QCOMPARE(bytesOnDisk(), session);
    QCOMPARE(QDir(runDir() + QStringLiteral("/patches")).entryList(QDir::Files), patches);
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("tmp"))).isEmpty());
}

QImage TestCommandLine::patchedOf(int frame)
{
    QImage image = RunFixture::frameImage(frame);
    image.setPixel(6, 5, qRgba(250, 10, 10, 255));
    image.setPixel(7, 6, (image.pixel(7, 6) & 0x00ffffffu) | 0x80000000u);
    image.setPixel(1, 0, qRgba(0, 0, 200, 255));
    return image;
}

QString TestCommandLine::writePatchFile(const QImage &image) const
{
    const QString path = m_dir->path() + QStringLiteral("/my patch.png");
    return image.save(path) ? path : QString();
}

void TestCommandLine::patchFromAFile()
{
    const QString file = writePatchFile(patchedOf(2));
    const Result made =
        director({QStringLiteral("patch"), runDir(), QStringLiteral("2"), QStringLiteral("--from"),
                  file, QStringLiteral("--prompt"), QStringLiteral("repaint the hand")});
    QCOMPARE(made.exitCode, 0);
    QVERIFY2(made.out.endsWith(
                 QLatin1String("frame 2: APPROVED, image patches/frame_0002_patch_01.png\n")),
             qPrintable(made.out));
    const QString patched = runDir() + QStringLiteral("/patches/frame_0002_patch_01.png");
    QCOMPARE(QImage(patched).convertToFormat(QImage::Format_ARGB32), patchedOf(2));
    QCOMPARE(QImage(runDir() + QStringLiteral("/patches/frame_0002_patch_01_mask.png"))
                 .convertToFormat(QImage::Format_Grayscale8),
             PatchFiles::mask(RunFixture::frameImage(2), patchedOf(2)));
    const DirectorFrameState frame = onDisk().frames.value(2);
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(frame.imagePath, QStringLiteral("patches/frame_0002_patch_01.png"));
    QVERIFY(frame.directorOverrides.isPatched);
    QCOMPARE(frame.directorOverrides.patchHistory.size(), 1);
    const PatchHistoryEntry &entry = frame.directorOverrides.patchHistory.first();
    QCOMPARE(entry.originalPath, QStringLiteral("candidates/frame_0002_attempt_01.png"));
    QCOMPARE(entry.maskPath, QStringLiteral("patches/frame_0002_patch_01_mask.png"));
    QCOMPARE(entry.prompt, QStringLiteral("repaint the hand"));
    QVERIFY(entry.timestamp.endsWith(QLatin1Char('Z')));
    const Result valid = director({QStringLiteral("validate"), sessionPath()});
    QCOMPARE(valid.exitCode, 0);

    // Reverted: the image the patch was made on; approved by the patch alone, it fails again.
    const Result reverted = director(
        {QStringLiteral("patch"), runDir(), QStringLiteral("2"), QStringLiteral("--revert")});
    QCOMPARE(reverted.exitCode, 0);
    QCOMPARE(reverted.out,
             QStringLiteral("frame 2: AUDIT_FAIL, image candidates/frame_0002_attempt_01.png\n"));
    const DirectorFrameState back = onDisk().frames.value(2);
    QCOMPARE(back.imagePath, QStringLiteral("candidates/frame_0002_attempt_01.png"));
    QVERIFY(!back.directorOverrides.isPatched);
    QCOMPARE(back.directorOverrides.patchHistory.size(), 1);
    QVERIFY(QFile::exists(patched));
    // Nothing more to revert.
    const QByteArray before = bytesOnDisk();
    const Result again = director(
        {QStringLiteral("patch"), runDir(), QStringLiteral("2"), QStringLiteral("--revert")});
    QCOMPARE(again.exitCode, 2);
    QCOMPARE(again.err, QStringLiteral("director: Frame 2 is not patched.\n"));
    QCOMPARE(bytesOnDisk(), before);
    QCOMPARE(director({QStringLiteral("validate"), sessionPath()}).exitCode, 0);
}

void TestCommandLine::aPatchOfTheWrongSizeIsRefused()
{
    QCOMPARE(director({QStringLiteral("status"), runDir()}).exitCode, 0);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=made")})
                 .exitCode,
             0);
    const QByteArray before = bytesOnDisk();
    const QString file = writePatchFile(patchedOf(2).copy(0, 0, 16, 17));
    const Result refused = director(
        {QStringLiteral("patch"), runDir(), QStringLiteral("2"), QStringLiteral("--from"), file});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("16×17")), qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(bytesOnDisk(), before);
    QVERIFY(!QFileInfo::exists(runDir() + QStringLiteral("/patches")));
    // Not a PNG at all.
    QVERIFY(RunFixture::writeFile(file, "text"));
    QCOMPARE(director({QStringLiteral("patch"), runDir(), QStringLiteral("2"),
                       QStringLiteral("--from"), file})
                 .exitCode,
             1);
    QCOMPARE(bytesOnDisk(), before);
    QVERIFY(!QFileInfo::exists(runDir() + QStringLiteral("/patches")));
}

void TestCommandLine::patchLegalizesThePalette_data()
{
    QTest::addColumn<bool>("snap");
    QTest::addColumn<int>("recoloured");
    QTest::addColumn<int>("snapped");
    QTest::newRow("--legalize") << false << 2 << 0;
    QTest::newRow("--legalize --alpha snap") << true << 2 << 2;
}

void TestCommandLine::patchLegalizesThePalette()
{
    QFETCH(bool, snap);
    QFETCH(int, recoloured);
    QFETCH(int, snapped);
    // Frame 2 is the anchor's pixels with two colours off its palette, an on-palette pixel of
    // partial alpha and a soft pixel (alpha below PaletteCheck::checkedAlpha) off it.
    const QImage anchor = RunFixture::frameImage(0);
    QImage frame = anchor;
    frame.setPixel(6, 5, qRgba(250, 10, 10, 255));
    frame.setPixel(7, 6, qRgba(41, 56, 48, 255));
    frame.setPixel(8, 8, (anchor.pixel(8, 8) & 0x00ffffffu) | 0xc8000000u);
    frame.setPixel(1, 0, qRgba(40, 40, 40, 60));
    QVERIFY(frame.save(runDir() + QStringLiteral("/candidates/frame_0002_attempt_01.png")));

    QStringList arguments{QStringLiteral("patch"), runDir(), QStringLiteral("2"),
                          QStringLiteral("--legalize")};
    if (snap)
        arguments << QStringLiteral("--alpha") << QStringLiteral("snap");
    const Result made = director(arguments);
    QCOMPARE(made.exitCode, 0);
    const QRegularExpression counts(
        QStringLiteral("^%1 pixel(s|\\(s\\)) recoloured, %2 alpha edge(s|\\(s\\)) snapped\n")
            .arg(recoloured)
            .arg(snapped));
    QVERIFY2(counts.match(made.out).hasMatch(), qPrintable(made.out));
    const DirectorFrameState state = onDisk().frames.value(2);
    QCOMPARE(state.imagePath, QStringLiteral("patches/frame_0002_patch_01.png"));
    QCOMPARE(state.directorOverrides.patchHistory.value(0).prompt,
             snap ? QStringLiteral("legalize palette, snap alpha")
                  : QStringLiteral("legalize palette"));
    const QImage legal =
        QImage(runDir() + u'/' + state.imagePath).convertToFormat(QImage::Format_ARGB32);

    // No checked pixel off the anchor's palette; every on-palette opaque pixel as it was.
    const PaletteCheck::Palette palette = PaletteCheck::fromAnchor(anchor);
    QVERIFY(PaletteCheck::check(legal, palette).pixels.isEmpty());
    for (int y = 0; y < frame.height(); ++y) {
        for (int x = 0; x < frame.width(); ++x) {
            const QRgb was = frame.pixel(x, y);
            if (qAlpha(was) == 255 && palette.contains(was | 0xff000000u))
                QCOMPARE(legal.pixel(x, y), was);
        }
    }
    QCOMPARE(qAlpha(legal.pixel(8, 8)), snap ? 255 : 0xc8);
    QCOMPARE(legal.pixel(1, 0), snap ? 0u : frame.pixel(1, 0));
    // Exactly PaletteLegalize's frame, and the mask exactly the pixels it changed.
    const PaletteLegalize::Alpha alpha =
        snap ? PaletteLegalize::Alpha::Snap : PaletteLegalize::Alpha::Keep;
    const ::Result<PaletteLegalize::Legalized> expected =
        PaletteLegalize::legalize(frame, palette, alpha);
    QVERIFY(expected);
    QCOMPARE(legal, expected->image);
    QCOMPARE(ImageDiff::count(legal, frame), qsizetype(recoloured + snapped));
    QCOMPARE(director({QStringLiteral("validate"), sessionPath()}).exitCode, 0);

    // Nothing left off the palette: refused, nothing written.
    const QByteArray before = bytesOnDisk();
    const Result again = director(arguments);
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.startsWith(QLatin1String("director: frame 2 has no pixel off the palette")),
             qPrintable(again.err));
    QCOMPARE(bytesOnDisk(), before);
    QCOMPARE(QDir(runDir() + QStringLiteral("/patches")).entryList(QDir::Files).size(), 2);
    const Result anchorFrame = director(
        {QStringLiteral("patch"), runDir(), QStringLiteral("0"), QStringLiteral("--legalize")});
    QCOMPARE(anchorFrame.exitCode, 2);
    QCOMPARE(anchorFrame.err, QStringLiteral("director: frame 0 has no pixel off the palette: "
                                             "nothing to legalize\n"));
}

void TestCommandLine::patchOptionsGoOneWay_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("error");
    const QString from = QStringLiteral("--from=x.png");
    const QString legalize = QStringLiteral("--legalize");
    const QString revert = QStringLiteral("--revert");
    const QString mask = QStringLiteral("--mask=m.png");
    const QString two = QStringLiteral("give only one of --from, --legalize, --mask and --revert");
    QTest::newRow("none") << QStringList()
                          << QStringLiteral("nothing to do: give --from FILE, --legalize, "
                                            "--mask MASK or --revert");
    QTest::newRow("from and revert") << QStringList{from, revert} << two;
    QTest::newRow("from and legalize") << QStringList{from, legalize} << two;
    QTest::newRow("legalize and revert") << QStringList{legalize, revert} << two;
    QTest::newRow("mask and legalize") << QStringList{mask, legalize} << two;
    QTest::newRow("provider without mask")
        << QStringList{from, QStringLiteral("--provider=p")}
        << QStringLiteral("--provider and --timeout go with --mask");
    QTest::newRow("alpha alone") << QStringList{QStringLiteral("--alpha=snap"), revert}
                                 << QStringLiteral("--alpha goes with --legalize");
    QTest::newRow("alpha with from") << QStringList{QStringLiteral("--alpha=keep"), from}
                                     << QStringLiteral("--alpha goes with --legalize");
    QTest::newRow("alpha neither keep nor snap")
        << QStringList{legalize, QStringLiteral("--alpha=round")}
        << QStringLiteral("--alpha is keep or snap, not \"round\"");
    QTest::newRow("prompt with legalize")
        << QStringList{legalize, QStringLiteral("--prompt=x")}
        << QStringLiteral("--prompt goes with a patch from a file or a provider (--from or "
                          "--mask)");
}

void TestCommandLine::patchOptionsGoOneWay()
{
    QFETCH(QStringList, options);
    QFETCH(QString, error);
    const Result wrong =
        director(QStringList{QStringLiteral("patch"), runDir(), QStringLiteral("2")} + options);
    QCOMPARE(wrong.exitCode, 1);
    QCOMPARE(wrong.err, QStringLiteral("director: %1\n").arg(error));
    QVERIFY(wrong.out.isEmpty());
    QVERIFY(!QFile::exists(sessionPath())); // not even opened
}

void TestCommandLine::patchWaitsForNoOtherDirector()
{
    QCOMPARE(director({QStringLiteral("status"), runDir()}).exitCode, 0);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=made")})
                 .exitCode,
             0);
    const QByteArray before = bytesOnDisk();
    const QString file = writePatchFile(patchedOf(2));
    SessionStore holder(runDir());
    QVERIFY(holder.lock());
    for (const QStringList &way :
         {QStringList{QStringLiteral("--from"), file}, QStringList{QStringLiteral("--legalize")},
          QStringList{QStringLiteral("--revert")}}) {
        const Result locked =
            director(QStringList{QStringLiteral("patch"), runDir(), QStringLiteral("2")} + way);
        QCOMPARE(locked.exitCode, 3);
        QVERIFY2(locked.err.contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(locked.err));
    }
    holder.unlock();
    QCOMPARE(bytesOnDisk(), before);
    QVERIFY(!QFileInfo::exists(runDir() + QStringLiteral("/patches")));
    QCOMPARE(director(QStringList{QStringLiteral("patch"), runDir(), QStringLiteral("2"),
                                  QStringLiteral("--from"), file})
                 .exitCode,
             0);
}

void TestCommandLine::listShowsEveryRunOfAFolder()
{
    const QString runs = m_dir->path() + QStringLiteral("/runs");
    QVERIFY(RunsFixture::writeRuns(runs));
    const auto files = [&runs] {
        QStringList all;
        QDirIterator it(runs, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            all.append(it.next() +
                       QString::number(it.fileInfo().lastModified().toMSecsSinceEpoch()));
        all.sort();
        return all;
    };
    const QStringList before = files();

    const Result json = director({QStringLiteral("list"), runs, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QVERIFY2(json.err.isEmpty(), qPrintable(json.err));
    const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 5);
    QMap<QString, QJsonObject> byRun;
    QString previous;
    for (const QJsonValue &value : array) {
        const QJsonObject run = value.toObject();
        byRun.insert(run.value(QStringLiteral("runId")).toString(), run);
        // Newest activity first; every time in UTC.
        const QString activity = run.value(QStringLiteral("lastActivity")).toString();
        QVERIFY2(activity.endsWith(u'Z'), qPrintable(activity));
        QVERIFY(previous.isEmpty() || activity <= previous);
        previous = activity;
    }
    QCOMPARE(byRun.value(QStringLiteral("run_fresh")).value(QStringLiteral("sessionStatus")),
             QStringLiteral("none"));
    QCOMPARE(byRun.value(QStringLiteral("run_fresh")).value(QStringLiteral("frames")), 5);
    QCOMPARE(byRun.value(QStringLiteral("run_fresh")).value(QStringLiteral("moveId")),
             QStringLiteral("idle_standard"));
    QCOMPARE(byRun.value(QStringLiteral("run_active"))
                 .value(QStringLiteral("counts"))
                 .toObject()
                 .value(QStringLiteral("APPROVED")),
             2);
    QCOMPARE(byRun.value(QStringLiteral("run_approved")).value(QStringLiteral("sessionStatus")),
             QStringLiteral("committed"));
    const QJsonObject corrupt = byRun.value(QStringLiteral("run_corrupt"));
    QCOMPARE(corrupt.value(QStringLiteral("sessionStatus")), QStringLiteral("unreadable"));
    QVERIFY(!corrupt.value(QStringLiteral("problem")).toString().isEmpty());
    const QJsonObject holder =
        byRun.value(QStringLiteral("run_held")).value(QStringLiteral("holder")).toObject();
    QCOMPARE(holder.value(QStringLiteral("host")), QStringLiteral("render-07"));
    QCOMPARE(holder.value(QStringLiteral("pid")), 4242);
    QCOMPARE(byRun.value(QStringLiteral("run_held")).value(QStringLiteral("path")),
             runs + QStringLiteral("/held"));

    // The table: a line a run under a header, and why the corrupt one cannot be read.
    const Result text = director({QStringLiteral("list"), runs, QStringLiteral("--lang=en")});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.out.split(u'\n');
    QVERIFY2(lines.first().startsWith(QLatin1String("RUN ")) &&
                 lines.first().contains(QLatin1String("LAST ACTIVITY (UTC)")),
             qPrintable(text.out));
    const QString heldLine = lines.filter(QStringLiteral("run_held")).value(0);
    QVERIFY2(heldLine.contains(QLatin1String("render-07 (process 4242)")) &&
                 heldLine.contains(QLatin1String("active")),
             qPrintable(text.out));
    QVERIFY(lines.filter(QStringLiteral("run_fresh")).value(0).contains(QLatin1String("none yet")));
    QVERIFY2(text.out.contains(QLatin1String("run_corrupt: ")) &&
                 text.out.contains(QLatin1String("not a readable session file")),
             qPrintable(text.out));

    // Listing writes nothing and takes no lock.
    QCOMPARE(files(), before);

    // Exit codes as the other commands': a folder that is not there, arguments missing.
    QCOMPARE(
        director({QStringLiteral("list"), m_dir->path() + QStringLiteral("/nowhere")}).exitCode, 1);
    QCOMPARE(director({QStringLiteral("list")}).exitCode, 1);
    const QString empty = m_dir->path() + QStringLiteral("/empty");
    QVERIFY(QDir().mkpath(empty));
    const Result none = director({QStringLiteral("list"), empty, QStringLiteral("--lang=en")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.out, QStringLiteral("No runs in this folder.\n"));
    QCOMPARE(director({QStringLiteral("list"), empty, QStringLiteral("--json")}).out,
             QStringLiteral("[]\n"));
}

void TestCommandLine::aLockOfAnotherHostIsTakenOverOnlyByName()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--note"), QStringLiteral("first")})
                 .exitCode,
             0);
    QVERIFY(RunsFixture::writeForeignLock(runDir(), QStringLiteral("render-07"), 4242));

    // Never taken over by itself: exit 3, naming the workstation and what to do.
    const Result refused = director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                                     QStringLiteral("--note"), QStringLiteral("second")});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains(QLatin1String("process 4242 on render-07")) &&
                 refused.err.contains(QLatin1String("director unlock")) &&
                 refused.err.contains(QLatin1String("--holder 4242@render-07")),
             qPrintable(refused.err));

    // unlock wants the holder named, and the one the lock names.
    const Result unnamed = director({QStringLiteral("unlock"), runDir()});
    QCOMPARE(unnamed.exitCode, 1);
    QVERIFY2(unnamed.err.contains(QLatin1String("--holder 4242@render-07")),
             qPrintable(unnamed.err));
    QCOMPARE(director({QStringLiteral("unlock"), runDir(), QStringLiteral("--holder"),
                       QStringLiteral("4242")})
                 .exitCode,
             1);
    const Result wrong = director({QStringLiteral("unlock"), runDir(), QStringLiteral("--holder"),
                                   QStringLiteral("4242@render-08")});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(QFile::exists(runDir() + QStringLiteral("/director_session.json.lock")));

    const Result unlocked =
        director({QStringLiteral("unlock"), runDir(), QStringLiteral("--holder=4242@render-07")});
    QCOMPARE(unlocked.exitCode, 0);
    QVERIFY(!QFile::exists(runDir() + QStringLiteral("/director_session.json.lock")));
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--note"), QStringLiteral("second")})
                 .exitCode,
             0);
    QCOMPARE(onDisk().frames.value(1).directorOverrides.notes, QStringLiteral("second"));
    // Nothing left to take over.
    QCOMPARE(
        director({QStringLiteral("unlock"), runDir(), QStringLiteral("--holder=4242@render-07")})
            .exitCode,
        2);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_cli.moc"

void TestCommandLine::aRejectionsReasonIsListedByStatus()
{
    QProcessEnvironment environment = isolated();
    environment.insert(QStringLiteral("USER"), QStringLiteral("bob"));
    const auto run = [&](const QStringList &arguments) {
        return DirectorProcess::run(arguments, environment);
    };
    const Result rejected =
        run({QStringLiteral("frame"), runDir(), QStringLiteral("1"), QStringLiteral("--status"),
             QStringLiteral("AUDIT_FAIL"), QStringLiteral("--reason"),
             QStringLiteral("SF01_IDENTITY_DRIFT"), QStringLiteral("--note"),
             QStringLiteral("hand drifts"), QStringLiteral("--reviewer"), QStringLiteral("alice")});
    QCOMPARE(rejected.exitCode, 0);
    QCOMPARE(rejected.out, QStringLiteral("frame 1: AUDIT_FAIL, reason SF01_IDENTITY_DRIFT\n"));
    const DirectorFrameState frame = onDisk().frames.value(1);
    QCOMPARE(frame.directorOverrides.notes, QStringLiteral("hand drifts"));
    QVERIFY(frame.directorOverrides.verdict.has_value());
    QCOMPARE(frame.directorOverrides.verdict->reviewer, QStringLiteral("alice"));
    // Frame 2, failed by the audit, rejected by the operator in words; by the user logged in.
    const Result confirmed =
        run({QStringLiteral("frame"), runDir(), QStringLiteral("2"), QStringLiteral("--status"),
             QStringLiteral("AUDIT_FAIL"), QStringLiteral("--reason-text"),
             QStringLiteral("belt off palette")});
    QCOMPARE(confirmed.exitCode, 0);
    QCOMPARE(confirmed.out, QStringLiteral("frame 2: AUDIT_FAIL, reason \"belt off palette\"\n"));
    // The name set in Preferences wins over the login name.
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("config/Director"))));
    QFile settings(m_dir->filePath(QStringLiteral("config/Director/director.conf")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[review]\nreviewer=carol\n");
    settings.close();
    QCOMPARE(run({QStringLiteral("frame"), runDir(), QStringLiteral("3"),
                  QStringLiteral("--status"), QStringLiteral("AUDIT_FAIL")})
                 .exitCode,
             0);

    const Result json = run({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray list = statusJson(json).value(u"rejected").toArray();
    QCOMPARE(list.size(), 3);
    const QJsonObject first = list.at(0).toObject();
    QCOMPARE(first.value(u"frameIndex").toInt(), 1);
    QCOMPARE(first.value(u"reasonCode").toString(), QStringLiteral("SF01_IDENTITY_DRIFT"));
    QVERIFY(!first.contains(u"reason"));
    QCOMPARE(first.value(u"reviewer").toString(), QStringLiteral("alice"));
    QCOMPARE(first.value(u"timestamp").toString(), frame.directorOverrides.verdict->timestamp);
    const QJsonObject second = list.at(1).toObject();
    QCOMPARE(second.value(u"frameIndex").toInt(), 2);
    QVERIFY(!second.contains(u"reasonCode"));
    QCOMPARE(second.value(u"reason").toString(), QStringLiteral("belt off palette"));
    QCOMPARE(second.value(u"reviewer").toString(), QStringLiteral("bob"));
    QCOMPARE(list.at(2).toObject().value(u"reviewer").toString(), QStringLiteral("carol"));

    const Result text = run({QStringLiteral("status"), runDir()});
    QVERIFY2(text.out.contains(QStringLiteral("Rejected: frame 1 by alice at %1: "
                                              "SF01_IDENTITY_DRIFT (Identity drift)\n")
                                   .arg(frame.directorOverrides.verdict->timestamp)),
             qPrintable(text.out));
    QVERIFY2(text.out.contains(QLatin1String(": \"belt off palette\"\n")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QLatin1String("Rejected: frame 3 by carol at ")),
             qPrintable(text.out));

    // A retry of frame 1 (a new attempt) takes its verdict away: it is no longer listed.
    QVERIFY(RunFixture::writeCandidate(runDir(), 1, 2));
    const QJsonArray after =
        statusJson(run({QStringLiteral("status"), runDir(), QStringLiteral("--json")}))
            .value(u"rejected")
            .toArray();
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.at(0).toObject().value(u"frameIndex").toInt(), 2);
}

// A reason code in neither the catalogue nor the run's audits (most likely mistyped) is kept as
// given, and a warning on stderr says so; a known code is not.
void TestCommandLine::aCodeNobodyKnowsIsRecordedAndSaid()
{
    const auto reject = [this](const char *frame, const char *code) {
        return DirectorProcess::run({QStringLiteral("frame"), runDir(), QString::fromLatin1(frame),
                                     QStringLiteral("--status"), QStringLiteral("AUDIT_FAIL"),
                                     QStringLiteral("--reason"), QString::fromLatin1(code)});
    };
    const Result typo = reject("1", "SF01_IDENTTY_DRIFT");
    QCOMPARE(typo.exitCode, 0);
    QVERIFY2(typo.err.contains(QLatin1String("warning: SF01_IDENTTY_DRIFT is a code of neither")),
             qPrintable(typo.err));
    QCOMPARE(onDisk().frames.value(1).directorOverrides.verdict->reasonCode,
             QStringLiteral("SF01_IDENTTY_DRIFT"));
    const Result known = reject("0", "SF02_PALETTE_DRIFT");
    QCOMPARE(known.exitCode, 0);
    QVERIFY2(known.err.isEmpty(), qPrintable(known.err));
}

// "-1" as a frame index is refused as what it is, not as an unknown option "1".
void TestCommandLine::aNegativeFrameIndexIsNamed()
{
    const Result refused =
        DirectorProcess::run({QStringLiteral("frame"), runDir(), QStringLiteral("-1"),
                              QStringLiteral("--status"), QStringLiteral("APPROVED")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("-1: a negative number is no frame index")),
             qPrintable(refused.err));
    QVERIFY(!QFile::exists(runDir() + QStringLiteral("/director_session.json")) ||
            onDisk().frames.value(1).status != FrameStatus::Approved);
    // An unknown option is still named as one.
    const Result unknown =
        DirectorProcess::run({QStringLiteral("status"), runDir(), QStringLiteral("--bogus")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QLatin1String("bogus")), qPrintable(unknown.err));
    // A negative number given as an option's value is that option's: not blamed.
    const Result note = DirectorProcess::run({QStringLiteral("frame"), runDir(),
                                              QStringLiteral("1"), QStringLiteral("--note"),
                                              QStringLiteral("-5"), QStringLiteral("--bogus")});
    QCOMPARE(note.exitCode, 1);
    QVERIFY2(note.err.contains(QLatin1String("bogus")), qPrintable(note.err));
}

void TestCommandLine::aReasonGoesWithARejectionOnly_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("with an approval")
        << QStringList{QStringLiteral("--status=APPROVED"), QStringLiteral("--reason=SF01_X")}
        << QStringLiteral("only a rejection");
    QTest::newRow("without a status")
        << QStringList{QStringLiteral("--reason-text=why"), QStringLiteral("--note=x")}
        << QStringLiteral("only a rejection");
    QTest::newRow("not a code") << QStringList{QStringLiteral("--status=AUDIT_FAIL"),
                                               QStringLiteral("--reason=drift")}
                                << QStringLiteral("is not a reason code");
    QTest::newRow("empty reviewer")
        << QStringList{QStringLiteral("--status=AUDIT_FAIL"), QStringLiteral("--reviewer= ")}
        << QStringLiteral("--reviewer needs a name");
}

void TestCommandLine::aReasonGoesWithARejectionOnly()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QCOMPARE(director({QStringLiteral("status"), runDir()}).exitCode, 0);
    const Result refused =
        director(QStringList{QStringLiteral("frame"), runDir(), QStringLiteral("1")} + options);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
    QVERIFY(!QFile::exists(sessionPath())); // nothing was opened, let alone written
}
