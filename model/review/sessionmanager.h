#pragma once

#include "commit/commitexporter.h"
#include "core/outcome.h"
#include "core/result.h"
#include "run/runfingerprint.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "session/directorsession.h"
#include "storage/sessionstore.h"

#include <QDateTime>
#include <QFuture>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QRect>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

// Several changes to one frame, saved as one change.
struct FrameEdit
{
    enum class Alignment
    {
        Keep,
        Set,  // the frame's offset becomes alignmentX,alignmentY
        Move, // alignmentX,alignmentY are added to the frame's offset (a nudge further)
        Clear
    };

    std::optional<FrameStatus> status;
    Alignment alignment = Alignment::Keep;
    double alignmentX = 0.0; // the frame's new total offset (Set), or how far to move it (Move)
    double alignmentY = 0.0;
    std::optional<QString> notes; // an empty text removes the notes
    std::optional<PatchHistoryEntry> patch;
    std::optional<int> attempt; // the attemptIndex whose image becomes the frame's
    bool revertPatches = false; // back to the image the patches were made on
    // Who makes the edit: the verdict an operator's status (or a nudge's or patch's approval)
    // records names them; empty: the user logged in (Reviewer::loginName).
    QString reviewer;
    // Why a rejection (status AUDIT_FAIL) is made: a reason code (ReasonCodes::isWellFormed)
    // and/or free text; empty: none. Refused with any other status. A frame AUDIT_FAIL already
    // takes a reason without a change of status: the operator confirms the audit's rejection.
    QString reasonCode;
    QString reason;

    // The edits of one kind: the frame's status (the operator's verdict, made by `reviewer`,
    // for a rejection with its reason), its offset set to (x, y), moved by (dx, dy) or taken
    // away, its notes, a patch added.
    static FrameEdit statusTo(FrameStatus status, const QString &reviewer = QString(),
                              const QString &reasonCode = QString(),
                              const QString &reason = QString());
    static FrameEdit offsetTo(double x, double y);
    static FrameEdit moveBy(double dx, double dy);
    static FrameEdit clearOffset();
    static FrameEdit notesTo(const QString &notes);
    // A patch (FramePatches: imagePath switches to it, a failed or warned frame is approved).
    static FrameEdit addPatch(const PatchHistoryEntry &entry);
    // "Revert to Original" (FramePatches), the history kept.
    static FrameEdit revertToOriginal();
    // The frame's image becomes that attempt's candidate, with the run's audit of it when the
    // run has one (docs/session-file.md, Using another attempt).
    static FrameEdit useAttempt(int attemptIndex);
};

class SessionWriter;

// An edit of a batch that was refused, and why (SessionManager::applyFrameEdits).
struct FrameRefusal
{
    int frameIndex = -1;
    Outcome outcome;
};

// The one owner of the session in memory, with the session interface
// (docs/session-file.md, The session interface). Every change goes:
// validate -> apply to a copy -> save -> adopt the copy -> signal.
//
// Saving is synchronous by default (headless commands: a change that cannot
// be saved is not kept, so memory is never ahead of disk). In the background
// (the window), a change is adopted at once and its snapshot handed to a
// SessionWriter; saveState() says whether every change is durable, being
// saved, or could not be saved (then memory is ahead of disk and says so,
// until a later save succeeds).
class SessionManager : public QObject
{
    Q_OBJECT

public:
    enum class Access
    {
        ReadWrite,
        ReadOnly
    };
    enum class Recovery
    {
        None,          // an unreadable session file is reported, nothing else
        RestoreBackup, // set the unreadable file aside and resume from the backup
        StartNew,      // set the unreadable file aside and start a new session
    };

    enum class Saving
    {
        Synchronous, // a change returns once it is durable, or is not kept
        Background,  // a change returns at once; its save is reported later
    };
    enum class SaveState
    {
        Saved,  // every change is durable
        Saving, // some change is not durable yet, and none failed since
        Failed, // the latest save failed (saveError()); memory is ahead of disk
    };

    explicit SessionManager(QObject *parent = nullptr, Saving saving = Saving::Synchronous);
    // Waits for the last save.
    ~SessionManager() override;

