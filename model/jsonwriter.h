#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QStringView>

// Writes JSON the way the pipeline's JSON.stringify(value, null, 2) does: two
// spaces of indentation, "key": value, empty containers as {} and [], in the
// order the caller writes the members (QJsonDocument can neither indent by
// two nor keep an order). Members the caller passes as QJsonValue are written
// with their keys in QJsonObject's (sorted) order.
class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    // The name of the next member of the current object.
    void key(QStringView name);
    // Whether the current object already has a member of that name.
    bool hasKey(QStringView name) const;

    void value(const QJsonValue &value);
    void string(QStringView text);
    void number(double number);
    void boolean(bool value);

    // The document, ending in a newline.
    QByteArray finish();

    // A number as JSON writes it: integers without a fraction, others in the
    // shortest form that reads back to the same double.
    static QByteArray formatNumber(double number);

private:
    void beforeValue();
    void newline();
    void writeQuoted(QStringView text);
    void appendEscaped(const QByteArray &utf8);

    struct Level
    {
        bool isObject;
        int count;
        QSet<QString> keys;
    };
    QByteArray m_out;
    QList<Level> m_levels;
    bool m_afterKey = false;
};
