#include "session/sessioncodec.h"
#include "session/sessionencoder.h"
#include "storage/atomicfile.h"
#include "storage/sessionlock.h"
#include "storage/sessionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

// SessionStore is the only code that touches director_session.json: saving is
// atomic and kept backed up, unreadable files are never overwritten, and two
// Directors never write the same session (SessionLock).
class TestSessionStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void missingFileLoadsAsMissing();
    void saveThenLoadGivesTheSameSession();
    void saveNeedsTheLock();
    void previousVersionIsKeptAsBackup();
    void largeSessionIsWrittenWhole();
    void manyPartsAreWrittenInOrder();
    void piecesOfAnotherFileAreCopiedInto();
    void framesAreCopiedFromTheFileWrittenLast();
    void aFileAnotherProgramWroteIntoIsNotCopiedFrom();
    void theSavedFileIsStampedWhileItIsAsSaved();
    void unreadableFiles_data();
    void unreadableFiles();
    void newerFileIsRecognisedAndKept();
    void setAsideKeepsTheBadFile();
    void restoreBackupPutsTheLastGoodVersionBack();
    void fileChangedByAnotherProgramIsNotOverwritten();
    void fileDeletedWhileOpenIsWrittenAgain();
    void faultsLeaveTheOldFileIntact_data();
    void faultsLeaveTheOldFileIntact();
    void failedDirectorySyncIsReportedWithTheNewFileInPlace();
    void secondStoreIsRefusedWhileTheLockIsHeld();
    void staleLockOfADeadProcessIsTakenOver();
    void emptyLockLeftByAKilledProcessIsTakenOver();
    void emptyLockOfALiveHolderIsRespected();
    void leftoversOfAKilledSaveAreRemovedByTheNextWriter();
    void removalLockLeftByAKilledTakeoverIsRemoved();
    void stagedWriteMakesOnlyNewFiles();

private:
    static DirectorSession makeSession(const QString &note);
    static QByteArray readFile(const QString &path);
    static void writeFile(const QString &path, const QByteArray &data);
    // A session of `count` frames, each with a note of its own.
    static DirectorSession manyFrames(int count);
    // Waits until a change to the file would carry a later status change time than it has.
    static void waitPastChangeTime(const QString &path);
    // `before` replaced by `after` (as many bytes) in the file itself, as a program that
    // writes into it does.
    static bool writeInPlace(const QString &path, const QByteArray &before,
                             const QByteArray &after);

    std::unique_ptr<QTemporaryDir> m_dir;
};

DirectorSession TestSessionStore::makeSession(const QString &note)
{
    DirectorSession s;
    s.sessionId = QStringLiteral("d290f1ee-6c54-4b01-90e6-d701748f0851");
    s.runId = QStringLiteral("run_1");
    s.moveId = QStringLiteral("idle_standard");
    s.createdAt = s.lastModified = QStringLiteral("2026-01-18T12:00:00.000Z");
    for (int i = 0; i < 3; ++i) {
        DirectorFrameState f;
        f.frameIndex = i;
        f.id = DirectorFrameState::idForIndex(i);
        f.status = FrameStatus::AuditWarn;
        f.imagePath =
            QStringLiteral("candidates/frame_%1_attempt_01.png").arg(i, 4, 10, QLatin1Char('0'));
        f.auditReport.compositeScore = 0.8;
        f.directorOverrides.notes = note;
        s.frames.insert(i, f);
    }
    return s;
}

QByteArray TestSessionStore::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestSessionStore::writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

void TestSessionStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSessionStore::cleanup()
{
    AtomicFile::setFaultHook({});
    m_dir.reset();
}

void TestSessionStore::missingFileLoadsAsMissing()
{
    SessionStore store(m_dir->path());
    QCOMPARE(store.load().state, SessionStore::LoadState::Missing);
    QVERIFY(!store.hasUsableBackup());
}

