#include "stageview.h"

#include <QApplication>
#include <QHash>
#include <QScrollBar>
#include <QSet>
#include <QTest>
#include <QWheelEvent>

// The stage on a high-DPI screen: this program runs with QT_SCALE_FACTOR=2
// (set in main() below), so that every logical pixel is 2×2 device pixels,
// and renders the stage at other device pixel ratios (1.25, 1.5, 3 …) too.
// Pixel art must stay sharp at all of them: each frame pixel a square of
// device pixels, all the same size, in the frame's own colour.
class TestStageView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aFramePixelIsZoomTimesTwoDevicePixels_data();
    void aFramePixelIsZoomTimesTwoDevicePixels();
    void sharpAtEveryDevicePixelRatio_data();
    void sharpAtEveryDevicePixelRatio();
    void checkerboardIsSharp_data();
    void checkerboardIsSharp();
    void dragMovesByWholeFramePixelsAtTwoTimes();
    void aNudgeMadeMovesTheSpriteARefusedOnePutsItBack();
    void onionSkinOpacitiesAreThoseSet();
    void onionSkinTintsPreviousRedNextBlueEachOnItsOwn();
    void fitFactor_data();
    void fitFactor();
    void fitShowsTheWholeFrameAndFollowsTheStagesSize();
    void middleButtonDragPans();
    void sharpWhenScrolled_data();
    void sharpWhenScrolled();
    void wheelScrollsCtrlWheelZoomsAboutTheCursor();

private:
    // A 16×16 frame (or `side`), every pixel opaque and of a colour of its own.
    static QImage distinctFrame(int side = 16);
    // The colour the stage shows at a point of it (logical coordinates).
    QRgb shownColourAt(QPoint at) const;
    // The bounding box of the pixels whose colour is one of `colours`.
    static QRect boxOf(const QImage &image, const QSet<QRgb> &colours);
    // The stage as a device with this pixel ratio shows it, the widget
    // starting at a logical offset (an odd one puts it between two device
    // pixels at 1.5).
    QImage renderAt(qreal devicePixelRatio, QPoint offset) const;
    // Where the stage shows the frame pixel of this colour, in device pixels.
    QPoint shownAt(QRgb colour) const;

    std::unique_ptr<StageView> m_stage;
};

void TestStageView::init()
{
    m_stage = std::make_unique<StageView>();
    m_stage->resize(420, 330);
    m_stage->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_stage.get()));
}

void TestStageView::cleanup()
{
    m_stage.reset();
}

QImage TestStageView::distinctFrame(int side)
{
    QImage image(side, side, QImage::Format_ARGB32);
    const int step = 224 / side;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            image.setPixel(x, y, qRgb(16 + x * step, 16 + y * step, (x * 16 + y) % 256));
    return image;
}

QRgb TestStageView::shownColourAt(QPoint at) const
{
    return m_stage->grab().toImage().pixel(at * 2); // QT_SCALE_FACTOR=2
}

QRect TestStageView::boxOf(const QImage &image, const QSet<QRgb> &colours)
{
    QRect box;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (colours.contains(image.pixel(x, y)))
                box |= QRect(x, y, 1, 1);
    return box;
}

QImage TestStageView::renderAt(qreal devicePixelRatio, QPoint offset) const
{
    const QSize logical = m_stage->size() + QSize(offset.x(), offset.y());
    QImage image((QSizeF(logical) * devicePixelRatio).toSize() + QSize(1, 1),
                 QImage::Format_ARGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::black);
    m_stage->render(&image, offset);
    image.setDevicePixelRatio(1);
    return image;
}

