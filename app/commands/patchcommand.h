#pragma once

#include "commands/command.h"

class SessionManager;

// director patch RUN_DIR INDEX (--from FILE [--prompt TEXT] | --mask MASK [--prompt TEXT]
// [--provider CMD] [--timeout SECONDS] | --revert) [--recover ...]: makes a patch of one frame
// (from a file, or by an inpainting provider: docs/provider.md), or reverts the frame to the
// image its patches were made on, through the session's rules, lock and atomic save, as the
// window does (PatchMaker, FramePatches).
class PatchCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(PatchCommand)

public:
    explicit PatchCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 2; }
    int run(const QCommandLineParser &parser) override;

private:
    // The one way the options ask for; Invalid when none or two are given.
    static Outcome checkWay(const QCommandLineParser &parser);
    // --from FILE: the PNG as the frame's new patch.
    Outcome fromFile(SessionManager &manager, int index, const QCommandLineParser &parser);
    // --mask MASK: the inpainting provider's result as the frame's new patch.
    static void addInpaintArguments(QCommandLineParser &parser);
    Outcome inpaint(SessionManager &manager, int index, const QCommandLineParser &parser);
};
