#include "exportactions.h"

#include "exportpreviewdialog.h"
#include "exportreportdialog.h"
#include "windowactions.h"

void ExportActions::connect(const WindowActions &actions, SessionManager *manager, QWidget *window)
{
    ExportPreviewDialog::connectAction(actions.exportPreview, manager, window);
    ExportReportDialog::connectAction(actions.exportReport, manager, window);
}
