#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <optional>

// The language Director speaks (README.md, "Settings, language and look";
// translations/README.md), chosen once at start, before anything is shown or printed:
//   1. --lang LANG;
//   2. else the ui/language setting ("" is the system's language; the preferences write it);
//   3. else the first of the system's UI languages Director speaks (directorLanguages);
//   4. else English (the system's locale still formats numbers when it is C or English).
// A --lang or setting that names no language Director speaks is a warning (the command goes
// on): --lang then falls back to English, the setting to the system's language.
class LanguageSelection
{
    Q_DECLARE_TR_FUNCTIONS(LanguageSelection)

public:
    // Chooses the language for `argument` (the value of --lang, if given), makes it the
    // default locale and installs Director's and Qt's translators for it. Returns the
    // warnings, translated into that language.
    static QStringList apply(const std::optional<QString> &argument);

private:
    struct Warning
    {
        const char *text; // marked with QT_TRANSLATE_NOOP, context "LanguageSelection"
        QString argument;
    };

    static QLocale choose(const std::optional<QString> &argument, QList<Warning> *warnings);
    static void installTranslators(const QLocale &locale);
};
