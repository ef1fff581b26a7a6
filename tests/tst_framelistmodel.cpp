#include "review/framelistmodel.h"
#include "review/reviewhistory.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "storage/atomicfile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The filmstrip's model, and the undo history of the operator's actions.
class TestFrameListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rowsAndRolesFollowTheSession();
    void passesTheModelTesterWhileFramesChange();
    void dataChangedOnlyForTheChangedRow();
    void reopeningResetsTheModel();
    void thumbnailIsSmallAndMissingImagesSayWhy();
    void thumbnailScalesByAWholeFactorOrDownSmoothly();
    void thumbnailIsAPlaceholderUntilItsRowAloneIsSignalled();
    void brokenImagesSayWhyOnceTried();
    void aRowAskedForAgainIsDecodedOnce();
    void aPatchedFrameGetsANewThumbnail();
    void reopeningWhileThumbnailsAreMadeShowsOnlyTheNewRun();
    void destroyingTheModelWhileThumbnailsAreMadeIsSafe();
    void undoAndRedoRoundTripOnDisk();
    void undoThatCannotBeSavedLeavesTheHistoryAlone();

private:
    // What the filmstrip shows once the thumbnail is made: asks for it, as
    // the delegate does, and lets the event loop run until it is there.
    static QImage thumbnailOf(const FrameListModel &model, int row);
    static QString imageErrorOf(const FrameListModel &model, int row);
    // Whether `thumbnail` is `source` scaled up by `factor`, pixel for pixel.
    static bool isScaledUp(const QImage &thumbnail, const QImage &source, int factor);
    DirectorSession onDisk() const;
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionManager> m_manager;
};

DirectorSession TestFrameListModel::onDisk() const
{
    QFile file(run() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

QImage TestFrameListModel::thumbnailOf(const FrameListModel &model, int row)
{
    const QModelIndex index = model.index(row);
    index.data(Qt::DecorationRole);
    if (!QTest::qWaitFor(
            [&] { return !index.data(FrameListModel::ThumbnailLoadingRole).toBool(); }))
        return {};
    return index.data(Qt::DecorationRole).value<QImage>();
}

QString TestFrameListModel::imageErrorOf(const FrameListModel &model, int row)
{
    const QModelIndex index = model.index(row);
    index.data(FrameListModel::ImageErrorRole);
    if (!QTest::qWaitFor(
            [&] { return !index.data(FrameListModel::ThumbnailLoadingRole).toBool(); }))
        return {};
    return index.data(FrameListModel::ImageErrorRole).toString();
}

bool TestFrameListModel::isScaledUp(const QImage &thumbnail, const QImage &source, int factor)
{
    if (thumbnail.size() != source.size() * factor)
        return false;
    for (int y = 0; y < thumbnail.height(); ++y)
        for (int x = 0; x < thumbnail.width(); ++x)
            if (thumbnail.pixel(x, y) != source.pixel(x / factor, y / factor))
                return false;
    return true;
}

void TestFrameListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(run()));
    m_manager = std::make_unique<SessionManager>();
    QVERIFY(m_manager->initializeOrResume(run()));
}

void TestFrameListModel::cleanup()
{
    AtomicFile::setFaultHook({});
    m_manager.reset();
}

