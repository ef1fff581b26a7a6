// `director status` on an unchanged run: RunFingerprint (what the run holds, told by its
// metadata), StatusCache (the status kept in the user's cache folder) and the real command,
// which must tell the very same status from either, and never an old one for a changed run.

#include "directorprocess.h"
#include "review/runstatus.h"
#include "review/sessionmanager.h"
#include "review/statuscache.h"
#include "run/runfingerprint.h"
#include "runfixture.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

#include <dirent.h>

#include <fcntl.h>

class TestStatusCache : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void theFingerprintSeesEveryChange_data();
    void theFingerprintSeesEveryChange();
    void theFingerprintSeesEveryFileOfALargeFolder();
    void aLinkOrAFreshChangeGivesNoFingerprint();
    void aKeptStatusIsToldOnlyForItsFingerprint();
    void theCommandTellsAnUnchangedRunAgainAndAChangedOneAnew();
    void whatTheCacheCannotHoldOrTellIsReadFromTheRun();
    void aReviewedRunIsToldWithItsFilesAsKept();
    void aReviewCommandLeavesTheStatusItMade();
    void aRunThatNamesTheSessionFilesIsToldFromTheRun();
    void whatIsOldInTheCacheIsRemoved();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    QString cache() const { return m_dir->path() + QStringLiteral("/cache"); }
    // The file's contents replaced by `bytes`, its modification time put back as it was.
    static bool rewriteKeepingItsTime(const QString &path, const QByteArray &bytes);
    DirectorProcess::Result status(const QStringList &options = {}) const;
    // director with `arguments`, the cache folder ours.
    DirectorProcess::Result director(const QStringList &arguments) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStatusCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(RunFixture::writeMixedRun(run()));
}

bool TestStatusCache::rewriteKeepingItsTime(const QString &path, const QByteArray &bytes)
{
    struct stat before;
    const QByteArray name = QFile::encodeName(path);
    if (::stat(name.constData(), &before) != 0)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    return ::utimensat(AT_FDCWD, name.constData(), times, 0) == 0;
}

DirectorProcess::Result TestStatusCache::status(const QStringList &options) const
{
    return director(QStringList{QStringLiteral("status"), run()} + options);
}

DirectorProcess::Result TestStatusCache::director(const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), cache());
    return DirectorProcess::run(arguments, environment);
}

void TestStatusCache::theFingerprintSeesEveryChange_data()
{
    QTest::addColumn<QString>("change");
    for (const char *change : {"audit rewritten, same size and time", "file added", "file removed",
                               "file renamed", "mode changed", "folder added", "session saved"})
        QTest::newRow(change) << QString::fromLatin1(change);
}

void TestStatusCache::theFingerprintSeesEveryChange()
{
    QFETCH(QString, change);
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
    }
    const std::optional<QByteArray> before = RunFingerprint::of(run(), 0);
    QVERIFY(before);
    QCOMPARE(RunFingerprint::of(run(), 0), before); // nothing changed: the same
    const QString audit = run() + QStringLiteral("/audit/frame_0001_metrics.json");
    if (change.startsWith(QLatin1String("audit"))) {
        QFile file(audit);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        bytes.replace("0.78", "0.87"); // another score, as many bytes
        QVERIFY(rewriteKeepingItsTime(audit, bytes));
    } else if (change == QLatin1String("file added")) {
        QVERIFY(RunFixture::writeCandidate(run(), 1, 2));
    } else if (change == QLatin1String("file removed")) {
        QVERIFY(QFile::remove(audit));
    } else if (change == QLatin1String("file renamed")) {
        QVERIFY(QFile::rename(audit, run() + QStringLiteral("/audit/frame_0003_metrics.json")));
    } else if (change == QLatin1String("mode changed")) {
        QVERIFY(QFile::setPermissions(audit, QFileDevice::ReadOwner));
    } else if (change == QLatin1String("folder added")) {
        QVERIFY(QDir().mkpath(run() + QStringLiteral("/audit/old")));
    } else {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
        QVERIFY(manager.updateFrameStatus(1, FrameStatus::Approved));
    }
    const std::optional<QByteArray> after = RunFingerprint::of(run(), 0);
    QVERIFY(after);
    QVERIFY(*after != *before);
}

