#include "run/runpaths.h"
#include "session/sessioncodec.h"
#include "session/sessiondecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// The session file is shared with the TypeScript pipeline: these tests pin
// down what Director reads (tolerant) and writes (exactly the pipeline's form).
class TestSessionCodec : public QObject
{
    Q_OBJECT

private slots:
    void readsTheOlderLayout();
    void writesThePipelineForm();
    void writingIsStableAcrossRoundTrips();
    void roundTripKeepsUnknownMembersEverywhere();
    void problemsNameTheirJsonPath_data();
    void problemsNameTheirJsonPath();
    void notJson_data();
    void notJson();
    void byteOrderMarkIsTolerated();
    void newerSchemaIsRecognised();
    void pathsAreMadeRunRelativeAndKeptInside();
    void imageBase64IsReadButNeverWritten();
    void extraNamedLikeAKnownMemberIsNotWrittenTwice();
    void loneSurrogatesRoundTripExactly();
    void aNameWithAByteOrderMarkIsWrittenTheSameEveryTime_data();
    void aNameWithAByteOrderMarkIsWrittenTheSameEveryTime();
    void everyChangeOfAFrameIsWritten_data();
    void everyChangeOfAFrameIsWritten();
    void repeatedTextsAreShared();
    void offsetTimestampsAreNormalisedToUtc();
    void timestampsAreWrittenWithMilliseconds_data();
    void timestampsAreWrittenWithMilliseconds();
    void bothSpellingsOfAMemberAreNeverSilentlyMerged_data();
    void bothSpellingsOfAMemberAreNeverSilentlyMerged();
    void runsPrefixMustNameThisRun_data();
    void runsPrefixMustNameThisRun();
    void verdictRoundTripsWithItsUnknownMembers();
    void verdictForAnotherStatusIsLeftOut();
    void framesReadOneAtATimeGiveWhatTheWholeDocumentGives_data();
    void framesReadOneAtATimeGiveWhatTheWholeDocumentGives();
};

namespace {

// A session in the older layout Director reads and writes differently
// (docs/session-file.md, Forms Director reads but writes differently):
// snake_case audit keys, no attemptHistory, "runs/<id>/..." paths.
const char olderLayoutExample[] = R"({
  "sessionId": "d290f1ee-6c54-4b01-90e6-d701748f0851",
  "runId": "20260118_blaze_idle_abc123",
  "moveId": "idle_standard",
  "anchorFrameId": "frame_0000",
  "status": "active",
  "createdAt": "2026-01-18T12:00:00.000Z",
  "lastModified": "2026-01-18T12:30:00.000Z",
  "frames": {
    "0": {
      "id": "frame_0000",
      "frameIndex": 0,
      "status": "APPROVED",
      "imagePath": "runs/abc123/approved/frame_0000.png",
      "auditReport": {
        "composite_score": 0.92,
        "flags": [],
        "passed": true
      },
      "directorOverrides": {
        "isPatched": false,
        "patchHistory": []
      }
    },
    "1": {
      "id": "frame_0001",
      "frameIndex": 1,
      "status": "AUDIT_WARN",
      "imagePath": "runs/abc123/candidates/frame_0001_attempt_01_norm.png",
      "auditReport": {
        "composite_score": 0.78,
        "flags": ["SF01_IDENTITY_DRIFT"],
        "passed": false,
        "auto_aligned": true,
        "drift_pixels": 4
      },
      "directorOverrides": {
        "alignment": {
          "frameId": "frame_0001",
          "userOverrideX": -2,
          "userOverrideY": 0,
          "timestamp": "2026-01-18T12:25:00.000Z"
        },
        "isPatched": false,
        "patchHistory": []
      }
    }
  }
})";

// A session in Director's own form with members of other programs at every level.
const char withUnknownMembers[] = R"({
  "schemaVersion": 1,
  "sessionId": "d290f1ee-6c54-4b01-90e6-d701748f0851",
  "runId": "run_1",
  "moveId": "idle_standard",
  "anchorFrameId": "frame_0000",
  "status": "committed",
  "createdAt": "2026-01-18T12:00:00.000Z",
  "lastModified": "2026-01-18T12:30:00.000Z",
  "commitInfo": {"approvedCount": 1, "nudgedCount": 1, "patchedCount": 1,
                 "timestamp": "2026-01-18T12:31:00.000Z", "exportId": "x-1"},
  "frames": {
    "0": {
      "id": "frame_0000", "frameIndex": 0, "status": "APPROVED",
      "imagePath": "candidates/frame_0000_attempt_01.png",
      "auditReport": {"compositeScore": 0.5, "flags": ["SF_NEW_THING"], "passed": true,
                      "autoAligned": false, "driftPixels": 1.5,
                      "metrics": {"ssim": 0.97, "palette_fidelity": 1}, "breakdown": {"identity": {"raw": 0.9}}},
      "directorOverrides": {
        "alignment": {"frameId": "frame_0000", "userOverrideX": -2.5, "userOverrideY": 3,
                      "timestamp": "2026-01-18T12:25:00.000Z", "source": "drag"},
        "isPatched": true,
        "patchHistory": [{"originalPath": "candidates/frame_0000_attempt_01.png",
                          "patchedPath": "patches/frame_0000_p1.png", "maskPath": "patches/m.png",
                          "prompt": "fix the hand", "timestamp": "2026-01-18T12:26:00.000Z",
                          "model": "inpaint-v2"}],
        "notes": "hand \"glitch\"\nsecond line",
        "reviewer": "kim"
      },
      "attemptHistory": [{"attemptIndex": 1, "timestamp": "2026-01-18T11:00:00.000Z",
                          "candidatePath": "candidates/frame_0000_attempt_01.png",
                          "strategy": "default", "reasonCodes": [], "passed": true,
                          "promptHash": "abc", "durationMs": 1200}],
      "pipelineTag": {"nested": [1, 2, {"deep": null}]}
    }
  },
  "pipelineVersion": "2.4.0",
  "zz_last": true
})";

QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray withFrame(const QString &memberPath, const QJsonValue &value)
{
    // Sets one member (dotted path below frames.1) of a valid two-frame session.
    QJsonObject root = QJsonDocument::fromJson(withUnknownMembers).object();
    QJsonObject frames = root.value(u"frames").toObject();
    QJsonObject frame = frames.value(u"0").toObject();
    frame[QStringLiteral("id")] = QStringLiteral("frame_0001");
    frame[QStringLiteral("frameIndex")] = 1;
    frame[QStringLiteral("directorOverrides")] = QJsonObject{
        {QStringLiteral("isPatched"), false}, {QStringLiteral("patchHistory"), QJsonArray()}};
    QStringList parts = memberPath.split(QLatin1Char('.'));
    // Walk down, set, walk back up.
    std::function<QJsonObject(QJsonObject, int)> set = [&](QJsonObject object, int i) {
        if (i == parts.size() - 1) {
            if (value.isUndefined())
                object.remove(parts[i]);
            else
                object[parts[i]] = value;
        } else {
            object[parts[i]] = set(object.value(parts[i]).toObject(), i + 1);
        }
        return object;
    };
    frames[QStringLiteral("1")] = memberPath.isEmpty() ? frame : set(frame, 0);
    root[QStringLiteral("frames")] = frames;
    return QJsonDocument(root).toJson();
}

QStringList problemStrings(const QList<SessionProblem> &problems)
{
    QStringList list;
    for (const SessionProblem &p : problems)
        list.append(p.toString());
    return list;
}

QStringList errorStrings(const SessionDecodeResult &result)
{
    return problemStrings(result.errors);
}

} // namespace

