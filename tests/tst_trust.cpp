// What Director writes, Director reads back, whatever the run folder, the
// session file, the command line or the clock hold; and no pixel reaches
// approved/ that nobody (person or audit) saw. Each case is a run folder as
// a pipeline in the wild may write it, driven through the real commands
// (the director executable) or the model.
#include "commit/commitexporter.h"
#include "directorprocess.h"
#include "review/sessionmanager.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "run/runpaths.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"
#include "storage/sessionstore.h"

#include <QDateTime>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

class TestTrust : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void attemptNumbersASessionCannotHoldAreLeftOut_data();
    void attemptNumbersASessionCannotHoldAreLeftOut();
    void farFutureLastModifiedIsNotCarriedForward();
    void aTimeAlittleAheadStillMovesForward();
    void timestampsThatCannotBeWrittenBackAreRefused_data();
    void timestampsThatCannotBeWrittenBackAreRefused();
    void deepAuditDetailsAreCut_data();
    void deepAuditDetailsAreCut();
    void largeAuditsStayWithinTheSessionBounds();
    void largeStateFileMakesASmallSession();
    void newerAttemptWithoutItsAuditIsNotApproved_data();
    void newerAttemptWithoutItsAuditIsNotApproved();
    void offsetsThatLeaveNothingVisibleAreRefused();
    void fractionalOffsetsFromThePipelineAreRoundedAtCommit();
    void sixteenBitFramesAreCommittedPixelExact();
    void filesThatAreNotImagesAreNotFrames_data();
    void filesThatAreNotImagesAreNotFrames();
    void invalidFrameCountIsNamed_data();
    void invalidFrameCountIsNamed();
    void stateFileThatIsAFifoIsNamed();
    void lockPathThatIsNotALockFile_data();
    void lockPathThatIsNotALockFile();
    void folderNameThatIsNotUtf8IsSaidToBeOne();
    void optionGivenTwiceIsAnError_data();
    void optionGivenTwiceIsAnError();
    void blockedCommitNamesTheFirstTwentyFrames();
    void saveTheReaderWouldRefuseIsNotWritten();
    void headlessCommandsTakeInThePipelinesNews();
    void anAuditIsNotPinnedOnAnOlderImage_data();
    void anAuditIsNotPinnedOnAnOlderImage();
    void oddAuditsAndFilesReadBack_data();
    void oddAuditsAndFilesReadBack();
    void aPatchAndAnOffsetInOneEditAreCheckedTogether();

private:
    using Result = DirectorProcess::Result;
    static Result director(const QStringList &arguments) { return DirectorProcess::run(arguments); }
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }
    static QByteArray bytesOf(const QString &path);
    // The session file read back with the run's paths: must be valid.
    DirectorSession readBack() const;
    // The file Director wrote, read and written again: the same bytes.
    void checkRoundTrip() const;
    static bool setModified(const QString &path, qint64 secondsAgo);

    std::unique_ptr<QTemporaryDir> m_dir;
};

QByteArray TestTrust::bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

DirectorSession TestTrust::readBack() const
{
    const RunPaths paths(runDir());
    const SessionDecodeResult decoded = SessionCodec::decode(bytesOf(sessionPath()), &paths);
    if (!decoded.isOk())
        qWarning("not read back: %s", qPrintable(decoded.errorText()));
    return decoded.session.value_or(DirectorSession());
}

void TestTrust::checkRoundTrip() const
{
    const QByteArray written = bytesOf(sessionPath());
    const RunPaths paths(runDir());
    const SessionDecodeResult decoded = SessionCodec::decode(written, &paths);
    QVERIFY2(decoded.isOk(), qPrintable(decoded.errorText()));
    QCOMPARE(SessionCodec::encode(*decoded.session), written);
    const Result valid = director({QStringLiteral("validate"), sessionPath()});
    QVERIFY2(valid.exitCode == 0, qPrintable(valid.err));
}

bool TestTrust::setModified(const QString &path, qint64 secondsAgo)
{
    const qint64 when = QDateTime::currentSecsSinceEpoch() - secondsAgo;
    struct timeval times[2] = {{time_t(when), 0}, {time_t(when), 0}};
    return ::utimes(QFile::encodeName(path).constData(), times) == 0;
}

void TestTrust::init()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("DIRECTOR_EXECUTABLE")),
             "DIRECTOR_EXECUTABLE must name the director executable");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(runDir()));
}

void TestTrust::attemptNumbersASessionCannotHoldAreLeftOut_data()
{
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("sessionFirst"); // the session exists before the file appears
    for (const char *attempt : {"0", "00", "1000001", "99999999"}) {
        QTest::addRow("attempt_%s, new session", attempt) << QString::fromLatin1(attempt) << false;
        QTest::addRow("attempt_%s, resumed", attempt) << QString::fromLatin1(attempt) << true;
    }
}

void TestTrust::attemptNumbersASessionCannotHoldAreLeftOut()
{
    QFETCH(QString, attempt);
    QFETCH(bool, sessionFirst);
    if (sessionFirst)
        QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                           QStringLiteral("--note=first")})
                     .exitCode,
                 0);
    const QString name = QStringLiteral("frame_0003_attempt_%1.png").arg(attempt);
    QVERIFY(QFile::copy(runDir() + QStringLiteral("/candidates/frame_0003_attempt_01.png"),
                        runDir() + QStringLiteral("/candidates/") + name));
    // Every later command works: the file is left out, and named.
    for (const QString &note : {QStringLiteral("a"), QStringLiteral("b")}) {
        const Result changed = director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                                         QStringLiteral("--note"), note});
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
    }
    checkRoundTrip();
    const DirectorFrameState frame = readBack().frames.value(3);
    QCOMPARE(frame.imagePath, QStringLiteral("candidates/frame_0003_attempt_01.png"));
    for (const AttemptInfo &a : frame.attemptHistory)
        QVERIFY(a.attemptIndex >= 1 && a.attemptIndex <= RunFolder::maxAttempt);
    const Result status = director({QStringLiteral("status"), runDir()});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("Left out: candidates/") + name),
             qPrintable(status.out));
    const Result json = director({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    const QJsonArray leftOut =
        QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"leftOut").toArray();
    QVERIFY2(!leftOut.isEmpty() && leftOut.first().toString().contains(name), qPrintable(json.out));
    // A new review from the run folder can be read back too.
    QFile::remove(sessionPath() + QStringLiteral(".bak"));
    QVERIFY(QFile::remove(sessionPath()));
    const Result fresh = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("1"), QStringLiteral("--note=c")});
    QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.err));
    checkRoundTrip();
}

