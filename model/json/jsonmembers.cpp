#include "json/jsonmembers.h"

#include "json/jsonwriter.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

JsonMembers::JsonMembers(const QJsonObject &object)
    : JsonMembers(of(object, [](qsizetype) { return true; }))
{}

namespace {

// The members written into `w` as an object, as JsonMembers holds them:
// without the braces and the object's own indentation (two spaces a line).
QByteArray withoutTheObject(QByteArrayView written) // "{\n  \"a\": 1\n}"
{
    QByteArray text(written.size(), Qt::Uninitialized);
    char *out = text.data();
    const char *in = written.data() + 1;
    const char *const end = written.data() + written.size() - 2; // before "\n}"
    while (in < end) {
        const char *newline = static_cast<const char *>(std::memchr(in, '\n', size_t(end - in)));
        const char *lineEnd = newline ? newline + 1 : end;
        std::memcpy(out, in, size_t(lineEnd - in));
        out += lineEnd - in;
        in = newline ? lineEnd + 2 : end;
    }
    text.truncate(out - text.constData());
    text.squeeze();
    return text;
}

} // namespace

JsonMembers JsonMembers::of(const QJsonObject &object, const std::function<bool(qsizetype)> &keep)
{
    JsonMembers members;
    if (object.isEmpty())
        return members;
    // One writer a thread, used again: its room and its numbers stay.
    thread_local JsonWriter w;
    w.clear();
    w.beginObject();
    // In the order JsonWriter::forEachMember() writes them: the object's
    // own, unless a name read with a byte order mark broke it.
    bool sorted = true;
    bool any = false;
    QString previous;
    qsizetype i = 0;
    for (auto it = object.begin(); it != object.end() && sorted; ++it, ++i) {
        if (!keep(i))
            continue;
        QString name = it.key();
        sorted = !any || previous <= name;
        w.key(name);
        w.value(it.value());
        previous = std::move(name);
        any = true;
    }
    if (!sorted) {
        std::vector<std::pair<QString, QJsonValue>> kept;
        i = 0;
        for (auto it = object.begin(); it != object.end(); ++it, ++i) {
            if (keep(i))
                kept.emplace_back(it.key(), it.value());
        }
        std::stable_sort(kept.begin(), kept.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        w.clear();
        w.beginObject();
        for (const auto &[name, value] : kept) {
            w.key(name);
            w.value(value);
        }
    }
    w.endObject();
    if (any) {
        members.m_depth = w.deepest() - 1;
        members.m_text = withoutTheObject(w.written());
    }
    w.clear();
    if (w.capacity() > 1024 * 1024)
        w = JsonWriter(); // its room goes, after members of unusual size
    return members;
}

QJsonObject JsonMembers::object() const
{
    if (m_text.isEmpty())
        return QJsonObject();
    QByteArray document;
    document.reserve(m_text.size() + 3);
    document.append('{').append(m_text).append("\n}");
    return QJsonDocument::fromJson(document).object();
}

namespace {

// Whether the member whose line starts at `line` (its quoted name) has one of the names.
bool named(const char *line, const char *end, const QStringView *asciiNames, qsizetype count)
{
    const char *name = line + 1;
    for (qsizetype n = 0; n < count; ++n) {
        const QStringView wanted = asciiNames[n];
        // "name": the name, then its closing quote and the colon.
        if (end - name < wanted.size() + 2)
            continue;
        bool same = name[wanted.size()] == '"' && name[wanted.size() + 1] == ':';
        for (qsizetype c = 0; same && c < wanted.size(); ++c)
            same = wanted[c].unicode() == char16_t(static_cast<unsigned char>(name[c]));
        if (same)
            return true;
    }
    return false;
}

// Calls f(begin, end) for each member's text: from the newline before its
// name to its value's end (without the comma after it). A member's line, and
// only a member's line, starts with its quoted name.
template <typename F> void forEachMemberText(const QByteArray &text, F f)
{
    const char *const end = text.constData() + text.size();
    const char *member = text.constData(); // at the newline before a member
    while (member < end) {
        const char *next = member + 1;
        while (next < end) {
            next = static_cast<const char *>(std::memchr(next, '\n', size_t(end - next)));
            if (!next) {
                next = end;
                break;
            }
            if (next + 1 < end && next[1] == '"')
                break;
            ++next;
        }
        f(member, next < end ? next - 1 : end); // before the comma
        member = next;
    }
}

} // namespace

bool JsonMembers::containsAny(const QStringView *asciiNames, qsizetype count) const
{
    bool found = false;
    forEachMemberText(m_text, [&](const char *begin, const char *end) {
        found = found || named(begin + 1, end, asciiNames, count);
    });
    return found;
}

JsonMembers JsonMembers::without(const QStringView *asciiNames, qsizetype count) const
{
    JsonMembers kept;
    kept.m_depth = m_depth;
    forEachMemberText(m_text, [&](const char *begin, const char *end) {
        if (named(begin + 1, end, asciiNames, count))
            return;
        if (!kept.m_text.isEmpty())
            kept.m_text.append(',');
        kept.m_text.append(begin, end - begin);
    });
    if (kept.m_text.isEmpty())
        kept.m_depth = 0;
    return kept;
}
