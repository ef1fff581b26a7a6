#pragma once

#include "exportjobdialog.h"
#include "report/reportexport.h"

class QAction;
class QComboBox;
class QLineEdit;
class SessionManager;

// File → Export Report…: writes the open session's review report (ReportExport, the job of
// `director report`) as standalone HTML, JSON or Markdown, for the people who sign the run off
// elsewhere. The operator picks the format and the file (beside the run folder by default).
//
// As Export Preview… does (ExportJobDialog): Export hands copies (the run folder's path, the
// session as it is then, what the run folder lacks) to a job on Qt's global thread pool, which
// reads every frame; a bar shows the frames done; Cancel (or Esc, or closing) asks the job to
// stop and the dialog closes once it has, nothing written. Done, the dialog says so
// (exported()) and closes; failed, it says why and stays open.
class ExportReportDialog : public ExportJobDialog
{
    Q_OBJECT

public:
    enum class Format
    {
        Html,
        Json,
        Markdown
    };

    ExportReportDialog(SessionManager *manager, QWidget *parent = nullptr);

    // Makes `action` open the dialog on `window` for the manager's session (one at a time);
    // when `window` is a QMainWindow, its status bar says what was written.
    static void connectAction(QAction *action, SessionManager *manager, QWidget *window);
    // The dialog's words (ExportJobDialog::Texts).
    static Texts texts();

    // The options as the dialog shows them now.
    ReportOptions options() const;
    Format format() const;

    QComboBox *formatBox() const { return m_format; }
    QLineEdit *pathEdit() const { return m_path; }

    void accept() override;

    static void setJobHookForTests(JobHook hook);

private:
    static QString suffixOf(Format format);
    void formatChanged();
    void browse();
    void buildLayout();

    QComboBox *m_format;
    QLineEdit *m_path;
};