void TestTrust::farFutureLastModifiedIsNotCarriedForward()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=x")})
                 .exitCode,
             0);
    QByteArray text = bytesOf(sessionPath());
    const QString stored = readBack().lastModified;
    text.replace(stored.toUtf8(), "9999-12-31T23:59:59.999Z");
    QVERIFY(RunFixture::writeFile(sessionPath(), text));
    QCOMPARE(director({QStringLiteral("validate"), sessionPath()}).exitCode, 0);
    // status names it, and writes nothing.
    const Result status = director({QStringLiteral("status"), runDir()});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("ahead of this computer's clock")),
             qPrintable(status.out));
    const Result json = director({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    QVERIFY(QJsonDocument::fromJson(json.out.toUtf8())
                .object()
                .value(u"session")
                .toObject()
                .value(u"lastModifiedAhead")
                .toBool());
    QCOMPARE(bytesOf(sessionPath()), text);

    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    for (const char *note : {"y", "z"}) {
        const Result changed = director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                                         QStringLiteral("--note=") + QLatin1String(note)});
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        checkRoundTrip();
        const std::optional<QDateTime> written = Timestamps::parse(readBack().lastModified);
        QVERIFY2(written && *written >= before &&
                     *written <= QDateTime::currentDateTimeUtc().addSecs(1),
                 qPrintable(readBack().lastModified));
    }
    QVERIFY(!director({QStringLiteral("status"), runDir()})
                 .out.contains(QLatin1String("ahead of this computer's clock")));
}

void TestTrust::aTimeAlittleAheadStillMovesForward()
{
    // Another machine's clock a few minutes fast: lastModified never goes back.
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("x"))));
    const QString ahead = Timestamps::format(QDateTime::currentDateTimeUtc().addSecs(600));
    QByteArray text = bytesOf(sessionPath());
    text.replace(manager.session().lastModified.toUtf8(), ahead.toUtf8());
    manager.close();
    QVERIFY(RunFixture::writeFile(sessionPath(), text));
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("y"))));
    QVERIFY2(*Timestamps::parse(manager.session().lastModified) > *Timestamps::parse(ahead),
             qPrintable(manager.session().lastModified));
}

void TestTrust::timestampsThatCannotBeWrittenBackAreRefused_data()
{
    QTest::addColumn<QString>("time");
    // In UTC these are in year 0 and year 10000: no ISO 8601 time Director can write.
    QTest::newRow("year 1 with a positive offset") << QStringLiteral("0001-01-01T00:30:00+01:00");
    QTest::newRow("year 9999 with a negative offset")
        << QStringLiteral("9999-12-31T23:30:00-01:00");
}

void TestTrust::timestampsThatCannotBeWrittenBackAreRefused()
{
    QFETCH(QString, time);
    QVERIFY(!Timestamps::parse(time));
    // In a session file: refused by validate, with the path.
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=x")})
                 .exitCode,
             0);
    QByteArray text = bytesOf(sessionPath());
    text.replace(readBack().createdAt.toUtf8(), time.toUtf8());
    QVERIFY(RunFixture::writeFile(sessionPath(), text));
    const Result valid = director({QStringLiteral("validate"), sessionPath()});
    QCOMPARE(valid.exitCode, 1);
    QVERIFY2(valid.err.contains(QLatin1String("createdAt")), qPrintable(valid.err));
    // In the run folder (an attempt's time): stands in as the file's time.
    QJsonObject state{
        {QStringLiteral("frameAttempts"),
         QJsonObject{
             {QStringLiteral("1"),
              QJsonObject{{QStringLiteral("attempts"),
                           QJsonArray{QJsonObject{{QStringLiteral("attemptIndex"), 1},
                                                  {QStringLiteral("timestamp"), time}}}}}}}}};
    QVERIFY(RunFixture::writeJson(runDir() + QStringLiteral("/state.json"), state));
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(runDir(), &contents));
    QVERIFY(Timestamps::isCanonical(contents.frames.at(1).attemptHistory.first().timestamp));
}

void TestTrust::deepAuditDetailsAreCut_data()
{
    QTest::addColumn<QString>("where"); // which of the run's JSON holds the deep value
    QTest::addColumn<int>("depth");
    for (int depth : {40, 1022}) {
        QTest::addRow("audit details, %d levels", depth) << QStringLiteral("audit") << depth;
        QTest::addRow("audit attempt, %d levels", depth) << QStringLiteral("auditAttempt") << depth;
        QTest::addRow("state attempt, %d levels", depth) << QStringLiteral("stateAttempt") << depth;
    }
}

