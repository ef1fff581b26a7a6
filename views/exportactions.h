#pragma once

class QWidget;
class SessionManager;
class WindowActions;

// The File menu's exports, each a dialog on the window's open session that writes in the
// background: Export Preview… (ExportPreviewDialog: a sprite sheet and an animation) and Export
// Report… (ExportReportDialog: the review report).
namespace ExportActions {

void connect(const WindowActions &actions, SessionManager *manager, QWidget *window);

} // namespace ExportActions