namespace {

// Fails unless the frame shows in `shown` as blocks of `scale`×`scale`
// device pixels, each in exactly its frame pixel's colour.
bool showsFrameSharply(const QImage &shown, const QImage &frame, int scale, QString *why)
{
    QSet<QRgb> colours;
    for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x)
            colours.insert(frame.pixel(x, y));
    QRect box;
    for (int y = 0; y < shown.height(); ++y)
        for (int x = 0; x < shown.width(); ++x)
            if (colours.contains(shown.pixel(x, y)))
                box |= QRect(x, y, 1, 1);
    if (box.size() != frame.size() * scale) {
        *why = QStringLiteral("the frame covers %1×%2 device pixels, not %3×%4")
                   .arg(box.width())
                   .arg(box.height())
                   .arg(frame.width() * scale)
                   .arg(frame.height() * scale);
        return false;
    }
    for (int y = 0; y < box.height(); ++y) {
        for (int x = 0; x < box.width(); ++x) {
            const QRgb expected = frame.pixel(x / scale, y / scale);
            const QRgb got = shown.pixel(box.left() + x, box.top() + y);
            if (got != expected) {
                *why = QStringLiteral("device pixel %1, %2 of the frame is #%3, not #%4 (frame "
                                      "pixel %5, %6)")
                           .arg(x)
                           .arg(y)
                           .arg(got, 8, 16, QLatin1Char('0'))
                           .arg(expected, 8, 16, QLatin1Char('0'))
                           .arg(x / scale)
                           .arg(y / scale);
                return false;
            }
        }
    }
    return true;
}

} // namespace

void TestStageView::aFramePixelIsZoomTimesTwoDevicePixels_data()
{
    QTest::addColumn<int>("zoom");
    for (const int zoom : StageView::zoomLevels)
        QTest::addRow("%d×", zoom) << zoom;
}

void TestStageView::aFramePixelIsZoomTimesTwoDevicePixels()
{
    QFETCH(int, zoom);
    QCOMPARE(m_stage->devicePixelRatioF(), 2.0); // QT_SCALE_FACTOR=2
    const QImage frame = distinctFrame();
    m_stage->setZoom(zoom);
    m_stage->setFrame(frame, QPointF());
    const QPixmap grabbed = m_stage->grab();
    QCOMPARE(grabbed.devicePixelRatio(), 2.0);
    QString why;
    QVERIFY2(showsFrameSharply(grabbed.toImage(), frame, zoom * 2, &why), qPrintable(why));
    // Where the operator sees it: the canvas, the frame moved by its offset
    // (1 right, 2 up: its top two rows are outside).
    m_stage->setFrame(frame, QPointF(1, -2));
    const QRect shown = boxOf(m_stage->grab().toImage(), {frame.pixel(0, 2)});
    QCOMPARE(shown, QRect((m_stage->canvasRect().topLeft() + QPoint(zoom, 0)) * 2,
                          QSize(zoom * 2, zoom * 2)));
}

void TestStageView::sharpAtEveryDevicePixelRatio_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::addColumn<int>("zoom");
    QTest::addColumn<int>("scale"); // device pixels per frame pixel
    QTest::newRow("1, 1×") << 1.0 << 1 << 1;
    QTest::newRow("1.25, 1×") << 1.25 << 1 << 1;
    QTest::newRow("1.25, 2×") << 1.25 << 2 << 3; // 2.5 rounded
    QTest::newRow("1.5, 1×") << 1.5 << 1 << 2;   // 1.5 rounded: never 1 and 2 in turn
    QTest::newRow("1.5, 2×") << 1.5 << 2 << 3;
    QTest::newRow("1.5, 4×") << 1.5 << 4 << 6;
    QTest::newRow("1.75, 8×") << 1.75 << 8 << 14;
    QTest::newRow("3, 2×") << 3.0 << 2 << 6;
}