void TestTrust::deepAuditDetailsAreCut()
{
    QFETCH(QString, where);
    QFETCH(int, depth);
    // A value nested `depth` levels deep, written as text (QJsonDocument
    // could not write it), inside a file that is itself valid JSON.
    const QByteArray deep = QByteArray(depth - 3, '[') + "1" + QByteArray(depth - 3, ']');
    const QString audit = runDir() + QStringLiteral("/audit/frame_0001_metrics.json");
    if (where == QLatin1String("stateAttempt")) {
        QVERIFY(RunFixture::writeFile(
            runDir() + QStringLiteral("/state.json"),
            "{\"frameAttempts\": {\"1\": {\"attempts\": [{\"attemptIndex\": 1, \"deep\": " + deep +
                "}]}}}"));
    } else {
        QByteArray text = bytesOf(audit);
        QVERIFY(text.trimmed().endsWith('}'));
        text.truncate(text.lastIndexOf('}'));
        text += where == QLatin1String("audit")
                    ? ", \"deep\": " + deep + "}"
                    : ", \"attempts\": [{\"attempt_index\": 1, \"deep\": " + deep + "}]}";
        QVERIFY(RunFixture::writeFile(audit, text));
    }
    const Result changed = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("0"), QStringLiteral("--note=x")});
    QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
    checkRoundTrip();
    const Result again = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("0"), QStringLiteral("--note=y")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    // What was kept is at most maxCopiedDepth deep; what was cut is named.
    const Result status = director({QStringLiteral("status"), runDir()});
    QVERIFY2(status.out.contains(QLatin1String("levels deep")), qPrintable(status.out));
    // The frame is still as the audit says.
    QCOMPARE(readBack().frames.value(1).status, FrameStatus::AuditWarn);
}

void TestTrust::largeAuditsStayWithinTheSessionBounds()
{
    // Five audit files of 15 MB, each under the run folder's 16 MB limit.
    for (int index = 0; index < 5; ++index) {
        QVERIFY(RunFixture::writeAudit(runDir(), index, true, {}, 0.9));
        const QString path =
            runDir() + QStringLiteral("/audit/%1_metrics.json").arg(RunFixture::frameName(index));
        QByteArray text = bytesOf(path);
        text.truncate(text.lastIndexOf('}'));
        text += ", \"log\": \"" + QByteArray(15 * 1024 * 1024, 'x') + "\"}";
        QVERIFY(RunFixture::writeFile(path, text));
    }
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("x"))));
    QVERIFY2(QFileInfo(sessionPath()).size() < 1024 * 1024,
             qPrintable(QString::number(QFileInfo(sessionPath()).size())));
    QVERIFY(manager.run().leftOut.join(u'\n').contains(QLatin1String("KiB")));
    manager.close();
    checkRoundTrip();
    // The audits themselves were read: their verdicts are there.
    QCOMPARE(readBack().frames.value(3).status, FrameStatus::Approved);
}

void TestTrust::largeStateFileMakesASmallSession()
{
    // A state.json of some 10 MB (under the 16 MB a run's file may be):
    // 50,000 attempts of one frame.
    QJsonArray attempts;
    for (int n = 1; n <= 50000; ++n)
        attempts.append(QJsonObject{
            {QStringLiteral("attemptIndex"), n},
            {QStringLiteral("strategy"), QStringLiteral("retry")},
            {QStringLiteral("reasonCodes"), QJsonArray{QStringLiteral("SF01_IDENTITY_DRIFT")}}});
    QVERIFY(RunFixture::writeJson(
        runDir() + QStringLiteral("/state.json"),
        {{QStringLiteral("frameAttempts"),
          QJsonObject{
              {QStringLiteral("2"), QJsonObject{{QStringLiteral("attempts"), attempts}}}}}}));
    const qint64 stateSize = QFileInfo(runDir() + QStringLiteral("/state.json")).size();
    QVERIFY2(stateSize > 4 * 1024 * 1024 && stateSize < RunFolder::maxJsonSize,
             qPrintable(QString::number(stateSize)));
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const DirectorFrameState frame = *manager.getFrameState(2);
    QVERIFY(frame.attemptHistory.size() <= RunFolder::maxAttempts);
    QCOMPARE(frame.attemptHistory.last().attemptIndex, 50000); // the newest are kept
    // ... and the attempt whose image the frame shows.
    QCOMPARE(frame.attemptHistory.first().attemptIndex, 1);
    QCOMPARE(frame.attemptHistory.first().candidatePath, frame.imagePath);
    QVERIFY(QFileInfo(sessionPath()).size() < 1024 * 1024);
    QVERIFY(manager.run().leftOut.join(u'\n').contains(QLatin1String("older attempt")));
    manager.close();
    checkRoundTrip();
}

void TestTrust::newerAttemptWithoutItsAuditIsNotApproved_data()
{
    QTest::addColumn<QString>("audit"); // what the audit says about attempts
    QTest::addColumn<bool>("covers");
    QTest::newRow("the audit names attempt 1 only") << QStringLiteral("names 1") << false;
    QTest::newRow("the audit names no attempt and is older") << QStringLiteral("older") << false;
    QTest::newRow("the audit names attempt 2") << QStringLiteral("names 2") << true;
    QTest::newRow("the audit names no attempt and is newer") << QStringLiteral("newer") << true;
}

void TestTrust::newerAttemptWithoutItsAuditIsNotApproved()
{
    QFETCH(QString, audit);
    QFETCH(bool, covers);
    const QString run = m_dir->path() + QStringLiteral("/approved-run");
    QVERIFY(RunFixture::writeApprovedRun(run, 3));
    const QString auditPath = run + QStringLiteral("/audit/frame_0002_metrics.json");
    if (audit.startsWith(QLatin1String("names"))) {
        QJsonObject object = QJsonDocument::fromJson(bytesOf(auditPath)).object();
        object.insert(
            QStringLiteral("attempts"),
            QJsonArray{QJsonObject{{QStringLiteral("attempt_index"), audit.endsWith(u'1') ? 1 : 2},
                                   {QStringLiteral("result"), QStringLiteral("passed")}}});
        QVERIFY(RunFixture::writeJson(auditPath, object));
    }
    // The pipeline's attempt 2, any image: no one has seen it.
    const QString second = run + QStringLiteral("/candidates/frame_0002_attempt_02.png");
    QVERIFY(RunFixture::frameImage(7).save(second));
    if (audit == QLatin1String("older")) {
        QVERIFY(setModified(auditPath, 120));
        QVERIFY(setModified(second, 60));
    } else {
        QVERIFY(setModified(second, 120));
        QVERIFY(setModified(auditPath, 60));
    }
    const Result status = director({QStringLiteral("status"), run, QStringLiteral("--json")});
    const QJsonObject counts =
        QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"counts").toObject();
    QCOMPARE(counts.value(u"APPROVED").toInt(), covers ? 3 : 2);
    QCOMPARE(counts.value(u"GENERATED").toInt(), covers ? 0 : 1);

    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run));
    const DirectorFrameState frame = *manager.getFrameState(2);
    QCOMPARE(frame.imagePath, QStringLiteral("candidates/frame_0002_attempt_02.png"));
    QCOMPARE(frame.attemptHistory.last().attemptIndex, 2);
    QCOMPARE(frame.status, covers ? FrameStatus::Approved : FrameStatus::Generated);
    manager.close();
    const Result commit = director({QStringLiteral("commit"), run});
    if (covers) {
        QCOMPARE(commit.exitCode, 0);
        return;
    }
    // Commit is blocked until someone decides; nothing reached approved/.
    QCOMPARE(commit.exitCode, 2);
    QVERIFY2(commit.err.contains(QLatin1String("2 (GENERATED)")), qPrintable(commit.err));
    QVERIFY(!QFile::exists(run + QStringLiteral("/approved/frame_0002.png")));
}

