#include "json/jsonreader.h"

#include "json/jsonduplicatekeys.h"
#include "json/jsonwriter.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <system_error>

namespace {

// From this size on, the scan for repeated names has a thread of its own:
// the parser takes milliseconds, a thread some microseconds to start.
constexpr qsizetype concurrentScanSize = 1024 * 1024;

QString join(const QString &path, QStringView member)
{
    return path.isEmpty() ? member.toString() : path + QLatin1Char('.') + member.toString();
}

} // namespace

JsonNameScan::JsonNameScan(const QByteArray &bytes) : m_bytes(bytes)
{
    if (bytes.size() < concurrentScanSize)
        return;
    try {
        m_scan = std::async(std::launch::async, [bytes] { return JsonDuplicateKeys::find(bytes); });
    } catch (const std::system_error &) {
        // No thread to be had: the scan follows the parser.
    }
}

QStringList JsonNameScan::repeated()
{
    return m_scan.valid() ? m_scan.get() : JsonDuplicateKeys::find(m_bytes);
}

QString JsonPath::toString() const
{
    if (!m_parent)
        return QString();
    return m_index >= 0 ? m_parent->toString(QString::number(m_index))
                        : m_parent->toString(m_member);
}

QString JsonPath::toString(QStringView member) const
{
    return join(toString(), member);
}

JsonReader::Document JsonReader::parseObject(const QByteArray &bytes, Names names)
{
    Document result;
    std::optional<JsonNameScan> scan;
    if (names == Names::Unique)
        scan.emplace(bytes);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.state = Document::State::NotJson;
        result.problems.append({QString(), tr("not valid JSON at byte %1: %2")
                                               .arg(parseError.offset)
                                               .arg(parseError.errorString())});
        return result;
    }
    if (!document.isObject()) {
        result.state = Document::State::NotObject;
        result.problems.append({QString(), tr("expected a JSON object at the top level")});
        return result;
    }
    // Two members of one name: the parser kept only the last one.
    const QStringList repeated = scan ? scan->repeated() : QStringList();
    if (!repeated.isEmpty()) {
        result.state = Document::State::NamesRepeat;
        for (const QString &path : repeated)
            result.problems.append({path, tr("appears more than once")});
        return result;
    }
    result.state = Document::State::Ok;
    result.object = document.object();
    return result;
}

QString JsonReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QString JsonReader::quoted(const QString &text)
{
    constexpr int maxShown = 60;
    QString shown = text.size() > maxShown ? text.left(maxShown) + QStringLiteral("…") : text;
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

QString JsonReader::shown(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
    case QJsonValue::Double:
        return literal(value);
    case QJsonValue::String:
        return quoted(value.toString());
    default:
        break;
    }
    return typeName(value);
}

QString JsonReader::literal(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::fromLatin1(JsonWriter::formatNumber(value.toDouble()));
    case QJsonValue::String:
        return u'"' + value.toString() + u'"';
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("[…]");
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("{…}");
}

std::optional<int> JsonReader::wholeNumber(const QJsonValue &value, int minimum, int maximum)
{
    if (!value.isDouble())
        return std::nullopt;
    return wholeNumber(value.toDouble(), minimum, maximum);
}

std::optional<int> JsonReader::wholeNumber(double number, int minimum, int maximum)
{
    if (!std::isfinite(number) || number != std::trunc(number) || number < minimum ||
        number > maximum)
        return std::nullopt;
    return int(number);
}

bool JsonReader::sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

// ---------------------------------------------------------------- members

JsonObjectReader::JsonObjectReader(const QJsonObject &object, const JsonPath &path,
                                   QList<JsonProblem> &errors, QList<JsonProblem> &notes)
    : m_object(object), m_path(path), m_errors(errors), m_notes(notes)
{
    m_taken.resize(object.size());
    std::fill(m_taken.begin(), m_taken.end(), false);
}

QJsonValue JsonObjectReader::take(QStringView name)
{
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd())
        return QJsonValue(QJsonValue::Undefined);
    m_taken[it - m_object.constBegin()] = true;
    return it.value();
}

QJsonValue JsonObjectReader::takeAliased(QStringView name, QStringView alias, QString *spelled)
{
    const QJsonValue value = take(name);
    const QJsonValue aliased = take(alias);
    *spelled = name.toString();
    if (aliased.isUndefined())
        return value;
    if (value.isUndefined()) {
        *spelled = alias.toString();
        note(alias, tr("written as %1").arg(name));
        return aliased;
    }
    if (JsonReader::sameValue(value, aliased)) {
        note(alias, tr("has the same value as %1; written only as %1").arg(name));
    } else {
        error(alias,
              tr("%1 differs from %2, which is %3; only one of them can be kept")
                  .arg(JsonReader::shown(aliased), name.toString(), JsonReader::shown(value)));
    }
    return value;
}

