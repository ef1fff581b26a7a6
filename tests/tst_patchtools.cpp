// The patch tools in the real window (README, Patches): Patch → Legalize Palette… and its
// preview, Replace with File…, Revert to Original, the inspector's patch history and Compare
// against the original, each undone and redone as the operator would.
#include "audit/palettecheck.h"
#include "compare/imagediff.h"
#include "compareview.h"
#include "inspectorpanel.h"
#include "legalizedialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "patch/palettelegalize.h"
#include "patchhistoryview.h"
#include "patchpresenter.h"
#include "pixelpreview.h"
#include "playbackpresenter.h"
#include "review/framelistmodel.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "stageview.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

namespace {

// Frame 1 as the run has it: every opaque pixel off the anchor's palette (its red is its own),
// and three soft pixels: one below the checked alpha, one off the palette and one on it.
QImage frameOne()
{
    QImage image = RunFixture::frameImage(1);
    image.setPixel(0, 0, qRgba(200, 10, 10, 100));
    image.setPixel(1, 0, qRgba(51, 52, 53, 200));
    image.setPixel(2, 0, qRgba(40, 5 * 8, 4 * 8, 200)); // the anchor's colour at (5, 4)
    return image;
}

// The run's palette, written out here: the anchor's colours (the run has no palette.json).
PaletteCheck::Palette anchorPalette()
{
    return PaletteCheck::fromAnchor(RunFixture::frameImage(0));
}

QImage loaded(const QString &path)
{
    return QImage(path).convertToFormat(QImage::Format_ARGB32);
}

qsizetype whitePixels(const QImage &mask)
{
    qsizetype white = 0;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            white += qGray(mask.pixel(x, y)) == 255 ? 1 : 0;
    return white;
}

// Fails unless every pixel of `image` shows in `thumbnail`, `scale` times larger, as a square.
bool showsEveryPixel(const QImage &thumbnail, const QImage &image, int scale)
{
    if (thumbnail.size() != image.size() * scale)
        return false;
    for (int y = 0; y < thumbnail.height(); ++y)
        for (int x = 0; x < thumbnail.width(); ++x)
            if (thumbnail.pixel(x, y) != image.pixel(x / scale, y / scale))
                return false;
    return true;
}

} // namespace

class TestPatchTools : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void legalizePreviewCountsMatchPaletteLegalize();
    void theAlphaOptionShowsThePreviewAgain();
    void applyMakesThePatchAndUndoRedoRoundTrip();
    void aFrameWithNothingOffThePaletteCannotBeApplied();
    void replaceWithFileMakesThePatch();
    void aWrongFileChangesNothing_data();
    void aWrongFileChangesNothing();
    void revertToOriginalIsOneUndoStep();
    void patchHistoryListsEveryPatchWithItsImages();
    void compareWithTheOriginalCountsTheMasksPixels();
    void patchActionsAreOffWhenTheyCannotApply();

private:
    std::unique_ptr<MainWindow>
    openWindow(SessionManager::Access access = SessionManager::Access::ReadWrite);
    static DirectorSession onDisk(MainWindow *window);
    static LegalizeDialog *openLegalize(MainWindow *window);
    // Legalizes the current frame through the dialog, Apply clicked.
    static bool legalizeCurrent(MainWindow *window);
    static PatchPresenter *presenter(MainWindow *window);
    QStringList patchFiles() const;
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPatchTools::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorPatchToolsTests")));
}

void TestPatchTools::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    // Frames 0 APPROVED (the anchor), 1 AUDIT_WARN, 2 AUDIT_FAIL, 3 GENERATED, 4 PENDING.
    QVERIFY(RunFixture::writeMixedRun(run()));
    QVERIFY(frameOne().save(run() + QStringLiteral("/candidates/frame_0001_attempt_01.png")));
}

