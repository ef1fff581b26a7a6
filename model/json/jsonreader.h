#pragma once

#include "json/jsonmembers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

#include <future>
#include <optional>

// Strict reading of JSON, for any file: a document parsed with Qt's parser
// and, where a file must not hide anything, refused when one object holds two
// members of one name (Qt keeps the last one silently); and typed access to
// the members of an object that says precisely what is wrong and where
// ("frames.3.status: expected a string, found a number").

// One problem found in a document, at a JSON path such as "frames.3.status"
// (empty: the document as a whole).
struct JsonProblem
{
    QString path;
    QString message;

    QString toString() const
    {
        return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
    bool operator==(const JsonProblem &) const = default;
};

// Where a value is in a document ("frames.3.auditReport"), spelled out only
// when a problem is recorded there: most values have none. A path refers to
// its parent and its member name; both must outlive it.
class JsonPath
{
public:
    JsonPath() = default; // the document's root object
    JsonPath(const JsonPath &parent, QStringView member) : m_parent(&parent), m_member(member) {}
    JsonPath(const JsonPath &parent, qsizetype index) : m_parent(&parent), m_index(index) {}

    QString toString() const;
    // The path of a member of the value here.
    QString toString(QStringView member) const;

private:
    const JsonPath *m_parent = nullptr;
    QStringView m_member;
    qsizetype m_index = -1; // an array element
};

// Whole documents, and how values are named in messages.
class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    // The deepest nesting of objects and arrays Qt's parser reads (it
    // refuses a 1,025th level).
    static constexpr int maxNestingDepth = 1024;

    enum class Names
    {
        AsQtReadsThem, // two members of one name: the last one counts
        Unique,        // two members of one name: a problem at each such path
    };

    struct Document
    {
        enum class State
        {
            Ok,          // `object` holds the top-level object
            NotJson,     // not a JSON document (or nested too deep)
            NotObject,   // a document, but not an object at the top level
            NamesRepeat, // an object has two members of one name (Names::Unique)
        };
        State state = State::NotJson;
        QJsonObject object;
        QList<JsonProblem> problems; // why it is not Ok

        explicit operator bool() const { return state == State::Ok; }
    };

    // `bytes` as a document whose top level is an object. With Names::Unique
    // and a large document, the scan for repeated names runs beside the
    // parser, on a thread of its own.
    static Document parseObject(const QByteArray &bytes, Names names);

    // How a value is named in a message: "a number", "an object", ...
    static QString typeName(const QJsonValue &value);
    // A text in quotes, its first 60 characters when it is longer.
    static QString quoted(const QString &text);
    // A value as a problem shows it: scalars as written (texts quoted),
    // others by their type.
    static QString shown(const QJsonValue &value);
    // A value as JSON writes it, containers as […] and {…}.
    static QString literal(const QJsonValue &value);

    // A number that is a whole number from `minimum` to `maximum`, or nothing.
    static std::optional<int> wholeNumber(const QJsonValue &value, int minimum, int maximum);
    static std::optional<int> wholeNumber(double number, int minimum, int maximum);

    // Equal JSON values; numbers by value (1 and 1.0 are the same).
    static bool sameValue(const QJsonValue &a, const QJsonValue &b);
};

// The paths of the names that repeat in a document (JsonDuplicateKeys), the scan started now:
// beside the caller, on a thread of its own, when the document is large (a future of std::async
// waits for its thread when it goes, whatever the caller returns meanwhile), else when asked.
class JsonNameScan
{
public:
    explicit JsonNameScan(const QByteArray &bytes);

    // Once only.
    QStringList repeated();

private:
    QByteArray m_bytes;
    std::future<QStringList> m_scan;
};

// Reads the members of one JSON object, recording problems (errors, and
// notes on forms that are read but written differently) at their paths, and
// collects the members nobody asked for as extra().
//
// Required or optional members of a given type: a missing required member or
// one of another type is an error; an optional member may be absent (not
// null). Members are named by literals, which outlive the reader.
class JsonObjectReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonObjectReader)

public:
    JsonObjectReader(const QJsonObject &object, const JsonPath &path, QList<JsonProblem> &errors,
                     QList<JsonProblem> &notes);

    JsonPath child(QStringView member) const { return JsonPath(m_path, member); }
    QString pathOf(QStringView member) const { return m_path.toString(member); }

    void error(QStringView member, const QString &message)
    {
        m_errors.append({pathOf(member), message});
    }
    void note(QStringView member, const QString &message)
    {
        m_notes.append({pathOf(member), message});
    }

    // The member's value (marked as known), or Undefined.
    QJsonValue take(QStringView name);

    // A member with a tolerated second spelling (`alias`). Only one spelling
    // is written back, so neither may be lost silently: when both are
    // present the first one is used, and the alias is dropped with a note
    // when its value is the same, an error otherwise. *spelled is the name
    // the value was read from.
    QJsonValue takeAliased(QStringView name, QStringView alias, QString *spelled);

    bool has(QStringView name) const { return m_object.contains(name); }

    // True when the member is absent; an error when it is required.
    bool missing(QStringView name, const QJsonValue &v, bool required);

    std::optional<QString> string(QStringView name, bool required = true);
    std::optional<bool> boolean(QStringView name, bool required = true)
    {
        return booleanOf(name, take(name), required);
    }
    std::optional<double> number(QStringView name, bool required = true)
    {
        return numberOf(name, take(name), required);
    }
    // A whole number from `minimum` to `maximum`.
    std::optional<int> integer(QStringView name, int minimum, int maximum, bool required = true);

    // The same for a value taken already (takeAliased()).
    std::optional<bool> booleanOf(QStringView name, const QJsonValue &v, bool required);
    std::optional<double> numberOf(QStringView name, const QJsonValue &v, bool required);
    std::optional<QStringList> stringsOf(QStringView name, const QJsonValue &v, bool required);
    std::optional<QJsonObject> objectOf(QStringView name, const QJsonValue &v, bool required);
    std::optional<QJsonArray> arrayOf(QStringView name, const QJsonValue &v, bool required);

    // The members nobody took, as they were.
    QJsonObject extra() const;
    // The same, held as written (JsonMembers).
    JsonMembers extraMembers() const;

private:
    QJsonObject m_object;
    const JsonPath &m_path;
    QList<JsonProblem> &m_errors;
    QList<JsonProblem> &m_notes;
    QVarLengthArray<bool, 16> m_taken; // which members were taken, in the object's order
};
