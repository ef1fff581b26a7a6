#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

#include <functional>
#include <initializer_list>
#include <utility>

// The members of a JSON object as JsonWriter writes them: the text itself,
// not a QJsonObject. A session keeps what other programs wrote into its
// objects (an audit's metrics and breakdown, an attempt's promptHash, ...)
// only to write it back as it was read; held as QJsonObject (a QCborValue per
// member, some 100 bytes each) that was most of a loaded session's memory,
// held as text it is less than the file's bytes for it. Implicitly shared.
//
// The text is the members as a JsonWriter writes them inside an object, in
// the order of their names (JsonWriter::forEachMember), each on a line of its
// own with what is nested indented as there, but with the object's own
// indentation left out: "\n\"a\": 1,\n\"b\": {\n  \"c\": 2\n}". A member's
// line is the only line that starts with a quote, so the members of the
// object are found without parsing it; the writer puts the indentation of
// the place it writes them at back in (JsonWriter::members()).
//
// Two are equal when they are written the same: the same names, in the same
// order, with values written the same (2.0 and 2 are written 2).
class JsonMembers
{
public:
    JsonMembers() = default;
    explicit JsonMembers(const QJsonObject &object);

    // The members of `object` for which keep(i) is true, i counting the members in the
    // object's own order: as JsonMembers(object without the others), without that copy.
    static JsonMembers of(const QJsonObject &object, const std::function<bool(qsizetype)> &keep);

    bool isEmpty() const { return m_text.isEmpty(); }
    // The members read back, as a reader of the file gets them. A parse:
    // for looking inside (the inspector, a report), not for every frame.
    QJsonObject object() const;
    QJsonValue value(QStringView name) const { return object().value(name); }
    // Whether a member of the object has this name (an ASCII name such as
    // Director's own, written without escapes). No parse: a scan of the text.
    bool contains(QStringView asciiName) const { return containsAny({asciiName}); }
    bool containsAny(std::initializer_list<QStringView> asciiNames) const
    {
        return containsAny(asciiNames.begin(), qsizetype(asciiNames.size()));
    }
    bool containsAny(const QStringView *asciiNames, qsizetype count) const;

    // Without the members of these (ASCII) names: the text of the others,
    // as it is. Its depth() stays (at most what it was).
    JsonMembers without(const QStringView *asciiNames, qsizetype count) const;

    // Members that another JsonMembers gave as its text() and depth(), taken as they are,
    // unchecked: for what Director itself kept of them (RunReadCache, behind a checksum).
    static JsonMembers fromKept(QByteArray text, int depth)
    {
        JsonMembers members;
        members.m_text = std::move(text);
        members.m_depth = depth;
        return members;
    }
    // The text (see above); empty when there is no member.
    QByteArrayView text() const { return m_text; }
    // How many objects and arrays deep the deepest value of a member is
    // within the object: 0 when every member is a number, a text, ...
    int depth() const { return m_depth; }
    // Bytes held (the text).
    qsizetype size() const { return m_text.size(); }

    friend bool operator==(const JsonMembers &a, const JsonMembers &b)
    {
        // A copy shares the text: equal without comparing it.
        return (a.m_text.constData() == b.m_text.constData() &&
                a.m_text.size() == b.m_text.size()) ||
               a.m_text == b.m_text;
    }

private:
    QByteArray m_text;
    int m_depth = 0;
};
