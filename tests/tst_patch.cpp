#include "commit/commitexporter.h"
#include "compare/imagediff.h"
#include "patch/patchfiles.h"
#include "patch/patchmaker.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

// Patches the operator makes (model/patch, docs/session-file.md, Patches): the files a patch
// writes (the image, the mask of exactly the pixels it changed), what a patch and Revert to
// Original do to a frame and its status, what is refused (and leaves nothing behind), commit
// of a patched frame, the pipeline's news on it, and undo. Pixel for pixel, on real run
// folders (RunFixture::writeMixedRun: 0 APPROVED, 1 AUDIT_WARN, 2 AUDIT_FAIL, 3 GENERATED,
// 4 PENDING).
class TestPatch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void maskIsExactlyTheChangedPixels();
    void aPatchIsWrittenAndRecorded_data();
    void aPatchIsWrittenAndRecorded();
    void aSecondPatchIsMadeOnTheFirst();
    void aFileThereIsNeverOverwritten();
    void revertGoesBackThroughTheChain_data();
    void revertGoesBackThroughTheChain();
    void revertOfAnUnpatchedFrameIsRefused();
    void revertOfAnOlderWritersPatch_data();
    void revertOfAnOlderWritersPatch();
    void refusalsLeaveNothingBehind_data();
    void refusalsLeaveNothingBehind();
    void commitWritesThePatchedPixelsMoved();
    void theRunReadAgainKeepsThePatch();
    void aNewerAttemptUnpatches_data();
    void aNewerAttemptUnpatches();
    void theRunsAuditDoesNotApproveAPatch();
    void aPatchIsOneUndoStep();
    void aRevertIsOneUndoStep();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return run() + QStringLiteral("/director_session.json"); }
    QByteArray sessionBytes() const;
    DirectorSession onDisk() const;
    // Every entry under `dir` (links not followed), with its size: what a refusal must leave.
    static QStringList listing(const QString &dir);
    // Frame `index`'s image with three pixels changed: a colour, a coverage and a pixel drawn
    // where there was none; and one RGB changed under alpha 0, which is no change.
    static QImage patchedOf(int index);
    Outcome make(SessionManager &manager, int index, const QImage &patched,
                 const QString &prompt = QStringLiteral("fix the hand"),
                 qsizetype *changed = nullptr) const;
    void open(SessionManager &manager) const;
    // The run read again and its news taken in, as the watcher does.
    static void ingest(SessionManager &manager);
    static bool writeAuditOf(const QString &runDir, int frame, bool passed,
                             const QStringList &flags, const QList<int> &attempts);

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QString patchName(int frame, int number, bool mask = false)
{
    return QStringLiteral("patches/frame_%1_patch_%2%3.png")
        .arg(frame, 4, 10, QLatin1Char('0'))
        .arg(number, 2, 10, QLatin1Char('0'))
        .arg(mask ? QStringLiteral("_mask") : QString());
}

QString candidate(int frame, int attempt = 1)
{
    return QStringLiteral("candidates/frame_%1_attempt_%2.png")
        .arg(frame, 4, 10, QLatin1Char('0'))
        .arg(attempt, 2, 10, QLatin1Char('0'));
}

QImage argb(const QImage &image)
{
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestPatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(RunFixture::writeMixedRun(run()));
}

void TestPatch::cleanup()
{
    m_dir.reset();
}

QByteArray TestPatch::sessionBytes() const
{
    return bytesOf(sessionPath());
}

DirectorSession TestPatch::onDisk() const
{
    return SessionCodec::decode(sessionBytes()).session.value_or(DirectorSession());
}

QStringList TestPatch::listing(const QString &dir)
{
    QStringList entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        entries.append(QStringLiteral("%1 %2").arg(info.filePath()).arg(info.size()));
    }
    entries.sort();
    return entries;
}

