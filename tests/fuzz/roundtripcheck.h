#pragma once

// "What Director writes, Director reads back, whatever the input": the check
// shared by the libFuzzer target fuzz_roundtrip and the property test
// tst_roundtrip. One input (rungenerator.h's layout) becomes a run folder;
// Director opens it (creating and saving the session), then applies the
// edits the input's edit bytes describe. After every successful step:
//   - the session in memory encodes to bytes that decode (with the run's
//     RunPaths) without errors or notes to exactly that session, and encode
//     again to the same bytes;
//   - when Director wrote the file, the file holds exactly those bytes;
//   - a second SessionManager opens the run after close() (always, once
//     Director saved the file) and has the same session.
// check() returns the first violation, empty when there is none.

#include "rungenerator.h"

#include "review/runstatus.h"
#include "review/sessionmanager.h"
#include "review/statuscache.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "run/runpaths.h"
#include "run/runreadcache.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <memory>

namespace RoundTrip {

// Where two sessions first differ ("frames.3.attemptHistory.0.timestamp"), with both values.
inline QString difference(const DirectorSession &a, const DirectorSession &b)
{
    auto text = [](const auto &v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, QString>)
            return QStringLiteral("\"%1\"").arg(v.left(80));
        else if constexpr (std::is_same_v<T, QJsonObject>)
            return QString::fromUtf8(QJsonDocument(v).toJson(QJsonDocument::Compact).left(80));
        else if constexpr (std::is_same_v<T, JsonMembers>)
            return QString::fromUtf8(v.text().first(std::min<qsizetype>(80, v.text().size())));
        else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, int>)
            return QString::number(v, 'g', 17);
        else
            return QStringLiteral("(differs)");
    };
#define ROUNDTRIP_FIELD(path, x, y)                                                                \
    if (!((x) == (y)))                                                                             \
        return path + QStringLiteral(": ") + text(x) + QStringLiteral(" vs ") + text(y);
    ROUNDTRIP_FIELD(QStringLiteral("sessionId"), a.sessionId, b.sessionId)
    ROUNDTRIP_FIELD(QStringLiteral("runId"), a.runId, b.runId)
    ROUNDTRIP_FIELD(QStringLiteral("moveId"), a.moveId, b.moveId)
    ROUNDTRIP_FIELD(QStringLiteral("createdAt"), a.createdAt, b.createdAt)
    ROUNDTRIP_FIELD(QStringLiteral("lastModified"), a.lastModified, b.lastModified)
    ROUNDTRIP_FIELD(QStringLiteral("extra"), a.extra, b.extra)
    if (a.frames.keys() != b.frames.keys())
        return QStringLiteral("frames: different indexes");
    for (auto it = a.frames.cbegin(); it != a.frames.cend(); ++it) {
        const DirectorFrameState &x = it.value();
        const DirectorFrameState &y = b.frames.value(it.key());
        const QString f = QStringLiteral("frames.%1.").arg(it.key());
        ROUNDTRIP_FIELD(f + QStringLiteral("id"), x.id, y.id)
        ROUNDTRIP_FIELD(f + QStringLiteral("status"), frameStatusName(x.status),
                        frameStatusName(y.status))
        ROUNDTRIP_FIELD(f + QStringLiteral("imagePath"), x.imagePath, y.imagePath)
        ROUNDTRIP_FIELD(f + QStringLiteral("auditReport.compositeScore"),
                        x.auditReport.compositeScore, y.auditReport.compositeScore)
        ROUNDTRIP_FIELD(f + QStringLiteral("auditReport.flags"), x.auditReport.flags.join(u','),
                        y.auditReport.flags.join(u','))
        ROUNDTRIP_FIELD(f + QStringLiteral("auditReport.extra"), x.auditReport.extra,
                        y.auditReport.extra)
        if (!(x.auditReport == y.auditReport))
            return f + QStringLiteral("auditReport");
        const DirectorOverrides &o = x.directorOverrides;
        const DirectorOverrides &p = y.directorOverrides;
        if (o.alignment && p.alignment) {
            ROUNDTRIP_FIELD(f + QStringLiteral("directorOverrides.alignment.userOverrideX"),
                            o.alignment->userOverrideX, p.alignment->userOverrideX)
            ROUNDTRIP_FIELD(f + QStringLiteral("directorOverrides.alignment.userOverrideY"),
                            o.alignment->userOverrideY, p.alignment->userOverrideY)
            ROUNDTRIP_FIELD(f + QStringLiteral("directorOverrides.alignment.timestamp"),
                            o.alignment->timestamp, p.alignment->timestamp)
        }
        ROUNDTRIP_FIELD(f + QStringLiteral("directorOverrides.notes"),
                        o.notes.value_or(QStringLiteral("(none)")),
                        p.notes.value_or(QStringLiteral("(none)")))
        if (!(o == p))
            return f + QStringLiteral("directorOverrides");
        ROUNDTRIP_FIELD(f + QStringLiteral("attemptHistory.size"), int(x.attemptHistory.size()),
                        int(y.attemptHistory.size()))
        for (qsizetype i = 0; i < x.attemptHistory.size(); ++i) {
            const AttemptInfo &s = x.attemptHistory[i];
            const AttemptInfo &t = y.attemptHistory[i];
            const QString at = f + QStringLiteral("attemptHistory.%1.").arg(i);
            ROUNDTRIP_FIELD(at + QStringLiteral("attemptIndex"), s.attemptIndex, t.attemptIndex)
            ROUNDTRIP_FIELD(at + QStringLiteral("timestamp"), s.timestamp, t.timestamp)
            ROUNDTRIP_FIELD(at + QStringLiteral("candidatePath"), s.candidatePath, t.candidatePath)
            ROUNDTRIP_FIELD(at + QStringLiteral("extra"), s.extra, t.extra)
            if (!(s == t))
                return at.chopped(1);
        }
        ROUNDTRIP_FIELD(f + QStringLiteral("extra"), x.extra, y.extra)
    }
