#include "atomicfile.h"
#include "commitexporter.h"
#include "runfixture.h"

#include <QBuffer>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// Commit writes approved/frame_NNNN.png with every nudge applied to the
// pixels, exactly; a commit that cannot finish leaves approved/ as it was.
class TestCommitExporter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void roundingFollowsThePipeline_data();
    void roundingFollowsThePipeline();
    void translationIsExact_data();
    void translationIsExact();
    void writesEveryFrameWithItsOffset();
    void patchedFrameUsesTheLatestPatch();
    void sourceInApprovedIsReadBeforeItIsReplaced();
    void refusedUnlessEveryFrameIsApproved();
    void missingImageLeavesApprovedUntouched();
    void failedWriteLeavesApprovedUntouched();
    void untrustedSourcesAreRefused_data();
    void untrustedSourcesAreRefused();
    void framesOfAnotherSizeAreRefused_data();
    void framesOfAnotherSizeAreRefused();
    void stagingLeftByAKilledCommitIsRemoved();
    void approvedLinkedElsewhereIsRefused();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    DirectorSession session(int frames) const;
    static QImage numbered(int w, int h);
    QStringList approvedFiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

QImage TestCommitExporter::numbered(int w, int h)
{
    // Every pixel different, so every pixel's place can be checked.
    QImage image(w, h, QImage::Format_ARGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            image.setPixel(x, y,
                           qRgba(10 + x * 20, 10 + y * 20, (x * 7 + y * 13) % 256, 200 + x + y));
    return image;
}

DirectorSession TestCommitExporter::session(int frames) const
{
    DirectorSession s;
    s.sessionId = QStringLiteral("d290f1ee-6c54-4b01-90e6-d701748f0851");
    s.runId = QStringLiteral("run");
    s.createdAt = s.lastModified = QStringLiteral("2026-01-18T12:00:00.000Z");
    for (int i = 0; i < frames; ++i) {
        DirectorFrameState f;
        f.frameIndex = i;
        f.id = RunFixture::frameName(i);
        f.status = FrameStatus::Approved;
        f.imagePath = QStringLiteral("candidates/%1.png").arg(f.id);
        numbered(8, 6).save(run() + QLatin1Char('/') + f.imagePath);
        s.frames.insert(i, f);
    }
    return s;
}

QStringList TestCommitExporter::approvedFiles() const
{
    return QDir(run() + QStringLiteral("/approved"))
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

void TestCommitExporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/candidates")));
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/patches")));
}

void TestCommitExporter::cleanup()
{
    AtomicFile::setFaultHook({});
}

void TestCommitExporter::roundingFollowsThePipeline_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("rounded");
    QTest::newRow("-2.5") << -2.5 << -2;
    QTest::newRow("2.5") << 2.5 << 3;
    QTest::newRow("-0.5") << -0.5 << 0;
    QTest::newRow("0.49") << 0.49 << 0;
    QTest::newRow("-2.51") << -2.51 << -3;
    QTest::newRow("3") << 3.0 << 3;
    QTest::newRow("-7") << -7.0 << -7;
}

void TestCommitExporter::roundingFollowsThePipeline()
{
    QFETCH(double, value);
    QFETCH(int, rounded);
    QCOMPARE(CommitExporter::roundOffset(value), rounded);
}

void TestCommitExporter::translationIsExact_data()
{
    QTest::addColumn<int>("dx");
    QTest::addColumn<int>("dy");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("right and down") << 2 << 3;
    QTest::newRow("left and down") << -2 << 3;
    QTest::newRow("left and up") << -3 << -1;
    QTest::newRow("all the way out") << 9 << 0;
}

void TestCommitExporter::translationIsExact()
{
    QFETCH(int, dx);
    QFETCH(int, dy);
    const QImage source = numbered(8, 6);
    const QImage moved = CommitExporter::translated(source, dx, dy);
    QCOMPARE(moved.size(), source.size());
    for (int y = 0; y < source.height(); ++y) {
        for (int x = 0; x < source.width(); ++x) {
            const int sx = x - dx;
            const int sy = y - dy;
            const bool inside = sx >= 0 && sy >= 0 && sx < source.width() && sy < source.height();
            const QRgb expected = inside ? source.pixel(sx, sy) : qRgba(0, 0, 0, 0);
            QVERIFY2(moved.pixel(x, y) == expected,
                     qPrintable(QStringLiteral("pixel %1,%2").arg(x).arg(y)));
        }
    }
}

