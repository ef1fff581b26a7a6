#pragma once

// Runs the real director executable (DIRECTOR_EXECUTABLE, which CTest sets),
// in its own process, as the pipeline and scripts run it.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace DirectorProcess {

struct Result
{
    int exitCode = -1; // -1: it did not finish by itself in time
    QString out;
    QString err;
};

inline Result run(const QStringList &arguments,
                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("DIRECTOR_EXECUTABLE"), arguments);
    Result result;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

} // namespace DirectorProcess
