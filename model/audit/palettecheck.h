#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QRgb>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

// The run's palette, and the pixels of a frame whose colour is not in it (the audit's
// palette drift, pixel by pixel). A palette is an exact set of RGB colours (alpha left out):
// a pixel is in it when its red, green and blue are exactly those of one of its colours, no
// tolerance. Only the pixels with alpha >= checkedAlpha are checked, in the frame and in the
// anchor the palette is taken from: a soft edge is not a colour of the sprite.
class PaletteCheck
{
    Q_DECLARE_TR_FUNCTIONS(PaletteCheck)

public:
    static constexpr int checkedAlpha = 128;
    // The explicit palette a run may hold, in its folder (docs/run-folder.md).
    static constexpr const char *fileName = "palette.json";
    static constexpr int maxColours = 65536;

    // Colours as 0xffRRGGBB.
    using Palette = QSet<QRgb>;

    struct Findings
    {
        QList<QPoint> pixels; // the off-palette pixels, row by row, in the image's coordinates
        int checked = 0;      // pixels with alpha >= checkedAlpha
    };

    // The colours of the anchor's pixels with alpha >= checkedAlpha.
    static Palette fromAnchor(const QImage &anchor);
    // The palette `runDir`/palette.json names: {"colors": ["#rrggbb", …]}, or why it cannot be
    // read; nullopt when the run has no such file (the anchor's palette is used).
    static std::optional<Result<Palette>> readExplicit(const QString &runDir);
    // The run's palette as every tool takes it (the overlays, Legalize Palette, `director patch
    // --legalize`): palette.json when the run has one that reads, else the colours of the
    // anchor as commit writes it (`anchor` gives it, asked only then).
    struct RunPalette
    {
        Palette colours;
        bool fromFile = false;
        QString fileProblem; // why the run's palette.json could not be used; empty when none
    };
    static RunPalette ofRun(const QString &runDir, const std::function<QImage()> &anchor);
    // The frame's pixels with alpha >= checkedAlpha whose colour is not in `palette`.
    static Findings check(const QImage &frame, const Palette &palette);
};
