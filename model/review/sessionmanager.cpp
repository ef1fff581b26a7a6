#include "review/sessionmanager.h"

#include "core/backgroundpool.h"
#include "patch/framepatches.h"
#include "run/imageloader.h"
#include "run/runpaths.h"
#include "session/reasoncodes.h"
#include "session/reviewer.h"
#include "session/timestamps.h"
#include "session/transitionrules.h"
#include "storage/sessionwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <thread>

namespace {
constexpr int maxNotesLength = 100000;

// The notes as they are kept: at most maxNotesLength characters; empty, none at all (left out
// of the file, never written empty).
Outcome checkNotes(std::optional<QString> &notes)
{
    if (notes && notes->size() > maxNotesLength)
        return Outcome::invalid(
            SessionManager::tr("Notes can be at most %1 characters long.").arg(maxNotesLength));
    if (notes && notes->isEmpty())
        notes.reset();
    return Outcome::ok();
}

// A time an edit records: now when none is given; otherwise one the file can hold.
Outcome checkTime(QString &timestamp, const QString &problem)
{
    if (timestamp.isEmpty())
        timestamp = Timestamps::now();
    if (!Timestamps::isCanonical(timestamp))
        return Outcome::invalid(problem.arg(timestamp));
    return Outcome::ok();
}

// A verdict given through the API (updateFrameOverrides), as strictly as the file is read, and
// about the frame's status.
Outcome checkVerdict(const DirectorFrameState &frame, Verdict &verdict)
{
    const auto invalid = [](const QString &why) {
        return Outcome::invalid(SessionManager::tr("The verdict cannot be saved: %1").arg(why));
    };
    if (!Verdict::isVerdictStatus(verdict.status) || verdict.status != frame.status)
        return invalid(SessionManager::tr("it is for %1, but frame %2 is %3.")
                           .arg(frameStatusName(verdict.status))
                           .arg(frame.frameIndex)
                           .arg(frameStatusName(frame.status)));
    if (verdict.reviewer.trimmed().isEmpty())
        return invalid(SessionManager::tr("it names no reviewer."));
    if (verdict.reasonCode && !ReasonCodes::isWellFormed(*verdict.reasonCode))
        return invalid(SessionManager::tr("\"%1\" is not a reason code such as "
                                          "SF01_IDENTITY_DRIFT.")
                           .arg(*verdict.reasonCode));
    if (verdict.status == FrameStatus::Approved && (verdict.reasonCode || verdict.reason))
        return invalid(SessionManager::tr("only a rejection (AUDIT_FAIL) carries a reason."));
    return checkTime(verdict.timestamp,
                     SessionManager::tr("The verdict's time \"%1\" is not a UTC time like "
                                        "2026-01-18T12:00:00.000Z."));
}

// Other programs' members, given through the API, as the file will hold
// them (2.0 as 2, ...); refused when they would not read back at all.
Outcome holdAsWritten(QJsonObject *members)
{
    const std::optional<QJsonObject> written = SessionCodec::asWritten(*members);
    if (!written) {
        return Outcome::invalid(
            QCoreApplication::translate("SessionManager",
                                        "These overrides cannot be saved as given: %1")
                .arg(QCoreApplication::translate("SessionManager",
                                                 "other programs' members are nested deeper "
                                                 "than a session file can hold")));
    }
    *members = *written;
    return Outcome::ok();
}
} // namespace

SessionManager::SessionManager(QObject *parent, Saving saving) : QObject(parent), m_saving(saving)
{
    connect(&m_batchWatcher, &QFutureWatcher<BatchResult>::finished, this, [this] {
        if (m_job && m_job->future.isFinished())
            finishBatch();
    });
}

SessionManager::~SessionManager()
{
    // A batch's job works on its own copies: waited for, not adopted.
    if (m_job)
        m_job->future.waitForFinished();
}

const DirectorSession &SessionManager::session() const
{
    Q_ASSERT(m_session);
    return *m_session;
}

bool SessionManager::isReadOnly() const
{
    return m_access == Access::ReadOnly || !m_session || m_session->isReadOnly();
}

QString SessionManager::runDir() const
{
    return m_store ? m_store->runDir() : QString();
}

bool SessionManager::hasUsableBackup() const
{
    if (m_openFailedUnreadable)
        return m_backupUsable;
    return m_store && m_store->hasUsableBackup();
}

void SessionManager::close()
{
    finishBatch();
    m_writer.reset(); // after its last save
    m_session.reset();
    m_store.reset();
    m_run = {};
    m_runFingerprint.reset();
    m_writtenStamp.reset();
    m_unsaved = false;
    m_revision = m_durable = m_stampRevision = 0;
    m_saveError.clear();
    noteAllChanged();
}

SessionManager::SaveState SessionManager::saveState() const
{
    if (!m_saveError.isEmpty())
        return SaveState::Failed;
    return m_durable < m_revision ? SaveState::Saving : SaveState::Saved;
}

std::optional<QByteArray> SessionManager::savedFileStamp() const
{
    if (!m_store || !m_session || m_batch.active || saveState() != SaveState::Saved)
        return std::nullopt;
    if (m_writer) // the store is the writer's
        return m_stampRevision == m_revision ? m_writtenStamp : std::nullopt;
    return m_store->savedFileStamp();
}

Outcome SessionManager::waitForSaves()
{
    finishBatch();
    if (m_writer)
        m_writer->waitForIdle(); // its reports arrive before it returns
    if (saveState() == SaveState::Saved)
        return Outcome::ok();
    return Outcome::failed(m_saveError);
}

Outcome SessionManager::retrySave()
{
    finishBatch();
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    if (m_writer) {
        m_writer->submit(++m_revision, *m_session, takeChanges());
        emit saveStateChanged();
        return Outcome::ok();
    }
    if (const Outcome saved = saveNow(*m_session, nullptr, takeChanges()); !saved)
        return saved;
    emit saved(m_session->lastModified);
    return Outcome::ok();
}

void SessionManager::setSaveError(const QString &message)
{
    m_saveError = message;
    emit saveFailed(message);
    emit saveStateChanged();
}

void SessionManager::writerWritten(quint64 revision, const QString &lastModified,
                                   const std::optional<QByteArray> &fileStamp)
{
    // (A report numbered beyond the revisions given out is of a save from before this
    // session was opened again, its numbers reset: no stamp of this session.)
    if (revision >= m_durable && revision <= m_revision) {
        m_writtenStamp = fileStamp;
        m_stampRevision = revision;
    }
    m_durable = std::max(m_durable, revision);
    m_saveError.clear();
    if (m_durable == m_revision)
        emit saved(lastModified);
    emit saveStateChanged();
}

Outcome SessionManager::saveNow(const DirectorSession &session, bool *written,
                                const SessionStore::Changes &changes)
{
    if (m_writer)
        m_writer->waitForIdle();
    const Outcome outcome = reportSave(m_store->save(session, written, changes));
    if (m_writer) { // idle: the store is this thread's until the next submit
        m_writtenStamp = outcome ? m_store->savedFileStamp() : std::nullopt;
        m_stampRevision = m_revision;
    }
    return outcome;
}

