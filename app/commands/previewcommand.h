#pragma once

#include "commands/command.h"

struct PreviewOptions;

// director preview RUN_DIR [--sheet FILE.png] [--columns N] [--animation FILE.webp] [--fps N]
// [--approved-only]: the move as commit would write it, as a sprite sheet and/or an animated
// WebP (PreviewExport), for the people who are not at the workstation. Writes nothing in the
// run folder (the session is read as `status` reads it, the pipeline's news included); each
// file is written whole or not at all.
class PreviewCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(PreviewCommand)

public:
    explicit PreviewCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 1; }
    int run(const QCommandLineParser &parser) override;

private:
    // The options the arguments ask for; Invalid when one is not a number or out of range.
    static Outcome optionsFrom(const QCommandLineParser &parser, PreviewOptions *options);
};
