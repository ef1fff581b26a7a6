#pragma once

#include "review/sessionmanager.h"
#include "review/statuscache.h"
#include "run/runfingerprint.h"
#include "run/runreadcache.h"

#include <QString>

#include <optional>

// A run read through the user's cache folder (README.md, "Pipeline integration"): the run's own
// files as RunReadCache kept them while the run's part of its RunFingerprint is unchanged, and
// the status a change leaves, kept for the next `director status` (StatusCache::keepSaved). The
// commands that change a session and `director status` open their run this way, and so does
// the window (with StatusKeeper).
// Only for a run given as its real folder: what a status tells depends on the path it was given
// (without a run id, the run is named after its folder; the run's own paths are checked against
// it), and a link could lead elsewhere by the time the run is read.
class CachedRun
{
public:
    // `runDir`: the run folder as it was given.
    explicit CachedRun(const QString &runDir);

    // Whether the run was given as its real folder, and so goes through the cache.
    bool applies() const { return m_applies; }
    const QString &realDir() const { return m_realDir; }
    // The run folder as given (RunStatus::runDir(), SessionManager::runDir()).
    const QString &givenAs() const { return m_givenAs; }
    const StatusCache &statusCache() const { return m_statusCache; }

    // The opening reads its run through RunReadCache (when applies()), under the run's part of
    // the opening's fingerprint (SessionManager::Opening::fingerprint): the one given there
    // already (`director status` takes it before it opens, when it may tell a kept status), or
    // else one taken right before the run is read, settled since before the session file began
    // to load beside it. Nothing of this object is used once this returns.
    void readThrough(SessionManager::Opening &opening) const;

    // What StatusCache::keepSaved() keeps of the run open in `manager`: the status the next
    // `director status` would tell, and what it is told by. None when the manager cannot vouch
    // for it: its run not read through the cache (or news taken in from another read of it),
    // its session not saved as it is in memory (SessionManager::savedFileStamp()), the run
    // not given as its real folder, or its JSON naming one of the session's files (which its
    // part of the fingerprint leaves out: RunFolder::Contents::namesSessionFiles).
    // The session and the run are copies of the manager's, taken with the stamp (implicitly
    // shared: nothing is copied whole), so that keepIn() may run on any thread.
    struct Kept
    {
        QString realDir;
        QByteArray runFingerprint;
        QByteArray sessionStamp;
        DirectorSession session;
        RunFolder::Contents run;
        QString runDir;
        bool unsaved = false;

        // Works out the status (RunStatus::of) and keeps it in `cache` (StatusCache::keepSaved):
        // true when it was kept.
        bool keepIn(const StatusCache &cache) const;
    };
    static std::optional<Kept> keepable(const SessionManager &manager);
    // Keeps the status of the run open in `manager`, which saved a change (a command's), when
    // it is keepable().
    static void keepStatus(const SessionManager &manager);

private:
    QString m_givenAs;
    QString m_realDir;
    bool m_applies = false;
    RunReadCache m_runCache;
    StatusCache m_statusCache;
};