void SessionManager::noteChanged(const QList<int> &frameIndexes)
{
    // Thousands of frames (a batch): the store compares every frame, on the writer's thread,
    // rather than this thread sorting them.
    constexpr qsizetype mostNoted = 1024;
    if (m_changedSince.size() + frameIndexes.size() > mostNoted)
        noteAllChanged();
    else if (!m_allFramesChanged)
        m_changedSince.append(frameIndexes);
}

void SessionManager::noteAllChanged()
{
    m_allFramesChanged = true;
    m_changedSince.clear();
}

SessionStore::Changes SessionManager::takeChanges()
{
    SessionStore::Changes changes;
    changes.since = m_allFramesChanged ? 0 : m_saveNumber;
    changes.number = ++m_saveNumber;
    changes.frames = std::move(m_changedSince);
    std::sort(changes.frames.begin(), changes.frames.end());
    changes.frames.erase(std::unique(changes.frames.begin(), changes.frames.end()),
                         changes.frames.end());
    m_changedSince = {};
    m_allFramesChanged = false;
    return changes;
}

Outcome SessionManager::reportSave(const Outcome &outcome)
{
    if (!outcome) {
        setSaveError(outcome.message());
        return outcome;
    }
    // The whole session is on disk: every change before it is durable too.
    m_durable = m_revision;
    if (!m_saveError.isEmpty()) {
        m_saveError.clear();
        emit saveStateChanged();
    }
    return outcome;
}

namespace {
bool isSameFolder(const QString &a, const QString &b)
{
    const QString canonical = QFileInfo(a).canonicalFilePath();
    return !canonical.isEmpty() && canonical == QFileInfo(b).canonicalFilePath();
}
} // namespace

Outcome SessionManager::initializeOrResume(const QString &runDir, Access access, Recovery recovery)
{
    std::unique_ptr<Opening> opening = beginOpening(runDir, access, recovery);
    prepareOpening(*opening);
    return finishOpening(std::move(opening));
}

std::unique_ptr<SessionManager::Opening>
SessionManager::beginOpening(const QString &runDir, Access access, Recovery recovery)
{
    finishBatch();
    // Everything is prepared aside: the open session, its store and its lock
    // stay as they are unless the new one opens.
    m_lastLoad = {};
    m_backupUsable = false;
    m_openFailedUnreadable = false;
    // The open session's store may be the one used below: its saves are done first.
    if (m_writer)
        m_writer->waitForIdle();
    auto opening = std::make_unique<Opening>();
    opening->runDir = runDir;
    opening->access = access;
    opening->recovery = recovery;
    // Opening the open run again goes through its store: that store holds the lock, which a
    // second store of this process could not take.
    if (m_store && isSameFolder(m_store->runDir(), runDir)) {
        opening->store = m_store.get();
        opening->hadLock = m_store->hasLock();
    }
    return opening;
}

bool SessionManager::opensOpenRun(const Opening &opening)
{
    return opening.store && !opening.newStore;
}

void SessionManager::prepareOpening(Opening &opening, const std::atomic_bool *cancel)
{
    const auto stopped = [cancel] { return cancel && cancel->load(); };
    opening.prepared = true;
    opening.outcome = [&]() -> Outcome {
        if (stopped())
            return Outcome::refused(tr("Opening the run was cancelled."));
        if (const Outcome folder = RunPaths::checkFolder(opening.runDir); !folder)
            return folder;
        if (!opening.store) {
            opening.newStore = std::make_unique<SessionStore>(opening.runDir);
            opening.store = opening.newStore.get();
        }
        if (const Outcome read = readRunAndSession(opening, cancel); !read)
            return read;
        const Outcome session = sessionOf(opening, cancel);
        if (session && opening.shareRun)
            shareWithSession(opening.run, opening.session);
        // On the thread that used the store: the session as the opening saved it, if it did.
        if (session)
            opening.savedStamp = opening.store->savedFileStamp();
        return session;
    }();
}

namespace {
template <typename T> void shareIfEqual(T &mine, const T &theirs)
{
    if (mine == theirs)
        mine = theirs; // implicitly shared: one copy of the data for both
}
} // namespace

// The run folder's frames, kept beside the session for what the pipeline changes later (news,
// RunIngest), are mostly what the session's frames hold too: the same paths, audit details and
// attempts, read from two files. Where a part is equal, the run's frame shares the session's
// data and its own copy goes (a tenth or more of a big run's memory). Values: a later change to
// either copies what it changes.
void SessionManager::shareWithSession(RunFolder::Contents &run, const DirectorSession &session)
{
    for (DirectorFrameState &r : run.frames) {
        const auto found = session.frames.constFind(r.frameIndex);
        if (found == session.frames.cend())
            continue;
        const DirectorFrameState &s = *found;
        shareIfEqual(r.id, s.id);
        shareIfEqual(r.imagePath, s.imagePath);
        if (r.auditReport == s.auditReport) {
            r.auditReport = s.auditReport;
        } else {
            shareIfEqual(r.auditReport.flags, s.auditReport.flags);
            shareIfEqual(r.auditReport.extra, s.auditReport.extra);
        }
        shareIfEqual(r.attemptHistory, s.attemptHistory);
        shareIfEqual(r.extra, s.extra);
    }
}

namespace {
// Runs `aside` on a thread of its own while `here` runs on this one; returns when both are
// done. Without a thread to be had, one after the other.
template <typename Aside, typename Here> void sideBySide(Aside &&aside, Here &&here)
{
    std::thread thread;
    try {
        thread = std::thread(std::ref(aside));
    } catch (const std::system_error &) {
        aside();
    }
    here();
    if (thread.joinable())
        thread.join();
}
} // namespace

// The run folder and the session file. A folder without a session file is read first, and the
// lock taken (ReadWrite) only when it is a run: nothing is written into a folder that is none.
// With a session file the lock comes first, and the two files are read side by side (each is
// much of an open's time on a big run, and neither needs the other).
Outcome SessionManager::readRunAndSession(Opening &opening, const std::atomic_bool *cancel)
{
    const auto lock = [&opening, cancel]() -> Outcome {
        if (cancel && cancel->load())
            return Outcome::refused(tr("Opening the run was cancelled."));
        return opening.access == Access::ReadWrite ? opening.store->lock() : Outcome::ok();
    };
    const RunFolder::Control control{cancel, &opening.framesRead, &opening.frameCount,
                                     opening.frameRead};
    const auto readRun = [&opening, &control] {
        return opening.readRun ? opening.readRun(opening.runDir, &opening.run, control)
                               : RunFolder::read(opening.runDir, &opening.run, control);
    };
    if (!QFileInfo::exists(opening.store->sessionPath())) {
        if (const Outcome read = readRun(); !read)
            return read;
        if (const Outcome locked = lock(); !locked)
            return locked;
        return loadSessionFile(opening, cancel);
    }
    if (const Outcome locked = lock(); !locked)
        return locked;
    // When the run folder cannot be read, the session file is still opened.
    Outcome loaded = Outcome::ok();
    sideBySide([&] { loaded = loadSessionFile(opening, cancel); }, [&] { readRun(); });
    if (cancel && cancel->load())
        return Outcome::refused(tr("Opening the run was cancelled."));
    return loaded;
}

