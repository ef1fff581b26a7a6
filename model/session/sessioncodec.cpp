#include "session/sessioncodec.h"

#include "run/runpaths.h"
#include "session/timestamps.h"
#include "json/jsonduplicatekeys.h"
#include "json/jsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <future>
#include <mutex>
#include <system_error>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SessionCodec", text);
}

// ---------------------------------------------------------------- encoding

// Writes the members of one object: Director's own, named by literals, then
// those of other programs that do not have one of those names (a name is
// never written twice).
class MemberWriter
{
public:
    explicit MemberWriter(JsonWriter &w) : m_w(w) { m_w.beginObject(); }

    // `name` must outlive the writer (a literal).
    JsonWriter &key(QStringView name)
    {
        Q_ASSERT(!m_names.contains(name));
        m_names.append(name);
        m_w.key(name);
        return m_w;
    }

    // Members of other programs, after Director's own; then the end of the
    // object.
    void finish(const QJsonObject &extra)
    {
        JsonWriter::forEachMember(extra, [this](const QString &name, const QJsonValue &value) {
            if (m_names.contains(QStringView(name)))
                return;
            m_w.key(name);
            m_w.value(value);
        });
        m_w.endObject();
    }

private:
    JsonWriter &m_w;
    QVarLengthArray<QStringView, 16> m_names;
};

void writeStrings(JsonWriter &w, const QStringList &strings)
{
    w.beginArray();
    for (const QString &s : strings)
        w.string(s);
    w.endArray();
}

void writeAuditReport(JsonWriter &w, const AuditReport &report)
{
    MemberWriter m(w);
    m.key(u"compositeScore").number(report.compositeScore);
    writeStrings(m.key(u"flags"), report.flags);
    m.key(u"passed").boolean(report.passed);
    if (report.autoAligned)
        m.key(u"autoAligned").boolean(*report.autoAligned);
    if (report.driftPixels)
        m.key(u"driftPixels").number(*report.driftPixels);
    m.finish(report.extra);
}

void writeOverrides(JsonWriter &w, const DirectorOverrides &overrides)
{
    MemberWriter m(w);
    if (overrides.alignment) {
        const HumanAlignmentDelta &a = *overrides.alignment;
        MemberWriter alignment(m.key(u"alignment"));
        alignment.key(u"frameId").string(a.frameId);
        alignment.key(u"userOverrideX").number(a.userOverrideX);
        alignment.key(u"userOverrideY").number(a.userOverrideY);
        alignment.key(u"timestamp").string(a.timestamp);
        alignment.finish(a.extra);
    }
    m.key(u"isPatched").boolean(overrides.isPatched);
    m.key(u"patchHistory").beginArray();
    for (const PatchHistoryEntry &p : overrides.patchHistory) {
        MemberWriter patch(w);
        patch.key(u"originalPath").string(p.originalPath);
        patch.key(u"patchedPath").string(p.patchedPath);
        patch.key(u"maskPath").string(p.maskPath);
        patch.key(u"prompt").string(p.prompt);
        patch.key(u"timestamp").string(p.timestamp);
        patch.finish(p.extra);
    }
    w.endArray();
    if (overrides.notes)
        m.key(u"notes").string(*overrides.notes);
    m.finish(overrides.extra);
}

void writeAttempt(JsonWriter &w, const AttemptInfo &a)
{
    MemberWriter m(w);
    m.key(u"attemptIndex").number(a.attemptIndex);
    m.key(u"timestamp").string(a.timestamp);
    m.key(u"candidatePath").string(a.candidatePath);
    m.key(u"strategy").string(a.strategy);
    writeStrings(m.key(u"reasonCodes"), a.reasonCodes);
    m.key(u"passed").boolean(a.passed);
    m.finish(a.extra);
}

void writeFrame(JsonWriter &w, const DirectorFrameState &f)
{
    MemberWriter m(w);
    m.key(u"id").string(f.id);
    m.key(u"frameIndex").number(f.frameIndex);
    m.key(u"status").string(frameStatusName(f.status));
    m.key(u"imagePath").string(f.imagePath);
    writeAuditReport(m.key(u"auditReport"), f.auditReport);
    writeOverrides(m.key(u"directorOverrides"), f.directorOverrides);
    m.key(u"attemptHistory").beginArray();
    for (const AttemptInfo &a : f.attemptHistory)
        writeAttempt(w, a);
    w.endArray();
    m.finish(f.extra);
}

