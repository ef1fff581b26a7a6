#include "anchorfillreference.h"
#include "patch/anchorfill.h"
#include "patch/inpaintprovider.h"
#include "patch/inpaintrequest.h"
#include "patch/patchmask.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace std::chrono_literals;

// Inpainting (docs/provider.md): the bundled provider's fill from the anchor (AnchorFill),
// pixel by pixel; the operator's mask (PatchMask); and the protocol (InpaintProvider) against
// small providers written in Python: one that does its job, and one for each way a provider
// can fail, each refused with its own message, the temporary folder gone.
class TestInpaint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void anchorFillTakesTheAnchorThroughBothOffsets();
    void anchorFillErasesWhereTheAnchorIsTransparent();
    void anchorFillFallsBackToTheNearestOpaquePixelOutsideTheMask();
    void anchorFillWithNothingToTakeFromIsTransparent();
    void anchorFillMatchesItsRuleOnRandomFrames();
    void anchorFillKeepsSixteenBitPixelsOutsideTheMask();

    void maskRule();
    void maskFileIsCheckedAgainstTheFrame();

    void goodProviderPatchesOnlyInsideTheMask();
    void failingProvidersAreRefused_data();
    void failingProvidersAreRefused();
    void hangingProviderIsKilledAtTheTimeLimit();
    void cancelFromAnotherThreadStopsTheProvider();
    void progressHookCancels();
    void defaultCommand();

private:
    // A provider: python3 running `body` (after `req = json.load(sys.stdin)`), with `arguments`.
    QString provider(const QString &name, const QString &body,
                     const QStringList &arguments = {}) const;
    QString path(const QString &name) const { return m_dir->filePath(name); }
    static InpaintRequest request();

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QImage argb(int w, int h, QRgb fill = qRgba(0, 0, 0, 0))
{
    QImage image(w, h, QImage::Format_ARGB32);
    image.fill(fill);
    return image;
}

QImage maskOf(int w, int h, const QList<QPoint> &points)
{
    QImage mask(w, h, QImage::Format_Grayscale8);
    mask.fill(0);
    for (const QPoint &p : points)
        mask.setPixel(p, qRgb(255, 255, 255));
    return mask;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// The pixels that differ (as QRgb) between two images of one size.
int differences(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    int n = 0;
    for (int row = 0; row < x.height(); ++row)
        for (int col = 0; col < x.width(); ++col)
            n += x.pixel(col, row) != y.pixel(col, row) ? 1 : 0;
    return n;
}

} // namespace

void TestInpaint::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestInpaint::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestInpaint::provider(const QString &name, const QString &body,
                              const QStringList &arguments) const
{
    const QString script = path(name + QStringLiteral(".py"));
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("import json, os, shutil, signal, subprocess, sys, time\n"
               "req = json.load(sys.stdin)\n");
    file.write(body.toUtf8());
    file.close();
    QString command = QStringLiteral("python3 ") + quoted(script);
    for (const QString &argument : arguments)
        command += QLatin1Char(' ') + quoted(argument);
    return command;
}

InpaintRequest TestInpaint::request()
{
    InpaintRequest r;
    r.frameIndex = 3;
    r.frame = argb(8, 6);
    for (int y = 1; y < 5; ++y)
        for (int x = 2; x < 6; ++x)
            r.frame.setPixel(x, y, qRgba(10 * x, 20 * y, 200, 255));
    r.mask = maskOf(8, 6, {{2, 1}, {3, 1}, {3, 2}, {7, 5}});
    r.prompt = QStringLiteral("fix the hand");
    r.anchorIndex = 0;
    r.anchor = argb(8, 6, qRgba(1, 2, 3, 255));
    r.frameOffset = QPoint(2, -1);
    r.anchorOffset = QPoint(-1, 0);
    r.audit =
        QJsonObject{{QStringLiteral("compositeScore"), 0.41},
                    {QStringLiteral("flags"), QJsonArray{QStringLiteral("SF02_PALETTE_DRIFT")}}};
    return r;
}

