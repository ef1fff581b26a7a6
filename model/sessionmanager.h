#pragma once

#include "commitexporter.h"
#include "directorsession.h"
#include "outcome.h"
#include "runfolder.h"
#include "sessionstore.h"

#include <QObject>

#include <memory>
#include <optional>

// Several changes to one frame, saved as one change.
struct FrameEdit
{
    enum class Alignment
    {
        Keep,
        Set,
        Clear
    };

    std::optional<FrameStatus> status;
    Alignment alignment = Alignment::Keep;
    double alignmentX = 0.0; // the frame's new total offset, with Alignment::Set
    double alignmentY = 0.0;
    std::optional<QString> notes; // an empty text removes the notes
    std::optional<PatchHistoryEntry> patch;
};

// The one owner of the session in memory, with the story's API. Every change
// goes: validate -> apply to a copy -> save -> adopt the copy -> signal. A
// change that cannot be saved is not kept, so memory is never ahead of disk.
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

    explicit SessionManager(QObject *parent = nullptr);
    ~SessionManager() override;

    // Resumes the session of a run folder, or creates it from the run folder
    // when there is none. ReadWrite takes the lock (Locked when another
    // Director has it). ReadOnly never writes: without a session file the
    // session exists in memory only. When the run cannot be opened, the
    // session open before (if any) stays open, lock and all.
    Outcome initializeOrResume(const QString &runDir, Access access = Access::ReadWrite,
                               Recovery recovery = Recovery::None);

    // A new session for the open run folder from a run's manifest and initial
    // frames, saved before it is adopted.
    Outcome createSession(const QString &runId, const RunManifest &manifest,
                          const QList<DirectorFrameState> &frames);

    Outcome updateFrameStatus(int frameIndex, FrameStatus status);
    Outcome updateFrameOverrides(int frameIndex, const DirectorOverrides &overrides);
    // The frame's total offset; approves an AUDIT_WARN frame (the story's
    // "human review/nudge").
    Outcome setAlignment(int frameIndex, double x, double y);
    Outcome clearAlignment(int frameIndex);
    Outcome setNotes(int frameIndex, const QString &notes);
    Outcome addPatch(int frameIndex, const PatchHistoryEntry &entry);
    Outcome applyFrameEdit(int frameIndex, const FrameEdit &edit);
    // Undo and redo: puts back an earlier state of the frame exactly, without
    // the transition rules (an undo of an approval is not a rejection).
    Outcome restoreFrameState(int frameIndex, const DirectorFrameState &state);

    std::optional<DirectorFrameState> getFrameState(int frameIndex) const;

    // Writes approved/ (CommitExporter), then marks the session committed.
    Outcome commitSession(const CommitExporter::Progress &progress = {});
    // Marks the session discarded; the file stays, read-only.
    Outcome discardSession();

    // Releases the session and the lock.
    void close();

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
    // After initializeOrResume: what the store found (state, message,
    // problems); useful when opening failed on an unreadable file.
    const SessionStore::LoadResult &lastLoad() const { return m_lastLoad; }
    // After opening failed on an unreadable file: whether that run has a
    // good backup. Otherwise: whether the open run has one.
    bool hasUsableBackup() const;

signals:
    void sessionOpened();
    void frameChanged(int frameIndex);
    void sessionStatusChanged();
    // Emitted after every successful save with the session's lastModified.
    void saved(const QString &lastModified);
    void saveFailed(const QString &message);

private:
    Outcome checkWritable() const;
    Outcome frameFor(int frameIndex, DirectorFrameState *frame) const;
    Outcome saveAndAdopt(DirectorSession candidate);
    // Confines a patch's paths to the run folder (stored relative to it) and
    // checks its time; an empty time becomes now.
    Outcome checkPatch(PatchHistoryEntry *entry) const;
    static Outcome newSession(const QString &runId, const RunManifest &manifest,
                              const QList<DirectorFrameState> &frames, DirectorSession *session);
    QString nextTimestamp() const;

    std::unique_ptr<SessionStore> m_store;
    std::optional<DirectorSession> m_session;
    RunFolder::Contents m_run;
    SessionStore::LoadResult m_lastLoad;
    Access m_access = Access::ReadWrite;
    bool m_unsaved = false;
    // What the last initializeOrResume found when it failed on an unreadable
    // file (the open session, if any, is another one then).
    bool m_openFailedUnreadable = false;
    bool m_backupUsable = false;
};
