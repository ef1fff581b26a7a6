#pragma once

#include "review/runstatus.h"
#include "storage/sessionlock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One run at a glance, for the start page and `director list`: its move, its frames and how
// many have each status, the state of its session, when it last changed, and who holds it.
// Reading one is cheap and read-only: the session file is read (never written, never
// locked), the lock file only looked at, and only a run without a session has its folder
// read (RunFolder, for the statuses the session would start from).
struct RunSummary
{
    Q_DECLARE_TR_FUNCTIONS(RunSummary)

public:
    enum class SessionState
    {
        None,       // no session yet: nobody has opened the run
        Active,     // a review under way
        Committed,  // approved/ written
        Discarded,  // given up
        Unreadable, // a session file that cannot be read (`problem` says why)
    };

    QString path; // absolute, clean
    QString runId;
    QString moveId;
    int frames = 0;
    FrameCounts counts;
    SessionState sessionState = SessionState::None;
    QString problem; // why the session (or the run folder) cannot be read; else empty
    // The session's lastModified or the run folder's newest file (its lock left out: a run
    // only opened and closed has no activity), whichever is later (a lastModified more than a
    // day ahead of the clock is not taken); invalid when unknown.
    QDateTime lastActivity;
    std::optional<SessionLock::Holder> holder; // another Director has the run open

    // Whether `dir` is a run folder: it holds a session file or one of what the pipeline writes
    // (RunFolder::files and RunFolder::folders). Only names are looked at.
    static bool looksLikeRun(const QString &dir);
    // The run in `runDir` (a folder that looksLikeRun). Never fails: what cannot be read is
    // said in `problem`.
    static RunSummary read(const QString &runDir);
    // The runs in `folder`, each a folder in it that looksLikeRun (or `folder` alone, when it
    // is a run itself), newest activity first.
    static QList<RunSummary> scan(const QString &folder);
    // Newest activity first; runs of equal activity by their folder's name.
    static bool isNewerThan(const RunSummary &a, const RunSummary &b);

    // "none", "active", "committed", "discarded", "unreadable" (`director list --json`).
    static QString stateName(SessionState state);
    // The same, for the operator, in their language.
    static QString stateText(SessionState state);
    // `director list --json`: one run.
    QJsonObject toJson() const;

    bool operator==(const RunSummary &other) const;
};
