// The audit's overlays: what showing a frame costs the GUI thread on a 512 px frame (the frame
// placed as commit writes it, its box and baseline, its palette check), and the motion plot's
// measure of a 5,000-frame move, which runs on the global pool (MoveMetrics): the whole move,
// a measure again after one frame changed (only that frame is decoded again), and the GUI
// thread's share (the jobs handed over, the plot drawn).
//
// And legalizing a 512 px frame's palette (PaletteLegalize, for the patch tools) with a palette
// of 256 colours: the demo's frame 11 as it is, the same with every pixel a little off (as a
// generator drifts: many distinct colours), and noise (every pixel its own colour, the worst case).
//
// The frames are the demo run's (its 16 drawn frames, frame 11 with off-palette pixels),
// scaled up to 512 px for the palette check; the 5,000 frames name the demo's 16 images in
// turn, each decoded anew.

#include "benchutil.h"

#include "audit/framegeometry.h"
#include "audit/movemetrics.h"
#include "audit/palettecheck.h"
#include "commit/commitexporter.h"
#include "patch/palettelegalize.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"

#include "auditoverlays.h"
#include "motionplot.h"

#include <QApplication>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

constexpr int side = 512;
constexpr int moveFrames = 5000;

QImage scaledUp(const QImage &image)
{
    return image.scaled(side, side, Qt::IgnoreAspectRatio, Qt::FastTransformation)
        .convertToFormat(QImage::Format_ARGB32);
}

// The anchor's colours, a 6x6x6 colour cube and greys: 256 colours.
PaletteCheck::Palette palette256(const PaletteCheck::Palette &anchor)
{
    PaletteCheck::Palette palette = anchor;
    for (int i = 0; i < 216 && palette.size() < 256; ++i)
        palette.insert(qRgb(i / 36 * 51, i / 6 % 6 * 51, i % 6 * 51));
    for (int grey = 1; grey < 255 && palette.size() < 256; ++grey)
        palette.insert(qRgb(grey, grey, grey));
    return palette;
}

// Every visible pixel's red, green and blue moved by up to 3 either way; or, with `noise`, every
// pixel an opaque colour of its own.
QImage drifted(const QImage &frame, bool noise)
{
    QRandomGenerator random(7);
    QImage image = frame.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        auto *row = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            auto moved = [&](int c) { return std::clamp(c + random.bounded(7) - 3, 0, 255); };
            if (noise)
                row[x] = 0xff000000u | (random.generate() & 0x00ffffffu);
            else if (qAlpha(row[x]) > 0)
                row[x] = qRgba(moved(qRed(row[x])), moved(qGreen(row[x])), moved(qBlue(row[x])),
                               qAlpha(row[x]));
        }
    }
    return image;
}

