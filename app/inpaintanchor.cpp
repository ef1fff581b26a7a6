// director-inpaint-anchor: the inpainting provider shipped with Director (docs/provider.md).
// No model and no network: the masked pixels are taken from the anchor frame where it has a
// pixel at the same place as commit writes both frames (a transparent one too: background
// stays background), else from the frame's nearest opaque pixel outside the mask (AnchorFill).
// Reads the request (JSON) on standard input, writes the image to the request's "output", answers
// {"image": output} on standard output, or {"error": "..."} and exit code 1.

#include "patch/anchorfill.h"
#include "patch/patchmask.h"
#include "run/imageloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPoint>

#include <cstdio>

namespace {

constexpr qint64 maxRequestBytes = 16 * 1024 * 1024;

int answer(const QJsonObject &object)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    out.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    out.close();
    return object.contains(QLatin1String("error")) ? 1 : 0;
}

int fail(const QString &message)
{
    return answer({{QStringLiteral("error"), message}});
}

QPoint pointOf(const QJsonValue &value)
{
    const QJsonArray array = value.toArray();
    return QPoint(array.at(0).toInt(), array.at(1).toInt());
}

QImage loaded(const QString &path, QString *error)
{
    const Result<QImage> image = ImageLoader::load(path);
    if (!image && error->isEmpty())
        *error = QStringLiteral("%1: %2").arg(path, image.outcome().message());
    return image.valueOr(QImage());
}

int inpaint(const QJsonObject &request)
{
    if (request.value(QLatin1String("version")).toInt() != 1)
        return fail(QStringLiteral("unsupported request version (this provider speaks 1)"));
    const QJsonObject frameJson = request.value(QLatin1String("frame")).toObject();
    const QJsonObject anchorJson = request.value(QLatin1String("anchor")).toObject();
    const QString output = request.value(QLatin1String("output")).toString();
    if (output.isEmpty())
        return fail(QStringLiteral("the request names no output"));
    QString error;
    const QImage frame = loaded(frameJson.value(QLatin1String("image")).toString(), &error);
    const QImage anchor = loaded(anchorJson.value(QLatin1String("image")).toString(), &error);
    const QImage maskImage = loaded(request.value(QLatin1String("mask")).toString(), &error);
    if (!error.isEmpty())
        return fail(error);
    if (maskImage.size() != frame.size())
        return fail(QStringLiteral("the mask is not the frame's size"));
    const QImage filled = AnchorFill::fill(
        frame, pointOf(request.value(QLatin1String("frameOffset"))), anchor,
        pointOf(anchorJson.value(QLatin1String("offset"))), PatchMask::fromImage(maskImage));
    if (!filled.save(output, "PNG"))
        return fail(QStringLiteral("cannot write %1").arg(output));
    return answer({{QStringLiteral("image"), output}});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read standard input"));
    QByteArray bytes;
    char chunk[65536];
    for (qint64 n = 0; (n = in.read(chunk, sizeof chunk)) > 0 && bytes.size() <= maxRequestBytes;)
        bytes.append(chunk, n);
    if (bytes.size() > maxRequestBytes)
        return fail(QStringLiteral("the request is larger than 16 MiB"));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(
            QStringLiteral("the request is not a JSON object: %1").arg(parseError.errorString()));
    return inpaint(document.object());
}
