#include "demo/demorun.h"

#include "commit/commitexporter.h"
#include "demo/demoaudit.h"
#include "session/timestamps.h"
#include "storage/atomicfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DemoRun", text);
}

// "Blaze", a small fire imp, in eleven colours.
namespace Colour {
constexpr QRgb outline = 0xff1b1b2f;
constexpr QRgb body = 0xffe85d3a;
constexpr QRgb shade = 0xffb8432a;
constexpr QRgb light = 0xffff8a5c;
constexpr QRgb belly = 0xffffd9a0;
constexpr QRgb eye = 0xffffffff;
constexpr QRgb flameTip = 0xffffe66b;
constexpr QRgb flame = 0xffff9f1c;
constexpr QRgb feet = 0xff5a3a2a;
constexpr QRgb horn = 0xfff2e8cf;
constexpr QRgb cheek = 0xffff6f91;
} // namespace Colour

const QList<QRgb> demoPalette = {Colour::outline, Colour::body, Colour::shade,    Colour::light,
                                 Colour::belly,   Colour::eye,  Colour::flameTip, Colour::flame,
                                 Colour::feet,    Colour::horn, Colour::cheek};

constexpr int size = DemoRun::frameSize;
constexpr int centreX = 64;
constexpr int groundY = 112; // the row under the feet

// The idle loop: how far the body sinks (the feet stay planted).
constexpr int bob[DemoRun::frameCount] = {0, 0, 1, 1, 2, 2, 2, 1, 1, 0, 0, 1, 1, 2, 2, 1};

// What went wrong in the pipeline, frame by frame.
struct Defect
{
    int frame;
    int dx;
    int dy;
};
constexpr Defect drifted[] = {{3, 0, 2}, {5, 3, 0}, {9, -2, -1}}; // the auto-aligner's misses
constexpr int offPaletteFrame = 11; // colour noise and a halo around the outline
constexpr int retriedFrame = 7;     // its first attempt came out broken
constexpr int blinkFrame = 12;

void fillEllipse(QPainter &p, QRgb colour, int x, int y, int w, int h)
{
    p.setBrush(QColor::fromRgba(colour));
    p.drawEllipse(x, y, w, h);
}

void fillRect(QPainter &p, QRgb colour, int x, int y, int w, int h)
{
    p.fillRect(x, y, w, h, QColor::fromRgba(colour));
}

QImage drawFrame(int index)
{
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(Qt::NoPen);
        const int b = bob[index];

        // Feet, planted on the ground.
        fillRect(p, Colour::feet, centreX - 16, groundY - 7, 11, 7);
        fillRect(p, Colour::feet, centreX + 5, groundY - 7, 11, 7);
        // Body and belly.
        fillEllipse(p, Colour::shade, centreX - 20, 66 + b, 40, 42 - b);
        fillEllipse(p, Colour::body, centreX - 20, 64 + b, 38, 40 - b);
        fillEllipse(p, Colour::belly, centreX - 10, 76 + b, 20, 24 - b);
        // Arms.
        fillEllipse(p, Colour::shade, centreX - 27, 76 + b, 10, 16);
        fillEllipse(p, Colour::shade, centreX + 17, 76 + b, 10, 16);
        // Head.
        fillEllipse(p, Colour::body, centreX - 19, 34 + b, 38, 34);
        fillEllipse(p, Colour::light, centreX - 13, 38 + b, 16, 10);
        // Horns.
        fillRect(p, Colour::horn, centreX - 14, 31 + b, 5, 9);
        fillRect(p, Colour::horn, centreX + 9, 31 + b, 5, 9);
        // The flame on its head flickers through the loop.
        const int flicker = (index * 3) % 5;
        fillEllipse(p, Colour::flame, centreX - 8, 16 + b - flicker, 16, 22 + flicker);
        fillEllipse(p, Colour::flameTip, centreX - 4, 14 + b - flicker + (index % 2), 8,
                    14 + flicker);
        // Eyes and cheeks.
        if (index == blinkFrame) {
            fillRect(p, Colour::outline, centreX - 11, 50 + b, 8, 2);
            fillRect(p, Colour::outline, centreX + 3, 50 + b, 8, 2);
        } else {
            fillRect(p, Colour::eye, centreX - 11, 46 + b, 8, 8);
            fillRect(p, Colour::eye, centreX + 3, 46 + b, 8, 8);
            fillRect(p, Colour::outline, centreX - 8, 48 + b, 4, 5);
            fillRect(p, Colour::outline, centreX + 5, 48 + b, 4, 5);
        }
        fillRect(p, Colour::cheek, centreX - 15, 56 + b, 4, 3);
        fillRect(p, Colour::cheek, centreX + 11, 56 + b, 4, 3);
        fillRect(p, Colour::outline, centreX - 4, 60 + b, 8, 2);
    }
    // A one-pixel outline around everything.
    const QImage shape = image.copy();
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            if (qAlpha(shape.pixel(x, y)) != 0)
                continue;
            for (auto [dx, dy] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                const int nx = x + dx;
                const int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < size && ny < size &&
                    qAlpha(shape.pixel(nx, ny)) != 0) {
                    image.setPixel(x, y, Colour::outline);
                    break;
                }
            }
        }
    }
    return image;
}

