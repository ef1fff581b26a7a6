#include "commands/commitcommand.h"

#include "commands/recoveroption.h"
#include "commands/sessionchange.h"
#include "review/sessionmanager.h"

#include <QCommandLineParser>
#include <QDir>

CommitCommand::CommitCommand(const Console &console) : Command(QStringLiteral("commit"), console) {}

QString CommitCommand::description() const
{
    return tr("Write the approved frames, nudges applied, to approved/ and mark the session "
              "committed. Refused unless every frame is APPROVED.");
}

void CommitCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addOption(RecoverOption::option());
    addLanguageOption(parser);
}

int CommitCommand::run(const QCommandLineParser &parser)
{
    SessionManager manager;
    if (const Outcome opened = SessionChange::open(manager, parser); !opened)
        return fail(opened);
    if (const Outcome committed = manager.commitSession(); !committed)
        return fail(committed);
    const CommitInfo &info = *manager.session().commitInfo;
    console().print(
        tr("Committed %n frame(s) to %1 (%2 nudged, %3 patched).", nullptr, info.approvedCount)
            .arg(QDir::toNativeSeparators(manager.runDir() + QStringLiteral("/approved")))
            .arg(info.nudgedCount)
            .arg(info.patchedCount) +
        QLatin1Char('\n'));
    return 0;
}
