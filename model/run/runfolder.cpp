#include "run/runfolder.h"

#include "core/filetime.h"
#include "core/result.h"
#include "run/runfingerprint.h"
#include "run/runpaths.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"
#include "json/jsonreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QVarLengthArray>

#include <QScopeGuard>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace {

// Whether anything is at `path`, a link to nothing included.
bool present(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

// The bytes of the regular file at `path`, at most `maxSize` of them (opened without waiting on
// a FIFO or a device, neither of which is read); none when nothing is there (a link to nothing
// is refused, as what it is). One open, fstat and read: a run has a file of each kind per frame.
Result<std::optional<QByteArray>> readRunBytes(const QString &path, qint64 maxSize)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        struct stat link;
        if (error == ENOENT && ::lstat(name.constData(), &link) == 0)
            return Outcome::invalid(RunFolder::tr("a link to nothing"));
        if (error == ENOENT || error == ENOTDIR)
            return std::optional<QByteArray>();
        return Outcome::failed(qt_error_string(error));
    }
    const auto closing = qScopeGuard([fd] { ::close(fd); });
    struct stat info;
    if (::fstat(fd, &info) != 0)
        return Outcome::failed(qt_error_string(errno));
    if (!S_ISREG(info.st_mode))
        return Outcome::invalid(RunFolder::tr("not a regular file"));
    const auto tooLarge = [maxSize] {
        return Outcome::invalid(RunFolder::tr("larger than %1 MB").arg(maxSize / (1024 * 1024)));
    };
    if (info.st_size > maxSize)
        return tooLarge();
    // To its end, which may have moved since (a file the pipeline is still writing).
    QByteArray bytes(qsizetype(info.st_size) + 1, Qt::Uninitialized);
    qsizetype size = 0;
    for (;;) {
        if (size == bytes.size()) {
            if (size > maxSize)
                return tooLarge();
            bytes.resize(std::min<qsizetype>(size * 2, maxSize + 1));
        }
        const ssize_t got = ::read(fd, bytes.data() + size, size_t(bytes.size() - size));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return Outcome::failed(qt_error_string(errno));
        if (got == 0)
            break;
        size += got;
        // Short of the room given, with all that fstat() counted: the end (a regular file reads
        // short only there), without another read() to hear it.
        if (size < bytes.size() && size >= info.st_size)
            break;
    }
    if (size > maxSize)
        return tooLarge();
    bytes.truncate(size);
    return std::optional<QByteArray>(std::move(bytes));
}

// The object JSON bytes of the run hold (read as Qt reads them: the pipeline
// is not held to the session file's rules), or why they cannot be read.
Result<QJsonObject> parseJson(const QByteArray &bytes)
{
    JsonReader::Document document =
        JsonReader::parseObject(bytes, JsonReader::Names::AsQtReadsThem);
    if (document.state == JsonReader::Document::State::NotObject)
        return Outcome::invalid(RunFolder::tr("not a JSON object"));
    if (!document)
        return Outcome::invalid(document.problems.first().message);
    return std::move(document.object);
}

// The object a JSON file of the run holds, or why it cannot be read.
Result<QJsonObject> readJson(const QString &path, qint64 maxSize = RunFolder::maxJsonSize)
{
    Result<std::optional<QByteArray>> bytes = readRunBytes(path, maxSize);
    if (!bytes)
        return bytes.outcome();
    if (!*bytes)
        return Outcome::invalid(RunFolder::tr("not a regular file")); // nothing there
    return parseJson(**bytes);
}

// A frame's audit file as readJson() reads it; gone since the folder was listed, the nothing
// it now holds (an empty object).
Result<QJsonObject> readAuditJson(const QString &path)
{
    Result<std::optional<QByteArray>> bytes = readRunBytes(path, RunFolder::maxJsonSize);
    if (!bytes)
        return bytes.outcome();
    return *bytes ? parseJson(**bytes) : QJsonObject();
}

// A whole number from JSON within 0..maximum (a number, or a text that
// reads as one), or -1.
int indexValue(const QJsonValue &value, int maximum)
{
    const double d = value.isString() ? value.toString().toDouble() : value.toDouble(-1);
    return JsonReader::wholeNumber(d, 0, maximum).value_or(-1);
}

// A JSON value as it was written, shortened, for a message.
QString jsonText(const QJsonValue &value)
{
    const QString text = JsonReader::literal(value);
    return text.size() > 40 ? text.left(40) + u'…' : text;
}

// The nesting depth of a value (a number or string: 0) and at most how many
// bytes it takes in the session file.
struct JsonSize
{
    int depth = 0;
    qint64 bytes = 0;
    // Two members of one object have one name as QStrings: Qt's reader drops
    // a byte order mark from the start of a name ("\xEF\xBB\xBFa" is "a").
    bool namesCollide = false;
};

// At most what the text takes in the session file, and the quotes: a
// printable ASCII character as itself (a quote and a backslash escaped: 2
// bytes), any other at its worst, 6 bytes ("\u001f", a lone surrogate's
// escape; UTF-8 takes at most 3 bytes a UTF-16 unit).
qint64 textBytes(QStringView text)
{
    qint64 bytes = 2;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        bytes += u >= 0x20 && u < 0x7f ? (u == u'"' || u == u'\\' ? 2 : 1) : 6;
    }
    return bytes;
}

// `level`: how deep in the session file the value is written (for its
// indentation, two spaces a level; a frame's details start some 6 deep).
JsonSize measure(const QJsonValue &value, int level = 6)
{
    JsonSize size;
    if (value.isObject() || value.isArray()) {
        const bool isObject = value.isObject();
        const QJsonObject object = value.toObject();
        const QJsonArray array = value.toArray();
        size.bytes = 4 + 2 * level;
        auto add = [&](const QJsonValue &child) {
            const JsonSize inner = measure(child, level + 1);
            size.depth = std::max(size.depth, inner.depth);
            size.namesCollide = size.namesCollide || inner.namesCollide;

            size.bytes += inner.bytes + 2 * (level + 1) + 4; // indentation, separators
        };
        if (isObject) {
            QVarLengthArray<QString, 32> names;
            for (auto it = object.begin(); it != object.end(); ++it) {
                names.append(it.key());
                size.bytes += textBytes(names.last()) + 2;
                add(it.value());
            }
            std::sort(names.begin(), names.end());
            size.namesCollide =
                size.namesCollide || std::adjacent_find(names.begin(), names.end()) != names.end();
        } else {
            for (const QJsonValue &child : array)
                add(child);
        }
        ++size.depth;
    } else if (value.isString()) {
        size.bytes = textBytes(value.toString());
    } else if (value.isBool()) {
        size.bytes = 5; // "false"
    } else {
        // A whole number as its digits and sign (JsonWriter writes it so);
        // any other at most 24 ("-2.2250738585072014e-308"), null 4.
        size.bytes = 24;
        const double d = value.toDouble();
        if (value.isDouble() && d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) {
            size.bytes = 1 + (d < 0);
            for (auto magnitude = quint64(std::fabs(d)); magnitude >= 10; magnitude /= 10)
                ++size.bytes;
        }
    }
    return size;
}

// `object` without the members of these names. Compared by name as a
// QString, as iterating gives it: QJsonObject::remove() does not find
// "\xEF\xBB\xBFpassed" by "passed", which is how it reads and is written.
QJsonObject withoutMembers(const QJsonObject &object, const QStringList &names)
{
    QJsonObject rest = object;
    for (auto it = rest.begin(); it != rest.end();) {
        if (names.contains(it.key()))
            it = rest.erase(it);
        else
            ++it;
    }
    return rest;
}

// `value` without what is nested more than `depth` levels deep (undefined
// when it is itself too deep), and with one member of each name (as
// QStrings) in every object: the first of those that collide.
QJsonValue bounded(const QJsonValue &value, int depth)
{
    if (!value.isObject() && !value.isArray())
        return value;
    if (depth <= 0)
        return QJsonValue(QJsonValue::Undefined);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject kept;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (kept.contains(it.key()))
                continue;
            const QJsonValue inner = bounded(it.value(), depth - 1);
            if (!inner.isUndefined())
                kept.insert(it.key(), inner);
        }
        return kept;
    }
    QJsonArray kept;
    for (const QJsonValue &child : value.toArray()) {
        const QJsonValue inner = bounded(child, depth - 1);
        if (!inner.isUndefined())
            kept.append(inner);
    }
    return kept;
}