// A folder of many files is looked up a block of names at a time, each block in parts beside
// each other: a change to a file at any place of that order, at a part's edge or a block's,
// is seen, and an unchanged folder gives the same fingerprint again.
void TestStatusCache::theFingerprintSeesEveryFileOfALargeFolder()
{
    const QString folder = run() + QStringLiteral("/candidates");
    const int added = 10'000;
    for (int i = 0; i < added; ++i)
        QVERIFY(RunFixture::writeFile(folder + QStringLiteral("/extra_%1.txt").arg(i), "x"));
    // The folder's names in the order the walk takes them.
    QByteArrayList names;
    {
        DIR *dir = ::opendir(QFile::encodeName(folder).constData());
        QVERIFY(dir);
        while (const dirent *entry = ::readdir(dir)) {
            if (qstrcmp(entry->d_name, ".") != 0 && qstrcmp(entry->d_name, "..") != 0)
                names.append(QByteArray(entry->d_name));
        }
        ::closedir(dir);
    }
    QVERIFY(names.size() > added);
    std::optional<QByteArray> before = RunFingerprint::of(run(), 0);
    QVERIFY(before);
    QCOMPARE(RunFingerprint::of(run(), 0), before);
    const qsizetype last = names.size() - 1;
    for (const qsizetype at : {qsizetype(0), qsizetype(1), qsizetype(2047), qsizetype(2048),
                               qsizetype(4095), qsizetype(4096), qsizetype(6144), qsizetype(8191),
                               qsizetype(8192), qsizetype(8193), last - 1, last}) {
        const QString path = folder + QLatin1Char('/') + QFile::decodeName(names.at(at));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        bytes[0] = bytes[0] == 'y' ? 'z' : 'y'; // as many bytes, the same time
        QVERIFY(rewriteKeepingItsTime(path, bytes));
        const std::optional<QByteArray> after = RunFingerprint::of(run(), 0);
        QVERIFY2(after && *after != *before, names.at(at).constData());
        QCOMPARE(RunFingerprint::of(run(), 0), after);
        before = after;
    }
}

void TestStatusCache::aLinkOrAFreshChangeGivesNoFingerprint()
{
    QVERIFY(RunFingerprint::of(run(), 0));
    // Just written: not yet a fingerprint to trust.
    QVERIFY(!RunFingerprint::of(run()));
    // A file may carry any time: one from before 1678 (past a count of nanoseconds) is old,
    // one after 2262 is in the future, not yet to be trusted.
    const QByteArray audit =
        QFile::encodeName(run() + QStringLiteral("/audit/frame_0001_metrics.json"));
    struct timespec times[2] = {{-10'000'000'000LL, 0}, {-10'000'000'000LL, 0}};
    QCOMPARE(::utimensat(AT_FDCWD, audit.constData(), times, 0), 0);
    QVERIFY(RunFingerprint::of(run(), 0));
    times[0].tv_sec = times[1].tv_sec = 10'000'000'000LL;
    QCOMPARE(::utimensat(AT_FDCWD, audit.constData(), times, 0), 0);
    QVERIFY(!RunFingerprint::of(run(), 0));
    // A link anywhere in the run: what it leads to is not the run's.
    QVERIFY(QFile::link(run() + QStringLiteral("/candidates/frame_0000_attempt_01.png"),
                        run() + QStringLiteral("/candidates/frame_0000_attempt_02.png")));
    QVERIFY(!RunFingerprint::of(run(), 0));
    // Not a folder.
    QVERIFY(!RunFingerprint::of(run() + QStringLiteral("/manifest.lock.json"), 0));
    QVERIFY(!RunFingerprint::of(run() + QStringLiteral("/nowhere"), 0));
}

