#include "commands/command.h"

#include <QCommandLineParser>
#include <QRegularExpression>

Command::Command(const QString &name, const Console &console) : m_name(name), m_console(console) {}

bool Command::opensWindow(const QStringList &) const
{
    return false;
}

int Command::execute(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    addArguments(parser);
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        // "-1" is read as an option: say what it is taken for (a frame index, a count).
        static const QRegularExpression negative(QStringLiteral("^-[0-9]+$"));
        const QStringList unknown = parser.unknownOptionNames();
        for (const QString &argument : arguments.mid(1)) {
            if (negative.match(argument).hasMatch() && unknown.contains(argument.mid(1, 1)))
                return fail(Outcome::invalid(
                    tr("%1: a negative number is no frame index or count (frames count from 0)")
                        .arg(argument)));
        }
        return fail(Outcome::invalid(parser.errorText()));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_console.print(parser.helpText());
        return 0;
    }
    if (const Outcome once = givenOnce(parser); !once)
        return fail(once);
    // The command's own name is the first positional argument.
    if (const std::optional<int> count = argumentCount();
        count && parser.positionalArguments().size() != *count + 1)
        return fail(wrongArgumentCount());
    return run(parser);
}

void Command::addNameArgument(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(m_name, tr("The command."));
}

void Command::addRunDirArgument(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), tr("The run folder."));
}

void Command::addLanguageOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("lang"),
                      tr("The language of messages and of the window: en, de or a locale such as "
                         "de_DE. By default the language chosen in Director's preferences, else "
                         "the system's."),
                      QStringLiteral("LANG")});
}

Outcome Command::wrongArgumentCount()
{
    return Outcome::invalid(tr("wrong number of arguments; see --help"));
}

int Command::fail(const Outcome &outcome) const
{
    m_console.error(outcome.message());
    return outcome.exitCode();
}

Outcome Command::givenOnce(const QCommandLineParser &parser)
{
    const QStringList names = parser.optionNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.indexOf(names.at(i), i + 1) > i)
            return Outcome::invalid(tr("--%1 is given more than once").arg(names.at(i)));
    }
    return Outcome::ok();
}
