#pragma once

#include "core/outcome.h"
#include "run/runfolder.h"

#include <QByteArray>
#include <QString>

#include <optional>

// What RunFolder::read read of a run, kept for the next read of the same, unchanged run: a file
// per run in the user's cache folder, never in the run. `director status` on a run whose session
// changed since its last status (the common case: a review went on) takes the run's files from
// here instead of reading its thousands of audits and images again (README.md, "Pipeline
// integration").
//
// A kept read is given back only while the run's part of its RunFingerprint is the one it was read
// under, to the same program (CacheFile::programIdentity()), and only as it was kept: the file
// carries a digest of what it holds, and a read is kept only when it reads back equal. Then it is
// the Contents a read would give, but for the times a read makes up for what has none (an attempt
// without a time or a file is given the time of the read), which a status does not tell. A read
// whose run names one of the session's own files (Contents::namesSessionFiles), which that part
// of the fingerprint leaves out, is not kept. A file not written for 30 days goes (a run that
// stayed as it was that long is read once more).
// Keeping is best effort: a cache that cannot be written is no cache, and says nothing.
class RunReadCache
{
public:
    // `folder`: where the files go (made when first needed).
    explicit RunReadCache(QString folder = defaultFolder());

    // The user's cache folder for Director's reads of runs (QStandardPaths::CacheLocation).
    static QString defaultFolder();

    // The read kept for the run folder `runDir` (as given to RunFolder::read) under this run
    // fingerprint (RunFingerprint::Parts::run); none otherwise.
    std::optional<RunFolder::Contents> find(const QString &runDir,
                                            const QByteArray &runFingerprint) const;
    // Keeps `contents`, what RunFolder::read read of `runDir` under this run fingerprint (taken
    // before the read).
    void keep(const QString &runDir, const QByteArray &runFingerprint,
              const RunFolder::Contents &contents) const;

    // RunFolder::read, from this cache when it holds the run under `runFingerprint`; a read
    // that is Ok is then kept. Without a fingerprint (none to trust), RunFolder::read alone.
    Outcome read(const QString &runDir, const std::optional<QByteArray> &runFingerprint,
                 RunFolder::Contents *contents, const RunFolder::Control &control) const;

    // What a kept file holds, and reading it back (for the tests: what is kept is what reads back).
    static QByteArray encode(const RunFolder::Contents &contents);
    static std::optional<RunFolder::Contents> decode(const QByteArray &bytes);
    static bool same(const RunFolder::Contents &a, const RunFolder::Contents &b);

private:
    QString pathFor(const QString &runDir) const;

    QString m_folder;
};
