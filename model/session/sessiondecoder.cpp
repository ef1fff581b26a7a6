#include "session/sessiondecoder.h"

#include "core/inparts.h"
#include "run/runpaths.h"
#include "session/reasoncodes.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"
#include "json/jsonspans.h"
#include "json/jsonwriter.h"

#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

QString formatted(double number)
{
    return QString::fromLatin1(JsonWriter::formatNumber(number));
}

// The frame index a key of "frames" names, or -1 when it names none: a
// decimal number from 0 to maxFrameIndex, without leading zeros.
int frameIndexOf(const QString &key)
{
    // One to nine ASCII digits, no leading zero but in "0" itself.
    if (key.isEmpty() || key.size() > 9 || (key.size() > 1 && key.front() == u'0'))
        return -1;
    int index = 0;
    for (const QChar c : key) {
        if (c < u'0' || c > u'9')
            return -1;
        index = index * 10 + (c.unicode() - u'0');
    }
    return index <= SessionCodec::maxFrameIndex ? index : -1;
}

// The session's objects, each read by a JsonObjectReader into its value type;
// every problem goes to `errors` or `notes`. A reader of an object returns
// nothing when the object has an error.
class Decoder
{
    Q_DECLARE_TR_FUNCTIONS(SessionDecoder)

public:
    explicit Decoder(const RunPaths *paths) : m_paths(paths) {}

    QList<SessionProblem> errors;
    QList<SessionProblem> notes;
    bool newerSchema = false;

    std::optional<DirectorSession> session(const QJsonObject &root);
    std::optional<DirectorFrameState> frame(const QJsonObject &object, const JsonPath &path,
                                            int index);

    // The frames from their places in `bytes` (a document whose root, as given to session(),
    // has {} for them), each parsed when it is decoded.
    void setFrameSpans(const QByteArray &bytes, const QList<JsonSpans::Member> &members)
    {
        m_bytes = &bytes;
        m_frameSpans = &members;
    }
    // With frame spans: whether session() parsed and decoded every one (false when one is not
    // an object Qt's parser reads, or session() stopped before the frames).
    bool framesFromSpansRead() const { return m_framesFromSpansRead; }

private:
    JsonObjectReader reader(const QJsonObject &object, const JsonPath &path)
    {
        return JsonObjectReader(object, path, errors, notes);
    }

    // The session's own members, each a step of session().
    bool schemaVersionIsReadable(JsonObjectReader &r);
    void identity(JsonObjectReader &r, DirectorSession &s);
    std::optional<SessionStatus> status(JsonObjectReader &r, DirectorSession &s);
    void commitInfoFor(JsonObjectReader &r, std::optional<SessionStatus> status,
                       DirectorSession &s);
    void frames(JsonObjectReader &r, DirectorSession &s);
    void framesFromSpans(const JsonPath &framesPath, DirectorSession &s);
    // What a decoder of their own made of some of the frame spans: the frames it read, in the
    // order given, and what it found.
    struct FramesPart
    {
        QList<DirectorFrameState> frames;
        QList<SessionProblem> errors;
        QList<SessionProblem> notes;
        bool read = false; // every span parsed as an object
    };
    FramesPart framesPart(const JsonPath &framesPath,
                          QList<const JsonSpans::Member *>::const_iterator begin,
                          QList<const JsonSpans::Member *>::const_iterator end) const;
    std::optional<DirectorFrameState> frameAt(const QString &key, const JsonPath &framePath,
                                              const QJsonValue &value);

    const QByteArray *m_bytes = nullptr;
    const QList<JsonSpans::Member> *m_frameSpans = nullptr;
    bool m_framesFromSpansRead = false;

    std::optional<QString> timestamp(JsonObjectReader &r, QStringView name);
    std::optional<QString> path(JsonObjectReader &r, QStringView name, bool allowEmpty);
    // Each object of the array member `name`, read by `read` at its path.
    template <typename Read>
    void forEachObjectOf(JsonObjectReader &r, QStringView name, const QJsonArray &array, Read read);

