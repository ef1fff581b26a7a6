// Patches on a run of 512 px frames (the pipeline's generation size), headless, as the window
// and `director patch` make them: for each way, from the request to the patch recorded (its
// image and mask written, the session saved), the figure the README quotes as the time from
// "Patch" to the patched frame (the stage's paint of it is bench_playback's, a few ms more).
//   - inpainting with the bundled provider (director-inpaint-anchor): a 64×64 mask; the
//     request's files written, the provider run (a process of its own), its answer read;
//   - legalizing the palette (PaletteLegalize) of a frame with pixels off it;
//   - recording a patch (PatchMaker: the files, the mask, the session's save).
//   - in the real window (offscreen): Paint Mask, a stroke over the hand, and the Patch button
//     clicked, to the stage's first paint of the patched frame; the figure the README quotes as
//     the time from "Patch" to the patched frame on screen.
// Each patch is reverted after it is measured, so that every run starts from the same frame.

#include "benchutil.h"

#include "audit/palettecheck.h"
#include "patch/inpaintprovider.h"
#include "patch/inpaintrequest.h"
#include "patch/palettelegalize.h"
#include "patch/patchmaker.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"

#include "mainwindow.h"
#include "maskbar.h"
#include "stageview.h"
#include "windowactions.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

struct Figures
{
    double requestMs = 0;
    double providerMs = 0;
    double recordMs = 0;
    double legalizeMs = 0;
    double legalizeRecordMs = 0;
    double onScreenMs = 0; // the window: Patch clicked to the stage's paint of the patch
};

// Notes the time of the widget's paints.
class PaintClock : public QObject
{
public:
    explicit PaintClock(QWidget *widget) { widget->installEventFilter(this); }
    QElapsedTimer timer;
    double lastPaintMs = -1;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && timer.isValid())
            lastPaintMs = bench::elapsedMs(timer);
        return false;
    }
};

// In the window: a stroke over frame 5's hand with the mask tool, then Patch clicked; the time
// until the stage paints the patched frame. Ctrl+Z takes the patch back.
bool measureOnScreen(MainWindow &window, Figures &figures)
{
    window.setCurrentFrame(5);
    window.actions().paintMask->trigger();
    StageView *stage = window.stage();
    const int scale = stage->pixelScale(stage->devicePixelRatioF());
    const QSize frame = stage->image().size();
    const auto at = [&](double x, double y) {
        return stage->canvasRect().topLeft() +
               QPoint(int(x * frame.width()), int(y * frame.height())) * scale;
    };
    QWidget *viewport = stage->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, at(0.44, 0.31));
    for (double t = 0; t <= 1.0; t += 0.05)
        QTest::mouseMove(viewport, at(0.44 + 0.12 * t, 0.31 + 0.12 * t));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(0.56, 0.43));
    auto *patch = window.findChild<QPushButton *>(QStringLiteral("maskPatch"));
    if (!patch || !patch->isEnabled())
        return false;
    const qint64 before = stage->image().cacheKey();
    PaintClock clock(viewport);
    clock.timer.start();
    patch->click();
    double shownAt = -1;
    const bool shown = QTest::qWaitFor(
        [&] {
            if (shownAt < 0 && stage->image().cacheKey() != before)
                shownAt = bench::elapsedMs(clock.timer);
            return shownAt >= 0 && clock.lastPaintMs >= shownAt;
        },
        60000);
    figures.onScreenMs = clock.lastPaintMs;
    window.actions().paintMask->trigger();
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    return shown && QTest::qWaitFor([&] {
               return !window.manager()->getFrameState(5)->directorOverrides.isPatched;
           });
}

Outcome applied(SessionManager &manager, int frame, const FrameEdit &edit)
{
    return manager.applyFrameEdit(frame, edit);
}