void TestStatusCache::aKeptStatusIsToldOnlyForItsFingerprint()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(run()));
    QVERIFY(manager.applyFrameEdit(
        2, FrameEdit::statusTo(FrameStatus::AuditFail, QStringLiteral("Ada"),
                               QStringLiteral("SF02_PALETTE_DRIFT"), QStringLiteral("the cape"))));
    QVERIFY(manager.applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("check the cape"))));
    const RunStatus told = RunStatus::of(manager);
    QCOMPARE(told.rejected().size(), 1);

    const StatusCache statusCache(cache());
    const QByteArray fingerprint = RunFingerprint::of(run(), 0).value_or(QByteArray());
    QVERIFY(!fingerprint.isEmpty());
    QVERIFY(!statusCache.find(run(), fingerprint, told.runDir())); // nothing kept yet
    statusCache.keep(run(), fingerprint, told);
    const std::optional<RunStatus> again = statusCache.find(run(), fingerprint, told.runDir());
    QVERIFY(again);
    QCOMPARE(again->toJson(), told.toJson());
    QCOMPARE(again->summaryJson(), told.summaryJson());
    QCOMPARE(again->rejected().first().verdict.reason, told.rejected().first().verdict.reason);
    QCOMPARE(again->noted(), 1);
    // Another fingerprint (the run changed), another run: nothing.
    QVERIFY(!statusCache.find(run(), fingerprint + "0", told.runDir()));
    QVERIFY(!statusCache.find(m_dir->path(), fingerprint, told.runDir()));
    // A cache file that is no such status: nothing, and no crash.
    const QStringList files = QDir(cache()).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QVERIFY(RunFixture::writeFile(cache() + QLatin1Char('/') + files.first(), "{\"format\": 1,"));
    QVERIFY(!statusCache.find(run(), fingerprint, told.runDir()));
    // No folder to keep it in: kept nowhere, said nowhere.
    const StatusCache nowhere(run() + QStringLiteral("/manifest.lock.json/status"));
    nowhere.keep(run(), fingerprint, told);
    QVERIFY(!nowhere.find(run(), fingerprint, told.runDir()));
}

void TestStatusCache::theCommandTellsAnUnchangedRunAgainAndAChangedOneAnew()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
        QVERIFY(manager.applyFrameEdit(2, FrameEdit::statusTo(FrameStatus::AuditFail,
                                                              QStringLiteral("Ada"),
                                                              QStringLiteral("SF02_PALETTE_DRIFT"),
                                                              QStringLiteral("the cape"))));
    }
    RunFixture::letSettle();
    const DirectorProcess::Result first = status();
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.out.contains(QLatin1String("Rejected: frame 2 by Ada")), qPrintable(first.out));
    QCOMPARE(
        QDir(cache() + QStringLiteral("/Director/director/status")).entryList(QDir::Files).size(),
        1);
    for (const QStringList &options : {QStringList(), QStringList{QStringLiteral("--json")},
                                       QStringList{QStringLiteral("--lang=de")}}) {
        const DirectorProcess::Result again = status(options);
        const DirectorProcess::Result whole =
            status(options + QStringList{QStringLiteral("--no-cache")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, whole.out);
        QCOMPARE(again.err, whole.err);
    }

    // The pipeline retries frame 1: told anew at once, and again once the run is quiet.
    const QString told = status({QStringLiteral("--json")}).out;
    QVERIFY(RunFixture::writeCandidate(run(), 1, 2));
    const QString now = status({QStringLiteral("--json")}).out;
    QVERIFY2(now != told, qPrintable(now + QStringLiteral(" -- ") + told));
    QVERIFY2(now.contains(QLatin1String("\"GENERATED\":2")), qPrintable(now));
    QCOMPARE(now, status({QStringLiteral("--json"), QStringLiteral("--no-cache")}).out);
    RunFixture::letSettle();
    for (int round = 0; round < 2; ++round) // told from the run, then kept
        QCOMPARE(status({QStringLiteral("--json")}).out, now);
}