QImage TestPatch::patchedOf(int index)
{
    QImage image = RunFixture::frameImage(index);
    image.setPixel(6, 5, qRgba(250, 10, 10, 255));                         // a colour
    image.setPixel(7, 6, (image.pixel(7, 6) & 0x00ffffffu) | 0x80000000u); // coverage
    image.setPixel(1, 0, qRgba(0, 0, 200, 255)); // drawn where there was nothing
    image.setPixel(0, 0, qRgba(255, 0, 0, 0));   // RGB under alpha 0: no change
    return image;
}

Outcome TestPatch::make(SessionManager &manager, int index, const QImage &patched,
                        const QString &prompt, qsizetype *changed) const
{
    const auto apply = [&manager](int frame, const FrameEdit &edit) {
        return manager.applyFrameEdit(frame, edit);
    };
    return PatchMaker::make(run(), *manager.getFrameState(index), patched, prompt, apply, changed);
}

void TestPatch::open(SessionManager &manager) const
{
    const Outcome opened = manager.initializeOrResume(run());
    QVERIFY2(opened, qPrintable(opened.message()));
}

void TestPatch::ingest(SessionManager &manager)
{
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(manager.runDir(), &contents));
    const Outcome taken =
        manager.ingest(RunIngest::plan(manager.session(), contents, manager.runDir()));
    QVERIFY2(taken, qPrintable(taken.message()));
}

bool TestPatch::writeAuditOf(const QString &runDir, int frame, bool passed,
                             const QStringList &flags, const QList<int> &attempts)
{
    QJsonArray list;
    for (const int attempt : attempts) {
        list.append(QJsonObject{{QStringLiteral("attempt_index"), attempt},
                                {QStringLiteral("result"), attempt == attempts.last() && passed
                                                               ? QStringLiteral("passed")
                                                               : QStringLiteral("soft_fail")}});
    }
    const QJsonObject audit{{QStringLiteral("frame_index"), frame},
                            {QStringLiteral("passed"), passed},
                            {QStringLiteral("reason_codes"), QJsonArray::fromStringList(flags)},
                            {QStringLiteral("composite_score"), passed ? 0.95 : 0.4},
                            {QStringLiteral("attempts"), list}};
    return RunFixture::writeFile(
        runDir + QStringLiteral("/audit/%1_metrics.json").arg(RunFixture::frameName(frame)),
        QJsonDocument(audit).toJson());
}

void TestPatch::maskIsExactlyTheChangedPixels()
{
    const QImage base = RunFixture::frameImage(2);
    const QImage patched = patchedOf(2);
    qsizetype changed = -1;
    const QImage mask = PatchFiles::mask(base, patched, &changed);
    QCOMPARE(mask.format(), QImage::Format_Grayscale8);
    QCOMPARE(mask.size(), base.size());
    QCOMPARE(changed, 3);
    QImage expected(base.size(), QImage::Format_Grayscale8);
    expected.fill(0);
    for (const QPoint p : {QPoint(6, 5), QPoint(7, 6), QPoint(1, 0)})
        expected.setPixel(p, qRgb(255, 255, 255));
    QCOMPARE(mask, expected);

    // As written: the mask decoded from its PNG, black and white, the image exactly the patch.
    const Result<PatchFiles::Written> written =
        PatchFiles::write(run(), 2, candidate(2), base, patched, QStringLiteral("repaint"));
    QVERIFY2(written, qPrintable(written.outcome().message()));
    QCOMPARE(written->changed, 3);
    QCOMPARE(written->entry.patchedPath, patchName(2, 1));
    QCOMPARE(written->entry.maskPath, patchName(2, 1, true));
    QCOMPARE(written->entry.originalPath, candidate(2));
    QCOMPARE(written->entry.prompt, QStringLiteral("repaint"));
    const QImage maskRead(run() + u'/' + written->entry.maskPath);
    QCOMPARE(maskRead.size(), base.size());
    QVERIFY(maskRead.isGrayscale());
    QCOMPARE(maskRead.convertToFormat(QImage::Format_Grayscale8), expected);
    QCOMPARE(argb(QImage(run() + u'/' + written->entry.patchedPath)), argb(patched));
}

