#include "session/sessioncodec.h"
#include "json/jsonmembers.h"
#include "json/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// JsonMembers: other programs' members held as the text JsonWriter writes for
// them. What it writes into a document must be, byte for byte, what writing
// the QJsonObject member by member gives, at any depth; equal means written
// the same; read back, it is the object a reader of the file gets.
class TestJsonMembers : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatTheObjectWrites_data();
    void writesWhatTheObjectWrites();
    void readsBackAsWritten_data();
    void readsBackAsWritten();
    void equalMeansWrittenTheSame();
    void containsFindsOnlyTheObjectsOwnMembers();
    void namesWithAByteOrderMarkKeepTheirOrder();
    void keepsOnlyTheMembersAsked();
    void withoutLeavesTheOthersAsTheyAre();
    void sessionWithOddMembersReadsBackByteForByte();
    void memberByTheNameOfDirectorsOwnIsNotWrittenTwice();
};

namespace {

QJsonObject oddMembers()
{
    QJsonArray deep{1};
    for (int i = 0; i < 40; ++i)
        deep = QJsonArray{deep, QJsonObject{{QStringLiteral("level"), i}}};
    return QJsonObject{
        {QStringLiteral("metrics"),
         QJsonObject{{QStringLiteral("ssim"), 0.932}, {QStringLiteral("drift"), 3}}},
        {QStringLiteral("breakdown"),
         QJsonObject{{QStringLiteral("identity"),
                      QJsonObject{{QStringLiteral("raw"), 0.1}, {QStringLiteral("passed"), true}}},
                     {QStringLiteral("empty"), QJsonObject()},
                     {QStringLiteral("none"), QJsonArray()}}},
        {QStringLiteral("ünïcödé ✓ 𝄞"), QStringLiteral("日本語 😀")},
        {QStringLiteral("escapes"),
         QStringLiteral("quote \" backslash \\ newline \n tab \t nul %1 bell %2")
             .arg(QChar(0))
             .arg(QChar(7))},
        // A value that looks like the start of a member's line.
        {QStringLiteral("lookalike"), QStringLiteral("\n\"passed\": true")},
        {QStringLiteral("a\": 1, \"b"), QStringLiteral("a name that looks like two")},
        {QStringLiteral(""), QStringLiteral("an empty name")},
        {QStringLiteral("lone surrogate"), QString(QChar(0xd800))},
        {QStringLiteral("bom in a value"), QStringLiteral("\ufeffx")},
        {QStringLiteral("huge"), 1.7976931348623157e308},
        {QStringLiteral("tiny"), 4.9e-324},
        {QStringLiteral("past 2^53"), QJsonValue(qint64(9007199254740993))},
        {QStringLiteral("negative"), -2147483649.0},
        {QStringLiteral("minus zero"), -0.0},
        {QStringLiteral("two"), 2.0},
        {QStringLiteral("null"), QJsonValue()},
        {QStringLiteral("false"), false},
        {QStringLiteral("deep"), deep},
        {QStringLiteral("list"), QJsonArray{QStringLiteral("x"), 1.5, QJsonObject(), QJsonArray{}}},
    };
}

// An object with Director's members and then `extra`, written at `depth`: as
// the encoder writes a QJsonObject's members, and as it writes JsonMembers.
std::pair<QByteArray, int> writtenAsObject(const QJsonObject &extra, int depth)
{
    JsonWriter w(depth);
    w.beginObject();
    w.key(u"own");
    w.number(1);
    JsonWriter::forEachMember(extra, [&](const QString &name, const QJsonValue &value) {
        w.key(name);
        w.value(value);
    });
    w.endObject();
    const int deepest = w.deepest();
    return {w.finishValue(), deepest};
}

std::pair<QByteArray, int> writtenAsMembers(const JsonMembers &extra, int depth, bool own = true)
{
    JsonWriter w(depth);
    w.beginObject();
    if (own) {
        w.key(u"own");
        w.number(1);
    }
    w.members(extra.text(), extra.depth());
    w.endObject();
    const int deepest = w.deepest();
    return {w.finishValue(), deepest};
}

} // namespace

void TestJsonMembers::writesWhatTheObjectWrites_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<int>("depth");
    for (int depth : {0, 1, 3, 7}) {
        QTest::addRow("empty, depth %d", depth) << QJsonObject() << depth;
        QTest::addRow("one number, depth %d", depth)
            << QJsonObject{{QStringLiteral("n"), 1}} << depth;
        QTest::addRow("odd members, depth %d", depth) << oddMembers() << depth;
    }
}

