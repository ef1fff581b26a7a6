#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The pixel editor Patch → Edit in … opens a frame in (README, Patches): the Preferences'
// command line when one is set (SettingsKeys::pixelEditor), else the first of Aseprite,
// LibreSprite and GIMP found on PATH, else the desktop's handler for PNG images (then Director
// cannot tell when the editor closes).
struct ExternalEditor
{
    Q_DECLARE_TR_FUNCTIONS(ExternalEditor)

public:
    QString program;       // empty: the desktop's handler (QDesktopServices::openUrl)
    QStringList arguments; // before the file's path
    QString name;          // for the operator: "Aseprite", "GIMP", "the default application"

    bool isDesktop() const { return program.isEmpty(); }

    // The editor for `commandLine` (the setting; empty or blank: found automatically).
    static ExternalEditor find(const QString &commandLine);
    // The editor the stored setting names.
    static ExternalEditor fromSettings();
};
