#include "runfixture.h"
#include "session/sessioncodec.h"
#include "xsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>

// The crash loop: the real director, headless and in its window, killed with
// SIGKILL at random moments while it saves, and started again. After every
// kill the session file must load and validate, be the same session, and hold
// every change whose command returned (or that the window had shown as saved);
// no temporary file may be left to grow.
//
// DIRECTOR_KILLS sets the number of kills of the headless loops (default 40; the patch and
// commit loops take a quarter),
// DIRECTOR_WINDOW_KILLS that of the window's (default 20); .ci/crashloop runs
// the long loop. Each loop prints "kills, lost changes, unreadable files".
// When to kill a command: at a random moment of its life as the commands that ran to their end
// measured it (up to a quarter past their median), once `learn` of them have; before that,
// never. `spare`: one command in that many is let run to its end all the same.
class KillTiming
{
public:
    KillTiming(QRandomGenerator &random, qsizetype learn, qsizetype keep, int spare = 0)
        : m_random(random), m_learn(learn), m_keep(keep), m_spare(spare)
    {}

    // Milliseconds after its start to kill the next command; < 0: let it run.
    int killAfterMs()
    {
        if (m_lifetimes.size() < m_learn || (m_spare > 0 && m_random.bounded(m_spare) == 0))
            return -1;
        std::sort(m_lifetimes.begin(), m_lifetimes.end());
        const qint64 life = m_lifetimes.at(m_lifetimes.size() / 2);
        return int(m_random.bounded(life + life / 4 + 1));
    }
    // A command ran to its end in `ms`.
    void ranFor(qint64 ms)
    {
        if (m_lifetimes.size() < m_keep)
            m_lifetimes.append(ms);
    }

private:
    QRandomGenerator &m_random;
    qsizetype m_learn;
    qsizetype m_keep;
    int m_spare;
    QList<qint64> m_lifetimes;
};

class TestCrashLoop : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void headlessChangesSurviveSigkill();
    void windowChangesSurviveSigkill();
    void patchesSurviveSigkill();
    void commitsSurviveSigkill();

private:
    struct Tally
    {
        int kills = 0;
        int lost = 0;       // changes that had been acknowledged and were not in the file
        int unreadable = 0; // kills after which the file did not load and validate
        int strays = 0;     // temporary files found lying around
        QStringList problems;
    };
    // Reads the file after a kill; nudges[] gets each frame's stored x offset.
    // After a command that ran to its end (finished), nothing a killed one
    // left behind may still be there: the next writer removes it.
    bool check(Tally &tally, const QString &sessionId, QVector<int> *nudges, bool finished);
    QStringList strays() const;
    // `director frame RUN 0 --note=TEXT` to its end; its exit code.
    int note(const QString &text) const;
    static void report(const char *loop, const Tally &tally);
    // `director ARGUMENTS` to its end, or killed after `killAfterMs` (< 0: never); whether it
    // ran to its end, and its exit code then.
    static bool runDirector(const QStringList &arguments, int killAfterMs, int *exitCode);
    // A run of `frames` frames, all passed, with a session, and approved/ holding what the
    // pipeline approved before the review (frameImage(i + 7)); those files' bytes.
    static bool writeCommitRun(const QString &run, int frames, QList<QByteArray> *previous);

    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_runFiles; // what the run folder held before Director saw it
    QRandomGenerator m_random{20261125};
};

void TestCrashLoop::init()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("DIRECTOR_EXECUTABLE")),
             "DIRECTOR_EXECUTABLE must name the director executable");
    m_dir = std::make_unique<QTemporaryDir>();
    // Frames wide enough for every nudge of a long run (each moves a frame
    // one pixel to the right; one that would move it off its canvas is refused).
    QVERIFY(RunFixture::writeMixedRun(runDir(), QStringLiteral("run_test"), 1024));
    m_runFiles = QDir(runDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    // The session exists before the loop starts: its id must never change.
    QCOMPARE(note(QStringLiteral("start")), 0);
}

int TestCrashLoop::note(const QString &text) const
{
    QProcess process;
    process.start(
        qEnvironmentVariable("DIRECTOR_EXECUTABLE"),
        {QStringLiteral("frame"), runDir(), QStringLiteral("0"), QStringLiteral("--note=") + text});
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit
               ? process.exitCode()
               : -1;
}

