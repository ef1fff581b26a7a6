#include "run/runfolder.h"
#include "run/runpaths.h"
#include "runfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>
#include <unistd.h>

// RunFolder reads what the pipeline wrote, however incomplete, into the
// initial frames of a session (docs/run-folder.md).
class TestRunFolder : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void longManifestAndInitialStatuses();
    void shortManifestFallsBackToStateJson();
    void highestAttemptWinsWhateverItsPadding();
    void normalisedVersionIsPreferred();
    void approvedImageWhenThereIsNoCandidate();
    void rejectedFrameFailsWithItsReason();
    void auditIsMappedAndItsExtrasKept();
    void unpaddedAuditFileIsRead();
    void autoAlignedPassIsAWarning();
    void attemptsAreMergedFromStateAndAudit();
    void incompleteRunSaysWhatIsMissing();
    void malformedJsonIsReportedNotFatal();
    void pathsOutsideTheRunAreRefused();
    void runPathsReadThreeFormsOfThisRunOnly_data();
    void runPathsReadThreeFormsOfThisRunOnly();
    void statedPathIntoAnotherRunIsRefused();
    void anchorAnalysisIsRead();
    void folderWithoutARunIsRefused();
    void aReadTellsHowFarItIsAndStopsWhenCancelled();
    void manyFramesAreReadInOrder_data();
    void manyFramesAreReadInOrder();
    void aCancelStopsTheReadAhead();
    void messagesComeInTheOrderOfTheFiles();
    void linksInAndOfFoldersAreCheckedAsBefore();
    void resolverAnswersAsRunPaths_data();
    void resolverAnswersAsRunPaths();
    void limitsScaleWithTheFrameCount();
    void largeStateJsonIsReadForManyFrames_data();
    void largeStateJsonIsReadForManyFrames();
    void runBudgetScalesWithTheFrames_data();
    void runBudgetScalesWithTheFrames();
    void detailsAreCountedAsWritten();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    RunFolder::Contents read();
    static bool touchPng(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRunFolder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkpath(run()));
}

RunFolder::Contents TestRunFolder::read()
{
    RunFolder::Contents contents;
    const Outcome outcome = RunFolder::read(run(), &contents);
    if (!outcome)
        qWarning("%s", qPrintable(outcome.message()));
    return contents;
}

bool TestRunFolder::touchPng(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return RunFixture::frameImage(1).save(path);
}

void TestRunFolder::longManifestAndInitialStatuses()
{
    QVERIFY(RunFixture::writeMixedRun(run(), QStringLiteral("20260118_blaze_idle_abc123")));
    const RunFolder::Contents c = read();
    QCOMPARE(c.manifest.runId, QStringLiteral("20260118_blaze_idle_abc123"));
    QCOMPARE(c.manifest.moveId, QStringLiteral("idle_standard"));
    QCOMPARE(c.manifest.frameCount, 5);
    QCOMPARE(c.manifest.targetSize, 16);
    QCOMPARE(c.frames.size(), 5);
    const QList<FrameStatus> expected = {FrameStatus::Approved, FrameStatus::AuditWarn,
                                         FrameStatus::AuditFail, FrameStatus::Generated,
                                         FrameStatus::Pending};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(c.frames[i].frameIndex, i);
        QCOMPARE(c.frames[i].id, RunFixture::frameName(i));
        QCOMPARE(c.frames[i].status, expected[i]);
    }
    QCOMPARE(c.frames[0].imagePath, QStringLiteral("candidates/frame_0000_attempt_01.png"));
    QVERIFY(c.frames[4].imagePath.isEmpty());
}

void TestRunFolder::shortManifestFallsBackToStateJson()
{
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/manifest.lock.json"),
        {{QStringLiteral("manifest_hash"), QStringLiteral("h")},
         {QStringLiteral("created_at"), QStringLiteral("2026-01-18T12:00:00Z")},
         {QStringLiteral("manifest_identity"),
          QJsonObject{{QStringLiteral("character"), QStringLiteral("blaze")},
                      {QStringLiteral("move"), QStringLiteral("walk_cycle")}}}}));
    QVERIFY(RunFixture::writeJson(run() + QStringLiteral("/state.json"),
                                  {{QStringLiteral("run_id"), QStringLiteral("run_from_state")},
                                   {QStringLiteral("status"), QStringLiteral("in_progress")},
                                   {QStringLiteral("total_frames"), 3}}));
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    const RunFolder::Contents c = read();
    QCOMPARE(c.manifest.runId, QStringLiteral("run_from_state"));
    QCOMPARE(c.manifest.moveId, QStringLiteral("walk_cycle"));
    QCOMPARE(c.manifest.frameCount, 3);
    QCOMPARE(c.frames.size(), 3);
    QCOMPARE(c.frames[0].status, FrameStatus::Generated);
    QCOMPARE(c.frames[2].status, FrameStatus::Pending);
}

void TestRunFolder::highestAttemptWinsWhateverItsPadding()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 2));
    QVERIFY(touchPng(run() + QStringLiteral("/candidates/frame_0000_attempt_01.png")));
    QVERIFY(touchPng(run() + QStringLiteral("/candidates/frame_0000_attempt_2.png")));
    QVERIFY(touchPng(run() + QStringLiteral("/candidates/frame_0001_attempt_10.png")));
    QVERIFY(touchPng(run() + QStringLiteral("/candidates/frame_0001_attempt_09.png")));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].imagePath, QStringLiteral("candidates/frame_0000_attempt_2.png"));
    QCOMPARE(c.frames[1].imagePath, QStringLiteral("candidates/frame_0001_attempt_10.png"));
}