    // Resumes the session of a run folder, or creates it from the run folder
    // when there is none. ReadWrite takes the lock (Locked when another
    // Director has it). ReadOnly never writes: without a session file the
    // session exists in memory only. When the run cannot be opened, the
    // session open before (if any) stays open, lock and all.
    Outcome initializeOrResume(const QString &runDir, Access access = Access::ReadWrite,
                               Recovery recovery = Recovery::None);

    // initializeOrResume() in three steps, for the window, which reads the run off the GUI
    // thread (docs/threads.md, Opening a run); initializeOrResume() is these three in a row.
    //  - beginOpening(), on this manager's thread: finishes the batch and waits for the saves
    //    under way, as initializeOrResume() does first;
    //  - prepareOpening(), on any thread: checks the folder, reads the run folder, takes the
    //    lock (ReadWrite), loads the session file (recovering it as asked; beside the run
    //    folder's read, on a thread of its own, when there is a session file), and creates a
    //    missing session and saves it (unless read-only). It touches nothing of the manager,
    //    only the Opening; once *cancel is set it stops before its next step (before the
    //    lock, the load, the recovery and the save of a new session), and nothing more is
    //    written;
    //  - finishOpening(), on this manager's thread: adopts it (sessionOpened), or returns why
    //    not exactly as initializeOrResume() would (lastLoad(), hasUsableBackup() set as it
    //    sets them), the session open before staying open. dropOpening() instead: nothing
    //    adopted, the lock the opening took given back.
    // When the run is the one open now, its store (which the session writer uses) is the
    // opening's: opensOpenRun() says so, and prepareOpening() must then run on this thread.
    struct Opening;
    std::unique_ptr<Opening> beginOpening(const QString &runDir, Access access = Access::ReadWrite,
                                          Recovery recovery = Recovery::None);
    static void prepareOpening(Opening &opening, const std::atomic_bool *cancel = nullptr);
    Outcome finishOpening(std::unique_ptr<Opening> opening);
    void dropOpening(std::unique_ptr<Opening> opening);
    static bool opensOpenRun(const Opening &opening);

    // A new session for a run, from its manifest and initial frames: a new id, active, created
    // and modified now. Nothing is saved: initializeOrResume() makes a run's session this way
    // when it has none, and saves it before it is adopted (read-only, it stays in memory).
    static Result<DirectorSession> createSession(const QString &runId, const RunManifest &manifest,
                                                 const QList<DirectorFrameState> &frames);

    // The session interface's two edits: the frame's status (through the transition rules), and
    // its overrides as a whole (what differs from the frame's overrides now is checked as
    // strictly as the file is read; what is as it was is kept as it is).
    Outcome updateFrameStatus(int frameIndex, FrameStatus status);
    Outcome updateFrameOverrides(int frameIndex, const DirectorOverrides &overrides);
    // Several changes to one frame as one change (a nudge approves an AUDIT_WARN frame: the
    // operator's review of it, docs/session-file.md, Status transitions).
    Outcome applyFrameEdit(int frameIndex, const FrameEdit &edit);
    // What a batch does when some of its edits are refused.
    enum class Refusals
    {
        ApplyTheRest, // the others are applied; the refused ones are left out and listed
        ApplyNone,    // nothing is applied
    };
    // Several frames' edits as ONE change (the window's selection: one verdict, one nudge):
    // each edit is checked as applyFrameEdit() checks it (rules, overrides), all on one copy of
    // the session, saved once, signalled once (frameChanged for one frame, framesChanged for
    // more). *refused (when given) lists the edits refused, in the order given. Returns the
    // save's outcome; Refused (the first refusal's message) when every edit was refused, or any
    // with ApplyNone; Ok when there was nothing to change.
    // *changed (when given) gets the frames changed, in index order.
    Outcome applyFrameEdits(const QList<std::pair<int, FrameEdit>> &edits,
                            Refusals policy = Refusals::ApplyTheRest,
                            QList<FrameRefusal> *refused = nullptr, QList<int> *changed = nullptr);
    // Saves the frame's state exactly as given (a copy of the session with it, saved, adopted,
    // frameChanged): the last step of every edit. Undo and redo call it directly, without the
    // transition rules (an undo of an approval is not a rejection).
    Outcome saveFrameState(int frameIndex, const DirectorFrameState &state);
    // saveFrameState() of several frames as one change: saved once, signalled once.
    Outcome saveFrameStates(const QList<DirectorFrameState> &states);
    // The session's frames become `frames` as one change (saved once; framesChanged of
    // `changed`, the frames that differ, in index order), in constant time, when they are still
    // the very frames `expected` holds (QMap::isSharedWith: nothing changed them since `expected`
    // was taken from session()). Undo and redo of a batch put the frames back this way. Refused,
    // and nothing changed, when they are not: the caller puts the frames back one by one.
    Outcome replaceFrames(const QMap<int, DirectorFrameState> &expected,
                          const QMap<int, DirectorFrameState> &frames, const QList<int> &changed);
    // Whether the session's frames are still the very frames `expected` holds (see
    // replaceFrames()).
    bool framesAre(const QMap<int, DirectorFrameState> &expected) const;

