#include "run/runsummary.h"

#include "run/runfolder.h"
#include "session/timestamps.h"
#include "storage/sessionstore.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace {

// The newest time a file or folder in the run was written (a folder's time changes when a file
// is added to it or renamed into it: the pipeline's latest file, cheaply). Not the lock's, nor the
// run folder's own time (which its lock's coming and going changes): a run opened and closed again,
// with nothing changed, had no activity.
QDateTime newestFileTime(const QString &runDir, const QString &lockName)
{
    QDateTime newest;
    const QFileInfoList entries =
        QDir(runDir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName() == lockName)
            continue;
        const QDateTime time = entry.lastModified().toUTC();
        if (time.isValid() && (!newest.isValid() || time > newest))
            newest = time;
    }
    // An empty run (the pipeline has only made its folder): when it was made.
    return newest.isValid() ? newest : QFileInfo(runDir).lastModified().toUTC();
}

RunSummary::SessionState stateOf(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Active:
        break;
    case SessionStatus::Committed:
        return RunSummary::SessionState::Committed;
    case SessionStatus::Discarded:
        return RunSummary::SessionState::Discarded;
    }
    return RunSummary::SessionState::Active;
}

// What the run folder says when there is no session to say it: the statuses the session would
// start from.
void readFolder(RunSummary &summary)
{
    RunFolder::Contents contents;
    if (const Outcome read = RunFolder::read(summary.path, &contents); !read) {
        summary.problem = read.message();
        return;
    }
    summary.runId = contents.manifest.runId;
    summary.moveId = contents.manifest.moveId;
    QMap<int, DirectorFrameState> frames;
    for (const DirectorFrameState &frame : std::as_const(contents.frames))
        frames.insert(frame.frameIndex, frame);
    summary.counts = FrameCounts::of(frames);
    summary.frames = summary.counts.total();
}

void readSession(RunSummary &summary, const DirectorSession &session)
{
    summary.runId = session.runId;
    summary.moveId = session.moveId;
    summary.counts = FrameCounts::of(session.frames);
    summary.frames = summary.counts.total();
    summary.sessionState = stateOf(session.status);
    const std::optional<QDateTime> saved = Timestamps::parse(session.lastModified);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Another computer's clock may be a little fast; a year 9999 would stay on top for ever.
    if (saved && !Timestamps::isFarAhead(*saved, now) &&
        (!summary.lastActivity.isValid() || *saved > summary.lastActivity))
        summary.lastActivity = saved->toUTC();
}

} // namespace

bool RunSummary::looksLikeRun(const QString &dir)
{
    const QDir folder(dir);
    if (QFileInfo::exists(folder.filePath(QStringLiteral("director_session.json"))))
        return true;
    for (const char *file : RunFolder::files) {
        if (QFileInfo::exists(folder.filePath(QString::fromLatin1(file))))
            return true;
    }
    for (const char *sub : RunFolder::folders) {
        if (QFileInfo(folder.filePath(QString::fromLatin1(sub))).isDir())
            return true;
    }
    return false;
}

RunSummary RunSummary::read(const QString &runDir)
{
    RunSummary summary;
    summary.path = QDir::cleanPath(QDir(runDir).absolutePath());
    summary.runId = QFileInfo(summary.path).fileName();
    // load() reads the file and remembers what it read; it never writes or locks anything.
    SessionStore store(summary.path);
    summary.lastActivity = newestFileTime(summary.path, QFileInfo(store.lockPath()).fileName());
    summary.holder = SessionLock::holderOf(summary.path);
    const SessionStore::LoadResult loaded = store.load();
    if (loaded.state == SessionStore::LoadState::Loaded && loaded.session) {
        readSession(summary, *loaded.session);
    } else if (loaded.state == SessionStore::LoadState::Missing) {
        readFolder(summary);
    } else {
        readFolder(summary);
        summary.sessionState = SessionState::Unreadable;
        summary.problem = loaded.message;
    }
    return summary;
}

QList<RunSummary> RunSummary::scan(const QString &folder)
{
    QList<RunSummary> runs;
    if (looksLikeRun(folder)) {
        runs.append(read(folder));
        return runs;
    }
    const QFileInfoList entries =
        QDir(folder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (looksLikeRun(entry.filePath()))
            runs.append(read(entry.filePath()));
    }
    std::stable_sort(runs.begin(), runs.end(), isNewerThan);
    return runs;
}

bool RunSummary::isNewerThan(const RunSummary &a, const RunSummary &b)
{
    if (a.lastActivity != b.lastActivity) {
        if (!b.lastActivity.isValid())
            return true;
        if (!a.lastActivity.isValid())
            return false;
        return a.lastActivity > b.lastActivity;
    }
    return a.path < b.path;
}

QString RunSummary::stateName(SessionState state)
{
    switch (state) {
    case SessionState::None:
        break;
    case SessionState::Active:
        return QStringLiteral("active");
    case SessionState::Committed:
        return QStringLiteral("committed");
    case SessionState::Discarded:
        return QStringLiteral("discarded");
    case SessionState::Unreadable:
        return QStringLiteral("unreadable");
    }
    return QStringLiteral("none");
}

QString RunSummary::stateText(SessionState state)
{
    switch (state) {
    case SessionState::None:
        break;
    case SessionState::Active:
        return tr("active");
    case SessionState::Committed:
        return tr("committed");
    case SessionState::Discarded:
        return tr("discarded");
    case SessionState::Unreadable:
        return tr("unreadable");
    }
    return tr("none yet");
}

QJsonObject RunSummary::toJson() const
{
    QJsonObject run;
    run.insert(QStringLiteral("runId"), runId);
    run.insert(QStringLiteral("path"), path);
    run.insert(QStringLiteral("moveId"), moveId);
    run.insert(QStringLiteral("frames"), frames);
    QJsonObject statusCounts;
    for (FrameStatus status : allFrameStatuses)
        statusCounts.insert(frameStatusName(status), counts.count(status));
    run.insert(QStringLiteral("counts"), statusCounts);
    run.insert(QStringLiteral("sessionStatus"), stateName(sessionState));
    if (!problem.isEmpty())
        run.insert(QStringLiteral("problem"), problem);
    if (lastActivity.isValid())
        run.insert(QStringLiteral("lastActivity"), Timestamps::format(lastActivity));
    if (holder) {
        run.insert(QStringLiteral("holder"),
                   QJsonObject{{QStringLiteral("host"), holder->host},
                               {QStringLiteral("pid"), holder->pid},
                               {QStringLiteral("application"), holder->application}});
    }
    return run;
}

bool RunSummary::operator==(const RunSummary &other) const
{
    return path == other.path && runId == other.runId && moveId == other.moveId &&
           frames == other.frames && counts == other.counts && sessionState == other.sessionState &&
           problem == other.problem && lastActivity == other.lastActivity && holder == other.holder;
}