void benchLegalize(const QImage &frame, const PaletteCheck::Palette &anchorPalette)
{
    const PaletteCheck::Palette palette = palette256(anchorPalette);
    const struct
    {
        QString name;
        QImage image;
        QString goal;
    } cases[] = {
        {QStringLiteral("frame 11"), frame, QStringLiteral("(<= 16 ms)")},
        {QStringLiteral("frame 11 drifted"), drifted(frame, false), QStringLiteral("(<= 16 ms)")},
        {QStringLiteral("noise"), drifted(frame, true), QStringLiteral("(worst case)")},
    };
    for (const auto &legalizeCase : cases) {
        qsizetype recoloured = 0;
        const double ms = bench::medianMs([&] {
            recoloured = PaletteLegalize::legalize(legalizeCase.image, palette)->recoloured;
        });
        bench::print(QStringLiteral("legalize, %1 colours, %2: %3 recoloured")
                         .arg(palette.size())
                         .arg(legalizeCase.name)
                         .arg(recoloured),
                     ms, QStringLiteral("ms"), legalizeCase.goal);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    bench::quietQt();
    QTemporaryDir temporary;
    const QString run = temporary.path() + QStringLiteral("/run");
    std::printf("bench_audit: medians of %d runs\n", bench::runs());
    if (!temporary.isValid() || !bench::makeRun(run, DemoRun::frameCount))
        return 1;
    SessionManager manager;
    if (const Outcome opened = manager.initializeOrResume(run); !opened)
        qFatal("could not open the run: %s", qPrintable(opened.message()));
    const DirectorSession session = manager.session();
    manager.close();
    auto imageOf = [&](int frame) {
        return ImageLoader::loadFromRun(RunPaths(run), session.frames.value(frame).finalImagePath())
            .valueOr({});
    };

    bench::heading(QStringLiteral("one %1 px frame on the GUI thread").arg(side));
    const QImage anchor = scaledUp(imageOf(0));
    const QImage frame = scaledUp(imageOf(11));
    PaletteCheck::Palette palette;
    const double paletteOf = bench::medianMs([&] { palette = PaletteCheck::fromAnchor(anchor); });
    int off = 0;
    int sink = 0;
    const double check =
        bench::medianMs([&] { off = PaletteCheck::check(frame, palette).pixels.size(); });
    PaletteOverlay offPalette;
    BaselineOverlay baseline;
    BoundsOverlay bounds;
    const FrameGeometry anchorGeometry = FrameGeometry::of(anchor);
    const double shown = bench::medianMs([&] {
        const QImage placed = CommitExporter::translated(frame, 3, -2);
        const FrameGeometry geometry = FrameGeometry::of(placed);
        offPalette.set(PaletteCheck::check(placed, palette).pixels, placed.size(), {3, -2});
        baseline.set(geometry, anchorGeometry, {3, -2});
        bounds.set(geometry, anchorGeometry, {3, -2});
        sink += geometry.baseline();
    });
    // The three overlays painted over the frame at zoom 2 (1,024 device pixels a side).
    QImage device(1100, 1100, QImage::Format_ARGB32_Premultiplied);
    const StageGeometry geometry{QRect(38, 38, 2 * side, 2 * side), 2, {3, -2}, 1.0};
    const double painted = bench::medianMs([&] {
        QPainter painter(&device);
        for (const StageOverlay *overlay :
             std::initializer_list<const StageOverlay *>{&offPalette, &baseline, &bounds})
            overlay->paint(painter, geometry);
    });
    bench::print(QStringLiteral("palette of the anchor (PaletteCheck::fromAnchor)"), paletteOf,
                 QStringLiteral("ms"), QStringLiteral("(once per anchor)"));
    bench::print(QStringLiteral("palette check (PaletteCheck::check), %1 off").arg(off), check,
                 QStringLiteral("ms"), QStringLiteral("(<= 16 ms)"));
    bench::print(QStringLiteral("a frame measured: placed, box, palette check, overlays set"),
                 shown, QStringLiteral("ms"), QStringLiteral("(<= 16 ms)"));
    bench::print(QStringLiteral("the three overlays painted at zoom 2"), painted,
                 QStringLiteral("ms"), QStringLiteral("(<= 16 ms)"));
    benchLegalize(frame, palette);

    bench::heading(QStringLiteral("the motion plot's measure of %1 frames").arg(moveFrames));
    DirectorSession move = session;
    move.frames.clear();
    for (int i = 0; i < moveFrames; ++i) {
        DirectorFrameState state = session.frames.value(i % DemoRun::frameCount);
        state.frameIndex = i;
        move.frames.insert(i, state);
    }
    QList<MoveMetrics::Job> jobs;
    const double handedOver = bench::medianMs([&] { jobs = MoveMetrics::jobsOf(move); });
    MoveMetrics::Measured measured;
    const double whole =
        bench::medianMs([&] { measured = MoveMetrics::measure(run, jobs, 0, {}); });
    jobs[42].offset += QPoint(1, 0); // one frame nudged
    const double again =
        bench::medianMs([&] { MoveMetrics::measure(run, jobs, 0, measured.known); });
    MotionPlot plot;
    plot.resize(1100, 64);
    int anchorIndex = -1;
    const double anchorFound =
        bench::medianMs([&] { anchorIndex = MoveMetrics::anchorIndex(move); });
    const double drawn = bench::medianMs([&] {
        plot.setFrames(measured.frames);
        plot.setCurrentFrame(4242);
        sink += plot.grab().width() + anchorIndex;
    });
    bench::print(QStringLiteral("GUI thread: the jobs handed over (MoveMetrics::jobsOf)"),
                 handedOver + anchorFound, QStringLiteral("ms"), QStringLiteral("(<= 16 ms)"));
    bench::print(QStringLiteral("GUI thread: the plot given the frames and drawn"), drawn,
                 QStringLiteral("ms"), QStringLiteral("(<= 16 ms)"));
    bench::print(QStringLiteral("pool: every frame decoded and measured"), whole,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("pool: again after one frame changed"), again,
                 QStringLiteral("ms"));
    return sink == 0 && measured.frames.isEmpty() ? 1 : 0;
}
