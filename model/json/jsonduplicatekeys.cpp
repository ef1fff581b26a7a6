#include "json/jsonduplicatekeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QSet>
#include <QtAlgorithms>
#include <QtEndian>

#include <array>
#include <cstring>
#include <string_view>
#include <unordered_set>
#include <vector>

// One pass over the bytes, which is most of what it costs: string values are
// skipped without being decoded, and a member name is compared as the bytes
// it is written with whenever those bytes are plain ASCII. A name with an
// escape or a non-ASCII byte is decoded into a QString first, so that names
// are compared as the JSON parser sees them ("\u0033" is "3"). A JSON path
// is only built for a duplicate.

namespace {

constexpr qsizetype maxDepth = 4096;

// A string token: json[begin] is its opening quote, json[end - 1] the
// closing one (when it is closed).
struct Token
{
    qsizetype begin = 0;
    qsizetype end = 0;
    bool escaped = false;  // has a backslash
    bool nonAscii = false; // has a byte >= 0x80
};

// The bytes of `word` that are a quote, a backslash or >= 0x80, as their high
// bits; the lowest one set is always a real one.
quint64 specialBytes(quint64 word)
{
    constexpr quint64 ones = 0x0101010101010101;
    constexpr quint64 highs = 0x8080808080808080;
    auto zeroBytes = [](quint64 v) { return (v - ones) & ~v & highs; };
    return zeroBytes(word ^ (ones * '"')) | zeroBytes(word ^ (ones * '\\')) | (word & highs);
}

// The string token starting at json[pos] (a quote); pos ends after it.
Token readToken(const QByteArray &json, qsizetype &pos)
{
    Token token;
    token.begin = pos;
    const char *data = json.constData();
    const qsizetype size = json.size();
    ++pos;
    while (pos < size) {
        // Eight plain bytes at a time, up to the next special one.
        while (pos + 8 <= size) {
            const quint64 special = specialBytes(qFromLittleEndian<quint64>(data + pos));
            if (special != 0) {
                pos += qCountTrailingZeroBits(special) / 8;
                break;
            }
            pos += 8;
        }
        if (pos >= size)
            break;
        const char c = data[pos];
        if (c == '\\') {
            token.escaped = true;
            pos += 2;
            continue;
        }
        ++pos;
        if (c == '"')
            break;
        if (static_cast<unsigned char>(c) >= 0x80)
            token.nonAscii = true;
    }
    token.end = qMin(pos, size);
    return token;
}

// The string token starting at json[pos], when only its end matters.
void skipToken(const QByteArray &json, qsizetype &pos)
{
    const char *data = json.constData();
    const char *end = data + json.size();
    const char *p = data + pos + 1;
    while (p < end) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
        if (!quote) {
            p = end;
            break;
        }
        // Escaped when an odd number of backslashes is right before it.
        const char *b = quote;
        while (b > p && b[-1] == '\\')
            --b;
        p = quote + 1;
        if ((quote - b) % 2 == 0)
            break;
    }
    pos = p - data;
}

// The text of a string token, as the JSON parser reads it.
QString decode(const QByteArray &json, const Token &token)
{
    const QByteArray text = json.mid(token.begin, token.end - token.begin);
    if (!token.escaped)
        return QString::fromUtf8(text.constData() + 1, qMax<qsizetype>(text.size() - 2, 0));
    // Escapes (\u0033 is "3" too): let the JSON parser decode them.
    return QJsonDocument::fromJson('[' + text + ']').array().at(0).toString();
}

// The names of one object's members. Plain ASCII names are kept as views of
// the bytes (or of m_owned, for a decoded name that is ASCII after all); any
// other name as a QString with at least one non-ASCII character. The two
// kinds can never be equal.
class NameSet
{
public:
    void clear()
    {
        m_list.clear();
        m_hashed.clear();
        m_unicode.clear();
        m_owned.clear();
    }

    // False when the name was there already.
    bool insert(std::string_view ascii)
    {
        if (m_hashed.empty()) {
            // Length and first and last bytes: most names differ in one of them.
            const quint32 tag = ascii.empty() ? 0
                                              : quint32(ascii.size()) << 16 |
                                                    quint32(quint8(ascii.front())) << 8 |
                                                    quint8(ascii.back());
            for (const Name &known : m_list) {
                if (known.tag == tag && known.text == ascii)
                    return false;
            }
            m_list.push_back({tag, ascii});
            if (m_list.size() > listLimit) {
                for (const Name &name : m_list)
                    m_hashed.insert(name.text);
            }
            return true;
        }
        return m_hashed.insert(ascii).second;
    }

