#pragma once

#include "core/outcome.h"

#include <QCoreApplication>
#include <QList>
#include <QRgb>
#include <QString>

// Writes a small, realistic run folder of Director's own making: a
// procedurally drawn pixel-art character, 16 frames of an idle loop at
// 128×128 with a limited palette; a few frames drifted by some pixels, one
// with off-palette pixels; audit results measured from those pixels. Its
// files are those a pipeline run leaves (docs/run-folder.md).
class DemoRun
{
    Q_DECLARE_TR_FUNCTIONS(DemoRun)

public:
    static constexpr int frameCount = 16;
    static constexpr int frameSize = 128;

    // `dir` must be new or empty. More frames than frameCount repeat the
    // loop (benchmarks use runs of thousands of frames).
    static Outcome write(const QString &dir, int frames = frameCount);
    // The colours the demo character is drawn with.
    static QList<QRgb> palette();
};
