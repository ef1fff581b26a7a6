#pragma once

// What the tests of the review window share: settings of their own (never the user's), and a
// window shown, active and on a run, as the operator has it.

#include "mainwindow.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace WindowFixture {

// QSettings in `dir` (the test's own temporary folder), under `organization`. In
// initTestCase(); each test's init() then starts from QSettings().clear().
inline bool isolateSettings(const QTemporaryDir &dir, const QString &organization)
{
    if (!dir.isValid())
        return false;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QCoreApplication::setOrganizationName(organization);
    return true;
}

// A window of 1000×700, shown and active, with `runDir` opened as `access` says (whether
// it opened is the test's to check); null when the window could not be made active.
inline std::unique_ptr<MainWindow>
openWindow(const QString &runDir, SessionManager::Access access = SessionManager::Access::ReadWrite)
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1000, 700);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        return {};
    window->openRun(runDir, access);
    return window;
}

} // namespace WindowFixture