// A text the cache's JSON would not give back (a leading U+FEFF), and the run given through a
// link (its name is the run's when the manifest has no id): told as the whole run tells them.
void TestStatusCache::whatTheCacheCannotHoldOrTellIsReadFromTheRun()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
        QVERIFY(manager.applyFrameEdit(
            2, FrameEdit::statusTo(FrameStatus::AuditFail, QStringLiteral("\uFEFFAda"), QString(),
                                   QStringLiteral("\uFEFFthe cape"))));
    }
    const QString link = m_dir->path() + QStringLiteral("/latest");
    QVERIFY(QFile::link(run(), link));
    RunFixture::letSettle();
    for (const QString &given : {run(), link, run(), link}) {
        for (const QStringList &options : {QStringList(), QStringList{QStringLiteral("--json")}}) {
            const QStringList arguments = QStringList{QStringLiteral("status"), given} + options;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("XDG_CACHE_HOME"), cache());
            const DirectorProcess::Result told = DirectorProcess::run(arguments, environment);
            const DirectorProcess::Result whole = DirectorProcess::run(
                arguments + QStringList{QStringLiteral("--no-cache")}, environment);
            QCOMPARE(told.exitCode, 0);
            QCOMPARE(told.out, whole.out);
            QVERIFY2(told.out.contains(QStringLiteral("\uFEFFthe cape")), qPrintable(told.out));
        }
    }
    QVERIFY(status().out.contains(QLatin1String("latest")) == false);
}

// The common change between two statuses: the review went on, the pipeline's files stayed. The
// run's files are then taken as they were read (RunReadCache), the session read anew: the status
// is the one the whole run tells.
void TestStatusCache::aReviewedRunIsToldWithItsFilesAsKept()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
    }
    RunFixture::letSettle();
    const QString before = status({QStringLiteral("--json")}).out;
    const QString reads = cache() + QStringLiteral("/Director/director/run");
    const QStringList kept = QDir(reads).entryList(QDir::Files);
    QCOMPARE(kept.size(), 1);
    const QString keptPath = reads + QLatin1Char('/') + kept.first();
    const auto identity = [](const QString &path) {
        struct stat info;
        return ::stat(QFile::encodeName(path).constData(), &info) == 0
                   ? QStringLiteral("%1 %2.%3")
                         .arg(info.st_ino)
                         .arg(info.st_mtim.tv_sec)
                         .arg(info.st_mtim.tv_nsec)
                   : QString();
    };
    const QString keptAs = identity(keptPath);
    QVERIFY(!keptAs.isEmpty());
    for (int frame : {1, 2}) {
        {
            SessionManager manager;
            QVERIFY(manager.initializeOrResume(run()));
            QVERIFY(manager.applyFrameEdit(
                frame, FrameEdit::statusTo(FrameStatus::AuditFail, QStringLiteral("Ada"),
                                           QStringLiteral("SF02_PALETTE_DRIFT"),
                                           QStringLiteral("the cape"))));
            QVERIFY(manager.applyFrameEdit(3, FrameEdit::notesTo(QString::number(frame))));
        }
        // Just saved: told at once, as the whole run tells it, the run's files as kept.
        for (const QStringList &options : {QStringList(), QStringList{QStringLiteral("--json")}}) {
            const DirectorProcess::Result told = status(options);
            QCOMPARE(told.exitCode, 0);
            QCOMPARE(told.out, status(options + QStringList{QStringLiteral("--no-cache")}).out);
            QVERIFY2(told.out.contains(QLatin1String("by Ada")) ||
                         told.out.contains(QLatin1String("\"reviewer\":\"Ada\"")),
                     qPrintable(told.out));
        }
        QCOMPARE(identity(keptPath), keptAs); // taken, not read and kept again
    }
    QVERIFY(status({QStringLiteral("--json")}).out != before);
    // The pipeline writes: the run is read again.
    QVERIFY(RunFixture::writeAudit(run(), 3, true, {}, 0.5));
    RunFixture::letSettle();
    const DirectorProcess::Result retried = status({QStringLiteral("--json")});
    QCOMPARE(retried.out, status({QStringLiteral("--json"), QStringLiteral("--no-cache")}).out);
    QVERIFY(identity(keptPath) != keptAs);
}