// Loads the session file, first setting an unreadable one aside when recovery is asked for.
Outcome SessionManager::loadSessionFile(Opening &opening, const std::atomic_bool *cancel)
{
    SessionStore *store = opening.store;
    if (cancel && cancel->load())
        return Outcome::refused(tr("Opening the run was cancelled."));
    opening.loaded = store->load();
    if (opening.loaded.isUnreadable() && opening.recovery != Recovery::None) {
        if (opening.access == Access::ReadOnly)
            return Outcome::refused(tr("A session file can only be recovered by a Director that "
                                       "may write the run folder."));
        if (cancel && cancel->load())
            return Outcome::refused(tr("Opening the run was cancelled."));
        const Outcome recovered = opening.recovery == Recovery::RestoreBackup
                                      ? store->restoreBackup().outcome()
                                      : store->startOver();
        if (!recovered)
            return recovered;
        opening.loaded = store->load();
    }
    // What the store found; the session itself is the opening's (copying it is cheap: its
    // frames are implicitly shared).
    opening.lastLoad = opening.loaded;
    opening.lastLoad.session.reset();
    return Outcome::ok();
}

// The session the file holds; or, without one, a new session made from the run folder and
// (unless read-only) saved before it is shown. An unreadable file is said, nothing written.
Outcome SessionManager::sessionOf(Opening &opening, const std::atomic_bool *cancel)
{
    SessionStore::LoadResult &loaded = opening.loaded;
    switch (loaded.state) {
    case SessionStore::LoadState::Loaded:
        opening.session = std::move(*loaded.session);
        return Outcome::ok();
    case SessionStore::LoadState::Missing: {
        const RunFolder::Contents &run = opening.run;
        const QString runId = run.manifest.runId.isEmpty() ? QFileInfo(opening.runDir).fileName()
                                                           : run.manifest.runId;
        Result<DirectorSession> created = createSession(runId, run.manifest, run.frames);
        if (!created)
            return created.outcome();
        opening.session = std::move(*created);
        if (opening.access == Access::ReadOnly) {
            opening.unsaved = true; // in memory only
            return Outcome::ok();
        }
        if (cancel && cancel->load())
            return Outcome::refused(tr("Opening the run was cancelled."));
        return opening.store->save(opening.session);
    }
    case SessionStore::LoadState::Unreadable:
    case SessionStore::LoadState::Invalid:
    case SessionStore::LoadState::Newer:
    case SessionStore::LoadState::Lost:
        break;
    }
    // A store opened for this attempt goes, and with it its lock.
    const bool backup = opening.backupUsable = opening.store->hasUsableBackup();
    opening.failedUnreadable = true;
    return Outcome::invalid(
        loaded.message + QLatin1Char('\n') +
        (backup ? tr("Nothing was changed. A good backup exists: it can be restored, or a new "
                     "review started, keeping the old files aside.")
                : tr("Nothing was changed. A new review can be started, keeping the old files "
                     "aside.")));
}

Outcome SessionManager::finishOpening(std::unique_ptr<Opening> opening)
{
    Q_ASSERT(opening && opening->prepared);
    m_lastLoad = opening->lastLoad;
    m_backupUsable = opening->backupUsable;
    m_openFailedUnreadable = opening->failedUnreadable;
    const Outcome outcome = opening->outcome;
    if (!outcome) {
        // A lock the open run's store took for an attempt that failed is given back: the
        // open session keeps the access it had. A store opened for it goes, and its lock.
        dropOpening(std::move(opening));
        return outcome;
    }
    adopt(std::move(*opening));
    return Outcome::ok();
}

void SessionManager::dropOpening(std::unique_ptr<Opening> opening)
{
    if (opening && opensOpenRun(*opening) && !opening->hadLock)
        opening->store->unlock();
}

// The new session replaces the open one (and releases its lock).
void SessionManager::adopt(Opening &&opening)
{
    const Access access = opening.access;
    if (opening.newStore || access == Access::ReadOnly)
        m_writer.reset();
    if (opening.newStore)
        m_store = std::move(opening.newStore);
    else if (access == Access::ReadOnly)
        m_store->unlock(); // the open run, now only viewed
    if (m_saving == Saving::Background && access == Access::ReadWrite && !m_writer) {
        m_writer = std::make_unique<SessionWriter>(m_store.get());
        connect(m_writer.get(), &SessionWriter::written, this, &SessionManager::writerWritten);
        connect(m_writer.get(), &SessionWriter::failed, this, &SessionManager::setSaveError);
    }
    m_revision = m_durable = 0;
    // The session as the opening saved it, if it did (the writer has written nothing yet).
    m_writtenStamp = opening.savedStamp;
    m_stampRevision = 0;
    m_runFingerprint = opening.fingerprint ? opening.fingerprint->run : std::nullopt;
    m_saveError.clear();
    noteAllChanged(); // the store's cache may hold other frames (another run, a file read again)
    emit saveStateChanged();
    const bool created = opening.loaded.state == SessionStore::LoadState::Missing;
    m_session = std::move(opening.session);
    m_run = std::move(opening.run);
    m_access = access;
    m_unsaved = opening.unsaved;
    if (!m_unsaved && created)
        emit saved(m_session->lastModified);
    emit sessionOpened();
}

Result<DirectorSession> SessionManager::createSession(const QString &runId,
                                                      const RunManifest &manifest,
                                                      const QList<DirectorFrameState> &frames)
{
    if (runId.isEmpty())
        return Outcome::invalid(tr("A session needs a run id."));
    DirectorSession created;
    created.sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    created.runId = runId;
    created.moveId = manifest.moveId;
    created.anchorFrameId = DirectorFrameState::idForIndex(0);
    created.status = SessionStatus::Active;
    created.createdAt = created.lastModified = Timestamps::now();
    for (const DirectorFrameState &frame : frames) {
        if (created.frames.contains(frame.frameIndex))
            return Outcome::invalid(tr("Frame %1 is given twice.").arg(frame.frameIndex));
        created.frames.insert(frame.frameIndex, frame);
    }
    return created;
}

Outcome SessionManager::checkWritable() const
{
    if (!m_session)
        return Outcome::failed(tr("No session is open."));
    if (m_access == Access::ReadOnly)
        return Outcome::refused(tr("The session is open read-only."));
    switch (m_session->status) {
    case SessionStatus::Active:
        return Outcome::ok();
    case SessionStatus::Committed:
        return Outcome::refused(tr("The session is committed: it can no longer be changed."));
    case SessionStatus::Discarded:
        return Outcome::refused(tr("The session is discarded: it can no longer be changed."));
    }
    return Outcome::ok();
}

