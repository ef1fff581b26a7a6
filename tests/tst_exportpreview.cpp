#include "exportfixture.h"
#include "exportpreviewdialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "previewcheck.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "windowactions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QThread>

// File → Export Preview… in the real window: the real dialog, its fields set as the operator
// sets them, OK clicked; the files it writes are read back and compared pixel by pixel with the
// frames as commit writes them. A failure is told in a box and writes nothing. The job runs on
// a worker; the tests hold it at its start (ExportPreviewDialog::setJobHookForTests) to see the
// dialog while it runs, and to stop it, close the dialog or the window before it goes on.
class TestExportPreview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_folder.initTestCase()); }
    void init() { QVERIFY(m_folder.init()); }
    void cleanup() { m_folder.cleanup(); }
    void itsKeysOpenTheDialog();

    void actionIsInTheFileMenu();
    void exportWritesTheChosenFiles();
    void exportTakesTheSessionAsItWasAtExport();
    void cancelWritesNothing();
    void closingTheDialogMidExportWritesNothing();
    void closingTheWindowMidExportIsSafe();
    void failureIsToldAndTheDialogStays();

private:
    ExportFixture::Folder<ExportPreviewDialog> m_folder{&WindowActions::exportPreview};
};

using ExportFixture::clickExport;
using ExportFixture::readFile;
using HeldJob = ExportFixture::HeldJob<ExportPreviewDialog>;

void TestExportPreview::actionIsInTheFileMenu()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    QMenu *file = window->menuBar()->actions().first()->menu();
    QVERIFY(file->actions().contains(window->actions().exportPreview));
    QCOMPARE(window->actions().exportPreview->text(), QStringLiteral("&Export Preview…"));
}

void TestExportPreview::exportWritesTheChosenFiles()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    // Frame 1 nudged, in the window, before the export.
    QVERIFY(window->manager()->applyFrameEdit(1, FrameEdit::moveBy(-2, 1)));
    ExportPreviewDialog *dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->isModal());
    QVERIFY(!dialog->progressBar()->isVisible());
    // Beside the run, named for it.
    QCOMPARE(dialog->sheetPathEdit()->text(),
             m_folder.dir()->filePath(QStringLiteral("run_test-preview.png")));
    const QString sheet = m_folder.dir()->filePath(QStringLiteral("out/sheet.png"));
    const QString animation = m_folder.dir()->filePath(QStringLiteral("out/move.webp"));
    QVERIFY(QDir().mkpath(m_folder.dir()->filePath(QStringLiteral("out"))));
    dialog->sheetPathEdit()->setText(sheet);
    dialog->columnsBox()->setValue(2);
    dialog->animationPathEdit()->setText(animation);
    dialog->fpsBox()->setValue(25);
    HeldJob job(false);
    int shownValue = -1;
    int shownMaximum = -1;
    connect(dialog->progressBar(), &QProgressBar::valueChanged, dialog, [&](int value) {
        shownValue = value;
        shownMaximum = dialog->progressBar()->maximum();
    });
    clickExport(dialog);

    // While it runs: the inputs and Export disabled, Cancel not, the job on another thread.
    QVERIFY(dialog->isExporting());
    QVERIFY(!dialog->inputs()->isEnabled());
    QVERIFY(!dialog->sheetPathEdit()->isEnabled());
    QVERIFY(!dialog->fpsBox()->isEnabled());
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Cancel)->isEnabled());
    QVERIFY(dialog->busyLabel()->isVisible());
    QCOMPARE(dialog->busyLabel()->text(), QStringLiteral("Writing the preview…"));
    QVERIFY(dialog->progressBar()->isVisible());
    QTRY_COMPARE(job.started(), 1);
    QVERIFY(job.thread() != QThread::currentThread());
    QVERIFY(!QFile::exists(sheet));
    // Export again while it runs: nothing more.
    dialog->accept();
    QVERIFY(dialog->isVisible());
    job.proceed();
    QTRY_VERIFY(!window->findChild<ExportPreviewDialog *>());
    QCOMPARE(job.started(), 1); // one job
    // 5 frames, read, copied into the sheet and encoded into the animation.
    QCOMPARE(shownMaximum, 15);
    QCOMPARE(shownValue, 15);
    // The status bar says what was written.
    const QString said = window->statusBar()->currentMessage();
    QVERIFY2(said.startsWith(QLatin1String("Preview written. Sprite sheet: ")) &&
                 said.contains(QLatin1String("Animation: ")),
             qPrintable(said));

    FrameImages images(window->manager());
    const QImage read(sheet);
    QCOMPARE(read.size(), QSize(32, 48));
    for (int cell = 0; cell < 6; ++cell) {
        const QImage expected =
            cell < 4 ? images.placed(cell) : PreviewCheck::transparent(QSize(16, 16));
        const QString difference = PreviewCheck::firstDifference(
            read.copy((cell % 2) * 16, (cell / 2) * 16, 16, 16), expected);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
    const PreviewCheck::Animation decoded = PreviewCheck::decodeWebp(animation);
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.frames.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(PreviewCheck::firstDifference(decoded.frames.at(i), images.placed(i)).isEmpty());
        QCOMPARE(decoded.durations.at(i), 40);
    }

    // The sheet alone, APPROVED frames only: frames 0 and 1.
    ExportPreviewDialog::setJobHookForTests({});
    dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    dialog->animationBox()->setChecked(false);
    QVERIFY(!dialog->animationPathEdit()->isEnabled());
    dialog->sheetPathEdit()->setText(sheet);
    dialog->approvedOnlyBox()->setChecked(true);
    QVERIFY(QFile::remove(animation));
    clickExport(dialog);
    QTRY_VERIFY(!window->findChild<ExportPreviewDialog *>());
    QCOMPARE(QImage(sheet).size(), QSize(32, 16));
    QVERIFY(!QFile::exists(animation));
}

