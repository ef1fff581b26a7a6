#include "maskpresenter.h"

#include "core/backgroundpool.h"
#include "filmstrip.h"
#include "mainwindow.h"
#include "maskbar.h"
#include "messagebox.h"
#include "patch/inpaintprovider.h"
#include "patch/inpaintrequest.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "stageview.h"
#include "windowactions.h"

#include <QAction>
#include <QBoxLayout>
#include <QPainter>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

MaskPresenter::MaskPresenter(MainWindow *window)
    : QObject(window), m_window(window), m_bar(new MaskBar(window)),
      m_undoShortcut(new QShortcut(QKeySequence(Qt::Key_Backspace), window->stage()))
{
    setObjectName(QStringLiteral("maskPresenter"));
    // Under the stage and the inspector, over the playback bar.
    if (auto *layout = qobject_cast<QBoxLayout *>(window->centralWidget()->layout())) {
        QWidget *stageArea = window->stage()->parentWidget();
        layout->insertWidget(layout->indexOf(stageArea) + 1, m_bar);
    }
    m_bar->hide();
    m_undoShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    m_undoShortcut->setEnabled(false);
    m_tick.setInterval(100);

    QAction *action = window->actions().paintMask;
    connect(action, &QAction::toggled, this, &MaskPresenter::setActive);
    connect(action, &QAction::enabledChanged, this, [action](bool enabled) {
        if (!enabled)
            action->setChecked(false);
    });
    connect(m_bar, &MaskBar::clearRequested, this, &MaskPresenter::clear);
    connect(m_bar, &MaskBar::undoStrokeRequested, this, &MaskPresenter::undoStroke);
    connect(m_undoShortcut, &QShortcut::activated, this, &MaskPresenter::undoStroke);
    connect(m_bar, &MaskBar::patchRequested, this, &MaskPresenter::patch);
    connect(m_bar, &MaskBar::cancelRequested, this, &MaskPresenter::cancel);
    connect(&m_watcher, &QFutureWatcher<Answer>::finished, this, &MaskPresenter::runFinished);
    connect(&m_tick, &QTimer::timeout, this, [this] { m_bar->setElapsed(m_elapsed.elapsed()); });
    SessionManager *manager = window->manager();
    connect(manager, &SessionManager::sessionOpened, this, &MaskPresenter::followFrame);
    connect(manager, &SessionManager::frameChanged, this, &MaskPresenter::followFrame);
    connect(manager, &SessionManager::framesChanged, this, &MaskPresenter::followFrame);
    connect(window->filmstrip()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MaskPresenter::followFrame);
    maskChanged();
}

MaskPresenter::~MaskPresenter()
{
    // The window's parts may be gone already: only the run is ended here.
    disconnect(&m_watcher, nullptr, this, nullptr);
    if (m_provider)
        m_provider->cancel();
    m_watcher.waitForFinished();
}

void MaskPresenter::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    StageView *stage = m_window->stage();
    if (active) {
        followFrame();
        stage->setPixelTool([this](const StageView::ToolEvent &event) {
            using Phase = StageView::ToolEvent::Phase;
            stroke(event.pixel, event.button, event.phase == Phase::Press,
                   event.phase == Phase::Release);
        });
        stage->addOverlay(this);
    } else {
        m_strokes.endStroke();
        stage->setPixelTool({});
        stage->removeOverlay(this);
    }
    m_undoShortcut->setEnabled(active);
    m_bar->setVisible(active || isRunning()); // Cancel stays at hand while the provider runs
    m_window->actions().paintMask->setChecked(active);
    stage->overlaysChanged();
}

void MaskPresenter::followFrame()
{
    const int frame = m_window->currentFrame();
    const QSize size = m_window->stage()->image().size();
    if (frame == m_frame && size == m_strokes.size())
        return;
    m_frame = frame;
    m_strokes.reset(size);
    maskChanged();
}

void MaskPresenter::stroke(QPoint pixel, Qt::MouseButton button, bool first, bool last)
{
    if (first) {
        followFrame();
        m_window->stage()->setFocus();
        m_strokes.beginStroke();
        m_last = pixel;
    }
    const bool erase = button == Qt::RightButton || m_bar->isErasing();
    m_strokes.paint(m_last, pixel, m_bar->brush(), erase);
    m_last = pixel;
    if (last)
        m_strokes.endStroke();
    maskChanged();
}