void TestSessionStore::saveThenLoadGivesTheSameSession()
{
    const DirectorSession session = makeSession(QStringLiteral("first"));
    {
        SessionStore store(m_dir->path());
        QVERIFY(store.lock());
        QCOMPARE(store.load().state, SessionStore::LoadState::Missing);
        const Outcome saved = store.save(session);
        QVERIFY2(saved, qPrintable(saved.message()));
    }
    // A new store (as a new process would) reads back the same session.
    SessionStore reader(m_dir->path());
    const SessionStore::LoadResult loaded = reader.load();
    QCOMPARE(loaded.state, SessionStore::LoadState::Loaded);
    QCOMPARE(*loaded.session, session);
    QCOMPARE(readFile(reader.sessionPath()), SessionCodec::encode(session));
    // No temporary files are left behind next to the session.
    const QStringList names = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(names, QStringList{QStringLiteral("director_session.json")});
}

void TestSessionStore::saveNeedsTheLock()
{
    SessionStore store(m_dir->path());
    store.load();
    const Outcome saved = store.save(makeSession(QStringLiteral("x")));
    QVERIFY(!saved);
    QVERIFY(saved.message().contains(QLatin1String("read-only")));
    QVERIFY(!QFile::exists(store.sessionPath()));
}

void TestSessionStore::previousVersionIsKeptAsBackup()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    const DirectorSession first = makeSession(QStringLiteral("first"));
    const DirectorSession second = makeSession(QStringLiteral("second"));
    const DirectorSession third = makeSession(QStringLiteral("third"));
    QVERIFY(store.save(first));
    QVERIFY(!QFile::exists(store.backupPath())); // nothing was replaced yet
    QVERIFY(store.save(second));
    QCOMPARE(readFile(store.backupPath()), SessionCodec::encode(first));
    QVERIFY(store.save(third));
    QCOMPARE(readFile(store.backupPath()), SessionCodec::encode(second));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(third));
    QCOMPARE(*store.loadBackup().session, second);
}

// A save writes the frames' JSON as pieces, more of them than one system call takes
// (IOV_MAX, 1024): every byte arrives, in order, as the whole document would be.
void TestSessionStore::largeSessionIsWrittenWhole()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    DirectorSession session = makeSession(QStringLiteral("first"));
    const DirectorFrameState model = session.frames.first();
    for (int index = 0; index < 1500; ++index) {
        DirectorFrameState frame = model;
        frame.frameIndex = index;
        frame.id = DirectorFrameState::idForIndex(index);
        frame.imagePath = QStringLiteral("candidates/%1.png").arg(frame.id);
        session.frames.insert(index, frame);
    }
    QVERIFY(store.save(session));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(session));
    // One frame changed: the others are written from what was written before.
    session.frames[700].directorOverrides.notes = QStringLiteral("changed");
    session.frames.remove(1499);
    QVERIFY(store.save(session));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(session));
    SessionStore reader(m_dir->path());
    QCOMPARE(*reader.load().session, session);
}

void TestSessionStore::manyPartsAreWrittenInOrder()
{
    QList<QByteArray> texts;
    QByteArray whole;
    for (int n = 0; n < 3000; ++n) {
        // Some empty, some longer than the others.
        texts.append(n % 7 == 0 ? QByteArray() : QByteArray::number(n).repeated(1 + n % 50));
        whole += texts.last();
    }
    const QList<QByteArrayView> parts(texts.cbegin(), texts.cend());
    const QString path = m_dir->filePath(QStringLiteral("parts.txt"));
    QVERIFY(AtomicFile::write(path, parts));
    QCOMPARE(readFile(path), whole);

    // A full disk: the file stays as it was, and the message says how much was written.
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    const Outcome full = AtomicFile::write(path, QList<QByteArrayView>{"new", "content"});
    AtomicFile::setFaultHook({});
    QVERIFY(!full);
    QVERIFY2(full.message().contains(QLatin1String("only 5 of 10 bytes")),
             qPrintable(full.message()));
    QCOMPARE(readFile(path), whole);
}