void TestCommitExporter::writesEveryFrameWithItsOffset()
{
    DirectorSession s = session(3);
    HumanAlignmentDelta delta;
    delta.frameId = s.frames[1].id;
    delta.userOverrideX = -2.5; // rounds to -2
    delta.userOverrideY = 1;
    s.frames[1].directorOverrides.alignment = delta;
    QList<QPair<int, int>> progress;
    CommitInfo info;
    const Outcome outcome = CommitExporter(run()).exportFrames(s, &info, [&](int done, int total) {
        progress.append({done, total});
    });
    QVERIFY2(outcome, qPrintable(outcome.message()));
    QCOMPARE(approvedFiles(),
             (QStringList{QStringLiteral("frame_0000.png"), QStringLiteral("frame_0001.png"),
                          QStringLiteral("frame_0002.png")}));
    QCOMPARE(progress, (QList<QPair<int, int>>{{1, 3}, {2, 3}, {3, 3}}));
    QCOMPARE(info.approvedCount, 3);
    QCOMPARE(info.nudgedCount, 1);
    QCOMPARE(info.patchedCount, 0);
    QVERIFY(info.timestamp.endsWith(QLatin1Char('Z')));

    const QImage source = numbered(8, 6);
    const QImage unchanged(run() + QStringLiteral("/approved/frame_0000.png"));
    QCOMPARE(unchanged.convertToFormat(QImage::Format_ARGB32), source);
    const QImage nudged = QImage(run() + QStringLiteral("/approved/frame_0001.png"))
                              .convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(nudged, CommitExporter::translated(source, -2, 1));
    QCOMPARE(qAlpha(nudged.pixel(7, 0)), 0); // vacated on the right and at the top
    QCOMPARE(nudged.pixel(0, 1), source.pixel(2, 0));
}

void TestCommitExporter::patchedFrameUsesTheLatestPatch()
{
    DirectorSession s = session(1);
    QImage first(8, 6, QImage::Format_ARGB32);
    first.fill(qRgba(255, 0, 0, 255));
    QImage second(8, 6, QImage::Format_ARGB32);
    second.fill(qRgba(0, 0, 255, 255));
    QVERIFY(first.save(run() + QStringLiteral("/patches/p1.png")));
    QVERIFY(second.save(run() + QStringLiteral("/patches/p2.png")));
    DirectorOverrides &o = s.frames[0].directorOverrides;
    o.isPatched = true;
    o.patchHistory.append(
        {s.frames[0].imagePath, QStringLiteral("patches/p1.png"), {}, QStringLiteral("a"), {}, {}});
    o.patchHistory.append({QStringLiteral("patches/p1.png"),
                           QStringLiteral("patches/p2.png"),
                           {},
                           QStringLiteral("b"),
                           {},
                           {}});
    CommitInfo info;
    QVERIFY(CommitExporter(run()).exportFrames(s, &info));
    QCOMPARE(info.patchedCount, 1);
    QCOMPARE(QImage(run() + QStringLiteral("/approved/frame_0000.png")).pixel(3, 3),
             qRgba(0, 0, 255, 255));
}

void TestCommitExporter::sourceInApprovedIsReadBeforeItIsReplaced()
{
    DirectorSession s = session(2);
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/approved")));
    QVERIFY(numbered(8, 6).save(run() + QStringLiteral("/approved/frame_0001.png")));
    s.frames[1].imagePath = QStringLiteral("approved/frame_0001.png");
    HumanAlignmentDelta delta;
    delta.frameId = s.frames[1].id;
    delta.userOverrideX = 1;
    s.frames[1].directorOverrides.alignment = delta;
    CommitInfo info;
    QVERIFY(CommitExporter(run()).exportFrames(s, &info));
    const QImage written = QImage(run() + QStringLiteral("/approved/frame_0001.png"))
                               .convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(written, CommitExporter::translated(numbered(8, 6), 1, 0));
}

void TestCommitExporter::refusedUnlessEveryFrameIsApproved()
{
    DirectorSession s = session(4);
    s.frames[1].status = FrameStatus::AuditWarn;
    s.frames[3].status = FrameStatus::AuditFail;
    CommitInfo info;
    const Outcome refused = CommitExporter(run()).exportFrames(s, &info);
    QCOMPARE(refused.kind(), Outcome::Kind::Refused);
    QVERIFY2(refused.message().contains(QLatin1String("1 (AUDIT_WARN)")) &&
                 refused.message().contains(QLatin1String("3 (AUDIT_FAIL)")),
             qPrintable(refused.message()));
    QVERIFY(approvedFiles().isEmpty());
}

