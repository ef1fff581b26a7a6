#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// Timestamps as the session file writes them: ISO 8601, UTC, milliseconds,
// "Z" (2026-01-18T12:00:00.000Z).
namespace Timestamps {
QString format(const QDateTime &time);
QString now();
// Strict: what the pipeline's reader accepts and Director writes: UTC,
// exactly three digits of milliseconds, "Z".
bool isCanonical(const QString &text);
// Tolerant: any ISO 8601 date-time with an offset or "Z"; nullopt otherwise.
std::optional<QDateTime> parse(const QString &text);
} // namespace Timestamps
