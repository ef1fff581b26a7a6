#pragma once

// Writes small pipeline run folders for tests, the way the pipeline does
// (docs/run-folder.md): a long-form manifest, candidates, audit metrics.

#include "run/runfingerprint.h"

#include <QBuffer>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QThread>

namespace RunFixture {

// Waits until the run's newest change is older than RunFingerprint's default settle time, so
// that a fingerprint taken now vouches for the run.
inline void letSettle()
{
    QThread::msleep(RunFingerprint::defaultSettleMs + 100);
}

// Writes `bytes` to `path` (replacing what was there), its folder made first.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

inline bool writeJson(const QString &path, const QJsonObject &object)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(object).toJson()) > 0;
}

// A 16×16 frame whose pixels say which frame it is.
inline QImage frameImage(int index, int size = 16)
{
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int y = 4; y < size - 2; ++y)
        for (int x = 5; x < size - 5; ++x)
            image.setPixel(x, y, qRgba(40 + index * 10, x * 8, y * 8, 255));
    return image;
}

// frameImage(index) as the bytes of a PNG file.
inline QByteArray pngOf(int index)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    frameImage(index).save(&buffer, "PNG");
    return bytes;
}

inline QString frameName(int index)
{
    return QStringLiteral("frame_%1").arg(index, 4, 10, QLatin1Char('0'));
}

inline bool writeCandidate(const QString &runDir, int index, int attempt = 1, int size = 16)
{
    QDir().mkpath(runDir + QStringLiteral("/candidates"));
    return frameImage(index, size)
        .save(runDir + QStringLiteral("/candidates/%1_attempt_%2.png")
                           .arg(frameName(index))
                           .arg(attempt, 2, 10, QLatin1Char('0')));
}

inline bool writeAudit(const QString &runDir, int index, bool passed, const QStringList &flags,
                       double score)
{
    QJsonObject metrics{{QStringLiteral("ssim"), 0.95},
                        {QStringLiteral("palette_fidelity"), 0.99},
                        {QStringLiteral("baseline_drift_px"), flags.isEmpty() ? 0 : 3}};
    return writeJson(runDir + QStringLiteral("/audit/%1_metrics.json").arg(frameName(index)),
                     {{QStringLiteral("frame_index"), index},
                      {QStringLiteral("passed"), passed},
                      {QStringLiteral("status"),
                       passed ? QStringLiteral("passed") : QStringLiteral("soft_fail")},
                      {QStringLiteral("reason_codes"), QJsonArray::fromStringList(flags)},
                      {QStringLiteral("composite_score"), score},
                      {QStringLiteral("metrics"), metrics}});
}

inline bool writeManifest(const QString &runDir, const QString &runId, int frameCount)
{
    QJsonObject identity{{QStringLiteral("character"), QStringLiteral("blaze")},
                         {QStringLiteral("move"), QStringLiteral("idle_standard")},
                         {QStringLiteral("frame_count"), frameCount},
                         {QStringLiteral("is_loop"), true}};
    QJsonObject canvas{{QStringLiteral("generation_size"), 512},
                       {QStringLiteral("target_size"), 16}};
    return writeJson(
        runDir + QStringLiteral("/manifest.lock.json"),
        {{QStringLiteral("run_id"), runId},
         {QStringLiteral("run_start"), QStringLiteral("2026-01-18T12:00:00.000Z")},
         {QStringLiteral("manifest_hash"), QStringLiteral("abc123")},
         {QStringLiteral("resolved_config"), QJsonObject{{QStringLiteral("identity"), identity},
                                                         {QStringLiteral("canvas"), canvas}}}});
}

// Five frames, one for each initial status:
//   0 APPROVED (passed, no flags), 1 AUDIT_WARN (passed with a flag),
//   2 AUDIT_FAIL (failed), 3 GENERATED (no audit), 4 PENDING (no image).
// Frames of `size` pixels a side.
inline bool writeMixedRun(const QString &runDir, const QString &runId = QStringLiteral("run_test"),
                          int size = 16)
{
    bool ok = writeManifest(runDir, runId, 5);
    for (int i = 0; i < 4; ++i)
        ok = ok && writeCandidate(runDir, i, 1, size);
    ok = ok && writeAudit(runDir, 0, true, {}, 0.93);
    ok = ok && writeAudit(runDir, 1, true, {QStringLiteral("SF01_IDENTITY_DRIFT")}, 0.78);
    ok = ok && writeAudit(runDir, 2, false, {QStringLiteral("SF02_PALETTE_DRIFT")}, 0.41);
    return ok;
}

// A state.json of five frames whose frame 4 is approved at `approvedPath` (a path that names
// what the run's JSON should not, say).
inline bool writeStateApprovingAt(const QString &runDir, const QString &approvedPath)
{
    return writeJson(
        runDir + QStringLiteral("/state.json"),
        {{QStringLiteral("total_frames"), 5},
         {QStringLiteral("frame_states"),
          QJsonArray{QJsonObject{{QStringLiteral("index"), 4},
                                 {QStringLiteral("status"), QStringLiteral("approved")},
                                 {QStringLiteral("approved_path"), approvedPath}}}}});
}

// All frames passed and approved: ready to commit.
inline bool writeApprovedRun(const QString &runDir, int frameCount)
{
    bool ok = writeManifest(runDir, QStringLiteral("run_approved"), frameCount);
    for (int i = 0; i < frameCount; ++i)
        ok = ok && writeCandidate(runDir, i) && writeAudit(runDir, i, true, {}, 0.95);
    return ok;
}

} // namespace RunFixture
