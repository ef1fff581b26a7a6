#pragma once

#include "commands/console.h"
#include "core/outcome.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QCommandLineParser;

// One command of director's command line (README.md, "Commands"): its name, what its --help
// says, its arguments and options, and what it does. execute() parses the arguments, runs the
// command and returns its exit code: 0 success; 1 invalid input or failed operation; 2
// refused by the rules; 3 the session is locked by another running Director. What it prints
// goes to its Console.
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Command)

public:
    virtual ~Command() = default;
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    // The name on the command line ("status"); empty for the review window (director [RUN_DIR]).
    const QString &name() const { return m_name; }
    // What the command does, as its --help says it.
    virtual QString description() const = 0;
    // Whether running these arguments opens the review window, and so needs a QApplication
    // and a display.
    virtual bool opensWindow(const QStringList &arguments) const;

    // `arguments` as QCoreApplication::arguments() gives them: the program first.
    int execute(const QStringList &arguments);

protected:
    Command(const QString &name, const Console &console);

    // --json, which several commands take.
    static inline const QString jsonName = QStringLiteral("json");

    // The command's positional arguments and options, in the order --help lists them, --lang
    // (addLanguageOption) among them; --help comes after them.
    virtual void addArguments(QCommandLineParser &parser) const = 0;
    // How many arguments follow the command's name, when that is fixed: another number is an
    // error before run(). Nothing when run() checks them itself.
    virtual std::optional<int> argumentCount() const { return std::nullopt; }
    // The command's work, on arguments that parsed, with --help answered.
    virtual int run(const QCommandLineParser &parser) = 0;

    // The command's own name, its first positional argument.
    void addNameArgument(QCommandLineParser &parser) const;
    // RUN_DIR, the run folder, the positional argument after the name.
    static void addRunDirArgument(QCommandLineParser &parser);
    // --lang, which every command takes (main() reads it: CommandLine::languageArgument).
    static void addLanguageOption(QCommandLineParser &parser);
    static Outcome wrongArgumentCount();

    const Console &console() const { return m_console; }
    // Tells what went wrong ("director: <message>") and returns the exit code for it.
    int fail(const Outcome &outcome) const;

private:
    // QCommandLineParser takes the last of two values silently: a command that would mean two
    // things (--note a --note b) is refused instead.
    static Outcome givenOnce(const QCommandLineParser &parser);

    QString m_name;
    Console m_console;
};
