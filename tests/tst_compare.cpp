#include "compare/imagediff.h"
#include "compareview.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "pixelgrid.h"
#include "playbackpresenter.h"
#include "reasonpicker.h"
#include "review/reviewcontroller.h"
#include "review/reviewhistory.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "stageview.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QApplication>
#include <QHash>
#include <QJsonArray>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <cmath>

namespace {

// The definition of "differ" written out independently of ImageDiff (README, Compare): the
// alpha differs, or both pixels are visible and a colour channel differs.
bool pixelsDiffer(const QColor &a, const QColor &b)
{
    if (a.alpha() != b.alpha())
        return true;
    if (a.alpha() == 0)
        return false;
    return a.red() != b.red() || a.green() != b.green() || a.blue() != b.blue();
}

qsizetype countDiffering(const QImage &a, const QImage &b)
{
    qsizetype count = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            count += pixelsDiffer(a.pixelColor(x, y), b.pixelColor(x, y)) ? 1 : 0;
    return count;
}

// `image` moved by (dx, dy) on a transparent canvas of its size, written out by hand.
QImage shifted(const QImage &image, int dx, int dy)
{
    QImage moved(image.size(), QImage::Format_ARGB32);
    moved.fill(Qt::transparent);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (QRect(QPoint(), image.size()).contains(x + dx, y + dy))
                moved.setPixel(x + dx, y + dy, image.pixel(x, y));
    return moved;
}

QImage candidate(const QString &run, int frame, int attempt)
{
    return QImage(run + QStringLiteral("/candidates/%1_attempt_%2.png")
                            .arg(RunFixture::frameName(frame))
                            .arg(attempt, 2, 10, QLatin1Char('0')))
        .convertToFormat(QImage::Format_ARGB32);
}

// A 16×16 frame, every pixel opaque and of a colour of its own (none grey, none the divider's
// or the highlight's); `blue` tells two such frames apart.
QImage distinctFrame(int blue)
{
    QImage image(16, 16, QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(16 + x * 14, 16 + y * 14, blue));
    return image;
}

// The widget as a device with this pixel ratio shows it, the widget starting at a logical offset
// (an odd one puts it between two device pixels at 1.25 and 1.5); in device pixels.
QImage renderAt(QWidget *widget, qreal devicePixelRatio, QPoint offset = {})
{
    const QSize logical = widget->size() + QSize(offset.x(), offset.y());
    QImage image((QSizeF(logical) * devicePixelRatio).toSize() + QSize(1, 1),
                 QImage::Format_ARGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::black);
    widget->render(&image, offset);
    image.setDevicePixelRatio(1);
    return image;
}

// Where each colour of `shown` is: the bounding box of its device pixels, and how many there are.
struct Shown
{
    QHash<QRgb, QRect> box;
    QHash<QRgb, int> count;
};

Shown measure(const QImage &shown)
{
    Shown found;
    for (int y = 0; y < shown.height(); ++y) {
        for (int x = 0; x < shown.width(); ++x) {
            const QRgb colour = shown.pixel(x, y);
            found.box[colour] |= QRect(x, y, 1, 1);
            ++found.count[colour];
        }
    }
    return found;
}

// Fails unless every pixel of `frame` in columns [first, end) shows as one square of
// scale × scale device pixels in its own colour, and nowhere else: each at `*origin` (where the
// frame's pixel 0, 0 is, measured from column `first`) plus its place × scale.
bool showsColumnsAsSquares(const Shown &shown, const QImage &frame, int scale, int first, int end,
                           QPoint *origin, QString *why)
{
    *origin = shown.box.value(frame.pixel(first, 0)).topLeft() - QPoint(first * scale, 0);
    for (int y = 0; y < frame.height(); ++y) {
        for (int x = first; x < end; ++x) {
            const QRgb colour = frame.pixel(x, y);
            const QRect expected(*origin + QPoint(x, y) * scale, QSize(scale, scale));
            if (shown.box.value(colour) != expected || shown.count.value(colour) != scale * scale) {
                const QRect box = shown.box.value(colour);
                *why = QStringLiteral("pixel %1, %2: %3 device pixels in %4×%5 at %6, %7; not "
                                      "%8×%8 at %9, %10")
                           .arg(x)
                           .arg(y)
                           .arg(shown.count.value(colour))
                           .arg(box.width())
                           .arg(box.height())
                           .arg(box.x())
                           .arg(box.y())
                           .arg(scale)
                           .arg(expected.x())
                           .arg(expected.y());
                return false;
            }
        }
    }
    return true;
}

bool showsAsSquares(const Shown &shown, const QImage &frame, int scale, QPoint *origin,
                    QString *why)
{
    return showsColumnsAsSquares(shown, frame, scale, 0, frame.width(), origin, why);
}

// The rows of the test data: a device pixel ratio, a zoom, and the device pixels a source pixel
// is then on the stage (StageView's own tests say so).
void addPixelGridRows()
{
    QTest::addColumn<qreal>("ratio");
    QTest::addColumn<int>("zoom");
    QTest::addColumn<int>("scale");
    QTest::newRow("1, 1×") << 1.0 << 1 << 1;
    QTest::newRow("1, 4×") << 1.0 << 4 << 4;
    QTest::newRow("1.25, 1×") << 1.25 << 1 << 1;
    QTest::newRow("1.25, 2×") << 1.25 << 2 << 3; // 2.5 rounded
    QTest::newRow("1.25, 4×") << 1.25 << 4 << 5;
    QTest::newRow("1.5, 1×") << 1.5 << 1 << 2; // never 1 and 2 in turn
    QTest::newRow("1.5, 2×") << 1.5 << 2 << 3;
    QTest::newRow("1.5, 4×") << 1.5 << 4 << 6;
    QTest::newRow("2, 2×") << 2.0 << 2 << 4;
}

// A compare view of its own at a zoom, showing `current` beside `reference`.
std::unique_ptr<CompareView> compareAlone(int zoom, CompareView::Mode mode, const QImage &current,
                                          const QImage &reference)
{
    auto view = std::make_unique<CompareView>();
    view->setZoomSource([zoom] { return zoom; });
    view->setImages(current, reference, QStringLiteral("the anchor"));
    view->setMode(mode);
    view->resize(601, 401);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return {};
    return view;
}

QString atOffset(QPoint offset, const QString &why)
{
    return QStringLiteral("offset %1, %2: %3").arg(offset.x()).arg(offset.y()).arg(why);
}

} // namespace

