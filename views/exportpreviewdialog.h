#pragma once

#include "exportjobdialog.h"
#include "preview/previewexport.h"

class QAction;
class QCheckBox;
class QLineEdit;
class QSpinBox;
class SessionManager;

// File → Export Preview…: writes the open session's move as commit would write it as a sprite
// sheet (PNG) and/or an animated WebP (PreviewExport, the job of `director preview`), for the
// people who are not at the workstation. The operator picks the files, the sheet's columns,
// the animation's frame rate and whether only the APPROVED frames go in.
//
// Export hands copies (the run folder's path, the session as it is then, the frame size, the
// options) to a job in the background, as every export does (ExportJobDialog): a run of
// thousands of frames takes seconds to encode, and the window goes on meanwhile.
class ExportPreviewDialog : public ExportJobDialog
{
    Q_OBJECT

public:
    ExportPreviewDialog(SessionManager *manager, QWidget *parent = nullptr);

    // Makes `action` open the dialog on `window` for the manager's session (one at a time);
    // when `window` is a QMainWindow, its status bar says what was written.
    static void connectAction(QAction *action, SessionManager *manager, QWidget *window);
    // The dialog's words (ExportJobDialog::Texts).
    static Texts texts();

    // The options as the dialog shows them now.
    PreviewOptions options() const;

    QCheckBox *sheetBox() const { return m_sheet; }
    QLineEdit *sheetPathEdit() const { return m_sheetPath; }
    QSpinBox *columnsBox() const { return m_columns; }
    QCheckBox *animationBox() const { return m_animation; }
    QLineEdit *animationPathEdit() const { return m_animationPath; }
    QSpinBox *fpsBox() const { return m_fps; }
    QCheckBox *approvedOnlyBox() const { return m_approvedOnly; }

    // Starts the job that writes the files; the dialog closes once they are written.
    void accept() override;

    static void setJobHookForTests(JobHook hook);

private:
    QWidget *fileRow(QCheckBox *box, QLineEdit *path, const QString &filter);
    void buildLayout();

    QCheckBox *m_sheet;
    QLineEdit *m_sheetPath;
    QSpinBox *m_columns;
    QCheckBox *m_animation;
    QLineEdit *m_animationPath;
    QSpinBox *m_fps;
    QCheckBox *m_approvedOnly;
};
