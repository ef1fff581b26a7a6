#include "json/jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVarLengthArray>

#include <algorithm>
#include <numeric>
#include <QLocale>
#include <vector>

#include <cmath>
#include <cstring>

void JsonWriter::reserve(qsizetype bytes)
{
    if (bytes > m_out.size())
        m_out.resize(bytes);
}

void JsonWriter::grow(qsizetype n)
{
    m_out.resize(qMax(m_size + n, 2 * m_out.size() + 256));
}

void JsonWriter::put(const char *text, qsizetype n)
{
    std::memcpy(ensure(n), text, size_t(n));
    m_size += n;
}

void JsonWriter::newline()
{
    const qsizetype indent = 2 * (m_depth + m_levels.size());
    char *out = ensure(1 + indent);
    *out = '\n';
    std::memset(out + 1, ' ', size_t(indent));
    m_size += 1 + indent;
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Q_ASSERT(!m_levels.last().isObject);
    if (m_levels.last().count++ > 0)
        put(',');
    newline();
}

void JsonWriter::key(QStringView name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    if (m_levels.last().count++ > 0)
        put(',');
    newline();
    writeQuoted(name);
    put(": ", 2);
    m_afterKey = true;
}

void JsonWriter::beginObject()
{
    beforeValue();
    put('{');
    m_levels.append({true, 0});
    m_deepest = std::max(m_deepest, m_depth + int(m_levels.size()));
}

void JsonWriter::endObject()
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject);
    const Level level = m_levels.last();
    m_levels.removeLast();
    if (level.count > 0)
        newline();
    put('}');
}

void JsonWriter::beginArray()
{
    beforeValue();
    put('[');
    m_levels.append({false, 0});
    m_deepest = std::max(m_deepest, m_depth + int(m_levels.size()));
}

void JsonWriter::endArray()
{
    Q_ASSERT(!m_levels.isEmpty() && !m_levels.last().isObject);
    const Level level = m_levels.last();
    m_levels.removeLast();
    if (level.count > 0)
        newline();
    put(']');
}

void JsonWriter::string(QStringView text)
{
    beforeValue();
    writeQuoted(text);
}

void JsonWriter::number(double number)
{
    beforeValue();
    writeNumber(number);
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        put("true", 4);
    else
        put("false", 5);
}

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        beforeValue();
        put("null", 4);
        break;
    case QJsonValue::Bool:
        boolean(value.toBool());
        break;
    case QJsonValue::Double:
        number(value.toDouble());
        break;
    case QJsonValue::String:
        string(value.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            this->value(element);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        forEachMember(value.toObject(), [this](const QString &name, const QJsonValue &member) {
            key(name);
            this->value(member);
        });
        endObject();
        break;
    }
    }
}

void JsonWriter::forEachMember(const QJsonObject &object,
                               const std::function<void(const QString &, const QJsonValue &)> &f)
{
    // QJsonObject orders its members by their names as read, and a name
    // read with a leading byte order mark loses it as a QString (""
    // after "w"): written in that order, the file would read back in
    // another. Written in the order of the names as written, always.
    // Each name is made a QString once (a key is kept as UTF-8 or Latin-1).
    QVarLengthArray<QString, 16> names;
    names.reserve(object.size());
    bool sorted = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        names.append(it.key());
        sorted = sorted && (names.size() == 1 || names[names.size() - 2] <= names.last());
    }
    if (sorted) {
        qsizetype i = 0;
        for (auto it = object.begin(); it != object.end(); ++it)
            f(names[i++], it.value());
        return;
    }
    std::vector<qsizetype> order(size_t(names.size()));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&names](qsizetype a, qsizetype b) { return names[a] < names[b]; });
    for (const qsizetype i : order)
        f(names[i], (object.begin() + i).value());
}

void JsonWriter::raw(QByteArrayView json, int deepest)
{
    beforeValue();
    put(json.data(), json.size());
    m_deepest = std::max(m_deepest, deepest);
}

void JsonWriter::members(QByteArrayView text, int depth)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    if (text.isEmpty())
        return;
    if (m_levels.last().count++ > 0)
        put(',');
    // Every line of the text (each starts after a newline) gets the
    // indentation of a member here.
    const int level = m_depth + int(m_levels.size());
    const qsizetype indent = 2 * level;
    const char *in = text.data();
    const char *const end = in + text.size();
    while (in < end) {
        const char *newline = static_cast<const char *>(std::memchr(in, '\n', size_t(end - in)));
        const char *lineEnd = newline ? newline + 1 : end;
        char *out = ensure((lineEnd - in) + indent);
        std::memcpy(out, in, size_t(lineEnd - in));
        if (newline)
            std::memset(out + (lineEnd - in), ' ', size_t(indent));
        m_size += (lineEnd - in) + (newline ? indent : 0);
        in = lineEnd;
    }
    m_deepest = std::max(m_deepest, level + depth);
}

