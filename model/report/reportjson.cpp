#include "report/reportjson.h"

#include "report/reporthtml.h"
#include "report/runreport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject sessionJson(const DirectorSession &s)
{
    QJsonObject session{{QStringLiteral("sessionId"), orNull(s.sessionId)},
                        {QStringLiteral("status"), sessionStatusName(s.status)},
                        {QStringLiteral("createdAt"), orNull(s.createdAt)},
                        {QStringLiteral("lastModified"), orNull(s.lastModified)},
                        {QStringLiteral("commitInfo"), QJsonValue::Null}};
    if (s.commitInfo) {
        session.insert(QStringLiteral("commitInfo"),
                       QJsonObject{{QStringLiteral("approvedCount"), s.commitInfo->approvedCount},
                                   {QStringLiteral("nudgedCount"), s.commitInfo->nudgedCount},
                                   {QStringLiteral("patchedCount"), s.commitInfo->patchedCount},
                                   {QStringLiteral("timestamp"), s.commitInfo->timestamp}});
    }
    return session;
}

QJsonValue auditJson(const ReportFrame &f)
{
    if (!f.audited && f.flags.isEmpty())
        return QJsonValue::Null;
    QJsonArray flags;
    for (const ReasonCodes::Description &flag : f.flags) {
        flags.append(QJsonObject{{QStringLiteral("code"), flag.code},
                                 {QStringLiteral("title"), flag.title}});
    }
    return QJsonObject{{QStringLiteral("compositeScore"), f.compositeScore},
                       {QStringLiteral("passed"), f.passed},
                       {QStringLiteral("flags"), flags}};
}

} // namespace

QByteArray ReportJson::write(const RunReport &report)
{
    return QJsonDocument(toJson(report)).toJson(QJsonDocument::Indented);
}

QJsonObject ReportJson::toJson(const RunReport &report)
{
    const DirectorSession &s = report.session();
    QJsonObject counts;
    for (FrameStatus status : allFrameStatuses)
        counts.insert(frameStatusName(status), report.counts().count(status));
    QJsonArray frames;
    for (const ReportFrame &frame : report.frames())
        frames.append(frameJson(frame));
    return {{QStringLiteral("format"), ReportHtml::generator()},
            {QStringLiteral("formatVersion"), formatVersion},
            {QStringLiteral("writtenAt"), report.writtenAt()},
            {QStringLiteral("runDir"), report.runDir()},
            {QStringLiteral("runId"), s.runId},
            {QStringLiteral("moveId"), orNull(s.moveId)},
            {QStringLiteral("anchorFrame"),
             report.anchorIndex() < 0 ? QJsonValue(QJsonValue::Null) : report.anchorIndex()},
            {QStringLiteral("session"),
             report.hasSessionFile() ? QJsonValue(sessionJson(s)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("missing"), QJsonArray::fromStringList(report.missing())},
            {QStringLiteral("leftOut"), QJsonArray::fromStringList(report.leftOut())},
            {QStringLiteral("summary"),
             QJsonObject{{QStringLiteral("frameCount"), report.counts().total()},
                         {QStringLiteral("counts"), counts},
                         {QStringLiteral("nudged"), report.nudged()},
                         {QStringLiteral("patched"), report.patched()},
                         {QStringLiteral("noted"), report.noted()}}},
            {QStringLiteral("frames"), frames}};
}

QJsonObject ReportJson::frameJson(const ReportFrame &f)
{
    QJsonArray patches;
    for (const PatchHistoryEntry &p : f.patches) {
        patches.append(QJsonObject{{QStringLiteral("prompt"), p.prompt},
                                   {QStringLiteral("patchedPath"), p.patchedPath},
                                   {QStringLiteral("maskPath"), orNull(p.maskPath)},
                                   {QStringLiteral("originalPath"), orNull(p.originalPath)},
                                   {QStringLiteral("timestamp"), orNull(p.timestamp)}});
    }
    const QJsonValue size =
        f.size.isValid() ? QJsonValue(QJsonObject{{QStringLiteral("width"), f.size.width()},
                                                  {QStringLiteral("height"), f.size.height()}})
                         : QJsonValue(QJsonValue::Null);
    const QJsonValue nudge = f.nudge ? QJsonValue(QJsonObject{{QStringLiteral("x"), f.nudge->x()},
                                                              {QStringLiteral("y"), f.nudge->y()}})
                                     : QJsonValue(QJsonValue::Null);
    const QJsonValue motion =
        f.drift.measured
            ? QJsonValue(QJsonObject{{QStringLiteral("baselineGap"), f.drift.baselineGap},
                                     {QStringLiteral("pivotShiftX"), f.drift.pivotShift.x()},
                                     {QStringLiteral("pivotShiftY"), f.drift.pivotShift.y()}})
            : QJsonValue(QJsonValue::Null);
    const ReportVerdict &v = f.verdict;
    return {{QStringLiteral("frameIndex"), f.frameIndex},
            {QStringLiteral("frameId"), f.frameId},
            {QStringLiteral("status"), frameStatusName(f.status)},
            {QStringLiteral("imagePath"), orNull(f.imagePath)},
            {QStringLiteral("imageFile"), orNull(f.imageFile)},
            {QStringLiteral("imageError"), orNull(f.imageError)},
            {QStringLiteral("size"), size},
            {QStringLiteral("notes"), f.notes ? QJsonValue(*f.notes) : QJsonValue::Null},
            {QStringLiteral("nudge"), nudge},
            {QStringLiteral("patchCount"), int(f.patches.size())},
            {QStringLiteral("patches"), patches},
            {QStringLiteral("audit"), auditJson(f)},
            {QStringLiteral("attempts"), f.attempts},
            {QStringLiteral("verdict"),
             QJsonObject{{QStringLiteral("decidedBy"), orNull(v.decidedBy)},
                         {QStringLiteral("decidedAt"), orNull(v.decidedAt)},
                         {QStringLiteral("reasonCode"), orNull(v.reasonCode)},
                         {QStringLiteral("reason"), orNull(v.reason)}}},
            {QStringLiteral("motion"), motion}};
}
