#pragma once

#include "commands/command.h"

struct RunSummary;

// director list RUNS_DIR [--json]: every run in a folder of runs (RunSummary), newest activity
// first: its move, frames, counts per status, session state, last activity and who holds it.
// The same as the start page shows. Writes nothing and takes no lock.
class ListCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)

public:
    explicit ListCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;

private:
    // The table for the operator, a line a run, then why the unreadable ones cannot be read.
    static QString text(const QList<RunSummary> &runs);
};
