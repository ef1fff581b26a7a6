#pragma once

#include "commands/command.h"

// director unlock RUN_DIR --holder PID@HOST: takes over the lock that a crashed or switched-off
// workstation left on a run (SessionLock::takeOver). Director never does this by itself for
// another host's lock, whose process it cannot check: the operator names the holder they know
// is gone, and the lock is removed only while it still names that holder.
class UnlockCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(UnlockCommand)

public:
    explicit UnlockCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;
};