    bool insert(const QString &name)
    {
        bool ascii = true;
        for (const QChar c : name) {
            if (c.unicode() >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            const qsizetype before = m_unicode.size();
            m_unicode.insert(name);
            return m_unicode.size() != before;
        }
        m_owned.push_back(name.toLatin1());
        const QByteArray &bytes = m_owned.back();
        if (insert(std::string_view(bytes.constData(), size_t(bytes.size()))))
            return true;
        m_owned.pop_back();
        return false;
    }

private:
    // Most objects have a few members: a short list beats a hash.
    static constexpr size_t listLimit = 16;
    struct Name
    {
        quint32 tag;
        std::string_view text;
    };
    std::vector<Name> m_list;
    std::unordered_set<std::string_view> m_hashed;
    QSet<QString> m_unicode;
    std::vector<QByteArray> m_owned; // moving a QByteArray keeps its bytes in place
};

struct Level
{
    bool isObject = false;
    bool expectKey = false;
    int index = 0;  // arrays: the current element
    Token lastName; // objects: the name of the current member
    bool named = false;
    NameSet names;
};

// This level's name in its parent: the parent's current member or element.
QString segmentOf(const QByteArray &json, const Level &parent)
{
    if (!parent.isObject)
        return QString::number(parent.index);
    return parent.named ? decode(json, parent.lastName) : QString();
}

QString pathOf(const QByteArray &json, const std::vector<Level> &levels, qsizetype depth,
               const QString &last)
{
    QStringList parts;
    // Below the document and its root object: a level's name is read from
    // its parent.
    for (qsizetype i = 2; i <= depth; ++i)
        parts.append(segmentOf(json, levels[size_t(i - 1)]));
    parts.append(last);
    return parts.join(QLatin1Char('.'));
}

// The scan: one pass over the bytes, a level per open object or array.
class Scanner
{
public:
    Scanner(const QByteArray &json, int limit)
        : m_json(json), m_data(json.constData()), m_size(json.size()), m_limit(limit)
    {
        // m_levels[0] is the document itself; m_levels[m_depth] the innermost
        // open container. Levels are reused, with what their name sets
        // allocated.
        m_levels.resize(1);
        m_levels.reserve(32);
    }

    QStringList run()
    {
        while (m_pos < m_size) {
            if (!structural[static_cast<unsigned char>(m_data[m_pos])]) {
                skipInsignificant();
                continue;
            }
            if (!step())
                break;
        }
        return m_duplicates;
    }

private:
    // Whitespace, digits, letters: passed over in a tight loop.
    static constexpr std::array<bool, 256> structural = [] {
        std::array<bool, 256> table{};
        for (const unsigned char c : {'{', '}', '[', ']', ',', ':', '"'})
            table[c] = true;
        return table;
    }();

    // One byte that is not structural; after a newline, the indentation
    // that follows, eight bytes at a time.
    void skipInsignificant()
    {
        if (m_data[m_pos++] != '\n')
            return;
        constexpr quint64 spaces = 0x2020202020202020;
        while (m_pos + 8 <= m_size) {
            const quint64 other = qFromLittleEndian<quint64>(m_data + m_pos) ^ spaces;
            if (other != 0) {
                m_pos += qCountTrailingZeroBits(other) / 8;
                break;
            }
            m_pos += 8;
        }
    }

    // The structural byte at m_pos; false when the scan is over.
    bool step()
    {
        switch (m_data[m_pos]) {
        case '{':
        case '[':
            return open();
        case '}':
        case ']':
            if (m_depth > 0)
                --m_depth;
            ++m_pos;
            return true;
        case ',':
            nextMember();
            return true;
        case ':':
            m_levels[size_t(m_depth)].expectKey = false;
            ++m_pos;
            return true;
        case '"':
            return string();
        }
        return true;
    }

    bool open()
    {
        // Deeper than QJsonDocument ever nests (1024): not a document it
        // accepted. (The scan may run beside the parser, on any bytes.)
        if (m_depth >= maxDepth)
            return false;
        ++m_depth;
        if (m_levels.size() <= size_t(m_depth))
            m_levels.emplace_back();
        Level &level = m_levels[size_t(m_depth)];
        level.isObject = m_data[m_pos] == '{';
        level.expectKey = level.isObject;
        level.index = 0;
        level.named = false;
        level.names.clear();
        ++m_pos;
        return true;
    }

    void nextMember()
    {
        Level &top = m_levels[size_t(m_depth)];
        if (top.isObject)
            top.expectKey = true;
        else
            ++top.index;
        ++m_pos;
    }

    // A string: a member's name is checked against the object's other
    // names, a value skipped. False when the limit of duplicates is reached.
    bool string()
    {
        Level &top = m_levels[size_t(m_depth)];
        if (!top.isObject || !top.expectKey) {
            skipToken(m_json, m_pos);
            return true;
        }
        const Token token = readToken(m_json, m_pos);
        bool added;
        if (!token.escaped && !token.nonAscii) {
            const qsizetype length = qMax<qsizetype>(token.end - token.begin - 2, 0);
            added = top.names.insert(std::string_view(m_data + token.begin + 1, size_t(length)));
        } else {
            added = top.names.insert(decode(m_json, token));
        }
        top.lastName = token;
        top.named = true;
        if (added)
            return true;
        m_duplicates.append(pathOf(m_json, m_levels, m_depth, decode(m_json, token)));
        return m_duplicates.size() < m_limit;
    }

    const QByteArray &m_json;
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    std::vector<Level> m_levels;
    qsizetype m_depth = 0;
    int m_limit;
    QStringList m_duplicates;
};

} // namespace

QStringList JsonDuplicateKeys::find(const QByteArray &json, int limit)
{
    if (limit <= 0)
        return {};
    return Scanner(json, limit).run();
}
