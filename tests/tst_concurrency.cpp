#include "runfixture.h"
#include "session/sessioncodec.h"
#include "xsession.h"

#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

// Two real Director processes on one run, started together, many times over:
// headless + headless, window + headless, window + window. At any moment at
// most one of them is the writer (it holds director_session.json.lock); the
// other is refused: a headless command with exit code 3 and a message naming
// the holder, a window with its "The run is open elsewhere" box, which offers
// to look read-only or to quit. The session file always loads and validates,
// and holds exactly the changes of the commands that reported success.
//
// Both processes are started before either is waited for (every other
// window + headless round, the command up to 200 ms after the window: back to
// back, it is always done before the window reaches the lock). A headless
// command may finish before the other process reaches the lock; then both
// write, one after the other, and that is fine. A window killed at the end of a round
// leaves its lock behind (its process is gone): the next round takes it over.
//
// DIRECTOR_RACE_ROUNDS sets the number of rounds of every pairing (default
// 100). Each pairing prints "N rounds, W one writer, R refused, I interleaved
// files": W counts the rounds in which one process was refused while the
// other held the lock, R the refused processes; the other N - W rounds ran
// one after the other.
class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headlessAndHeadless();
    void windowAndHeadless();
    void windowAndWindow();

private:
    enum class Window
    {
        Undecided,
        Writer,  // holds the lock, the session open in its main window
        Refused, // shows "The run is open elsewhere"
        Gone,    // exited
    };
    struct Tally
    {
        int rounds = 0;
        int oneWriter = 0;    // rounds in which the other process was refused
        int refused = 0;      // refused processes
        int interleaved = 0;  // rounds after which the file did not load, or lost a change
        QStringList problems; // those, and refusals that do not name the holder
    };

    static QString executable() { return qEnvironmentVariable("DIRECTOR_EXECUTABLE"); }
    static int rounds();
    QString runDir() const { return m_dir.path() + QStringLiteral("/run"); }
    QString sessionPath() const { return runDir() + QStringLiteral("/director_session.json"); }
    QString config() const { return m_dir.path() + QStringLiteral("/config"); }

    void startHeadless(QProcess &process, int frame, const QString &note) const;
    void startWindow(QProcess &process) const;
    // Waits for a headless command's end: its exit code, or -1.
    static int finish(QProcess &process);
    // The pid in the lock file, 0 when there is none.
    qint64 lockHolder() const;
    bool hasWindow(qint64 pid, const QString &title) const;
    Window windowState(const QProcess &process, qint64 pid) const;
    // Waits until the window is the writer or refused (or gone).
    Window decide(const QProcess &process, qint64 pid) const;
    // A refused window: Escape quits it, Return opens the run read-only.
    // Returns what went wrong, or an empty string.
    QString answerRefusal(QProcess &window, qint64 pid, bool readOnly, qint64 writer) const;
    static void kill(QProcess &process);
    // Reads the file after a round: loads and validates, the same session,
    // and frames 0 and 1 hold exactly the notes of the commands that succeeded.
    void check(Tally &tally, int round);
    static bool namesHolder(const QString &message, qint64 pid);
    static void report(const char *pairing, const Tally &tally);

    XSession m_x;
    QTemporaryDir m_dir;
    QString m_sessionId;
    QString m_notes[2]; // what frames 0 and 1 must hold
    QRandomGenerator m_random{20261125};
};

namespace {
const QString lockedTitle = QStringLiteral("The run is open elsewhere");
// The main window's title once a session is open: "run_test · idle_standard — Director".
const QString sessionTitle = QStringLiteral("run_test");
} // namespace

int TestConcurrency::rounds()
{
    const int wanted = qEnvironmentVariableIntValue("DIRECTOR_RACE_ROUNDS");
    return wanted > 0 ? wanted : 100;
}