    std::optional<AuditReport> auditReport(const QJsonObject &object, const JsonPath &path);
    HumanAlignmentDelta alignment(const QJsonObject &object, const JsonPath &path,
                                  const QString &frameId);
    PatchHistoryEntry patch(const QJsonObject &object, const JsonPath &path);
    std::optional<Verdict> verdict(const QJsonObject &object, const JsonPath &path);
    void verdictOf(const JsonPath &overridesPath, DirectorFrameState &f);
    std::optional<DirectorOverrides> overrides(const QJsonObject &object, const JsonPath &path,
                                               const QString &frameId);
    std::optional<AttemptInfo> attempt(const QJsonObject &object, const JsonPath &path);
    std::optional<CommitInfo> commitInfo(const QJsonObject &object, const JsonPath &path);
    void frameKeys(JsonObjectReader &r, DirectorFrameState &f);
    void attemptHistory(JsonObjectReader &r, DirectorFrameState &f);

    const RunPaths *m_paths;
    std::optional<RunPaths> m_sessionPaths; // m_paths and the session's runId
};

// A timestamp: canonical as it is, any other ISO 8601 form with a zone is
// normalised (and noted), anything else is an error.
std::optional<QString> Decoder::timestamp(JsonObjectReader &r, QStringView name)
{
    const std::optional<QString> text = r.string(name);
    if (!text)
        return std::nullopt;
    if (Timestamps::isCanonical(*text))
        return text;
    if (const std::optional<QDateTime> time = Timestamps::parse(*text)) {
        const QString canonical = Timestamps::format(*time);
        r.note(name, tr("%1 is written as %2").arg(JsonReader::quoted(*text), canonical));
        return canonical;
    }
    r.error(name, tr("%1 is not an ISO 8601 UTC timestamp such as 2026-01-18T12:00:00.000Z")
                      .arg(JsonReader::quoted(*text)));
    return std::nullopt;
}

std::optional<QString> Decoder::path(JsonObjectReader &r, QStringView name, bool allowEmpty)
{
    const std::optional<QString> stored = r.string(name);
    if (!stored)
        return std::nullopt;
    if (stored->isEmpty()) {
        if (!allowEmpty) {
            r.error(name, tr("is empty"));
            return std::nullopt;
        }
        return stored;
    }
    if (!m_paths)
        return stored;
    const Result<QString> relative = m_paths->toRelative(*stored);
    if (!relative) {
        r.error(name, relative.outcome().message());
        return std::nullopt;
    }
    if (*relative != *stored)
        r.note(name, tr("%1 is written relative to the run folder as %2")
                         .arg(JsonReader::quoted(*stored), JsonReader::quoted(*relative)));
    return *relative;
}

template <typename Read>
void Decoder::forEachObjectOf(JsonObjectReader &r, QStringView name, const QJsonArray &array,
                              Read read)
{
    const JsonPath arrayPath = r.child(name);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const JsonPath entryPath(arrayPath, i);
        if (!array.at(i).isObject()) {
            errors.append(
                {entryPath.toString(),
                 tr("expected an object, found %1").arg(JsonReader::typeName(array.at(i)))});
            continue;
        }
        read(array.at(i).toObject(), entryPath);
    }
}

std::optional<AuditReport> Decoder::auditReport(const QJsonObject &object, const JsonPath &path)
{
    JsonObjectReader r = reader(object, path);
    AuditReport report;
    bool ok = true;

    // The pipeline's audit files spell these keys in snake_case.
    QString spelled;
    const QJsonValue score = r.takeAliased(u"compositeScore", u"composite_score", &spelled);
    if (const auto d = r.numberOf(spelled, score, true)) {
        if (*d < 0.0 || *d > 1.0) {
            r.error(spelled, tr("%1 is outside 0..1").arg(formatted(*d)));
            ok = false;
        }
        report.compositeScore = *d;
    } else {
        ok = false;
    }
    if (const auto flags = r.stringsOf(u"flags", r.take(u"flags"), true))
        report.flags = *flags;
    else
        ok = false;
    if (const auto passed = r.boolean(u"passed"))
        report.passed = *passed;
    else
        ok = false;

    QString alignedName;
    const QJsonValue aligned = r.takeAliased(u"autoAligned", u"auto_aligned", &alignedName);
    if (!aligned.isUndefined()) {
        report.autoAligned = r.booleanOf(alignedName, aligned, false);
        ok = ok && report.autoAligned.has_value();
    }
    QString driftName;
    const QJsonValue drift = r.takeAliased(u"driftPixels", u"drift_pixels", &driftName);
    if (!drift.isUndefined()) {
        report.driftPixels = r.numberOf(driftName, drift, false);
        ok = ok && report.driftPixels.has_value();
    }
    report.extra = r.extraMembers();
    return ok ? std::optional(std::move(report)) : std::nullopt;
}

