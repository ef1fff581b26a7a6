#include "commands/patchcommand.h"

#include "audit/movemetrics.h"
#include "audit/palettecheck.h"
#include "commands/recoveroption.h"
#include "commands/sessionchange.h"
#include "patch/inpaintprovider.h"
#include "patch/inpaintrequest.h"
#include "patch/palettelegalize.h"
#include "patch/patchmaker.h"
#include "patch/patchmask.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "session/reviewer.h"

#include <QCommandLineParser>
#include <QDir>

namespace {

const QString fromName = QStringLiteral("from");
const QString promptName = QStringLiteral("prompt");
const QString revertName = QStringLiteral("revert");
const QString maskName = QStringLiteral("mask");
const QString providerName = QStringLiteral("provider");
const QString timeoutName = QStringLiteral("timeout");
const QString legalizeName = QStringLiteral("legalize");
const QString alphaName = QStringLiteral("alpha");

// The prompt a --legalize patch is recorded with (README, Command line).
QString legalizePrompt(PaletteLegalize::Alpha alpha)
{
    return alpha == PaletteLegalize::Alpha::Snap ? QStringLiteral("legalize palette, snap alpha")
                                                 : QStringLiteral("legalize palette");
}

} // namespace

PatchCommand::PatchCommand(const Console &console) : Command(QStringLiteral("patch"), console) {}

QString PatchCommand::description() const
{
    return tr("Patch one frame, or revert it to its original image, through the session's "
              "rules, lock and atomic save. The patch's image and a mask of exactly the pixels "
              "it changed are written to patches/ in the run.");
}

void PatchCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addPositionalArgument(QStringLiteral("INDEX"), tr("The frame index (0, 1, ...)."));
    parser.addOption({fromName,
                      tr("Make this PNG (the size of the frame's image) the frame's new patch."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {promptName, tr("What the patch fixes, kept with it."), QStringLiteral("TEXT")});
    parser.addOption({legalizeName, tr("Make the frame's image, every colour off the run's palette "
                                       "replaced by the nearest palette colour, its new patch.")});
    parser.addOption({alphaName,
                      tr("With --legalize: keep partial alpha as it is (keep, the default) or "
                         "make it whole (snap)."),
                      QStringLiteral("keep|snap")});
    parser.addOption({revertName, tr("Take the frame back to the image its patches were made on "
                                     "(the patches stay in its history).")});
    addInpaintArguments(parser);
    parser.addOption(RecoverOption::option());
    addLanguageOption(parser);
}

Outcome PatchCommand::checkWay(const QCommandLineParser &parser)
{
    const int ways = int(parser.isSet(fromName)) + int(parser.isSet(legalizeName)) +
                     int(parser.isSet(maskName)) + int(parser.isSet(revertName));
    if (ways == 0)
        return Outcome::invalid(
            tr("nothing to do: give --from FILE, --legalize, --mask MASK or --revert"));
    if (ways > 1)
        return Outcome::invalid(tr("give only one of --from, --legalize, --mask and --revert"));
    if (parser.isSet(promptName) && !parser.isSet(fromName) && !parser.isSet(maskName))
        return Outcome::invalid(tr("--prompt goes with a patch from a file or a provider "
                                   "(--from or --mask)"));
    if ((parser.isSet(providerName) || parser.isSet(timeoutName)) && !parser.isSet(maskName))
        return Outcome::invalid(tr("--provider and --timeout go with --mask"));
    if (parser.isSet(alphaName) && !parser.isSet(legalizeName))
        return Outcome::invalid(tr("--alpha goes with --legalize"));
    if (parser.isSet(alphaName) && !alphaOf(parser))
        return Outcome::invalid(
            tr("--alpha is keep or snap, not \"%1\"").arg(parser.value(alphaName)));
    return Outcome::ok();
}

std::optional<PaletteLegalize::Alpha> PatchCommand::alphaOf(const QCommandLineParser &parser)
{
    const QString alpha = parser.value(alphaName);
    if (alpha.isEmpty() || alpha == u"keep")
        return PaletteLegalize::Alpha::Keep;
    if (alpha == u"snap")
        return PaletteLegalize::Alpha::Snap;
    return std::nullopt;
}

int PatchCommand::run(const QCommandLineParser &parser)
{
    const Result<int> given = SessionChange::frameIndex(parser);
    if (!given)
        return fail(given.outcome());
    const int index = *given;
    if (const Outcome way = checkWay(parser); !way)
        return fail(way);
    SessionManager manager;
    if (const Outcome opened = SessionChange::open(manager, parser); !opened)
        return fail(opened);
    if (const Outcome there = SessionChange::checkFrame(manager, index); !there)
        return fail(there);
    const Outcome done = parser.isSet(revertName)
                             ? manager.applyFrameEdit(index, FrameEdit::revertToOriginal())
                         : parser.isSet(legalizeName) ? legalize(manager, index, *alphaOf(parser))
                         : parser.isSet(maskName)     ? inpaint(manager, index, parser)
                                                      : fromFile(manager, index, parser);
    if (!done)
        return fail(done);
    const DirectorFrameState frame = *manager.getFrameState(index);
    console().print(tr("frame %1: %2, image %3\n")
                        .arg(index)
                        .arg(frameStatusName(frame.status), frame.finalImagePath()));
    return 0;
}

PatchMaker::Apply PatchCommand::applyTo(SessionManager &manager)
{
    // A patch that approves a frame is a verdict: by the name set in Preferences.
    return [&manager](int frame, FrameEdit edit) {
        edit.reviewer = Reviewer::current();
        return manager.applyFrameEdit(frame, edit);
    };
}

Outcome PatchCommand::fromFile(SessionManager &manager, int index, const QCommandLineParser &parser)
{
    const QString path = QDir::fromNativeSeparators(parser.value(fromName));
    const Result<QImage> image = ImageLoader::load(path);
    if (!image)
        return Outcome::invalid(
            tr("%1 cannot be used as a patch: %2")
                .arg(QDir::toNativeSeparators(path), image.outcome().message()));
    qsizetype changed = 0;
    const Outcome made = PatchMaker::make(manager.runDir(), *manager.getFrameState(index), *image,
                                          parser.value(promptName), applyTo(manager), &changed);
    if (made)
        console().print(tr("%n pixel(s) changed\n", nullptr, int(changed)));
    return made;
}

void PatchCommand::addInpaintArguments(QCommandLineParser &parser)
{
    parser.addOption({maskName,
                      tr("Have an inpainting provider repaint the white pixels of this PNG (the "
                         "frame's size), with --prompt, and make the result the frame's new "
                         "patch (docs/provider.md)."),
                      QStringLiteral("MASK")});
    parser.addOption({providerName,
                      tr("The inpainting provider's command line (default: the setting %1, "
                         "else %2 next to director).")
                          .arg(InpaintProvider::settingsKey, InpaintProvider::bundledName),
                      QStringLiteral("CMD")});
    parser.addOption({timeoutName,
                      tr("Stop the provider after this many seconds (default %1).")
                          .arg(InpaintProvider::defaultTimeoutSeconds),
                      QStringLiteral("SECONDS")});
}

Outcome PatchCommand::inpaint(SessionManager &manager, int index, const QCommandLineParser &parser)
{
    std::chrono::milliseconds timeout =
        std::chrono::seconds(InpaintProvider::defaultTimeoutSeconds);
    if (parser.isSet(timeoutName)) {
        bool ok = false;
        const double seconds = parser.value(timeoutName).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 24 * 3600)
            return Outcome::invalid(tr("--timeout takes seconds, more than 0 and at most a day"));
        timeout = std::chrono::milliseconds(qint64(seconds * 1000));
    }
    const Result<InpaintRequest> built =
        InpaintRequest::fromSession(manager.runDir(), manager.session(), index);
    if (!built)
        return built.outcome();
    InpaintRequest request = *built;
    const Result<QImage> mask =
        PatchMask::load(QDir::fromNativeSeparators(parser.value(maskName)), request.frame.size());
    if (!mask)
        return mask.outcome();
    request.mask = *mask;
    request.prompt = parser.value(promptName);
    InpaintProvider provider(InpaintProvider::defaultCommand(parser.value(providerName)), timeout);
    const Result<QImage> patched = provider.run(request);
    if (!patched)
        return patched.outcome();
    qsizetype changed = 0;
    const Outcome made = PatchMaker::make(manager.runDir(), *manager.getFrameState(index), *patched,
                                          request.prompt, applyTo(manager), &changed);
    if (made)
        console().print(
            tr("%n pixel(s) repainted by the inpainting provider\n", nullptr, int(changed)));
    return made;
}

