#include "jsonduplicatekeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QSet>

namespace {

struct Level
{
    bool isObject = false;
    bool expectKey = false;
    QSet<QString> keys;
    QString segment; // this level's name in its parent: a key or an index
    int index = 0;   // arrays: the current element
};

QString pathOf(const QList<Level> &levels, const QString &last)
{
    QStringList parts;
    for (qsizetype i = 2; i < levels.size(); ++i) // below the document and its root object
        parts.append(levels[i].segment);
    parts.append(last);
    return parts.join(QLatin1Char('.'));
}

// The string token starting at json[pos] (a quote); pos ends after it.
QString readString(const QByteArray &json, qsizetype &pos)
{
    const qsizetype start = pos;
    bool escaped = false;
    ++pos;
    while (pos < json.size()) {
        const char c = json[pos];
        if (c == '\\') {
            escaped = true;
            pos += 2;
            continue;
        }
        ++pos;
        if (c == '"')
            break;
    }
    const QByteArray token = json.mid(start, pos - start);
    if (!escaped)
        return QString::fromUtf8(token.constData() + 1, token.size() - 2);
    // Escapes (\u0033 is "3" too): let the JSON parser decode them.
    return QJsonDocument::fromJson('[' + token + ']').array().at(0).toString();
}

} // namespace

QStringList JsonDuplicateKeys::find(const QByteArray &json, int limit)
{
    QStringList duplicates;
    QList<Level> levels;
    levels.append(Level()); // the document itself
    QString pendingSegment;
    for (qsizetype pos = 0; pos < json.size() && duplicates.size() < limit;) {
        const char c = json[pos];
        switch (c) {
        case '{':
        case '[': {
            Level level;
            level.isObject = c == '{';
            level.expectKey = level.isObject;
            level.segment = pendingSegment;
            levels.append(level);
            ++pos;
            break;
        }
        case '}':
        case ']':
            if (levels.size() > 1)
                levels.removeLast();
            ++pos;
            break;
        case ',': {
            Level &top = levels.last();
            if (top.isObject)
                top.expectKey = true;
            else
                ++top.index;
            ++pos;
            break;
        }
        case ':':
            levels.last().expectKey = false;
            ++pos;
            break;
        case '"': {
            const QString text = readString(json, pos);
            Level &top = levels.last();
            if (top.isObject && top.expectKey) {
                if (top.keys.contains(text))
                    duplicates.append(pathOf(levels, text));
                top.keys.insert(text);
                pendingSegment = text;
            }
            break;
        }
        default:
            ++pos;
            break;
        }
        // An array's next element is named by its index.
        if (!levels.last().isObject && levels.size() > 1)
            pendingSegment = QString::number(levels.last().index);
    }
    return duplicates;
}