void TestJsonMembers::writesWhatTheObjectWrites()
{
    QFETCH(QJsonObject, object);
    QFETCH(int, depth);
    const JsonMembers members(object);
    QCOMPARE(members.isEmpty(), object.isEmpty());
    const auto expected = writtenAsObject(object, depth);
    const auto written = writtenAsMembers(members, depth);
    QCOMPARE(written.first, expected.first);
    QCOMPARE(written.second, expected.second);
    // Alone in its object, too (no member before it).
    JsonWriter alone(depth);
    alone.beginObject();
    JsonWriter::forEachMember(object, [&](const QString &name, const QJsonValue &value) {
        alone.key(name);
        alone.value(value);
    });
    alone.endObject();
    QCOMPARE(writtenAsMembers(members, depth, false).first, alone.finishValue());
    // Held without the object's indentation: less than it is in a file.
    QVERIFY(members.size() <= expected.first.size());
}

void TestJsonMembers::readsBackAsWritten_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addRow("empty") << QJsonObject();
    QTest::addRow("odd members") << oddMembers();
}

void TestJsonMembers::readsBackAsWritten()
{
    QFETCH(QJsonObject, object);
    const JsonMembers members(object);
    const QJsonObject read = members.object();
    // What a reader of the file gets: the object written and parsed.
    const std::optional<QJsonObject> asWritten = SessionCodec::asWritten(object);
    QVERIFY(asWritten);
    QCOMPARE(read, *asWritten);
    QCOMPARE(JsonMembers(read), members);
    if (!object.isEmpty()) {
        QCOMPARE(members.value(u"two").toDouble(), 2.0);
        QVERIFY(members.text().contains("\n\"two\": 2"));
        QCOMPARE(members.value(u"escapes").toString(), object.value(u"escapes").toString());
        QCOMPARE(members.value(u"ünïcödé ✓ 𝄞").toString(), QStringLiteral("日本語 😀"));
        QCOMPARE(members.value(u"deep").toArray(), object.value(u"deep").toArray());
        QCOMPARE(members.depth(), 41); // "deep": [1] in 40 arrays
    }
}

void TestJsonMembers::equalMeansWrittenTheSame()
{
    QCOMPARE(JsonMembers(), JsonMembers(QJsonObject()));
    const JsonMembers two(QJsonObject{{QStringLiteral("w"), 2.0}, {QStringLiteral("a"), true}});
    const JsonMembers same(QJsonObject{{QStringLiteral("a"), true}, {QStringLiteral("w"), 2}});
    QCOMPARE(two, same); // 2.0 is written 2; the order is the names'
    QVERIFY(!(two ==
              JsonMembers(QJsonObject{{QStringLiteral("w"), 2.5}, {QStringLiteral("a"), true}})));
    QVERIFY(!(two == JsonMembers(QJsonObject{{QStringLiteral("w"), 2}})));
    QVERIFY(!(two == JsonMembers()));
    // A copy shares the text.
    const JsonMembers copy = two;
    QCOMPARE(copy.text().data(), two.text().data());
}

void TestJsonMembers::containsFindsOnlyTheObjectsOwnMembers()
{
    const JsonMembers members(oddMembers());
    QVERIFY(members.contains(u"metrics"));
    QVERIFY(members.contains(u"two"));
    QVERIFY(!members.contains(u"ssim"));   // nested in metrics
    QVERIFY(!members.contains(u"passed")); // nested, and inside a text
    QVERIFY(!members.contains(u"a"));      // the start of a name
    QVERIFY(!members.contains(u"metric"));
    QVERIFY(members.containsAny({u"flags", u"breakdown"}));
    QVERIFY(!members.containsAny({u"flags", u"level"}));
    QVERIFY(!JsonMembers().contains(u"metrics"));
}

void TestJsonMembers::namesWithAByteOrderMarkKeepTheirOrder()
{
    // Read from UTF-8 with a byte order mark at the start of a name, Qt keeps
    // the members in the order of the bytes but the name loses the mark (the
    // bug README's "fixed" list names): written in the order of the names.
    const QJsonObject read =
        QJsonDocument::fromJson("{\"\xEF\xBB\xBFz\": 1, \"w\": 2, \"\\ufeffa\": 3, \"b\": 4}")
            .object();
    QVERIFY(!read.isEmpty());
    const JsonMembers members(read);
    const auto expected = writtenAsObject(read, 2);
    QCOMPARE(writtenAsMembers(members, 2).first, expected.first);
    // Written and read again, it is written the same.
    QCOMPARE(JsonMembers(members.object()), members);
}

