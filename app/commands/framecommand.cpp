#include "commands/framecommand.h"

#include "commands/recoveroption.h"
#include "commands/sessionchange.h"
#include "review/cachedrun.h"
#include "review/reasoncodecounts.h"
#include "review/sessionmanager.h"
#include "session/reasoncodes.h"
#include "session/reviewer.h"

#include <QCommandLineParser>

namespace {

const QString statusName = QStringLiteral("status");
const QString nudgeName = QStringLiteral("nudge");
const QString clearNudgeName = QStringLiteral("clear-nudge");
const QString noteName = QStringLiteral("note");
const QString attemptName = QStringLiteral("attempt");
const QString reasonName = QStringLiteral("reason");
const QString reasonTextName = QStringLiteral("reason-text");
const QString reviewerName = QStringLiteral("reviewer");

} // namespace

QString FrameCommand::reasonText(const Verdict &verdict)
{
    QStringList parts;
    if (verdict.reasonCode)
        parts.append(*verdict.reasonCode);
    if (verdict.reason)
        parts.append(QLatin1Char('"') + *verdict.reason + QLatin1Char('"'));
    return parts.join(QLatin1Char(' '));
}

FrameCommand::FrameCommand(const Console &console) : Command(QStringLiteral("frame"), console) {}

QString FrameCommand::description() const
{
    return tr("Change one frame through the session's rules, lock and atomic save. All options "
              "given are saved as one change.");
}

void FrameCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    addRunDirArgument(parser);
    parser.addPositionalArgument(QStringLiteral("INDEX"), tr("The frame index (0, 1, ...)."));
    parser.addOption(
        {attemptName,
         tr("Make attempt N (numbered as in candidates/frame_NNNN_attempt_N.png) the frame's "
            "image, with the run's audit of it when the run has one; the other options apply "
            "after it (e.g. --attempt 1 --status APPROVED)."),
         QStringLiteral("N")});
    parser.addOption({statusName,
                      tr("The new status: PENDING, GENERATED, AUDIT_FAIL, AUDIT_WARN or APPROVED."),
                      QStringLiteral("S")});
    parser.addOption({nudgeName,
                      tr("Move the frame DX,DY pixels further (e.g. --nudge=-2,1). An AUDIT_WARN "
                         "frame is approved by a nudge."),
                      QStringLiteral("DX,DY")});
    parser.addOption({clearNudgeName, tr("Remove the frame's alignment offset.")});
    parser.addOption(
        {noteName, tr("Set the operator's notes (empty removes them)."), QStringLiteral("TEXT")});
    parser.addOption({reasonName,
                      tr("With --status AUDIT_FAIL: why the frame is rejected, a reason code "
                         "such as SF01_IDENTITY_DRIFT (capitals, digits and underscores)."),
                      QStringLiteral("CODE")});
    parser.addOption({reasonTextName,
                      tr("With --status AUDIT_FAIL: why the frame is rejected, in words."),
                      QStringLiteral("TEXT")});
    parser.addOption({reviewerName,
                      tr("Who makes the verdict (default: the name set in Preferences, else the "
                         "user logged in)."),
                      QStringLiteral("NAME")});
    parser.addOption(RecoverOption::option());
    addLanguageOption(parser);
}

int FrameCommand::run(const QCommandLineParser &parser)
{
    const Result<int> given = SessionChange::frameIndex(parser);
    if (!given)
        return fail(given.outcome());
    const int index = *given;
    FrameEdit edit;
    if (const Outcome asked = editFrom(parser, &edit); !asked)
        return fail(asked);

    SessionManager manager;
    const CachedRun cache(parser.positionalArguments().at(1));
    if (const Outcome opened = SessionChange::open(manager, parser, &cache); !opened)
        return fail(opened);
    if (const Outcome there = SessionChange::checkFrame(manager, index); !there)
        return fail(there);
    // A code neither the catalogue nor the run knows is most likely mistyped: recorded as given
    // (a pipeline may have codes of its own), and said.
    const bool unknownCode =
        !edit.reasonCode.isEmpty() && !ReasonCodes::known().contains(edit.reasonCode) &&
        !ReasonCodeCounts::countAll(manager.session().frames).contains(edit.reasonCode);
    if (const Outcome applied = manager.applyFrameEdit(index, edit); !applied)
        return fail(applied);
    if (unknownCode) {
        console().printError(tr("director: warning: %1 is a code of neither Director's catalogue "
                                "nor this run's audits; recorded as given\n")
                                 .arg(edit.reasonCode));
    }
    QString said = summary(index, *manager.getFrameState(index));
    if (edit.attempt)
        said += tr(", attempt %1").arg(*edit.attempt);
    console().print(said + QLatin1Char('\n'));
    // The next `director status` tells the run as this change leaves it without reading it.
    CachedRun::keepStatus(manager);
    return 0;
}

