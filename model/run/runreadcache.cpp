#include "run/runreadcache.h"

#include "core/cachefile.h"

#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <tuple>

namespace {

constexpr quint32 magic = 0x44524352; // "DRCR": Director's read of a run
constexpr qint32 readFormat = 1;
constexpr qint64 maxReadFileSize = qint64(512) * 1024 * 1024;
constexpr QDataStream::Version streamVersion = QDataStream::Qt_6_4;
// A check of what the file holds against what was written (a torn or damaged file), not a
// defence against a file made to deceive (it is the user's own cache folder): FNV-1a over
// 64-bit words, each product folded. Over a 10,000-frame run's 11 MB: some 3 ms, where BLAKE2b
// took 37 ms and SHA-1 12 ms (qHashBits is seeded anew in each process).
quint64 digestOf(QByteArrayView bytes)
{
    constexpr quint64 prime = 0x100000001b3ULL;
    quint64 digest = 0xcbf29ce484222325ULL ^ quint64(bytes.size());
    const char *p = bytes.data();
    qsizetype left = bytes.size();
    for (; left >= 8; p += 8, left -= 8) {
        quint64 word;
        std::memcpy(&word, p, sizeof word);
        digest = (digest ^ word) * prime;
        digest ^= digest >> 29;
    }
    for (; left > 0; ++p, --left)
        digest = (digest ^ quint64(uchar(*p))) * prime;
    return digest;
}

// Written and read as this machine holds them: a string's UTF-16 is copied, not swapped.
void setUp(QDataStream &stream)
{
    stream.setVersion(streamVersion);
    stream.setByteOrder(QDataStream::LittleEndian);
}

// Every member of what is kept is written, read and compared below: a member added to one of
// these must be added there too (then its size here changes with it).
static_assert(sizeof(RunFolder::Contents) == 192 && sizeof(RunManifest) == 64 &&
                  sizeof(AnchorAnalysis) == 24 && sizeof(DirectorFrameState) == 464 &&
                  sizeof(AuditReport) == 88 && sizeof(DirectorOverrides) == 288 &&
                  sizeof(AttemptInfo) == 144 && sizeof(HumanAlignmentDelta) == 72 &&
                  sizeof(PatchHistoryEntry) == 128 && sizeof(Verdict) == 128,
              "a member was added to what RunReadCache keeps: write, read and compare it too");

// --- writing

void put(QDataStream &out, const HumanAlignmentDelta &a);
void put(QDataStream &out, const Verdict &v);
void put(QDataStream &out, const QStringList &list);

void put(QDataStream &out, const QJsonObject &object)
{
    out << (object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void put(QDataStream &out, const JsonMembers &members)
{
    out << members.text().toByteArray() << qint32(members.depth());
}

void put(QDataStream &out, FrameStatus status)
{
    out << qint32(status);
}

template <typename T> void put(QDataStream &out, const T &value)
{
    out << value;
}

template <typename T> void put(QDataStream &out, const std::optional<T> &value)
{
    out << value.has_value();
    if (value)
        put(out, *value);
}

template <typename T> void putList(QDataStream &out, const QList<T> &list);

void put(QDataStream &out, const HumanAlignmentDelta &a)
{
    put(out, a.frameId);
    put(out, a.userOverrideX);
    put(out, a.userOverrideY);
    put(out, a.timestamp);
    put(out, a.extra);
}

void put(QDataStream &out, const PatchHistoryEntry &p)
{
    put(out, p.originalPath);
    put(out, p.patchedPath);
    put(out, p.maskPath);
    put(out, p.prompt);
    put(out, p.timestamp);
    put(out, p.extra);
}

void put(QDataStream &out, const Verdict &v)
{
    put(out, v.status);
    put(out, v.reviewer);
    put(out, v.timestamp);
    put(out, v.reasonCode);
    put(out, v.reason);
    put(out, v.extra);
}

void put(QDataStream &out, const AttemptInfo &a)
{
    put(out, a.attemptIndex);
    put(out, a.timestamp);
    put(out, a.candidatePath);
    put(out, a.strategy);
    put(out, a.reasonCodes);
    put(out, a.passed);
    put(out, a.extra);
}

void put(QDataStream &out, const DirectorFrameState &f)
{
    put(out, f.id);
    put(out, f.frameIndex);
    put(out, f.status);
    put(out, f.imagePath);
    const AuditReport &audit = f.auditReport;
    put(out, audit.compositeScore);
    put(out, audit.flags);
    put(out, audit.passed);
    put(out, audit.autoAligned);
    put(out, audit.driftPixels);
    put(out, audit.extra);
    const DirectorOverrides &o = f.directorOverrides;
    put(out, o.alignment);
    put(out, o.isPatched);
    putList(out, o.patchHistory);
    put(out, o.notes);
    put(out, o.verdict);
    put(out, o.extra);
    putList(out, f.attemptHistory);
    put(out, f.extra);
}

template <typename T> void putList(QDataStream &out, const QList<T> &list)
{
    out << qint64(list.size());
    for (const T &item : list)
        put(out, item);
}

// Counted as the other lists (Qt's own reader reserves whatever count it reads).
void put(QDataStream &out, const QStringList &list)
{
    putList(out, list);
}

// --- reading (each returns whether the stream is still good)

bool get(QDataStream &in, HumanAlignmentDelta &a);
bool get(QDataStream &in, Verdict &v);
bool get(QDataStream &in, QStringList &list);

bool get(QDataStream &in, QJsonObject &object)
{
    QByteArray bytes;
    in >> bytes;
    if (bytes.isEmpty()) {
        object = QJsonObject();
        return in.status() == QDataStream::Ok;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    object = document.object();
    return in.status() == QDataStream::Ok;
}

bool get(QDataStream &in, JsonMembers &members)
{
    QByteArray text;
    qint32 depth = 0;
    in >> text >> depth;
    members = JsonMembers::fromKept(std::move(text), depth);
    return in.status() == QDataStream::Ok;
}

bool get(QDataStream &in, FrameStatus &status)
{
    qint32 value = 0;
    in >> value;
    status = FrameStatus(value);
    return in.status() == QDataStream::Ok &&
           std::find(allFrameStatuses.begin(), allFrameStatuses.end(), status) !=
               allFrameStatuses.end();
}

template <typename T> bool get(QDataStream &in, T &value)
{
    in >> value;
    return in.status() == QDataStream::Ok;
}

template <typename T> bool get(QDataStream &in, std::optional<T> &value)
{
    bool has = false;
    if (!get(in, has))
        return false;
    value.reset();
    if (!has)
        return true;
    value.emplace();
    return get(in, *value);
}

template <typename T> bool getList(QDataStream &in, QList<T> &list);

bool get(QDataStream &in, HumanAlignmentDelta &a)
{
    return get(in, a.frameId) && get(in, a.userOverrideX) && get(in, a.userOverrideY) &&
           get(in, a.timestamp) && get(in, a.extra);
}

bool get(QDataStream &in, PatchHistoryEntry &p)
{
    return get(in, p.originalPath) && get(in, p.patchedPath) && get(in, p.maskPath) &&
           get(in, p.prompt) && get(in, p.timestamp) && get(in, p.extra);
}

bool get(QDataStream &in, Verdict &v)
{
    return get(in, v.status) && get(in, v.reviewer) && get(in, v.timestamp) &&
           get(in, v.reasonCode) && get(in, v.reason) && get(in, v.extra);
}

bool get(QDataStream &in, AttemptInfo &a)
{
    return get(in, a.attemptIndex) && get(in, a.timestamp) && get(in, a.candidatePath) &&
           get(in, a.strategy) && get(in, a.reasonCodes) && get(in, a.passed) && get(in, a.extra);
}

bool get(QDataStream &in, DirectorFrameState &f)
{
    AuditReport &audit = f.auditReport;
    DirectorOverrides &o = f.directorOverrides;
    return get(in, f.id) && get(in, f.frameIndex) && get(in, f.status) && get(in, f.imagePath) &&
           get(in, audit.compositeScore) && get(in, audit.flags) && get(in, audit.passed) &&
           get(in, audit.autoAligned) && get(in, audit.driftPixels) && get(in, audit.extra) &&
           get(in, o.alignment) && get(in, o.isPatched) && getList(in, o.patchHistory) &&
           get(in, o.notes) && get(in, o.verdict) && get(in, o.extra) &&
           getList(in, f.attemptHistory) && get(in, f.extra);
}

template <typename T> bool getList(QDataStream &in, QList<T> &list)
{
    // Each item takes 4 bytes at least (a string's or a list's count): a count that the rest
    // of the stream cannot hold is no list. Room is made as the items come, past the first few
    // thousand (a damaged count reserves no more than that).
    qint64 size = 0;
    const qint64 left = in.device()->bytesAvailable();
    if (!get(in, size) || size < 0 || size > left / 4)
        return false;
    list.clear();
    list.reserve(std::min<qint64>(size, 4096));
    for (qint64 i = 0; i < size; ++i) {
        if (!get(in, list.emplace_back()))
            return false;
    }
    return true;
}

bool get(QDataStream &in, QStringList &list)
{
    return getList(in, list);
}

} // namespace

RunReadCache::RunReadCache(QString folder) : m_folder(std::move(folder)) {}

QString RunReadCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/run");
}

QString RunReadCache::pathFor(const QString &runDir) const
{
    return CacheFile::pathFor(m_folder, runDir, u"read");
}

QByteArray RunReadCache::encode(const RunFolder::Contents &contents)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    setUp(out);
    const RunManifest &manifest = contents.manifest;
    put(out, manifest.runId);
    put(out, manifest.moveId);
    put(out, manifest.frameCount);
    put(out, manifest.targetSize);
    put(out, manifest.isLoop);
    put(out, contents.anchor.present);
    put(out, contents.anchor.imageSize);
    put(out, contents.anchor.baselineY);
    putList(out, contents.frames);
    put(out, contents.missing);
    put(out, contents.leftOut);
    put(out, contents.runFilesUnreadable);
    put(out, contents.unreadableFrames);
    put(out, contents.waitingFiles);
    put(out, contents.namesSessionFiles);
    return bytes;
}

std::optional<RunFolder::Contents> RunReadCache::decode(const QByteArray &bytes)
{
    QDataStream in(bytes);
    setUp(in);
    RunFolder::Contents contents;
    RunManifest &manifest = contents.manifest;
    const bool read = get(in, manifest.runId) && get(in, manifest.moveId) &&
                      get(in, manifest.frameCount) && get(in, manifest.targetSize) &&
                      get(in, manifest.isLoop) && get(in, contents.anchor.present) &&
                      get(in, contents.anchor.imageSize) && get(in, contents.anchor.baselineY) &&
                      getList(in, contents.frames) && get(in, contents.missing) &&
                      get(in, contents.leftOut) && get(in, contents.runFilesUnreadable) &&
                      get(in, contents.unreadableFrames) && get(in, contents.waitingFiles) &&
                      get(in, contents.namesSessionFiles);
    if (!read || !in.atEnd())
        return std::nullopt;
    return contents;
}

bool RunReadCache::same(const RunFolder::Contents &a, const RunFolder::Contents &b)
{
    const auto manifest = [](const RunManifest &m) {
        return std::tie(m.runId, m.moveId, m.frameCount, m.targetSize, m.isLoop);
    };
    const auto anchor = [](const AnchorAnalysis &m) {
        return std::tie(m.present, m.imageSize, m.baselineY);
    };
    return manifest(a.manifest) == manifest(b.manifest) && anchor(a.anchor) == anchor(b.anchor) &&
           a.frames == b.frames && a.missing == b.missing && a.leftOut == b.leftOut &&
           a.runFilesUnreadable == b.runFilesUnreadable &&
           a.unreadableFrames == b.unreadableFrames && a.waitingFiles == b.waitingFiles &&
           a.namesSessionFiles == b.namesSessionFiles;
}

std::optional<RunFolder::Contents> RunReadCache::find(const QString &runDir,
                                                      const QByteArray &runFingerprint) const
{
    if (m_folder.isEmpty())
        return std::nullopt;
    QFile file(pathFor(runDir));
    if (!CacheFile::openToRead(file, maxReadFileSize))
        return std::nullopt;
    // The header first: a read kept under another fingerprint (the run changed since) is not
    // read on (at 100,000 frames the file is some 100 MB).
    QDataStream in(&file);
    setUp(in);
    quint32 kind = 0;
    qint32 kept = 0;
    in >> kind >> kept;
    if (in.status() != QDataStream::Ok || kind != magic || kept != readFormat)
        return std::nullopt;
    QString keptDir;
    QString keptProgram;
    QByteArray keptFingerprint;
    quint64 digest = 0;
    qint64 size = 0;
    in >> keptDir >> keptProgram >> keptFingerprint >> digest >> size;
    // The rest of the file is what was read (encode()).
    if (in.status() != QDataStream::Ok || size != file.size() - file.pos() || keptDir != runDir ||
        keptFingerprint != runFingerprint || keptProgram != CacheFile::programIdentity())
        return std::nullopt;
    const QByteArray payload = file.read(size);
    if (payload.size() != size || file.error() != QFileDevice::NoError ||
        digestOf(payload) != digest)
        return std::nullopt;
    return decode(payload);
}

void RunReadCache::keep(const QString &runDir, const QByteArray &runFingerprint,
                        const RunFolder::Contents &contents) const
{
    if (m_folder.isEmpty() || contents.namesSessionFiles)
        return;
    const QByteArray payload = encode(contents);
    if (payload.size() > maxReadFileSize / 2)
        return;
    // Only what reads back as it is.
    const std::optional<RunFolder::Contents> back = decode(payload);
    if (!back || !same(*back, contents))
        return;
    QByteArray header;
    QDataStream out(&header, QIODevice::WriteOnly);
    setUp(out);
    out << magic << readFormat << runDir << CacheFile::programIdentity() << runFingerprint
        << digestOf(payload) << qint64(payload.size());
    if (out.status() != QDataStream::Ok || !CacheFile::write(pathFor(runDir), {header, payload}))
        return; // or not: the next read reads the run
    CacheFile::removeOld(m_folder, u"read");
}

Outcome RunReadCache::read(const QString &runDir, const std::optional<QByteArray> &runFingerprint,
                           RunFolder::Contents *contents, const RunFolder::Control &control) const
{
    if (runFingerprint) {
        if (std::optional<RunFolder::Contents> kept = find(runDir, *runFingerprint)) {
            *contents = std::move(*kept);
            const int frames = int(contents->frames.size());
            if (control.frameCount)
                control.frameCount->store(frames);
            if (control.framesRead)
                control.framesRead->store(frames);
            return Outcome::ok();
        }
    }
    const Outcome read = RunFolder::read(runDir, contents, control);
    if (read && runFingerprint)
        keep(runDir, *runFingerprint, *contents);
    return read;
}