void TestConcurrency::initTestCase()
{
    QVERIFY2(QFile::exists(executable()), "DIRECTOR_EXECUTABLE must name the director executable");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_x.start(&error), qPrintable(error));
    QVERIFY(RunFixture::writeMixedRun(runDir()));
    // The session exists before the races: its id must never change.
    QProcess first;
    startHeadless(first, 0, QStringLiteral("start"));
    QCOMPARE(finish(first), 0);
    m_notes[0] = QStringLiteral("start");
    QFile file(sessionPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const SessionDecodeResult decoded = SessionCodec::decode(file.readAll());
    QVERIFY2(decoded.isOk(), qPrintable(decoded.errorText()));
    m_sessionId = decoded.session->sessionId;
    QVERIFY(!m_sessionId.isEmpty());
    if (const auto frame = decoded.session->frames.value(1).directorOverrides.notes)
        m_notes[1] = *frame;
}

void TestConcurrency::startHeadless(QProcess &process, int frame, const QString &note) const
{
    process.start(executable(), {QStringLiteral("frame"), runDir(), QString::number(frame),
                                 QStringLiteral("--note=") + note});
}

void TestConcurrency::startWindow(QProcess &process) const
{
    process.setProcessEnvironment(m_x.environment(config()));
    // What a window says on stderr (a sanitizer's report, say) shows in the log.
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(executable(), {runDir()});
}

int TestConcurrency::finish(QProcess &process)
{
    if (!process.waitForFinished(60000)) {
        kill(process);
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestConcurrency::kill(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill();
    process.waitForFinished();
}

qint64 TestConcurrency::lockHolder() const
{
    QLockFile lock(sessionPath() + QStringLiteral(".lock"));
    qint64 pid = 0;
    return lock.getLockInfo(&pid, nullptr, nullptr) ? pid : 0;
}

bool TestConcurrency::hasWindow(qint64 pid, const QString &title) const
{
    return !m_x.windows(pid, title, 0).isEmpty();
}

TestConcurrency::Window TestConcurrency::windowState(const QProcess &process, qint64 pid) const
{
    if (process.state() != QProcess::Running)
        return Window::Gone;
    // The window opens the run before its event loop starts, so by the time
    // it is on the screen the lock is decided.
    if (hasWindow(pid, lockedTitle))
        return Window::Refused;
    if (lockHolder() == pid && hasWindow(pid, sessionTitle))
        return Window::Writer;
    return Window::Undecided;
}

TestConcurrency::Window TestConcurrency::decide(const QProcess &process, qint64 pid) const
{
    Window state = Window::Undecided;
    [[maybe_unused]] const bool decided = QTest::qWaitFor(
        [&] { return (state = windowState(process, pid)) != Window::Undecided; }, 30000);
    return state;
}

QString TestConcurrency::answerRefusal(QProcess &window, qint64 pid, bool readOnly,
                                       qint64 writer) const
{
    const QStringList boxes = m_x.windows(pid, lockedTitle, 0);
    if (boxes.isEmpty())
        return QStringLiteral("the box went away");
    if (!m_x.xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), boxes.first()}) ||
        !m_x.xdotool({QStringLiteral("key"),
                      readOnly ? QStringLiteral("Return") : QStringLiteral("Escape")}))
        return QStringLiteral("xdotool could not answer the box");
    if (!readOnly) {
        // "Quit": no session is open in it, so the window closes and Director ends.
        if (!window.waitForFinished(10000))
            return QStringLiteral("Escape did not quit the refused window");
        if (window.exitStatus() != QProcess::NormalExit || window.exitCode() != 0)
            return QStringLiteral("the refused window quit with %1").arg(window.exitCode());
        return {};
    }
    // "Open Read-Only": the session is shown, the lock stays with the writer.
    if (!QTest::qWaitFor(
            [&] { return !hasWindow(pid, lockedTitle) && hasWindow(pid, sessionTitle); }, 10000))
        return QStringLiteral("Return did not open the run read-only");
    if (window.state() != QProcess::Running)
        return QStringLiteral("the read-only window ended");
    if (lockHolder() != writer)
        return QStringLiteral("the lock went from %1 to %2").arg(writer).arg(lockHolder());
    return {};
}

