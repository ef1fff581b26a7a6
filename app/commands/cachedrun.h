#pragma once

#include "review/sessionmanager.h"
#include "review/statuscache.h"
#include "run/runfingerprint.h"
#include "run/runreadcache.h"

#include <QElapsedTimer>
#include <QString>

#include <optional>

// A command's way to a run through the user's cache folder (README.md, "Pipeline integration"):
// the run's own files as RunReadCache kept them while the run's part of its RunFingerprint is
// unchanged, and the status a change leaves, kept for the next `director status` (StatusCache).
// Only for a run given as its real folder: what a command tells depends on the path it was
// given (without a run id, the run is named after its folder; the run's own paths are checked
// against it), and a link could lead elsewhere by the time the run is read.
class CachedRun
{
public:
    // `runDir`: the run folder as the command was given it.
    explicit CachedRun(const QString &runDir);

    // Whether the run was given as its real folder, and so goes through the cache.
    bool applies() const { return m_applies; }
    const QString &realDir() const { return m_realDir; }
    // The run folder as given (RunStatus::runDir()).
    const QString &givenAs() const { return m_givenAs; }
    const StatusCache &statusCache() const { return m_statusCache; }

    // The run's fingerprint: taken by `director status` before it opens the run, when it may
    // tell a kept status; otherwise by readThrough()'s read.
    std::optional<RunFingerprint::Parts> fingerprint;

    // The opening reads its run through RunReadCache (when applies()), under the run's part of
    // the fingerprint, taken first when it is not yet (settled since before the session file
    // began to load beside it). The opening is prepared while this lives.
    void readThrough(SessionManager::Opening &opening);
    // Keeps the status of the run as `manager`, which opened it through readThrough() and
    // saved the command's change, leaves it (StatusCache::keepSaved): nothing when it cannot
    // vouch for it (SessionManager::savedFileStamp(), no fingerprint to trust).
    void keepStatus(const SessionManager &manager) const;

private:
    QString m_givenAs;
    QString m_realDir;
    bool m_applies = false;
    bool m_readThrough = false;
    QElapsedTimer m_opened;
    RunReadCache m_runCache;
    StatusCache m_statusCache;
};