// Colours the pipeline's model should not have used, and a soft halo.
QImage withOffPalettePixels(QImage image)
{
    QRandomGenerator random(11);
    const QImage shape = image.copy();
    for (int y = 1; y < size - 1; ++y) {
        for (int x = 1; x < size - 1; ++x) {
            const QRgb p = shape.pixel(x, y);
            if (qAlpha(p) == 255 && random.bounded(100) < 9) {
                image.setPixel(x, y,
                               qRgba(std::min(255, qRed(p) + 23), std::max(0, qGreen(p) - 17),
                                     std::min(255, qBlue(p) + 31), 255));
            } else if (qAlpha(p) == 0 && qAlpha(shape.pixel(x + 1, y)) == 255 &&
                       random.bounded(100) < 50) {
                image.setPixel(x, y, qRgba(255, 140, 60, 110));
            }
        }
    }
    return image;
}

// A broken first attempt: half of the sprite is missing.
QImage broken(QImage image)
{
    for (int y = 0; y < size; ++y)
        for (int x = centreX; x < size; ++x)
            image.setPixel(x, y, qRgba(0, 0, 0, 0));
    return image;
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QString frameName(int index)
{
    return QStringLiteral("frame_%1").arg(index, 4, 10, QLatin1Char('0'));
}

QString resultName(const DemoAudit::Result &r)
{
    if (r.passed)
        return QStringLiteral("passed");
    return r.reasonCodes.contains(QStringLiteral("SF01_IDENTITY_DRIFT"))
               ? QStringLiteral("hard_fail")
               : QStringLiteral("soft_fail");
}

} // namespace

