#pragma once

// A folder of runs as a studio has it, for the start page and `director list`: one run of
// each kind the catalog tells apart.

#include "review/sessionmanager.h"
#include "runfixture.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>

namespace RunsFixture {

// A lock file as QLockFile writes it (pid, program, host name, and this Director's machine
// and boot ids) naming `host` and `pid`: a Director on another workstation of the share.
inline bool writeForeignLock(const QString &runDir, const QString &host, qint64 pid)
{
    const QByteArray text = QByteArray::number(pid) + "\ndirector\n" + host.toUtf8() +
                            "\nfeedfacefeedfacefeedfacefeedface\n"
                            "0badc0de-0bad-c0de-0bad-c0de0badc0de\n";
    return RunFixture::writeFile(runDir + QStringLiteral("/director_session.json.lock"), text);
}

// A session saved (and its lock given back), as a Director leaves a run it reviewed.
inline bool writeSession(const QString &runDir)
{
    SessionManager manager;
    return bool(manager.initializeOrResume(runDir));
}

// Five runs in `folder`:
//   fresh      no session yet (5 frames, one of each status)
//   active     a session under way (frame 1 approved)
//   committed  a committed session (3 frames, all approved)
//   corrupt    a session file that is not JSON
//   held       a session whose lock names the host "render-07", process 4242
inline bool writeRuns(const QString &folder)
{
    const QDir dir(folder);
    bool ok = RunFixture::writeMixedRun(dir.filePath(QStringLiteral("fresh")),
                                        QStringLiteral("run_fresh"));
    const QString active = dir.filePath(QStringLiteral("active"));
    ok = ok && RunFixture::writeMixedRun(active, QStringLiteral("run_active"));
    {
        SessionManager manager;
        ok = ok && manager.initializeOrResume(active) &&
             manager.updateFrameStatus(1, FrameStatus::Approved);
    }
    const QString committed = dir.filePath(QStringLiteral("committed"));
    ok = ok && RunFixture::writeApprovedRun(committed, 3);
    {
        SessionManager manager;
        ok = ok && manager.initializeOrResume(committed) && manager.commitSession();
    }
    const QString corrupt = dir.filePath(QStringLiteral("corrupt"));
    ok = ok && RunFixture::writeMixedRun(corrupt, QStringLiteral("run_corrupt")) &&
         RunFixture::writeFile(corrupt + QStringLiteral("/director_session.json"), "{ not json");
    const QString held = dir.filePath(QStringLiteral("held"));
    ok = ok && RunFixture::writeMixedRun(held, QStringLiteral("run_held")) && writeSession(held) &&
         writeForeignLock(held, QStringLiteral("render-07"), 4242);
    return ok;
}

} // namespace RunsFixture