void TestRunFolder::normalisedVersionIsPreferred()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 2));
    for (const char *suffix : {"", "_norm", "_aligned", "_128", "_trans"})
        QVERIFY(touchPng(
            run() +
            QStringLiteral("/candidates/frame_0000_attempt_03%1.png").arg(QLatin1String(suffix))));
    for (const char *suffix : {"_aligned", "_trans"})
        QVERIFY(touchPng(
            run() +
            QStringLiteral("/candidates/frame_0001_attempt_01%1.png").arg(QLatin1String(suffix))));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].imagePath, QStringLiteral("candidates/frame_0000_attempt_03_norm.png"));
    QCOMPARE(c.frames[1].imagePath, QStringLiteral("candidates/frame_0001_attempt_01_aligned.png"));
}

void TestRunFolder::approvedImageWhenThereIsNoCandidate()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 1));
    QVERIFY(touchPng(run() + QStringLiteral("/approved/frame_0000.png")));
    QVERIFY(RunFixture::writeAudit(run(), 0, true, {}, 0.9));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].imagePath, QStringLiteral("approved/frame_0000.png"));
    QCOMPARE(c.frames[0].status, FrameStatus::Approved);
}

void TestRunFolder::rejectedFrameFailsWithItsReason()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 1));
    QVERIFY(touchPng(run() + QStringLiteral("/rejected/frame_0000_HF_IDENTITY_COLLAPSE.png")));
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/rejected/frame_0000_metadata.json"),
        {{QStringLiteral("reason"), QStringLiteral("HF_IDENTITY_COLLAPSE")}}));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].status, FrameStatus::AuditFail);
    QVERIFY(c.frames[0].auditReport.flags.contains(QStringLiteral("HF_IDENTITY_COLLAPSE")));
    QVERIFY(!c.frames[0].auditReport.passed);
    QCOMPARE(c.frames[0].imagePath, QStringLiteral("rejected/frame_0000_HF_IDENTITY_COLLAPSE.png"));
}

void TestRunFolder::auditIsMappedAndItsExtrasKept()
{
    QVERIFY(RunFixture::writeMixedRun(run()));
    const RunFolder::Contents c = read();
    const AuditReport &a = c.frames[1].auditReport;
    QCOMPARE(a.compositeScore, 0.78);
    QCOMPARE(a.flags, QStringList{QStringLiteral("SF01_IDENTITY_DRIFT")});
    QVERIFY(a.passed);
    QCOMPARE(a.driftPixels, std::optional(3.0));
    // metrics and the audit's own status stay as the pipeline wrote them.
    QCOMPARE(a.extra.value(u"metrics").toObject().value(u"ssim").toDouble(), 0.95);
    QCOMPARE(a.extra.value(u"status").toString(), QStringLiteral("passed"));
    QVERIFY(!a.extra.contains(u"composite_score")); // mapped, not duplicated
}

void TestRunFolder::unpaddedAuditFileIsRead()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 1));
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/audit/frame_0_metrics.json"),
        {{QStringLiteral("passed"), false},
         {QStringLiteral("reason_codes"), QJsonArray{QStringLiteral("HF03_IMAGE_CORRUPTED")}},
         {QStringLiteral("composite_score"), 0.1}}));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].status, FrameStatus::AuditFail);
    QCOMPARE(c.frames[0].auditReport.flags, QStringList{QStringLiteral("HF03_IMAGE_CORRUPTED")});
}

void TestRunFolder::autoAlignedPassIsAWarning()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 1));
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    QVERIFY(RunFixture::writeJson(run() + QStringLiteral("/audit/frame_0000_metrics.json"),
                                  {{QStringLiteral("passed"), true},
                                   {QStringLiteral("reason_codes"), QJsonArray()},
                                   {QStringLiteral("auto_aligned"), true},
                                   {QStringLiteral("composite_score"), 0.9}}));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].status, FrameStatus::AuditWarn);
    QCOMPARE(c.frames[0].auditReport.autoAligned, std::optional(true));
}