void TestTrust::offsetsThatLeaveNothingVisibleAreRefused()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=x")})
                 .exitCode,
             0);
    // RunFixture's frames: 16×16, opaque at x 5..10, y 4..13.
    for (const QString &nudge : {QStringLiteral("100000,0"), QStringLiteral("11,0"),
                                 QStringLiteral("0,-14"), QStringLiteral("-11,3")}) {
        const QByteArray before = bytesOf(sessionPath());
        const Result refused = director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                                         QStringLiteral("--nudge=") + nudge});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("Frame 1")) &&
                     refused.err.contains(QLatin1String("from -10 to 10 across")),
                 qPrintable(refused.err));
        QCOMPARE(bytesOf(sessionPath()), before);
    }
    // At the edge one column stays: allowed, and step by step it adds up.
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--nudge=10,0")})
                 .exitCode,
             0);
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--nudge=1,0")})
                 .exitCode,
             1);
    QCOMPARE(readBack().frames.value(1).directorOverrides.alignment->userOverrideX, 10.0);
    // The same through the model (the window's path).
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QCOMPARE(manager.applyFrameEdit(2, FrameEdit::offsetTo(0, 14)).kind(), Outcome::Kind::Invalid);
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::offsetTo(0, 2)));
    DirectorOverrides overrides = manager.getFrameState(2)->directorOverrides;
    overrides.alignment->userOverrideX = -10.6; // rounds to -11: nothing left
    QCOMPARE(manager.updateFrameOverrides(2, overrides).kind(), Outcome::Kind::Invalid);
    overrides.alignment->userOverrideX = -10.5; // rounds to -10: one column left
    QVERIFY(manager.updateFrameOverrides(2, overrides));
}

void TestTrust::fractionalOffsetsFromThePipelineAreRoundedAtCommit()
{
    const QString run = m_dir->path() + QStringLiteral("/approved-run");
    QVERIFY(RunFixture::writeApprovedRun(run, 2));
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run));
    manager.close();
    // The pipeline wrote a fractional offset into the file.
    QJsonObject root =
        QJsonDocument::fromJson(bytesOf(run + QStringLiteral("/director_session.json"))).object();
    QJsonObject frames = root.value(u"frames").toObject();
    QJsonObject frame = frames.value(u"1").toObject();
    QJsonObject overrides = frame.value(u"directorOverrides").toObject();
    overrides.insert(QStringLiteral("alignment"),
                     QJsonObject{{QStringLiteral("frameId"), QStringLiteral("frame_0001")},
                                 {QStringLiteral("userOverrideX"), 1.5},
                                 {QStringLiteral("userOverrideY"), -2.5},
                                 {QStringLiteral("timestamp"), Timestamps::now()}});
    frame.insert(QStringLiteral("directorOverrides"), overrides);
    frames.insert(QStringLiteral("1"), frame);
    root.insert(QStringLiteral("frames"), frames);
    QVERIFY(RunFixture::writeJson(run + QStringLiteral("/director_session.json"), root));
    const Result commit = director({QStringLiteral("commit"), run});
    QVERIFY2(commit.exitCode == 0, qPrintable(commit.err));
    const QImage written(run + QStringLiteral("/approved/frame_0001.png"));
    QCOMPARE(written.convertToFormat(QImage::Format_ARGB32),
             CommitExporter::translated(RunFixture::frameImage(1), 2, -2));
}

void TestTrust::sixteenBitFramesAreCommittedPixelExact()
{
    const QString run = m_dir->path() + QStringLiteral("/deep-run");
    QVERIFY(RunFixture::writeApprovedRun(run, 2));
    // Frame 1 in 16 bits a channel, with values 8 bits cannot hold.
    QImage deep(16, 16, QImage::Format_RGBA64);
    deep.fill(Qt::transparent);
    for (int y = 3; y < 12; ++y)
        for (int x = 4; x < 11; ++x)
            deep.setPixelColor(x, y,
                               QColor::fromRgba64(quint16(1000 + x * 257 + 3),
                                                  quint16(40000 + y * 11), 12345, 65535));
    QVERIFY(deep.save(run + QStringLiteral("/candidates/frame_0001_attempt_01.png")));
    QCOMPARE(
        QImageReader(run + QStringLiteral("/candidates/frame_0001_attempt_01.png")).imageFormat(),
        QImage::Format_RGBA64);
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run));
    QVERIFY(manager.applyFrameEdit(
        1, FrameEdit::offsetTo(2, 1))); // APPROVED stays APPROVED; the frame moves
    QVERIFY(manager.commitSession());
    const QString committed = run + QStringLiteral("/approved/frame_0001.png");
    QImageReader reader(committed);
    QCOMPARE(reader.imageFormat(), QImage::Format_RGBA64);
    const QImage written = reader.read();
    QCOMPARE(written.convertToFormat(QImage::Format_RGBA64),
             CommitExporter::translated(deep, 2, 1));
    QCOMPARE(written.pixelColor(6, 4).rgba64(), deep.pixelColor(4, 3).rgba64());
}

