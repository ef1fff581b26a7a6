#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class RunReport;
struct ReportFrame;

// The report as one HTML5 file that stands alone, for mail and trackers: its images inside it
// (data: URIs, PNG), its style inline, no script. Written well-formed (every element closed, void
// elements as <br/>, attributes quoted, only XML's entities), so that an XML reader reads it too.
// Every text from the session or the run (notes, prompts, paths, ids) is escaped.
class ReportHtml
{
    Q_DECLARE_TR_FUNCTIONS(ReportHtml)

public:
    // What marks a file as a Director report (a <meta name="generator"> in the head).
    static QString generator() { return QStringLiteral("director-report"); }

    static QByteArray write(const RunReport &report);

    // `text` escaped for HTML and XML alike, control characters other than tab and new line
    // replaced (neither HTML nor XML allows them).
    static QString escaped(const QString &text);

private:
    static QString head(const RunReport &report);
    static QString runFacts(const RunReport &report);
    static QString summary(const RunReport &report);
    static QString motion(const RunReport &report);
    static QString frameTable(const RunReport &report);
    static QString frameRow(const ReportFrame &frame);
    static QString imageCell(const ReportFrame &frame);
    static QString auditCell(const ReportFrame &frame);
    static QString patchesCell(const ReportFrame &frame);
};
