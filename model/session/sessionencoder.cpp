#include "session/sessionencoder.h"

#include "json/jsonmembers.h"
#include "json/jsonwriter.h"

#include <QVarLengthArray>

#include <unistd.h>

namespace {

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
    // The same for members held as written: their text goes in as it is,
    // unless one of them has the name of a member written already.
    void finish(const JsonMembers &extra)
    {
        if (extra.containsAny(m_names.constData(), m_names.size())) {
            const JsonMembers others = extra.without(m_names.constData(), m_names.size());
            m_w.members(others.text(), others.depth());
        } else {
            m_w.members(extra.text(), extra.depth());
        }
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

void writeAlignment(JsonWriter &w, const HumanAlignmentDelta &a)
{
    MemberWriter alignment(w);
    alignment.key(u"frameId").string(a.frameId);
    alignment.key(u"userOverrideX").number(a.userOverrideX);
    alignment.key(u"userOverrideY").number(a.userOverrideY);
    alignment.key(u"timestamp").string(a.timestamp);
    alignment.finish(a.extra);
}

void writePatch(JsonWriter &w, const PatchHistoryEntry &p)
{
    MemberWriter patch(w);
    patch.key(u"originalPath").string(p.originalPath);
    patch.key(u"patchedPath").string(p.patchedPath);
    patch.key(u"maskPath").string(p.maskPath);
    patch.key(u"prompt").string(p.prompt);
    patch.key(u"timestamp").string(p.timestamp);
    patch.finish(p.extra);
}

void writeVerdict(JsonWriter &w, const Verdict &v)
{
    MemberWriter verdict(w);
    verdict.key(u"status").string(frameStatusName(v.status));
    verdict.key(u"reviewer").string(v.reviewer);
    verdict.key(u"timestamp").string(v.timestamp);
    if (v.reasonCode)
        verdict.key(u"reasonCode").string(*v.reasonCode);
    if (v.reason)
        verdict.key(u"reason").string(*v.reason);
    verdict.finish(v.extra);
}

void writeOverrides(JsonWriter &w, const DirectorOverrides &overrides)
{
    MemberWriter m(w);
    if (overrides.alignment)
        writeAlignment(m.key(u"alignment"), *overrides.alignment);
    m.key(u"isPatched").boolean(overrides.isPatched);
    m.key(u"patchHistory").beginArray();
    for (const PatchHistoryEntry &p : overrides.patchHistory)
        writePatch(w, p);
    w.endArray();
    if (overrides.notes)
        m.key(u"notes").string(*overrides.notes);
    if (overrides.verdict)
        writeVerdict(m.key(u"verdict"), *overrides.verdict);
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

void writeCommitInfo(JsonWriter &w, const CommitInfo &c)
{
    MemberWriter commit(w);
    commit.key(u"approvedCount").number(c.approvedCount);
    commit.key(u"nudgedCount").number(c.nudgedCount);
    commit.key(u"patchedCount").number(c.patchedCount);
    commit.key(u"timestamp").string(c.timestamp);
    commit.finish(c.extra);
}

// The frames, keyed by their index, each from the cache when there is one.
// With `pieces`, a frame from the cache is not copied into `w`: its place
// there and its JSON go to `pieces`.
// With `changed` (in increasing order), the frames not in it are the cache's as they are.
void writeFrames(JsonWriter &w, const QMap<int, DirectorFrameState> &frames,
                 SessionEncoder::FrameCache *cache, SessionEncoder::Pieces *pieces = nullptr,
                 const QList<int> *changed = nullptr)
{
    static const char nothing[] = "";
    w.beginObject();
    qsizetype nextChanged = 0;
    for (auto it = frames.cbegin(); it != frames.cend(); ++it) {
        w.key(QString::number(it.key()));
        if (cache) {
            bool same = false;
            if (changed) {
                while (nextChanged < changed->size() && changed->at(nextChanged) < it.key())
                    ++nextChanged;
                same = nextChanged == changed->size() || changed->at(nextChanged) != it.key();
            }
            const SessionEncoder::FrameCache::Json frame =
                cache->json(it.key(), it.value(), same, pieces != nullptr);
            if (pieces) {
                w.raw(QByteArrayView(nothing, 0), frame.deepest);
                pieces->frames.append({w.size(), it.key(), frame.text, frame.fileAt,
                                       frame.fileAt >= 0 ? frame.length : frame.text.size(),
                                       frame.ordinal});
                pieces->size += pieces->frames.constLast().length;
            } else {
                w.raw(frame.text, frame.deepest);
            }
        } else {
            writeFrame(w, it.value());
        }
    }
    if (cache)
        cache->keepOnly(frames);
    w.endObject();
}

void writeSession(JsonWriter &w, const DirectorSession &s, SessionEncoder::FrameCache *cache,
                  SessionEncoder::Pieces *pieces, const QList<int> *changed = nullptr)
{
    MemberWriter m(w);
    m.key(u"schemaVersion").number(s.schemaVersion);
    m.key(u"sessionId").string(s.sessionId);
    m.key(u"runId").string(s.runId);
    m.key(u"moveId").string(s.moveId);
    m.key(u"anchorFrameId").string(s.anchorFrameId);
    m.key(u"status").string(sessionStatusName(s.status));
    m.key(u"createdAt").string(s.createdAt);
    m.key(u"lastModified").string(s.lastModified);
    if (s.commitInfo)
        writeCommitInfo(m.key(u"commitInfo"), *s.commitInfo);
    writeFrames(m.key(u"frames"), s.frames, cache, pieces, changed);
    m.finish(s.extra);
}

} // namespace

SessionEncoder::FrameCache::~FrameCache()
{
    if (m_file >= 0)
        ::close(m_file);
}

SessionEncoder::FrameCache::Json
SessionEncoder::FrameCache::json(int index, const DirectorFrameState &frame, bool same, bool inFile)
{
    Written &written = m_frames[index];
    const bool usable = written.known() && (inFile || !written.json.isEmpty());
    if (!usable || (!same && !(written.frame == frame))) {
        JsonWriter w(2); // in the document and in "frames"
        w.reserve(2048);
        writeFrame(w, frame);
        written.frame = frame;
        written.deepest = w.deepest();
        written.json = w.finishValue();
        written.json.squeeze();
        written.fileAt = -1;
        written.ordinal = -1;
        written.length = written.json.size();
    } else if (!same && !written.frame.id.isSharedWith(frame.id)) {
        // Equal, but another copy (a session read again): keep this one, so
        // that the next comparison is one of shared data.
        written.frame = frame;
    }
    if (written.json.isEmpty())
        return {written.json, written.fileAt, written.length, written.ordinal, written.deepest};
    return {written.json, -1, written.json.size(), -1, written.deepest};
}

void SessionEncoder::FrameCache::keepOnly(const QMap<int, DirectorFrameState> &frames)
{
    if (m_frames.size() <= frames.size())
        return;
    m_frames.removeIf([&](const auto &it) { return !frames.contains(it.key()); });
}

void SessionEncoder::FrameCache::wroteTo(int fd, const Pieces &pieces)
{
    // Every frame the cache holds is in `pieces` (keepOnly), each now at its place in `fd`.
    if (m_file >= 0)
        ::close(m_file);
    m_file = fd;
    for (Written &written : m_frames)
        written.ordinal = -1;
    qint64 before = 0; // the frames' bytes before this one
    for (qsizetype ordinal = 0; ordinal < pieces.frames.size(); ++ordinal) {
        const Pieces::Frame &frame = pieces.frames.at(ordinal);
        const qint64 at = frame.at + before;
        before += frame.length;
        const auto it = m_frames.find(frame.index);
        if (it == m_frames.end())
            continue;
        it->fileAt = at;
        it->length = frame.length;
        it->ordinal = ordinal;
        it->json = QByteArray();
    }
    m_frames.removeIf([](const auto &it) { return it.value().ordinal < 0; });
}

void SessionEncoder::FrameCache::forgetFile()
{
    if (m_file < 0)
        return;
    ::close(m_file);
    m_file = -1;
    m_frames.removeIf([](const auto &it) { return it.value().json.isEmpty(); });
}

SessionEncoder::Encoded SessionEncoder::encode(const DirectorSession &s, FrameCache *cache)
{
    JsonWriter w;
    // Some 2 KiB a frame (audit details and attempts included).
    w.reserve(4096 + 2048 * s.frames.size());
    writeSession(w, s, cache, nullptr);
    const int deepest = w.deepest();
    return {w.finish(), deepest};
}

SessionEncoder::Pieces SessionEncoder::encodePieces(const DirectorSession &s, FrameCache &cache,
                                                    const QList<int> *changed)
{
    Pieces pieces;
    pieces.frames.reserve(s.frames.size());
    JsonWriter w;
    // The members and the frames' keys.
    w.reserve(4096 + 32 * s.frames.size());
    writeSession(w, s, &cache, &pieces, changed);
    pieces.file = cache.file();
    pieces.deepest = w.deepest();
    pieces.text = w.finish();
    pieces.size += pieces.text.size();
    return pieces;
}

QList<SessionEncoder::Pieces::Part> SessionEncoder::Pieces::parts() const
{
    QList<Part> parts;
    parts.reserve(2 * frames.size() + 1);
    qsizetype from = 0;
    const Frame *previous = nullptr;
    for (const Frame &frame : frames) {
        // Right after the one before in the file, as here: the text between them (a comma and
        // the frame's key) is in the file too, as it is here.
        if (frame.fileAt >= 0 && previous && previous->fileAt >= 0 &&
            frame.ordinal == previous->ordinal + 1 &&
            frame.fileAt - (previous->fileAt + previous->length) == frame.at - previous->at) {
            parts.last().length = frame.fileAt + frame.length - parts.last().fileAt;
        } else {
            parts.append({QByteArrayView(text).sliced(from, frame.at - from)});
            if (frame.fileAt >= 0)
                parts.append({QByteArrayView(), frame.fileAt, frame.length});
            else
                parts.append({QByteArrayView(frame.json)});
        }
        from = frame.at;
        previous = &frame;
    }
    parts.append({QByteArrayView(text).sliced(from)});
    return parts;
}

QByteArray SessionEncoder::Pieces::joined() const
{
    QByteArray bytes;
    bytes.reserve(size);
    for (const Part &part : parts()) {
        if (part.fileAt < 0) {
            bytes.append(part.bytes);
            continue;
        }
        qsizetype at = bytes.size();
        bytes.resize(at + part.length);
        for (qint64 from = part.fileAt; at < bytes.size();) {
            const ssize_t n =
                file < 0 ? -1 : ::pread(file, bytes.data() + at, size_t(bytes.size() - at), from);
            if (n <= 0)
                return QByteArray();
            at += n;
            from += n;
        }
    }
    return bytes;
}

SessionEncoder::Encoded SessionEncoder::encodeFrame(const DirectorFrameState &frame)
{
    // Written at the depth it has in the file: the document, "frames", the
    // frame.
    JsonWriter w(2);
    writeFrame(w, frame);
    const int deepest = w.deepest();
    return {w.finishValue(), deepest};
}