Outcome SessionManager::frameFor(int frameIndex, DirectorFrameState *frame) const
{
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    const auto it = m_session->frames.constFind(frameIndex);
    if (it == m_session->frames.cend())
        return Outcome::invalid(tr("There is no frame %1 in this session.").arg(frameIndex));
    *frame = it.value();
    return Outcome::ok();
}

QString SessionManager::nextTimestamp() const
{
    // lastModified moves on with every saved change, even within one
    // millisecond, and even when another machine's clock wrote it a little
    // ahead of this one; but a time more than a day ahead (a hand edit, a
    // clock far off) is not carried forward: the change gets the time now.
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_session) {
        if (const auto last = Timestamps::parse(m_session->lastModified);
            last && *last >= now && !Timestamps::isFarAhead(*last, now))
            now = last->addMSecs(1);
    }
    return Timestamps::format(now);
}

Outcome SessionManager::saveAndAdopt(DirectorSession candidate, bool synchronous)
{
    candidate.lastModified = nextTimestamp();
    const SessionStore::Changes changes = takeChanges();
    if (m_writer && !synchronous) {
        // Adopted at once; saveState() says Saving until the writer reports.
        m_session = std::move(candidate);
        m_writer->submit(++m_revision, *m_session, changes);
        emit saveStateChanged();
        return Outcome::ok();
    }
    bool written = false;
    const Outcome outcome = saveNow(candidate, &written, changes);
    // Memory follows the file: when the new file is in place (only its
    // folder's sync failed), memory takes it too, and the failure is reported.
    // The store may have encoded the candidate: memory's frames differ from it in the frames
    // of this change (every frame, when they were not known).
    if (written)
        m_session = std::move(candidate);
    else if (changes.since == 0)
        noteAllChanged();
    else
        noteChanged(changes.frames);
    if (!outcome)
        return outcome;
    emit saved(m_session->lastModified);
    return Outcome::ok();
}

FrameEdit FrameEdit::statusTo(FrameStatus status, const QString &reviewer,
                              const QString &reasonCode, const QString &reason)
{
    FrameEdit edit;
    edit.status = status;
    edit.reviewer = reviewer;
    edit.reasonCode = reasonCode;
    edit.reason = reason;
    return edit;
}

FrameEdit FrameEdit::offsetTo(double x, double y)
{
    FrameEdit edit;
    edit.alignment = Alignment::Set;
    edit.alignmentX = x;
    edit.alignmentY = y;
    return edit;
}

FrameEdit FrameEdit::moveBy(double dx, double dy)
{
    FrameEdit edit = offsetTo(dx, dy);
    edit.alignment = Alignment::Move;
    return edit;
}

FrameEdit FrameEdit::clearOffset()
{
    FrameEdit edit;
    edit.alignment = Alignment::Clear;
    return edit;
}

FrameEdit FrameEdit::notesTo(const QString &notes)
{
    FrameEdit edit;
    edit.notes = notes;
    return edit;
}

FrameEdit FrameEdit::addPatch(const PatchHistoryEntry &entry)
{
    FrameEdit edit;
    edit.patch = entry;
    return edit;
}

FrameEdit FrameEdit::revertToOriginal()
{
    FrameEdit edit;
    edit.revertPatches = true;
    return edit;
}

FrameEdit FrameEdit::useAttempt(int attemptIndex)
{
    FrameEdit edit;
    edit.attempt = attemptIndex;
    return edit;
}

Outcome SessionManager::takeAttempt(DirectorFrameState &frame, int attemptIndex) const
{
    const auto attempt =
        std::find_if(frame.attemptHistory.cbegin(), frame.attemptHistory.cend(),
                     [&](const AttemptInfo &a) { return a.attemptIndex == attemptIndex; });
    if (attempt == frame.attemptHistory.cend() || attempt->candidatePath.isEmpty()) {
        QStringList withImage;
        for (const AttemptInfo &a : frame.attemptHistory) {
            if (!a.candidatePath.isEmpty())
                withImage.append(QString::number(a.attemptIndex));
        }
        return Outcome::invalid(
            withImage.isEmpty()
                ? tr("Frame %1 has no image of attempt %2: it has no attempt with an image.")
                      .arg(frame.frameIndex)
                      .arg(attemptIndex)
                : tr("Frame %1 has no image of attempt %2: its attempts with an image are %3.")
                      .arg(frame.frameIndex)
                      .arg(attemptIndex)
                      .arg(withImage.join(QStringLiteral(", "))));
    }
    if (frame.imagePath == attempt->candidatePath && !frame.directorOverrides.isPatched)
        return Outcome::refused(tr("Attempt %1 is already the image of frame %2.")
                                    .arg(attemptIndex)
                                    .arg(frame.frameIndex));
    if (const Result<QImage> image =
            ImageLoader::loadFromRun(RunPaths(runDir()), attempt->candidatePath);
        !image)
        return Outcome::invalid(tr("Attempt %1 of frame %2 cannot be used: %3")
                                    .arg(attemptIndex)
                                    .arg(frame.frameIndex)
                                    .arg(image.outcome().message()));
    // A new image, not yet audited, unless the run's audit is about this very image.
    if (frame.status != FrameStatus::Generated) {
        if (const Outcome allowed = TransitionRules::check(frame.status, FrameStatus::Generated);
            !allowed)
            return Outcome::refused(
                tr("Frame %1: %2").arg(frame.frameIndex).arg(allowed.message()));
    }
    frame.imagePath = attempt->candidatePath;
    frame.directorOverrides.isPatched = false; // the patches stay in the history
    frame.directorOverrides.verdict.reset();   // it was about another image
    frame.auditReport = AuditReport();
    frame.status = FrameStatus::Generated;
    const auto run =
        std::find_if(m_run.frames.cbegin(), m_run.frames.cend(),
                     [&](const DirectorFrameState &r) { return r.frameIndex == frame.frameIndex; });
    if (run == m_run.frames.cend() || run->imagePath != frame.imagePath ||
        run->status == FrameStatus::Pending || run->status == FrameStatus::Generated)
        return Outcome::ok();
    frame.auditReport = run->auditReport;
    frame.status = run->status;
    // A nudge or patch made for another image is for the operator to look at again.
    const DirectorOverrides &overrides = frame.directorOverrides;
    if (frame.status == FrameStatus::Approved &&
        (overrides.alignment || !overrides.patchHistory.isEmpty()))
        frame.status = FrameStatus::AuditWarn;
    return TransitionRules::check(FrameStatus::Generated, frame.status);
}

Outcome SessionManager::applyFrameEdit(int frameIndex, const FrameEdit &edit)
{
    finishBatch();
    DirectorFrameState before;
    if (const Outcome found = frameFor(frameIndex, &before); !found)
        return found;
    DirectorFrameState frame;
    if (const Outcome edited = editedFrame(before, edit, &frame); !edited)
        return edited;
    return saveFrameState(frameIndex, frame);
}

