#pragma once

#include "core/outcome.h"
#include "preview/previewprogress.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QAction;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class SessionManager;

// What the File menu's export dialogs share (ExportPreviewDialog, ExportReportDialog): a form of
// inputs (inputs(), filled by the dialog), a busy line, a bar and Export / Cancel.
//
// Export hands copies (the run folder's path, the session as it is then, the options) to a job
// on Qt's global thread pool (docs/threads.md): a run of thousands of frames takes seconds, and
// the window goes on meanwhile. While it runs the inputs and Export are disabled and the bar
// shows the frames done; Cancel (or Esc, or closing the dialog) asks the job to stop and the
// dialog closes once it has, nothing written. Done, the dialog says so (exported()) and closes;
// failed, it says why (MessageBox) and stays open. A change to the session meanwhile (the
// pipeline's news) is not in the export: the job took its copy. Deleting the dialog (with its
// window) while a job runs asks it to stop and waits for it.
class ExportJobDialog : public QDialog
{
    Q_OBJECT

public:
    // Set by the dialog, read by its job: whether the operator asked the export to stop.
    class StopRequest
    {
    public:
        void request();
        bool requested() const { return m_requested.load(); }
        // Blocks until request(): for tests' jobs (setJobHookForTests).
        void waitUntilRequested() const;

    private:
        std::atomic_bool m_requested = false;
        mutable std::mutex m_mutex;
        mutable std::condition_variable m_changed;
    };

    // What a job hands back: the outcome, and a line for each file written.
    struct Written
    {
        Outcome outcome;
        QStringList files;
    };

    // The test seam: a hook is called on each job's thread before it starts on the frames, with
    // the job's stop request (empty: none, as in the application). Each dialog has its own.
    using JobHook = std::function<void(const StopRequest &)>;

    // The words of one export, translated in its dialog's own context (Dialog::texts()).
    struct Texts
    {
        QString title;      // the dialog's and its boxes' title
        QString noRun;      // the action without an open run
        QString written;    // the status bar's line once written; %1 the files
        QString busy;       // while the job runs
        QString stopping;   // once asked to stop
        QString notWritten; // a failure; %1 why
        QString noMemory;   // why, when the job ran out of memory
    };

    // Asks a job under way to stop, and waits for it.
    ~ExportJobDialog() override;

    // Makes `action` open a `Dialog` on `window` for the manager's session (one at a time);
    // when `window` is a QMainWindow, its status bar says what was written.
    template <typename Dialog>
    static void connectAction(QAction *action, SessionManager *manager, QWidget *window)
    {
        connectAction(action, manager, window, Dialog::staticMetaObject, &Dialog::texts,
                      [](SessionManager *m, QWidget *parent) -> ExportJobDialog * {
                          return new Dialog(m, parent);
                      });
    }

    // Whether a job is under way: from Export until the dialog has taken in its outcome.
    bool isExporting() const { return m_exporting; }

    QWidget *inputs() const { return m_inputs; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *busyLabel() const { return m_busyLabel; }
    QProgressBar *progressBar() const { return m_progress; }

    // While a job runs: asks it to stop; the dialog closes once it has.
    void reject() override;

signals:
    // The export was written: a line for each file, for the operator.
    void exported(const QStringList &written);

protected:
    // What a job does with its copies: writes the files (a line each into *files), telling
    // `progress` the steps done and stopping when it says so.
    using Job = std::function<Outcome(QStringList *files, const PreviewProgress &progress)>;

    ExportJobDialog(SessionManager *manager, const Texts &texts, QWidget *parent);

    SessionManager *manager() const { return m_manager; }
    // Says why nothing was written, in a box; the dialog stays open.
    void refuse(const QString &why);
    // Starts `job` on the pool (`hook` first); the dialog closes once its files are written.
    void start(Job job, const JobHook &hook);

    // The test seam's hook of one dialog class. Touched on the GUI thread only: each job is
    // given a copy.
    template <typename Dialog> static JobHook &jobHookOf()
    {
        static JobHook hook;
        return hook;
    }

private:
    using Make = ExportJobDialog *(*)(SessionManager *manager, QWidget *parent);
    static void connectAction(QAction *action, SessionManager *manager, QWidget *window,
                              const QMetaObject &type, Texts (*texts)(), Make make);
    void setExporting(bool exporting);
    void jobFinished();

    SessionManager *m_manager;
    const Texts m_texts;
    QWidget *m_inputs;
    QLabel *m_busyLabel;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<Written> m_watcher;
    bool m_exporting = false;
    // The stop request of the latest job, shared with it: each job has its own.
    std::shared_ptr<StopRequest> m_stop;
};