void TestExportPreview::exportTakesTheSessionAsItWasAtExport()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    ExportPreviewDialog *dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    const QString sheet = m_folder.dir()->filePath(QStringLiteral("sheet.png"));
    dialog->sheetPathEdit()->setText(sheet);
    dialog->animationBox()->setChecked(false);
    FrameImages images(window->manager());
    const QImage before = images.placed(0);
    HeldJob job(false);
    clickExport(dialog);
    QTRY_VERIFY(job.started() == 1);
    // The session changes while the job runs (as the pipeline's news would change it).
    QVERIFY(window->manager()->applyFrameEdit(0, FrameEdit::moveBy(3, 0)));
    job.proceed();
    QTRY_VERIFY(!window->findChild<ExportPreviewDialog *>());
    FrameImages now(window->manager());
    QVERIFY(!PreviewCheck::firstDifference(now.placed(0), before).isEmpty());
    const QString difference =
        PreviewCheck::firstDifference(QImage(sheet).copy(0, 0, 16, 16), before);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestExportPreview::cancelWritesNothing()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    const QString sheet = m_folder.dir()->filePath(QStringLiteral("sheet.png"));
    const QString animation = m_folder.dir()->filePath(QStringLiteral("move.webp"));
    QVERIFY(RunFixture::writeFile(sheet, "old sheet"));
    HeldJob job(true);
    for (const bool escape : {false, true}) {
        ExportPreviewDialog *dialog = m_folder.openDialog(window.get());
        QVERIFY(dialog);
        dialog->sheetPathEdit()->setText(sheet);
        dialog->animationPathEdit()->setText(animation);
        clickExport(dialog);
        QTRY_COMPARE(job.started(), escape ? 2 : 1);
        if (escape)
            QTest::keyClick(dialog, Qt::Key_Escape);
        else
            QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        // Asked to stop: the dialog says so until the job has.
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->busyLabel()->text(), QStringLiteral("Stopping…"));
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Cancel)->isEnabled());
        QTRY_VERIFY(!window->findChild<ExportPreviewDialog *>());
        QCOMPARE(readFile(sheet), QByteArray("old sheet"));
        QVERIFY(!QFile::exists(animation));
        QVERIFY(!window->statusBar()->currentMessage().startsWith(QLatin1String("Preview")));
    }
    QCOMPARE(QDir(m_folder.dir()->path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestExportPreview::closingTheDialogMidExportWritesNothing()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    ExportPreviewDialog *dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    const QString sheet = m_folder.dir()->filePath(QStringLiteral("sheet.png"));
    dialog->sheetPathEdit()->setText(sheet);
    dialog->animationBox()->setChecked(false);
    HeldJob job(true);
    clickExport(dialog);
    QTRY_VERIFY(job.started() == 1);
    delete dialog; // asks the job to stop, and waits for it
    QVERIFY(!window->findChild<ExportPreviewDialog *>());
    QVERIFY(!QFile::exists(sheet));
    QCOMPARE(QDir(m_folder.dir()->path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    // The window goes on: another export works.
    ExportPreviewDialog::setJobHookForTests({});
    dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    dialog->sheetPathEdit()->setText(sheet);
    dialog->animationBox()->setChecked(false);
    clickExport(dialog);
    QTRY_VERIFY(!window->findChild<ExportPreviewDialog *>());
    QCOMPARE(QImage(sheet).size(), QSize(80, 16));
}

void TestExportPreview::closingTheWindowMidExportIsSafe()
{
    const QString sheet = m_folder.dir()->filePath(QStringLiteral("sheet.png"));
    const QString animation = m_folder.dir()->filePath(QStringLiteral("move.webp"));
    for (const bool stopped : {true, false}) {
        QFile::remove(sheet);
        QFile::remove(animation);
        auto window = m_folder.openWindow();
        QVERIFY(window);
        ExportPreviewDialog *dialog = m_folder.openDialog(window.get());
        QVERIFY(dialog);
        dialog->sheetPathEdit()->setText(sheet);
        dialog->animationPathEdit()->setText(animation);
        HeldJob job(stopped);
        clickExport(dialog);
        QTRY_VERIFY(job.started() == 1);
        if (!stopped)
            job.proceed(); // the job races the window's end
        window.reset();
        if (stopped) {
            QVERIFY(!QFile::exists(sheet));
            QVERIFY(!QFile::exists(animation));
        }
        // Nothing, or whole files.
        if (QFile::exists(sheet))
            QCOMPARE(QImage(sheet).size(), QSize(80, 16));
        if (QFile::exists(animation))
            QVERIFY(PreviewCheck::decodeWebp(animation).ok);
        QVERIFY(QDir(m_folder.dir()->path()).entryList(QDir::Files | QDir::Hidden).size() <= 2);
    }
}

void TestExportPreview::failureIsToldAndTheDialogStays()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    ExportPreviewDialog *dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    const QString sheet = m_folder.dir()->filePath(QStringLiteral("no/such/folder/sheet.png"));
    dialog->sheetPathEdit()->setText(sheet);
    dialog->animationBox()->setChecked(false);
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    clickExport(dialog);
    QTRY_COMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(MessageBox::lastMessage().icon, QMessageBox::Warning);
    QVERIFY2(
        MessageBox::lastMessage().text.startsWith(QLatin1String("The preview was not written: ")),
        qPrintable(MessageBox::lastMessage().text));
    QVERIFY(dialog->isVisible());
    QVERIFY(!QFile::exists(sheet));
    // The inputs are back, the busy line gone.
    QVERIFY(!dialog->isExporting());
    QVERIFY(dialog->inputs()->isEnabled());
    QVERIFY(dialog->sheetPathEdit()->isEnabled());
    QVERIFY(!dialog->animationPathEdit()->isEnabled()); // still unchecked
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialog->busyLabel()->isVisible());
    QVERIFY(!dialog->progressBar()->isVisible());

    // Nothing chosen: said at once, nothing written.
    dialog->sheetBox()->setChecked(false);
    MessageBox::setNextAnswer(MessageBox::Ok);
    clickExport(dialog);
    QCOMPARE(MessageBox::openedCount(), opened + 2);
    QVERIFY(MessageBox::lastMessage().text.contains(QLatin1String("Nothing to write")));
    QVERIFY(!dialog->isExporting());
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

// Ctrl+Shift+P on the window opens Export Preview… as the menu does.
void TestExportPreview::itsKeysOpenTheDialog()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(!window->findChild<ExportPreviewDialog *>());
    QTest::keyClick(window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = window->findChild<ExportPreviewDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->reject();
}

QTEST_MAIN(TestExportPreview)

#include "tst_exportpreview.moc"