void TestJsonMembers::keepsOnlyTheMembersAsked()
{
    const QJsonObject object{
        {QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}, {QStringLiteral("c"), 3}};
    const JsonMembers kept = JsonMembers::of(object, [](qsizetype i) { return i != 1; });
    QCOMPARE(kept, JsonMembers(QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("c"), 3}}));
    QVERIFY(JsonMembers::of(object, [](qsizetype) { return false; }).isEmpty());
}

void TestJsonMembers::withoutLeavesTheOthersAsTheyAre()
{
    const QJsonObject object = oddMembers();
    const JsonMembers members(object);
    const QList<QStringList> cases = {
        {QStringLiteral("breakdown")},                        // the first
        {QStringLiteral("two")},                              // the last
        {QStringLiteral("deep"), QStringLiteral("metrics")},  // nested ones
        {QStringLiteral("nothing"), QStringLiteral("passed")} // none of them
    };
    for (const QStringList &names : cases) {
        QJsonObject expected = object;
        QList<QStringView> views;
        for (const QString &name : names) {
            expected.remove(name);
            views.append(name);
        }
        const JsonMembers without = members.without(views.constData(), views.size());
        QCOMPARE(without, JsonMembers(expected));
        QVERIFY(without.depth() >= JsonMembers(expected).depth());
    }
    const QStringView all[] = {u"a"};
    const JsonMembers one(QJsonObject{{QStringLiteral("a"), 1}});
    QVERIFY(one.without(all, 1).isEmpty());
}

void TestJsonMembers::sessionWithOddMembersReadsBackByteForByte()
{
    DirectorSession s;
    s.sessionId = QStringLiteral("0b6b2a3e-6f3c-4c53-9a2c-1f2f0f5e8d11");
    s.runId = QStringLiteral("run");
    s.moveId = QStringLiteral("walk");
    s.createdAt = s.lastModified = QStringLiteral("2026-01-18T12:00:00.000Z");
    DirectorFrameState &f = s.frames[0];
    f.id = DirectorFrameState::idForIndex(0);
    f.status = FrameStatus::Generated;
    f.imagePath = QStringLiteral("candidates/frame_0000.png");
    f.auditReport.compositeScore = 0.5;
    f.auditReport.extra = JsonMembers(oddMembers());
    AttemptInfo a;
    a.timestamp = s.createdAt;
    a.strategy = QStringLiteral("default");
    a.extra = JsonMembers(QJsonObject{{QStringLiteral("promptHash"), QStringLiteral("p")},
                                      {QStringLiteral("durationMs"), 3050}});
    f.attemptHistory.append(a);

    const QByteArray written = SessionCodec::encode(s);
    const SessionDecodeResult read = SessionCodec::decode(written);
    QVERIFY2(read.isOk(), qPrintable(read.errorText()));
    QCOMPARE(read.session->frames.value(0).auditReport.extra, f.auditReport.extra);
    QCOMPARE(read.session->frames.value(0).attemptHistory.at(0).extra, a.extra);
    QVERIFY(*read.session == s);
    QCOMPARE(SessionCodec::encode(*read.session), written);
    // The members are in the file where they belong.
    const QJsonDocument document = QJsonDocument::fromJson(written);
    QCOMPARE(document.object()
                 .value(u"frames")
                 .toObject()
                 .value(u"0")
                 .toObject()
                 .value(u"auditReport")
                 .toObject()
                 .value(u"metrics"),
             oddMembers().value(u"metrics"));
}

void TestJsonMembers::memberByTheNameOfDirectorsOwnIsNotWrittenTwice()
{
    DirectorSession s;
    s.sessionId = QStringLiteral("0b6b2a3e-6f3c-4c53-9a2c-1f2f0f5e8d11");
    s.runId = QStringLiteral("run");
    s.createdAt = s.lastModified = QStringLiteral("2026-01-18T12:00:00.000Z");
    DirectorFrameState &f = s.frames[0];
    f.id = DirectorFrameState::idForIndex(0);
    f.auditReport.passed = true;
    f.auditReport.extra =
        JsonMembers(QJsonObject{{QStringLiteral("passed"), QStringLiteral("not Director's")},
                                {QStringLiteral("metrics"), QJsonObject{}}});
    const QByteArray written = SessionCodec::encode(s);
    QVERIFY(!written.contains("not Director's"));
    QVERIFY(written.contains("\"metrics\": {}"));
    const SessionDecodeResult read = SessionCodec::decode(written);
    QVERIFY2(read.isOk(), qPrintable(read.errorText()));
    QCOMPARE(read.session->frames.value(0).auditReport.passed, true);
}

QTEST_GUILESS_MAIN(TestJsonMembers)
#include "tst_jsonmembers.moc"