// Comparing the current frame with a reference (CompareView, CompareMode, ImageDiff) and using
// another attempt of a frame (FrameEdit::useAttempt), driven as the operator drives them.
class TestCompare : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void differenceCountsColourAndCoverageNotHiddenColour();
    void differenceCountMatchesPixelsComputedHere();
    void differenceViewShowsTheCountAndHighlightsAsCommitWouldWrite();
    void sideBySideZoomsAndPansInStep();
    void wipeDividerDraggedWithTheMouse();
    void spaceLeavesCompareToPlayOnTheStage();
    void choosingAnAttemptComparesIt();
    void useThisAttemptChangesTheImageAndItsAuditAndUndoPutsItBack();
    void useThisAttemptObeysTheTransitionRules();
    void aChosenOlderAttemptStaysWhenTheRunIsReadAgain();
    void theReferenceCanBeThePreviousFrame();
    void aNudgedFrameTakesItsAuditForTheOperatorToLookAgain();
    void useThisAttemptIsOffWhileReadOnly();
    void sideBySideShowsEveryPixelAsOneSquare_data() { addPixelGridRows(); }
    void sideBySideShowsEveryPixelAsOneSquare();
    void wipeShowsEveryPixelAsOneSquareEachSideOfTheDivider_data() { addPixelGridRows(); }
    void wipeShowsEveryPixelAsOneSquareEachSideOfTheDivider();
    void differenceShowsEveryPixelAsOneSquare_data() { addPixelGridRows(); }
    void differenceShowsEveryPixelAsOneSquare();
    void compareShowsTheStagesScale_data() { addPixelGridRows(); }
    void compareShowsTheStagesScale();
    void theMouseOnAFractionalScreen_data();
    void theMouseOnAFractionalScreen();

private:
    std::unique_ptr<MainWindow> openWindow();
    DirectorSession onDisk(MainWindow *window) const;
    QByteArray bytesOnDisk(MainWindow *window) const;
    static CompareView *compareView(MainWindow *window);
    // Picks an attempt in the inspector's list with the mouse.
    static void clickAttempt(MainWindow *window, int attemptIndex);
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCompare::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorCompareTests")));
}

void TestCompare::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    // Frames 0 APPROVED, 1 AUDIT_WARN, 2 AUDIT_FAIL, 3 GENERATED, 4 PENDING; frame 2 has a
    // second attempt: its first with one pixel's colour and another's coverage changed, and
    // the audit of attempt 2 (it names it).
    QVERIFY(RunFixture::writeMixedRun(run()));
    QImage second = RunFixture::frameImage(2);
    second.setPixel(6, 6, qRgba(1, 2, 3, 255));
    second.setPixel(7, 7, qRgba(0, 0, 0, 0));
    QVERIFY(second.save(run() + QStringLiteral("/candidates/frame_0002_attempt_02.png")));
    const QJsonArray attempts{QJsonObject{{QStringLiteral("attempt_index"), 1},
                                          {QStringLiteral("result"), QStringLiteral("soft_fail")},
                                          {QStringLiteral("reason_codes"),
                                           QJsonArray{QStringLiteral("SF01_IDENTITY_DRIFT")}}},
                              QJsonObject{{QStringLiteral("attempt_index"), 2},
                                          {QStringLiteral("result"), QStringLiteral("soft_fail")},
                                          {QStringLiteral("reason_codes"),
                                           QJsonArray{QStringLiteral("SF02_PALETTE_DRIFT")}}}};
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/audit/frame_0002_metrics.json"),
        {{QStringLiteral("frame_index"), 2},
         {QStringLiteral("passed"), false},
         {QStringLiteral("status"), QStringLiteral("soft_fail")},
         {QStringLiteral("reason_codes"), QJsonArray{QStringLiteral("SF02_PALETTE_DRIFT")}},
         {QStringLiteral("composite_score"), 0.41},
         {QStringLiteral("attempts"), attempts}}));
}