void TestPatchTools::cleanup()
{
    MessageBox::setNextAnswer(MessageBox::NoButton);
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestPatchTools::openWindow(SessionManager::Access access)
{
    return WindowFixture::openWindow(run(), access);
}

DirectorSession TestPatchTools::onDisk(MainWindow *window)
{
    window->manager()->waitForSaves();
    QFile file(window->manager()->runDir() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

LegalizeDialog *TestPatchTools::openLegalize(MainWindow *window)
{
    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    auto *dialog = window->findChild<LegalizeDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

bool TestPatchTools::legalizeCurrent(MainWindow *window)
{
    QPointer<LegalizeDialog> dialog = openLegalize(window);
    if (!dialog || !dialog->applyButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !dialog; }))
        return false;
    // The keys go to the window again.
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

PatchPresenter *TestPatchTools::presenter(MainWindow *window)
{
    return window->findChild<PatchPresenter *>();
}

QStringList TestPatchTools::patchFiles() const
{
    return QDir(run() + QStringLiteral("/patches")).entryList(QDir::Files | QDir::Hidden);
}

void TestPatchTools::legalizePreviewCountsMatchPaletteLegalize()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    LegalizeDialog *dialog = openLegalize(window.get());
    QVERIFY(dialog);

    const auto expected = PaletteLegalize::legalize(frameOne(), anchorPalette());
    QVERIFY(expected);
    QCOMPARE(expected->recoloured, 61); // 6 × 10 opaque pixels and the soft one off the palette
    QCOMPARE(expected->alphaSnapped, 0);
    QVERIFY(dialog->legalized());
    QCOMPARE(dialog->legalized()->recoloured, expected->recoloured);
    QCOMPARE(dialog->legalized()->alphaSnapped, expected->alphaSnapped);
    QCOMPARE(dialog->countsLabel()->text(),
             QStringLiteral("61 pixels recoloured, 0 alpha edges snapped."));
    // Before and after side by side, the pixels that change highlighted.
    QCOMPARE(dialog->before()->image().convertToFormat(QImage::Format_ARGB32), frameOne());
    QCOMPARE(dialog->after()->image(), expected->image);
    QCOMPARE(dialog->before()->highlighted(), expected->changed);
    // Pixel (8, 8) changes: magenta while the highlight is on, its own colour once it is off.
    QVERIFY(expected->changed.contains(QPoint(8, 8)));
    const auto shownBefore = [dialog](QPoint pixel) {
        PixelPreview *before = dialog->before();
        return before->grab().toImage().pixel(before->imageRect().topLeft() + pixel * 8 +
                                              QPoint(4, 4));
    };
    QVERIFY(dialog->before()->isHighlightShown());
    QCOMPARE(shownBefore(QPoint(8, 8)), ImageDiff::highlight);
    dialog->highlightBox()->click();
    QVERIFY(!dialog->before()->isHighlightShown());
    QCOMPARE(shownBefore(QPoint(8, 8)), frameOne().pixel(8, 8));
    QVERIFY(dialog->applyButton()->isEnabled());

    // At a whole zoom: every source pixel a square of zoom × zoom.
    QCOMPARE(dialog->zoomBox()->value(), 8); // 16 px fit 256 at 16, at most 8
    QCOMPARE(dialog->before()->imageRect().size(), QSize(128, 128));
    const QImage shown = dialog->after()->grab().toImage().convertToFormat(QImage::Format_ARGB32);
    const QPoint origin = dialog->after()->imageRect().topLeft();
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            if (qAlpha(expected->image.pixel(x, y)) == 255)
                QCOMPARE(shown.pixel(origin + QPoint(x * 8 + 4, y * 8 + 4)),
                         expected->image.pixel(x, y));

    // Nothing is changed before Apply: Cancel leaves the frame as it was.
    const QByteArray before = onDisk(window.get()).frames.value(1).imagePath.toUtf8();
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    QTRY_VERIFY(!window->findChild<LegalizeDialog *>());
    QVERIFY(!onDisk(window.get()).frames.value(1).directorOverrides.isPatched);
    QCOMPARE(onDisk(window.get()).frames.value(1).imagePath.toUtf8(), before);
    QVERIFY(patchFiles().isEmpty());
}

void TestPatchTools::theAlphaOptionShowsThePreviewAgain()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    LegalizeDialog *dialog = openLegalize(window.get());
    QVERIFY(dialog);
    QVERIFY(!dialog->snapAlphaBox()->isChecked());
    QCOMPARE(dialog->legalized()->alphaSnapped, 0);

    dialog->snapAlphaBox()->click();
    const auto snapped =
        PaletteLegalize::legalize(frameOne(), anchorPalette(), PaletteLegalize::Alpha::Snap);
    QCOMPARE(snapped->alphaSnapped, 3);
    QCOMPARE(dialog->alpha(), PaletteLegalize::Alpha::Snap);
    QCOMPARE(dialog->legalized()->recoloured, snapped->recoloured);
    QCOMPARE(dialog->legalized()->alphaSnapped, snapped->alphaSnapped);
    QCOMPARE(dialog->after()->image(), snapped->image);
    QCOMPARE(dialog->before()->highlighted(), snapped->changed);
    QCOMPARE(dialog->countsLabel()->text(),
             QStringLiteral("61 pixels recoloured, 3 alpha edges snapped."));

    // Applied as previewed.
    QPointer<LegalizeDialog> open = dialog;
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY(!open);
    const DirectorFrameState frame = onDisk(window.get()).frames.value(1);
    QVERIFY(frame.directorOverrides.isPatched);
    QCOMPARE(frame.directorOverrides.patchHistory.last().prompt,
             QStringLiteral("legalize palette, snap alpha"));
    QCOMPARE(loaded(run() + u'/' + frame.imagePath), snapped->image);
}

void TestPatchTools::applyMakesThePatchAndUndoRedoRoundTrip()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    const DirectorFrameState unpatched = onDisk(window.get()).frames.value(1);
    QCOMPARE(unpatched.status, FrameStatus::AuditWarn);
    QVERIFY(!window->stage()->image().isNull());
    QVERIFY(!PaletteCheck::check(window->stage()->image(), anchorPalette()).pixels.isEmpty());

    QVERIFY(legalizeCurrent(window.get()));
    const auto expected = PaletteLegalize::legalize(frameOne(), anchorPalette());

    // On disk: the patch, its files, the frame approved by it.
    DirectorFrameState frame = onDisk(window.get()).frames.value(1);
    QVERIFY(frame.directorOverrides.isPatched);
    QCOMPARE(frame.directorOverrides.patchHistory.size(), 1);
    const PatchHistoryEntry patch = frame.directorOverrides.patchHistory.last();
    QCOMPARE(patch.prompt, QStringLiteral("legalize palette"));
    QCOMPARE(patch.originalPath, unpatched.imagePath);
    QCOMPARE(frame.imagePath, patch.patchedPath);
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(loaded(run() + u'/' + patch.patchedPath), expected->image);
    QCOMPARE(whitePixels(loaded(run() + u'/' + patch.maskPath)), expected->changed.size());
    QCOMPARE(patchFiles().size(), 2);

    // The stage and the thumbnail show it: no opaque pixel off the palette any more.
    QCOMPARE(window->stage()->image().convertToFormat(QImage::Format_ARGB32), expected->image);
    QVERIFY(PaletteCheck::check(window->stage()->image(), anchorPalette()).pixels.isEmpty());
    FrameListModel *model = window->model();
    QTRY_COMPARE(model->index(1).data(FrameListModel::ImagePathRole).toString(),
                 QFileInfo(run() + u'/' + patch.patchedPath).canonicalFilePath());
    QTRY_VERIFY(!model->index(1).data(FrameListModel::ThumbnailLoadingRole).toBool());
    const QRect cell = window->filmstrip()->visualRect(window->filmstrip()->model()->index(1, 0));
    QTRY_COMPARE(window->filmstrip()->viewport()->grab().toImage().pixel(cell.left() + 9 + 32,
                                                                         cell.top() + 9 + 32),
                 expected->image.pixel(8, 8)); // 16 px frames, ×4
    QVERIFY(expected->image.pixel(8, 8) != frameOne().pixel(8, 8));

    // Ctrl+Z: the frame exactly as it was; Ctrl+Shift+Z: patched again.
    QCOMPARE(window->actions().undo->text(),
             QStringLiteral("&Undo Legalize the palette of frame 1"));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames.value(1), unpatched);
    QCOMPARE(window->stage()->image().convertToFormat(QImage::Format_ARGB32), frameOne());
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    frame = onDisk(window.get()).frames.value(1);
    QVERIFY(frame.directorOverrides.isPatched);
    QCOMPARE(frame.imagePath, patch.patchedPath);
    QCOMPARE(frame.status, FrameStatus::Approved);
    QCOMPARE(window->stage()->image().convertToFormat(QImage::Format_ARGB32), expected->image);
}

