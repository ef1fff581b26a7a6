#include "commandline.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // The headless commands never need a display; the window does.
    std::unique_ptr<QCoreApplication> app;
    if (CommandLine::opensWindow(arguments)) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            std::fputs("director: there is no display to open the review window on (DISPLAY is not "
                       "set).\nUse \"director status RUN_DIR\" for a summary, or see \"director "
                       "--help\".\n",
                       stderr);
            return 1;
        }
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("director"));
    QCoreApplication::setOrganizationName(QStringLiteral("Director"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DIRECTOR_VERSION));
    return CommandLine().run(QCoreApplication::arguments());
}