void TestPatch::aPatchIsWrittenAndRecorded_data()
{
    QTest::addColumn<int>("frame");
    QTest::addColumn<FrameStatus>("status");
    QTest::newRow("APPROVED stays") << 0 << FrameStatus::Approved;
    QTest::newRow("AUDIT_WARN approved") << 1 << FrameStatus::Approved;
    QTest::newRow("AUDIT_FAIL approved") << 2 << FrameStatus::Approved;
    QTest::newRow("GENERATED stays") << 3 << FrameStatus::Generated;
}

void TestPatch::aPatchIsWrittenAndRecorded()
{
    QFETCH(int, frame);
    QFETCH(FrameStatus, status);
    SessionManager manager;
    open(manager);
    const DirectorFrameState before = *manager.getFrameState(frame);
    QCOMPARE(before.imagePath, candidate(frame));
    qsizetype changed = 0;
    const Outcome made =
        make(manager, frame, patchedOf(frame), QStringLiteral("repaint the hand"), &changed);
    QVERIFY2(made, qPrintable(made.message()));
    QCOMPARE(changed, 3);
    QCOMPARE(argb(QImage(run() + u'/' + patchName(frame, 1))), argb(patchedOf(frame)));
    QCOMPARE(
        QImage(run() + u'/' + patchName(frame, 1, true)).convertToFormat(QImage::Format_Grayscale8),
        PatchFiles::mask(RunFixture::frameImage(frame), patchedOf(frame)));

    const DirectorFrameState after = onDisk().frames.value(frame);
    QCOMPARE(after, *manager.getFrameState(frame));
    QVERIFY(after.directorOverrides.isPatched);
    QCOMPARE(after.directorOverrides.patchHistory.size(), 1);
    const PatchHistoryEntry &entry = after.directorOverrides.patchHistory.first();
    QCOMPARE(entry.originalPath, candidate(frame));
    QCOMPARE(entry.patchedPath, patchName(frame, 1));
    QCOMPARE(entry.maskPath, patchName(frame, 1, true));
    QCOMPARE(entry.prompt, QStringLiteral("repaint the hand"));
    QVERIFY2(Timestamps::isCanonical(entry.timestamp), qPrintable(entry.timestamp));
    QCOMPARE(after.imagePath, entry.patchedPath);
    QCOMPARE(after.finalImagePath(), entry.patchedPath);
    QCOMPARE(after.unpatchedImagePath(), candidate(frame));
    QCOMPARE(after.status, status);
    // Nothing else of the frame changed.
    DirectorFrameState same = after;
    same.imagePath = before.imagePath;
    same.status = before.status;
    same.directorOverrides = before.directorOverrides;
    QCOMPARE(same, before);
    QCOMPARE(QDir(run() + QStringLiteral("/patches")).entryList(QDir::Files),
             QStringList({QFileInfo(patchName(frame, 1)).fileName(),
                          QFileInfo(patchName(frame, 1, true)).fileName()}));
}