HumanAlignmentDelta Decoder::alignment(const QJsonObject &object, const JsonPath &path,
                                       const QString &frameId)
{
    JsonObjectReader a = reader(object, path);
    HumanAlignmentDelta delta;
    delta.frameId = a.string(u"frameId").value_or(QString());
    if (!delta.frameId.isEmpty() && delta.frameId != frameId)
        a.error(
            u"frameId",
            tr("%1 does not name this frame (%2)").arg(JsonReader::quoted(delta.frameId), frameId));
    for (auto [name, target] : {std::pair{u"userOverrideX", &delta.userOverrideX},
                                std::pair{u"userOverrideY", &delta.userOverrideY}}) {
        if (const auto d = a.number(QStringView(name))) {
            if (std::fabs(*d) > SessionCodec::maxOffset)
                a.error(
                    QStringView(name),
                    tr("%1 is outside -%2..%2").arg(formatted(*d)).arg(SessionCodec::maxOffset));
            *target = *d;
        }
    }
    delta.timestamp = timestamp(a, u"timestamp").value_or(QString());
    delta.extra = a.extra();
    return delta;
}

PatchHistoryEntry Decoder::patch(const QJsonObject &object, const JsonPath &path)
{
    JsonObjectReader p = reader(object, path);
    PatchHistoryEntry entry;
    entry.originalPath = this->path(p, u"originalPath", true).value_or(QString());
    entry.patchedPath = this->path(p, u"patchedPath", false).value_or(QString());
    entry.maskPath = this->path(p, u"maskPath", true).value_or(QString());
    entry.prompt = p.string(u"prompt").value_or(QString());
    entry.timestamp = timestamp(p, u"timestamp").value_or(QString());
    entry.extra = p.extra();
    return entry;
}

std::optional<Verdict> Decoder::verdict(const QJsonObject &object, const JsonPath &path)
{
    JsonObjectReader r = reader(object, path);
    const qsizetype errorsBefore = errors.size();
    Verdict v;
    if (const auto status = r.string(u"status")) {
        const std::optional<FrameStatus> parsed = frameStatusFromName(*status);
        if (parsed && Verdict::isVerdictStatus(*parsed))
            v.status = *parsed;
        else
            r.error(u"status", tr("%1 is not a verdict (expected APPROVED or AUDIT_FAIL)")
                                   .arg(JsonReader::quoted(*status)));
    }
    if (const auto reviewer = r.string(u"reviewer")) {
        if (reviewer->trimmed().isEmpty())
            r.error(u"reviewer", tr("is empty: a verdict names who made it"));
        v.reviewer = *reviewer;
    }
    v.timestamp = timestamp(r, u"timestamp").value_or(QString());
    v.reasonCode = r.string(u"reasonCode", false);
    if (v.reasonCode && !ReasonCodes::isWellFormed(*v.reasonCode))
        r.error(u"reasonCode", tr("%1 is not a reason code such as SF01_IDENTITY_DRIFT")
                                   .arg(JsonReader::quoted(*v.reasonCode)));
    v.reason = r.string(u"reason", false);
    if (v.status == FrameStatus::Approved && (v.reasonCode || v.reason))
        r.error(v.reasonCode ? u"reasonCode" : u"reason",
                tr("only a rejection (AUDIT_FAIL) carries a reason"));
    v.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(std::move(v)) : std::nullopt;
}

