#pragma once

// A deterministic generator of pipeline run folders from arbitrary bytes,
// shared by the libFuzzer target fuzz_roundtrip and the property test
// tst_roundtrip. The bytes are consumed like FuzzedDataProvider's: each
// choice takes a byte (or a few); when the bytes run out every choice reads
// 0, and 0 always means "the ordinary thing", so a short input is an ordinary
// run and the empty input is a demo-like run of six frames.
//
// An input is laid out as:
//   [flags: 2 bytes LE] [L: 2 bytes LE] [run bytes ...] [edit bytes: the last L bytes]
// `flags` force the known-bad shapes (Force below); the run bytes drive the
// run folder (manifest, state.json, candidates, audits, ...), the edit bytes
// the sequence of edits the round-trip check applies (roundtripcheck.h).
// Seed inputs are built with Input (below), which writes exactly that layout.

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <initializer_list>

namespace RunGenerator {

// Shapes the generator makes whatever the run bytes say (they are known to
// have broken Director).
enum Force : quint16
{
    ForceAttemptZero = 1 << 0,    // frame 3 has candidates/frame_0003_attempt_0.png
    ForceFarFuture = 1 << 1,      // 9999-12-31T23:59:59.999Z everywhere a time goes (and
                                  // the session's lastModified, rewritten once it exists)
    ForceDeepAudit = 1 << 2,      // frame 0's audit holds an array nested 1022 levels deep
    ForceBigAudit = 1 << 3,       // frame 0's audit holds one string as large as the budget
    ForceUnauditedNewer = 1 << 4, // frame 1: candidates 1 and 2, its audit names attempt 1 only
    ForceOffsetTimes = 1 << 5,    // times with offsets (+14:00, year 0001 with +01:00)
    ForceRewriteSessionTimes = 1 << 6, // the session's own times rewritten by "another program"
};

struct Options
{
    // Bytes of JSON and images the run folder may hold (the big-audit and deep
    // cases take what is left of it). Keep it modest for the fuzzer.
    qint64 maxFileBytes = 2 * 1024 * 1024;
    // What the session written from it may grow to, roughly: JSON nested N
    // deep is written indented, about N*N bytes.
    qint64 maxSessionBytes = 8 * 1024 * 1024;
    int maxFrames = 40;
};

// Bytes consumed from the front, 0 once they run out.
class ByteSource
{
public:
    ByteSource() = default;
    ByteSource(const char *data, qsizetype size) : m_data(data), m_size(size) {}

    bool exhausted() const { return m_pos >= m_size; }
    quint8 byte() { return m_pos < m_size ? quint8(m_data[m_pos++]) : 0; }
    quint32 u16() { return quint32(byte()) | quint32(byte()) << 8; }
    quint32 u32() { return u16() | u16() << 16; }
    quint64 u64() { return quint64(u32()) | quint64(u32()) << 32; }
    // 0..n-1 (n <= 256 takes one byte, else more).
    int below(int n)
    {
        if (n <= 1)
            return 0;
        return n <= 256 ? byte() % n : int(u32() % quint32(n));
    }
    bool flag() { return byte() & 1; }
    double rawDouble()
    {
        const quint64 bits = u64();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }

private:
    const char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_pos = 0;
};

// An input split into its parts.
struct Input
{
    quint16 flags = 0;
    QByteArray run;
    QByteArray edits;