Outcome FrameCommand::editFrom(const QCommandLineParser &parser, FrameEdit *edit)
{
    if (parser.isSet(attemptName)) {
        const QString value = parser.value(attemptName);
        bool isNumber = false;
        const int attempt = value.toInt(&isNumber);
        if (!isNumber || attempt < 1)
            return Outcome::invalid(
                tr("\"%1\" is not an attempt number (1, 2, ...): --attempt").arg(value));
        edit->attempt = attempt;
    }
    if (parser.isSet(statusName)) {
        const QString name = parser.value(statusName);
        const std::optional<FrameStatus> status = frameStatusFromName(name.toUpper());
        if (!status)
            return Outcome::invalid(tr("unknown status \"%1\"").arg(name));
        edit->status = status;
    }
    if (parser.isSet(nudgeName)) {
        if (const Outcome nudge = nudgeFrom(parser.value(nudgeName), edit); !nudge)
            return nudge;
    }
    if (parser.isSet(clearNudgeName)) {
        if (edit->alignment == FrameEdit::Alignment::Move)
            return Outcome::invalid(tr("--nudge and --clear-nudge cannot be given together"));
        edit->alignment = FrameEdit::Alignment::Clear;
    }
    if (parser.isSet(noteName))
        edit->notes = parser.value(noteName);
    if (const Outcome verdict = verdictFrom(parser, edit); !verdict)
        return verdict;
    if (!edit->attempt && !edit->status && edit->alignment == FrameEdit::Alignment::Keep &&
        !edit->notes) {
        return Outcome::invalid(
            tr("nothing to change: give --attempt, --status, --nudge, --clear-nudge or --note"));
    }
    return Outcome::ok();
}

Outcome FrameCommand::verdictFrom(const QCommandLineParser &parser, FrameEdit *edit)
{
    if (parser.isSet(reviewerName)) {
        edit->reviewer = parser.value(reviewerName).trimmed();
        if (edit->reviewer.isEmpty())
            return Outcome::invalid(tr("--reviewer needs a name"));
    } else {
        edit->reviewer = Reviewer::current();
    }
    if (parser.isSet(reasonName)) {
        edit->reasonCode = parser.value(reasonName).trimmed();
        if (!ReasonCodes::isWellFormed(edit->reasonCode))
            return Outcome::invalid(tr("\"%1\" is not a reason code such as SF01_IDENTITY_DRIFT "
                                       "(capitals, digits and underscores): --reason")
                                        .arg(parser.value(reasonName)));
    }
    if (parser.isSet(reasonTextName)) {
        edit->reason = parser.value(reasonTextName).trimmed();
        if (edit->reason.isEmpty())
            return Outcome::invalid(tr("--reason-text needs a text"));
    }
    const bool reasoned = parser.isSet(reasonName) || parser.isSet(reasonTextName);
    if (reasoned && edit->status != FrameStatus::AuditFail)
        return Outcome::invalid(
            tr("--reason and --reason-text go with --status AUDIT_FAIL: only a rejection has a "
               "reason"));
    return Outcome::ok();
}

Outcome FrameCommand::nudgeFrom(const QString &value, FrameEdit *edit)
{
    const QStringList parts = value.split(QLatin1Char(','));
    bool okX = false;
    bool okY = false;
    const int dx = parts.value(0).trimmed().toInt(&okX);
    const int dy = parts.value(1).trimmed().toInt(&okY);
    if (parts.size() != 2 || !okX || !okY)
        return Outcome::invalid(tr("--nudge takes whole pixels DX,DY, for example --nudge=-2,1"));
    edit->alignment = FrameEdit::Alignment::Move;
    edit->alignmentX = dx;
    edit->alignmentY = dy;
    return Outcome::ok();
}

QString FrameCommand::summary(int index, const DirectorFrameState &frame)
{
    QString summary = tr("frame %1: %2").arg(index).arg(frameStatusName(frame.status));
    if (frame.directorOverrides.alignment) {
        summary += tr(", offset %1,%2")
                       .arg(frame.directorOverrides.alignment->userOverrideX)
                       .arg(frame.directorOverrides.alignment->userOverrideY);
    }
    if (const std::optional<Verdict> &verdict = frame.directorOverrides.verdict;
        verdict && verdict->status == FrameStatus::AuditFail) {
        if (const QString why = reasonText(*verdict); !why.isEmpty())
            summary += tr(", reason %1").arg(why);
    }
    return summary;
}
