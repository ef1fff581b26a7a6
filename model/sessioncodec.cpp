#include "sessioncodec.h"

#include "jsonduplicatekeys.h"
#include "jsonwriter.h"
#include "runpaths.h"
#include "timestamps.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SessionCodec", text);
}

// ---------------------------------------------------------------- encoding

// Members of other programs, after Director's own. A name Director has
// written already at this level is never written twice.
void writeExtra(JsonWriter &w, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (w.hasKey(it.key()))
            continue;
        w.key(it.key());
        w.value(it.value());
    }
}

void writeStrings(JsonWriter &w, const QStringList &strings)
{
    w.beginArray();
    for (const QString &s : strings)
        w.string(s);
    w.endArray();
}

void writeAuditReport(JsonWriter &w, const AuditReport &report)
{
    w.beginObject();
    w.key(u"compositeScore");
    w.number(report.compositeScore);
    w.key(u"flags");
    writeStrings(w, report.flags);
    w.key(u"passed");
    w.boolean(report.passed);
    if (report.autoAligned) {
        w.key(u"autoAligned");
        w.boolean(*report.autoAligned);
    }
    if (report.driftPixels) {
        w.key(u"driftPixels");
        w.number(*report.driftPixels);
    }
    writeExtra(w, report.extra);
    w.endObject();
}

void writeOverrides(JsonWriter &w, const DirectorOverrides &overrides)
{
    w.beginObject();
    if (overrides.alignment) {
        const HumanAlignmentDelta &a = *overrides.alignment;
        w.key(u"alignment");
        w.beginObject();
        w.key(u"frameId");
        w.string(a.frameId);
        w.key(u"userOverrideX");
        w.number(a.userOverrideX);
        w.key(u"userOverrideY");
        w.number(a.userOverrideY);
        w.key(u"timestamp");
        w.string(a.timestamp);
        writeExtra(w, a.extra);
        w.endObject();
    }
    w.key(u"isPatched");
    w.boolean(overrides.isPatched);
    w.key(u"patchHistory");
    w.beginArray();
    for (const PatchHistoryEntry &p : overrides.patchHistory) {
        w.beginObject();
        w.key(u"originalPath");
        w.string(p.originalPath);
        w.key(u"patchedPath");
        w.string(p.patchedPath);
        w.key(u"maskPath");
        w.string(p.maskPath);
        w.key(u"prompt");
        w.string(p.prompt);
        w.key(u"timestamp");
        w.string(p.timestamp);
        writeExtra(w, p.extra);
        w.endObject();
    }
    w.endArray();
    if (overrides.notes) {
        w.key(u"notes");
        w.string(*overrides.notes);
    }
    writeExtra(w, overrides.extra);
    w.endObject();
}

void writeAttempt(JsonWriter &w, const AttemptInfo &a)
{
    w.beginObject();
    w.key(u"attemptIndex");
    w.number(a.attemptIndex);
    w.key(u"timestamp");
    w.string(a.timestamp);
    w.key(u"candidatePath");
    w.string(a.candidatePath);
    w.key(u"strategy");
    w.string(a.strategy);
    w.key(u"reasonCodes");
    writeStrings(w, a.reasonCodes);
    w.key(u"passed");
    w.boolean(a.passed);
    writeExtra(w, a.extra);
    w.endObject();
}

void writeFrame(JsonWriter &w, const DirectorFrameState &f)
{
    w.beginObject();
    w.key(u"id");
    w.string(f.id);
    w.key(u"frameIndex");
    w.number(f.frameIndex);
    w.key(u"status");
    w.string(frameStatusName(f.status));
    w.key(u"imagePath");
    w.string(f.imagePath);
    w.key(u"auditReport");
    writeAuditReport(w, f.auditReport);
    w.key(u"directorOverrides");
    writeOverrides(w, f.directorOverrides);
    w.key(u"attemptHistory");
    w.beginArray();
    for (const AttemptInfo &a : f.attemptHistory)
        writeAttempt(w, a);
    w.endArray();
    writeExtra(w, f.extra);
    w.endObject();
}