void TestInpaint::anchorFillTakesTheAnchorThroughBothOffsets()
{
    // Every anchor pixel a colour of its own; frame pixel (x, y) ships at (x + 2, y - 1), anchor
    // pixel (x, y) at (x - 1, y): frame (x, y) shows anchor (x + 3, y - 1).
    QImage anchor = argb(8, 6);
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 8; ++x)
            anchor.setPixel(x, y, qRgba(x * 30, y * 40, 7, 255));
    QImage frame = argb(8, 6, qRgba(200, 200, 200, 255));
    frame.setPixel(0, 0, qRgba(9, 9, 9, 40)); // outside the mask: kept, however faint
    const QImage mask = maskOf(8, 6, {{0, 1}, {4, 5}, {2, 3}});
    const QImage out = AnchorFill::fill(frame, {2, -1}, anchor, {-1, 0}, mask);
    QCOMPARE(out.format(), QImage::Format_ARGB32);
    QCOMPARE(out.pixel(0, 1), anchor.pixel(3, 0));
    QCOMPARE(out.pixel(4, 5), anchor.pixel(7, 4));
    QCOMPARE(out.pixel(2, 3), anchor.pixel(5, 2));
    QCOMPARE(differences(out, frame), 3);
    QCOMPARE(out.pixel(0, 0), frame.pixel(0, 0));
    // Other offsets read other anchor pixels: frame (x, y) now shows anchor (x + 2, y + 1);
    // frame (4, 5) would show anchor (6, 6), outside it: the frame's nearest opaque pixel.
    const QImage moved = AnchorFill::fill(frame, {-1, 0}, anchor, {-3, -1}, mask);
    QCOMPARE(moved.pixel(0, 1), anchor.pixel(2, 2));
    QCOMPARE(moved.pixel(2, 3), anchor.pixel(4, 4));
    QCOMPARE(moved.pixel(4, 5), frame.pixel(3, 5));
    QCOMPARE(moved, AnchorFillReference::fill(frame, {-1, 0}, anchor, {-3, -1}, mask));
}

void TestInpaint::anchorFillErasesWhereTheAnchorIsTransparent()
{
    // A hand drifted into the background: the frame is opaque where the anchor is empty. The
    // masked pixels over the anchor's transparent ones become transparent (the anchor says
    // there is nothing there), not the colour of the frame's nearest opaque neighbour.
    const QRgb hand = qRgba(230, 180, 150, 255);
    const QImage frame = argb(6, 4, hand);
    QImage anchor = argb(6, 4); // transparent...
    for (int y = 0; y < 4; ++y)
        anchor.setPixel(0, y, qRgba(20, 40, 60, 255)); // ...but its first column
    anchor.setPixel(4, 1, qRgba(9, 9, 9, 127));        // faint: taken as it is
    anchor.setPixel(5, 2, qRgba(7, 8, 9, 0));          // transparent, with a colour
    const QImage mask = maskOf(6, 4, {{0, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 2}, {3, 3}});
    const QImage out = AnchorFill::fill(frame, {}, anchor, {}, mask);
    QCOMPARE(out.pixel(0, 1), qRgba(20, 40, 60, 255));
    QCOMPARE(out.pixel(2, 1), qRgba(0, 0, 0, 0));
    QCOMPARE(out.pixel(3, 1), qRgba(0, 0, 0, 0));
    QCOMPARE(out.pixel(3, 3), qRgba(0, 0, 0, 0));
    QCOMPARE(out.pixel(4, 1), qRgba(9, 9, 9, 127));
    QCOMPARE(qAlpha(out.pixel(5, 2)), 0);
    QCOMPARE(out.pixel(5, 2), anchor.pixel(5, 2));
    QCOMPARE(differences(out, frame), 6); // every masked pixel: none was the anchor's
    QCOMPARE(out, AnchorFillReference::fill(frame, {}, anchor, {}, mask));
    // The same through offsets: frame (x, y) shows anchor (x + 1, y); frame (5, 2) would show
    // anchor (6, 2), off its canvas: the nearest opaque pixel outside the mask, (5, 1).
    const QImage moved = AnchorFill::fill(frame, {2, 1}, anchor, {1, 1}, mask);
    QCOMPARE(moved.pixel(3, 1), qRgba(9, 9, 9, 127));
    QCOMPARE(moved.pixel(2, 1), qRgba(0, 0, 0, 0));
    QCOMPARE(moved.pixel(5, 2), hand);
    QCOMPARE(moved, AnchorFillReference::fill(frame, {2, 1}, anchor, {1, 1}, mask));
}

