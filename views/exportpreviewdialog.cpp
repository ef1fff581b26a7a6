#include "exportpreviewdialog.h"

#include "messagebox.h"
#include "review/sessionmanager.h"

#include <QAction>
#include <QCheckBox>
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
#include <QSpinBox>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <new>

namespace {

// Touched on the GUI thread only: each job is given a copy.
ExportPreviewDialog::JobHook &jobHook()
{
    static ExportPreviewDialog::JobHook hook;
    return hook;
}

} // namespace

void ExportPreviewDialog::StopRequest::request()
{
    {
        const std::lock_guard lock(m_mutex);
        m_requested.store(true);
    }
    m_changed.notify_all();
}

void ExportPreviewDialog::StopRequest::waitUntilRequested() const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_requested.load(); });
}

ExportPreviewDialog::ExportPreviewDialog(SessionManager *manager, QWidget *parent)
    : QDialog(parent), m_manager(manager), m_inputs(new QWidget),
      m_sheet(new QCheckBox(tr("&Sprite sheet (PNG)"))), m_sheetPath(new QLineEdit),
      m_columns(new QSpinBox), m_animation(new QCheckBox(tr("&Animation (WebP)"))),
      m_animationPath(new QLineEdit), m_fps(new QSpinBox),
      m_approvedOnly(new QCheckBox(tr("APPROVED frames &only"))),
      m_busyLabel(new QLabel(tr("Writing the preview…"))), m_progress(new QProgressBar),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Export Preview"));
    setObjectName(QStringLiteral("exportPreviewDialog"));
    // Beside the run folder, named for the run: nothing is written into the run.
    const QString base = QFileInfo(manager->runDir()).absolutePath() + u'/' +
                         manager->session().runId + QStringLiteral("-preview");
    m_sheet->setChecked(true);
    m_sheetPath->setText(QDir::toNativeSeparators(base + QStringLiteral(".png")));
    m_sheetPath->setAccessibleName(tr("Sprite sheet file"));
    m_columns->setRange(0, 10000);
    m_columns->setSpecialValueText(tr("One row"));
    m_columns->setAccessibleName(tr("Columns"));
    m_animation->setChecked(true);
    m_animationPath->setText(QDir::toNativeSeparators(base + QStringLiteral(".webp")));
    m_animationPath->setAccessibleName(tr("Animation file"));
    m_fps->setRange(AnimatedWebp::minFps, AnimatedWebp::maxFps);
    m_fps->setValue(AnimatedWebp::defaultFps);
    m_fps->setSuffix(tr(" fps"));
    m_fps->setAccessibleName(tr("Frames a second"));
    m_progress->setAccessibleName(tr("Preview written"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    buildLayout();
    connect(m_sheet, &QCheckBox::toggled, m_sheetPath, &QWidget::setEnabled);
    connect(m_sheet, &QCheckBox::toggled, m_columns, &QWidget::setEnabled);
    connect(m_animation, &QCheckBox::toggled, m_animationPath, &QWidget::setEnabled);
    connect(m_animation, &QCheckBox::toggled, m_fps, &QWidget::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Written>::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcher<Written>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<Written>::finished, this,
            &ExportPreviewDialog::jobFinished);
}

ExportPreviewDialog::~ExportPreviewDialog()
{
    // The job works on copies, but the watcher is ours and the files are the operator's: never
    // left half done behind a closed window.
    if (m_stop)
        m_stop->request();
    m_watcher.waitForFinished();
}

void ExportPreviewDialog::buildLayout()
{
    auto *form = new QFormLayout(m_inputs);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(fileRow(m_sheet, m_sheetPath, tr("PNG images (*.png)")));
    form->addRow(tr("&Columns:"), m_columns);
    form->addRow(fileRow(m_animation, m_animationPath, tr("WebP animations (*.webp)")));
    form->addRow(tr("&Frame rate:"), m_fps);
    form->addRow(m_approvedOnly);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_inputs);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    m_busyLabel->hide();
    m_progress->hide();
}

QWidget *ExportPreviewDialog::fileRow(QCheckBox *box, QLineEdit *path, const QString &filter)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    path->setMinimumWidth(path->fontMetrics().averageCharWidth() * 48); // a whole path
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setAccessibleName(tr("Choose the file for %1").arg(box->text().remove(u'&')));
    layout->addWidget(box);
    layout->addWidget(path, 1);
    layout->addWidget(browse);
    connect(box, &QCheckBox::toggled, browse, &QWidget::setEnabled);
    connect(browse, &QPushButton::clicked, this, [this, path, filter] {
        const QString chosen =
            QFileDialog::getSaveFileName(this, windowTitle(), path->text(), filter);
        if (!chosen.isEmpty())
            path->setText(QDir::toNativeSeparators(chosen));
    });
    return row;
}

