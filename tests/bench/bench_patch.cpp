// Patches on a run of 512 px frames (the pipeline's generation size), headless, as the window
// and `director patch` make them: for each way, from the request to the patch recorded (its
// image and mask written, the session saved), the figure the README quotes as the time from
// "Patch" to the patched frame (the stage's paint of it is bench_playback's, a few ms more).
//   - inpainting with the bundled provider (director-inpaint-anchor): a 64×64 mask; the
//     request's files written, the provider run (a process of its own), its answer read;
//   - legalizing the palette (PaletteLegalize) of a frame with pixels off it;
//   - recording a patch (PatchMaker: the files, the mask, the session's save).
// Each patch is reverted after it is measured, so that every run starts from the same frame.

#include "benchutil.h"

#include "audit/palettecheck.h"
#include "patch/inpaintprovider.h"
#include "patch/inpaintrequest.h"
#include "patch/palettelegalize.h"
#include "patch/patchmaker.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>

namespace {

struct Figures
{
    double requestMs = 0;
    double providerMs = 0;
    double recordMs = 0;
    double legalizeMs = 0;
    double legalizeRecordMs = 0;
};

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
    bench::print(QStringLiteral("legalize: the frame's pixels"), med(&Figures::legalizeMs),
                 QStringLiteral("ms"), QStringLiteral("goal <= 16 ms"));
    bench::print(QStringLiteral("legalize: the patch recorded (files, mask, save)"),
                 med(&Figures::legalizeRecordMs), QStringLiteral("ms"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::quietQt();
    QTemporaryDir work;
    if (!work.isValid())
        return 1;
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
    printFigures(all);
    return 0;
}
