#include "exportfixture.h"
#include "exportreportdialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "windowactions.h"

#include <QBuffer>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QThread>

// File → Export Report… in the real window: the real dialog, its format and file set as the
// operator sets them, Export clicked; the report read back. The job runs on a worker; the tests
// hold it at its start (ExportReportDialog::setJobHookForTests) to see the dialog while it runs
// and to cancel it.
class TestExportReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_folder.initTestCase()); }
    void init() { QVERIFY(m_folder.init()); }
    void cleanup() { m_folder.cleanup(); }
    void itsKeysOpenTheDialog();

    void actionIsInTheFileMenu();
    void exportWritesTheReport();
    void formatChoosesTheFile();
    void cancelWritesNothing();
    void aPathTheReportMustNotTakeIsRefused();

private:
    ExportFixture::Folder<ExportReportDialog> m_folder{&WindowActions::exportReport};
};

using ExportFixture::clickExport;
using ExportFixture::readFile;
using HeldJob = ExportFixture::HeldJob<ExportReportDialog>;

void TestExportReport::actionIsInTheFileMenu()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    QMenu *file = window->menuBar()->actions().first()->menu();
    QVERIFY(file->actions().contains(window->actions().exportReport));
    QCOMPARE(window->actions().exportReport->text(), QStringLiteral("Export Re&port…"));
}

void TestExportReport::exportWritesTheReport()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    // Frame 1 nudged and noted in the window, before the export.
    QVERIFY(window->manager()->applyFrameEdit(1, FrameEdit::moveBy(-2, 1)));
    ExportReportDialog *dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->isModal());
    QVERIFY(!dialog->progressBar()->isVisible());
    // Beside the run, named for it, HTML first.
    QCOMPARE(dialog->format(), ExportReportDialog::Format::Html);
    QCOMPARE(dialog->pathEdit()->text(),
             m_folder.dir()->filePath(QStringLiteral("run_test-report.html")));
    const QString file = m_folder.dir()->filePath(QStringLiteral("report.html"));
    dialog->pathEdit()->setText(file);
    HeldJob job(false);
    int shownMaximum = -1;
    int shownValue = -1;
    connect(dialog->progressBar(), &QProgressBar::valueChanged, dialog, [&](int value) {
        shownValue = value;
        shownMaximum = dialog->progressBar()->maximum();
    });
    clickExport(dialog);
    QVERIFY(dialog->isExporting());
    QVERIFY(!dialog->inputs()->isEnabled());
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Cancel)->isEnabled());
    QVERIFY(dialog->busyLabel()->isVisible());
    QTRY_COMPARE(job.started(), 1);
    QVERIFY(job.thread() != QThread::currentThread());
    QVERIFY(!QFile::exists(file));
    job.proceed();
    QTRY_VERIFY(!window->findChild<ExportReportDialog *>());
    QCOMPARE(shownMaximum, 5); // a step a frame
    QCOMPARE(shownValue, 5);
    const QString said = window->statusBar()->currentMessage();
    QVERIFY2(said.startsWith(QLatin1String("Report written. HTML report: ")), qPrintable(said));
    const QByteArray html = readFile(file);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    for (int i = 0; i < 5; ++i)
        QVERIFY(html.contains(QStringLiteral("data-frame=\"%1\"").arg(i).toLatin1()));
    // The nudged frame as the window shows it: its picture is the placed frame.
    FrameImages images(window->manager());
    QImage expected = images.placed(1).convertToFormat(QImage::Format_ARGB32).scaled(128, 128);
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        expected.save(&buffer, "PNG");
    }
    const qsizetype row = html.indexOf("data-frame=\"1\"");
    const qsizetype src = html.indexOf("base64,", row) + 7;
    QImage shown;
    QVERIFY(
        shown.loadFromData(QByteArray::fromBase64(html.mid(src, html.indexOf('"', src) - src))));
    QCOMPARE(shown.convertToFormat(QImage::Format_ARGB32), expected);
}

void TestExportReport::formatChoosesTheFile()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    ExportReportDialog *dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    dialog->formatBox()->setCurrentIndex(1);
    QCOMPARE(dialog->format(), ExportReportDialog::Format::Json);
    QCOMPARE(dialog->pathEdit()->text(),
             m_folder.dir()->filePath(QStringLiteral("run_test-report.json")));
    dialog->formatBox()->setCurrentIndex(2);
    QCOMPARE(dialog->pathEdit()->text(),
             m_folder.dir()->filePath(QStringLiteral("run_test-report.md")));
    dialog->formatBox()->setCurrentIndex(1);
    clickExport(dialog);
    QTRY_VERIFY(!window->findChild<ExportReportDialog *>());
    const QJsonObject json =
        QJsonDocument::fromJson(
            readFile(m_folder.dir()->filePath(QStringLiteral("run_test-report.json"))))
            .object();
    QCOMPARE(json.value(u"frames").toArray().size(), 5);
    QVERIFY(!QFile::exists(m_folder.dir()->filePath(QStringLiteral("run_test-report.html"))));
}

void TestExportReport::cancelWritesNothing()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    const QString file = m_folder.dir()->filePath(QStringLiteral("report.html"));
    QVERIFY(RunFixture::writeFile(file, "old report"));
    HeldJob job(true);
    for (const bool escape : {false, true}) {
        ExportReportDialog *dialog = m_folder.openDialog(window.get());
        QVERIFY(dialog);
        dialog->pathEdit()->setText(file);
        clickExport(dialog);
        QTRY_COMPARE(job.started(), escape ? 2 : 1);
        if (escape)
            QTest::keyClick(dialog, Qt::Key_Escape);
        else
            QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->busyLabel()->text(), QStringLiteral("Stopping…"));
        QTRY_VERIFY(!window->findChild<ExportReportDialog *>());
        QCOMPARE(readFile(file), QByteArray("old report"));
        QVERIFY(!window->statusBar()->currentMessage().startsWith(QLatin1String("Report")));
    }
    QCOMPARE(QDir(m_folder.dir()->path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestExportReport::aPathTheReportMustNotTakeIsRefused()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    ExportReportDialog *dialog = m_folder.openDialog(window.get());
    QVERIFY(dialog);
    const QString session = m_folder.run() + QStringLiteral("/director_session.json");
    const QByteArray before = readFile(session);
    dialog->formatBox()->setCurrentIndex(1);
    dialog->pathEdit()->setText(session);
    const int opened = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    clickExport(dialog);
    QCOMPARE(MessageBox::openedCount(), opened + 1);
    QVERIFY2(MessageBox::lastMessage().text.contains(QLatin1String("session file")),
             qPrintable(MessageBox::lastMessage().text));
    QVERIFY(!dialog->isExporting());
    QVERIFY(dialog->isVisible());
    QCOMPARE(readFile(session), before);
    dialog->reject();
}

// Ctrl+Shift+R on the window opens Export Report… as the menu does.
void TestExportReport::itsKeysOpenTheDialog()
{
    auto window = m_folder.openWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(!window->findChild<ExportReportDialog *>());
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = window->findChild<ExportReportDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->reject();
}

QTEST_MAIN(TestExportReport)

#include "tst_exportreport.moc"