    static Input parse(const QByteArray &bytes)
    {
        Input input;
        const auto at = [&](qsizetype i) { return i < bytes.size() ? quint8(bytes[i]) : 0; };
        input.flags = quint16(at(0) | at(1) << 8);
        const qsizetype editLength = at(2) | at(3) << 8;
        const QByteArray body = bytes.size() > 4 ? bytes.mid(4) : QByteArray();
        const qsizetype edits = std::min(editLength, body.size());
        input.run = body.left(body.size() - edits);
        input.edits = body.right(edits);
        return input;
    }
    QByteArray serialize() const
    {
        QByteArray bytes;
        bytes.append(char(flags & 0xff)).append(char(flags >> 8));
        const qsizetype n = std::min<qsizetype>(edits.size(), 0xffff);
        bytes.append(char(n & 0xff)).append(char(n >> 8));
        return bytes + run + edits.left(n);
    }
};

// ---- Tables: index 0 is the ordinary value. ---------------------------------

inline const QList<QByteArray> &timestampTexts()
{
    static const QList<QByteArray> texts = {
        "2026-01-18T12:00:00.000Z",
        "2026-01-18T12:00:00Z",
        "2026-01-18T12:00:00.5Z",
        "2026-01-18T14:00:00+02:00",
        "9999-12-31T23:59:59.999Z",
        "9999-12-31T23:59:59.999-14:00",
        "2026-01-18T12:00:00+14:00",
        "0001-01-01T00:00:00+01:00",
        "0001-01-01T00:00:00.000Z",
        "0001-01-01T00:30:00+00:45",
        "1970-01-01T00:00:00.123456789Z",
        "2026-02-30T12:00:00Z",
        "2026-01-18T24:00:00Z",
        "2026-01-18T12:00:60Z",
        "2026-01-18T12:00:00",
        "2026-01-18 12:00:00Z",
        "not a time",
        "",
        "9999-12-31T23:59:59.999999Z",
        "2026-01-18T12:00:00.000+0000",
        "1969-12-31T23:59:59.999Z",
        "2026-01-18T12:00Z",
    };
    return texts;
}
constexpr int farFutureTime = 4;
constexpr int offsetTimes[] = {5, 6, 7, 9};

inline const QList<QByteArray> &numberTexts()
{
    static const QList<QByteArray> texts = {"1",
                                            "0",
                                            "-1",
                                            "2",
                                            "1e9",
                                            "-5",
                                            "16.5",
                                            "1000000",
                                            "1000001",
                                            "999999",
                                            "0.5",
                                            "1e300",
                                            "-0",
                                            "1e400",
                                            "1e-400",
                                            "0.1",
                                            "123456789012345678901",
                                            "2147483648",
                                            "-2147483649",
                                            "4.9e-324",
                                            "1.7976931348623157e308",
                                            "3"};
    return texts;
}

inline const QList<QByteArray> &keyTexts()
{
    static const QList<QByteArray> keys = {
        "extra",
        "metrics",
        "status",
        "breakdown",
        "compositeScore",
        "composite_score",
        "passed",
        "flags",
        "reason_codes",
        "attempts",
        "autoAligned",
        "auto_aligned",
        "driftPixels",
        "attemptHistory",
        "imageBase64",
        "frame_index",
        "",
        "\\ufeffpassed",
        "\\u0000",
        "__proto__",
        "timestamp",
        "attemptIndex",
        "candidatePath",
        "notes",
        "\\ud800",
        "directorOverrides",
        "alignment",
        "userOverrideX",
        "id",
        "frames",
    };
    return keys;
}

inline const QList<QByteArray> &reasonTexts()
{
    static const QList<QByteArray> reasons = {"SF01_IDENTITY_DRIFT",
                                              "SF02_PALETTE_DRIFT",
                                              "HF01_BLANK",
                                              "HF04_WRONG_COLOR_DEPTH",
                                              "",
                                              "UNKNOWN_CODE",
                                              "\\u0000\\u001f",
                                              "\\ud83d",
                                              "SF03_BASELINE_DRIFT",
                                              "r\\u00e9jet\\u00e9",
                                              "HF_MANUAL_REJECT",
                                              "\xf0\x9f\x98\x80"};
    return reasons;
}

// ---- JSON text --------------------------------------------------------------

// Bytes from small numbers: bytes({1, 2, 'x'}).
inline QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int v : values)
        out.append(char(v));
    return out;
}

inline QByteArray quoted(const QByteArray &escapedText)
{
    return '"' + escapedText + '"';
}

// Writes run folders (and later changes to them) from a ByteSource.
class Generator
{
public:
    Generator(ByteSource &source, const QString &runDir, quint16 flags, const Options &options)
        : m_in(source), m_dir(runDir), m_flags(flags), m_options(options),
          m_fileBudget(options.maxFileBytes), m_sessionBudget(options.maxSessionBytes)
    {}

    // The whole run folder. Returns how many frames it has files for.
    int writeRun();

    // Changes the run folder the way a live pipeline would (a new attempt, a
    // new frame, a file being rewritten, ...). `frames` are the session's
    // frame indexes.
    void mutateRun(const QList<int> &frames);

    QString runId() const { return m_runId; }
    const QStringList &log() const { return m_log; }

    static QString frameName(int index)
    {
        return QStringLiteral("frame_%1").arg(index, 4, 10, QLatin1Char('0'));
    }

private:
    bool forced(Force f) const { return m_flags & f; }
    bool spend(qint64 fileBytes, qint64 sessionBytes = 0)
    {
        if (fileBytes > m_fileBudget || sessionBytes + fileBytes > m_sessionBudget)
            return false;
        m_fileBudget -= fileBytes;
        m_sessionBudget -= sessionBytes + fileBytes;
        return true;
    }
    void note(const QString &text) { m_log.append(text); }

    bool writeFile(const QString &relative, const QByteArray &bytes)
    {
        const QString path = m_dir + u'/' + relative;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(bytes) == bytes.size();
    }
    void setModified(const QString &relative, qint64 seconds, long nanoseconds)
    {
        const timespec times[2] = {{seconds, nanoseconds}, {seconds, nanoseconds}};
        ::utimensat(AT_FDCWD, QFile::encodeName(m_dir + u'/' + relative).constData(), times, 0);
    }