void TestInpaint::anchorFillFallsBackToTheNearestOpaquePixelOutsideTheMask()
{
    // One row: A m m m B, the anchor moved off it (three rows down). The middle pixel is as
    // near A as B: the first in row order (A) wins.
    const QRgb a = qRgba(255, 0, 0, 255);
    const QRgb b = qRgba(0, 0, 255, 128); // alpha 128 is opaque
    QImage row = argb(5, 1);
    row.setPixel(0, 0, a);
    row.setPixel(4, 0, b);
    const QImage rowMask = maskOf(5, 1, {{1, 0}, {2, 0}, {3, 0}});
    const QImage anchor = argb(5, 1, qRgba(9, 9, 9, 255)); // never read: off the row
    const QImage filled = AnchorFill::fill(row, {0, 3}, anchor, {}, rowMask);
    QCOMPARE(filled.pixel(1, 0), a);
    QCOMPARE(filled.pixel(2, 0), a);
    QCOMPARE(filled.pixel(3, 0), b);
    QCOMPARE(filled.pixel(0, 0), a);
    QCOMPARE(filled.pixel(4, 0), b);
    QCOMPARE(filled, AnchorFillReference::fill(row, {0, 3}, anchor, {}, rowMask));

    // A square: the masked pixel at (1, 1) is 1 from (1, 0) above and from (0, 1) on its left;
    // the one above is first in row order. A faint pixel (alpha 127) and a masked opaque one
    // are no sources. The anchor is shifted five columns away: no pixel of it is read.
    QImage square = argb(3, 3);
    square.setPixel(1, 0, qRgba(1, 1, 1, 255));
    square.setPixel(0, 1, qRgba(2, 2, 2, 255));
    square.setPixel(2, 1, qRgba(3, 3, 3, 127));
    square.setPixel(2, 2, qRgba(4, 4, 4, 255));
    const QImage squareMask = maskOf(3, 3, {{1, 1}, {2, 2}, {1, 2}, {0, 2}});
    const QImage out =
        AnchorFill::fill(square, {5, 0}, argb(3, 3, qRgba(8, 8, 8, 255)), {}, squareMask);
    QCOMPARE(out.pixel(1, 1), qRgba(1, 1, 1, 255));
    QCOMPARE(out.pixel(1, 2), qRgba(1, 1, 1, 255)); // 2 from both: (1, 0) is first
    QCOMPARE(out.pixel(2, 2), qRgba(1, 1, 1, 255)); // 3 from both
    QCOMPARE(out.pixel(0, 2), qRgba(2, 2, 2, 255)); // 1 from (0, 1), 3 from (1, 0)
    QCOMPARE(out.pixel(2, 1), qRgba(3, 3, 3, 127)); // outside the mask: kept
    QCOMPARE(out, AnchorFillReference::fill(square, {5, 0}, argb(3, 3, qRgba(8, 8, 8, 255)), {},
                                            squareMask));
}

void TestInpaint::anchorFillWithNothingToTakeFromIsTransparent()
{
    // The anchor (opaque) is moved off the frame, and the frame has no opaque pixel to give.
    QImage frame = argb(4, 4, qRgba(5, 5, 5, 100)); // nothing opaque
    frame.setPixel(1, 1, qRgba(250, 0, 0, 255));    // opaque, but masked
    const QImage mask = maskOf(4, 4, {{1, 1}, {2, 2}});
    const QImage anchor = argb(4, 4, qRgba(0, 250, 0, 255));
    const QImage out = AnchorFill::fill(frame, {1, 0}, anchor, {-3, 2}, mask);
    QCOMPARE(out.pixel(1, 1), qRgba(0, 0, 0, 0));
    QCOMPARE(out.pixel(2, 2), qRgba(0, 0, 0, 0));
    QCOMPARE(differences(out, frame), 2);
    QCOMPARE(out, AnchorFillReference::fill(frame, {1, 0}, anchor, {-3, 2}, mask));
}

