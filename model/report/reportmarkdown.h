#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class RunReport;
struct ReportFrame;

// The report as Markdown, for a tracker's comment or a chat: the run, the summary and a table
// with a row per frame. No images (Markdown cannot carry them inside the file): the frames'
// files in the run are named instead, and the report says so. Text from the session is escaped
// so that it stays text in a table cell (HTML's characters, `|`, new lines).
class ReportMarkdown
{
    Q_DECLARE_TR_FUNCTIONS(ReportMarkdown)

public:
    static QByteArray write(const RunReport &report);
    static QString escaped(const QString &text);

private:
    static QString header(const RunReport &report);
    static QString frameRow(const ReportFrame &frame);
};
