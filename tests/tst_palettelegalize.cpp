#include "audit/palettecheck.h"
#include "compare/imagediff.h"
#include "patch/palettelegalize.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <limits>

// PaletteLegalize (model/patch): every checked pixel on the palette afterwards, the nearest
// colour in OKLab (against Ottosson's reference values and a brute-force search written here),
// on-palette pixels untouched, the alpha option, the counts and the changed pixels.
class TestPaletteLegalize : public QObject
{
    Q_OBJECT

private slots:
    void okLabMatchesOttossonsValues_data();
    void okLabMatchesOttossonsValues();
    void nearestInOkLabIsNotNearestInRgb();
    void nothingOffThePaletteAfterwards_data();
    void nothingOffThePaletteAfterwards();
    void onPalettePixelsAreUntouched();
    void keepLeavesAlphaAndSoftPixelsAlone();
    void snapMakesPartialAlphaWhole();
    void changedIsWhatImageDiffFinds();
    void anyFormatIsLegalizedAsArgb32();
    void emptyPaletteIsRefused();
    void theRunsPaletteIsItsFileElseItsAnchor();
    void matchesBruteForceSearch_data();
    void matchesBruteForceSearch();
};

Q_DECLARE_METATYPE(PaletteLegalize::Alpha)

namespace {

using Alpha = PaletteLegalize::Alpha;

double distance2(const PaletteLegalize::Lab &p, const PaletteLegalize::Lab &q)
{
    const double dL = p.L - q.L;
    const double da = p.a - q.a;
    const double db = p.b - q.b;
    return dL * dL + da * da + db * db;
}

// The nearest palette colour by trying every one, the lowest 0xRRGGBB of equals.
QRgb bruteNearest(QRgb colour, const QList<QRgb> &palette, const QList<PaletteLegalize::Lab> &labs)
{
    const PaletteLegalize::Lab lab = PaletteLegalize::okLab(colour);
    double best = std::numeric_limits<double>::infinity();
    QRgb nearest = 0;
    for (qsizetype i = 0; i < palette.size(); ++i) {
        const double d = distance2(labs.at(i), lab);
        if (d < best || (d == best && palette.at(i) < nearest)) {
            best = d;
            nearest = palette.at(i);
        }
    }
    return nearest;
}

// The rule of palettelegalize.h, written out pixel by pixel.
QRgb expectedPixel(QRgb pixel, const PaletteCheck::Palette &palette, Alpha mode,
                   const std::function<QRgb(QRgb)> &nearest)
{
    const int alpha = qAlpha(pixel);
    const bool partial = alpha > 0 && alpha < 255;
    if (alpha < PaletteCheck::checkedAlpha)
        return mode == Alpha::Snap && partial ? 0u : pixel;
    const QRgb colour = pixel | 0xff000000u;
    const QRgb legal = palette.contains(colour) ? colour : nearest(colour);
    const int newAlpha = mode == Alpha::Snap ? 255 : alpha;
    return (legal & 0x00ffffffu) | (QRgb(newAlpha) << 24);
}

QRgb randomRgb(QRandomGenerator &random)
{
    return 0xff000000u | (random.generate() & 0x00ffffffu);
}

// A frame of `side` px: runs of colours drawn from `colours` (on the palette) or random ones
// (mostly off it), with every alpha from 0 to 255 among them.
QImage randomFrame(QRandomGenerator &random, int side, const QList<QRgb> &colours)
{
    QImage image(side, side, QImage::Format_ARGB32);
    QRgb run = 0;
    for (int y = 0; y < side; ++y) {
        auto *row = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < side; ++x) {
            if (random.bounded(4) == 0) {
                const bool onPalette = random.bounded(2) == 0 && !colours.isEmpty();
                const QRgb rgb =
                    onPalette ? colours.at(random.bounded(int(colours.size()))) : randomRgb(random);
                const int alpha = random.bounded(3) == 0 ? random.bounded(256) : 255;
                run = (rgb & 0x00ffffffu) | (QRgb(alpha) << 24);
            }
            row[x] = run;
        }
    }
    return image;
}