void TestInpaint::anchorFillMatchesItsRuleOnRandomFrames()
{
    QRandomGenerator random(20260118);
    const int alphas[] = {0, 60, 127, 128, 200, 255};
    const auto image = [&](int w, int h) {
        QImage i = argb(w, h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                i.setPixel(x, y,
                           qRgba(random.bounded(256), random.bounded(256), random.bounded(256),
                                 alphas[random.bounded(6)]));
        return i;
    };
    for (int round = 0; round < 300; ++round) {
        const int w = 1 + random.bounded(14);
        const int h = 1 + random.bounded(14);
        const QImage frame = image(w, h);
        const QImage anchor = image(1 + random.bounded(14), 1 + random.bounded(14));
        QImage mask(w, h, QImage::Format_Grayscale8);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                mask.setPixel(x, y, random.bounded(100) < 45 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        const QPoint frameOffset(random.bounded(9) - 4, random.bounded(9) - 4);
        const QPoint anchorOffset(random.bounded(9) - 4, random.bounded(9) - 4);
        const QImage got = AnchorFill::fill(frame, frameOffset, anchor, anchorOffset, mask);
        const QImage want =
            AnchorFillReference::fill(frame, frameOffset, anchor, anchorOffset, mask);
        QVERIFY2(got == want, qPrintable(QStringLiteral("round %1").arg(round)));
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if (!PatchMask::isMasked(mask, x, y))
                    QCOMPARE(got.pixel(x, y), frame.pixel(x, y));
    }
}

void TestInpaint::anchorFillKeepsSixteenBitPixelsOutsideTheMask()
{
    QImage frame(4, 1, QImage::Format_RGBA64);
    for (int x = 0; x < 4; ++x)
        frame.setPixelColor(x, 0, QColor::fromRgba64(1000 + x, 2001, 3003, 65535));
    const QImage out =
        AnchorFill::fill(frame, {}, argb(4, 1, qRgba(255, 0, 0, 255)), {}, maskOf(4, 1, {{2, 0}}));
    QCOMPARE(out.format(), QImage::Format_RGBA64);
    for (const int x : {0, 1, 3})
        QCOMPARE(out.pixelColor(x, 0).rgba64(), frame.pixelColor(x, 0).rgba64());
    QCOMPARE(out.pixelColor(2, 0).rgba64(), QRgba64::fromArgb32(qRgba(255, 0, 0, 255)));
}

void TestInpaint::maskRule()
{
    QImage image = argb(5, 1);
    image.setPixel(0, 0, qRgba(255, 255, 255, 255)); // white
    image.setPixel(1, 0, qRgba(128, 128, 128, 128)); // the threshold: masked
    image.setPixel(2, 0, qRgba(127, 127, 127, 255)); // just darker: not
    image.setPixel(3, 0, qRgba(255, 255, 255, 127)); // white, but nearly transparent: not
    image.setPixel(4, 0, qRgba(0, 0, 0, 255));
    const QImage mask = PatchMask::fromImage(image);
    QCOMPARE(mask.format(), QImage::Format_Grayscale8);
    QCOMPARE(PatchMask::count(mask), 2);
    QVERIFY(PatchMask::isMasked(mask, 0, 0) && PatchMask::isMasked(mask, 1, 0));
    QCOMPARE(mask.pixel(0, 0), qRgb(255, 255, 255));
    QCOMPARE(mask.pixel(2, 0), qRgb(0, 0, 0));

    // compose: the provider's pixels inside, the frame's outside, the frame's format.
    const QImage frame = argb(5, 1, qRgba(1, 2, 3, 4));
    const QImage composed = PatchMask::compose(frame, argb(5, 1, qRgba(9, 9, 9, 255)), mask);
    QCOMPARE(composed.format(), frame.format());
    QCOMPARE(composed.pixel(0, 0), qRgba(9, 9, 9, 255));
    QCOMPARE(composed.pixel(1, 0), qRgba(9, 9, 9, 255));
    for (const int x : {2, 3, 4})
        QCOMPARE(composed.pixel(x, 0), qRgba(1, 2, 3, 4));
}

void TestInpaint::maskFileIsCheckedAgainstTheFrame()
{
    QVERIFY(maskOf(6, 4, {{1, 1}}).save(path(QStringLiteral("mask.png"))));
    QVERIFY(maskOf(6, 4, {}).save(path(QStringLiteral("empty.png"))));
    QVERIFY(PatchMask::load(path(QStringLiteral("mask.png")), {6, 4}));
    const Result<QImage> wrong = PatchMask::load(path(QStringLiteral("mask.png")), {6, 5});
    QVERIFY(!wrong);
    QVERIFY2(wrong.outcome().message().contains(QStringLiteral("6×4")),
             qPrintable(wrong.outcome().message()));
    QVERIFY(!PatchMask::load(path(QStringLiteral("empty.png")), {6, 4}));
    QVERIFY(!PatchMask::load(path(QStringLiteral("nothing.png")), {6, 4}));
}

void TestInpaint::goodProviderPatchesOnlyInsideTheMask()
{
    // The provider paints the whole frame magenta; it also keeps what it was given.
    const QImage magenta = argb(8, 6, qRgba(255, 0, 255, 255));
    QVERIFY(magenta.save(path(QStringLiteral("magenta.png"))));
    const QString seen = path(QStringLiteral("seen"));
    QVERIFY(QDir().mkpath(seen));
    const QString command = provider(
        QStringLiteral("good"),
        QStringLiteral("out = sys.argv[2]\n"
                       "json.dump(req, open(os.path.join(out, 'request.json'), 'w'))\n"
                       "shutil.copy(req['frame']['image'], os.path.join(out, 'frame.png'))\n"
                       "shutil.copy(req['mask'], os.path.join(out, 'mask.png'))\n"
                       "shutil.copy(req['anchor']['image'], os.path.join(out, 'anchor.png'))\n"
                       "shutil.copy(sys.argv[1], req['output'])\n"
                       "print(json.dumps({'image': req['output']}))\n"),
        {path(QStringLiteral("magenta.png")), seen});
    const InpaintRequest r = request();
    InpaintProvider inpaint(command, 120s);
    const Result<QImage> result = inpaint.run(r);
    QVERIFY2(result, qPrintable(result.outcome().message()));
    QCOMPARE(*result, PatchMask::compose(r.frame, magenta, r.mask));
    QCOMPARE(differences(*result, r.frame), 4); // the four masked pixels only

    // What the provider was given.
    QFile file(seen + QStringLiteral("/request.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(u"version").toInt(), 1);
    QCOMPARE(json.value(u"frame").toObject().value(u"index").toInt(), 3);
    QCOMPARE(json.value(u"prompt").toString(), QStringLiteral("fix the hand"));
    QCOMPARE(json.value(u"frameOffset").toArray(), (QJsonArray{2, -1}));
    QCOMPARE(json.value(u"anchor").toObject().value(u"offset").toArray(), (QJsonArray{-1, 0}));
    QCOMPARE(json.value(u"audit").toObject(), r.audit);
    const QString output = json.value(u"output").toString();
    const QString folder = QFileInfo(output).absolutePath();
    QVERIFY(QFileInfo(output).isAbsolute());
    for (const QString &image : {json.value(u"frame").toObject().value(u"image").toString(),
                                 json.value(u"mask").toString(),
                                 json.value(u"anchor").toObject().value(u"image").toString()})
        QCOMPARE(QFileInfo(image).absolutePath(), folder);
    QVERIFY2(!QFileInfo::exists(folder), "the temporary folder is removed");
    QCOMPARE(QImage(seen + QStringLiteral("/frame.png")).convertToFormat(QImage::Format_ARGB32),
             r.frame);
    QCOMPARE(QImage(seen + QStringLiteral("/anchor.png")).convertToFormat(QImage::Format_ARGB32),
             r.anchor);
    QCOMPARE(PatchMask::fromImage(QImage(seen + QStringLiteral("/mask.png"))), r.mask);
}

void TestInpaint::failingProvidersAreRefused_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("message");
    const QString answer = QStringLiteral("print(json.dumps({'image': req['output']}))\n");
    QTest::newRow("wrong size") << QStringLiteral("shutil.copy(sys.argv[1], req['output'])\n") +
                                       answer
                                << QStringLiteral("is 3×3 pixels; the frame is 8×6");
    QTest::newRow("garbage PNG")
        << QStringLiteral("open(req['output'], 'wb').write(b'\\x89PNG\\r\\n\\x1a\\ngarbage')\n") +
               answer
        << QStringLiteral("image cannot be used");
    QTest::newRow("no image written") << answer << QStringLiteral("image cannot be used");
    QTest::newRow("not JSON") << QStringLiteral("print('done!')\n")
                              << QStringLiteral("not a JSON object: \"done!\"");
    QTest::newRow("another path") << QStringLiteral("shutil.copy(sys.argv[1], '/tmp/x.png')\n"
                                                    "print(json.dumps({'image': '/tmp/x.png'}))\n")
                                  << QStringLiteral("does not name its image as");
    QTest::newRow("error") << QStringLiteral("print(json.dumps({'error': 'no GPU today'}))\n")
                           << QStringLiteral("The inpainting provider: no GPU today");
    QTest::newRow("exit code")
        << QStringLiteral("print(json.dumps({'error': 'model exploded'}))\nsys.exit(3)\n")
        << QStringLiteral("failed (exit code 3): model exploded");
    QTest::newRow("exit code, image written")
        << QStringLiteral("shutil.copy(sys.argv[2], req['output'])\n") + answer +
               QStringLiteral("sys.exit(1)\n")
        << QStringLiteral("failed (exit code 1)");
    QTest::newRow("crash") << QStringLiteral("os.kill(os.getpid(), signal.SIGKILL)\n")
                           << QStringLiteral("crashed");
    QTest::newRow("huge answer")
        << QStringLiteral("sys.stdout.write('x' * (1 << 20))\nsys.stdout.flush()\ntime.sleep(60)\n")
        << QStringLiteral("more than 64 KiB");
    QTest::newRow("huge answer, then exit")
        << QStringLiteral("sys.stdout.write('{\"a\": \"' + 'x' * 70000 + '\"}')\n")
        << QStringLiteral("more than 64 KiB");
}

void TestInpaint::failingProvidersAreRefused()
{
    QFETCH(QString, body);
    QFETCH(QString, message);
    QVERIFY(argb(3, 3, qRgba(255, 0, 255, 255)).save(path(QStringLiteral("small.png"))));
    QVERIFY(argb(8, 6, qRgba(255, 0, 255, 255)).save(path(QStringLiteral("right.png"))));
    const QString command =
        provider(QStringLiteral("bad"),
                 QStringLiteral("open(sys.argv[3], 'w').write(req['output'])\n") + body,
                 {path(QStringLiteral("small.png")), path(QStringLiteral("right.png")),
                  path(QStringLiteral("output.txt"))});
    InpaintProvider inpaint(command, 120s);
    const Result<QImage> result = inpaint.run(request());
    QVERIFY(!result);
    QCOMPARE(result.outcome().kind(), Outcome::Kind::Failed);
    QVERIFY2(result.outcome().message().contains(message), qPrintable(result.outcome().message()));
    QFile output(path(QStringLiteral("output.txt")));
    QVERIFY(output.open(QIODevice::ReadOnly));
    QVERIFY2(!QFileInfo::exists(QFileInfo(QString::fromUtf8(output.readAll())).absolutePath()),
             "the temporary folder is removed");
}

void TestInpaint::hangingProviderIsKilledAtTheTimeLimit()
{
    // It starts a child of its own that hangs too: the whole process group is stopped.
    const QString command = provider(QStringLiteral("hang"),
                                     QStringLiteral("child = subprocess.Popen(['sleep', '60'])\n"
                                                    "open(sys.argv[1], 'w').write(str(child.pid))\n"
                                                    "time.sleep(60)\n"),
                                     {path(QStringLiteral("child.pid"))});
    InpaintProvider inpaint(command, 1s);
    QElapsedTimer clock;
    clock.start();
    const Result<QImage> result = inpaint.run(request());
    QVERIFY(!result);
    QVERIFY2(result.outcome().message().contains(QLatin1String("did not finish within 1 s")),
             qPrintable(result.outcome().message()));
    QVERIFY2(clock.elapsed() < 30000, "stopped at the limit, not when it ended by itself");
    QFile pidFile(path(QStringLiteral("child.pid")));
    if (pidFile.open(QIODevice::ReadOnly)) { // the child had started before the limit
        const QString stat =
            QStringLiteral("/proc/%1/stat").arg(QString::fromUtf8(pidFile.readAll()));
        const auto gone = [&stat] {
            QFile file(stat);
            return !file.open(QIODevice::ReadOnly) || file.readAll().contains(") Z ");
        };
        QTRY_VERIFY_WITH_TIMEOUT(gone(), 10000);
    }
}

void TestInpaint::cancelFromAnotherThreadStopsTheProvider()
{
    const QString started = path(QStringLiteral("started"));
    const QString command =
        provider(QStringLiteral("slow"),
                 QStringLiteral("open(sys.argv[1], 'w').close()\ntime.sleep(60)\n"), {started});
    InpaintProvider inpaint(command, 120s);
    Result<QImage> result = Outcome::failed(QStringLiteral("not run"));
    QElapsedTimer clock;
    clock.start();
    // The provider runs on a pool's worker thread, as in the window; cancel() comes from this
    // one.
    QThreadPool pool;
    pool.start([&] { result = inpaint.run(request()); });
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(started), 60000);
    inpaint.cancel();
    pool.waitForDone();
    QVERIFY(!result);
    QVERIFY2(result.outcome().message().contains(QLatin1String("cancelled")),
             qPrintable(result.outcome().message()));
    QVERIFY(clock.elapsed() < 60000);

    // Cancelled before it runs: the provider is not started.
    InpaintProvider early(provider(QStringLiteral("never"),
                                   QStringLiteral("open(sys.argv[1], 'w').close()\n"),
                                   {path(QStringLiteral("ran"))}));
    early.cancel();
    QVERIFY(!early.run(request()));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("ran"))));
}