void TestPatch::aSecondPatchIsMadeOnTheFirst()
{
    SessionManager manager;
    open(manager);
    QVERIFY(make(manager, 2, patchedOf(2)));
    QImage second = patchedOf(2);
    second.setPixel(8, 8, qRgba(1, 2, 3, 255));
    qsizetype changed = 0;
    QVERIFY(make(manager, 2, second, QStringLiteral("and the foot"), &changed));
    QCOMPARE(changed, 1); // against the first patch, the image it was made on
    const DirectorFrameState frame = onDisk().frames.value(2);
    QCOMPARE(frame.directorOverrides.patchHistory.size(), 2);
    const PatchHistoryEntry &entry = frame.directorOverrides.patchHistory.last();
    QCOMPARE(entry.originalPath, patchName(2, 1));
    QCOMPARE(entry.patchedPath, patchName(2, 2));
    QCOMPARE(entry.maskPath, patchName(2, 2, true));
    QCOMPARE(entry.prompt, QStringLiteral("and the foot"));
    QCOMPARE(frame.imagePath, patchName(2, 2));
    QCOMPARE(frame.unpatchedImagePath(), candidate(2));
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(argb(QImage(run() + u'/' + patchName(2, 2))), argb(second));
    QImage mask(16, 16, QImage::Format_Grayscale8);
    mask.fill(0);
    mask.setPixel(8, 8, qRgb(255, 255, 255));
    QCOMPARE(QImage(run() + u'/' + patchName(2, 2, true)).convertToFormat(mask.format()), mask);
    // The first patch's files are as they were.
    QCOMPARE(argb(QImage(run() + u'/' + patchName(2, 1))), argb(patchedOf(2)));
}

void TestPatch::aFileThereIsNeverOverwritten()
{
    // Someone's file with the first name, and a mask alone with the second.
    const QByteArray theirs("not Director's");
    QVERIFY(RunFixture::writeFile(run() + u'/' + patchName(2, 1), theirs));
    QVERIFY(RunFixture::writeFile(run() + u'/' + patchName(2, 2, true), theirs));
    QVERIFY(QFile::link(QStringLiteral("/nonexistent/elsewhere.png"),
                        run() + u'/' + patchName(2, 3))); // a link to nothing takes a name too
    SessionManager manager;
    open(manager);
    QVERIFY(make(manager, 2, patchedOf(2)));
    QCOMPARE(manager.getFrameState(2)->imagePath, patchName(2, 4));
    QCOMPARE(argb(QImage(run() + u'/' + patchName(2, 4))), argb(patchedOf(2)));
    QCOMPARE(bytesOf(run() + u'/' + patchName(2, 1)), theirs);
    QCOMPARE(bytesOf(run() + u'/' + patchName(2, 2, true)), theirs);
    QVERIFY(!QFileInfo::exists(run() + u'/' + patchName(2, 2)));
    QVERIFY(QFileInfo(run() + u'/' + patchName(2, 3)).isSymLink());
    QVERIFY(!QFileInfo::exists(run() + u'/' + patchName(2, 3, true)));
}

void TestPatch::revertGoesBackThroughTheChain_data()
{
    QTest::addColumn<int>("frame");
    QTest::addColumn<FrameStatus>("status");
    // The run's audit passed it clean: its approval stands.
    QTest::newRow("APPROVED, clean audit") << 0 << FrameStatus::Approved;
    // Approved by the patch alone: no pixel reaches approved/ that nobody saw.
    QTest::newRow("AUDIT_WARN, approved by the patch") << 1 << FrameStatus::AuditFail;
    QTest::newRow("AUDIT_FAIL, approved by the patch") << 2 << FrameStatus::AuditFail;
    QTest::newRow("GENERATED") << 3 << FrameStatus::Generated;
}

void TestPatch::revertGoesBackThroughTheChain()
{
    QFETCH(int, frame);
    QFETCH(FrameStatus, status);
    SessionManager manager;
    open(manager);
    QVERIFY(make(manager, frame, patchedOf(frame)));
    QImage second = patchedOf(frame);
    second.setPixel(8, 8, qRgba(1, 2, 3, 255));
    QVERIFY(make(manager, frame, second));
    const QList<PatchHistoryEntry> history =
        manager.getFrameState(frame)->directorOverrides.patchHistory;
    QCOMPARE(history.size(), 2);

    const Outcome reverted = manager.applyFrameEdit(frame, FrameEdit::revertToOriginal());
    QVERIFY2(reverted, qPrintable(reverted.message()));
    const DirectorFrameState after = onDisk().frames.value(frame);
    QCOMPARE(after, *manager.getFrameState(frame));
    QCOMPARE(after.imagePath, candidate(frame));
    QCOMPARE(after.finalImagePath(), candidate(frame));
    QVERIFY(!after.directorOverrides.isPatched);
    QCOMPARE(after.directorOverrides.patchHistory, history);
    QCOMPARE(after.status, status);
    // The patches' files stay.
    QVERIFY(QFileInfo::exists(run() + u'/' + patchName(frame, 2)));
}