std::optional<DirectorOverrides> Decoder::overrides(const QJsonObject &object, const JsonPath &path,
                                                    const QString &frameId)
{
    JsonObjectReader r = reader(object, path);
    DirectorOverrides result;
    const qsizetype errorsBefore = errors.size();

    if (const auto alignmentObject = r.objectOf(u"alignment", r.take(u"alignment"), false))
        result.alignment = alignment(*alignmentObject, r.child(u"alignment"), frameId);

    if (r.has(u"isPatched")) {
        result.isPatched = r.boolean(u"isPatched").value_or(false);
    } else {
        r.take(u"isPatched");
        r.note(u"isPatched", tr("is missing; read as false"));
    }

    const QJsonValue history = r.take(u"patchHistory");
    if (history.isUndefined()) {
        r.note(u"patchHistory", tr("is missing; read as empty"));
    } else if (const auto array = r.arrayOf(u"patchHistory", history, true)) {
        forEachObjectOf(r, u"patchHistory", *array,
                        [&](const QJsonObject &entry, const JsonPath &entryPath) {
                            result.patchHistory.append(patch(entry, entryPath));
                        });
    }
    if (result.isPatched && result.patchHistory.isEmpty())
        r.error(u"isPatched", tr("is true but patchHistory has no entry"));

    result.notes = r.string(u"notes", false);
    if (const auto verdictObject = r.objectOf(u"verdict", r.take(u"verdict"), false))
        result.verdict = verdict(*verdictObject, r.child(u"verdict"));
    result.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(std::move(result)) : std::nullopt;
}

std::optional<AttemptInfo> Decoder::attempt(const QJsonObject &object, const JsonPath &path)
{
    JsonObjectReader r = reader(object, path);
    const qsizetype errorsBefore = errors.size();
    AttemptInfo a;
    a.attemptIndex = r.integer(u"attemptIndex", 1, 1000000).value_or(1);
    a.timestamp = timestamp(r, u"timestamp").value_or(QString());
    a.candidatePath = this->path(r, u"candidatePath", true).value_or(QString());
    a.strategy = r.string(u"strategy").value_or(QString());
    a.reasonCodes =
        r.stringsOf(u"reasonCodes", r.take(u"reasonCodes"), true).value_or(QStringList());
    a.passed = r.boolean(u"passed").value_or(false);
    a.extra = r.extraMembers();
    return errors.size() == errorsBefore ? std::optional(std::move(a)) : std::nullopt;
}

std::optional<CommitInfo> Decoder::commitInfo(const QJsonObject &object, const JsonPath &path)
{
    JsonObjectReader r = reader(object, path);
    const qsizetype errorsBefore = errors.size();
    CommitInfo info;
    constexpr int maxCount = SessionCodec::maxFrameIndex + 1;
    info.approvedCount = r.integer(u"approvedCount", 0, maxCount).value_or(0);
    info.nudgedCount = r.integer(u"nudgedCount", 0, maxCount).value_or(0);
    info.patchedCount = r.integer(u"patchedCount", 0, maxCount).value_or(0);
    info.timestamp = timestamp(r, u"timestamp").value_or(QString());
    info.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(std::move(info)) : std::nullopt;
}

// The frame's id and frameIndex, which must name the frame of its key.
void Decoder::frameKeys(JsonObjectReader &r, DirectorFrameState &f)
{
    if (const auto id = r.string(u"id"); id && *id != f.id)
        r.error(u"id", tr("%1 does not match the frame index %2 (expected %3)")
                           .arg(JsonReader::quoted(*id))
                           .arg(f.frameIndex)
                           .arg(JsonReader::quoted(f.id)));
    if (const auto frameIndex = r.integer(u"frameIndex", 0, SessionCodec::maxFrameIndex);
        frameIndex && *frameIndex != f.frameIndex)
        r.error(u"frameIndex",
                tr("%1 does not match its key \"%2\"").arg(*frameIndex).arg(f.frameIndex));
}