    // applyFrameEdits() for the window's selection. A batch of at least backgroundBatch
    // verdicts (status changes only; saving in the background) is checked and made on a copy
    // of the frames off the GUI thread (the copy of thousands of frames is most of the work);
    // the GUI thread then adopts it, saves it and signals it as applyFrameEdits() does, and
    // calls `done` with the outcome, the refusals, the frames before (the session's, shared)
    // and the frames changed. Any other batch is applied at once, `done` called before this
    // returns. Meanwhile session() is as before the batch, and every change (and waitForSaves,
    // close, opening a run) first finishes the batch: changes keep the operator's order.
    using BatchDone =
        std::function<void(const Outcome &outcome, const QList<FrameRefusal> &refused,
                           const QMap<int, DirectorFrameState> &before, const QList<int> &changed)>;
    static constexpr qsizetype backgroundBatch = 256;
    void applyFrameEditsInBackground(const QList<std::pair<int, FrameEdit>> &edits, Refusals policy,
                                     const BatchDone &done);
    // A batch is being made off the GUI thread.
    bool isApplyingBatch() const;
    // Waits for the batch under way (if any) and adopts it.
    void finishBatch();

    std::optional<DirectorFrameState> getFrameState(int frameIndex) const;

    // Takes in what the pipeline wrote since the session last looked
    // (RunIngest, from RunWatcher): each change made only when the frame is
    // still as the plan saw it (else the next look sees it again), and each
    // of its steps allowed by the transition rules; the frames the run grew
    // by are added. Saved as one change. The pipeline's doing, not the
    // operator's: nothing is recorded for undo. *changed and *added say how
    // many frames it changed and added.
    Outcome ingest(const RunIngest::Plan &plan, int *changed = nullptr, int *added = nullptr);
    // ingest() of what the run folder held when the session was opened
    // (run()): the headless commands take in the pipeline's news this way.
    Outcome ingestRun(int *changed = nullptr, int *added = nullptr);
    // `session` as ingest() would make it with `plan`, without saving
    // anything; *changed and *added (when given) get the frames it changes
    // and adds. (`director status` shows the news this way.)
    static DirectorSession withNews(const DirectorSession &session, const RunIngest::Plan &plan,
                                    QList<int> *changed = nullptr, QList<int> *added = nullptr);

    // Writes approved/ (CommitExporter), then marks the session committed.
    Outcome commitSession(const CommitExporter::Progress &progress = {});
    // Marks the session discarded; the file stays, read-only.
    Outcome discardSession();

    // Releases the session and the lock, once the last save is done.
    void close();

    SaveState saveState() const;
    // Why the latest save failed, while saveState() is Failed.
    QString saveError() const { return m_saveError; }
    // Blocks until no save is waiting or running. Ok when every change is
    // durable; otherwise why not.
    Outcome waitForSaves();
    // Saves the session again after a failure (in the background when saving
    // is; synchronously otherwise).
    Outcome retrySave();

