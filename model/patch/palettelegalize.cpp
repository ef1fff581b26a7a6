#include "patch/palettelegalize.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace {

constexpr QRgb opaque = 0xff000000u;

// sRGB's transfer curve undone: each 8-bit channel in linear light.
const std::array<double, 256> &linearOf()
{
    static const std::array<double, 256> table = [] {
        std::array<double, 256> values{};
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            values[size_t(i)] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        }
        return values;
    }();
    return table;
}

// The squared distance, summed in this order (the tests' brute force sums it so too).
double distance2(const PaletteLegalize::Lab &p, const PaletteLegalize::Lab &q)
{
    const double dL = p.L - q.L;
    const double da = p.a - q.a;
    const double db = p.b - q.b;
    return dL * dL + da * da + db * db;
}

// The palette in OKLab, sorted by lightness, and the nearest of its colours to any colour. The
// search starts at the colour's lightness and walks out both ways; a side stops once its
// lightness alone is farther than the best distance found (the whole distance is at least that).
class Nearest
{
public:
    explicit Nearest(const PaletteCheck::Palette &palette)
    {
        m_entries.reserve(size_t(palette.size()));
        for (const QRgb colour : palette)
            m_entries.push_back({PaletteLegalize::okLab(colour), colour | opaque});
        std::sort(m_entries.begin(), m_entries.end(), [](const Entry &x, const Entry &y) {
            return x.lab.L < y.lab.L || (x.lab.L == y.lab.L && x.rgb < y.rgb);
        });
    }

    QRgb of(QRgb colour) const
    {
        const PaletteLegalize::Lab lab = PaletteLegalize::okLab(colour);
        const auto start = std::lower_bound(
            m_entries.begin(), m_entries.end(), lab.L,
            [](const Entry &entry, double lightness) { return entry.lab.L < lightness; });
        Best best;
        for (auto up = start; up != m_entries.end() && best.worthTrying(*up, lab); ++up)
            best.consider(*up, lab);
        for (auto down = start; down != m_entries.begin() && best.worthTrying(*(down - 1), lab);
             --down)
            best.consider(*(down - 1), lab);
        return best.rgb;
    }

private:
    struct Entry
    {
        PaletteLegalize::Lab lab;
        QRgb rgb;
    };

    struct Best
    {
        double distance = std::numeric_limits<double>::infinity();
        QRgb rgb = 0;

        // Could the entry, or any beyond it in lightness, be as near as the best so far?
        bool worthTrying(const Entry &entry, const PaletteLegalize::Lab &lab) const
        {
            const double dL = entry.lab.L - lab.L;
            return dL * dL <= distance;
        }
        void consider(const Entry &entry, const PaletteLegalize::Lab &lab)
        {
            const double d = distance2(entry.lab, lab);
            if (d < distance || (d == distance && entry.rgb < rgb)) {
                distance = d;
                rgb = entry.rgb;
            }
        }
    };

    std::vector<Entry> m_entries;
};

// Every checked colour's legal colour: itself when it is on the palette, else the nearest.
class Snapper
{
public:
    explicit Snapper(const PaletteCheck::Palette &palette) : m_palette(palette), m_nearest(palette)
    {}

    // `colour` as 0xffRRGGBB. Neighbouring pixels mostly share a colour: the last is asked first.
    QRgb of(QRgb colour)
    {
        if (colour == m_last && m_hasLast)
            return m_lastLegal;
        auto known = m_known.constFind(colour);
        if (known == m_known.constEnd()) {
            const QRgb legal = m_palette.contains(colour) ? colour : m_nearest.of(colour);
            known = m_known.insert(colour, legal);
        }
        m_hasLast = true;
        m_last = colour;
        m_lastLegal = known.value();
        return m_lastLegal;
    }

private:
    const PaletteCheck::Palette &m_palette;
    const Nearest m_nearest;
    QHash<QRgb, QRgb> m_known;
    bool m_hasLast = false;
    QRgb m_last = 0;
    QRgb m_lastLegal = 0;
};

// The pixel legalized (the rule in the header), the counts kept.
QRgb legalPixel(QRgb pixel, PaletteLegalize::Alpha mode, Snapper &snapper,
                PaletteLegalize::Legalized &counts)
{
    const int alpha = qAlpha(pixel);
    const bool snapAlpha = mode == PaletteLegalize::Alpha::Snap && alpha > 0 && alpha < 255;
    if (alpha < PaletteCheck::checkedAlpha) {
        if (!snapAlpha)
            return pixel;
        ++counts.alphaSnapped;
        return 0x00000000u;
    }
    const QRgb colour = pixel | opaque;
    const QRgb legal = snapper.of(colour);
    if (legal != colour)
        ++counts.recoloured;
    if (snapAlpha) {
        ++counts.alphaSnapped;
        return legal;
    }
    return (legal & 0x00ffffffu) | (pixel & opaque);
}

} // namespace

PaletteLegalize::Lab PaletteLegalize::okLab(QRgb colour)
{
    const std::array<double, 256> &linear = linearOf();
    const double r = linear[size_t(qRed(colour))];
    const double g = linear[size_t(qGreen(colour))];
    const double b = linear[size_t(qBlue(colour))];
    // Linear sRGB to the cone responses (LMS), compressed by the cube root, then to Lab.
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Result<PaletteLegalize::Legalized>
PaletteLegalize::legalize(const QImage &frame, const PaletteCheck::Palette &palette, Alpha alpha)
{
    if (palette.isEmpty())
        return Outcome::invalid(tr("The palette has no colour: there is nothing to snap to."));
    Legalized result;
    result.image = frame.convertToFormat(QImage::Format_ARGB32);
    Snapper snapper(palette);
    for (int y = 0; y < result.image.height(); ++y) {
        auto *row = reinterpret_cast<QRgb *>(result.image.scanLine(y));
        for (int x = 0; x < result.image.width(); ++x) {
            const QRgb legal = legalPixel(row[x], alpha, snapper, result);
            if (legal != row[x]) {
                row[x] = legal;
                result.changed.append(QPoint(x, y));
            }
        }
    }
    return result;
}
