#pragma once

// What the tests of the review window share: settings of their own (never the user's), and a
// window shown, active and on a run, as the operator has it.

#include "mainwindow.h"
#include "reasonpicker.h"

#include <QCoreApplication>
#include <QLineEdit>
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

// A window of 1000×700 with no run, shown and active; null when it could not be made active.
inline std::unique_ptr<MainWindow> shownWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1000, 700);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        return {};
    return window;
}

// A window of 1000×700, shown and active, with `runDir` opened as `access` says (whether
// it opened is the test's to check); null when the window could not be made active.
inline std::unique_ptr<MainWindow>
openWindow(const QString &runDir, SessionManager::Access access = SessionManager::Access::ReadWrite)
{
    auto window = shownWindow();
    if (window)
        window->openRun(runDir, access);
    return window;
}

// Answers the reason picker X opens (tst_reasonpicker): `keys` typed into it first (a digit
// picks that reason; letters filter), then Enter; and the window active again. Without keys
// the frames are rejected with no reason. False when no picker was open.
inline bool answerReasonPicker(QWidget *window, const QString &keys = {})
{
    bool answered = false;
    for (ReasonPicker *picker : window->findChildren<ReasonPicker *>()) {
        if (!picker->isVisible())
            continue;
        if (!keys.isEmpty())
            QTest::keyClicks(picker->filter(), keys);
        QTest::keyClick(picker->filter(), Qt::Key_Return);
        answered = true;
    }
    if (!answered)
        return false;
    QCoreApplication::processEvents();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

} // namespace WindowFixture