QList<QRgb> randomPalette(QRandomGenerator &random, int size)
{
    PaletteCheck::Palette palette;
    while (palette.size() < size)
        palette.insert(randomRgb(random));
    return palette.values();
}

PaletteCheck::Palette setOf(const QList<QRgb> &colours)
{
    return PaletteCheck::Palette(colours.begin(), colours.end());
}

PaletteLegalize::Legalized legalized(const QImage &frame, const PaletteCheck::Palette &palette,
                                     Alpha mode = Alpha::Keep)
{
    Result<PaletteLegalize::Legalized> result = PaletteLegalize::legalize(frame, palette, mode);
    if (!result)
        qFatal("legalize failed: %s", qPrintable(result.outcome().message()));
    return std::move(result).value();
}

QImage onePixel(QRgb pixel)
{
    QImage image(1, 1, QImage::Format_ARGB32);
    image.setPixel(0, 0, pixel);
    return image;
}

} // namespace

// Björn Ottosson's published OKLab of the sRGB primaries and white
// (https://bottosson.github.io/posts/oklab/).
void TestPaletteLegalize::okLabMatchesOttossonsValues_data()
{
    QTest::addColumn<QRgb>("colour");
    QTest::addColumn<double>("L");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::newRow("white") << QRgb(0xffffffff) << 1.0 << 0.0 << 0.0;
    QTest::newRow("black") << QRgb(0xff000000) << 0.0 << 0.0 << 0.0;
    QTest::newRow("red") << QRgb(0xffff0000) << 0.627955 << 0.224863 << 0.125846;
    QTest::newRow("green") << QRgb(0xff00ff00) << 0.866440 << -0.233888 << 0.179498;
    QTest::newRow("blue") << QRgb(0xff0000ff) << 0.452014 << -0.032457 << -0.311528;
}

void TestPaletteLegalize::okLabMatchesOttossonsValues()
{
    QFETCH(QRgb, colour);
    QFETCH(double, L);
    QFETCH(double, a);
    QFETCH(double, b);
    const PaletteLegalize::Lab lab = PaletteLegalize::okLab(colour);
    QVERIFY2(std::abs(lab.L - L) < 1e-5, qPrintable(QString::number(lab.L)));
    QVERIFY2(std::abs(lab.a - a) < 1e-5, qPrintable(QString::number(lab.a)));
    QVERIFY2(std::abs(lab.b - b) < 1e-5, qPrintable(QString::number(lab.b)));
}

// A dark green between a dark grey and a darker green: in RGB the grey is nearer (27.9 against
// 35.9), so an RGB snap would turn the green pixel grey; in OKLab the green is twice as near
// (0.047 against 0.096): it stays green. The example docs/run-folder.md gives.
void TestPaletteLegalize::nearestInOkLabIsNotNearestInRgb()
{
    const QRgb pixel = 0xff1e3812;
    const QRgb grey = 0xff202020;
    const QRgb green = 0xff003000;
    auto rgbDistance2 = [](QRgb p, QRgb q) {
        const int dr = qRed(p) - qRed(q);
        const int dg = qGreen(p) - qGreen(q);
        const int db = qBlue(p) - qBlue(q);
        return dr * dr + dg * dg + db * db;
    };
    QCOMPARE(rgbDistance2(pixel, grey), 776);
    QCOMPARE(rgbDistance2(pixel, green), 1288);
    const PaletteLegalize::Lab lab = PaletteLegalize::okLab(pixel);
    const double toGrey = std::sqrt(distance2(lab, PaletteLegalize::okLab(grey)));
    const double toGreen = std::sqrt(distance2(lab, PaletteLegalize::okLab(green)));
    QVERIFY2(std::abs(toGrey - 0.0961) < 1e-4, qPrintable(QString::number(toGrey)));
    QVERIFY2(std::abs(toGreen - 0.0474) < 1e-4, qPrintable(QString::number(toGreen)));

    const PaletteLegalize::Legalized result = legalized(onePixel(pixel), {grey, green});
    QCOMPARE(result.image.pixel(0, 0), green);
    QCOMPARE(result.recoloured, 1);
    QCOMPARE(result.alphaSnapped, 0);
}