QStringList TestCrashLoop::strays() const
{
    static const QRegularExpression own(
        QStringLiteral("^director_session\\.json(\\.bak|\\.lock)?$"));
    QStringList found;
    const QStringList names =
        QDir(runDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : names)
        if (!m_runFiles.contains(name) && !own.match(name).hasMatch())
            found.append(name);
    return found;
}

bool TestCrashLoop::check(Tally &tally, const QString &sessionId, QVector<int> *nudges,
                          bool finished)
{
    QFile file(sessionPath());
    const SessionDecodeResult decoded = file.open(QIODevice::ReadOnly)
                                            ? SessionCodec::decode(file.readAll())
                                            : SessionDecodeResult();
    if (!decoded.isOk() || decoded.session->sessionId != sessionId) {
        ++tally.unreadable;
        tally.problems.append(decoded.isOk() ? QStringLiteral("the session id changed")
                                             : decoded.errorText());
        return false;
    }
    nudges->fill(0);
    for (const DirectorFrameState &frame : decoded.session->frames) {
        if (frame.frameIndex < nudges->size() && frame.directorOverrides.alignment)
            (*nudges)[frame.frameIndex] = int(frame.directorOverrides.alignment->userOverrideX);
    }
    const QStringList left = strays();
    if (finished && !left.isEmpty()) {
        ++tally.strays;
        tally.problems.append(QStringLiteral("left behind: ") + left.join(u' '));
    }
    return true;
}

void TestCrashLoop::report(const char *loop, const Tally &tally)
{
    // The figures the README quotes.
    qInfo("crash loop (%s): %d kills, %d lost changes, %d unreadable files, %d stray files", loop,
          tally.kills, tally.lost, tally.unreadable, tally.strays);
    for (const QString &problem : tally.problems.mid(0, 10))
        qWarning("  %s", qPrintable(problem));
}

void TestCrashLoop::headlessChangesSurviveSigkill()
{
    // A stream of `director frame N --nudge=1,0`. A nudge whose command
    // returned 0 is on disk; a killed one may or may not be. So for every
    // frame: returned <= stored total <= returned + killed.
    const int wanted = qEnvironmentVariableIntValue("DIRECTOR_KILLS") > 0
                           ? qEnvironmentVariableIntValue("DIRECTOR_KILLS")
                           : 40;
    const QString sessionId = SessionCodec::decode([&] {
                                  QFile f(sessionPath());
                                  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                              }())
                                  .session.value_or(DirectorSession())
                                  .sessionId;
    QVERIFY(!sessionId.isEmpty());
    constexpr int frames = 5;
    QVector<int> returned(frames, 0);
    QVector<int> killed(frames, 0);
    QVector<int> stored(frames, 0);
    Tally tally;
    // Kill at a random moment of a command's life, which the first commands measure.
    KillTiming timing(m_random, 5, 50, 4);
    for (int n = 0; tally.kills < wanted; ++n) {
        const int frame = n % frames;
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"),
                      {QStringLiteral("frame"), runDir(), QString::number(frame),
                       QStringLiteral("--nudge=1,0")});
        QVERIFY(process.waitForStarted());
        if (const int killAfter = timing.killAfterMs(); killAfter >= 0) {
            QTest::qSleep(killAfter);
            process.kill();
        }
        QVERIFY(process.waitForFinished(60000));
        if (process.exitStatus() == QProcess::NormalExit) {
            QVERIFY2(
                process.exitCode() == 0,
                qPrintable(
                    QString::fromLocal8Bit(process.readAllStandardError()) +
                    QDir(runDir()).entryList(QDir::Files | QDir::Hidden).join(QLatin1Char(' '))));
            ++returned[frame];
            timing.ranFor(timer.elapsed());
        } else {
            ++killed[frame];
            ++tally.kills;
        }
        if (!check(tally, sessionId, &stored, process.exitStatus() == QProcess::NormalExit))
            continue;
        for (int f = 0; f < frames; ++f) {
            if (stored[f] < returned[f]) {
                tally.lost += returned[f] - stored[f];
                tally.problems.append(QStringLiteral("frame %1: %2 nudges returned, %3 stored")
                                          .arg(f)
                                          .arg(returned[f])
                                          .arg(stored[f]));
                returned[f] = stored[f]; // count each lost change once
            }
            QVERIFY2(stored[f] <= returned[f] + killed[f], "more nudges stored than were made");
        }
    }
    // One change that runs to its end removes whatever the last kill left.
    QCOMPARE(note(QStringLiteral("end")), 0);
    QCOMPARE(strays(), QStringList());

    report("director frame", tally);
    QCOMPARE(tally.lost, 0);
    QCOMPARE(tally.unreadable, 0);
    QCOMPARE(tally.strays, 0);
}

