#include "preview/animatedwebp.h"
#include "preview/previewexport.h"
#include "preview/previewframes.h"
#include "preview/spritesheet.h"
#include "previewcheck.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"
#include "runfixture.h"

#include <QTemporaryDir>
#include <QTest>

// The preview of a move (model/preview): the sprite sheet and the animated WebP, read back
// (the sheet with QImage, the animation with libwebp's decoder) and compared pixel by pixel
// with the frames as commit would write them (FrameImages::placed).
class TestPreview : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sheetCellsAreTheFramesAsCommitWritesThem();
    void sheetIsOneRowByDefault();
    void animationPlaysTheFramesAsCommitWritesThem();
    void animationKeepsTheTimingOfRepeatedFrames();
    void approvedOnlyTakesTheApprovedFrames();
    void sixteenBitFramesKeepTheirDepthInTheSheet();
    void unreadableImageWritesNothing();
    void unwritableTargetSaysSo();
    void badOptionsAreRefused();
    void progressCountsEveryFrame();
    void stopAnywhereWritesNothing();
    void stopStopsEachStep();

private:
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString out(const char *name) const { return m_dir->filePath(QLatin1String(name)); }
    Outcome write(const PreviewOptions &options, QStringList *written = nullptr)
    {
        return PreviewExport::write(runDir(), m_manager->session(),
                                    m_manager->run().manifest.targetSize, options, written);
    }
    QImage placed(int frameIndex)
    {
        FrameImages images(m_manager.get());
        return images.placed(frameIndex);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionManager> m_manager;
};

namespace {

// A patch for frame 2 whose transparent pixels have a colour, and with pixels half
// transparent: what `exact` and 8-bit alpha must keep.
QImage patchImage()
{
    QImage image(16, 16, QImage::Format_ARGB32);
    image.fill(qRgba(255, 0, 255, 0));
    for (int y = 2; y < 14; ++y)
        for (int x = 3; x < 12; ++x)
            image.setPixel(x, y, qRgba(x * 20, 200 - y * 10, 90, x == 3 ? 96 : 255));
    return image;
}

} // namespace

void TestPreview::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    // Frames 0..3 with images, 4 PENDING (none); 0 APPROVED, 1 AUDIT_WARN.
    QVERIFY(RunFixture::writeMixedRun(runDir()));
    m_manager = std::make_unique<SessionManager>();
    QVERIFY(m_manager->initializeOrResume(runDir()));
    // Frame 1 nudged (which approves it), frame 2 patched.
    QVERIFY(m_manager->applyFrameEdit(1, FrameEdit::moveBy(2, -1)));
    QVERIFY(QDir().mkpath(runDir() + QStringLiteral("/patches")));
    QVERIFY(patchImage().save(runDir() + QStringLiteral("/patches/frame_0002.png")));
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    patch.patchedPath = QStringLiteral("patches/frame_0002.png");
    QVERIFY(m_manager->applyFrameEdit(2, FrameEdit::addPatch(patch)));
}

void TestPreview::cleanup()
{
    m_manager.reset(); // before its run folder goes: it holds the lock
    m_dir.reset();
}

void TestPreview::sheetCellsAreTheFramesAsCommitWritesThem()
{
    PreviewOptions options;
    options.sheetPath = out("sheet.png");
    options.columns = 2;
    QStringList written;
    QVERIFY(write(options, &written));
    QCOMPARE(written.size(), 1);
    QVERIFY2(written.first().contains(QStringLiteral("2 × 3 cells of 16×16 pixels")),
             qPrintable(written.first()));

    const QImage sheet(options.sheetPath);
    QCOMPARE(sheet.size(), QSize(32, 48)); // 5 frames, 2 a row: 3 rows
    QVERIFY(!sheet.hasAlphaChannel() || sheet.format() == QImage::Format_ARGB32);
    for (int cell = 0; cell < 6; ++cell) {
        const QImage got = sheet.copy((cell % 2) * 16, (cell / 2) * 16, 16, 16);
        // Frame 4 has no image yet, and there is no frame 5: transparent cells.
        const QImage expected = cell < 4 ? placed(cell) : PreviewCheck::transparent(QSize(16, 16));
        QVERIFY2(!expected.isNull(), "a frame to compare with");
        const QString difference = PreviewCheck::firstDifference(got, expected);
        QVERIFY2(difference.isEmpty(),
                 qPrintable(QStringLiteral("cell %1: %2").arg(cell).arg(difference)));
    }
    // The nudge and the patch are in it: the sheet is the move as commit writes it.
    QVERIFY(!PreviewCheck::firstDifference(sheet.copy(16, 0, 16, 16), RunFixture::frameImage(1))
                 .isEmpty());
    QCOMPARE(sheet.copy(0, 16, 16, 16).pixel(0, 0), qRgba(255, 0, 255, 0));
}

