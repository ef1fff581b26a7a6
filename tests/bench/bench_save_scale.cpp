// A durable change and the memory of a session, on one large run: where the
// bytes of a loaded session go (its frames' members, the store's FrameCache),
// and one change saved (SessionManager::applyFrameEdit -> SessionStore::save)
// against its floor, the same bytes written with a bare QSaveFile and a folder
// fsync.
//
// DIRECTOR_BENCH_RUN=<run folder with a session> (copied first: the run
// itself is never written); DIRECTOR_BENCH_FRAMES=<n> makes a run of n
// frames instead (no review: a fresh session). DIRECTOR_BENCH_PROFILE=1: 30
// saves of the store and nothing else, for a profiler (=change: 30 changes).

#include "benchutil.h"

#include "review/sessionmanager.h"
#include "session/sessioncodec.h"
#include "storage/atomicfile.h"
#include "storage/sessionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <functional>
#include <memory>

namespace {

const QString sessionFileName = QStringLiteral("director_session.json");

void printKiB(const QString &name, double bytes, double file)
{
    bench::print(name, bytes / 1024.0, QStringLiteral("KiB"),
                 QStringLiteral("(%1x the file)").arg(bytes / file, 0, 'f', 2));
}

// Heap freed when `strip` is applied to every frame of `session`.
void share(DirectorSession &session, const QString &name, double file,
           const std::function<void(DirectorFrameState &)> &strip)
{
    const double before = bench::heapBytes();
    for (DirectorFrameState &frame : session.frames)
        strip(frame);
    printKiB(QStringLiteral("  ") + name, before - bench::heapBytes(), file);
}

void memory(const QString &runDir, double file)
{
    bench::heading(QStringLiteral("memory"));
    const double start = bench::heapBytes();
    auto store = std::make_unique<SessionStore>(runDir);
    std::optional<DirectorSession> loaded = store->load().session;
    if (!loaded)
        qFatal("load");
    const double session = bench::heapBytes() - start;
    printKiB(QStringLiteral("loaded session (SessionStore::load)"), session, file);
    bench::check(store->lock(), "lock");
    const double beforeSave = bench::heapBytes();
    bench::check(store->save(*loaded), "save");
    const double cache = bench::heapBytes() - beforeSave;
    printKiB(QStringLiteral("the store's FrameCache after a save"), cache, file);
    printKiB(QStringLiteral("session + FrameCache"), session + cache, file);
    store.reset(); // its cache shares the frames' data
    {
        // What the window holds: a SessionManager after it opened the run.
        malloc_trim(0);
        const double before = bench::heapBytes();
        SessionManager manager(nullptr, SessionManager::Saving::Background);
        bench::check(manager.initializeOrResume(runDir), "initializeOrResume");
        printKiB(QStringLiteral("SessionManager after initializeOrResume"),
                 bench::heapBytes() - before, file);
        // The first change saved: the store keeps every frame's JSON from then on.
        const int index = manager.session().frames.firstKey();
        bench::check(manager.applyFrameEdit(index, FrameEdit::notesTo(QStringLiteral("bench"))),
                     "applyFrameEdit");
        manager.waitForSaves();
        printKiB(QStringLiteral("  after its first change (the store's FrameCache filled)"),
                 bench::heapBytes() - before, file);
    }

    // Where the session's bytes go: each kind of member, dropped from every frame.
    DirectorSession &s = *loaded;
    if (qEnvironmentVariableIsSet("DIRECTOR_BENCH_EXPERIMENT")) {
        share(s, QStringLiteral("EXPERIMENT strings shared"), file, [](DirectorFrameState &f) {
            for (AttemptInfo &a : f.attemptHistory) {
                if (a.candidatePath == f.imagePath)
                    a.candidatePath = f.imagePath;
                static const QString def = QStringLiteral("default");
                if (a.strategy == def)
                    a.strategy = def;
            }
        });
    }
    share(s, QStringLiteral("auditReport.extra (JsonMembers)"), file,
          [](DirectorFrameState &f) { f.auditReport.extra = {}; });
    share(s, QStringLiteral("attempts' extra (JsonMembers)"), file, [](DirectorFrameState &f) {
        for (AttemptInfo &a : f.attemptHistory)
            a.extra = {};
    });
    share(s, QStringLiteral("attempts' strings (timestamp, path, strategy, codes)"), file,
          [](DirectorFrameState &f) {
              for (AttemptInfo &a : f.attemptHistory) {
                  a.timestamp = QString();
                  a.candidatePath = QString();
                  a.strategy = QString();
                  a.reasonCodes = {};
              }
          });
    share(s, QStringLiteral("attemptHistory lists"), file,
          [](DirectorFrameState &f) { f.attemptHistory = {}; });
    share(s, QStringLiteral("directorOverrides"), file,
          [](DirectorFrameState &f) { f.directorOverrides = {}; });
    share(s, QStringLiteral("auditReport flags"), file,
          [](DirectorFrameState &f) { f.auditReport.flags = {}; });
    share(s, QStringLiteral("id + imagePath"), file, [](DirectorFrameState &f) {
        f.id = QString();
        f.imagePath = QString();
    });
    share(s, QStringLiteral("frame extra"), file, [](DirectorFrameState &f) { f.extra = {}; });
    const double before = bench::heapBytes();
    s.frames.clear();
    printKiB(QStringLiteral("  the frames' map and structs"), before - bench::heapBytes(), file);
}

void durable(const QString &runDir)
{
    bench::heading(QStringLiteral("one durable change"));
    SessionManager manager;
    bench::check(manager.initializeOrResume(runDir), "initializeOrResume");
    const QString sessionPath = runDir + QLatin1Char('/') + sessionFileName;
    int change = 0;
    auto setNotes = [&] {
        bench::check(
            manager.applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("note %1").arg(++change))),
            "setNotes");
    };
    setNotes();
    const QByteArray current = bench::readAll(sessionPath);
    auto floor = [&] { bench::writeBare(runDir + QStringLiteral("/floor.json"), current); };
    auto atomic = [&] {
        bench::check(AtomicFile::write(runDir + QStringLiteral("/atomic.json"), current),
                     "AtomicFile::write");
    };
    // SessionStore::save alone, in a folder of its own.
    const QString storeDir = runDir + QStringLiteral("/store");
    QDir().mkpath(storeDir);
    QFile::copy(sessionPath, storeDir + QLatin1Char('/') + sessionFileName);
    SessionStore store(storeDir);
    bench::check(store.lock(), "lock");
    if (!store.load().session)
        qFatal("store load");
    DirectorSession saved = manager.session();
    auto save = [&] {
        saved.frames[0].directorOverrides.notes = QStringLiteral("store %1").arg(++change);
        bench::check(store.save(saved), "SessionStore::save");
    };
    SessionEncoder::FrameCache cache;
    DirectorSession encoded = manager.session();
    auto encode = [&] {
        encoded.frames[0].directorOverrides.notes = QStringLiteral("encode %1").arg(++change);
        if (SessionCodec::encode(encoded, &cache).isEmpty())
            qFatal("encode");
    };
    SessionEncoder::FrameCache piecesCache;
    DirectorSession inPieces = manager.session();
    auto encodePieces = [&] {
        inPieces.frames[0].directorOverrides.notes = QStringLiteral("pieces %1").arg(++change);
        if (SessionEncoder::encodePieces(inPieces, piecesCache).size == 0)
            qFatal("encodePieces");
    };
    const DirectorFrameState frame = *manager.getFrameState(0);
    auto copy = [&] {
        DirectorSession candidate = manager.session();
        candidate.frames.insert(0, frame);
    };
    const QByteArray target = QFile::encodeName(storeDir + QLatin1Char('/') + sessionFileName);
    const QByteArray link = QFile::encodeName(storeDir + QStringLiteral("/link.new"));
    const QByteArray linked = QFile::encodeName(storeDir + QStringLiteral("/link"));
    auto backup = [&] {
        ::unlink(link.constData());
        if (::link(target.constData(), link.constData()) != 0 ||
            ::rename(link.constData(), linked.constData()) != 0)
            qFatal("link");
    };
    // The save as it was before the pieces: the document in one buffer, then
    // written (with the backup's link and rename, as a save).
    auto saveOneBuffer = [&] {
        encoded.frames[0].directorOverrides.notes = QStringLiteral("buffer %1").arg(++change);
        const QByteArray bytes = SessionCodec::encode(encoded, &cache);
        backup();
        bench::check(AtomicFile::write(runDir + QStringLiteral("/onebuffer.json"), bytes),
                     "one buffer");
    };
    encode();
    encodePieces();
    save();
    if (qEnvironmentVariableIsSet("DIRECTOR_BENCH_PROFILE")) {
        // For a profiler: saves only (=change: SessionManager's changes).
        const bool changes = qEnvironmentVariable("DIRECTOR_BENCH_PROFILE") == u"change";
        for (int n = 0; n < 30; ++n)
            changes ? setNotes() : save();
        return;
    }
    const QList<double> t = bench::interleavedMs(
        {setNotes, floor, atomic, save, encode, copy, backup, encodePieces, saveOneBuffer}, 3);
    bench::print(QStringLiteral("one durable change (applyFrameEdit notes)"), t[0],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  floor: bare QSaveFile + folder fsync"), t[1],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  AtomicFile::write, same bytes"), t[2], QStringLiteral("ms"));
    bench::print(QStringLiteral("  SessionStore::save, one frame changed"), t[3],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  encode, one frame changed (SessionCodec::encode, one buffer)"),
                 t[4], QStringLiteral("ms"));
    bench::print(QStringLiteral("  encode, one frame changed (encodePieces, as a save)"), t[7],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  as before: encode into one buffer + backup + AtomicFile"), t[8],
                 QStringLiteral("ms"));
    bench::print(QStringLiteral("  session copy + frame insert"), t[5], QStringLiteral("ms"));
    bench::print(QStringLiteral("  backup link + rename"), t[6], QStringLiteral("ms"));
    bench::print(QStringLiteral("change / floor"), t[0] / t[1], QStringLiteral("x"),
                 QStringLiteral("(goal <= 1.5x)"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString runDir = temporary.path() + QStringLiteral("/run");
    const QString source = qEnvironmentVariable("DIRECTOR_BENCH_RUN");
    if (!source.isEmpty()) {
        if (QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), source, runDir}) != 0)
            qFatal("cannot copy %s", qPrintable(source));
        QFile::setPermissions(runDir + QLatin1Char('/') + sessionFileName,
                              QFile::ReadOwner | QFile::WriteOwner);
    } else {
        const int frames = qMax(1, qEnvironmentVariableIntValue("DIRECTOR_BENCH_FRAMES"));
        if (!bench::makeRun(runDir, frames))
            qFatal("no run");
        SessionManager manager;
        bench::check(manager.initializeOrResume(runDir), "initializeOrResume");
    }
    const double file = double(QFileInfo(runDir + QLatin1Char('/') + sessionFileName).size());
    std::printf("bench_save_scale: medians of %d runs; file %.1f MB\n", bench::runs(), file / 1e6);
    if (!qEnvironmentVariableIsSet("DIRECTOR_BENCH_PROFILE"))
        memory(runDir, file);
    durable(runDir);
    return 0;
}
