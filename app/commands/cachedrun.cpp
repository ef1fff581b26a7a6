#include "commands/cachedrun.h"

#include "review/runstatus.h"
#include "storage/sessionstore.h"

#include <QFileInfo>

CachedRun::CachedRun(const QString &runDir)
    : m_givenAs(SessionStore(runDir).runDir()), m_realDir(QFileInfo(runDir).canonicalFilePath()),
      m_applies(!m_realDir.isEmpty() && m_realDir == m_givenAs)
{}

void CachedRun::readThrough(SessionManager::Opening &opening)
{
    if (!m_applies)
        return;
    m_readThrough = true;
    m_opened.start();
    // Called on the thread that prepares the opening, while the session file loads on another.
    opening.readRun = [this](const QString &, RunFolder::Contents *contents,
                             const RunFolder::Control &control) {
        if (!fingerprint) {
            // Settled before the session file began to be read (which it may have been for a
            // while already, when no thread was to be had beside it).
            fingerprint = RunFingerprint::parts(m_realDir, RunFingerprint::defaultSettleMs +
                                                               m_opened.elapsed() + 1);
        }
        return m_runCache.read(m_realDir, fingerprint->run, contents, control);
    };
}

void CachedRun::keepStatus(const SessionManager &manager) const
{
    if (!m_readThrough || !fingerprint || !fingerprint->run || manager.runDir() != m_givenAs)
        return;
    const std::optional<QByteArray> stamp = manager.savedFileStamp();
    if (!stamp)
        return;
    m_statusCache.keepSaved(m_realDir, *fingerprint->run, *stamp, RunStatus::of(manager));
}
