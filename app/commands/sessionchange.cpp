#include "commands/sessionchange.h"

#include "commands/recoveroption.h"
#include "review/cachedrun.h"
#include "review/sessionmanager.h"

#include <QCommandLineParser>

namespace {

// `outcome`, the same kind (and so the same exit code), told with another message.
Outcome retold(const Outcome &outcome, const QString &message)
{
    switch (outcome.kind()) {
    case Outcome::Kind::Ok:
        return Outcome::ok();
    case Outcome::Kind::Invalid:
        return Outcome::invalid(message);
    case Outcome::Kind::Failed:
        return Outcome::failed(message);
    case Outcome::Kind::Refused:
        return Outcome::refused(message);
    case Outcome::Kind::Locked:
        return Outcome::locked(message);
    }
    return Outcome::failed(message);
}

} // namespace

Outcome SessionChange::open(SessionManager &manager, const QCommandLineParser &parser,
                            const CachedRun *cache)
{
    SessionManager::Recovery recovery = SessionManager::Recovery::None;
    if (const Outcome recover = RecoverOption::parse(parser, &recovery); !recover)
        return recover;
    // initializeOrResume(), its run read through the cache when one is given.
    std::unique_ptr<SessionManager::Opening> opening = manager.beginOpening(
        parser.positionalArguments().at(1), SessionManager::Access::ReadWrite, recovery);
    if (cache)
        cache->readThrough(*opening);
    SessionManager::prepareOpening(*opening);
    const Outcome opened = manager.finishOpening(std::move(opening));
    if (!opened) {
        // An unreadable session file: the operator chooses what to do with it.
        if (manager.lastLoad().isUnreadable()) {
            return retold(opened, opened.message() + QLatin1Char('\n') +
                                      tr("Run again with --recover=backup or --recover=new to "
                                         "choose."));
        }
        return opened;
    }
    // What the pipeline wrote since the session was saved is taken in first, as the window
    // does when it opens the run: the same rules, its own atomic save.
    if (!manager.isReadOnly()) {
        if (const Outcome news = manager.ingestRun(); !news)
            return retold(news,
                          tr("The pipeline's news could not be taken in: %1").arg(news.message()));
    }
    return Outcome::ok();
}

Result<int> SessionChange::frameIndex(const QCommandLineParser &parser)
{
    const QString argument = parser.positionalArguments().at(2);
    bool isNumber = false;
    const int index = argument.toInt(&isNumber);
    if (!isNumber || index < 0)
        return Outcome::invalid(tr("\"%1\" is not a frame index").arg(argument));
    return index;
}

Outcome SessionChange::checkFrame(const SessionManager &manager, int index)
{
    if (!manager.getFrameState(index))
        return Outcome::invalid(tr("there is no frame %1 in this run").arg(index));
    return Outcome::ok();
}
