#include "commands/listcommand.h"

#include "run/runpaths.h"
#include "run/runsummary.h"
#include "session/timestamps.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {

// Each cell padded to its column's widest, two spaces apart; the last column as it is.
QString table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}

} // namespace

ListCommand::ListCommand(const Console &console) : Command(QStringLiteral("list"), console) {}

QString ListCommand::description() const
{
    return tr("Every run in a folder of runs, newest activity first: its move, frames, counts "
              "per status, session, last activity (UTC) and the Director that has it open. "
              "Writes nothing.");
}

void ListCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    parser.addPositionalArgument(QStringLiteral("RUNS_DIR"),
                                 tr("The folder that holds the run folders."));
    parser.addOption({jsonName, tr("Print one JSON array, a run each.")});
    addLanguageOption(parser);
}

int ListCommand::run(const QCommandLineParser &parser)
{
    const QString folder = parser.positionalArguments().at(1);
    if (const Outcome isFolder = RunPaths::checkFolder(folder); !isFolder)
        return fail(isFolder);
    const QList<RunSummary> runs = RunSummary::scan(folder);
    if (parser.isSet(jsonName)) {
        QJsonArray array;
        for (const RunSummary &run : runs)
            array.append(run.toJson());
        console().print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) +
                        QLatin1Char('\n'));
    } else {
        console().print(text(runs));
    }
    return 0;
}

QString ListCommand::text(const QList<RunSummary> &runs)
{
    if (runs.isEmpty())
        return tr("No runs in this folder.\n");
    QList<QStringList> rows{{tr("RUN"), tr("MOVE"), tr("FRAMES"), tr("APPROVED"), tr("WARN"),
                             tr("FAIL"), tr("GENERATED"), tr("PENDING"), tr("SESSION"),
                             tr("LAST ACTIVITY (UTC)"), tr("OPEN ELSEWHERE")}};
    QString problems;
    for (const RunSummary &run : runs) {
        QStringList row{run.runId, run.moveId.isEmpty() ? QStringLiteral("-") : run.moveId,
                        QString::number(run.frames)};
        for (FrameStatus status :
             {FrameStatus::Approved, FrameStatus::AuditWarn, FrameStatus::AuditFail,
              FrameStatus::Generated, FrameStatus::Pending})
            row.append(QString::number(run.counts.count(status)));
        row.append(RunSummary::stateText(run.sessionState));
        row.append(run.lastActivity.isValid()
                       ? run.lastActivity.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QStringLiteral("-"));
        row.append(run.holder ? tr("%1 (process %2)").arg(run.holder->host).arg(run.holder->pid)
                              : QStringLiteral("-"));
        rows.append(row);
        if (!run.problem.isEmpty())
            problems += tr("%1: %2").arg(run.runId, run.problem) + QLatin1Char('\n');
    }
    return table(rows) + (problems.isEmpty() ? QString() : QLatin1Char('\n') + problems);
}
