#include "commands/democommand.h"

#include "commands/opencommand.h"
#include "demo/demorun.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace {

const QString noGuiName = QStringLiteral("no-gui");

} // namespace

DemoCommand::DemoCommand(const Console &console) : Command(QStringLiteral("demo"), console) {}

QString DemoCommand::description() const
{
    return tr("Write the demo run into DIR (a new or empty folder) and open it.");
}

bool DemoCommand::opensWindow(const QStringList &arguments) const
{
    return !arguments.contains(QLatin1String("--no-gui"));
}

void DemoCommand::addArguments(QCommandLineParser &parser) const
{
    addNameArgument(parser);
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 tr("Where to write the demo run (default: a new folder in "
                                    "Director's data folder)."),
                                 QStringLiteral("[DIR]"));
    parser.addOption({noGuiName, tr("Only write the run, do not open it.")});
    addLanguageOption(parser);
}

int DemoCommand::run(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2)
        return fail(wrongArgumentCount());
    QString dir = positional.value(1);
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
              QStringLiteral("/demo-runs/") +
              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"));
    }
    if (const Outcome written = DemoRun::write(dir); !written)
        return fail(written);
    console().print(tr("Demo run written to %1").arg(QDir::toNativeSeparators(dir)) +
                    QLatin1Char('\n'));
    if (parser.isSet(noGuiName))
        return 0;
    return OpenCommand::showWindow(dir, SessionManager::Recovery::None);
}
