#pragma once

#include <QByteArray>
#include <QStringList>

// QJsonDocument keeps only the last of two members with the same name, so a
// session file with two frames keyed "3" would silently lose one. This scans
// a document that QJsonDocument accepts and names every duplicated member by
// its JSON path ("frames.3").
class JsonDuplicateKeys
{
public:
    // At most `limit` paths, in document order. Bytes that are not such a
    // document (JsonReader scans a large file while the parser reads it)
    // get an answer that means nothing, in no more time or memory.
    static QStringList find(const QByteArray &json, int limit = 20);
};