    bool hasSession() const { return m_session.has_value(); }
    // The session as saved. The reference is valid until the next change:
    // every change replaces the session.
    const DirectorSession &session() const;
    // Open read-only, or committed or discarded.
    bool isReadOnly() const;
    // Open without the lock (another Director has it, or asked for).
    bool isOpenReadOnly() const { return m_access == Access::ReadOnly; }
    // True when the session exists only in memory (read-only, no file yet).
    bool isUnsaved() const { return m_unsaved; }
    QString runDir() const;
    const RunFolder::Contents &run() const { return m_run; }
    // The session file as this manager saved it last (SessionStore::savedFileStamp()), while
    // it holds the session in memory exactly: every change saved (in the background: the
    // latest written, and stamped right after its save), and no other program wrote the file
    // since (in the background: by then). None otherwise (nothing saved yet, a save failed or
    // is under way).
    std::optional<QByteArray> savedFileStamp() const;
    // The run's part of the fingerprint (RunFingerprint::Parts::run) its run was read under,
    // when the opening took one (CachedRun::readThrough): run() is then what the run folder
    // held while it had that fingerprint, and the session has taken in no news from another
    // read of it (ingest() from RunWatcher forgets it). None otherwise.
    const std::optional<QByteArray> &runFingerprint() const { return m_runFingerprint; }
    // After initializeOrResume: what the store found (state, message,
    // problems); useful when opening failed on an unreadable file.
    const SessionStore::LoadResult &lastLoad() const { return m_lastLoad; }
    // After opening failed on an unreadable file: whether that run has a
    // good backup. Otherwise: whether the open run has one.
    bool hasUsableBackup() const;

signals:
    void sessionOpened();
    void frameChanged(int frameIndex);
    // One change (a batch: applyFrameEdits, saveFrameStates) changed these frames, in index
    // order; frameChanged is not emitted for them. Listeners take them in at once.
    void framesChanged(const QList<int> &frameIndexes);
    // The run grew: these frames are new in the session (in index order).
    void framesAdded(const QList<int> &frameIndexes);
    void sessionStatusChanged();
    // Emitted when every change is durable, with the session's lastModified.
    void saved(const QString &lastModified);
    // A save failed: what the session holds is not (all) on disk.
    void saveFailed(const QString &message);
    // saveState() or saveError() changed.
    void saveStateChanged();

private:
    Outcome checkWritable() const;
    // ingest() but for what it does to runFingerprint(): ingestRun() takes in news this way.
    Outcome takeInNews(const RunIngest::Plan &plan, int *changed, int *added);
    // `before` as `edit` makes it, in *frame, checked (transition rules, overrides); nothing
    // is saved.
    Outcome editedFrame(const DirectorFrameState &before, const FrameEdit &edit,
                        DirectorFrameState *frame);
    // Saves `candidate` (these frames changed, in index order) and signals the frames when
    // memory took it.
    Outcome saveChangedFrames(DirectorSession candidate, const QList<int> &changed);
    // frameChanged / framesChanged for `changed`, when the session's lastModified moved on
    // from `lastModifiedBefore` (the change was taken).
    void signalChanged(const QList<int> &changed, const QString &lastModifiedBefore);
    Outcome frameFor(int frameIndex, DirectorFrameState *frame) const;
    // In the background when saving is, unless `synchronous`.
    Outcome saveAndAdopt(DirectorSession candidate, bool synchronous = false);
    // Saves synchronously (after the writer's saves, if any): for the steps
    // whose outcome the caller must know (commit, discard, a retry).
    Outcome saveNow(const DirectorSession &session, bool *written = nullptr,
                    const SessionStore::Changes &changes = {});
    // What the store is told of the frames each save changed (SessionStore::Changes), so that
    // it encodes only those anew: every change to the session's frames notes them before it
    // is handed to the store (or the writer), which takes the notes.
    void noteChanged(const QList<int> &frameIndexes);
    void noteAllChanged();
    SessionStore::Changes takeChanges();
    // A save's outcome told (saveError(), saveStateChanged()); when Ok, every change is durable.
    Outcome reportSave(const Outcome &outcome);
    // `states` (frames of the session, differing from its own) saved as one change, made on
    // the session in place: its frames are copied only when something else shares them (a
    // batch's undo step, a save under way), not on every change. In the background when
    // saving is; a synchronous save that does not put the file in place puts them back.
    Outcome saveFramesInPlace(QList<DirectorFrameState> states);
    void writerWritten(quint64 revision, const QString &lastModified,
                       const std::optional<QByteArray> &fileStamp);
    // A save failed: told at once, even when a newer snapshot is already on
    // its way (it will most likely fail the same way).
    void setSaveError(const QString &message);
    // Confines a patch's paths to the run folder (stored relative to it) and
    // checks its time; an empty time becomes now.
    Outcome checkPatch(PatchHistoryEntry *entry) const;
    // checkPatch() of each entry that is new or changed (at its place in `was`, the history
    // before), and a patched frame has at least one.
    Outcome checkPatches(const QList<PatchHistoryEntry> &was, DirectorOverrides &overrides) const;
    // The overrides a change gives `frame` (`before` without it), checked as strictly as the
    // file is read: times, paths (stored run-relative), the frame's id, the notes' length,
    // other programs' members, the offset against the image commit takes. What is as it was
    // is not checked again: it passed these checks, or the reader's, when it came in.
    Outcome checkOverrides(const DirectorFrameState &before, DirectorFrameState &frame);
    // Refuses the frame's offset (it has one) when it is not a number within
    // SessionCodec::maxOffset, or would move every visible pixel of the
    // frame's image (as commit takes it) off its canvas.
    Outcome checkOffset(const DirectorFrameState &frame);
    // FrameEdit::useAttempt on `frame`: its image, audit report, patched mark and status (each
    // step through the transition rules).
    Outcome takeAttempt(DirectorFrameState &frame, int attemptIndex) const;
    // The status an edit gives the frame (`status`: asked for, or a nudge's, a patch's or a
    // revert's), through the transition rules, and the verdict that goes with it: the
    // operator's status, or a nudge's or patch's approval, records who, when and why; a
    // verdict no longer about the frame's status goes (docs/session-file.md, verdict).
    Outcome setStatus(DirectorFrameState &frame, std::optional<FrameStatus> status,
                      const FrameEdit &edit) const;
    // setStatus() with who and when given: on any thread.
    static Outcome statusFor(DirectorFrameState &frame, std::optional<FrameStatus> status,
                             const FrameEdit &edit, const std::function<QString()> &reviewer,
                             const QString &time);
    // What a batch made on its copy of the frames.
    struct BatchResult
    {
        QMap<int, DirectorFrameState> frames;
        QList<int> changed;
        QList<FrameRefusal> refusals;
    };
    static bool isVerdictOnly(const FrameEdit &edit);
    // The verdicts of `edits` on `frames` (a batch's job, off the GUI thread).
    static BatchResult verdictBatch(QMap<int, DirectorFrameState> frames,
                                    const QList<std::pair<int, FrameEdit>> &edits,
                                    const QString &time);
    // The end of applyFrameEdits(): `frames` (these changed, these refused) adopted and saved.
    Outcome adoptEdited(QMap<int, DirectorFrameState> frames, QList<int> changed,
                        const QList<FrameRefusal> &refusals, Refusals policy,
                        QList<int> *changedFrames);
    struct BatchJob
    {
        QMap<int, DirectorFrameState> base; // the session's frames it started from
        QList<std::pair<int, FrameEdit>> edits;
        Refusals policy = Refusals::ApplyTheRest;
        BatchDone done;
        QFuture<BatchResult> future;
    };
    // The parts of the run folder's frames equal to the session's share the session's data.
    static void shareWithSession(RunFolder::Contents &run, const DirectorSession &session);
    // prepareOpening()'s steps, each on what is prepared aside (`Opening`).
    static Outcome readRunAndSession(Opening &opening, const std::atomic_bool *cancel);
    static Outcome loadSessionFile(Opening &opening, const std::atomic_bool *cancel);
    static Outcome sessionOf(Opening &opening, const std::atomic_bool *cancel);
    void adopt(Opening &&opening);
    QString nextTimestamp() const;
    // The time an edit records (the verdict's, the offset's): now, or the batch's.
    QString editTime() const;
    // Who the verdict an edit makes is by (FrameEdit::reviewer, or the user logged in).
    QString reviewerOf(const FrameEdit &edit) const;

