#pragma once

#include <QString>

// The result of an operation that can fail for a reason the operator can act
// on. The kind decides the exit code of the headless commands; the message is
// written for the operator.
class Outcome
{
public:
    enum class Kind
    {
        Ok,      // done
        Invalid, // bad input: a file, an argument, a path (exit code 1)
        Failed,  // the operation could not be carried out: I/O, missing data (exit code 1)
        Refused, // refused by the rules: illegal transition, read-only session (exit code 2)
        Locked,  // another running Director holds the session (exit code 3)
    };

    Outcome() = default;

    static Outcome ok() { return {}; }
    static Outcome invalid(const QString &message) { return {Kind::Invalid, message}; }
    static Outcome failed(const QString &message) { return {Kind::Failed, message}; }
    static Outcome refused(const QString &message) { return {Kind::Refused, message}; }
    static Outcome locked(const QString &message) { return {Kind::Locked, message}; }

    bool isOk() const { return m_kind == Kind::Ok; }
    explicit operator bool() const { return isOk(); }
    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }

    // 0 success, 1 invalid input or failed operation, 2 refused by the rules, 3 locked.
    int exitCode() const
    {
        switch (m_kind) {
        case Kind::Ok:
            return 0;
        case Kind::Invalid:
        case Kind::Failed:
            return 1;
        case Kind::Refused:
            return 2;
        case Kind::Locked:
            return 3;
        }
        return 1;
    }

private:
    Outcome(Kind kind, const QString &message) : m_kind(kind), m_message(message) {}

    Kind m_kind = Kind::Ok;
    QString m_message;
};
