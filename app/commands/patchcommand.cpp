#include "commands/patchcommand.h"

#include "commands/recoveroption.h"
#include "commands/sessionchange.h"
#include "patch/patchmaker.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"

#include <QCommandLineParser>
#include <QDir>

namespace {

const QString fromName = QStringLiteral("from");
const QString promptName = QStringLiteral("prompt");
const QString revertName = QStringLiteral("revert");

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
    parser.addOption(RecoverOption::option());
    addLanguageOption(parser);
}

Outcome PatchCommand::checkWay(const QCommandLineParser &parser)
{
    const int ways = int(parser.isSet(fromName)) + int(parser.isSet(revertName));
    if (ways == 0)
        return Outcome::invalid(tr("nothing to do: give --from FILE or --revert"));
    if (ways > 1)
        return Outcome::invalid(tr("--from and --revert cannot be given together"));
    if (parser.isSet(promptName) && !parser.isSet(fromName))
        return Outcome::invalid(tr("--prompt goes with a patch (--from)"));
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