// What Reader::details() makes of a JSON object of details before it knows
// whether the session's budget holds them: its size, the object bounded (when
// it is nested too deep, or its names collide) and that as written.
struct PreparedDetails
{
    QJsonObject object;
    JsonSize size;     // of `object`
    QJsonObject kept;  // `object`, bounded when it has to be
    JsonSize keptSize; // of `kept`
    bool hasWritten = false;
    JsonMembers written; // `kept` as written, when hasWritten

    // `write`: also as written (which is only of use within the budget).
    static PreparedDetails of(const QJsonObject &object, bool write)
    {
        PreparedDetails p;
        p.object = object;
        if (object.isEmpty())
            return p;
        p.size = p.keptSize = measure(object);
        p.kept = object;
        if (p.size.depth > RunFolder::maxCopiedDepth || p.size.namesCollide) {
            p.kept = bounded(object, RunFolder::maxCopiedDepth).toObject();
            p.keptSize = measure(p.kept);
        }
        if (write)
            p.writeKept();
        return p;
    }

    void writeKept()
    {
        // As the session file will hold them (2.0 is written 2, names in
        // their order, ...): what is in memory is what a reader of the file
        // gets. Never nested deeper than a reader reads (kept is bounded).
        written = JsonMembers(kept);
        if (written.depth() >= SessionCodec::maxNestingDepth)
            written = JsonMembers();
        hasWritten = true;
    }
};

// A time the pipeline wrote, in the session's form; nothing when it is none.
std::optional<QString> canonicalTimestamp(const QJsonValue &value)
{
    // Already in that form (from the year 1000 on, the four digits Qt writes
    // any year in): as it is, which is what parsing and writing it gives.
    const QString text = value.toString();
    if (Timestamps::isCanonical(text) && text.front() != u'0')
        return text;
    if (const auto time = Timestamps::parse(text))
        return Timestamps::format(*time);
    return std::nullopt;
}

// A name in a folder, and what the folder's listing says it is.
struct FolderEntry
{
    QString name;
    unsigned char type = DT_UNKNOWN;

    // A regular file, or a link to one (QFileInfo::isFile()); a link, or a
    // name whose kind the listing does not give, is looked at.
    bool isFile(const QString &folder) const
    {
        if (type == DT_REG)
            return true;
        if (type != DT_LNK && type != DT_UNKNOWN)
            return false;
        struct stat info;
        return ::stat(QFile::encodeName(folder + u'/' + name).constData(), &info) == 0 &&
               S_ISREG(info.st_mode);
    }
};

// What QDir::entryInfoList(QDir::AllEntries | QDir::System |
// QDir::NoDotAndDotDot, QDir::Name) lists, in its order, without a stat()
// for every name: a run's folders hold tens of thousands of files.
QList<FolderEntry> folderEntries(const QString &path)
{
    QList<FolderEntry> entries;
    DIR *dir = ::opendir(QFile::encodeName(path).constData());
    if (!dir)
        return entries;
    while (const dirent *entry = ::readdir(dir)) {
        // Hidden names (and "." and "..") are not listed without QDir::Hidden.
        if (entry->d_name[0] == '.')
            continue;
        entries.append({QFile::decodeName(entry->d_name), entry->d_type});
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(), [](const FolderEntry &a, const FolderEntry &b) {
        return a.name < b.name; // QDir::Name: QString::compare, case-sensitive
    });
    return entries;
}

// The members of an audit file that Reader::readAudit reads itself; the rest
// are its details.
const QStringList &auditMembersRead()
{
    static const QStringList mapped =
        SessionCodec::ownMembers(SessionCodec::Members::AuditReport) +
        QStringList{QStringLiteral("reason_codes"), QStringLiteral("attempts"),
                    QStringLiteral("frame_index")};
    return mapped;
}

// A frame's audit file as read, and what does not depend on the rest of the
// run: its details prepared.
struct ReadAudit
{
    QString path; // absolute
    Result<QJsonObject> file = QJsonObject();
    PreparedDetails details;
    // The frame's newest image (absolute) and its RunFolder::imageState, when one was looked at.
    QString image;
    RunFolder::ImageState imageState = RunFolder::ImageState::NotImage;
};

// Reads the files of a run's frames ahead of the reader, on threads beside
// the reader's (docs/threads.md; one fewer than the computer runs at once,
// at least one, at most maxThreads): each frame's audit file, read and prepared,
// and its newest image's state (RunFolder::imageState, which remembers it for
// the reader). The reader takes the frames in order. Frames are claimed and
// handed over `chunk` at a time (each hand-over is a lock, and a wait a system
// call); a reader that finds its frame still being read reads the next ones
// meanwhile, and waits only when the window is full. At most `ahead` a thread
// wait to be taken. Once the read is cancelled (or the prefetch goes), no
// further file is read: a frame claimed and not read is handed over empty,
// for the reader to read itself.
// Reading and preparing an audit depends on nothing of the reader's but
// `runBytes`, the budget it has spent (an audit past the budget is not
// written: Reader::details writes what it keeps).
class AuditPrefetch
{
public:
    static constexpr qsizetype ahead = 64;
    static constexpr qsizetype chunk = 16;
    static constexpr qsizetype threadFrom = 8; // fewer frames: the reader reads them
    static constexpr int maxThreads = 8;

    // A frame's files, absolute; empty: none to read.
    struct Files
    {
        QString audit;
        QString image;
    };

    AuditPrefetch(QList<Files> files, const std::atomic<qint64> &runBytes, qint64 runBudget,
                  const std::atomic_bool *cancel)
        : m_files(std::move(files)), m_read(m_files.size()), m_runBytes(runBytes),
          m_runBudget(runBudget), m_cancel(cancel)
    {
        if (m_files.size() < threadFrom)
            return;
        const int threads = std::clamp(QThread::idealThreadCount() - 1, 1, maxThreads);
        m_ahead = ahead * threads;
        try {
            for (int n = 0; n < threads; ++n)
                m_threads.emplace_back([this] { work(); });
        } catch (const std::system_error &) {
            // No (further) thread to be had: the reader reads what they do not.
        }
    }

    ~AuditPrefetch()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_room.notify_all();
        for (std::thread &thread : m_threads)
            thread.join();
    }

    AuditPrefetch(const AuditPrefetch &) = delete;
    AuditPrefetch &operator=(const AuditPrefetch &) = delete;

    qsizetype size() const { return m_files.size(); }

    // The audit of frame i; each is taken once, in order.
    ReadAudit take(qsizetype i)
    {
        std::unique_lock lock(m_mutex);
        while (!m_read[i]) {
            // Not begun (m_next is i, the ones before taken): read here. Begun by a thread:
            // read the next ones meanwhile, while the window has room for them.
            if (m_next <= i ||
                (!stopping() && m_next < m_files.size() && m_next < m_taken + m_ahead)) {
                readNext(lock);
            } else {
                m_readerWaitsFor = i;
                m_readable.wait(lock);
                m_readerWaitsFor = -1;
            }
        }
        ReadAudit read = std::move(*m_read[i]);
        m_read[i].reset();
        m_taken = i + 1;
        // Threads that wait for room are woken when half the window is free
        // (not at every frame: each wake is a system call).
        const bool room = m_waitingForRoom > 0 && m_next < m_taken + m_ahead / 2;
        lock.unlock();
        if (room)
            m_room.notify_all();
        return read;
    }

