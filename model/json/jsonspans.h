#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

#include <optional>

// Where the members of one member of a document's top-level object lie, found by a scan of the
// document's structure that parses no value: what lets a session file's frames be parsed one at
// a time, each while it is small, instead of the whole file at once (SessionDecoder). A split is
// given only where the scan can vouch for it, and it vouches for nothing but the places: each
// piece must still be parsed, and the document is valid JSON exactly when `rest` and every
// member's value are (the scan checks all that lies between them).
class JsonSpans
{
public:
    // A member of the split member: its name as written (printable ASCII, no escape) and where
    // its value (an object) begins and ends in the document, its braces included.
    struct Member
    {
        QByteArrayView name;
        qsizetype begin = 0;
        qsizetype end = 0;
    };

    struct Split
    {
        QByteArray rest;       // the document with the split member's value written as {}
        QList<Member> members; // in document order
    };

    // Objects nested deeper than this in a member's value: no split (Qt's parser counts levels
    // from the document's top, the member's own parse from its top).
    static constexpr int maxMemberDepth = 64;

    // The members of the top-level member `name` of `json`, whose value must be an object of
    // objects. None when the scan cannot vouch for that: `name` is not a member of the top-level
    // object (or the document does not start as one), a member name before it is written with
    // an escape, one in it with an escape or anything but printable ASCII, a value in it is not an
    // object or is nested deeper than maxMemberDepth, or anything but JSON's white space, names,
    // colons and commas lies between its values. A whole parse then says what is wrong, if
    // anything is. `json` must outlive the split (the names point into it).
    static std::optional<Split> splitMember(const QByteArray &json, QByteArrayView name);
};
