#include "json/jsonspans.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// JsonSpans: the members of a document's "frames" found without parsing the document, so that
// a session file's frames are parsed one at a time. Each place given must hold exactly that
// member's object, and the rest must be the document without it; whatever the scan cannot vouch
// for gives no split (the whole document is then parsed).
class TestJsonSpans : public QObject
{
    Q_OBJECT

private slots:
    void eachMemberIsFoundWhereItIs();
    void theRestIsTheDocumentWithTheMemberEmpty();
    void anEmptyMemberHasNoMembers();
    void whatTheScanCannotVouchForIsNotSplit_data();
    void whatTheScanCannotVouchForIsNotSplit();
};

namespace {

QByteArray spanOf(const QByteArray &json, const JsonSpans::Member &member)
{
    return json.mid(member.begin, member.end - member.begin);
}

} // namespace

void TestJsonSpans::eachMemberIsFoundWhereItIs()
{
    // Strings with braces, brackets, escaped quotes and backslashes; a "frames" member inside a
    // frame; white space of every kind JSON allows; members before and after.
    const QByteArray json = "\r\n{ \"runId\" : \"a { [ \\\" \\\\\",\t\"n\": [1, {\"frames\": 2}],\n"
                            "  \"frames\"\t:\n { \"0\" : {\"notes\": \"} ] \\\" {\", \"x\": [[]]},"
                            "\"12\":{ \"frames\": {\"0\": {}} } ,\r\n \"3\": {}\n},\n"
                            "  \"after\": null }\n";
    QVERIFY(!QJsonDocument::fromJson(json).isNull());
    const std::optional<JsonSpans::Split> split = JsonSpans::splitMember(json, "frames");
    QVERIFY(split);
    QCOMPARE(split->members.size(), 3);
    const QJsonObject frames = QJsonDocument::fromJson(json).object().value(u"frames").toObject();
    QCOMPARE(split->members.at(0).name, QByteArrayView("0"));
    QCOMPARE(split->members.at(1).name, QByteArrayView("12"));
    QCOMPARE(split->members.at(2).name, QByteArrayView("3"));
    for (const JsonSpans::Member &member : split->members) {
        const QByteArray span = spanOf(json, member);
        QVERIFY2(span.startsWith('{') && span.endsWith('}'), span.constData());
        QCOMPARE(QJsonDocument::fromJson(span).object(),
                 frames.value(QString::fromLatin1(member.name)).toObject());
    }
}

void TestJsonSpans::theRestIsTheDocumentWithTheMemberEmpty()
{
    const QByteArray json = R"({"a": 1, "frames": {"0": {"b": 2}}, "c": [3]})";
    const std::optional<JsonSpans::Split> split = JsonSpans::splitMember(json, "frames");
    QVERIFY(split);
    QCOMPARE(split->rest, QByteArray(R"({"a": 1, "frames": {}, "c": [3]})"));
}

void TestJsonSpans::anEmptyMemberHasNoMembers()
{
    const std::optional<JsonSpans::Split> split =
        JsonSpans::splitMember(R"({"frames": { }})", "frames");
    QVERIFY(split);
    QVERIFY(split->members.isEmpty());
    QCOMPARE(split->rest, QByteArray(R"({"frames": {}})"));
}

void TestJsonSpans::whatTheScanCannotVouchForIsNotSplit_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("no frames") << QByteArray(R"({"a": {"frames": {}}})");
    QTest::newRow("not an object") << QByteArray(R"(["frames", {}])");
    QTest::newRow("frames not an object") << QByteArray(R"({"frames": [{}]})");
    QTest::newRow("a frame not an object") << QByteArray(R"({"frames": {"0": {}, "1": 2}})");
    QTest::newRow("a name with an escape") << QByteArray(R"({"frames": {"\u0030": {}}})");
    QTest::newRow("frames named with an escape") << QByteArray(R"({"fr\u0061mes": {"0": {}}})");
    QTest::newRow("a name before it with an escape")
        << QByteArray(R"({"r\u0075nId": 1, "frames": {"0": {}}})");
    QTest::newRow("a name not ASCII") << QByteArray("{\"frames\": {\"\xc3\xa9\": {}}}");
    QTest::newRow("a trailing comma") << QByteArray(R"({"frames": {"0": {},}})");
    QTest::newRow("no comma") << QByteArray(R"({"frames": {"0": {} "1": {}}})");
    QTest::newRow("no colon") << QByteArray(R"({"frames": {"0" {}}})");
    QTest::newRow("a comment") << QByteArray(R"({"frames": {/* */ "0": {}}})");
    QTest::newRow("unterminated") << QByteArray(R"({"frames": {"0": {"a": "}"})");
    QTest::newRow("too deep") << QByteArray("{\"frames\": {\"0\": {\"a\": ") +
                                     QByteArray(JsonSpans::maxMemberDepth, '[') +
                                     QByteArray(JsonSpans::maxMemberDepth, ']') + "}}}";
}

void TestJsonSpans::whatTheScanCannotVouchForIsNotSplit()
{
    QFETCH(QByteArray, json);
    QVERIFY(!JsonSpans::splitMember(json, "frames"));
}

QTEST_GUILESS_MAIN(TestJsonSpans)
#include "tst_jsonspans.moc"