void TestStageView::sharpAtEveryDevicePixelRatio()
{
    QFETCH(qreal, ratio);
    QFETCH(int, zoom);
    QFETCH(int, scale);
    const QImage frame = distinctFrame();
    m_stage->setZoom(zoom);
    m_stage->setFrame(frame, QPointF());
    QCOMPARE(m_stage->pixelScale(ratio), scale);
    // At an odd logical offset the widget starts between two device pixels
    // (at 1.5: 1.5 device pixels in); the frame still falls on whole ones.
    for (const QPoint offset : {QPoint(0, 0), QPoint(1, 1), QPoint(3, 0)}) {
        QString why;
        QVERIFY2(showsFrameSharply(renderAt(ratio, offset), frame, scale, &why),
                 qPrintable(
                     QStringLiteral("offset %1, %2: %3").arg(offset.x()).arg(offset.y()).arg(why)));
    }
}

void TestStageView::checkerboardIsSharp_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::newRow("1") << 1.0;
    QTest::newRow("1.5") << 1.5;
    QTest::newRow("2") << 2.0;
    QTest::newRow("2.5") << 2.5;
}

void TestStageView::checkerboardIsSharp()
{
    QFETCH(qreal, ratio);
    QImage transparent(16, 16, QImage::Format_ARGB32);
    transparent.fill(Qt::transparent);
    m_stage->setZoom(4);
    m_stage->setFrame(transparent, QPointF());
    const QRgb light = qRgb(0xc8, 0xc8, 0xc8);
    const QRgb dark = qRgb(0x9a, 0x9a, 0x9a);
    const QImage shown = renderAt(ratio, QPoint(1, 1));
    // Near where the canvas is (the offset's text, smoothed, has greys too).
    const QRectF near = QRectF(m_stage->canvasRect().translated(1, 1)).adjusted(-4, -4, 4, 4);
    const QRect nearDevice = QRectF(near.topLeft() * ratio, near.size() * ratio).toRect();
    const QRect canvas =
        boxOf(shown.copy(nearDevice), {light, dark}).translated(nearDevice.topLeft());
    const int scale = m_stage->pixelScale(ratio);
    QCOMPARE(canvas.size(), QSize(16, 16) * scale);
    // Squares of one whole size, in the two greys only: no blended edges.
    const int square = int(std::lround(8 * ratio));
    for (int y = 0; y < canvas.height(); ++y) {
        for (int x = 0; x < canvas.width(); ++x) {
            const QRgb expected = (x / square + y / square) % 2 ? dark : light;
            QCOMPARE(shown.pixel(canvas.left() + x, canvas.top() + y), expected);
        }
    }
}

void TestStageView::dragMovesByWholeFramePixelsAtTwoTimes()
{
    m_stage->setZoom(4); // a frame pixel: 8 device pixels, 4 logical ones
    m_stage->setFrame(distinctFrame(), QPointF());
    QList<QPoint> nudges;
    m_stage->setNudger([&nudges](int dx, int dy) {
        nudges.append({dx, dy});
        return true;
    });
    const QPoint start = m_stage->canvasRect().center();
    QTest::mousePress(m_stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_stage->viewport(), start + QPoint(9, -5)); // 2.25, -1.25 frame pixels
    QCOMPARE(m_stage->dragDelta(), QPoint(2, -1));
    QVERIFY(nudges.isEmpty()); // nothing asked for mid-drag
    QTest::mouseRelease(m_stage->viewport(), Qt::LeftButton, {}, start + QPoint(9, -5));
    QCOMPARE(nudges, (QList<QPoint>{{2, -1}}));

    m_stage->setZoom(1); // 2 device pixels, 1 logical one
    QTest::mousePress(m_stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_stage->viewport(), start + QPoint(3, 4));
    QTest::mouseRelease(m_stage->viewport(), Qt::LeftButton, {}, start + QPoint(3, 4));
    QCOMPARE(nudges, (QList<QPoint>{{2, -1}, {3, 4}}));

    // A drag that ends where it started asks for nothing.
    QTest::mousePress(m_stage->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_stage->viewport(), start + QPoint(3, 0));
    QTest::mouseMove(m_stage->viewport(), start);
    QTest::mouseRelease(m_stage->viewport(), Qt::LeftButton, {}, start);
    QCOMPARE(nudges.size(), 2);
}

