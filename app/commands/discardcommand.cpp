#include "commands/discardcommand.h"

#include "commands/recoveroption.h"
#include "commands/sessionchange.h"
#include "review/cachedrun.h"
#include "review/sessionmanager.h"

#include <QCommandLineParser>

DiscardCommand::DiscardCommand(const Console &console) : Command(QStringLiteral("discard"), console)
{}

QString DiscardCommand::description() const
{
    return tr("Mark the session discarded. The file stays; nothing in approved/ is written.");
}

void DiscardCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addOption(RecoverOption::option());
    addLanguageOption(parser);
}

int DiscardCommand::run(const QCommandLineParser &parser)
{
    SessionManager manager;
    const CachedRun cache(parser.positionalArguments().at(1));
    if (const Outcome opened = SessionChange::open(manager, parser, &cache); !opened)
        return fail(opened);
    if (const Outcome discarded = manager.discardSession(); !discarded)
        return fail(discarded);
    console().print(tr("Session %1 discarded.").arg(manager.session().sessionId) +
                    QLatin1Char('\n'));
    CachedRun::keepStatus(manager); // for the next `director status`
    return 0;
}
