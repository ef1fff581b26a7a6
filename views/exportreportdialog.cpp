#include "exportreportdialog.h"

#include "review/sessionmanager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>

ExportReportDialog::ExportReportDialog(SessionManager *manager, QWidget *parent)
    : ExportJobDialog(manager, texts(), parent), m_format(new QComboBox), m_path(new QLineEdit)
{
    setObjectName(QStringLiteral("exportReportDialog"));
    m_format->addItem(tr("HTML, images inside (for mail and trackers)"), int(Format::Html));
    m_format->addItem(tr("JSON (for scripts)"), int(Format::Json));
    m_format->addItem(tr("Markdown (no images)"), int(Format::Markdown));
    m_format->setAccessibleName(tr("Report format"));
    // Beside the run folder, named for the run: nothing is written into the run.
    m_path->setText(QDir::toNativeSeparators(QFileInfo(manager->runDir()).absolutePath() + u'/' +
                                             manager->session().runId +
                                             QStringLiteral("-report.html")));
    m_path->setAccessibleName(tr("Report file"));
    m_path->setMinimumWidth(m_path->fontMetrics().averageCharWidth() * 48); // a whole path
    progressBar()->setAccessibleName(tr("Report written"));
    buttons()->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    buildLayout();
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportReportDialog::formatChanged);
}

ExportJobDialog::Texts ExportReportDialog::texts()
{
    return {tr("Export Report"),
            tr("Open a run first: the report is about its review."),
            tr("Report written. %1"),
            tr("Writing the report…"),
            tr("Stopping…"),
            tr("The report was not written: %1"),
            tr("There is not enough memory to make it.")};
}

void ExportReportDialog::buildLayout()
{
    auto *form = new QFormLayout(inputs());
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Format:"), m_format);
    auto *row = new QWidget(this);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    auto *browseButton = new QPushButton(tr("Browse…"), row);
    browseButton->setAccessibleName(tr("Choose the report file"));
    rowLayout->addWidget(m_path, 1);
    rowLayout->addWidget(browseButton);
    form->addRow(tr("F&ile:"), row);
    connect(browseButton, &QPushButton::clicked, this, &ExportReportDialog::browse);
}

QString ExportReportDialog::suffixOf(Format format)
{
    switch (format) {
    case Format::Html:
        return QStringLiteral("html");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Markdown:
        return QStringLiteral("md");
    }
    return {};
}

ExportReportDialog::Format ExportReportDialog::format() const
{
    return Format(m_format->currentData().toInt());
}

void ExportReportDialog::formatChanged()
{
    // The file follows the format when it ends as one of the formats' does.
    const QString path = m_path->text();
    const QFileInfo info(path);
    for (const Format f : {Format::Html, Format::Json, Format::Markdown}) {
        if (info.suffix() == suffixOf(f)) {
            m_path->setText(path.left(path.size() - info.suffix().size()) + suffixOf(format()));
            return;
        }
    }
}

void ExportReportDialog::browse()
{
    const QString filter = format() == Format::Html   ? tr("HTML files (*.html)")
                           : format() == Format::Json ? tr("JSON files (*.json)")
                                                      : tr("Markdown files (*.md)");
    const QString chosen =
        QFileDialog::getSaveFileName(this, windowTitle(), m_path->text(), filter);
    if (!chosen.isEmpty())
        m_path->setText(QDir::toNativeSeparators(chosen));
}

void ExportReportDialog::connectAction(QAction *action, SessionManager *manager, QWidget *window)
{
    ExportJobDialog::connectAction<ExportReportDialog>(action, manager, window);
}

ReportOptions ExportReportDialog::options() const
{
    ReportOptions options;
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    switch (format()) {
    case Format::Html:
        options.htmlPath = path;
        break;
    case Format::Json:
        options.jsonPath = path;
        break;
    case Format::Markdown:
        options.markdownPath = path;
        break;
    }
    return options;
}

void ExportReportDialog::setJobHookForTests(JobHook hook)
{
    jobHookOf<ExportReportDialog>() = std::move(hook);
}

void ExportReportDialog::accept()
{
    if (isExporting())
        return;
    // What is wrong with the choice is said at once; what is wrong on disk, by the job.
    const QString path = m_path->text().trimmed();
    SessionManager *run = manager();
    Outcome ready = path.isEmpty() || path == ReportExport::stdoutName()
                        ? Outcome::invalid(tr("Name the file to write."))
                    : run->hasSession() ? ReportExport::check(options(), run->runDir())
                                        : Outcome::failed(tr("The run is no longer open."));
    if (!ready) {
        refuse(ready.message());
        return;
    }
    const RunReport::Input input{run->runDir(), run->session(), run->run().missing,
                                 run->run().leftOut, !run->isUnsaved()};
    start(
        [input, options = options()](QStringList *files, const PreviewProgress &progress) {
            return ReportExport::write(input, options, files, nullptr, progress);
        },
        jobHookOf<ExportReportDialog>());
}
