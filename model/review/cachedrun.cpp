#include "review/cachedrun.h"

#include "review/runstatus.h"
#include "storage/sessionstore.h"

#include <QElapsedTimer>
#include <QFileInfo>

CachedRun::CachedRun(const QString &runDir)
    : m_givenAs(SessionStore(runDir).runDir()), m_realDir(QFileInfo(runDir).canonicalFilePath()),
      m_applies(!m_realDir.isEmpty() && m_realDir == m_givenAs)
{}

void CachedRun::readThrough(SessionManager::Opening &opening) const
{
    if (!m_applies)
        return;
    QElapsedTimer opened;
    opened.start();
    // Called on the thread that prepares the opening, while the session file loads on another;
    // the opening holds it, and so outlives it.
    SessionManager::Opening *const target = &opening;
    opening.readRun = [target, opened, realDir = m_realDir,
                       runCache = m_runCache](const QString &, RunFolder::Contents *contents,
                                              const RunFolder::Control &control) {
        if (!target->fingerprint) {
            // Settled before the session file began to be read (which it may have been for a
            // while already, when no thread was to be had beside it).
            target->fingerprint = RunFingerprint::parts(realDir, RunFingerprint::defaultSettleMs +
                                                                     opened.elapsed() + 1);
        }
        return runCache.read(realDir, target->fingerprint->run, contents, control);
    };
}

std::optional<CachedRun::Kept> CachedRun::keepable(const SessionManager &manager)
{
    // A run whose JSON names one of the session's files: its part of the fingerprint leaves
    // those out, and the session's own saves change what a read of the run finds.
    if (!manager.hasSession() || !manager.runFingerprint() || manager.run().namesSessionFiles)
        return std::nullopt;
    const CachedRun run(manager.runDir());
    if (!run.applies() || manager.runDir() != run.givenAs())
        return std::nullopt;
    const std::optional<QByteArray> stamp = manager.savedFileStamp();
    if (!stamp)
        return std::nullopt;
    return Kept{.realDir = run.realDir(),
                .runFingerprint = *manager.runFingerprint(),
                .sessionStamp = *stamp,
                .session = manager.session(),
                .run = manager.run(),
                .runDir = manager.runDir(),
                .unsaved = manager.isUnsaved()};
}

bool CachedRun::Kept::keepIn(const StatusCache &cache) const
{
    return cache.keepSaved(realDir, runFingerprint, sessionStamp,
                           RunStatus::of(session, run, runDir, unsaved));
}

void CachedRun::keepStatus(const SessionManager &manager)
{
    if (const std::optional<Kept> kept = keepable(manager))
        kept->keepIn(StatusCache());
}
