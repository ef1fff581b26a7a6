#include "commands/unlockcommand.h"

#include "run/runpaths.h"
#include "storage/sessionlock.h"

#include <QCommandLineParser>
#include <QDir>

namespace {

const QString holderName = QStringLiteral("holder");

} // namespace

UnlockCommand::UnlockCommand(const Console &console) : Command(QStringLiteral("unlock"), console) {}

QString UnlockCommand::description() const
{
    return tr("Take over the lock of a run that a Director on a crashed or switched-off computer "
              "left behind. Only when the lock still names the holder given, and that holder "
              "is not a process running on this computer. Make sure Director is not running "
              "there first: two Directors must never write one session.");
}

void UnlockCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addOption({holderName,
                      tr("The holder the lock names, as the refusal said it: PID@HOST."),
                      QStringLiteral("PID@HOST")});
    addLanguageOption(parser);
}

int UnlockCommand::run(const QCommandLineParser &parser)
{
    const QString runDir = parser.positionalArguments().at(1);
    if (const Outcome folder = RunPaths::checkFolder(runDir); !folder)
        return fail(folder);
    const std::optional<SessionLock::Holder> holder = SessionLock::holderOf(runDir);
    if (!parser.isSet(holderName)) {
        return fail(Outcome::invalid(
            holder ? tr("name the holder you take over: --holder %1 (the lock names it now)")
                         .arg(SessionLock::holderName(*holder))
                   : tr("--holder PID@HOST is needed; the run holds no lock of a running "
                        "Director now")));
    }
    const QString given = parser.value(holderName);
    const qsizetype at = given.indexOf(u'@');
    bool isNumber = false;
    SessionLock::Holder expected;
    expected.pid = at > 0 ? given.left(at).toLongLong(&isNumber) : 0;
    expected.host = at > 0 ? given.mid(at + 1) : QString();
    if (!isNumber || expected.host.isEmpty())
        return fail(Outcome::invalid(tr("--holder takes PID@HOST, such as 4242@render-07")));
    if (const Outcome taken = SessionLock::takeOver(runDir, expected); !taken)
        return fail(taken);
    console().print(tr("The lock of %1 (process %2 on %3) is removed: the run opens for writing "
                       "again.")
                        .arg(QDir::toNativeSeparators(runDir))
                        .arg(expected.pid)
                        .arg(expected.host) +
                    QLatin1Char('\n'));
    return 0;
}
