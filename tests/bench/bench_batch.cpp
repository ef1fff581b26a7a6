// A verdict on a whole selection never stalls the window: the real MainWindow on a run of
// 10,000 frames (DIRECTOR_BENCH_FRAMES), every frame selected (Ctrl+A in the filmstrip), then
// A (approve them all), Ctrl+Z (one undo step), X with a reason (the reason picker's first code).
// Prints, for each, the longest GUI-thread stall (the longest gap between the ticks of a 1 ms
// timer, and the most CPU time the GUI thread spent between two ticks) and the time from the
// key until the change is saved. DIRECTOR_BENCH_DIR: see main().

#include "benchutil.h"
#include "filmstrip.h"
#include "mainwindow.h"
#include "reasonpicker.h"
#include "review/reviewhistory.h"
#include "review/sessionmanager.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>

namespace {

int frameCount()
{
    const int wanted = qEnvironmentVariableIntValue("DIRECTOR_BENCH_FRAMES");
    return wanted > 0 ? wanted : 10000;
}

struct Step
{
    double stallMs = 0;
    double cpuMs = 0;
    double savedAfterMs = 0;
};

struct Figures
{
    Step approve;
    Step undo;
    Step reject;
};

void answerPicker(MainWindow *window)
{
    for (ReasonPicker *picker : window->findChildren<ReasonPicker *>()) {
        if (picker->isVisible()) {
            QTest::keyClicks(picker->filter(), QStringLiteral("1"));
            QTest::keyClick(picker->filter(), Qt::Key_Return);
        }
    }
}

// `press` 20 ms after the meter starts; measured until the session is saved and the GUI thread
// has had 20 ms more (what comes in queued after the save).
Step measure(MainWindow *window, const std::function<void()> &press,
             const std::function<bool()> &done)
{
    SessionManager *manager = window->manager();
    bench::StallMeter meter; // 1 ms ticks
    QEventLoop loop;
    QElapsedTimer sincePress;
    double savedAt = -1;
    bool pressed = false;
    const auto check = [&] {
        if (pressed && savedAt < 0 && manager->saveState() == SessionManager::SaveState::Saved &&
            done()) {
            savedAt = bench::elapsedMs(sincePress);
            QTimer::singleShot(20, &loop, &QEventLoop::quit);
        }
    };
    const QMetaObject::Connection saved =
        QObject::connect(manager, &SessionManager::saveStateChanged, &loop, check);
    QTimer poll; // a step that changes nothing saves nothing
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    poll.start(5);
    QTimer::singleShot(20, &loop, [&] {
        sincePress.start();
        pressed = true;
        press();
        check();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    meter.start();
    loop.exec();
    meter.stop();
    QObject::disconnect(saved);
    if (savedAt < 0)
        qFatal("not saved: %s", qPrintable(manager->saveError()));
    return {meter.longestStallMs(), meter.longestCpuMs(), savedAt};
}

bool allAre(SessionManager *manager, FrameStatus status, int *count = nullptr)
{
    int n = 0;
    for (const DirectorFrameState &frame : manager->session().frames)
        n += frame.status == status;
    if (count)
        *count = n;
    return n > 0;
}

Figures windowRun(const QString &run)
{
    Figures figures;
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window) || !window.openRun(run))
        qFatal("the window did not open %s", qPrintable(run));
    window.setCurrentFrame(0);
    SessionManager *manager = window.manager();
    QTest::qWait(200); // the first thumbnails, the motion plot's measure

    Filmstrip *filmstrip = window.filmstrip();
    filmstrip->setFocus();
    QTest::keyClick(filmstrip, Qt::Key_A, Qt::ControlModifier);
    const qsizetype selected = filmstrip->selectionModel()->selectedRows().size();
    if (selected != manager->session().frames.size())
        qFatal("Ctrl+A selected %lld of %lld frames", qlonglong(selected),
               qlonglong(manager->session().frames.size()));
    const DirectorSession before = manager->session();
    const int steps = window.history()->stack()->count();

    figures.approve = measure(
        &window, [&] { QTest::keyClick(&window, Qt::Key_A); },
        [&] { return window.history()->stack()->count() == steps + 1; });
    int approved = 0;
    allAre(manager, FrameStatus::Approved, &approved);
    figures.undo = measure(
        &window, [&] { QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier); },
        [&] { return window.history()->stack()->index() == steps; });
    if (manager->session().frames != before.frames)
        qFatal("the undo did not put every frame back");
    // The undo made its first frame the current one, alone selected: every frame again.
    filmstrip->setFocus();
    QTest::keyClick(filmstrip, Qt::Key_A, Qt::ControlModifier);
    if (filmstrip->selectionModel()->selectedRows().size() != selected)
        qFatal("Ctrl+A did not select every frame again");
    figures.reject = measure(
        &window,
        [&] {
            // X, then the reason 30 ms later: the operator's two keys, two events.
            QTest::keyClick(&window, Qt::Key_X);
            QTimer::singleShot(30, &window, [&] { answerPicker(&window); });
        },
        [&] { return window.history()->stack()->index() == steps + 1; });
    int rejected = 0;
    allAre(manager, FrameStatus::AuditFail, &rejected);
    if (qEnvironmentVariableIsSet("DIRECTOR_BENCH_TRACE"))
        std::fprintf(stderr, "approved %d, rejected %d of %lld\n", approved, rejected,
                     qlonglong(before.frames.size()));
    if (manager->waitForSaves())
        window.close();
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    bench::quietQt();
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("DirectorBenchmarks"));

    QTemporaryDir dir;
    const QString run = dir.path() + QStringLiteral("/run");
    // DIRECTOR_BENCH_DIR=<folder>: a run_<frames> with a session made before there (by this
    // benchmark, or its siblings, e.g. bench_scale) is copied instead of writing a new one; the
    // first time, one is written there (bench::makeLongRun, its session created as the window
    // creates it) and kept.
    const QString ready =
        qEnvironmentVariable("DIRECTOR_BENCH_DIR") + QStringLiteral("/run_%1").arg(frameCount());
    const QString readySession = ready + QStringLiteral("/director_session.json");
    if (qEnvironmentVariableIsSet("DIRECTOR_BENCH_DIR") && !QFileInfo::exists(readySession)) {
        if (!bench::makeLongRun(ready, frameCount()))
            return 1;
        SessionManager manager;
        bench::check(manager.initializeOrResume(ready), "creating the session");
        manager.close();
    }
    const bool copied =
        qEnvironmentVariableIsSet("DIRECTOR_BENCH_DIR") && QFileInfo::exists(readySession) &&
        QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), ready, run}) == 0;
    if (!copied && !bench::makeRun(run, frameCount()))
        return 1;

    bench::heading(
        QStringLiteral("a verdict on every frame of %1 in the window").arg(frameCount()));
    QList<Figures> all;
    for (int r = 0; r < bench::runs(); ++r)
        all.append(windowRun(run));
    const auto print = [&](const QString &what, Step Figures::*step) {
        QList<double> stall, cpu, saved;
        for (const Figures &f : all) {
            stall.append((f.*step).stallMs);
            cpu.append((f.*step).cpuMs);
            saved.append((f.*step).savedAfterMs);
        }
        bench::print(what + QStringLiteral(": longest GUI-thread stall"), bench::median(stall),
                     QStringLiteral("ms"), QStringLiteral("goal <= 16 ms"));
        bench::print(what + QStringLiteral(": most GUI-thread CPU between ticks"),
                     bench::median(cpu), QStringLiteral("ms"), QStringLiteral("goal <= 16 ms"));
        bench::print(what + QStringLiteral(": saved after"), bench::median(saved),
                     QStringLiteral("ms"));
    };
    print(QStringLiteral("A (approve all)"), &Figures::approve);
    print(QStringLiteral("Ctrl+Z (undo it)"), &Figures::undo);
    print(QStringLiteral("X + reason (reject all)"), &Figures::reject);
    return 0;
}