void Decoder::attemptHistory(JsonObjectReader &r, DirectorFrameState &f)
{
    const QJsonValue history = r.take(u"attemptHistory");
    if (history.isUndefined()) {
        // The pipeline's reader requires it, but not every writer of a
        // session writes it.
        r.note(u"attemptHistory", tr("is missing; read as empty"));
    } else if (const auto array = r.arrayOf(u"attemptHistory", history, true)) {
        forEachObjectOf(r, u"attemptHistory", *array,
                        [&](const QJsonObject &entry, const JsonPath &entryPath) {
                            if (auto a = attempt(entry, entryPath))
                                f.attemptHistory.append(std::move(*a));
                        });
    }
}

// A verdict is about the frame in the status it set: one that another program left behind on
// a frame whose status changed since claims a judgement nobody made, and is left out.
void Decoder::verdictOf(const JsonPath &overridesPath, DirectorFrameState &f)
{
    std::optional<Verdict> &verdict = f.directorOverrides.verdict;
    if (!verdict || verdict->status == f.status)
        return;
    notes.append({JsonPath(overridesPath, u"verdict").toString(),
                  tr("is for %1 but the frame is %2; left out")
                      .arg(frameStatusName(verdict->status), frameStatusName(f.status))});
    verdict.reset();
}

std::optional<DirectorFrameState> Decoder::frame(const QJsonObject &object, const JsonPath &path,
                                                 int index)
{
    JsonObjectReader r = reader(object, path);
    const qsizetype errorsBefore = errors.size();
    DirectorFrameState f;
    f.frameIndex = index;
    f.id = DirectorFrameState::idForIndex(index);
    frameKeys(r, f);

    if (const auto status = r.string(u"status")) {
        if (const auto parsed = frameStatusFromName(*status))
            f.status = *parsed;
        else
            r.error(u"status", tr("unknown status %1 (expected PENDING, GENERATED, AUDIT_FAIL, "
                                  "AUDIT_WARN or APPROVED)")
                                   .arg(JsonReader::quoted(*status)));
    }
    f.imagePath = this->path(r, u"imagePath", true).value_or(QString());

    if (const auto report = r.objectOf(u"auditReport", r.take(u"auditReport"), true)) {
        if (auto parsed = auditReport(*report, r.child(u"auditReport")))
            f.auditReport = std::move(*parsed);
    }
    if (const auto o = r.objectOf(u"directorOverrides", r.take(u"directorOverrides"), true)) {
        if (auto parsed = overrides(*o, r.child(u"directorOverrides"), f.id))
            f.directorOverrides = std::move(*parsed);
        verdictOf(r.child(u"directorOverrides"), f);
    }
    attemptHistory(r, f);

    if (const QJsonValue base64 = r.take(u"imageBase64"); !base64.isUndefined()) {
        if (!base64.isString())
            r.error(u"imageBase64",
                    tr("expected a string, found %1").arg(JsonReader::typeName(base64)));
        else
            r.note(u"imageBase64", tr("is not written back: Director loads the image from "
                                      "imagePath"));
    }
    f.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(std::move(f)) : std::nullopt;
}

// False when the file was written by a newer Director: nothing else in it
// can be judged then.
bool Decoder::schemaVersionIsReadable(JsonObjectReader &r)
{
    if (!r.has(u"schemaVersion")) {
        r.take(u"schemaVersion");
        return true;
    }
    const auto version = r.integer(u"schemaVersion", 1, 1000000);
    if (!version || *version <= DirectorSession::currentSchemaVersion)
        return true;
    newerSchema = true;
    r.error(u"schemaVersion", tr("the file was written by a newer Director (schema version %1; "
                                 "this build reads up to %2)")
                                  .arg(*version)
                                  .arg(DirectorSession::currentSchemaVersion));
    return false;
}