void TestPreview::sheetIsOneRowByDefault()
{
    PreviewOptions options;
    options.sheetPath = out("row.png");
    QVERIFY(write(options));
    const QImage sheet(options.sheetPath);
    QCOMPARE(sheet.size(), QSize(80, 16));
    for (int cell = 0; cell < 4; ++cell) {
        QVERIFY(PreviewCheck::firstDifference(sheet.copy(cell * 16, 0, 16, 16), placed(cell))
                    .isEmpty());
    }
    QCOMPARE(SpriteSheet::columnsFor(5, 9), 5); // never wider than the frames
}

void TestPreview::animationPlaysTheFramesAsCommitWritesThem()
{
    PreviewOptions options;
    options.animationPath = out("move.webp");
    options.fps = 10;
    QStringList written;
    QVERIFY(write(options, &written));
    QVERIFY2(written.value(0).contains(QLatin1String("(4 frame")) &&
                 written.value(0).contains(QLatin1String(" at 10 frames a second)")),
             qPrintable(written.value(0)));

    const PreviewCheck::Animation animation = PreviewCheck::decodeWebp(options.animationPath);
    QVERIFY(animation.ok);
    QCOMPARE(animation.canvas, QSize(16, 16));
    QCOMPARE(animation.loopCount, 0); // for ever
    // Frame 4 has no image yet: left out.
    QCOMPARE(animation.frames.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const QString difference = PreviewCheck::firstDifference(animation.frames.at(i), placed(i));
        QVERIFY2(difference.isEmpty(),
                 qPrintable(QStringLiteral("frame %1: %2").arg(i).arg(difference)));
        QCOMPARE(animation.durations.at(i), 100);
    }
    QCOMPARE(AnimatedWebp::frameDuration(12), 83);
}

void TestPreview::animationKeepsTheTimingOfRepeatedFrames()
{
    // Frame 3 becomes frame 2's pixels: libwebp may store them as one frame shown twice as
    // long; played, every moment shows the frame it should.
    QVERIFY(patchImage().save(runDir() + QStringLiteral("/candidates/frame_0003_attempt_01.png")));
    PreviewOptions options;
    options.animationPath = out("repeat.webp");
    QVERIFY(write(options));
    const PreviewCheck::Animation animation = PreviewCheck::decodeWebp(options.animationPath);
    QVERIFY(animation.ok);
    QList<QImage> played; // what is shown in each 83 ms slot
    for (qsizetype i = 0; i < animation.frames.size(); ++i) {
        QCOMPARE(animation.durations.at(i) % 83, 0);
        for (int slot = 0; slot < animation.durations.at(i) / 83; ++slot)
            played.append(animation.frames.at(i));
    }
    QCOMPARE(played.size(), 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(PreviewCheck::firstDifference(played.at(i), placed(i)).isEmpty());
}

void TestPreview::approvedOnlyTakesTheApprovedFrames()
{
    // Frame 0 (passed), frame 1 (approved by its nudge) and frame 2 (approved by its patch);
    // not frame 3 (GENERATED).
    QCOMPARE(m_manager->getFrameState(2)->status, FrameStatus::Approved);
    QCOMPARE(m_manager->getFrameState(3)->status, FrameStatus::Generated);
    PreviewOptions options;
    options.sheetPath = out("approved.png");
    options.animationPath = out("approved.webp");
    options.which = PreviewFrames::Which::ApprovedOnly;
    QVERIFY(write(options));
    const QImage sheet(options.sheetPath);
    QCOMPARE(sheet.size(), QSize(48, 16));
    QVERIFY(PreviewCheck::firstDifference(sheet.copy(0, 0, 16, 16), placed(0)).isEmpty());
    QVERIFY(PreviewCheck::firstDifference(sheet.copy(16, 0, 16, 16), placed(1)).isEmpty());
    QVERIFY(PreviewCheck::firstDifference(sheet.copy(32, 0, 16, 16), placed(2)).isEmpty());
    const PreviewCheck::Animation animation = PreviewCheck::decodeWebp(options.animationPath);
    QCOMPARE(animation.frames.size(), 3);
    QVERIFY(PreviewCheck::firstDifference(animation.frames.at(1), placed(1)).isEmpty());

    for (const int frame : {0, 1, 2})
        QVERIFY(m_manager->updateFrameStatus(frame, FrameStatus::AuditFail));
    const Outcome none = write(options);
    QCOMPARE(none.kind(), Outcome::Kind::Failed);
    QCOMPARE(none.message(),
             QStringLiteral("No frame is APPROVED yet: there is nothing to preview."));
}

void TestPreview::sixteenBitFramesKeepTheirDepthInTheSheet()
{
    // Frame 3 as a 16-bit PNG, with values 8 bits cannot hold.
    QImage deep(16, 16, QImage::Format_RGBA64);
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            deep.setPixelColor(x, y,
                               QColor::fromRgba64(QRgba64::fromRgba64(
                                   quint16(x * 4001 + 1), quint16(y * 3001 + 3), 257 * 9 + 1,
                                   x < 2 ? 0 : quint16(60000 + y))));
    QVERIFY(deep.save(runDir() + QStringLiteral("/candidates/frame_0003_attempt_01.png")));
    PreviewOptions options;
    options.sheetPath = out("deep.png");
    options.animationPath = out("deep.webp");
    QVERIFY(write(options));
    const QImage sheet(options.sheetPath);
    QCOMPARE(sheet.depth(), 64);
    for (int cell = 0; cell < 4; ++cell) {
        const QImage got = sheet.copy(cell * 16, 0, 16, 16);
        const QImage expected = placed(cell).convertToFormat(QImage::Format_RGBA64);
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 16; ++x)
                QCOMPARE(got.pixelColor(x, y).rgba64(), expected.pixelColor(x, y).rgba64());
    }
    QCOMPARE(sheet.pixelColor(48 + 5, 2).rgba64(), deep.pixelColor(5, 2).rgba64());
    // The animation has 8 bits a channel: the 16-bit frame rounded.
    const PreviewCheck::Animation animation = PreviewCheck::decodeWebp(options.animationPath);
    QCOMPARE(animation.frames.size(), 4);
    QVERIFY(PreviewCheck::firstDifference(animation.frames.at(3), deep).isEmpty());
}