void TestPatch::revertOfAnUnpatchedFrameIsRefused()
{
    SessionManager manager;
    open(manager);
    const QByteArray bytes = sessionBytes();
    const DirectorFrameState before = *manager.getFrameState(2);
    const Outcome reverted = manager.applyFrameEdit(2, FrameEdit::revertToOriginal());
    QCOMPARE(reverted.kind(), Outcome::Kind::Refused);
    QCOMPARE(reverted.message(), QStringLiteral("Frame 2 is not patched."));
    QCOMPARE(*manager.getFrameState(2), before);
    QCOMPARE(sessionBytes(), bytes);

    // Nor twice.
    QVERIFY(make(manager, 2, patchedOf(2)));
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::revertToOriginal()));
    const QByteArray reverted1 = sessionBytes();
    QCOMPARE(manager.applyFrameEdit(2, FrameEdit::revertToOriginal()).kind(),
             Outcome::Kind::Refused);
    QCOMPARE(sessionBytes(), reverted1);
}

void TestPatch::revertOfAnOlderWritersPatch_data()
{
    QTest::addColumn<QString>("originalPath");
    QTest::newRow("originalPath recorded") << candidate(2);
    QTest::newRow("no originalPath") << QString();
}

void TestPatch::revertOfAnOlderWritersPatch()
{
    // imagePath left on the original, isPatched, one entry: as a writer before this one did.
    QFETCH(QString, originalPath);
    QVERIFY(QDir().mkpath(run() + QStringLiteral("/patches")));
    QVERIFY(patchedOf(2).save(run() + QStringLiteral("/patches/old.png")));
    SessionManager manager;
    open(manager);
    PatchHistoryEntry entry;
    entry.originalPath = originalPath;
    entry.patchedPath = QStringLiteral("patches/old.png");
    entry.prompt = QStringLiteral("by hand");
    DirectorOverrides overrides = manager.getFrameState(2)->directorOverrides;
    overrides.isPatched = true;
    overrides.patchHistory.append(entry);
    QVERIFY(manager.updateFrameOverrides(2, overrides));
    QVERIFY(manager.updateFrameStatus(2, FrameStatus::Approved));
    const DirectorFrameState patched = onDisk().frames.value(2);
    QCOMPARE(patched.imagePath, candidate(2));
    QCOMPARE(patched.finalImagePath(), QStringLiteral("patches/old.png"));
    QCOMPARE(patched.unpatchedImagePath(), candidate(2));

    QVERIFY(manager.applyFrameEdit(2, FrameEdit::revertToOriginal()));
    const DirectorFrameState after = onDisk().frames.value(2);
    QCOMPARE(after.imagePath, candidate(2));
    QCOMPARE(after.finalImagePath(), candidate(2));
    QVERIFY(!after.directorOverrides.isPatched);
    QCOMPARE(after.directorOverrides.patchHistory.size(), 1);
    QCOMPARE(after.status, FrameStatus::AuditFail);
}

void TestPatch::refusalsLeaveNothingBehind_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("frame");
    QTest::newRow("wrong size") << QStringLiteral("size") << 2;
    QTest::newRow("not a PNG") << QStringLiteral("text") << 2;
    QTest::newRow("outside the run") << QStringLiteral("outside") << 2;
    QTest::newRow("patches/ a link out of the run") << QStringLiteral("link") << 2;
    QTest::newRow("patches/ a file") << QStringLiteral("file") << 2;
    QTest::newRow("no pixel changed") << QStringLiteral("same") << 2;
    QTest::newRow("RGB under alpha 0 only") << QStringLiteral("invisible") << 2;
    QTest::newRow("PENDING frame") << QStringLiteral("patch") << 4;
    QTest::newRow("read-only session") << QStringLiteral("readonly") << 2;
}

