#include "commit/commitexporter.h"
#include "demo/demoaudit.h"
#include "demo/demorun.h"
#include "run/runfolder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// The demo run is a realistic run folder of Director's own making, audited
// from its own pixels.
class TestDemoRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void framesAreSmallPixelArt();
    void statusesAreAMixMeasuredFromThePixels();
    void auditFilesHoldWhatThePixelsSay();
    void retriedFrameKeepsBothAttempts();
    void refusesAFolderThatHoldsSomething();
    void pixelAuditMeasuresDrift();
    void pixelAuditMeasuresOffPaletteColours();

private:
    QImage frame(int index) const;
    QTemporaryDir m_dir;
    QString m_run;
    RunFolder::Contents m_contents;
};

void TestDemoRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = m_dir.path() + QStringLiteral("/demo");
    const Outcome written = DemoRun::write(m_run);
    QVERIFY2(written, qPrintable(written.message()));
    QVERIFY(RunFolder::read(m_run, &m_contents));
}

QImage TestDemoRun::frame(int index) const
{
    return QImage(m_run + QLatin1Char('/') + m_contents.frames.at(index).imagePath)
        .convertToFormat(QImage::Format_ARGB32);
}

void TestDemoRun::framesAreSmallPixelArt()
{
    QCOMPARE(m_contents.frames.size(), DemoRun::frameCount);
    QCOMPARE(m_contents.manifest.moveId, QStringLiteral("idle_standard"));
    QCOMPARE(m_contents.manifest.targetSize, 128);
    // An idle is a loop, and the manifest says so.
    QFile manifest(m_run + QStringLiteral("/manifest.lock.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject identity = QJsonDocument::fromJson(manifest.readAll())
                                     .object()
                                     .value(QStringLiteral("resolved_config"))
                                     .toObject()
                                     .value(QStringLiteral("identity"))
                                     .toObject();
    QCOMPARE(identity.value(QStringLiteral("is_loop")), QJsonValue(true));
    QVERIFY(m_contents.anchor.present);
    QVERIFY(m_contents.missing.isEmpty());
    const QList<QRgb> palette = DemoRun::palette();
    QVERIFY(palette.size() <= 16);
    for (int i = 0; i < DemoRun::frameCount; ++i) {
        const QImage image = frame(i);
        QCOMPARE(image.size(), QSize(128, 128));
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0); // a transparent background
        QSet<QRgb> colours;
        for (int y = 0; y < 128; ++y)
            for (int x = 0; x < 128; ++x)
                if (qAlpha(image.pixel(x, y)) == 255)
                    colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() >= 8); // a drawn character, not a blob
        if (m_contents.frames.at(i).status != FrameStatus::AuditFail) {
            for (QRgb c : colours)
                QVERIFY2(palette.contains(c), qPrintable(QStringLiteral("frame %1").arg(i)));
        }
    }
    // An idle loop: the frames differ, but not by much.
    QVERIFY(frame(0) != frame(4));
}

void TestDemoRun::statusesAreAMixMeasuredFromThePixels()
{
    QMap<FrameStatus, int> counts;
    for (const DirectorFrameState &f : m_contents.frames)
        ++counts[f.status];
    QVERIFY(counts.value(FrameStatus::Approved) >= 8);
    QVERIFY(counts.value(FrameStatus::AuditWarn) >= 2);
    QVERIFY(counts.value(FrameStatus::AuditFail) >= 1);

    // A warned frame was drifted: moving it back by the measured drift
    // brings it onto the anchor's baseline and root.
    const QImage anchor = frame(0);
    const QList<QRgb> palette = DemoRun::palette();
    for (const DirectorFrameState &f : m_contents.frames) {
        if (f.status != FrameStatus::AuditWarn)
            continue;
        QVERIFY(f.auditReport.flags.contains(QStringLiteral("SF04_BASELINE_DRIFT")));
        const DemoAudit::Result drift = DemoAudit::measure(frame(f.frameIndex), anchor, palette);
        QVERIFY(drift.driftPx() > 0);
        QCOMPARE(f.auditReport.driftPixels, std::optional(double(drift.driftPx())));
        const QImage fixed = CommitExporter::translated(frame(f.frameIndex), -drift.rootDriftPx,
                                                        -drift.baselineDriftPx);
        const DemoAudit::Result after = DemoAudit::measure(fixed, anchor, palette);
        QCOMPARE(after.driftPx(), 0);
        QVERIFY(after.passed);
    }
    // The failed frame has colours the palette does not hold.
    for (const DirectorFrameState &f : m_contents.frames) {
        if (f.status == FrameStatus::AuditFail) {
            QVERIFY(f.auditReport.flags.contains(QStringLiteral("SF02_PALETTE_DRIFT")));
            QVERIFY(DemoAudit::measure(frame(f.frameIndex), anchor, palette).paletteFidelity <
                    0.95);
        }
    }
}

