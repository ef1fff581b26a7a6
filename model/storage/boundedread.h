#pragma once

#include "core/outcome.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Reading a whole file into memory only when it is a regular file no larger than a bound: for
// a file named by the user, which may be anything (a folder, a FIFO, a device, gigabytes).
class BoundedRead
{
    Q_DECLARE_TR_FUNCTIONS(BoundedRead)

public:
    // The bytes of the session file at `path` (`director validate FILE`), at most
    // SessionCodec::maxFileSize of them: Invalid, naming the file and why, when it does not
    // exist, is not a regular file, cannot be read or is larger than a session file can be.
    static Outcome sessionFile(const QString &path, QByteArray *bytes);
};
