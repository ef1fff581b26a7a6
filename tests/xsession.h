#pragma once

// A real X session for tests that run the real director executable as an
// operator would: Xvfb on a free display, xdotool for keys and the mouse,
// xwd for what is on the screen. .ci/deps installs all three.

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QtEndian>
#include <QTest>

class XSession
{
public:
    XSession() = default;
    XSession(const XSession &) = delete;
    XSession &operator=(const XSession &) = delete;
    ~XSession() { stop(); }

    // Starts Xvfb; *error says why not.
    bool start(QString *error)
    {
        for (const char *tool : {"Xvfb", "xdotool", "xwd"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()) {
                *error =
                    QStringLiteral("%1 is missing: .ci/deps installs it").arg(QLatin1String(tool));
                return false;
            }
        }
        // Xvfb picks a free display and writes its number to stdout.
        m_xvfb.start(QStringLiteral("Xvfb"),
                     {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                      QStringLiteral("0"), QStringLiteral("1600x1000x24"),
                      QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                      // Without it the server resets whenever its last client leaves, and a
                      // client connecting at that moment is turned away.
                      QStringLiteral("-noreset")});
        if (!m_xvfb.waitForStarted()) {
            *error = QStringLiteral("Xvfb did not start");
            return false;
        }
        if (!QTest::qWaitFor(
                [&] { return m_xvfb.canReadLine() || m_xvfb.state() != QProcess::Running; },
                20000) ||
            !m_xvfb.canReadLine()) {
            *error = QStringLiteral("Xvfb gave no display");
            return false;
        }
        m_display = QStringLiteral(":") + QString::fromLatin1(m_xvfb.readLine().trimmed());
        // Xvfb names its display a moment before it takes clients reliably:
        // wait until one gets an answer.
        if (!QTest::qWaitFor(
                [&] { return xdotool({QStringLiteral("getdisplaygeometry")}, nullptr, 5000); },
                20000)) {
            *error = QStringLiteral("Xvfb on %1 answers no client").arg(m_display);
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_xvfb.state() == QProcess::NotRunning)
            return;
        m_xvfb.terminate();
        if (!m_xvfb.waitForFinished(5000)) {
            m_xvfb.kill();
            m_xvfb.waitForFinished();
        }
    }

    const QString &display() const { return m_display; }

    // The environment of a director on this display, with its settings in
    // configHome (so tests never touch the user's).
    QProcessEnvironment environment(const QString &configHome) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), m_display);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
        return env;
    }

    // Runs a program on this display to its end; true when it exited 0.
    bool run(const QString &program, const QStringList &arguments, QByteArray *out = nullptr,
             int timeoutMs = 30000) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), m_display);
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return false;
        }
        if (out)
            *out = process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    bool xdotool(const QStringList &arguments, QByteArray *out = nullptr,
                 int timeoutMs = 30000) const
    {
        return run(QStringLiteral("xdotool"), arguments, out, timeoutMs);
    }

    // The visible windows of a process whose title contains `title` (any
    // when empty), as xdotool ids; waits up to timeoutMs for one to appear.
    QStringList windows(qint64 pid, const QString &title = {}, int timeoutMs = 20000) const
    {
        QStringList found;
        [[maybe_unused]] const bool appeared = QTest::qWaitFor(
            [&] {
                QByteArray out;
                QStringList arguments{QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                                      QStringLiteral("--pid"), QString::number(pid)};
                // --all: the pid and the title, not either (xdotool's default).
                if (!title.isEmpty())
                    arguments << QStringLiteral("--all") << QStringLiteral("--name")
                              << QRegularExpression::escape(title);
                xdotool(arguments, &out);
                found.clear();
                for (const QByteArray &id : out.split('\n'))
                    if (!id.trimmed().isEmpty())
                        found.append(QString::fromLatin1(id.trimmed()));
                return !found.isEmpty();
            },
            timeoutMs);
        return found;
    }

    // Places a window at the top left, the given size, and gives it the
    // keyboard (there is no window manager: the pointer stays over it).
    bool focus(const QString &window, int width = 1500, int height = 900) const
    {
        return xdotool({QStringLiteral("windowmove"), QStringLiteral("--sync"), window,
                        QStringLiteral("0"), QStringLiteral("0")}) &&
               xdotool({QStringLiteral("windowsize"), QStringLiteral("--sync"), window,
                        QString::number(width), QString::number(height)}) &&
               // No --sync: it waits for the pointer to move, and it may be there already.
               xdotool(
                   {QStringLiteral("mousemove"), QStringLiteral("300"), QStringLiteral("300")}) &&
               xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
    }

    // Starts director with `arguments` on this display and waits for its
    // main window, placed and focused; returns the window id, or empty. With
    // a `title` (a run's id), waits until the window's title names it: the
    // run is open (a window shows before its run is read, and takes no keys
    // until then).
    QString startDirector(QProcess &director, const QStringList &arguments,
                          const QString &configHome, const QString &title = {}) const
    {
        director.setProcessEnvironment(environment(configHome));
        director.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        director.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"), arguments);
        if (!director.waitForStarted())
            return {};
        const QStringList found = windows(director.processId(), title, 60000);
        if (found.isEmpty() || !focus(found.first()))
            return {};
        return found.first();
    }

    // The whole screen, read with xwd.
    QImage screen() const
    {
        // xwd writes the root window as XWD: a big-endian header, a colour
        // map, then the pixels (in the server's byte order).
        QByteArray dump;
        if (!run(QStringLiteral("xwd"), {QStringLiteral("-root"), QStringLiteral("-silent")},
                 &dump) ||
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
                for (quint32 b = 0; b < bytesPerPixel; ++b) // LSBFirst: lowest byte first
                    value |= quint32(p[byteOrder == 0 ? b : bytesPerPixel - 1 - b]) << (8 * b);
                out[x] = 0xff000000u | (value & 0xffffff);
            }
        }
        return image;
    }

private:
    QProcess m_xvfb;
    QString m_display;
};
