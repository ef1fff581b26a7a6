#include "commands/validatecommand.h"

#include "run/runpaths.h"
#include "session/sessioncodec.h"
#include "storage/boundedread.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

ValidateCommand::ValidateCommand(const Console &console)
    : Command(QStringLiteral("validate"), console)
{}

QString ValidateCommand::description() const
{
    return tr("Check a session file. Every problem is printed on stderr with its JSON path; "
              "exit code 0 when the file is valid, 1 otherwise. Writes nothing.");
}

void ValidateCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The session file."));
    addLanguageOption(parser);
}

int ValidateCommand::run(const QCommandLineParser &parser)
{
    const QString path = parser.positionalArguments().at(1);
    const QString name = QDir::toNativeSeparators(path);
    QByteArray data;
    if (const Outcome read = BoundedRead::sessionFile(path, &data); !read)
        return fail(read);
    // Paths in the file are checked against the folder the file is in: its run folder.
    const RunPaths paths(QFileInfo(path).absolutePath());
    const SessionDecodeResult result = SessionCodec::decode(data, &paths);
    for (const SessionProblem &note : result.notes)
        console().printError(tr("%1: note: %2").arg(name, note.toString()) + QLatin1Char('\n'));
    for (const SessionProblem &error : result.errors)
        console().printError(QStringLiteral("%1: %2").arg(name, error.toString()) +
                             QLatin1Char('\n'));
    if (!result.isOk())
        return 1;
    console().print(
        tr("%1: valid session (%n frame(s))", nullptr, int(result.session->frames.size()))
            .arg(name) +
        QLatin1Char('\n'));
    return 0;
}
