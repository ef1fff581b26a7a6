// Takes the README's screenshots, offscreen: screenshot OUTPUT_DIR writes
//   director.png       the review window on the demo run (light),
//   director-dark.png  the same in the dark palette for pixel work,
//   preferences.png    the preferences dialog,
//   overlays.png       the audit's overlays on a drifted frame, the motion plot under the
//   filmstrip, playback.png       the move playing, with its rate, wipe.png           Compare →
//   Wipe against the anchor, difference.png     Compare → Difference against the anchor,
//   legalize.png       Patch → Legalize Palette…'s preview of the demo's frame 11,
//   mask.png           Patch → Paint Mask on frame 5: a stroke and the prompt, ready to Patch,
//   edited.png         Patch → Edit in … took a save of frame 11 as a patch (the desktop's
//                      application, played by a handler that saves the frame cleaned up):
//                      the patch history, Compare → Side by Side against the original,
//   startpage.png      the start page on a folder of four demo runs: one not started, one
//                      partly reviewed, one committed, one another Director holds.
// The report's picture (report.png) is tests/report_screenshot.sh's: a browser draws it.
#include "audit/palettecheck.h"
#include "demo/demorun.h"
#include "legalizedialog.h"
#include "mainwindow.h"
#include "maskbar.h"
#include "patch/palettelegalize.h"
#include "patchhistoryview.h"
#include "preferencesdialog.h"
#include "review/framelistmodel.h"
#include "review/sessionmanager.h"
#include "run/imageloader.h"
#include "run/runcatalog.h"
#include "run/runpaths.h"
#include "runsfixture.h"
#include "stageview.h"
#include "startpage.h"
#include "theme.h"
#include "windowactions.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QDesktopServices>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The desktop's application for PNG images as Edit in … hands it the working copy
// (QDesktopServices' handler seam): "saves" `cleaned` over it, as an artist would.
class CleaningEditor : public QObject
{
    Q_OBJECT

public:
    QImage cleaned;

public slots:
    void open(const QUrl &url) { cleaned.save(url.toLocalFile(), "PNG"); }
};

// Patch → Edit in … on frame 11, its save the frame with the palette's noise cleaned up.
template <typename Save> bool saveEdited(MainWindow &window, Save save)
{
    const RunPaths run(window.manager()->runDir());
    const DirectorSession &session = window.manager()->session();
    const Result<QImage> anchor = ImageLoader::loadFromRun(run, session.frames.value(0).imagePath);
    const Result<QImage> frame = ImageLoader::loadFromRun(run, session.frames.value(11).imagePath);
    if (!anchor || !frame)
        return false;
    const auto legalized = PaletteLegalize::legalize(*frame, PaletteCheck::fromAnchor(*anchor),
                                                     PaletteLegalize::Alpha::Snap);
    if (!legalized)
        return false;
    CleaningEditor editor;
    editor.cleaned = legalized->image;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &editor, "open");
    window.setCurrentFrame(11);
    window.actions().editExternally->trigger();
    const bool patched = QTest::qWaitFor(
        [&] { return window.manager()->session().frames.value(11).directorOverrides.isPatched; },
        10000);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    if (!patched)
        return false;
    const WindowActions &a = window.actions();
    a.referenceOriginal->trigger();
    a.compareSideBySide->trigger();
    QTest::qWait(300); // the patch history's thumbnails
    auto *history = window.findChild<PatchHistoryView *>();
    auto *inspector = history ? window.findChild<QScrollArea *>() : nullptr;
    if (!inspector)
        return false;
    inspector->ensureWidgetVisible(history);
    const bool ok = save(&window, "edited.png");
    a.compareOff->trigger();
    return ok;
}

