#include "exportreportdialog.h"

#include "messagebox.h"
#include "review/sessionmanager.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <new>

namespace {

// Touched on the GUI thread only: each job is given a copy.
ExportReportDialog::JobHook &jobHook()
{
    static ExportReportDialog::JobHook hook;
    return hook;
}

} // namespace

ExportReportDialog::ExportReportDialog(SessionManager *manager, QWidget *parent)
    : QDialog(parent), m_manager(manager), m_inputs(new QWidget), m_format(new QComboBox),
      m_path(new QLineEdit), m_busyLabel(new QLabel(tr("Writing the report…"))),
      m_progress(new QProgressBar),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Export Report"));
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
    m_progress->setAccessibleName(tr("Report written"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    buildLayout();
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportReportDialog::formatChanged);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Written>::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcher<Written>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<Written>::finished, this, &ExportReportDialog::jobFinished);
}

ExportReportDialog::~ExportReportDialog()
{
    if (m_stop)
        m_stop->request();
    m_watcher.waitForFinished();
}

void ExportReportDialog::buildLayout()
{
    auto *form = new QFormLayout(m_inputs);
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
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_inputs);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    m_busyLabel->hide();
    m_progress->hide();
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
    connect(action, &QAction::triggered, window, [manager, window] {
        if (auto *open = window->findChild<ExportReportDialog *>(); open && open->isVisible()) {
            open->raise();
            open->activateWindow();
            return;
        }
        if (!manager->hasSession()) {
            MessageBox::open(window, {QMessageBox::Information, tr("Export Report"),
                                      tr("Open a run first: the report is about its review.")});
            return;
        }
        auto *dialog = new ExportReportDialog(manager, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (auto *main = qobject_cast<QMainWindow *>(window)) {
            connect(dialog, &ExportReportDialog::exported, main, [main](const QStringList &w) {
                main->statusBar()->showMessage(tr("Report written. %1").arg(w.join(u' ')), 10000);
            });
        }
        dialog->open();
    });
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
    jobHook() = std::move(hook);
}

void ExportReportDialog::accept()
{
    if (isExporting())
        return;
    // What is wrong with the choice is said at once; what is wrong on disk, by the job.
    const QString path = m_path->text().trimmed();
    Outcome ready = path.isEmpty() || path == ReportExport::stdoutName()
                        ? Outcome::invalid(tr("Name the file to write."))
                    : m_manager->hasSession() ? ReportExport::check(options(), m_manager->runDir())
                                              : Outcome::failed(tr("The run is no longer open."));
    if (!ready) {
        MessageBox::open(this, {QMessageBox::Warning, tr("Export Report"),
                                tr("The report was not written: %1").arg(ready.message())});
        return;
    }
    start({m_manager->runDir(), m_manager->session(), m_manager->run().missing,
           m_manager->run().leftOut});
}

void ExportReportDialog::start(const RunReport::Input &input)
{
    m_stop = std::make_shared<StopRequest>();
    // Copies only: the job never sees the manager, the session in memory or this dialog.
    m_watcher.setFuture(QtConcurrent::run(
        [input, options = options(), stop = m_stop, hook = jobHook()](QPromise<Written> &promise) {
            if (hook)
                hook(*stop);
            const PreviewProgress progress([stop] { return stop->requested(); },
                                           [&promise](int done, int total) {
                                               if (done == 0)
                                                   promise.setProgressRange(0, total);
                                               promise.setProgressValue(done);
                                           });
            Written written;
            try {
                written.outcome =
                    ReportExport::write(input, options, &written.files, nullptr, progress);
            } catch (const std::bad_alloc &) {
                written = {Outcome::failed(tr("There is not enough memory to make it.")), {}};
            }
            promise.addResult(std::move(written));
        }));
    setExporting(true);
}

void ExportReportDialog::setExporting(bool exporting)
{
    m_exporting = exporting;
    m_inputs->setEnabled(!exporting);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!exporting);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    m_busyLabel->setText(tr("Writing the report…"));
    m_busyLabel->setVisible(exporting);
    m_progress->setRange(0, 0);
    m_progress->setVisible(exporting);
    if (exporting)
        m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
}

void ExportReportDialog::reject()
{
    if (!isExporting()) {
        QDialog::reject();
        return;
    }
    m_stop->request();
    m_busyLabel->setText(tr("Stopping…"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
}

void ExportReportDialog::jobFinished()
{
    const Written written = m_watcher.result();
    const bool stopped = m_stop->requested();
    setExporting(false);
    if (written.outcome) {
        emit exported(written.files);
        QDialog::accept();
    } else if (stopped) {
        QDialog::reject();
    } else {
        MessageBox::open(this,
                         {QMessageBox::Warning, tr("Export Report"),
                          tr("The report was not written: %1").arg(written.outcome.message())});
    }
}
