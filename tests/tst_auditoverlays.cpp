#include "audit/movemetrics.h"
#include "audit/palettecheck.h"
#include "auditoverlays.h"
#include "auditpresenter.h"
#include "commit/commitexporter.h"
#include "demo/demorun.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "motionplot.h"
#include "preferences.h"
#include "review/framelistmodel.h"
#include "run/imageloader.h"
#include "run/runfolder.h"
#include "run/runingest.h"
#include "run/runpaths.h"
#include "runfixture.h"
#include "stageview.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The audit's overlays and the motion plot on the demo run, whose frames 3, 5 and 9 are
// drifted on purpose and frame 11 has off-palette pixels (model/demo/demorun.cpp). Every
// expected value is computed here from the run's own pixels, as commit writes them.
class TestAuditOverlays : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offPaletteCountIsTheFramesOwn();
    void anOffPalettePixelIsHighlightedOnTheStage();
    void anExplicitPaletteIsUsed();
    void baselineGapAndDirectionOnDriftedFrames();
    void boundingBoxPivotShiftFollowsANudge();
    void plotHoldsEveryFramesValues();
    void plotFollowsThePipelinesNews();
    void clickOnThePlotGoesToTheFrame();
    void togglesAreRemembered();

private:
    std::unique_ptr<MainWindow> openWindow();
    // The frame as commit writes it, loaded here (offset applied).
    QImage placed(int frame) const;
    static QRect visibleBox(const QImage &image);
    static QPointF pivotOf(const QImage &image);
    static QList<QPoint> offPalette(const QImage &frame, const QImage &anchor);
    QString label(const char *name) const;
    // The stage as the screen shows it, and where a frame pixel is drawn there.
    QImage stageShot() const;
    QPoint onStage(QPoint framePixel) const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestAuditOverlays::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
}

void TestAuditOverlays::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(DemoRun::write(m_dir->path()).isOk());
}

void TestAuditOverlays::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestAuditOverlays::openWindow()
{
    auto window = std::make_unique<MainWindow>();
    // The whole frame in view at 4× (not Fit): the checks below count device pixels.
    window->resize(1100, 1100);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->openRun(m_dir->path()))
        return {};
    window->actions().zoom[2]->trigger();
    // The whole move is measured in the background.
    if (!QTest::qWaitFor([&] {
            return !window->audit()->metrics().isBusy() &&
                   window->audit()->plot()->frames().size() == DemoRun::frameCount;
        }))
        return {};
    return window;
}

QImage TestAuditOverlays::placed(int frame) const
{
    const DirectorFrameState state = m_window->manager()->session().frames.value(frame);
    const QImage image = *ImageLoader::loadFromRun(RunPaths(m_dir->path()), state.finalImagePath());
    QPoint offset;
    if (state.directorOverrides.alignment)
        offset = QPoint(qRound(state.directorOverrides.alignment->userOverrideX),
                        qRound(state.directorOverrides.alignment->userOverrideY));
    QImage moved(image.size(), QImage::Format_ARGB32);
    moved.fill(Qt::transparent);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (QRect(QPoint(), image.size()).contains(QPoint(x, y) + offset))
                moved.setPixel(QPoint(x, y) + offset, image.pixel(x, y));
    return moved;
}

QRect TestAuditOverlays::visibleBox(const QImage &image)
{
    QRect box;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(image.pixel(x, y)) > 0)
                box |= QRect(x, y, 1, 1);
    return box;
}

QPointF TestAuditOverlays::pivotOf(const QImage &image)
{
    const QRect box = visibleBox(image);
    return {(box.left() + box.right() + 1) / 2.0, double(box.bottom() + 1)};
}

QList<QPoint> TestAuditOverlays::offPalette(const QImage &frame, const QImage &anchor)
{
    QSet<QRgb> palette;
    for (int y = 0; y < anchor.height(); ++y)
        for (int x = 0; x < anchor.width(); ++x)
            if (qAlpha(anchor.pixel(x, y)) >= 128)
                palette.insert(qRgb(qRed(anchor.pixel(x, y)), qGreen(anchor.pixel(x, y)),
                                    qBlue(anchor.pixel(x, y))));
    QList<QPoint> off;
    for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x) {
            const QRgb p = frame.pixel(x, y);
            if (qAlpha(p) >= 128 && !palette.contains(qRgb(qRed(p), qGreen(p), qBlue(p))))
                off.append(QPoint(x, y));
        }
    return off;
}