void TestSessionCodec::readsTheOlderLayout()
{
    const RunPaths paths(QStringLiteral("/tmp/runs/abc123"));
    const SessionDecodeResult result = SessionCodec::decode(olderLayoutExample, &paths);
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    const DirectorSession &s = *result.session;
    QCOMPARE(s.sessionId, QStringLiteral("d290f1ee-6c54-4b01-90e6-d701748f0851"));
    QCOMPARE(s.runId, QStringLiteral("20260118_blaze_idle_abc123"));
    QCOMPARE(s.moveId, QStringLiteral("idle_standard"));
    QCOMPARE(s.status, SessionStatus::Active);
    QCOMPARE(s.frames.size(), 2);
    const DirectorFrameState &f1 = s.frames.value(1);
    QCOMPARE(f1.status, FrameStatus::AuditWarn);
    QCOMPARE(f1.auditReport.compositeScore, 0.78);
    QCOMPARE(f1.auditReport.flags, QStringList{QStringLiteral("SF01_IDENTITY_DRIFT")});
    QCOMPARE(f1.auditReport.autoAligned, std::optional(true));
    QCOMPARE(f1.auditReport.driftPixels, std::optional(4.0));
    QVERIFY(f1.auditReport.extra.isEmpty()); // snake_case keys were understood, not kept as unknown
    QVERIFY(f1.directorOverrides.alignment.has_value());
    QCOMPARE(f1.directorOverrides.alignment->userOverrideX, -2.0);
    QCOMPARE(f1.imagePath, QStringLiteral("candidates/frame_0001_attempt_01_norm.png"));
    QCOMPARE(s.frames.value(0).imagePath, QStringLiteral("approved/frame_0000.png"));
    QVERIFY(f1.attemptHistory.isEmpty());

    // Each tolerated form is reported, so `director validate` can say what will change.
    const QString notes = [&] {
        QStringList l;
        for (const SessionProblem &p : result.notes)
            l.append(p.toString());
        return l.join(QLatin1Char('\n'));
    }();
    QVERIFY2(notes.contains(QLatin1String("frames.1.auditReport.composite_score")),
             qPrintable(notes));
    QVERIFY2(notes.contains(QLatin1String("frames.0.attemptHistory")), qPrintable(notes));
}