void TestFrameListModel::rowsAndRolesFollowTheSession()
{
    FrameListModel model(m_manager.get());
    QCOMPARE(model.rowCount(), 5);
    const QModelIndex warned = model.index(1);
    QCOMPARE(warned.data(FrameListModel::FrameIndexRole).toInt(), 1);
    QCOMPARE(warned.data(FrameListModel::FrameIdRole).toString(), QStringLiteral("frame_0001"));
    QCOMPARE(warned.data(FrameListModel::StatusRole).toInt(), int(FrameStatus::AuditWarn));
    QCOMPARE(warned.data(FrameListModel::FlagsRole).toStringList(),
             QStringList{QStringLiteral("SF01_IDENTITY_DRIFT")});
    QCOMPARE(warned.data(FrameListModel::ScoreRole).toDouble(), 0.78);
    QVERIFY(warned.data(FrameListModel::NeedsAttentionRole).toBool());
    QVERIFY(!warned.data(FrameListModel::NudgedRole).toBool());
    QVERIFY(warned.data(Qt::ToolTipRole).toString().contains(QLatin1String("SF01_IDENTITY_DRIFT")));

    QVERIFY(m_manager->applyFrameEdit(1, FrameEdit::offsetTo(-2, 1)));
    QVERIFY(m_manager->applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("check the hand"))));
    QCOMPARE(warned.data(FrameListModel::StatusRole).toInt(), int(FrameStatus::Approved));
    QVERIFY(!warned.data(FrameListModel::NeedsAttentionRole).toBool());
    QVERIFY(warned.data(FrameListModel::NudgedRole).toBool());
    QCOMPARE(warned.data(FrameListModel::AlignmentRole).toPointF(), QPointF(-2, 1));
    QVERIFY(warned.data(FrameListModel::NotedRole).toBool());
    QCOMPARE(warned.data(FrameListModel::NotesRole).toString(), QStringLiteral("check the hand"));
    QCOMPARE(model.rowOfFrame(4), 4);
    QCOMPARE(model.rowOfFrame(9), -1);
}

void TestFrameListModel::passesTheModelTesterWhileFramesChange()
{
    FrameListModel model(m_manager.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_manager->updateFrameStatus(3, FrameStatus::AuditWarn));
    QVERIFY(m_manager->applyFrameEdit(3, FrameEdit::offsetTo(4, 0)));
    QVERIFY(m_manager->applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("fine"))));
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    patch.patchedPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    QVERIFY(m_manager->applyFrameEdit(2, FrameEdit::addPatch(patch)));
    QVERIFY(model.index(2).data(FrameListModel::PatchedRole).toBool());
    QVERIFY(m_manager->initializeOrResume(run())); // a reset
    QCOMPARE(model.rowCount(), 5);
}

void TestFrameListModel::dataChangedOnlyForTheChangedRow()
{
    FrameListModel model(m_manager.get());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_manager->updateFrameStatus(2, FrameStatus::Approved));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
    // A refused change changes nothing, and says so to nobody.
    QVERIFY(!m_manager->updateFrameStatus(4, FrameStatus::Approved));
    QCOMPARE(changed.count(), 1);
}

void TestFrameListModel::reopeningResetsTheModel()
{
    FrameListModel model(m_manager.get());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QTemporaryDir other;
    QVERIFY(RunFixture::writeApprovedRun(other.path(), 3));
    QVERIFY(m_manager->initializeOrResume(other.path()));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    m_manager->close(); // before its folder goes
}

void TestFrameListModel::thumbnailIsSmallAndMissingImagesSayWhy()
{
    FrameListModel model(m_manager.get());
    const QImage thumbnail = thumbnailOf(model, 0);
    QVERIFY(!thumbnail.isNull());
    QVERIFY(thumbnail.width() <= FrameListModel::thumbnailSize &&
            thumbnail.height() <= FrameListModel::thumbnailSize);
    QCOMPARE(thumbnail.width(), 64); // 16 px scaled by a whole 4
    // No image at all: said at once, nothing to decode.
    QVERIFY(model.index(4).data(Qt::DecorationRole).value<QImage>().isNull());
    QVERIFY(!model.index(4).data(FrameListModel::ThumbnailLoadingRole).toBool());
    QVERIFY(!model.index(4).data(FrameListModel::ImageErrorRole).toString().isEmpty());
    QVERIFY(QFile::remove(run() + QStringLiteral("/candidates/frame_0003_attempt_01.png")));
    QVERIFY(thumbnailOf(model, 3).isNull());
    QVERIFY(model.index(3)
                .data(FrameListModel::ImageErrorRole)
                .toString()
                .contains(QLatin1String("does not exist")));
}

