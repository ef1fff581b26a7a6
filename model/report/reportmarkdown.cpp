#include "report/reportmarkdown.h"

#include "report/reporthtml.h"
#include "report/runreport.h"

#include <QLocale>

QString ReportMarkdown::escaped(const QString &text)
{
    QString out = ReportHtml::escaped(text);
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('|'), QLatin1String("\\|"));
    out.replace(QLatin1Char('`'), QLatin1String("\\`"));
    out.replace(QLatin1Char('*'), QLatin1String("\\*"));
    out.replace(QLatin1Char('_'), QLatin1String("\\_"));
    out.replace(QLatin1Char('\n'), QLatin1String("<br/>"));
    out.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return out;
}

QByteArray ReportMarkdown::write(const RunReport &report)
{
    QString md = header(report);
    md += RunReport::line(QStringLiteral("## ") + tr("Frames"));
    md += RunReport::line();
    md += RunReport::line(
        tr("Images are not embedded in the Markdown report: each frame names its image in "
           "the run folder. The HTML report shows them."));
    md += RunReport::line();
    md += RunReport::line(QStringLiteral("| %1 |").arg(
        QStringList{tr("Frame"), tr("Status"), tr("Size"), tr("Audit"), tr("Nudge"), tr("Patches"),
                    tr("Attempts"), tr("Decided"), tr("Reason"), tr("Notes"), tr("Image")}
            .join(QStringLiteral(" | "))));
    md += RunReport::line(QStringLiteral("|---:|---|---|---|---|---|---:|---|---|---|---|"));
    for (const ReportFrame &frame : report.frames())
        md += frameRow(frame);
    return md.toUtf8();
}

QString ReportMarkdown::header(const RunReport &report)
{
    const DirectorSession &s = report.session();
    QString md = RunReport::line(QStringLiteral("<!-- %1 -->").arg(ReportHtml::generator()));
    md += RunReport::line(QStringLiteral("# ") + escaped(tr("Review report: %1").arg(s.runId)));
    md += RunReport::line();
    const auto fact = [](const QString &name, const QString &value) {
        return RunReport::line(QStringLiteral("- **%1:** %2").arg(name, escaped(value)));
    };
    md += fact(tr("Move"), RunReport::orDash(s.moveId));
    md += fact(tr("Run folder"), report.runDir());
    if (!report.hasSessionFile()) {
        md += fact(tr("Session"), RunReport::noSessionYet());
    } else {
        md += fact(tr("Session"), QStringLiteral("%1 (%2)").arg(RunReport::orDash(s.sessionId),
                                                                sessionStatusName(s.status)));
        md += fact(tr("Created"), RunReport::orDash(s.createdAt));
        md += fact(tr("Last modified"), RunReport::orDash(s.lastModified));
    }
    if (s.commitInfo) {
        md += fact(tr("Committed"), tr("%1: %2 approved, %3 nudged, %4 patched")
                                        .arg(s.commitInfo->timestamp)
                                        .arg(s.commitInfo->approvedCount)
                                        .arg(s.commitInfo->nudgedCount)
                                        .arg(s.commitInfo->patchedCount));
    }
    md += fact(tr("Report written"), report.writtenAt());
    md += RunReport::line();
    md += RunReport::line(QStringLiteral("## ") + tr("Summary"));
    md += RunReport::line();
    QStringList counts{tr("%1 frames").arg(report.counts().total())};
    for (FrameStatus status : allFrameStatuses)
        counts.append(QStringLiteral("%1 %2")
                          .arg(report.counts().count(status))
                          .arg(frameStatusName(status)));
    md += RunReport::line(escaped(counts.join(QStringLiteral(", "))));
    md += RunReport::line();
    md += RunReport::line(escaped(tr("%1 nudged, %2 patched, %3 with notes")
                                      .arg(report.nudged())
                                      .arg(report.patched())
                                      .arg(report.noted())));
    return md + RunReport::line();
}

QString ReportMarkdown::frameRow(const ReportFrame &f)
{
    QString audit = RunReport::dash();
    if (f.audited || !f.flags.isEmpty()) {
        QStringList flags;
        for (const ReasonCodes::Description &flag : f.flags)
            flags.append(QStringLiteral("%1 (%2)").arg(flag.code, flag.title));
        audit =
            QLocale().toString(f.compositeScore, 'f', 3) +
            (f.passed ? tr(" passed") : tr(" not passed")) +
            (flags.isEmpty() ? QString() : QStringLiteral(": ") + flags.join(QStringLiteral("; ")));
    }
    QStringList prompts;
    for (const PatchHistoryEntry &p : f.patches)
        prompts.append(p.prompt);
    const QString patches = f.patches.isEmpty() ? RunReport::dash()
                                                : QStringLiteral("%1: %2")
                                                      .arg(f.patches.size())
                                                      .arg(prompts.join(QStringLiteral("; ")));
    const ReportVerdict &v = f.verdict;
    const QStringList cells = {
        QString::number(f.frameIndex),
        frameStatusName(f.status),
        f.size.isValid() ? QStringLiteral("%1×%2").arg(f.size.width()).arg(f.size.height())
                         : RunReport::dash(),
        audit,
        RunReport::nudgeText(f),
        patches,
        QString::number(f.attempts),
        RunReport::orDash(QStringList{v.decidedBy, v.decidedAt}.join(u' ').trimmed()),
        RunReport::orDash(QStringList{v.reasonCode, v.reason}.join(u' ').trimmed()),
        f.notes ? *f.notes : RunReport::dash(),
        f.imageError.isEmpty() ? RunReport::orDash(f.imagePath)
                               : tr("%1 (cannot be read: %2)").arg(f.imagePath, f.imageError),
    };
    QStringList out;
    for (const QString &c : cells)
        out.append(escaped(c));
    return RunReport::line(QStringLiteral("| %1 |").arg(out.join(QStringLiteral(" | "))));
}