void TestPatch::refusalsLeaveNothingBehind()
{
    QFETCH(QString, what);
    QFETCH(int, frame);
    const QString outside = m_dir->path() + QStringLiteral("/outside");
    QVERIFY(QDir().mkpath(outside));
    QVERIFY(patchedOf(frame).save(outside + QStringLiteral("/patch.png")));
    if (what == u"link")
        QVERIFY(QFile::link(outside, run() + QStringLiteral("/patches")));
    if (what == u"file")
        QVERIFY(RunFixture::writeFile(run() + QStringLiteral("/patches"), "a file"));
    if (what == u"text")
        QVERIFY(RunFixture::writeFile(run() + QStringLiteral("/notes.png"), "just some text"));
    SessionManager manager;
    open(manager);
    SessionManager reader;
    QVERIFY(reader.initializeOrResume(run(), SessionManager::Access::ReadOnly));
    const QByteArray bytes = sessionBytes();
    const QStringList files = listing(m_dir->path());
    const DirectorFrameState before = *manager.getFrameState(frame);

    Outcome outcome = Outcome::ok();
    QImage image = what == u"same" ? RunFixture::frameImage(frame) : patchedOf(frame);
    if (what == u"invisible") {
        image = RunFixture::frameImage(frame);
        image.setPixel(0, 0, qRgba(255, 0, 0, 0));
    }
    if (what == u"size") {
        outcome = make(manager, frame, patchedOf(frame).copy(0, 0, 16, 15));
    } else if (what == u"text" || what == u"outside") {
        PatchHistoryEntry entry;
        entry.patchedPath = what == u"text" ? run() + QStringLiteral("/notes.png")
                                            : outside + QStringLiteral("/patch.png");
        outcome = manager.applyFrameEdit(frame, FrameEdit::addPatch(entry));
    } else if (what == u"readonly") {
        const auto apply = [&reader](int index, const FrameEdit &edit) {
            return reader.applyFrameEdit(index, edit);
        };
        outcome = PatchMaker::make(run(), before, image, QString(), apply);
    } else {
        outcome = make(manager, frame, image);
    }
    QVERIFY(!outcome);
    QVERIFY(!outcome.message().isEmpty());
    QCOMPARE(*manager.getFrameState(frame), before);
    QCOMPARE(sessionBytes(), bytes);
    QCOMPARE(listing(m_dir->path()), files);
    QCOMPARE(manager.getFrameState(frame)->directorOverrides.isPatched, false);
}

void TestPatch::commitWritesThePatchedPixelsMoved()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeApprovedRun(run(), 3));
    SessionManager manager;
    open(manager);
    QVERIFY(make(manager, 1, patchedOf(1)));
    QVERIFY(manager.applyFrameEdit(1, FrameEdit::offsetTo(2, -1)));
    QCOMPARE(manager.getFrameState(1)->status, FrameStatus::Approved);
    const Outcome committed = manager.commitSession();
    QVERIFY2(committed, qPrintable(committed.message()));

    const QImage written = argb(QImage(run() + QStringLiteral("/approved/frame_0001.png")));
    const QImage expected = argb(CommitExporter::translated(patchedOf(1), 2, -1));
    QCOMPARE(written.size(), expected.size());
    for (int y = 0; y < expected.height(); ++y) {
        for (int x = 0; x < expected.width(); ++x) {
            QVERIFY2(!ImageDiff::differ(written.pixel(x, y), expected.pixel(x, y)),
                     qPrintable(QStringLiteral("(%1, %2)").arg(x).arg(y)));
        }
    }
    // Not the unpatched pixels.
    QVERIFY(ImageDiff::count(written,
                             CommitExporter::translated(RunFixture::frameImage(1), 2, -1)) > 0);
    QCOMPARE(argb(QImage(run() + QStringLiteral("/approved/frame_0000.png"))),
             argb(RunFixture::frameImage(0)));
    // The committed session reads back, the patch in it.
    const SessionDecodeResult decoded = SessionCodec::decode(sessionBytes());
    QVERIFY(decoded.isOk());
    QCOMPARE(decoded.session->status, SessionStatus::Committed);
    QCOMPARE(decoded.session->frames.value(1).imagePath, patchName(1, 1));
}