void TestCompare::cleanup()
{
    MessageBox::setNextAnswer(MessageBox::NoButton);
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestCompare::openWindow()
{
    return WindowFixture::openWindow(run());
}

DirectorSession TestCompare::onDisk(MainWindow *window) const
{
    window->manager()->waitForSaves();
    return SessionCodec::decode(bytesOnDisk(window)).session.value_or(DirectorSession());
}

QByteArray TestCompare::bytesOnDisk(MainWindow *window) const
{
    window->manager()->waitForSaves();
    QFile file(run() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

CompareView *TestCompare::compareView(MainWindow *window)
{
    return window->findChild<CompareView *>(QStringLiteral("compareView"));
}

void TestCompare::clickAttempt(MainWindow *window, int attemptIndex)
{
    QTreeWidget *list = window->inspector()->attempts();
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        if (item->text(0) == QString::number(attemptIndex)) {
            list->scrollToItem(item);
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualItemRect(item).center());
            return;
        }
    }
    QFAIL("no such attempt in the list");
}

void TestCompare::differenceCountsColourAndCoverageNotHiddenColour()
{
    // Both fully transparent, other RGB: the same (nobody sees it).
    QVERIFY(!ImageDiff::differ(qRgba(255, 0, 0, 0), qRgba(0, 0, 255, 0)));
    // Coverage only: the same colour, another alpha.
    QVERIFY(ImageDiff::differ(qRgba(10, 20, 30, 255), qRgba(10, 20, 30, 128)));
    QVERIFY(ImageDiff::differ(qRgba(10, 20, 30, 0), qRgba(10, 20, 30, 1)));
    // Colour only, both visible (also when barely).
    QVERIFY(ImageDiff::differ(qRgba(10, 20, 30, 255), qRgba(10, 20, 31, 255)));
    QVERIFY(ImageDiff::differ(qRgba(10, 20, 30, 1), qRgba(11, 20, 30, 1)));
    QVERIFY(!ImageDiff::differ(qRgba(10, 20, 30, 200), qRgba(10, 20, 30, 200)));

    QImage a(3, 1, QImage::Format_ARGB32);
    QImage b(3, 1, QImage::Format_ARGB32);
    a.setPixel(0, 0, qRgba(255, 0, 0, 0)); // hidden colour
    b.setPixel(0, 0, qRgba(0, 255, 0, 0));
    a.setPixel(1, 0, qRgba(9, 9, 9, 255)); // coverage
    b.setPixel(1, 0, qRgba(9, 9, 9, 100));
    a.setPixel(2, 0, qRgba(9, 9, 9, 255)); // the same
    b.setPixel(2, 0, qRgba(9, 9, 9, 255));
    const ImageDiff::Result diff = ImageDiff::compare(a, b);
    QCOMPARE(diff.differing, 1);
    QCOMPARE(ImageDiff::count(a, b), 1);
    QCOMPARE(diff.image.pixel(1, 0), ImageDiff::highlight);
    QVERIFY(diff.image.pixel(2, 0) != ImageDiff::highlight);
    QVERIFY(qAlpha(diff.image.pixel(2, 0)) < 255); // dimmed
    // A pixel only one side has counts as transparent on the other.
    QImage wide(4, 1, QImage::Format_ARGB32);
    wide.fill(Qt::transparent);
    wide.setPixel(3, 0, qRgba(1, 1, 1, 255));
    QImage narrow(3, 1, QImage::Format_ARGB32);
    narrow.fill(Qt::transparent);
    QCOMPARE(ImageDiff::count(wide, narrow), 1);
}

void TestCompare::differenceCountMatchesPixelsComputedHere()
{
    QRandomGenerator random(20260118);
    const int alphas[] = {0, 0, 128, 255};
    const QRgb colours[] = {qRgb(0, 0, 0), qRgb(200, 10, 10), qRgb(200, 10, 11)};
    QImage a(64, 48, QImage::Format_ARGB32);
    QImage b(64, 48, QImage::Format_ARGB32);
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb ca = colours[random.bounded(3)];
            const QRgb cb = colours[random.bounded(3)];
            a.setPixel(x, y, qRgba(qRed(ca), qGreen(ca), qBlue(ca), alphas[random.bounded(4)]));
            b.setPixel(x, y, qRgba(qRed(cb), qGreen(cb), qBlue(cb), alphas[random.bounded(4)]));
        }
    }
    const qsizetype expected = countDiffering(a, b);
    QVERIFY(expected > 0 && expected < a.width() * a.height());
    const ImageDiff::Result diff = ImageDiff::compare(a, b);
    QCOMPARE(diff.differing, expected);
    qsizetype highlighted = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            highlighted += diff.image.pixel(x, y) == ImageDiff::highlight ? 1 : 0;
    QCOMPARE(highlighted, expected);
}

void TestCompare::differenceViewShowsTheCountAndHighlightsAsCommitWouldWrite()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ControlModifier); // nudged 1 px right
    QTest::keyClick(window.get(), Qt::Key_D);
    CompareView *view = compareView(window.get());
    QVERIFY(view && view->isVisible());
    QVERIFY(!window->stage()->isVisible());
    QVERIFY(window->actions().compareDifference->isChecked());
    // As commit writes them: frame 1 moved 1 px right, against the anchor.
    const QImage current = shifted(candidate(run(), 1, 1), 1, 0);
    const qsizetype expected = countDiffering(current, candidate(run(), 0, 1));
    QVERIFY(expected > 0);
    QCOMPARE(view->differingPixels(), expected);
    // "70 pixels differ from the anchor" (the English plural comes from translations/).
    QVERIFY2(view->caption().startsWith(QString::number(expected) + u' ') &&
                 view->caption().contains(QStringLiteral("differ from the anchor")),
             qPrintable(view->caption()));
    // The frame's right edge moved where the anchor has nothing: highlighted on screen.
    QTest::keyClick(window.get(), Qt::Key_3);
    const QImage shown = view->grab().toImage();
    const QRect at = view->imageRect(0);
    const QPoint edge = at.topLeft() + QPoint(10 * 4 + 2, 8 * 4 + 2); // pixel (10, 8)
    QCOMPARE(shown.pixel(edge), ImageDiff::highlight);

    // Off: the stage again.
    QTest::keyClick(window.get(), Qt::Key_C, Qt::ShiftModifier);
    QVERIFY(window->stage()->isVisible());
    QVERIFY(!view->isVisible());
}