void TestPreview::unreadableImageWritesNothing()
{
    QVERIFY(RunFixture::writeFile(
        runDir() + QStringLiteral("/candidates/frame_0003_attempt_01.png"), "not a png"));
    PreviewOptions options;
    options.sheetPath = out("sheet.png");
    options.animationPath = out("move.webp");
    const Outcome failed = write(options);
    QCOMPARE(failed.kind(), Outcome::Kind::Failed);
    QVERIFY2(failed.message().startsWith(QLatin1String("Frame 3: ")), qPrintable(failed.message()));
    QVERIFY(!QFile::exists(options.sheetPath));
    QVERIFY(!QFile::exists(options.animationPath));
}

void TestPreview::unwritableTargetSaysSo()
{
    PreviewOptions options;
    options.sheetPath = out("sheet.png");
    QVERIFY(RunFixture::writeFile(options.sheetPath, "old"));
    options.animationPath = out("no/such/folder/move.webp");
    const Outcome failed = write(options);
    QCOMPARE(failed.kind(), Outcome::Kind::Failed);
    QVERIFY2(failed.message().contains(QLatin1String("but the animation was not")),
             qPrintable(failed.message()));
    QVERIFY(!QFile::exists(options.animationPath));
    // Each file whole: the sheet is the new one, complete.
    QCOMPARE(QImage(options.sheetPath).size(), QSize(80, 16));

    options.sheetPath.clear();
    options.animationPath = m_dir->path(); // a folder
    QVERIFY(!write(options));
    QVERIFY(QFileInfo(m_dir->path()).isDir());
}

void TestPreview::badOptionsAreRefused()
{
    PreviewOptions options;
    QCOMPARE(PreviewExport::check(options).kind(), Outcome::Kind::Invalid);
    options.sheetPath = out("a.png");
    QVERIFY(PreviewExport::check(options));
    options.fps = 0;
    QCOMPARE(PreviewExport::check(options).kind(), Outcome::Kind::Invalid);
    options.fps = 61;
    QCOMPARE(PreviewExport::check(options).kind(), Outcome::Kind::Invalid);
    options.fps = 12;
    options.columns = -1;
    QCOMPARE(PreviewExport::check(options).kind(), Outcome::Kind::Invalid);
    options.columns = 0;
    options.animationPath = options.sheetPath;
    QCOMPARE(PreviewExport::check(options).kind(), Outcome::Kind::Invalid);
}

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

// Asks to stop from its question number `from` on (0: the first); counts the questions.
PreviewProgress stopFrom(int from, int *asked)
{
    return PreviewProgress([from, asked] { return (*asked)++ >= from; });
}

} // namespace