// Pieces of a file given as its descriptor are copied into the new file where they stand
// among the others; a full disk or a source shorter than a piece is a failed write, and the
// file written before stays as it was.
void TestSessionStore::piecesOfAnotherFileAreCopiedInto()
{
    const QString sourcePath = m_dir->filePath(QStringLiteral("source.txt"));
    QByteArray source;
    for (int n = 0; n < 200'000; ++n)
        source += QByteArray::number(n % 10);
    writeFile(sourcePath, source);
    QFile sourceFile(sourcePath);
    QVERIFY(sourceFile.open(QIODevice::ReadOnly));

    AtomicFile::Pieces pieces;
    pieces.source = sourceFile.handle();
    pieces.parts = {{"head "},
                    {QByteArrayView(), 10, 5},
                    {QByteArrayView(), 0, 0},
                    {QByteArrayView(), 1000, 150'000},
                    {""},
                    {" middle "},
                    {QByteArrayView(), 199'990, 10},
                    {" tail"}};
    const QByteArray whole = "head " + source.mid(10, 5) + source.mid(1000, 150'000) + " middle " +
                             source.mid(199'990, 10) + " tail";
    const QString path = m_dir->filePath(QStringLiteral("copied.txt"));
    int readBack = -1;
    pieces.readBack = &readBack;
    QVERIFY(AtomicFile::write(path, pieces));
    QCOMPARE(readFile(path), whole);
    // The file written, for reading: what the next write takes pieces from.
    QVERIFY(readBack >= 0);
    QByteArray again(whole.size(), '\0');
    QCOMPARE(::pread(readBack, again.data(), size_t(again.size()), 0), ssize_t(whole.size()));
    ::close(readBack);
    QCOMPARE(again, whole);

    // A full disk, halfway through the copied piece.
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    const Outcome full = AtomicFile::write(path, pieces);
    AtomicFile::setFaultHook({});
    QVERIFY(!full);
    QVERIFY2(full.message().contains(QStringLiteral("only %1 of %2 bytes")
                                         .arg(qint64(whole.size() / 2))
                                         .arg(qint64(whole.size()))),
             qPrintable(full.message()));
    QCOMPARE(readFile(path), whole);

    // A piece past the source's end.
    pieces.parts.append({QByteArrayView(), 199'995, 10});
    const Outcome tooShort = AtomicFile::write(path, pieces);
    QVERIFY(!tooShort);
    QCOMPARE(readFile(path), whole);
}

DirectorSession TestSessionStore::manyFrames(int count)
{
    DirectorSession session = makeSession(QStringLiteral("first"));
    const DirectorFrameState model = session.frames.first();
    for (int index = 0; index < count; ++index) {
        DirectorFrameState frame = model;
        frame.frameIndex = index;
        frame.id = DirectorFrameState::idForIndex(index);
        frame.imagePath = QStringLiteral("candidates/%1.png").arg(frame.id);
        frame.directorOverrides.notes = QStringLiteral("note %1").arg(index);
        session.frames.insert(index, frame);
    }
    return session;
}

// A save after a change takes the frames that did not change from the file written last (in a
// few pieces, whatever the frames): the file is byte for byte the session's encoding after
// every kind of change, and after a failed save, which leaves the copying on.
void TestSessionStore::framesAreCopiedFromTheFileWrittenLast()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    DirectorSession session = manyFrames(1500);
    QVERIFY(store.save(session));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(session));

    // The encoder, given the file, names it for every frame: a change of one frame is seven
    // pieces, whatever the frames: the text before the frames, the frames before it from the
    // file, its key, its JSON, the next frame's key, the frames after it from the file, the
    // text after the frames.
    {
        SessionEncoder::FrameCache cache;
        const SessionEncoder::Pieces first = SessionEncoder::encodePieces(session, cache);
        const QString path = m_dir->filePath(QStringLiteral("encoded.json"));
        writeFile(path, first.joined());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        cache.wroteTo(::dup(written.handle()), first);
        DirectorSession changed = session;
        changed.frames[700].directorOverrides.notes = QStringLiteral("changed");
        const SessionEncoder::Pieces pieces = SessionEncoder::encodePieces(changed, cache);
        QCOMPARE(pieces.joined(), SessionCodec::encode(changed));
        QCOMPARE(pieces.parts().size(), 7);
    }

    const QList<std::function<void(DirectorSession &)>> changes = {
        [](DirectorSession &s) { s.frames[700].directorOverrides.notes = QStringLiteral("a"); },
        [](DirectorSession &s) { s.frames[0].directorOverrides.notes = QStringLiteral("first"); },
        [](DirectorSession &s) { s.frames[1499].status = FrameStatus::Approved; },
        [](DirectorSession &s) { s.frames.remove(1000); },
        [](DirectorSession &s) {
            DirectorFrameState frame = s.frames.value(10);
            frame.frameIndex = 1000;
            frame.id = DirectorFrameState::idForIndex(1000);
            s.frames.insert(1000, frame);
        },
        [](DirectorSession &s) { s.frames.remove(0); },
        [](DirectorSession &s) {
            s.frames[5].directorOverrides.notes = QStringLiteral("longer, much longer than it was");
            s.frames[6].directorOverrides.notes.reset();
            s.frames[1400].status = FrameStatus::AuditFail;
        },
        [](DirectorSession &s) { s.lastModified = QStringLiteral("2026-01-19T12:00:00.000Z"); },
    };
    QCOMPARE(store.copiedLastSave(), 0); // the first save: every frame encoded
    // Most of the file copied: all but the frames changed, their neighbours' keys and the text
    // around the frames.
    auto copiedMost = [&] {
        return store.copiedLastSave() > QFileInfo(store.sessionPath()).size() * 9 / 10;
    };
    for (qsizetype i = 0; i < changes.size(); ++i) {
        changes.at(i)(session);
        const Outcome saved = store.save(session);
        QVERIFY2(saved, qPrintable(saved.message()));
        QVERIFY2(readFile(store.sessionPath()) == SessionCodec::encode(session),
                 qPrintable(QStringLiteral("change %1").arg(i)));
        QVERIFY2(copiedMost(), qPrintable(QStringLiteral("change %1").arg(i)));
    }

    // A save that fails halfway (a full disk) leaves the file as it was; the next is whole.
    const QByteArray before = readFile(store.sessionPath());
    session.frames[800].directorOverrides.notes = QStringLiteral("lost");
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    QVERIFY(!store.save(session));
    AtomicFile::setFaultHook({});
    QCOMPARE(readFile(store.sessionPath()), before);
    QCOMPARE(store.copiedLastSave(), 0);
    session.frames[801].directorOverrides.notes = QStringLiteral("kept");
    QVERIFY(store.save(session));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(session));
    QVERIFY(copiedMost()); // the failed save's backup link, made and undone, is Director's own

    // The backup is the file saved before, whole.
    SessionStore reader(m_dir->path());
    QCOMPARE(*reader.load().session, session);
    QCOMPARE(SessionCodec::decode(readFile(store.backupPath())).state,
             SessionDecodeResult::State::Ok);
}

// A program that writes into the file Director wrote, even one that keeps its size and puts its
// modification time back (which Director's check before a save cannot tell), is not copied
// from: the next save encodes every frame. One that writes into it while a save copies from it
// fails that save.
void TestSessionStore::aFileAnotherProgramWroteIntoIsNotCopiedFrom()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    DirectorSession session = manyFrames(300);
    QVERIFY(store.save(session));
    session.frames[1].directorOverrides.notes = QStringLiteral("second save");
    QVERIFY(store.save(session));

    QVERIFY(store.copiedLastSave() > 0);

    const QByteArray path = QFile::encodeName(store.sessionPath());
    struct stat was;
    QCOMPARE(::stat(path.constData(), &was), 0);
    waitPastChangeTime(store.sessionPath());
    QVERIFY(writeInPlace(store.sessionPath(), "note 200", "NOTE 2XX"));
    const struct timespec times[2] = {was.st_atim, was.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, path.constData(), times, 0), 0);

    session.frames[2].directorOverrides.notes = QStringLiteral("third save");
    QVERIFY(store.save(session));
    const QByteArray written = readFile(store.sessionPath());
    QVERIFY(!written.contains("NOTE 2XX"));
    QCOMPARE(written, SessionCodec::encode(session));
    QCOMPARE(store.copiedLastSave(), 0);

    // A program that writes into the file while Director copies from it: the save fails, and
    // what that program wrote is not written over.
    session.frames[3].directorOverrides.notes = QStringLiteral("fourth save");
    QVERIFY(store.save(session));
    QVERIFY(store.copiedLastSave() > 0);
    waitPastChangeTime(store.sessionPath());
    session.frames[4].directorOverrides.notes = QStringLiteral("lost");
    AtomicFile::setFaultHook([this, &store](AtomicFile::Step step, const QString &written) {
        if (step == AtomicFile::Step::Write && written == store.sessionPath())
            [&] { QVERIFY(writeInPlace(store.sessionPath(), "note 201", "NOTE 2YY")); }();
        return false;
    });
    const Outcome during = store.save(session);
    AtomicFile::setFaultHook({});
    QVERIFY(!during);
    QVERIFY2(during.message().contains(QLatin1String("changed by another program")),
             qPrintable(during.message()));
    QVERIFY(readFile(store.sessionPath()).contains("NOTE 2YY"));
}

// What a status kept by the command that saved the session is told by (StatusCache::keepSaved):
// the file this store saved, while it is as saved; nothing for a file only read, or written by
// another program since, its times put back.
void TestSessionStore::theSavedFileIsStampedWhileItIsAsSaved()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    QVERIFY(!store.savedFileStamp());
    QVERIFY(!SessionStore::fileStamp(store.sessionPath()));
    DirectorSession session = manyFrames(20);
    QVERIFY(store.save(session));
    const std::optional<QByteArray> first = store.savedFileStamp();
    QVERIFY(first);
    QCOMPARE(SessionStore::fileStamp(store.sessionPath()), first);
    session.frames[1].directorOverrides.notes = QStringLiteral("second save");
    QVERIFY(store.save(session));
    const std::optional<QByteArray> second = store.savedFileStamp();
    QVERIFY(second);
    QVERIFY(*second != *first);
    QCOMPARE(SessionStore::fileStamp(store.sessionPath()), second);

    SessionStore reader(m_dir->path());
    QCOMPARE(reader.load().state, SessionStore::LoadState::Loaded);
    QVERIFY(!reader.savedFileStamp()); // read, not saved

    const QByteArray path = QFile::encodeName(store.sessionPath());
    struct stat was;
    QCOMPARE(::stat(path.constData(), &was), 0);
    waitPastChangeTime(store.sessionPath());
    QVERIFY(writeInPlace(store.sessionPath(), "second save", "SECOND SAVE"));
    const struct timespec times[2] = {was.st_atim, was.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, path.constData(), times, 0), 0);
    QVERIFY(!store.savedFileStamp());
    QVERIFY(SessionStore::fileStamp(store.sessionPath()) != second);
}