    Saving m_saving;
    std::unique_ptr<SessionStore> m_store;
    // Declared after the store: destroyed (its last save written) first.
    std::unique_ptr<SessionWriter> m_writer;
    // Every adopted change gets the next revision; m_durable is the newest
    // one on disk.
    quint64 m_revision = 0;
    quint64 m_durable = 0;
    // The stamp of the file the writer wrote revision m_stampRevision to (savedFileStamp()).
    std::optional<QByteArray> m_writtenStamp;
    quint64 m_stampRevision = 0;
    std::optional<QByteArray> m_runFingerprint;
    // The number of the save handed to the store last (SessionStore::Changes), and the frames
    // changed since (every one, when m_allFramesChanged).
    quint64 m_saveNumber = 0;
    QList<int> m_changedSince;
    bool m_allFramesChanged = true;
    QString m_saveError;
    std::optional<DirectorSession> m_session;
    RunFolder::Contents m_run;
    SessionStore::LoadResult m_lastLoad;
    Access m_access = Access::ReadWrite;
    bool m_unsaved = false;
    // What the last initializeOrResume found when it failed on an unreadable
    // file (the open session, if any, is another one then).
    bool m_openFailedUnreadable = false;
    bool m_backupUsable = false;
    // commitSession is exporting: ingest waits.
    bool m_committing = false;
    // While applyFrameEdits() runs: its moment and its reviewer, found once for every edit.
    struct Batch
    {
        bool active = false;
        QString now;
        QString reviewerAsked;
        std::optional<QString> reviewer;
    };
    mutable Batch m_batch;
    std::unique_ptr<BatchJob> m_job; // a batch being made off the GUI thread
    QFutureWatcher<BatchResult> m_batchWatcher;
    // The image checkOffset() read last (a nudge comes after a nudge).
    struct OffsetImage
    {
        QString path;
        QDateTime modified;
        qint64 size = -1;
        QImage image;
        QRect bounds; // of its visible pixels
    } m_offsetImage;
};

