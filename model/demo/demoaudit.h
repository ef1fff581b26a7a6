#pragma once

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// A small auditor that measures a frame against the anchor frame, as the
// pipeline's auditor does, from the pixels alone. Director uses it to audit
// the demo run it draws; its figures are the ones the demo's audit files hold.
class DemoAudit
{
public:
    struct Thresholds
    {
        int maxDriftPx = 0;                // more than this: SF04_BASELINE_DRIFT (a warning)
        int failDriftPx = 8;               // more than this: the frame fails
        double minPaletteFidelity = 0.99;  // below: SF02_PALETTE_DRIFT (a warning)
        double failPaletteFidelity = 0.95; // below: the frame fails
        double minIdentity = 0.80;         // below: SF01_IDENTITY_DRIFT, and the frame fails
        double maxAlphaArtifacts = 0.02;   // above: SF03_ALPHA_HALO (a warning)
    };

    struct Result
    {
        int baselineDriftPx = 0; // the lowest opaque row, frame minus anchor (down is positive)
        int rootDriftPx = 0;     // the feet's left edge, frame minus anchor (right is positive)
        double identity = 0.0;   // overlap of the silhouettes once the drift is taken out, 0..1
        double paletteFidelity = 0.0;    // share of opaque pixels whose colour is in the palette
        double alphaArtifactScore = 0.0; // share of visible pixels that are half transparent
        int orphanPixelCount = 0;        // visible pixels with no visible neighbour
        double compositeScore = 0.0;     // 0..1
        QStringList reasonCodes;
        bool passed = false;

        int driftPx() const { return std::max(std::abs(baselineDriftPx), std::abs(rootDriftPx)); }
        // The audit file's "metrics" (baseline_drift_px: the larger drift,
        // baseline_shift_px / root_shift_px: signed) and "breakdown" objects.
        QJsonObject metrics() const;
        QJsonObject breakdown() const;
    };

    static Result measure(const QImage &frame, const QImage &anchor, const QList<QRgb> &palette,
                          const Thresholds &thresholds);
    static Result measure(const QImage &frame, const QImage &anchor, const QList<QRgb> &palette)
    {
        return measure(frame, anchor, palette, Thresholds());
    }
};