void TestCompare::sideBySideZoomsAndPansInStep()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_C);
    CompareView *view = compareView(window.get());
    QVERIFY(view->isVisible());
    QTest::keyClick(window.get(), Qt::Key_2);
    QCOMPARE(view->imageRect(0).size(), QSize(32, 32));
    QCOMPARE(view->imageRect(1).size(), QSize(32, 32));
    QTest::keyClick(window.get(), Qt::Key_4);
    QCOMPARE(window->stage()->zoom(), 8);
    QCOMPARE(view->imageRect(0).size(), QSize(128, 128));
    QCOMPARE(view->imageRect(1).size(), QSize(128, 128));

    // A drag on the left pane pans both.
    const QRect left = view->imageRect(0);
    const QRect right = view->imageRect(1);
    const QPoint start = left.center();
    QTest::mousePress(view, Qt::LeftButton, {}, start);
    QTest::mouseMove(view, start + QPoint(15, 10));
    QTest::mouseMove(view, start + QPoint(30, 20));
    QTest::mouseRelease(view, Qt::LeftButton, {}, start + QPoint(30, 20));
    QCOMPARE(view->imageRect(0), left.translated(30, 20));
    QCOMPARE(view->imageRect(1), right.translated(30, 20));
    // The wheel pans both too.
    const QRect before = view->imageRect(1);
    QWheelEvent wheel(QPointF(view->imageRect(1).center()), view->mapToGlobal(QPointF(10, 10)),
                      QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                      false);
    QApplication::sendEvent(view, &wheel);
    QVERIFY(view->imageRect(1).top() < before.top());
    QCOMPARE(view->imageRect(0).top() - left.top() - 20,
             view->imageRect(1).top() - right.top() - 20);

    // What the panes show: this frame left, the anchor right, pixel for pixel.
    const QImage shown = view->grab().toImage();
    const QPoint pixel(6, 8);
    const QPoint inLeft = view->imageRect(0).topLeft() + pixel * 8 + QPoint(4, 4);
    const QPoint inRight = view->imageRect(1).topLeft() + pixel * 8 + QPoint(4, 4);
    QCOMPARE(shown.pixel(inLeft), candidate(run(), 1, 1).pixel(pixel));
    QCOMPARE(shown.pixel(inRight), candidate(run(), 0, 1).pixel(pixel));
}

void TestCompare::wipeDividerDraggedWithTheMouse()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_4); // 8x
    QTest::keyClick(window.get(), Qt::Key_W);
    CompareView *view = compareView(window.get());
    QVERIFY(view->isVisible());
    const QImage current = candidate(run(), 1, 1);
    const QImage anchor = candidate(run(), 0, 1);
    const QRect at = view->imageRect(0);
    const auto shownAt = [&](QPoint pixel) {
        return view->grab().toImage().pixel(at.topLeft() + pixel * 8 + QPoint(4, 4));
    };
    const QPoint leftPixel(6, 8);
    const QPoint rightPixel(9, 8);
    QCOMPARE(view->wipePosition(), 8);
    QCOMPARE(shownAt(leftPixel), current.pixel(leftPixel));
    QCOMPARE(shownAt(rightPixel), anchor.pixel(rightPixel));

    // Dragged left past pixel 6: it shows the reference now.
    const QPoint divider(at.left() + 8 * 8, at.center().y());
    QTest::mousePress(view, Qt::LeftButton, {}, divider);
    QTest::mouseMove(view, divider - QPoint(20, 0));
    QTest::mouseMove(view, QPoint(at.left() + 5 * 8, divider.y()));
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(at.left() + 5 * 8, divider.y()));
    QCOMPARE(view->wipePosition(), 5);
    QCOMPARE(shownAt(leftPixel), anchor.pixel(leftPixel));
    // And right past pixel 9: this frame there.
    QTest::mousePress(view, Qt::LeftButton, {}, QPoint(at.left() + 5 * 8, divider.y()));
    QTest::mouseMove(view, QPoint(at.left() + 12 * 8, divider.y()));
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(at.left() + 12 * 8, divider.y()));
    QCOMPARE(view->wipePosition(), 12);
    QCOMPARE(shownAt(rightPixel), current.pixel(rightPixel));
    QCOMPARE(shownAt(leftPixel), current.pixel(leftPixel));
}

void TestCompare::spaceLeavesCompareToPlayOnTheStage()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_W);
    QVERIFY(compareView(window.get())->isVisible());
    QTest::keyClick(window.get(), Qt::Key_Space);
    QVERIFY(window->playback()->isPlaying());
    QVERIFY(window->stage()->isVisible());
    QVERIFY(!compareView(window.get())->isVisible());
    QVERIFY(window->actions().compareOff->isChecked());
    QTest::keyClick(window.get(), Qt::Key_Space);
    QVERIFY(!window->playback()->isPlaying());
}

void TestCompare::choosingAnAttemptComparesIt()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(2);
    QTreeWidget *list = window->inspector()->attempts();
    QCOMPARE(list->topLevelItemCount(), 2);
    QVERIFY(!list->topLevelItem(0)->icon(0).isNull()); // each attempt's thumbnail
    QVERIFY(!list->topLevelItem(1)->icon(0).isNull());
    clickAttempt(window.get(), 1);
    CompareView *view = compareView(window.get());
    QVERIFY(view->isVisible());
    QVERIFY(window->actions().compareSideBySide->isChecked());
    QVERIFY(window->actions().referenceAttempt->isChecked());
    QVERIFY2(view->caption().contains(QStringLiteral("attempt 1")), qPrintable(view->caption()));
    // Left: the frame's image (attempt 2); right: attempt 1, where they differ.
    QTest::keyClick(window.get(), Qt::Key_4);
    const QImage shown = view->grab().toImage();
    const QPoint pixel(6, 6);
    QCOMPARE(shown.pixel(view->imageRect(0).topLeft() + pixel * 8 + QPoint(4, 4)),
             qRgba(1, 2, 3, 255));
    QCOMPARE(shown.pixel(view->imageRect(1).topLeft() + pixel * 8 + QPoint(4, 4)),
             candidate(run(), 2, 1).pixel(pixel));
    // Difference: the two pixels changed between the attempts, colour and coverage.
    QTest::keyClick(window.get(), Qt::Key_D);
    QCOMPARE(view->differingPixels(), 2);
}