void TestSessionStore::waitPastChangeTime(const QString &path)
{
    // A file system's times may move in ticks of some milliseconds: a change in the same tick
    // as the last would carry the same time.
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    for (;;) {
        struct timespec now;
        ::clock_gettime(CLOCK_REALTIME_COARSE, &now);
        if (now.tv_sec > info.st_ctim.tv_sec ||
            (now.tv_sec == info.st_ctim.tv_sec && now.tv_nsec > info.st_ctim.tv_nsec))
            break;
        QTest::qWait(1);
    }
    QTest::qWait(2);
}

bool TestSessionStore::writeInPlace(const QString &path, const QByteArray &before,
                                    const QByteArray &after)
{
    QByteArray bytes = readFile(path);
    const qsizetype at = bytes.indexOf(before);
    if (at < 0 || before.size() != after.size())
        return false;
    bytes.replace(at, before.size(), after); // as many bytes
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.write(bytes) == bytes.size(); // the same file
}

void TestSessionStore::unreadableFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("messagePart");

    const QByteArray good = SessionCodec::encode(makeSession(QStringLiteral("n")));
    QTest::newRow("empty") << QByteArray() << int(SessionStore::LoadState::Unreadable)
                           << QStringLiteral("empty");
    QTest::newRow("truncated") << good.left(good.size() / 2)
                               << int(SessionStore::LoadState::Unreadable)
                               << QStringLiteral("not valid JSON");
    QTest::newRow("binary garbage")
        << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << int(SessionStore::LoadState::Unreadable)
        << QStringLiteral("not valid JSON");
    QByteArray badStatus = good;
    badStatus.replace("\"AUDIT_WARN\"", "\"DONE\"");
    QTest::newRow("unknown status") << badStatus << int(SessionStore::LoadState::Invalid)
                                    << QStringLiteral("frames.0.status: unknown status \"DONE\"");
    QByteArray escaping = good;
    escaping.replace("candidates/frame_0001_attempt_01.png", "../../../etc/passwd");
    QTest::newRow("path outside the run") << escaping << int(SessionStore::LoadState::Invalid)
                                          << QStringLiteral("frames.1.imagePath");
}

