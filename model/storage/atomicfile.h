#pragma once

#include "core/outcome.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class BatchSync;

// Writes a whole file so that, whatever happens, the path holds either its
// old content or the new one, and the new one survives a power cut once
// write() returns Ok:
//   QSaveFile (on Linux an unnamed O_TMPFILE; fdatasync at commit; rename)
//   + a check that every byte was written (on a full disk Qt 6.4 can keep a
//     cut-off file and still commit)
//   + an fdatasync of our own before the commit, whose failure is reported
//     (Qt 6.4's commit ignores a failing sync and renames anyway)
//   + fsync of the directory after the rename, which Qt 6.4 does not do.
class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    enum class Step
    {
        Open,
        Write,
        Commit,
        SyncDirectory
    };

    // *replaced (when given) tells whether the path holds the new content
    // afterwards: true on success, and also when only the directory sync
    // failed, after the rename.
    // afterReplace (when given) runs once the new file is in place, before
    // the folder is synced, so that one sync makes its renames durable too.
    static Outcome write(const QString &path, const QByteArray &data, bool *replaced = nullptr,
                         const std::function<void()> &afterReplace = {});
    // The same, the content given as `parts` one after the other, written
    // with as few system calls as they allow (writev), never copied into one
    // buffer.
    static Outcome write(const QString &path, const QList<QByteArrayView> &parts,
                         bool *replaced = nullptr, const std::function<void()> &afterReplace = {});

    // A piece of a file's content: `bytes`, or, with `fileAt` >= 0, `length` bytes of a source
    // file from `fileAt`.
    struct Piece
    {
        QByteArrayView bytes;
        qint64 fileAt = -1;
        qint64 length = 0;
        qint64 size() const { return fileAt >= 0 ? length : bytes.size(); }
    };
    // What a write of pieces reads and gives back besides the file.
    struct Pieces
    {
        QList<Piece> parts;
        // The file the pieces with a `fileAt` are in: a descriptor open for reading, or -1.
        // They are copied in the kernel (copy_file_range), never through a buffer of ours but
        // where the kernel cannot (then 1 MiB at a time). It must hold them: a source shorter
        // than a piece is a failed write.
        int source = -1;
        // When set: a new descriptor, open for reading, of the file written (the caller closes
        // it), or -1 when none could be had; for a later write to take pieces from it.
        int *readBack = nullptr;
        // When set: asked once every piece is written and synced, before the file replaces the
        // one at the path; false fails the write (the source changed while it was copied).
        std::function<bool()> sourceUnchanged;
    };
    // The same, the content given as `pieces`.
    static Outcome write(const QString &path, const Pieces &pieces, bool *replaced = nullptr,
                         const std::function<void()> &afterReplace = {});
    static bool syncDirectory(const QString &dirPath);

    // Writes a new file (the path must not exist) and syncs its data, for a
    // file that a later rename puts in place: no temporary name, no folder
    // sync (the folder it is renamed into is synced after the rename). A file
    // that could not be written whole is removed. The fault hook applies
    // (Open, Write; Commit is asked after the data's sync).
    static Outcome writeStaged(const QString &path, const QByteArray &data);
    // The same without the sync: the file's data is written, and its
    // descriptor handed to `batch`, whose syncAll() makes it durable with the
    // others (see BatchSync). A file that could not be written whole is
    // removed. The fault hook applies (Open, Write; Commit is asked when the
    // file is handed over).
    static Outcome writeStaged(const QString &path, const QByteArray &data, BatchSync &batch);

    // Test seam: when set, the hook is asked before each step and the step
    // fails as a full disk (Write: only part of the data is written), a
    // failing rename (Commit) or a failing sync would fail when it returns
    // true. A hook that takes its time before answering false is a slow disk
    // (Commit is asked after the data's sync, SyncDirectory before the
    // folder's). Tests set it and reset it with {}; it may be called on any
    // thread.
    using FaultHook = std::function<bool(Step step, const QString &path)>;
    static void setFaultHook(FaultHook hook);
};