QByteArray JsonWriter::finish()
{
    Q_ASSERT(m_depth == 0);
    put('\n');
    return finishValue();
}

QByteArray JsonWriter::finishValue()
{
    Q_ASSERT(m_levels.isEmpty());
    QByteArray out = std::move(m_out);
    out.truncate(m_size);
    m_out = QByteArray();
    m_size = 0;
    return out;
}

QByteArray JsonWriter::formatNumber(double number)
{
    if (!std::isfinite(number))
        return "null"; // JSON has no NaN or infinity; callers validate before writing
    if (number == std::trunc(number) && std::fabs(number) < 9007199254740992.0) // 2^53
        return QByteArray::number(static_cast<qint64>(number));
    return QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

void JsonWriter::writeNumber(double number)
{
    // Whole numbers (indexes, counts, most scores) are most of them: their
    // digits are written here; formatNumber() writes the rest.
    if (!(number == std::trunc(number) && std::fabs(number) < 9007199254740992.0)) {
        quint64 bits;
        std::memcpy(&bits, &number, sizeof bits);
        FormattedNumber &cached = m_numbers[(bits * 0x9e3779b97f4a7c15ULL) >> 58];
        if (cached.length == 0 || cached.bits != bits) {
            const QByteArray text = formatNumber(number);
            if (text.size() > qsizetype(sizeof cached.text)) {
                put(text.constData(), text.size());
                return;
            }
            cached.bits = bits;
            cached.length = text.size();
            std::memcpy(cached.text, text.constData(), size_t(text.size()));
        }
        put(cached.text, cached.length);
        return;
    }
    const auto whole = static_cast<qint64>(number);
    quint64 magnitude = whole < 0 ? quint64(0) - quint64(whole) : quint64(whole);
    char digits[24];
    char *end = digits + sizeof digits;
    char *begin = end;
    do {
        *--begin = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (whole < 0)
        *--begin = '-';
    put(begin, end - begin);
}

void JsonWriter::writeQuoted(QStringView text)
{
    // UTF-16 to UTF-8 and JSON escapes in one pass. A lone surrogate
    // ("\ud800" in what another program wrote) has no UTF-8 form: it is
    // written back as the escape it was read from ...
    static constexpr char hex[] = "0123456789abcdef";
    const char16_t *data = text.utf16();
    const qsizetype size = text.size();
    // At most 6 bytes per UTF-16 unit ("\u001f", "\udc00"), and the quotes.
    char *out = ensure(6 * size + 2);
    char *const start = out;
    *out++ = '"';
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = data[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *out++ = char(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case '"':
                *out++ = '"';
                break;
            case '\\':
                *out++ = '\\';
                break;
            case '\b':
                *out++ = 'b';
                break;
            case '\f':
                *out++ = 'f';
                break;
            case '\n':
                *out++ = 'n';
                break;
            case '\r':
                *out++ = 'r';
                break;
            case '\t':
                *out++ = 't';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hex[c >> 4];
                *out++ = hex[c & 0xf];
            }
        } else if (c < 0x800) {
            *out++ = char(0xc0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && i + 1 < size &&
                   QChar::isLowSurrogate(data[i + 1])) {
            const char32_t u = QChar::surrogateToUcs4(c, data[i + 1]);
            ++i;
            *out++ = char(0xf0 | (u >> 18));
            *out++ = char(0x80 | ((u >> 12) & 0x3f));
            *out++ = char(0x80 | ((u >> 6) & 0x3f));
            *out++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isSurrogate(c) || c == 0xfeff) {
            // ... and so is U+FEFF: Qt's reader drops it from the start of
            // a string or name written as UTF-8 (a byte order mark), so that
            // "\ufeffpassed" would read back as a second "passed".
            *out++ = '\\';
            *out++ = 'u';
            *out++ = hex[c >> 12];
            *out++ = hex[(c >> 8) & 0xf];
            *out++ = hex[(c >> 4) & 0xf];
            *out++ = hex[c & 0xf];
        } else {
            *out++ = char(0xe0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3f));
            *out++ = char(0x80 | (c & 0x3f));
        }
    }
    *out++ = '"';
    m_size += out - start;
}
