#pragma once

#include "run/runfolder.h"
#include "session/directorsession.h"
#include "session/framestatus.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

class SessionManager;

// How many frames have each status: `director status` counts them all, the window's status
// bar the approved, warned and failed ones.
class FrameCounts
{
public:
    static FrameCounts of(const QMap<int, DirectorFrameState> &frames);

    int count(FrameStatus status) const;
    int total() const { return m_total; }

    bool operator==(const FrameCounts &) const = default;

    // The counts of toJson()'s "counts" member (RunStatus::fromJson).
    static FrameCounts fromJson(const QJsonObject &counts);

private:
    std::array<int, allFrameStatuses.size()> m_counts{};
    int m_total = 0;
};

// What `director status` reports about a run (README.md, "Pipeline integration"): the session
// as the pipeline's news would make it, since status never writes and so shows what it has
// not taken in yet, and counts it; what the run folder lacks and what it holds that no
// session takes.
class RunStatus
{
public:
    // The run open in `manager` (read-only or not), at the clock's time now.
    static RunStatus of(const SessionManager &manager);
    // The same of a session and its run folder as read (`runDir` as given to the manager;
    // `unsaved`: the session has no file yet), on any thread.
    static RunStatus of(const DirectorSession &session, const RunFolder::Contents &run,
                        const QString &runDir, bool unsaved);

    QString runDir() const { return m_runDir; }
    // The session as the news would make it; a status told again (fromJson) holds its
    // members but not its frames, which counts() and the lists below are about.
    const DirectorSession &session() const { return m_session; }
    int frameCount() const { return m_frameCount; }
    // False while the run has no session file yet (status on a run nobody opened).
    bool hasSessionFile() const { return m_hasSessionFile; }
    const FrameCounts &counts() const { return m_counts; }
    int nudged() const { return m_nudged; }
    int noted() const { return m_noted; }
    // Frames the pipeline changed and added since the session was saved (already counted).
    int newsChanged() const { return m_newsChanged; }
    int newsAdded() const { return m_newsAdded; }
    // The session's lastModified is more than a day ahead of the clock.
    bool lastModifiedAhead() const { return m_lastModifiedAhead; }
    const QStringList &missing() const { return m_missing; }
    const QStringList &leftOut() const { return m_leftOut; }

    // Which attempt a frame's image is (its candidate), and the newest attempt of the frame
    // that has an image: `attempt` is older than `newest` when the operator chose an older
    // one ("Use This Attempt", `director frame --attempt`).
    struct ImageAttempt
    {
        int attempt = 0;
        int newest = 0;
    };
    // By frame index, the frames whose image is one of their attempts' candidates.
    const QMap<int, ImageAttempt> &imageAttempts() const { return m_imageAttempts; }

    // The frames an operator rejected (AUDIT_FAIL with the operator's verdict), in frame
    // order, each with its verdict: who, when and why, so that a retry can target them.
    // Frames the audit failed without an operator's verdict are counted, not listed.
    struct Rejected
    {
        int frameIndex = 0;
        Verdict verdict;
    };
    const QList<Rejected> &rejected() const { return m_rejected; }

    // `director status --json`: a contract with the pipeline. Every member, its name and its
    // value as README.md describes them; a member is only ever added.
    QJsonObject toJson() const;

    // The status again from what toJson() and summaryJson() wrote, for the run folder `runDir`
    // (as the command was given it) at the clock's time now: the same status, its text and
    // JSON the same, but for lastModifiedAhead(), which is told again by the clock. None when
    // `summary` is not such a summary.
    static std::optional<RunStatus> fromJson(const QJsonObject &summary, const QString &runDir);
    // toJson() and what only the text tells (the commit's time): all fromJson() needs.
    QJsonObject summaryJson() const;

private:
    QString m_runDir;
    DirectorSession m_session;
    int m_frameCount = 0;
    bool m_hasSessionFile = false;
    FrameCounts m_counts;
    int m_nudged = 0;
    int m_noted = 0;
    int m_newsChanged = 0;
    int m_newsAdded = 0;
    bool m_lastModifiedAhead = false;
    QStringList m_missing;
    QStringList m_leftOut;
    QMap<int, ImageAttempt> m_imageAttempts;
    QList<Rejected> m_rejected;
};