void TestCompare::useThisAttemptChangesTheImageAndItsAuditAndUndoPutsItBack()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(2);
    const DirectorSession before = onDisk(window.get());
    const DirectorFrameState original = before.frames.value(2);
    QCOMPARE(original.status, FrameStatus::AuditFail);
    QCOMPARE(original.imagePath, QStringLiteral("candidates/frame_0002_attempt_02.png"));
    QCOMPARE(original.auditReport.flags, QStringList{QStringLiteral("SF02_PALETTE_DRIFT")});

    clickAttempt(window.get(), 1);
    QPushButton *use = window->inspector()->useAttemptButton();
    QVERIFY(use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    const QByteArray bytes = bytesOnDisk(window.get());
    DirectorFrameState used = onDisk(window.get()).frames.value(2);
    // Attempt 1's image; the run has no audit of it: GENERATED (AUDIT_FAIL -> GENERATED, "a new
    // attempt"), no audit report kept from the other image.
    QCOMPARE(used.imagePath, QStringLiteral("candidates/frame_0002_attempt_01.png"));
    QCOMPARE(used.status, FrameStatus::Generated);
    QCOMPARE(used.auditReport, AuditReport());
    QCOMPARE(used.attemptHistory, original.attemptHistory);
    QCOMPARE(window->history()->stack()->undoText(), QStringLiteral("Use attempt 1 for frame 2"));
    // The file reads back exactly and is what the pipeline's schema accepts.
    QCOMPARE(SessionCodec::encode(*SessionCodec::decode(bytes).session), bytes);
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(DIRECTOR_VALIDATOR), QStringLiteral(DIRECTOR_SCHEMA),
                  run() + QStringLiteral("/director_session.json")});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAll().constData());
    // The stage shows it (Off, then the stage).
    QTest::keyClick(window.get(), Qt::Key_C, Qt::ShiftModifier);
    QVERIFY(window->stage()->isVisible());

    // Back to attempt 2: the run's audit is about it, and comes back with it.
    clickAttempt(window.get(), 2);
    QTest::mouseClick(use, Qt::LeftButton);
    used = onDisk(window.get()).frames.value(2);
    QCOMPARE(used.imagePath, original.imagePath);
    QCOMPARE(used.status, FrameStatus::AuditFail);
    QCOMPARE(used.auditReport, original.auditReport);

    // Undo twice: the frame exactly as it was (only lastModified moved on).
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames.value(2).imagePath,
             QStringLiteral("candidates/frame_0002_attempt_01.png"));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    DirectorSession after = onDisk(window.get());
    QCOMPARE(after.frames, before.frames);
    after.lastModified = before.lastModified;
    QCOMPARE(SessionCodec::encode(after), SessionCodec::encode(before));
}

void TestCompare::useThisAttemptObeysTheTransitionRules()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(2);
    QTest::keyClick(window.get(), Qt::Key_A); // AUDIT_FAIL -> APPROVED
    QCOMPARE(onDisk(window.get()).frames.value(2).status, FrameStatus::Approved);
    const QByteArray approved = bytesOnDisk(window.get());
    clickAttempt(window.get(), 1);
    QTest::mouseClick(window->inspector()->useAttemptButton(), Qt::LeftButton);
    // APPROVED -> GENERATED is not a transition: refused, said, nothing written.
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("APPROVED")),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(bytesOnDisk(window.get()), approved);
    QCOMPARE(window->history()->stack()->count(), 1);
    // Rejected first, it can be used.
    QTest::keyClick(window.get(), Qt::Key_X); // asks why: Enter rejects without a reason
    QVERIFY(WindowFixture::answerReasonPicker(window.get()));
    QCOMPARE(onDisk(window.get()).frames.value(2).status, FrameStatus::AuditFail);
    clickAttempt(window.get(), 1);
    QTest::mouseClick(window->inspector()->useAttemptButton(), Qt::LeftButton);
    QCOMPARE(onDisk(window.get()).frames.value(2).imagePath,
             QStringLiteral("candidates/frame_0002_attempt_01.png"));
    // The image it has already: refused.
    clickAttempt(window.get(), 1);
    QTest::mouseClick(window->inspector()->useAttemptButton(), Qt::LeftButton);
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("already")));
    QCOMPARE(window->history()->stack()->count(), 3);
}

void TestCompare::aChosenOlderAttemptStaysWhenTheRunIsReadAgain()
{
    {
        auto window = openWindow();
        QVERIFY(window);
        window->setCurrentFrame(2);
        clickAttempt(window.get(), 1);
        QTest::mouseClick(window->inspector()->useAttemptButton(), Qt::LeftButton);
        QCOMPARE(onDisk(window.get()).frames.value(2).imagePath,
                 QStringLiteral("candidates/frame_0002_attempt_01.png"));
    }
    // The headless path takes in the run's news first: attempt 2 is not news.
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run()));
    int changed = -1;
    QVERIFY(manager.ingestRun(&changed));
    QCOMPARE(changed, 0);
    QCOMPARE(manager.getFrameState(2)->imagePath,
             QStringLiteral("candidates/frame_0002_attempt_01.png"));
    // A newer attempt is.
    manager.close();
    QVERIFY(RunFixture::writeCandidate(run(), 2, 3));
    SessionManager again;
    QVERIFY(again.initializeOrResume(run()));
    QVERIFY(again.ingestRun(&changed));
    QCOMPARE(changed, 1);
    QCOMPARE(again.getFrameState(2)->imagePath,
             QStringLiteral("candidates/frame_0002_attempt_03.png"));
}