#undef ROUNDTRIP_FIELD
    if (!(a == b))
        return QStringLiteral("(status, commitInfo or schemaVersion)");
    return {};
}

class Checker
{
public:
    Checker(const QString &runDir, const RunGenerator::Options &options)
        : m_runDir(runDir), m_options(options)
    {}

    QString run(const QByteArray &bytes);
    const QStringList &log() const { return m_log; }
    int steps() const { return m_steps; }

private:
    QString sessionPath() const { return m_runDir + QStringLiteral("/director_session.json"); }
    QByteArray fileBytes() const
    {
        QFile file(sessionPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // The session in memory survives encode, decode, encode.
    QString checkMemory() const;
    // The file on disk is Director's and holds the session in memory.
    QString checkDisk() const;
    // `director status` told again from what it keeps (StatusCache) is the status told.
    QString checkStatusToldAgain() const;
    // What RunReadCache keeps of the run's read (for `director status` after a review) reads
    // back as the read itself.
    QString checkRunReadKept() const;
    // close() and open the run again: it must open (when Director wrote the
    // file) and hold the same session.
    QString reopen();
    // One step of the edit stream; sets *saved when it changed the file.
    QString step(RunGenerator::ByteSource &in, const QString &what, const Outcome &outcome,
                 const QByteArray &before);
    int framePick(RunGenerator::ByteSource &in) const;
    QString text(RunGenerator::ByteSource &in) const;
    QString path(RunGenerator::ByteSource &in) const;
    QString timestamp(RunGenerator::ByteSource &in) const;
    double offset(RunGenerator::ByteSource &in) const
    {
        const int i = in.byte();
        const QList<double> &table = RunGenerator::Edit::offsets();
        return i < table.size() ? table[i] : i < 200 ? (i - 100) * 0.25 : in.rawDouble();
    }

    QString m_runDir;
    RunGenerator::Options m_options;
    quint16 m_flags = 0;
    std::unique_ptr<SessionManager> m_manager;
    bool m_directorWrote = false; // the file is the one Director last wrote
    QStringList m_log;
    int m_steps = 0;
};

inline QString Checker::checkStatusToldAgain() const
{
    const RunStatus status = RunStatus::of(*m_manager);
    const std::optional<RunStatus> again =
        RunStatus::fromJson(status.summaryJson(), status.runDir());
    if (!again)
        return QStringLiteral("status: its summary cannot be read back");
    const auto differs = [&status](const RunStatus &other) {
        return other.summaryJson() != status.summaryJson() || other.toJson() != status.toJson();
    };
    if (differs(*again)) {
        return QStringLiteral("status: told again, it differs: %1")
            .arg(QString::fromUtf8(
                QJsonDocument(again->summaryJson()).toJson(QJsonDocument::Compact).left(300)));
    }
    // And through the bytes of the file StatusCache keeps (when it keeps one: not what would
    // not read back as it is).
    const QString folder = m_runDir + QStringLiteral(".statuscache");
    QDir(folder).removeRecursively();
    const StatusCache cache(folder);
    cache.keep(status.runDir(), "check", status);
    const std::optional<RunStatus> kept = cache.find(status.runDir(), "check", status.runDir());
    QDir(folder).removeRecursively();
    if (kept && differs(*kept))
        return QStringLiteral("status: told again from the cache's file, it differs");
    return {};
}

inline QString Checker::checkRunReadKept() const
{
    RunFolder::Contents contents;
    if (!RunFolder::read(m_runDir, &contents))
        return {};
    const std::optional<RunFolder::Contents> back =
        RunReadCache::decode(RunReadCache::encode(contents));
    if (!back)
        return QStringLiteral("run read: what the cache keeps of it does not decode");
    if (!RunReadCache::same(*back, contents))
        return QStringLiteral("run read: what the cache keeps of it reads back differently");
    return {};
}

inline QString Checker::checkMemory() const
{
    const DirectorSession &session = m_manager->session();
    const QByteArray bytes = SessionCodec::encode(session);
    const RunPaths paths(m_runDir);
    const SessionDecodeResult decoded = SessionCodec::decode(bytes, &paths);
    if (!decoded.isOk()) {
        if (qEnvironmentVariableIsSet("DIRECTOR_ROUNDTRIP_DUMP")) {
            QFile dump(qEnvironmentVariable("DIRECTOR_ROUNDTRIP_DUMP"));
            if (dump.open(QIODevice::WriteOnly))
                dump.write(bytes);
        }
        return QStringLiteral("what Director writes does not decode (%1 bytes): %2")
            .arg(bytes.size())
            .arg(decoded.errors.isEmpty() ? QStringLiteral("state %1").arg(int(decoded.state))
                                          : decoded.errors.first().toString().left(300));
    }
    if (!decoded.notes.isEmpty())
        return QStringLiteral("what Director writes decodes with a note: %1")
            .arg(decoded.notes.first().toString().left(300));
    if (!(*decoded.session == session))
        return QStringLiteral("what Director writes decodes to another session: %1")
            .arg(difference(session, *decoded.session));
    if (SessionCodec::encode(*decoded.session) != bytes)
        return QStringLiteral("what Director writes encodes again to other bytes");
    return {};
}

inline QString Checker::checkDisk() const
{
    const QByteArray bytes = fileBytes();
    if (bytes != SessionCodec::encode(m_manager->session()))
        return QStringLiteral("director_session.json differs from the session in memory");
    return {};
}

inline QString Checker::reopen()
{
    // What it must open to (when Director wrote the file and the session is open).
    std::optional<DirectorSession> before;
    if (m_manager && m_manager->hasSession())
        before = m_manager->session();
    if (m_manager)
        m_manager->close();
    m_manager = std::make_unique<SessionManager>();
    const Outcome opened = m_manager->initializeOrResume(m_runDir);
    if (!opened) {
        if (!m_directorWrote) {
            m_log << QStringLiteral("reopen of a file Director did not write failed: %1")
                         .arg(opened.message().left(200));
            m_manager.reset();
            return {};
        }
        return QStringLiteral("the session file Director wrote does not open: %1")
            .arg(opened.message().section(u'\n', 0, 0).left(300));
    }
    if (m_directorWrote && before && !(m_manager->session() == *before))
        return QStringLiteral("reopened, the session differs: %1")
            .arg(difference(*before, m_manager->session()));
    if (const QString v = checkStatusToldAgain(); !v.isEmpty())
        return QStringLiteral("reopened: ") + v;
    return checkMemory();
}

inline int Checker::framePick(RunGenerator::ByteSource &in) const
{
    const QList<int> keys = m_manager->session().frames.keys();
    const int pick = in.byte();
    if (keys.isEmpty() || pick == 255)
        return pick == 255 ? 1000000 : 0;
    return keys[pick % keys.size()];
}

inline QString Checker::text(RunGenerator::ByteSource &in) const
{
    // Length, then per unit: ASCII (control characters too), a special
    // unit, or any 16-bit unit (lone surrogates too).
    int length = in.byte();
    if (length == 255)
        length = 100000 + in.below(3) - 1; // around the limit
    static const char16_t special[] = {0xd800, 0xdc00, 0xdfff, 0xfeff, 0xfffe, 0xffff,
                                       0x2028, 0x0000, 0x007f, 0x00e9, 0x20ac, 0x0085};
    QString text;
    for (int i = 0; i < length; ++i) {
        const int b = in.exhausted() && length > 255 ? 'a' : in.byte();
        if (b < 0x80) {
            text.append(QChar(char16_t(b)));
        } else if (b < 0xf0) {
            text.append(QChar(special[(b - 0x80) % std::size(special)]));
        } else {
            text.append(QChar(char16_t(in.u16())));
        }
    }
    return text;
}

inline QString Checker::path(RunGenerator::ByteSource &in) const
{
    const QString runId = m_manager->session().runId;
    const QStringList paths = {QStringLiteral("candidates/frame_0001_attempt_01.png"),
                               QStringLiteral("patched/frame_0001.png"),
                               QStringLiteral("runs/") + runId + QStringLiteral("/patched/p.png"),
                               m_runDir + QStringLiteral("/patched/abs.png"),
                               QStringLiteral("../outside.png"),
                               QString(),
                               QStringLiteral("/etc/passwd"),
                               QStringLiteral("a/../../b.png"),
                               QStringLiteral("patched/\u00e9 x.png"),
                               QStringLiteral("patched/") + QChar(0xd800) + QStringLiteral(".png"),
                               QStringLiteral("patched/a\u0001b.png"),
                               QStringLiteral("./patched//x.png")};
    return paths[in.below(int(paths.size()))];
}

inline QString Checker::timestamp(RunGenerator::ByteSource &in) const
{
    const QList<QByteArray> &texts = RunGenerator::timestampTexts();
    if (m_flags & RunGenerator::ForceFarFuture)
        return QString::fromLatin1(texts[RunGenerator::farFutureTime]);
    return QString::fromLatin1(texts[in.below(int(texts.size()))]);
}

inline QString Checker::step(RunGenerator::ByteSource &, const QString &what,
                             const Outcome &outcome, const QByteArray &before)
{
    ++m_steps;
    if (!m_manager)
        return {};
    if (!outcome) {
        m_log << QStringLiteral("%1: %2").arg(what, outcome.message().left(160));
        if (outcome.kind() == Outcome::Kind::Failed)
            return QStringLiteral("%1 failed to save: %2").arg(what, outcome.message().left(300));
        return {};
    }
    m_log << what + QStringLiteral(": ok");
    if (fileBytes() != before)
        m_directorWrote = true;
    if (const QString v = checkMemory(); !v.isEmpty())
        return what + QStringLiteral(": ") + v;
    if (m_directorWrote) {
        if (const QString v = checkDisk(); !v.isEmpty())
            return what + QStringLiteral(": ") + v;
    }
    return {};
}

inline QString Checker::run(const QByteArray &bytes)
{
    using namespace RunGenerator;
    const Input input = Input::parse(bytes);
    m_flags = input.flags;
    QDir(m_runDir).removeRecursively();
    ByteSource runBytes(input.run.constData(), input.run.size());
    Generator generator(runBytes, m_runDir, input.flags, m_options);
    generator.writeRun();
    m_log << generator.log();

    m_manager = std::make_unique<SessionManager>();
    const Outcome opened = m_manager->initializeOrResume(m_runDir);
    if (!opened) {
        m_log << QStringLiteral("not opened: %1").arg(opened.message().left(200));
        if (QFileInfo::exists(sessionPath()))
            m_log << QStringLiteral("(a session file was written)");
        return {};
    }
    m_directorWrote = true;
    if (!QFileInfo::exists(sessionPath()))
        return QStringLiteral("opened, but no session file was written");
    if (const QString v = checkStatusToldAgain(); !v.isEmpty())
        return QStringLiteral("created: ") + v;
    if (const QString v = checkRunReadKept(); !v.isEmpty())
        return QStringLiteral("created: ") + v;
    if (const QString v = checkMemory(); !v.isEmpty())
        return QStringLiteral("created: ") + v;
    if (const QString v = checkDisk(); !v.isEmpty())
        return QStringLiteral("created: ") + v;

    ByteSource in(input.edits.constData(), input.edits.size());
    for (int n = 0; n < 32 && !in.exhausted() && m_manager; ++n) {
        const QByteArray before = fileBytes();
        QString violation;
        switch (in.byte() % Edit::OpCount) {
        case Edit::Status: {
            const int frame = framePick(in);
            const FrameStatus status = allFrameStatuses[in.below(5)];
            // A rejection carries a reason in any text: its verdict reads back as it was made.
            const QString reason = status == FrameStatus::AuditFail ? text(in) : QString();
            violation =
                step(in, QStringLiteral("status %1 %2").arg(frame).arg(frameStatusName(status)),
                     m_manager->applyFrameEdit(
                         frame, FrameEdit::statusTo(status, QString(), QString(), reason)),
                     before);
            break;
        }
        case Edit::Nudge: {
            const int frame = framePick(in);
            const double x = offset(in);
            const double y = offset(in);
            violation = step(in,
                             QStringLiteral("nudge %1 to %2,%3")
                                 .arg(frame)
                                 .arg(x, 0, 'g', 17)
                                 .arg(y, 0, 'g', 17),
                             m_manager->applyFrameEdit(frame, FrameEdit::offsetTo(x, y)), before);
            break;
        }
        case Edit::ClearNudge: {
            const int frame = framePick(in);
            violation = step(in, QStringLiteral("clear nudge %1").arg(frame),
                             m_manager->applyFrameEdit(frame, FrameEdit::clearOffset()), before);
            break;
        }
        case Edit::Notes: {
            const int frame = framePick(in);
            const QString notes = text(in);
            violation = step(in, QStringLiteral("notes %1 (%2 units)").arg(frame).arg(notes.size()),
                             m_manager->applyFrameEdit(frame, FrameEdit::notesTo(notes)), before);
            break;
        }
        case Edit::Overrides: {
            const int frame = framePick(in);
            DirectorOverrides o =
                m_manager->getFrameState(frame).value_or(DirectorFrameState()).directorOverrides;
            const int what = in.byte();
            if (what & 1) {
                HumanAlignmentDelta a;
                a.frameId = in.below(8) == 1 ? QStringLiteral("frame_9999")
                                             : DirectorFrameState::idForIndex(frame);
                a.userOverrideX = offset(in);
                a.userOverrideY = offset(in);
                a.timestamp = in.below(4) == 1 ? QString() : timestamp(in);
                if (in.below(4) == 1)
                    a.extra.insert(text(in), text(in));
                o.alignment = a;
            }
            if (what & 2)
                o.alignment.reset();
            if (what & 4)
                o.isPatched = !o.isPatched;
            if (what & 8) {
                PatchHistoryEntry p;
                p.originalPath = path(in);
                p.patchedPath = path(in);
                p.maskPath = path(in);
                p.prompt = text(in);
                p.timestamp = in.below(4) == 1 ? QString() : timestamp(in);
                if (in.below(4) == 1)
                    p.extra.insert(text(in), QJsonArray{1.5, text(in), QJsonObject()});
                o.patchHistory.append(p);
            }
            if (what & 16)
                o.notes = text(in);
            if (what & 32)
                o.extra.insert(text(in),
                               in.below(2) ? QJsonValue(offset(in)) : QJsonValue(text(in)));
            if (what & 64)
                o.patchHistory.clear();
            violation = step(in, QStringLiteral("overrides %1 (%2)").arg(frame).arg(what),
                             m_manager->updateFrameOverrides(frame, o), before);
            break;
        }
        case Edit::Ingest: {
            const QList<int> frames = m_manager->session().frames.keys();
            RunGenerator::Options options = m_options;
            options.maxFileBytes /= 4;
            options.maxSessionBytes /= 4;
            Generator mutator(in, m_runDir, m_flags, options);
            mutator.mutateRun(frames);
            m_log << mutator.log();
            RunFolder::Contents run;
            if (!RunFolder::read(m_runDir, &run)) {
                m_log << QStringLiteral("run folder not readable");
                break;
            }
            const RunIngest::Plan plan = RunIngest::plan(m_manager->session(), run, m_runDir);
            int changed = 0;
            int added = 0;
            const Outcome ingested = m_manager->ingest(plan, &changed, &added);
            violation =
                step(in, QStringLiteral("ingest (%1 changed, %2 added)").arg(changed).arg(added),
                     ingested, before);
            break;
        }
        case Edit::Reopen:
            ++m_steps;
            violation = reopen();
            break;
        case Edit::RewriteTimes: {
            // Another program rewrites the session's own times.
            const QString time = timestamp(in);
            const int which = in.below(3);
            QByteArray file = fileBytes();
            QString json = QString::fromUtf8(file);
            if (which != 1)
                json.replace(QRegularExpression(QStringLiteral("\n  \"lastModified\": \"[^\"]*\"")),
                             QStringLiteral("\n  \"lastModified\": \"%1\"").arg(time));
            if (which != 0)
                json.replace(QRegularExpression(QStringLiteral("\n  \"createdAt\": \"[^\"]*\"")),
                             QStringLiteral("\n  \"createdAt\": \"%1\"").arg(time));
            m_manager->close();
            QFile out(sessionPath());
            if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                out.write(json.toUtf8());
            out.close();
            m_log << QStringLiteral("session times rewritten to %1 (%2)").arg(time).arg(which);
            m_directorWrote = false;
            ++m_steps;
            violation = reopen();
            break;
        }
        case Edit::Patch: {
            const int frame = framePick(in);
            PatchHistoryEntry p;
            p.originalPath = path(in);
            p.patchedPath = path(in);
            p.maskPath = path(in);
            p.prompt = text(in);
            p.timestamp = in.below(3) == 1 ? QString() : timestamp(in);
            violation = step(in, QStringLiteral("patch %1").arg(frame),
                             m_manager->applyFrameEdit(frame, FrameEdit::addPatch(p)), before);
            break;
        }
        default: {
            const int frame = framePick(in);
            FrameEdit edit;
            const int what = in.byte();
            if (what & 1)
                edit.status = allFrameStatuses[in.below(5)];
            if (what & 2) {
                edit.alignment = FrameEdit::Alignment::Set;
                edit.alignmentX = offset(in);
                edit.alignmentY = offset(in);
            } else if (what & 4) {
                edit.alignment = FrameEdit::Alignment::Clear;
            }
            if (what & 8)
                edit.notes = text(in);
            violation = step(in, QStringLiteral("edit %1 (%2)").arg(frame).arg(what),
                             m_manager->applyFrameEdit(frame, edit), before);
            break;
        }
        }
        if (!violation.isEmpty())
            return violation;
    }
    if (m_manager && m_directorWrote) {
        ++m_steps;
        if (const QString v = reopen(); !v.isEmpty())
            return QStringLiteral("at the end: ") + v;
    }
    if (m_manager)
        m_manager->close();
    return {};
}

// One input in a fresh run folder under `baseDir`, removed afterwards.
inline QString check(const QByteArray &input, const QString &baseDir,
                     const RunGenerator::Options &options = {}, QStringList *log = nullptr,
                     int *steps = nullptr)
{
    const QString runDir = baseDir + QStringLiteral("/run_fuzz");
    QString violation;
    {
        Checker checker(runDir, options);
        violation = checker.run(input);
        if (log)
            *log = checker.log();
        if (steps)
            *steps = checker.steps();
    }
    QDir(runDir).removeRecursively();
    return violation;
}

} // namespace RoundTrip