// Patch → Paint Mask on frame 5: a stroke across the sprite's hand and the prompt.
template <typename Save> bool saveMask(MainWindow &window, Save save)
{
    window.setCurrentFrame(5);
    window.actions().paintMask->trigger();
    StageView *stage = window.stage();
    const int scale = stage->pixelScale(stage->devicePixelRatioF());
    const auto at = [&](double x, double y) {
        return stage->canvasRect().topLeft() +
               QPoint(int(x * DemoRun::frameSize), int(y * DemoRun::frameSize)) * scale +
               QPoint(scale / 2, scale / 2);
    };
    auto *bar = window.findChild<MaskBar *>();
    if (!bar)
        return false;
    if (auto *brush = bar->findChild<QSpinBox *>())
        brush->setValue(4);
    if (auto *prompt = bar->findChild<QLineEdit *>())
        prompt->setText(QStringLiteral("the hand as the anchor has it"));
    QWidget *viewport = stage->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, at(0.70, 0.62));
    for (double t = 0; t <= 1.0; t += 0.1)
        QTest::mouseMove(viewport, at(0.70 + 0.10 * t, 0.62 + 0.14 * t));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(0.80, 0.76));
    const bool ok = save(&window, "mask.png");
    window.actions().paintMask->trigger();
    return ok;
}

// The review tools of issue-sized features, on the window as the main shot left it (frame 5).
template <typename Save> bool saveReviewTools(MainWindow &window, Save save)
{
    const WindowActions &a = window.actions();
    a.onionSkin->trigger(); // off: the overlays alone
    a.zoom[2]->trigger();
    window.setCurrentFrame(11); // the demo's colour noise: pixels off the palette
    for (QAction *overlay : {a.paletteOverlay, a.baselineOverlay, a.boundsOverlay})
        overlay->trigger();
    bool ok = save(&window, "overlays.png");
    for (QAction *overlay : {a.paletteOverlay, a.baselineOverlay, a.boundsOverlay})
        overlay->trigger();
    a.zoomFit->trigger();
    a.playPause->trigger();
    QTest::qWait(1500); // a second and a half of the move, so that the rate is measured
    ok = save(&window, "playback.png") && ok;
    a.playPause->trigger();
    window.setCurrentFrame(5);
    a.referenceAnchor->trigger();
    a.compareWipe->trigger();
    ok = save(&window, "wipe.png") && ok;
    a.compareDifference->trigger();
    ok = save(&window, "difference.png") && ok;
    a.compareOff->trigger();
    window.setCurrentFrame(11);
    a.legalizePalette->trigger();
    if (auto *legalize = window.findChild<LegalizeDialog *>()) {
        ok = QTest::qWaitForWindowExposed(legalize) && save(legalize, "legalize.png") && ok;
        legalize->reject();
    } else {
        ok = false;
    }
    ok = saveMask(window, save) && ok;
    return saveEdited(window, save) && ok;
}

