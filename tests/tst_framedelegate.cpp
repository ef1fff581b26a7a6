#include "framedelegate.h"
#include "review/framelistmodel.h"
#include "review/sessionmanager.h"
#include "runfixture.h"

#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

// The filmstrip's cells as the operator sees them while thumbnails are made
// off the GUI thread: a placeholder first, then the frame.
class TestFrameDelegate : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void placeholderWhileLoadingThenTheFrame();

private:
    QImage paint(const QModelIndex &index) const;
    // The centre of the thumbnail area, and a point of its checkerboard
    // that a 16 px frame scaled to 64 px leaves bare.
    static QPoint centre() { return {9 + 32, 9 + 32}; }
    static QPoint bareCorner() { return {9 + 1, 9 + 1}; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionManager> m_manager;
    FrameDelegate m_delegate;
};

void TestFrameDelegate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(m_dir->path()));
    m_manager = std::make_unique<SessionManager>();
    QVERIFY(m_manager->initializeOrResume(m_dir->path()));
}

void TestFrameDelegate::cleanup()
{
    m_manager.reset();
    m_dir.reset();
}

QImage TestFrameDelegate::paint(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), m_delegate.sizeHint(option, index));
    QImage canvas(option.rect.size(), QImage::Format_ARGB32);
    canvas.fill(Qt::white);
    QPainter painter(&canvas);
    m_delegate.paint(&painter, option, index);
    return canvas;
}

void TestFrameDelegate::placeholderWhileLoadingThenTheFrame()
{
    FrameListModel model(m_manager.get());
    const QImage frame = RunFixture::frameImage(1);
    // Frame 4 has no image: "no image" on the usual checkerboard.
    const QImage noImage = paint(model.index(4));
    // Frame 1 on its first paint: its decode has just started.
    const QImage loading = paint(model.index(1));
    QVERIFY(model.index(1).data(FrameListModel::ThumbnailLoadingRole).toBool());
    QVERIFY(loading.pixel(centre()) != frame.pixel(8, 8));
    // A paler checkerboard, so that loading does not look like "no image".
    QVERIFY(qGray(loading.pixel(bareCorner())) > qGray(noImage.pixel(bareCorner())));
    QVERIFY(loading != noImage);

    QTRY_VERIFY(!model.index(1).data(FrameListModel::ThumbnailLoadingRole).toBool());
    const QImage made = paint(model.index(1));
    QCOMPARE(made.pixel(centre()), frame.pixel(8, 8));
    QCOMPARE(made.pixel(bareCorner()), noImage.pixel(bareCorner())); // the usual checkerboard
}

QTEST_MAIN(TestFrameDelegate)
#include "tst_framedelegate.moc"