void TestInpaint::progressHookCancels()
{
    const QString command = provider(QStringLiteral("slow"), QStringLiteral("time.sleep(60)\n"));
    InpaintProvider inpaint(command, 120s);
    int calls = 0;
    const Result<QImage> result =
        inpaint.run(request(), [&calls](std::chrono::milliseconds elapsed) {
            ++calls;
            return elapsed < 300ms;
        });
    QVERIFY(!result);
    QVERIFY2(result.outcome().message().contains(QLatin1String("cancelled")),
             qPrintable(result.outcome().message()));
    QVERIFY(calls >= 2);

    // A command that cannot be started, and none at all.
    InpaintProvider missing(path(QStringLiteral("no-such-provider")));
    const Result<QImage> notStarted = missing.run(request());
    QVERIFY(!notStarted);
    QVERIFY2(notStarted.outcome().message().contains(QLatin1String("cannot be started")),
             qPrintable(notStarted.outcome().message()));
    QCOMPARE(InpaintProvider(QStringLiteral("  ")).run(request()).outcome().kind(),
             Outcome::Kind::Invalid);
}

void TestInpaint::defaultCommand()
{
    QSettings().remove(InpaintProvider::settingsKey);
    const QString bundled = InpaintProvider::bundledCommand();
    QCOMPARE(QProcess::splitCommand(bundled),
             QStringList{QDir(QCoreApplication::applicationDirPath())
                             .absoluteFilePath(QStringLiteral("director-inpaint-anchor"))});
    QCOMPARE(InpaintProvider::defaultCommand(), bundled);
    QCOMPARE(InpaintProvider::defaultCommand(QStringLiteral("studio-inpaint --gpu 1")),
             QStringLiteral("studio-inpaint --gpu 1"));
    QSettings().setValue(InpaintProvider::settingsKey, QStringLiteral("python3 /opt/inpaint.py"));
    QCOMPARE(InpaintProvider::defaultCommand(), QStringLiteral("python3 /opt/inpaint.py"));
    QCOMPARE(InpaintProvider::defaultCommand(QStringLiteral("given")), QStringLiteral("given"));
    QSettings().remove(InpaintProvider::settingsKey);
}

QTEST_GUILESS_MAIN(TestInpaint)
#include "tst_inpaint.moc"
