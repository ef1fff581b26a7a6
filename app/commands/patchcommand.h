#pragma once

#include "audit/palettecheck.h"
#include "commands/command.h"
#include "core/result.h"
#include "patch/palettelegalize.h"
#include "patch/patchmaker.h"

#include <optional>

class SessionManager;

// director patch RUN_DIR INDEX (--from FILE [--prompt TEXT] | --legalize [--alpha keep|snap] |
// --mask MASK --prompt TEXT [--provider CMD] [--timeout SECONDS] | --revert) [--recover ...]:
// makes a patch of one frame (a PNG, its image legalized to the run's palette, or masked pixels
// repainted by an inpainting provider: docs/provider.md), or reverts the frame to the image its
// patches were made on, through the session's rules, lock and atomic save, as the window does
// (PatchMaker, FramePatches).
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
    // The one way the options ask for; Invalid when none or two are given, or an option that
    // goes with another is given without it.
    static Outcome checkWay(const QCommandLineParser &parser);
    // --alpha: keep (also when not given) or snap; nullopt for anything else.
    static std::optional<PaletteLegalize::Alpha> alphaOf(const QCommandLineParser &parser);
    // The change path a patch of the command is recorded through: the session's own, saved at
    // once (PatchMaker::Apply).
    static PatchMaker::Apply applyTo(SessionManager &manager);
    // --from FILE: the PNG as the frame's new patch.
    Outcome fromFile(SessionManager &manager, int index, const QCommandLineParser &parser);
    // --mask MASK: the inpainting provider's result as the frame's new patch.
    static void addInpaintArguments(QCommandLineParser &parser);
    Outcome inpaint(SessionManager &manager, int index, const QCommandLineParser &parser);
    // --legalize: the frame's image legalized to the run's palette as its new patch; Refused
    // when nothing is off the palette.
    Outcome legalize(SessionManager &manager, int index, PaletteLegalize::Alpha alpha);
    // The run's palette as the audit's overlays take it: palette.json, else the anchor's.
    Result<PaletteCheck::Palette> palette(SessionManager &manager);
};