Outcome DemoRun::write(const QString &dirPath, int frames)
{
    QDir dir(dirPath);
    const QString name = QDir::toNativeSeparators(dirPath);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return Outcome::invalid(
            tr("%1 is not empty: the demo run needs a new or empty folder.").arg(name));
    for (const char *sub : {"candidates", "audit", "approved"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return Outcome::failed(tr("Could not create the folder %1.").arg(name));
    }
    auto put = [&](const QString &relative, const QByteArray &data) {
        return AtomicFile::write(dir.absoluteFilePath(relative), data);
    };

    const QDateTime start = QDateTime::currentDateTimeUtc();
    const QString runId =
        start.toString(QStringLiteral("yyyyMMdd_HHmmss")) + QStringLiteral("_blaze_idle_demo");
    const DemoAudit::Thresholds thresholds;
    const QImage anchor = drawFrame(0);

    QJsonArray frameStates;
    QJsonObject frameAttempts;
    for (int index = 0; index < frames; ++index) {
        // A longer run repeats the loop, defects and all.
        const int inLoop = index % frameCount;
        QList<QImage> attempts;
        if (inLoop == retriedFrame)
            attempts.append(broken(drawFrame(inLoop)));
        QImage final = drawFrame(inLoop);
        if (inLoop == offPaletteFrame)
            final = withOffPalettePixels(final);
        bool autoAligned = false;
        for (const Defect &d : drifted) {
            if (d.frame == inLoop) {
                final = CommitExporter::translated(final, d.dx, d.dy);
                autoAligned = true;
            }
        }
        attempts.append(final);

        QJsonArray auditAttempts;
        QJsonArray stateAttempts;
        DemoAudit::Result last;
        for (int a = 0; a < attempts.size(); ++a) {
            const int attempt = a + 1;
            // Some writers pad the attempt number, some do not.
            const QString file =
                QStringLiteral("candidates/%1_attempt_%2")
                    .arg(frameName(index))
                    .arg(attempt == 2 ? QString::number(attempt)
                                      : QStringLiteral("%1").arg(attempt, 2, 10, QLatin1Char('0')));
            if (const Outcome o = put(file + QStringLiteral(".png"), png(attempts[a])); !o)
                return o;
            if (const Outcome o = put(file + QStringLiteral("_norm.png"), png(attempts[a])); !o)
                return o;
            last = DemoAudit::measure(attempts[a], anchor, demoPalette, thresholds);
            const QString time = Timestamps::format(start.addSecs(index * 40 + a * 15));
            auditAttempts.append(QJsonObject{
                {QStringLiteral("attempt_index"), attempt},
                {QStringLiteral("timestamp"), time},
                {QStringLiteral("result"), resultName(last)},
                {QStringLiteral("composite_score"), last.compositeScore},
                {QStringLiteral("reason_codes"), QJsonArray::fromStringList(last.reasonCodes)},
                {QStringLiteral("action_taken"),
                 last.passed ? QStringLiteral("accept") : QStringLiteral("retry")},
                {QStringLiteral("duration_ms"), 2400 + 130 * index}});
            stateAttempts.append(QJsonObject{
                {QStringLiteral("attemptIndex"), attempt},
                {QStringLiteral("timestamp"), time},
                {QStringLiteral("promptHash"),
                 QStringLiteral("demo%1").arg(index, 2, 10, QLatin1Char('0'))},
                {QStringLiteral("result"), resultName(last)},
                {QStringLiteral("reasonCodes"), QJsonArray::fromStringList(last.reasonCodes)},
                {QStringLiteral("compositeScore"), last.compositeScore},
                {QStringLiteral("durationMs"), 2400 + 130 * index},
                {QStringLiteral("strategy"),
                 attempt == 1 ? QStringLiteral("default") : QStringLiteral("reroll_seed")}});
        }
        QJsonObject audit{
            {QStringLiteral("frame_index"), index},
            {QStringLiteral("passed"), last.passed},
            {QStringLiteral("status"), resultName(last)},
            {QStringLiteral("reason_codes"), QJsonArray::fromStringList(last.reasonCodes)},
            {QStringLiteral("composite_score"), last.compositeScore},
            {QStringLiteral("breakdown"), last.breakdown()},
            {QStringLiteral("metrics"), last.metrics()},
            {QStringLiteral("attempts"), auditAttempts}};
        if (autoAligned)
            audit.insert(QStringLiteral("auto_aligned"), true);
        if (const Outcome o =
                put(QStringLiteral("audit/%1_metrics.json").arg(frameName(index)), json(audit));
            !o)
            return o;

        frameStates.append(
            QJsonObject{{QStringLiteral("index"), index},
                        {QStringLiteral("status"),
                         last.passed ? QStringLiteral("approved") : QStringLiteral("failed")},
                        {QStringLiteral("attempts"), int(attempts.size())}});
        frameAttempts.insert(
            QString::number(index),
            QJsonObject{{QStringLiteral("attempts"), stateAttempts},
                        {QStringLiteral("finalStatus"),
                         last.passed ? QStringLiteral("approved") : QStringLiteral("failed")},
                        {QStringLiteral("finalReason"), last.reasonCodes.value(0)}});
    }

    const QJsonObject identity{{QStringLiteral("character"), QStringLiteral("blaze")},
                               {QStringLiteral("move"), QStringLiteral("idle_standard")},
                               {QStringLiteral("frame_count"), frames},
                               {QStringLiteral("is_loop"), true}};
    const QJsonObject canvas{
        {QStringLiteral("generation_size"), 512},
        {QStringLiteral("target_size"), frameSize},
        {QStringLiteral("alignment"),
         QJsonObject{{QStringLiteral("method"), QStringLiteral("baseline_root")},
                     {QStringLiteral("max_shift_px"), 8}}}};
    const QJsonObject auditor{
        {QStringLiteral("thresholds"),
         QJsonObject{{QStringLiteral("max_drift_px"), thresholds.maxDriftPx},
                     {QStringLiteral("fail_drift_px"), thresholds.failDriftPx},
                     {QStringLiteral("min_palette_fidelity"), thresholds.minPaletteFidelity},
                     {QStringLiteral("fail_palette_fidelity"), thresholds.failPaletteFidelity},
                     {QStringLiteral("min_identity"), thresholds.minIdentity},
                     {QStringLiteral("max_alpha_artifacts"), thresholds.maxAlphaArtifacts}}}};
    QJsonObject manifest{
        {QStringLiteral("run_id"), runId},
        {QStringLiteral("run_start"), Timestamps::format(start)},
        {QStringLiteral("manifest_hash"), QStringLiteral("demo-blaze-idle-v1")},
        {QStringLiteral("environment"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("director demo")}}},
        {QStringLiteral("resolved_config"), QJsonObject{{QStringLiteral("identity"), identity},
                                                        {QStringLiteral("canvas"), canvas},
                                                        {QStringLiteral("auditor"), auditor}}}};
    if (const Outcome o = put(QStringLiteral("manifest.lock.json"), json(manifest)); !o)
        return o;
    const QJsonObject state{{QStringLiteral("run_id"), runId},
                            {QStringLiteral("status"), QStringLiteral("completed")},
                            {QStringLiteral("total_frames"), frames},
                            {QStringLiteral("frame_states"), frameStates},
                            {QStringLiteral("frameAttempts"), frameAttempts}};
    if (const Outcome o = put(QStringLiteral("state.json"), json(state)); !o)
        return o;

    // The anchor's analysis, in the 512-pixel generation space.
    const int scale = 512 / frameSize;
    QRect bounds;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            if (qAlpha(anchor.pixel(x, y)) != 0)
                bounds |= QRect(x, y, 1, 1);
    const QJsonObject analysis{
        {QStringLiteral("image_dimensions"),
         QJsonObject{{QStringLiteral("width"), 512}, {QStringLiteral("height"), 512}}},
        {QStringLiteral("results"),
         QJsonObject{{QStringLiteral("baselineY"), (bounds.bottom() + 1) * scale},
                     {QStringLiteral("rootX"), centreX * scale},
                     {QStringLiteral("visible_bounds"),
                      QJsonObject{{QStringLiteral("topY"), bounds.top() * scale},
                                  {QStringLiteral("bottomY"), (bounds.bottom() + 1) * scale},
                                  {QStringLiteral("leftX"), bounds.left() * scale},
                                  {QStringLiteral("rightX"), (bounds.right() + 1) * scale}}}}}};
    return put(QStringLiteral("anchor_analysis.json"), json(analysis));
}

// For tests: the palette the demo draws with.
QList<QRgb> DemoRun::palette()
{
    return demoPalette;
}
