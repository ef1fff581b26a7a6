#pragma once

#include "exportpreviewdialog.h"
#include "report/reportexport.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class SessionManager;

// File → Export Report…: writes the open session's review report (ReportExport, the job of
// `director report`) as standalone HTML, JSON or Markdown, for the people who sign the run off
// elsewhere. The operator picks the format and the file (beside the run folder by default).
//
// As Export Preview… does (ExportPreviewDialog): Export hands copies (the run folder's path, the
// session as it is then, what the run folder lacks) to a job on Qt's global thread pool, which
// reads every frame; a bar shows the frames done; Cancel (or Esc, or closing) asks the job to
// stop and the dialog closes once it has, nothing written. Done, the dialog says so
// (exported()) and closes; failed, it says why and stays open.
class ExportReportDialog : public QDialog
{
    Q_OBJECT

public:
    using StopRequest = ExportPreviewDialog::StopRequest;
    using Written = ExportPreviewDialog::Written;

    enum class Format
    {
        Html,
        Json,
        Markdown
    };

    ExportReportDialog(SessionManager *manager, QWidget *parent = nullptr);
    // Asks a job under way to stop, and waits for it.
    ~ExportReportDialog() override;

    // Makes `action` open the dialog on `window` for the manager's session (one at a time);
    // when `window` is a QMainWindow, its status bar says what was written.
    static void connectAction(QAction *action, SessionManager *manager, QWidget *window);

    // The options as the dialog shows them now.
    ReportOptions options() const;
    Format format() const;
    bool isExporting() const { return m_exporting; }

    QWidget *inputs() const { return m_inputs; }
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *pathEdit() const { return m_path; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *busyLabel() const { return m_busyLabel; }
    QProgressBar *progressBar() const { return m_progress; }

    void accept() override;
    void reject() override;

    // The test seam: `hook` is called on each job's thread before it starts, with the job's stop
    // request (empty: none, as in the application).
    using JobHook = std::function<void(const StopRequest &)>;
    static void setJobHookForTests(JobHook hook);

signals:
    // The report was written: a line for the file, for the operator.
    void exported(const QStringList &written);

private:
    static QString suffixOf(Format format);
    void formatChanged();
    void browse();
    void buildLayout();
    void start(const RunReport::Input &input);
    void setExporting(bool exporting);
    void jobFinished();

    SessionManager *m_manager;
    QWidget *m_inputs;
    QComboBox *m_format;
    QLineEdit *m_path;
    QLabel *m_busyLabel;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<Written> m_watcher;
    bool m_exporting = false;
    std::shared_ptr<StopRequest> m_stop;
};