void TestTrust::filesThatAreNotImagesAreNotFrames_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("named"); // left out (named) rather than waited for
    QTest::newRow("garbage") << QStringLiteral("garbage") << true;
    QTest::newRow("a FIFO") << QStringLiteral("fifo") << true;
    QTest::newRow("a link to /dev/zero") << QStringLiteral("devzero") << true;
    QTest::newRow("a folder") << QStringLiteral("folder") << true;
    QTest::newRow("a PNG that never ends") << QStringLiteral("unfinished") << false;
}

void TestTrust::filesThatAreNotImagesAreNotFrames()
{
    QFETCH(QString, kind);
    QFETCH(bool, named);
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    const DirectorFrameState before = *manager.getFrameState(2);
    // A newer attempt of frame 2, and a frame 7 the run does not have, of that kind.
    for (const QString &name : {QStringLiteral("frame_0002_attempt_02.png"),
                                QStringLiteral("frame_0007_attempt_01.png")}) {
        const QString path = runDir() + QStringLiteral("/candidates/") + name;
        const QByteArray encoded = QFile::encodeName(path);
        if (kind == QLatin1String("garbage")) {
            QVERIFY(RunFixture::writeFile(path, QByteArray(300, 'g')));
        } else if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(encoded.constData(), 0600), 0);
        } else if (kind == QLatin1String("devzero")) {
            QCOMPARE(::symlink("/dev/zero", encoded.constData()), 0);
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(path));
        } else {
            const QByteArray png = RunFixture::pngOf(5);
            QVERIFY(RunFixture::writeFile(path, png.left(png.size() / 2)));
        }
    }
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(runDir(), &contents));
    // Frame 7 is no frame (a PNG being written is one, waiting for its image).
    QCOMPARE(contents.frames.size(), named ? 5 : 8);
    QCOMPARE(contents.frames.at(2).imagePath, before.imagePath);
    QCOMPARE(contents.leftOut.join(u'\n').contains(QLatin1String("frame_0002_attempt_02.png")),
             named);
    QCOMPARE(contents.waitingFiles.contains(2), !named);
    // Taken in as a live run: the frame keeps what it had.
    const RunIngest::Plan plan = RunIngest::plan(manager.session(), contents, runDir());
    QCOMPARE(plan.waiting.contains(2), !named);
    if (named)
        QVERIFY(plan.added.isEmpty());
    int changed = 0;
    QVERIFY(manager.ingest(plan, &changed));
    QCOMPARE(*manager.getFrameState(2), before);
    manager.close();
    // status names the file, and the commands go on.
    const Result status = director({QStringLiteral("status"), runDir()});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("candidates/frame_0002_attempt_02.png")),
             qPrintable(status.out));
    const Result changedFrame = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("2"), QStringLiteral("--note=seen")});
    QVERIFY2(changedFrame.exitCode == 0, qPrintable(changedFrame.err));
    QCOMPARE(readBack().frames.value(2).imagePath, before.imagePath);
    checkRoundTrip();
}

void TestTrust::invalidFrameCountIsNamed_data()
{
    QTest::addColumn<QJsonValue>("count");
    QTest::newRow("1e9") << QJsonValue(1e9);
    QTest::newRow("-5") << QJsonValue(-5);
    QTest::newRow("\"16\"") << QJsonValue(QStringLiteral("16"));
    QTest::newRow("16.5") << QJsonValue(16.5);
    QTest::newRow("true") << QJsonValue(true);
}

void TestTrust::invalidFrameCountIsNamed()
{
    QFETCH(QJsonValue, count);
    const QString manifest = runDir() + QStringLiteral("/manifest.lock.json");
    QJsonObject root = QJsonDocument::fromJson(bytesOf(manifest)).object();
    QJsonObject config = root.value(u"resolved_config").toObject();
    QJsonObject identity = config.value(u"identity").toObject();
    identity.insert(QStringLiteral("frame_count"), count);
    config.insert(QStringLiteral("identity"), identity);
    root.insert(QStringLiteral("resolved_config"), config);
    QVERIFY(RunFixture::writeJson(manifest, root));
    const Result status = director({QStringLiteral("status"), runDir()});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("frame_count")) &&
                 status.out.contains(QLatin1String("is not a frame count")),
             qPrintable(status.out));
    // The run opens with the frames that are there (0..3 have images).
    const Result json = director({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"frameCount").toInt(), 4);
}

void TestTrust::stateFileThatIsAFifoIsNamed()
{
    const QString state = runDir() + QStringLiteral("/state.json");
    QCOMPARE(::mkfifo(QFile::encodeName(state).constData(), 0600), 0);
    const Result status = director({QStringLiteral("status"), runDir()});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("state.json: not a regular file")),
             qPrintable(status.out));
    QVERIFY(!status.out.contains(QLatin1String("state.json: not found")));
}

void TestTrust::lockPathThatIsNotALockFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("said");
    QTest::newRow("a link to nothing")
        << QStringLiteral("dangling") << QStringLiteral("symbolic link to nothing");
    QTest::newRow("a link to a file") << QStringLiteral("link") << QStringLiteral("symbolic link");
    QTest::newRow("a folder") << QStringLiteral("folder") << QStringLiteral("is a folder");
}

void TestTrust::lockPathThatIsNotALockFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, said);
    const QByteArray lock = QFile::encodeName(sessionPath() + QStringLiteral(".lock"));
    if (kind == QLatin1String("dangling"))
        QCOMPARE(::symlink("/nonexistent/lock", lock.constData()), 0);
    else if (kind == QLatin1String("link"))
        QCOMPARE(
            ::symlink(
                QFile::encodeName(runDir() + QStringLiteral("/manifest.lock.json")).constData(),
                lock.constData()),
            0);
    else
        QCOMPARE(::mkdir(lock.constData(), 0700), 0);
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                      QStringLiteral("--note=x")},
          QStringList{QStringLiteral("commit"), runDir()}}) {
        const Result refused = director(arguments);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(said) && refused.err.contains(QLatin1String(".lock")),
                 qPrintable(refused.err));
        QVERIFY(!refused.err.contains(QLatin1String("another Director")));
    }
    QVERIFY(!QFile::exists(sessionPath()));
}

void TestTrust::folderNameThatIsNotUtf8IsSaidToBeOne()
{
    // A folder named in Latin-1: "runs_\xe9t\xe9".
    const QByteArray name = QFile::encodeName(m_dir->path()) + "/run_\xe9t\xe9";
    QCOMPARE(::mkdir(name.constData(), 0700), 0);
    QProcess process;
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments(
        {QStringLiteral("-c"),
         QStringLiteral("exec \"$0\" status \"$(printf '%1/run_\\351t\\351')\"").arg(m_dir->path()),
         qEnvironmentVariable("DIRECTOR_EXECUTABLE")});
    process.start();
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.contains(QLatin1String("not valid UTF-8")) &&
                 !err.contains(QLatin1String("not a folder")),
             qPrintable(err));
}

void TestTrust::optionGivenTwiceIsAnError_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("--status twice")
        << QStringList{QStringLiteral("--status=APPROVED"), QStringLiteral("--status=AUDIT_FAIL")};
    QTest::newRow("--note twice") << QStringList{QStringLiteral("--note=a"),
                                                 QStringLiteral("--note=b")};
    QTest::newRow("--nudge twice") << QStringList{QStringLiteral("--nudge=1,0"),
                                                  QStringLiteral("--nudge"), QStringLiteral("2,0")};
}

void TestTrust::optionGivenTwiceIsAnError()
{
    QFETCH(QStringList, options);
    const Result result =
        director(QStringList{QStringLiteral("frame"), runDir(), QStringLiteral("1")} + options);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("more than once")), qPrintable(result.err));
    QVERIFY(!QFile::exists(sessionPath()));
}

void TestTrust::blockedCommitNamesTheFirstTwentyFrames()
{
    DirectorSession session;
    for (int index = 0; index < 100000; ++index) {
        DirectorFrameState frame;
        frame.frameIndex = index;
        frame.id = DirectorFrameState::idForIndex(index);
        frame.status = index == 3 ? FrameStatus::Approved : FrameStatus::AuditFail;
        session.frames.insert(index, frame);
    }
    const Outcome ready = CommitExporter::readyToCommit(session);
    QCOMPARE(ready.kind(), Outcome::Kind::Refused);
    const QString text = ready.message();
    QVERIFY2(text.size() < 1000, qPrintable(text.left(2000)));
    QVERIFY(text.contains(QLatin1String("99999 frame")));
    QVERIFY(text.contains(QLatin1String(": 0 (AUDIT_FAIL), 1 (AUDIT_FAIL), 2 (AUDIT_FAIL), 4 (")));
    QVERIFY(text.contains(QLatin1String("20 (AUDIT_FAIL) and 99979 more")));
    QVERIFY(!text.contains(QLatin1String(" 21 (")));
    // Through the real command: the same words.
    const Result refused = director({QStringLiteral("commit"), runDir()});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("4 frames are not")), qPrintable(refused.err));
}

void TestTrust::saveTheReaderWouldRefuseIsNotWritten()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    QVERIFY(manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("kept"))));
    const QByteArray before = bytesOf(sessionPath());
    // Members of another program, nested deeper than the reader reads.
    QJsonValue deep = 1;
    for (int level = 0; level < SessionCodec::maxNestingDepth; ++level)
        deep = QJsonArray{deep};
    DirectorOverrides overrides = manager.getFrameState(0)->directorOverrides;
    overrides.extra.insert(QStringLiteral("deep"), deep);
    // Given through the API: refused before anything is saved.
    const Outcome refused = manager.updateFrameOverrides(0, overrides);
    QCOMPARE(refused.kind(), Outcome::Kind::Invalid);
    QVERIFY2(refused.message().contains(QLatin1String("nested deeper")),
             qPrintable(refused.message()));
    QCOMPARE(bytesOf(sessionPath()), before);
    // Shallow enough to read on its own, too deep in its place in the file.
    QJsonValue nearly = 1;
    for (int level = 0; level < SessionCodec::maxNestingDepth - 3; ++level)
        nearly = QJsonArray{nearly};
    overrides.extra.insert(QStringLiteral("deep"), nearly);
    const Outcome inItsPlace = manager.updateFrameOverrides(0, overrides);
    QCOMPARE(inItsPlace.kind(), Outcome::Kind::Invalid);
    QVERIFY2(inItsPlace.message().contains(QLatin1String("nested 1025 levels deep")),
             qPrintable(inItsPlace.message()));
    QCOMPARE(bytesOf(sessionPath()), before);
    QCOMPARE(manager.getFrameState(0)->directorOverrides.notes, QStringLiteral("kept"));
    // Numbers as the file holds them: what is in memory is what is read back.
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0000_attempt_01.png");
    patch.patchedPath = patch.originalPath;
    patch.extra.insert(QStringLiteral("n"), QJsonValue(qint64(9007199254740993)));
    patch.extra.insert(QStringLiteral("w"), 2.0);
    QVERIFY(manager.applyFrameEdit(0, FrameEdit::addPatch(patch)));
    QCOMPARE(*manager.getFrameState(0), readBack().frames.value(0));
    DirectorSession session = manager.session();
    manager.close();

    // However it got into a session, the save itself refuses it: the file
    // and its backup stay as they were.
    session.frames[0].directorOverrides.extra.insert(QStringLiteral("deep"), deep);
    const QByteArray lastSaved = bytesOf(sessionPath());
    const QByteArray lastBackup = bytesOf(sessionPath() + QStringLiteral(".bak"));
    {
        SessionStore store(runDir());
        QVERIFY(store.lock());
        QCOMPARE(store.load().state, SessionStore::LoadState::Loaded);
        const Outcome notSaved = store.save(session);
        QCOMPARE(notSaved.kind(), Outcome::Kind::Failed);
        QVERIFY2(notSaved.message().contains(QLatin1String("nested 1028 levels deep")),
                 qPrintable(notSaved.message()));
        QCOMPARE(bytesOf(sessionPath()), lastSaved);
        QCOMPARE(bytesOf(sessionPath() + QStringLiteral(".bak")), lastBackup);
        // Shallow enough: written, and read back.
        QJsonValue fits = 1;
        for (int level = 0; level < SessionCodec::maxNestingDepth - 4; ++level)
            fits = QJsonArray{fits};
        session.frames[0].directorOverrides.extra.insert(QStringLiteral("deep"), fits);
        QVERIFY(store.save(session));
    }
    checkRoundTrip();
    // The limits are the reader's own: Qt's parser reads 1,024 levels and no more.
    for (int depth : {SessionCodec::maxNestingDepth, SessionCodec::maxNestingDepth + 1}) {
        QJsonParseError error;
        QJsonDocument::fromJson(QByteArray(depth, '[') + QByteArray(depth, ']'), &error);
        QCOMPARE(error.error == QJsonParseError::NoError, depth <= SessionCodec::maxNestingDepth);
    }
    QVERIFY(!SessionCodec::checkReadable(SessionCodec::maxFileSize + 1, 3));
    QVERIFY(SessionCodec::checkReadable(SessionCodec::maxFileSize, 3));
}