void Decoder::identity(JsonObjectReader &r, DirectorSession &s)
{
    if (const auto id = r.string(u"sessionId")) {
        const QUuid uuid = QUuid::fromString(*id);
        if (uuid.isNull()) {
            r.error(u"sessionId", tr("%1 is not a UUID").arg(JsonReader::quoted(*id)));
        } else {
            s.sessionId = uuid.toString(QUuid::WithoutBraces);
            if (s.sessionId != *id)
                r.note(u"sessionId",
                       tr("%1 is written as %2").arg(JsonReader::quoted(*id), s.sessionId));
        }
    }
    if (const auto runId = r.string(u"runId")) {
        if (runId->isEmpty())
            r.error(u"runId", tr("is empty"));
        s.runId = *runId;
    }
    s.moveId = r.string(u"moveId").value_or(QString());
    if (const auto anchor = r.string(u"anchorFrameId")) {
        // The anchor is frame 0, always.
        const QString frame0 = DirectorFrameState::idForIndex(0);
        if (*anchor != frame0)
            r.error(u"anchorFrameId",
                    tr("%1 is not %2: the anchor is always frame 0")
                        .arg(JsonReader::quoted(*anchor), JsonReader::quoted(frame0)));
        s.anchorFrameId = *anchor;
    }
}

std::optional<SessionStatus> Decoder::status(JsonObjectReader &r, DirectorSession &s)
{
    const auto name = r.string(u"status");
    if (!name)
        return std::nullopt;
    const std::optional<SessionStatus> status = sessionStatusFromName(*name);
    if (status)
        s.status = *status;
    else
        r.error(u"status", tr("unknown session status %1 (expected active, committed or "
                              "discarded)")
                               .arg(JsonReader::quoted(*name)));
    return status;
}

// commitInfo is there exactly when the session is committed.
void Decoder::commitInfoFor(JsonObjectReader &r, std::optional<SessionStatus> status,
                            DirectorSession &s)
{
    if (const auto info = r.objectOf(u"commitInfo", r.take(u"commitInfo"), false))
        s.commitInfo = commitInfo(*info, r.child(u"commitInfo"));
    if (status == SessionStatus::Committed && !r.has(u"commitInfo"))
        r.error(u"commitInfo", tr("is missing: a committed session has one"));
    else if (status && *status != SessionStatus::Committed && r.has(u"commitInfo"))
        r.error(u"commitInfo", tr("is present, but the session is %1: only a committed session "
                                  "has one")
                                   .arg(JsonReader::quoted(sessionStatusName(*status))));
}

void Decoder::frames(JsonObjectReader &r, DirectorSession &s)
{
    const auto frames = r.objectOf(u"frames", r.take(u"frames"), true);
    if (!frames)
        return;
    const JsonPath framesPath = r.child(u"frames");
    if (m_frameSpans) {
        framesFromSpans(framesPath, s);
        return;
    }
    for (auto it = frames->begin(); it != frames->end(); ++it) {
        const QString key = it.key();
        if (auto f = frameAt(key, JsonPath(framesPath, key), it.value()))
            s.frames[f->frameIndex] = std::move(*f); // as insert(), without a copy
    }
}

// Frames in a part of their own each, beside each other: from this many on, and so many at
// least in a part (a thread takes some tens of microseconds to start, a frame some to decode).
constexpr qsizetype minFramesPerPart = 256;
// Parts at most, whatever the cores: the caller inserts every frame, and the names' scan
// (JsonNameScan) runs beside them too.
constexpr int maxFrameParts = 4;

void Decoder::framesFromSpans(const JsonPath &framesPath, DirectorSession &s)
{
    // In the order a QJsonObject holds its members: by name (printable ASCII here, so byte by
    // byte). Each parsed before its name is looked at, as the whole document would have been.
    QList<const JsonSpans::Member *> members;
    members.reserve(m_frameSpans->size());
    for (const JsonSpans::Member &member : *m_frameSpans)
        members.append(&member);
    std::sort(
        members.begin(), members.end(),
        [](const JsonSpans::Member *a, const JsonSpans::Member *b) { return a->name < b->name; });

    // Consecutive parts of that order, each decoded by a decoder of its own, the first here and
    // the others on threads of their own: what each finds is taken in the parts' order, so the
    // session, its errors and its notes are those of one decoder taking the frames in turn.
    std::vector<FramesPart> parts =
        inParts(members.size(), minFramesPerPart, maxFrameParts,
                [this, &framesPath, &members](qsizetype begin, qsizetype end) {
                    return framesPart(framesPath, members.cbegin() + begin, members.cbegin() + end);
                });
    bool read = true;
    auto take = [&](FramesPart &&part) {
        errors += part.errors;
        notes += part.notes;
        read = read && part.read;
        for (DirectorFrameState &f : part.frames)
            s.frames[f.frameIndex] = std::move(f); // as insert(), without a copy
        part.frames = {};
    };
    for (FramesPart &part : parts)
        take(std::move(part));
    m_framesFromSpansRead = read;
}