void TestRunFolder::attemptsAreMergedFromStateAndAudit()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 1));
    QVERIFY(touchPng(run() + QStringLiteral("/candidates/frame_0000_attempt_01.png")));
    QVERIFY(touchPng(run() + QStringLiteral("/candidates/frame_0000_attempt_2.png")));
    QVERIFY(touchPng(run() + QStringLiteral("/candidates/frame_0000_attempt_2_norm.png")));
    const QJsonObject attempt1{
        {QStringLiteral("attemptIndex"), 1},
        {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:00:00+01:00")},
        {QStringLiteral("promptHash"), QStringLiteral("p1")},
        {QStringLiteral("result"), QStringLiteral("soft_fail")},
        {QStringLiteral("reasonCodes"), QJsonArray{QStringLiteral("SF01_IDENTITY_DRIFT")}},
        {QStringLiteral("strategy"), QStringLiteral("default")}};
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/state.json"),
        {{QStringLiteral("total_frames"), 1},
         {QStringLiteral("frameAttempts"),
          QJsonObject{{QStringLiteral("0"),
                       QJsonObject{{QStringLiteral("attempts"), QJsonArray{attempt1}}}}}}}));
    const QJsonObject audit2{
        {QStringLiteral("attempt_index"), 2},
        {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:05:00.000Z")},
        {QStringLiteral("result"), QStringLiteral("passed")},
        {QStringLiteral("reason_codes"), QJsonArray()},
        {QStringLiteral("action_taken"), QStringLiteral("accept")}};
    QVERIFY(RunFixture::writeJson(run() + QStringLiteral("/audit/frame_0000_metrics.json"),
                                  {{QStringLiteral("passed"), true},
                                   {QStringLiteral("reason_codes"), QJsonArray()},
                                   {QStringLiteral("composite_score"), 0.9},
                                   {QStringLiteral("attempts"), QJsonArray{audit2}}}));
    const QList<AttemptInfo> attempts = read().frames[0].attemptHistory;
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts[0].attemptIndex, 1);
    QCOMPARE(attempts[0].timestamp, QStringLiteral("2026-01-18T11:00:00.000Z"));
    QCOMPARE(attempts[0].strategy, QStringLiteral("default"));
    QCOMPARE(attempts[0].reasonCodes, QStringList{QStringLiteral("SF01_IDENTITY_DRIFT")});
    QVERIFY(!attempts[0].passed);
    QCOMPARE(attempts[0].candidatePath, QStringLiteral("candidates/frame_0000_attempt_01.png"));
    QCOMPARE(attempts[0].extra.value(u"promptHash").toString(), QStringLiteral("p1"));
    QCOMPARE(attempts[1].attemptIndex, 2);
    QVERIFY(attempts[1].passed);
    QCOMPARE(attempts[1].candidatePath, QStringLiteral("candidates/frame_0000_attempt_2_norm.png"));
    QCOMPARE(attempts[1].extra.value(u"action_taken").toString(), QStringLiteral("accept"));
    // Mapped members are not kept a second time under their pipeline names.
    QVERIFY(!attempts[1].extra.contains(u"timestamp"));
    QVERIFY(!attempts[1].extra.contains(u"attempt_index"));
}

void TestRunFolder::incompleteRunSaysWhatIsMissing()
{
    QVERIFY(RunFixture::writeMixedRun(run()));
    const RunFolder::Contents c = read();
    const QString missing = c.missing.join(QLatin1Char('\n'));
    QVERIFY2(missing.contains(QLatin1String("state.json")), qPrintable(missing));
    QVERIFY2(missing.contains(QLatin1String("no image yet for frames 4")), qPrintable(missing));
    QVERIFY2(missing.contains(QLatin1String("no audit result for frames 3")), qPrintable(missing));
}

void TestRunFolder::malformedJsonIsReportedNotFatal()
{
    QVERIFY(RunFixture::writeMixedRun(run()));
    for (const QString &name : {QStringLiteral("/manifest.lock.json"),
                                QStringLiteral("/audit/frame_0001_metrics.json")}) {
        QFile file(run() + name);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"run_id\": ");
    }
    RunFolder::Contents c;
    QVERIFY(RunFolder::read(run(), &c));
    const QString missing = c.missing.join(QLatin1Char('\n'));
    QVERIFY2(missing.contains(QLatin1String("manifest.lock.json: not valid JSON")),
             qPrintable(missing));
    QVERIFY2(missing.contains(QLatin1String("audit/frame_0001_metrics.json: not valid JSON")),
             qPrintable(missing));
    QCOMPARE(c.frames.size(), 4); // from the files found
    QCOMPARE(c.frames[1].status, FrameStatus::Generated);
}

void TestRunFolder::pathsOutsideTheRunAreRefused()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 2));
    const QString outside = m_dir->path() + QStringLiteral("/secret.png");
    QVERIFY(touchPng(outside));
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/candidates")));
    QVERIFY(QFile::link(outside, run() + QStringLiteral("/candidates/frame_0000_attempt_01.png")));
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/state.json"),
        {{QStringLiteral("total_frames"), 2},
         {QStringLiteral("frame_states"),
          QJsonArray{
              QJsonObject{{QStringLiteral("index"), 1},
                          {QStringLiteral("status"), QStringLiteral("approved")},
                          {QStringLiteral("approved_path"), QStringLiteral("../secret.png")}}}}}));
    const RunFolder::Contents c = read();
    QVERIFY(c.frames[0].imagePath.isEmpty());
    QVERIFY(c.frames[1].imagePath.isEmpty());
    QCOMPARE(c.frames[0].status, FrameStatus::Pending);
    const QString missing = c.missing.join(QLatin1Char('\n'));
    QVERIFY2(missing.count(QLatin1String("outside the run folder")) == 2, qPrintable(missing));
}