void TestFrameListModel::thumbnailScalesByAWholeFactorOrDownSmoothly()
{
    // Frame 0: 48 px, every pixel its own colour. It fits once, not 1.33 times.
    QImage small(48, 48, QImage::Format_ARGB32);
    for (int y = 0; y < small.height(); ++y)
        for (int x = 0; x < small.width(); ++x)
            small.setPixel(x, y, qRgba(x * 5, y * 5, (x + y) % 2 ? 255 : 0, 255));
    QVERIFY(small.save(run() + QStringLiteral("/candidates/frame_0000_attempt_01.png")));
    // Frame 1: 20 px fits three times: 60 px, each source pixel a 3×3 square.
    QImage twenty = RunFixture::frameImage(1, 20);
    QVERIFY(twenty.save(run() + QStringLiteral("/candidates/frame_0001_attempt_01.png")));
    // Frame 2: 100 px, a one-pixel black and white checkerboard, larger than
    // a thumbnail: scaled down smoothly, so it turns grey instead of aliasing.
    QImage large(100, 100, QImage::Format_ARGB32);
    for (int y = 0; y < large.height(); ++y)
        for (int x = 0; x < large.width(); ++x)
            large.setPixel(x, y, (x + y) % 2 ? qRgba(255, 255, 255, 255) : qRgba(0, 0, 0, 255));
    QVERIFY(large.save(run() + QStringLiteral("/candidates/frame_0002_attempt_01.png")));

    FrameListModel model(m_manager.get());
    const QImage one = thumbnailOf(model, 0);
    QCOMPARE(one.size(), QSize(48, 48));
    QCOMPARE(one.convertToFormat(QImage::Format_ARGB32), small);

    const QImage three = thumbnailOf(model, 1);
    QCOMPARE(three.size(), QSize(60, 60));
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 60; ++x)
            QCOMPARE(three.pixel(x, y), twenty.pixel(x / 3, y / 3));

    const QImage down = thumbnailOf(model, 2);
    QCOMPARE(down.size(), QSize(64, 64));
    int grey = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            grey += qGray(down.pixel(x, y)) > 40 && qGray(down.pixel(x, y)) < 215;
    QVERIFY2(grey > 64 * 64 / 2, qPrintable(QString::number(grey)));
}

void TestFrameListModel::thumbnailIsAPlaceholderUntilItsRowAloneIsSignalled()
{
    FrameListModel model(m_manager.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex index = model.index(1);
    // Asked for while the window paints: the answer comes at once, and it is
    // the placeholder. The decode is under way, not done in data().
    QVERIFY(index.data(Qt::DecorationRole).value<QImage>().isNull());
    QVERIFY(index.data(FrameListModel::ThumbnailLoadingRole).toBool());
    QVERIFY(index.data(FrameListModel::ImageErrorRole).toString().isEmpty());
    QCOMPARE(model.thumbnailDecodesStarted(), 1);

    QVERIFY(changed.wait());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), index);
    QCOMPARE(changed.at(0).at(1).toModelIndex(), index);
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(Qt::DecorationRole));
    QVERIFY(roles.contains(FrameListModel::ImageErrorRole));
    QVERIFY(!index.data(FrameListModel::ThumbnailLoadingRole).toBool());
    const QImage thumbnail = index.data(Qt::DecorationRole).value<QImage>();
    QVERIFY(isScaledUp(thumbnail, RunFixture::frameImage(1), 4)); // 16 px, 64 px
    QVERIFY(index.data(FrameListModel::ImageErrorRole).toString().isEmpty());
    // Rows nobody asked for are not decoded.
    QCOMPARE(model.thumbnailDecodesStarted(), 1);
    QVERIFY(model.index(2).data(FrameListModel::ThumbnailLoadingRole).toBool());
}

