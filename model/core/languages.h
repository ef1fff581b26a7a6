#pragma once

#include <QLatin1StringView>
#include <QStringView>

#include <array>

// The languages Director speaks: English, the source language, and one for each translation
// in translations/ (director_<code>.ts, built into the binary). The preferences dialog offers
// these; --lang, the ui/language setting and the system's languages choose among them. A new
// translation is added here, next to its .ts file.
struct DirectorLanguage
{
    QLatin1StringView code; // ISO 639-1, as the setting ui/language stores it: "en", "de"
    QLatin1StringView name; // in the language itself, never translated: "Deutsch"
};

inline constexpr std::array<DirectorLanguage, 2> directorLanguages = {{
    {QLatin1StringView("en"), QLatin1StringView("English")},
    {QLatin1StringView("de"), QLatin1StringView("Deutsch")},
}};

// Whether `code` ("de") is one of directorLanguages.
inline bool isDirectorLanguage(QStringView code)
{
    for (const DirectorLanguage &language : directorLanguages) {
        if (code == language.code)
            return true;
    }
    return false;
}