void TestCommitExporter::missingImageLeavesApprovedUntouched()
{
    DirectorSession s = session(3);
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/approved")));
    QVERIFY(numbered(8, 6).save(run() + QStringLiteral("/approved/frame_0000.png")));
    const QByteArray before = [&] {
        QFile f(run() + QStringLiteral("/approved/frame_0000.png"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    HumanAlignmentDelta delta;
    delta.frameId = s.frames[0].id;
    delta.userOverrideX = 3;
    s.frames[0].directorOverrides.alignment = delta;
    QVERIFY(QFile::remove(run() + QLatin1Char('/') + s.frames[2].imagePath));
    CommitInfo info;
    const Outcome failed = CommitExporter(run()).exportFrames(s, &info);
    QCOMPARE(failed.kind(), Outcome::Kind::Failed);
    QVERIFY2(failed.message().contains(QLatin1String("Frame 2")) &&
                 failed.message().contains(QLatin1String("frame_0002")),
             qPrintable(failed.message()));
    QCOMPARE(approvedFiles(),
             QStringList{QStringLiteral("frame_0000.png")}); // no staging folder left
    QFile f(run() + QStringLiteral("/approved/frame_0000.png"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestCommitExporter::failedWriteLeavesApprovedUntouched()
{
    const DirectorSession s = session(4);
    int writes = 0;
    AtomicFile::setFaultHook([&](AtomicFile::Step step, const QString &) {
        return step == AtomicFile::Step::Write && ++writes == 3; // the disk fills up at frame 2
    });
    CommitInfo info;
    const Outcome failed = CommitExporter(run()).exportFrames(s, &info);
    QCOMPARE(failed.kind(), Outcome::Kind::Failed);
    QVERIFY2(failed.message().contains(QLatin1String("Frame 2")), qPrintable(failed.message()));
    QVERIFY(approvedFiles().isEmpty());
}

void TestCommitExporter::untrustedSourcesAreRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("dot-dot") << QStringLiteral("dotdot");
    QTest::newRow("absolute outside") << QStringLiteral("absolute");
    QTest::newRow("symlink out") << QStringLiteral("symlink");
    QTest::newRow("not a png") << QStringLiteral("notpng");
    QTest::newRow("directory") << QStringLiteral("directory");
    QTest::newRow("fifo") << QStringLiteral("fifo");
    QTest::newRow("device") << QStringLiteral("device");
    QTest::newRow("decompression bomb") << QStringLiteral("bomb");
    QTest::newRow("truncated png") << QStringLiteral("truncated");
    QTest::newRow("empty file") << QStringLiteral("empty");
}

void TestCommitExporter::untrustedSourcesAreRefused()
{
    QFETCH(QString, kind);
    DirectorSession s = session(2);
    const QString outside = m_dir->path() + QStringLiteral("/outside.png");
    QVERIFY(numbered(8, 6).save(outside));
    QString &path = s.frames[1].imagePath;
    if (kind == QLatin1String("dotdot")) {
        path = QStringLiteral("candidates/../../outside.png");
    } else if (kind == QLatin1String("absolute")) {
        path = outside;
    } else if (kind == QLatin1String("symlink")) {
        path = QStringLiteral("candidates/link.png");
        QVERIFY(QFile::link(outside, run() + QLatin1Char('/') + path));
    } else if (kind == QLatin1String("notpng")) {
        path = QStringLiteral("candidates/fake.png");
        QFile fake(run() + QLatin1Char('/') + path);
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("GIF89a this is not a PNG at all");
    } else if (kind == QLatin1String("fifo")) {
        // Opening a FIFO for reading would wait for a writer for ever.
        path = QStringLiteral("candidates/pipe.png");
        QVERIFY(::mkfifo(QFile::encodeName(run() + QLatin1Char('/') + path).constData(), 0600) ==
                0);
    } else if (kind == QLatin1String("device")) {
        path = QStringLiteral("candidates/zero.png");
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), run() + QLatin1Char('/') + path));
    } else if (kind == QLatin1String("bomb")) {
        // A valid PNG header claiming 60000×60000 pixels (14 GB decoded) over
        // a few bytes of data.
        path = QStringLiteral("candidates/bomb.png");
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(numbered(8, 6).save(&buffer, "PNG"));
        auto be32 = [](quint32 v) {
            QByteArray bytes(4, '\0');
            for (int i = 0; i < 4; ++i)
                bytes[i] = char((v >> (24 - 8 * i)) & 0xff);
            return bytes;
        };
        png.replace(16, 8, be32(60000) + be32(60000)); // IHDR width and height
        // The IHDR's CRC-32 (over its type and data), so that the header
        // itself is well formed and only its size is a lie.
        quint32 crc = 0xffffffffu;
        for (int i = 12; i < 29; ++i) {
            crc ^= quint8(png.at(i));
            for (int bit = 0; bit < 8; ++bit)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        png.replace(29, 4, be32(~crc));
        QFile bomb(run() + QLatin1Char('/') + path);
        QVERIFY(bomb.open(QIODevice::WriteOnly));
        bomb.write(png);
    } else if (kind == QLatin1String("truncated")) {
        path = QStringLiteral("candidates/truncated.png");
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(numbered(8, 6).save(&buffer, "PNG"));
        QFile cut(run() + QLatin1Char('/') + path);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(png.left(png.size() / 2));
    } else if (kind == QLatin1String("empty")) {
        path = QStringLiteral("candidates/empty.png");
        QFile empty(run() + QLatin1Char('/') + path);
        QVERIFY(empty.open(QIODevice::WriteOnly));
    } else {
        path = QStringLiteral("candidates");
    }
    CommitInfo info;
    const Outcome refused = CommitExporter(run()).exportFrames(s, &info);
    QCOMPARE(refused.kind(), Outcome::Kind::Failed);
    QVERIFY2(refused.message().startsWith(QLatin1String("Frame 1")), qPrintable(refused.message()));
    QVERIFY(approvedFiles().isEmpty());
    QVERIFY(QFile::exists(outside));
}

void TestCommitExporter::framesOfAnotherSizeAreRefused_data()
{
    QTest::addColumn<QSize>("expected");
    QTest::addColumn<QSize>("odd");
    QTest::addColumn<int>("oddFrame");
    // Without a manifest size, the first frame sets the size of the atlas.
    QTest::newRow("unlike the first frame") << QSize() << QSize(9, 6) << 2;
    // With one, every frame must have it, the first one too.
    QTest::newRow("unlike the manifest") << QSize(8, 6) << QSize(16, 12) << 0;
}

void TestCommitExporter::framesOfAnotherSizeAreRefused()
{
    QFETCH(QSize, expected);
    QFETCH(QSize, odd);
    QFETCH(int, oddFrame);
    const DirectorSession s = session(3);
    QVERIFY(numbered(odd.width(), odd.height())
                .save(run() + QLatin1Char('/') + s.frames[oddFrame].imagePath));
    CommitExporter exporter(run());
    exporter.setExpectedSize(expected);
    CommitInfo info;
    const Outcome failed = exporter.exportFrames(s, &info);
    QCOMPARE(failed.kind(), Outcome::Kind::Failed);
    const QString size = QStringLiteral("%1×%2").arg(odd.width()).arg(odd.height());
    QVERIFY2(failed.message().startsWith(QStringLiteral("Frame %1").arg(oddFrame)) &&
                 failed.message().contains(size) &&
                 failed.message().contains(QStringLiteral("8×6")),
             qPrintable(failed.message()));
    QVERIFY(approvedFiles().isEmpty());

    // The same frames at the right size commit.
    QVERIFY(numbered(8, 6).save(run() + QLatin1Char('/') + s.frames[oddFrame].imagePath));
    QVERIFY2(exporter.exportFrames(s, &info), "the frames have one size now");
    QCOMPARE(approvedFiles().size(), 3);
}

void TestCommitExporter::stagingLeftByAKilledCommitIsRemoved()
{
    const DirectorSession s = session(2);
    const QString approved = run() + QStringLiteral("/approved");
    const QString left = approved + QStringLiteral("/.director-commit-0123456789abcdef");
    QVERIFY(QDir().mkpath(left));
    QVERIFY(numbered(8, 6).save(left + QStringLiteral("/frame_0000.png")));
    // A staging name that is a link to a folder elsewhere: removed as a link,
    // never followed.
    const QString elsewhere = m_dir->path() + QStringLiteral("/elsewhere");
    QVERIFY(QDir().mkpath(elsewhere));
    QVERIFY(numbered(8, 6).save(elsewhere + QStringLiteral("/keep.png")));
    QVERIFY(QFile::link(elsewhere, approved + QStringLiteral("/.director-commit-link")));

    CommitInfo info;
    QVERIFY(CommitExporter(run()).exportFrames(s, &info));
    QVERIFY(!QFileInfo::exists(left));
    QVERIFY(QFile::exists(elsewhere + QStringLiteral("/keep.png")));
    QStringList files = approvedFiles();
    files.removeOne(QStringLiteral(".director-commit-link"));
    QCOMPARE(files,
             (QStringList{QStringLiteral("frame_0000.png"), QStringLiteral("frame_0001.png")}));
}

void TestCommitExporter::approvedLinkedElsewhereIsRefused()
{
    // approved/ as a link to a folder outside the run: commit never writes there.
    const DirectorSession s = session(2);
    const QString elsewhere = m_dir->path() + QStringLiteral("/elsewhere");
    QVERIFY(QDir().mkpath(elsewhere));
    QVERIFY(QFile::link(elsewhere, run() + QStringLiteral("/approved")));
    CommitInfo info;
    const Outcome refused = CommitExporter(run()).exportFrames(s, &info);
    QCOMPARE(refused.kind(), Outcome::Kind::Failed);
    QVERIFY2(refused.message().contains(QLatin1String("link")), qPrintable(refused.message()));
    QVERIFY(QDir(elsewhere).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

QTEST_GUILESS_MAIN(TestCommitExporter)
#include "tst_commitexporter.moc"