void TestSessionStore::unreadableFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(int, state);
    QFETCH(QString, messagePart);

    SessionStore store(m_dir->path());
    writeFile(store.sessionPath(), content);
    QVERIFY(store.lock());
    const SessionStore::LoadResult loaded = store.load();
    QCOMPARE(int(loaded.state), state);
    QVERIFY(!loaded.session);
    QVERIFY2(loaded.message.contains(messagePart), qPrintable(loaded.message));

    // Never overwritten, even by a store that holds the lock and is asked to save.
    QVERIFY(!store.save(makeSession(QStringLiteral("replacement"))));
    QCOMPARE(readFile(store.sessionPath()), content);
}

void TestSessionStore::newerFileIsRecognisedAndKept()
{
    SessionStore store(m_dir->path());
    QByteArray newer = SessionCodec::encode(makeSession(QStringLiteral("n")));
    newer.replace("\"schemaVersion\": 1", "\"schemaVersion\": 7");
    writeFile(store.sessionPath(), newer);
    QVERIFY(store.lock());
    const SessionStore::LoadResult loaded = store.load();
    QCOMPARE(loaded.state, SessionStore::LoadState::Newer);
    QVERIFY2(loaded.message.contains(QLatin1String("newer")), qPrintable(loaded.message));
    QVERIFY(!store.save(makeSession(QStringLiteral("older"))));
    QCOMPARE(readFile(store.sessionPath()), newer);
}

