#include "externaleditor.h"

#include "preferences.h"

#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace {

struct Known
{
    const char *executable;
    const char *name;
};

// Tried in this order when no editor is set.
constexpr std::array<Known, 3> knownEditors{{
    {"aseprite", "Aseprite"},
    {"libresprite", "LibreSprite"},
    {"gimp", "GIMP"},
}};

// The known editor's own name, else the program's file name.
QString nameOf(const QString &program)
{
    const QFileInfo file(program);
    for (const Known &known : knownEditors) {
        const QLatin1String executable(known.executable);
        if (file.fileName().compare(executable, Qt::CaseInsensitive) == 0 ||
            file.completeBaseName().compare(executable, Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(known.name);
    }
    return file.fileName();
}

} // namespace

ExternalEditor ExternalEditor::find(const QString &commandLine)
{
    QStringList words = QProcess::splitCommand(commandLine);
    if (!words.isEmpty()) {
        const QString program = words.takeFirst();
        return {program, words, nameOf(program)};
    }
    for (const Known &known : knownEditors) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(known.executable));
        if (!path.isEmpty())
            return {path, {}, QString::fromLatin1(known.name)};
    }
    return {QString(), {}, tr("Default Application")};
}

ExternalEditor ExternalEditor::fromSettings()
{
    return find(QSettings().value(SettingsKeys::pixelEditor).toString());
}