void TestPatchTools::aFrameWithNothingOffThePaletteCannotBeApplied()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(0); // the anchor: its colours are the palette
    LegalizeDialog *dialog = openLegalize(window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->legalized());
    QVERIFY(dialog->legalized()->changed.isEmpty());
    QVERIFY(!dialog->applyButton()->isEnabled());
    QVERIFY2(dialog->countsLabel()->text().contains(QLatin1String("nothing to legalize")),
             qPrintable(dialog->countsLabel()->text()));
    dialog->accept(); // as Enter would: nothing happens
    QVERIFY(dialog->isVisible());
    QVERIFY(!onDisk(window.get()).frames.value(0).directorOverrides.isPatched);
    QVERIFY(patchFiles().isEmpty());
}

void TestPatchTools::replaceWithFileMakesThePatch()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(2);
    QImage replacement = RunFixture::frameImage(2);
    for (int x = 5; x < 11; ++x)
        replacement.setPixel(x, 6, qRgb(1, 2, 3));
    const QString file = m_dir->filePath(QStringLiteral("fixed.png"));
    QVERIFY(replacement.save(file));
    int asked = 0;
    presenter(window.get())->setFileChooser([&](QWidget *) {
        ++asked;
        return file;
    });
    window->actions().replaceWithFile->trigger();
    QCOMPARE(asked, 1);

    const DirectorFrameState frame = onDisk(window.get()).frames.value(2);
    QVERIFY(frame.directorOverrides.isPatched);
    QCOMPARE(frame.status, FrameStatus::Approved); // AUDIT_FAIL approved by the patch
    QCOMPARE(frame.directorOverrides.patchHistory.last().prompt,
             QStringLiteral("replace with file fixed.png"));
    QCOMPARE(loaded(run() + u'/' + frame.imagePath), replacement);
    QCOMPARE(
        whitePixels(loaded(run() + u'/' + frame.directorOverrides.patchHistory.last().maskPath)),
        6);
    QCOMPARE(window->stage()->image().convertToFormat(QImage::Format_ARGB32), replacement);
    QCOMPARE(window->actions().undo->text(),
             QStringLiteral("&Undo Replace frame 2 with fixed.png"));
    window->actions().undo->trigger();
    QVERIFY(!onDisk(window.get()).frames.value(2).directorOverrides.isPatched);
    QCOMPARE(onDisk(window.get()).frames.value(2).status, FrameStatus::AuditFail);
}