QString TestAuditOverlays::label(const char *name) const
{
    const auto *found = m_window->findChild<QLabel *>(QLatin1String(name));
    return found ? found->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

QImage TestAuditOverlays::stageShot() const
{
    return m_window->stage()->grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

QPoint TestAuditOverlays::onStage(QPoint framePixel) const
{
    const int zoom = m_window->stage()->zoom();
    return m_window->stage()->canvasRect().topLeft() + framePixel * zoom;
}

void TestAuditOverlays::offPaletteCountIsTheFramesOwn()
{
    m_window = openWindow();
    QVERIFY(m_window);
    const QLocale locale;
    m_window->setCurrentFrame(11);
    const QList<QPoint> off = offPalette(placed(11), placed(0));
    QVERIFY(off.size() > 20); // the demo's colour noise
    QVERIFY2(label("offPalette").startsWith(locale.toString(off.size()) + QLatin1Char(' ')),
             qPrintable(label("offPalette")));
    QVERIFY(label("palette").contains(QStringLiteral("from the anchor, frame 0")));
    // A frame drawn with the palette only: none.
    m_window->setCurrentFrame(2);
    QCOMPARE(offPalette(placed(2), placed(0)).size(), 0);
    QVERIFY2(label("offPalette").startsWith(QStringLiteral("0 ")), qPrintable(label("offPalette")));
}

void TestAuditOverlays::anOffPalettePixelIsHighlightedOnTheStage()
{
    m_window = openWindow();
    QVERIFY(m_window);
    m_window->setCurrentFrame(11);
    const QPoint pixel = offPalette(placed(11), placed(0)).first();
    const QRgb own = placed(11).pixel(pixel);
    const QPoint at = onStage(pixel);
    // Off: the pixel's own colour.
    QCOMPARE(stageShot().pixel(at) & 0xffffff, own & 0xffffff);
    m_window->actions().paletteOverlay->trigger();
    QVERIFY(m_window->actions().paletteOverlay->isChecked());
    const QImage shot = stageShot();
    // On: magenta on the pixel's top-left quarter, green beside it, at zoom 4.
    QCOMPARE(shot.pixel(at), PaletteOverlay::magenta);
    QCOMPARE(shot.pixel(at + QPoint(2, 0)), PaletteOverlay::green);
    // A pixel of the palette keeps its colour.
    const QList<QPoint> off = offPalette(placed(11), placed(0));
    const QRect box = visibleBox(placed(11));
    for (int x = box.left(); x <= box.right(); ++x) {
        const QPoint p(x, box.center().y());
        if (qAlpha(placed(11).pixel(p)) == 255 && !off.contains(p)) {
            QCOMPARE(shot.pixel(onStage(p)) & 0xffffff, placed(11).pixel(p) & 0xffffff);
            break;
        }
    }
}

void TestAuditOverlays::anExplicitPaletteIsUsed()
{
    // palette.json names every colour of the demo but its outline: the outline's pixels are
    // off the palette too.
    QStringList colours;
    for (QRgb c : DemoRun::palette().mid(1))
        colours.append(QColor::fromRgb(c).name());
    QVERIFY(
        RunFixture::writeJson(m_dir->path() + QStringLiteral("/palette.json"),
                              {{QStringLiteral("colors"), QJsonArray::fromStringList(colours)}}));
    m_window = openWindow();
    QVERIFY(m_window);
    m_window->setCurrentFrame(2);
    const QImage frame = placed(2);
    int outline = 0;
    for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x)
            outline += frame.pixel(x, y) == DemoRun::palette().first();
    QVERIFY(outline > 0);
    QVERIFY2(label("offPalette").startsWith(QLocale().toString(outline) + QLatin1Char(' ')),
             qPrintable(label("offPalette")));
    QVERIFY(label("palette").contains(QStringLiteral("palette.json")));
}

void TestAuditOverlays::baselineGapAndDirectionOnDriftedFrames()
{
    m_window = openWindow();
    QVERIFY(m_window);
    const int anchorBaseline = visibleBox(placed(0)).bottom() + 1;
    // Frame 3 was drifted 2 px down, frame 9 1 px up, frame 5 sideways only.
    const struct
    {
        int frame;
        QString label;
    } drifted[] = {{3, QStringLiteral("2 px below anchor")},
                   {9, QStringLiteral("1 px above anchor")},
                   {5, QStringLiteral("on the anchor's baseline")}};
    m_window->actions().baselineOverlay->trigger();
    for (const auto &d : drifted) {
        m_window->setCurrentFrame(d.frame);
        const int baseline = visibleBox(placed(d.frame)).bottom() + 1;
        QCOMPARE(m_window->audit()->baselineOverlay().label(), d.label);
        const int gap = anchorBaseline - baseline;
        QCOMPARE(d.label.contains(QStringLiteral("below")), gap < 0);
        // The line lies on the frame's baseline, left of the canvas (the anchor's guide is
        // dashed and blue).
        const QPoint at = onStage(QPoint(0, baseline)) - QPoint(3, 0);
        if (gap != 0)
            QCOMPARE(stageShot().pixel(at), BaselineOverlay::colour);
    }
}

void TestAuditOverlays::boundingBoxPivotShiftFollowsANudge()
{
    m_window = openWindow();
    QVERIFY(m_window);
    m_window->actions().boundsOverlay->trigger();
    m_window->setCurrentFrame(5); // drifted 3 px right
    const QPointF shift = pivotOf(placed(5)) - pivotOf(placed(0));
    QCOMPARE(shift, QPointF(3, 0));
    QCOMPARE(m_window->audit()->boundsOverlay().label(),
             QStringLiteral("pivot +3, 0 px from anchor's"));
    // The frame's box is drawn on its pixels: its left edge in the frame's colour.
    const QRect box = visibleBox(placed(5));
    QCOMPARE(stageShot().pixel(onStage(QPoint(box.left(), box.top() + 1))),
             BoundsOverlay::frameColour);
    // Nudged 3 px left, as commit will write it the jitter is gone, on the stage and in the plot.
    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::ControlModifier);
    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::ControlModifier);
    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(pivotOf(placed(5)) - pivotOf(placed(0)), QPointF(0, 0));
    QCOMPARE(m_window->audit()->boundsOverlay().label(),
             QStringLiteral("pivot 0, 0 px from anchor's"));
    QTRY_COMPARE(m_window->audit()->plot()->frames().at(5).drift.pivotShift, QPointF(0, 0));
}