Result<PaletteCheck::Palette> PatchCommand::palette(SessionManager &manager)
{
    FrameImages images(&manager);
    const int anchor = MoveMetrics::anchorIndex(manager.session());
    const PaletteCheck::RunPalette run =
        PaletteCheck::ofRun(manager.runDir(), [&images, anchor] { return images.placed(anchor); });
    if (run.fromFile)
        return run.colours;
    const QString problem =
        run.fileProblem.isEmpty() ? QString() : tr("palette.json: %1; ").arg(run.fileProblem);
    if (run.colours.isEmpty())
        return Outcome::failed(tr("%1the anchor, frame %2, has no colour to take a palette from")
                                   .arg(problem)
                                   .arg(anchor));
    if (!problem.isEmpty())
        console().printError(tr("%1the anchor's colours are used\n").arg(problem));
    return run.colours;
}

Outcome PatchCommand::legalize(SessionManager &manager, int index, PaletteLegalize::Alpha alpha)
{
    const DirectorFrameState frame = *manager.getFrameState(index);
    const Result<QImage> image = PatchMaker::currentImage(manager.runDir(), frame);
    if (!image)
        return image.outcome();
    const Result<PaletteCheck::Palette> colours = palette(manager);
    if (!colours)
        return colours.outcome();
    const Result<PaletteLegalize::Legalized> legal =
        PaletteLegalize::legalize(*image, *colours, alpha);
    if (!legal)
        return legal.outcome();
    if (legal->changed.isEmpty())
        return Outcome::refused(alpha == PaletteLegalize::Alpha::Snap
                                    ? tr("frame %1 has no pixel off the palette and no partial "
                                         "alpha: nothing to legalize")
                                          .arg(index)
                                    : tr("frame %1 has no pixel off the palette: nothing to "
                                         "legalize")
                                          .arg(index));
    const Outcome made = PatchMaker::make(manager.runDir(), frame, legal->image,
                                          legalizePrompt(alpha), applyTo(manager));
    if (made)
        console().print(tr("%n pixel(s) recoloured, ", nullptr, int(legal->recoloured)) +
                        tr("%n alpha edge(s) snapped\n", nullptr, int(legal->alphaSnapped)));
    return made;
}