private:
    void work()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (!m_stop && m_next < m_files.size() && m_next >= m_taken + m_ahead) {
                ++m_waitingForRoom;
                m_room.wait(lock, [this] {
                    return m_stop || m_next >= m_files.size() || m_next < m_taken + m_ahead / 2;
                });
                --m_waitingForRoom;
            }
            if (m_stop || m_next >= m_files.size())
                return;
            readNext(lock);
        }
    }

    bool stopping() const
    {
        return m_stop.load(std::memory_order_relaxed) ||
               (m_cancel && m_cancel->load(std::memory_order_relaxed));
    }

    // Claims the next frames not begun (at most `chunk`, within the window; at least one),
    // reads them with `lock` released (while not stopping) and hands them over. Called, and
    // returns, with `lock` held.
    void readNext(std::unique_lock<std::mutex> &lock)
    {
        const qsizetype first = m_next;
        const qsizetype end =
            std::max(first + 1, std::min({first + chunk, m_files.size(), m_taken + m_ahead}));
        m_next = end;
        lock.unlock();
        std::vector<ReadAudit> read;
        read.reserve(size_t(end - first));
        for (qsizetype i = first; i < end && !stopping(); ++i)
            read.push_back(readOne(i));
        read.resize(size_t(end - first)); // the ones not read: empty, the reader reads them
        lock.lock();
        for (qsizetype i = first; i < end; ++i)
            m_read[i] = std::move(read[size_t(i - first)]);
        if (m_readerWaitsFor >= first && m_readerWaitsFor < end)
            m_readable.notify_one();
    }

    ReadAudit readOne(qsizetype i) const
    {
        const Files &files = m_files.at(i);
        ReadAudit read;
        if (!files.image.isEmpty()) {
            read.image = files.image;
            read.imageState = RunFolder::imageState(files.image);
        }
        read.path = files.audit;
        if (read.path.isEmpty())
            return read;
        read.file = readAuditJson(read.path);
        if (read.file) {
            const QJsonObject rest = withoutMembers(*read.file, auditMembersRead());
            read.details = PreparedDetails::of(rest, false);
            // Written now unless the run's budget can no longer hold it (what
            // the reader has spent only grows): past it, nothing is kept.
            if (m_runBytes.load(std::memory_order_relaxed) + read.details.keptSize.bytes <=
                m_runBudget)
                read.details.writeKept();
        }
        return read;
    }

    const QList<Files> m_files;
    std::mutex m_mutex;
    std::condition_variable m_readable; // the frame the reader waits for is read
    std::condition_variable m_room;     // threads may read further ahead
    qsizetype m_readerWaitsFor = -1;
    int m_waitingForRoom = 0;
    std::vector<std::optional<ReadAudit>> m_read;
    qsizetype m_next = 0;            // the next to be claimed
    qsizetype m_taken = 0;           // how many the reader took
    std::atomic_bool m_stop = false; // set under m_mutex; also read between two files
    const std::atomic<qint64> &m_runBytes;
    const qint64 m_runBudget;
    const std::atomic_bool *m_cancel; // RunFolder::Control::cancel
    qsizetype m_ahead = ahead;
    std::vector<std::thread> m_threads;
};

struct Candidate
{
    int attempt = 0;
    int preference = 0; // lower is preferred within one attempt
    QString path;       // run-relative
};

// "1, 2, 5-9"
QString indexList(QList<int> indices)
{
    std::sort(indices.begin(), indices.end());
    QStringList parts;
    for (qsizetype i = 0; i < indices.size();) {
        qsizetype j = i;
        while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1)
            ++j;
        parts.append(j == i ? QString::number(indices[i])
                            : QStringLiteral("%1-%2").arg(indices[i]).arg(indices[j]));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(RunFolder)

public:
    Reader(const QString &runDir, RunFolder::Contents &contents, const RunFolder::Control &control)
        : m_dir(QDir(runDir).absolutePath()), m_paths(runDir), m_files(m_paths),
          m_contents(contents), m_control(control)
    {}

    Outcome read();

private:
    // A JSON file of the run's own (manifest, state): its object, or nothing,
    // what is wrong with it named. `read`: the file as readJson reads it
    // (readingRunFile; not waited for when the file is not there).
    std::optional<QJsonObject> readRunFile(const QString &name,
                                           std::future<Result<QJsonObject>> read);
    // The run's file `name` as readJson reads it, at most `maxSize` bytes: when asked for
    // (std::launch::deferred), or begun now on a thread of its own (std::launch::async; on the
    // caller's when none is to be had).
    std::future<Result<QJsonObject>> readingRunFile(const QString &name, qint64 maxSize,
                                                    std::launch launch) const;
    void readManifest();
    // state.json, begun on a thread of its own: at thousands of frames, megabytes to parse.
    std::future<Result<QJsonObject>> beginReadingState() const;
    void readState(std::future<Result<QJsonObject>> read);
    void readAnchor();
    // candidates/, approved/, rejected/ and audit/: what each holds of which frame.
    void scanFolders();
    void scanCandidates();
    void scanApprovedAndRejected();
    void scanAudits();
    // The names in a folder that match `pattern`, of regular files (or links
    // to them: where a link leads is checked when it is read); any other
    // kind of file (a FIFO, a device, a folder) of such a name is left out.
    QList<QRegularExpressionMatch> matchingFiles(const QString &folder,
                                                 const QRegularExpression &pattern);
    // The frame a file's name (match 1) is of; -1, and the file left out,
    // when no session can hold it.
    int frameIndexOf(const QString &folder, const QRegularExpressionMatch &match);
    // The run has frame `index`.
    void found(int index) { m_highestIndex = std::max(m_highestIndex, index); }
    DirectorFrameState frame(int index);
    // The frame's audit, when it has one that can be read: its report into
    // `frame`, its attempts, the audit file (run-relative) and the newest
    // attempt it names (0 when it names none).
    struct Audit
    {
        QString path;
        QJsonArray attempts;
        int newestAttempt = 0;
    };
    std::optional<Audit> readAudit(int index, DirectorFrameState &frame,
                                   std::optional<ReadAudit> read);
    // The frame's attempts: from state.json, its audit and candidates/,
    // within the session's bounds.
    QList<AttemptInfo> attempts(int index, const QJsonArray &auditAttempts);
    using Attempts = QMap<int, AttemptInfo>; // by attempt number
    // The other members of the attempts of the frame being read, by attempt
    // number, gathered from the run's files before they are kept (details()).
    QHash<int, QJsonObject> m_attemptExtras;
    void attemptsFromState(int index, Attempts &byIndex);
    void attemptsFromAudit(int index, const QJsonArray &auditAttempts, Attempts &byIndex);
    // Adds the attempts that have a file in candidates/; gives their numbers.
    QSet<int> attemptsWithImages(int index, Attempts &byIndex);
    void keepNewestAttempts(int index, Attempts &byIndex, const QSet<int> &withImage);
    QList<AttemptInfo> attemptsWithinBudget(int index, const Attempts &byIndex,
                                            const QSet<int> &withImage);
    // Its details bounded, its candidate file, a time.
    void completeAttempt(int index, AttemptInfo &a);
    // The run-relative path of a file named by the run's JSON, checked; empty when refused.
    QString checkedPath(const QString &stored, const QString &where);
    // The run-relative path of an image file, checked, when it is an image;
    // empty otherwise. A PNG not written to its end yet puts `index` on the
    // waiting list (when `newest`: the frame's newest image).
    QString usableImage(const QString &stored, const QString &where, int index, bool newest);
    QString fileTimestamp(const QString &relative) const;
    // A frame count the run's JSON declares: a whole number from 0 to
    // maxFrameCount; anything else is named and read as 0 (the frames found
    // are opened).
    int frameCount(const QJsonValue &value, const QString &where);
    void leaveOut(const QString &what) { m_contents.leftOut.append(what); }
    // Takes `bytes` of the frame's and the run's budget for what is copied
    // into the session; false (nothing taken) when either would run out.
    bool spend(qint64 bytes)
    {
        if (m_frameBytes + bytes > RunFolder::maxCopiedFrameBytes ||
            m_runBytes + bytes > m_runBudget)
            return false;
        m_frameBytes += bytes;
        m_runBytes += bytes;
        m_runBytesSpent.store(m_runBytes, std::memory_order_relaxed);
        return true;
    }
    void leaveOutOverBudget(const QString &where, qint64 bytes);

    // Bounds on what is copied from the run's JSON into the session
    // (RunFolder::maxCopied*): a text, a list of texts, a JSON object of
    // details. What is left out is named, as `where`.
    QString text(const QJsonValue &value, const QString &where);
    // `spendBudget` false: the list is bounded by count and length only (an
    // attempt's, charged with the attempt when it is kept).
    QStringList texts(const QJsonValue &value, const QString &where, bool spendBudget = true);
    JsonMembers details(const QJsonObject &object, const QString &where);
    JsonMembers details(PreparedDetails prepared, const QString &where);
    // The budget of the frame being read.
    qint64 m_frameBytes = 0;
    qint64 m_runBytes = 0;
    qint64 m_runBudget = RunFolder::maxCopiedRunBytes; // RunFolder::maxCopiedRunBytesFor the run
    std::atomic<qint64> m_runBytesSpent = 0;           // m_runBytes, for the audit prefetch
    // The audit files, read ahead (while the frames are read).
    std::unique_ptr<AuditPrefetch> m_prefetch;
    // The image of the frame being read that the prefetch looked at, and what it found.
    std::optional<std::pair<QString, RunFolder::ImageState>> m_prefetchedImage;
    void startAuditPrefetch(int frameCount);
    // checkedPath() without a word: empty where it refuses the file.
    QString quietlyCheckedPath(const QString &stored);

    QString m_dir;
    RunPaths m_paths;
    // Where the run's files really are, each folder looked up once in a read.
    RunFileResolver m_files;
    // RunFileResolver::resolveExistingFile by the path it was given: a
    // frame's image is looked at again for its attempt.
    QHash<QString, Result<QString>> m_resolved;
    Result<QString> resolveExistingFile(const QString &stored);
    RunFolder::Contents &m_contents;
    const RunFolder::Control &m_control;
    bool m_looksLikeRun = false;
    QMap<int, QJsonObject> m_frameStates;          // state.json frame_states by index
    QJsonObject m_frameAttempts;                   // state.json frameAttempts
    QMap<int, QList<Candidate>> m_candidates;      // by frame index
    QMap<int, QString> m_approved;                 // approved/frame_NNNN.png
    QMap<int, QPair<QString, QString>> m_rejected; // path, reason
    QMap<int, QString> m_audits;                   // audit file, run-relative
    int m_highestIndex = -1;
};