void TestPatch::theRunReadAgainKeepsThePatch()
{
    {
        SessionManager manager;
        open(manager);
        for (const int frame : {2, 3})
            QVERIFY(make(manager, frame, patchedOf(frame)));
        const DirectorSession before = manager.session();
        ingest(manager);
        for (const int frame : {2, 3}) {
            const DirectorFrameState state = *manager.getFrameState(frame);
            QCOMPARE(state, before.frames.value(frame));
            QCOMPARE(state.imagePath, patchName(frame, 1));
            QVERIFY(state.directorOverrides.isPatched);
        }
        QCOMPARE(onDisk().frames, before.frames);
    }
    // And the session opened again (the run read as it opens).
    SessionManager again;
    open(again);
    for (const int frame : {2, 3}) {
        QCOMPARE(again.getFrameState(frame)->imagePath, patchName(frame, 1));
        QVERIFY(again.getFrameState(frame)->directorOverrides.isPatched);
    }
    QCOMPARE(again.getFrameState(2)->status, FrameStatus::Approved);
    QCOMPARE(again.getFrameState(3)->status, FrameStatus::Generated);
}

void TestPatch::aNewerAttemptUnpatches_data()
{
    QTest::addColumn<int>("frame");
    QTest::addColumn<bool>("audited");
    QTest::addColumn<FrameStatus>("status");
    QTest::newRow("GENERATED, not audited") << 3 << false << FrameStatus::Generated;
    QTest::newRow("GENERATED, passed clean") << 3 << true << FrameStatus::AuditWarn;
    QTest::newRow("AUDIT_FAIL, passed clean") << 2 << true << FrameStatus::AuditWarn;
}

void TestPatch::aNewerAttemptUnpatches()
{
    QFETCH(int, frame);
    QFETCH(bool, audited);
    QFETCH(FrameStatus, status);
    SessionManager manager;
    open(manager);
    QVERIFY(make(manager, frame, patchedOf(frame)));
    if (frame == 2) // the patch approved it; the operator rejects it again
        QVERIFY(manager.updateFrameStatus(2, FrameStatus::AuditFail));
    const QList<PatchHistoryEntry> history =
        manager.getFrameState(frame)->directorOverrides.patchHistory;

    QVERIFY(RunFixture::writeCandidate(run(), frame, 2));
    if (audited)
        QVERIFY(writeAuditOf(run(), frame, true, {}, {1, 2}));
    ingest(manager);
    const DirectorFrameState after = onDisk().frames.value(frame);
    QCOMPARE(after, *manager.getFrameState(frame));
    QCOMPARE(after.imagePath, candidate(frame, 2));
    QCOMPARE(after.finalImagePath(), candidate(frame, 2));
    QVERIFY(!after.directorOverrides.isPatched);
    QCOMPARE(after.directorOverrides.patchHistory, history);
    QCOMPARE(after.status, status); // never approved unseen
}

