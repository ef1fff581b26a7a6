#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

// Paths inside one run folder. Paths in the session file and in the run
// folder's JSON are untrusted: they may be run-relative
// ("candidates/frame_0001_attempt_01.png"), prefixed with the pipeline's
// working directory ("runs/<run_id>/candidates/..."), or absolute. Each is
// turned into a run-relative path, and anything that leads outside the run
// folder, or into another run, is refused.
class RunPaths
{
    Q_DECLARE_TR_FUNCTIONS(RunPaths)

public:
    // The run's id is the run folder's name. `runId`, when not empty, is
    // another id the run goes by (the session's runId, which stays the same
    // when the run folder is moved or renamed).
    explicit RunPaths(const QString &runDir, const QString &runId = QString());

    // The run folder, absolute and clean.
    const QString &runDir() const { return m_runDir; }

    // The ids that "runs/<run_id>/..." may name for a path into this run.
    const QStringList &runIds() const { return m_runIds; }

    // A copy that also accepts `runId` in "runs/<run_id>/..." prefixes.
    RunPaths withRunId(const QString &runId) const;

    // The run-relative form of `stored`; Invalid, saying why, when the path is
    // empty, leads outside the run folder or into another run, or is not a
    // plain path. Lexical only: it does not look at the disk.
    Result<QString> toRelative(const QString &stored) const;

    // The absolute path of a run-relative path (no checks).
    QString absolute(const QString &relative) const;

    // For reading a file named in untrusted data: the absolute path of an
    // existing regular file whose real location (symlinks resolved) is inside
    // the run folder; Invalid, saying why, otherwise.
    Result<QString> resolveExistingFile(const QString &stored) const;

    // Ok when `runDir` is a folder; Invalid, saying why it cannot be opened as
    // a run folder (it is not a folder, or its name is not one Qt can open).
    static Outcome checkFolder(const QString &runDir);

private:
    void addRunId(const QString &runId);

    QString m_runDir;
    QStringList m_runIds;
};

// RunPaths::resolveExistingFile for the thousands of files of one read of a
// run folder (RunFolder::read): the real location of each folder is looked up
// once, then each file with one lstat() (or none, for a name its folder's
// listing gave as a regular file: listedAsRegularFile). The answers are those of
// RunPaths::resolveExistingFile, messages included (anything but a regular
// file that is not a link, such as a link, a FIFO or a missing file, is
// answered by it), as long as no folder of the run is replaced by a link
// while it is in use: keep one only for one read.
class RunFileResolver
{
public:
    explicit RunFileResolver(const RunPaths &paths) : m_paths(paths) {}

    const RunPaths &paths() const { return m_paths; }
    Result<QString> resolveExistingFile(const QString &stored);
    // QFileInfo(dir).canonicalFilePath(), looked up once for each `dir`.
    QString realFolder(const QString &dir);
    // The run-relative path `relative` ("candidates/frame_0001_attempt_01.png") was listed by
    // its folder's listing, in this read, as a regular file, not a link (d_type DT_REG): it is
    // taken as one without a further lstat(). A file that changes after the listing is seen
    // as what it has become where it is opened (fstat: the audit, the image's state), and
    // otherwise by the next read of the run (the run watcher's).
    void listedAsRegularFile(const QString &relative);

private:
    RunPaths m_paths;
    QHash<QString, QString> m_realFolders; // absolute folder: its real path, or empty
    QSet<QString> m_listedRegular;         // run-relative
};
