#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>
#include <QVarLengthArray>

#include <array>
#include <functional>

// Writes JSON the way the pipeline's JSON.stringify(value, null, 2) does: two
// spaces of indentation, "key": value, empty containers as {} and [], in the
// order the caller writes the members (QJsonDocument can neither indent by
// two nor keep an order). Members the caller passes as QJsonValue are written
// with their keys in QJsonObject's (sorted) order.
//
// A session is written on every change, so this writes straight into one
// growing buffer: no allocation per token. It does not check that a name is
// written once per object: its caller does.
class JsonWriter
{
public:
    // A writer of a document, or (depth > 0) of one value that goes `depth`
    // containers deep into a document: its lines are indented as there.
    explicit JsonWriter(int depth = 0) : m_depth(depth) {}

    // Room for `bytes` of output, when the caller knows roughly how much.
    void reserve(qsizetype bytes);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    // The name of the next member of the current object.
    void key(QStringView name);

    void value(const QJsonValue &value);
    void string(QStringView text);
    void number(double number);
    void boolean(bool value);
    // A value another JsonWriter wrote at this depth (finishValue()), whose
    // deepest() was `deepest`.
    void raw(QByteArrayView json, int deepest);
    // Members of the current object as JsonMembers holds them (its text,
    // and its depth()), each indented as a member here.
    void members(QByteArrayView text, int depth);

    // How many objects and arrays deep (in the document) the deepest of
    // what was written so far is.
    int deepest() const { return m_deepest; }
    // How many bytes were written so far.
    qsizetype size() const { return m_size; }

    // What was written so far, and starting over (keeping the room, and the
    // numbers formatted): for a writer used again and again.
    QByteArrayView written() const { return QByteArrayView(m_out.constData(), m_size); }
    qsizetype capacity() const { return m_out.size(); }
    void clear()
    {
        m_size = 0;
        m_deepest = 0;
        m_levels.clear();
        m_afterKey = false;
    }

    // The document, ending in a newline.
    QByteArray finish();
    // The value, as it goes into its document (no newline).
    QByteArray finishValue();

    // Calls f(name, value) for each member of `object` in the order of the
    // names as QStrings, which is the order a reader of what is written
    // gets them in (QJsonObject's own order can differ: see the .cpp).
    static void forEachMember(const QJsonObject &object,
                              const std::function<void(const QString &, const QJsonValue &)> &f);

    // A number as JSON writes it: integers without a fraction, others in the
    // shortest form that reads back to the same double.
    static QByteArray formatNumber(double number);

private:
    void beforeValue();
    void newline();
    void writeQuoted(QStringView text);
    void writeNumber(double number);
    // Room for n more bytes; returns where they go. A write ensures room,
    // writes, then adds to m_size what it wrote (at most n).
    char *ensure(qsizetype n)
    {
        if (m_size + n > m_out.size())
            grow(n);
        return m_out.data() + m_size;
    }
    void grow(qsizetype n);
    void put(char c) { *ensure(1) = c, ++m_size; }
    void put(const char *text, qsizetype n);

    struct Level
    {
        bool isObject;
        int count;
    };
    // Numbers with a fraction, as formatNumber() wrote them last: the same
    // scores and metrics come back frame after frame.
    struct FormattedNumber
    {
        quint64 bits = 0;
        qsizetype length = 0; // 0: empty
        char text[32];
    };
    std::array<FormattedNumber, 64> m_numbers{};
    QByteArray m_out; // m_out.size() is the capacity; m_size is what is written
    qsizetype m_size = 0;
    QVarLengthArray<Level, 16> m_levels;
    int m_depth = 0; // containers around what this writer writes
    int m_deepest = 0;
    bool m_afterKey = false;
};