    QByteArray timestamp()
    {
        if (forced(ForceFarFuture) && m_in.below(4) != 3)
            return quoted(timestampTexts()[farFutureTime]);
        if (forced(ForceOffsetTimes) && m_in.below(4) != 3)
            return quoted(timestampTexts()[offsetTimes[m_in.below(4)]]);
        const int kind = m_in.below(int(timestampTexts().size()) + 2);
        if (kind < timestampTexts().size())
            return quoted(timestampTexts()[kind]);
        return kind == timestampTexts().size() ? QByteArray("0") : QByteArray("null");
    }
    QByteArray number()
    {
        const int kind = m_in.below(int(numberTexts().size()) + 1);
        if (kind < numberTexts().size())
            return numberTexts()[kind];
        const double d = m_in.rawDouble();
        return std::isfinite(d) ? QByteArray::number(d, 'g', 17) : QByteArray("0");
    }
    // An attempt number as JSON: mostly ordinary, sometimes odd.
    QByteArray attemptNumber(int ordinary)
    {
        static const QList<QByteArray> odd = {"0",   "-1",    "999999", "1000000", "1000001", "1e9",
                                              "1.5", "\"2\"", "null",   "\"x\"",   "2",       "-0"};
        const int kind = m_in.below(int(odd.size()) + 3);
        return kind < 3 ? QByteArray::number(ordinary) : odd[kind - 3];
    }
    QByteArray string(int maxLength = 12);
    QByteArray key()
    {
        const int kind = m_in.below(int(keyTexts().size()) + 1);
        return quoted(kind < keyTexts().size() ? keyTexts()[kind] : string(8).mid(1).chopped(1));
    }
    // Any JSON value; `depth` is how deep it is in its file, `sessionDepth`
    // how deep it goes into the session.
    QByteArray value(int depth, int sessionDepth);
    QByteArray deepArray(int levels, int sessionDepth)
    {
        if (!spend(2 * levels, qint64(levels) * (levels + 2 * sessionDepth) * 2))
            return "[]";
        note(QStringLiteral("array nested %1 deep").arg(levels));
        return QByteArray(levels, '[') + QByteArray(levels, ']');
    }
    QByteArray bigString(qint64 length);

    void writeManifest(int frameCount);
    void writeState(const QList<int> &frames, int frameCount);
    void writeAnchor();
    // One frame's files. `typical` picks the ordinary status of the frame
    // (0 approved, 1 warned, 2 failed, 3 unaudited, 4 no image).
    void writeFrame(int index, int typical);
    QString writeCandidate(int index, int attempt);
    void writeImage(const QString &relative);
    void writeAudit(int index, int typical, const QList<int> &attempts);

    ByteSource &m_in;
    QString m_dir;
    quint16 m_flags;
    Options m_options;
    qint64 m_fileBudget;
    qint64 m_sessionBudget;
    QString m_runId = QStringLiteral("run_fuzz");
    QStringList m_log;
};

inline QByteArray Generator::string(int maxLength)
{
    const int kind = m_in.below(10);
    const int length = m_in.below(maxLength + 1);
    QByteArray text;
    switch (kind) {
    case 0:
        return quoted("x");
    case 1: // printable ASCII
        for (int i = 0; i < length; ++i)
            text.append(char(' ' + m_in.below(95)));
        text.replace('\\', 'b').replace('"', 'q');
        return quoted(text);
    case 2: // control characters, escaped
        for (int i = 0; i < length; ++i)
            text.append(QByteArray("\\u00") +
                        QByteArray::number(m_in.below(32), 16).rightJustified(2, '0'));
        return quoted(text + "\\n\\t\\r\\b\\f\\\\\\/");
    case 3: // lone and paired surrogates
        for (int i = 0; i < length; ++i) {
            static const QList<QByteArray> units = {
                "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\udfff", "\\ufeff", "\\uffff", "a"};
            text.append(units[m_in.below(int(units.size()))]);
        }
        return quoted(text);
    case 4: // UTF-8 as it is
        for (int i = 0; i < length; ++i) {
            static const QList<QByteArray> characters = {"\xc3\xa9",         "\xe2\x82\xac",
                                                         "\xf0\x9f\x98\x80", "\xef\xbb\xbf",
                                                         "\xe2\x80\xa8",     "z"};
            text.append(characters[m_in.below(int(characters.size()))]);
        }
        return quoted(text);
    case 5:
        return quoted("runs/" + m_runId.toUtf8() + "/candidates/frame_0000_attempt_01.png");
    case 6:
        return quoted("../../etc/passwd");
    case 7:
        return quoted(QFile::encodeName(m_dir) + "/candidates/frame_0001_attempt_01.png");
    case 8:
        return quoted("");
    default:
        return quoted(QByteArray::number(m_in.below(100000)));
    }
}

inline QByteArray Generator::bigString(qint64 length)
{
    const int kind = m_in.below(4);
    // Each kind grows differently when written again: plain ASCII, escapes
    // (6 bytes each, as read), multi-byte UTF-8, lone surrogates.
    static const QList<QByteArray> units = {"x", "\\u0001", "\xf0\x9f\x98\x80", "\\ud800"};
    const QByteArray &unit = units[kind];
    // As large as asked, as far as the budgets go (written again, a unit may take 6 bytes).
    const qint64 count = std::min(
        {length / unit.size(), m_fileBudget / unit.size(), m_sessionBudget / (unit.size() + 6)});
    if (count < 1 || !spend(count * unit.size(), count * 6))
        return quoted("budget");
    note(QStringLiteral("string of %1 bytes").arg(count * unit.size()));
    return quoted(unit.repeated(count));
}

