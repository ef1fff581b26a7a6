#include "comparemode.h"

#include "filmstrip.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"
#include "stageview.h"
#include "windowactions.h"

#include <QAction>
#include <QInputDialog>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

CompareMode::CompareMode(MainWindow *window, QSplitter *splitter)
    : QObject(window),
      m_window(window), m_parts{window->manager(),   window->controller(), window->model(),
                                window->filmstrip(), window->stage(),      window->inspector(),
                                &window->actions()},
      m_area(new QStackedWidget), m_view(new CompareView), m_images(m_parts.manager)
{
    const Parts &parts = m_parts;
    m_area->setObjectName(QStringLiteral("stageArea"));
    m_view->setObjectName(QStringLiteral("compareView"));
    // In the stage's place, with its share of the splitter (its stretch).
    m_area->setSizePolicy(parts.stage->sizePolicy());
    splitter->replaceWidget(splitter->indexOf(parts.stage), m_area);
    m_area->addWidget(parts.stage);
    m_area->addWidget(m_view);
    m_area->setCurrentWidget(parts.stage);
    m_view->setZoomSource([stage = parts.stage] { return stage->zoom(); });
    parts.inspector->setAttemptThumbnails(
        [this](int frameIndex, int attemptIndex) { return thumbnailOf(frameIndex, attemptIndex); });
    connect(parts.manager, &SessionManager::sessionOpened, this, [this] {
        m_images.clear();
        m_thumbnails.clear();
        refresh();
    });
    connect(parts.manager, &SessionManager::frameChanged, this, &CompareMode::refresh);
    connect(parts.manager, &SessionManager::framesChanged, this, &CompareMode::refresh);
    connect(parts.filmstrip->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompareMode::refresh);
    connect(parts.inspector, &InspectorPanel::attemptChosen, this, [this](int, int attempt) {
        setReference(Reference::Attempt, attempt);
        if (!m_mode)
            setMode(CompareView::Mode::SideBySide);
    });
    connect(parts.inspector, &InspectorPanel::useAttemptRequested, this,
            [this](int frameIndex, int attempt) {
                report(m_parts.controller->useAttempt(frameIndex, attempt));
            });
    connect(m_view, &CompareView::zoomStepRequested, this, [this](int direction) {
        (direction > 0 ? m_parts.actions->zoomIn : m_parts.actions->zoomOut)->trigger();
    });
    connectActions();
}

void CompareMode::connectActions()
{
    const WindowActions &a = *m_parts.actions;
    connect(a.compareOff, &QAction::triggered, this, [this] { setMode(std::nullopt); });
    connect(a.compareSideBySide, &QAction::triggered, this,
            [this] { setMode(CompareView::Mode::SideBySide); });
    connect(a.compareWipe, &QAction::triggered, this, [this] { setMode(CompareView::Mode::Wipe); });
    connect(a.compareDifference, &QAction::triggered, this,
            [this] { setMode(CompareView::Mode::Difference); });
    connect(a.referenceAnchor, &QAction::triggered, this,
            [this] { setReference(Reference::Anchor); });
    connect(a.referencePrevious, &QAction::triggered, this,
            [this] { setReference(Reference::Previous); });
    connect(a.referenceAttempt, &QAction::triggered, this, &CompareMode::chooseAttempt);
    connect(a.referenceOriginal, &QAction::triggered, this,
            [this] { setReference(Reference::Original); });
    // The move plays on the stage: Space leaves compare mode to show it.
    connect(a.playPause, &QAction::triggered, this, [this] {
        if (m_mode)
            m_parts.actions->compareOff->trigger();
    });
    // The zoom is the stage's: shown again once the window has set it.
    for (QAction *zoom : a.zoom)
        connect(zoom, &QAction::triggered, m_view, qOverload<>(&QWidget::update));
    connect(a.zoomIn, &QAction::triggered, m_view, qOverload<>(&QWidget::update));
    connect(a.zoomOut, &QAction::triggered, m_view, qOverload<>(&QWidget::update));
}

void CompareMode::setMode(std::optional<CompareView::Mode> mode)
{
    m_mode = mode;
    const WindowActions &a = *m_parts.actions;
    QAction *checked = !mode                                    ? a.compareOff
                       : *mode == CompareView::Mode::SideBySide ? a.compareSideBySide
                       : *mode == CompareView::Mode::Wipe       ? a.compareWipe
                                                                : a.compareDifference;
    checked->setChecked(true);
    if (mode)
        m_view->setMode(*mode);
    m_area->setCurrentWidget(mode ? static_cast<QWidget *>(m_view) : m_parts.stage);
    refresh();
}