void TestPatchTools::aWrongFileChangesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("said");
    QTest::newRow("wrong size") << QStringLiteral("size") << QStringLiteral("32 × 32 pixels");
    QTest::newRow("not a PNG") << QStringLiteral("bmp") << QStringLiteral("is not a PNG image");
    QTest::newRow("not an image") << QStringLiteral("text") << QStringLiteral("is not a PNG image");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("There is no file");
    QTest::newRow("the same pixels")
        << QStringLiteral("same") << QStringLiteral("Frame 2 was not replaced");
}

void TestPatchTools::aWrongFileChangesNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, said);
    const QString file = m_dir->filePath(QStringLiteral("wrong.png"));
    if (kind == u"size")
        QVERIFY(RunFixture::frameImage(2, 32).save(file));
    else if (kind == u"bmp")
        QVERIFY(RunFixture::frameImage(2).save(file, "BMP"));
    else if (kind == u"text")
        QVERIFY(RunFixture::writeFile(file, "not an image"));
    else if (kind == u"same")
        QVERIFY(RunFixture::frameImage(2).save(file));
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(2);
    window->manager()->waitForSaves();
    const QString sessionFile = run() + QStringLiteral("/director_session.json");
    QFile before(sessionFile);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray bytes = before.readAll();
    const int opened = MessageBox::openedCount();

    presenter(window.get())->setFileChooser([&](QWidget *) { return file; });
    MessageBox::setNextAnswer(MessageBox::Ok);
    window->actions().replaceWithFile->trigger();
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    const MessageBox::Message message = MessageBox::lastMessage();
    QCOMPARE(message.title, QStringLiteral("Replace with File"));
    QVERIFY2(message.text.contains(said), qPrintable(message.text));

    window->manager()->waitForSaves();
    QFile after(sessionFile);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), bytes);
    QVERIFY(!window->controller()->undoStack()->canUndo());
    QVERIFY2(patchFiles().isEmpty(), qPrintable(patchFiles().join(u' ')));
    QCOMPARE(window->stage()->image().convertToFormat(QImage::Format_ARGB32),
             RunFixture::frameImage(2));
}

