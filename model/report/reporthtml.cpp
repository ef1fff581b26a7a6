#include "report/reporthtml.h"

#include "report/runreport.h"

#include <QLocale>

namespace {

const char *const style = R"(
body { font-family: system-ui, sans-serif; margin: 2em; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8c8c8; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
table.facts th { width: 12em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
img.frame, img.plot { image-rendering: pixelated; image-rendering: crisp-edges; }
img.frame { display: block; background-color: #ddd;
  background-image: linear-gradient(45deg, #bbb 25%, transparent 25%, transparent 75%, #bbb 75%),
    linear-gradient(45deg, #bbb 25%, transparent 25%, transparent 75%, #bbb 75%);
  background-size: 16px 16px; background-position: 0 0, 8px 8px; }
.size, .muted { color: #666; font-size: 0.85em; }
.notes { white-space: pre-wrap; max-width: 28em; }
.status { font-weight: bold; white-space: nowrap; }
.APPROVED { color: #1b7a2e; } .AUDIT_WARN { color: #9a5b00; } .AUDIT_FAIL { color: #b3261e; }
.PENDING, .GENERATED { color: #555; }
.swatch { display: inline-block; width: 1em; height: 0.6em; margin-right: 0.3em; }
ul.flags { margin: 0; padding-left: 1.2em; }
@media print { body { margin: 0; } tr { break-inside: avoid; } }
)";

QString cell(const QString &escapedText, const QString &cls = {})
{
    return cls.isEmpty() ? QStringLiteral("<td>%1</td>").arg(escapedText)
                         : QStringLiteral("<td class=\"%1\">%2</td>").arg(cls, escapedText);
}

QString factRow(const QString &name, const QString &value)
{
    return RunReport::line(QStringLiteral("<tr><th>%1</th><td>%2</td></tr>")
                               .arg(ReportHtml::escaped(name), ReportHtml::escaped(value)));
}

QString dataUri(const QByteArray &png)
{
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

} // namespace

QString ReportHtml::escaped(const QString &text)
{
    QString clean = text;
    for (QChar &c : clean) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || u == 0x7f || u == 0xfffe || u == 0xffff)
            c = QChar(0xfffd);
    }
    return clean.toHtmlEscaped();
}

QByteArray ReportHtml::write(const RunReport &report)
{
    QString html;
    html += RunReport::line(QStringLiteral("<!DOCTYPE html>"));
    html +=
        RunReport::line(QStringLiteral("<html lang=\"%1\">").arg(escaped(QLocale().bcp47Name())));
    html += head(report);
    html += RunReport::line(QStringLiteral("<body>"));
    html += RunReport::line(QStringLiteral("<h1>%1</h1>")
                                .arg(escaped(tr("Review report: %1").arg(report.session().runId))));
    html += runFacts(report);
    html += summary(report);
    html += motion(report);
    html += frameTable(report);
    html += RunReport::line(QStringLiteral("</body>"));
    html += RunReport::line(QStringLiteral("</html>"));
    return html.toUtf8();
}

QString ReportHtml::head(const RunReport &report)
{
    const DirectorSession &s = report.session();
    return RunReport::line(QStringLiteral("<head>")) +
           RunReport::line(QStringLiteral("<meta charset=\"utf-8\"/>")) +
           RunReport::line(
               QStringLiteral("<meta name=\"generator\" content=\"%1\"/>").arg(generator())) +
           RunReport::line(
               QStringLiteral("<meta name=\"viewport\" content=\"width=device-width\"/>")) +
           RunReport::line(QStringLiteral("<title>%1</title>")
                               .arg(escaped(tr("Review report: %1 (%2)").arg(s.runId, s.moveId)))) +
           QStringLiteral("<style>") + QString::fromLatin1(style) +
           RunReport::line(QStringLiteral("</style>")) + RunReport::line(QStringLiteral("</head>"));
}

QString ReportHtml::runFacts(const RunReport &report)
{
    const DirectorSession &s = report.session();
    QString html = RunReport::line(QStringLiteral("<table class=\"facts\">"));
    html += factRow(tr("Run"), s.runId);
    html += factRow(tr("Move"), RunReport::orDash(s.moveId));
    html += factRow(tr("Run folder"), report.runDir());
    if (!report.hasSessionFile()) {
        html += factRow(tr("Session"), RunReport::noSessionYet());
    } else {
        html += factRow(tr("Session"), RunReport::orDash(s.sessionId));
        html += factRow(tr("Session status"), sessionStatusName(s.status));
        html += factRow(tr("Created"), RunReport::orDash(s.createdAt));
        html += factRow(tr("Last modified"), RunReport::orDash(s.lastModified));
    }
    if (s.commitInfo) {
        html += factRow(tr("Committed"), tr("%1: %2 approved, %3 nudged, %4 patched")
                                             .arg(s.commitInfo->timestamp)
                                             .arg(s.commitInfo->approvedCount)
                                             .arg(s.commitInfo->nudgedCount)
                                             .arg(s.commitInfo->patchedCount));
    }
    html += factRow(tr("Anchor frame"), report.anchorIndex() < 0
                                            ? RunReport::dash()
                                            : QString::number(report.anchorIndex()));
    for (const QString &missing : report.missing())
        html += factRow(tr("Missing"), missing);
    for (const QString &leftOut : report.leftOut())
        html += factRow(tr("Left out"), leftOut);
    html += factRow(tr("Report written"), report.writtenAt());
    return html + RunReport::line(QStringLiteral("</table>"));
}

QString ReportHtml::summary(const RunReport &report)
{
    QString html = RunReport::line(QStringLiteral("<h2>%1</h2>").arg(escaped(tr("Summary"))));
    html += RunReport::line(QStringLiteral("<table class=\"summary\">"));
    const auto row = [](const QString &name, int count, const QString &cls = {}) {
        const QString th = cls.isEmpty() ? QStringLiteral("<th>%1</th>")
                                         : QStringLiteral("<th class=\"%2\">%1</th>").arg(cls);
        return RunReport::line(QStringLiteral("<tr>") + th.arg(escaped(name)) +
                               cell(QString::number(count), QStringLiteral("num")) +
                               QStringLiteral("</tr>"));
    };
    html += row(tr("Frames"), report.counts().total());
    for (FrameStatus status : allFrameStatuses)
        html +=
            row(frameStatusName(status), report.counts().count(status), frameStatusName(status));
    html += row(tr("Nudged"), report.nudged());
    html += row(tr("Patched"), report.patched());
    html += row(tr("With notes"), report.noted());
    return html + RunReport::line(QStringLiteral("</table>"));
}

QString ReportHtml::motion(const RunReport &report)
{
    QString html =
        RunReport::line(QStringLiteral("<h2>%1</h2>").arg(escaped(tr("Baseline and box"))));
    if (report.plotPng().isEmpty()) {
        return html +
               RunReport::line(QStringLiteral("<p class=\"muted\">%1</p>")
                                   .arg(escaped(tr("Not measured: no frame and anchor both have "
                                                   "visible pixels."))));
    }
    html += RunReport::line(QStringLiteral("<p><img class=\"plot\" alt=\"%1\" src=\"%2\"/></p>")
                                .arg(escaped(tr("Baseline gap and pivot shift of every frame")),
                                     dataUri(report.plotPng())));
    const auto swatch = [](const char *colour, const QString &text) {
        return QStringLiteral("<span class=\"swatch\" style=\"background:%1\"></span>%2")
            .arg(QLatin1String(colour), escaped(text));
    };
    html += RunReport::line(
        QStringLiteral("<p class=\"muted\">%1 &#160; %2 &#160; %3<br/>%4</p>")
            .arg(swatch("#ff4081", tr("baseline gap (bars; up: above the anchor's)")),
                 swatch("#ffd600", tr("pivot x")), swatch("#00e5ff", tr("pivot y")),
                 escaped(tr("Each frame as commit would write it against the anchor "
                            "(frame %1), in frame order, around zero."))
                     .arg(report.anchorIndex())));
    return html;
}

QString ReportHtml::frameTable(const RunReport &report)
{
    QString html = RunReport::line(QStringLiteral("<h2>%1</h2>").arg(escaped(tr("Frames"))));
    html += RunReport::line(QStringLiteral("<table class=\"frames\">"));
    const QStringList headers = {tr("Frame"),  tr("Image"),    tr("Status"),   tr("Audit"),
                                 tr("Nudge"),  tr("Patches"),  tr("Attempts"), tr("Decided"),
                                 tr("Reason"), tr("Baseline"), tr("Notes")};
    html += QStringLiteral("<thead><tr>");
    for (const QString &header : headers)
        html += QStringLiteral("<th>%1</th>").arg(escaped(header));
    html += RunReport::line(QStringLiteral("</tr></thead>"));
    html += RunReport::line(QStringLiteral("<tbody>"));
    for (const ReportFrame &frame : report.frames())
        html += frameRow(frame);
    html += RunReport::line(QStringLiteral("</tbody>"));
    return html + RunReport::line(QStringLiteral("</table>"));
}

QString ReportHtml::frameRow(const ReportFrame &f)
{
    const QString status = frameStatusName(f.status);
    QString html = QStringLiteral("<tr id=\"%1\" data-frame=\"%2\">")
                       .arg(escaped(f.frameId))
                       .arg(f.frameIndex);
    html += cell(QString::number(f.frameIndex), QStringLiteral("num"));
    html += imageCell(f);
    html += cell(status, QStringLiteral("status ") + status);
    html += auditCell(f);
    html += cell(escaped(RunReport::nudgeText(f)), QStringLiteral("num"));
    html += patchesCell(f);
    html += cell(QString::number(f.attempts), QStringLiteral("num"));
    const ReportVerdict &v = f.verdict;
    html += cell(v.decidedBy.isEmpty() && v.decidedAt.isEmpty()
                     ? RunReport::dash()
                     : escaped(v.decidedBy) + QStringLiteral("<br/>") + escaped(v.decidedAt));
    html += cell(v.reasonCode.isEmpty() && v.reason.isEmpty()
                     ? RunReport::dash()
                     : escaped(QStringList{v.reasonCode, v.reason}.join(u' ').trimmed()));
    html += cell(f.drift.measured ? escaped(tr("gap %1 px, pivot %2, %3")
                                                .arg(f.drift.baselineGap)
                                                .arg(f.drift.pivotShift.x())
                                                .arg(f.drift.pivotShift.y()))
                                  : RunReport::dash());
    html += cell(f.notes ? escaped(*f.notes) : RunReport::dash(), QStringLiteral("notes"));
    return RunReport::line(html + QStringLiteral("</tr>"));
}

QString ReportHtml::imageCell(const ReportFrame &f)
{
    if (f.imageFile.isEmpty())
        return cell(escaped(tr("No image yet")), QStringLiteral("muted"));
    if (!f.imageError.isEmpty())
        return cell(escaped(tr("Cannot be read: %1").arg(f.imageError)), QStringLiteral("muted"));
    QString html;
    if (!f.thumbnailPng.isEmpty()) {
        html += QStringLiteral("<img class=\"frame\" width=\"%1\" height=\"%2\" alt=\"%3\" "
                               "src=\"%4\"/>")
                    .arg(f.thumbnailSize.width())
                    .arg(f.thumbnailSize.height())
                    .arg(escaped(tr("Frame %1 as commit would write it").arg(f.frameIndex)),
                         dataUri(f.thumbnailPng));
    }
    const QString scale =
        f.thumbnailScale > 0
            ? tr("%1×%2 px, shown at %3×")
                  .arg(f.size.width())
                  .arg(f.size.height())
                  .arg(f.thumbnailScale)
            : tr("%1×%2 px, shown smaller").arg(f.size.width()).arg(f.size.height());
    html += QStringLiteral("<span class=\"size\">%1<br/>%2</span>")
                .arg(escaped(f.thumbnailPng.isEmpty()
                                 ? tr("%1×%2 px").arg(f.size.width()).arg(f.size.height())
                                 : scale),
                     escaped(f.imagePath));
    return cell(html);
}

QString ReportHtml::auditCell(const ReportFrame &f)
{
    if (!f.audited && f.flags.isEmpty())
        return cell(escaped(tr("not audited")), QStringLiteral("muted"));
    QString html = escaped(QStringLiteral("%1 %2").arg(QLocale().toString(f.compositeScore, 'f', 3),
                                                       f.passed ? tr("passed") : tr("not passed")));
    if (!f.flags.isEmpty()) {
        html += QStringLiteral("<ul class=\"flags\">");
        for (const ReasonCodes::Description &flag : f.flags) {
            html += QStringLiteral("<li><code>%1</code> %2</li>")
                        .arg(escaped(flag.code), escaped(flag.title));
        }
        html += QStringLiteral("</ul>");
    }
    return cell(html);
}

QString ReportHtml::patchesCell(const ReportFrame &f)
{
    if (f.patches.isEmpty())
        return cell(RunReport::dash());
    QString html = escaped(tr("%n patch(es)", nullptr, int(f.patches.size())));
    html += QStringLiteral("<ul class=\"flags\">");
    for (const PatchHistoryEntry &patch : f.patches) {
        html += QStringLiteral("<li>%1</li>")
                    .arg(escaped(patch.prompt.isEmpty() ? tr("(no prompt)") : patch.prompt));
    }
    return cell(html + QStringLiteral("</ul>"));
}
