#pragma once

#include <QString>

#include <optional>

// Paths inside one run folder. Paths in the session file and in the run
// folder's JSON are untrusted: they may be run-relative
// ("candidates/frame_0001_attempt_01.png"), prefixed with the pipeline's
// working directory ("runs/<run_id>/candidates/..."), or absolute. Each is
// turned into a run-relative path, and anything that leads outside the run
// folder is refused.
class RunPaths
{
public:
    explicit RunPaths(const QString &runDir);

    // The run folder, absolute and clean.
    const QString &runDir() const { return m_runDir; }

    // The run-relative form of `stored`, or nullopt with *error set when the
    // path is empty, leads outside the run folder, or is not a plain path.
    // Lexical only: it does not look at the disk.
    std::optional<QString> toRelative(const QString &stored, QString *error) const;

    // The absolute path of a run-relative path (no checks).
    QString absolute(const QString &relative) const;

    // For reading a file named in untrusted data: the absolute path of an
    // existing regular file whose real location (symlinks resolved) is inside
    // the run folder; nullopt with *error set otherwise.
    std::optional<QString> resolveExistingFile(const QString &stored, QString *error) const;

private:
    QString m_runDir;
};