Outcome SessionManager::applyFrameEdits(const QList<std::pair<int, FrameEdit>> &edits,
                                        Refusals policy, QList<FrameRefusal> *refused,
                                        QList<int> *changedFrames)
{
    if (refused)
        refused->clear();
    if (changedFrames)
        changedFrames->clear();
    finishBatch();
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    // One moment and one reviewer for the whole batch.
    m_batch = {true, Timestamps::now(), {}, {}};
    const auto batchDone = qScopeGuard([this] { m_batch = {}; });
    // One copy of the frames, made when the first edit changes one (QMap is shared until).
    QMap<int, DirectorFrameState> frames = m_session->frames;
    QList<int> changed;
    QList<FrameRefusal> refusals;
    for (const auto &entry : edits) {
        // Not a structured binding: clang (the fuzz build) cannot capture one in the lambda.
        const int frameIndex = entry.first;
        const FrameEdit &edit = entry.second;
        const auto before = frames.constFind(frameIndex);
        DirectorFrameState frame;
        const Outcome edited =
            before == frames.cend()
                ? Outcome::invalid(tr("There is no frame %1 in this session.").arg(frameIndex))
                : editedFrame(*before, edit, &frame);
        if (!edited)
            refusals.append({frameIndex, edited});
        else if (frame != *before) {
            frames[frameIndex] = std::move(frame);
            changed.append(frameIndex);
        }
    }
    if (refused)
        *refused = refusals;
    return adoptEdited(std::move(frames), std::move(changed), refusals, policy, changedFrames);
}

Outcome SessionManager::adoptEdited(QMap<int, DirectorFrameState> frames, QList<int> changed,
                                    const QList<FrameRefusal> &refusals, Refusals policy,
                                    QList<int> *changedFrames)
{
    if (!refusals.isEmpty() && (policy == Refusals::ApplyNone || changed.isEmpty()))
        return Outcome::refused(refusals.constFirst().outcome.message());
    if (changed.isEmpty())
        return Outcome::ok();
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    if (changedFrames)
        *changedFrames = changed;
    DirectorSession candidate = *m_session;
    candidate.frames = std::move(frames);
    return saveChangedFrames(std::move(candidate), changed);
}

bool SessionManager::isVerdictOnly(const FrameEdit &edit)
{
    return edit.status && edit.alignment == FrameEdit::Alignment::Keep && !edit.notes &&
           !edit.patch && !edit.attempt && !edit.revertPatches;
}

SessionManager::BatchResult
SessionManager::verdictBatch(QMap<int, DirectorFrameState> frames,
                             const QList<std::pair<int, FrameEdit>> &edits, const QString &time)
{
    // What editedFrame() does for a verdict (its overrides' checks have nothing to check: the
    // verdict is all that changes), on this thread's copy of the frames.
    BatchResult result;
    QString asked;
    std::optional<QString> reviewer;
    const auto reviewerOf = [&](const FrameEdit &edit) {
        if (!reviewer || asked != edit.reviewer) {
            asked = edit.reviewer;
            reviewer = Reviewer::orLoginName(edit.reviewer);
        }
        return *reviewer;
    };
    for (const auto &entry : edits) {
        // Not a structured binding: clang (the fuzz build) cannot capture one in the lambda.
        const int frameIndex = entry.first;
        const FrameEdit &edit = entry.second;
        const auto before = frames.constFind(frameIndex);
        DirectorFrameState frame;
        Outcome edited =
            before == frames.cend()
                ? Outcome::invalid(tr("There is no frame %1 in this session.").arg(frameIndex))
                : Outcome::ok();
        if (edited) {
            frame = *before;
            edited = statusFor(
                frame, edit.status, edit, [&] { return reviewerOf(edit); }, time);
        }
        if (!edited)
            result.refusals.append({frameIndex, edited});
        else if (frame != *before) {
            frames[frameIndex] = std::move(frame);
            result.changed.append(frameIndex);
        }
    }
    result.frames = std::move(frames);
    return result;
}

void SessionManager::applyFrameEditsInBackground(const QList<std::pair<int, FrameEdit>> &edits,
                                                 Refusals policy, const BatchDone &done)
{
    finishBatch();
    const bool background = m_writer && m_session && checkWritable() &&
                            edits.size() >= backgroundBatch &&
                            std::all_of(edits.cbegin(), edits.cend(),
                                        [](const auto &e) { return isVerdictOnly(e.second); });
    if (!background) {
        const QMap<int, DirectorFrameState> before =
            m_session ? m_session->frames : QMap<int, DirectorFrameState>();
        QList<FrameRefusal> refused;
        QList<int> changed;
        const Outcome outcome = applyFrameEdits(edits, policy, &refused, &changed);
        done(outcome, refused, before, changed);
        return;
    }
    auto job = std::make_unique<BatchJob>();
    job->base = m_session->frames;
    job->edits = edits;
    job->policy = policy;
    job->done = done;
    job->future =
        BackgroundPool::run(&SessionManager::verdictBatch, job->base, edits, Timestamps::now());
    m_job = std::move(job);
    m_batchWatcher.setFuture(m_job->future);
}

bool SessionManager::isApplyingBatch() const
{
    return bool(m_job);
}

void SessionManager::finishBatch()
{
    if (!m_job)
        return;
    const std::unique_ptr<BatchJob> job = std::move(m_job);
    job->future.waitForFinished(); // a few milliseconds at most; usually done
    BatchResult result = job->future.result();
    QList<int> changed;
    Outcome outcome;
    const QMap<int, DirectorFrameState> before = job->base;
    if (!framesAre(job->base) || !checkWritable()) {
        // Changed or closed meanwhile (nothing should: every change finishes the batch
        // first): made again on the session as it is now.
        outcome = applyFrameEdits(job->edits, job->policy, &result.refusals, &changed);
    } else {
        outcome = adoptEdited(std::move(result.frames), std::move(result.changed), result.refusals,
                              job->policy, &changed);
    }
    job->done(outcome, result.refusals, before, changed);
}

QString SessionManager::editTime() const
{
    return m_batch.active ? m_batch.now : Timestamps::now();
}

QString SessionManager::reviewerOf(const FrameEdit &edit) const
{
    if (!m_batch.active)
        return Reviewer::orLoginName(edit.reviewer);
    // A batch's edits name the same reviewer: found once, and one text shared by every verdict.
    if (!m_batch.reviewer || m_batch.reviewerAsked != edit.reviewer) {
        m_batch.reviewerAsked = edit.reviewer;
        m_batch.reviewer = Reviewer::orLoginName(edit.reviewer);
    }
    return *m_batch.reviewer;
}

bool SessionManager::framesAre(const QMap<int, DirectorFrameState> &expected) const
{
    return m_session && m_session->frames.isSharedWith(expected);
}

Outcome SessionManager::replaceFrames(const QMap<int, DirectorFrameState> &expected,
                                      const QMap<int, DirectorFrameState> &frames,
                                      const QList<int> &changed)
{
    finishBatch();
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    if (!framesAre(expected))
        return Outcome::refused(tr("The frames have changed since."));
    if (changed.isEmpty() || frames.isSharedWith(expected))
        return Outcome::ok();
    DirectorSession candidate = *m_session;
    candidate.frames = frames;
    return saveChangedFrames(std::move(candidate), changed);
}