void TestConcurrency::check(Tally &tally, int round)
{
    QFile file(sessionPath());
    const SessionDecodeResult decoded = file.open(QIODevice::ReadOnly)
                                            ? SessionCodec::decode(file.readAll())
                                            : SessionDecodeResult();
    QString problem;
    if (!decoded.isOk()) {
        problem = decoded.errorText();
    } else if (decoded.session->sessionId != m_sessionId) {
        problem = QStringLiteral("the session id changed");
    } else {
        for (int frame = 0; frame < 2; ++frame) {
            const QString stored =
                decoded.session->frames.value(frame).directorOverrides.notes.value_or(QString());
            if (stored != m_notes[frame]) {
                problem += QStringLiteral("frame %1 holds note \"%2\", not \"%3\"; ")
                               .arg(frame)
                               .arg(stored, m_notes[frame]);
            }
        }
    }
    if (!problem.isEmpty()) {
        ++tally.interleaved;
        tally.problems.append(QStringLiteral("round %1: %2").arg(round).arg(problem));
    }
}

bool TestConcurrency::namesHolder(const QString &message, qint64 pid)
{
    return message.contains(QStringLiteral("The session is open in another Director")) &&
           message.contains(QStringLiteral("process %1 on ").arg(pid));
}

void TestConcurrency::report(const char *pairing, const Tally &tally)
{
    // The figures the README quotes.
    qInfo("race (%s): %d rounds, %d one writer, %d refused, %d interleaved files", pairing,
          tally.rounds, tally.oneWriter, tally.refused, tally.interleaved);
    for (const QString &problem : tally.problems.mid(0, 10))
        qWarning("  %s", qPrintable(problem));
}

void TestConcurrency::headlessAndHeadless()
{
    // Exit codes: 0 or 3 each. A 3 means the lock was held by a running
    // Director at that moment, and the only other one is the partner, which
    // therefore got the lock: never both 3. Both 0 when they ran one after
    // the other.
    Tally tally;
    for (int round = 0; round < rounds(); ++round) {
        const QString notes[2] = {QStringLiteral("hh %1 a").arg(round),
                                  QStringLiteral("hh %1 b").arg(round)};
        QProcess a;
        QProcess b;
        startHeadless(a, 0, notes[0]);
        startHeadless(b, 1, notes[1]);
        QVERIFY(a.waitForStarted());
        QVERIFY(b.waitForStarted());
        const qint64 pids[2] = {a.processId(), b.processId()};
        const int codes[2] = {finish(a), finish(b)};
        const QString errors[2] = {QString::fromLocal8Bit(a.readAllStandardError()),
                                   QString::fromLocal8Bit(b.readAllStandardError())};
        const QString what = QStringLiteral("round %1: [pid %2, exit %3: %4] [pid %5, exit %6: %7]")
                                 .arg(round)
                                 .arg(pids[0])
                                 .arg(codes[0])
                                 .arg(errors[0].trimmed())
                                 .arg(pids[1])
                                 .arg(codes[1])
                                 .arg(errors[1].trimmed());
        ++tally.rounds;
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(codes[i] == 0 || codes[i] == 3, qPrintable(what));
            if (codes[i] == 0) {
                m_notes[i] = notes[i];
            } else {
                if (!namesHolder(errors[i], pids[1 - i]))
                    tally.problems.append(QStringLiteral("refused without naming the holder: ") +
                                          what);
                ++tally.refused;
            }
        }
        QVERIFY2(codes[0] == 0 || codes[1] == 0,
                 qPrintable(QStringLiteral("both refused: ") + what));
        if (codes[0] != codes[1])
            ++tally.oneWriter;
        check(tally, round);
    }
    report("headless+headless", tally);
    QCOMPARE(tally.interleaved, 0);
    QVERIFY2(tally.problems.isEmpty(), qPrintable(tally.problems.join(u'\n')));
}

