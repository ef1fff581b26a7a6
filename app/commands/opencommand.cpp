#include "commands/opencommand.h"

#include "commands/recoveroption.h"
#include "mainwindow.h"
#include "startpage.h"

#include <QApplication>
#include <QCommandLineParser>

OpenCommand::OpenCommand(const Console &console) : Command(QString(), console) {}

QString OpenCommand::description() const
{
    QString text =
        tr("Director: review the frames of a sprite animation run.\n\n"
           "Commands:\n"
           "  director RUN_DIR                 open the review window (on a run)\n"
           "  director demo [DIR] [--no-gui]   write the demo run into DIR and open it\n"
           "  director status RUN_DIR [--json] summary of a run and its session\n"
           "  director validate FILE           check a session file\n"
           "  director frame RUN_DIR INDEX [--status S] [--nudge DX,DY] [--clear-nudge] "
           "[--note TEXT]\n"
           "  director commit RUN_DIR          write approved/ and mark the session committed\n"
           "  director discard RUN_DIR         mark the session discarded\n\n"
           "Exit codes: 0 success, 1 invalid input or failed operation, 2 refused by the "
           "rules, 3 the session is locked by another running Director.");
    // Commands added later have a line of their own, before the exit codes (the text's last
    // paragraph), so that the list above keeps its translations.
    const QString preview =
        tr("  director preview RUN_DIR [--sheet FILE.png] [--columns N] [--animation FILE.webp] "
           "[--fps N] [--approved-only]\n"
           "                                   the move as commit would write it, as a sprite "
           "sheet and an animation\n");
    const QString patch =
        tr("  director patch RUN_DIR INDEX (--from FILE [--prompt TEXT] | --legalize "
           "[--alpha keep|snap] | --mask MASK.png --prompt TEXT [--provider CMD] "
           "[--timeout SECONDS] | --revert)\n"
           "                                   patch one frame, or revert it to its original "
           "image\n");
    const QString list =
        tr("  director [RUNS_DIR]              the start page: every run in a folder of runs\n"
           "  director list RUNS_DIR [--json]  every run in a folder of runs, newest first\n"
           "  director unlock RUN_DIR --holder PID@HOST\n"
           "                                   take over the lock a crashed computer left\n");
    const QString report =
        tr("  director report RUN_DIR [--html FILE] [--json FILE|-] [--md FILE|-]\n"
           "                                   the review report: the run, the counts, every "
           "frame as commit would write it\n");
    const qsizetype lastParagraph = text.lastIndexOf(QLatin1String("\n\n"));
    text.insert(lastParagraph < 0 ? text.size() : lastParagraph + 1,
                preview + patch + list + report);
    // Options added to a command later go into its synopsis the same way (option names are
    // never translated).
    text.replace(QLatin1String("INDEX [--status S]"),
                 QLatin1String("INDEX [--attempt N] [--status S]"));
    text.replace(QLatin1String("[--clear-nudge] [--note TEXT]\n"),
                 QLatin1String("[--clear-nudge] [--note TEXT]\n"
                               "                               [--reason CODE] [--reason-text "
                               "TEXT] [--reviewer NAME]\n"));
    return text;
}

bool OpenCommand::opensWindow(const QStringList &) const
{
    return true;
}

void OpenCommand::addArguments(QCommandLineParser &parser) const
{
    parser.addVersionOption();
    addLanguageOption(parser);
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), tr("The run folder to open."),
                                 QStringLiteral("[RUN_DIR]"));
    parser.addPositionalArgument(
        QStringLiteral("RUNS_DIR"),
        tr("Or a folder of runs, for the start page: every run in it at a glance. Without an "
           "argument, the start page shows the folder of the run opened last."),
        QStringLiteral("| [RUNS_DIR]"));
    parser.addOption(
        RecoverOption::option(tr("When the session file cannot be read: \"backup\" restores the "
                                 "backup, \"new\" starts a new review; the bad file is kept "
                                 "aside.")));
}

int OpenCommand::run(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("version"))) {
        console().print(QStringLiteral("director ") + QCoreApplication::applicationVersion() +
                        QLatin1Char('\n'));
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        console().printError(parser.helpText());
        return 1;
    }
    SessionManager::Recovery recovery = SessionManager::Recovery::None;
    if (const Outcome recover = RecoverOption::parse(parser, &recovery); !recover)
        return fail(recover);
    const QString dir = parser.positionalArguments().value(0);
    // No run given, or a folder of runs: the start page, every run at a glance.
    if (dir.isEmpty()) {
        QString why;
        const QString folder = StartPage::defaultFolder(&why);
        return showStartPage(folder, why);
    }
    if (StartPage::isFolderOfRuns(dir))
        return showStartPage(dir, QString());
    return showWindow(dir, recovery);
}

int OpenCommand::showStartPage(const QString &folder, const QString &why)
{
    StartPage page;
    page.setFolder(folder, why);
    page.show();
    return QApplication::exec();
}

int OpenCommand::showWindow(const QString &runDir, SessionManager::Recovery recovery)
{
    MainWindow window;
    window.show();
    if (!runDir.isEmpty())
        window.startOpening(runDir, SessionManager::Access::ReadWrite, recovery);
    return QApplication::exec();
}