void SessionManager::signalChanged(const QList<int> &changed, const QString &lastModifiedBefore)
{
    // Memory took it (every change gets a later lastModified): its frames changed.
    if (m_session->lastModified == lastModifiedBefore)
        return;
    if (changed.size() == 1)
        emit frameChanged(changed.constFirst());
    else
        emit framesChanged(changed);
}

Outcome SessionManager::saveChangedFrames(DirectorSession candidate, const QList<int> &changed)
{
    const QString previous = m_session->lastModified;
    noteChanged(changed);
    const Outcome saved = saveAndAdopt(std::move(candidate));
    signalChanged(changed, previous);
    return saved;
}

Outcome SessionManager::saveFrameStates(const QList<DirectorFrameState> &states)
{
    finishBatch();
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    // The frames as they will be (a frame given twice: the later state).
    QMap<int, DirectorFrameState> next;
    for (const DirectorFrameState &state : states) {
        const auto given = next.constFind(state.frameIndex);
        const auto inSession = m_session->frames.constFind(state.frameIndex);
        const DirectorFrameState *current = given != next.cend()                    ? &*given
                                            : inSession != m_session->frames.cend() ? &*inSession
                                                                                    : nullptr;
        if (!current || state.id != current->id)
            return Outcome::invalid(
                tr("The state given is not the state of frame %1.").arg(state.frameIndex));
        if (state == *current)
            continue;
        next.insert(state.frameIndex, state);
    }
    if (next.isEmpty())
        return Outcome::ok();
    const QList<int> changed = next.keys();
    const QString previous = m_session->lastModified;
    const Outcome saved = saveFramesInPlace(next.values());
    signalChanged(changed, previous);
    return saved;
}

Outcome SessionManager::editedFrame(const DirectorFrameState &before, const FrameEdit &edit,
                                    DirectorFrameState *edited)
{
    DirectorFrameState &frame = *edited;
    frame = before;
    DirectorOverrides &overrides = frame.directorOverrides;
    std::optional<FrameStatus> status = edit.status;
    if (edit.attempt) {
        if (const Outcome taken = takeAttempt(frame, *edit.attempt); !taken)
            return taken;
    }
    if (edit.revertPatches) {
        if (const Outcome reverted = FramePatches::revert(frame, status); !reverted)
            return reverted;
    }
    if (edit.patch) {
        if (const Outcome added = FramePatches::add(frame, *edit.patch, RunPaths(runDir()), status);
            !added)
            return added;
    }
    switch (edit.alignment) {
    case FrameEdit::Alignment::Keep:
        break;
    case FrameEdit::Alignment::Set:
    case FrameEdit::Alignment::Move: {
        HumanAlignmentDelta delta = overrides.alignment.value_or(HumanAlignmentDelta());
        const bool move = edit.alignment == FrameEdit::Alignment::Move;
        delta.frameId = frame.id;
        delta.userOverrideX = move ? delta.userOverrideX + edit.alignmentX : edit.alignmentX;
        delta.userOverrideY = move ? delta.userOverrideY + edit.alignmentY : edit.alignmentY;
        delta.timestamp = editTime();
        overrides.alignment = delta;
        // A nudge is the operator's review of a warned frame (docs/session-file.md, Status
        // transitions).
        if (!status && frame.status == FrameStatus::AuditWarn)
            status = FrameStatus::Approved;
        break;
    }
    case FrameEdit::Alignment::Clear:
        overrides.alignment.reset();
        break;
    }
    if (edit.notes)
        overrides.notes = edit.notes;
    if (const Outcome checked = checkOverrides(before, frame); !checked)
        return checked;
    return setStatus(frame, status, edit);
}

Outcome SessionManager::setStatus(DirectorFrameState &frame, std::optional<FrameStatus> status,
                                  const FrameEdit &edit) const
{
    return statusFor(
        frame, status, edit, [&] { return reviewerOf(edit); }, editTime());
}

Outcome SessionManager::statusFor(DirectorFrameState &frame, std::optional<FrameStatus> status,
                                  const FrameEdit &edit, const std::function<QString()> &reviewer,
                                  const QString &time)
{
    const int index = frame.frameIndex;
    const QString reason = edit.reason.trimmed();
    const bool reasoned = !edit.reasonCode.isEmpty() || !reason.isEmpty();
    if (reasoned && edit.status != FrameStatus::AuditFail)
        return Outcome::invalid(
            tr("Frame %1: only a rejection (AUDIT_FAIL) carries a reason.").arg(index));
    if (!edit.reasonCode.isEmpty() && !ReasonCodes::isWellFormed(edit.reasonCode))
        return Outcome::invalid(tr("\"%1\" is not a reason code such as SF01_IDENTITY_DRIFT "
                                   "(capitals, digits and underscores).")
                                    .arg(edit.reasonCode));
    if (reason.size() > maxNotesLength)
        return Outcome::invalid(
            tr("A reason can be at most %1 characters long.").arg(maxNotesLength));
    // A reason for a frame the audit failed already confirms its rejection: no new status.
    const bool confirms = reasoned && frame.status == FrameStatus::AuditFail;
    if (status && !confirms) {
        if (const Outcome allowed = TransitionRules::check(frame.status, *status); !allowed)
            return Outcome::refused(tr("Frame %1: %2").arg(index).arg(allowed.message()));
        frame.status = *status;
    }
    std::optional<Verdict> &verdict = frame.directorOverrides.verdict;
    // The operator's own status, or a nudge's or patch's approval; not a revert's rejection.
    const bool judged = status && (edit.status || *status == FrameStatus::Approved);
    if (judged && Verdict::isVerdictStatus(frame.status)) {
        Verdict made;
        made.status = frame.status;
        made.reviewer = reviewer();
        made.timestamp = time;
        if (!edit.reasonCode.isEmpty())
            made.reasonCode = edit.reasonCode;
        if (!reason.isEmpty())
            made.reason = reason;
        verdict = made;
    } else if (verdict && verdict->status != frame.status) {
        verdict.reset();
    }
    return Outcome::ok();
}

