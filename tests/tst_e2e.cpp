#include "sessioncodec.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <QTest>

// The real director executable in a real X session (Xvfb), driven from the
// outside with real key and mouse events (xdotool), killed with SIGKILL and
// started again: every saved edit must be in the file and on the screen.
class TestEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void editsSurviveSigkillOnDiskAndOnScreen();

private:
    struct Colours
    {
        int warn = 0; // pixels of the AUDIT_WARN border colour
        int fail = 0; // pixels of the AUDIT_FAIL border colour
    };
    bool run(const QString &program, const QStringList &arguments, QByteArray *out = nullptr);
    bool xdotool(const QStringList &arguments, QByteArray *out = nullptr);
    bool startDirector(QProcess &director);
    Colours screenColours();
    QImage screen();
    DirectorSession session() const;

    QProcess m_xvfb;
    QString m_display;
    QTemporaryDir m_dir;
    QString m_run;
    QString m_window;
};

bool TestEndToEnd::run(const QString &program, const QStringList &arguments, QByteArray *out)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool TestEndToEnd::xdotool(const QStringList &arguments, QByteArray *out)
{
    return run(QStringLiteral("xdotool"), arguments, out);
}

void TestEndToEnd::initTestCase()
{
    for (const char *tool : {"Xvfb", "xdotool", "xwd"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QFAIL(qPrintable(
                QStringLiteral("%1 is missing: .ci/deps installs it").arg(QLatin1String(tool))));
    }
    QVERIFY(m_dir.isValid());
    // Xvfb picks a free display and writes its number to stdout.
    m_xvfb.start(QStringLiteral("Xvfb"),
                 {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                  QStringLiteral("0"), QStringLiteral("1600x1000x24"), QStringLiteral("-nolisten"),
                  QStringLiteral("tcp")});
    QVERIFY(m_xvfb.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_xvfb.canReadLine() || m_xvfb.state() != QProcess::Running, 20000);
    const QByteArray number = m_xvfb.readLine().trimmed();
    QVERIFY2(!number.isEmpty(), "Xvfb did not start");
    m_display = QStringLiteral(":") + QString::fromLatin1(number);

    m_run = m_dir.filePath(QStringLiteral("demo"));
    QProcess demo;
    demo.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"),
               {QStringLiteral("demo"), m_run, QStringLiteral("--no-gui")});
    QVERIFY(demo.waitForFinished(30000));
    QCOMPARE(demo.exitCode(), 0);
}

void TestEndToEnd::cleanupTestCase()
{
    m_xvfb.terminate();
    m_xvfb.waitForFinished(5000);
}

bool TestEndToEnd::startDirector(QProcess &director)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    director.setProcessEnvironment(env);
    director.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    director.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"), {m_run});
    if (!director.waitForStarted())
        return false;
    QByteArray id;
    if (!xdotool({QStringLiteral("search"), QStringLiteral("--sync"),
                  QStringLiteral("--onlyvisible"), QStringLiteral("--pid"),
                  QString::number(director.processId())},
                 &id))
        return false;
    m_window = QString::fromLatin1(id.split('\n').first().trimmed());
    // No window manager: place the window, and keep the pointer over it so
    // that the keyboard goes to it.
    return xdotool({QStringLiteral("windowmove"), QStringLiteral("--sync"), m_window,
                    QStringLiteral("0"), QStringLiteral("0")}) &&
           xdotool({QStringLiteral("windowsize"), QStringLiteral("--sync"), m_window,
                    QStringLiteral("1500"), QStringLiteral("900")}) &&
           xdotool({QStringLiteral("mousemove"), QStringLiteral("--sync"), QStringLiteral("300"),
                    QStringLiteral("300")}) &&
           xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), m_window});
}

QImage TestEndToEnd::screen()
{
    // xwd writes the root window as XWD: a big-endian header, a colour map,
    // then the pixels (32 bits each, in the server's byte order).
    QByteArray dump;
    if (!run(QStringLiteral("xwd"), {QStringLiteral("-root"), QStringLiteral("-silent")}, &dump) ||
        dump.size() < 100) {
        qWarning("xwd gave no screen (%lld bytes)", qlonglong(dump.size()));
        return {};
    }
    auto field = [&](int i) { return qFromBigEndian<quint32>(dump.constData() + 4 * i); };
    const quint32 headerSize = field(0);
    const quint32 width = field(4);
    const quint32 height = field(5);
    const quint32 byteOrder = field(7);
    const quint32 bitsPerPixel = field(11);
    const quint32 bytesPerLine = field(12);
    const quint32 mapEntries = field(19);
    const qsizetype pixels = headerSize + 12 * mapEntries;
    const quint32 bytesPerPixel = bitsPerPixel / 8;
    if ((bytesPerPixel != 3 && bytesPerPixel != 4) ||
        dump.size() < pixels + qsizetype(bytesPerLine) * height) {
        qWarning("xwd's screen cannot be read (%u bits per pixel, %lld bytes)", bitsPerPixel,
                 qlonglong(dump.size()));
        return {};
    }
    QImage image(int(width), int(height), QImage::Format_RGB32);
    for (quint32 y = 0; y < height; ++y) {
        const uchar *row =
            reinterpret_cast<const uchar *>(dump.constData() + pixels + y * bytesPerLine);
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(int(y)));
        for (quint32 x = 0; x < width; ++x) {
            const uchar *p = row + bytesPerPixel * x;
            quint32 value = 0;
            for (quint32 b = 0; b < bytesPerPixel; ++b) // LSBFirst: the lowest byte comes first
                value |= quint32(p[byteOrder == 0 ? b : bytesPerPixel - 1 - b]) << (8 * b);
            out[x] = 0xff000000u | (value & 0xffffff);
        }
    }
    // Kept for a look when the test fails.
    image.save(QDir::current().filePath(QStringLiteral("e2e-screen.png")));
    return image;
}

TestEndToEnd::Colours TestEndToEnd::screenColours()
{
    const QImage image = screen();
    Colours colours;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            colours.warn += (row[x] & 0xffffff) == 0xf9c22e;
            colours.fail += (row[x] & 0xffffff) == 0xe53935;
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
    // Next frame needing attention (3): approve. Next (5): drag it 3 px left.
    QVERIFY(keys({QStringLiteral("Home"), QStringLiteral("n"), QStringLiteral("a")}));
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
    // Next (9): reject.
    QVERIFY(keys({QStringLiteral("n"), QStringLiteral("x")}));
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

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