Decoder::FramesPart Decoder::framesPart(const JsonPath &framesPath,
                                        QList<const JsonSpans::Member *>::const_iterator begin,
                                        QList<const JsonSpans::Member *>::const_iterator end) const
{
    FramesPart part;
    part.frames.reserve(end - begin);
    Decoder decoder(m_paths);
    for (auto it = begin; it != end; ++it) {
        const JsonSpans::Member *member = *it;
        QJsonParseError parseError;
        const QJsonDocument document =
            QJsonDocument::fromJson(QByteArray::fromRawData(m_bytes->constData() + member->begin,
                                                            member->end - member->begin),
                                    &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return part;
        const QString key = QString::fromLatin1(member->name);
        if (auto f = decoder.frameAt(key, JsonPath(framesPath, key), document.object()))
            part.frames.append(std::move(*f));
    }
    part.errors = std::move(decoder.errors);
    part.notes = std::move(decoder.notes);
    part.read = true;
    return part;
}

std::optional<DirectorFrameState> Decoder::frameAt(const QString &key, const JsonPath &framePath,
                                                   const QJsonValue &value)
{
    const int index = frameIndexOf(key);
    if (index < 0) {
        errors.append(
            {framePath.toString(), tr("the key must be a frame index written as a decimal number "
                                      "from 0 to %1")
                                       .arg(SessionCodec::maxFrameIndex)});
        return std::nullopt;
    }
    if (!value.isObject()) {
        errors.append({framePath.toString(),
                       tr("expected an object, found %1").arg(JsonReader::typeName(value))});
        return std::nullopt;
    }
    return frame(value.toObject(), framePath, index);
}

std::optional<DirectorSession> Decoder::session(const QJsonObject &root)
{
    const JsonPath rootPath;
    JsonObjectReader r = reader(root, rootPath);
    DirectorSession s;
    if (!schemaVersionIsReadable(r))
        return std::nullopt;
    identity(r, s);
    const std::optional<SessionStatus> sessionStatus = status(r, s);
    s.createdAt = timestamp(r, u"createdAt").value_or(QString());
    s.lastModified = timestamp(r, u"lastModified").value_or(QString());
    commitInfoFor(r, sessionStatus, s);
    // "runs/<run_id>/..." paths may name the run by the session's runId too.
    if (m_paths && !s.runId.isEmpty()) {
        m_sessionPaths = m_paths->withRunId(s.runId);
        m_paths = &*m_sessionPaths;
    }
    frames(r, s);
    s.extra = r.extra();
    return errors.isEmpty() ? std::optional(std::move(s)) : std::nullopt;
}

// Before the JSON is parsed: the size, a byte order mark (dropped, with a
// note), nothing but white space. False when the bytes are not a session
// file for one of these.
bool readableBytes(const QByteArray &data, QByteArray &bytes, SessionDecodeResult &result)
{
    if (data.size() > SessionCodec::maxFileSize) {
        result.state = SessionDecodeResult::State::NotJson;
        result.errors.append(
            {QString(), SessionDecoder::tr("the file is %1 MB, larger than the %2 MB a session "
                                           "file can be")
                            .arg(data.size() / (1024 * 1024))
                            .arg(SessionCodec::maxFileSize / (1024 * 1024))});
        return false;
    }
    bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
        result.notes.append(
            {QString(), SessionDecoder::tr("starts with a byte order mark; written without")});
    }
    // Only whitespace (what QByteArray::trimmed() removes)?
    if (std::all_of(bytes.cbegin(), bytes.cend(),
                    [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); })) {
        result.state = SessionDecodeResult::State::NotJson;
        result.errors.append({QString(), SessionDecoder::tr("the file is empty")});
        return false;
    }
    return true;
}

} // namespace

