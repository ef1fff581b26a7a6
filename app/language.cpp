#include "language.h"

#include "core/languages.h"
#include "preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace {

// Director's translations: director_de.qm, and director_en.qm with the English plural
// forms of the "%n" strings. Installed (cmake --install, the .deb), they are read from
// <prefix>/share/director/translations, next to bin/; otherwise from the copies built into
// the binary under :/i18n (app/CMakeLists.txt).
const QString &translationsDir()
{
    static const QString dir = [] {
        const QString installed =
            QDir::cleanPath(QCoreApplication::applicationDirPath() +
                            QStringLiteral("/../share/director/translations"));
        return QFileInfo::exists(installed + QStringLiteral("/director_en.qm"))
                   ? installed
                   : QStringLiteral(":/i18n");
    }();
    return dir;
}
const QString translationsName = QStringLiteral("director");

// A language as --lang and the ui/language setting give it: "de", "de_DE", "de-AT",
// "de_DE.UTF-8"; the locale it names, or nothing when it is not a language.
std::optional<QLocale> localeNamed(QString name)
{
    name = name.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0).trimmed();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QLocale locale(name);
    if (name.isEmpty() || locale.language() == QLocale::C)
        return std::nullopt;
    // QLocale takes what it does not know for "C"; a known language it keeps even with an
    // unknown territory ("de_XX" is German). The language code must be the one given.
    const QString code = name.section(QLatin1Char('_'), 0, 0).toLower();
    if (QLocale::codeToLanguage(code) != locale.language())
        return std::nullopt;
    return locale;
}

// The locale `name` names, when Director speaks its language.
std::optional<QLocale> spokenLocale(const QString &name)
{
    const std::optional<QLocale> locale = localeNamed(name);
    if (!locale || !isDirectorLanguage(QLocale::languageToCode(locale->language())))
        return std::nullopt;
    return locale;
}

} // namespace

QStringList LanguageSelection::apply(const std::optional<QString> &argument)
{
    QList<Warning> warnings;
    installTranslators(choose(argument, &warnings));
    // Translated once the translators are in place.
    QStringList translated;
    for (const Warning &warning : std::as_const(warnings))
        translated.append(tr(warning.text).arg(warning.argument));
    return translated;
}

QLocale LanguageSelection::choose(const std::optional<QString> &argument, QList<Warning> *warnings)
{
    if (argument && !argument->trimmed().isEmpty()) {
        if (const std::optional<QLocale> locale = spokenLocale(*argument))
            return *locale;
        warnings->append({QT_TRANSLATE_NOOP("LanguageSelection",
                                            "there is no translation for the language \"%1\" "
                                            "(--lang); the messages are in English."),
                          *argument});
        return QLocale(QLocale::English, QLocale::UnitedStates);
    }
    const QString setting = QSettings().value(SettingsKeys::language).toString();
    if (!setting.trimmed().isEmpty()) {
        if (const std::optional<QLocale> locale = spokenLocale(setting))
            return *locale;
        warnings->append({QT_TRANSLATE_NOOP("LanguageSelection",
                                            "there is no translation for the language \"%1\" "
                                            "(the ui/language setting); the system's language "
                                            "is used."),
                          setting});
    }
    const QLocale system = QLocale::system();
    for (const QString &name : system.uiLanguages()) {
        if (const std::optional<QLocale> locale = spokenLocale(name))
            return locale->language() == system.language() ? system : *locale;
    }
    if (system.language() == QLocale::C || system.language() == QLocale::English)
        return system;
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

// Makes `locale` the default locale and installs Director's translator for it (English when
// Director has none for it: the plural forms) and Qt's own (qtbase_<lang>, from Qt's
// translations folder, when it is there).
void LanguageSelection::installTranslators(const QLocale &locale)
{
    QLocale::setDefault(locale);
    auto *director = new QTranslator(QCoreApplication::instance());
    if (director->load(locale, translationsName, QStringLiteral("_"), translationsDir()) ||
        director->load(QLocale(QLocale::English), translationsName, QStringLiteral("_"),
                       translationsDir()))
        QCoreApplication::installTranslator(director);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return; // Qt's own strings are English already
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}
