// The mask tool (README, Patches): MaskStrokes on its own, then Patch → Paint Mask in the real
// window: drags on the stage paint whole source pixels at the zoom and the frame's offset, the
// eraser, Undo Stroke, Clear, the frame not moved; Patch runs the bundled provider and records
// one undo step; a failing provider says why and keeps the mask and prompt; Cancel ends a
// hanging provider and records nothing.
#include "mainwindow.h"
#include "maskbar.h"
#include "maskpresenter.h"
#include "messagebox.h"
#include "patch/inpaintprovider.h"
#include "patch/inpaintrequest.h"
#include "patch/maskstrokes.h"
#include "patch/patchmask.h"
#include "patchpresenter.h"
#include "review/reviewcontroller.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "stageview.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

namespace {

// The masked pixels of `mask`, as points.
QList<QPoint> maskedPixels(const QImage &mask)
{
    QList<QPoint> pixels;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            if (PatchMask::isMasked(mask, x, y))
                pixels.append(QPoint(x, y));
    return pixels;
}

QList<QPoint> rectPixels(const QRect &rect)
{
    QList<QPoint> pixels;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            pixels.append(QPoint(x, y));
    return pixels;
}

} // namespace

class TestMaskTool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // MaskStrokes
    void strokesPaintLinesWithTheBrush();
    void strokesEraseUndoAndClear();

    // The window
    void dragPaintsSourcePixelsAtZoomAndOffset();
    void eraserUndoStrokeAndClear();
    void theMaskBelongsToItsFrame();
    void patchWithTheBundledProviderIsOneUndoStep();
    void aFailingProviderKeepsMaskAndPrompt();
    void cancelEndsAHangingProvider();

private:
    std::unique_ptr<MainWindow> openWindow();
    static MaskPresenter *mask(MainWindow *window);
    // A drag with `button` through frame pixels `pixels` (the frame's own coordinates).
    static void drag(MainWindow *window, const QList<QPoint> &pixels,
                     Qt::MouseButton button = Qt::LeftButton);
    static QPoint at(MainWindow *window, QPoint pixel);
    QString provider(const QString &name, const QString &body) const;
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    QStringList patchFiles() const
    {
        return QDir(run() + QStringLiteral("/patches")).entryList(QDir::Files);
    }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMaskTool::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorMaskToolTests")));
}

void TestMaskTool::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    // Frames 0 APPROVED (the anchor), 1 AUDIT_WARN, 2 AUDIT_FAIL, 3 GENERATED, 4 PENDING.
    QVERIFY(RunFixture::writeMixedRun(run()));
}

