#include "session/sessioncodec.h"
#include "xsession.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// The real director executable in a real X session (Xvfb), driven from the
// outside with real key and mouse events (xdotool), killed with SIGKILL and
// started again: every saved edit must be in the file and on the screen.
class TestEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void editsSurviveSigkillOnDiskAndOnScreen();
    void spacePlaysTheMoveOnScreen();

private:
    struct Colours
    {
        int warn = 0; // pixels of the AUDIT_WARN border colour
        int fail = 0; // pixels of the AUDIT_FAIL border colour
    };
    bool xdotool(const QStringList &arguments) { return m_x.xdotool(arguments); }
    bool startDirector(QProcess &director)
    {
        return !m_x.startDirector(director, {m_run}, m_dir.filePath(QStringLiteral("config")),
                                  m_runId)
                    .isEmpty();
    }
    Colours screenColours();
    // The stage on the screen (the window is 1500 × 900 at the top left; the sprite is in it).
    // All of it: many of the demo's frames differ from the next only in a few pixels.
    QImage stageOnScreen() { return m_x.screen().copy(20, 40, 800, 500); }
    DirectorSession session() const;
    // Waits up to `timeoutMs` for the stage to look the same in three looks `ms` / 2 apart;
    // what it showed then. (Not QTRY_*: it evaluates its expression again after it held, and
    // the screen is read anew each time: during playback a later look lands on another frame.)
    std::optional<QImage> stageStill(int ms, int timeoutMs)
    {
        QImage shown;
        const bool still = QTest::qWaitFor(
            [&] {
                shown = stageOnScreen();
                for (int look = 0; look < 2; ++look) {
                    QTest::qWait(ms / 2);
                    if (stageOnScreen() != shown)
                        return false;
                }
                return !shown.isNull(); // no image (xwd failed): not a look at the stage
            },
            timeoutMs);
        return still ? std::optional<QImage>(shown) : std::nullopt;
    }
    // Waits up to `timeoutMs` for the stage to show something other than `image`.
    bool stageLeaves(const QImage &image, int timeoutMs)
    {
        return QTest::qWaitFor(
            [&] {
                const QImage now = stageOnScreen();
                return !now.isNull() && now != image;
            },
            timeoutMs);
    }

    XSession m_x;
    QTemporaryDir m_dir;
    QString m_run;
    QString m_runId; // the demo run's id, in the window's title once the run is open
};

void TestEndToEnd::initTestCase()
{
    QString error;
    QVERIFY2(m_x.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_run = m_dir.filePath(QStringLiteral("demo"));
    QProcess demo;
    demo.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"),
               {QStringLiteral("demo"), m_run, QStringLiteral("--no-gui")});
    QVERIFY(demo.waitForFinished(30000));
    QCOMPARE(demo.exitCode(), 0);
    QFile manifest(m_run + QStringLiteral("/manifest.lock.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    m_runId = QJsonDocument::fromJson(manifest.readAll())[QLatin1String("run_id")].toString();
    QVERIFY(!m_runId.isEmpty());
}

TestEndToEnd::Colours TestEndToEnd::screenColours()
{
    const QImage image = m_x.screen();
    // Kept for a look when the test fails.
    image.save(QDir::current().filePath(QStringLiteral("e2e-screen.png")));
    Colours colours;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            // The light palette's (Xvfb has no desktop to give a dark one): StatusBadge.
            colours.warn += (row[x] & 0xffffff) == 0x8d6200;
            colours.fail += (row[x] & 0xffffff) == 0xc62828;
        }
    }
    return colours;
}

