#pragma once

#include <QString>

// What the auditor's reason codes mean, for the operator. Flags are free
// strings: a code this catalogue does not know is described by its prefix
// (HF hard, SF soft, SYS/DEP system).
class ReasonCodes
{
public:
    enum class Severity
    {
        Hard,
        Soft,
        System,
        Unknown
    };

    struct Description
    {
        QString code;
        QString title;   // a few words
        QString meaning; // a sentence: what is wrong and what to look at
        Severity severity = Severity::Unknown;
    };

    static Description describe(const QString &code);
    static Severity severityOf(const QString &code);
};
