#include "atomicfile.h"
#include "framelistmodel.h"
#include "reviewhistory.h"
#include "runfixture.h"
#include "sessioncodec.h"
#include "sessionmanager.h"

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
    void undoAndRedoRoundTripOnDisk();
    void undoThatCannotBeSavedLeavesTheHistoryAlone();

private:
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

    QVERIFY(m_manager->setAlignment(1, -2, 1));
    QVERIFY(m_manager->setNotes(1, QStringLiteral("check the hand")));
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
    QVERIFY(m_manager->setAlignment(3, 4, 0));
    QVERIFY(m_manager->setNotes(0, QStringLiteral("fine")));
    PatchHistoryEntry patch;
    patch.originalPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    patch.patchedPath = QStringLiteral("candidates/frame_0002_attempt_01.png");
    QVERIFY(m_manager->addPatch(2, patch));
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
    const QImage thumbnail = model.index(0).data(Qt::DecorationRole).value<QImage>();
    QVERIFY(!thumbnail.isNull());
    QVERIFY(thumbnail.width() <= FrameListModel::thumbnailSize &&
            thumbnail.height() <= FrameListModel::thumbnailSize);
    QCOMPARE(thumbnail.width(), 64); // 16 px scaled by a whole 4
    QVERIFY(model.index(4).data(Qt::DecorationRole).value<QImage>().isNull());
    QVERIFY(!model.index(4).data(FrameListModel::ImageErrorRole).toString().isEmpty());
    QVERIFY(QFile::remove(run() + QStringLiteral("/candidates/frame_0003_attempt_01.png")));
    QVERIFY(model.index(3).data(Qt::DecorationRole).value<QImage>().isNull());
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
    const QImage one = model.index(0).data(Qt::DecorationRole).value<QImage>();
    QCOMPARE(one.size(), QSize(48, 48));
    QCOMPARE(one.convertToFormat(QImage::Format_ARGB32), small);

    const QImage three = model.index(1).data(Qt::DecorationRole).value<QImage>();
    QCOMPARE(three.size(), QSize(60, 60));
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 60; ++x)
            QCOMPARE(three.pixel(x, y), twenty.pixel(x / 3, y / 3));

    const QImage down = model.index(2).data(Qt::DecorationRole).value<QImage>();
    QCOMPARE(down.size(), QSize(64, 64));
    int grey = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            grey += qGray(down.pixel(x, y)) > 40 && qGray(down.pixel(x, y)) < 215;
    QVERIFY2(grey > 64 * 64 / 2, qPrintable(QString::number(grey)));
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