void TestPaletteLegalize::nothingOffThePaletteAfterwards_data()
{
    QTest::addColumn<Alpha>("mode");
    QTest::newRow("keep") << Alpha::Keep;
    QTest::newRow("snap") << Alpha::Snap;
}

void TestPaletteLegalize::nothingOffThePaletteAfterwards()
{
    QFETCH(Alpha, mode);
    QRandomGenerator random(11);
    const QList<QRgb> colours = randomPalette(random, 40);
    const PaletteCheck::Palette palette = setOf(colours);
    const QImage frame = randomFrame(random, 128, colours);
    const PaletteCheck::Findings before = PaletteCheck::check(frame, palette);
    QVERIFY(before.pixels.size() > 1000);

    const PaletteLegalize::Legalized result = legalized(frame, palette, mode);
    QCOMPARE(result.image.format(), QImage::Format_ARGB32);
    QCOMPARE(result.image.size(), frame.size());
    const PaletteCheck::Findings after = PaletteCheck::check(result.image, palette);
    QCOMPARE(after.pixels.size(), 0);
    QCOMPARE(result.recoloured, before.pixels.size());
    if (mode == Alpha::Keep)
        QCOMPARE(after.checked, before.checked);
}

// On the palette and fully opaque: bit for bit the same in either mode; on the palette with
// Alpha::Keep: bit for bit the same whatever its alpha.
void TestPaletteLegalize::onPalettePixelsAreUntouched()
{
    QRandomGenerator random(12);
    const QList<QRgb> colours = randomPalette(random, 16);
    const PaletteCheck::Palette palette = setOf(colours);
    const QImage frame = randomFrame(random, 96, colours);
    const PaletteLegalize::Legalized kept = legalized(frame, palette, Alpha::Keep);
    const PaletteLegalize::Legalized snapped = legalized(frame, palette, Alpha::Snap);
    int onPalette = 0;
    int opaqueOnPalette = 0;
    for (int y = 0; y < frame.height(); ++y) {
        for (int x = 0; x < frame.width(); ++x) {
            const QRgb pixel = frame.pixel(x, y);
            if (qAlpha(pixel) < PaletteCheck::checkedAlpha || !palette.contains(pixel | 0xff000000))
                continue;
            ++onPalette;
            QCOMPARE(kept.image.pixel(x, y), pixel);
            if (qAlpha(pixel) == 255) {
                ++opaqueOnPalette;
                QCOMPARE(snapped.image.pixel(x, y), pixel);
            }
        }
    }
    QVERIFY(opaqueOnPalette > 500);
    QVERIFY(onPalette > opaqueOnPalette);
}

void TestPaletteLegalize::keepLeavesAlphaAndSoftPixelsAlone()
{
    const QRgb onPalette = 0xff336699;
    QImage frame(256, 2, QImage::Format_ARGB32);
    for (int alpha = 0; alpha < 256; ++alpha) {
        frame.setPixel(alpha, 0, (onPalette & 0x00ffffff) | (QRgb(alpha) << 24));
        frame.setPixel(alpha, 1, 0x00fa0a0a | (QRgb(alpha) << 24)); // off the palette
    }
    const PaletteLegalize::Legalized result = legalized(frame, {onPalette}, Alpha::Keep);
    for (int alpha = 0; alpha < 256; ++alpha) {
        QCOMPARE(result.image.pixel(alpha, 0), frame.pixel(alpha, 0));
        const QRgb expected = alpha < PaletteCheck::checkedAlpha
                                  ? frame.pixel(alpha, 1)
                                  : (onPalette & 0x00ffffff) | (QRgb(alpha) << 24);
        QCOMPARE(result.image.pixel(alpha, 1), expected);
    }
    QCOMPARE(result.recoloured, 128);
    QCOMPARE(result.alphaSnapped, 0);
    QCOMPARE(result.changed.size(), 128);
}

