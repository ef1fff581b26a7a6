#include "patch/inpaintprovider.h"

#include "patch/inpaintrequest.h"
#include "patch/patchmask.h"
#include "run/imageloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace std::chrono;

namespace {

constexpr int pollMs = 50;
constexpr int messageChars = 500; // of a provider's text quoted in a message

// Kills the provider and whatever it started (its process group: it leads one, see talk()).
void stop(QProcess &process)
{
    if (const qint64 pid = process.processId(); pid > 0)
        ::kill(-pid_t(pid), SIGKILL);
    process.kill();
    process.waitForFinished(5000);
}

QString excerpt(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes.left(messageChars * 4)).simplified();
    if (text.size() > messageChars)
        text = text.left(messageChars) + QStringLiteral("…");
    return text;
}

QString quoted(const QString &path)
{
    if (!path.contains(QLatin1Char(' ')) && !path.contains(QLatin1Char('"')) &&
        !path.contains(QLatin1Char('\t')))
        return path;
    QString inner = path;
    inner.replace(QStringLiteral("\""), QStringLiteral("\"\"\""));
    return QLatin1Char('"') + inner + QLatin1Char('"');
}

} // namespace

InpaintProvider::InpaintProvider(const QString &command, milliseconds timeout)
    : m_command(command), m_timeout(timeout)
{}

QString InpaintProvider::bundledCommand()
{
    return quoted(QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(bundledName));
}

QString InpaintProvider::defaultCommand(const QString &given)
{
    if (!given.trimmed().isEmpty())
        return given;
    const QString setting = QSettings().value(settingsKey).toString();
    if (!setting.trimmed().isEmpty())
        return setting;
    return bundledCommand();
}

Result<QImage> InpaintProvider::run(const InpaintRequest &request, const Progress &progress)
{
    if (request.frame.isNull() || request.mask.size() != request.frame.size())
        return Outcome::invalid(tr("The inpainting request has no frame, or no mask of the "
                                   "frame's size."));
    const QStringList program = QProcess::splitCommand(m_command);
    if (program.isEmpty())
        return Outcome::invalid(tr("No inpainting provider is set."));
    QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/director-inpaint-XXXXXX"));
    if (!folder.isValid())
        return Outcome::failed(
            tr("No temporary folder for the inpainting provider: %1").arg(folder.errorString()));
    const Result<InpaintRequest::Files> files = request.writeFiles(folder.path());
    if (!files)
        return files.outcome();
    int exitCode = 0;
    const Result<QByteArray> answer = talk(program, request.json(*files), progress, &exitCode);
    if (!answer)
        return answer.outcome();
    const Result<QImage> image = readAnswer(*answer, exitCode, files->output, request.frame.size());
    if (!image)
        return image.outcome();
    return PatchMask::compose(request.frame, *image, request.mask);
}

Result<QByteArray> InpaintProvider::talk(const QStringList &program, const QByteArray &input,
                                         const Progress &progress, int *exitCode)
{
    if (m_cancelled)
        return Outcome::failed(tr("The inpainting was cancelled."));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Its own process group, so that a timeout or a cancel stops what it started too.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start(program.first(), program.mid(1));
    if (!process.waitForStarted(30000))
        return Outcome::failed(tr("The inpainting provider %1 cannot be started: %2")
                                   .arg(program.first(), process.errorString()));
    process.write(input);
    process.closeWriteChannel();
    QElapsedTimer clock;
    clock.start();
    QByteArray out;
    while (process.state() != QProcess::NotRunning) {
        const milliseconds elapsed(clock.elapsed());
        if (m_cancelled || (progress && !progress(elapsed))) {
            stop(process);
            return Outcome::failed(tr("The inpainting was cancelled: the provider was stopped."));
        }
        if (elapsed >= m_timeout) {
            stop(process);
            return Outcome::failed(
                tr("The inpainting provider did not finish within %1 s: it was stopped.")
                    .arg(double(m_timeout.count()) / 1000.0));
        }
        // Returns at the first data (at most a pipe's worth), when it ends, or after pollMs.
        process.waitForReadyRead(pollMs);
        out += process.readAllStandardOutput();
        if (out.size() > maxAnswerBytes) {
            stop(process);
            return Outcome::failed(
                tr("The inpainting provider wrote more than %1 KiB to its standard output: it "
                   "was stopped.")
                    .arg(maxAnswerBytes / 1024));
        }
    }
    out += process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit)
        return Outcome::failed(tr("The inpainting provider crashed."));
    if (out.size() > maxAnswerBytes)
        return Outcome::failed(
            tr("The inpainting provider wrote more than %1 KiB to its standard output.")
                .arg(maxAnswerBytes / 1024));
    *exitCode = process.exitCode();
    return out;
}

Result<QImage> InpaintProvider::readAnswer(const QByteArray &answer, int exitCode,
                                           const QString &output, QSize frameSize) const
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(answer, &error);
    const QJsonObject object = document.object();
    const QString said = object.value(QLatin1String("error")).toString();
    if (exitCode != 0)
        return Outcome::failed(
            said.isEmpty() ? tr("The inpainting provider failed (exit code %1).").arg(exitCode)
                           : tr("The inpainting provider failed (exit code %1): %2")
                                 .arg(exitCode)
                                 .arg(said.left(messageChars)));
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Outcome::failed(tr("The inpainting provider's answer is not a JSON object: \"%1\"")
                                   .arg(excerpt(answer)));
    if (object.contains(QLatin1String("error")))
        return Outcome::failed(
            tr("The inpainting provider: %1")
                .arg(said.isEmpty() ? excerpt(answer) : said.left(messageChars)));
    const QString image = object.value(QLatin1String("image")).toString();
    if (image.isEmpty() || QFileInfo(image).isRelative() ||
        QDir::cleanPath(image) != QDir::cleanPath(output))
        return Outcome::failed(tr("The inpainting provider's answer does not name its image as "
                                  "%1.")
                                   .arg(QDir::toNativeSeparators(output)));
    const Result<QImage> loaded = ImageLoader::load(output);
    if (!loaded)
        return Outcome::failed(tr("The inpainting provider's image cannot be used: %1")
                                   .arg(loaded.outcome().message()));
    if (loaded->size() != frameSize)
        return Outcome::failed(tr("The inpainting provider's image is %1×%2 pixels; the frame "
                                  "is %3×%4.")
                                   .arg(loaded->width())
                                   .arg(loaded->height())
                                   .arg(frameSize.width())
                                   .arg(frameSize.height()));
    return *loaded;
}