QPoint TestStageView::shownAt(QRgb colour) const
{
    return boxOf(m_stage->grab().toImage(), {colour}).topLeft();
}

void TestStageView::aNudgeMadeMovesTheSpriteARefusedOnePutsItBack()
{
    m_stage->setZoom(4);
    const QImage frame = distinctFrame();
    const QRgb pixel = frame.pixel(5, 6);
    m_stage->setFrame(frame, QPointF());
    const QPoint home = shownAt(pixel);
    // How far the sprite is shown from where it was before any drag, in frame pixels (8
    // device pixels each: zoom 4 at QT_SCALE_FACTOR=2).
    const auto moved = [&] { return (shownAt(pixel) - home) / 8; };
    bool make = false;
    QList<QPoint> nudges;
    m_stage->setNudger([&](int dx, int dy) {
        nudges.append({dx, dy});
        return make;
    });
    const QPoint start = m_stage->canvasRect().center();
    const auto drag = [&](QPoint by) {
        QTest::mousePress(m_stage->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(m_stage->viewport(), start + by);
    };

    // Refused (the frame cannot be changed, the save failed): the sprite goes back.
    drag(QPoint(8, 12));             // 2, 3 frame pixels
    QCOMPARE(moved(), QPoint(2, 3)); // the preview, live
    QTest::mouseRelease(m_stage->viewport(), Qt::LeftButton, {}, start + QPoint(8, 12));
    QCOMPARE(nudges, (QList<QPoint>{{2, 3}}));
    QCOMPARE(m_stage->dragDelta(), QPoint());
    QCOMPARE(moved(), QPoint());

    // Made: the sprite stays where it was dropped until the frame is shown at its new offset,
    // and is there then.
    make = true;
    drag(QPoint(-4, 8)); // -1, 2
    QTest::mouseRelease(m_stage->viewport(), Qt::LeftButton, {}, start + QPoint(-4, 8));
    QCOMPARE(nudges, (QList<QPoint>{{2, 3}, {-1, 2}}));
    QCOMPARE(moved(), QPoint(-1, 2));
    m_stage->refreshFrame(frame, QPointF(-1, 2));
    QCOMPARE(m_stage->dragDelta(), QPoint());
    QCOMPARE(moved(), QPoint(-1, 2));

    // Without a nudger nothing can be made: the sprite goes back too.
    m_stage->setNudger({});
    drag(QPoint(8, 0));
    QTest::mouseRelease(m_stage->viewport(), Qt::LeftButton, {}, start + QPoint(8, 0));
    QCOMPARE(m_stage->dragDelta(), QPoint());
    QCOMPARE(moved(), QPoint(-1, 2));
    QCOMPARE(nudges.size(), 2);
}

void TestStageView::onionSkinOpacitiesAreThoseSet()
{
    QImage transparent(16, 16, QImage::Format_ARGB32);
    transparent.fill(Qt::transparent);
    QImage previous(16, 16, QImage::Format_ARGB32);
    previous.fill(qRgb(0xff, 0, 0));
    m_stage->setZoom(4);
    m_stage->setFrame(transparent, QPointF());
    m_stage->setOnionFrames(previous, QImage());
    m_stage->setOnionSkin(true);
    // The red of the previous frame over the light grey of the checkerboard.
    const auto shownAt = [this](qreal opacity) {
        m_stage->setOnionOpacities(opacity, 0.15);
        const QImage shown = m_stage->grab().toImage();
        const QRect canvas = m_stage->canvasRect();
        return QColor(shown.pixel((canvas.topLeft() + QPoint(1, 1)) * 2));
    };
    const QColor faint = shownAt(0.30);
    const QColor strong = shownAt(0.60);
    QCOMPARE(m_stage->previousOpacity(), 0.60);
    // Over 0xc8: green and blue fall with the opacity (twice as far at twice the opacity), red
    // rises.
    const int faintFall = 0xc8 - faint.green();
    const int strongFall = 0xc8 - strong.green();
    QVERIFY2(faintFall > 20 && qAbs(strongFall - 2 * faintFall) <= 3,
             qPrintable(faint.name() + u' ' + strong.name()));
    QVERIFY(strong.red() > faint.red());
    m_stage->setOnionSkin(false);
    QCOMPARE(QColor(m_stage->grab().toImage().pixel(
                 (m_stage->canvasRect().topLeft() + QPoint(1, 1)) * 2)),
             QColor(0xc8, 0xc8, 0xc8));
}

void TestStageView::onionSkinTintsPreviousRedNextBlueEachOnItsOwn()
{
    QImage transparent(16, 16, QImage::Format_ARGB32);
    transparent.fill(Qt::transparent);
    QImage grey(16, 16, QImage::Format_ARGB32);
    grey.fill(qRgb(0x80, 0x80, 0x80));
    m_stage->setZoom(4);
    m_stage->setFrame(transparent, QPointF());
    m_stage->setOnionOpacities(0.6, 0.6, 0.6);
    const QPoint at = m_stage->canvasRect().topLeft() + QPoint(2, 2); // a light square
    const QColor checker(0xc8, 0xc8, 0xc8);
    const auto shown = [&] { return QColor(shownColourAt(at)); };
    const auto show = [&](const QImage &previous, const QImage &next, const QImage &anchor,
                          StageView::OnionLayers layers) {
        m_stage->setOnionFrames(previous, next, anchor);
        m_stage->setOnionLayers(layers);
    };
    m_stage->setOnionSkin(true);

    // The frame before, grey, leans red.
    show(grey, QImage(), QImage(), {});
    QColor c = shown();
    QVERIFY2(c.red() > c.green() + 40 && c.red() > c.blue() + 40, qPrintable(c.name()));
    // Its layer off: the checkerboard.
    show(grey, QImage(), QImage(), {false, true, true});
    QCOMPARE(shown(), checker);

    // The frame after, grey, leans blue.
    show(QImage(), grey, QImage(), {});
    c = shown();
    QVERIFY2(c.blue() > c.red() + 40 && c.blue() > c.green() + 40, qPrintable(c.name()));
    show(QImage(), grey, QImage(), {true, false, true});
    QCOMPARE(shown(), checker);

    // The anchor keeps its own colours.
    show(QImage(), QImage(), grey, {});
    c = shown();
    QVERIFY2(c != checker && c.red() == c.green() && c.green() == c.blue(), qPrintable(c.name()));
    show(QImage(), QImage(), grey, {true, true, false});
    QCOMPARE(shown(), checker);

    // Both neighbours: the opacities are their own.
    show(grey, grey, QImage(), {});
    m_stage->setOnionOpacities(0.6, 0.0, 0.0);
    c = shown();
    QVERIFY2(c.red() > c.blue() + 40, qPrintable(c.name()));
    m_stage->setOnionOpacities(0.0, 0.6, 0.0);
    c = shown();
    QVERIFY2(c.blue() > c.red() + 40, qPrintable(c.name()));
    QCOMPARE(m_stage->nextOpacity(), 0.6);

    // The onion skin off: none of them.
    m_stage->setOnionOpacities(0.6, 0.6, 0.6);
    m_stage->setOnionSkin(false);
    QCOMPARE(shown(), checker);
}

void TestStageView::fitFactor_data()
{
    QTest::addColumn<QSize>("frame");
    QTest::addColumn<QSize>("area");
    QTest::addColumn<qreal>("ratio");
    QTest::addColumn<int>("fit");
    // The room is the area less a margin of 24 on each side: 372×282 in a 420×330 stage.
    QTest::newRow("16×16 in 420×330") << QSize(16, 16) << QSize(420, 330) << 1.0 << 17;
    QTest::newRow("16×16 at 2") << QSize(16, 16) << QSize(420, 330) << 2.0 << 17;
    QTest::newRow("40×20, width decides") << QSize(40, 20) << QSize(420, 330) << 1.0 << 9;
    QTest::newRow("20×40, height decides") << QSize(20, 40) << QSize(420, 330) << 1.0 << 7;
    QTest::newRow("not a power of two") << QSize(64, 64) << QSize(500, 500) << 1.0 << 7;
    QTest::newRow("exactly") << QSize(50, 50) << QSize(348, 348) << 1.0 << 6;
    QTest::newRow("one pixel short") << QSize(50, 50) << QSize(347, 348) << 1.0 << 5;
    QTest::newRow("too large: 1") << QSize(512, 512) << QSize(420, 330) << 1.0 << 1;
    // At 1.5 a frame pixel is round(1.5 × zoom) device pixels: 17 is 26 (416 of 423).
    QTest::newRow("16×16 at 1.5") << QSize(16, 16) << QSize(420, 330) << 1.5 << 17;
    QTest::newRow("16×16 at 1.25") << QSize(16, 16) << QSize(420, 330) << 1.25 << 17;
}

void TestStageView::fitFactor()
{
    QFETCH(QSize, frame);
    QFETCH(QSize, area);
    QFETCH(qreal, ratio);
    QFETCH(int, fit);
    QCOMPARE(StageView::fitFactor(frame, area, ratio), fit);
    // The largest: one more does not fit.
    const QSizeF room = QSizeF(area - QSize(48, 48)) * ratio;
    const auto fits = [&](int zoom) {
        const QSize shown = frame * StageView::scaleFor(zoom, ratio);
        return shown.width() <= room.width() && shown.height() <= room.height();
    };
    QVERIFY(fit == 1 || fits(fit));
    QVERIFY(!fits(fit + 1));
}

void TestStageView::fitShowsTheWholeFrameAndFollowsTheStagesSize()
{
    QImage frame(40, 20, QImage::Format_ARGB32);
    frame.fill(Qt::red);
    m_stage->setFrame(frame, QPointF());
    m_stage->setZoom(StageView::fitZoom);
    QVERIFY(m_stage->isFit());
    QCOMPARE(m_stage->zoomChoice(), StageView::fitZoom);
    QCOMPARE(m_stage->zoom(), 9); // 372 / 40
    QVERIFY(m_stage->viewport()->rect().contains(m_stage->canvasRect()));
    QTRY_VERIFY(!m_stage->horizontalScrollBar()->isVisible());
    QTRY_VERIFY(!m_stage->verticalScrollBar()->isVisible());
    // The whole frame, red, is on screen: its corners too.
    const QRect canvas = m_stage->canvasRect();
    QCOMPARE(QColor(shownColourAt(canvas.topLeft() + QPoint(1, 1))), QColor(Qt::red));
    QCOMPARE(QColor(shownColourAt(canvas.bottomRight() - QPoint(1, 1))), QColor(Qt::red));

    // The stage grows, and so does the frame; it shrinks, and so does the frame.
    m_stage->resize(900, 400);
    QTRY_COMPARE(m_stage->zoom(), 17); // (900 - 48) / 40 = 21, (400 - 48) / 20 = 17
    QVERIFY(m_stage->viewport()->rect().contains(m_stage->canvasRect()));
    m_stage->resize(250, 400);
    QTRY_COMPARE(m_stage->zoom(), 5); // 202 / 40
    QVERIFY(m_stage->viewport()->rect().contains(m_stage->canvasRect()));
    QVERIFY(m_stage->isFit());

    // A level chosen: the stage's size no longer changes the zoom.
    m_stage->setZoom(2);
    m_stage->resize(900, 400);
    QTest::qWait(0);
    QCOMPARE(m_stage->zoom(), 2);
    QVERIFY(!m_stage->isFit());
}

void TestStageView::middleButtonDragPans()
{
    // 64 frame pixels at 8×: 512 logical pixels, larger than the 420×330 stage.
    const QImage frame = distinctFrame(64);
    m_stage->setFrame(frame, QPointF());
    m_stage->setZoom(8);
    QScrollBar *h = m_stage->horizontalScrollBar();
    QScrollBar *v = m_stage->verticalScrollBar();
    QTRY_VERIFY(h->isVisible() && v->isVisible());
    QVERIFY(h->maximum() > 60 && v->maximum() > 40);
    h->setValue(10);
    v->setValue(10);
    bool nudged = false;
    m_stage->setNudger([&nudged](int, int) { return nudged = true; });
    const QPoint start = m_stage->viewport()->rect().center();
    const QRgb under = shownColourAt(start);
    QTest::mousePress(m_stage->viewport(), Qt::MiddleButton, {}, start);
    QVERIFY(m_stage->isPanning());
    QTest::mouseMove(m_stage->viewport(), start + QPoint(-40, -25));
    // The view follows the hand: what was under the mouse still is.
    QCOMPARE(h->value(), 50);
    QCOMPARE(v->value(), 35);
    QCOMPARE(shownColourAt(start + QPoint(-40, -25)), under);
    QTest::mouseMove(m_stage->viewport(), start + QPoint(-50, -25));
    QTest::mouseRelease(m_stage->viewport(), Qt::MiddleButton, {}, start + QPoint(-50, -25));
    QVERIFY(!m_stage->isPanning());
    QCOMPARE(h->value(), 60);
    // Panning is not a nudge.
    QVERIFY(!nudged);
    QCOMPARE(m_stage->dragDelta(), QPoint());
    // A left drag still nudges, by whole frame pixels (8 logical pixels each at 8×).
    const QPoint at = m_stage->viewport()->rect().center();
    QTest::mousePress(m_stage->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(m_stage->viewport(), at + QPoint(16, 8));
    QCOMPARE(m_stage->dragDelta(), QPoint(2, 1));
    QTest::mouseRelease(m_stage->viewport(), Qt::LeftButton, {}, at + QPoint(16, 8));
    QVERIFY(nudged);
    QCOMPARE(h->value(), 60);
}

void TestStageView::sharpWhenScrolled_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::addColumn<int>("scale"); // device pixels per frame pixel at 8×
    QTest::newRow("1") << 1.0 << 8;
    QTest::newRow("1.25") << 1.25 << 10;
    QTest::newRow("1.5") << 1.5 << 12;
    QTest::newRow("2") << 2.0 << 16;
}

void TestStageView::sharpWhenScrolled()
{
    QFETCH(qreal, ratio);
    QFETCH(int, scale);
    const QImage frame = distinctFrame(64);
    m_stage->setFrame(frame, QPointF());
    m_stage->setZoom(8);
    QTRY_VERIFY(m_stage->horizontalScrollBar()->maximum() > 40);
    QTRY_VERIFY(m_stage->verticalScrollBar()->maximum() > 40);
    // Scrolled by odd amounts, the stage starting between two device pixels.
    m_stage->horizontalScrollBar()->setValue(37);
    m_stage->verticalScrollBar()->setValue(23);
    const QImage shown = renderAt(ratio, QPoint(1, 1));
    // Every frame pixel wholly in view is a square of scale × scale device pixels, all in
    // its own colour.
    QHash<QRgb, QPoint> pixelOf;
    for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x)
            pixelOf.insert(frame.pixel(x, y), {x, y});
    QHash<QRgb, QRect> boxes;
    QHash<QRgb, int> counts;
    for (int y = 0; y < shown.height(); ++y) {
        for (int x = 0; x < shown.width(); ++x) {
            const QRgb colour = shown.pixel(x, y);
            if (!pixelOf.contains(colour))
                continue;
            boxes[colour] |= QRect(x, y, 1, 1);
            ++counts[colour];
        }
    }
    const QRect inside = QRect(QPoint(0, 0), shown.size()).adjusted(scale, scale, -scale, -scale);
    // In the viewport, below the offset's text.
    const QRect viewport =
        QRectF(QPointF(1, 1) * ratio, QSizeF(m_stage->viewport()->size()) * ratio)
            .toRect()
            .adjusted(scale, scale + int(30 * ratio), -scale, -scale);
    int whole = 0;
    for (auto it = boxes.cbegin(); it != boxes.cend(); ++it) {
        if (!inside.contains(it.value()) || !viewport.contains(it.value()))
            continue; // cut by the edge of the view
        ++whole;
        QCOMPARE(it.value().size(), QSize(scale, scale));
        QVERIFY2(counts.value(it.key()) == scale * scale,
                 qPrintable(QStringLiteral("frame pixel %1, %2 at %3, %4: %5 device pixels")
                                .arg(pixelOf.value(it.key()).x())
                                .arg(pixelOf.value(it.key()).y())
                                .arg(it.value().x())
                                .arg(it.value().y())
                                .arg(counts.value(it.key()))));
    }
    QVERIFY2(whole > 100, qPrintable(QString::number(whole)));
    // Neighbours sit side by side: no device pixel lost or doubled between them.
    const QRgb a = frame.pixel(20, 20);
    const QRgb b = frame.pixel(21, 20);
    if (boxes.contains(a) && boxes.contains(b))
        QCOMPARE(boxes.value(b).left(), boxes.value(a).left() + scale);
}

