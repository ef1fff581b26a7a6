#pragma once

#include "core/outcome.h"
#include "review/sessionmanager.h"

#include <QCommandLineOption>
#include <QCoreApplication>

class QCommandLineParser;

// --recover backup|new: what to do when the session file cannot be read (README.md,
// "Commands"). The window (director RUN_DIR) and the commands that change a session take it.
class RecoverOption
{
    Q_DECLARE_TR_FUNCTIONS(RecoverOption)

public:
    // The option as the commands that change a session describe it.
    static QCommandLineOption option();
    // The option with its own description.
    static QCommandLineOption option(const QString &description);
    // The recovery --recover asks for into *recovery (None when it is not given); Invalid
    // when its value is neither "backup" nor "new".
    static Outcome parse(const QCommandLineParser &parser, SessionManager::Recovery *recovery);
};
