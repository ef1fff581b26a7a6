#include "framedelegate.h"
#include "review/framelistmodel.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "session/framestatus.h"
#include "statusbadge.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QStandardItemModel>
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
    void eachStatusHasAShapeOfItsOwn_data();
    void eachStatusHasAShapeOfItsOwn();

private:
    QImage paint(const QModelIndex &index) const;
    // Which pixels of `image` differ clearly from `background`: a shape, whatever its colour.
    static QList<bool> inkOf(const QImage &image, const QColor &background);
    static qsizetype differences(const QList<bool> &a, const QList<bool> &b);
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

QList<bool> TestFrameDelegate::inkOf(const QImage &image, const QColor &background)
{
    QList<bool> ink;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c(image.pixel(x, y));
            ink.append(qAbs(c.red() - background.red()) + qAbs(c.green() - background.green()) +
                           qAbs(c.blue() - background.blue()) >
                       120);
        }
    }
    return ink;
}

qsizetype TestFrameDelegate::differences(const QList<bool> &a, const QList<bool> &b)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
        count += a[i] != b[i];
    return count;
}

void TestFrameDelegate::eachStatusHasAShapeOfItsOwn_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << Theme::lightPalette();
    QTest::newRow("dark") << Theme::darkPalette();
}

void TestFrameDelegate::eachStatusHasAShapeOfItsOwn()
{
    QFETCH(QPalette, palette);
    // A cell per status, as the filmstrip paints it; in each, the status badge's pixels that
    // stand out from its chip: the shape, its colour left aside (as an operator who cannot
    // tell the colours apart sees it).
    QStandardItemModel model;
    for (const FrameStatus status : allFrameStatuses) {
        auto *item = new QStandardItem(QStringLiteral("frame"));
        item->setData(int(status), FrameListModel::StatusRole);
        model.appendRow(item);
    }
    QList<QList<bool>> shapes;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStyleOptionViewItem option;
        option.palette = palette;
        option.font = QApplication::font();
        option.rect = QRect(QPoint(0, 0), m_delegate.sizeHint(option, model.index(row, 0)));
        QImage cell(option.rect.size(), QImage::Format_ARGB32);
        cell.fill(palette.color(QPalette::Base));
        {
            QPainter painter(&cell);
            m_delegate.paint(&painter, option, model.index(row, 0));
        }
        const QImage badge = cell.copy(FrameDelegate::statusBadgeRect(option));
        shapes.append(inkOf(badge, palette.color(QPalette::Base)));
        QVERIFY2(shapes.last().count(true) >= 6, qPrintable(QString::number(row)));
    }
    // Each shape differs from every other one by more than the edge of a stroke.
    for (qsizetype a = 0; a < shapes.size(); ++a) {
        for (qsizetype b = a + 1; b < shapes.size(); ++b) {
            QVERIFY2(differences(shapes[a], shapes[b]) >= 8,
                     qPrintable(QStringLiteral("%1 and %2 look alike")
                                    .arg(frameStatusName(allFrameStatuses[size_t(a)]),
                                         frameStatusName(allFrameStatuses[size_t(b)]))));
        }
    }
    // The shapes themselves, in one ink, large: all different too.
    QList<QImage> large;
    for (const FrameStatus status : allFrameStatuses) {
        QImage image(48, 48, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        StatusBadge::paintShape(&painter, image.rect(), int(status), Qt::black);
        painter.end();
        for (const QImage &other : std::as_const(large))
            QVERIFY(differences(inkOf(image, Qt::white), inkOf(other, Qt::white)) >= 40);
        large.append(image);
    }
}

QTEST_MAIN(TestFrameDelegate)
#include "tst_framedelegate.moc"