void TestRunFolder::runPathsReadThreeFormsOfThisRunOnly_data()
{
    QTest::addColumn<QString>("runId"); // besides the folder's name; may be empty
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("relative"); // empty: refused
    QTest::addColumn<QString>("why");      // a part of the refusal

    const QString none;
    QTest::newRow("run-relative") << none << QStringLiteral("candidates/a.png")
                                  << QStringLiteral("candidates/a.png") << none;
    QTest::newRow("run-relative with ./") << none << QStringLiteral("./candidates/a.png")
                                          << QStringLiteral("candidates/a.png") << none;
    QTest::newRow("runs/<folder name>/") << none << QStringLiteral("runs/run_1/candidates/a.png")
                                         << QStringLiteral("candidates/a.png") << none;
    QTest::newRow("runs/<run id>/")
        << QStringLiteral("20260118_abc") << QStringLiteral("runs/20260118_abc/candidates/a.png")
        << QStringLiteral("candidates/a.png") << none;
    QTest::newRow("absolute inside") << none << QStringLiteral("/data/runs/run_1/candidates/a.png")
                                     << QStringLiteral("candidates/a.png") << none;
    QTest::newRow("runs/<another run>/")
        << QStringLiteral("20260118_abc") << QStringLiteral("runs/run_2/candidates/a.png") << none
        << QStringLiteral("\"runs/run_2/candidates/a.png\" leads into another run (\"run_2\")");
    QTest::newRow("run id unknown to this run")
        << none << QStringLiteral("runs/20260118_abc/candidates/a.png") << none
        << QStringLiteral("leads into another run (\"20260118_abc\")");
    QTest::newRow("through this run into another")
        << none << QStringLiteral("runs/run_1/../run_2/a.png") << none
        << QStringLiteral("leads into another run (\"run_2\")");
    QTest::newRow("up and out of runs/") << none << QStringLiteral("runs/run_1/../../a.png") << none
                                         << QStringLiteral("leads outside the run folder");
    QTest::newRow("runs/ alone") << none << QStringLiteral("runs/../a.png") << none
                                 << QStringLiteral("leads outside the run folder");
    QTest::newRow("the run folder itself") << none << QStringLiteral("runs/run_1/") << none
                                           << QStringLiteral("leads outside the run folder");
    QTest::newRow("absolute, another run")
        << none << QStringLiteral("/data/runs/run_2/a.png") << none
        << QStringLiteral("leads outside the run folder");
    QTest::newRow("runs/ inside the run, absolute")
        << none << QStringLiteral("/data/runs/run_1/runs/run_2/a.png") << none
        << QStringLiteral("names a \"runs\" folder inside the run folder");
}

void TestRunFolder::runPathsReadThreeFormsOfThisRunOnly()
{
    // Run-relative, "runs/<this run>/..." and absolute inside the run are
    // read; a "runs/<id>/" prefix is dropped only when <id> is this run's.
    QFETCH(QString, runId);
    QFETCH(QString, stored);
    QFETCH(QString, relative);
    QFETCH(QString, why);
    const RunPaths paths(QStringLiteral("/data/runs/run_1"), runId);
    const Result<QString> result = paths.toRelative(stored);
    const QString error = result.outcome().message();
    if (!relative.isEmpty()) {
        QVERIFY2(result.isOk(), qPrintable(error));
        QCOMPARE(*result, relative);
        // What is written is read back the same.
        QCOMPARE(paths.toRelative(*result).valueOr(QString()), *result);
        return;
    }
    QVERIFY2(!result.isOk(), qPrintable(result.valueOr(QString())));
    QVERIFY2(error.contains(why), qPrintable(error));
}

void TestRunFolder::statedPathIntoAnotherRunIsRefused()
{
    // state.json names files the way the pipeline does, "runs/<run_id>/...":
    // a path into another run is not mapped into this one.
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("run"), 2));
    QVERIFY(touchPng(run() + QStringLiteral("/patches/frame_0000.png")));
    QVERIFY(touchPng(run() + QStringLiteral("/patches/frame_0001.png")));
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/state.json"),
        {{QStringLiteral("total_frames"), 2},
         {QStringLiteral("frame_states"),
          QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                 {QStringLiteral("status"), QStringLiteral("approved")},
                                 {QStringLiteral("approved_path"),
                                  QStringLiteral("runs/run/patches/frame_0000.png")}},
                     QJsonObject{{QStringLiteral("index"), 1},
                                 {QStringLiteral("status"), QStringLiteral("approved")},
                                 {QStringLiteral("approved_path"),
                                  QStringLiteral("runs/other_run/patches/frame_0001.png")}}}}}));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].imagePath, QStringLiteral("patches/frame_0000.png"));
    QVERIFY(c.frames[1].imagePath.isEmpty());
    const QString missing = c.missing.join(QLatin1Char('\n'));
    QVERIFY2(missing.contains(QLatin1String("state.json, frame 1: \"runs/other_run/patches/"
                                            "frame_0001.png\" leads into another run")),
             qPrintable(missing));
}

void TestRunFolder::anchorAnalysisIsRead()
{
    QVERIFY(RunFixture::writeMixedRun(run()));
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/anchor_analysis.json"),
        {{QStringLiteral("image_dimensions"),
          QJsonObject{{QStringLiteral("width"), 512}, {QStringLiteral("height"), 512}}},
         {QStringLiteral("results"),
          QJsonObject{
              {QStringLiteral("baselineY"), 448},
              {QStringLiteral("rootX"), 256},
              {QStringLiteral("visible_bounds"), QJsonObject{{QStringLiteral("topY"), 60},
                                                             {QStringLiteral("bottomY"), 448},
                                                             {QStringLiteral("leftX"), 150},
                                                             {QStringLiteral("rightX"), 360}}}}}}));
    const AnchorAnalysis a = read().anchor;
    QVERIFY(a.present);
    QCOMPARE(a.imageSize, QSize(512, 512));
    QCOMPARE(a.baselineY, 448.0);
}