void TestCompare::theReferenceCanBeThePreviousFrame()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(2);
    window->actions().referencePrevious->trigger();
    QTest::keyClick(window.get(), Qt::Key_D);
    CompareView *view = compareView(window.get());
    QCOMPARE(view->differingPixels(),
             countDiffering(candidate(run(), 2, 2), candidate(run(), 1, 1)));
    QVERIFY2(view->caption().contains(QStringLiteral("the previous frame")),
             qPrintable(view->caption()));
    // The reference follows the frame.
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(view->differingPixels(),
             countDiffering(candidate(run(), 1, 1), candidate(run(), 0, 1)));
    QTest::keyClick(window.get(), Qt::Key_Home);
    QCOMPARE(view->caption(), QStringLiteral("The first frame has no previous frame."));
}

void TestCompare::aNudgedFrameTakesItsAuditForTheOperatorToLookAgain()
{
    // Frame 3: attempt 2 audited clean (the audit names it), attempt 1 not.
    QVERIFY(RunFixture::writeCandidate(run(), 3, 2));
    const QJsonArray attempts{QJsonObject{{QStringLiteral("attempt_index"), 2},
                                          {QStringLiteral("result"), QStringLiteral("passed")}}};
    QVERIFY(RunFixture::writeJson(run() + QStringLiteral("/audit/frame_0003_metrics.json"),
                                  {{QStringLiteral("frame_index"), 3},
                                   {QStringLiteral("passed"), true},
                                   {QStringLiteral("reason_codes"), QJsonArray()},
                                   {QStringLiteral("composite_score"), 0.9},
                                   {QStringLiteral("attempts"), attempts}}));
    SessionManager manager;
    ReviewController controller(&manager);
    QVERIFY(manager.initializeOrResume(run()));
    QCOMPARE(manager.getFrameState(3)->status, FrameStatus::Approved);
    QVERIFY(controller.reject(3));
    QVERIFY(controller.nudge(3, 1, 0));
    QVERIFY(controller.useAttempt(3, 1));
    QCOMPARE(manager.getFrameState(3)->status, FrameStatus::Generated);
    QVERIFY(controller.useAttempt(3, 2));
    // The audit passed it clean, but the nudge was made for another image.
    const DirectorFrameState frame = *manager.getFrameState(3);
    QCOMPARE(frame.status, FrameStatus::AuditWarn);
    QCOMPARE(frame.auditReport.compositeScore, 0.9);
    QCOMPARE(frame.directorOverrides.alignment->userOverrideX, 1.0);
    // An attempt the frame does not have.
    QCOMPARE(controller.useAttempt(3, 7).kind(), Outcome::Kind::Invalid);
}

void TestCompare::useThisAttemptIsOffWhileReadOnly()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
        QVERIFY(manager.discardSession());
    }
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(2);
    clickAttempt(window.get(), 1);
    QVERIFY(compareView(window.get())->isVisible()); // comparing is reading
    QVERIFY(!window->inspector()->useAttemptButton()->isEnabled());
}

void TestCompare::sideBySideShowsEveryPixelAsOneSquare()
{
    QFETCH(qreal, ratio);
    QFETCH(int, zoom);
    QFETCH(int, scale);
    const QImage current = distinctFrame(40);
    const QImage reference = distinctFrame(200);
    auto view = compareAlone(zoom, CompareView::Mode::SideBySide, current, reference);
    QVERIFY(view);
    QCOMPARE(view->pixelScale(ratio), scale);
    QString why;
    QPoint left;
    QPoint right;
    for (const QPoint offset : {QPoint(0, 0), QPoint(1, 1), QPoint(3, 0)}) {
        const Shown shown = measure(renderAt(view.get(), ratio, offset));
        QVERIFY2(showsAsSquares(shown, current, scale, &left, &why),
                 qPrintable(atOffset(offset, why)));
        QVERIFY2(showsAsSquares(shown, reference, scale, &right, &why),
                 qPrintable(atOffset(offset, why)));
        QCOMPARE(left.y(), right.y());
    }
    // Panned by an odd number of logical pixels: both panes move by the same whole device pixels,
    // and every pixel is still one square.
    const Shown before = measure(renderAt(view.get(), ratio));
    QVERIFY(showsAsSquares(before, current, scale, &left, &why));
    QVERIFY(showsAsSquares(before, reference, scale, &right, &why));
    const QPoint start = view->imageRect(0).center();
    QTest::mousePress(view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(view.get(), start + QPoint(7, 5));
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, start + QPoint(7, 5));
    QCOMPARE(view->pan(), QPoint(7, 5));
    const Shown panned = measure(renderAt(view.get(), ratio));
    QPoint leftPanned;
    QPoint rightPanned;
    QVERIFY2(showsAsSquares(panned, current, scale, &leftPanned, &why), qPrintable(why));
    QVERIFY2(showsAsSquares(panned, reference, scale, &rightPanned, &why), qPrintable(why));
    QCOMPARE(leftPanned - left, PixelGrid::snap(QPointF(7, 5) * ratio));
    QCOMPARE(rightPanned - right, leftPanned - left);
}

