#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QLatin1StringView>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

class InpaintRequest;

// Runs an inpainting provider, an external program, on one request (docs/provider.md): the
// request's images in a temporary folder of Director's, the request as JSON on the program's
// standard input, its answer (JSON) read from its standard output. The program's standard
// error is not read: it goes where Director's goes. Everything the program does is checked:
// it must answer within the time limit (else it and its process group are killed), with at
// most maxAnswerBytes, exit 0, and write a PNG of the frame's size at the request's output;
// anything else is refused, saying why. The temporary folder is removed before run() returns.
//
// No GUI: run() blocks the thread it is called on and needs no event loop, so the window runs
// it on a worker thread (QtConcurrent) and the command line on its main thread. One object
// runs one request.
class InpaintProvider
{
    Q_DECLARE_TR_FUNCTIONS(InpaintProvider)

public:
    static constexpr int defaultTimeoutSeconds = 120;
    static constexpr qint64 maxAnswerBytes = 64 * 1024; // the provider's standard output
    // The QSettings key (Director's settings) naming the provider's command line.
    static constexpr QLatin1StringView settingsKey{"patch/inpaintProvider"};
    // The provider shipped with Director, installed next to it.
    static constexpr QLatin1StringView bundledName{"director-inpaint-anchor"};

    // Called about every 50 ms while the provider runs, with the time since it was started;
    // returning false cancels the run.
    using Progress = std::function<bool(std::chrono::milliseconds elapsed)>;

    // `command`: a program and its arguments, split as QProcess::splitCommand splits them.
    explicit InpaintProvider(
        const QString &command,
        std::chrono::milliseconds timeout = std::chrono::seconds(defaultTimeoutSeconds));

    // The frame patched: the provider's pixels where the request's mask masks, the frame's
    // own everywhere else (a provider cannot change what the operator did not mask). Or why
    // there is none: Invalid (a request without images, no command), Failed (everything the
    // provider can get wrong, a timeout, a cancel).
    Result<QImage> run(const InpaintRequest &request, const Progress &progress = {});
    // From any thread, at any time (before run() too): the run ends as soon as it can, the
    // provider killed, and run() says it was cancelled.
    void cancel() { m_cancelled = true; }

    // The command line to run: `given` (director patch --provider) when not empty, else the
    // setting (settingsKey) when not empty, else the bundled provider next to the running
    // program (QCoreApplication::applicationDirPath()).
    static QString defaultCommand(const QString &given = {});
    static QString bundledCommand();

private:
    // The provider's standard output once it has ended by itself, or why not.
    Result<QByteArray> talk(const QStringList &program, const QByteArray &input,
                            const Progress &progress, int *exitCode);
    // The image the answer names, checked.
    Result<QImage> readAnswer(const QByteArray &answer, int exitCode, const QString &output,
                              QSize frameSize) const;

    QString m_command;
    std::chrono::milliseconds m_timeout;
    std::atomic_bool m_cancelled{false};
};
