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
// Tolerant: any ISO 8601 date-time with an offset or "Z" whose UTC time
// format() can write (years 1 to 9999); nullopt otherwise.
std::optional<QDateTime> parse(const QString &text);
// How far ahead of the clock a stored time may be and still be carried
// forward (another machine's clock, a little fast): a day.
constexpr qint64 maxAheadSeconds = 24 * 60 * 60;
// More than maxAheadSeconds ahead of `now`: a hand edit or a wrong clock.
bool isFarAhead(const QDateTime &time, const QDateTime &now);
} // namespace Timestamps