void TestCompare::wipeShowsEveryPixelAsOneSquareEachSideOfTheDivider()
{
    QFETCH(qreal, ratio);
    QFETCH(int, zoom);
    QFETCH(int, scale);
    const QImage current = distinctFrame(40);
    const QImage reference = distinctFrame(200);
    auto view = compareAlone(zoom, CompareView::Mode::Wipe, current, reference);
    QVERIFY(view);
    QCOMPARE(view->wipePosition(), 8);
    const QRgb divider = view->palette().color(QPalette::Highlight).rgb();
    const int line = PixelGrid::lineWidth(ratio);
    for (const QPoint offset : {QPoint(0, 0), QPoint(1, 1), QPoint(3, 0)}) {
        const QImage image = renderAt(view.get(), ratio, offset);
        const Shown shown = measure(image);
        // Left of the divider this frame, right of it the reference, one grid.
        QString why;
        QPoint origin;
        QPoint referenceOrigin;
        QVERIFY2(showsColumnsAsSquares(shown, current, scale, 0, 8, &origin, &why),
                 qPrintable(atOffset(offset, why)));
        QVERIFY2(showsColumnsAsSquares(shown, reference, scale, 9, 16, &referenceOrigin, &why),
                 qPrintable(atOffset(offset, why)));
        QCOMPARE(referenceOrigin, origin);
        // The divider on the edge between pixels 7 and 8, over the reference's column 8.
        const int dividerX = origin.x() + 8 * scale;
        for (int y = 0; y < 16 * scale; ++y) {
            for (int x = 0; x < line; ++x)
                QCOMPARE(image.pixel(dividerX + x, origin.y() + y), divider);
        }
        for (int y = 0; y < 16; ++y) {
            const QRgb colour = reference.pixel(8, y);
            const QRect expected(origin + QPoint(8 * scale + line, y * scale),
                                 QSize(scale - line, scale));
            QCOMPARE(shown.count.value(colour), expected.width() * expected.height());
            if (!expected.isEmpty()) // at one device pixel a source pixel, the divider hides it
                QCOMPARE(shown.box.value(colour), expected);
        }
    }
}

void TestCompare::differenceShowsEveryPixelAsOneSquare()
{
    QFETCH(qreal, ratio);
    QFETCH(int, zoom);
    QFETCH(int, scale);
    // Every other pixel differs, as on a chessboard: each highlighted pixel stands on its own.
    const QImage current = distinctFrame(40);
    QImage reference = current;
    for (int y = 0; y < 16; ++y)
        for (int x = (y % 2); x < 16; x += 2)
            reference.setPixel(x, y, qRgb(1, 2, 3));
    auto view = compareAlone(zoom, CompareView::Mode::Difference, current, reference);
    QVERIFY(view);
    QCOMPARE(view->differingPixels(), 128);
    for (const QPoint offset : {QPoint(0, 0), QPoint(1, 1), QPoint(3, 0)}) {
        const QImage image = renderAt(view.get(), ratio, offset);
        const Shown shown = measure(image);
        const QRect box = shown.box.value(ImageDiff::highlight);
        QCOMPARE(box.size(), QSize(16, 16) * scale); // pixels 0, 0 and 15, 15 differ
        QCOMPARE(shown.count.value(ImageDiff::highlight), 128 * scale * scale);
        for (int y = 0; y < box.height(); ++y) {
            for (int x = 0; x < box.width(); ++x) {
                const bool differs = (x / scale + y / scale) % 2 == 0;
                const bool highlighted =
                    image.pixel(box.left() + x, box.top() + y) == ImageDiff::highlight;
                QVERIFY2(
                    highlighted == differs,
                    qPrintable(atOffset(
                        offset, QStringLiteral("device pixel %1, %2 of the frame").arg(x).arg(y))));
            }
        }
    }
}

void TestCompare::compareShowsTheStagesScale()
{
    QFETCH(qreal, ratio);
    QFETCH(int, zoom);
    QFETCH(int, scale);
    const QImage frame = distinctFrame(40);
    StageView stage;
    stage.resize(420, 330);
    stage.setFrame(frame, QPointF());
    stage.setZoom(zoom);
    stage.show();
    QVERIFY(QTest::qWaitForWindowExposed(&stage));
    // The compare view follows the stage's zoom, as CompareMode sets it.
    auto view = compareAlone(1, CompareView::Mode::SideBySide, frame, distinctFrame(200));
    QVERIFY(view);
    view->setZoomSource([&stage] { return stage.zoom(); });
    QCOMPARE(view->pixelScale(ratio), stage.pixelScale(ratio));
    QString why;
    QPoint origin;
    QVERIFY2(
        showsAsSquares(measure(renderAt(&stage, ratio, QPoint(1, 1))), frame, scale, &origin, &why),
        qPrintable(QStringLiteral("the stage: ") + why));
    QVERIFY2(showsAsSquares(measure(renderAt(view.get(), ratio, QPoint(1, 1))), frame, scale,
                            &origin, &why),
             qPrintable(QStringLiteral("compare: ") + why));
}

void TestCompare::theMouseOnAFractionalScreen_data()
{
    QTest::addColumn<QByteArray>("scale");
    QTest::newRow("1.25") << QByteArray("1.25");
    QTest::newRow("1.5") << QByteArray("1.5");
}

void TestCompare::theMouseOnAFractionalScreen()
{
    // The screen's scale is read once, when the application starts: this program again, on a
    // screen of that scale (main() below).
    QFETCH(QByteArray, scale);
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DIRECTOR_COMPARE_SCREEN_SCALE"), QString::fromLatin1(scale));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(300000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    for (const char *test : {"wipeDividerFollowsTheCursor()", "panningMovesBothPanesInStep()"})
        QVERIFY2(output.contains(QByteArray("PASS   : TestCompareOnAFractionalScreen::") + test),
                 output.constData());
}

