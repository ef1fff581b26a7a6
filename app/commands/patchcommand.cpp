#include "commands/patchcommand.h"

#include "commands/recoveroption.h"
#include "commands/sessionchange.h"
#include "patch/inpaintprovider.h"
#include "patch/inpaintrequest.h"
#include "patch/patchmaker.h"
#include "patch/patchmask.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"

#include <QCommandLineParser>
#include <QDir>

namespace {

const QString fromName = QStringLiteral("from");
const QString promptName = QStringLiteral("prompt");
const QString revertName = QStringLiteral("revert");
const QString maskName = QStringLiteral("mask");
const QString providerName = QStringLiteral("provider");
const QString timeoutName = QStringLiteral("timeout");

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
    parser.addOption({revertName, tr("Take the frame back to the image its patches were made on "
                                     "(the patches stay in its history).")});
    addInpaintArguments(parser);
    parser.addOption(RecoverOption::option());
    addLanguageOption(parser);
}

Outcome PatchCommand::checkWay(const QCommandLineParser &parser)
{
    const int ways =
        int(parser.isSet(fromName)) + int(parser.isSet(revertName)) + int(parser.isSet(maskName));
    if (ways == 0)
        return Outcome::invalid(tr("nothing to do: give --from FILE, --mask MASK or --revert"));
    if (ways > 1)
        return Outcome::invalid(tr("give one of --from, --mask and --revert"));
    if (parser.isSet(promptName) && parser.isSet(revertName))
        return Outcome::invalid(tr("--prompt goes with a patch (--from or --mask)"));
    if ((parser.isSet(providerName) || parser.isSet(timeoutName)) && !parser.isSet(maskName))
        return Outcome::invalid(tr("--provider and --timeout go with --mask"));
    return Outcome::ok();
}

int PatchCommand::run(const QCommandLineParser &parser)
{
    const QString indexArgument = parser.positionalArguments().at(2);
    bool isNumber = false;
    const int index = indexArgument.toInt(&isNumber);
    if (!isNumber || index < 0)
        return fail(Outcome::invalid(tr("\"%1\" is not a frame index").arg(indexArgument)));
    if (const Outcome way = checkWay(parser); !way)
        return fail(way);
    SessionManager manager;
    if (const Outcome opened = SessionChange::open(manager, parser); !opened)
        return fail(opened);
    if (!manager.getFrameState(index))
        return fail(Outcome::invalid(tr("there is no frame %1 in this run").arg(index)));
    const Outcome done = parser.isSet(revertName)
                             ? manager.applyFrameEdit(index, FrameEdit::revertToOriginal())
                         : parser.isSet(maskName) ? inpaint(manager, index, parser)
                                                  : fromFile(manager, index, parser);
    if (!done)
        return fail(done);
    const DirectorFrameState frame = *manager.getFrameState(index);
    console().print(tr("frame %1: %2, image %3\n")
                        .arg(index)
                        .arg(frameStatusName(frame.status), frame.finalImagePath()));
    return 0;
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
    const auto apply = [&manager](int frame, const FrameEdit &edit) {
        return manager.applyFrameEdit(frame, edit);
    };
    const Outcome made = PatchMaker::make(manager.runDir(), *manager.getFrameState(index), *image,
                                          parser.value(promptName), apply, &changed);
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
    const auto apply = [&manager](int frame, const FrameEdit &edit) {
        return manager.applyFrameEdit(frame, edit);
    };
    const Outcome made = PatchMaker::make(manager.runDir(), *manager.getFrameState(index), *patched,
                                          request.prompt, apply, &changed);
    if (made)
        console().print(
            tr("%n pixel(s) repainted by the inpainting provider\n", nullptr, int(changed)));
    return made;
}
