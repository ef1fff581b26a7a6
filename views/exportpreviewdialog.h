#pragma once

#include "preview/previewexport.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QAction;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;
class SessionManager;

// File → Export Preview…: writes the open session's move as commit would write it as a sprite
// sheet (PNG) and/or an animated WebP (PreviewExport, the job of `director preview`), for the
// people who are not at the workstation. The operator picks the files, the sheet's columns,
// the animation's frame rate and whether only the APPROVED frames go in.
//
// Export hands copies (the run folder's path, the session as it is then, the frame size, the
// options) to a job on Qt's global thread pool (docs/threads.md): a run of thousands of frames
// takes seconds to encode, and the window goes on meanwhile. While it runs the inputs and
// Export are disabled and a bar shows the frames done; Cancel (or Esc, or closing the dialog)
// asks the job to stop and the dialog closes once it has, nothing written. Done, the dialog
// says so (exported()) and closes; failed, it says why (MessageBox) and stays open. A change
// to the session meanwhile (the pipeline's news) is not in the preview: the job took its copy.
// Deleting the dialog (with its window) while a job runs asks it to stop and waits for it.
class ExportPreviewDialog : public QDialog
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

    ExportPreviewDialog(SessionManager *manager, QWidget *parent = nullptr);
    // Asks a job under way to stop, and waits for it.
    ~ExportPreviewDialog() override;

    // Makes `action` open the dialog on `window` for the manager's session (one at a time);
    // when `window` is a QMainWindow, its status bar says what was written.
    static void connectAction(QAction *action, SessionManager *manager, QWidget *window);

    // The options as the dialog shows them now.
    PreviewOptions options() const;
    // Whether a job is under way: from Export until the dialog has taken in its outcome.
    bool isExporting() const { return m_exporting; }

    QWidget *inputs() const { return m_inputs; }
    QCheckBox *sheetBox() const { return m_sheet; }
    QLineEdit *sheetPathEdit() const { return m_sheetPath; }
    QSpinBox *columnsBox() const { return m_columns; }
    QCheckBox *animationBox() const { return m_animation; }
    QLineEdit *animationPathEdit() const { return m_animationPath; }
    QSpinBox *fpsBox() const { return m_fps; }
    QCheckBox *approvedOnlyBox() const { return m_approvedOnly; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *busyLabel() const { return m_busyLabel; }
    QProgressBar *progressBar() const { return m_progress; }

    // Starts the job that writes the files; the dialog closes once they are written.
    void accept() override;
    // While a job runs: asks it to stop; the dialog closes once it has.
    void reject() override;

    // The test seam: `hook` is called on each job's thread before it starts on the frames, with
    // the job's stop request (empty: none, as in the application).
    using JobHook = std::function<void(const StopRequest &)>;
    static void setJobHookForTests(JobHook hook);

signals:
    // The preview was written: a line for each file, for the operator.
    void exported(const QStringList &written);

private:
    QWidget *fileRow(QCheckBox *box, QLineEdit *path, const QString &filter);
    void buildLayout();
    void start(const QString &runDir, const DirectorSession &session, int targetSize);
    void setExporting(bool exporting);
    void jobFinished();

    SessionManager *m_manager;
    QWidget *m_inputs;
    QCheckBox *m_sheet;
    QLineEdit *m_sheetPath;
    QSpinBox *m_columns;
    QCheckBox *m_animation;
    QLineEdit *m_animationPath;
    QSpinBox *m_fps;
    QCheckBox *m_approvedOnly;
    QLabel *m_busyLabel;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<Written> m_watcher;
    bool m_exporting = false;
    // The stop request of the latest job, shared with it: each job has its own.
    std::shared_ptr<StopRequest> m_stop;
};
