#include "commands/previewcommand.h"

#include "preview/previewexport.h"
#include "review/runstatus.h"
#include "review/sessionmanager.h"

#include <QCommandLineParser>

namespace {

const QString sheetName = QStringLiteral("sheet");
const QString columnsName = QStringLiteral("columns");
const QString animationName = QStringLiteral("animation");
const QString fpsName = QStringLiteral("fps");
const QString approvedOnlyName = QStringLiteral("approved-only");

// The whole number the option `name` gives into *value, when it is given.
Outcome numberFrom(const QCommandLineParser &parser, const QString &name, int *value)
{
    if (!parser.isSet(name))
        return Outcome::ok();
    bool isNumber = false;
    *value = parser.value(name).toInt(&isNumber);
    if (!isNumber) {
        return Outcome::invalid(
            PreviewCommand::tr("--%1: \"%2\" is not a whole number").arg(name, parser.value(name)));
    }
    return Outcome::ok();
}

} // namespace

PreviewCommand::PreviewCommand(const Console &console) : Command(QStringLiteral("preview"), console)
{}

QString PreviewCommand::description() const
{
    return tr("Write the move as commit would write it (offsets applied, the latest patches) as a "
              "sprite sheet (PNG) and/or an animated WebP, for the people who are not at the "
              "workstation. Writes nothing in the run folder.");
}

void PreviewCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addOption({sheetName,
                      tr("Write the sprite sheet to FILE (PNG): the frames in index order, left "
                         "to right, then top to bottom, each cell the frame's canvas size, "
                         "transparent where a frame has no image yet."),
                      QStringLiteral("FILE")});
    parser.addOption({columnsName, tr("The sheet's cells a row (default: every frame in one row)."),
                      QStringLiteral("N")});
    parser.addOption({animationName,
                      tr("Write the animation to FILE (animated WebP, lossless, looping); frames "
                         "without an image yet are left out."),
                      QStringLiteral("FILE")});
    parser.addOption({fpsName,
                      tr("The animation's frames a second, %1 to %2 (default %3).")
                          .arg(AnimatedWebp::minFps)
                          .arg(AnimatedWebp::maxFps)
                          .arg(AnimatedWebp::defaultFps),
                      QStringLiteral("N")});
    parser.addOption({approvedOnlyName, tr("Only the APPROVED frames.")});
    addLanguageOption(parser);
}

int PreviewCommand::run(const QCommandLineParser &parser)
{
    PreviewOptions options;
    if (const Outcome asked = optionsFrom(parser, &options); !asked)
        return fail(asked);
    SessionManager manager;
    if (const Outcome opened = manager.initializeOrResume(parser.positionalArguments().at(1),
                                                          SessionManager::Access::ReadOnly);
        !opened)
        return fail(opened);
    // The session as commit would take it: with the pipeline's news, as status shows it.
    const RunStatus status = RunStatus::of(manager);
    QStringList written;
    if (const Outcome exported =
            PreviewExport::write(manager.runDir(), status.session(),
                                 manager.run().manifest.targetSize, options, &written);
        !exported)
        return fail(exported);
    for (const QString &line : std::as_const(written))
        console().print(line + QLatin1Char('\n'));
    return 0;
}

Outcome PreviewCommand::optionsFrom(const QCommandLineParser &parser, PreviewOptions *options)
{
    options->sheetPath = parser.value(sheetName);
    options->animationPath = parser.value(animationName);
    if (parser.isSet(sheetName) && options->sheetPath.isEmpty())
        return Outcome::invalid(tr("--sheet needs a file name"));
    if (parser.isSet(animationName) && options->animationPath.isEmpty())
        return Outcome::invalid(tr("--animation needs a file name"));
    if (const Outcome columns = numberFrom(parser, columnsName, &options->columns); !columns)
        return columns;
    if (const Outcome fps = numberFrom(parser, fpsName, &options->fps); !fps)
        return fps;
    if (parser.isSet(approvedOnlyName))
        options->which = PreviewFrames::Which::ApprovedOnly;
    return PreviewExport::check(*options);
}
