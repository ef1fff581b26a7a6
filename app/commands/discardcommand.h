#pragma once

#include "commands/command.h"

// director discard RUN_DIR [--recover backup|new]: marks the session discarded
// (SessionManager::discardSession). The file stays, read-only; approved/ is not written.
class DiscardCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DiscardCommand)

public:
    explicit DiscardCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;
};
