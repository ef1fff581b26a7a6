#pragma once

#include <QString>

// Where a command writes: its output and its messages. By default the process's stdout and
// stderr; a test gives two strings instead and reads what the command printed.
class Console
{
public:
    // stdout and stderr.
    Console() = default;
    // Appends what is printed to *out and *err.
    Console(QString *out, QString *err) : m_out(out), m_err(err) {}

    // The command's output, as it is (stdout).
    void print(const QString &text) const;
    // A message as it is (stderr).
    void printError(const QString &text) const;
    // "director: <message>" and a new line (stderr): how every failure is told.
    void error(const QString &message) const;

private:
    QString *m_out = nullptr;
    QString *m_err = nullptr;
};