Result<QString> Reader::resolveExistingFile(const QString &stored)
{
    auto it = m_resolved.constFind(stored);
    if (it == m_resolved.cend()) {
        // Any path with such a name in it, however written (RunReadCache keeps no such read);
        // and any path not in ASCII, which a folder that folds case (ext4's casefold) may take
        // for one ("director_seßion.json").
        const auto notAscii = [](QChar c) { return c.unicode() > 0x7f; };
        if (stored.contains(QLatin1String(RunFingerprint::sessionFilesPrefix),
                            Qt::CaseInsensitive) ||
            std::any_of(stored.cbegin(), stored.cend(), notAscii))
            m_contents.namesSessionFiles = true;
        it = m_resolved.insert(stored, m_files.resolveExistingFile(stored));
    }
    return *it;
}

QString Reader::checkedPath(const QString &stored, const QString &where)
{
    const Result<QString> real = resolveExistingFile(stored);
    if (!real) {
        m_contents.missing.append(tr("%1: %2").arg(where, real.outcome().message()));
        return {};
    }
    // Stored as where the file really is (a link resolved): a name the
    // session file must be able to hold as a path into this run.
    const QString relative = real->mid(m_files.realFolder(m_dir).size() + 1);
    const Result<QString> stays = m_paths.toRelative(relative);
    if (!stays || *stays != relative) {
        leaveOut(tr("%1: leads to %2, a name the session cannot hold as a path into the run")
                     .arg(where, relative));
        return {};
    }
    return relative;
}

QString Reader::usableImage(const QString &stored, const QString &where, int index, bool newest)
{
    const QString relative = checkedPath(stored, where);
    if (relative.isEmpty())
        return {};
    const QString path = m_paths.absolute(relative);
    // Looked at by the prefetch a moment ago, or now.
    const RunFolder::ImageState state = m_prefetchedImage && m_prefetchedImage->first == path
                                            ? m_prefetchedImage->second
                                            : RunFolder::imageState(path);
    switch (state) {
    case RunFolder::ImageState::Usable:
        return relative;
    case RunFolder::ImageState::Incomplete:
        if (newest)
            m_contents.waitingFiles.insert(index, relative);
        m_contents.missing.append(tr("%1: not written to its end yet").arg(relative));
        return {};
    case RunFolder::ImageState::NotImage:
        leaveOut(tr("%1: not an image Director can read").arg(relative));
        return {};
    }
    return {};
}

QString Reader::fileTimestamp(const QString &relative) const
{
    const QDateTime modified = QFileInfo(m_paths.absolute(relative)).lastModified();
    const QString written = modified.isValid() ? Timestamps::format(modified) : QString();
    // A file time the session file cannot hold (before year 1, after 9999): now.
    return Timestamps::isCanonical(written) ? written : Timestamps::now();
}

int Reader::frameCount(const QJsonValue &value, const QString &where)
{
    if (value.isUndefined())
        return 0;
    const double d = value.isDouble() ? value.toDouble() : -1;
    if (!value.isDouble() || d != std::trunc(d) || d < 0 || d > RunFolder::maxFrameCount) {
        m_contents.missing.append(tr("%1: %2 is not a frame count (a whole number from 0 to %3); "
                                     "the frames found are opened")
                                      .arg(where, jsonText(value))
                                      .arg(RunFolder::maxFrameCount));
        return 0;
    }
    return int(d);
}

QString Reader::text(const QJsonValue &value, const QString &where)
{
    const QString string = value.toString();
    if (string.size() <= RunFolder::maxTextLength)
        return string;
    leaveOut(tr("%1: a text of %2 characters (the session keeps up to %3)")
                 .arg(where)
                 .arg(string.size())
                 .arg(RunFolder::maxTextLength));
    return {};
}

QStringList Reader::texts(const QJsonValue &value, const QString &where, bool spendBudget)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    int tooLong = 0;
    for (const QJsonValue &v : array) {
        if (!v.isString())
            continue;
        const QString string = v.toString();
        if (string.size() > RunFolder::maxTextLength) {
            ++tooLong;
            continue;
        }
        if (list.size() == RunFolder::maxListLength) {
            leaveOut(tr("%1: entries past the first %2").arg(where).arg(RunFolder::maxListLength));
            break;
        }
        if (spendBudget && !spend(textBytes(string) + 16)) {
            leaveOutOverBudget(where, textBytes(string) + 16);
            break;
        }
        list.append(string);
    }
    if (tooLong > 0) {
        leaveOut(tr("%1: %n text(s) longer than %2 characters", nullptr, tooLong)
                     .arg(where)
                     .arg(RunFolder::maxTextLength));
    }
    return list;
}

void Reader::leaveOutOverBudget(const QString &where, qint64 bytes)
{
    if (m_frameBytes + bytes > RunFolder::maxCopiedFrameBytes) {
        leaveOut(tr("%1: details past the %2 KiB the session keeps of a frame's")
                     .arg(where)
                     .arg(RunFolder::maxCopiedFrameBytes / 1024));
    } else {
        leaveOut(tr("%1: details past the %2 MiB the session keeps of a run's")
                     .arg(where)
                     .arg(m_runBudget / (1024 * 1024)));
    }
}

JsonMembers Reader::details(const QJsonObject &object, const QString &where)
{
    return details(PreparedDetails::of(object, false), where);
}

JsonMembers Reader::details(PreparedDetails prepared, const QString &where)
{
    if (prepared.object.isEmpty())
        return JsonMembers();
    JsonSize size = prepared.size;
    if (size.depth > RunFolder::maxCopiedDepth || size.namesCollide) {
        if (size.depth > RunFolder::maxCopiedDepth) {
            leaveOut(tr("%1: what is nested more than %2 levels deep")
                         .arg(where)
                         .arg(RunFolder::maxCopiedDepth));
        }
        if (size.namesCollide)
            leaveOut(tr("%1: members whose names differ only by a byte order mark").arg(where));
        size = prepared.keptSize;
    }
    if (!spend(size.bytes)) {
        leaveOutOverBudget(where, size.bytes);
        return {};
    }
    if (!prepared.hasWritten)
        prepared.writeKept();
    return prepared.written;
}