inline QByteArray Generator::value(int depth, int sessionDepth)
{
    if (!spend(16, 16 + 2 * sessionDepth))
        return "0";
    const int kind = depth > 6 ? m_in.below(5) : m_in.below(10);
    switch (kind) {
    case 0:
        return "null";
    case 1:
        return m_in.flag() ? "true" : "false";
    case 2:
        return number();
    case 3:
        return string();
    case 4:
        return timestamp();
    case 5:
    case 6: {
        const int n = m_in.below(4);
        QByteArray out = "[";
        for (int i = 0; i < n; ++i)
            out += (i ? "," : "") + value(depth + 1, sessionDepth + 1);
        return out + ']';
    }
    case 7:
    case 8: {
        const int n = m_in.below(5);
        QByteArray out = "{";
        for (int i = 0; i < n; ++i)
            out += (i ? "," : "") + key() + ':' + value(depth + 1, sessionDepth + 1);
        return out + '}';
    }
    default: {
        // Deep: mostly moderate, sometimes right at (or past) the parser's limit.
        static const int levels[] = {20, 100, 1000, 1019, 1020, 1021, 1022, 1023, 1024, 1025};
        const int n = levels[m_in.below(10)];
        return deepArray(n, sessionDepth);
    }
    }
}

inline void Generator::writeManifest(int frameCount)
{
    const int form = m_in.below(6); // long, short, missing, not JSON, empty, not an object
    QByteArray count;
    switch (m_in.below(12)) {
    case 0:
        count = QByteArray::number(frameCount);
        break;
    case 1:
        count = "1e9";
        break;
    case 2:
        count = "-5";
        break;
    case 3:
        count = "\"16\"";
        break;
    case 4:
        count = "16.5";
        break;
    case 5:
        count = QByteArray(); // missing
        break;
    case 6:
        count = "0";
        break;
    case 7:
        count = QByteArray::number(std::max(1, frameCount / 2));
        break;
    case 8:
        count = "1e300";
        break;
    case 9:
        count = "100001";
        break;
    case 10:
        count = "true";
        break;
    default:
        count = quoted(QByteArray::number(frameCount));
        break;
    }
    if (m_in.below(8) == 1)
        m_runId = QString::fromUtf8(QByteArray::fromPercentEncoding(
            QList<QByteArray>{"", "r%C3%A9n", "..", "a/b", "run%00x", "run_%F0%9F%98%80",
                              "%ED%A0%80", "x"}[m_in.below(8)]));
    if (form >= 2) {
        note(QStringLiteral("manifest form %1").arg(form));
        if (form == 3)
            writeFile(QStringLiteral("manifest.lock.json"), "{\"run_id\": \"run_fu");
        else if (form == 4)
            writeFile(QStringLiteral("manifest.lock.json"), "{}");
        else if (form == 5)
            writeFile(QStringLiteral("manifest.lock.json"), "[1, 2]");
        return;
    }
    QByteArray runIdJson = m_runId.isEmpty() ? QByteArray() : quoted(m_runId.toUtf8());
    if (m_runId.contains(QChar(0)))
        runIdJson = quoted("run\\u0000x");
    if (m_runId.startsWith(QChar(0xfffd)))
        runIdJson = quoted("\\ud800");
    QByteArray identity = "{\"character\": \"blaze\", \"move\": " +
                          (m_in.below(6) == 1 ? string() : quoted("idle_standard")) +
                          ", \"is_loop\": " + (m_in.flag() ? "true" : "false");
    if (!count.isEmpty())
        identity += ", \"frame_count\": " + count;
    identity += '}';
    note(QStringLiteral("manifest %1 frame_count %2")
             .arg(form == 0 ? u"long" : u"short", QString::fromUtf8(count)));
    QByteArray manifest = "{";
    if (!runIdJson.isEmpty())
        manifest += "\"run_id\": " + runIdJson + ", ";
    manifest += "\"run_start\": " + timestamp() + ", \"manifest_hash\": \"abc123\", ";
    if (form == 0) {
        manifest += "\"resolved_config\": {\"identity\": " + identity +
                    ", \"canvas\": {\"generation_size\": 512, \"target_size\": " +
                    (m_in.below(4) == 1 ? number() : QByteArray("16")) +
                    "}, \"auditor\": {\"thresholds\": {\"ssim\": 0.9, \"deep\": " + value(2, 0) +
                    "}}}}";
    } else {
        manifest += "\"manifest_identity\": " + identity + '}';
    }
    writeFile(QStringLiteral("manifest.lock.json"), manifest);
}

