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
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

// File → Export Preview… in the real window: the real dialog, its fields set as the operator
// sets them, OK clicked; the files it writes are read back and compared pixel by pixel with the
// frames as commit writes them. A failure is told in a box and writes nothing.
class TestExportPreview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void actionIsInTheFileMenu();
    void exportWritesTheChosenFiles();
    void failureIsToldAndTheDialogStays();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    std::unique_ptr<MainWindow> openWindow();
    static ExportPreviewDialog *openDialog(MainWindow *window);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExportPreview::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("DirectorTests"));
}

void TestExportPreview::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(run()));
}

void TestExportPreview::cleanup()
{
    MessageBox::setNextAnswer(MessageBox::NoButton);
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestExportPreview::openWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1000, 700);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        return {};
    window->openRun(run());
    return window;
}

ExportPreviewDialog *TestExportPreview::openDialog(MainWindow *window)
{
    window->actions().exportPreview->trigger();
    auto *dialog = window->findChild<ExportPreviewDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestExportPreview::actionIsInTheFileMenu()
{
    auto window = openWindow();
    QVERIFY(window);
    QMenu *file = window->menuBar()->actions().first()->menu();
    QVERIFY(file->actions().contains(window->actions().exportPreview));
    QCOMPARE(window->actions().exportPreview->text(), QStringLiteral("&Export Preview…"));
}

void TestExportPreview::exportWritesTheChosenFiles()
{
    auto window = openWindow();
    QVERIFY(window);
    // Frame 1 nudged, in the window, before the export.
    QVERIFY(window->manager()->applyFrameEdit(1, FrameEdit::moveBy(-2, 1)));
    ExportPreviewDialog *dialog = openDialog(window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->isModal());
    // Beside the run, named for it.
    QCOMPARE(dialog->sheetPathEdit()->text(),
             m_dir->filePath(QStringLiteral("run_test-preview.png")));
    const QString sheet = m_dir->filePath(QStringLiteral("out/sheet.png"));
    const QString animation = m_dir->filePath(QStringLiteral("out/move.webp"));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("out"))));
    dialog->sheetPathEdit()->setText(sheet);
    dialog->columnsBox()->setValue(2);
    dialog->animationPathEdit()->setText(animation);
    dialog->fpsBox()->setValue(25);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<ExportPreviewDialog *>());

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
    dialog = openDialog(window.get());
    QVERIFY(dialog);
    dialog->animationBox()->setChecked(false);
    QVERIFY(!dialog->animationPathEdit()->isEnabled());
    dialog->sheetPathEdit()->setText(sheet);
    dialog->approvedOnlyBox()->setChecked(true);
    QVERIFY(QFile::remove(animation));
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<ExportPreviewDialog *>());
    QCOMPARE(QImage(sheet).size(), QSize(32, 16));
    QVERIFY(!QFile::exists(animation));
}

void TestExportPreview::failureIsToldAndTheDialogStays()
{
    auto window = openWindow();
    QVERIFY(window);
    ExportPreviewDialog *dialog = openDialog(window.get());
    QVERIFY(dialog);
    const QString sheet = m_dir->filePath(QStringLiteral("no/such/folder/sheet.png"));
    dialog->sheetPathEdit()->setText(sheet);
    dialog->animationBox()->setChecked(false);
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QCOMPARE(MessageBox::lastMessage().icon, QMessageBox::Warning);
    QVERIFY2(
        MessageBox::lastMessage().text.startsWith(QLatin1String("The preview was not written: ")),
        qPrintable(MessageBox::lastMessage().text));
    QVERIFY(dialog->isVisible());
    QVERIFY(!QFile::exists(sheet));

    // Nothing chosen: said, nothing written.
    dialog->sheetBox()->setChecked(false);
    MessageBox::setNextAnswer(MessageBox::Ok);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(MessageBox::lastMessage().text.contains(QLatin1String("Nothing to write")));
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

QTEST_MAIN(TestExportPreview)
#include "tst_exportpreview.moc"
