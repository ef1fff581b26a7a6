// Saving never stalls the window: 200 rapid edits (keyboard verdicts, nudges
// and drags) through the real MainWindow on a disk whose every sync takes
// 100 ms (DIRECTOR_BENCH_SYNC_MS). Prints the longest GUI-thread stall and
// the time from the last edit until it is durable; for reference, the same
// edits saved synchronously.

#include "benchutil.h"
#include "mainwindow.h"
#include "reasonpicker.h"
#include "review/sessionmanager.h"
#include "slowdisk.h"
#include "stageview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

namespace {

constexpr int editCount = 200;
constexpr int editIntervalMs = 10; // an operator at full speed, keys held down

int syncMs()
{
    const int wanted = qEnvironmentVariableIntValue("DIRECTOR_BENCH_SYNC_MS");
    return wanted > 0 ? wanted : 100;
}

// One edit of the sequence: verdicts, keyboard nudges, moves and, every 40
// edits, a drag on the stage.
void edit(MainWindow *window, int i)
{
    if (i % 40 == 39) {
        StageView *stage = window->stage();
        const QPoint start = stage->canvasRect().center();
        QTest::mousePress(stage->viewport(), Qt::LeftButton, {}, start);
        for (int step = 1; step <= 8; ++step)
            QTest::mouseMove(stage->viewport(), start + QPoint(step * 3, -step));
        QTest::mouseRelease(stage->viewport(), Qt::LeftButton, {}, start + QPoint(24, -8));
        return;
    }
    switch (i % 5) {
    case 0:
        QTest::keyClick(window, Qt::Key_A);
        break;
    case 1: // a rejection without a reason: X, then Enter in the reason picker
        QTest::keyClick(window, Qt::Key_X);
        for (ReasonPicker *picker : window->findChildren<ReasonPicker *>()) {
            if (picker->isVisible())
                QTest::keyClick(picker->filter(), Qt::Key_Return);
        }
        break;
    case 2:
        QTest::keyClick(window, Qt::Key_Right, Qt::ControlModifier);
        break;
    case 3:
        QTest::keyClick(window, Qt::Key_A);
        break;
    default:
        QTest::keyClick(window, Qt::Key_Right); // the next frame
        break;
    }
}

struct Figures
{
    double longestStallMs = 0;
    double durableAfterMs = 0;
    int writesAfterLastEdit = 0;
};

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
    SlowDisk disk(syncMs());

    bench::StallMeter meter; // 1 ms ticks
    meter.start();
    QElapsedTimer sinceLastEdit;
    int writesAtLastEdit = 0;
    int done = 0;
    QTimer editor;
    editor.setTimerType(Qt::PreciseTimer);
    editor.setInterval(editIntervalMs);
    QObject::connect(&editor, &QTimer::timeout, &window, [&] {
        QElapsedTimer one;
        one.start();
        edit(&window, done);
        if (qEnvironmentVariableIsSet("DIRECTOR_BENCH_TRACE") && bench::elapsedMs(one) > 5.0)
            std::fprintf(stderr, "edit %d took %.2f ms\n", done, bench::elapsedMs(one));
        if (++done == editCount) {
            editor.stop();
            sinceLastEdit.start();
            writesAtLastEdit = disk.writes();
        }
    });
    // Durable: the moment the manager reports every change saved.
    // A real event loop: QTest::qWaitFor sleeps in 10 ms slices, which the
    // meter would count as stalls.
    QEventLoop loop;
    double durableAt = -1;
    QObject::connect(manager, &SessionManager::saveStateChanged, &window, [&] {
        if (done == editCount && durableAt < 0 &&
            manager->saveState() == SessionManager::SaveState::Saved) {
            durableAt = bench::elapsedMs(sinceLastEdit);
            figures.writesAfterLastEdit = disk.writes() - writesAtLastEdit;
            loop.quit();
        }
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    editor.start();
    loop.exec();
    if (durableAt < 0)
        qFatal("the edits were not saved: %s", qPrintable(manager->saveError()));
    figures.durableAfterMs = durableAt;
    meter.stop();
    figures.longestStallMs = meter.longestStallMs();
    if (manager->saveState() != SessionManager::SaveState::Saved)
        qFatal("the edits were not saved: %s", qPrintable(manager->saveError()));
    window.close();
    return figures;
}

// The same kind of edits through a synchronous manager: each waits for its
// save, as the window did before saving moved to its own thread.
double synchronousLongestEdit(const QString &run)
{
    SessionManager manager;
    if (!manager.initializeOrResume(run))
        qFatal("could not open %s", qPrintable(run));
    SlowDisk disk(syncMs());
    double longest = 0;
    for (int i = 0; i < 10; ++i) {
        QElapsedTimer timer;
        timer.start();
        const FrameStatus status = manager.getFrameState(2)->status == FrameStatus::Approved
                                       ? FrameStatus::AuditFail
                                       : FrameStatus::Approved;
        if (!manager.updateFrameStatus(2, status))
            qFatal("a synchronous edit failed");
        longest = std::max(longest, bench::elapsedMs(timer));
    }
    return longest;
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
    if (!bench::makeRun(run, 64))
        return 1;

    bench::heading(QStringLiteral("saving: %1 edits in the window, %2 ms apart, each sync %3 ms")
                       .arg(editCount)
                       .arg(editIntervalMs)
                       .arg(syncMs()));
    QList<double> stalls;
    QList<double> durable;
    QList<double> writesAfter;
    for (int r = 0; r < bench::runs(); ++r) {
        const Figures figures = windowRun(run);
        stalls.append(figures.longestStallMs);
        durable.append(figures.durableAfterMs);
        writesAfter.append(figures.writesAfterLastEdit);
    }
    bench::print(QStringLiteral("longest GUI-thread stall"), bench::median(stalls),
                 QStringLiteral("ms"), QStringLiteral("goal <= 16 ms"));
    bench::print(
        QStringLiteral("last edit durable after"), bench::median(durable), QStringLiteral("ms"),
        QStringLiteral("goal <= %1 ms: the write under way, then its own").arg(2 * syncMs()));
    // Latest wins: whatever was waiting, one write after the last edit holds it.
    bench::print(QStringLiteral("writes begun after the last edit"), bench::median(writesAfter),
                 QStringLiteral("writes"), QStringLiteral("goal: 1"));
    QList<double> synchronous;
    for (int r = 0; r < bench::runs(); ++r)
        synchronous.append(synchronousLongestEdit(run));
    bench::print(QStringLiteral("for reference: one edit saved synchronously"),
                 bench::median(synchronous), QStringLiteral("ms"));
    return 0;
}
