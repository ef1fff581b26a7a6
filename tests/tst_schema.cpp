#include "demo/demorun.h"
#include "patch/patchmaker.h"
#include "review/sessionmanager.h"
#include "session/sessioncodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The JSON Schema published in resources/ is the pipeline's contract. An
// independent validator (Python's jsonschema) checks that the schema says
// what docs/session-file.md says (What the pipeline's reader accepts), and
// that every file Director writes validates.
class TestSchema : public QObject
{
    Q_OBJECT

private slots:
    void schemaEncodesTheContract_data();
    void schemaEncodesTheContract();
    void everyFileDirectorWritesValidates();

private:
    static bool validate(const QStringList &files, QString *output);
};

namespace {

const char camelCaseExample[] = R"({
  "sessionId": "d290f1ee-6c54-4b01-90e6-d701748f0851",
  "runId": "20260118_blaze_idle_abc123",
  "moveId": "idle_standard",
  "anchorFrameId": "frame_0000",
  "status": "active",
  "createdAt": "2026-01-18T12:00:00.000Z",
  "lastModified": "2026-01-18T12:30:00.000Z",
  "frames": {
    "1": {
      "id": "frame_0001",
      "frameIndex": 1,
      "status": "AUDIT_WARN",
      "imagePath": "candidates/frame_0001_attempt_01_norm.png",
      "auditReport": {"compositeScore": 0.78, "flags": ["SF01_IDENTITY_DRIFT"], "passed": false,
                      "autoAligned": true, "driftPixels": 4},
      "directorOverrides": {
        "alignment": {"frameId": "frame_0001", "userOverrideX": -2, "userOverrideY": 0,
                      "timestamp": "2026-01-18T12:25:00.000Z"},
        "isPatched": false,
        "patchHistory": []
      },
      "attemptHistory": [{"attemptIndex": 1, "timestamp": "2026-01-18T11:00:00.000Z",
                          "candidatePath": "candidates/frame_0001_attempt_01.png",
                          "strategy": "default", "reasonCodes": [], "passed": false}]
    }
  }
})";

QByteArray edited(const std::function<void(QJsonObject &root, QJsonObject &frame)> &edit)
{
    QJsonObject root = QJsonDocument::fromJson(camelCaseExample).object();
    QJsonObject frames = root.value(u"frames").toObject();
    QJsonObject frame = frames.value(u"1").toObject();
    edit(root, frame);
    frames[QStringLiteral("1")] = frame;
    root[QStringLiteral("frames")] = frames;
    return QJsonDocument(root).toJson();
}

} // namespace

bool TestSchema::validate(const QStringList &files, QString *output)
{
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral(DIRECTOR_VALIDATOR), QStringLiteral(DIRECTOR_SCHEMA)} +
                     files);
    if (!python.waitForFinished(60000)) {
        *output = QStringLiteral("the validator did not run: ") + python.errorString();
        return false;
    }
    *output = QString::fromUtf8(python.readAll());
    if (python.exitCode() == 2)
        qFatal("the validator cannot run: %s", qPrintable(*output));
    return python.exitCode() == 0;
}

