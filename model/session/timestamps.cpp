#include "session/timestamps.h"

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
    // yyyy-MM-ddTHH:mm:ss.zzzZ, exactly what format() writes: a real date
    // of years 1 to 9999 (the proleptic Gregorian calendar, as QDate), no
    // 24:00, no leap second. Checked by hand: a session file holds thousands.
    if (text.size() != 24)
        return false;
    const QChar *c = text.constData();
    static constexpr struct
    {
        int at;
        char16_t character;
    } separators[] = {{4, u'-'},  {7, u'-'},  {10, u'T'}, {13, u':'},
                      {16, u':'}, {19, u'.'}, {23, u'Z'}};
    for (const auto &separator : separators) {
        if (c[separator.at].unicode() != separator.character)
            return false;
    }
    auto number = [c](int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; ++i) {
            const char16_t d = c[i].unicode();
            if (d < u'0' || d > u'9')
                return -1;
            value = value * 10 + (d - u'0');
        }
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    const int millisecond = number(20, 3);
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 59 || millisecond < 0)
        return false;
    return day <= QDate(year, month, 1).daysInMonth();
}

std::optional<QDateTime> parse(const QString &text)
{
    // Require an explicit zone: a local time would mean something else on
    // every machine that reads it.
    static const QRegularExpression withZone(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$)"));
    if (!withZone.match(text).hasMatch())
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    // Only a time that can be written back: in UTC, years 1 to 9999 (a time
    // of 0001-01-01 with a positive offset is in year 0 in UTC, and one of
    // 9999-12-31 with a negative offset in year 10000; ISO 8601 as Qt writes
    // it has neither).
    const QDateTime utc = time.toUTC();
    if (!isCanonical(format(utc)))
        return std::nullopt;
    return utc;
}

bool isFarAhead(const QDateTime &time, const QDateTime &now)
{
    return time > now.addSecs(maxAheadSeconds);
}

} // namespace Timestamps
