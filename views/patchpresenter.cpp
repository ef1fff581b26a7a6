#include "patchpresenter.h"

#include "audit/movemetrics.h"
#include "auditpresenter.h"
#include "externaledit.h"
#include "externaleditor.h"
#include "filmstrip.h"
#include "inspectorpanel.h"
#include "legalizedialog.h"
#include "mainwindow.h"
#include "maskpresenter.h"
#include "messagebox.h"
#include "patch/patchmaker.h"
#include "patchhistoryview.h"
#include "playback/playback.h"
#include "playbackpresenter.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runpaths.h"
#include "windowactions.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>

PatchPresenter::PatchPresenter(MainWindow *window)
    : QObject(window),
      m_window(window), m_parts{window->manager(), window->controller(), window->inspector(),
                                window->audit(),   window->playback(),   &window->actions()},
      m_images(m_parts.manager)
{
    setObjectName(QStringLiteral("patchPresenter"));
    m_parts.inspector->patchHistory()->setLoader(
        [this](const QString &path) { return thumbnailImage(path); });
    connectParts();
    m_mask = new MaskPresenter(window);
    nameEditor();
    updateActions();
}

void PatchPresenter::nameEditor()
{
    // Looked up here, not on every frame change: the PATH is searched.
    m_parts.actions->editExternally->setText(
        tr("&Edit in %1…").arg(ExternalEditor::fromSettings().name));
}

void PatchPresenter::connectParts()
{
    const WindowActions &a = *m_parts.actions;
    connect(a.legalizePalette, &QAction::triggered, this, &PatchPresenter::legalize);
    connect(a.replaceWithFile, &QAction::triggered, this, &PatchPresenter::replaceWithFile);
    connect(a.revertToOriginal, &QAction::triggered, this, &PatchPresenter::revert);
    connect(a.editExternally, &QAction::triggered, this, &PatchPresenter::editExternally);
    // The menu names the editor the Preferences set now.
    for (QObject *shown : a.editExternally->associatedObjects())
        if (auto *menu = qobject_cast<QMenu *>(shown))
            connect(menu, &QMenu::aboutToShow, this, &PatchPresenter::nameEditor);
    SessionManager *manager = m_parts.manager;
    connect(manager, &SessionManager::sessionOpened, this, [this] {
        m_images.clear();
        m_thumbnails.clear();
        forgetEdits();
        updateActions();
    });
    connect(manager, &SessionManager::sessionStatusChanged, this, &PatchPresenter::updateActions);
    connect(manager, &SessionManager::frameChanged, this, &PatchPresenter::updateActions);
    connect(manager, &SessionManager::framesChanged, this, &PatchPresenter::updateActions);
    connect(manager, &SessionManager::framesAdded, this, &PatchPresenter::updateActions);
    connect(m_window->filmstrip()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PatchPresenter::updateActions);
    connect(m_parts.playback->playback(), &Playback::playingChanged, this,
            &PatchPresenter::updateActions);
    connect(m_parts.playback, &PlaybackPresenter::paused, this, &PatchPresenter::updateActions);
}

LegalizeDialog *PatchPresenter::legalizeDialog() const
{
    return m_dialog;
}

int PatchPresenter::currentFrame() const
{
    return m_window->currentFrame();
}

void PatchPresenter::updateActions()
{
    const SessionManager &manager = *m_parts.manager;
    const std::optional<DirectorFrameState> frame =
        manager.hasSession() ? manager.getFrameState(currentFrame()) : std::nullopt;
    const bool patchable = frame && !frame->finalImagePath().isEmpty() && !manager.isReadOnly() &&
                           !m_parts.playback->isPlaying();
    const WindowActions &a = *m_parts.actions;
    a.legalizePalette->setEnabled(patchable);
    a.replaceWithFile->setEnabled(patchable);
    a.editExternally->setEnabled(patchable);
    a.revertToOriginal->setEnabled(patchable && frame->directorOverrides.isPatched);
    a.paintMask->setEnabled(patchable);
}