void TestSessionStore::setAsideKeepsTheBadFile()
{
    SessionStore store(m_dir->path());
    writeFile(store.sessionPath(), "{ broken");
    QVERIFY(store.lock());
    QCOMPARE(store.load().state, SessionStore::LoadState::Unreadable);
    const Result<QString> aside = store.setAside();
    QVERIFY(aside);
    const QString movedTo = *aside;
    QVERIFY(
        QFileInfo(movedTo).fileName().startsWith(QLatin1String("director_session.json.corrupt-")));
    QVERIFY(movedTo.endsWith(QLatin1Char('Z')));
    QCOMPARE(readFile(movedTo), QByteArray("{ broken"));
    QCOMPARE(store.load().state, SessionStore::LoadState::Missing);
    QVERIFY(store.save(makeSession(QStringLiteral("fresh"))));
    QCOMPARE(readFile(movedTo), QByteArray("{ broken")); // still there, untouched
}

void TestSessionStore::restoreBackupPutsTheLastGoodVersionBack()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    const DirectorSession first = makeSession(QStringLiteral("first"));
    QVERIFY(store.save(first));
    QVERIFY(store.save(makeSession(QStringLiteral("second"))));
    writeFile(store.sessionPath(), "garbage"); // corrupted behind Director's back

    store.unlock();
    SessionStore reopened(m_dir->path());
    QVERIFY(reopened.lock());
    QCOMPARE(reopened.load().state, SessionStore::LoadState::Unreadable);
    QVERIFY(reopened.hasUsableBackup());
    const Result<QString> restored = reopened.restoreBackup();
    QVERIFY2(restored, qPrintable(restored.outcome().message()));
    QCOMPARE(readFile(*restored), QByteArray("garbage"));
    const SessionStore::LoadResult loaded = reopened.load();
    QCOMPARE(loaded.state, SessionStore::LoadState::Loaded);
    QCOMPARE(*loaded.session, first);
}

void TestSessionStore::fileChangedByAnotherProgramIsNotOverwritten()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    QVERIFY(store.save(makeSession(QStringLiteral("mine"))));
    const QByteArray theirs = SessionCodec::encode(makeSession(QStringLiteral("theirs, longer")));
    QTest::qWait(5); // a different modification time as well as different content
    writeFile(store.sessionPath(), theirs);

    const Outcome saved = store.save(makeSession(QStringLiteral("mine again")));
    QVERIFY(!saved);
    QVERIFY2(saved.message().contains(QLatin1String("changed by another program")),
             qPrintable(saved.message()));
    QCOMPARE(readFile(store.sessionPath()), theirs);
}

void TestSessionStore::fileDeletedWhileOpenIsWrittenAgain()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    QVERIFY(store.save(makeSession(QStringLiteral("one"))));
    QVERIFY(QFile::remove(store.sessionPath()));
    const DirectorSession two = makeSession(QStringLiteral("two"));
    QVERIFY(store.save(two));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(two));
}

