#pragma once

#include "core/outcome.h"
#include "preview/previewprogress.h"
#include "report/runreport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Which reports to write, and where. A path of "-" (stdoutName) is standard output: for the JSON
// or the Markdown, one of them at most (`director report`).
struct ReportOptions
{
    QString htmlPath;
    QString jsonPath;
    QString markdownPath;
    int thumbnailSide = 128; // pixels: the HTML's pictures of the frames
};

// Writes the review report of a run (RunReport) as HTML, JSON and/or Markdown: the one job of
// `director report` (on the main thread) and File → Export Report… (on a worker, followed and
// stopped through a PreviewProgress). Every file is made in memory first and then written whole
// or not at all (AtomicFile); a stop before that writes nothing. Never over the session file (or
// its backup and lock), and never over a file of the run folder that is not a report already: a
// report goes into the run folder only when it is named there.
class ReportExport
{
    Q_DECLARE_TR_FUNCTIONS(ReportExport)

public:
    static QString stdoutName() { return QStringLiteral("-"); }

    // Invalid, saying why, unless at least one report is named, no two name the same file, only
    // the JSON or the Markdown is "-", and no path is one the report must not write (above).
    static Outcome check(const ReportOptions &options, const QString &runDir);

    // Writes the reports `options` names. *written (when given) gets a line for each file
    // written; *toStdout the report named "-". `progress`: one step a frame (RunReport::gather).
    static Outcome write(const RunReport::Input &input, const ReportOptions &options,
                         QStringList *written = nullptr, QByteArray *toStdout = nullptr,
                         const PreviewProgress &progress = {});

private:
    static Outcome checkTarget(const QString &path, const QString &runDir);
};