Outcome SessionManager::checkOverrides(const DirectorFrameState &before, DirectorFrameState &frame)
{
    const DirectorOverrides &was = before.directorOverrides;
    DirectorOverrides &overrides = frame.directorOverrides;
    const bool alignmentChanged = overrides.alignment != was.alignment;
    if (alignmentChanged && overrides.alignment) {
        if (const Outcome time = checkTime(overrides.alignment->timestamp,
                                           tr("The alignment's time \"%1\" is not a UTC time "
                                              "like 2026-01-18T12:00:00.000Z."));
            !time)
            return time;
        if (overrides.alignment->frameId != frame.id)
            return Outcome::invalid(
                tr("The alignment names %1, not %2.").arg(overrides.alignment->frameId, frame.id));
        if (const Outcome held = holdAsWritten(&overrides.alignment->extra); !held)
            return held;
    }
    const bool patchesChanged =
        overrides.isPatched != was.isPatched || overrides.patchHistory != was.patchHistory;
    if (patchesChanged) {
        if (const Outcome patches = checkPatches(was.patchHistory, overrides); !patches)
            return patches;
    }
    if (overrides.notes != was.notes) {
        if (const Outcome notes = checkNotes(overrides.notes); !notes)
            return notes;
    }
    const bool membersChanged = overrides.extra != was.extra;
    if (membersChanged) {
        if (const Outcome held = holdAsWritten(&overrides.extra); !held)
            return held;
    }
    const bool verdictChanged = overrides.verdict != was.verdict;
    if (verdictChanged && overrides.verdict) {
        if (const Outcome verdict = checkVerdict(frame, *overrides.verdict); !verdict)
            return verdict;
        if (const Outcome held = holdAsWritten(&overrides.verdict->extra); !held)
            return held;
    }
    // The offset, new or kept under a new image, against the image commit will take.
    if (overrides.alignment &&
        (alignmentChanged || frame.finalImagePath() != before.finalImagePath())) {
        if (const Outcome offset = checkOffset(frame); !offset)
            return offset;
    }
    if (alignmentChanged || patchesChanged || membersChanged || verdictChanged) {
        if (const Outcome asIs = SessionCodec::checkReadsBackAsIs(frame); !asIs)
            return Outcome::invalid(
                tr("These overrides cannot be saved as given: %1").arg(asIs.message()));
    }
    return Outcome::ok();
}

Outcome SessionManager::checkPatches(const QList<PatchHistoryEntry> &was,
                                     DirectorOverrides &overrides) const
{
    if (overrides.isPatched && overrides.patchHistory.isEmpty())
        return Outcome::invalid(tr("A patched frame needs at least one patch entry."));
    for (qsizetype i = 0; i < overrides.patchHistory.size(); ++i) {
        PatchHistoryEntry &entry = overrides.patchHistory[i];
        if (i < was.size() && entry == was.at(i))
            continue; // as it was
        if (const Outcome checked = checkPatch(&entry); !checked)
            return checked;
        if (const Outcome held = holdAsWritten(&entry.extra); !held)
            return held;
    }
    return Outcome::ok();
}

Outcome SessionManager::checkOffset(const DirectorFrameState &frame)
{
    Q_ASSERT(frame.directorOverrides.alignment);
    const double x = frame.directorOverrides.alignment->userOverrideX;
    const double y = frame.directorOverrides.alignment->userOverrideY;
    for (double v : {x, y}) {
        if (!std::isfinite(v) || std::fabs(v) > SessionCodec::maxOffset)
            return Outcome::invalid(tr("An offset must be a number from -%1 to %1 pixels.")
                                        .arg(SessionCodec::maxOffset));
    }
    // The image commit moves: the latest patch, else the frame's image.
    const QString &stored = frame.finalImagePath();
    if (stored.isEmpty())
        return Outcome::ok(); // no image yet: nothing to move off its canvas
    const RunPaths paths(runDir());
    const Result<QString> file = paths.resolveExistingFile(stored);
    if (!file)
        return Outcome::ok(); // commit says what is wrong with it
    const QFileInfo info(*file);
    const QDateTime modified = info.lastModified();
    if (m_offsetImage.path != *file || m_offsetImage.modified != modified ||
        m_offsetImage.size != info.size()) {
        QImage image = ImageLoader::load(*file).valueOr(QImage());
        const QRect bounds = image.isNull() ? QRect() : CommitExporter::opaqueBounds(image);
        m_offsetImage = {*file, modified, info.size(), std::move(image), bounds};
    }
    const QImage &image = m_offsetImage.image;
    const QRect &bounds = m_offsetImage.bounds;
    const int dx = CommitExporter::roundOffset(x);
    const int dy = CommitExporter::roundOffset(y);
    // A frame with no visible pixel at all keeps none at any offset. Its
    // visible pixels' box moved and still wholly on the canvas keeps them
    // all; only a box moved partly off needs a look at the pixels.
    if (bounds.isNull() || image.rect().contains(bounds.translated(dx, dy)) ||
        (image.rect().intersects(bounds.translated(dx, dy)) &&
         CommitExporter::keepsOpaquePixel(image, dx, dy)))
        return Outcome::ok();
    return Outcome::invalid(
        tr("Frame %1: an offset of %2,%3 would move every visible pixel of the frame off its "
           "%4×%5 canvas. Offsets from %6 to %7 across and from %8 to %9 down keep it in view.")
            .arg(frame.frameIndex)
            .arg(dx)
            .arg(dy)
            .arg(image.width())
            .arg(image.height())
            .arg(-bounds.right())
            .arg(image.width() - 1 - bounds.left())
            .arg(-bounds.bottom())
            .arg(image.height() - 1 - bounds.top()));
}

Outcome SessionManager::saveFrameState(int frameIndex, const DirectorFrameState &state)
{
    finishBatch();
    DirectorFrameState current;
    if (const Outcome found = frameFor(frameIndex, &current); !found)
        return found;
    if (state.frameIndex != frameIndex || state.id != current.id)
        return Outcome::invalid(
            tr("The state given is not the state of frame %1.").arg(frameIndex));
    if (state == current)
        return Outcome::ok();
    const Outcome saved = saveFramesInPlace({state});
    if (m_session->frames.value(frameIndex) == state)
        emit frameChanged(frameIndex);
    return saved;
}

Outcome SessionManager::saveFramesInPlace(QList<DirectorFrameState> states)
{
    // Swapped in: `states` holds the frames as they were, and the time.
    DirectorSession &session = *m_session;
    QString lastModified = nextTimestamp();
    std::swap(session.lastModified, lastModified);
    QList<int> changed;
    changed.reserve(states.size());
    for (DirectorFrameState &state : states) {
        changed.append(state.frameIndex);
        std::swap(session.frames[state.frameIndex], state);
    }
    // The store encodes only these frames anew: it wrote every other one as it is.
    noteChanged(changed);
    const SessionStore::Changes changes = takeChanges();
    if (m_writer) {
        // Adopted at once; saveState() says Saving until the writer reports.
        m_writer->submit(++m_revision, session, changes);
        emit saveStateChanged();
        return Outcome::ok();
    }
    bool written = false;
    const Outcome outcome = m_store->save(session, &written, changes);
    // Memory follows the file: when the new file is not in place, the frames go back (and
    // differ from those the store encoded).
    if (!written) {
        for (auto it = states.rbegin(); it != states.rend(); ++it)
            std::swap(session.frames[it->frameIndex], *it);
        std::swap(session.lastModified, lastModified);
        noteChanged(changed);
    }
    if (const Outcome reported = reportSave(outcome); !reported)
        return reported;
    emit saved(session.lastModified);
    return Outcome::ok();
}