void TestPatch::theRunsAuditDoesNotApproveAPatch()
{
    // A GENERATED frame patched before its audit: the audit, clean, is about the image under
    // the patch, not the patched pixels.
    SessionManager manager;
    open(manager);
    QVERIFY(make(manager, 3, patchedOf(3)));
    QCOMPARE(manager.getFrameState(3)->status, FrameStatus::Generated);
    QVERIFY(writeAuditOf(run(), 3, true, {}, {1}));
    ingest(manager);
    const DirectorFrameState after = onDisk().frames.value(3);
    QCOMPARE(after.imagePath, patchName(3, 1));
    QVERIFY(after.directorOverrides.isPatched);
    QVERIFY(after.auditReport.passed);
    QCOMPARE(after.status, FrameStatus::AuditWarn);
    // Read again: nothing more changes.
    ingest(manager);
    QCOMPARE(*manager.getFrameState(3), after);
}

void TestPatch::aPatchIsOneUndoStep()
{
    SessionManager manager;
    open(manager);
    ReviewController controller(&manager);
    QVERIFY(manager.applyFrameEdit(2, FrameEdit::offsetTo(1, 0)));
    const DirectorFrameState before = *manager.getFrameState(2);
    const int steps = controller.undoStack()->count();
    const Outcome patched =
        controller.patch(2, patchedOf(2), QStringLiteral("repaint"), QStringLiteral("Patch"));
    QVERIFY2(patched, qPrintable(patched.message()));
    QCOMPARE(controller.undoStack()->count(), steps + 1);
    const DirectorFrameState after = *manager.getFrameState(2);
    QCOMPARE(after.imagePath, patchName(2, 1));
    QCOMPARE(after.status, FrameStatus::Approved);

    QVERIFY(controller.undo());
    QCOMPARE(*manager.getFrameState(2), before);
    QCOMPARE(onDisk().frames.value(2), before);
    QVERIFY(controller.redo());
    const DirectorFrameState redone = *manager.getFrameState(2);
    QCOMPARE(redone.imagePath, patchName(2, 1));
    QCOMPARE(redone.status, FrameStatus::Approved);
    QVERIFY(redone.directorOverrides.isPatched);
    QCOMPARE(redone.directorOverrides.patchHistory.size(), 1);
    QCOMPARE(redone.directorOverrides.alignment, before.directorOverrides.alignment);

    // A patch undone leaves its files: the next one takes the next name.
    QVERIFY(controller.undo());
    QVERIFY(controller.patch(2, patchedOf(2), QString(), QStringLiteral("Patch")));
    QCOMPARE(manager.getFrameState(2)->imagePath, patchName(2, 2));
    QCOMPARE(manager.getFrameState(2)->directorOverrides.patchHistory.size(), 1);
    QCOMPARE(manager.getFrameState(2)->directorOverrides.patchHistory.first().originalPath,
             candidate(2));
}

void TestPatch::aRevertIsOneUndoStep()
{
    SessionManager manager;
    open(manager);
    ReviewController controller(&manager);
    QVERIFY(controller.patch(2, patchedOf(2), QString(), QStringLiteral("Patch")));
    const DirectorFrameState patched = *manager.getFrameState(2);
    const int steps = controller.undoStack()->count();
    QVERIFY(controller.revertToOriginal(2));
    QCOMPARE(controller.undoStack()->count(), steps + 1);
    const DirectorFrameState reverted = *manager.getFrameState(2);
    QCOMPARE(reverted.imagePath, candidate(2));
    QCOMPARE(reverted.status, FrameStatus::AuditFail);
    QVERIFY(controller.undo());
    QCOMPARE(*manager.getFrameState(2), patched);
    QCOMPARE(onDisk().frames.value(2), patched);
    QVERIFY(controller.redo());
    QCOMPARE(*manager.getFrameState(2), reverted);
    // Nothing to revert: refused, no step.
    QVERIFY(!controller.revertToOriginal(2));
    QCOMPARE(controller.undoStack()->count(), steps + 1);
}

QTEST_GUILESS_MAIN(TestPatch)
#include "tst_patch.moc"