void TestMaskTool::cleanup()
{
    MessageBox::setNextAnswer(MessageBox::NoButton);
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMaskTool::openWindow()
{
    auto window = WindowFixture::openWindow(run());
    if (!window || !window->manager()->hasSession())
        return {};
    window->setCurrentFrame(1);
    window->stage()->setZoom(4);
    return window;
}

MaskPresenter *TestMaskTool::mask(MainWindow *window)
{
    auto *patches = window->findChild<PatchPresenter *>(QStringLiteral("patchPresenter"));
    return patches ? patches->mask() : nullptr;
}

QPoint TestMaskTool::at(MainWindow *window, QPoint pixel)
{
    StageView *stage = window->stage();
    const QPoint offset =
        InpaintRequest::offsetOf(*window->manager()->getFrameState(window->currentFrame()));
    const int scale = stage->pixelScale(stage->devicePixelRatioF());
    // The middle of the pixel, in logical pixels (the tests run at a ratio of 1).
    return stage->canvasRect().topLeft() + (pixel + offset) * scale + QPoint(scale / 2, scale / 2);
}

void TestMaskTool::drag(MainWindow *window, const QList<QPoint> &pixels, Qt::MouseButton button)
{
    QWidget *viewport = window->stage()->viewport();
    QTest::mousePress(viewport, button, {}, at(window, pixels.first()));
    for (qsizetype i = 1; i < pixels.size(); ++i)
        QTest::mouseMove(viewport, at(window, pixels[i]));
    QTest::mouseRelease(viewport, button, {}, at(window, pixels.last()));
}

QString TestMaskTool::provider(const QString &name, const QString &body) const
{
    const QString script = m_dir->path() + u'/' + name + QStringLiteral(".py");
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("import json, sys, time\nreq = json.load(sys.stdin)\n");
    file.write(body.toUtf8());
    file.close();
    return QStringLiteral("python3 \"%1\"").arg(script);
}

void TestMaskTool::strokesPaintLinesWithTheBrush()
{
    MaskStrokes strokes;
    strokes.reset(QSize(10, 8));
    QCOMPARE(strokes.mask().format(), QImage::Format_Grayscale8);
    strokes.paint(QPoint(1, 1), QPoint(4, 1), 1); // no stroke begun: nothing
    QVERIFY(strokes.isEmpty());

    strokes.beginStroke();
    strokes.paint(QPoint(1, 1), QPoint(4, 1), 1);
    QCOMPARE(maskedPixels(strokes.mask()), rectPixels(QRect(QPoint(1, 1), QPoint(4, 1))));
    strokes.endStroke();
    QCOMPARE(strokes.strokeCount(), 1);

    strokes.reset(strokes.size());
    strokes.beginStroke();
    strokes.paint(QPoint(0, 3), QPoint(3, 6), 1); // a diagonal: one pixel a row
    QCOMPARE(maskedPixels(strokes.mask()), (QList<QPoint>{{0, 3}, {1, 4}, {2, 5}, {3, 6}}));
    strokes.endStroke();

    strokes.reset(strokes.size());
    strokes.beginStroke();
    strokes.paint(QPoint(6, 5), QPoint(6, 5), 2); // even: the extra pixel right and below
    QCOMPARE(maskedPixels(strokes.mask()), rectPixels(QRect(6, 5, 2, 2)));
    strokes.paint(QPoint(0, 0), QPoint(0, 0), 3); // clipped to the frame
    strokes.paint(QPoint(9, 7), QPoint(9, 7), 8);
    strokes.endStroke();
    QCOMPARE(strokes.count(), 4 + 4 * 4); // the 8-brush (6, 4 to 9, 7) covers the 2-brush
    QCOMPARE(strokes.count(), qsizetype(maskedPixels(strokes.mask()).size()));
    QCOMPARE(strokes.strokeCount(), 1);
    QCOMPARE(MaskStrokes::brushRect(QPoint(5, 5), 4), QRect(4, 4, 4, 4));
}

void TestMaskTool::strokesEraseUndoAndClear()
{
    MaskStrokes strokes;
    strokes.reset(QSize(8, 8));
    strokes.beginStroke();
    strokes.paint(QPoint(0, 2), QPoint(7, 2), 1);
    strokes.endStroke();
    const QImage painted = strokes.mask().copy();
    strokes.beginStroke();
    strokes.paint(QPoint(3, 2), QPoint(4, 2), 1, true);
    strokes.endStroke();
    QCOMPARE(strokes.count(), 6);
    QVERIFY(!PatchMask::isMasked(strokes.mask(), 3, 2));
    // A stroke that changes nothing is not kept.
    strokes.beginStroke();
    strokes.paint(QPoint(0, 6), QPoint(7, 6), 2, true);
    strokes.endStroke();
    QCOMPARE(strokes.strokeCount(), 2);
    QVERIFY(strokes.undoStroke());
    QCOMPARE(strokes.mask(), painted);
    QCOMPARE(strokes.count(), 8);
    strokes.clear();
    QVERIFY(strokes.isEmpty());
    QCOMPARE(PatchMask::count(strokes.mask()), 0);
    QVERIFY(strokes.undoStroke()); // Clear is undone too
    QCOMPARE(strokes.mask(), painted);
    QVERIFY(strokes.undoStroke());
    QVERIFY(strokes.isEmpty());
    QVERIFY(!strokes.undoStroke());
}

void TestMaskTool::dragPaintsSourcePixelsAtZoomAndOffset()
{
    auto window = openWindow();
    QVERIFY(window);
    MaskPresenter *presenter = mask(window.get());
    QVERIFY(presenter);
    QVERIFY(window->controller()->nudge(1, 3, 2));
    const auto offset = [&window] {
        return InpaintRequest::offsetOf(*window->manager()->getFrameState(1));
    };
    QCOMPARE(offset(), QPoint(3, 2));
    const int undoSteps = window->controller()->undoStack()->count();
    StageView *stage = window->stage();
    QCOMPARE(stage->pixelScale(stage->devicePixelRatioF()), 4);

    QAction *paintMask = window->actions().paintMask;
    QVERIFY(paintMask->isEnabled());
    QCOMPARE(paintMask->shortcut(), QKeySequence(Qt::Key_M));
    QTest::keyClick(stage, Qt::Key_M);
    QVERIFY(paintMask->isChecked());
    QVERIFY(presenter->isActive());
    QTRY_VERIFY(presenter->bar()->isVisible());
    QCOMPARE(presenter->strokes().size(), QSize(16, 16));

    // A press, one move far along and the release: the whole line, in the frame's pixels.
    drag(window.get(), {QPoint(2, 3), QPoint(6, 3)});
    QCOMPARE(maskedPixels(presenter->strokes().mask()),
             rectPixels(QRect(QPoint(2, 3), QPoint(6, 3))));
    // Not moved: no drag, no nudge, no undo step.
    QCOMPARE(offset(), QPoint(3, 2));
    QCOMPARE(stage->dragDelta(), QPoint());
    QCOMPARE(window->controller()->undoStack()->count(), undoSteps);

    // A 2-pixel brush: a square with the pixel clicked at its top left.
    presenter->bar()->findChild<QSpinBox *>(QStringLiteral("maskBrush"))->setValue(2);
    drag(window.get(), {QPoint(10, 10)});
    QList<QPoint> expected = rectPixels(QRect(QPoint(2, 3), QPoint(6, 3)));
    expected += rectPixels(QRect(10, 10, 2, 2));
    std::sort(expected.begin(), expected.end(),
              [](QPoint a, QPoint b) { return std::pair(a.y(), a.x()) < std::pair(b.y(), b.x()); });
    QCOMPARE(maskedPixels(presenter->strokes().mask()), expected);
    QCOMPARE(offset(), QPoint(3, 2));

    // Drawn over the frame at its offset: magenta over the checkerboard where masked.
    const QImage shot = stage->viewport()->grab().toImage();
    const QColor masked = shot.pixelColor(at(window.get(), QPoint(2, 3)));
    const QColor plain = shot.pixelColor(at(window.get(), QPoint(2, 5)));
    QVERIFY2(masked.red() > masked.green() + 60 && masked.blue() > masked.green() + 60,
             qPrintable(masked.name()));
    QVERIFY2(qAbs(plain.red() - plain.green()) < 10, qPrintable(plain.name()));

    // Off again: the left drag moves the frame.
    paintMask->trigger();
    QVERIFY(!presenter->isActive());
    QVERIFY(!presenter->bar()->isVisible());
    drag(window.get(), {QPoint(4, 4), QPoint(5, 4)});
    QTRY_COMPARE(offset(), QPoint(4, 2));
}

void TestMaskTool::eraserUndoStrokeAndClear()
{
    auto window = openWindow();
    QVERIFY(window);
    MaskPresenter *presenter = mask(window.get());
    window->actions().paintMask->trigger();
    MaskBar *bar = presenter->bar();
    auto *patch = bar->findChild<QPushButton *>(QStringLiteral("maskPatch"));
    auto *undo = bar->findChild<QPushButton *>(QStringLiteral("maskUndoStroke"));
    auto *clear = bar->findChild<QPushButton *>(QStringLiteral("maskClear"));
    QVERIFY(patch && undo && clear);
    QVERIFY(!patch->isEnabled());
    QVERIFY(!undo->isEnabled());
    const MaskStrokes &strokes = presenter->strokes();

    drag(window.get(), {QPoint(2, 2), QPoint(8, 2)});
    drag(window.get(), {QPoint(2, 4), QPoint(8, 4)});
    QCOMPARE(strokes.count(), 14);
    QVERIFY(patch->isEnabled());
    QVERIFY(undo->isEnabled());

    // The right button erases.
    drag(window.get(), {QPoint(4, 2), QPoint(5, 2)}, Qt::RightButton);
    QCOMPARE(strokes.count(), 12);
    QVERIFY(!PatchMask::isMasked(strokes.mask(), 4, 2));
    QVERIFY(!PatchMask::isMasked(strokes.mask(), 5, 2));
    // So does the left one with the eraser.
    bar->findChild<QToolButton *>(QStringLiteral("maskEraser"))->click();
    drag(window.get(), {QPoint(2, 4), QPoint(3, 4)});
    QCOMPARE(strokes.count(), 10);
    bar->findChild<QToolButton *>(QStringLiteral("maskEraser"))->click();

    undo->click();
    QCOMPARE(strokes.count(), 12);
    // Backspace on the stage undoes a stroke too.
    window->stage()->setFocus();
    QTest::keyClick(window->stage(), Qt::Key_Backspace);
    QCOMPARE(strokes.count(), 14);
    QCOMPARE(maskedPixels(strokes.mask()),
             rectPixels(QRect(2, 2, 7, 1)) + rectPixels(QRect(2, 4, 7, 1)));

    clear->click();
    QVERIFY(strokes.isEmpty());
    QVERIFY(!patch->isEnabled());
    QVERIFY(!clear->isEnabled());
    undo->click(); // Clear is a stroke too
    QCOMPARE(strokes.count(), 14);
    QCOMPARE(window->controller()->undoStack()->count(), 0);
}

void TestMaskTool::theMaskBelongsToItsFrame()
{
    auto window = openWindow();
    QVERIFY(window);
    MaskPresenter *presenter = mask(window.get());
    window->actions().paintMask->trigger();
    drag(window.get(), {QPoint(1, 1), QPoint(3, 1)});
    QCOMPARE(presenter->maskFrame(), 1);
    QCOMPARE(presenter->strokes().count(), 3);
    window->setCurrentFrame(2);
    QCOMPARE(presenter->maskFrame(), 2);
    QVERIFY(presenter->strokes().isEmpty());
    QCOMPARE(presenter->strokes().strokeCount(), 0);

    // A frame without an image: no tool.
    window->setCurrentFrame(4);
    QVERIFY(!window->actions().paintMask->isEnabled());
    QVERIFY(!presenter->isActive());
    QVERIFY(!window->stage()->hasPixelTool());
}

void TestMaskTool::patchWithTheBundledProviderIsOneUndoStep()
{
    // The bundled provider, built next to director.
    const QString bundled = QFileInfo(qEnvironmentVariable("DIRECTOR_EXECUTABLE"))
                                .dir()
                                .absoluteFilePath(QString(InpaintProvider::bundledName));
    QVERIFY2(QFileInfo(bundled).isExecutable(), qPrintable(bundled));
    QSettings().setValue(InpaintProvider::settingsKey, QStringLiteral("\"%1\"").arg(bundled));

    auto window = openWindow();
    QVERIFY(window);
    MaskPresenter *presenter = mask(window.get());
    window->actions().paintMask->trigger();
    MaskBar *bar = presenter->bar();
    bar->findChild<QSpinBox *>(QStringLiteral("maskBrush"))->setValue(2);
    // Over the sprite's left edge: frame 1's pixels there are not the anchor's.
    drag(window.get(), {QPoint(4, 5), QPoint(7, 5)});
    const QImage painted = presenter->strokes().mask().copy();
    QCOMPARE(PatchMask::count(painted), 10);
    bar->findChild<QLineEdit *>(QStringLiteral("maskPrompt"))->setText(QStringLiteral("fill"));
    const int steps = window->controller()->undoStack()->count();

    QSignalSpy finished(presenter, &MaskPresenter::finished);
    bar->findChild<QPushButton *>(QStringLiteral("maskPatch"))->click();
    QVERIFY(presenter->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);

    const DirectorFrameState frame = *window->manager()->getFrameState(1);
    QVERIFY(frame.directorOverrides.isPatched);
    QCOMPARE(frame.directorOverrides.patchHistory.size(), 1);
    const PatchHistoryEntry &entry = frame.directorOverrides.patchHistory.last();
    QCOMPARE(entry.prompt, QStringLiteral("fill"));
    QCOMPARE(window->controller()->undoStack()->count(), steps + 1);
    QVERIFY(
        window->controller()->undoStack()->undoText().contains(QLatin1String("Inpaint frame 1")));

    // The patch's mask: exactly the pixels that changed, all of them painted.
    const QImage before = RunFixture::frameImage(1);
    const QImage after =
        QImage(run() + u'/' + entry.patchedPath).convertToFormat(QImage::Format_ARGB32);
    const QImage maskFile = PatchMask::fromImage(QImage(run() + u'/' + entry.maskPath));
    QCOMPARE(after.size(), before.size());
    QList<QPoint> changed;
    for (int y = 0; y < before.height(); ++y)
        for (int x = 0; x < before.width(); ++x)
            if (before.pixel(x, y) != after.pixel(x, y))
                changed.append(QPoint(x, y));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(maskedPixels(maskFile), changed);
    for (const QPoint &pixel : changed)
        QVERIFY(PatchMask::isMasked(painted, pixel.x(), pixel.y()));
    QVERIFY(presenter->strokes().isEmpty()); // the mask is cleared

    // One Ctrl+Z undoes it.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(!window->manager()->getFrameState(1)->directorOverrides.isPatched);
}

void TestMaskTool::aFailingProviderKeepsMaskAndPrompt()
{
    QSettings().setValue(InpaintProvider::settingsKey,
                         provider(QStringLiteral("fail"),
                                  QStringLiteral("print(json.dumps({'error': 'no GPU here'}))\n")));
    auto window = openWindow();
    QVERIFY(window);
    MaskPresenter *presenter = mask(window.get());
    window->actions().paintMask->trigger();
    drag(window.get(), {QPoint(6, 6), QPoint(8, 6)});
    auto *prompt = presenter->bar()->findChild<QLineEdit *>(QStringLiteral("maskPrompt"));
    prompt->setText(QStringLiteral("a cape"));
    const QImage painted = presenter->strokes().mask().copy();

    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    QSignalSpy finished(presenter, &MaskPresenter::finished);
    presenter->bar()->findChild<QPushButton *>(QStringLiteral("maskPatch"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    const MessageBox::Message message = MessageBox::lastMessage();
    QCOMPARE(message.icon, QMessageBox::Critical);
    QVERIFY2(message.text.contains(QLatin1String("no GPU here")), qPrintable(message.text));
    QCOMPARE(presenter->strokes().mask(), painted);
    QCOMPARE(prompt->text(), QStringLiteral("a cape"));
    QVERIFY(!window->manager()->getFrameState(1)->directorOverrides.isPatched);
    QVERIFY(patchFiles().isEmpty());
}

void TestMaskTool::cancelEndsAHangingProvider()
{
    QSettings().setValue(InpaintProvider::settingsKey,
                         provider(QStringLiteral("hang"),
                                  QStringLiteral("open(sys.argv[0] + '.started', 'w').close()\n"
                                                 "time.sleep(60)\n")));
    const QString started = m_dir->path() + QStringLiteral("/hang.py.started");
    auto window = openWindow();
    QVERIFY(window);
    MaskPresenter *presenter = mask(window.get());
    window->actions().paintMask->trigger();
    drag(window.get(), {QPoint(6, 6), QPoint(8, 6)});
    MaskBar *bar = presenter->bar();
    auto *cancel = bar->findChild<QPushButton *>(QStringLiteral("maskCancel"));
    const int opened = MessageBox::openedCount();
    const int steps = window->controller()->undoStack()->count();

    QSignalSpy finished(presenter, &MaskPresenter::finished);
    bar->findChild<QPushButton *>(QStringLiteral("maskPatch"))->click();
    QVERIFY(presenter->isRunning());
    QVERIFY(cancel->isVisible());
    QVERIFY(bar->findChild<QWidget *>(QStringLiteral("maskBusy"))->isVisible());
    QVERIFY(!bar->findChild<QPushButton *>(QStringLiteral("maskPatch"))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(started), 20000); // the provider hangs
    QVERIFY(bar->findChild<QWidget *>(QStringLiteral("maskElapsed"))->isVisible());
    // The tool turned off while the provider runs: the bar stays, Cancel at hand.
    window->actions().paintMask->trigger();
    QVERIFY(!presenter->isActive());
    QVERIFY(bar->isVisible());
    QVERIFY(cancel->isVisible());
    QElapsedTimer timer;
    timer.start();
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!cancel->isVisible());
    QCOMPARE(MessageBox::openedCount(), opened);
    QCOMPARE(window->controller()->undoStack()->count(), steps);
    QVERIFY(!window->manager()->getFrameState(1)->directorOverrides.isPatched);
    QVERIFY(patchFiles().isEmpty());
    QCOMPARE(presenter->strokes().count(), 3); // the mask is kept
    QVERIFY(!bar->isVisible());
    window->actions().paintMask->trigger();
    QVERIFY(bar->isVisible());

    // Closing the window while the provider runs: it is cancelled and waited for.
    bar->findChild<QPushButton *>(QStringLiteral("maskPatch"))->click();
    QVERIFY(presenter->isRunning());
    timer.restart();
    window.reset();
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(patchFiles().isEmpty());
}

QTEST_MAIN(TestMaskTool)
#include "tst_masktool.moc"