DirectorSession SessionManager::withNews(const DirectorSession &session,
                                         const RunIngest::Plan &plan, QList<int> *changed,
                                         QList<int> *added)
{
    DirectorSession candidate = session;
    for (const RunIngest::Change &change : plan.changes) {
        const int index = change.before.frameIndex;
        const auto frame = candidate.frames.find(index);
        if (frame == candidate.frames.end() || *frame != change.before ||
            change.after.frameIndex != index || change.after.id != frame->id)
            continue;
        FrameStatus from = change.before.status;
        bool allowed = true;
        for (const FrameStatus step : change.steps) {
            allowed = allowed && TransitionRules::isAllowed(from, step);
            from = step;
        }
        if (!allowed || from != change.after.status) {
            qWarning("Director: the pipeline's change to frame %d was not taken in: %s", index,
                     qPrintable(TransitionRules::check(change.before.status, from).message()));
            continue;
        }
        *frame = change.after;
        // The operator's verdict was about the frame as it was: not about a new image or status.
        std::optional<Verdict> &verdict = frame->directorOverrides.verdict;
        if (verdict &&
            (frame->status != change.before.status || frame->imagePath != change.before.imagePath))
            verdict.reset();
        if (changed)
            changed->append(index);
    }
    for (const DirectorFrameState &frame : plan.added) {
        if (candidate.frames.contains(frame.frameIndex) ||
            frame.id != DirectorFrameState::idForIndex(frame.frameIndex) ||
            candidate.frames.size() >= RunFolder::maxFrameCount)
            continue;
        candidate.frames.insert(frame.frameIndex, frame);
        if (added)
            added->append(frame.frameIndex);
    }
    return candidate;
}

Outcome SessionManager::ingest(const RunIngest::Plan &plan, int *changedCount, int *addedCount)
{
    int changed = 0;
    int added = 0;
    const Outcome outcome = takeInNews(plan, &changed, &added);
    // News from another read of the run (RunWatcher's) taken in: run() is no longer the run the
    // session is of, and its fingerprint vouches for nothing now.
    if (changed > 0 || added > 0)
        m_runFingerprint.reset();
    if (changedCount)
        *changedCount = changed;
    if (addedCount)
        *addedCount = added;
    return outcome;
}

Outcome SessionManager::takeInNews(const RunIngest::Plan &plan, int *changedCount, int *addedCount)
{
    finishBatch();
    if (changedCount)
        *changedCount = 0;
    if (addedCount)
        *addedCount = 0;
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    if (m_committing)
        return Outcome::refused(tr("A commit is under way: the pipeline's news waits for it."));
    QList<int> changed;
    QList<int> added;
    DirectorSession candidate = withNews(*m_session, plan, &changed, &added);
    if (changed.isEmpty() && added.isEmpty())
        return Outcome::ok();
    const DirectorSession expected = candidate;
    noteChanged(changed);
    noteChanged(added);
    const Outcome saved = saveAndAdopt(std::move(candidate));
    if (m_session->frames != expected.frames)
        return saved; // not kept (a synchronous save failed)
    if (changedCount)
        *changedCount = int(changed.size());
    if (addedCount)
        *addedCount = int(added.size());
    if (!added.isEmpty())
        emit framesAdded(added);
    for (const int index : std::as_const(changed))
        emit frameChanged(index);
    return saved;
}

Outcome SessionManager::ingestRun(int *changed, int *added)
{
    if (!m_session)
        return Outcome::failed(tr("No session is open."));
    // News from run() itself: the run it holds is still the one its fingerprint tells.
    return takeInNews(RunIngest::plan(*m_session, m_run, runDir()), changed, added);
}

Outcome SessionManager::updateFrameStatus(int frameIndex, FrameStatus status)
{
    return applyFrameEdit(frameIndex, FrameEdit::statusTo(status));
}

Outcome SessionManager::checkPatch(PatchHistoryEntry *entry) const
{
    // Paths inside the run folder only, written relative to it.
    const RunPaths paths(runDir());
    for (QString *path : {&entry->originalPath, &entry->patchedPath, &entry->maskPath}) {
        if (path->isEmpty() && path != &entry->patchedPath)
            continue;
        const Result<QString> relative = paths.toRelative(*path);
        if (!relative)
            return Outcome::invalid(
                tr("The patch cannot be recorded: %1").arg(relative.outcome().message()));
        *path = *relative;
    }
    return checkTime(
        entry->timestamp,
        tr("The patch's time \"%1\" is not a UTC time like 2026-01-18T12:00:00.000Z."));
}

Outcome SessionManager::updateFrameOverrides(int frameIndex, const DirectorOverrides &overrides)
{
    finishBatch();
    DirectorFrameState before;
    if (const Outcome found = frameFor(frameIndex, &before); !found)
        return found;
    DirectorFrameState frame = before;
    frame.directorOverrides = overrides;
    if (const Outcome checked = checkOverrides(before, frame); !checked)
        return checked;
    return saveFrameState(frameIndex, frame);
}

std::optional<DirectorFrameState> SessionManager::getFrameState(int frameIndex) const
{
    if (!m_session)
        return std::nullopt;
    const auto it = m_session->frames.constFind(frameIndex);
    if (it == m_session->frames.cend())
        return std::nullopt;
    return it.value();
}

Outcome SessionManager::commitSession(const CommitExporter::Progress &progress)
{
    finishBatch();
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    if (const Outcome saves = waitForSaves(); !saves)
        return Outcome::failed(
            tr("Nothing was committed: the latest changes are not saved. %1").arg(saves.message()));
    // The progress may run the event loop (a progress dialog): the pipeline's
    // news waits until the commit is done (ingest refuses meanwhile), and the
    // session marked committed is the one exported, whatever happens meanwhile.
    m_committing = true;
    const auto committed = qScopeGuard([this] { m_committing = false; });
    const DirectorSession exportedSession = *m_session;
    CommitInfo info;
    CommitExporter exporter(runDir());
    if (m_run.manifest.targetSize > 0)
        exporter.setExpectedSize(QSize(m_run.manifest.targetSize, m_run.manifest.targetSize));
    if (const Outcome exported = exporter.exportFrames(exportedSession, &info, progress); !exported)
        return exported;
    DirectorSession candidate = exportedSession;
    candidate.status = SessionStatus::Committed;
    candidate.commitInfo = info;
    const Outcome saved = saveAndAdopt(std::move(candidate), true);
    if (m_session->status == SessionStatus::Committed)
        emit sessionStatusChanged();
    if (!saved) {
        return Outcome::failed(tr("The frames were written to approved/, but the session could "
                                  "not be marked committed: %1")
                                   .arg(saved.message()));
    }
    return Outcome::ok();
}

Outcome SessionManager::discardSession()
{
    finishBatch();
    if (const Outcome writable = checkWritable(); !writable)
        return writable;
    if (const Outcome saves = waitForSaves(); !saves)
        return Outcome::failed(
            tr("Not discarded: the latest changes are not saved. %1").arg(saves.message()));
    DirectorSession candidate = *m_session;
    candidate.status = SessionStatus::Discarded;
    const Outcome saved = saveAndAdopt(std::move(candidate), true);
    if (m_session->status == SessionStatus::Discarded)
        emit sessionStatusChanged();
    return saved;
}
