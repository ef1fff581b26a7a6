#include "commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("director"));
    QCoreApplication::setOrganizationName(QStringLiteral("Director"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DIRECTOR_VERSION));
    return CommandLine().run(QCoreApplication::arguments());
}