void TestDemoRun::auditFilesHoldWhatThePixelsSay()
{
    const QImage anchor = frame(0);
    for (const DirectorFrameState &f : m_contents.frames) {
        const DemoAudit::Result measured =
            DemoAudit::measure(frame(f.frameIndex), anchor, DemoRun::palette());
        QCOMPARE(f.auditReport.compositeScore, measured.compositeScore);
        QCOMPARE(f.auditReport.flags, measured.reasonCodes);
        QCOMPARE(f.auditReport.passed, measured.passed);
        QCOMPARE(
            f.auditReport.extra.value(u"metrics").toObject().value(u"palette_fidelity").toDouble(),
            measured.paletteFidelity);
    }
}

void TestDemoRun::retriedFrameKeepsBothAttempts()
{
    bool found = false;
    for (const DirectorFrameState &f : m_contents.frames) {
        if (f.attemptHistory.size() < 2)
            continue;
        found = true;
        QCOMPARE(f.attemptHistory.size(), 2);
        QVERIFY(!f.attemptHistory[0].passed);
        QVERIFY(f.attemptHistory[1].passed);
        // Attempt 2 is written unpadded, as some pipeline writers do.
        QVERIFY2(f.imagePath.contains(QLatin1String("_attempt_2_norm.png")),
                 qPrintable(f.imagePath));
    }
    QVERIFY(found);
}

void TestDemoRun::refusesAFolderThatHoldsSomething()
{
    const Outcome refused = DemoRun::write(m_run);
    QCOMPARE(refused.kind(), Outcome::Kind::Invalid);
    QVERIFY(refused.message().contains(QLatin1String("not empty")));
    QTemporaryDir empty;
    QVERIFY(DemoRun::write(empty.path()));
}

void TestDemoRun::pixelAuditMeasuresDrift()
{
    const QImage anchor = frame(0);
    const QImage shifted = CommitExporter::translated(anchor, 3, -2);
    const DemoAudit::Result r = DemoAudit::measure(shifted, anchor, DemoRun::palette());
    QCOMPARE(r.rootDriftPx, 3);
    QCOMPARE(r.baselineDriftPx, -2);
    QCOMPARE(r.driftPx(), 3);
    QCOMPARE(r.identity, 1.0); // the same character, only moved
    QVERIFY(r.reasonCodes.contains(QStringLiteral("SF04_BASELINE_DRIFT")));
    const DemoAudit::Result same = DemoAudit::measure(anchor, anchor, DemoRun::palette());
    QCOMPARE(same.driftPx(), 0);
    QVERIFY(same.reasonCodes.isEmpty());
    QCOMPARE(same.compositeScore, 1.0);
}

void TestDemoRun::pixelAuditMeasuresOffPaletteColours()
{
    const QImage anchor = frame(0);
    QImage noisy = anchor;
    int changed = 0;
    int opaque = 0;
    for (int y = 0; y < 128; ++y) {
        for (int x = 0; x < 128; ++x) {
            if (qAlpha(noisy.pixel(x, y)) != 255)
                continue;
            if (++opaque % 10 == 0) {
                noisy.setPixel(x, y, qRgba(1, 2, 3, 255));
                ++changed;
            }
        }
    }
    const DemoAudit::Result r = DemoAudit::measure(noisy, anchor, DemoRun::palette());
    QCOMPARE(r.paletteFidelity, std::round(1000.0 * (opaque - changed) / opaque) / 1000.0);
    QVERIFY(r.reasonCodes.contains(QStringLiteral("SF02_PALETTE_DRIFT")));
    QVERIFY(!r.passed);
}

QTEST_GUILESS_MAIN(TestDemoRun)
#include "tst_demorun.moc"