// Every change rewrites the whole file, and all its frames but one or two are
// the frames written the time before: their JSON is kept, and written again
// for a frame equal to the one it was written from. Equal is the whole test
// (a session's copies share their frames' data, so comparing is nearly free),
// so the file is byte for byte what writeFrame() writes. One cache for the
// process, of the session written last: its frames' JSON (the size of the
// file) and copies of its frames (sharing their data with the session's, or
// keeping the session's data alive once it is closed, until the next write).
class WrittenFrames
{
public:
    static WrittenFrames &instance()
    {
        static WrittenFrames frames;
        return frames;
    }

    std::mutex mutex; // held while a session is written

    // The JSON of `frame`, the frame of `index`, at the depth of a frame;
    // and how deep in the document its deepest value is.
    struct Json
    {
        const QByteArray &text;
        int deepest;
    };
    Json json(int index, const DirectorFrameState &frame)
    {
        Written &written = m_frames[index];
        if (written.json.isEmpty() || !(written.frame == frame)) {
            JsonWriter w(2); // in the document and in "frames"
            w.reserve(2048);
            writeFrame(w, frame);
            written.frame = frame;
            written.deepest = w.deepest();
            written.json = w.finishValue();
            written.json.squeeze();
        } else if (!written.frame.id.isSharedWith(frame.id)) {
            // Equal, but another copy (a session read again): keep this one,
            // so that the next comparison is one of shared data.
            written.frame = frame;
        }
        return {written.json, written.deepest};
    }

    // Forgets the frames that `frames` does not have.
    void keepOnly(const QMap<int, DirectorFrameState> &frames)
    {
        if (m_frames.size() <= frames.size())
            return;
        m_frames.removeIf([&](const auto &it) { return !frames.contains(it.key()); });
    }

private:
    struct Written
    {
        DirectorFrameState frame;
        QByteArray json;
        int deepest = 0;
    };
    QHash<int, Written> m_frames;
};

// ---------------------------------------------------------------- decoding