void TestTrust::headlessCommandsTakeInThePipelinesNews()
{
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("0"),
                       QStringLiteral("--note=start")})
                 .exitCode,
             0);
    // The pipeline writes attempt 2 of frame 2 (AUDIT_FAIL), audited clean,
    // and frame 4's first image.
    QVERIFY(RunFixture::writeCandidate(runDir(), 2, 2));
    QVERIFY(RunFixture::writeAudit(runDir(), 2, true, {}, 0.97));
    QVERIFY(setModified(runDir() + QStringLiteral("/candidates/frame_0002_attempt_02.png"), 60));
    QVERIFY(RunFixture::writeCandidate(runDir(), 4));
    const QByteArray before = bytesOf(sessionPath());

    // status shows the run as the news makes it, counts the news, writes nothing.
    const Result status = director({QStringLiteral("status"), runDir(), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(root.value(u"news").toObject().value(u"changed").toInt(), 2);
    QCOMPARE(root.value(u"counts").toObject().value(u"APPROVED").toInt(), 2);
    QCOMPARE(root.value(u"counts").toObject().value(u"PENDING").toInt(), 0);
    QVERIFY(director({QStringLiteral("status"), runDir()}).out.contains(QLatin1String("News:")));
    QCOMPARE(bytesOf(sessionPath()), before);

    // frame takes it in first, then makes its change.
    const Result changed = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("1"), QStringLiteral("--note=seen")});
    QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
    const DirectorSession session = readBack();
    QCOMPARE(session.frames.value(2).status, FrameStatus::Approved);
    QCOMPARE(session.frames.value(2).imagePath,
             QStringLiteral("candidates/frame_0002_attempt_02.png"));
    QCOMPARE(session.frames.value(4).status, FrameStatus::Generated);
    QCOMPARE(session.frames.value(1).directorOverrides.notes, QStringLiteral("seen"));
    QCOMPARE(
        QJsonDocument::fromJson(
            director({QStringLiteral("status"), runDir(), QStringLiteral("--json")}).out.toUtf8())
            .object()
            .value(u"news")
            .toObject()
            .value(u"changed")
            .toInt(),
        0);
    checkRoundTrip();

    // commit takes it in too: a new attempt of frame 1 (AUDIT_WARN), not
    // audited yet, blocks it as GENERATED.
    QVERIFY(setModified(runDir() + QStringLiteral("/audit/frame_0001_metrics.json"), 120));
    QVERIFY(RunFixture::writeCandidate(runDir(), 1, 2));
    const Result commit = director({QStringLiteral("commit"), runDir()});
    QCOMPARE(commit.exitCode, 2);
    QVERIFY2(commit.err.contains(QLatin1String("1 (GENERATED)")), qPrintable(commit.err));
    QVERIFY(!commit.err.contains(QLatin1String("4 (PENDING)")));
    QCOMPARE(readBack().frames.value(1).imagePath,
             QStringLiteral("candidates/frame_0001_attempt_02.png"));
    QCOMPARE(readBack().frames.value(1).directorOverrides.notes, QStringLiteral("seen"));
}

void TestTrust::anAuditIsNotPinnedOnAnOlderImage_data()
{
    QTest::addColumn<QString>("newest"); // what attempt 2's file is
    QTest::newRow("not an image") << QStringLiteral("garbage");
    QTest::newRow("not written to its end") << QStringLiteral("half");
}

void TestTrust::anAuditIsNotPinnedOnAnOlderImage()
{
    // Attempt 2 is there but unusable; the audit names no attempt and was
    // written last: it may be attempt 2's verdict, so attempt 1 is not approved by it.
    QFETCH(QString, newest);
    const QString run = m_dir->path() + QStringLiteral("/approved-run");
    QVERIFY(RunFixture::writeApprovedRun(run, 3));
    const QString second = run + QStringLiteral("/candidates/frame_0002_attempt_02.png");
    QVERIFY(RunFixture::writeFile(second, newest == QLatin1String("garbage")
                                              ? QByteArray(200, 'w')
                                              : RunFixture::pngOf(6).left(40)));
    QVERIFY(setModified(run + QStringLiteral("/candidates/frame_0002_attempt_01.png"), 300));
    QVERIFY(setModified(second, 200));
    QVERIFY(setModified(run + QStringLiteral("/audit/frame_0002_metrics.json"), 100));
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run));
    const DirectorFrameState frame = *manager.getFrameState(2);
    QCOMPARE(frame.imagePath, QStringLiteral("candidates/frame_0002_attempt_01.png"));
    QCOMPARE(frame.status, FrameStatus::Generated);
    QCOMPARE(manager.commitSession().kind(), Outcome::Kind::Refused);
    QVERIFY(!QFile::exists(run + QStringLiteral("/approved/frame_0002.png")));
}