void ExportPreviewDialog::connectAction(QAction *action, SessionManager *manager, QWidget *window)
{
    connect(action, &QAction::triggered, window, [manager, window] {
        if (auto *open = window->findChild<ExportPreviewDialog *>(); open && open->isVisible()) {
            open->raise();
            open->activateWindow();
            return;
        }
        if (!manager->hasSession()) {
            MessageBox::open(window, {QMessageBox::Information, tr("Export Preview"),
                                      tr("Open a run first: the preview shows its frames.")});
            return;
        }
        auto *dialog = new ExportPreviewDialog(manager, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (auto *main = qobject_cast<QMainWindow *>(window)) {
            connect(dialog, &ExportPreviewDialog::exported, main, [main](const QStringList &w) {
                main->statusBar()->showMessage(tr("Preview written. %1").arg(w.join(u' ')), 10000);
            });
        }
        dialog->open();
    });
}

PreviewOptions ExportPreviewDialog::options() const
{
    PreviewOptions options;
    if (m_sheet->isChecked())
        options.sheetPath = QDir::fromNativeSeparators(m_sheetPath->text().trimmed());
    if (m_animation->isChecked())
        options.animationPath = QDir::fromNativeSeparators(m_animationPath->text().trimmed());
    options.columns = m_columns->value();
    options.fps = m_fps->value();
    if (m_approvedOnly->isChecked())
        options.which = PreviewFrames::Which::ApprovedOnly;
    return options;
}

void ExportPreviewDialog::setJobHookForTests(JobHook hook)
{
    jobHook() = std::move(hook);
}

void ExportPreviewDialog::accept()
{
    if (isExporting())
        return;
    // What is wrong with the options is said at once; what is wrong on disk, by the job.
    Outcome ready = PreviewExport::check(options());
    if (ready && !m_manager->hasSession())
        ready = Outcome::failed(tr("The run is no longer open."));
    if (!ready) {
        MessageBox::open(this, {QMessageBox::Warning, tr("Export Preview"),
                                tr("The preview was not written: %1").arg(ready.message())});
        return;
    }
    start(m_manager->runDir(), m_manager->session(), m_manager->run().manifest.targetSize);
}

void ExportPreviewDialog::start(const QString &runDir, const DirectorSession &session,
                                int targetSize)
{
    m_stop = std::make_shared<StopRequest>();
    // Copies only: the job never sees the manager, the session in memory or this dialog.
    m_watcher.setFuture(
        QtConcurrent::run([runDir, session, targetSize, options = options(), stop = m_stop,
                           hook = jobHook()](QPromise<Written> &promise) {
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
                written.outcome = PreviewExport::write(runDir, session, targetSize, options,
                                                       &written.files, progress);
            } catch (const std::bad_alloc &) { // a sheet or an animation too large for memory
                written = {Outcome::failed(tr("There is not enough memory to make it.")), {}};
            }
            promise.addResult(std::move(written));
        }));
    setExporting(true);
}

void ExportPreviewDialog::setExporting(bool exporting)
{
    m_exporting = exporting;
    m_inputs->setEnabled(!exporting);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!exporting);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    m_busyLabel->setText(tr("Writing the preview…"));
    m_busyLabel->setVisible(exporting);
    m_progress->setRange(0, 0); // busy until the job says how many steps it takes
    m_progress->setVisible(exporting);
    if (exporting)
        m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
}

void ExportPreviewDialog::reject()
{
    if (!isExporting()) {
        QDialog::reject();
        return;
    }
    m_stop->request();
    m_busyLabel->setText(tr("Stopping…"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
}

void ExportPreviewDialog::jobFinished()
{
    const Written written = m_watcher.result();
    const bool stopped = m_stop->requested();
    setExporting(false);
    if (written.outcome) {
        // Written even when the stop came too late: said, as any export.
        emit exported(written.files);
        QDialog::accept();
    } else if (stopped) {
        QDialog::reject();
    } else {
        MessageBox::open(this,
                         {QMessageBox::Warning, tr("Export Preview"),
                          tr("The preview was not written: %1").arg(written.outcome.message())});
    }
}
