#include "demo/demoaudit.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace {

constexpr int visibleAlpha = 16; // below this a pixel counts as transparent
constexpr int solidAlpha = 128;  // the silhouette: soft halo pixels do not move it
constexpr int feetRows = 4;      // the rows above the baseline that locate the feet

bool visible(QRgb pixel)
{
    return qAlpha(pixel) >= visibleAlpha;
}

bool solid(QRgb pixel)
{
    return qAlpha(pixel) >= solidAlpha;
}

struct Silhouette
{
    int baseline = -1; // lowest visible row
    int feetLeft = -1; // leftmost visible column in the lowest rows
};

Silhouette silhouette(const QImage &image)
{
    Silhouette s;
    for (int y = image.height() - 1; y >= 0 && s.baseline < 0; --y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (solid(row[x])) {
                s.baseline = y;
                break;
            }
        }
    }
    if (s.baseline < 0)
        return s;
    int left = image.width();
    for (int y = std::max(0, s.baseline - feetRows + 1); y <= s.baseline; ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < left; ++x) {
            if (solid(row[x])) {
                left = x;
                break;
            }
        }
    }
    s.feetLeft = left;
    return s;
}

double round3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

// Whether the visible pixel at (x, y) has no visible neighbour (left, right, up, down).
bool alone(const QImage &frame, int x, int y)
{
    const int w = frame.width();
    const int h = frame.height();
    for (auto [dx, dy] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
        const int nx = x + dx;
        const int ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < w && ny < h && visible(frame.pixel(nx, ny)))
            return false;
    }
    return true;
}

// What one pass over the frame's pixels counts.
struct PixelCounts
{
    int visible = 0;
    int opaque = 0;
    int inPalette = 0; // opaque pixels whose colour is in the palette
    int halfTransparent = 0;
    int both = 0;   // solid in the frame and, once the drift is taken out, in the anchor
    int either = 0; // solid in one of them
    int orphans = 0;
};

// Counts the frame's pixels against the anchor moved by the drift (dx, dy)
// and against the palette (opaque colours).
PixelCounts countPixels(const QImage &frame, const QImage &anchor, const QSet<QRgb> &colours,
                        int dx, int dy)
{
    PixelCounts c;
    const int w = frame.width();
    const int h = frame.height();
    for (int y = 0; y < h; ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(frame.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const QRgb p = row[x];
            // Identity: the silhouettes overlap once the drift is taken out.
            const int ax = x - dx;
            const int ay = y - dy;
            const bool inFrame = solid(p);
            const bool inAnchor =
                ax >= 0 && ay >= 0 && ax < w && ay < h && solid(anchor.pixel(ax, ay));
            c.both += inFrame && inAnchor;
            c.either += inFrame || inAnchor;
            if (!visible(p))
                continue;
            ++c.visible;
            if (qAlpha(p) == 255) {
                ++c.opaque;
                c.inPalette += colours.contains(p);
            } else {
                ++c.halfTransparent;
            }
            c.orphans += alone(frame, x, y);
        }
    }
    return c;
}

// The shares the counts come to, and the composite score (from the shares
// before they are rounded to three decimals).
void score(DemoAudit::Result &r, const PixelCounts &c)
{
    r.orphanPixelCount = c.orphans;
    r.identity = c.either ? double(c.both) / c.either : 0.0;
    r.paletteFidelity = c.opaque ? double(c.inPalette) / c.opaque : 0.0;
    r.alphaArtifactScore = c.visible ? double(c.halfTransparent) / c.visible : 0.0;

    const double stability = 1.0 - std::min(r.driftPx(), 10) / 10.0;
    r.compositeScore = round3(std::clamp(0.4 * r.identity + 0.3 * r.paletteFidelity +
                                             0.2 * stability + 0.1 * (1.0 - r.alphaArtifactScore),
                                         0.0, 1.0));
    r.identity = round3(r.identity);
    r.paletteFidelity = round3(r.paletteFidelity);
    r.alphaArtifactScore = round3(r.alphaArtifactScore);
}

