#pragma once

#include "commands/command.h"

class RunStatus;

// director status RUN_DIR [--json]: the run, its move, its session, the counts per frame
// status, and what the run folder lacks or holds that no session takes (RunStatus). Writes
// nothing: a run without a session shows what the session would start from.
class StatusCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)

public:
    explicit StatusCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;

private:
    // The summary for the operator, a line each.
    static QString text(const RunStatus &status);
    // The line naming the frames whose image is an older attempt than their newest one, or
    // saying there is none (empty when no frame's image is an attempt's).
    static QString attempts(const RunStatus &status);
    // A line for each frame an operator rejected: who, when and why.
    static QString rejected(const RunStatus &status);
};