void TestAuditOverlays::plotHoldsEveryFramesValues()
{
    m_window = openWindow();
    QVERIFY(m_window);
    const QList<MoveMetrics::Frame> frames = m_window->audit()->plot()->frames();
    QCOMPARE(frames.size(), DemoRun::frameCount);
    const QImage anchor = placed(0);
    bool jitter = false;
    for (int row = 0; row < frames.size(); ++row) {
        const int frame = m_window->model()->frameAtRow(row);
        QCOMPARE(frames.at(row).frameIndex, frame);
        const QImage image = placed(frame);
        QVERIFY(frames.at(row).drift.measured);
        QCOMPARE(frames.at(row).drift.baselineGap,
                 (visibleBox(anchor).bottom() + 1) - (visibleBox(image).bottom() + 1));
        QCOMPARE(frames.at(row).drift.pivotShift, pivotOf(image) - pivotOf(anchor));
        jitter |= frames.at(row).drift.pivotShift != QPointF();
    }
    QVERIFY(jitter);
}

void TestAuditOverlays::plotFollowsThePipelinesNews()
{
    m_window = openWindow();
    QVERIFY(m_window);
    QCOMPARE(m_window->audit()->plot()->frames().at(3).drift.baselineGap, -2);
    // A new attempt at frame 3 (drifted 2 px down), 3 px higher, and a frame 16 beyond the
    // loop, 2 px to the right, as the run grows.
    const QString candidates = m_dir->path() + QStringLiteral("/candidates/");
    QVERIFY(CommitExporter::translated(placed(3), 0, -3)
                .save(candidates + QStringLiteral("frame_0003_attempt_02.png")));
    QVERIFY(CommitExporter::translated(placed(0), 2, 0)
                .save(candidates + QStringLiteral("frame_0016_attempt_01.png")));
    QFile manifestFile(m_dir->path() + QStringLiteral("/manifest.lock.json"));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    QByteArray manifest = manifestFile.readAll();
    manifestFile.close();
    const qsizetype count = manifest.indexOf("\"frame_count\": 16");
    QVERIFY2(count > 0, manifest.constData());
    manifest.replace(count, 17, "\"frame_count\": 17");
    QVERIFY(RunFixture::writeFile(manifestFile.fileName(), manifest));
    int changed = 0;
    int added = 0;
    // What the run watcher does when it looks (tst_liverun drives the watcher itself).
    RunFolder::Contents contents;
    QVERIFY(RunFolder::read(m_dir->path(), &contents).isOk());
    const RunIngest::Plan plan =
        RunIngest::plan(m_window->manager()->session(), contents, m_dir->path());
    QVERIFY(m_window->manager()->ingest(plan, &changed, &added).isOk());
    QCOMPARE(changed, 1);
    QCOMPARE(added, 1);
    QTRY_COMPARE(m_window->audit()->plot()->frames().size(), DemoRun::frameCount + 1);
    QTRY_COMPARE(m_window->audit()->plot()->frames().at(3).drift.baselineGap, 1);
    QCOMPARE(m_window->audit()->plot()->frames().at(16).drift.pivotShift, QPointF(2, 0));
    QCOMPARE(m_window->audit()->plot()->frames().at(16).drift.baselineGap, 0);
}