DirectorSession TestEndToEnd::session() const
{
    QFile file(m_run + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

void TestEndToEnd::editsSurviveSigkillOnDiskAndOnScreen()
{
    QProcess director;
    QVERIFY(startDirector(director));
    QTRY_VERIFY_WITH_TIMEOUT(!session().sessionId.isEmpty(), 20000);
    const QString sessionId = session().sessionId;
    // The demo: frames 3, 5 and 9 are AUDIT_WARN, frame 11 AUDIT_FAIL.
    QTRY_VERIFY_WITH_TIMEOUT(screenColours().warn > 0, 10000);
    const Colours before = screenColours();
    QVERIFY(before.fail > 0);

    auto keys = [&](const QStringList &names) {
        return xdotool(
            QStringList{QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("150")} +
            names);
    };
    // Next frame needing attention (3): approve. Next (5): drag it 3 px left at 4× (the window
    // opens at Fit).
    QVERIFY(keys(
        {QStringLiteral("Home"), QStringLiteral("n"), QStringLiteral("a"), QStringLiteral("3")}));
    QTRY_COMPARE_WITH_TIMEOUT(session().frames.value(3).status, FrameStatus::Approved, 10000);
    QVERIFY(keys({QStringLiteral("n")}));
    QTest::qWait(300);
    QVERIFY(xdotool(
        {QStringLiteral("mousemove"), QStringLiteral("--sync"),    QStringLiteral("400"),
         QStringLiteral("300"),       QStringLiteral("mousedown"), QStringLiteral("1"),
         QStringLiteral("mousemove"), QStringLiteral("--sync"),    QStringLiteral("396"),
         QStringLiteral("300"),       QStringLiteral("mousemove"), QStringLiteral("--sync"),
         QStringLiteral("392"),       QStringLiteral("300"),       QStringLiteral("mousemove"),
         QStringLiteral("--sync"),    QStringLiteral("388"),       QStringLiteral("300"),
         QStringLiteral("mouseup"),   QStringLiteral("1")}));
    QTRY_VERIFY_WITH_TIMEOUT(session().frames.value(5).directorOverrides.alignment.has_value(),
                             10000);
    // Next (9): reject; the reason picker asks why, Enter rejects without a reason.
    QVERIFY(keys({QStringLiteral("n"), QStringLiteral("x"), QStringLiteral("Return")}));
    QTRY_COMPARE_WITH_TIMEOUT(session().frames.value(9).status, FrameStatus::AuditFail, 10000);

    director.kill(); // SIGKILL: no chance to tidy up
    QVERIFY(director.waitForFinished());

    const DirectorSession saved = session();
    QCOMPARE(saved.sessionId, sessionId);
    QCOMPARE(saved.frames.value(3).status, FrameStatus::Approved);
    QCOMPARE(saved.frames.value(5).status, FrameStatus::Approved); // the nudge reviewed it
    QCOMPARE(saved.frames.value(5).directorOverrides.alignment->userOverrideX, -3.0);
    QCOMPARE(saved.frames.value(5).directorOverrides.alignment->userOverrideY, 0.0);
    QCOMPARE(saved.frames.value(9).status, FrameStatus::AuditFail);

    QProcess again;
    QVERIFY(startDirector(again));
    // On screen: no warned frame is left, and two failed ones instead of one.
    QTRY_VERIFY_WITH_TIMEOUT(screenColours().fail > 0, 10000);
    QTest::qWait(500);
    const Colours after = screenColours();
    QCOMPARE(after.warn, 0);
    QCOMPARE(after.fail, 2 * before.fail);
    QCOMPARE(session().sessionId, sessionId);
    again.kill();
    again.waitForFinished();
}

void TestEndToEnd::spacePlaysTheMoveOnScreen()
{
    QProcess director;
    QVERIFY(startDirector(director));
    QTRY_VERIFY_WITH_TIMEOUT(screenColours().fail > 0, 20000);
    // The window settles (its first paints, the images arriving; slow under a sanitizer), and
    // then nothing moves by itself.
    const std::optional<QImage> still = stageStill(1000, 30000);
    QVERIFY2(still, "the stage never stood still");
    QTest::qWait(1000);
    QCOMPARE(stageOnScreen(), *still);
    // Space: the move plays, and the stage shows other frames.
    QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("space")}));
    QVERIFY2(stageLeaves(*still, 20000), "the stage showed no other frame after Space");
    // Space again: it stops on a frame, and stays there.
    QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("space")}));
    const std::optional<QImage> paused = stageStill(1000, 20000);
    QVERIFY2(paused, "the stage did not stop after the second Space");
    QTest::qWait(1000);
    QCOMPARE(stageOnScreen(), *paused);
    director.kill();
    director.waitForFinished();
}

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