void TestTrust::oddAuditsAndFilesReadBack_data()
{
    QTest::addColumn<QByteArray>("audit"); // frame 1's audit, as bytes
    QTest::addColumn<QString>("leftOut");  // what status names, or nothing
    QTest::newRow("both spellings of the drift")
        << QByteArray(R"({"composite_score": 0.9, "passed": true, "reason_codes": [],
                         "drift_pixels": 0.5, "driftPixels": "x",
                         "metrics": {"baseline_drift_px": 0.25}})")
        << QString();
    QTest::newRow("members named like the session's own")
        << QByteArray(R"({"composite_score": 0.9, "passed": true, "reason_codes": [],
                         "autoAligned": null, "compositeScore": "high", "flags": 3,
                         "attempts": [{"attempt_index": 1, "candidatePath": "/etc/passwd",
                                       "passed": "yes", "strategy": 4, "attemptIndex": 9}]})")
        << QString();
    QTest::newRow("names that differ by a byte order mark")
        << QByteArray("{\"composite_score\": 0.9, \"passed\": true, \"reason_codes\": [],"
                      " \"\xEF\xBB\xBFpassed\": 7, \"metrics\": {\"\xEF\xBB\xBF"
                      "a\": 1, "
                      "\"a\": 2, \"\\ufeffb\": 3}, \"attempts\": [{\"attempt_index\": 1, "
                      "\"x\": {\"\xEF\xBB\xBF"
                      "c\": 1, \"c\": 2}}]}")
        << QStringLiteral("byte order mark");
}

void TestTrust::oddAuditsAndFilesReadBack()
{
    QFETCH(QByteArray, audit);
    QFETCH(QString, leftOut);
    QVERIFY(
        RunFixture::writeFile(runDir() + QStringLiteral("/audit/frame_0001_metrics.json"), audit));
    QVERIFY(QJsonDocument::fromJson(audit).isObject());
    // A candidate that is a link to a name the session cannot hold as a
    // path (into a "runs" folder of the run), and files in approved/ and
    // rejected/ that are no images, past the frames the manifest declares.
    QVERIFY(QDir().mkpath(runDir() + QStringLiteral("/runs/x")));
    QVERIFY(RunFixture::frameImage(4).save(runDir() + QStringLiteral("/runs/x/a.png")));
    QCOMPARE(::symlink("../runs/x/a.png",
                       QFile::encodeName(runDir() +
                                         QStringLiteral("/candidates/frame_0004_attempt_01.png"))
                           .constData()),
             0);
    for (const QString &name : {QStringLiteral("/approved/frame_0040.png"),
                                QStringLiteral("/rejected/frame_0041_HF03.png")})
        QVERIFY(RunFixture::writeFile(runDir() + name, "not an image at all"));
    const Result changed = director(
        {QStringLiteral("frame"), runDir(), QStringLiteral("0"), QStringLiteral("--note=x")});
    QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
    checkRoundTrip();
    const DirectorSession session = readBack();
    QCOMPARE(session.frames.size(), 5); // no frames for files that are no images
    QVERIFY(session.frames.value(4).imagePath.isEmpty());
    const Result status = director({QStringLiteral("status"), runDir()});
    QVERIFY2(status.out.contains(QLatin1String("frame_0004_attempt_01.png: leads to runs/x/a.png")),
             qPrintable(status.out));
    if (!leftOut.isEmpty())
        QVERIFY2(status.out.contains(leftOut), qPrintable(status.out));
}

void TestTrust::aPatchAndAnOffsetInOneEditAreCheckedTogether()
{
    // The patch is 16×16 with one visible pixel at (15, 15): moved by 1 to
    // the right it is off the canvas, though the original would not be.
    QImage patch(16, 16, QImage::Format_ARGB32);
    patch.fill(Qt::transparent);
    patch.setPixel(15, 15, qRgba(10, 20, 30, 255));
    QVERIFY(QDir().mkpath(runDir() + QStringLiteral("/patches")));
    QVERIFY(patch.save(runDir() + QStringLiteral("/patches/frame_0002_patch_01.png")));
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir()));
    PatchHistoryEntry entry;
    entry.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    entry.patchedPath = QStringLiteral("patches/frame_0002_patch_01.png");
    FrameEdit edit;
    edit.patch = entry;
    edit.alignment = FrameEdit::Alignment::Set;
    edit.alignmentX = 1;
    QCOMPARE(manager.applyFrameEdit(2, edit).kind(), Outcome::Kind::Invalid);
    DirectorOverrides overrides = manager.getFrameState(2)->directorOverrides;
    overrides.isPatched = true;
    overrides.patchHistory.append(entry);
    overrides.alignment = HumanAlignmentDelta{QStringLiteral("frame_0002"), 1, 0, {}, {}};
    QCOMPARE(manager.updateFrameOverrides(2, overrides).kind(), Outcome::Kind::Invalid);
    // An offset first, then a patch it would move off the canvas.
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::offsetTo(1, 0)));
    QCOMPARE(manager.applyFrameEdit(2, FrameEdit::addPatch(entry)).kind(), Outcome::Kind::Invalid);
    QVERIFY(!manager.getFrameState(2)->directorOverrides.isPatched);
    // Moved the other way, it stays.
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::offsetTo(-1, 0)));
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::addPatch(entry)));
}

QTEST_GUILESS_MAIN(TestTrust)
#include "tst_trust.moc"