inline void Generator::writeState(const QList<int> &frames, int frameCount)
{
    const int form = m_in.below(5); // ordinary, with attempts, missing, not JSON, odd
    if (form == 2)
        return;
    if (form == 3) {
        writeFile(QStringLiteral("state.json"), "{\"run_id\": ");
        return;
    }
    QByteArray total = QByteArray::number(frameCount);
    if (form == 4) {
        static const QList<QByteArray> odd = {"1e9", "-5", "\"16\"", "16.5", "null", "1e400"};
        total = odd[m_in.below(int(odd.size()))];
    }
    QByteArray state =
        "{\"run_id\": " + quoted(m_runId.toUtf8().replace('"', 'q').replace('\\', 'b')) +
        ", \"total_frames\": " + total + ", \"frame_states\": [";
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QByteArray index = QByteArray::number(frames[i]);
        QByteArray approved;
        if (form >= 1) {
            const int kind = m_in.below(8);
            if (kind == 1)
                index = quoted(index);
            else if (kind == 2)
                index = "-1";
            else if (kind == 3)
                index = "1e9";
            else if (kind == 4)
                approved = ", \"approved_path\": " + string();
            else if (kind == 5)
                approved =
                    ", \"approved_path\": \"approved/" + frameName(frames[i]).toUtf8() + ".png\"";
        }
        state += (i ? ", " : "") + QByteArray("{\"index\": ") + index + approved + '}';
    }
    state += "], \"frameAttempts\": {";
    if (form >= 1) {
        bool first = true;
        for (const int frame : frames) {
            if (m_in.below(3) == 0)
                continue;
            const QByteArray frameKey = m_in.below(8) == 1 ? quoted("0" + QByteArray::number(frame))
                                                           : quoted(QByteArray::number(frame));
            state += (first ? "" : ", ") + frameKey + ": {\"attempts\": [";
            first = false;
            const int n = m_in.below(4);
            for (int a = 0; a < n; ++a) {
                state += (a ? ", " : "") + QByteArray("{\"attemptIndex\": ") +
                         attemptNumber(a + 1) + ", \"timestamp\": " + timestamp() +
                         ", \"strategy\": " + string() + ", \"reasonCodes\": [" +
                         quoted(reasonTexts()[m_in.below(int(reasonTexts().size()))]) +
                         "], \"result\": " + (m_in.flag() ? "\"passed\"" : "\"failed\"") +
                         (m_in.below(3) == 1 ? ", " + key() + ": " + value(3, 5) : QByteArray()) +
                         '}';
            }
            state += "]}";
        }
    }
    state += "}}";
    writeFile(QStringLiteral("state.json"), state);
}

inline void Generator::writeAnchor()
{
    switch (m_in.below(4)) {
    case 0:
        return;
    case 1:
        writeFile(QStringLiteral("anchor_analysis.json"),
                  "{\"image_dimensions\": {\"width\": 512, \"height\": 512}, \"results\": "
                  "{\"baselineY\": 480, \"rootX\": 256, \"visible_bounds\": {\"leftX\": 100, "
                  "\"topY\": 40, \"rightX\": 400, \"bottomY\": 480}}}");
        return;
    case 2:
        writeFile(QStringLiteral("anchor_analysis.json"),
                  "{\"image_dimensions\": {\"width\": " + number() + ", \"height\": " + number() +
                      "}, \"results\": {\"baselineY\": " + number() + ", \"rootX\": " + number() +
                      ", \"visible_bounds\": " + value(2, 0) + "}}");
        return;
    default:
        writeFile(QStringLiteral("anchor_analysis.json"), "\x89PNG not json");
        return;
    }
}

