#pragma once

#include "commands/command.h"

// director demo [DIR] [--no-gui]: writes the demo run into DIR (a new or empty folder; by
// default a new one in Director's data folder) and opens it in the window, unless --no-gui.
class DemoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)

public:
    explicit DemoCommand(const Console &console = Console());

    QString description() const override;
    bool opensWindow(const QStringList &arguments) const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser) override;
};