std::future<Result<QJsonObject>> Reader::readingRunFile(const QString &name, qint64 maxSize,
                                                        std::launch launch) const
{
    const auto read = [path = m_dir + u'/' + name, maxSize] { return readJson(path, maxSize); };
    try {
        return std::async(launch, read);
    } catch (const std::system_error &) {
        return std::async(std::launch::deferred, read);
    }
}

std::optional<QJsonObject> Reader::readRunFile(const QString &name,
                                               std::future<Result<QJsonObject>> read)
{
    const QString path = m_dir + u'/' + name;
    if (!present(path)) {
        m_contents.missing.append(tr("%1: not found").arg(name));
        return std::nullopt;
    }
    m_looksLikeRun = true;
    const Result<QJsonObject> file = read.get();
    if (!file) {
        m_contents.missing.append(tr("%1: %2").arg(name, file.outcome().message()));
        m_contents.runFilesUnreadable = true;
        return std::nullopt;
    }
    return *file;
}

void Reader::readManifest()
{
    const QString name = QStringLiteral("manifest.lock.json");
    const std::optional<QJsonObject> file =
        readRunFile(name, readingRunFile(name, RunFolder::maxJsonSize, std::launch::deferred));
    if (!file)
        return;
    RunManifest &m = m_contents.manifest;
    m.runId = text(file->value(u"run_id"), tr("manifest.lock.json, run_id"));
    // The long form holds the whole manifest; the short form only its identity.
    const QJsonObject config = file->value(u"resolved_config").toObject();
    QJsonObject identity = config.value(u"identity").toObject();
    if (identity.isEmpty())
        identity = file->value(u"manifest_identity").toObject();
    m.moveId = text(identity.value(u"move"), tr("manifest.lock.json, move"));
    m.frameCount =
        frameCount(identity.value(u"frame_count"), tr("manifest.lock.json, frame_count"));
    // Anything but true (missing, "yes", 1) is not a loop: the seam view is only an offer.
    m.isLoop = identity.value(u"is_loop").toBool(false);
    const QJsonObject canvas = config.value(u"canvas").toObject();
    m.targetSize = std::max(0, indexValue(canvas.value(u"target_size"), 1 << 16));
}

std::future<Result<QJsonObject>> Reader::beginReadingState() const
{
    // As large as the frames the manifest declares need (read before it).
    return readingRunFile(QStringLiteral("state.json"),
                          RunFolder::maxStateJsonSize(m_contents.manifest.frameCount),
                          std::launch::async);
}

void Reader::readState(std::future<Result<QJsonObject>> read)
{
    const std::optional<QJsonObject> file =
        readRunFile(QStringLiteral("state.json"), std::move(read));
    if (!file)
        return;
    for (const QJsonValue &value : file->value(u"frame_states").toArray()) {
        const QJsonObject state = value.toObject();
        const int index = indexValue(state.value(u"index"), RunFolder::maxFrameCount - 1);
        if (index >= 0) {
            m_frameStates.insert(index, state);
            m_highestIndex = std::max(m_highestIndex, index);
        }
    }
    m_frameAttempts = file->value(u"frameAttempts").toObject();
    if (m_contents.manifest.runId.isEmpty())
        m_contents.manifest.runId = text(file->value(u"run_id"), tr("state.json, run_id"));
    const int totalFrames =
        frameCount(file->value(u"total_frames"), tr("state.json, total_frames"));
    if (m_contents.manifest.frameCount == 0)
        m_contents.manifest.frameCount = totalFrames;
}

void Reader::readAnchor()
{
    const QString path = m_dir + QStringLiteral("/anchor_analysis.json");
    if (!present(path))
        return;
    const Result<QJsonObject> file = readJson(path);
    if (!file) {
        m_contents.missing.append(tr("anchor_analysis.json: %1").arg(file.outcome().message()));
        return;
    }
    const QJsonObject size = file->value(u"image_dimensions").toObject();
    const QJsonObject results = file->value(u"results").toObject();
    AnchorAnalysis &a = m_contents.anchor;
    a.imageSize = QSize(size.value(u"width").toInt(), size.value(u"height").toInt());
    a.baselineY = results.value(u"baselineY").toDouble();
    a.present = a.imageSize.isValid() && !a.imageSize.isEmpty() && results.contains(u"baselineY");
    if (!a.present)
        m_contents.missing.append(tr("anchor_analysis.json: no image size or baseline"));
}

QList<QRegularExpressionMatch> Reader::matchingFiles(const QString &folder,
                                                     const QRegularExpression &pattern)
{
    QList<QRegularExpressionMatch> matches;
    const QString path = m_dir + u'/' + folder;
    if (!QDir(path).exists())
        return matches;
    m_looksLikeRun = true;
    for (const FolderEntry &entry : folderEntries(path)) {
        QRegularExpressionMatch match = pattern.match(entry.name);
        if (!match.hasMatch())
            continue;
        if (!entry.isFile(path)) {
            leaveOut(tr("%1/%2: not a regular file").arg(folder, entry.name));
            continue;
        }
        if (entry.type == DT_REG)
            m_files.listedAsRegularFile(folder + u'/' + entry.name);
        matches.append(std::move(match));
    }
    return matches;
}

int Reader::frameIndexOf(const QString &folder, const QRegularExpressionMatch &match)
{
    bool ok = false;
    const int index = match.captured(1).toInt(&ok);
    if (!ok || index >= RunFolder::maxFrameCount) {
        leaveOut(tr("%1/%2: frame numbers go up to %3")
                     .arg(folder, match.captured(0))
                     .arg(RunFolder::maxFrameCount - 1));
        return -1;
    }
    return index;
}

void Reader::scanCandidates()
{
    static const QRegularExpression candidateName(
        QStringLiteral("^frame_(\\d{4,})_attempt_(\\d+)(?:_(norm|aligned|128|trans))?\\.png$"));
    // Which file of an attempt is its image, first to last.
    static const QStringList preference = {QStringLiteral("norm"), QString(),
                                           QStringLiteral("aligned"), QStringLiteral("128"),
                                           QStringLiteral("trans")};
    const QString candidates = QStringLiteral("candidates");
    for (const QRegularExpressionMatch &match : matchingFiles(candidates, candidateName)) {
        const int index = frameIndexOf(candidates, match);
        if (index < 0)
            continue;
        // The pipeline counts attempts from 1; a number the session cannot
        // hold is left out (the run opens with the other attempts).
        bool ok = false;
        const int attempt = match.captured(2).toInt(&ok);
        if (!ok || attempt < 1 || attempt > RunFolder::maxAttempt) {
            leaveOut(tr("%1/%2: attempt %3 is not an attempt number (from 1 to %4)")
                         .arg(candidates, match.captured(0), match.captured(2))
                         .arg(RunFolder::maxAttempt));
            continue;
        }
        found(index);
        Candidate c;
        c.attempt = attempt;
        c.preference = int(preference.indexOf(match.captured(3)));
        c.path = candidates + u'/' + match.captured(0);
        m_candidates[index].append(c);
    }
}

void Reader::scanApprovedAndRejected()
{
    static const QRegularExpression approvedName(QStringLiteral("^frame_(\\d{4,})\\.png$"));
    static const QRegularExpression rejectedName(QStringLiteral("^frame_(\\d{4,})_(.+)\\.png$"));
    const QString approved = QStringLiteral("approved");
    for (const QRegularExpressionMatch &match : matchingFiles(approved, approvedName)) {
        if (const int index = frameIndexOf(approved, match); index >= 0) {
            found(index);
            m_approved.insert(index, approved + u'/' + match.captured(0));
        }
    }
    const QString rejected = QStringLiteral("rejected");
    for (const QRegularExpressionMatch &match : matchingFiles(rejected, rejectedName)) {
        if (const int index = frameIndexOf(rejected, match); index >= 0) {
            found(index);
            m_rejected.insert(index, {rejected + u'/' + match.captured(0),
                                      text(match.captured(2), match.captured(0))});
        }
    }
}

