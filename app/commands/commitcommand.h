#pragma once

#include "commands/command.h"

// director commit RUN_DIR [--recover backup|new]: writes every frame, nudges and patches
// applied, to approved/ and marks the session committed (SessionManager::commitSession).
// Refused (exit code 2), writing nothing, unless every frame is APPROVED.
class CommitCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CommitCommand)

public:
    explicit CommitCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;
};