void TestSessionStore::faultsLeaveTheOldFileIntact_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("cannot create")
        << int(AtomicFile::Step::Open) << QStringLiteral("Could not write");
    QTest::newRow("disk full") << int(AtomicFile::Step::Write) << QStringLiteral("disk full");
    QTest::newRow("rename fails") << int(AtomicFile::Step::Commit)
                                  << QStringLiteral("could not replace");
}

void TestSessionStore::faultsLeaveTheOldFileIntact()
{
    QFETCH(int, step);
    QFETCH(QString, messagePart);

    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    const DirectorSession good = makeSession(QStringLiteral("good"));
    QVERIFY(store.save(good));

    AtomicFile::setFaultHook([&](AtomicFile::Step s, const QString &path) {
        return int(s) == step && path.endsWith(QLatin1String("director_session.json"));
    });
    bool written = true;
    const Outcome saved = store.save(makeSession(QStringLiteral("lost")), &written);
    QVERIFY(!saved);
    QVERIFY(!written);
    QVERIFY2(saved.message().contains(messagePart), qPrintable(saved.message()));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(good));
    // The session and the lock: no half-written temporary, and the backup
    // is what it was (there was none: the failed save made no new one).
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             (QStringList{QStringLiteral("director_session.json"),
                          QStringLiteral("director_session.json.lock")}));

    // Once the fault is gone the next save succeeds.
    AtomicFile::setFaultHook({});
    const DirectorSession later = makeSession(QStringLiteral("later"));
    QVERIFY(store.save(later));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(later));
}

void TestSessionStore::failedDirectorySyncIsReportedWithTheNewFileInPlace()
{
    SessionStore store(m_dir->path());
    QVERIFY(store.lock());
    store.load();
    QVERIFY(store.save(makeSession(QStringLiteral("good"))));
    AtomicFile::setFaultHook(
        [](AtomicFile::Step s, const QString &) { return s == AtomicFile::Step::SyncDirectory; });
    const DirectorSession next = makeSession(QStringLiteral("next"));
    bool written = false;
    const Outcome saved = store.save(next, &written);
    QVERIFY(!saved);
    QVERIFY(written);
    QVERIFY(saved.message().contains(QLatin1String("synced")));
    QCOMPARE(readFile(store.sessionPath()), SessionCodec::encode(next));
    AtomicFile::setFaultHook({});
    QVERIFY(store.save(makeSession(QStringLiteral("after"))));
}

void TestSessionStore::secondStoreIsRefusedWhileTheLockIsHeld()
{
    SessionStore first(m_dir->path());
    QVERIFY(first.lock());
    SessionStore second(m_dir->path());
    const Outcome refused = second.lock();
    QCOMPARE(refused.kind(), Outcome::Kind::Locked);
    QCOMPARE(refused.exitCode(), 3);
    // Says who holds it.
    QVERIFY2(refused.message().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(refused.message()));
    first.unlock();
    QVERIFY(second.lock());
}

void TestSessionStore::staleLockOfADeadProcessIsTakenOver()
{
    // A process that has exited: its pid is in a lock file that nobody holds.
    QProcess process;
    process.start(QStringLiteral("true"), {});
    QVERIFY(process.waitForFinished());
    const qint64 deadPid = process.processId() ? process.processId() : 999999;
    SessionLock lock(m_dir->path());
    writeFile(lock.path(), QByteArray::number(deadPid) + "\ndirector\n" +
                               QSysInfo::machineHostName().toUtf8() + "\n");
    // The holder is gone: the lock is taken over at once.
    QVERIFY2(lock.take(), "a lock left by a crashed Director must be taken over");
    QVERIFY(lock.isHeld());
}

void TestSessionStore::emptyLockLeftByAKilledProcessIsTakenOver()
{
    // Killed between creating the lock file and writing its pid into it.
    SessionLock lock(m_dir->path());
    writeFile(lock.path(), QByteArray());
    QVERIFY2(lock.take(), "an empty lock file nobody holds must be taken over");
}

void TestSessionStore::emptyLockOfALiveHolderIsRespected()
{
    // A holder that is alive keeps the lock even when its file cannot be read.
    SessionLock holder(m_dir->path());
    QVERIFY(holder.take());
    writeFile(holder.path(), QByteArray()); // truncates; the holder's flock stays
    SessionLock second(m_dir->path());
    QCOMPARE(second.take().kind(), Outcome::Kind::Locked);
    QVERIFY(holder.isHeld());
    QVERIFY(QFile::exists(holder.path()));
}

