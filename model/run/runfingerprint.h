#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// What a run folder holds, told by the file system's metadata alone: every entry of the folder
// and of the folders in it, each with its name, inode, mode, size, and modification and
// status-change times to the nanosecond, digested (BLAKE2b). Nothing is opened or read.
//
// Two equal fingerprints say that nothing in the run was written, added, removed, renamed or
// replaced in between: a write changes the file's status-change time, which no program can set
// back (`touch` sets the modification time only). That holds as long as the writes are a
// clock tick apart from the fingerprint, so a fingerprint is only given for a folder that has
// been quiet a while (`settle`: nothing in it changed that recently), as git trusts its index
// only for files older than the index.
//
// None (no fingerprint to trust) for what the metadata cannot vouch for:
//  - a symbolic link anywhere in the run (what it leads to is not the run's to list);
//  - a file system other than a local one Director knows (ext2/3/4, XFS, Btrfs, tmpfs,
//    overlayfs, ZFS, F2FS): a network share's times come from another computer's clock;
//  - a folder that cannot be listed, more than 8 levels deep or more than 4,000,000 entries;
//  - an entry changed within `settle` of now.
//
// The run's part (Parts::run) leaves out what a review writes at the top of the run folder:
// the session's files (their names begin with sessionFilesPrefix, in any case: the session file,
// its backup, its lock, the files a save writes on its way) and the run folder's own times
// (which a save changes; what the folder holds is told by its entries). Equal run parts say
// that what the pipeline wrote (and Director's patches, previews, commits) is unchanged: what
// RunFolder::read reads, unless the run's JSON names one of the session's files
// (RunFolder::Contents::namesSessionFiles). It is given while that part has been quiet
// `settle`, however recently the session was saved.
class RunFingerprint
{
public:
    static constexpr qint64 defaultSettleMs = 2000;
    static constexpr char sessionFilesPrefix[] = "director_session.json";

    struct Parts
    {
        std::optional<QByteArray> whole; // of(): every entry of the run
        std::optional<QByteArray> run;   // the run's part: without the session's files
    };

    static std::optional<QByteArray> of(const QString &runDir, qint64 settleMs = defaultSettleMs);
    // Both in one walk of the run.
    static Parts parts(const QString &runDir, qint64 settleMs = defaultSettleMs);
    // Whether the run folder's entry `name` (at its top) is one of the session's files.
    static bool isSessionFileName(QByteArrayView name);
};