void TestSchema::schemaEncodesTheContract_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    // Whether Director reads it: it reads some forms the pipeline rejects, and
    // writes them in the form the schema accepts.
    QTest::addColumn<bool>("directorReads");
    auto row = [](const char *name, const QByteArray &json, bool valid) {
        QTest::newRow(name) << json << valid << valid;
    };
    auto tolerated = [](const char *name, const QByteArray &json) {
        QTest::newRow(name) << json << false << true;
    };
    auto setOverrides = [](QJsonObject &frame, const char *name, const QJsonValue &value) {
        QJsonObject o = frame.value(u"directorOverrides").toObject();
        o[QLatin1String(name)] = value;
        frame[QStringLiteral("directorOverrides")] = o;
    };
    const QJsonObject commitInfo{
        {QStringLiteral("approvedCount"), 1},
        {QStringLiteral("nudgedCount"), 0},
        {QStringLiteral("patchedCount"), 0},
        {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:40:00.000Z")}};
    const QJsonObject patch{
        {QStringLiteral("originalPath"), QStringLiteral("candidates/a.png")},
        {QStringLiteral("patchedPath"), QStringLiteral("patches/a.png")},
        {QStringLiteral("maskPath"), QStringLiteral("patches/m.png")},
        {QStringLiteral("prompt"), QStringLiteral("fix")},
        {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:26:00.000Z")}};

    row("camelCase form", camelCaseExample, true);
    row("unknown members kept", edited([](QJsonObject &root, QJsonObject &frame) {
            root[QStringLiteral("pipelineVersion")] = QStringLiteral("2.4");
            frame[QStringLiteral("extra")] = QJsonObject{{QStringLiteral("a"), 1}};
        }),
        true);
    tolerated("snake_case audit of the older layout", edited([](QJsonObject &, QJsonObject &frame) {
                  frame[QStringLiteral("auditReport")] =
                      QJsonObject{{QStringLiteral("composite_score"), 0.78},
                                  {QStringLiteral("flags"), QJsonArray()},
                                  {QStringLiteral("passed"), false}};
              }));
    tolerated("no attemptHistory",
              edited([](QJsonObject &, QJsonObject &frame) { frame.remove(u"attemptHistory"); }));
    row("null notes", edited([&](QJsonObject &, QJsonObject &frame) {
            setOverrides(frame, "notes", QJsonValue::Null);
        }),
        false);
    tolerated("offset timestamp", edited([](QJsonObject &root, QJsonObject &) {
                  root[QStringLiteral("createdAt")] =
                      QStringLiteral("2026-01-18T12:00:00.000+00:00");
              }));
    tolerated("upper-case session id", edited([](QJsonObject &root, QJsonObject &) {
                  root[QStringLiteral("sessionId")] =
                      QStringLiteral("D290F1EE-6C54-4B01-90E6-D701748F0851");
              }));
    row("unknown status", edited([](QJsonObject &, QJsonObject &frame) {
            frame[QStringLiteral("status")] = QStringLiteral("DONE");
        }),
        false);
    row("score above 1", edited([](QJsonObject &, QJsonObject &frame) {
            QJsonObject a = frame.value(u"auditReport").toObject();
            a[QStringLiteral("compositeScore")] = 1.7;
            frame[QStringLiteral("auditReport")] = a;
        }),
        false);
    row("attempt index 0", edited([](QJsonObject &, QJsonObject &frame) {
            QJsonArray attempts = frame.value(u"attemptHistory").toArray();
            QJsonObject a = attempts.at(0).toObject();
            a[QStringLiteral("attemptIndex")] = 0;
            attempts[0] = a;
            frame[QStringLiteral("attemptHistory")] = attempts;
        }),
        false);
    row("member twice",
        QByteArray(camelCaseExample)
            .replace("\"passed\": false,\n", "\"passed\": false, \"passed\": true,\n"),
        false);
    row("padded key", QByteArray(camelCaseExample).replace("\"1\": {", "\"01\": {"), false);

    // commitInfo is there exactly when the session is committed.
    for (const char *status : {"active", "committed", "discarded"}) {
        const bool committed = qstrcmp(status, "committed") == 0;
        const QByteArray without = edited([&](QJsonObject &root, QJsonObject &) {
            root[QStringLiteral("status")] = QLatin1String(status);
        });
        const QByteArray with = edited([&](QJsonObject &root, QJsonObject &) {
            root[QStringLiteral("status")] = QLatin1String(status);
            root[QStringLiteral("commitInfo")] = commitInfo;
        });
        QTest::addRow("%s without commitInfo", status) << without << !committed << !committed;
        QTest::addRow("%s with commitInfo", status) << with << committed << committed;
    }

    // The anchor is frame 0.
    for (const char *anchor : {"frame_0001", "frame_00000", "frame_0"}) {
        QTest::addRow("anchor %s", anchor) << edited([&](QJsonObject &root, QJsonObject &) {
            root[QStringLiteral("anchorFrameId")] = QLatin1String(anchor);
        }) << false << false;
    }

    // Timestamps: UTC, milliseconds, "Z". Director reads the other ISO forms.
    for (const char *time :
         {"2026-01-18T12:00:00Z", "2026-01-18T12:00:00.5Z", "2026-01-18T12:00:00.123456Z"}) {
        tolerated(time, edited([&](QJsonObject &root, QJsonObject &frame) {
                      root[QStringLiteral("lastModified")] = QLatin1String(time);
                      QJsonObject a = frame.value(u"directorOverrides")[u"alignment"].toObject();
                      a[QStringLiteral("timestamp")] = QLatin1String(time);
                      setOverrides(frame, "alignment", a);
                  }));
    }

    // isPatched: true needs the patch it refers to.
    row("patched without history",
        edited([&](QJsonObject &, QJsonObject &frame) { setOverrides(frame, "isPatched", true); }),
        false);
    row("patched with history", edited([&](QJsonObject &, QJsonObject &frame) {
            setOverrides(frame, "isPatched", true);
            setOverrides(frame, "patchHistory", QJsonArray{patch});
        }),
        true);
    row("not patched, with history", edited([&](QJsonObject &, QJsonObject &frame) {
            setOverrides(frame, "patchHistory", QJsonArray{patch});
        }),
        true);

    // The operator's verdict: who, when, and for a rejection why.
    const QJsonObject verdict{
        {QStringLiteral("status"), QStringLiteral("AUDIT_FAIL")},
        {QStringLiteral("reviewer"), QStringLiteral("alice")},
        {QStringLiteral("timestamp"), QStringLiteral("2026-01-18T12:27:00.000Z")},
        {QStringLiteral("reasonCode"), QStringLiteral("SF01_IDENTITY_DRIFT")},
        {QStringLiteral("reason"), QStringLiteral("hand drifts")}};
    auto rejected = [&](const std::function<void(QJsonObject &)> &change) {
        return edited([&](QJsonObject &, QJsonObject &frame) {
            frame[QStringLiteral("status")] = QStringLiteral("AUDIT_FAIL");
            QJsonObject v = verdict;
            change(v);
            setOverrides(frame, "verdict", v);
        });
    };
    row("rejection with its reason", rejected([](QJsonObject &) {}), true);
    row("rejection without a reason", rejected([](QJsonObject &v) {
            v.remove(u"reasonCode");
            v.remove(u"reason");
        }),
        true);
    row("verdict with other members",
        rejected([](QJsonObject &v) { v[QStringLiteral("ticket")] = QStringLiteral("ART-12"); }),
        true);
    row("approval", edited([&](QJsonObject &, QJsonObject &frame) {
            frame[QStringLiteral("status")] = QStringLiteral("APPROVED");
            setOverrides(frame, "verdict",
                         QJsonObject{{QStringLiteral("status"), QStringLiteral("APPROVED")},
                                     {QStringLiteral("reviewer"), QStringLiteral("bob")},
                                     {QStringLiteral("timestamp"),
                                      QStringLiteral("2026-01-18T12:27:00.000Z")}});
        }),
        true);
    row("approval with a reason", edited([&](QJsonObject &, QJsonObject &frame) {
            frame[QStringLiteral("status")] = QStringLiteral("APPROVED");
            QJsonObject v = verdict;
            v[QStringLiteral("status")] = QStringLiteral("APPROVED");
            setOverrides(frame, "verdict", v);
        }),
        false);
    row("verdict null reason",
        rejected([](QJsonObject &v) { v[QStringLiteral("reason")] = QJsonValue::Null; }), false);
    row("verdict reviewer a number",
        rejected([](QJsonObject &v) { v[QStringLiteral("reviewer")] = 7; }), false);
    row("verdict reviewer empty",
        rejected([](QJsonObject &v) { v[QStringLiteral("reviewer")] = QStringLiteral(" "); }),
        false);
    row("verdict without reviewer", rejected([](QJsonObject &v) { v.remove(u"reviewer"); }), false);
    row("verdict reason code lower case", rejected([](QJsonObject &v) {
            v[QStringLiteral("reasonCode")] = QStringLiteral("sf01_identity_drift");
        }),
        false);
    row("verdict status GENERATED",
        rejected([](QJsonObject &v) { v[QStringLiteral("status")] = QStringLiteral("GENERATED"); }),
        false);
    // A verdict left behind on a frame whose status changed since: the pipeline's reader
    // takes it (it drops the member), Director reads it and leaves it out.
    row("verdict for another status",
        edited([&](QJsonObject &, QJsonObject &frame) { setOverrides(frame, "verdict", verdict); }),
        true);
}

void TestSchema::schemaEncodesTheContract()
{
    // The published schema and Director's own reader say the same about each
    // file; what Director writes from a file it reads always validates.
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(bool, directorReads);
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &bytes) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return QString();
        return path;
    };
    const QString path = write(QStringLiteral("session.json"), json);
    QVERIFY(!path.isEmpty());
    QString output;
    QVERIFY2(validate({path}, &output) == valid, qPrintable(output));

    const SessionDecodeResult decoded = SessionCodec::decode(json);
    QVERIFY2(decoded.isOk() == directorReads, qPrintable(decoded.errorText()));
    if (!decoded.isOk())
        return;
    const QString rewritten =
        write(QStringLiteral("rewritten.json"), SessionCodec::encode(*decoded.session));
    QVERIFY(!rewritten.isEmpty());
    QVERIFY2(validate({rewritten}, &output), qPrintable(output));
}

void TestSchema::everyFileDirectorWritesValidates()
{
    // A whole review: created from the demo run, nudged, noted, patched,
    // rejected, approved, committed. Every saved version is checked.
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    QVERIFY(DemoRun::write(run));
    QStringList versions;
    SessionManager manager;
    auto keep = [&] {
        const QString copy = dir.filePath(QStringLiteral("v%1.json").arg(versions.size()));
        QVERIFY(QFile::copy(run + QStringLiteral("/director_session.json"), copy));
        versions.append(copy);
    };
    QVERIFY(manager.initializeOrResume(run));
    keep();
    const QMap<int, DirectorFrameState> frames =
        manager.session().frames; // changes replace the session
    for (const DirectorFrameState &frame : frames) {
        if (frame.status == FrameStatus::AuditWarn) {
            QVERIFY(manager.applyFrameEdit(frame.frameIndex, FrameEdit::offsetTo(-2.5, 1)));
            keep();
        } else if (frame.status == FrameStatus::AuditFail) {
            QVERIFY(manager.applyFrameEdit(
                frame.frameIndex,
                FrameEdit::notesTo(QStringLiteral("halo on the left; \"patched\"\n"))));
            PatchHistoryEntry patch;
            patch.originalPath = frame.imagePath;
            patch.patchedPath = frame.imagePath;
            patch.maskPath = QString();
            patch.prompt = QStringLiteral("remove the halo");
            QVERIFY(manager.applyFrameEdit(frame.frameIndex, FrameEdit::addPatch(patch)));
            // The patch is the operator's fix: it approves the failed frame.
            QCOMPARE(manager.getFrameState(frame.frameIndex)->status, FrameStatus::Approved);
            keep();
            // A patch as Director makes it (PatchMaker: its files in patches/, imagePath the
            // patch's).
            const DirectorFrameState now = *manager.getFrameState(frame.frameIndex);
            Result<QImage> image = PatchMaker::currentImage(run, now);
            QVERIFY(image);
            QImage patched = image->convertToFormat(QImage::Format_ARGB32);
            patched.setPixel(0, 0, qRgba(255, 0, 255, 255));
            const auto apply = [&manager](int index, const FrameEdit &edit) {
                return manager.applyFrameEdit(index, edit);
            };
            QVERIFY(PatchMaker::make(run, now, patched, QStringLiteral("magenta corner"), apply));
            QVERIFY(manager.getFrameState(frame.frameIndex)
                        ->imagePath.startsWith(QLatin1String("patches/")));
            keep();
        }
    }
    QVERIFY(manager.applyFrameEdit(
        0, FrameEdit::statusTo(FrameStatus::AuditFail, QStringLiteral("alice"),
                               QStringLiteral("SF01_IDENTITY_DRIFT"),
                               QStringLiteral("hand drifts; \"again\"\n"))));
    QVERIFY(manager.getFrameState(0)->directorOverrides.verdict.has_value());
    keep();
    QVERIFY(manager.updateFrameStatus(0, FrameStatus::Approved));
    const Outcome committed = manager.commitSession();
    QVERIFY2(committed, qPrintable(committed.message()));
    keep();
    versions.append(run + QStringLiteral("/director_session.json.bak"));
    QString output;
    QVERIFY2(validate(versions, &output), qPrintable(output));
    QVERIFY(manager.session().commitInfo.has_value());
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