void TestStageView::wheelScrollsCtrlWheelZoomsAboutTheCursor()
{
    const QImage frame = distinctFrame(64);
    m_stage->setFrame(frame, QPointF());
    m_stage->setZoom(4); // 256 logical pixels: it fits
    // The window answers the stage's requests (and remembers them); here the stage itself.
    connect(m_stage.get(), &StageView::zoomRequested, m_stage.get(), &StageView::setZoom);
    const auto wheel = [this](QPoint at, int steps, Qt::KeyboardModifiers modifiers) {
        QWheelEvent event(at, m_stage->viewport()->mapToGlobal(at), QPoint(),
                          QPoint(0, 120 * steps), Qt::NoButton, modifiers, Qt::NoScrollPhase,
                          false);
        QApplication::sendEvent(m_stage->viewport(), &event);
    };
    // The middle of frame pixel (40, 20), off the stage's centre.
    const QPoint cursor = m_stage->canvasRect().topLeft() + QPoint(40 * 4 + 2, 20 * 4 + 2);
    QCOMPARE(shownColourAt(cursor), frame.pixel(40, 20));
    wheel(cursor, 1, Qt::ControlModifier);
    QCOMPARE(m_stage->zoom(), 8);
    QVERIFY(m_stage->horizontalScrollBar()->value() > 0);
    QVERIFY(m_stage->verticalScrollBar()->value() > 0);
    QCOMPARE(shownColourAt(cursor), frame.pixel(40, 20));
    // Back out (at 4× the frame fits: it is centred again), and in about another pixel.
    const QPoint other = cursor + QPoint(-60, 50);
    wheel(other, -1, Qt::ControlModifier);
    QCOMPARE(m_stage->zoom(), 4);
    QCOMPARE(m_stage->horizontalScrollBar()->maximum(), 0);
    const QRgb there = shownColourAt(other);
    QVERIFY(there != shownColourAt(cursor));
    wheel(other, 1, Qt::ControlModifier);
    QCOMPARE(m_stage->zoom(), 8);
    QCOMPARE(shownColourAt(other), there);

    // The wheel alone scrolls, and does not zoom.
    const int before = m_stage->verticalScrollBar()->value();
    wheel(cursor, -1, Qt::NoModifier);
    QCOMPARE(m_stage->zoom(), 8);
    QVERIFY(m_stage->verticalScrollBar()->value() > before);
}

int main(int argc, char *argv[])
{
    // A high-DPI screen: two device pixels per logical one. Before the
    // application, which reads it once.
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestStageView test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_stageview.moc"