bool JsonObjectReader::missing(QStringView name, const QJsonValue &v, bool required)
{
    if (!v.isUndefined())
        return false;
    if (required)
        error(name, tr("is missing"));
    return true;
}

std::optional<QString> JsonObjectReader::string(QStringView name, bool required)
{
    const QJsonValue v = take(name);
    if (missing(name, v, required))
        return std::nullopt;
    if (!v.isString()) {
        error(name, tr("expected a string, found %1").arg(JsonReader::typeName(v)));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<bool> JsonObjectReader::booleanOf(QStringView name, const QJsonValue &v,
                                                bool required)
{
    if (missing(name, v, required))
        return std::nullopt;
    if (!v.isBool()) {
        error(name, tr("expected true or false, found %1").arg(JsonReader::typeName(v)));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<double> JsonObjectReader::numberOf(QStringView name, const QJsonValue &v,
                                                 bool required)
{
    if (missing(name, v, required))
        return std::nullopt;
    if (!v.isDouble()) {
        error(name, tr("expected a number, found %1").arg(JsonReader::typeName(v)));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d)) {
        error(name, tr("is not a finite number"));
        return std::nullopt;
    }
    return d;
}

std::optional<int> JsonObjectReader::integer(QStringView name, int minimum, int maximum,
                                             bool required)
{
    const std::optional<double> d = number(name, required);
    if (!d)
        return std::nullopt;
    if (*d != std::trunc(*d)) {
        error(
            name,
            tr("%1 is not a whole number").arg(QString::fromLatin1(JsonWriter::formatNumber(*d))));
        return std::nullopt;
    }
    if (*d < minimum || *d > maximum) {
        error(name, tr("%1 is outside %2..%3")
                        .arg(QString::fromLatin1(JsonWriter::formatNumber(*d)))
                        .arg(minimum)
                        .arg(maximum));
        return std::nullopt;
    }
    return static_cast<int>(*d);
}

std::optional<QStringList> JsonObjectReader::stringsOf(QStringView name, const QJsonValue &v,
                                                       bool required)
{
    if (missing(name, v, required))
        return std::nullopt;
    if (!v.isArray()) {
        error(name, tr("expected an array of strings, found %1").arg(JsonReader::typeName(v)));
        return std::nullopt;
    }
    QStringList list;
    const QJsonArray array = v.toArray();
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            m_errors.append(
                {join(pathOf(name), QString::number(i)),
                 tr("expected a string, found %1").arg(JsonReader::typeName(array.at(i)))});
            ok = false;
        } else {
            list.append(array.at(i).toString());
        }
    }
    return ok ? std::optional(std::move(list)) : std::nullopt;
}

std::optional<QJsonObject> JsonObjectReader::objectOf(QStringView name, const QJsonValue &v,
                                                      bool required)
{
    if (missing(name, v, required))
        return std::nullopt;
    if (!v.isObject()) {
        error(name, tr("expected an object, found %1").arg(JsonReader::typeName(v)));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QJsonArray> JsonObjectReader::arrayOf(QStringView name, const QJsonValue &v,
                                                    bool required)
{
    if (missing(name, v, required))
        return std::nullopt;
    if (!v.isArray()) {
        error(name, tr("expected an array, found %1").arg(JsonReader::typeName(v)));
        return std::nullopt;
    }
    return v.toArray();
}

// A copy of the object without the members taken. Cutting them out costs a
// fraction of building a new object member by member (each
// QJsonObject::insert() converts its key and value: loading a session took
// 2.0 times a bare parse that way, 1.7 times this way), but the copy keeps the
// text of the members cut out: a loaded session of the benchmark's takes 16 %
// more memory (0.7 KiB a frame).
QJsonObject JsonObjectReader::extra() const
{
    if (std::find(m_taken.begin(), m_taken.end(), false) == m_taken.end())
        return QJsonObject();
    QJsonObject rest = m_object;
    for (qsizetype i = m_taken.size() - 1; i >= 0; --i) {
        if (m_taken[i])
            rest.erase(rest.begin() + i);
    }
    return rest;
}

JsonMembers JsonObjectReader::extraMembers() const
{
    if (std::find(m_taken.begin(), m_taken.end(), false) == m_taken.end())
        return JsonMembers();
    return JsonMembers::of(m_object, [this](qsizetype i) { return !m_taken[i]; });
}
