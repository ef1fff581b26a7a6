#include "review/sessionmanager.h"
#include "runfixture.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

// A corpus of bad session files (tests/corpus/bad) and a few too large to
// check in: each one gives a message naming the problem, nothing crashes,
// and nothing is overwritten, moved or backed up before the operator chooses.
class TestBadSessions : public QObject
{
    Q_OBJECT

private slots:
    void badFileIsReportedAndKept_data();
    void badFileIsReportedAndKept();
    void everyCorpusFileIsCovered();

private:
    static QByteArray corpusFile(const QString &name);
};

namespace {
struct Case
{
    const char *name;
    const char *message; // a part of the message that names the problem
    bool accepted;       // read, with a note on what is written differently
};

const Case corpus[] = {
    {"truncated.json", "not valid JSON", false},
    {"empty.json", "the file is empty", false},
    {"not-json.json", "not valid JSON", false},
    {"wrong-types.json", "frames: expected an object, found a string", false},
    {"unknown-status.json", "frames.1.status: unknown status \"DONE\"", false},
    {"duplicate-frame.json", "frames.1: appears more than once", false},
    {"index-key-mismatch.json", "frames.2.frameIndex: 1 does not match its key \"2\"", false},
    {"negative-index.json", "frames.-1: the key must be a frame index", false},
    {"huge-number.json", "frames.1.auditReport.compositeScore: ", false},
    {"huge-offset.json", "frames.0.directorOverrides.alignment.userOverrideX: ", false},
    {"nan-as-string.json", "userOverrideX: expected a number, found a string", false},
    {"invalid-utf8.json", "not valid JSON", false},
    {"future-schema.json", "newer", false},
    {"path-outside.json",
     "frames.1.imagePath: \"../../../etc/passwd\" leads outside the run folder", false},
    {"null-notes.json", "frames.1.directorOverrides.notes: expected a string, found null", false},
    {"session-id-number.json", "sessionId: expected a string, found a number", false},
    {"accepted-bom.json", "byte order mark", true},
    {"accepted-older-layout.json", "composite_score", true},
};
} // namespace

QByteArray TestBadSessions::corpusFile(const QString &name)
{
    QFile file(QStringLiteral(DIRECTOR_BAD_CORPUS "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing corpus file");
}

void TestBadSessions::badFileIsReportedAndKept_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("accepted");
    for (const Case &c : corpus) {
        QTest::newRow(c.name) << corpusFile(QLatin1String(c.name)) << QString::fromUtf8(c.message)
                              << c.accepted;
    }
    // Too large to check in.
    QByteArray garbage(50 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(50);
    random.fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
    QTest::newRow("50 MB of garbage") << garbage << QStringLiteral("not valid JSON") << false;
    QTest::newRow("larger than a session can be")
        << QByteArray(SessionCodec::maxFileSize + 1, ' ') << QStringLiteral("larger than") << false;
    QTest::newRow("deep nesting") << QByteArray(200000, '[') << QStringLiteral("not valid JSON")
                                  << false;
}

void TestBadSessions::badFileIsReportedAndKept()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QFETCH(bool, accepted);

    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    QVERIFY(RunFixture::writeMixedRun(run));
    const QString path = run + QStringLiteral("/director_session.json");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    const QStringList before = QDir(run).entryList(QDir::Files | QDir::Hidden);

    SessionManager manager;
    const Outcome opened = manager.initializeOrResume(run);
    if (accepted) {
        QVERIFY2(opened, qPrintable(opened.message()));
        QStringList notes;
        for (const SessionProblem &note : manager.lastLoad().notes)
            notes.append(note.toString());
        QVERIFY2(notes.join(QLatin1Char('\n')).contains(message),
                 qPrintable(notes.join(QLatin1Char('\n'))));
        return;
    }
    QCOMPARE(opened.kind(), Outcome::Kind::Invalid);
    QVERIFY2(opened.message().contains(message), qPrintable(opened.message().left(2000)));
    QVERIFY(!manager.hasSession());

    // Nothing overwritten, moved, backed up or left locked.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == content);
    QCOMPARE(QDir(run).entryList(QDir::Files | QDir::Hidden), before);

    // The command line says the same, and writes nothing either.
    QProcess validate;
    validate.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"), {QStringLiteral("validate"), path});
    QVERIFY(validate.waitForFinished(60000));
    QCOMPARE(validate.exitStatus(), QProcess::NormalExit);
    QCOMPARE(validate.exitCode(), 1);
    const QString err = QString::fromLocal8Bit(validate.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err.left(2000)));
    QCOMPARE(QDir(run).entryList(QDir::Files | QDir::Hidden), before);
}

void TestBadSessions::everyCorpusFileIsCovered()
{
    QStringList covered;
    for (const Case &c : corpus)
        covered.append(QLatin1String(c.name));
    covered.sort();
    QCOMPARE(QDir(QStringLiteral(DIRECTOR_BAD_CORPUS)).entryList(QDir::Files, QDir::Name), covered);
}

QTEST_GUILESS_MAIN(TestBadSessions)
#include "tst_badsessions.moc"