void TestFrameListModel::brokenImagesSayWhyOnceTried()
{
    // Frame 1: not an image at all. Frame 2: a PNG wider than Director takes.
    QFile garbage(run() + QStringLiteral("/candidates/frame_0001_attempt_01.png"));
    QVERIFY(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(garbage.write("this is not a PNG file\n") > 0);
    garbage.close();
    QImage wide(ImageLoader::maxSide + 1, 1, QImage::Format_ARGB32);
    wide.fill(Qt::red);
    QVERIFY(wide.save(run() + QStringLiteral("/candidates/frame_0002_attempt_01.png")));

    FrameListModel model(m_manager.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Not known before it is tried.
    QVERIFY(model.index(1).data(FrameListModel::ImageErrorRole).toString().isEmpty());
    QVERIFY(model.index(1).data(FrameListModel::ThumbnailLoadingRole).toBool());
    const QString notAnImage = imageErrorOf(model, 1);
    QVERIFY2(notAnImage.contains(QLatin1String("not a readable image")), qPrintable(notAnImage));
    QVERIFY(model.index(1).data(Qt::DecorationRole).value<QImage>().isNull());
    const QString tooWide = imageErrorOf(model, 2);
    QVERIFY2(tooWide.contains(QLatin1String("larger than")), qPrintable(tooWide));
    QVERIFY(thumbnailOf(model, 2).isNull());
    QCOMPARE(model.thumbnailDecodesStarted(), 2);
}

void TestFrameListModel::aRowAskedForAgainIsDecodedOnce()
{
    FrameListModel model(m_manager.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex index = model.index(2);
    // Every repaint asks again while the decode runs.
    for (int i = 0; i < 10; ++i) {
        QVERIFY(index.data(Qt::DecorationRole).value<QImage>().isNull());
        QVERIFY(index.data(FrameListModel::ImageErrorRole).toString().isEmpty());
    }
    QCOMPARE(model.thumbnailDecodesStarted(), 1);
    QVERIFY(changed.wait());
    for (int i = 0; i < 10; ++i)
        QVERIFY(!index.data(Qt::DecorationRole).value<QImage>().isNull());
    QCOMPARE(model.thumbnailDecodesStarted(), 1);
    QCOMPARE(changed.count(), 1);
    // A change that keeps the image keeps the thumbnail.
    QVERIFY(m_manager->applyFrameEdit(2, FrameEdit::notesTo(QStringLiteral("hand"))));
    QVERIFY(!index.data(Qt::DecorationRole).value<QImage>().isNull());
    QCOMPARE(model.thumbnailDecodesStarted(), 1);
}

void TestFrameListModel::aPatchedFrameGetsANewThumbnail()
{
    FrameListModel model(m_manager.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(isScaledUp(thumbnailOf(model, 2), RunFixture::frameImage(2), 4));
    // The patch is written over the frame's image.
    const QImage patched = RunFixture::frameImage(7, 32);
    QVERIFY(patched.save(run() + QStringLiteral("/candidates/frame_0002_attempt_01.png")));
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    patch.patchedPath = patch.originalPath;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_manager->applyFrameEdit(2, FrameEdit::addPatch(patch)));
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.index(2).data(Qt::DecorationRole).value<QImage>().isNull()); // made again
    QCOMPARE(model.thumbnailDecodesStarted(), 2);
    QVERIFY(isScaledUp(thumbnailOf(model, 2), patched, 2));
}

void TestFrameListModel::reopeningWhileThumbnailsAreMadeShowsOnlyTheNewRun()
{
    // Another run with the same image paths and other pixels: a decode made
    // for the first run must not end up in the second.
    QTemporaryDir other;
    QVERIFY(RunFixture::writeMixedRun(other.path()));
    for (int i = 0; i < 4; ++i)
        QVERIFY(RunFixture::frameImage(i + 10, 32)
                    .save(other.filePath(QStringLiteral("candidates/frame_%1_attempt_01.png")
                                             .arg(i, 4, 10, QLatin1Char('0')))));

    FrameListModel model(m_manager.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int row = 0; row < model.rowCount(); ++row)
        model.index(row).data(Qt::DecorationRole); // decodes under way
    QVERIFY(m_manager->initializeOrResume(other.path()));
    for (int row = 0; row < model.rowCount(); ++row)
        model.index(row).data(Qt::DecorationRole); // the new run's, at once
    for (int row = 0; row < 4; ++row)
        QVERIFY2(isScaledUp(thumbnailOf(model, row), RunFixture::frameImage(row + 10, 32), 2),
                 qPrintable(QString::number(row)));
    m_manager->close(); // before its folder goes
}

void TestFrameListModel::destroyingTheModelWhileThumbnailsAreMadeIsSafe()
{
    // Large frames, so that decodes are still running when the model goes.
    QImage large(2048, 2048, QImage::Format_ARGB32);
    for (int y = 0; y < large.height(); ++y)
        for (int x = 0; x < large.width(); ++x)
            large.setPixel(x, y, qRgba(x % 256, y % 256, (x * y) % 256, 255));
    const QString first = run() + QStringLiteral("/candidates/frame_0000_attempt_01.png");
    QVERIFY(large.save(first));
    for (int i = 1; i < 4; ++i) {
        const QString other =
            run() +
            QStringLiteral("/candidates/frame_%1_attempt_01.png").arg(i, 4, 10, QLatin1Char('0'));
        QVERIFY(QFile::remove(other) && QFile::copy(first, other));
    }
    for (int round = 0; round < 10; ++round) {
        auto model = std::make_unique<FrameListModel>(m_manager.get());
        for (int row = 0; row < model->rowCount(); ++row)
            model->index(row).data(Qt::DecorationRole);
        QCOMPARE(model->thumbnailDecodesStarted(), 4); // frame 4 has no image
        model.reset();
        // Decodes done while the model went post nothing that is delivered.
        QCoreApplication::processEvents();
    }
    FrameListModel model(m_manager.get());
    QVERIFY(!thumbnailOf(model, 0).isNull());
}

void TestFrameListModel::undoAndRedoRoundTripOnDisk()
{
    ReviewHistory history(m_manager.get());
    const DirectorFrameState original = *m_manager->getFrameState(1);
    FrameEdit nudge;
    nudge.alignment = FrameEdit::Alignment::Set;
    nudge.alignmentX = 3;
    QVERIFY(history.apply(1, nudge, QStringLiteral("nudge")));
    FrameEdit reject;
    reject.status = FrameStatus::AuditFail;
    QVERIFY(history.apply(1, reject, QStringLiteral("reject")));
    const DirectorFrameState last = *m_manager->getFrameState(1);
    QCOMPARE(history.stack()->count(), 2);
    // A refused action is not recorded.
    QVERIFY(!history.apply(1, reject, QStringLiteral("again")));
    QCOMPARE(history.stack()->count(), 2);

    QVERIFY(history.undo());
    QVERIFY(history.undo());
    QCOMPARE(*m_manager->getFrameState(1), original);
    QCOMPARE(onDisk().frames.value(1), original);
    QVERIFY(!history.undo());
    QVERIFY(history.redo());
    QVERIFY(history.redo());
    QCOMPARE(onDisk().frames.value(1), last);
}

void TestFrameListModel::undoThatCannotBeSavedLeavesTheHistoryAlone()
{
    ReviewHistory history(m_manager.get());
    FrameEdit approve;
    approve.status = FrameStatus::Approved;
    QVERIFY(history.apply(1, approve, QStringLiteral("approve")));
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    const Outcome failed = history.undo();
    QCOMPARE(failed.kind(), Outcome::Kind::Failed);
    QCOMPARE(history.stack()->index(), 1);
    QCOMPARE(m_manager->getFrameState(1)->status, FrameStatus::Approved);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::Approved);
    AtomicFile::setFaultHook({});
    QVERIFY(history.undo());
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditWarn);
}

QTEST_GUILESS_MAIN(TestFrameListModel)
#include "tst_framelistmodel.moc"
