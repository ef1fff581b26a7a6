// How the session file scales with the length of a run: sessions of 16, 64,
// 1,000 and 5,000 frames, made by the real SessionManager from generated run
// folders, with alignment, notes and patches on some frames as an operator
// leaves them. For each size:
//   - the file's size;
//   - the memory a loaded session holds, and the peak while loading;
//   - loading it (SessionStore::load: read, duplicate-key check, decode,
//     validate) against a bare QJsonDocument::fromJson of the same file;
//   - encoding the session: all of it (the first save) and after a change;
//   - one durable change (SessionManager::setNotes / updateFrameStatus) against
//     its floor: the same bytes written with a bare QSaveFile and a folder
//     fsync, and where the difference goes.
// DIRECTOR_BENCH_FRAMES=64,5000 picks sizes. DIRECTOR_BENCH_DIR=<folder> keeps
// the generated runs there, and a later run measures the sessions it finds
// there instead of generating them again (5,000 frames take minutes to write).

#include "benchutil.h"

#include "review/sessionmanager.h"
#include "run/runpaths.h"
#include "session/sessioncodec.h"
#include "storage/atomicfile.h"
#include "storage/sessionstore.h"
#include "json/jsonduplicatekeys.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryDir>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <functional>

namespace {

const QString sessionFileName = QStringLiteral("director_session.json");

// The median time of one `work` over bench::runs() runs, in milliseconds.
// Short work is repeated within a run, so that each run takes some 20 ms.
double medianMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work(); // warm, and a first idea of its time
    const int repeats = int(qBound(1.0, 20.0 / std::max(bench::elapsedMs(timer), 0.001), 1000.0));
    QList<double> times;
    for (int run = 0; run < bench::runs(); ++run) {
        timer.restart();
        for (int n = 0; n < repeats; ++n)
            work();
        times.append(bench::elapsedMs(timer) / repeats);
    }
    return bench::median(times);
}

// Contenders timed side by side: in each of bench::runs() rounds, each one
// runs `batch` times in turn. Its figure is the median of its rounds' means.
QList<double> interleavedMs(const QList<std::function<void()>> &contenders, int batch)
{
    QList<QList<double>> times(contenders.size());
    for (int run = 0; run < bench::runs(); ++run) {
        for (qsizetype i = 0; i < contenders.size(); ++i) {
            QElapsedTimer timer;
            timer.start();
            for (int n = 0; n < batch; ++n)
                contenders[i]();
            times[i].append(bench::elapsedMs(timer) / batch);
        }
    }
    QList<double> medians;
    for (const QList<double> &t : times)
        medians.append(bench::median(t));
    return medians;
}

// Bytes the heap holds right now (glibc).
double heapBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

bool syncFolder(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// The floor of a durable change: the same bytes, a bare QSaveFile (whose commit
// syncs the file) and an fsync of the folder.
void writeBare(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit() ||
        !syncFolder(QFileInfo(path).absolutePath()))
        qFatal("bare write of %s failed", qPrintable(path));
}

void check(const Outcome &outcome, const char *what)
{
    if (!outcome)
        qFatal("%s: %s", what, qPrintable(outcome.message()));
}

// What an operator leaves on a run: every 8th frame gets an alignment, notes,
// a patch with notes or a rejection, in turn; each change is saved before the
// next (SessionManager saving synchronously).
int review(SessionManager &manager, int frames)
{
    int saves = 0;
    for (int index = 1; index < frames; index += 8) {
        switch ((index / 8) % 4) {
        case 0:
            check(manager.applyFrameEdit(index, FrameEdit::offsetTo(-2, 1 + index % 3)),
                  "setAlignment");
            ++saves;
            break;
        case 1:
            check(
                manager.applyFrameEdit(
                    index, FrameEdit::notesTo(QStringLiteral("halo on the left ear; palette drift "
                                                             "on the flame tip (frame %1)")
                                                  .arg(index))),
                "setNotes");
            ++saves;
            break;
        case 2: {
            PatchHistoryEntry patch;
            const QString frame = DirectorFrameState::idForIndex(index);
            patch.originalPath = QStringLiteral("candidates/%1_attempt_01.png").arg(frame);
            patch.patchedPath = QStringLiteral("patches/%1_patched_01.png").arg(frame);
            patch.maskPath = QStringLiteral("patches/%1_mask_01.png").arg(frame);
            patch.prompt = QStringLiteral("repaint the left hand, keep the outline");
            check(manager.applyFrameEdit(index, FrameEdit::addPatch(patch)), "addPatch");
            check(manager.applyFrameEdit(index, FrameEdit::notesTo(QStringLiteral("hand patched"))),
                  "setNotes");
            saves += 2;
            break;
        }
        case 3: {
            const DirectorFrameState frame = *manager.getFrameState(index);
            if (frame.status == FrameStatus::Approved || frame.status == FrameStatus::AuditWarn) {
                check(manager.updateFrameStatus(index, FrameStatus::AuditFail),
                      "updateFrameStatus");
                ++saves;
            }
            break;
        }
        }
    }
    return saves;
}