// What opening a run prepares aside (SessionManager::beginOpening): the open session, its
// store and its lock stay as they are unless it is adopted.
struct SessionManager::Opening
{
    QString runDir;
    Access access = Access::ReadWrite;
    Recovery recovery = Recovery::None;
    std::unique_ptr<SessionStore> newStore; // when the run is not the open one
    SessionStore *store = nullptr;          // newStore, or the open run's
    bool hadLock = false;                   // the open run's store held the lock before
    RunFolder::Contents run;
    // What reads the run folder into `run`: RunFolder::read unless set (`director status` sets
    // RunReadCache::read). Called on the thread that prepares the opening; when there is a
    // session file, it loads meanwhile on a thread of its own (or before, when none is to be
    // had).
    std::function<Outcome(const QString &runDir, RunFolder::Contents *contents,
                          const RunFolder::Control &control)>
        readRun;
    // The run's fingerprint, when readRun took one before it read the run (CachedRun): the
    // manager that adopts the opening keeps its run part (runFingerprint()).
    std::optional<RunFingerprint::Parts> fingerprint;
    // The session file as prepareOpening() saved it (a new session), when it did and it is
    // still as saved then (SessionStore::savedFileStamp()).
    std::optional<QByteArray> savedStamp;
    // Whether the run's frames are made to share the session's data once both are read
    // (shareWithSession: memory, for a manager that stays open; `director status` does not).
    bool shareRun = true;
    // The run folder's read so far, for the window to show (from any thread).
    std::atomic_int framesRead{0};
    std::atomic_int frameCount{0};                 // 0 until the read knows
    std::function<void(int framesRead)> frameRead; // RunFolder::Control's, for a test
    SessionStore::LoadResult loaded;
    DirectorSession session;
    bool unsaved = false; // read-only, no session file: in memory only
    // What prepareOpening() found, for lastLoad() and hasUsableBackup().
    SessionStore::LoadResult lastLoad;
    bool failedUnreadable = false;
    bool backupUsable = false;
    Outcome outcome; // of prepareOpening(): Ok when it may be adopted
    bool prepared = false;
};
