#include "session/reasoncodes.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace {
struct Entry
{
    const char *code;
    const char *title;
    const char *meaning;
};

// QT_TRANSLATE_NOOP keeps the catalogue in the translation files.
const Entry catalogue[] = {
    {"HF01_DIMENSION_MISMATCH", QT_TRANSLATE_NOOP("ReasonCodes", "Wrong dimensions"),
     QT_TRANSLATE_NOOP("ReasonCodes", "The frame is not the size the manifest asks for.")},
    {"HF02_FULLY_TRANSPARENT", QT_TRANSLATE_NOOP("ReasonCodes", "Empty frame"),
     QT_TRANSLATE_NOOP("ReasonCodes", "Every pixel is transparent: nothing was drawn.")},
    {"HF03_IMAGE_CORRUPTED", QT_TRANSLATE_NOOP("ReasonCodes", "Corrupted image"),
     QT_TRANSLATE_NOOP("ReasonCodes", "The image file could not be decoded.")},
    {"HF04_WRONG_COLOR_DEPTH", QT_TRANSLATE_NOOP("ReasonCodes", "Wrong colour depth"),
     QT_TRANSLATE_NOOP("ReasonCodes", "The image is not 8-bit RGBA.")},
    {"HF05_FILE_SIZE_INVALID", QT_TRANSLATE_NOOP("ReasonCodes", "Invalid file size"),
     QT_TRANSLATE_NOOP("ReasonCodes", "The file is empty or far larger than a frame can be.")},
    {"HF_NO_ALPHA", QT_TRANSLATE_NOOP("ReasonCodes", "No transparency"),
     QT_TRANSLATE_NOOP("ReasonCodes",
                       "The frame has no alpha channel: the background was not removed.")},
    {"HF_IDENTITY_COLLAPSE", QT_TRANSLATE_NOOP("ReasonCodes", "Identity collapse"),
     QT_TRANSLATE_NOOP("ReasonCodes", "The character no longer resembles the anchor frame.")},
    {"SF01_IDENTITY_DRIFT", QT_TRANSLATE_NOOP("ReasonCodes", "Identity drift"),
     QT_TRANSLATE_NOOP(
         "ReasonCodes",
         "The character's shape or features differ from the anchor: compare with onion skin.")},
    {"SF02_PALETTE_DRIFT", QT_TRANSLATE_NOOP("ReasonCodes", "Palette drift"),
     QT_TRANSLATE_NOOP("ReasonCodes", "Colours outside the character's palette were used.")},
    {"SF03_ALPHA_HALO", QT_TRANSLATE_NOOP("ReasonCodes", "Alpha halo"),
     QT_TRANSLATE_NOOP("ReasonCodes", "Half-transparent pixels fringe the outline.")},
    {"SF_ALPHA_HALO", QT_TRANSLATE_NOOP("ReasonCodes", "Alpha halo"),
     QT_TRANSLATE_NOOP("ReasonCodes", "Half-transparent pixels fringe the outline.")},
    {"SF03_BASELINE_DRIFT", QT_TRANSLATE_NOOP("ReasonCodes", "Baseline drift"),
     QT_TRANSLATE_NOOP("ReasonCodes",
                       "The feet are not on the anchor's baseline: nudge the frame into place.")},
    {"SF04_BASELINE_DRIFT", QT_TRANSLATE_NOOP("ReasonCodes", "Baseline drift"),
     QT_TRANSLATE_NOOP(
         "ReasonCodes",
         "The feet are not on the anchor's baseline or root: nudge the frame into place.")},
    {"SF04_TEMPORAL_FLICKER", QT_TRANSLATE_NOOP("ReasonCodes", "Temporal flicker"),
     QT_TRANSLATE_NOOP("ReasonCodes", "The frame jumps against its neighbours when played.")},
    {"SF05_PIXEL_NOISE", QT_TRANSLATE_NOOP("ReasonCodes", "Pixel noise"),
     QT_TRANSLATE_NOOP("ReasonCodes", "Stray single pixels around or inside the sprite.")},
    {"SF_PIXEL_NOISE", QT_TRANSLATE_NOOP("ReasonCodes", "Pixel noise"),
     QT_TRANSLATE_NOOP("ReasonCodes", "Stray single pixels around or inside the sprite.")},
    {"SF_FRINGE_RISK", QT_TRANSLATE_NOOP("ReasonCodes", "Fringe risk"),
     QT_TRANSLATE_NOOP("ReasonCodes", "Edge colours may show a fringe against dark backgrounds.")},
};
} // namespace

ReasonCodes::Severity ReasonCodes::severityOf(const QString &code)
{
    if (code.startsWith(QLatin1String("HF")))
        return Severity::Hard;
    if (code.startsWith(QLatin1String("SF")))
        return Severity::Soft;
    if (code.startsWith(QLatin1String("SYS")) || code.startsWith(QLatin1String("DEP")))
        return Severity::System;
    return Severity::Unknown;
}

ReasonCodes::Description ReasonCodes::describe(const QString &code)
{
    Description d;
    d.code = code;
    d.severity = severityOf(code);
    for (const Entry &entry : catalogue) {
        if (code == QLatin1String(entry.code)) {
            d.title = QCoreApplication::translate("ReasonCodes", entry.title);
            d.meaning = QCoreApplication::translate("ReasonCodes", entry.meaning);
            return d;
        }
    }
    switch (d.severity) {
    case Severity::Hard:
        d.title = QCoreApplication::translate("ReasonCodes", "Hard failure");
        d.meaning = QCoreApplication::translate(
            "ReasonCodes", "A hard gate of the auditor failed: the frame is rejected.");
        break;
    case Severity::Soft:
        d.title = QCoreApplication::translate("ReasonCodes", "Soft failure");
        d.meaning = QCoreApplication::translate(
            "ReasonCodes", "A soft gate of the auditor failed: look closely, a retry is possible.");
        break;
    case Severity::System:
        d.title = QCoreApplication::translate("ReasonCodes", "Pipeline problem");
        d.meaning = QCoreApplication::translate(
            "ReasonCodes", "The pipeline itself had a problem with this frame.");
        break;
    case Severity::Unknown:
        d.title = QCoreApplication::translate("ReasonCodes", "Unknown flag");
        d.meaning = QCoreApplication::translate(
            "ReasonCodes", "The auditor reported a code Director does not know.");
        break;
    }
    return d;
}

QString ReasonCodes::firstOfItsReason(const QString &code)
{
    const auto found =
        std::find_if(std::begin(catalogue), std::end(catalogue),
                     [&code](const Entry &e) { return code == QLatin1String(e.code); });
    if (found == std::end(catalogue))
        return code;
    for (const Entry &entry : catalogue) {
        if (qstrcmp(entry.title, found->title) == 0)
            return QLatin1String(entry.code);
    }
    return code;
}

QStringList ReasonCodes::known()
{
    QStringList codes;
    for (const Entry &entry : catalogue)
        codes.append(QLatin1String(entry.code));
    return codes;
}

bool ReasonCodes::isWellFormed(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]+[0-9]*_[A-Z0-9_]+$"));
    return pattern.match(code).hasMatch();
}