void TestConcurrency::windowAndHeadless()
{
    // The headless command is 0 or 3, the window the writer or refused:
    //  - the command 3: the window held the lock, and the message names it;
    //  - the window refused: the command held the lock, so it succeeded;
    //  - both wrote: the command was done before the window reached the lock.
    // Started back to back, the command is done before the window has even
    // connected to the display: every other round it starts up to 200 ms
    // later, so that it also meets the window's lock.
    Tally tally;
    for (int round = 0; round < rounds(); ++round) {
        const QString note = QStringLiteral("gh %1").arg(round);
        QProcess window;
        QProcess command;
        startWindow(window);
        if (round % 2 == 1)
            QTest::qSleep(int(m_random.bounded(200)));
        startHeadless(command, 0, note);
        QVERIFY(window.waitForStarted());
        QVERIFY(command.waitForStarted());
        const qint64 windowPid = window.processId();
        const qint64 commandPid = command.processId();
        const int code = finish(command);
        const QString error = QString::fromLocal8Bit(command.readAllStandardError());
        const Window state = decide(window, windowPid);
        const QString what = QStringLiteral("round %1: window %2 in state %3, lock held by %4; "
                                            "command [pid %5, exit %6: %7]")
                                 .arg(round)
                                 .arg(windowPid)
                                 .arg(int(state))
                                 .arg(lockHolder())
                                 .arg(commandPid)
                                 .arg(code)
                                 .arg(error.trimmed());
        ++tally.rounds;
        QVERIFY2(code == 0 || code == 3, qPrintable(what));
        QVERIFY2(state == Window::Writer || state == Window::Refused, qPrintable(what));
        if (code == 0)
            m_notes[0] = note;
        if (code == 3) {
            QVERIFY2(state == Window::Writer, qPrintable(QStringLiteral("both refused: ") + what));
            if (!namesHolder(error, windowPid))
                tally.problems.append(QStringLiteral("refused without naming the holder: ") + what);
            ++tally.refused;
            ++tally.oneWriter;
        }
        if (state == Window::Writer) {
            QVERIFY2(!hasWindow(windowPid, lockedTitle), qPrintable(what));
            QCOMPARE(lockHolder(), windowPid);
        } else {
            ++tally.refused;
            ++tally.oneWriter;
            const QString answer = answerRefusal(window, windowPid, round % 2 == 1, 0);
            QVERIFY2(answer.isEmpty(), qPrintable(answer + QStringLiteral(": ") + what));
        }
        kill(window);
        check(tally, round);
    }
    report("GUI+headless", tally);
    QCOMPARE(tally.interleaved, 0);
    QVERIFY2(tally.problems.isEmpty(), qPrintable(tally.problems.join(u'\n')));
}

void TestConcurrency::windowAndWindow()
{
    // Windows hold the lock until they end: exactly one is the writer, the
    // other refused, whichever was first. The refused one quits (Escape) or
    // opens the run read-only (Return), in turn.
    Tally tally;
    for (int round = 0; round < rounds(); ++round) {
        QProcess windows[2];
        startWindow(windows[0]);
        startWindow(windows[1]);
        QVERIFY(windows[0].waitForStarted());
        QVERIFY(windows[1].waitForStarted());
        const qint64 pids[2] = {windows[0].processId(), windows[1].processId()};
        const Window states[2] = {decide(windows[0], pids[0]), decide(windows[1], pids[1])};
        const QString what =
            QStringLiteral("round %1: windows %2 (state %3) and %4 (state %5), lock held by %6")
                .arg(round)
                .arg(pids[0])
                .arg(int(states[0]))
                .arg(pids[1])
                .arg(int(states[1]))
                .arg(lockHolder());
        ++tally.rounds;
        for (const Window state : states)
            QVERIFY2(state == Window::Writer || state == Window::Refused, qPrintable(what));
        QVERIFY2(states[0] != states[1],
                 qPrintable((states[0] == Window::Writer ? QStringLiteral("two writers: ")
                                                         : QStringLiteral("both refused: ")) +
                            what));
        const int writer = states[0] == Window::Writer ? 0 : 1;
        QCOMPARE(lockHolder(), pids[writer]);
        QVERIFY2(!hasWindow(pids[writer], lockedTitle), qPrintable(what));
        ++tally.oneWriter;
        ++tally.refused;
        const QString answer =
            answerRefusal(windows[1 - writer], pids[1 - writer], round % 2 == 1, pids[writer]);
        QVERIFY2(answer.isEmpty(), qPrintable(answer + QStringLiteral(": ") + what));
        kill(windows[0]);
        kill(windows[1]);
        check(tally, round);
    }
    report("GUI+GUI", tally);
    QCOMPARE(tally.interleaved, 0);
    QVERIFY2(tally.problems.isEmpty(), qPrintable(tally.problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