inline void Generator::writeImage(const QString &relative)
{
    static const QByteArray argb = [] {
        QImage image(16, 16, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        for (int y = 4; y < 14; ++y)
            for (int x = 5; x < 11; ++x)
                image.setPixel(x, y, qRgba(200, x * 8, y * 8, 255));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }();
    static const QByteArray rgba64 = [] {
        QImage image(16, 16, QImage::Format_RGBA64);
        image.fill(Qt::transparent);
        for (int y = 3; y < 13; ++y)
            for (int x = 4; x < 12; ++x)
                image.setPixelColor(x, y, QColor::fromRgba64(x * 4000, y * 4000, 12345, 65535));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }();
    static const QByteArray tiny = [] {
        QImage image(1, 1, QImage::Format_Grayscale8);
        image.fill(128);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }();
    const int kind = m_in.below(12);
    switch (kind) {
    case 6:
        writeFile(relative, rgba64);
        break;
    case 7:
        writeFile(relative, tiny);
        break;
    case 8:
        note(relative + QStringLiteral(": garbage"));
        writeFile(relative, QByteArray("garbage, not an image \x01\x02\xff", 26));
        break;
    case 9:
        note(relative + QStringLiteral(": truncated PNG"));
        writeFile(relative, argb.left(m_in.below(int(argb.size()))));
        break;
    case 10:
        note(relative + QStringLiteral(": empty"));
        writeFile(relative, QByteArray());
        break;
    case 11: {
        // A symbolic link: into the run, or out of it.
        const QString path = m_dir + u'/' + relative;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile::link(m_in.flag() ? QStringLiteral("/etc/hostname") : QStringLiteral("../state.json"),
                    path);
        note(relative + QStringLiteral(": symbolic link"));
        return;
    }
    default:
        writeFile(relative, argb);
        break;
    }
    // The file's time: as written, or odd.
    const int time = forced(ForceFarFuture) ? 1 : m_in.below(12);
    switch (time) {
    case 1:
        setModified(relative, 253402300799, 999000000); // 9999-12-31T23:59:59.999Z
        note(relative + QStringLiteral(": modified 9999-12-31T23:59:59.999Z"));
        break;
    case 2:
        setModified(relative, 253402300800 + m_in.below(100000), 0); // year 10000
        note(relative + QStringLiteral(": modified in year 10000"));
        break;
    case 3:
        setModified(relative, 0, 0);
        break;
    case 4:
        setModified(relative, -62135596800, 0); // 0001-01-01T00:00:00Z
        note(relative + QStringLiteral(": modified 0001-01-01"));
        break;
    case 5:
        setModified(relative, -1, 999999999);
        break;
    default:
        break;
    }
}

inline QString Generator::writeCandidate(int index, int attempt)
{
    // Padding: 2 digits as the pipeline writes, or 1, 3, 6, 7.
    static const int widths[] = {2, 1, 3, 6, 7, 2};
    static const char *suffixes[] = {"", "_norm", "_aligned", "_128", "_trans", "_other"};
    const int width = widths[m_in.below(6)];
    const char *suffix = suffixes[m_in.below(8) % 6];
    const QString name = QStringLiteral("candidates/%1_attempt_%2%3.png")
                             .arg(frameName(index))
                             .arg(attempt, width, 10, QLatin1Char('0'))
                             .arg(QLatin1String(suffix));
    writeImage(name);
    return name;
}

inline void Generator::writeAudit(int index, int typical, const QList<int> &attempts)
{
    const int shape = m_in.below(10);
    const QString name =
        (shape == 9 ? QStringLiteral("audit/frame_%1_metrics.json").arg(index)
                    : QStringLiteral("audit/%1_metrics.json").arg(frameName(index)));
    if (shape == 7) {
        note(name + QStringLiteral(": not JSON"));
        writeFile(name, m_in.flag() ? QByteArray("{\"passed\": tr") : QByteArray());
        return;
    }
    if (shape == 8) {
        writeFile(name, "[true]");
        return;
    }
    const bool random = shape >= 3;
    bool passed = typical != 2;
    QByteArrayList flags;
    if (typical == 1)
        flags << "SF01_IDENTITY_DRIFT";
    if (typical == 2)
        flags << "SF02_PALETTE_DRIFT";
    QByteArray score = typical == 2 ? "0.41" : typical == 1 ? "0.78" : "0.93";
    if (random) {
        passed = m_in.flag();
        flags.clear();
        for (int i = m_in.below(4); i > 0; --i)
            flags << reasonTexts()[m_in.below(int(reasonTexts().size()))];
        score = m_in.below(3) == 0 ? number() : value(1, 3);
    }
    QByteArray audit =
        "{\"frame_index\": " + QByteArray::number(index) + ", \"passed\": " +
        (random && m_in.below(6) == 0 ? number() : QByteArray(passed ? "true" : "false")) +
        ", \"status\": " + (passed ? "\"passed\"" : "\"soft_fail\"") + ", \"reason_codes\": [";
    for (qsizetype i = 0; i < flags.size(); ++i)
        audit += (i ? ", " : "") + quoted(flags[i]);
    audit += "], \"composite_score\": " + score +
             ", \"metrics\": {\"ssim\": 0.95, \"palette_fidelity\": 0.99, \"baseline_drift_px\": " +
             (random ? number() : QByteArray(flags.isEmpty() ? "0" : "3")) + '}';
    if (random && m_in.flag())
        audit += ", \"auto_aligned\": " + (m_in.flag() ? QByteArray("true") : value(1, 3));
    if (random && m_in.below(4) == 1)
        audit += ", \"compositeScore\": " + number();
    // attempts[]: the attempts it is about.
    if (!attempts.isEmpty() || random) {
        audit += ", \"attempts\": [";
        const int n = random ? m_in.below(4) : int(attempts.size());
        for (int i = 0; i < n; ++i) {
            const int ordinary = i < attempts.size() ? attempts[i] : i + 1;
            audit +=
                (i ? ", " : "") + QByteArray("{\"attempt_index\": ") +
                (random ? attemptNumber(ordinary) : QByteArray::number(ordinary)) +
                ", \"timestamp\": " +
                (random || forced(ForceFarFuture) || forced(ForceOffsetTimes)
                     ? timestamp()
                     : quoted(timestampTexts()[0])) +
                ", \"result\": " + (passed ? "\"passed\"" : "\"failed\"") +
                ", \"reason_codes\": []" +
                (random && m_in.below(3) == 1 ? ", " + key() + ": " + value(2, 6) : QByteArray()) +
                '}';
        }
        audit += ']';
    }
    if (random) {
        for (int i = m_in.below(4); i > 0; --i)
            audit += ", " + key() + ": " + value(1, 4);
    }
    if (index == 0 && forced(ForceDeepAudit))
        audit += ", \"breakdown\": " + deepArray(1022 - 1, 4); // the file's own object is level 1
    if (forced(ForceBigAudit)) {
        // As large as the reader takes (16 MB a file), as far as the budget goes.
        audit +=
            ", \"notes\": " + bigString(std::min<qint64>(15 * 1024 * 1024, m_fileBudget - 65536));
    }
    audit += '}';
    writeFile(name, audit);
    // The audit's own time, relative to its image's (the ingest rule).
    if (m_in.below(8) == 1)
        setModified(name, 0, 0);
}

inline void Generator::writeFrame(int index, int typical)
{
    // Which attempts have candidates.
    QList<int> attempts;
    const int shape = m_in.below(8);
    if (typical == 4 && shape == 0) {
        // no image
    } else if (shape <= 3) {
        attempts << 1;
    } else if (shape == 4) {
        attempts << 1 << 2;
    } else {
        static const int odd[] = {0, 1, 2, 3, 2, 999999, 1000000, 1234567, 10, 99};
        for (int i = 1 + m_in.below(3); i > 0; --i)
            attempts << odd[m_in.below(10)];
    }
    if (index == 3 && forced(ForceAttemptZero))
        attempts.prepend(0);
    if (index == 1 && forced(ForceUnauditedNewer))
        attempts = {1, 2};
    for (const int attempt : std::as_const(attempts))
        writeCandidate(index, attempt);
    if (!attempts.isEmpty())
        note(QStringLiteral("frame %1: attempts %2").arg(index).arg([&] {
            QStringList list;
            for (int a : attempts)
                list << QString::number(a);
            return list.join(u',');
        }()));

    // Its audit: the typical one, none, or any.
    int audit = m_in.below(6);
    if (index == 1 && forced(ForceUnauditedNewer)) {
        writeAudit(index, 0, {1});
        note(QStringLiteral("frame 1: audit names attempt 1 only"));
    } else if ((typical != 3 && typical != 4 && audit != 1) || audit >= 4 ||
               (index == 0 && (forced(ForceDeepAudit) || forced(ForceBigAudit)))) {
        QList<int> named = attempts;
        named.removeIf([](int a) { return a < 1; });
        writeAudit(index, typical, audit == 2 ? QList<int>() : named);
    }
    // approved/ and rejected/.
    if (m_in.below(8) == 1)
        writeImage(QStringLiteral("approved/%1.png").arg(frameName(index)));
    if (m_in.below(8) == 1) {
        const QByteArray reason = reasonTexts()[m_in.below(6)];
        writeImage(QStringLiteral("rejected/%1_%2.png")
                       .arg(frameName(index), reason.isEmpty() ? QStringLiteral("HF01_BLANK")
                                                               : QString::fromUtf8(reason)));
    }
}

inline int Generator::writeRun()
{
    QDir().mkpath(m_dir);
    // Frames: how many, and which indexes have files.
    const int countChoice = m_in.byte();
    const int frameCount = countChoice == 0 ? 6 : 1 + countChoice % m_options.maxFrames;
    QList<int> frames;
    switch (m_in.below(6)) {
    case 1: // sparse
        for (int i = 0; i < frameCount; ++i)
            frames << i * (1 + m_in.below(3));
        break;
    case 2: // one large-ish index
        for (int i = 0; i < frameCount - 1; ++i)
            frames << i;
        frames << frameCount + m_in.below(200);
        break;
    default:
        for (int i = 0; i < frameCount; ++i)
            frames << i;
        break;
    }
    frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
    if (forced(ForceAttemptZero) && !frames.contains(3))
        frames << 3;
    std::sort(frames.begin(), frames.end());
    writeManifest(frameCount);
    writeState(frames, frameCount);
    writeAnchor();
    QDir().mkpath(m_dir + QStringLiteral("/candidates"));
    for (const int index : std::as_const(frames))
        writeFrame(index, index % 5);
    note(QStringLiteral("%1 frames with files, budget left %2 bytes")
             .arg(frames.size())
             .arg(m_fileBudget));
    return int(frames.size());
}

inline void Generator::mutateRun(const QList<int> &frames)
{
    const int frame = frames.isEmpty() ? 0 : frames[m_in.below(int(frames.size()))];
    switch (m_in.below(6)) {
    case 0:
    case 1: {
        // A new attempt, its audit naming it (or not yet, or an older one).
        static const int odd[] = {2, 3, 4, 5, 0, 999999, 1000000, 7, 2, 3};
        const int attempt = odd[m_in.below(10)];
        writeCandidate(frame, attempt);
        note(QStringLiteral("frame %1: new attempt %2").arg(frame).arg(attempt));
        const int audit = m_in.below(4);
        if (audit == 1)
            writeAudit(frame, frame % 5, {attempt});
        else if (audit == 2)
            writeAudit(frame, frame % 5, {1});
        else if (audit == 3)
            writeAudit(frame, frame % 5, {});
        break;
    }
    case 2: {
        // The run grew.
        const int index = (frames.isEmpty() ? 0 : frames.last()) + 1 + m_in.below(3);
        writeFrame(index, index % 5);
        note(QStringLiteral("frame %1 added").arg(index));
        break;
    }
    case 3:
        writeAudit(frame, m_in.below(5), {1 + m_in.below(3)});
        note(QStringLiteral("frame %1: audit rewritten").arg(frame));
        break;
    case 4:
        QFile::remove(m_dir + QStringLiteral("/audit/%1_metrics.json").arg(frameName(frame)));
        note(QStringLiteral("frame %1: audit removed").arg(frame));
        break;
    default: {
        QList<int> all = frames;
        writeState(all, int(all.size()));
        note(QStringLiteral("state.json rewritten"));
        break;
    }
    }
}

// ---- Seeds ------------------------------------------------------------------

// Encodes edit operations in the edit stream's form (roundtripcheck.h reads it).
namespace Edit {
enum Op : quint8
{
    Status = 0,
    Nudge = 1,
    ClearNudge = 2,
    Notes = 3,
    Overrides = 4,
    Ingest = 5,
    Reopen = 6,
    RewriteTimes = 7,
    Patch = 8,
    Combined = 9,
    OpCount = 10,
};
// Offsets as the edit stream names them: index into this table (or raw
// doubles after the last index).
inline const QList<double> &offsets()
{
    static const QList<double> values = {
        0.0,       1.0,    -1.0,         1.5,       -0.5,  0.5,     2.5,          100000.0,
        -100000.0, 1e6,    -1e6,         1000000.5, 1e300, 0.1,     1.0 / 3,      -0.0,
        1e-300,    5e-324, 999999.99999, -2.5,      1e15,  123.456, std::nan(""), HUGE_VAL};
    return values;
}
inline QByteArray nudge(int framePosition, int xIndex, int yIndex)
{
    return bytes({char(Nudge), char(framePosition), char(xIndex), char(yIndex)});
}
} // namespace Edit

struct Seed
{
    const char *name;
    Input input;
};

// The checked-in seeds of tests/fuzz/corpus-roundtrip (tst_roundtrip
// --write-seeds DIR writes them; tst_roundtrip checks they are up to date).
inline QList<Seed> seeds()
{
    auto offsetIndex = [](double v) { return int(Edit::offsets().indexOf(v)); };
    QList<Seed> list;
    // The empty input: six frames, each status, and a few ordinary edits.
    {
        Input in;
        // Frame 2 (AUDIT_FAIL) approved, notes "hi" on frame 1, frame 1 nudged, then a
        // new attempt 2 of frame 0 with an audit naming it, taken in.
        in.edits = bytes({char(Edit::Status), 2, 4, char(Edit::Notes), 1, 2, 'h', 'i'}) +
                   Edit::nudge(1, offsetIndex(1.0), offsetIndex(-1.0)) +
                   bytes({char(Edit::Ingest), 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}) +
                   bytes({char(Edit::Reopen)});
        list.append({"normal", in});
    }
    list.append({"attempt-zero", {ForceAttemptZero, {}, bytes({char(Edit::Reopen)})}});
    list.append(
        {"far-future",
         {quint16(ForceFarFuture | ForceRewriteSessionTimes),
          {},
          bytes({char(Edit::RewriteTimes), 0, char(Edit::Notes), 1, 1, 'x', char(Edit::Reopen)})}});
    list.append({"offset-times", {ForceOffsetTimes, {}, bytes({char(Edit::Reopen)})}});
    list.append({"deep-audit", {ForceDeepAudit, {}, bytes({char(Edit::Reopen)})}});
    list.append({"big-audit", {ForceBigAudit, {}, bytes({char(Edit::Reopen)})}});
    list.append({"unaudited-newer",
                 {ForceUnauditedNewer,
                  {},
                  // Frame 1 gets attempt 3 (no audit yet), taken in.
                  bytes({char(Edit::Ingest), 1, 0, 1, 0, 0, 0, 0, 0, char(Edit::Reopen)})}});
    list.append(
        {"nudge-100000",
         {0,
          {},
          Edit::nudge(1, offsetIndex(100000.0), offsetIndex(0.0)) + bytes({char(Edit::Reopen)})}});
    list.append(
        {"nudge-1.5",
         {0,
          {},
          Edit::nudge(1, offsetIndex(1.5), offsetIndex(0.0)) + bytes({char(Edit::Reopen)})}});
    // The manifest's frame_count: run bytes [count, layout, manifest form, frame_count kind].
    const QList<QPair<const char *, int>> counts = {{"frame-count-1e9", 1},
                                                    {"frame-count-minus-5", 2},
                                                    {"frame-count-string-16", 3},
                                                    {"frame-count-16.5", 4}};
    for (const auto &[name, kind] : counts)
        list.append({name, {0, bytes({0, 0, 0, char(kind)}), bytes({char(Edit::Reopen)})}});
    return list;
}

} // namespace RunGenerator
