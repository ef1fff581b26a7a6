#pragma once

#include "preview/previewexport.h"

#include <QDialog>

class QAction;
class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;
class SessionManager;

// File → Export Preview…: writes the open session's move as commit would write it as a sprite
// sheet (PNG) and/or an animated WebP (PreviewExport, the job of `director preview`), for the
// people who are not at the workstation. The operator picks the files, the sheet's columns,
// the animation's frame rate and whether only the APPROVED frames go in; OK writes them on the
// GUI thread (a preview of a small run takes milliseconds; docs/threads.md) and closes, or says
// what went wrong (MessageBox) and stays open.
class ExportPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    ExportPreviewDialog(SessionManager *manager, QWidget *parent = nullptr);

    // Makes `action` open the dialog on `window` for the manager's session (one at a time).
    static void connectAction(QAction *action, SessionManager *manager, QWidget *window);

    // The options as the dialog shows them now.
    PreviewOptions options() const;

    QCheckBox *sheetBox() const { return m_sheet; }
    QLineEdit *sheetPathEdit() const { return m_sheetPath; }
    QSpinBox *columnsBox() const { return m_columns; }
    QCheckBox *animationBox() const { return m_animation; }
    QLineEdit *animationPathEdit() const { return m_animationPath; }
    QSpinBox *fpsBox() const { return m_fps; }
    QCheckBox *approvedOnlyBox() const { return m_approvedOnly; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // Writes the files; closes only when they are written.
    void accept() override;

private:
    QWidget *fileRow(QCheckBox *box, QLineEdit *path, const QString &filter);

    SessionManager *m_manager;
    QCheckBox *m_sheet;
    QLineEdit *m_sheetPath;
    QSpinBox *m_columns;
    QCheckBox *m_animation;
    QLineEdit *m_animationPath;
    QSpinBox *m_fps;
    QCheckBox *m_approvedOnly;
    QDialogButtonBox *m_buttons;
};
