#include "exportpreviewdialog.h"

#include "review/sessionmanager.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

ExportPreviewDialog::ExportPreviewDialog(SessionManager *manager, QWidget *parent)
    : ExportJobDialog(manager, texts(), parent), m_sheet(new QCheckBox(tr("&Sprite sheet (PNG)"))),
      m_sheetPath(new QLineEdit), m_columns(new QSpinBox),
      m_animation(new QCheckBox(tr("&Animation (WebP)"))), m_animationPath(new QLineEdit),
      m_fps(new QSpinBox), m_approvedOnly(new QCheckBox(tr("APPROVED frames &only")))
{
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
    progressBar()->setAccessibleName(tr("Preview written"));
    buttons()->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    buildLayout();
    connect(m_sheet, &QCheckBox::toggled, m_sheetPath, &QWidget::setEnabled);
    connect(m_sheet, &QCheckBox::toggled, m_columns, &QWidget::setEnabled);
    connect(m_animation, &QCheckBox::toggled, m_animationPath, &QWidget::setEnabled);
    connect(m_animation, &QCheckBox::toggled, m_fps, &QWidget::setEnabled);
}

ExportJobDialog::Texts ExportPreviewDialog::texts()
{
    return {tr("Export Preview"),
            tr("Open a run first: the preview shows its frames."),
            tr("Preview written. %1"),
            tr("Writing the preview…"),
            tr("Stopping…"),
            tr("The preview was not written: %1"),
            tr("There is not enough memory to make it.")};
}

void ExportPreviewDialog::buildLayout()
{
    auto *form = new QFormLayout(inputs());
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(fileRow(m_sheet, m_sheetPath, tr("PNG images (*.png)")));
    form->addRow(tr("&Columns:"), m_columns);
    form->addRow(fileRow(m_animation, m_animationPath, tr("WebP animations (*.webp)")));
    form->addRow(tr("&Frame rate:"), m_fps);
    form->addRow(m_approvedOnly);
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
    ExportJobDialog::connectAction<ExportPreviewDialog>(action, manager, window);
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
    jobHookOf<ExportPreviewDialog>() = std::move(hook);
}

void ExportPreviewDialog::accept()
{
    if (isExporting())
        return;
    // What is wrong with the options is said at once; what is wrong on disk, by the job.
    SessionManager *run = manager();
    Outcome ready = PreviewExport::check(options());
    if (ready && !run->hasSession())
        ready = Outcome::failed(tr("The run is no longer open."));
    if (!ready) {
        refuse(ready.message());
        return;
    }
    start(
        [runDir = run->runDir(), session = run->session(),
         targetSize = run->run().manifest.targetSize,
         options = options()](QStringList *files, const PreviewProgress &progress) {
            return PreviewExport::write(runDir, session, targetSize, options, files, progress);
        },
        jobHookOf<ExportPreviewDialog>());
}