void TestCrashLoop::patchesSurviveSigkill()
{
    // A stream of `director patch RUN N --from FILE`, each file a new image of the frame, and
    // `--revert` now and then. After every kill: the session loads, every patch it names is
    // there whole (image and mask), a patched frame's imagePath is its latest patch, and
    // every patch whose command returned is recorded. A killed patch may leave its image and
    // mask, never recorded: the next patch takes the next free name.
    const int wanted = std::max(1, (qEnvironmentVariableIntValue("DIRECTOR_KILLS") > 0
                                        ? qEnvironmentVariableIntValue("DIRECTOR_KILLS")
                                        : 40) /
                                       4);
    constexpr int frames = 3;
    QVector<int> returned(frames, 0);
    QVector<int> killed(frames, 0);
    int kills = 0;
    KillTiming timing(m_random, 5, 50, 4);
    for (int n = 0; kills < wanted; ++n) {
        const int frame = n % frames;
        QStringList arguments{QStringLiteral("patch"), runDir(), QString::number(frame)};
        const bool revert = n % 7 == 6;
        if (revert) {
            arguments.append(QStringLiteral("--revert"));
        } else {
            QImage image = RunFixture::frameImage(frame, 1024);
            image.setPixel(n % 1024, 7, qRgba(n % 256, 255 - n % 256, 9, 255));
            const QString file = m_dir->filePath(QStringLiteral("patch_%1.png").arg(n));
            QVERIFY(image.save(file));
            arguments << QStringLiteral("--from") << file;
        }
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"), arguments);
        QVERIFY(process.waitForStarted());
        if (const int killAfter = timing.killAfterMs(); killAfter >= 0) {
            QTest::qSleep(killAfter);
            process.kill();
        }
        QVERIFY(process.waitForFinished(60000));
        const bool finished = process.exitStatus() == QProcess::NormalExit;
        if (finished) {
            // A revert of a frame a killed patch did not reach is refused (2): not patched.
            QVERIFY2(process.exitCode() == 0 || (revert && process.exitCode() == 2),
                     qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));
            if (!revert && process.exitCode() == 0)
                ++returned[frame];
            timing.ranFor(timer.elapsed());
        } else {
            ++kills;
            if (!revert)
                ++killed[frame];
        }
        QFile file(sessionPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const SessionDecodeResult decoded = SessionCodec::decode(file.readAll());
        QVERIFY2(decoded.isOk(), qPrintable(decoded.errorText()));
        for (int f = 0; f < frames; ++f) {
            const DirectorFrameState state = decoded.session->frames.value(f);
            const QList<PatchHistoryEntry> &history = state.directorOverrides.patchHistory;
            QVERIFY(history.size() >= returned[f]);
            QVERIFY(history.size() <= returned[f] + killed[f]);
            for (const PatchHistoryEntry &entry : history) {
                QVERIFY2(!QImage(runDir() + u'/' + entry.patchedPath).isNull(),
                         qPrintable(entry.patchedPath));
                QVERIFY2(!QImage(runDir() + u'/' + entry.maskPath).isNull(),
                         qPrintable(entry.maskPath));
            }
            if (state.directorOverrides.isPatched)
                QCOMPARE(state.imagePath, history.last().patchedPath);
        }
    }
    qInfo("crash loop (director patch): %d kills, every recorded patch whole", kills);
}

