#include "audit/palettecheck.h"

#include "json/jsonreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace {

constexpr qint64 maxFileSize = 1024 * 1024;

// ARGB32 scan lines for any image the loader gives (ARGB32 or RGBA64).
QImage argb32(const QImage &image)
{
    return image.format() == QImage::Format_ARGB32 ? image
                                                   : image.convertToFormat(QImage::Format_ARGB32);
}

Result<PaletteCheck::Palette> coloursOf(const QJsonObject &object)
{
    const QJsonValue colors = object.value(u"colors");
    if (!colors.isArray())
        return Outcome::invalid(PaletteCheck::tr("\"colors\" is not a list"));
    const QJsonArray list = colors.toArray();
    if (list.isEmpty() || list.size() > PaletteCheck::maxColours)
        return Outcome::invalid(PaletteCheck::tr("\"colors\" holds no colour or too many"));
    static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    PaletteCheck::Palette palette;
    for (const QJsonValue &value : list) {
        const QString text = value.toString();
        if (!hex.match(text).hasMatch()) {
            return Outcome::invalid(PaletteCheck::tr("%1 is not a colour written #rrggbb")
                                        .arg(JsonReader::shown(value)));
        }
        palette.insert(0xff000000u | text.mid(1).toUInt(nullptr, 16));
    }
    return palette;
}

} // namespace

PaletteCheck::Palette PaletteCheck::fromAnchor(const QImage &anchor)
{
    Palette palette;
    const QImage image = argb32(anchor);
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(row[x]) >= checkedAlpha)
                palette.insert(row[x] | 0xff000000u);
        }
    }
    return palette;
}

PaletteCheck::RunPalette PaletteCheck::ofRun(const QString &runDir,
                                             const std::function<QImage()> &anchor)
{
    RunPalette palette;
    if (const auto file = readExplicit(runDir)) {
        if (*file) {
            palette.colours = **file;
            palette.fromFile = true;
            return palette;
        }
        palette.fileProblem = file->outcome().message();
    }
    palette.colours = fromAnchor(anchor());
    return palette;
}

std::optional<Result<PaletteCheck::Palette>> PaletteCheck::readExplicit(const QString &runDir)
{
    const QString path = runDir + QLatin1Char('/') + QLatin1String(fileName);
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return std::nullopt;
    if (!info.isFile())
        return Result<Palette>(Outcome::invalid(tr("not a regular file")));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Palette>(Outcome::failed(file.errorString()));
    if (file.size() > maxFileSize)
        return Result<Palette>(Outcome::invalid(tr("larger than 1 MB")));
    const JsonReader::Document document =
        JsonReader::parseObject(file.readAll(), JsonReader::Names::AsQtReadsThem);
    if (!document)
        return Result<Palette>(Outcome::invalid(document.problems.isEmpty()
                                                    ? tr("not a JSON object")
                                                    : document.problems.first().message));
    return coloursOf(document.object);
}

PaletteCheck::Findings PaletteCheck::check(const QImage &frame, const Palette &palette)
{
    Findings findings;
    const QImage image = argb32(frame);
    // Neighbouring pixels mostly share a colour: the last answer is asked first.
    QRgb last = 0;
    bool lastIn = false;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(row[x]) < checkedAlpha)
                continue;
            ++findings.checked;
            const QRgb colour = row[x] | 0xff000000u;
            if (colour != last || findings.checked == 1) {
                last = colour;
                lastIn = palette.contains(colour);
            }
            if (!lastIn)
                findings.pixels.append(QPoint(x, y));
        }
    }
    return findings;
}