void TestAuditOverlays::clickOnThePlotGoesToTheFrame()
{
    m_window = openWindow();
    QVERIFY(m_window);
    MotionPlot *plot = m_window->audit()->plot();
    QVERIFY(plot->isVisible());
    QCOMPARE(m_window->currentFrame(), 0);
    QTest::mouseClick(plot, Qt::LeftButton, {}, QPoint(plot->columnCentre(9), plot->height() / 2));
    QCOMPARE(m_window->currentFrame(), 9);
    QCOMPARE(plot->currentFrame(), 9);
    QCOMPARE(m_window->filmstrip()->currentIndex().row(), m_window->model()->rowOfFrame(9));
}

void TestAuditOverlays::togglesAreRemembered()
{
    m_window = openWindow();
    QVERIFY(m_window);
    QVERIFY(!m_window->actions().baselineOverlay->isChecked());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_B);
    QTest::keyClick(m_window.get(), Qt::Key_P);
    QVERIFY(m_window->actions().baselineOverlay->isChecked());
    QVERIFY(m_window->actions().paletteOverlay->isChecked());
    QVERIFY(!m_window->actions().boundsOverlay->isChecked());
    // Typed into the notes, the letters stay in the notes.
    m_window->inspector()->notesEditor()->setFocus();
    QTest::keyClicks(m_window->inspector()->notesEditor(), QStringLiteral("jbp"));
    QCOMPARE(m_window->inspector()->notesEditor()->toPlainText(), QStringLiteral("jbp"));
    QVERIFY(!m_window->actions().boundsOverlay->isChecked());
    QVERIFY(m_window->actions().baselineOverlay->isChecked());
    m_window.reset();
    m_window = openWindow();
    QVERIFY(m_window);
    QVERIFY(m_window->actions().baselineOverlay->isChecked());
    QVERIFY(m_window->actions().paletteOverlay->isChecked());
    QVERIFY(!m_window->actions().boundsOverlay->isChecked());
    // And drawn: frame 11's first off-palette pixel is highlighted at once.
    m_window->setCurrentFrame(11);
    const QPoint pixel = offPalette(placed(11), placed(0)).first();
    QCOMPARE(stageShot().pixel(onStage(pixel)), PaletteOverlay::magenta);
}

QTEST_MAIN(TestAuditOverlays)
#include "tst_auditoverlays.moc"