// The compare view on a screen of a fractional scale (QT_SCALE_FACTOR 1.25 or 1.5), where the
// mouse is: TestCompare::theMouseOnAFractionalScreen runs it in a process of its own.
class TestCompareOnAFractionalScreen : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void wipeDividerFollowsTheCursor();
    void panningMovesBothPanesInStep();

private:
    std::unique_ptr<CompareView> m_view;
    const QImage m_current = distinctFrame(40);
    const QImage m_reference = distinctFrame(200);
};

void TestCompareOnAFractionalScreen::init()
{
    m_view = compareAlone(2, CompareView::Mode::Wipe, m_current, m_reference);
    QVERIFY(m_view);
    const qreal ratio = m_view->devicePixelRatioF();
    QVERIFY2(ratio > 1 && ratio < 2, qPrintable(QString::number(ratio)));
}

void TestCompareOnAFractionalScreen::cleanup()
{
    m_view.reset();
}

void TestCompareOnAFractionalScreen::wipeDividerFollowsTheCursor()
{
    const qreal ratio = m_view->devicePixelRatioF();
    const int scale = m_view->pixelScale(ratio); // 3: 2.5 and 3 rounded
    const QRgb divider = m_view->palette().color(QPalette::Highlight).rgb();
    QString why;
    QPoint origin; // the frame's pixel 0, 0 on the screen, in device pixels
    QVERIFY2(showsColumnsAsSquares(measure(m_view->grab().toImage()), m_current, scale, 0, 8,
                                   &origin, &why),
             qPrintable(why));
    const QRect image = m_view->imageRect(0);
    const int y = image.center().y();
    const int row = int(y * ratio);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, image.center());
    for (int x = image.left() - 3; x <= image.right() + 3; ++x) {
        QTest::mouseMove(m_view.get(), QPoint(x, y));
        const QImage shown = m_view->grab().toImage();
        QCOMPARE(shown.devicePixelRatio(), ratio);
        int dividerX = 0;
        while (dividerX < shown.width() && shown.pixel(dividerX, row) != divider)
            ++dividerX;
        const QString where = QStringLiteral("the cursor at %1 (device %2), the divider at %3")
                                  .arg(x)
                                  .arg(x * ratio)
                                  .arg(dividerX);
        // Drawn where the view says it is, on the edge between two pixels …
        const int wipe = m_view->wipePosition();
        QVERIFY2(dividerX == origin.x() + wipe * scale, qPrintable(where));
        // … the edge nearest the cursor.
        for (int edge = 0; edge <= 16; ++edge) {
            const qreal distance = std::abs(origin.x() + edge * scale - x * ratio);
            QVERIFY2(std::abs(dividerX - x * ratio) <= distance, qPrintable(where));
        }
        // This frame left of it, the reference right of it.
        const int pixelRow = (row - origin.y()) / scale;
        if (wipe > 0)
            QCOMPARE(shown.pixel(dividerX - 1, row), m_current.pixel(wipe - 1, pixelRow));
        if (wipe < 16)
            QCOMPARE(shown.pixel(dividerX + PixelGrid::lineWidth(ratio), row),
                     m_reference.pixel(wipe, pixelRow));
    }
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, QPoint(image.right() + 3, y));
    QCOMPARE(m_view->wipePosition(), 16);
}

void TestCompareOnAFractionalScreen::panningMovesBothPanesInStep()
{
    m_view->setMode(CompareView::Mode::SideBySide);
    const qreal ratio = m_view->devicePixelRatioF();
    const int scale = m_view->pixelScale(ratio);
    QString why;
    QPoint left;
    QPoint right;
    const Shown before = measure(m_view->grab().toImage());
    QVERIFY2(showsAsSquares(before, m_current, scale, &left, &why), qPrintable(why));
    QVERIFY2(showsAsSquares(before, m_reference, scale, &right, &why), qPrintable(why));
    const QPoint start = m_view->imageRect(1).center();
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view.get(), start + QPoint(4, -2));
    QTest::mouseMove(m_view.get(), start + QPoint(7, 5));
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, start + QPoint(7, 5));
    // Both as far as the mouse moved, in whole device pixels, still one square a pixel.
    const Shown after = measure(m_view->grab().toImage());
    QPoint leftAfter;
    QPoint rightAfter;
    QVERIFY2(showsAsSquares(after, m_current, scale, &leftAfter, &why), qPrintable(why));
    QVERIFY2(showsAsSquares(after, m_reference, scale, &rightAfter, &why), qPrintable(why));
    QCOMPARE(leftAfter - left, PixelGrid::snap(QPointF(7, 5) * ratio));
    QCOMPARE(rightAfter - right, leftAfter - left);
}

int main(int argc, char *argv[])
{
    // DIRECTOR_COMPARE_SCREEN_SCALE: a screen of that scale (before the application, which reads
    // it once), and only the tests that need one.
    const QByteArray screenScale = qgetenv("DIRECTOR_COMPARE_SCREEN_SCALE");
    if (!screenScale.isEmpty())
        qputenv("QT_SCALE_FACTOR", screenScale);
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true); // as QTEST_MAIN
    QTEST_SET_MAIN_SOURCE_PATH
    if (!screenScale.isEmpty()) {
        TestCompareOnAFractionalScreen test;
        return QTest::qExec(&test, argc, argv);
    }
    TestCompare test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_compare.moc"