// The window shows how far an open has read, and a cancel stops the read between two frames.
void TestRunFolder::aReadTellsHowFarItIsAndStopsWhenCancelled()
{
    QVERIFY(RunFixture::writeMixedRun(run()));
    std::atomic_bool cancel{false};
    std::atomic_int framesRead{-1};
    std::atomic_int frameCount{-1};
    const RunFolder::Control control{&cancel, &framesRead, &frameCount, {}};
    RunFolder::Contents c;
    QVERIFY(RunFolder::read(run(), &c, control));
    QCOMPARE(c.frames.size(), 5);
    QCOMPARE(frameCount.load(), 5);
    QCOMPARE(framesRead.load(), 5);

    cancel = true;
    framesRead = 0;
    const Outcome cancelled = RunFolder::read(run(), &c, control);
    QCOMPARE(cancelled.kind(), Outcome::Kind::Refused);
    QCOMPARE(framesRead.load(), 0);
    QVERIFY(c.frames.isEmpty());
    QVERIFY(c.missing.isEmpty());
}

void TestRunFolder::folderWithoutARunIsRefused()
{
    RunFolder::Contents c;
    QCOMPARE(RunFolder::read(run(), &c).kind(), Outcome::Kind::Invalid);
    QCOMPARE(RunFolder::read(m_dir->path() + QStringLiteral("/nowhere"), &c).kind(),
             Outcome::Kind::Invalid);
}

void TestRunFolder::manyFramesAreReadInOrder_data()
{
    QTest::addColumn<int>("frames");
    QTest::addColumn<bool>("slowReader"); // the threads far ahead of the reader, or not
    // The threads take 16 frames at a time: fewer, a part, several, and one past many.
    for (const int frames : {8, 17, 40, 161}) {
        for (const bool slowReader : {false, true}) {
            QTest::addRow("%d frames%s", frames, slowReader ? ", the reader slow" : "")
                << frames << slowReader;
        }
    }
}

// Enough frames that the reader's helper thread reads the audits ahead: each
// frame still gets its own audit, and what is wrong with one is said in
// frame order.
void TestRunFolder::manyFramesAreReadInOrder()
{
    QFETCH(int, frames);
    QFETCH(bool, slowReader);
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), frames));
    for (int index = 0; index < frames; ++index) {
        QVERIFY(RunFixture::writeCandidate(run(), index));
        if (index == 7)
            continue; // no audit
        const QString audit =
            run() +
            QStringLiteral("/audit/frame_%1_metrics.json").arg(index, 4, 10, QLatin1Char('0'));
        if (index == 13 || index == 31) {
            QVERIFY(RunFixture::writeFile(audit, "{\"passed\": "));
            continue;
        }
        QVERIFY(RunFixture::writeJson(
            audit, {{QStringLiteral("passed"), index % 5 != 0},
                    {QStringLiteral("composite_score"), index / 1000.0},
                    {QStringLiteral("metrics"), QJsonObject{{QStringLiteral("frame"), index}}}}));
    }
    RunFolder::Control control;
    if (slowReader) {
        control.frameRead = [](int read) {
            if (read % 5 == 0)
                QThread::msleep(2);
        };
    }
    RunFolder::Contents c;
    QVERIFY(RunFolder::read(run(), &c, control));
    QCOMPARE(c.frames.size(), frames);
    const QList<int> broken{13, 31};
    QSet<int> unreadable;
    QList<int> noAudit;
    for (int index = 0; index < frames; ++index) {
        const DirectorFrameState &f = c.frames[index];
        QCOMPARE(f.frameIndex, index);
        QCOMPARE(f.imagePath, QStringLiteral("candidates/frame_%1_attempt_01.png")
                                  .arg(index, 4, 10, QLatin1Char('0')));
        if (index == 7 || broken.contains(index)) {
            noAudit.append(index);
            if (index != 7)
                unreadable.insert(index);
            QCOMPARE(f.status, FrameStatus::Generated);
            continue;
        }
        QCOMPARE(f.auditReport.compositeScore, index / 1000.0);
        QCOMPARE(f.auditReport.extra.value(u"metrics").toObject().value(u"frame").toInt(), index);
        QCOMPARE(f.status, index % 5 != 0 ? FrameStatus::Approved : FrameStatus::AuditFail);
    }
    QCOMPARE(c.unreadableFrames, unreadable);
    const QString missing = c.missing.join(QLatin1Char('\n'));
    if (frames > 31) {
        const qsizetype first =
            missing.indexOf(QLatin1String("audit/frame_0013_metrics.json: not valid JSON"));
        const qsizetype second =
            missing.indexOf(QLatin1String("audit/frame_0031_metrics.json: not valid JSON"));
        QVERIFY2(first >= 0 && second > first, qPrintable(missing));
    }
    QStringList numbers;
    for (const int index : std::as_const(noAudit))
        numbers.append(QString::number(index));
    QVERIFY2(missing.contains(QStringLiteral("no audit result for frames %1")
                                  .arg(numbers.join(QStringLiteral(", ")))),
             qPrintable(missing));
}

