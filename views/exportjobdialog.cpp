#include "exportjobdialog.h"

#include "core/backgroundpool.h"
#include "messagebox.h"
#include "review/sessionmanager.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

#include <new>

void ExportJobDialog::StopRequest::request()
{
    {
        const std::lock_guard lock(m_mutex);
        m_requested.store(true);
    }
    m_changed.notify_all();
}

void ExportJobDialog::StopRequest::waitUntilRequested() const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_requested.load(); });
}

ExportJobDialog::ExportJobDialog(SessionManager *manager, const Texts &texts, QWidget *parent)
    : QDialog(parent), m_manager(manager), m_texts(texts), m_inputs(new QWidget),
      m_busyLabel(new QLabel(texts.busy)), m_progress(new QProgressBar),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(texts.title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_inputs);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    m_busyLabel->hide();
    m_progress->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Written>::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcher<Written>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<Written>::finished, this, &ExportJobDialog::jobFinished);
}

ExportJobDialog::~ExportJobDialog()
{
    // The job works on copies, but the watcher is ours and the files are the operator's: never
    // left half done behind a closed window.
    if (m_stop)
        m_stop->request();
    m_watcher.waitForFinished();
}

void ExportJobDialog::connectAction(QAction *action, SessionManager *manager, QWidget *window,
                                    const QMetaObject &type, Texts (*texts)(), Make make)
{
    connect(action, &QAction::triggered, window, [manager, window, type = &type, texts, make] {
        for (ExportJobDialog *open : window->findChildren<ExportJobDialog *>()) {
            if (open->metaObject() == type && open->isVisible()) {
                open->raise();
                open->activateWindow();
                return;
            }
        }
        const Texts said = texts();
        if (!manager->hasSession()) {
            MessageBox::open(window, {QMessageBox::Information, said.title, said.noRun});
            return;
        }
        ExportJobDialog *dialog = make(manager, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (auto *main = qobject_cast<QMainWindow *>(window)) {
            connect(dialog, &ExportJobDialog::exported, main,
                    [main, line = said.written](const QStringList &w) {
                        main->statusBar()->showMessage(line.arg(w.join(u' ')), 10000);
                    });
        }
        dialog->open();
    });
}

void ExportJobDialog::refuse(const QString &why)
{
    MessageBox::open(this, {QMessageBox::Warning, m_texts.title, m_texts.notWritten.arg(why)});
}

void ExportJobDialog::start(Job job, const JobHook &hook)
{
    m_stop = std::make_shared<StopRequest>();
    // Copies only: the job never sees the manager, the session in memory or this dialog.
    m_watcher.setFuture(QtConcurrent::run(
        BackgroundPool::instance(), [job = std::move(job), stop = m_stop, hook,
                                     noMemory = m_texts.noMemory](QPromise<Written> &promise) {
            BackgroundPool::yieldToTheWindow();
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
                written.outcome = job(&written.files, progress);
            } catch (const std::bad_alloc &) { // e.g. a sheet or an animation too large for memory
                written = {Outcome::failed(noMemory), {}};
            }
            promise.addResult(std::move(written));
        }));
    setExporting(true);
}

void ExportJobDialog::setExporting(bool exporting)
{
    m_exporting = exporting;
    m_inputs->setEnabled(!exporting);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!exporting);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    m_busyLabel->setText(m_texts.busy);
    m_busyLabel->setVisible(exporting);
    m_progress->setRange(0, 0); // busy until the job says how many steps it takes
    m_progress->setVisible(exporting);
    if (exporting)
        m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
}

void ExportJobDialog::reject()
{
    if (!isExporting()) {
        QDialog::reject();
        return;
    }
    m_stop->request();
    m_busyLabel->setText(m_texts.stopping);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
}

void ExportJobDialog::jobFinished()
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
        refuse(written.outcome.message());
    }
}