void CompareMode::setReference(Reference reference, int attemptIndex)
{
    m_reference = reference;
    m_attempt = attemptIndex;
    const WindowActions &a = *m_parts.actions;
    (reference == Reference::Anchor     ? a.referenceAnchor
     : reference == Reference::Previous ? a.referencePrevious
     : reference == Reference::Original ? a.referenceOriginal
                                        : a.referenceAttempt)
        ->setChecked(true);
    refresh();
}

int CompareMode::currentFrame() const
{
    return m_parts.model->frameAtRow(m_parts.filmstrip->currentIndex().row());
}

QImage CompareMode::referenceOf(int frameIndex, QString *name, QString *message)
{
    const FrameListModel &model = *m_parts.model;
    switch (m_reference) {
    case Reference::Anchor:
        *name = tr("the anchor");
        return m_images.placed(model.frameAtRow(0));
    case Reference::Previous: {
        const int row = model.rowOfFrame(frameIndex) - 1;
        *name = tr("the previous frame");
        if (row < 0)
            *message = tr("The first frame has no previous frame.");
        return row >= 0 ? m_images.placed(model.frameAtRow(row)) : QImage();
    }
    case Reference::Attempt: {
        *name = tr("attempt %1").arg(m_attempt);
        const FrameImages::Image attempt = m_images.placedAttempt(frameIndex, m_attempt);
        if (attempt.image.isNull())
            *message = tr("Attempt %1 of this frame cannot be shown: %2")
                           .arg(m_attempt)
                           .arg(attempt.error);
        return attempt.image;
    }
    case Reference::Original: {
        *name = tr("the original");
        const FrameImages::Image original = m_images.placedOriginal(frameIndex);
        if (original.image.isNull())
            *message = original.error;
        return original.image;
    }
    }
    return {};
}

void CompareMode::refresh()
{
    const int frameIndex = currentFrame();
    const std::optional<DirectorFrameState> frame = m_parts.manager->getFrameState(frameIndex);
    // Only a patched frame has an original to compare with.
    m_parts.actions->referenceOriginal->setEnabled(frame && frame->directorOverrides.isPatched);
    if (!m_mode)
        return;
    if (!frame) {
        m_view->setImages({}, {}, {}, tr("No frame"));
        return;
    }
    QString name;
    QString message;
    const QImage reference = referenceOf(frameIndex, &name, &message);
    m_view->setImages(m_images.placed(frameIndex), reference, name, message);
}

QImage CompareMode::thumbnailOf(int frameIndex, int attemptIndex)
{
    const std::optional<DirectorFrameState> frame = m_parts.manager->getFrameState(frameIndex);
    QString path;
    for (const AttemptInfo &attempt : frame ? frame->attemptHistory : QList<AttemptInfo>()) {
        if (attempt.attemptIndex == attemptIndex)
            path = attempt.candidatePath;
    }
    if (path.isEmpty())
        return {};
    if (const auto it = m_thumbnails.constFind(path); it != m_thumbnails.cend())
        return it.value();
    const Result<QImage> image =
        ImageLoader::loadFromRun(RunPaths(m_parts.manager->runDir()), path);
    const int size = InspectorPanel::thumbnailSize;
    const QImage thumbnail =
        image ? image->scaled(size, size, Qt::KeepAspectRatio, Qt::FastTransformation) : QImage();
    m_thumbnails.insert(path, thumbnail);
    return thumbnail;
}

void CompareMode::chooseAttempt()
{
    const std::optional<DirectorFrameState> frame = m_parts.manager->getFrameState(currentFrame());
    QStringList attempts;
    for (const AttemptInfo &attempt : frame ? frame->attemptHistory : QList<AttemptInfo>())
        attempts.append(QString::number(attempt.attemptIndex));
    bool ok = false;
    const QString chosen =
        attempts.isEmpty()
            ? QString()
            : QInputDialog::getItem(m_view->window(), tr("Compare with an Attempt"), tr("Attempt:"),
                                    attempts, attempts.size() - 1, false, &ok);
    if (ok)
        setReference(Reference::Attempt, chosen.toInt());
    else
        setReference(m_reference, m_attempt); // the check back where it was
}

void CompareMode::report(const Outcome &outcome)
{
    if (outcome)
        return;
    if (outcome.kind() == Outcome::Kind::Failed)
        MessageBox::open(m_window, {QMessageBox::Critical, tr("Director"), outcome.message()});
    else
        m_window->statusBar()->showMessage(outcome.message(), 5000);
}