// A review's change made by a command (`director frame`, `discard`): the command keeps the status
// it leaves, told by the run's part of the fingerprint and the session file it saved. The next
// status tells it without reading the session, for as long as both are as the command left them,
// and it is the status the whole run tells.
void TestStatusCache::aReviewCommandLeavesTheStatusItMade()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
    }
    RunFixture::letSettle();
    const QString folder = cache() + QStringLiteral("/Director/director/status");
    const auto keptPath = [&] {
        const QStringList kept = QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files);
        return kept.size() == 1 ? folder + QLatin1Char('/') + kept.first() : QString();
    };
    const auto keptBytes = [&] {
        QFile file(keptPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    // The kept status says 7 frames have notes (none has): told, it was told from the kept one.
    const auto plantSeven = [&] {
        QJsonObject kept = QJsonDocument::fromJson(keptBytes()).object();
        QJsonObject told = kept.value(u"status").toObject();
        told.insert(QStringLiteral("noted"), 7);
        kept.insert(QStringLiteral("status"), told);
        QFile file(keptPath());
        return !keptPath().isEmpty() && file.open(QIODevice::WriteOnly) &&
               file.write(QJsonDocument(kept).toJson()) > 0;
    };
    const auto toldFromKept = [&] {
        return status({QStringLiteral("--json")}).out.contains(QLatin1String("\"noted\":7"));
    };
    const auto frame = [&](const QString &given, const QStringList &options) {
        return director(QStringList{QStringLiteral("frame"), given} + options).exitCode == 0;
    };
    const QStringList reject{QStringLiteral("2"), QStringLiteral("--status=AUDIT_FAIL"),
                             QStringLiteral("--reason=SF02_PALETTE_DRIFT"),
                             QStringLiteral("--reviewer=Ada")};
    QVERIFY(frame(run(), reject));
    QVERIFY(keptBytes().contains("\"sessionFile\""));
    // Told at once (the session saved a moment ago), as the whole run tells it.
    for (const QStringList &options : {QStringList(), QStringList{QStringLiteral("--json")},
                                       QStringList{QStringLiteral("--lang=de")}}) {
        const DirectorProcess::Result told = status(options);
        QCOMPARE(told.exitCode, 0);
        QCOMPARE(told.out, status(options + QStringList{QStringLiteral("--no-cache")}).out);
        QVERIFY2(told.out.contains(QLatin1String("Ada")), qPrintable(told.out));
    }
    QVERIFY(plantSeven());
    QVERIFY(toldFromKept());

    // Another program writes the session file, the same bytes, its modification time put back
    // (and the status is kept again after that): read again.
    const QString sessionPath = run() + QStringLiteral("/director_session.json");
    QFile session(sessionPath);
    QVERIFY(session.open(QIODevice::ReadOnly));
    QVERIFY(rewriteKeepingItsTime(sessionPath, session.readAll()));
    session.close();
    QVERIFY(plantSeven());
    QVERIFY(!toldFromKept());
    QCOMPARE(status({QStringLiteral("--json")}).out,
             status({QStringLiteral("--json"), QStringLiteral("--no-cache")}).out);

    // The next change keeps its own; the pipeline then writes: the run is read again.
    QVERIFY(frame(run(), {QStringLiteral("1"), QStringLiteral("--note=the cape")}));
    QVERIFY(plantSeven());
    QVERIFY(toldFromKept());
    QVERIFY(RunFixture::writeAudit(run(), 3, true, {}, 0.5));
    RunFixture::letSettle();
    QVERIFY(!toldFromKept());
    const QString retried = status({QStringLiteral("--json")}).out;
    QCOMPARE(retried, status({QStringLiteral("--json"), QStringLiteral("--no-cache")}).out);
    QVERIFY2(retried.contains(QLatin1String("\"noted\":1")), qPrintable(retried));

    // A change to the run given through a link keeps nothing; a discard keeps its status.
    const QString link = m_dir->path() + QStringLiteral("/latest");
    QVERIFY(QFile::link(run(), link));
    const QByteArray before = keptBytes();
    QVERIFY(frame(link, {QStringLiteral("0"), QStringLiteral("--note=through the link")}));
    QCOMPARE(keptBytes(), before);
    QCOMPARE(director({QStringLiteral("discard"), run()}).exitCode, 0);
    QVERIFY(keptBytes().contains("\"sessionFile\""));
    const QString discarded = status({QStringLiteral("--json")}).out;
    QVERIFY2(discarded.contains(QLatin1String("\"status\":\"discarded\"")), qPrintable(discarded));
    QCOMPARE(discarded, status({QStringLiteral("--json"), QStringLiteral("--no-cache")}).out);
}

// A run whose JSON names one of the session's files (its part of the fingerprint leaves them
// out): the session's own save changes what a read of the run finds (here, the backup the
// change's save makes), so a change keeps no status of it, and the next status reads the run.
void TestStatusCache::aRunThatNamesTheSessionFilesIsToldFromTheRun()
{
    QVERIFY(RunFixture::writeStateApprovingAt(run(), QStringLiteral("director_session.json.bak")));
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run())); // saved once: no backup yet
    }
    QVERIFY(!QFile::exists(run() + QStringLiteral("/director_session.json.bak")));
    RunFixture::letSettle();
    QCOMPARE(director({QStringLiteral("frame"), run(), QStringLiteral("1"),
                       QStringLiteral("--note=the cape")})
                 .exitCode,
             0);
    QVERIFY(QFile::exists(run() + QStringLiteral("/director_session.json.bak")));
    const QStringList kept = QDir(cache() + QStringLiteral("/Director/director/status"))
                                 .entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : kept) {
        QFile file(cache() + QStringLiteral("/Director/director/status/") + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("\"sessionFile\""));
    }
    for (const QStringList &options : {QStringList(), QStringList{QStringLiteral("--json")}}) {
        const DirectorProcess::Result told = status(options);
        QCOMPARE(told.exitCode, 0);
        QCOMPARE(told.out, status(options + QStringList{QStringLiteral("--no-cache")}).out);
    }
}