// ---------------------------------------------------------------- decoding

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QString quoted(const QString &text)
{
    constexpr int maxShown = 60;
    QString shown = text.size() > maxShown ? text.left(maxShown) + QStringLiteral("…") : text;
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// A value as a problem shows it: scalars as written, others by their type.
QString shown(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::fromLatin1(JsonWriter::formatNumber(value.toDouble()));
    case QJsonValue::String:
        return quoted(value.toString());
    default:
        break;
    }
    return typeName(value);
}

// Equal JSON values; numbers by value (1 and 1.0 are the same).
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

QString join(const QString &path, QStringView member)
{
    return path.isEmpty() ? member.toString() : path + QLatin1Char('.') + member.toString();
}

// Reads the members of one JSON object, recording problems at their paths,
// and collects the members nobody asked for as "extra".
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, QString path, QList<SessionProblem> &errors,
                 QList<SessionProblem> &notes)
        : m_object(object), m_path(std::move(path)), m_errors(errors), m_notes(notes)
    {}

    const QString &path() const { return m_path; }
    QString pathOf(QStringView member) const { return join(m_path, member); }

    void error(QStringView member, const QString &message)
    {
        m_errors.append({pathOf(member), message});
    }
    void note(QStringView member, const QString &message)
    {
        m_notes.append({pathOf(member), message});
    }

    // The member's value (marked as known), or Undefined.
    QJsonValue take(QStringView name)
    {
        const QString key = name.toString();
        m_known.insert(key);
        return m_object.value(key);
    }

    // A member with a tolerated second spelling (`alias`, the story's
    // snake_case). Only one spelling is written back, so neither may be lost
    // silently: when both are present the first one is used, and the alias is
    // dropped with a note when its value is the same, an error otherwise.
    // *spelled is the name the value was read from.
    QJsonValue takeAliased(QStringView name, QStringView alias, QString *spelled)
    {
        const QJsonValue value = take(name);
        const QJsonValue aliased = take(alias);
        *spelled = name.toString();
        if (aliased.isUndefined())
            return value;
        if (value.isUndefined()) {
            *spelled = alias.toString();
            note(alias, tr("written as %1").arg(name));
            return aliased;
        }
        if (sameValue(value, aliased)) {
            note(alias, tr("has the same value as %1; written only as %1").arg(name));
        } else {
            error(alias, tr("%1 differs from %2, which is %3; only one of them can be kept")
                             .arg(shown(aliased), name.toString(), shown(value)));
        }
        return value;
    }

    bool has(QStringView name) const { return m_object.contains(name.toString()); }

    // True when the member is absent; an error when it is required.
    bool missing(QStringView name, const QJsonValue &v, bool required)
    {
        if (!v.isUndefined())
            return false;
        if (required)
            error(name, tr("is missing"));
        return true;
    }

    // Required or optional members of a given type. A missing required member
    // or a wrong type is an error; an optional member may be absent (not null).
    std::optional<QString> string(QStringView name, bool required = true)
    {
        const QJsonValue v = take(name);
        if (missing(name, v, required))
            return std::nullopt;
        if (!v.isString()) {
            error(name, tr("expected a string, found %1").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<bool> boolean(QStringView name, bool required = true)
    {
        return booleanOf(name, take(name), required);
    }

    std::optional<bool> booleanOf(QStringView name, const QJsonValue &v, bool required)
    {
        if (missing(name, v, required))
            return std::nullopt;
        if (!v.isBool()) {
            error(name, tr("expected true or false, found %1").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<double> numberOf(QStringView name, const QJsonValue &v, bool required)
    {
        if (missing(name, v, required))
            return std::nullopt;
        if (!v.isDouble()) {
            error(name, tr("expected a number, found %1").arg(typeName(v)));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d)) {
            error(name, tr("is not a finite number"));
            return std::nullopt;
        }
        return d;
    }

    std::optional<double> number(QStringView name, bool required = true)
    {
        return numberOf(name, take(name), required);
    }

    std::optional<int> integer(QStringView name, int minimum, int maximum, bool required = true)
    {
        const std::optional<double> d = number(name, required);
        if (!d)
            return std::nullopt;
        if (*d != std::trunc(*d)) {
            error(name, tr("%1 is not a whole number")
                            .arg(QString::fromLatin1(JsonWriter::formatNumber(*d))));
            return std::nullopt;
        }
        if (*d < minimum || *d > maximum) {
            error(name, tr("%1 is outside %2..%3")
                            .arg(QString::fromLatin1(JsonWriter::formatNumber(*d)))
                            .arg(minimum)
                            .arg(maximum));
            return std::nullopt;
        }
        return static_cast<int>(*d);
    }

    std::optional<QStringList> stringsOf(QStringView name, const QJsonValue &v, bool required)
    {
        if (missing(name, v, required))
            return std::nullopt;
        if (!v.isArray()) {
            error(name, tr("expected an array of strings, found %1").arg(typeName(v)));
            return std::nullopt;
        }
        QStringList list;
        const QJsonArray array = v.toArray();
        bool ok = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                m_errors.append({join(pathOf(name), QString::number(i)),
                                 tr("expected a string, found %1").arg(typeName(array.at(i)))});
                ok = false;
            } else {
                list.append(array.at(i).toString());
            }
        }
        return ok ? std::optional(list) : std::nullopt;
    }

    std::optional<QJsonObject> objectOf(QStringView name, const QJsonValue &v, bool required)
    {
        if (missing(name, v, required))
            return std::nullopt;
        if (!v.isObject()) {
            error(name, tr("expected an object, found %1").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toObject();
    }

    std::optional<QJsonArray> arrayOf(QStringView name, const QJsonValue &v, bool required)
    {
        if (missing(name, v, required))
            return std::nullopt;
        if (!v.isArray()) {
            error(name, tr("expected an array, found %1").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toArray();
    }

    // A timestamp: canonical as it is, any other ISO 8601 form with a zone
    // is normalised (and noted), anything else is an error.
    std::optional<QString> timestamp(QStringView name, bool required = true)
    {
        const std::optional<QString> text = string(name, required);
        if (!text)
            return std::nullopt;
        if (Timestamps::isCanonical(*text))
            return text;
        if (const std::optional<QDateTime> time = Timestamps::parse(*text)) {
            const QString canonical = Timestamps::format(*time);
            note(name, tr("%1 is written as %2").arg(quoted(*text), canonical));
            return canonical;
        }
        error(name, tr("%1 is not an ISO 8601 UTC timestamp such as 2026-01-18T12:00:00.000Z")
                        .arg(quoted(*text)));
        return std::nullopt;
    }

    // The members nobody took, as they were.
    QJsonObject extra() const
    {
        QJsonObject rest;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_known.contains(it.key()))
                rest.insert(it.key(), it.value());
        }
        return rest;
    }

private:
    QJsonObject m_object;
    QString m_path;
    QList<SessionProblem> &m_errors;
    QList<SessionProblem> &m_notes;
    QSet<QString> m_known;
};

class Decoder
{
public:
    explicit Decoder(const RunPaths *paths) : m_paths(paths) {}

    QList<SessionProblem> errors;
    QList<SessionProblem> notes;

    std::optional<DirectorSession> session(const QJsonObject &root);
    bool newerSchema = false;

private:
    ObjectReader reader(const QJsonObject &object, const QString &path)
    {
        return ObjectReader(object, path, errors, notes);
    }

    std::optional<QString> path(ObjectReader &r, QStringView name, bool allowEmpty);
    std::optional<DirectorFrameState> frame(const QJsonObject &object, const QString &path,
                                            int index);
    std::optional<AuditReport> auditReport(const QJsonObject &object, const QString &path);
    std::optional<DirectorOverrides> overrides(const QJsonObject &object, const QString &path,
                                               const QString &frameId);
    std::optional<AttemptInfo> attempt(const QJsonObject &object, const QString &path);
    std::optional<CommitInfo> commitInfo(const QJsonObject &object, const QString &path);

    const RunPaths *m_paths;
    std::optional<RunPaths> m_sessionPaths; // m_paths and the session's runId
};

std::optional<QString> Decoder::path(ObjectReader &r, QStringView name, bool allowEmpty)
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
    QString why;
    const std::optional<QString> relative = m_paths->toRelative(*stored, &why);
    if (!relative) {
        r.error(name, why);
        return std::nullopt;
    }
    if (*relative != *stored)
        r.note(name, tr("%1 is written relative to the run folder as %2")
                         .arg(quoted(*stored), quoted(*relative)));
    return relative;
}

std::optional<AuditReport> Decoder::auditReport(const QJsonObject &object, const QString &path)
{
    ObjectReader r = reader(object, path);
    AuditReport report;
    bool ok = true;

    // The story's example writes the audit report in snake_case.
    QString spelled;
    const QJsonValue score = r.takeAliased(u"compositeScore", u"composite_score", &spelled);
    if (const auto d = r.numberOf(spelled, score, true)) {
        if (*d < 0.0 || *d > 1.0) {
            r.error(
                spelled,
                tr("%1 is outside 0..1").arg(QString::fromLatin1(JsonWriter::formatNumber(*d))));
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
    report.extra = r.extra();
    return ok ? std::optional(report) : std::nullopt;
}

std::optional<DirectorOverrides> Decoder::overrides(const QJsonObject &object, const QString &path,
                                                    const QString &frameId)
{
    ObjectReader r = reader(object, path);
    DirectorOverrides result;
    const int errorsBefore = errors.size();

    if (const auto alignmentObject = r.objectOf(u"alignment", r.take(u"alignment"), false)) {
        ObjectReader a = reader(*alignmentObject, r.pathOf(u"alignment"));
        HumanAlignmentDelta delta;
        delta.frameId = a.string(u"frameId").value_or(QString());
        if (!delta.frameId.isEmpty() && delta.frameId != frameId)
            a.error(u"frameId",
                    tr("%1 does not name this frame (%2)").arg(quoted(delta.frameId), frameId));
        for (auto [name, target] : {std::pair{u"userOverrideX", &delta.userOverrideX},
                                    std::pair{u"userOverrideY", &delta.userOverrideY}}) {
            if (const auto d = a.number(QStringView(name))) {
                if (std::fabs(*d) > SessionCodec::maxOffset)
                    a.error(QStringView(name),
                            tr("%1 is outside -%2..%2")
                                .arg(QString::fromLatin1(JsonWriter::formatNumber(*d)))
                                .arg(SessionCodec::maxOffset));
                *target = *d;
            }
        }
        delta.timestamp = a.timestamp(u"timestamp").value_or(QString());
        delta.extra = a.extra();
        result.alignment = delta;
    }

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
        for (qsizetype i = 0; i < array->size(); ++i) {
            const QString entryPath = join(r.pathOf(u"patchHistory"), QString::number(i));
            if (!array->at(i).isObject()) {
                errors.append(
                    {entryPath, tr("expected an object, found %1").arg(typeName(array->at(i)))});
                continue;
            }
            ObjectReader p = reader(array->at(i).toObject(), entryPath);
            PatchHistoryEntry entry;
            entry.originalPath = this->path(p, u"originalPath", true).value_or(QString());
            entry.patchedPath = this->path(p, u"patchedPath", false).value_or(QString());
            entry.maskPath = this->path(p, u"maskPath", true).value_or(QString());
            entry.prompt = p.string(u"prompt").value_or(QString());
            entry.timestamp = p.timestamp(u"timestamp").value_or(QString());
            entry.extra = p.extra();
            result.patchHistory.append(entry);
        }
    }
    if (result.isPatched && result.patchHistory.isEmpty())
        r.error(u"isPatched", tr("is true but patchHistory has no entry"));

    result.notes = r.string(u"notes", false);
    result.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(result) : std::nullopt;
}

std::optional<AttemptInfo> Decoder::attempt(const QJsonObject &object, const QString &path)
{
    ObjectReader r = reader(object, path);
    const int errorsBefore = errors.size();
    AttemptInfo a;
    a.attemptIndex = r.integer(u"attemptIndex", 1, 1000000).value_or(1);
    a.timestamp = r.timestamp(u"timestamp").value_or(QString());
    a.candidatePath = this->path(r, u"candidatePath", true).value_or(QString());
    a.strategy = r.string(u"strategy").value_or(QString());
    a.reasonCodes =
        r.stringsOf(u"reasonCodes", r.take(u"reasonCodes"), true).value_or(QStringList());
    a.passed = r.boolean(u"passed").value_or(false);
    a.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(a) : std::nullopt;
}

std::optional<CommitInfo> Decoder::commitInfo(const QJsonObject &object, const QString &path)
{
    ObjectReader r = reader(object, path);
    const int errorsBefore = errors.size();
    CommitInfo info;
    constexpr int maxCount = SessionCodec::maxFrameIndex + 1;
    info.approvedCount = r.integer(u"approvedCount", 0, maxCount).value_or(0);
    info.nudgedCount = r.integer(u"nudgedCount", 0, maxCount).value_or(0);
    info.patchedCount = r.integer(u"patchedCount", 0, maxCount).value_or(0);
    info.timestamp = r.timestamp(u"timestamp").value_or(QString());
    info.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(info) : std::nullopt;
}

std::optional<DirectorFrameState> Decoder::frame(const QJsonObject &object, const QString &path,
                                                 int index)
{
    ObjectReader r = reader(object, path);
    const int errorsBefore = errors.size();
    DirectorFrameState f;
    f.frameIndex = index;
    f.id = DirectorFrameState::idForIndex(index);

    if (const auto id = r.string(u"id"); id && *id != f.id)
        r.error(u"id", tr("%1 does not match the frame index %2 (expected %3)")
                           .arg(quoted(*id))
                           .arg(index)
                           .arg(quoted(f.id)));
    if (const auto frameIndex = r.integer(u"frameIndex", 0, SessionCodec::maxFrameIndex);
        frameIndex && *frameIndex != index)
        r.error(u"frameIndex", tr("%1 does not match its key \"%2\"").arg(*frameIndex).arg(index));

    if (const auto status = r.string(u"status")) {
        if (const auto parsed = frameStatusFromName(*status))
            f.status = *parsed;
        else
            r.error(u"status", tr("unknown status %1 (expected PENDING, GENERATED, AUDIT_FAIL, "
                                  "AUDIT_WARN or APPROVED)")
                                   .arg(quoted(*status)));
    }
    f.imagePath = this->path(r, u"imagePath", true).value_or(QString());

    if (const auto report = r.objectOf(u"auditReport", r.take(u"auditReport"), true)) {
        if (const auto parsed = auditReport(*report, r.pathOf(u"auditReport")))
            f.auditReport = *parsed;
    }
    if (const auto o = r.objectOf(u"directorOverrides", r.take(u"directorOverrides"), true)) {
        if (const auto parsed = overrides(*o, r.pathOf(u"directorOverrides"), f.id))
            f.directorOverrides = *parsed;
    }

    const QJsonValue history = r.take(u"attemptHistory");
    if (history.isUndefined()) {
        // The story's own example has none; the pipeline's reader requires it.
        r.note(u"attemptHistory", tr("is missing; read as empty"));
    } else if (const auto array = r.arrayOf(u"attemptHistory", history, true)) {
        for (qsizetype i = 0; i < array->size(); ++i) {
            const QString entryPath = join(r.pathOf(u"attemptHistory"), QString::number(i));
            if (!array->at(i).isObject()) {
                errors.append(
                    {entryPath, tr("expected an object, found %1").arg(typeName(array->at(i)))});
                continue;
            }
            if (const auto a = attempt(array->at(i).toObject(), entryPath))
                f.attemptHistory.append(*a);
        }
    }

    if (const QJsonValue base64 = r.take(u"imageBase64"); !base64.isUndefined()) {
        if (!base64.isString())
            r.error(u"imageBase64", tr("expected a string, found %1").arg(typeName(base64)));
        else
            r.note(u"imageBase64", tr("is not written back: Director loads the image from "
                                      "imagePath"));
    }
    f.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(f) : std::nullopt;
}

std::optional<DirectorSession> Decoder::session(const QJsonObject &root)
{
    ObjectReader r = reader(root, QString());
    DirectorSession s;

    if (r.has(u"schemaVersion")) {
        if (const auto version = r.integer(u"schemaVersion", 1, 1000000)) {
            if (*version > DirectorSession::currentSchemaVersion) {
                newerSchema = true;
                r.error(u"schemaVersion",
                        tr("the file was written by a newer Director (schema version %1; this "
                           "build reads up to %2)")
                            .arg(*version)
                            .arg(DirectorSession::currentSchemaVersion));
                return std::nullopt;
            }
        }
    } else {
        r.take(u"schemaVersion");
    }

    if (const auto id = r.string(u"sessionId")) {
        const QUuid uuid = QUuid::fromString(*id);
        if (uuid.isNull()) {
            r.error(u"sessionId", tr("%1 is not a UUID").arg(quoted(*id)));
        } else {
            s.sessionId = uuid.toString(QUuid::WithoutBraces);
            if (s.sessionId != *id)
                r.note(u"sessionId", tr("%1 is written as %2").arg(quoted(*id), s.sessionId));
        }
    }
    if (const auto runId = r.string(u"runId")) {
        if (runId->isEmpty())
            r.error(u"runId", tr("is empty"));
        s.runId = *runId;
    }
    s.moveId = r.string(u"moveId").value_or(QString());
    if (const auto anchor = r.string(u"anchorFrameId")) {
        // The anchor is frame 0, always (RUN-FOLDER.md).
        const QString frame0 = DirectorFrameState::idForIndex(0);
        if (*anchor != frame0)
            r.error(u"anchorFrameId", tr("%1 is not %2: the anchor is always frame 0")
                                          .arg(quoted(*anchor), quoted(frame0)));
        s.anchorFrameId = *anchor;
    }
    std::optional<SessionStatus> status;
    if (const auto name = r.string(u"status")) {
        status = sessionStatusFromName(*name);
        if (status)
            s.status = *status;
        else
            r.error(u"status", tr("unknown session status %1 (expected active, committed or "
                                  "discarded)")
                                   .arg(quoted(*name)));
    }
    s.createdAt = r.timestamp(u"createdAt").value_or(QString());
    s.lastModified = r.timestamp(u"lastModified").value_or(QString());

    // commitInfo is there exactly when the session is committed.
    if (const auto info = r.objectOf(u"commitInfo", r.take(u"commitInfo"), false))
        s.commitInfo = commitInfo(*info, r.pathOf(u"commitInfo"));
    if (status == SessionStatus::Committed && !r.has(u"commitInfo"))
        r.error(u"commitInfo", tr("is missing: a committed session has one"));
    else if (status && *status != SessionStatus::Committed && r.has(u"commitInfo"))
        r.error(u"commitInfo", tr("is present, but the session is %1: only a committed session "
                                  "has one")
                                   .arg(quoted(sessionStatusName(*status))));

    // "runs/<run_id>/..." paths may name the run by the session's runId too.
    if (m_paths && !s.runId.isEmpty()) {
        m_sessionPaths = m_paths->withRunId(s.runId);
        m_paths = &*m_sessionPaths;
    }

    if (const auto frames = r.objectOf(u"frames", r.take(u"frames"), true)) {
        static const QRegularExpression decimal(QStringLiteral("^(0|[1-9][0-9]{0,8})$"));
        for (auto it = frames->begin(); it != frames->end(); ++it) {
            const QString framePath = join(QStringLiteral("frames"), it.key());
            bool isNumber = false;
            const int index = it.key().toInt(&isNumber);
            if (!decimal.match(it.key()).hasMatch() || !isNumber ||
                index > SessionCodec::maxFrameIndex) {
                errors.append({framePath, tr("the key must be a frame index written as a decimal "
                                             "number from 0 to %1")
                                              .arg(SessionCodec::maxFrameIndex)});
                continue;
            }
            if (!it.value().isObject()) {
                errors.append(
                    {framePath, tr("expected an object, found %1").arg(typeName(it.value()))});
                continue;
            }
            if (const auto f = frame(it.value().toObject(), framePath, index))
                s.frames.insert(index, *f);
        }
    }
    s.extra = r.extra();
    return errors.isEmpty() ? std::optional(s) : std::nullopt;
}

} // namespace

QString SessionDecodeResult::errorText() const
{
    QStringList lines;
    for (const SessionProblem &p : errors)
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

QByteArray SessionCodec::encode(const DirectorSession &s)
{
    JsonWriter w;
    w.beginObject();
    w.key(u"schemaVersion");
    w.number(s.schemaVersion);
    w.key(u"sessionId");
    w.string(s.sessionId);
    w.key(u"runId");
    w.string(s.runId);
    w.key(u"moveId");
    w.string(s.moveId);
    w.key(u"anchorFrameId");
    w.string(s.anchorFrameId);
    w.key(u"status");
    w.string(sessionStatusName(s.status));
    w.key(u"createdAt");
    w.string(s.createdAt);
    w.key(u"lastModified");
    w.string(s.lastModified);
    if (s.commitInfo) {
        const CommitInfo &c = *s.commitInfo;
        w.key(u"commitInfo");
        w.beginObject();
        w.key(u"approvedCount");
        w.number(c.approvedCount);
        w.key(u"nudgedCount");
        w.number(c.nudgedCount);
        w.key(u"patchedCount");
        w.number(c.patchedCount);
        w.key(u"timestamp");
        w.string(c.timestamp);
        writeExtra(w, c.extra);
        w.endObject();
    }
    w.key(u"frames");
    w.beginObject();
    for (auto it = s.frames.cbegin(); it != s.frames.cend(); ++it) {
        w.key(QString::number(it.key()));
        writeFrame(w, it.value());
    }
    w.endObject();
    writeExtra(w, s.extra);
    w.endObject();
    return w.finish();
}

SessionDecodeResult SessionCodec::decode(const QByteArray &data, const RunPaths *paths)
{
    SessionDecodeResult result;
    if (data.size() > maxFileSize) {
        result.state = SessionDecodeResult::State::NotJson;
        result.errors.append({QString(), tr("the file is %1 MB, larger than the %2 MB a session "
                                            "file can be")
                                             .arg(data.size() / (1024 * 1024))
                                             .arg(maxFileSize / (1024 * 1024))});
        return result;
    }
    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
        result.notes.append({QString(), tr("starts with a byte order mark; written without")});
    }
    if (bytes.trimmed().isEmpty()) {
        result.state = SessionDecodeResult::State::NotJson;
        result.errors.append({QString(), tr("the file is empty")});
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.state = SessionDecodeResult::State::NotJson;
        result.errors.append({QString(), tr("not valid JSON at byte %1: %2")
                                             .arg(parseError.offset)
                                             .arg(parseError.errorString())});
        return result;
    }
    if (!document.isObject()) {
        result.state = SessionDecodeResult::State::Invalid;
        result.errors.append({QString(), tr("expected a JSON object at the top level")});
        return result;
    }
    // Two members with one name: the parser kept only the last one.
    if (const QStringList duplicates = JsonDuplicateKeys::find(bytes); !duplicates.isEmpty()) {
        result.state = SessionDecodeResult::State::Invalid;
        for (const QString &path : duplicates)
            result.errors.append({path, tr("appears more than once")});
        return result;
    }
    Decoder decoder(paths);
    result.session = decoder.session(document.object());
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
    return result;
}
