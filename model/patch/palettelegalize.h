#pragma once

#include "audit/palettecheck.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QRgb>

// "Legalize palette", for the patch tools: a frame whose checked pixels are all on the run's
// palette, each off-palette colour replaced by the palette colour that looks nearest. The audit
// flags palette drift pixel by pixel (PaletteCheck); this is the repair the operator previews and
// applies. Pure: an image in, an image out; nothing is written.
//
// The rule, for every pixel of the frame (non-premultiplied ARGB, 8 bits a channel, as commit
// writes it):
//   - a pixel with alpha >= PaletteCheck::checkedAlpha whose RGB is not exactly a palette colour
//     takes the RGB of the palette colour nearest to it in OKLab (Björn Ottosson's perceptual
//     space, from sRGB through the sRGB transfer curve to linear light), by Euclidean distance;
//     of colours at the same distance, the lowest 0xRRGGBB. Nearest in RGB picks the wrong shade:
//     the dark green #1e3812 is nearer the dark grey #202020 than the dark green #003000 in RGB,
//     and twice as near #003000 in OKLab (docs/run-folder.md).
//   - a pixel already on the palette keeps its RGB; with Alpha::Keep it is not changed at all.
//   - a pixel with alpha < checkedAlpha is not checked by the audit: it keeps its RGB.
//   - Alpha::Snap also makes every partial alpha (1..254) whole, whatever the pixel's colour (a
//     halo is an audit flag of its own): alpha >= checkedAlpha becomes 255 (its RGB snapped as
//     above if off the palette), below it becomes 0, and the pixel 0x00000000 (transparent black,
//     what commit fills with; ImageDiff sees no colour under alpha 0 anyway). Pixels of alpha 0
//     or 255 keep their alpha.
// So a fully opaque pixel on the palette is untouched bit for bit in either mode, and after
// legalizing PaletteCheck::check finds no pixel off the palette.
//
// Each distinct colour is looked up once (a cache per call), and the palette is turned into
// OKLab once per call, sorted by lightness so that a search looks at the few colours near the
// pixel's lightness. A 512 px frame with a 256-colour palette takes 1 to 3 ms (bench_audit; 80 ms
// for noise, every pixel a colour of its own); a palette of PaletteCheck::maxColours works too.
class PaletteLegalize
{
    Q_DECLARE_TR_FUNCTIONS(PaletteLegalize)

public:
    enum class Alpha
    {
        Keep, // alpha unchanged
        Snap, // partial alpha made whole: >= checkedAlpha to 255, below it to 0
    };

    struct Legalized
    {
        QImage image;               // the frame legalized, Format_ARGB32, the frame's size
        qsizetype recoloured = 0;   // pixels whose RGB was snapped to the palette
        qsizetype alphaSnapped = 0; // pixels whose alpha was snapped (Alpha::Snap only)
        QList<QPoint> changed;      // every pixel changed, row by row: the preview's evidence;
                                    // exactly those ImageDiff::differ finds between the images
    };

    // A colour in OKLab: L (lightness, 0 for black to 1 for white), a (green-red), b (blue-yellow).
    struct Lab
    {
        double L = 0.0;
        double a = 0.0;
        double b = 0.0;
    };

    // The frame legalized against `palette` (colours as 0xffRRGGBB, as PaletteCheck gives them),
    // by the rule above; any QImage format (a 16-bit frame is brought to 8 bits a channel, as the
    // palette's colours are). An empty palette has nothing to snap to: Outcome::invalid.
    static Result<Legalized> legalize(const QImage &frame, const PaletteCheck::Palette &palette,
                                      Alpha alpha = Alpha::Keep);

    // The colour's RGB (alpha ignored) in OKLab, as the distance above measures it.
    static Lab okLab(QRgb colour);
};
