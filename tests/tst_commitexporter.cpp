#include "commit/commitexporter.h"
#include "runfixture.h"
#include "storage/atomicfile.h"

#include <QBuffer>
#include <QColorSpace>
#include <QDir>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <numeric>

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
    void approvedHoldsThePixelsOnly();
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
    void manyFramesAreWrittenExactly();
    void framesAreStagedOnSeveralThreadsAtOnce();
    void badFrameAmongManyFailsTheWholeCommit();
    void failureStopsTheFramesAfterIt();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    DirectorSession session(int frames) const;
    // `frames` frames, each with pixels of its own, nudged in every direction
    // (halves too), every ninth one patched.
    DirectorSession manyFrames(int frames) const;
    static QImage numbered(int w, int h);
    static QImage distinct(int frame);
    static QByteArray encoded(const QImage &image);
    QByteArray fileBytes(const QString &relative) const;
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

QImage TestCommitExporter::distinct(int frame)
{
    QImage image = numbered(12, 10);
    for (int y = 0; y < image.height(); ++y)
        image.setPixel(frame % image.width(), y, qRgba(frame, 255 - frame, y * 9, 255));
    return image;
}

QByteArray TestCommitExporter::encoded(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QByteArray TestCommitExporter::fileBytes(const QString &relative) const
{
    QFile file(run() + QLatin1Char('/') + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

DirectorSession TestCommitExporter::manyFrames(int frames) const
{
    DirectorSession s = session(frames);
    for (int i = 0; i < frames; ++i) {
        DirectorFrameState &f = s.frames[i];
        distinct(i).save(run() + QLatin1Char('/') + f.imagePath);
        HumanAlignmentDelta delta;
        delta.frameId = f.id;
        delta.userOverrideX = (i % 9) - 4 + (i % 2 ? 0.5 : 0.0);
        delta.userOverrideY = (i % 7) - 3 - (i % 3 ? 0.5 : 0.0);
        f.directorOverrides.alignment = delta;
        if (i % 9 == 4) {
            const QString patch = QStringLiteral("patches/%1.png").arg(f.id);
            distinct(i + 100).save(run() + QLatin1Char('/') + patch);
            f.directorOverrides.isPatched = true;
            f.directorOverrides.patchHistory.append({f.imagePath, patch, {}, QString(), {}, {}});
        }
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
    QTest::addColumn<bool>("deep"); // 16 bits a channel
    for (const bool deep : {false, true}) {
        const char *depth = deep ? ", 16 bits" : "";
        auto row = [&](const char *name, int dx, int dy) {
            QTest::addRow("%s%s", name, depth) << dx << dy << deep;
        };
        row("none", 0, 0);
        row("right and down", 2, 3);
        row("left and down", -2, 3);
        row("left and up", -3, -1);
        row("right and up", 1, -4);
        row("right only", 3, 0);
        row("left only", -1, 0);
        row("down only", 0, 2);
        row("up only", 0, -5);
        row("all the way out right", 9, 0);
        row("all the way out left", -8, 1);
        row("all the way out down", 0, 6);
        row("all the way out up", 2, -7);
    }
}

void TestCommitExporter::translationIsExact()
{
    QFETCH(int, dx);
    QFETCH(int, dy);
    QFETCH(bool, deep);
    const QImage::Format format = deep ? QImage::Format_RGBA64 : QImage::Format_ARGB32;
    const QImage source = numbered(8, 6).convertToFormat(format);
    const QImage kept = source.copy();
    auto check = [&](const QImage &moved) {
        QCOMPARE(moved.size(), source.size());
        QCOMPARE(moved.format(), format);
        for (int y = 0; y < source.height(); ++y) {
            for (int x = 0; x < source.width(); ++x) {
                const int sx = x - dx;
                const int sy = y - dy;
                const bool inside =
                    sx >= 0 && sy >= 0 && sx < source.width() && sy < source.height();
                const QRgba64 expected =
                    inside ? source.pixelColor(sx, sy).rgba64() : QRgba64::fromRgba64(0);
                QVERIFY2(moved.pixelColor(x, y).rgba64() == expected,
                         qPrintable(QStringLiteral("pixel %1,%2").arg(x).arg(y)));
            }
        }
    };
    // An image its caller keeps: the caller's is not changed.
    check(CommitExporter::translated(source, dx, dy));
    QCOMPARE(source, kept);
    // An image no one else holds: moved where it is, with the same result.
    QImage own = source.copy();
    check(CommitExporter::translated(std::move(own), dx, dy));
}

void TestCommitExporter::approvedHoldsThePixelsOnly()
{
    // Sources that carry more than pixels: a text chunk, a colour profile, a resolution.
    DirectorSession s = session(2);
    for (const DirectorFrameState &f : std::as_const(s.frames)) {
        QImage source = numbered(8, 6);
        source.setText(QStringLiteral("prompt"), QStringLiteral("a prompt not to ship"));
        source.setColorSpace(QColorSpace(QColorSpace::DisplayP3));
        source.setDotsPerMeterX(5000);
        source.setDotsPerMeterY(5000);
        QVERIFY(source.save(run() + QLatin1Char('/') + f.imagePath));
    }
    HumanAlignmentDelta delta;
    delta.frameId = s.frames[1].id;
    delta.userOverrideX = 1;
    s.frames[1].directorOverrides.alignment = delta;
    CommitInfo info;
    const Outcome outcome = CommitExporter(run()).exportFrames(s, &info);
    QVERIFY2(outcome, qPrintable(outcome.message()));
    // Byte for byte what the pixels alone encode to, moved or not.
    QCOMPARE(fileBytes(QStringLiteral("approved/frame_0000.png")), encoded(numbered(8, 6)));
    QCOMPARE(fileBytes(QStringLiteral("approved/frame_0001.png")),
             encoded(CommitExporter::translated(numbered(8, 6), 1, 0)));
    const QImage written(run() + QStringLiteral("/approved/frame_0000.png"));
    QVERIFY(written.text(QStringLiteral("prompt")).isEmpty());
    QVERIFY(!written.colorSpace().isValid());
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
    // The disk fills up at frame 2 (frames are written on several threads:
    // the hook goes by the file, not by the order of the writes).
    AtomicFile::setFaultHook([](AtomicFile::Step step, const QString &path) {
        return step == AtomicFile::Step::Write && path.endsWith(QLatin1String("/frame_0002.png"));
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

void TestCommitExporter::manyFramesAreWrittenExactly()
{
    // 64 frames on several threads: every file is the frame as the
    // translation rules move it, byte for byte (PNG encoding is
    // deterministic) and pixel for pixel, whatever the number of threads.
    constexpr int total = 64;
    const DirectorSession s = manyFrames(total);
    QThread *const caller = QThread::currentThread();
    for (const int threads : {1, 4}) {
        CommitExporter exporter(run());
        exporter.setThreadCount(threads);
        QList<int> progress;
        bool elsewhere = false;
        CommitInfo info;
        const Outcome outcome = exporter.exportFrames(s, &info, [&](int done, int all) {
            elsewhere = elsewhere || QThread::currentThread() != caller || all != total;
            progress.append(done);
            if (done % 8 == 0) {
                // A callback that takes its time and processes events, as the
                // window's progress dialog does: the workers go on meanwhile.
                QThread::msleep(5);
                QCoreApplication::processEvents();
            }
        });
        QVERIFY2(outcome, qPrintable(outcome.message()));
        QVERIFY2(!elsewhere, "progress is called on the calling thread, with the total");
        QList<int> expected(total);
        std::iota(expected.begin(), expected.end(), 1);
        QCOMPARE(progress, expected); // 1, 2, … 64: each once, in order
        QCOMPARE(info.approvedCount, total);
        QCOMPARE(info.patchedCount, 7); // frames 4, 13, … 58
        int nudged = 0;
        for (const DirectorFrameState &f : s.frames) {
            const HumanAlignmentDelta &delta = *f.directorOverrides.alignment;
            const int dx = CommitExporter::roundOffset(delta.userOverrideX);
            const int dy = CommitExporter::roundOffset(delta.userOverrideY);
            nudged += dx != 0 || dy != 0;
            const QImage source = f.directorOverrides.isPatched ? distinct(f.frameIndex + 100)
                                                                : distinct(f.frameIndex);
            const QImage moved = CommitExporter::translated(source, dx, dy);
            const QString written = QStringLiteral("approved/%1.png").arg(f.id);
            QVERIFY2(fileBytes(written) == encoded(moved),
                     qPrintable(QStringLiteral("%1 with %2 threads").arg(written).arg(threads)));
            QCOMPARE(
                QImage(run() + QLatin1Char('/') + written).convertToFormat(QImage::Format_ARGB32),
                moved);
        }
        QCOMPARE(info.nudgedCount, nudged);
        QCOMPARE(approvedFiles().size(), total); // no staging folder left
    }
}

void TestCommitExporter::framesAreStagedOnSeveralThreadsAtOnce()
{
    // The first write waits (up to 10 s) until another one is under way: with
    // two threads the second comes at once; one frame after the other, never.
    const DirectorSession s = session(16);
    std::mutex mutex;
    std::condition_variable changed;
    int writing = 0;
    int most = 0;
    bool alone = false;
    QSet<QThread *> writers;
    AtomicFile::setFaultHook([&](AtomicFile::Step step, const QString &) {
        if (step != AtomicFile::Step::Write)
            return false;
        std::unique_lock lock(mutex);
        writers.insert(QThread::currentThread());
        most = std::max(most, ++writing);
        changed.notify_all();
        if (!changed.wait_for(lock, std::chrono::seconds(10), [&] { return most >= 2 || alone; }))
            alone = true; // no second write came: the others need not wait as well
        --writing;
        return false;
    });
    CommitExporter exporter(run());
    exporter.setExpectedSize(QSize(8, 6));
    exporter.setThreadCount(2);
    CommitInfo info;
    QVERIFY(exporter.exportFrames(s, &info));
    AtomicFile::setFaultHook({});
    QCOMPARE(most, 2);
    QVERIFY(!writers.contains(QThread::currentThread())); // the caller only waits and reports
    QCOMPARE(approvedFiles().size(), 16);
}

void TestCommitExporter::badFrameAmongManyFailsTheWholeCommit()
{
    constexpr int total = 64;
    DirectorSession s = manyFrames(total);
    // What a commit before left in approved/.
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/approved")));
    for (int i = 0; i < total; i += 3)
        QVERIFY(numbered(8, 6).save(
            run() + QStringLiteral("/approved/%1.png").arg(RunFixture::frameName(i))));
    QMap<QString, QByteArray> before;
    for (const QString &name : approvedFiles())
        before.insert(name, fileBytes(QStringLiteral("approved/") + name));

    // Frame 37 is cut off (it fails late, once read); frames 38 and 50 are
    // missing (they fail at once). The lowest one is reported, every time.
    QByteArray png = encoded(distinct(37));
    QFile cut(run() + QLatin1Char('/') + s.frames[37].imagePath);
    QVERIFY(cut.open(QIODevice::WriteOnly | QIODevice::Truncate));
    cut.write(png.left(png.size() / 2));
    cut.close();
    s.frames[38].imagePath = QStringLiteral("candidates/gone.png");
    s.frames[50].directorOverrides.patchHistory.clear();
    s.frames[50].directorOverrides.isPatched = false;
    s.frames[50].imagePath = QStringLiteral("candidates/gone too.png");
    for (int attempt = 0; attempt < 5; ++attempt) {
        CommitExporter exporter(run());
        exporter.setThreadCount(4);
        int last = 0;
        bool monotonic = true;
        CommitInfo info;
        const Outcome failed = exporter.exportFrames(s, &info, [&](int done, int) {
            monotonic = monotonic && done == last + 1;
            last = done;
        });
        QCOMPARE(failed.kind(), Outcome::Kind::Failed);
        QVERIFY2(failed.message().startsWith(QLatin1String("Frame 37: ")) &&
                     failed.message().contains(QLatin1String("frame_0037")),
                 qPrintable(failed.message()));
        QVERIFY(monotonic);
        QVERIFY(last < total);
        QMap<QString, QByteArray> after;
        for (const QString &name : approvedFiles()) // no staging folder left either
            after.insert(name, fileBytes(QStringLiteral("approved/") + name));
        QCOMPARE(after, before);
    }
}

void TestCommitExporter::failureStopsTheFramesAfterIt()
{
    // Frame 1 cannot be written; every other write takes 20 ms. Once frame 1
    // has failed no other frame is started: the commit does not go on
    // reading and writing frames that will never be used.
    constexpr int total = 64;
    const DirectorSession s = session(total);
    std::atomic<int> started = 0;
    AtomicFile::setFaultHook([&](AtomicFile::Step step, const QString &path) {
        if (step != AtomicFile::Step::Open)
            return false;
        if (path.endsWith(QLatin1String("/frame_0001.png")))
            return true;
        ++started;
        QThread::msleep(20);
        return false;
    });
    CommitExporter exporter(run());
    exporter.setThreadCount(2);
    CommitInfo info;
    const Outcome failed = exporter.exportFrames(s, &info);
    AtomicFile::setFaultHook({});
    QCOMPARE(failed.kind(), Outcome::Kind::Failed);
    QVERIFY2(failed.message().startsWith(QLatin1String("Frame 1: ")), qPrintable(failed.message()));
    QVERIFY2(started < total / 2, qPrintable(QString::number(started)));
    QVERIFY(approvedFiles().isEmpty());
}

QTEST_GUILESS_MAIN(TestCommitExporter)
#include "tst_commitexporter.moc"
