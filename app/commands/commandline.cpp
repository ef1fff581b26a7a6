#include "commands/commandline.h"

#include "commands/commitcommand.h"
#include "commands/democommand.h"
#include "commands/discardcommand.h"
#include "commands/framecommand.h"
#include "commands/listcommand.h"
#include "commands/opencommand.h"
#include "commands/patchcommand.h"
#include "commands/previewcommand.h"
#include "commands/reportcommand.h"
#include "commands/statuscommand.h"
#include "commands/unlockcommand.h"
#include "commands/validatecommand.h"

namespace {

const QString languageFlag = QStringLiteral("--lang");
const QString languagePrefix = QStringLiteral("--lang=");

} // namespace

QString CommandLine::commandName(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == languageFlag)
            ++i; // and its value
        else if (!argument.startsWith(languagePrefix))
            return argument;
    }
    return QString();
}

std::optional<QString> CommandLine::languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (argument == languageFlag) {
            if (i + 1 < arguments.size())
                return arguments.at(i + 1);
            return std::nullopt;
        }
        if (argument.startsWith(languagePrefix))
            return argument.mid(languagePrefix.size());
    }
    return std::nullopt;
}

std::vector<std::unique_ptr<Command>> CommandLine::commands(const Console &console)
{
    std::vector<std::unique_ptr<Command>> all;
    all.push_back(std::make_unique<OpenCommand>(console));
    all.push_back(std::make_unique<DemoCommand>(console));
    all.push_back(std::make_unique<StatusCommand>(console));
    all.push_back(std::make_unique<ListCommand>(console));
    all.push_back(std::make_unique<UnlockCommand>(console));
    all.push_back(std::make_unique<ValidateCommand>(console));
    all.push_back(std::make_unique<FrameCommand>(console));
    all.push_back(std::make_unique<CommitCommand>(console));
    all.push_back(std::make_unique<DiscardCommand>(console));
    all.push_back(std::make_unique<PreviewCommand>(console));
    all.push_back(std::make_unique<PatchCommand>(console));
    all.push_back(std::make_unique<ReportCommand>(console));
    return all;
}

std::unique_ptr<Command> CommandLine::command(const QStringList &arguments, const Console &console)
{
    const QString name = commandName(arguments);
    for (std::unique_ptr<Command> &command : commands(console)) {
        if (!command->name().isEmpty() && command->name() == name)
            return std::move(command);
    }
    return std::make_unique<OpenCommand>(console);
}

bool CommandLine::opensWindow(const QStringList &arguments)
{
    // --help and --version print, whatever the command.
    for (const char *option : {"--help", "-h", "--version", "-v"}) {
        if (arguments.contains(QLatin1String(option)))
            return false;
    }
    return command(arguments)->opensWindow(arguments);
}