// Gives a demo run (DemoRun names each for the second it was written) a run id of its own.
bool renameRun(const QString &runDir, const QString &runId)
{
    for (const char *name : {"manifest.lock.json", "state.json"}) {
        const QString path = runDir + u'/' + QLatin1String(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        object.insert(QStringLiteral("run_id"), runId);
        if (!RunFixture::writeJson(path, object))
            return false;
    }
    return true;
}

// Says why `outcome` failed, for the developer; whether it did not.
bool said(const Outcome &outcome, const char *what)
{
    if (!outcome)
        qWarning("%s: %s", what, qPrintable(outcome.message()));
    return bool(outcome);
}

// A demo run in `folder` named `runId`, its first `approved` frames approved by the operator
// and `rejected` more rejected with a reason (none: no session yet); committed when asked.
bool writeRun(const QDir &folder, const QString &runId, int frames, int approved, int rejected,
              bool commit = false)
{
    const QString run = folder.filePath(runId);
    if (!said(DemoRun::write(run, frames), "demo run") || !renameRun(run, runId))
        return false;
    if (approved == 0 && rejected == 0)
        return true;
    SessionManager manager;
    if (!said(manager.initializeOrResume(run), "session"))
        return false;
    const QString reviewer = QStringLiteral("mara");
    for (int index = 0; index < approved + rejected; ++index) {
        if (index < approved &&
            manager.session().frames.value(index).status == FrameStatus::Approved)
            continue; // the audit passed it
        const FrameEdit verdict = index < approved
                                      ? FrameEdit::statusTo(FrameStatus::Approved, reviewer)
                                      : FrameEdit::statusTo(FrameStatus::AuditFail, reviewer,
                                                            QStringLiteral("SF01_IDENTITY_DRIFT"),
                                                            QStringLiteral("The face turns away."));
        if (!said(manager.applyFrameEdit(index, verdict), "verdict"))
            return false;
    }
    return said(commit ? manager.commitSession() : manager.waitForSaves(), "save");
}

// The start page on a folder of demo runs, one of each state the operator tells apart.
template <typename Save> bool saveStartPage(const QString &folder, Save save)
{
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return false;
    // Named as the pipeline names its runs, today's: the page's last activity is today too.
    const QString today = QDate::currentDate().toString(QStringLiteral("yyyyMMdd_"));
    const QString held = today + QStringLiteral("110940_blaze_idle");
    bool ok = writeRun(dir, today + QStringLiteral("093112_blaze_idle"), 16, 16, 0, true);
    ok = ok && writeRun(dir, held, 24, 5, 1) &&
         RunsFixture::writeForeignLock(dir.filePath(held), QStringLiteral("render-07"), 4242);
    ok = ok && writeRun(dir, today + QStringLiteral("130215_blaze_idle"), 16, 6, 3);
    ok = ok && writeRun(dir, today + QStringLiteral("151740_blaze_idle"), 16, 0, 0);
    if (!ok) {
        qWarning("could not write the start page's runs");
        return false;
    }
    StartPage page;
    page.setFolder(folder);
    page.resize(1280, 240);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page) ||
        !QTest::qWaitFor([&page] { return page.catalog()->rowCount() == 4; })) {
        qWarning("the start page did not show the runs");
        return false;
    }
    return save(&page, "startpage.png");
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir settings;
    qputenv("XDG_CONFIG_HOME", settings.path().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    if (argc != 2) {
        qWarning("usage: screenshot OUTPUT_DIR");
        return 1;
    }
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("20261124_blaze_idle_demo"));
    if (!DemoRun::write(run)) {
        qWarning("could not write the demo run");
        return 1;
    }
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return 1;
    if (!window.openRun(run))
        return 1;
    // A review in progress: a nudge, a verdict, a note, onion skin on.
    window.setCurrentFrame(3);
    QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier);
    window.setCurrentFrame(9);
    QTest::keyClick(&window, Qt::Key_A);
    window.setCurrentFrame(11);
    QTest::keyClicks(window.findChild<QPlainTextEdit *>(QStringLiteral("notes")),
                     QStringLiteral("Orange halo left of the outline; patch or re-roll."));
    window.setCurrentFrame(5);
    window.actions().onionSkin->trigger();
    // The filmstrip's thumbnails are made in the background: wait for them.
    const FrameListModel *model = window.model();
    const bool thumbnailsMade = QTest::qWaitFor([model] {
        bool made = true;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row);
            index.data(Qt::DecorationRole); // the frames out of view too
            made = made && !index.data(FrameListModel::ThumbnailLoadingRole).toBool();
        }
        return made;
    });
    if (!thumbnailsMade)
        qWarning("the filmstrip's thumbnails were not made in time");
    const QDir out(QString::fromLocal8Bit(argv[1]));
    auto save = [&out](QWidget *widget, const char *name) {
        QTest::qWait(50);
        const bool saved = widget->grab().toImage().save(out.filePath(QLatin1String(name)));
        if (!saved)
            qWarning("could not write %s", name);
        return saved;
    };
    bool ok = save(&window, "director.png");
    Theme::apply(Preferences::Theme::Dark);
    ok = save(&window, "director-dark.png") && ok;
    Theme::apply(Preferences::Theme::Light);
    PreferencesDialog preferences(Preferences::load(), &window);
    preferences.show();
    ok = QTest::qWaitForWindowExposed(&preferences) && save(&preferences, "preferences.png") && ok;
    preferences.close();
    ok = saveReviewTools(window, save) && ok;
    window.close();
    ok = saveStartPage(dir.filePath(QStringLiteral("runs")), save) && ok;
    return ok ? 0 : 1;
}

#include "screenshot.moc"