void TestCrashLoop::windowChangesSurviveSigkill()
{
    // The window on the run, nudged with Ctrl+→ by real key presses: a first
    // burst that the window shows as saved (the file holds it before the
    // test goes on), then a second burst during which it is killed. After
    // the kill the file holds the first burst, and at most the second.
    XSession x;
    QString error;
    QVERIFY2(x.start(&error), qPrintable(error));
    const int wanted = qEnvironmentVariableIntValue("DIRECTOR_WINDOW_KILLS") > 0
                           ? qEnvironmentVariableIntValue("DIRECTOR_WINDOW_KILLS")
                           : 20;
    const QString config = m_dir->path() + QStringLiteral("/config");
    QVector<int> stored(64, 0);
    Tally tally;
    QString sessionId;
    {
        QFile f(sessionPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        sessionId = SessionCodec::decode(f.readAll()).session->sessionId;
    }
    auto total = [&] { return std::accumulate(stored.cbegin(), stored.cend(), 0); };
    QVERIFY(check(tally, sessionId, &stored, true));
    while (tally.kills < wanted) {
        QProcess director;
        const QString window =
            x.startDirector(director, {runDir()}, config, QStringLiteral("run_test"));
        QVERIFY2(!window.isEmpty(), "the window did not open");
        const int before = total();

        // Burst 1: shown as saved.
        const int first = 1 + int(m_random.bounded(3));
        QStringList keys{QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("40")};
        for (int i = 0; i < first; ++i)
            keys.append(QStringLiteral("ctrl+Right"));
        QVERIFY(x.xdotool(keys));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return check(tally, sessionId, &stored, false) &&
                                total() == before + first;
                     },
                     20000),
                 "the window did not save the first burst");
        const int acknowledged = total();
        // Its save done, the window leaves nothing but its own files (the
        // backup's new link lives only between the file's rename and its own).
        if (!QTest::qWaitFor([&] { return strays().isEmpty(); }, 5000)) {
            ++tally.strays;
            tally.problems.append(QStringLiteral("left behind: ") + strays().join(u' '));
        }

        // Burst 2: killed at a random moment while the keys arrive.
        const int second = 2 + int(m_random.bounded(6));
        keys = {QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("25")};
        for (int i = 0; i < second; ++i)
            keys.append(QStringLiteral("ctrl+Right"));
        QProcess typing;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), x.display());
        typing.setProcessEnvironment(env);
        typing.start(QStringLiteral("xdotool"), keys);
        QTest::qSleep(int(m_random.bounded(25 * second + 100)));
        director.kill();
        QVERIFY(director.waitForFinished());
        ++tally.kills;
        typing.waitForFinished(10000);

        if (!check(tally, sessionId, &stored, false))
            continue;
        if (total() < acknowledged) {
            tally.lost += acknowledged - total();
            tally.problems.append(QStringLiteral("%1 nudges shown as saved, %2 in the file")
                                      .arg(acknowledged)
                                      .arg(total()));
        }
        QVERIFY2(total() <= acknowledged + second, "more nudges stored than were made");
    }
    report("window", tally);
    QCOMPARE(tally.lost, 0);
    QCOMPARE(tally.unreadable, 0);
    QCOMPARE(tally.strays, 0);
}

bool TestCrashLoop::runDirector(const QStringList &arguments, int killAfterMs, int *exitCode)
{
    QProcess process;
    process.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"), arguments);
    if (!process.waitForStarted())
        return false;
    if (killAfterMs >= 0) {
        QTest::qSleep(killAfterMs);
        process.kill();
    }
    process.waitForFinished(120000);
    *exitCode = process.exitCode();
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() != 0)
        qWarning("%s", process.readAllStandardError().constData());
    return process.exitStatus() == QProcess::NormalExit;
}

bool TestCrashLoop::writeCommitRun(const QString &run, int frames, QList<QByteArray> *previous)
{
    int exitCode = -1;
    if (!RunFixture::writeApprovedRun(run, frames) ||
        !runDirector(
            {QStringLiteral("frame"), run, QStringLiteral("0"), QStringLiteral("--note=ready")}, -1,
            &exitCode) ||
        exitCode != 0)
        return false;
    previous->clear();
    for (int f = 0; f < frames; ++f) {
        const QByteArray bytes = RunFixture::pngOf(f + 7);
        if (!RunFixture::writeFile(
                run + QStringLiteral("/approved/%1.png").arg(RunFixture::frameName(f)), bytes))
            return false;
        previous->append(bytes);
    }
    return true;
}