void Reader::scanAudits()
{
    static const QRegularExpression auditName(QStringLiteral("^frame_(\\d{1,})_metrics\\.json$"));
    const QString audit = QStringLiteral("audit");
    for (const QRegularExpressionMatch &match : matchingFiles(audit, auditName)) {
        const int index = frameIndexOf(audit, match);
        // The padded name wins over the unpadded one.
        if (index >= 0 && (!m_audits.contains(index) || match.captured(1).size() >= 4)) {
            found(index);
            m_audits.insert(index, audit + u'/' + match.captured(0));
        }
    }
}

void Reader::scanFolders()
{
    scanCandidates();
    scanApprovedAndRejected();
    scanAudits();
}

QString Reader::quietlyCheckedPath(const QString &stored)
{
    const Result<QString> real = resolveExistingFile(stored);
    if (!real)
        return {};
    const QString relative = real->mid(m_files.realFolder(m_dir).size() + 1);
    const Result<QString> stays = m_paths.toRelative(relative);
    return stays && *stays == relative ? relative : QString();
}

void Reader::startAuditPrefetch(int frameCount)
{
    // Where frame() will find each frame's audit file and its newest image;
    // none where checkedPath will refuse it (it says why when it gets to it).
    QList<AuditPrefetch::Files> files(frameCount);
    for (int index = 0; index < frameCount; ++index) {
        AuditPrefetch::Files &frame = files[index];
        if (const auto audit = m_audits.constFind(index); audit != m_audits.cend()) {
            if (const QString relative = quietlyCheckedPath(*audit); !relative.isEmpty())
                frame.audit = m_paths.absolute(relative);
        }
        const auto candidates = m_candidates.constFind(index);
        if (candidates == m_candidates.cend() || candidates->isEmpty())
            continue;
        const Candidate newest = *std::min_element(
            candidates->cbegin(), candidates->cend(), [](const Candidate &a, const Candidate &b) {
                return a.attempt != b.attempt ? a.attempt > b.attempt : a.preference < b.preference;
            });
        if (const QString relative = quietlyCheckedPath(newest.path); !relative.isEmpty())
            frame.image = m_paths.absolute(relative);
    }
    m_prefetch = std::make_unique<AuditPrefetch>(std::move(files), m_runBytesSpent, m_runBudget,
                                                 m_control.cancel);
}

std::optional<Reader::Audit> Reader::readAudit(int index, DirectorFrameState &frame,
                                               std::optional<ReadAudit> read)
{
    const auto it = m_audits.constFind(index);
    if (it == m_audits.cend())
        return std::nullopt;
    const QString relative = checkedPath(it.value(), it.value());
    if (relative.isEmpty())
        return std::nullopt;
    const QString path = m_paths.absolute(relative);
    if (!read || read->path != path) {
        read = ReadAudit();
        read->path = path;
        read->file = readAuditJson(path);
        if (read->file)
            read->details =
                PreparedDetails::of(withoutMembers(*read->file, auditMembersRead()), false);
    }
    const Result<QJsonObject> &file = read->file;
    if (!file) {
        m_contents.missing.append(tr("%1: %2").arg(relative, file.outcome().message()));
        m_contents.unreadableFrames.insert(index);
        return std::nullopt;
    }
    const QJsonObject &audit = *file;
    AuditReport &report = frame.auditReport;
    const QJsonValue score = audit.contains(u"composite_score") ? audit.value(u"composite_score")
                                                                : audit.value(u"compositeScore");
    const double d = score.toDouble(0.0);
    report.compositeScore = std::isfinite(d) ? std::clamp(d, 0.0, 1.0) : 0.0;
    if (!score.isDouble() || report.compositeScore != d)
        m_contents.missing.append(tr("%1: no composite score from 0 to 1").arg(relative));
    report.flags = texts(audit.contains(u"reason_codes") ? audit.value(u"reason_codes")
                                                         : audit.value(u"flags"),
                         tr("%1, reason_codes").arg(relative));
    report.passed = audit.value(u"passed").toBool();
    const QJsonValue aligned = audit.contains(u"auto_aligned") ? audit.value(u"auto_aligned")
                                                               : audit.value(u"autoAligned");
    if (aligned.isBool())
        report.autoAligned = aligned.toBool();
    const QJsonValue drift = audit.value(u"metrics").toObject().value(u"baseline_drift_px");
    if (drift.isDouble() && std::isfinite(drift.toDouble()))
        report.driftPixels = drift.toDouble();
    // The rest (metrics, breakdown, status, ...) is kept as the pipeline
    // wrote it, within the session's bounds.
    report.extra = details(std::move(read->details), relative);
    Audit source{relative, audit.value(u"attempts").toArray(), 0};
    for (const QJsonValue &attempt : std::as_const(source.attempts)) {
        source.newestAttempt =
            std::max(source.newestAttempt,
                     indexValue(attempt.toObject().value(u"attempt_index"), RunFolder::maxAttempt));
    }
    return source;
}

void Reader::attemptsFromState(int index, Attempts &byIndex)
{
    // state.json: camelCase.
    const QJsonArray stateAttempts =
        m_frameAttempts.value(QString::number(index)).toObject().value(u"attempts").toArray();
    const QString where = tr("state.json, frameAttempts %1").arg(index);
    for (const QJsonValue &value : stateAttempts) {
        QJsonObject o = value.toObject();
        const int n = indexValue(o.value(u"attemptIndex"), RunFolder::maxAttempt);
        if (n < 1)
            continue;
        AttemptInfo &a = byIndex[n];
        a.attemptIndex = n;
        if (const auto t = canonicalTimestamp(o.value(u"timestamp")))
            a.timestamp = *t;
        a.strategy = text(o.value(u"strategy"), where);
        a.reasonCodes = texts(o.value(u"reasonCodes"), where, false);
        a.passed = o.value(u"result").toString() == QLatin1String("passed");
        m_attemptExtras[n] =
            withoutMembers(o, SessionCodec::ownMembers(SessionCodec::Members::Attempt));
    }
}

void Reader::attemptsFromAudit(int index, const QJsonArray &auditAttempts, Attempts &byIndex)
{
    // The audit file: snake_case; fills what state.json did not say.
    static const QStringList mapped = {QStringLiteral("attempt_index"),
                                       QStringLiteral("reason_codes")};
    const QString where = tr("the audit of frame %1, attempts").arg(index);
    for (const QJsonValue &value : auditAttempts) {
        const QJsonObject o = value.toObject();
        const int n = indexValue(o.value(u"attempt_index"), RunFolder::maxAttempt);
        if (n < 1)
            continue;
        const bool known = byIndex.contains(n);
        AttemptInfo &a = byIndex[n];
        QJsonObject &extra = m_attemptExtras[n];
        a.attemptIndex = n;
        if (a.timestamp.isEmpty()) {
            if (const auto t = canonicalTimestamp(o.value(u"timestamp")))
                a.timestamp = *t;
        }
        if (!known) {
            a.reasonCodes = texts(o.value(u"reason_codes"), where, false);
            a.passed = o.value(u"result").toString() == QLatin1String("passed");
        }
        // The rest is kept; what was mapped above is not kept twice.
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!mapped.contains(it.key()) &&
                !SessionCodec::ownMembers(SessionCodec::Members::Attempt).contains(it.key()) &&
                !extra.contains(it.key()))
                extra.insert(it.key(), it.value());
        }
    }
}

QSet<int> Reader::attemptsWithImages(int index, Attempts &byIndex)
{
    QSet<int> withImage;
    for (const Candidate &c : m_candidates.value(index)) {
        withImage.insert(c.attempt);
        if (!byIndex.contains(c.attempt)) {
            AttemptInfo &a = byIndex[c.attempt];
            a.attemptIndex = c.attempt;
        }
    }
    return withImage;
}

void Reader::keepNewestAttempts(int index, Attempts &byIndex, const QSet<int> &withImage)
{
    if (byIndex.size() <= RunFolder::maxAttempts)
        return;
    const qsizetype older = byIndex.size() - RunFolder::maxAttempts;
    leaveOut(
        tr("frame %1: %n older attempt(s) (the session keeps the newest %2)", nullptr, int(older))
            .arg(index)
            .arg(RunFolder::maxAttempts));
    // The oldest go first, but not an attempt with an image of its own in
    // the run (the frame's image is one of those).
    for (auto it = byIndex.begin();
         it != byIndex.end() && byIndex.size() > RunFolder::maxAttempts;) {
        if (withImage.contains(it.key()))
            ++it;
        else
            it = byIndex.erase(it);
    }
}