// 1..127 become transparent black, 128..254 opaque (coloured on the palette), whatever the
// pixel's colour; 0 and 255 keep their alpha, and a transparent pixel its RGB.
void TestPaletteLegalize::snapMakesPartialAlphaWhole()
{
    const QRgb onPalette = 0xff336699;
    QImage frame(256, 2, QImage::Format_ARGB32);
    for (int alpha = 0; alpha < 256; ++alpha) {
        frame.setPixel(alpha, 0, (onPalette & 0x00ffffff) | (QRgb(alpha) << 24));
        frame.setPixel(alpha, 1, 0x00fa0a0a | (QRgb(alpha) << 24)); // off the palette
    }
    const PaletteLegalize::Legalized result = legalized(frame, {onPalette}, Alpha::Snap);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(result.image.pixel(0, row), frame.pixel(0, row));
        for (int alpha = 1; alpha < PaletteCheck::checkedAlpha; ++alpha)
            QCOMPARE(result.image.pixel(alpha, row), QRgb(0x00000000));
        for (int alpha = PaletteCheck::checkedAlpha; alpha < 256; ++alpha)
            QCOMPARE(result.image.pixel(alpha, row), onPalette);
    }
    QCOMPARE(result.alphaSnapped, 2 * 254);
    QCOMPARE(result.recoloured, 128);
    QCOMPARE(result.changed.size(), 2 * 254 + 1); // and the opaque off-palette pixel
}

// The changed pixels are those ImageDiff tells apart, row by row; the counts add up.
void TestPaletteLegalize::changedIsWhatImageDiffFinds()
{
    QRandomGenerator random(13);
    const QList<QRgb> colours = randomPalette(random, 24);
    const QImage frame = randomFrame(random, 80, colours);
    for (const Alpha mode : {Alpha::Keep, Alpha::Snap}) {
        const PaletteLegalize::Legalized result = legalized(frame, setOf(colours), mode);
        QList<QPoint> differing;
        qsizetype rgbChanged = 0;
        qsizetype alphaChanged = 0;
        for (int y = 0; y < frame.height(); ++y) {
            for (int x = 0; x < frame.width(); ++x) {
                const QRgb before = frame.pixel(x, y);
                const QRgb after = result.image.pixel(x, y);
                if (ImageDiff::differ(before, after))
                    differing.append(QPoint(x, y));
                alphaChanged += qAlpha(before) != qAlpha(after) ? 1 : 0;
                rgbChanged += qAlpha(after) > 0 && qRgb(qRed(before), qGreen(before),
                                                        qBlue(before)) != (after | 0xff000000)
                                  ? 1
                                  : 0;
            }
        }
        QCOMPARE(result.changed, differing);
        QCOMPARE(ImageDiff::count(frame, result.image), result.changed.size());
        QCOMPARE(result.recoloured, rgbChanged);
        QCOMPARE(result.alphaSnapped, alphaChanged);
        QCOMPARE(alphaChanged > 0, mode == Alpha::Snap);
    }
}

void TestPaletteLegalize::anyFormatIsLegalizedAsArgb32()
{
    QRandomGenerator random(14);
    const QList<QRgb> colours = randomPalette(random, 8);
    const QImage frame = randomFrame(random, 48, colours);
    const QImage expected = legalized(frame, setOf(colours), Alpha::Snap).image;
    for (const QImage::Format format : {QImage::Format_RGBA8888, QImage::Format_RGBA64}) {
        const PaletteLegalize::Legalized result =
            legalized(frame.convertToFormat(format), setOf(colours), Alpha::Snap);
        QCOMPARE(result.image.format(), QImage::Format_ARGB32);
        QCOMPARE(result.image, expected);
    }
    QVERIFY(legalized(QImage(), setOf(colours)).image.isNull());
}

void TestPaletteLegalize::emptyPaletteIsRefused()
{
    const Result<PaletteLegalize::Legalized> result =
        PaletteLegalize::legalize(onePixel(0xff102030), {});
    QVERIFY(!result);
    QCOMPARE(result.outcome().kind(), Outcome::Kind::Invalid);
    QCOMPARE(result.outcome().message(),
             QStringLiteral("The palette has no colour: there is nothing to snap to."));
}