void TestPreview::progressCountsEveryFrame()
{
    PreviewOptions options;
    options.sheetPath = out("sheet.png");
    options.animationPath = out("move.webp");
    QList<QPair<int, int>> reports;
    int asked = 0;
    const PreviewProgress progress(
        [&asked] {
            ++asked;
            return false;
        },
        [&reports](int done, int total) {
            reports.append({done, total});
        });
    QVERIFY(PreviewExport::write(runDir(), m_manager->session(),
                                 m_manager->run().manifest.targetSize, options, nullptr, progress));
    // 5 frames (one without an image): read, copied into the sheet, encoded into the animation.
    QCOMPARE(reports.size(), 16);
    for (int i = 0; i < reports.size(); ++i)
        QCOMPARE(reports.at(i), qMakePair(i, 15));
    // Asked before each of the 15 steps, before the animation is assembled and before the
    // files are written.
    QCOMPARE(asked, 17);
    QVERIFY(QFile::exists(options.sheetPath));
    QVERIFY(QFile::exists(options.animationPath));

    // Only the sheet, APPROVED frames only: 3 frames (0, 1 and 2, approved by its patch),
    // read and copied.
    reports.clear();
    options.animationPath.clear();
    options.which = PreviewFrames::Which::ApprovedOnly;
    QVERIFY(PreviewExport::write(runDir(), m_manager->session(),
                                 m_manager->run().manifest.targetSize, options, nullptr, progress));
    QCOMPARE(reports.first(), qMakePair(0, 6));
    QCOMPARE(reports.last(), qMakePair(6, 6));
    QCOMPARE(PreviewFrames::count(m_manager->session(), PreviewFrames::Which::All), 5);
}

void TestPreview::stopAnywhereWritesNothing()
{
    PreviewOptions options;
    options.sheetPath = out("sheet.png");
    options.animationPath = out("move.webp");
    QVERIFY(RunFixture::writeFile(options.sheetPath, "old sheet"));
    QVERIFY(RunFixture::writeFile(options.animationPath, "old animation"));
    int questions = 0;
    const PreviewProgress counted([&questions] { return ++questions < 0; });
    QVERIFY(PreviewExport::write(runDir(), m_manager->session(),
                                 m_manager->run().manifest.targetSize, options, nullptr, counted));
    QVERIFY(QFile::remove(options.sheetPath));
    QVERIFY(QFile::remove(options.animationPath));
    QVERIFY(RunFixture::writeFile(options.sheetPath, "old sheet"));
    QVERIFY(RunFixture::writeFile(options.animationPath, "old animation"));

    // A stop at any of those questions, the last one included: stopped, both files as they were.
    for (int from = 0; from < questions; ++from) {
        int asked = 0;
        const Outcome stopped = PreviewExport::write(runDir(), m_manager->session(),
                                                     m_manager->run().manifest.targetSize, options,
                                                     nullptr, stopFrom(from, &asked));
        QVERIFY2(!stopped, qPrintable(QStringLiteral("stop from question %1").arg(from)));
        QCOMPARE(stopped.message(), PreviewProgress::stopped().message());
        QCOMPARE(asked, from + 1); // stopped at once
        QCOMPARE(readFile(options.sheetPath), QByteArray("old sheet"));
        QCOMPARE(readFile(options.animationPath), QByteArray("old animation"));
    }
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).size(),
             2); // no temporary file left
}

void TestPreview::stopStopsEachStep()
{
    const DirectorSession &session = m_manager->session();
    const int size = m_manager->run().manifest.targetSize;
    int asked = 0;
    const Result<PreviewFrames> none = PreviewFrames::collect(
        runDir(), session, size, PreviewFrames::Which::All, stopFrom(2, &asked));
    QCOMPARE(none.outcome().message(), PreviewProgress::stopped().message());
    QCOMPARE(asked, 3);

    const Result<PreviewFrames> frames =
        PreviewFrames::collect(runDir(), session, size, PreviewFrames::Which::All);
    QVERIFY(frames);
    asked = 0;
    QCOMPARE(SpriteSheet::compose(*frames, 2, stopFrom(4, &asked)).outcome().message(),
             PreviewProgress::stopped().message());
    QCOMPARE(asked, 5);
    for (int from = 0; from <= 5; ++from) { // before each of the 5 frames, and before assembling
        asked = 0;
        QCOMPARE(AnimatedWebp::encode(*frames, 12, stopFrom(from, &asked)).outcome().message(),
                 PreviewProgress::stopped().message());
        QCOMPARE(asked, from + 1);
    }
    asked = 0;
    QVERIFY(AnimatedWebp::encode(*frames, 12, stopFrom(6, &asked)));
}

QTEST_GUILESS_MAIN(TestPreview)
#include "tst_preview.moc"
