#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

void JsonWriter::newline()
{
    m_out += '\n';
    m_out += QByteArray(2 * m_levels.size(), ' ');
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
        m_out += ',';
    newline();
}

void JsonWriter::key(QStringView name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    Q_ASSERT(!hasKey(name));
    m_levels.last().keys.insert(name.toString());
    if (m_levels.last().count++ > 0)
        m_out += ',';
    newline();
    writeQuoted(name);
    m_out += ": ";
    m_afterKey = true;
}

bool JsonWriter::hasKey(QStringView name) const
{
    return !m_levels.isEmpty() && m_levels.last().keys.contains(name.toString());
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_levels.append({true, 0, {}});
}

void JsonWriter::endObject()
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject);
    const Level level = m_levels.takeLast();
    if (level.count > 0)
        newline();
    m_out += '}';
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_levels.append({false, 0, {}});
}

void JsonWriter::endArray()
{
    Q_ASSERT(!m_levels.isEmpty() && !m_levels.last().isObject);
    const Level level = m_levels.takeLast();
    if (level.count > 0)
        newline();
    m_out += ']';
}

void JsonWriter::string(QStringView text)
{
    beforeValue();
    writeQuoted(text);
}

void JsonWriter::number(double number)
{
    beforeValue();
    m_out += formatNumber(number);
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out += value ? "true" : "false";
}

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        beforeValue();
        m_out += "null";
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
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            key(it.key());
            this->value(it.value());
        }
        endObject();
        break;
    }
    }
}

QByteArray JsonWriter::finish()
{
    Q_ASSERT(m_levels.isEmpty());
    QByteArray out = std::move(m_out);
    out += '\n';
    m_out.clear();
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

void JsonWriter::writeQuoted(QStringView text)
{
    if (!text.isValidUtf16()) {
        // A lone surrogate ("\ud800" in what another program wrote) has no
        // UTF-8 form: write it back as the escape it was read from.
        m_out += '"';
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                appendEscaped(text.mid(i, 2).toUtf8());
                ++i;
            } else if (c.isSurrogate()) {
                m_out += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
            } else {
                appendEscaped(text.mid(i, 1).toUtf8());
            }
        }
        m_out += '"';
        return;
    }
    m_out += '"';
    appendEscaped(text.toUtf8());
    m_out += '"';
}

void JsonWriter::appendEscaped(const QByteArray &utf8)
{
    for (char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                m_out += "\\u00";
                m_out += "0123456789abcdef"[byte >> 4];
                m_out += "0123456789abcdef"[byte & 0xf];
            } else {
                m_out += c;
            }
        }
    }
}
