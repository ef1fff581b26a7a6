#include "commands/statuscommand.h"

#include "commands/framecommand.h"
#include "review/cachedrun.h"
#include "session/reasoncodes.h"

#include "review/runstatus.h"
#include "review/sessionmanager.h"
#include "review/statuscache.h"
#include "run/runfingerprint.h"
#include "storage/sessionstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>

namespace {

const QString noCacheName = QStringLiteral("no-cache");

QString line(const QString &text)
{
    return text + QLatin1Char('\n');
}

} // namespace

StatusCommand::StatusCommand(const Console &console) : Command(QStringLiteral("status"), console) {}

QString StatusCommand::description() const
{
    return tr("Summary of a run and its session. Writes nothing.");
}

void StatusCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addOption({jsonName, tr("Print one JSON object.")});
    parser.addOption({noCacheName, tr("Read the whole run, even when it is unchanged since the "
                                      "last status (which is then told again from the user's "
                                      "cache folder).")});
    addLanguageOption(parser);
}

int StatusCommand::run(const QCommandLineParser &parser)
{
    const QString runDir = parser.positionalArguments().at(1);
    const auto print = [&](const RunStatus &status) {
        if (parser.isSet(jsonName)) {
            console().print(line(
                QString::fromUtf8(QJsonDocument(status.toJson()).toJson(QJsonDocument::Compact))));
        } else {
            console().print(text(status));
        }
        return 0;
    };
    // An unchanged run is told as it was last time (StatusCache, RunFingerprint): the run's
    // metadata instead of its every file. The fingerprint vouches only for what was settled
    // before the run (and its session file) began to be read, so that what changes meanwhile
    // makes the next one differ. Only for a run given as its real folder (CachedRun).
    const CachedRun cache(runDir);
    const bool cached = !parser.isSet(noCacheName) && cache.applies();
    const StatusCache &statusCache = cache.statusCache();
    const QString &givenAs = cache.givenAs();
    const QString &realDir = cache.realDir();
    SessionManager manager;
    std::unique_ptr<SessionManager::Opening> opening =
        manager.beginOpening(runDir, SessionManager::Access::ReadOnly);
    // When the session file changed since the status kept (a review went on: the common
    // change), the run is fingerprinted beside the session file's load instead, below. Only
    // which comes first: a kept status is told for its fingerprint alone.
    const QString sessionPath = cached ? SessionStore(realDir).sessionPath() : QString();
    if (cached && statusCache.mayHold(realDir, sessionPath)) {
        const RunFingerprint::Parts &fingerprint =
            opening->fingerprint.emplace(RunFingerprint::parts(realDir));
        if (fingerprint.whole) {
            if (const std::optional<RunStatus> kept =
                    statusCache.find(realDir, *fingerprint.whole, givenAs))
                return print(*kept);
        }
        // The status a review left (`director frame`, the window: CachedRun, StatusKeeper):
        // told while the run's part is as it was read and the session file is the one saved.
        const std::optional<QByteArray> session = SessionStore::fileStamp(sessionPath);
        if (fingerprint.run && session) {
            if (const std::optional<RunStatus> kept =
                    statusCache.findSaved(realDir, *fingerprint.run, *session, givenAs))
                return print(*kept);
        }
    }
    opening->shareRun = false; // a process that ends with the status
    // The run's own files as read last time when only the session changed since (RunReadCache,
    // told by the run's part of the fingerprint, taken before they are read).
    if (cached)
        cache.readThrough(*opening);
    SessionManager::prepareOpening(*opening);
    const std::optional<RunFingerprint::Parts> fingerprint = opening->fingerprint;
    if (const Outcome open = manager.finishOpening(std::move(opening)); !open)
        return fail(open);
    const RunStatus status = RunStatus::of(manager);
    if (fingerprint && fingerprint->whole)
        statusCache.keep(realDir, *fingerprint->whole, status);
    return print(status);
}