QString SessionDecodeResult::errorText() const
{
    QStringList lines;
    for (const SessionProblem &p : errors)
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

namespace {

// What is left of a result once its JSON is read: its state from the decoder.
void settle(SessionDecodeResult &result, const Decoder &decoder)
{
    result.errors += decoder.errors;
    result.notes += decoder.notes;
    if (decoder.newerSchema)
        result.state = SessionDecodeResult::State::NewerSchema;
    else if (result.session)
        result.state = SessionDecodeResult::State::Ok;
    else
        result.state = SessionDecodeResult::State::Invalid;
    if (!result.isOk())
        result.session.reset();
}

// SessionDecoder::decode with the frames parsed one at a time (JsonSpans), each decoded while it
// is small, instead of the whole document at once: the same result in a fraction of the memory
// (and of the time the memory takes). None for a document this cannot vouch for, one whose
// frames are not all read (it is not JSON, or an object repeats a name, or it is refused before
// its frames): the whole document is then read, which says what is wrong.
std::optional<SessionDecodeResult> decodeFrames(const QByteArray &bytes, const RunPaths *paths,
                                                const SessionDecodeResult &before)
{
    const std::optional<JsonSpans::Split> split = JsonSpans::splitMember(bytes, "frames");
    if (!split)
        return std::nullopt;
    JsonNameScan names(bytes);
    QJsonParseError parseError;
    const QJsonDocument rest = QJsonDocument::fromJson(split->rest, &parseError);
    if (parseError.error != QJsonParseError::NoError || !rest.isObject())
        return std::nullopt;
    Decoder decoder(paths);
    decoder.setFrameSpans(bytes, split->members);
    SessionDecodeResult result = before;
    result.session = decoder.session(rest.object());
    if (!decoder.framesFromSpansRead() || !names.repeated().isEmpty())
        return std::nullopt;
    settle(result, decoder);
    return result;
}

} // namespace

SessionDecodeResult SessionDecoder::decode(const QByteArray &data, const RunPaths *paths,
                                           Parsing parsing)
{
    SessionDecodeResult result;
    QByteArray bytes;
    if (!readableBytes(data, bytes, result))
        return result;
    if (parsing == Parsing::ByFrame) {
        if (std::optional<SessionDecodeResult> byFrame = decodeFrames(bytes, paths, result))
            return std::move(*byFrame);
    }
    JsonReader::Document document = JsonReader::parseObject(bytes, JsonReader::Names::Unique);
    if (!document) {
        result.state = document.state == JsonReader::Document::State::NotJson
                           ? SessionDecodeResult::State::NotJson
                           : SessionDecodeResult::State::Invalid;
        result.errors += document.problems;
        return result;
    }
    Decoder decoder(paths);
    result.session = decoder.session(document.object);
    settle(result, decoder);
    return result;
}

std::optional<SessionDecodeResult> SessionDecoder::decodeByFrame(const QByteArray &data,
                                                                 const RunPaths *paths)
{
    SessionDecodeResult result;
    QByteArray bytes;
    if (!readableBytes(data, bytes, result))
        return result;
    return decodeFrames(bytes, paths, result);
}

Result<DirectorFrameState> SessionDecoder::decodeFrame(const QJsonObject &object, int index)
{
    const JsonPath root;
    const JsonPath frames(root, u"frames");
    const QString key = QString::number(index);
    const JsonPath path(frames, key);
    Decoder decoder(nullptr);
    std::optional<DirectorFrameState> frame = decoder.frame(object, path, index);
    if (frame)
        return std::move(*frame);
    return Outcome::invalid(decoder.errors.isEmpty() ? tr("it cannot be read back")
                                                     : decoder.errors.first().toString());
}
