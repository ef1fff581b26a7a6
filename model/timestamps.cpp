#include "timestamps.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace Timestamps {

QString format(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString now()
{
    return format(QDateTime::currentDateTimeUtc());
}

bool isCanonical(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)"));
    if (!pattern.match(text).hasMatch())
        return false;
    // Exactly what format() writes (no 24:00, no leap second).
    const std::optional<QDateTime> time = parse(text);
    return time && format(*time) == text;
}

std::optional<QDateTime> parse(const QString &text)
{
    // Require an explicit zone: a local time would mean something else on
    // every machine that reads it.
    static const QRegularExpression withZone(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$)"));
    if (!withZone.match(text).hasMatch())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

} // namespace Timestamps