void TestPatchTools::revertToOriginalIsOneUndoStep()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    const WindowActions &a = window->actions();
    QVERIFY(!a.revertToOriginal->isEnabled()); // nothing to revert
    QVERIFY(legalizeCurrent(window.get()));
    QVERIFY(a.revertToOriginal->isEnabled());
    const DirectorFrameState patched = onDisk(window.get()).frames.value(1);

    a.revertToOriginal->trigger();
    DirectorFrameState frame = onDisk(window.get()).frames.value(1);
    QVERIFY(!frame.directorOverrides.isPatched);
    QCOMPARE(frame.directorOverrides.patchHistory, patched.directorOverrides.patchHistory);
    QCOMPARE(frame.imagePath, QStringLiteral("candidates/frame_0001_attempt_01.png"));
    QCOMPARE(frame.status, FrameStatus::AuditFail); // its approval was of the patch alone
    QCOMPARE(window->stage()->image().convertToFormat(QImage::Format_ARGB32), frameOne());
    QVERIFY(!a.revertToOriginal->isEnabled());
    QCOMPARE(a.undo->text(), QStringLiteral("&Undo Revert frame 1 to its original image"));

    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames.value(1), patched);
    QVERIFY(a.revertToOriginal->isEnabled());
    QCOMPARE(window->stage()->image().convertToFormat(QImage::Format_ARGB32),
             loaded(run() + u'/' + patched.imagePath));
}

void TestPatchTools::patchHistoryListsEveryPatchWithItsImages()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    PatchHistoryView *history = window->inspector()->patchHistory();
    QVERIFY(history->isHidden());
    QCOMPARE(history->list()->topLevelItemCount(), 0);

    QVERIFY(legalizeCurrent(window.get()));
    QImage second = PaletteLegalize::legalize(frameOne(), anchorPalette())->image;
    second.setPixel(7, 7, qRgba(0, 0, 0, 0));
    const QString file = m_dir->filePath(QStringLiteral("second.png"));
    QVERIFY(second.save(file));
    presenter(window.get())->setFileChooser([&](QWidget *) { return file; });
    window->actions().replaceWithFile->trigger();

    const QList<PatchHistoryEntry> patches =
        onDisk(window.get()).frames.value(1).directorOverrides.patchHistory;
    QCOMPARE(patches.size(), 2);
    QVERIFY(!history->isHidden());
    QTreeWidget *list = history->list();
    QCOMPARE(list->topLevelItemCount(), 2);
    // Newest first; the current one marked.
    for (int row = 0; row < 2; ++row) {
        const PatchHistoryEntry &patch = patches[1 - row];
        QTreeWidgetItem *item = list->topLevelItem(row);
        QCOMPARE(item->data(PatchHistoryView::Number, Qt::UserRole).toInt(), 2 - row);
        QCOMPARE(item->data(PatchHistoryView::Number, PatchHistoryView::CurrentRole).toBool(),
                 row == 0);
        QCOMPARE(item->text(PatchHistoryView::Prompt), patch.prompt);
        QVERIFY(!item->text(PatchHistoryView::Time).isEmpty());
        // 16 px images at 48 px: each pixel a 3 × 3 square, nearest neighbour.
        const std::pair<PatchHistoryView::Column, QString> images[] = {
            {PatchHistoryView::Original, patch.originalPath},
            {PatchHistoryView::Patched, patch.patchedPath},
            {PatchHistoryView::Mask, patch.maskPath}};
        for (const auto &[column, path] : images) {
            const QImage thumbnail =
                history->thumbnail(row, column).convertToFormat(QImage::Format_ARGB32);
            QVERIFY2(showsEveryPixel(thumbnail, loaded(run() + u'/' + path), 3), qPrintable(path));
            QVERIFY(!item->icon(column).isNull());
        }
    }
    QVERIFY(list->topLevelItem(0)->text(0).contains(QLatin1String("current")));
    QCOMPARE(patches[1].prompt, QStringLiteral("replace with file second.png"));

    // Reverted: the history stays, no patch is current.
    window->actions().revertToOriginal->trigger();
    QCOMPARE(list->topLevelItemCount(), 2);
    QVERIFY(!list->topLevelItem(0)->data(0, PatchHistoryView::CurrentRole).toBool());
    // Another frame, with no patch: no list.
    window->setCurrentFrame(2);
    QVERIFY(history->isHidden());
}

