#include "commands/reportcommand.h"

#include "report/reportexport.h"
#include "review/runstatus.h"
#include "review/sessionmanager.h"

#include <QCommandLineParser>

namespace {

const QString htmlName = QStringLiteral("html");
const QString markdownName = QStringLiteral("md");
const QString thumbnailName = QStringLiteral("thumbnail");

} // namespace

ReportCommand::ReportCommand(const Console &console) : Command(QStringLiteral("report"), console) {}

QString ReportCommand::description() const
{
    return tr("Write the review report of a run: the run and its session, the counts, and every "
              "frame as commit would write it with its status, notes, nudge, patches and audit. "
              "As standalone HTML (the images inside it), JSON and/or Markdown. Writes nothing "
              "in the run folder unless a report is named there.");
}

void ReportCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addOption({htmlName,
                      tr("Write the report to FILE as one HTML file that stands alone: the "
                         "frames' images inside it, no scripts."),
                      QStringLiteral("FILE")});
    parser.addOption({jsonName,
                      tr("Write the report's facts to FILE as JSON (no images: the frames' files "
                         "in the run); - for standard output."),
                      QStringLiteral("FILE")});
    parser.addOption({markdownName,
                      tr("Write the summary and a table of the frames to FILE as Markdown (no "
                         "images); - for standard output."),
                      QStringLiteral("FILE")});
    parser.addOption({thumbnailName,
                      tr("The side of the frames' pictures in the HTML, in pixels (default 128): "
                         "a frame is scaled up by a whole factor, nearest neighbour."),
                      QStringLiteral("PIXELS")});
    addLanguageOption(parser);
}

int ReportCommand::run(const QCommandLineParser &parser)
{
    ReportOptions options;
    if (const Outcome asked = optionsFrom(parser, &options); !asked)
        return fail(asked);
    const QString runDir = parser.positionalArguments().at(1);
    SessionManager manager;
    if (const Outcome opened = manager.initializeOrResume(runDir, SessionManager::Access::ReadOnly);
        !opened)
        return fail(opened);
    // The session as status shows it: with the pipeline's news.
    const RunStatus status = RunStatus::of(manager);
    QStringList written;
    QByteArray toStdout;
    if (const Outcome exported =
            ReportExport::write({manager.runDir(), status.session(), status.missing(),
                                 status.leftOut(), status.hasSessionFile()},
                                options, &written, &toStdout);
        !exported)
        return fail(exported);
    if (!toStdout.isEmpty()) {
        // The report is the output: the files written are told on stderr.
        console().print(QString::fromUtf8(toStdout));
        for (const QString &line : std::as_const(written))
            console().printError(line + QLatin1Char('\n'));
        return 0;
    }
    for (const QString &line : std::as_const(written))
        console().print(line + QLatin1Char('\n'));
    return 0;
}

Outcome ReportCommand::optionsFrom(const QCommandLineParser &parser, ReportOptions *options)
{
    const QList<std::pair<QString, QString *>> files = {{htmlName, &options->htmlPath},
                                                        {jsonName, &options->jsonPath},
                                                        {markdownName, &options->markdownPath}};
    for (const auto &[name, path] : files) {
        *path = parser.value(name);
        if (parser.isSet(name) && path->isEmpty())
            return Outcome::invalid(tr("--%1 needs a file name").arg(name));
    }
    if (parser.isSet(thumbnailName)) {
        bool isNumber = false;
        options->thumbnailSide = parser.value(thumbnailName).toInt(&isNumber);
        if (!isNumber || options->thumbnailSide < 1 || options->thumbnailSide > 4096) {
            return Outcome::invalid(tr("--thumbnail: \"%1\" is not a number of pixels from 1 "
                                       "to 4096")
                                        .arg(parser.value(thumbnailName)));
        }
    }
    if (options->jsonPath == ReportExport::stdoutName() &&
        options->markdownPath == ReportExport::stdoutName())
        return Outcome::invalid(tr("Only one report can go to standard output."));
    // The paths are checked against the run folder once it is known (ReportExport::check).
    return Outcome::ok();
}
