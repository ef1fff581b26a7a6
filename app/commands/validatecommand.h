#pragma once

#include "commands/command.h"

// director validate FILE: checks a session file as Director reads it; every problem on
// stderr with its JSON path. Exit code 0 when the file is valid, 1 otherwise. Writes nothing.
class ValidateCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ValidateCommand)

public:
    explicit ValidateCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;
};