bool measureInpaint(SessionManager &manager, int frame, Figures &figures)
{
    QElapsedTimer timer;
    timer.start();
    Result<InpaintRequest> request =
        InpaintRequest::fromSession(manager.runDir(), manager.session(), frame);
    if (!request)
        return false;
    request->mask = QImage(request->frame.size(), QImage::Format_ARGB32);
    request->mask.fill(Qt::black);
    QPainter(&request->mask).fillRect(QRect(224, 160, 64, 64), Qt::white);
    request->prompt = QStringLiteral("bench");
    figures.requestMs = bench::elapsedMs(timer);
    timer.start();
    InpaintProvider provider(QStringLiteral(DIRECTOR_INPAINT_ANCHOR));
    const Result<QImage> patched = provider.run(*request);
    figures.providerMs = bench::elapsedMs(timer);
    if (!patched) {
        std::fprintf(stderr, "%s\n", qPrintable(patched.outcome().message()));
        return false;
    }
    timer.start();
    const auto apply = [&manager](int at, const FrameEdit &edit) {
        return applied(manager, at, edit);
    };
    const Outcome made = PatchMaker::make(manager.runDir(), *manager.getFrameState(frame), *patched,
                                          request->prompt, apply);
    figures.recordMs = bench::elapsedMs(timer);
    return made && manager.applyFrameEdit(frame, FrameEdit::revertToOriginal());
}

bool measureLegalize(SessionManager &manager, int frame, Figures &figures)
{
    FrameImages images(&manager);
    const PaletteCheck::Palette palette =
        PaletteCheck::ofRun(manager.runDir(), [&images] { return images.placed(0); }).colours;
    const Result<QImage> image =
        PatchMaker::currentImage(manager.runDir(), *manager.getFrameState(frame));
    if (!image)
        return false;
    QElapsedTimer timer;
    timer.start();
    const Result<PaletteLegalize::Legalized> legal = PaletteLegalize::legalize(*image, palette);
    figures.legalizeMs = bench::elapsedMs(timer);
    if (!legal || legal->changed.isEmpty())
        return false;
    timer.start();
    const auto apply = [&manager](int at, const FrameEdit &edit) {
        return applied(manager, at, edit);
    };
    const Outcome made = PatchMaker::make(manager.runDir(), *manager.getFrameState(frame),
                                          legal->image, QStringLiteral("legalize palette"), apply);
    figures.legalizeRecordMs = bench::elapsedMs(timer);
    return made && manager.applyFrameEdit(frame, FrameEdit::revertToOriginal());
}

void printFigures(const QList<Figures> &all)
{
    const auto med = [&all](double Figures::*field) { return bench::medianOf(all, field); };
    bench::print(QStringLiteral("inpaint: the request (frame, anchor, audit)"),
                 med(&Figures::requestMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("inpaint: the bundled provider, start to answer"),
                 med(&Figures::providerMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("inpaint: the patch recorded (files, mask, save)"),
                 med(&Figures::recordMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("inpaint: Patch to the patch recorded"),
                 med(&Figures::requestMs) + med(&Figures::providerMs) + med(&Figures::recordMs),
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("window: Patch clicked to the patched frame painted"),
                 med(&Figures::onScreenMs), QStringLiteral("ms"));
    bench::print(QStringLiteral("legalize: the frame's pixels"), med(&Figures::legalizeMs),
                 QStringLiteral("ms"), QStringLiteral("goal <= 16 ms"));
    bench::print(QStringLiteral("legalize: the patch recorded (files, mask, save)"),
                 med(&Figures::legalizeRecordMs), QStringLiteral("ms"));
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir settings;
    qputenv("XDG_CONFIG_HOME", settings.path().toLocal8Bit());
    bench::quietQt();
    QApplication app(argc, argv);
    QTemporaryDir work;
    if (!work.isValid())
        return 1;
    QSettings().setValue(InpaintProvider::settingsKey, QStringLiteral(DIRECTOR_INPAINT_ANCHOR));
    std::printf("Director benchmark: patches (medians of %d runs, %d thread(s))\n", bench::runs(),
                QThread::idealThreadCount());
    const QString runDir = work.path() + QStringLiteral("/run");
    if (!bench::makeRun(runDir, 16) || !bench::enlargeFrames(runDir, 512 / DemoRun::frameSize))
        return 1;
    SessionManager manager;
    if (const Outcome opened = manager.initializeOrResume(runDir); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.message()));
        return 1;
    }
    bench::heading(QStringLiteral("A patch of a 512×512 px frame"));
    QList<Figures> all;
    for (int run = 0; run < bench::runs(); ++run) {
        Figures figures;
        if (!measureInpaint(manager, 5, figures) || !measureLegalize(manager, 11, figures))
            return 1;
        all.append(figures);
    }
    manager.close();
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openRun(runDir))
        return 1;
    for (Figures &figures : all)
        if (!measureOnScreen(window, figures)) {
            std::fprintf(stderr, "the patch in the window did not show\n");
            return 1;
        }
    printFigures(all);
    return 0;
}
