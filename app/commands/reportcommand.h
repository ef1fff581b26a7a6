#pragma once

#include "commands/command.h"

struct ReportOptions;

// director report RUN_DIR [--html FILE] [--json FILE|-] [--md FILE|-] [--thumbnail PIXELS]: the
// review report of a run (ReportExport): the run and its session, the counts, and every frame
// with its image as commit would write it, its decisions and its audit, for the people who sign
// the run off elsewhere. Reads the session as `status` does (the pipeline's news included) and
// writes nothing in the run folder unless a report is named there.
class ReportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    explicit ReportCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;

private:
    static Outcome optionsFrom(const QCommandLineParser &parser, ReportOptions *options);
};
