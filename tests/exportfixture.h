#pragma once

// What the tests of the File menu's exports share (tst_exportpreview, tst_exportreport): a
// folder of the test's own with a run in it, the export's dialog opened from its action in the
// real window, Export clicked, and the export's job held at its start (the dialog's
// setJobHookForTests) to see the dialog while it runs and to stop it.

#include "exportjobdialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "runfixture.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

namespace ExportFixture {

// The file's bytes, or "(none)" when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(none)");
}

inline void clickExport(ExportJobDialog *dialog)
{
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

// The test's folders for a Dialog's tests: settings of their own (initTestCase()), and for
// each test a new folder (dir()) with a run of five frames in it (RunFixture::writeMixedRun,
// at run()); cleanup() lets the Dialog's jobs go unheld and the message boxes ask again.
// openDialog() opens the Dialog as the operator does, from its action (`action`).
template <typename Dialog> class Folder
{
public:
    explicit Folder(QAction *WindowActions::*action) : m_action(action) {}

    bool initTestCase()
    {
        return WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests"));
    }
    bool init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        return RunFixture::writeMixedRun(run());
    }
    void cleanup()
    {
        Dialog::setJobHookForTests({});
        MessageBox::setNextAnswer(MessageBox::NoButton);
        m_dir.reset();
    }

    const QTemporaryDir *dir() const { return m_dir.get(); }
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }

    // A window of its own on run() (WindowFixture::openWindow).
    std::unique_ptr<MainWindow> openWindow() const { return WindowFixture::openWindow(run()); }
    // The action triggered in `window`: its Dialog, shown (null when none or not shown).
    Dialog *openDialog(MainWindow *window) const
    {
        (window->actions().*m_action)->trigger();
        auto *dialog = window->findChild<Dialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

private:
    QAction *WindowActions::*m_action;
    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

// Holds each of the Dialog's jobs at its start: the job goes on once the test calls proceed(),
// or, when `untilStopped`, once it is asked to stop. Its state is shared with the jobs, so that
// a job still held when a test fails is let go (by the destructor) rather than left waiting for
// ever.
template <typename Dialog> class HeldJob
{
public:
    explicit HeldJob(bool untilStopped) : m_state(std::make_shared<State>())
    {
        Dialog::setJobHookForTests(
            [state = m_state, untilStopped](const ExportJobDialog::StopRequest &stop) {
                state->thread = QThread::currentThread();
                ++state->started;
                if (untilStopped)
                    stop.waitUntilRequested();
                else
                    state->proceed.acquire();
            });
    }
    ~HeldJob() { m_state->proceed.release(1000); }

    // How many jobs have reached the hook.
    int started() const { return m_state->started.load(); }
    QThread *thread() const { return m_state->thread.load(); }
    void proceed() { m_state->proceed.release(); }

private:
    struct State
    {
        QSemaphore proceed;
        std::atomic_int started = 0;
        std::atomic<QThread *> thread = nullptr;
    };
    std::shared_ptr<State> m_state;
};

} // namespace ExportFixture