void MaskPresenter::clear()
{
    m_strokes.clear();
    maskChanged();
}

void MaskPresenter::undoStroke()
{
    if (m_strokes.undoStroke())
        maskChanged();
}

void MaskPresenter::maskChanged()
{
    const QImage &mask = m_strokes.mask();
    m_overlay = QImage();
    if (!mask.isNull() && !m_strokes.isEmpty()) {
        m_overlay = QImage(mask.size(), QImage::Format_ARGB32_Premultiplied);
        m_overlay.fill(Qt::transparent);
        const QRgb magenta = qRgba(128, 0, 128, 128); // 255, 0, 255 at 50 %, premultiplied
        for (int y = 0; y < mask.height(); ++y) {
            const uchar *in = mask.constScanLine(y);
            auto *out = reinterpret_cast<QRgb *>(m_overlay.scanLine(y));
            for (int x = 0; x < mask.width(); ++x)
                if (in[x] != 0)
                    out[x] = magenta;
        }
    }
    m_bar->setMaskState(!m_strokes.isEmpty(), m_strokes.strokeCount() > 0);
    m_window->stage()->overlaysChanged();
}

void MaskPresenter::paint(QPainter &painter, const StageGeometry &geometry) const
{
    if (m_active && !m_overlay.isNull())
        painter.drawImage(geometry.toDeviceMoved(m_overlay.rect()), m_overlay);
}

void MaskPresenter::patch()
{
    if (isRunning() || m_strokes.isEmpty() || m_strokes.inStroke())
        return;
    SessionManager *manager = m_window->manager();
    if (!manager->hasSession() || manager->isReadOnly())
        return;
    m_runFrame = m_frame;
    Result<InpaintRequest> request =
        InpaintRequest::fromSession(manager->runDir(), manager->session(), m_frame);
    if (!request)
        return fail(request.outcome().message());
    if (request->frame.size() != m_strokes.size())
        return fail(tr("The frame's image is not the size the mask was painted on."));
    request->mask = m_strokes.mask();
    request->prompt = m_bar->prompt();
    m_runPrompt = request->prompt;
    m_runDir = manager->runDir();
    m_cancelled = false;
    m_provider = std::make_shared<InpaintProvider>(InpaintProvider::defaultCommand());
    // The job has its own copies: the request, and a share of the provider.
    m_watcher.setFuture(
        BackgroundPool::run([provider = m_provider, request = std::move(*request)]() -> Answer {
            const Result<QImage> patched = provider->run(request);
            if (!patched)
                return {QImage(), patched.outcome().message()};
            return {*patched, QString()};
        }));
    m_bar->setRunning(true);
    m_elapsed.start();
    m_tick.start();
}

void MaskPresenter::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    m_provider->cancel();
}

void MaskPresenter::runFinished()
{
    m_tick.stop();
    m_bar->setRunning(false);
    m_bar->setVisible(m_active);
    const Answer answer = m_watcher.result();
    m_provider.reset();
    const SessionManager *manager = m_window->manager();
    if (!m_cancelled && answer.error.isEmpty() &&
        (!manager->hasSession() || manager->runDir() != m_runDir)) {
        m_window->statusBar()->showMessage(
            tr("The inpainted frame was dropped: its run is no longer open."), 5000);
    } else if (m_cancelled) {
        m_window->statusBar()->showMessage(tr("Inpainting cancelled: nothing changed."), 5000);
    } else if (!answer.error.isEmpty()) {
        fail(answer.error);
    } else {
        qsizetype changed = 0;
        const Outcome patched =
            m_window->controller()->patch(m_runFrame, answer.image, m_runPrompt,
                                          tr("Inpaint frame %1").arg(m_runFrame), &changed);
        if (!patched) {
            fail(patched.message());
        } else {
            if (m_frame == m_runFrame) {
                m_strokes.reset(m_strokes.size());
                maskChanged();
            }
            m_window->statusBar()->showMessage(
                tr("Frame %1 inpainted: %n pixel(s) changed.", nullptr, int(changed))
                    .arg(m_runFrame),
                5000);
        }
    }
    emit finished();
}

void MaskPresenter::fail(const QString &message)
{
    MessageBox::open(m_window, {QMessageBox::Critical, tr("Inpaint"),
                                tr("Frame %1 was not patched: %2").arg(m_runFrame).arg(message)});
}