void TestPaletteLegalize::theRunsPaletteIsItsFileElseItsAnchor()
{
    QTemporaryDir run;
    QVERIFY(run.isValid());
    QImage anchor(2, 1, QImage::Format_ARGB32);
    anchor.setPixel(0, 0, qRgba(10, 20, 30, 255));
    anchor.setPixel(1, 0, qRgba(40, 50, 60, 100)); // a soft edge: not a colour of the sprite
    int asked = 0;
    const auto anchorImage = [&] {
        ++asked;
        return anchor;
    };
    // No palette.json: the anchor's colours.
    PaletteCheck::RunPalette palette = PaletteCheck::ofRun(run.path(), anchorImage);
    QCOMPARE(palette.colours, PaletteCheck::Palette({qRgb(10, 20, 30)}));
    QVERIFY(!palette.fromFile);
    QVERIFY(palette.fileProblem.isEmpty());
    QCOMPARE(asked, 1);
    // A palette.json that reads: its colours, the anchor not even looked at.
    QFile file(run.filePath(QString::fromLatin1(PaletteCheck::fileName)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"colors": ["#ff0000", "#00ff00"]})");
    file.close();
    palette = PaletteCheck::ofRun(run.path(), anchorImage);
    QCOMPARE(palette.colours, PaletteCheck::Palette({qRgb(255, 0, 0), qRgb(0, 255, 0)}));
    QVERIFY(palette.fromFile);
    QCOMPARE(asked, 1);
    // One that does not read: the anchor's, and why the file was not used.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"colors\": 7}");
    file.close();
    palette = PaletteCheck::ofRun(run.path(), anchorImage);
    QCOMPARE(palette.colours, PaletteCheck::Palette({qRgb(10, 20, 30)}));
    QVERIFY(!palette.fromFile);
    QVERIFY(!palette.fileProblem.isEmpty());
}

void TestPaletteLegalize::matchesBruteForceSearch_data()
{
    QTest::addColumn<int>("paletteSize");
    QTest::addColumn<int>("side");
    QTest::newRow("1 colour") << 1 << 32;
    QTest::newRow("7 colours") << 7 << 64;
    QTest::newRow("256 colours") << 256 << 160;
    QTest::newRow("65,536 colours") << PaletteCheck::maxColours << 20;
}

// Every pixel of a random frame as the rule written out here, with the nearest colour found by
// trying every palette colour: no cache, no ordering by lightness.
void TestPaletteLegalize::matchesBruteForceSearch()
{
    QFETCH(int, paletteSize);
    QFETCH(int, side);
    QRandomGenerator random(quint32(15 + paletteSize));
    const QList<QRgb> colours = randomPalette(random, paletteSize);
    const PaletteCheck::Palette palette = setOf(colours);
    QList<PaletteLegalize::Lab> labs;
    for (const QRgb colour : colours)
        labs.append(PaletteLegalize::okLab(colour));
    auto nearest = [&](QRgb colour) { return bruteNearest(colour, colours, labs); };
    const QImage frame = randomFrame(random, side, colours);
    for (const Alpha mode : {Alpha::Keep, Alpha::Snap}) {
        const PaletteLegalize::Legalized result = legalized(frame, palette, mode);
        for (int y = 0; y < side; ++y) {
            for (int x = 0; x < side; ++x) {
                const QRgb expected = expectedPixel(frame.pixel(x, y), palette, mode, nearest);
                if (result.image.pixel(x, y) != expected) {
                    QFAIL(qPrintable(QStringLiteral("(%1, %2): #%3 became #%4, not #%5")
                                         .arg(x)
                                         .arg(y)
                                         .arg(frame.pixel(x, y), 8, 16, QLatin1Char('0'))
                                         .arg(result.image.pixel(x, y), 8, 16, QLatin1Char('0'))
                                         .arg(expected, 8, 16, QLatin1Char('0'))));
                }
            }
        }
        QCOMPARE(PaletteCheck::check(result.image, palette).pixels.size(), 0);
    }
}

QTEST_GUILESS_MAIN(TestPaletteLegalize)
#include "tst_palettelegalize.moc"