// From this size on, the duplicate-key scan has a thread of its own: the
// parser takes milliseconds, a thread some microseconds to start.
constexpr qsizetype concurrentScanSize = 1024 * 1024;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QCoreApplication::translate("SessionCodec", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("SessionCodec", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("SessionCodec", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("SessionCodec", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("SessionCodec", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("SessionCodec", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("SessionCodec", "nothing");
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

// Where a value is in the document ("frames.3.auditReport"), spelled out
// only when a problem is recorded there: most values have none. A path
// refers to its parent and its member name; both must outlive it.
class JsonPath
{
public:
    JsonPath() = default; // the document's root object
    JsonPath(const JsonPath &parent, QStringView member) : m_parent(&parent), m_member(member) {}
    JsonPath(const JsonPath &parent, qsizetype index) : m_parent(&parent), m_index(index) {}

    QString toString() const
    {
        if (!m_parent)
            return QString();
        return join(m_parent->toString(),
                    m_index >= 0 ? QStringView(QString::number(m_index)) : m_member);
    }

private:
    const JsonPath *m_parent = nullptr;
    QStringView m_member;
    qsizetype m_index = -1; // an array element
};

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

// Reads the members of one JSON object, recording problems at their paths,
// and collects the members nobody asked for as "extra".
class ObjectReader
{
    Q_DECLARE_TR_FUNCTIONS(SessionCodec)

public:
    ObjectReader(const QJsonObject &object, const JsonPath &path, QList<SessionProblem> &errors,
                 QList<SessionProblem> &notes)
        : m_object(object), m_path(path), m_errors(errors), m_notes(notes)
    {
        m_taken.resize(object.size());
        std::fill(m_taken.begin(), m_taken.end(), false);
    }

    // `member` must outlive the path (a literal).
    JsonPath child(QStringView member) const { return JsonPath(m_path, member); }
    QString pathOf(QStringView member) const { return join(m_path.toString(), member); }

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
        const auto it = m_object.constFind(name);
        if (it == m_object.constEnd())
            return QJsonValue(QJsonValue::Undefined);
        m_taken[it - m_object.constBegin()] = true;
        return it.value();
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

    bool has(QStringView name) const { return m_object.contains(name); }

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
        return ok ? std::optional(std::move(list)) : std::nullopt;
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

    // The members nobody took, as they were: a copy of the object without
    // the members taken. Cutting them out costs a fraction of building a new
    // object member by member (each QJsonObject::insert() converts its key
    // and value: loading took 2.0 times a bare parse that way, 1.7 times
    // this way), but the copy keeps the text of the members cut out: a
    // loaded session of the benchmark's takes 16 % more memory (0.7 KiB a
    // frame).
    QJsonObject extra() const
    {
        if (std::find(m_taken.begin(), m_taken.end(), false) == m_taken.end())
            return QJsonObject();
        QJsonObject rest = m_object;
        for (qsizetype i = m_taken.size() - 1; i >= 0; --i) {
            if (m_taken[i])
                rest.erase(rest.begin() + i);
        }
        return rest;
    }

private:
    QJsonObject m_object;
    const JsonPath &m_path;
    QList<SessionProblem> &m_errors;
    QList<SessionProblem> &m_notes;
    QVarLengthArray<bool, 16> m_taken; // which members were taken, in the object's order
};

class Decoder
{
    Q_DECLARE_TR_FUNCTIONS(SessionCodec)

public:
    explicit Decoder(const RunPaths *paths) : m_paths(paths) {}

    QList<SessionProblem> errors;
    QList<SessionProblem> notes;

    std::optional<DirectorSession> session(const QJsonObject &root);
    bool newerSchema = false;

private:
    ObjectReader reader(const QJsonObject &object, const JsonPath &path)
    {
        return ObjectReader(object, path, errors, notes);
    }

    std::optional<QString> path(ObjectReader &r, QStringView name, bool allowEmpty);

public:
    std::optional<DirectorFrameState> frame(const QJsonObject &object, const JsonPath &path,
                                            int index);

private:
    std::optional<AuditReport> auditReport(const QJsonObject &object, const JsonPath &path);
    std::optional<DirectorOverrides> overrides(const QJsonObject &object, const JsonPath &path,
                                               const QString &frameId);
    std::optional<AttemptInfo> attempt(const QJsonObject &object, const JsonPath &path);
    std::optional<CommitInfo> commitInfo(const QJsonObject &object, const JsonPath &path);

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

std::optional<AuditReport> Decoder::auditReport(const QJsonObject &object, const JsonPath &path)
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
    return ok ? std::optional(std::move(report)) : std::nullopt;
}

std::optional<DirectorOverrides> Decoder::overrides(const QJsonObject &object, const JsonPath &path,
                                                    const QString &frameId)
{
    ObjectReader r = reader(object, path);
    DirectorOverrides result;
    const int errorsBefore = errors.size();

    if (const auto alignmentObject = r.objectOf(u"alignment", r.take(u"alignment"), false)) {
        const JsonPath alignmentPath = r.child(u"alignment");
        ObjectReader a = reader(*alignmentObject, alignmentPath);
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
            const JsonPath historyPath = r.child(u"patchHistory");
            const JsonPath entryPath(historyPath, i);
            if (!array->at(i).isObject()) {
                errors.append({entryPath.toString(),
                               tr("expected an object, found %1").arg(typeName(array->at(i)))});
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
            result.patchHistory.append(std::move(entry));
        }
    }
    if (result.isPatched && result.patchHistory.isEmpty())
        r.error(u"isPatched", tr("is true but patchHistory has no entry"));

    result.notes = r.string(u"notes", false);
    result.extra = r.extra();
    return errors.size() == errorsBefore ? std::optional(std::move(result)) : std::nullopt;
}

std::optional<AttemptInfo> Decoder::attempt(const QJsonObject &object, const JsonPath &path)
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
    return errors.size() == errorsBefore ? std::optional(std::move(a)) : std::nullopt;
}

std::optional<CommitInfo> Decoder::commitInfo(const QJsonObject &object, const JsonPath &path)
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
    return errors.size() == errorsBefore ? std::optional(std::move(info)) : std::nullopt;
}

std::optional<DirectorFrameState> Decoder::frame(const QJsonObject &object, const JsonPath &path,
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
        if (auto parsed = auditReport(*report, r.child(u"auditReport")))
            f.auditReport = std::move(*parsed);
    }
    if (const auto o = r.objectOf(u"directorOverrides", r.take(u"directorOverrides"), true)) {
        if (auto parsed = overrides(*o, r.child(u"directorOverrides"), f.id))
            f.directorOverrides = std::move(*parsed);
    }

    const QJsonValue history = r.take(u"attemptHistory");
    if (history.isUndefined()) {
        // The story's own example has none; the pipeline's reader requires it.
        r.note(u"attemptHistory", tr("is missing; read as empty"));
    } else if (const auto array = r.arrayOf(u"attemptHistory", history, true)) {
        for (qsizetype i = 0; i < array->size(); ++i) {
            const JsonPath historyPath = r.child(u"attemptHistory");
            const JsonPath entryPath(historyPath, i);
            if (!array->at(i).isObject()) {
                errors.append({entryPath.toString(),
                               tr("expected an object, found %1").arg(typeName(array->at(i)))});
                continue;
            }
            if (auto a = attempt(array->at(i).toObject(), entryPath))
                f.attemptHistory.append(std::move(*a));
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
    return errors.size() == errorsBefore ? std::optional(std::move(f)) : std::nullopt;
}

std::optional<DirectorSession> Decoder::session(const QJsonObject &root)
{
    const JsonPath rootPath;
    ObjectReader r = reader(root, rootPath);
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
        s.commitInfo = commitInfo(*info, r.child(u"commitInfo"));
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
        const JsonPath framesPath = r.child(u"frames");
        for (auto it = frames->begin(); it != frames->end(); ++it) {
            const QString key = it.key();
            const JsonPath framePath(framesPath, key);
            const int index = frameIndexOf(key);
            if (index < 0) {
                errors.append({framePath.toString(),
                               tr("the key must be a frame index written as a decimal number "
                                  "from 0 to %1")
                                   .arg(SessionCodec::maxFrameIndex)});
                continue;
            }
            if (!it.value().isObject()) {
                errors.append({framePath.toString(),
                               tr("expected an object, found %1").arg(typeName(it.value()))});
                continue;
            }
            if (auto f = frame(it.value().toObject(), framePath, index))
                s.frames[index] = std::move(*f); // as insert(), without a copy
        }
    }
    s.extra = r.extra();
    return errors.isEmpty() ? std::optional(std::move(s)) : std::nullopt;
}

} // namespace

QString SessionDecodeResult::errorText() const
{
    QStringList lines;
    for (const SessionProblem &p : errors)
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

QByteArray SessionCodec::encode(const DirectorSession &s, int *deepest)
{
    JsonWriter w;
    // Some 2 KiB a frame (audit details and attempts included).
    w.reserve(4096 + 2048 * s.frames.size());
    MemberWriter m(w);
    m.key(u"schemaVersion").number(s.schemaVersion);
    m.key(u"sessionId").string(s.sessionId);
    m.key(u"runId").string(s.runId);
    m.key(u"moveId").string(s.moveId);
    m.key(u"anchorFrameId").string(s.anchorFrameId);
    m.key(u"status").string(sessionStatusName(s.status));
    m.key(u"createdAt").string(s.createdAt);
    m.key(u"lastModified").string(s.lastModified);
    if (s.commitInfo) {
        const CommitInfo &c = *s.commitInfo;
        MemberWriter commit(m.key(u"commitInfo"));
        commit.key(u"approvedCount").number(c.approvedCount);
        commit.key(u"nudgedCount").number(c.nudgedCount);
        commit.key(u"patchedCount").number(c.patchedCount);
        commit.key(u"timestamp").string(c.timestamp);
        commit.finish(c.extra);
    }
    m.key(u"frames").beginObject();
    {
        WrittenFrames &written = WrittenFrames::instance();
        const std::lock_guard<std::mutex> lock(written.mutex);
        for (auto it = s.frames.cbegin(); it != s.frames.cend(); ++it) {
            w.key(QString::number(it.key()));
            const WrittenFrames::Json frame = written.json(it.key(), it.value());
            w.raw(frame.text, frame.deepest);
        }
        written.keepOnly(s.frames);
    }
    w.endObject();
    m.finish(s.extra);
    if (deepest)
        *deepest = w.deepest();
    return w.finish();
}

const QStringList &SessionCodec::ownMembers(Members object)
{
    static const QStringList audit = {
        QStringLiteral("compositeScore"), QStringLiteral("composite_score"),
        QStringLiteral("flags"),          QStringLiteral("passed"),
        QStringLiteral("autoAligned"),    QStringLiteral("auto_aligned"),
        QStringLiteral("driftPixels"),    QStringLiteral("drift_pixels")};
    static const QStringList attempt = {
        QStringLiteral("attemptIndex"),  QStringLiteral("timestamp"),
        QStringLiteral("candidatePath"), QStringLiteral("strategy"),
        QStringLiteral("reasonCodes"),   QStringLiteral("passed")};
    switch (object) {
    case Members::AuditReport:
        return audit;
    case Members::Attempt:
        return attempt;
    }
    return audit;
}

std::optional<QJsonObject> SessionCodec::asWritten(const QJsonObject &members)
{
    if (members.isEmpty())
        return members;
    JsonWriter w;
    w.value(members);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(w.finish(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return document.object();
}

QString SessionCodec::whyNotReadBackAsIs(const DirectorFrameState &frame)
{
    // Written at the depth it has in the file: the document, "frames", the
    // frame (its deeper indentation is only white space to the reader).
    JsonWriter w(2);
    writeFrame(w, frame);
    const int deepest = w.deepest();
    const QByteArray json = w.finishValue();
    if (const QString why = whyUnreadable(0, deepest); !why.isEmpty())
        return why;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return parseError.errorString();
    const JsonPath root;
    const JsonPath frames(root, u"frames");
    const QString key = QString::number(frame.frameIndex);
    const JsonPath path(frames, key);
    Decoder decoder(nullptr);
    const std::optional<DirectorFrameState> read =
        decoder.frame(document.object(), path, frame.frameIndex);
    if (!read)
        return decoder.errors.isEmpty() ? tr("it cannot be read back")
                                        : decoder.errors.first().toString();
    if (!(*read == frame))
        return tr("it would be read back as another frame (members of another program by the "
                  "names of Director's own, or texts that JSON does not hold as they are)");
    return {};
}

QString SessionCodec::whyUnreadable(qint64 size, int deepest)
{
    if (size > maxFileSize) {
        return tr("it would be %1 MB, larger than the %2 MB a session file can be")
            .arg(size / (1024 * 1024))
            .arg(maxFileSize / (1024 * 1024));
    }
    if (deepest > maxNestingDepth) {
        return tr("its values would be nested %1 levels deep; a session file can nest %2")
            .arg(deepest)
            .arg(maxNestingDepth);
    }
    return {};
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
    // Only whitespace (what QByteArray::trimmed() removes)?
    if (std::all_of(bytes.cbegin(), bytes.cend(),
                    [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); })) {
        result.state = SessionDecodeResult::State::NotJson;
        result.errors.append({QString(), tr("the file is empty")});
        return result;
    }
    // The duplicate-key scan reads the bytes the parser reads: in a large
    // file it runs beside the parser, on a thread of its own. (A future of
    // std::async waits for its thread when it goes, on every return below.)
    std::future<QStringList> scan;
    if (bytes.size() >= concurrentScanSize) {
        try {
            scan =
                std::async(std::launch::async, [bytes] { return JsonDuplicateKeys::find(bytes); });
        } catch (const std::system_error &) {
            // No thread to be had: the scan follows the parser.
        }
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
    const QStringList duplicates = scan.valid() ? scan.get() : JsonDuplicateKeys::find(bytes);
    if (!duplicates.isEmpty()) {
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
