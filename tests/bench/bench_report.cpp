// The review report of a 1,000-frame run (the demo character's loop, 128 px frames): the whole
// of `director report` (ReportExport::write: every frame decoded and placed as commit would write
// it, measured, its picture encoded; the plot; the file written whole) for HTML, JSON and
// Markdown; and File → Export Report… in the real dialog: what the GUI thread spends (Export
// clicked, and the longest the event loop waited between two ticks of a 1 ms timer while the job
// ran, and the most CPU time the GUI thread itself spent between two ticks: on a busy machine the
// wait also counts the time the thread was not scheduled), against the 16 ms of a frame.

#include "benchutil.h"

#include "exportreportdialog.h"
#include "report/reportexport.h"
#include "review/sessionmanager.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>

namespace {

constexpr int frameCount = 1000;

double reportMs(const RunReport::Input &input, const ReportOptions &options)
{
    return bench::medianMs([&] {
        if (const Outcome written = ReportExport::write(input, options); !written)
            qFatal("report: %s", qPrintable(written.message()));
    });
}

struct WindowFigures
{
    double exportClickMs = 0; // Export clicked: the checks, the copies, the job started
    double longestWaitMs = 0; // the longest gap between two 1 ms ticks while the job ran
    double longestWorkMs = 0; // the most CPU time the GUI thread spent between two ticks
    double totalMs = 0;       // from the click to the dialog's end
};

WindowFigures exportInTheDialog(SessionManager *manager, const QString &file)
{
    auto *dialog = new ExportReportDialog(manager);
    dialog->pathEdit()->setText(file);
    dialog->show();
    WindowFigures figures;
    QElapsedTimer total;
    bench::StallMeter meter; // 1 ms ticks
    bool done = false;
    QObject::connect(dialog, &QDialog::finished, [&] { done = true; });
    total.start();
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    figures.exportClickMs = bench::elapsedMs(total);
    meter.start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    meter.stop();
    figures.longestWaitMs = meter.longestGapMs();
    figures.longestWorkMs = meter.longestCpuMs();
    figures.totalMs = bench::elapsedMs(total);
    delete dialog;
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    bench::quietQt();
    QApplication app(argc, argv);
    QTemporaryDir temporary;
    if (!temporary.isValid())
        qFatal("no temporary folder");
    const QString run = temporary.path() + QStringLiteral("/run");
    if (!bench::makeRun(run, frameCount))
        return 1;
    SessionManager manager;
    if (const Outcome opened = manager.initializeOrResume(run); !opened)
        qFatal("open: %s", qPrintable(opened.message()));
    const RunReport::Input input{run, manager.session(), {}, {}};

    bench::heading(QStringLiteral("Report of a %1-frame run of 128 px frames").arg(frameCount));
    ReportOptions html;
    html.htmlPath = temporary.path() + QStringLiteral("/report.html");
    bench::print(QStringLiteral("director report --html (every frame decoded, pictured)"),
                 reportMs(input, html), QStringLiteral("ms"));
    bench::print(QStringLiteral("  the HTML file's size"),
                 double(QFileInfo(html.htmlPath).size()) / (1024 * 1024), QStringLiteral("MiB"));
    ReportOptions json;
    json.jsonPath = temporary.path() + QStringLiteral("/report.json");
    bench::print(QStringLiteral("director report --json"), reportMs(input, json),
                 QStringLiteral("ms"));
    ReportOptions md;
    md.markdownPath = temporary.path() + QStringLiteral("/report.md");
    bench::print(QStringLiteral("director report --md"), reportMs(input, md), QStringLiteral("ms"));

    bench::heading(QStringLiteral("File → Export Report…, HTML, in the dialog"));
    QList<WindowFigures> all;
    for (int round = 0; round < bench::runs(); ++round)
        all.append(exportInTheDialog(&manager, html.htmlPath));
    bench::print(QStringLiteral("GUI thread: Export clicked"),
                 bench::medianOf(all, &WindowFigures::exportClickMs), QStringLiteral("ms"),
                 QStringLiteral("(<= 16 ms)"));
    bench::print(QStringLiteral("GUI thread: longest wait between 1 ms ticks meanwhile"),
                 bench::medianOf(all, &WindowFigures::longestWaitMs), QStringLiteral("ms"),
                 QStringLiteral("(<= 16 ms)"));
    bench::print(QStringLiteral("GUI thread: most CPU time spent between two ticks"),
                 bench::medianOf(all, &WindowFigures::longestWorkMs), QStringLiteral("ms"),
                 QStringLiteral("(<= 16 ms)"));
    bench::print(QStringLiteral("from Export to the report written"),
                 bench::medianOf(all, &WindowFigures::totalMs), QStringLiteral("ms"));
    return 0;
}