// Both caches, once the command keeps something in them: the files of runs not looked at for 30
// days go, and so do what a write cut short left a day ago; a write under way, a file not 30 days
// old and what is not the cache's stay.
void TestStatusCache::whatIsOldInTheCacheIsRemoved()
{
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
    }
    RunFixture::letSettle();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto plant = [&](const QString &path, int hoursAgo) {
        QFile file(path);
        return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly) &&
               file.write("kept") == 4 && file.flush() &&
               file.setFileTime(now.addSecs(-3600 * qint64(hoursAgo)),
                                QFileDevice::FileModificationTime);
    };
    const QString folder = cache() + QStringLiteral("/Director/director/");
    const QStringList gone{QStringLiteral("status/aa.json.Ab12Cd"),
                           QStringLiteral("status/bb.json"), QStringLiteral("run/aa.read.Ab12Cd"),
                           QStringLiteral("run/bb.read")};
    const QStringList stay{
        QStringLiteral("status/cc.json.Ef34Gh"), QStringLiteral("status/dd.json"),
        QStringLiteral("status/ee.txt"),         QStringLiteral("run/cc.read.Ef34Gh"),
        QStringLiteral("run/dd.read"),           QStringLiteral("run/ee.json")};
    for (const QString &name : gone)
        QVERIFY(plant(folder + name, name.endsWith(QLatin1String("Cd")) ? 25 : 31 * 24));
    for (const QString &name : stay)
        QVERIFY(plant(folder + name, name.endsWith(QLatin1String("Gh")) ? 23 : 29 * 24 + 23));
    QCOMPARE(status().exitCode, 0);
    for (const QString &name : gone)
        QVERIFY2(!QFile::exists(folder + name), qPrintable(name));
    for (const QString &name : stay)
        QVERIFY2(QFile::exists(folder + name), qPrintable(name));
    // What the command kept beside them: a status and a read, and nothing left of their writes.
    QCOMPARE(QDir(folder + QStringLiteral("status")).entryList({QStringLiteral("*.json")}).size(),
             2);
    QCOMPARE(QDir(folder + QStringLiteral("run")).entryList({QStringLiteral("*.read")}).size(), 2);
}

QTEST_GUILESS_MAIN(TestStatusCache)
#include "tst_statuscache.moc"