void Reader::completeAttempt(int index, AttemptInfo &a)
{
    a.extra = details(m_attemptExtras.value(a.attemptIndex),
                      tr("frame %1, attempt %2").arg(index).arg(a.attemptIndex));
    // Its candidate file, the preferred one that is there.
    QList<Candidate> files = m_candidates.value(index);
    files.removeIf([&](const Candidate &c) { return c.attempt != a.attemptIndex; });
    std::sort(files.begin(), files.end(),
              [](const Candidate &x, const Candidate &y) { return x.preference < y.preference; });
    for (const Candidate &c : files) {
        if (resolveExistingFile(c.path)) {
            a.candidatePath = c.path;
            break;
        }
    }
    if (a.timestamp.isEmpty()) {
        // Never write a session file the pipeline rejects: without a
        // recorded time, the candidate file's own time stands in.
        a.timestamp =
            a.candidatePath.isEmpty() ? Timestamps::now() : fileTimestamp(a.candidatePath);
    }
}

QList<AttemptInfo> Reader::attemptsWithinBudget(int index, const Attempts &byIndex,
                                                const QSet<int> &withImage)
{
    QList<AttemptInfo> list;
    int overBudget = 0;
    // The newest first: when the budget runs out, the oldest go.
    for (auto it = byIndex.cend(); it != byIndex.cbegin();) {
        AttemptInfo a = *--it;
        // An attempt's own members (index, time, path, strategy, reason
        // codes, passed) count towards the budget too; past it, the attempt
        // is left out, unless the run has an image of it.
        qint64 bytes = 512 + textBytes(a.strategy);
        for (const QString &code : std::as_const(a.reasonCodes))
            bytes += textBytes(code) + 16;
        if (!spend(bytes) && !withImage.contains(a.attemptIndex)) {
            ++overBudget;
            continue;
        }
        completeAttempt(index, a);
        list.prepend(std::move(a));
    }
    if (overBudget > 0)
        leaveOutOverBudget(tr("frame %1: %n attempt(s)", nullptr, overBudget).arg(index), 512);
    return list;
}

QList<AttemptInfo> Reader::attempts(int index, const QJsonArray &auditAttempts)
{
    Attempts byIndex;
    m_attemptExtras.clear();
    attemptsFromState(index, byIndex);
    attemptsFromAudit(index, auditAttempts, byIndex);
    const QSet<int> withImage = attemptsWithImages(index, byIndex);
    // The newest attempts only: a run's files must not make a session of
    // thousands of attempts a frame.
    keepNewestAttempts(index, byIndex, withImage);
    return attemptsWithinBudget(index, byIndex, withImage);
}

DirectorFrameState Reader::frame(int index)
{
    // What was read ahead of this frame; taken whatever is made of it.
    std::optional<ReadAudit> prefetched;
    if (m_prefetch && index < m_prefetch->size())
        prefetched = m_prefetch->take(index);
    m_prefetchedImage.reset();
    if (prefetched && !prefetched->image.isEmpty())
        m_prefetchedImage.emplace(prefetched->image, prefetched->imageState);
    DirectorFrameState f;
    f.frameIndex = index;
    f.id = DirectorFrameState::idForIndex(index);
    m_frameBytes = 0;

    // The current image: the highest attempt, its _norm version first; a
    // file that is not (yet) an image is not the frame's image.
    QList<Candidate> candidates = m_candidates.value(index);
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.attempt != b.attempt ? a.attempt > b.attempt : a.preference < b.preference;
    });
    int imageAttempt = 0;
    for (const Candidate &c : candidates) {
        f.imagePath = usableImage(c.path, c.path, index, c.attempt == candidates.front().attempt);
        if (!f.imagePath.isEmpty()) {
            imageAttempt = c.attempt;
            break;
        }
    }
    if (f.imagePath.isEmpty() && m_approved.contains(index))
        f.imagePath = usableImage(m_approved.value(index), m_approved.value(index), index, false);
    if (f.imagePath.isEmpty()) {
        const QString stated = m_frameStates.value(index).value(u"approved_path").toString();
        if (!stated.isEmpty())
            f.imagePath = usableImage(stated, tr("state.json, frame %1").arg(index), index, false);
    }
    const bool rejected = m_rejected.contains(index);
    if (f.imagePath.isEmpty() && rejected) {
        const QString path = m_rejected.value(index).first;
        f.imagePath = usableImage(path, path, index, false);
    }

    const std::optional<Audit> audit = readAudit(index, f, std::move(prefetched));
    bool hasAudit = audit.has_value();
    // No verdict without its pixels: an audit about an older attempt than
    // the image is not this image's (the same rule as for a live run).
    if (hasAudit && !f.imagePath.isEmpty()) {
        const int newestFile = candidates.isEmpty() ? 0 : candidates.front().attempt;
        if (!RunFolder::auditCoversImage(audit->newestAttempt, m_paths.absolute(audit->path),
                                         imageAttempt, m_paths.absolute(f.imagePath), newestFile)) {
            hasAudit = false;
            f.auditReport = AuditReport();
            m_contents.missing.append(
                tr("%1: not counted for %2, whose attempt it is not known to be about")
                    .arg(audit->path, f.imagePath));
        }
    }
    if (rejected) {
        const QString reason = m_rejected.value(index).second;
        if (!reason.isEmpty() && !f.auditReport.flags.contains(reason))
            f.auditReport.flags.append(reason);
        f.auditReport.passed = false;
    }
    f.attemptHistory = attempts(index, audit ? audit->attempts : QJsonArray());

    const bool hasImage = !f.imagePath.isEmpty();
    if (!hasImage)
        f.status = FrameStatus::Pending;
    else if (rejected || (hasAudit && !f.auditReport.passed))
        f.status = FrameStatus::AuditFail;
    else if (!hasAudit)
        f.status = FrameStatus::Generated;
    else if (!f.auditReport.flags.isEmpty() || f.auditReport.autoAligned.value_or(false))
        f.status = FrameStatus::AuditWarn;
    else
        f.status = FrameStatus::Approved;
    return f;
}