void measure(const QString &base, int frames)
{
    const QString runDir = base + QStringLiteral("/run_%1").arg(frames);
    const QString sessionPath = runDir + QLatin1Char('/') + sessionFileName;
    bench::heading(QStringLiteral("%1 frames").arg(frames));

    // ------------------------------------------------ the session file
    if (QFileInfo::exists(sessionPath)) {
        std::printf("(the session of an earlier run, in %s)\n", qPrintable(runDir));
    } else {
        QDir(runDir).removeRecursively(); // what an interrupted run left
        QElapsedTimer timer;
        timer.start();
        if (!bench::makeRun(runDir, frames))
            qFatal("no run");
        const double made = bench::elapsedMs(timer);
        SessionManager manager;
        timer.restart();
        check(manager.initializeOrResume(runDir), "initializeOrResume");
        const double created = bench::elapsedMs(timer);
        timer.restart();
        const int saves = review(manager, frames);
        const double reviewed = bench::elapsedMs(timer);
        bench::print(QStringLiteral("generate the run folder (DemoRun, once)"), made,
                     QStringLiteral("ms"));
        bench::print(QStringLiteral("create the session (initializeOrResume, once)"), created,
                     QStringLiteral("ms"));
        bench::print(QStringLiteral("review: %1 changes, one save each (once)").arg(saves),
                     reviewed, QStringLiteral("ms"));
    }
    const QByteArray bytes = readAll(sessionPath);
    bench::print(QStringLiteral("file size"), double(bytes.size()) / 1024.0, QStringLiteral("KiB"));

    // ------------------------------------------------ memory
    {
        malloc_trim(0);
        const double heapBefore = heapBytes();
        const qint64 rssBefore = bench::procStatusKiB("VmRSS");
        {
            QFile clear(QStringLiteral("/proc/self/clear_refs")); // resets VmHWM
            if (clear.open(QIODevice::WriteOnly))
                clear.write("5");
        }
        SessionStore store(runDir);
        SessionStore::LoadResult loaded = store.load();
        if (loaded.state != SessionStore::LoadState::Loaded)
            qFatal("load: %s", qPrintable(loaded.message));
        const qint64 peak = bench::procStatusKiB("VmHWM");
        const double heapAfter = heapBytes();
        const qint64 rssAfter = bench::procStatusKiB("VmRSS");
        bench::print(QStringLiteral("loaded session: heap it holds"),
                     (heapAfter - heapBefore) / 1024.0, QStringLiteral("KiB"),
                     QStringLiteral("(%1x the file)")
                         .arg((heapAfter - heapBefore) / double(bytes.size()), 0, 'f', 1));
        bench::print(QStringLiteral("loaded session: added RSS (VmRSS after - before)"),
                     double(rssAfter - rssBefore), QStringLiteral("KiB"));
        bench::print(QStringLiteral("loading: peak RSS above the RSS before (VmHWM)"),
                     double(peak - rssBefore), QStringLiteral("KiB"));

        malloc_trim(0);
        const double heapBeforeDocument = heapBytes();
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        bench::print(QStringLiteral("for comparison: heap a QJsonDocument of it holds"),
                     (heapBytes() - heapBeforeDocument) / 1024.0, QStringLiteral("KiB"));
    }

    // ------------------------------------------------ load + validate
    // Side by side, a few of each per round: the figures and their ratio see
    // the same machine, whatever else runs on it.
    auto parseBytes = [&] {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        if (!document.isObject())
            qFatal("not an object");
    };
    auto readAndParse = [&] {
        const QJsonDocument document = QJsonDocument::fromJson(readAll(sessionPath));
        if (!document.isObject())
            qFatal("not an object");
    };
    auto findDuplicates = [&] {
        if (!JsonDuplicateKeys::find(bytes).isEmpty())
            qFatal("duplicates");
    };
    const RunPaths paths(runDir);
    auto decodeBytes = [&] {
        if (!SessionCodec::decode(bytes, &paths).isOk())
            qFatal("decode");
    };
    auto loadFile = [&] {
        SessionStore store(runDir);
        if (store.load().state != SessionStore::LoadState::Loaded)
            qFatal("load");
    };
    QElapsedTimer once;
    once.start();
    loadFile();
    const int loads = int(qBound(3.0, 20.0 / std::max(bench::elapsedMs(once), 0.001), 1000.0));
    const QList<double> loading =
        interleavedMs({parseBytes, readAndParse, findDuplicates, decodeBytes, loadFile}, loads);
    const double parse = loading[0];
    const double readParse = loading[1];
    const double duplicates = loading[2];
    const double decode = loading[3];
    const double load = loading[4];
    bench::print(QStringLiteral("QJsonDocument::fromJson (bytes in memory)"), parse,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("read the file + QJsonDocument::fromJson"), readParse,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  duplicate-key check (JsonDuplicateKeys::find)"), duplicates,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  SessionCodec::decode (parse, duplicates, validate)"), decode,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("SessionStore::load (read, decode, validate)"), load,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  decode / fromJson"), decode / parse, QStringLiteral("x"));
    bench::print(QStringLiteral("load / (read + fromJson)"), load / readParse, QStringLiteral("x"),
                 QStringLiteral("(goal <= 2x)"));

    // ------------------------------------------------ encode
    // The store keeps the JSON of the frames it wrote last (a FrameCache) and
    // writes a frame anew only when it changed: the first save of a session
    // writes every frame, a change one. Two sessions taking turns measure each.
    SessionStore reader(runDir);
    const DirectorSession session = *reader.load().session;
    DirectorSession allChanged = session;
    for (DirectorFrameState &frame : allChanged.frames)
        frame.extra.insert(QStringLiteral("benchmark"), true);
    DirectorSession oneChanged = session;
    oneChanged.frames[0].directorOverrides.notes = QStringLiteral("one change");
    bool flip = false;
    SessionEncoder::FrameCache cache;
    auto encodeAll = [&] {
        flip = !flip;
        if (SessionCodec::encode(flip ? allChanged : session, &cache).isEmpty())
            qFatal("encode");
    };
    auto encodeOne = [&] {
        flip = !flip;
        if (SessionCodec::encode(flip ? oneChanged : session, &cache).isEmpty())
            qFatal("encode");
    };
    const double encodeFull = medianMs(encodeAll);
    const double encode = medianMs(encodeOne);
    bench::print(QStringLiteral("SessionCodec::encode, every frame (first save)"), encodeFull,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("SessionCodec::encode, one frame changed (a change)"), encode,
                 QStringLiteral("ms"));

    // ------------------------------------------------ one durable change
    SessionManager manager;
    check(manager.initializeOrResume(runDir), "initializeOrResume");
    // A frame whose status can go back and forth: rejected and approved again.
    int toggled = 0;
    while (manager.getFrameState(toggled)->status != FrameStatus::Approved)
        ++toggled;
    int change = 0;
    auto setNotes = [&] {
        check(
            manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("note %1").arg(++change))),
            "setNotes");
    };
    auto updateStatus = [&] {
        const bool approved = manager.getFrameState(toggled)->status == FrameStatus::Approved;
        check(manager.updateFrameStatus(toggled,
                                        approved ? FrameStatus::AuditFail : FrameStatus::Approved),
              "updateFrameStatus");
    };
    setNotes();
    const QByteArray current = readAll(sessionPath);
    auto floor = [&] { writeBare(runDir + QStringLiteral("/floor.json"), current); };
    auto atomic = [&] {
        check(AtomicFile::write(runDir + QStringLiteral("/atomic.json"), current),
              "AtomicFile::write");
    };

    // SessionStore::save alone, on a copy of the session in a folder of its own.
    const QString storeDir = base + QStringLiteral("/store_%1").arg(frames);
    QDir(storeDir).removeRecursively();
    QDir().mkpath(storeDir);
    QFile::copy(sessionPath, storeDir + QLatin1Char('/') + sessionFileName);
    SessionStore store(storeDir);
    check(store.lock(), "lock");
    const SessionStore::LoadResult stored = store.load();
    if (stored.state != SessionStore::LoadState::Loaded)
        qFatal("store load: %s", qPrintable(stored.message));
    // The session the manager holds: its saves write copies of one session,
    // which share their frames with the frames written before.
    DirectorSession saved = manager.session();
    auto save = [&] {
        saved.lastModified =
            QStringLiteral("2026-01-18T12:00:%1.000Z").arg(++change % 60, 2, 10, QLatin1Char('0'));
        check(store.save(saved), "SessionStore::save");
    };

    // Disk latency drifts: the contenders take turns, a few changes each per
    // round, and each figure is the median of its rounds.
    const int batch = frames >= 5000 ? 2 : frames >= 1000 ? 4 : 8;
    const QList<double> durable =
        interleavedMs({setNotes, floor, updateStatus, atomic, save}, batch);

    // The steps of SessionManager's change that are not the save.
    const DirectorFrameState frame = *manager.getFrameState(0);
    const double copy = medianMs([&] {
        DirectorSession candidate = manager.session();
        candidate.frames.insert(0, frame);
        if (candidate.frames.size() != frames)
            qFatal("copy");
    });
    // The backup: a hard link of the current file, renamed at the commit.
    const QByteArray target = QFile::encodeName(storeDir + QLatin1Char('/') + sessionFileName);
    const QByteArray link = QFile::encodeName(storeDir + QStringLiteral("/link.new"));
    const QByteArray linked = QFile::encodeName(storeDir + QStringLiteral("/link"));
    const double backup = medianMs([&] {
        ::unlink(link.constData());
        if (::link(target.constData(), link.constData()) != 0 ||
            ::rename(link.constData(), linked.constData()) != 0)
            qFatal("link");
    });

    bench::print(QStringLiteral("one durable change: SessionManager::setNotes"), durable[0],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("one durable change: SessionManager::updateFrameStatus"),
                 durable[2], QStringLiteral("ms"));
    bench::print(QStringLiteral("  floor: same bytes, bare QSaveFile + folder fsync"), durable[1],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  AtomicFile::write of the same bytes"), durable[3],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  SessionStore::save (encode, backup link, AtomicFile)"),
                 durable[4], QStringLiteral("ms"));
    bench::print(QStringLiteral("  encode, one frame changed (above)"), encode,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  backup: link + rename"), backup, QStringLiteral("ms"));
    bench::print(QStringLiteral("  session copy + frame insert (in memory)"), copy,
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("setNotes / floor"), durable[0] / durable[1], QStringLiteral("x"),
                 frames == 64 ? QStringLiteral("(goal <= 1.5x at 64 frames)") : QString());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString base = qEnvironmentVariableIsEmpty("DIRECTOR_BENCH_DIR")
                             ? temporary.path()
                             : qEnvironmentVariable("DIRECTOR_BENCH_DIR");
    if (base.isEmpty() || !QDir().mkpath(base))
        qFatal("no folder for the runs");
    std::printf("bench_scale: medians of %d runs; sessions in %s\n", bench::runs(),
                qPrintable(base));
    QList<int> sizes;
    const QList<QByteArray> wanted = qgetenv("DIRECTOR_BENCH_FRAMES").split(',');
    for (const QByteArray &n : wanted) {
        if (n.toInt() > 0)
            sizes.append(n.toInt());
    }
    if (sizes.isEmpty())
        sizes = {16, 64, 1000, 5000};
    for (const int frames : sizes)
        measure(base, frames);
    return 0;
}