// A cancelled read stops between two frames, also with the audits being read ahead (the
// threads read no further file once it is cancelled).
void TestRunFolder::aCancelStopsTheReadAhead()
{
    constexpr int frames = 300;
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), frames));
    for (int index = 0; index < frames; ++index) {
        QVERIFY(RunFixture::writeCandidate(run(), index));
        QVERIFY(RunFixture::writeAudit(run(), index, true, {}, 0.9));
    }
    std::atomic_bool cancel{false};
    std::atomic_int framesRead{0};
    RunFolder::Control control{&cancel, &framesRead, nullptr, {}};
    control.frameRead = [&cancel](int read) {
        if (read == 20)
            cancel = true;
    };
    RunFolder::Contents c;
    const Outcome cancelled = RunFolder::read(run(), &c, control);
    QCOMPARE(cancelled.kind(), Outcome::Kind::Refused);
    QCOMPARE(framesRead.load(), 20);
    QVERIFY(c.frames.isEmpty());

    // Read again, not cancelled: every frame, each with its audit.
    cancel = false;
    control.frameRead = {};
    QVERIFY(RunFolder::read(run(), &c, control));
    QCOMPARE(c.frames.size(), frames);
    for (const DirectorFrameState &f : std::as_const(c.frames))
        QCOMPARE(f.status, FrameStatus::Approved);
}

// What is wrong is told in the order of the files as a read takes them: the manifest,
// state.json, then the folders (state.json is parsed beside the folders' listing).
void TestRunFolder::messagesComeInTheOrderOfTheFiles()
{
    const QString longId(RunFolder::maxTextLength + 1, u'r');
    QVERIFY(RunFixture::writeJson(run() + QStringLiteral("/state.json"),
                                  {{QStringLiteral("run_id"), longId},
                                   {QStringLiteral("total_frames"), QStringLiteral("many")}}));
    for (int index = 0; index < 20; ++index)
        QVERIFY(RunFixture::writeCandidate(run(), index));
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/candidates/frame_0003_attempt_02.png")));
    QVERIFY(
        RunFixture::writeFile(run() + QStringLiteral("/audit/frame_100001_metrics.json"), "{}"));
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames.size(), 20);
    QVERIFY2(c.missing.size() >= 2, qPrintable(c.missing.join(u'\n')));
    QVERIFY2(c.missing.at(0).startsWith(QLatin1String("manifest.lock.json: not found")),
             qPrintable(c.missing.join(u'\n')));
    QVERIFY2(c.missing.at(1).startsWith(QLatin1String("state.json, total_frames")),
             qPrintable(c.missing.join(u'\n')));
    QCOMPARE(c.leftOut.size(), 3);
    QVERIFY2(c.leftOut.at(0).startsWith(QLatin1String("state.json, run_id")),
             qPrintable(c.leftOut.join(u'\n')));
    QVERIFY2(c.leftOut.at(1).startsWith(QLatin1String("candidates/frame_0003_attempt_02.png")),
             qPrintable(c.leftOut.join(u'\n')));
    QVERIFY2(c.leftOut.at(2).startsWith(QLatin1String("audit/frame_100001_metrics.json")),
             qPrintable(c.leftOut.join(u'\n')));
}

// Each folder's real place is looked up once in a read: a link in a folder,
// and a folder that is a link, are still followed and checked.
void TestRunFolder::linksInAndOfFoldersAreCheckedAsBefore()
{
    constexpr int frames = 12;
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), frames));
    for (int index = 0; index < frames; ++index) {
        if (index != 3)
            QVERIFY(RunFixture::writeCandidate(run(), index));
        QVERIFY(RunFixture::writeAudit(run(), index, true, {}, 0.9));
    }
    // Frame 3's image: a link to a file outside the run.
    const QString outside = m_dir->path() + QStringLiteral("/outside");
    QVERIFY(touchPng(outside + QStringLiteral("/secret.png")));
    QVERIFY(QFile::link(outside + QStringLiteral("/secret.png"),
                        run() + QStringLiteral("/candidates/frame_0003_attempt_01.png")));
    // Frame 5's image: a link to frame 4's, inside the run: read as where it leads.
    QVERIFY(QFile::remove(run() + QStringLiteral("/candidates/frame_0005_attempt_01.png")));
    QVERIFY(QFile::link(run() + QStringLiteral("/candidates/frame_0004_attempt_01.png"),
                        run() + QStringLiteral("/candidates/frame_0005_attempt_01.png")));
    // The audit folder: a link to a folder outside the run, holding the same files.
    QVERIFY(QDir(run() + QStringLiteral("/audit"))
                .rename(run() + QStringLiteral("/audit"), outside + QStringLiteral("/audit")));
    QVERIFY(QFile::link(outside + QStringLiteral("/audit"), run() + QStringLiteral("/audit")));

    const RunFolder::Contents c = read();
    QCOMPARE(c.frames.size(), frames);
    QVERIFY(c.frames[3].imagePath.isEmpty());
    QCOMPARE(c.frames[5].imagePath, QStringLiteral("candidates/frame_0004_attempt_01.png"));
    QCOMPARE(c.frames[4].imagePath, QStringLiteral("candidates/frame_0004_attempt_01.png"));
    const QString missing = c.missing.join(QLatin1Char('\n'));
    QVERIFY2(missing.contains(QLatin1String(
                 "candidates/frame_0003_attempt_01.png: candidates/frame_0003_attempt_01.png leads "
                 "outside the run folder")),
             qPrintable(missing));
    for (int index = 0; index < frames; ++index) {
        // No audit is read through the link.
        if (index != 3)
            QCOMPARE(c.frames[index].status, FrameStatus::Generated);
        QVERIFY2(missing.contains(
                     QStringLiteral("audit/frame_%1_metrics.json leads outside the run folder")
                         .arg(index, 4, 10, QLatin1Char('0'))),
                 qPrintable(missing));
    }
}