void TestSessionStore::removalLockLeftByAKilledTakeoverIsRemoved()
{
    // QLockFile removes a stale lock while holding "<lock>.rmlock" (and that
    // one's stale .rmlock while holding "<lock>.rmlock.rmlock"). A Director
    // killed in there left them; the run must not stay locked for it.
    QProcess process;
    process.start(QStringLiteral("sleep"), {QStringLiteral("10")});
    QVERIFY(process.waitForStarted());
    const qint64 deadPid = process.processId();
    process.kill();
    QVERIFY(process.waitForFinished());
    SessionLock lock(m_dir->path());
    writeFile(lock.path(), QByteArray::number(deadPid) + "\ndirector\n" +
                               QSysInfo::machineHostName().toUtf8() + "\n");
    const QString removal = lock.path() + QStringLiteral(".rmlock");
    writeFile(removal, QByteArray()); // killed before it wrote its pid
    writeFile(removal + QStringLiteral(".rmlock"), QByteArray());

    // While a live Director holds the .rmlock, it is left alone.
    {
        QLockFile held(removal);
        QFile::remove(removal);
        QVERIFY(held.tryLock(0));
        QCOMPARE(lock.take().kind(), Outcome::Kind::Locked);
        QVERIFY(QFile::exists(removal));
    }
    writeFile(removal, QByteArray());
    QVERIFY2(lock.take(), "a stale lock must be taken over whatever its takeover left");
    QVERIFY(!QFile::exists(removal));
    QVERIFY(!QFile::exists(removal + QStringLiteral(".rmlock")));
}

void TestSessionStore::leftoversOfAKilledSaveAreRemovedByTheNextWriter()
{
    // A Director killed between QSaveFile's link and rename leaves the new
    // file under a temporary name; one killed while keeping the backup
    // leaves its new name. The next writer removes them, and nothing else.
    SessionStore store(m_dir->path());
    const QString base = store.sessionPath();
    const QStringList leftovers = {base + QStringLiteral(".HATeLm"),
                                   base + QStringLiteral(".bak.new")};
    const QStringList kept = {base + QStringLiteral(".backup"), base + QStringLiteral(".COPY12"),
                              base + QStringLiteral(".corrupt-20261124T120000000Z"),
                              base + QStringLiteral(".bak")};
    for (const QString &path : leftovers + kept)
        writeFile(path, "{}");
    // A reader does not tidy anything (here it finds a backup without its session).
    QCOMPARE(store.load().state, SessionStore::LoadState::Lost);
    for (const QString &path : leftovers + kept)
        QVERIFY2(QFile::exists(path), qPrintable(path));
    QVERIFY(store.lock());
    for (const QString &path : leftovers)
        QVERIFY2(!QFile::exists(path), qPrintable(path));
    for (const QString &path : kept)
        QVERIFY2(QFile::exists(path), qPrintable(path));
}

void TestSessionStore::stagedWriteMakesOnlyNewFiles()
{
    // The commit's staged frames: written whole into a new file, or not at all.
    const QString path = m_dir->path() + QStringLiteral("/staged.png");
    QVERIFY(AtomicFile::writeStaged(path, "frame"));
    QCOMPARE(readFile(path), QByteArray("frame"));
    // Never over a file, nor through a link to one.
    QVERIFY(!AtomicFile::writeStaged(path, "other"));
    QCOMPARE(readFile(path), QByteArray("frame"));
    const QString link = m_dir->path() + QStringLiteral("/link.png");
    QVERIFY(QFile::link(path, link));
    QVERIFY(!AtomicFile::writeStaged(link, "other"));
    QCOMPARE(readFile(path), QByteArray("frame"));
    // A full disk leaves nothing behind, and says why.
    AtomicFile::setFaultHook(
        [](AtomicFile::Step step, const QString &) { return step == AtomicFile::Step::Write; });
    const QString cut = m_dir->path() + QStringLiteral("/cut.png");
    const Outcome written = AtomicFile::writeStaged(cut, "a frame of some length");
    AtomicFile::setFaultHook({});
    QVERIFY(!written);
    QVERIFY2(written.message().contains(QLatin1String("could be written")),
             qPrintable(written.message()));
    QVERIFY(!QFileInfo::exists(cut));
}

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