void TestCrashLoop::commitsSurviveSigkill()
{
    // `director commit` of a fresh run each round (what the pipeline approved is in approved/
    // already), SIGKILLed at a random moment: while frames are encoded and written, while the
    // batch of syncs runs (BatchSync), while they are renamed into place, or while the session
    // is saved. After every kill: each frame in approved/ is whole, either what the pipeline had
    // put there or the committed frame (never half-written, never missing, never another file);
    // a session that says committed has every committed frame in approved/. Then the same
    // commit, run to its end, leaves every committed frame and no staging folder.
    const int wanted = std::max(1, (qEnvironmentVariableIntValue("DIRECTOR_KILLS") > 0
                                        ? qEnvironmentVariableIntValue("DIRECTOR_KILLS")
                                        : 40) /
                                       4);
    constexpr int frames = 48;
    QList<QByteArray> committed; // what a finished commit writes (the same every round)
    KillTiming timing(m_random, 3, 20);
    int kills = 0;
    int oldState = 0;      // kills that left approved/ as it was
    int complete = 0;      // kills that left every committed frame in place
    int mixed = 0;         // kills during the renames: some frames old, some new
    int saidCommitted = 0; // kills after which the session said committed
    for (int n = 0; kills < wanted; ++n) {
        QVERIFY2(n < 20 * wanted, "the commits never got killed");
        const QString run = m_dir->path() + QStringLiteral("/commit_%1").arg(n);
        const QString approved = run + QStringLiteral("/approved");
        QList<QByteArray> previous;
        QVERIFY(writeCommitRun(run, frames, &previous));
        const int killAfter = timing.killAfterMs();
        QElapsedTimer timer;
        timer.start();
        int exitCode = -1;
        const bool finished = runDirector({QStringLiteral("commit"), run}, killAfter, &exitCode);
        if (finished) {
            QCOMPARE(exitCode, 0);
            timing.ranFor(timer.elapsed());
        } else {
            ++kills;
        }
        QFile sessionFile(run + QStringLiteral("/director_session.json"));
        QVERIFY(sessionFile.open(QIODevice::ReadOnly));
        const SessionDecodeResult decoded = SessionCodec::decode(sessionFile.readAll());
        QVERIFY2(decoded.isOk(), qPrintable(decoded.errorText()));
        const bool isCommitted = decoded.session->status == SessionStatus::Committed;
        QVERIFY(isCommitted || !finished);
        int olds = 0;
        int news = 0;
        for (int f = 0; f < frames; ++f) {
            QFile file(approved + QStringLiteral("/%1.png").arg(RunFixture::frameName(f)));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray bytes = file.readAll();
            if (committed.size() < frames) // the first commit, run to its end, says what it writes
                committed.append(bytes);
            QVERIFY2(bytes == committed.at(f) || bytes == previous.at(f),
                     qPrintable(QStringLiteral("round %1: %2 is neither the frame the pipeline "
                                               "approved nor the committed one")
                                    .arg(n)
                                    .arg(file.fileName())));
            (bytes == committed.at(f) ? news : olds) += 1;
        }
        QVERIFY2(!isCommitted || news == frames,
                 qPrintable(QStringLiteral("round %1: the session says committed, but %2 frames "
                                           "of approved/ are not the committed ones")
                                .arg(n)
                                .arg(olds)));
        if (finished)
            continue;
        saidCommitted += isCommitted;
        (news == frames ? complete : olds == frames ? oldState : mixed) += 1;
        if (isCommitted)
            continue;
        // The next commit removes what the killed one left and writes every frame.
        QVERIFY(runDirector({QStringLiteral("commit"), run}, -1, &exitCode));
        QCOMPARE(exitCode, 0);
        for (int f = 0; f < frames; ++f) {
            QFile file(approved + QStringLiteral("/%1.png").arg(RunFixture::frameName(f)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), committed.at(f));
        }
        QCOMPARE(
            QDir(approved).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
            frames);
    }
    qInfo("crash loop (director commit): %d kills: approved/ as it was after %d, complete after "
          "%d (the session saying committed after %d), old and new frames mixed after %d (killed "
          "while renaming; the session not committed); 0 half-written or missing frames",
          kills, oldState, complete, saidCommitted, mixed);
}

QTEST_GUILESS_MAIN(TestCrashLoop)
#include "tst_crashloop.moc"
