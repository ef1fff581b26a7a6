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

QString finalStatus(const DemoAudit::Result &r)
{
    return r.passed ? QStringLiteral("approved") : QStringLiteral("failed");
}

// The run folder must be new or empty; its subfolders are made here.
Outcome makeRunFolders(const QDir &dir, const QString &dirPath)
{
    const QString name = QDir::toNativeSeparators(dirPath);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return Outcome::invalid(
            DemoRun::tr("%1 is not empty: the demo run needs a new or empty folder.").arg(name));
    for (const char *sub : {"candidates", "audit", "approved"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return Outcome::failed(DemoRun::tr("Could not create the folder %1.").arg(name));
    }
    return Outcome::ok();
}

// The attempts the pipeline made at one frame of the loop, in order: a broken
// one first for the retried frame, then the final one, with its defects.
struct FrameAttempts
{
    QList<QImage> images;
    bool autoAligned = false; // drifted: its audit says the auto-aligner moved it
};

FrameAttempts attemptsOf(int inLoop)
{
    FrameAttempts attempts;
    if (inLoop == retriedFrame)
        attempts.images.append(broken(drawFrame(inLoop)));
    QImage final = drawFrame(inLoop);
    if (inLoop == offPaletteFrame)
        final = withOffPalettePixels(final);
    for (const Defect &d : drifted) {
        if (d.frame == inLoop) {
            final = CommitExporter::translated(std::move(final), d.dx, d.dy);
            attempts.autoAligned = true;
        }
    }
    attempts.images.append(final);
    return attempts;
}

// Some writers pad the attempt number, some do not.
QString candidateName(int index, int attempt)
{
    return QStringLiteral("candidates/%1_attempt_%2")
        .arg(frameName(index))
        .arg(attempt == 2 ? QString::number(attempt)
                          : QStringLiteral("%1").arg(attempt, 2, 10, QLatin1Char('0')));
}

int durationMs(int index)
{
    return 2400 + 130 * index;
}

// One attempt as the audit file lists it.
QJsonObject auditAttempt(int index, int attempt, const QString &time, const DemoAudit::Result &r)
{
    return {{QStringLiteral("attempt_index"), attempt},
            {QStringLiteral("timestamp"), time},
            {QStringLiteral("result"), resultName(r)},
            {QStringLiteral("composite_score"), r.compositeScore},
            {QStringLiteral("reason_codes"), QJsonArray::fromStringList(r.reasonCodes)},
            {QStringLiteral("action_taken"),
             r.passed ? QStringLiteral("accept") : QStringLiteral("retry")},
            {QStringLiteral("duration_ms"), durationMs(index)}};
}

// One attempt as state.json lists it.
QJsonObject stateAttempt(int index, int attempt, const QString &time, const DemoAudit::Result &r)
{
    return {{QStringLiteral("attemptIndex"), attempt},
            {QStringLiteral("timestamp"), time},
            {QStringLiteral("promptHash"),
             QStringLiteral("demo%1").arg(index, 2, 10, QLatin1Char('0'))},
            {QStringLiteral("result"), resultName(r)},
            {QStringLiteral("reasonCodes"), QJsonArray::fromStringList(r.reasonCodes)},
            {QStringLiteral("compositeScore"), r.compositeScore},
            {QStringLiteral("durationMs"), durationMs(index)},
            {QStringLiteral("strategy"),
             attempt == 1 ? QStringLiteral("default") : QStringLiteral("reroll_seed")}};
}

// audit/frame_NNNN_metrics.json: the verdict of the last attempt, and every attempt.
QJsonObject frameAudit(int index, const DemoAudit::Result &last, const QJsonArray &attempts,
                       bool autoAligned)
{
    QJsonObject audit{
        {QStringLiteral("frame_index"), index},
        {QStringLiteral("passed"), last.passed},
        {QStringLiteral("status"), resultName(last)},
        {QStringLiteral("reason_codes"), QJsonArray::fromStringList(last.reasonCodes)},
        {QStringLiteral("composite_score"), last.compositeScore},
        {QStringLiteral("breakdown"), last.breakdown()},
        {QStringLiteral("metrics"), last.metrics()},
        {QStringLiteral("attempts"), attempts}};
    if (autoAligned)
        audit.insert(QStringLiteral("auto_aligned"), true);
    return audit;
}

// The manifest's resolved_config: the move, the canvas and the auditor's thresholds.
QJsonObject resolvedConfig(int frames, const DemoAudit::Thresholds &thresholds)
{
    const QJsonObject identity{{QStringLiteral("character"), QStringLiteral("blaze")},
                               {QStringLiteral("move"), QStringLiteral("idle_standard")},
                               {QStringLiteral("frame_count"), frames},
                               {QStringLiteral("is_loop"), true}};
    const QJsonObject canvas{
        {QStringLiteral("generation_size"), 512},
        {QStringLiteral("target_size"), DemoRun::frameSize},
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
    return {{QStringLiteral("identity"), identity},
            {QStringLiteral("canvas"), canvas},
            {QStringLiteral("auditor"), auditor}};
}

// The anchor's analysis, in the 512-pixel generation space.
QJsonObject anchorAnalysis(const QImage &anchor)
{
    const int scale = 512 / DemoRun::frameSize;
    QRect bounds;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            if (qAlpha(anchor.pixel(x, y)) != 0)
                bounds |= QRect(x, y, 1, 1);
    return {{QStringLiteral("image_dimensions"),
             QJsonObject{{QStringLiteral("width"), 512}, {QStringLiteral("height"), 512}}},
            {QStringLiteral("results"),
             QJsonObject{{QStringLiteral("baselineY"), (bounds.bottom() + 1) * scale},
                         {QStringLiteral("rootX"), centreX * scale},
                         {QStringLiteral("visible_bounds"),
                          QJsonObject{{QStringLiteral("topY"), bounds.top() * scale},
                                      {QStringLiteral("bottomY"), (bounds.bottom() + 1) * scale},
                                      {QStringLiteral("leftX"), bounds.left() * scale},
                                      {QStringLiteral("rightX"), (bounds.right() + 1) * scale}}}}}};
}

// Writes the files of one demo run into its (existing) folder: every
// frame's candidates and audit, collecting what state.json says of each,
// then the manifest, state.json and the anchor's analysis. The run starts
// now; the attempts' times follow from it.
class DemoRunWriter
{
public:
    DemoRunWriter(const QDir &dir, int frames)
        : m_dir(dir), m_frames(frames), m_start(QDateTime::currentDateTimeUtc()),
          m_runId(m_start.toString(QStringLiteral("yyyyMMdd_HHmmss")) +
                  QStringLiteral("_blaze_idle_demo")),
          m_anchor(drawFrame(0))
    {}

    Outcome writeFrame(int index);
    Outcome writeManifest() const;
    Outcome writeState() const;
    Outcome writeAnchorAnalysis() const;

private:
    Outcome put(const QString &relative, const QByteArray &data) const
    {
        return AtomicFile::write(m_dir.absoluteFilePath(relative), data);
    }
    Outcome writeCandidate(int index, int attempt, const QImage &image) const;
    void addState(int index, const DemoAudit::Result &last, int attempts,
                  const QJsonArray &stateAttempts);

    const QDir m_dir;
    const int m_frames;
    const QDateTime m_start;
    const QString m_runId;
    const DemoAudit::Thresholds m_thresholds;
    const QImage m_anchor;
    QJsonArray m_frameStates;    // state.json's frame_states
    QJsonObject m_frameAttempts; // state.json's frameAttempts
};

// A longer run repeats the loop, defects and all.
Outcome DemoRunWriter::writeFrame(int index)
{
    const FrameAttempts attempts = attemptsOf(index % DemoRun::frameCount);
    QJsonArray auditAttempts;
    QJsonArray stateAttempts;
    DemoAudit::Result last;
    for (int a = 0; a < attempts.images.size(); ++a) {
        const int attempt = a + 1;
        if (const Outcome o = writeCandidate(index, attempt, attempts.images[a]); !o)
            return o;
        last = DemoAudit::measure(attempts.images[a], m_anchor, demoPalette, m_thresholds);
        const QString time = Timestamps::format(m_start.addSecs(index * 40 + a * 15));
        auditAttempts.append(auditAttempt(index, attempt, time, last));
        stateAttempts.append(stateAttempt(index, attempt, time, last));
    }
    if (const Outcome o = put(QStringLiteral("audit/%1_metrics.json").arg(frameName(index)),
                              json(frameAudit(index, last, auditAttempts, attempts.autoAligned)));
        !o)
        return o;
    addState(index, last, int(attempts.images.size()), stateAttempts);
    return Outcome::ok();
}

// The attempt's image, and its normalised copy (the same pixels).
Outcome DemoRunWriter::writeCandidate(int index, int attempt, const QImage &image) const
{
    const QString file = candidateName(index, attempt);
    if (const Outcome o = put(file + QStringLiteral(".png"), png(image)); !o)
        return o;
    return put(file + QStringLiteral("_norm.png"), png(image));
}

void DemoRunWriter::addState(int index, const DemoAudit::Result &last, int attempts,
                             const QJsonArray &stateAttempts)
{
    m_frameStates.append(QJsonObject{{QStringLiteral("index"), index},
                                     {QStringLiteral("status"), finalStatus(last)},
                                     {QStringLiteral("attempts"), attempts}});
    m_frameAttempts.insert(QString::number(index),
                           QJsonObject{{QStringLiteral("attempts"), stateAttempts},
                                       {QStringLiteral("finalStatus"), finalStatus(last)},
                                       {QStringLiteral("finalReason"), last.reasonCodes.value(0)}});
}

Outcome DemoRunWriter::writeManifest() const
{
    const QJsonObject manifest{
        {QStringLiteral("run_id"), m_runId},
        {QStringLiteral("run_start"), Timestamps::format(m_start)},
        {QStringLiteral("manifest_hash"), QStringLiteral("demo-blaze-idle-v1")},
        {QStringLiteral("environment"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("director demo")}}},
        {QStringLiteral("resolved_config"), resolvedConfig(m_frames, m_thresholds)}};
    return put(QStringLiteral("manifest.lock.json"), json(manifest));
}

Outcome DemoRunWriter::writeState() const
{
    const QJsonObject state{{QStringLiteral("run_id"), m_runId},
                            {QStringLiteral("status"), QStringLiteral("completed")},
                            {QStringLiteral("total_frames"), m_frames},
                            {QStringLiteral("frame_states"), m_frameStates},
                            {QStringLiteral("frameAttempts"), m_frameAttempts}};
    return put(QStringLiteral("state.json"), json(state));
}

Outcome DemoRunWriter::writeAnchorAnalysis() const
{
    return put(QStringLiteral("anchor_analysis.json"), json(anchorAnalysis(m_anchor)));
}

} // namespace

Outcome DemoRun::write(const QString &dirPath, int frames)
{
    const QDir dir(dirPath);
    if (const Outcome made = makeRunFolders(dir, dirPath); !made)
        return made;
    DemoRunWriter writer(dir, frames);
    for (int index = 0; index < frames; ++index) {
        if (const Outcome written = writer.writeFrame(index); !written)
            return written;
    }
    if (const Outcome written = writer.writeManifest(); !written)
        return written;
    if (const Outcome written = writer.writeState(); !written)
        return written;
    return writer.writeAnchorAnalysis();
}

// For tests: the palette the demo draws with.
QList<QRgb> DemoRun::palette()
{
    return demoPalette;
}
