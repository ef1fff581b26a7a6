// director: parses the command line and dispatches it (README.md, "Commands"). The commands
// themselves are in commands/, the language Director speaks in language.h.

#include "commands/commandline.h"
#include "language.h"
#include "theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QStringDecoder>

#include <sys/stat.h>

#include <memory>

namespace {

// Qt reads and writes file names as UTF-8: a name that is not valid UTF-8 comes out of the
// conversion as another name, one that does not exist. Say so, rather than "not a folder".
Outcome checkUtf8(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8(QByteArrayView(argv[i]));
        if (!utf8.hasError())
            continue;
        struct stat info;
        const bool exists = ::stat(argv[i], &info) == 0;
        return Outcome::invalid(
            (exists ? QCoreApplication::translate(
                          "main", "director: the name %1 is not valid UTF-8. Director (Qt) opens "
                                  "files and folders only by names in UTF-8: rename it (for "
                                  "example with convmv) and try again.\n")
                    : QCoreApplication::translate(
                          "main", "director: the argument %1 is not valid UTF-8.\n"))
                .arg(decoded));
    }
    return Outcome::ok();
}

// The window's icon (the icon theme's, installed: hicolor; else the one built in), the
// desktop entry it belongs to (Wayland finds its icon so), and the look chosen in the
// preferences: the system's, light, or dark.
void setUpWindows()
{
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("director"),
                                                 QIcon(QStringLiteral(":/icons/director.png"))));
    QGuiApplication::setDesktopFileName(QStringLiteral("director"));
    Theme::applySaved();
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
    const Console console;
    for (const QString &warning :
         LanguageSelection::apply(CommandLine::languageArgument(arguments)))
        console.error(warning);
    if (const Outcome utf8 = checkUtf8(argc, argv); !utf8) {
        console.printError(utf8.message());
        return utf8.exitCode();
    }
    if (noDisplay) {
        console.printError(QCoreApplication::translate(
            "main", "director: there is no display to open the review window on (DISPLAY is not "
                    "set).\nUse \"director status RUN_DIR\" for a summary, or see \"director "
                    "--help\".\n"));
        return 1;
    }
    if (qobject_cast<QApplication *>(app.get()))
        setUpWindows();
    // QApplication has taken its own options (-style ...) out of these.
    const QStringList remaining = QCoreApplication::arguments();
    return CommandLine::command(remaining, console)->execute(remaining);
}