Result<QImage> PatchPresenter::currentImage(int frameIndex) const
{
    const std::optional<DirectorFrameState> frame = m_parts.manager->getFrameState(frameIndex);
    if (!frame)
        return Outcome::invalid(tr("There is no frame %1 in this run.").arg(frameIndex));
    return PatchMaker::currentImage(m_parts.manager->runDir(), *frame);
}

void PatchPresenter::legalize()
{
    updateActions();
    if (!m_parts.actions->legalizePalette->isEnabled())
        return;
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const int frameIndex = currentFrame();
    const Result<QImage> image = currentImage(frameIndex);
    if (!image) {
        report(Outcome::failed(image.outcome().message()), tr("Legalize Palette"));
        return;
    }
    const int anchor = MoveMetrics::anchorIndex(m_parts.manager->session());
    const PaletteCheck::Palette &palette = m_parts.audit->palette(anchor, m_images);
    const QImage original = *image;
    m_dialog = new LegalizeDialog(
        frameIndex, original, palette, m_parts.audit->paletteSource(),
        [this, frameIndex, original](const QImage &legalized, PaletteLegalize::Alpha alpha) {
            return applyLegalized(frameIndex, original, legalized, alpha);
        },
        m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->open();
}

Outcome PatchPresenter::applyLegalized(int frameIndex, const QImage &original,
                                       const QImage &legalized, PaletteLegalize::Alpha alpha)
{
    // The pipeline may have written the frame again while the preview was open.
    if (currentImage(frameIndex).valueOr(QImage()) != original)
        return Outcome::refused(
            tr("Frame %1 changed while the preview was open: legalize it again.").arg(frameIndex));
    return m_parts.controller->patch(frameIndex, legalized,
                                     alpha == PaletteLegalize::Alpha::Snap
                                         ? QStringLiteral("legalize palette, snap alpha")
                                         : QStringLiteral("legalize palette"),
                                     tr("Legalize the palette of frame %1").arg(frameIndex));
}

void PatchPresenter::replaceWithFile()
{
    updateActions();
    if (!m_parts.actions->replaceWithFile->isEnabled())
        return;
    const int frameIndex = currentFrame();
    const QString path = m_chooseFile
                             ? m_chooseFile(m_window)
                             : QFileDialog::getOpenFileName(
                                   m_window, tr("Replace Frame %1 with File").arg(frameIndex),
                                   m_parts.manager->runDir(), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const Outcome replaced = replaceWith(frameIndex, path);
    if (!replaced)
        MessageBox::open(
            m_window,
            {replaced.kind() == Outcome::Kind::Failed ? QMessageBox::Critical
                                                      : QMessageBox::Warning,
             tr("Replace with File"),
             tr("Frame %1 was not replaced: %2").arg(frameIndex).arg(replaced.message())});
}

Outcome PatchPresenter::replaceWith(int frameIndex, const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo(path).isFile())
        return Outcome::invalid(tr("There is no file %1.").arg(QDir::toNativeSeparators(path)));
    if (QImageReader::imageFormat(path) != "png")
        return Outcome::invalid(tr("%1 is not a PNG image.").arg(name));
    const Result<QImage> image = ImageLoader::load(path);
    if (!image)
        return Outcome::invalid(tr("%1 cannot be read: %2").arg(name, image.outcome().message()));
    // A frame whose image cannot be read may still take a whole new image.
    if (const Result<QImage> current = currentImage(frameIndex);
        current && current->size() != image->size()) {
        const QLocale locale;
        return Outcome::invalid(
            tr("%1 is %2 × %3 pixels; the frame is %4 × %5. A patch has the "
               "frame's size.")
                .arg(name, locale.toString(image->width()), locale.toString(image->height()),
                     locale.toString(current->width()), locale.toString(current->height())));
    }
    return m_parts.controller->patch(frameIndex, *image,
                                     QStringLiteral("replace with file %1").arg(name),
                                     tr("Replace frame %1 with %2").arg(frameIndex).arg(name));
}

ExternalEdit *PatchPresenter::externalEdit(int frameIndex) const
{
    return m_edits.value(frameIndex);
}

void PatchPresenter::editExternally()
{
    nameEditor();
    updateActions();
    if (!m_parts.actions->editExternally->isEnabled())
        return;
    const int frameIndex = currentFrame();
    const QString title = tr("Edit in Pixel Editor");
    if (ExternalEdit *open = externalEdit(frameIndex)) {
        if (open->isRunning())
            m_window->statusBar()->showMessage(
                tr("Frame %1 is open in %2 already.").arg(frameIndex).arg(open->editor().name),
                5000);
        else
            report(open->reopen(), title);
        return;
    }
    const Result<QImage> image = currentImage(frameIndex);
    if (!image) {
        report(Outcome::failed(image.outcome().message()), title);
        return;
    }
    const ExternalEditor editor = ExternalEditor::fromSettings();
    auto *edit = new ExternalEdit(
        frameIndex, *image, editor,
        [this, frameIndex, name = editor.name](const QImage &saved) {
            return m_parts.controller->patch(frameIndex, saved,
                                             QStringLiteral("edited in %1").arg(name),
                                             tr("Edit frame %1 in %2").arg(frameIndex).arg(name));
        },
        this);
    watchEdit(edit);
    m_edits.insert(frameIndex, edit);
    if (const Outcome started = edit->start(); !started) {
        m_edits.remove(frameIndex);
        delete edit;
        report(started, title);
    }
}

void PatchPresenter::watchEdit(ExternalEdit *edit)
{
    connect(edit, &ExternalEdit::saveHandled, this, [this, edit](const Outcome &outcome) {
        if (outcome.kind() == Outcome::Kind::Failed)
            report(outcome, tr("Edit in %1").arg(edit->editor().name));
        else
            m_window->statusBar()->showMessage(outcome
                                                   ? tr("The save from %1 is a patch of frame %2.")
                                                         .arg(edit->editor().name)
                                                         .arg(edit->frameIndex())
                                                   : outcome.message(),
                                               5000);
    });
    connect(edit, &ExternalEdit::wrongSize, this, [this, edit](const QString &message) {
        MessageBox::open(
            m_window, {QMessageBox::Warning, tr("Edit in %1").arg(edit->editor().name), message});
    });
    connect(edit, &ExternalEdit::finished, this, [this, edit](const Outcome &outcome) {
        m_edits.remove(edit->frameIndex());
        report(outcome, tr("Edit in %1").arg(edit->editor().name));
        edit->deleteLater();
    });
}

void PatchPresenter::forgetEdits()
{
    for (const QPointer<ExternalEdit> &edit : std::as_const(m_edits))
        delete edit.data();
    m_edits.clear();
}

void PatchPresenter::revert()
{
    updateActions();
    if (m_parts.actions->revertToOriginal->isEnabled())
        report(m_parts.controller->revertToOriginal(currentFrame()), tr("Revert to Original"));
}

QImage PatchPresenter::thumbnailImage(const QString &storedPath)
{
    if (const auto it = m_thumbnails.constFind(storedPath); it != m_thumbnails.cend())
        return it.value();
    const Result<QImage> image =
        ImageLoader::loadFromRun(RunPaths(m_parts.manager->runDir()), storedPath);
    const QImage thumbnail = PatchHistoryView::thumbnailOf(image.valueOr(QImage()));
    m_thumbnails.insert(storedPath, thumbnail);
    return thumbnail;
}

void PatchPresenter::report(const Outcome &outcome, const QString &title)
{
    if (outcome)
        return;
    if (outcome.kind() == Outcome::Kind::Failed)
        MessageBox::open(m_window, {QMessageBox::Critical, title, outcome.message()});
    else
        m_window->statusBar()->showMessage(outcome.message(), 5000);
}
