#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <optional>

class QCommandLineParser;
class SessionManager;

// The headless commands of director (see README.md, "Commands"):
//   director RUN_DIR | demo | status | validate | frame | commit | discard
// Exit codes: 0 success; 1 invalid input or failed operation; 2 refused by
// the rules; 3 the session is locked by another running Director.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // True when these arguments open the review window (and so need a
    // QApplication and a display): "director [RUN_DIR]" and "director demo"
    // without --no-gui.
    static bool opensWindow(const QStringList &arguments);
    // The value of --lang (--lang LANG or --lang=LANG) wherever it is, or nothing when it is
    // not given (or given without a value, which the command's parser then reports). main()
    // reads it before any parser exists, so that --help is in that language too.
    static std::optional<QString> languageArgument(const QStringList &arguments);

    int run(const QStringList &arguments);

private:
    // The command: the first argument after the program that is not --lang or its value.
    static QString commandName(const QStringList &arguments);
    // The error for an option given more than once; empty when none is.
    static QString givenTwice(const QCommandLineParser &parser);
    // Options every command takes (--lang).
    static void addCommonOptions(QCommandLineParser &parser);

    int open(const QStringList &arguments);
    int demo(const QStringList &arguments);
    int status(const QStringList &arguments);
    int validate(const QStringList &arguments);
    int frame(const QStringList &arguments);
    int commit(const QStringList &arguments);
    int discard(const QStringList &arguments);

    // Parses the arguments of one command; false (with the exit code in
    // *exitCode) when they are wrong or --help was asked for.
    bool parse(QCommandLineParser &parser, const QStringList &arguments, int positionalCount,
               int *exitCode);
    // Opens the run read-write for a change, honouring --recover.
    int openForChange(SessionManager &manager, const QCommandLineParser &parser,
                      const QString &runDir);
    int printStatus(const SessionManager &manager, bool json);
    int fail(int exitCode, const QString &message);
    // commit and discard: parse RUN_DIR and --recover, open the run for a
    // change, then run `change` on it.
    int changeSession(const QStringList &arguments, const QString &description,
                      const std::function<int(SessionManager &)> &change);
    // Shows the review window on a run and runs the event loop.
    int showWindow(const QString &runDir, const QString &recover);
};