Outcome Reader::read()
{
    const QString name = QDir::toNativeSeparators(m_dir);
    if (const Outcome folder = RunPaths::checkFolder(m_dir); !folder)
        return folder;
    readManifest();
    // state.json is parsed beside the listing of the folders, and the audits begin to be read
    // ahead meanwhile (the folders say which there are). What each says is told in the order of
    // a read one after the other: the manifest, state.json, then the folders.
    std::future<Result<QJsonObject>> state = beginReadingState();
    QStringList missing = std::exchange(m_contents.missing, {});
    QStringList leftOut = std::exchange(m_contents.leftOut, {});
    scanFolders();
    const QStringList foldersMissing = std::exchange(m_contents.missing, std::move(missing));
    const QStringList foldersLeftOut = std::exchange(m_contents.leftOut, std::move(leftOut));
    // The frames the folders have files of; any more (declared, or in state.json) have no
    // file to read ahead. A budget no larger than the run's (which only grows with what
    // state.json says): what the threads keep, the reader would.
    m_runBudget = RunFolder::maxCopiedRunBytesFor(
        std::max(m_contents.manifest.frameCount, m_highestIndex + 1));
    startAuditPrefetch(m_highestIndex + 1);
    readState(std::move(state));
    m_contents.missing += foldersMissing;
    m_contents.leftOut += foldersLeftOut;
    if (!m_looksLikeRun) {
        return Outcome::invalid(tr("%1 is not a run folder: it has no manifest.lock.json, "
                                   "state.json, candidates/, approved/, rejected/ or audit/.")
                                    .arg(name));
    }
    readAnchor();
    RunManifest &m = m_contents.manifest;
    if (m.runId.isEmpty())
        m.runId = QFileInfo(m_dir).fileName();
    const int declared = m.frameCount;
    m_runBudget = RunFolder::maxCopiedRunBytesFor(std::max(declared, m_highestIndex + 1));
    const int count = std::max(declared, m_highestIndex + 1);
    if (m_control.frameCount)
        m_control.frameCount->store(count);
    QList<DirectorFrameState> &frames = m_contents.frames;
    for (int index = 0; index < count; ++index) {
        if (m_control.cancel && m_control.cancel->load()) {
            m_prefetch.reset();
            m_contents = RunFolder::Contents();
            return Outcome::refused(tr("Reading the run was cancelled."));
        }
        frames.append(frame(index));
        if (m_control.framesRead)
            m_control.framesRead->store(index + 1, std::memory_order_relaxed);
        if (m_control.frameRead)
            m_control.frameRead(index + 1);
    }
    m_prefetch.reset();
    // Frames past the declared count that only files no session takes (not
    // images) speak for are no frames.
    while (frames.size() > declared) {
        const int index = frames.last().frameIndex;
        if (!frames.last().imagePath.isEmpty() || m_contents.waitingFiles.contains(index) ||
            m_audits.contains(index) || m_frameStates.contains(index))
            break;
        frames.removeLast();
    }
    m.frameCount = int(frames.size());
    if (declared > 0 && m.frameCount > declared) {
        m_contents.missing.append(
            tr("the manifest declares %n frame(s) but files for %1 were found", nullptr, declared)
                .arg(m.frameCount));
    }
    QList<int> noImage;
    QList<int> noAudit;
    for (const DirectorFrameState &f : std::as_const(frames)) {
        if (f.imagePath.isEmpty())
            noImage.append(f.frameIndex);
        else if (f.status == FrameStatus::Generated)
            noAudit.append(f.frameIndex);
    }
    if (!noImage.isEmpty())
        m_contents.missing.append(tr("no image yet for frames %1").arg(indexList(noImage)));
    if (!noAudit.isEmpty())
        m_contents.missing.append(tr("no audit result for frames %1").arg(indexList(noAudit)));
    return Outcome::ok();
}

} // namespace

Outcome RunFolder::read(const QString &runDir, Contents *contents, const Control &control)
{
    Q_ASSERT(contents);
    *contents = Contents();
    return Reader(runDir, *contents, control).read();
}

Outcome RunFolder::read(const QString &runDir, Contents *contents)
{
    return read(runDir, contents, Control());
}

namespace {
// `perFrame` bytes a frame, rounded up to a whole MiB, from `floor` to `ceiling`.
qint64 scaledLimit(int frameCount, qint64 perFrame, qint64 floor, qint64 ceiling)
{
    constexpr qint64 mib = 1024 * 1024;
    const qint64 scaled = (qint64(std::max(frameCount, 0)) * perFrame + mib - 1) / mib * mib;
    return std::clamp(scaled, floor, ceiling);
}
} // namespace

qint64 RunFolder::maxStateJsonSize(int declaredFrameCount)
{
    return scaledLimit(declaredFrameCount, stateJsonBytesPerFrame, maxJsonSize,
                       maxStateJsonCeiling);
}

qint64 RunFolder::maxCopiedRunBytesFor(int frameCount)
{
    return scaledLimit(frameCount, copiedBytesPerFrame, maxCopiedRunBytes, maxCopiedRunCeiling);
}

RunFolder::ImageState RunFolder::imageState(const QString &path)
{
    // A run folder is read again whenever the pipeline writes into it: what
    // a file was is remembered for as long as its size and time stay the
    // same. Read from the watcher's thread and the GUI thread alike.
    struct Known
    {
        quint64 inode;
        qint64 size;
        FileTime modified;
        FileTime changed; // status changed: a copy that keeps size and time still has a new one
        ImageState state;
        bool operator==(const Known &other) const
        {
            return inode == other.inode && size == other.size && modified == other.modified &&
                   changed == other.changed;
        }
    };
    static std::mutex mutex;
    static QHash<QString, Known> known;
    const auto knownAs = [](const struct stat &info) {
        return Known{quint64(info.st_ino), qint64(info.st_size), FileTime::of(info.st_mtim),
                     FileTime::of(info.st_ctim), ImageState::NotImage};
    };
    bool seen = false;
    {
        const std::lock_guard lock(mutex);
        seen = known.contains(path);
    }
    struct stat info;
    // A file seen before is looked at (one stat()); one never seen is read straight away, and
    // remembered as what was opened.
    if (seen) {
        if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode))
            return ImageState::NotImage;
        const Known now = knownAs(info);
        const std::lock_guard lock(mutex);
        const auto it = known.constFind(path);
        if (it != known.cend() && *it == now)
            return it->state;
    }
    info.st_mode = 0;
    const ImageState state = readImageState(path, &info);
    if (!S_ISREG(info.st_mode))
        return state; // nothing (regular) opened: not remembered
    Known now = knownAs(info);
    now.state = state;
    const std::lock_guard lock(mutex);
    if (known.size() > 500000) // a long session over many runs: start again
        known.clear();
    known.insert(path, now);
    return now.state;
}

RunFolder::ImageState RunFolder::readImageState(const QString &path, struct stat *opened)
{
    // Two small reads, no buffer: a run has an image like this per frame.
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return ImageState::NotImage;
    const auto closing = qScopeGuard([fd] { ::close(fd); });
    struct stat info;
    if (::fstat(fd, &info) != 0)
        return ImageState::NotImage;
    *opened = info;
    if (!S_ISREG(info.st_mode))
        return ImageState::NotImage;
    const auto readAt = [fd](qint64 offset, qsizetype size) {
        QByteArray bytes(size, Qt::Uninitialized);
        qsizetype got = 0;
        while (got < size) {
            const ssize_t n = ::pread(fd, bytes.data() + got, size_t(size - got), offset + got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += n;
        }
        bytes.truncate(got);
        return bytes;
    };
    static const QByteArray pngSignature("\x89PNG\r\n\x1a\n", 8);
    // The signature and the IHDR chunk: length 13, "IHDR", width, height.
    const QByteArray head = readAt(0, 24);
    if (!head.startsWith(pngSignature)) {
        if (pngSignature.startsWith(head)) // nothing yet, or the start of a PNG
            return ImageState::Incomplete;
        QImageReader reader(path);
        return reader.canRead() && reader.size().isValid() ? ImageState::Usable
                                                           : ImageState::NotImage;
    }
    if (head.size() < 24)
        return ImageState::Incomplete;
    if (head.mid(8, 8) != QByteArrayLiteral("\0\0\0\x0dIHDR"))
        return ImageState::NotImage;
    // The last chunk of every PNG: length 0, "IEND", its CRC.
    static const QByteArray iend("\0\0\0\0IEND\xae\x42\x60\x82", 12);
    const qint64 size = info.st_size;
    if (size < 8 + 25 + 12 || readAt(size - 12, 12) != iend)
        return ImageState::Incomplete;
    return ImageState::Usable;
}

namespace {
// Whether file `a` was modified strictly after file `b` (to the nanosecond;
// QFileInfo has milliseconds). False when either cannot be looked at.
bool modifiedAfter(const QString &a, const QString &b)
{
    struct stat first;
    struct stat second;
    if (::stat(QFile::encodeName(a).constData(), &first) != 0 ||
        ::stat(QFile::encodeName(b).constData(), &second) != 0)
        return false;
    return FileTime::of(first.st_mtim) > FileTime::of(second.st_mtim);
}
} // namespace

bool RunFolder::auditCoversImage(int auditNewestAttempt, const QString &auditPath, int imageAttempt,
                                 const QString &imagePath, int newestAttemptWithAFile)
{
    if (imageAttempt == 0)
        return true; // not a candidate's image: approved/ or rejected/ says which
    if (auditNewestAttempt > 0)
        return auditNewestAttempt == imageAttempt;
    // The audit names no attempt. A newer attempt has a file (one that is
    // no image, or not whole yet): the audit may be about that one.
    if (newestAttemptWithAFile > imageAttempt)
        return false;
    if (imageAttempt <= 1)
        return true; // there has been no other image for it to be about
    // It is about the image if written after it. Written within the same
    // tick of a coarse clock (1 s on some file systems), which came first
    // cannot be told: not about it, to be safe.
    return modifiedAfter(auditPath, imagePath);
}