QString StatusCommand::text(const RunStatus &status)
{
    const DirectorSession &session = status.session();
    QString text;
    text +=
        line(tr("Run:      %1 (%2)").arg(session.runId, QDir::toNativeSeparators(status.runDir())));
    text +=
        line(tr("Move:     %1").arg(session.moveId.isEmpty() ? tr("(unknown)") : session.moveId));
    if (!status.hasSessionFile()) {
        text += line(tr("Session:  none yet (it is created when the run is opened for review)"));
    } else {
        text += line(
            tr("Session:  %1, %2, last saved %3")
                .arg(session.sessionId, sessionStatusName(session.status), session.lastModified));
    }
    QStringList parts;
    for (FrameStatus frameStatus : allFrameStatuses) {
        parts.append(QStringLiteral("%1 %2")
                         .arg(status.counts().count(frameStatus))
                         .arg(frameStatusName(frameStatus)));
    }
    text += line(
        tr("Frames:   %1: %2").arg(status.counts().total()).arg(parts.join(QStringLiteral(", "))));
    text += line(tr("Operator: %1 nudged, %2 with notes").arg(status.nudged()).arg(status.noted()));
    text += attempts(status);
    text += rejected(status);
    if (session.commitInfo) {
        text += line(tr("Commit:   %1 approved, %2 nudged, %3 patched at %4")
                         .arg(session.commitInfo->approvedCount)
                         .arg(session.commitInfo->nudgedCount)
                         .arg(session.commitInfo->patchedCount)
                         .arg(session.commitInfo->timestamp));
    }
    if (status.lastModifiedAhead()) {
        text += line(tr("Note:     the session was last saved at %1 by its own account, more than "
                        "a day ahead of this computer's clock; its next change records the time "
                        "now.")
                         .arg(session.lastModified));
    }
    if (status.newsChanged() > 0 || status.newsAdded() > 0) {
        text += line(tr("News:     the pipeline changed %n frame(s) and added %1 since the session "
                        "was saved; shown above, taken in by the next change or when the run is "
                        "opened",
                        nullptr, status.newsChanged())
                         .arg(status.newsAdded()));
    }
    for (const QString &missing : status.missing())
        text += line(tr("Missing:  %1").arg(missing));
    for (const QString &leftOut : status.leftOut())
        text += line(tr("Left out: %1").arg(leftOut));
    return text;
}

QString StatusCommand::attempts(const RunStatus &status)
{
    QStringList older;
    const QMap<int, RunStatus::ImageAttempt> &attempts = status.imageAttempts();
    for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
        if (it->attempt < it->newest) {
            older.append(tr("frame %1 shows attempt %2 (its newest is %3)")
                             .arg(it.key())
                             .arg(it->attempt)
                             .arg(it->newest));
        }
    }
    if (attempts.isEmpty())
        return QString();
    if (older.isEmpty())
        return line(tr("Attempts: no frame shows an older attempt than its newest"));
    return line(tr("Attempts: %1").arg(older.join(QStringLiteral("; "))));
}

QString StatusCommand::rejected(const RunStatus &status)
{
    QString text;
    for (const RunStatus::Rejected &frame : status.rejected()) {
        const Verdict &verdict = frame.verdict;
        QString why = FrameCommand::reasonText(verdict);
        if (verdict.reasonCode) {
            const ReasonCodes::Description code = ReasonCodes::describe(*verdict.reasonCode);
            why.replace(0, verdict.reasonCode->size(),
                        tr("%1 (%2)").arg(*verdict.reasonCode, code.title));
        }
        text += line(why.isEmpty() ? tr("Rejected: frame %1 by %2 at %3, no reason given")
                                         .arg(frame.frameIndex)
                                         .arg(verdict.reviewer, verdict.timestamp)
                                   : tr("Rejected: frame %1 by %2 at %3: %4")
                                         .arg(frame.frameIndex)
                                         .arg(verdict.reviewer, verdict.timestamp, why));
    }
    return text;
}
