#include "json/jsonspans.h"

#include <array>
#include <cstring>

namespace {

// A scan over the bytes of a document: positions, and the little of JSON's grammar that the
// split needs. Every step answers false (or -1) where the bytes are not what it expects.
class Scan
{
public:
    explicit Scan(const QByteArray &json) : m_data(json.constData()), m_size(json.size()) {}

    qsizetype pos = 0;

    // JSON's white space: space, tab, line feed, carriage return.
    void skipSpace()
    {
        while (pos < m_size) {
            const char c = m_data[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++pos;
        }
    }

    bool take(char c)
    {
        if (pos >= m_size || m_data[pos] != c)
            return false;
        ++pos;
        return true;
    }

    bool at(char c) const { return pos < m_size && m_data[pos] == c; }

    // A member name at pos, without an escape; with `asciiOnly`, printable ASCII only. Its
    // bytes, without the quotes; none (and pos anywhere) otherwise.
    std::optional<QByteArrayView> name(bool asciiOnly)
    {
        if (!take('"'))
            return std::nullopt;
        const qsizetype begin = pos;
        while (pos < m_size) {
            const auto c = static_cast<unsigned char>(m_data[pos]);
            if (c == '"') {
                ++pos;
                return QByteArrayView(m_data + begin, pos - 1 - begin);
            }
            if (c == '\\' || c < 0x20 || (asciiOnly && c > 0x7e))
                return std::nullopt;
            ++pos;
        }
        return std::nullopt;
    }

    // Past the value at pos (not checked: a parse of it will be), its objects and arrays nested
    // at most `maxDepth` deep. False when it does not end in the document, or is nested deeper.
    bool skipValue(int maxDepth)
    {
        if (pos >= m_size)
            return false;
        const char first = m_data[pos];
        if (first == '"')
            return skipString();
        if (first != '{' && first != '[') {
            const qsizetype begin = pos;
            while (pos < m_size) {
                const char c = m_data[pos];
                if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' ||
                    c == '\r')
                    break;
                ++pos;
            }
            return pos > begin;
        }
        int depth = 0;
        while (pos < m_size) {
            // Past what is neither a string nor a bracket, a byte a step (a table, not four
            // comparisons: the scan is on the critical path of every load).
            while (pos < m_size && !structural[static_cast<unsigned char>(m_data[pos])])
                ++pos;
            if (pos >= m_size)
                break;
            const char c = m_data[pos];
            if (c == '"') {
                if (!skipString())
                    return false;
                continue;
            }
            if (c == '{' || c == '[') {
                if (++depth > maxDepth)
                    return false;
            } else if (--depth == 0) { // '}' or ']'
                ++pos;
                return true;
            }
            ++pos;
        }
        return false;
    }

private:
    // The bytes skipValue stops at inside an object or array: a string's quote, the brackets.
    static constexpr auto structural = [] {
        std::array<bool, 256> table{};
        for (const char c : {'"', '{', '[', '}', ']'})
            table[static_cast<unsigned char>(c)] = true;
        return table;
    }();

    // Past the string at pos: to its next quote not escaped, found by memchr (a string's text is
    // most of a session file).
    bool skipString()
    {
        ++pos; // the opening quote
        while (pos < m_size) {
            const void *quote = std::memchr(m_data + pos, '"', size_t(m_size - pos));
            if (!quote)
                return false;
            const qsizetype at = static_cast<const char *>(quote) - m_data;
            // Escaped when an odd number of backslashes stands right before it.
            qsizetype backslashes = 0;
            while (at - 1 - backslashes >= pos && m_data[at - 1 - backslashes] == '\\')
                ++backslashes;
            pos = at + 1;
            if (backslashes % 2 == 0)
                return true;
        }
        return false;
    }

    const char *m_data;
    qsizetype m_size;
};

} // namespace

std::optional<JsonSpans::Split> JsonSpans::splitMember(const QByteArray &json, QByteArrayView name)
{
    Scan scan(json);
    scan.skipSpace();
    if (!scan.take('{'))
        return std::nullopt;
    scan.skipSpace();
    // The top-level members before `name`, passed over.
    for (;;) {
        const std::optional<QByteArrayView> member = scan.name(false);
        if (!member)
            return std::nullopt;
        scan.skipSpace();
        if (!scan.take(':'))
            return std::nullopt;
        scan.skipSpace();
        if (*member == name)
            break;
        if (!scan.skipValue(JsonSpans::maxMemberDepth))
            return std::nullopt;
        scan.skipSpace();
        if (!scan.take(','))
            return std::nullopt; // the end of the object (no `name`), or not JSON
        scan.skipSpace();
    }
    // The value of `name`: an object of objects.
    const qsizetype valueBegin = scan.pos;
    if (!scan.take('{'))
        return std::nullopt;
    Split split;
    scan.skipSpace();
    if (!scan.take('}')) {
        for (;;) {
            Member member;
            const std::optional<QByteArrayView> memberName = scan.name(true);
            if (!memberName)
                return std::nullopt;
            member.name = *memberName;
            scan.skipSpace();
            if (!scan.take(':'))
                return std::nullopt;
            scan.skipSpace();
            if (!scan.at('{'))
                return std::nullopt;
            member.begin = scan.pos;
            if (!scan.skipValue(JsonSpans::maxMemberDepth))
                return std::nullopt;
            member.end = scan.pos;
            split.members.append(member);
            scan.skipSpace();
            if (scan.take('}'))
                break;
            if (!scan.take(','))
                return std::nullopt;
            scan.skipSpace();
        }
    }
    const qsizetype valueEnd = scan.pos;
    split.rest.reserve(json.size() - (valueEnd - valueBegin) + 2);
    split.rest.append(json.constData(), valueBegin);
    split.rest.append("{}", 2);
    split.rest.append(json.constData() + valueEnd, json.size() - valueEnd);
    return split;
}