// The reason codes the rounded figures earn, and whether the frame passes.
void judge(DemoAudit::Result &r, const DemoAudit::Thresholds &thresholds)
{
    r.passed = true;
    if (r.identity < thresholds.minIdentity) {
        r.reasonCodes.append(QStringLiteral("SF01_IDENTITY_DRIFT"));
        r.passed = false;
    }
    if (r.paletteFidelity < thresholds.minPaletteFidelity)
        r.reasonCodes.append(QStringLiteral("SF02_PALETTE_DRIFT"));
    if (r.paletteFidelity < thresholds.failPaletteFidelity)
        r.passed = false;
    if (r.alphaArtifactScore > thresholds.maxAlphaArtifacts)
        r.reasonCodes.append(QStringLiteral("SF03_ALPHA_HALO"));
    if (r.driftPx() > thresholds.maxDriftPx)
        r.reasonCodes.append(QStringLiteral("SF04_BASELINE_DRIFT"));
    if (r.driftPx() > thresholds.failDriftPx)
        r.passed = false;
}

} // namespace

DemoAudit::Result DemoAudit::measure(const QImage &frameIn, const QImage &anchorIn,
                                     const QList<QRgb> &palette, const Thresholds &thresholds)
{
    const QImage frame = frameIn.convertToFormat(QImage::Format_ARGB32);
    const QImage anchor = anchorIn.convertToFormat(QImage::Format_ARGB32);
    Result r;
    const Silhouette f = silhouette(frame);
    const Silhouette a = silhouette(anchor);
    if (f.baseline < 0 || a.baseline < 0 || frame.size() != anchor.size()) {
        r.reasonCodes.append(f.baseline < 0 ? QStringLiteral("HF02_FULLY_TRANSPARENT")
                                            : QStringLiteral("HF01_DIMENSION_MISMATCH"));
        return r;
    }
    r.baselineDriftPx = f.baseline - a.baseline;
    r.rootDriftPx = f.feetLeft - a.feetLeft;

    QSet<QRgb> colours;
    for (QRgb c : palette)
        colours.insert(c | 0xff000000u);
    score(r, countPixels(frame, anchor, colours, r.rootDriftPx, r.baselineDriftPx));
    judge(r, thresholds);
    return r;
}

QJsonObject DemoAudit::Result::metrics() const
{
    return {{QStringLiteral("ssim"), identity},
            {QStringLiteral("palette_fidelity"), paletteFidelity},
            {QStringLiteral("alpha_artifact_score"), alphaArtifactScore},
            {QStringLiteral("baseline_drift_px"), driftPx()},
            {QStringLiteral("baseline_shift_px"), baselineDriftPx},
            {QStringLiteral("root_shift_px"), rootDriftPx},
            {QStringLiteral("orphan_pixel_count"), orphanPixelCount}};
}

QJsonObject DemoAudit::Result::breakdown() const
{
    auto part = [](double raw, double weight, bool passed) {
        return QJsonObject{{QStringLiteral("raw"), round3(raw)},
                           {QStringLiteral("weighted"), round3(raw * weight)},
                           {QStringLiteral("passed"), passed}};
    };
    const double stability = 1.0 - std::min(driftPx(), 10) / 10.0;
    return {
        {QStringLiteral("identity"),
         part(identity, 0.4, !reasonCodes.contains(QStringLiteral("SF01_IDENTITY_DRIFT")))},
        {QStringLiteral("palette"),
         part(paletteFidelity, 0.3, !reasonCodes.contains(QStringLiteral("SF02_PALETTE_DRIFT")))},
        {QStringLiteral("stability"),
         part(stability, 0.2, !reasonCodes.contains(QStringLiteral("SF04_BASELINE_DRIFT")))},
        {QStringLiteral("style"), part(1.0 - alphaArtifactScore, 0.1,
                                       !reasonCodes.contains(QStringLiteral("SF03_ALPHA_HALO")))}};
}