void TestRunFolder::resolverAnswersAsRunPaths_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("a file") << QStringLiteral("candidates/file.png");
    QTest::newRow("a file at the top") << QStringLiteral("top.png");
    QTest::newRow("in the pipeline's form") << QStringLiteral("runs/run/candidates/file.png");
    QTest::newRow("absolute") << QStringLiteral("@run@/candidates/file.png");
    QTest::newRow("a link inside") << QStringLiteral("candidates/inside.png");
    QTest::newRow("a link outside") << QStringLiteral("candidates/outside.png");
    QTest::newRow("a link to nothing") << QStringLiteral("candidates/nothing.png");
    QTest::newRow("a FIFO") << QStringLiteral("candidates/fifo.png");
    QTest::newRow("a folder") << QStringLiteral("candidates/folder.png");
    QTest::newRow("missing") << QStringLiteral("candidates/missing.png");
    QTest::newRow("in a missing folder") << QStringLiteral("missing/file.png");
    QTest::newRow("in a linked folder inside") << QStringLiteral("linked/file.png");
    QTest::newRow("in a linked folder outside") << QStringLiteral("away/secret.png");
    QTest::newRow("up and out") << QStringLiteral("../secret.png");
    QTest::newRow("a name of other characters") << QStringLiteral("candidates/fïle ä.png");
}

// RunFileResolver gives RunPaths::resolveExistingFile's answers, messages
// included, twice in a row (what it remembers changes nothing).
void TestRunFolder::resolverAnswersAsRunPaths()
{
    QFETCH(QString, stored);
    stored.replace(QLatin1String("@run@"), run());
    const QString c = run() + QStringLiteral("/candidates");
    QVERIFY(touchPng(c + QStringLiteral("/file.png")));
    QVERIFY(touchPng(c + QStringLiteral("/fïle ä.png")));
    QVERIFY(touchPng(run() + QStringLiteral("/top.png")));
    QVERIFY(touchPng(m_dir->path() + QStringLiteral("/secret.png")));
    QVERIFY(QFile::link(c + QStringLiteral("/file.png"), c + QStringLiteral("/inside.png")));
    QVERIFY(QFile::link(m_dir->path() + QStringLiteral("/secret.png"),
                        c + QStringLiteral("/outside.png")));
    QVERIFY(QFile::link(c + QStringLiteral("/gone.png"), c + QStringLiteral("/nothing.png")));
    QCOMPARE(::mkfifo(QFile::encodeName(c + QStringLiteral("/fifo.png")).constData(), 0600), 0);
    QVERIFY(QDir().mkpath(c + QStringLiteral("/folder.png")));
    QVERIFY(QFile::link(c, run() + QStringLiteral("/linked")));
    QVERIFY(QFile::link(m_dir->path(), run() + QStringLiteral("/away")));

    const RunPaths paths(run());
    RunFileResolver resolver(paths);
    const Result<QString> expected = paths.resolveExistingFile(stored);
    for (int round = 0; round < 2; ++round) {
        const Result<QString> got = resolver.resolveExistingFile(stored);
        QCOMPARE(got.isOk(), expected.isOk());
        QCOMPARE(got.outcome().message(), expected.outcome().message());
        if (expected)
            QCOMPARE(*got, *expected);
    }
}

QTEST_GUILESS_MAIN(TestRunFolder)
#include "tst_runfolder.moc"

// docs/run-folder.md, "What is left out and why": state.json and the details
// copied of a run grow with the run, up to a ceiling.
void TestRunFolder::limitsScaleWithTheFrameCount()
{
    constexpr qint64 mib = 1024 * 1024;
    QCOMPARE(RunFolder::maxStateJsonSize(0), RunFolder::maxJsonSize);
    QCOMPARE(RunFolder::maxStateJsonSize(-1), RunFolder::maxJsonSize);
    QCOMPARE(RunFolder::maxStateJsonSize(4096), 16 * mib);
    QCOMPARE(RunFolder::maxStateJsonSize(4097), 17 * mib); // a whole MiB, rounded up
    QCOMPARE(RunFolder::maxStateJsonSize(10000), 40 * mib);
    QCOMPARE(RunFolder::maxStateJsonSize(RunFolder::maxFrameCount), RunFolder::maxStateJsonCeiling);
    QCOMPARE(RunFolder::maxStateJsonCeiling, 256 * mib);

    QCOMPARE(RunFolder::maxCopiedRunBytesFor(0), RunFolder::maxCopiedRunBytes);
    QCOMPARE(RunFolder::maxCopiedRunBytesFor(8192), 32 * mib);
    QCOMPARE(RunFolder::maxCopiedRunBytesFor(10000), 40 * mib);
    QCOMPARE(RunFolder::maxCopiedRunBytesFor(RunFolder::maxFrameCount),
             RunFolder::maxCopiedRunCeiling);
    QCOMPARE(RunFolder::maxCopiedRunCeiling, 224 * mib);
}