void TestSessionCodec::writesThePipelineForm()
{
    const SessionDecodeResult result = SessionCodec::decode(olderLayoutExample);
    QVERIFY(result.isOk());
    const QByteArray written = SessionCodec::encode(*result.session);

    // 2-space indentation, like JSON.stringify(session, null, 2).
    const QList<QByteArray> lines = written.split('\n');
    QCOMPARE(lines.at(0), QByteArray("{"));
    QVERIFY2(lines.at(1).startsWith("  \"") && !lines.at(1).startsWith("   "), lines.at(1));
    QVERIFY(written.endsWith("}\n"));
    QVERIFY(written.contains("\"flags\": []"));
    QVERIFY(!written.contains("null"));
    QVERIFY(!written.contains("composite_score"));
    QVERIFY(!written.contains("auto_aligned"));
    QVERIFY(!written.contains("drift_pixels"));

    const QJsonObject root = parse(written);
    QCOMPARE(root.value(u"sessionId").toString(),
             QStringLiteral("d290f1ee-6c54-4b01-90e6-d701748f0851"));
    QCOMPARE(root.value(u"schemaVersion").toInt(), 1);
    const QJsonObject frames = root.value(u"frames").toObject();
    QCOMPARE(frames.keys(), (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
    const QJsonObject f1 = frames.value(u"1").toObject();
    const QJsonObject audit = f1.value(u"auditReport").toObject();
    QCOMPARE(audit.value(u"compositeScore").toDouble(), 0.78);
    QCOMPARE(audit.value(u"autoAligned").toBool(), true);
    QCOMPARE(audit.value(u"driftPixels").toDouble(), 4.0);
    QVERIFY(f1.value(u"attemptHistory").isArray());
    const QJsonObject overrides = f1.value(u"directorOverrides").toObject();
    QVERIFY(overrides.value(u"isPatched").isBool());
    QVERIFY(overrides.value(u"patchHistory").isArray());
    QVERIFY(!overrides.contains(u"notes")); // optional members are left out, never null
    QVERIFY(!frames.value(u"0")
                 .toObject()
                 .value(u"directorOverrides")
                 .toObject()
                 .contains(u"alignment"));
    QVERIFY(!root.contains(u"commitInfo"));
}

void TestSessionCodec::writingIsStableAcrossRoundTrips()
{
    const QByteArray first =
        SessionCodec::encode(*SessionCodec::decode(withUnknownMembers).session);
    const SessionDecodeResult again = SessionCodec::decode(first);
    QVERIFY2(again.isOk(), qPrintable(again.errorText()));
    QVERIFY(again.notes.isEmpty()); // Director's own output needs no tolerance
    QCOMPARE(SessionCodec::encode(*again.session), first);
}

void TestSessionCodec::roundTripKeepsUnknownMembersEverywhere()
{
    const SessionDecodeResult result = SessionCodec::decode(withUnknownMembers);
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    const QJsonObject original = parse(withUnknownMembers);
    const QJsonObject written = parse(SessionCodec::encode(*result.session));
    // Everything that was there is there again, values unchanged.
    QCOMPARE(written, original);
}

void TestSessionCodec::problemsNameTheirJsonPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown status") << withFrame(QStringLiteral("status"), QStringLiteral("DONE"))
                                    << QStringLiteral("frames.1.status: unknown status \"DONE\"");
    QTest::newRow("score out of range")
        << withFrame(QStringLiteral("auditReport.compositeScore"), 1.7)
        << QStringLiteral("frames.1.auditReport.compositeScore: 1.7 is outside 0..1");
    QTest::newRow("negative score")
        << withFrame(QStringLiteral("auditReport.compositeScore"), -0.1)
        << QStringLiteral("frames.1.auditReport.compositeScore: -0.1 is outside 0..1");
    QTest::newRow("index does not match key")
        << withFrame(QStringLiteral("frameIndex"), 7)
        << QStringLiteral("frames.1.frameIndex: 7 does not match its key \"1\"");
    QTest::newRow("id does not match")
        << withFrame(QStringLiteral("id"), QStringLiteral("frame_0009"))
        << QStringLiteral("frames.1.id: \"frame_0009\" does not match the frame index 1");
    QTest::newRow("passed missing")
        << withFrame(QStringLiteral("auditReport.passed"), QJsonValue::Undefined)
        << QStringLiteral("frames.1.auditReport.passed: is missing");
    QTest::newRow("passed as string")
        << withFrame(QStringLiteral("auditReport.passed"), QStringLiteral("yes"))
        << QStringLiteral("frames.1.auditReport.passed: expected true or false, found a string");
    QTest::newRow("null notes")
        << withFrame(QStringLiteral("directorOverrides.notes"), QJsonValue::Null)
        << QStringLiteral("frames.1.directorOverrides.notes: expected a string, found null");
    const auto verdict = [](const char *member, const QJsonValue &value) {
        QJsonObject v{{QStringLiteral("status"), QStringLiteral("APPROVED")},
                      {QStringLiteral("reviewer"), QStringLiteral("alice")},
                      {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:27:00.000Z")}};
        if (value.isUndefined())
            v.remove(QLatin1String(member));
        else
            v[QLatin1String(member)] = value;
        return withFrame(QStringLiteral("directorOverrides.verdict"), v);
    };
    QTest::newRow("verdict not an object")
        << withFrame(QStringLiteral("directorOverrides.verdict"), QStringLiteral("AUDIT_FAIL"))
        << QStringLiteral("frames.1.directorOverrides.verdict: expected an object, found a string");
    QTest::newRow("verdict reviewer a number")
        << verdict("reviewer", 7)
        << QStringLiteral(
               "frames.1.directorOverrides.verdict.reviewer: expected a string, found a number");
    QTest::newRow("verdict reviewer empty")
        << verdict("reviewer", QStringLiteral(" "))
        << QStringLiteral("frames.1.directorOverrides.verdict.reviewer: is empty");
    QTest::newRow("verdict without reviewer")
        << verdict("reviewer", QJsonValue::Undefined)
        << QStringLiteral("frames.1.directorOverrides.verdict.reviewer: is missing");
    QTest::newRow("verdict status not a verdict")
        << verdict("status", QStringLiteral("AUDIT_WARN"))
        << QStringLiteral("frames.1.directorOverrides.verdict.status: \"AUDIT_WARN\" is not a "
                          "verdict");
    QTest::newRow("verdict time without zone")
        << verdict("timestamp", QStringLiteral("2026-01-18T12:27:00"))
        << QStringLiteral("frames.1.directorOverrides.verdict.timestamp: ");
    QTest::newRow("verdict null reason")
        << verdict("reason", QJsonValue::Null)
        << QStringLiteral(
               "frames.1.directorOverrides.verdict.reason: expected a string, found null");
    QTest::newRow("verdict reason code not a code")
        << verdict("reasonCode", QStringLiteral("hand drifts"))
        << QStringLiteral("frames.1.directorOverrides.verdict.reasonCode: \"hand drifts\" is not a "
                          "reason code");
    QTest::newRow("approval with a reason")
        << verdict("reasonCode", QStringLiteral("SF01_IDENTITY_DRIFT"))
        << QStringLiteral("frames.1.directorOverrides.verdict.reasonCode: only a rejection");
    QTest::newRow("NaN as string")
        << withFrame(QStringLiteral("directorOverrides.alignment"),
                     QJsonObject{
                         {QStringLiteral("frameId"), QStringLiteral("frame_0001")},
                         {QStringLiteral("userOverrideX"), QStringLiteral("NaN")},
                         {QStringLiteral("userOverrideY"), 0},
                         {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:25:00.000Z")}})
        << QStringLiteral("frames.1.directorOverrides.alignment.userOverrideX: expected a number, "
                          "found a string");
    QTest::newRow("huge offset")
        << withFrame(QStringLiteral("directorOverrides.alignment"),
                     QJsonObject{
                         {QStringLiteral("frameId"), QStringLiteral("frame_0001")},
                         {QStringLiteral("userOverrideX"), 1e12},
                         {QStringLiteral("userOverrideY"), 0},
                         {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:25:00.000Z")}})
        << QStringLiteral(
               "frames.1.directorOverrides.alignment.userOverrideX: 1000000000000 is outside");
    QTest::newRow("attempt index zero")
        << withFrame(QStringLiteral("attemptHistory"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("attemptIndex"), 0},
                         {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:25:00.000Z")},
                         {QStringLiteral("candidatePath"), QStringLiteral("c.png")},
                         {QStringLiteral("strategy"), QStringLiteral("s")},
                         {QStringLiteral("reasonCodes"), QJsonArray()},
                         {QStringLiteral("passed"), false}}})
        << QStringLiteral("frames.1.attemptHistory.0.attemptIndex: 0 is outside 1..");
    QTest::newRow("flag not a string")
        << withFrame(QStringLiteral("auditReport.flags"), QJsonArray{1})
        << QStringLiteral("frames.1.auditReport.flags.0: expected a string, found a number");
    QTest::newRow("patched without history")
        << withFrame(QStringLiteral("directorOverrides.isPatched"), true)
        << QStringLiteral(
               "frames.1.directorOverrides.isPatched: is true but patchHistory has no entry");
    QTest::newRow("timestamp without zone")
        << withFrame(QStringLiteral("attemptHistory"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("attemptIndex"), 1},
                         {QStringLiteral("timestamp"), QStringLiteral("2026-01-18 12:25")},
                         {QStringLiteral("candidatePath"), QStringLiteral("c.png")},
                         {QStringLiteral("strategy"), QStringLiteral("s")},
                         {QStringLiteral("reasonCodes"), QJsonArray()},
                         {QStringLiteral("passed"), false}}})
        << QStringLiteral("frames.1.attemptHistory.0.timestamp: \"2026-01-18 12:25\" is not an ISO "
                          "8601 UTC timestamp");

    QJsonObject root = parse(withUnknownMembers);
    QJsonObject frames = root.value(u"frames").toObject();
    frames[QStringLiteral("01")] = frames.value(u"0");
    root[QStringLiteral("frames")] = frames;
    QTest::newRow("padded key") << QJsonDocument(root).toJson()
                                << QStringLiteral("frames.01: the key must be a frame index");

    root = parse(withUnknownMembers);
    root[QStringLiteral("sessionId")] = QStringLiteral("not-a-uuid");
    QTest::newRow("bad session id") << QJsonDocument(root).toJson()
                                    << QStringLiteral("sessionId: \"not-a-uuid\" is not a UUID");
    root = parse(withUnknownMembers);
    root.remove(u"runId");
    QTest::newRow("run id missing")
        << QJsonDocument(root).toJson() << QStringLiteral("runId: is missing");
    root = parse(withUnknownMembers);
    root[QStringLiteral("status")] = QStringLiteral("paused");
    QTest::newRow("session status") << QJsonDocument(root).toJson()
                                    << QStringLiteral("status: unknown session status \"paused\"");
    root = parse(withUnknownMembers);
    root[QStringLiteral("frames")] = QJsonArray();
    QTest::newRow("frames as array")
        << QJsonDocument(root).toJson()
        << QStringLiteral("frames: expected an object, found an array");
    QByteArray twice(withUnknownMembers);
    twice.replace("\"frames\": {", "\"frames\": {\n    \"0\": {\"id\": \"frame_0000\"},");
    QTest::newRow("frame key twice") << twice << QStringLiteral("frames.0: appears more than once");
    QByteArray escapedTwice(withUnknownMembers);
    escapedTwice.replace("\"frames\": {",
                         "\"frames\": {\n    \"\\u0030\": {\"id\": \"frame_0000\"},");
    QTest::newRow("frame key twice, once escaped")
        << escapedTwice << QStringLiteral("frames.0: appears more than once");
    QByteArray nestedTwice(withUnknownMembers);
    nestedTwice.replace("\"passed\": true,\n", "\"passed\": true, \"passed\": false,\n");
    QTest::newRow("member twice in an attempt")
        << nestedTwice
        << QStringLiteral("frames.0.attemptHistory.0.passed: appears more than once");
    // Many frames: the names of a large object are found another way.
    QByteArray manyFrames(withUnknownMembers);
    QByteArray moreFrames;
    for (int i = 1; i <= 40; ++i)
        moreFrames += "\n    \"" + QByteArray::number(i) + "\": {},";
    manyFrames.replace("\"frames\": {", "\"frames\": {" + moreFrames + "\n    \"17\": {},");
    QTest::newRow("frame key twice among many")
        << manyFrames << QStringLiteral("frames.17: appears more than once");
    // Names beyond ASCII, once written as they are and once escaped.
    QByteArray accented(withUnknownMembers);
    accented.replace("\"reviewer\": \"kim\"",
                     "\"r\xC3\xA9viseur\": \"kim\", \"r\\u00e9viseur\": \"lee\"");
    QTest::newRow("accented member twice, once escaped")
        << accented
        << QString::fromUtf8("frames.0.directorOverrides.r\xC3\xA9viseur: appears more than once");

    // commitInfo is there exactly when the session is committed.
    root = parse(withUnknownMembers);
    root.remove(u"commitInfo");
    QTest::newRow("committed without commitInfo")
        << QJsonDocument(root).toJson()
        << QStringLiteral("commitInfo: is missing: a committed session has one");
    for (const char *status : {"active", "discarded"}) {
        root = parse(withUnknownMembers);
        root[QStringLiteral("status")] = QLatin1String(status);
        QTest::addRow("%s with commitInfo", status)
            << QJsonDocument(root).toJson()
            << QStringLiteral("commitInfo: is present, but the session is \"%1\"")
                   .arg(QLatin1String(status));
    }
    // The anchor is frame 0, written as the pipeline writes it.
    for (const char *anchor : {"frame_0001", "frame_0", "frame_00000"}) {
        root = parse(withUnknownMembers);
        root[QStringLiteral("anchorFrameId")] = QLatin1String(anchor);
        QTest::addRow("anchor %s", anchor)
            << QJsonDocument(root).toJson()
            << QStringLiteral("anchorFrameId: \"%1\" is not \"frame_0000\"")
                   .arg(QLatin1String(anchor));
    }
    QTest::newRow("top-level array")
        << QByteArray("[1, 2]") << QStringLiteral("expected a JSON object at the top level");
}

void TestSessionCodec::problemsNameTheirJsonPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const SessionDecodeResult result = SessionCodec::decode(json);
    QCOMPARE(result.state, SessionDecodeResult::State::Invalid);
    QVERIFY(!result.session.has_value());
    const QStringList errors = errorStrings(result);
    const bool found = std::any_of(errors.begin(), errors.end(),
                                   [&](const QString &e) { return e.startsWith(expected); });
    QVERIFY2(found, qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestSessionCodec::notJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \n\t ");
    QTest::newRow("truncated") << QByteArray(withUnknownMembers).left(300);
    QTest::newRow("garbage") << QByteArray("\x01\x02 not json at all \xff\xfe");
    QTest::newRow("invalid utf-8 in a string") << QByteArray("{\"runId\": \"\xc3\x28\"}");
    QTest::newRow("too large") << QByteArray(SessionCodec::maxFileSize + 1, ' ');
}

void TestSessionCodec::notJson()
{
    QFETCH(QByteArray, bytes);
    const SessionDecodeResult result = SessionCodec::decode(bytes);
    QCOMPARE(result.state, SessionDecodeResult::State::NotJson);
    QVERIFY(!result.errors.isEmpty());
    QVERIFY(!result.errorText().isEmpty());
}

void TestSessionCodec::byteOrderMarkIsTolerated()
{
    const SessionDecodeResult result =
        SessionCodec::decode(QByteArray("\xEF\xBB\xBF") + withUnknownMembers);
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    QVERIFY(!SessionCodec::encode(*result.session).startsWith("\xEF\xBB\xBF"));
}

void TestSessionCodec::newerSchemaIsRecognised()
{
    QJsonObject root = parse(withUnknownMembers);
    root[QStringLiteral("schemaVersion")] = DirectorSession::currentSchemaVersion + 1;
    const SessionDecodeResult result = SessionCodec::decode(QJsonDocument(root).toJson());
    QCOMPARE(result.state, SessionDecodeResult::State::NewerSchema);
    QVERIFY(result.errorText().contains(QLatin1String("newer Director")));
}

void TestSessionCodec::pathsAreMadeRunRelativeAndKeptInside()
{
    const RunPaths paths(QStringLiteral("/data/runs/run_1"));
    SessionDecodeResult ok = SessionCodec::decode(
        withFrame(QStringLiteral("imagePath"), QStringLiteral("/data/runs/run_1/candidates/a.png")),
        &paths);
    QVERIFY2(ok.isOk(), qPrintable(ok.errorText()));
    QCOMPARE(ok.session->frames.value(1).imagePath, QStringLiteral("candidates/a.png"));

    for (const QString &outside :
         {QStringLiteral("../../etc/passwd"), QStringLiteral("/etc/passwd"),
          QStringLiteral("candidates/../../run_2/a.png"),
          QStringLiteral("/data/runs/run_1/../run_2/a.png")}) {
        const SessionDecodeResult refused =
            SessionCodec::decode(withFrame(QStringLiteral("imagePath"), outside), &paths);
        QCOMPARE(refused.state, SessionDecodeResult::State::Invalid);
        QVERIFY2(refused.errorText().contains(QLatin1String("frames.1.imagePath")) &&
                     refused.errorText().contains(QLatin1String("outside the run folder")),
                 qPrintable(refused.errorText()));
    }
    const SessionDecodeResult patch = SessionCodec::decode(withUnknownMembers, &paths);
    QVERIFY(patch.isOk());
    QJsonObject root = parse(withUnknownMembers);
    QByteArray bad =
        QJsonDocument(root).toJson().replace("patches/frame_0000_p1.png", "/tmp/evil.png");
    const SessionDecodeResult refused = SessionCodec::decode(bad, &paths);
    QVERIFY2(refused.errorText().contains(
                 QLatin1String("frames.0.directorOverrides.patchHistory.0.patchedPath")),
             qPrintable(refused.errorText()));
}

void TestSessionCodec::imageBase64IsReadButNeverWritten()
{
    const SessionDecodeResult result = SessionCodec::decode(
        withFrame(QStringLiteral("imageBase64"), QStringLiteral("iVBORw0KGgo=")));
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    QVERIFY(!SessionCodec::encode(*result.session).contains("imageBase64"));
}

void TestSessionCodec::offsetTimestampsAreNormalisedToUtc()
{
    QJsonObject root = parse(withUnknownMembers);
    root[QStringLiteral("createdAt")] = QStringLiteral("2026-01-18T14:00:00+02:00");
    const SessionDecodeResult result = SessionCodec::decode(QJsonDocument(root).toJson());
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    QCOMPARE(result.session->createdAt, QStringLiteral("2026-01-18T12:00:00.000Z"));
    QVERIFY(parse(SessionCodec::encode(*result.session))
                .value(u"createdAt")
                .toString()
                .endsWith(QLatin1Char('Z')));
}

void TestSessionCodec::timestampsAreWrittenWithMilliseconds_data()
{
    QTest::addColumn<QString>("member"); // "" for createdAt, else below frames.1
    QTest::addColumn<QString>("read");
    QTest::addColumn<QString>("written");

    for (const QString &member :
         {QString(), QStringLiteral("directorOverrides.alignment.timestamp")}) {
        const char *where = member.isEmpty() ? "createdAt" : "alignment";
        QTest::addRow("%s without milliseconds", where)
            << member << QStringLiteral("2026-01-18T12:00:00Z")
            << QStringLiteral("2026-01-18T12:00:00.000Z");
        QTest::addRow("%s with tenths", where) << member << QStringLiteral("2026-01-18T12:00:00.5Z")
                                               << QStringLiteral("2026-01-18T12:00:00.500Z");
        QTest::addRow("%s with hundredths", where)
            << member << QStringLiteral("2026-01-18T12:00:00.25Z")
            << QStringLiteral("2026-01-18T12:00:00.250Z");
        QTest::addRow("%s with microseconds", where)
            << member << QStringLiteral("2026-01-18T12:00:00.123456Z")
            << QStringLiteral("2026-01-18T12:00:00.123Z");
    }
}

void TestSessionCodec::timestampsAreWrittenWithMilliseconds()
{
    // Read tolerantly, written in the one form the pipeline accepts.
    QFETCH(QString, member);
    QFETCH(QString, read);
    QFETCH(QString, written);

    QByteArray json;
    QString notePath;
    if (member.isEmpty()) {
        QJsonObject root = parse(withUnknownMembers);
        root[QStringLiteral("createdAt")] = read;
        json = QJsonDocument(root).toJson();
        notePath = QStringLiteral("createdAt");
    } else {
        json = withFrame(QStringLiteral("directorOverrides.alignment"),
                         QJsonObject{{QStringLiteral("frameId"), QStringLiteral("frame_0001")},
                                     {QStringLiteral("userOverrideX"), 1},
                                     {QStringLiteral("userOverrideY"), 0},
                                     {QStringLiteral("timestamp"), read}});
        notePath = QStringLiteral("frames.1.") + member;
    }
    const SessionDecodeResult result = SessionCodec::decode(json);
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    const bool noted = std::any_of(result.notes.begin(), result.notes.end(),
                                   [&](const SessionProblem &p) { return p.path == notePath; });
    QVERIFY2(noted, qPrintable(notePath));

    const QByteArray encoded = SessionCodec::encode(*result.session);
    QVERIFY2(!encoded.contains(read.toUtf8()), encoded.constData());
    const QJsonObject root = parse(encoded);
    const QString actual =
        member.isEmpty()
            ? root.value(u"createdAt").toString()
            : root.value(u"frames")[u"1"][u"directorOverrides"][u"alignment"][u"timestamp"]
                  .toString();
    QCOMPARE(actual, written);
    const SessionDecodeResult again = SessionCodec::decode(encoded);
    QVERIFY(again.isOk());
    QVERIFY(again.notes.isEmpty());
}

void TestSessionCodec::bothSpellingsOfAMemberAreNeverSilentlyMerged_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QJsonValue>("other");

    QTest::newRow("compositeScore")
        << QStringLiteral("compositeScore") << QStringLiteral("composite_score") << QJsonValue(0.5)
        << QJsonValue(0.75);
    QTest::newRow("autoAligned") << QStringLiteral("autoAligned") << QStringLiteral("auto_aligned")
                                 << QJsonValue(false) << QJsonValue(true);
    QTest::newRow("driftPixels") << QStringLiteral("driftPixels") << QStringLiteral("drift_pixels")
                                 << QJsonValue(1.5) << QJsonValue(4);
}

void TestSessionCodec::bothSpellingsOfAMemberAreNeverSilentlyMerged()
{
    // Only the camelCase spelling is written: a second spelling is either the
    // same value (dropped, with a note) or a problem at its JSON path.
    QFETCH(QString, name);
    QFETCH(QString, alias);
    QFETCH(QJsonValue, value);
    QFETCH(QJsonValue, other);
    const QString aliasPath = QStringLiteral("frames.0.auditReport.") + alias;

    auto withBoth = [&](const QJsonValue &aliased) {
        QJsonObject root = parse(withUnknownMembers);
        QJsonObject frames = root.value(u"frames").toObject();
        QJsonObject frame = frames.value(u"0").toObject();
        QJsonObject audit = frame.value(u"auditReport").toObject();
        audit[name] = value;
        audit[alias] = aliased;
        frame[QStringLiteral("auditReport")] = audit;
        frames[QStringLiteral("0")] = frame;
        root[QStringLiteral("frames")] = frames;
        return QJsonDocument(root).toJson();
    };

    const SessionDecodeResult differ = SessionCodec::decode(withBoth(other));
    QCOMPARE(differ.state, SessionDecodeResult::State::Invalid);
    QVERIFY2(
        errorStrings(differ).join(QLatin1Char('\n')).contains(aliasPath + QStringLiteral(": ")),
        qPrintable(differ.errorText()));
    QVERIFY2(differ.errorText().contains(QLatin1String("differs from ") + name),
             qPrintable(differ.errorText()));

    const SessionDecodeResult same = SessionCodec::decode(withBoth(value));
    QVERIFY2(same.isOk(), qPrintable(same.errorText()));
    const bool noted = std::any_of(same.notes.begin(), same.notes.end(),
                                   [&](const SessionProblem &p) { return p.path == aliasPath; });
    QVERIFY(noted);
    const QJsonObject audit = parse(SessionCodec::encode(*same.session))
                                  .value(u"frames")[u"0"][u"auditReport"]
                                  .toObject();
    QCOMPARE(audit.value(name), value);
    QVERIFY(!audit.contains(alias));
}

void TestSessionCodec::runsPrefixMustNameThisRun_data()
{
    QTest::addColumn<QString>("runDir");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("expected"); // the run-relative path, or a part of the error

    // withUnknownMembers has runId "run_1".
    const QString home = QStringLiteral("/data/runs/run_1");
    const QString moved = QStringLiteral("/data/archive/renamed");
    QTest::newRow("run-relative") << home << QStringLiteral("candidates/a.png")
                                  << QStringLiteral("candidates/a.png");
    QTest::newRow("this run's prefix") << home << QStringLiteral("runs/run_1/candidates/a.png")
                                       << QStringLiteral("candidates/a.png");
    QTest::newRow("absolute inside") << home << QStringLiteral("/data/runs/run_1/candidates/a.png")
                                     << QStringLiteral("candidates/a.png");
    QTest::newRow("moved run, prefix of its runId")
        << moved << QStringLiteral("runs/run_1/candidates/a.png")
        << QStringLiteral("candidates/a.png");
    QTest::newRow("moved run, prefix of its folder")
        << moved << QStringLiteral("runs/renamed/candidates/a.png")
        << QStringLiteral("candidates/a.png");
    QTest::newRow("another run") << home << QStringLiteral("runs/run_2/candidates/a.png")
                                 << QStringLiteral("leads into another run (\"run_2\")");
    QTest::newRow("another run, through this one")
        << home << QStringLiteral("runs/run_1/../run_2/candidates/a.png")
        << QStringLiteral("leads into another run (\"run_2\")");
    QTest::newRow("out of the runs folder")
        << home << QStringLiteral("runs/run_1/../../candidates/a.png")
        << QStringLiteral("leads outside the run folder");
    QTest::newRow("the run folder itself")
        << home << QStringLiteral("runs/run_1") << QStringLiteral("leads outside the run folder");
    QTest::newRow("moved run, its old folder is another run")
        << moved << QStringLiteral("runs/run_9/candidates/a.png")
        << QStringLiteral("leads into another run (\"run_9\")");
}

void TestSessionCodec::runsPrefixMustNameThisRun()
{
    QFETCH(QString, runDir);
    QFETCH(QString, stored);
    QFETCH(QString, expected);
    const RunPaths paths(runDir);
    const SessionDecodeResult result =
        SessionCodec::decode(withFrame(QStringLiteral("imagePath"), stored), &paths);
    if (!expected.contains(QLatin1Char(' '))) {
        QVERIFY2(result.isOk(), qPrintable(result.errorText()));
        QCOMPARE(result.session->frames.value(1).imagePath, expected);
        return;
    }
    QCOMPARE(result.state, SessionDecodeResult::State::Invalid);
    QVERIFY2(result.errorText().contains(QStringLiteral("frames.1.imagePath: \"%1\" ").arg(stored) +
                                         expected),
             qPrintable(result.errorText()));
}

void TestSessionCodec::extraNamedLikeAKnownMemberIsNotWrittenTwice()
{
    DirectorSession s = *SessionCodec::decode(withUnknownMembers).session;
    AttemptInfo &attempt = s.frames[0].attemptHistory[0];
    QJsonObject members = attempt.extra.object();
    members.insert(QStringLiteral("timestamp"), QStringLiteral("not Director's"));
    attempt.extra = JsonMembers(members);
    s.frames[0].extra.insert(QStringLiteral("status"), QStringLiteral("DONE"));
    const QByteArray written = SessionCodec::encode(s);
    const SessionDecodeResult again = SessionCodec::decode(written);
    QVERIFY2(again.isOk(), qPrintable(again.errorText()));
    QCOMPARE(again.session->frames.value(0).attemptHistory.at(0).timestamp, attempt.timestamp);
    QCOMPARE(again.session->frames.value(0).status, FrameStatus::Approved);
    QVERIFY(!written.contains("not Director's"));
}

void TestSessionCodec::loneSurrogatesRoundTripExactly()
{
    // Legal JSON that has no UTF-8 form: kept as the escape it was.
    QByteArray input(withUnknownMembers);
    input.replace("\"pipelineVersion\": \"2.4.0\"", "\"pipelineVersion\": \"2.4\\ud800-\\udfff\"");
    const SessionDecodeResult first = SessionCodec::decode(input);
    QVERIFY2(first.isOk(), qPrintable(first.errorText()));
    const QByteArray written = SessionCodec::encode(*first.session);
    QVERIFY2(written.contains("2.4\\ud800-\\udfff"), written.constData());
    const SessionDecodeResult again = SessionCodec::decode(written);
    QVERIFY(again.isOk());
    QCOMPARE(again.session->extra.value(u"pipelineVersion"),
             first.session->extra.value(u"pipelineVersion"));
}

// QJsonObject orders a name read with a leading U+FEFF by that character,
// and QString drops it: "" after "w". Found by the fuzzer: what Director
// writes, it must read back to the same bytes.
void TestSessionCodec::aNameWithAByteOrderMarkIsWrittenTheSameEveryTime_data()
{
    QTest::addColumn<QByteArray>("members");
    // In another program's object, and among another program's members of
    // an object Director writes (the root; an attempt, as the fuzzer found).
    QTest::newRow("nested") << QByteArray(
        "\"pipelineVersion\": {\"passed\": true, \"\xef\xbb\xbf\": 1, \"weighted\": 0.3}");
    QTest::newRow("beside Director's own members")
        << QByteArray("\"pipelineVersion\": \"2.4.0\", \"\xef\xbb\xbf"
                      "aaa\": 0.958");
}

void TestSessionCodec::aNameWithAByteOrderMarkIsWrittenTheSameEveryTime()
{
    QFETCH(QByteArray, members);
    QByteArray input(withUnknownMembers);
    input.replace("\"pipelineVersion\": \"2.4.0\"", members);
    const SessionDecodeResult first = SessionCodec::decode(input);
    QVERIFY2(first.isOk(), qPrintable(first.errorText()));
    const QByteArray written = SessionCodec::encode(*first.session);
    const SessionDecodeResult again = SessionCodec::decode(written);
    QVERIFY2(again.isOk(), qPrintable(again.errorText()));
    QCOMPARE(SessionCodec::encode(*again.session), written);
}

void TestSessionCodec::everyChangeOfAFrameIsWritten_data()
{
    QTest::addColumn<int>("change");
    for (int change = 0; change < 8; ++change)
        QTest::addRow("change %d", change) << change;
}

// The frames a session shares with the one written before are written from
// what was written then (the cache of whoever saves): a frame that changed in
// any way is written anew, and the bytes are those of a write without it.
void TestSessionCodec::everyChangeOfAFrameIsWritten()
{
    QFETCH(int, change);
    SessionEncoder::FrameCache cache;
    // A save writes the same bytes in pieces (SessionStore), with a cache of its own.
    SessionEncoder::FrameCache piecesCache;
    const DirectorSession original = *SessionCodec::decode(withUnknownMembers).session;
    const QByteArray originalBytes = SessionCodec::encode(original, &cache);
    QCOMPARE(SessionCodec::encode(original), originalBytes);
    QCOMPARE(SessionEncoder::encodePieces(original, piecesCache).joined(), originalBytes);
    DirectorSession changed = original;
    DirectorFrameState &frame = changed.frames[0];
    switch (change) {
    case 0:
        frame.status = FrameStatus::AuditFail;
        break;
    case 1:
        frame.directorOverrides.notes = QStringLiteral("hand \"glitch\"\nsecond line!");
        break;
    case 2:
        frame.directorOverrides.alignment->userOverrideX = -2.25;
        break;
    case 3: {
        QJsonObject details = frame.auditReport.extra.object();
        details[QStringLiteral("metrics")] = QJsonObject{{QStringLiteral("ssim"), 0.5}};
        frame.auditReport.extra = JsonMembers(details);
        break;
    }
    case 4:
        frame.attemptHistory[0].strategy = QStringLiteral("reroll_seed");
        break;
    case 5:
        frame.directorOverrides.patchHistory.append(frame.directorOverrides.patchHistory.first());
        break;
    case 6:
        frame.extra.insert(QStringLiteral("reviewedBy"), QStringLiteral("kim"));
        break;
    case 7:
        changed.frames.insert(1, frame);
        changed.frames[1].frameIndex = 1;
        changed.frames[1].id = DirectorFrameState::idForIndex(1);
        changed.frames[1].directorOverrides.alignment->frameId = changed.frames[1].id;
        break;
    }
    const QByteArray written = SessionCodec::encode(changed, &cache);
    QVERIFY(written != originalBytes);
    QCOMPARE(SessionCodec::encode(changed), written);
    const SessionEncoder::Pieces pieces = SessionEncoder::encodePieces(changed, piecesCache);
    QCOMPARE(pieces.joined(), written);
    QCOMPARE(pieces.size, written.size());
    QCOMPARE(pieces.deepest, SessionEncoder::encode(changed).deepest);
    const SessionDecodeResult read = SessionCodec::decode(written);
    QVERIFY2(read.isOk(), qPrintable(read.errorText()));
    QVERIFY(*read.session == changed);
    // And back: the first session is written as it was.
    QCOMPARE(SessionCodec::encode(original, &cache), originalBytes);
    QCOMPARE(SessionEncoder::encodePieces(original, piecesCache).joined(), originalBytes);
}

// A session read from its file holds one copy of the texts its frames repeat: the same
// session, in less memory.
void TestSessionCodec::repeatedTextsAreShared()
{
    DirectorSession session;
    session.sessionId = QStringLiteral("d290f1ee-6c54-4b01-90e6-d701748f0851");
    session.runId = QStringLiteral("run_1");
    session.moveId = QStringLiteral("idle");
    session.createdAt = session.lastModified = QStringLiteral("2026-01-18T12:00:00.000Z");
    for (int index = 0; index < 3; ++index) {
        DirectorFrameState frame;
        frame.frameIndex = index;
        frame.id = DirectorFrameState::idForIndex(index);
        frame.status = FrameStatus::AuditWarn;
        frame.imagePath = QStringLiteral("candidates/%1_attempt_01.png").arg(frame.id);
        frame.auditReport.flags = {QStringLiteral("SF04_BASELINE_DRIFT")};
        AttemptInfo attempt;
        attempt.timestamp = session.createdAt;
        attempt.candidatePath = frame.imagePath;
        attempt.strategy = QStringLiteral("default");
        attempt.reasonCodes = {QStringLiteral("SF04_BASELINE_DRIFT")};
        frame.attemptHistory = {attempt};
        session.frames.insert(index, frame);
    }
    const QByteArray bytes = SessionCodec::encode(session);
    const SessionDecodeResult read = SessionCodec::decode(bytes);
    QVERIFY2(read.isOk(), qPrintable(read.errorText()));
    QCOMPARE(*read.session, session);
    QCOMPARE(SessionCodec::encode(*read.session), bytes);
    const DirectorFrameState &first = read.session->frames[0];
    const DirectorFrameState &second = read.session->frames[1];
    QVERIFY(first.attemptHistory[0].candidatePath.isSharedWith(first.imagePath));
    QVERIFY(first.attemptHistory[0].strategy.isSharedWith(second.attemptHistory[0].strategy));
    QVERIFY(first.auditReport.flags[0].isSharedWith(second.attemptHistory[0].reasonCodes[0]));
}

namespace {

// A session of `count` frames, each a copy of withUnknownMembers' frame 0 with its own index.
QByteArray manyFrames(int count, QJsonDocument::JsonFormat format)
{
    QJsonObject root = QJsonDocument::fromJson(withUnknownMembers).object();
    root[QStringLiteral("status")] = QStringLiteral("active");
    root.remove(QStringLiteral("commitInfo"));
    const QJsonObject first = root.value(u"frames").toObject().value(u"0").toObject();
    QJsonObject frames;
    for (int i = 0; i < count; ++i) {
        QJsonObject frame = first;
        frame[QStringLiteral("id")] = DirectorFrameState::idForIndex(i);
        frame[QStringLiteral("frameIndex")] = i;
        frame[QStringLiteral("status")] =
            i % 3 == 0 ? QStringLiteral("APPROVED") : QStringLiteral("AUDIT_WARN");
        frames[QString::number(i)] = frame;
    }
    root[QStringLiteral("frames")] = frames;
    return QJsonDocument(root).toJson(format);
}

QByteArray replaced(QByteArray bytes, const QByteArray &before, const QByteArray &after)
{
    const qsizetype at = bytes.indexOf(before);
    if (at < 0)
        qFatal("no %s in the document", before.constData());
    return bytes.replace(at, before.size(), after);
}

} // namespace

// `frames` of manyFrames' session written in this order, first in the document, as the members
// named in `order` (a frame index names a copy of its frame; another name, frame 0's copy).
QByteArray framesInOrder(const QStringList &order)
{
    const QJsonObject session =
        QJsonDocument::fromJson(manyFrames(40, QJsonDocument::Compact)).object();
    const QJsonObject frames = session.value(u"frames").toObject();
    QJsonObject rest = session;
    rest.remove(QStringLiteral("frames"));
    QByteArrayList members;
    for (const QString &name : order) {
        const QJsonObject frame =
            frames.value(frames.contains(name) ? name : QStringLiteral("0")).toObject();
        members.append('"' + name.toUtf8() +
                       "\":" + QJsonDocument(frame).toJson(QJsonDocument::Compact));
    }
    return "{\"frames\":{" + members.join(',') + "}," +
           QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
}

void TestSessionCodec::framesReadOneAtATimeGiveWhatTheWholeDocumentGives_data()
{
    QTest::addColumn<QByteArray>("json");
    // 1: the frames must be read one at a time; 0: the document must be read whole; -1: either.
    QTest::addColumn<int>("byFrame");
    const QByteArray two = withFrame(QString(), QJsonValue());
    const QByteArray many = manyFrames(40, QJsonDocument::Compact);
    const QByteArray newer = replaced(many, R"("schemaVersion":1)", R"("schemaVersion":99)");
    const auto nested = [&](int arrays) {
        return replaced(many, R"({"deep":null})",
                        "{\"deep\":" + QByteArray(arrays, '[') + QByteArray(arrays, ']') + "}");
    };
    QTest::newRow("one frame, other programs' members") << QByteArray(withUnknownMembers) << 1;
    QTest::newRow("the older layout (notes)") << QByteArray(olderLayoutExample) << 1;
    QTest::newRow("two frames") << two << 1;
    QTest::newRow("40 frames, compact") << many << 1;
    QTest::newRow("40 frames, indented") << manyFrames(40, QJsonDocument::Indented) << 1;
    QTest::newRow("white space of every kind")
        << QByteArray(many).replace(",\"", ",\r\n\t \"").replace("{", " {\n").replace("}", "\t}")
        << 1;
    QTest::newRow("with a byte order mark") << QByteArray("\xEF\xBB\xBF") + two << 1;
    QTest::newRow("with two byte order marks") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF") + two << 0;
    QTest::newRow("no frames") << QByteArray(R"({"schemaVersion": 1, "frames": {}})") << 1;
    QTest::newRow("frames first, out of order")
        << framesInOrder({QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("0"),
                          QStringLiteral("1"), QStringLiteral("39")})
        << 1;
    QTest::newRow("frames out of order, keys that are no frame index")
        << framesInOrder({QStringLiteral("x"), QStringLiteral("10"), QStringLiteral("A"),
                          QStringLiteral("0"), QStringLiteral("007"), QStringLiteral("-1"),
                          QStringLiteral("9")})
        << 1;
    QTest::newRow("errors in frames")
        << replaced(replaced(many, R"("status":"AUDIT_WARN")", R"("status":3)"),
                    R"("frameIndex":7)", R"("frameIndex":"7")")
        << 1;
    QTest::newRow("a key not a number") << replaced(two, R"("1": {)", R"("x": {)") << 1;
    QTest::newRow("a key with a leading zero") << replaced(two, R"("1": {)", R"("01": {)") << 1;
    QTest::newRow("a frame nested 64 deep") << nested(60) << 1;
    QTest::newRow("a key with an escape") << replaced(two, R"("1": {)", R"("\u0031": {)") << 0;
    QTest::newRow("a key not ASCII") << replaced(two, R"("1": {)", "\"\xc3\xa9\": {") << 0;
    QTest::newRow("a frame not an object") << replaced(many, R"("7":{)", R"("7":5,"x":{)") << 0;
    QTest::newRow("a frame twice") << replaced(two, R"("1": {)", R"("0": {)") << 0;
    QTest::newRow("a name twice in a frame")
        << replaced(many, R"("12":{)", R"("12":{"notes":"a","notes":"b",)") << 0;
    QTest::newRow("frames twice, once escaped")
        << replaced(many, R"("zz_last":true)", R"("zz_last":true,"fr\u0061mes":{})") << 0;
    QTest::newRow("not JSON in a frame")
        << replaced(many, R"("frameIndex":9)", R"("frameIndex":tru)") << 0;
    QTest::newRow("a trailing comma in frames")
        << replaced(many, "}},\"lastModified\"", "},},\"lastModified\"") << 0;
    QTest::newRow("a comma missing between frames")
        << replaced(many, R"(},"12":{)", R"(}"12":{)") << 0;
    QTest::newRow("invalid UTF-8 in a frame") << replaced(many, R"("kim")", "\"k\xc3\x28m\"") << 0;
    QTest::newRow("a frame nested 65 deep") << nested(61) << 0;
    QTest::newRow("nested deeper than Qt reads") << nested(1100) << 0;
    QTest::newRow("a newer schema") << newer << 0;
    QTest::newRow("a newer schema, not JSON in a frame")
        << replaced(newer, R"("frameIndex":9)", R"("frameIndex":tru)") << 0;
    QTest::newRow("a session member wrong")
        << replaced(many, R"("status":"active")", R"("status":1)") << -1;
    QTest::newRow("frames not an object")
        << QByteArray(R"({"schemaVersion": 1, "frames": [{}]})") << 0;
    QTest::newRow("something after the document") << many + " x" << 0;
    QTest::newRow("a name twice at the top")
        << replaced(many, R"("zz_last":true)", R"("zz_last":true,"frames":{})") << 0;

    // Enough frames to be decoded in parts, beside each other: what each part finds, in every
    // part, is told in the order one decoder would have found it.
    const QByteArray large = manyFrames(3000, QJsonDocument::Compact);
    auto inFrames = [&](QByteArray json, std::initializer_list<int> indices,
                        const QByteArray &before, const QByteArray &after) {
        for (const int index : indices) {
            const QByteArray frame = '"' + QByteArray::number(index) + "\":{";
            const qsizetype at = json.indexOf(before, json.indexOf(frame));
            json.replace(at, before.size(), after);
        }
        return json;
    };
    const std::initializer_list<int> acrossParts = {1, 700, 1499, 1500, 2222, 2999};
    QTest::newRow("3,000 frames") << large << 1;
    QTest::newRow("3,000 frames, errors in every part")
        << inFrames(large, acrossParts, R"("notes":"hand)", R"("notes":7,"x":"hand)") << 1;
    QTest::newRow("3,000 frames, notes in every part")
        << inFrames(large, acrossParts, R"("notes":)", R"("imageBase64":"AA==","notes":)") << 1;
    QTest::newRow("3,000 frames, keys that are no frame index in every part")
        << replaced(
               replaced(replaced(large, R"("2999":{)", R"("x2999":{)"), R"("1":{)", R"("01":{)"),
               R"("1700":{)", R"("-1700":{)")
        << 1;
    QTest::newRow("3,000 frames, not JSON in the last part's last frame")
        << inFrames(large, {999}, R"("frameIndex":999)", R"("frameIndex":tru)") << 0;
    QTest::newRow("3,000 frames, not JSON in the first part's first frame")
        << inFrames(large, {0}, R"("frameIndex":0)", R"("frameIndex":tru)") << 0;
}

void TestSessionCodec::framesReadOneAtATimeGiveWhatTheWholeDocumentGives()
{
    QFETCH(QByteArray, json);
    QFETCH(int, byFrame);
    const RunPaths paths(QStringLiteral("/runs/run_1"));
    const std::optional<SessionDecodeResult> split = SessionDecoder::decodeByFrame(json, &paths);
    if (byFrame >= 0)
        QCOMPARE(split.has_value(), byFrame == 1);
    const SessionDecodeResult read = SessionDecoder::decode(json, &paths);
    const SessionDecodeResult whole =
        SessionDecoder::decode(json, &paths, SessionDecoder::Parsing::Whole);
    for (const SessionDecodeResult &result :
         split ? QList<SessionDecodeResult>{read, *split} : QList<SessionDecodeResult>{read}) {
        QCOMPARE(result.state, whole.state);
        QCOMPARE(problemStrings(result.errors), problemStrings(whole.errors));
        QCOMPARE(problemStrings(result.notes), problemStrings(whole.notes));
        QCOMPARE(result.session.has_value(), whole.session.has_value());
        if (whole.session) {
            QCOMPARE(result.session->frames.size(), whole.session->frames.size());
            QCOMPARE(SessionCodec::encode(*result.session), SessionCodec::encode(*whole.session));
        }
    }
}

QTEST_APPLESS_MAIN(TestSessionCodec)
#include "tst_sessioncodec.moc"

namespace {
// withUnknownMembers with frame 0 rejected by an operator, for a reason, and members of other
// programs inside the verdict.
QJsonObject rejectedFrameSession(const QString &frameStatus)
{
    QJsonObject root = QJsonDocument::fromJson(withUnknownMembers).object();
    QJsonObject frames = root.value(u"frames").toObject();
    QJsonObject frame = frames.value(u"0").toObject();
    frame[QStringLiteral("status")] = frameStatus;
    QJsonObject overrides = frame.value(u"directorOverrides").toObject();
    overrides[QStringLiteral("verdict")] =
        QJsonObject{{QStringLiteral("status"), QStringLiteral("AUDIT_FAIL")},
                    {QStringLiteral("reviewer"), QStringLiteral("alice")},
                    {QStringLiteral("timestamp"), QStringLiteral("2026-12-06T14:03:00.000Z")},
                    {QStringLiteral("reasonCode"), QStringLiteral("SF01_IDENTITY_DRIFT")},
                    {QStringLiteral("reason"), QStringLiteral("hand drifts \"left\"\nagain")},
                    {QStringLiteral("ticket"), QJsonObject{{QStringLiteral("id"), 12}}},
                    {QStringLiteral("aa_first"), true}};
    frame[QStringLiteral("directorOverrides")] = overrides;
    frames[QStringLiteral("0")] = frame;
    root[QStringLiteral("frames")] = frames;
    return root;
}
} // namespace

void TestSessionCodec::verdictRoundTripsWithItsUnknownMembers()
{
    const QJsonObject original = rejectedFrameSession(QStringLiteral("AUDIT_FAIL"));
    const SessionDecodeResult result = SessionCodec::decode(QJsonDocument(original).toJson());
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    const std::optional<Verdict> &verdict =
        result.session->frames.value(0).directorOverrides.verdict;
    QVERIFY(verdict.has_value());
    QCOMPARE(verdict->status, FrameStatus::AuditFail);
    QCOMPARE(verdict->reviewer, QStringLiteral("alice"));
    QCOMPARE(verdict->timestamp, QStringLiteral("2026-12-06T14:03:00.000Z"));
    QCOMPARE(verdict->reasonCode, QStringLiteral("SF01_IDENTITY_DRIFT"));
    QCOMPARE(verdict->reason, QStringLiteral("hand drifts \"left\"\nagain"));
    QCOMPARE(verdict->extra.size(), 2);

    const QByteArray written = SessionCodec::encode(*result.session);
    QCOMPARE(parse(written), original); // every member there again, unknown ones included
    // Director's own members first, in their order, then the others by name.
    const qsizetype status = written.indexOf("\"status\": \"AUDIT_FAIL\",\n          \"reviewer\"");
    QVERIFY2(status > 0, written.constData());
    QVERIFY(written.indexOf("\"reason\":") < written.indexOf("\"aa_first\""));
    const SessionDecodeResult again = SessionCodec::decode(written);
    QVERIFY(again.isOk());
    QCOMPARE(*again.session, *result.session);
    QCOMPARE(SessionCodec::encode(*again.session), written);

    // Optional members left out, never null.
    Verdict bare = *verdict;
    bare.reasonCode.reset();
    bare.reason.reset();
    DirectorSession session = *result.session;
    session.frames[0].directorOverrides.verdict = bare;
    const QByteArray withoutReason = SessionCodec::encode(session);
    const QJsonObject bareWritten =
        parse(withoutReason).value(u"frames")[u"0"][u"directorOverrides"][u"verdict"].toObject();
    QCOMPARE(bareWritten.keys(),
             QStringList({QStringLiteral("aa_first"), QStringLiteral("reviewer"),
                          QStringLiteral("status"), QStringLiteral("ticket"),
                          QStringLiteral("timestamp")}));
}

void TestSessionCodec::verdictForAnotherStatusIsLeftOut()
{
    // The frame was approved since (by another program): the rejection no longer holds.
    const SessionDecodeResult result = SessionCodec::decode(
        QJsonDocument(rejectedFrameSession(QStringLiteral("APPROVED"))).toJson());
    QVERIFY2(result.isOk(), qPrintable(result.errorText()));
    QVERIFY(!result.session->frames.value(0).directorOverrides.verdict.has_value());
    const bool noted = std::any_of(result.notes.begin(), result.notes.end(), [](const auto &n) {
        return n.path == QLatin1String("frames.0.directorOverrides.verdict");
    });
    QVERIFY(noted);
    QVERIFY(!SessionCodec::encode(*result.session).contains("\"verdict\""));
}

// `director status` decodes the session file ahead, beside the run folder's
// reading: the same result, and other bytes (a file changed since) decoded
// as they are; a FIFO in the file's place is not waited on.
