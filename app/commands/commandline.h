#pragma once

#include "commands/command.h"

#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

// director's command line (README.md, "Commands"): which command the arguments name, and the
// language they ask for. main() reads both before any command parses its arguments, to
// create the right kind of application and to speak the language from the first message on
// (--help included).
class CommandLine
{
public:
    // The command's name: the first argument after the program that is not --lang or its
    // value; empty when there is none.
    static QString commandName(const QStringList &arguments);
    // The value of --lang (--lang LANG or --lang=LANG) wherever it is, or nothing when it is
    // not given (or given without a value, which the command's parser then reports).
    static std::optional<QString> languageArgument(const QStringList &arguments);

    // Every command, writing to `console`: the headless ones, demo, and the review window
    // (OpenCommand, which has no name).
    static std::vector<std::unique_ptr<Command>> commands(const Console &console = Console());
    // The command these arguments run: the one they name, else the review window (director
    // [RUN_DIR]: its parser then reports what it cannot take).
    static std::unique_ptr<Command> command(const QStringList &arguments,
                                            const Console &console = Console());
    // True when these arguments open the review window (and so need a QApplication and a
    // display): "director [RUN_DIR]" and "director demo" without --no-gui; never --help or
    // --version.
    static bool opensWindow(const QStringList &arguments);
};