void TestRunFolder::largeStateJsonIsReadForManyFrames_data()
{
    QTest::addColumn<int>("declared");    // frames the manifest declares
    QTest::addColumn<QString>("refused"); // what Missing says; empty: read
    // state.json is some 17.5 MB, over the 16 MB of any other file.
    QTest::newRow("no frame count") << 0 << QStringLiteral("state.json: larger than 16 MB");
    QTest::newRow("4,096 frames: 16 MB") << 4096 << QStringLiteral("state.json: larger than 16 MB");
    QTest::newRow("4,200 frames: 17 MB") << 4200 << QStringLiteral("state.json: larger than 17 MB");
    QTest::newRow("5,000 frames: 20 MB") << 5000 << QString();
}

void TestRunFolder::largeStateJsonIsReadForManyFrames()
{
    QFETCH(int, declared);
    QFETCH(QString, refused);
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), declared));
    QVERIFY(RunFixture::writeCandidate(run(), 0));
    const QJsonObject attempt{{QStringLiteral("attemptIndex"), 1},
                              {QStringLiteral("strategy"), QStringLiteral("from_state")}};
    QJsonObject state{{QStringLiteral("frameAttempts"),
                       QJsonObject{{QStringLiteral("0"), QJsonObject{{QStringLiteral("attempts"),
                                                                      QJsonArray{attempt}}}}}},
                      {QStringLiteral("log"), QString(17 * 1024 * 1024 + 512 * 1024, u'x')}};
    QVERIFY(RunFixture::writeJson(run() + QStringLiteral("/state.json"), state));
    const qint64 size = QFileInfo(run() + QStringLiteral("/state.json")).size();
    QVERIFY(size > 17 * 1024 * 1024 && size < 18 * 1024 * 1024);

    const RunFolder::Contents c = read();
    QCOMPARE(c.frames.size(), std::max(declared, 1));
    const QString missing = c.missing.join(u'\n');
    QCOMPARE(missing.contains(QLatin1String("state.json")), !refused.isEmpty());
    if (!refused.isEmpty())
        QVERIFY2(c.missing.contains(refused), qPrintable(missing));
    QCOMPARE(c.runFilesUnreadable, !refused.isEmpty());
    QCOMPARE(c.frames[0].attemptHistory.size(), 1);
    QCOMPARE(c.frames[0].attemptHistory[0].strategy,
             refused.isEmpty() ? QStringLiteral("from_state") : QString());
}

void TestRunFolder::runBudgetScalesWithTheFrames_data()
{
    QTest::addColumn<int>("declared");
    QTest::addColumn<bool>("allKept");
    // 600 frames with some 58 KiB of details each: 35 MB, over 32 MiB.
    QTest::newRow("600 frames: 32 MiB") << 600 << false;
    QTest::newRow("10,000 frames: 40 MiB") << 10000 << true;
}

void TestRunFolder::runBudgetScalesWithTheFrames()
{
    QFETCH(int, declared);
    QFETCH(bool, allKept);
    constexpr int withDetails = 600;
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), declared));
    // One audit file of 20 KB on disk, each character counted at six bytes
    // in the session (not ASCII), linked as every frame's audit.
    const QString first = run() + QStringLiteral("/audit/frame_0000_metrics.json");
    QVERIFY(RunFixture::writeJson(first, {{QStringLiteral("passed"), true},
                                          {QStringLiteral("composite_score"), 0.9},
                                          {QStringLiteral("log"), QString(9900, QChar(0xe9))}}));
    for (int index = 1; index < withDetails; ++index) {
        const QString path =
            run() + QStringLiteral("/audit/%1_metrics.json").arg(RunFixture::frameName(index));
        QVERIFY(::link(QFile::encodeName(first).constData(), QFile::encodeName(path).constData()) ==
                0);
    }

    const RunFolder::Contents c = read();
    QCOMPARE(c.frames.size(), std::max(declared, withDetails));
    int kept = 0;
    for (int index = 0; index < withDetails; ++index) {
        QVERIFY(c.frames[index].auditReport.passed);
        kept += c.frames[index].auditReport.extra.value(u"log").toString().size() == 9900;
    }
    const QString leftOut = c.leftOut.join(u'\n');
    if (allKept) {
        QCOMPARE(kept, withDetails);
        QVERIFY2(c.leftOut.isEmpty(), qPrintable(leftOut));
    } else {
        QVERIFY(kept > 500 && kept < withDetails);
        QVERIFY2(
            leftOut.contains(QStringLiteral(
                "audit/frame_0599_metrics.json: details past the 32 MiB the session keeps of a "
                "run's")),
            qPrintable(leftOut));
    }
}

// A printable ASCII character takes one byte in the session file, any other
// is counted at its escaped worst (six).
void TestRunFolder::detailsAreCountedAsWritten()
{
    QVERIFY(RunFixture::writeManifest(run(), QStringLiteral("r"), 2));
    for (int index = 0; index < 2; ++index) {
        QVERIFY(RunFixture::writeJson(
            run() + QStringLiteral("/audit/%1_metrics.json").arg(RunFixture::frameName(index)),
            {{QStringLiteral("passed"), true},
             {QStringLiteral("log"), QString(60000, index == 0 ? u'x' : QChar(0xe9))}}));
    }
    const RunFolder::Contents c = read();
    QCOMPARE(c.frames[0].auditReport.extra.value(u"log").toString().size(), 60000);
    QVERIFY(c.frames[1].auditReport.extra.isEmpty());
    QCOMPARE(c.leftOut,
             QStringList{QStringLiteral("audit/frame_0001_metrics.json: details past the 64 KiB "
                                        "the session keeps of a frame's")});
}
