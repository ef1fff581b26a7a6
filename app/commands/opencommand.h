#pragma once

#include "commands/command.h"
#include "review/sessionmanager.h"

// director [RUN_DIR] [--recover backup|new]: the review window, on a run when one is given
// (its session created or resumed). Also what any command line runs that names no other
// command. Needs a QApplication.
class OpenCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(OpenCommand)

public:
    explicit OpenCommand(const Console &console = Console());

    QString description() const override;
    bool opensWindow(const QStringList &arguments) const override;

    // Shows the review window, on the run in `runDir` unless it is empty, and runs the event
    // loop until the window closes; its exit code.
    static int showWindow(const QString &runDir, SessionManager::Recovery recovery);
    // Shows the start page on `folder` (`why` says why that folder, or is empty) and runs the
    // event loop until every window closes; its exit code.
    static int showStartPage(const QString &folder, const QString &why);

protected:
    void addArguments(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser) override;
};
