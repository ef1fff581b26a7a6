#pragma once

#include <QByteArray>
#include <QStringList>

// QJsonDocument keeps only the last of two members with the same name, so a
// session file with two frames keyed "3" would silently lose one. This scans
// a document that QJsonDocument has already accepted and names every
// duplicated member by its JSON path ("frames.3").
class JsonDuplicateKeys
{
public:
    // At most `limit` paths, in document order.
    static QStringList find(const QByteArray &json, int limit = 20);
};
