#include "commandline.h"
#include "preferences.h"
#include "theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStringDecoder>
#include <QTranslator>

#include <sys/stat.h>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

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

// Whether Director speaks the locale's language: English (the source language) or one of
// the embedded translations.
bool hasTranslation(const QLocale &locale)
{
    if (locale.language() == QLocale::English)
        return true;
    QTranslator probe;
    return probe.load(locale, translationsName, QStringLiteral("_"), translationsDir());
}

// The language Director speaks:
//   1. --lang LANG;
//   2. else the ui/language setting ("" is the system's language; the preferences write it);
//   3. else the first of the system's UI languages Director has a translation for;
//   4. else English (the system's locale still formats numbers when it is C or English).
// A --lang or setting that names no language Director has is a warning, added to *warnings
// (the command goes on): --lang then falls back to English, the setting to the system's.
// Warnings are translated once the translators are in place (printWarnings).
struct Warning
{
    const char *text; // marked with QT_TRANSLATE_NOOP, context "main"
    QString argument;
};

QLocale chooseLanguage(const std::optional<QString> &argument, QList<Warning> *warnings)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    auto spoken = [](const QString &name) {
        const std::optional<QLocale> locale = localeNamed(name);
        return locale && hasTranslation(*locale) ? locale : std::nullopt;
    };

    if (argument && !argument->trimmed().isEmpty()) {
        if (const std::optional<QLocale> locale = spoken(*argument))
            return *locale;
        warnings->append(
            {QT_TRANSLATE_NOOP("main", "there is no translation for the language "
                                       "\"%1\" (--lang); the messages are in English."),
             *argument});
        return english;
    }
    const QString setting = QSettings().value(SettingsKeys::language).toString();
    if (!setting.trimmed().isEmpty()) {
        if (const std::optional<QLocale> locale = spoken(setting))
            return *locale;
        warnings->append(
            {QT_TRANSLATE_NOOP("main", "there is no translation for the language \"%1\" (the "
                                       "ui/language setting); the system's language is used."),
             setting});
    }
    const QLocale system = QLocale::system();
    for (const QString &name : system.uiLanguages()) {
        if (const std::optional<QLocale> locale = spoken(name))
            return locale->language() == system.language() ? system : *locale;
    }
    if (system.language() == QLocale::C || system.language() == QLocale::English)
        return system;
    return english;
}

// Makes `locale` the default locale and installs Director's translator for it (English when
// Director has none for it: the plural forms) and Qt's own (qtbase_<lang>, from Qt's
// translations folder, when it is there).
void installTranslators(const QLocale &locale)
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

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // The headless commands never need a display; the window does.
    const bool opensWindow = CommandLine::opensWindow(arguments);
    const bool noDisplay = opensWindow && qEnvironmentVariableIsEmpty("DISPLAY") &&
                           qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
                           qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    std::unique_ptr<QCoreApplication> app;
    if (opensWindow && !noDisplay)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    // Before the settings are read (they are found by these names).
    QCoreApplication::setApplicationName(QStringLiteral("director"));
    QCoreApplication::setOrganizationName(QStringLiteral("Director"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DIRECTOR_VERSION));
    // Before anything is shown or printed, --help included.
    QList<Warning> warnings;
    installTranslators(chooseLanguage(CommandLine::languageArgument(arguments), &warnings));
    for (const Warning &warning : std::as_const(warnings)) {
        printErr(QStringLiteral("director: ") +
                 QCoreApplication::translate("main", warning.text).arg(warning.argument) +
                 QLatin1Char('\n'));
    }

    // Qt reads and writes file names as UTF-8: a name that is not valid
    // UTF-8 comes out of the conversion as another name, one that does not
    // exist. Say so, rather than "not a folder".
    for (int i = 1; i < argc; ++i) {
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8(QByteArrayView(argv[i]));
        if (!utf8.hasError())
            continue;
        struct stat info;
        const bool exists = ::stat(argv[i], &info) == 0;
        printErr((exists
                      ? QCoreApplication::translate(
                            "main", "director: the name %1 is not valid UTF-8. Director (Qt) opens "
                                    "files and folders only by names in UTF-8: rename it (for "
                                    "example with convmv) and try again.\n")
                      : QCoreApplication::translate(
                            "main", "director: the argument %1 is not valid UTF-8.\n"))
                     .arg(decoded));
        return 1;
    }

    if (noDisplay) {
        printErr(QCoreApplication::translate(
            "main", "director: there is no display to open the review window on (DISPLAY is not "
                    "set).\nUse \"director status RUN_DIR\" for a summary, or see \"director "
                    "--help\".\n"));
        return 1;
    }
    if (qobject_cast<QApplication *>(app.get())) {
        // The icon theme's (installed: hicolor), else the one built in; and
        // the desktop entry the window belongs to (Wayland finds its icon so).
        QApplication::setWindowIcon(QIcon::fromTheme(
            QStringLiteral("director"), QIcon(QStringLiteral(":/icons/director.png"))));
        QGuiApplication::setDesktopFileName(QStringLiteral("director"));
        // The look chosen in the preferences: the system's, light, or dark.
        Theme::applySaved();
    }
    return CommandLine().run(QCoreApplication::arguments());
}
