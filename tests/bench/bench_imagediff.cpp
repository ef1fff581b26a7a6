// The Compare view's Difference mode on the GUI thread: ImageDiff::compare (count and
// highlighted picture) and ImageDiff::count of two 512 px frames that differ in a third of their
// pixels (colour, coverage, and hidden colour under alpha 0), in the forms commit writes
// (ARGB32) and as decoded from PNG (RGBA8888, converted first). Goal: <= 16 ms a frame.

#include "benchutil.h"

#include "compare/imagediff.h"

#include <QCoreApplication>
#include <QImage>
#include <QRandomGenerator>

#include <functional>

namespace {

constexpr int size = 512;

QImage randomFrame(quint32 seed)
{
    QRandomGenerator random(seed);
    QImage image(size, size, QImage::Format_ARGB32);
    for (int y = 0; y < size; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size; ++x) {
            const int alpha = (x / 64 + y / 64) % 3 == 0 ? 0 : 255;
            line[x] = qRgba(x % 256, y % 256, int(random.bounded(2)) * 40, alpha);
        }
    }
    return image;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bench::quietQt();
    const QImage a = randomFrame(1);
    const QImage b = randomFrame(2);
    const QImage aRgba = a.convertToFormat(QImage::Format_RGBA8888);
    const QImage bRgba = b.convertToFormat(QImage::Format_RGBA8888);
    qsizetype differing = 0;
    std::printf("ImageDiff, %d px frames, %lld pixels differ\n", size,
                static_cast<long long>(ImageDiff::count(a, b)));
    bench::print(QStringLiteral("compare (count + picture), ARGB32"),
                 bench::medianMs([&] { differing += ImageDiff::compare(a, b).differing; }),
                 QStringLiteral("ms"), QStringLiteral("<= 16 ms"));
    bench::print(QStringLiteral("compare (count + picture), RGBA8888 (converted)"),
                 bench::medianMs([&] { differing += ImageDiff::compare(aRgba, bRgba).differing; }),
                 QStringLiteral("ms"), QStringLiteral("<= 16 ms"));
    bench::print(QStringLiteral("count only, ARGB32"),
                 bench::medianMs([&] { differing += ImageDiff::count(a, b); }),
                 QStringLiteral("ms"));
    return differing > 0 ? 0 : 1;
}