void TestPatchTools::compareWithTheOriginalCountsTheMasksPixels()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    const WindowActions &a = window->actions();
    QVERIFY(!a.referenceOriginal->isEnabled()); // not patched: no original
    QVERIFY(legalizeCurrent(window.get()));
    QVERIFY(a.referenceOriginal->isEnabled());
    // Nudged as commit would write it: both sides moved by the frame's offset.
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(onDisk(window.get()).frames.value(1).directorOverrides.alignment->userOverrideX, 1.0);

    a.compareDifference->trigger();
    a.referenceOriginal->trigger();
    auto *view = window->findChild<CompareView *>(QStringLiteral("compareView"));
    QVERIFY(view);
    QVERIFY(view->isVisible());
    const PatchHistoryEntry patch =
        onDisk(window.get()).frames.value(1).directorOverrides.patchHistory.last();
    const qsizetype white = whitePixels(loaded(run() + u'/' + patch.maskPath));
    QVERIFY(white > 0);
    QCOMPARE(view->differingPixels(), white);
    QVERIFY2(view->caption().contains(QLatin1String("the original")), qPrintable(view->caption()));
    a.compareSideBySide->trigger();
    QVERIFY(a.referenceOriginal->isChecked());

    // A frame that is not patched has no original.
    window->setCurrentFrame(2);
    QVERIFY(!a.referenceOriginal->isEnabled());
}

void TestPatchTools::patchActionsAreOffWhenTheyCannotApply()
{
    const auto patchOn = [](MainWindow *window) {
        const WindowActions &a = window->actions();
        return a.legalizePalette->isEnabled() && a.replaceWithFile->isEnabled();
    };
    const auto patchOff = [](MainWindow *window) {
        for (QAction *action : window->actions().patching()) {
            if (action->isEnabled())
                return false;
        }
        return true;
    };
    {
        MainWindow empty; // no session
        QVERIFY(patchOff(&empty));
    }
    auto window = openWindow();
    QVERIFY(window);
    window->setCurrentFrame(1);
    QVERIFY(patchOn(window.get()));
    window->setCurrentFrame(4); // PENDING: no image yet
    QVERIFY(patchOff(window.get()));
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(!window->findChild<LegalizeDialog *>());
    window->setCurrentFrame(1);
    QVERIFY(patchOn(window.get()));

    // While playing: off, and on again once paused.
    window->playback()->play();
    QVERIFY(window->playback()->isPlaying());
    QVERIFY(patchOff(window.get()));
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(!window->findChild<LegalizeDialog *>());
    window->playback()->pause();
    QTRY_VERIFY(patchOn(window.get()));
    window.reset();

    // Read-only.
    window = openWindow(SessionManager::Access::ReadOnly);
    QVERIFY(window);
    QVERIFY(window->manager()->isReadOnly());
    window->setCurrentFrame(1);
    QVERIFY(patchOff(window.get()));
    window->actions().replaceWithFile->trigger();
    window->actions().legalizePalette->trigger();
    QVERIFY(!window->findChild<LegalizeDialog *>());
    QVERIFY(patchFiles().isEmpty());
}

QTEST_MAIN(TestPatchTools)
#include "tst_patchtools.moc"
