#pragma once

#include <QString>
#include <QStringList>

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

    // The codes this catalogue has a title for, in its order.
    static QStringList known();
    // The catalogue's code of the same reason as `code` listed first (SF03_ALPHA_HALO for
    // SF_ALPHA_HALO: the catalogue holds some reasons under two codes, as pipelines numbered
    // them), told by the catalogue's own title, whatever language shows it; `code` itself when
    // it is the first or not in the catalogue.
    static QString firstOfItsReason(const QString &code);
    // A code an operator's rejection may carry (the catalogue's and the auditor's form):
    // upper-case letters, optional digits, an underscore, then upper-case letters, digits and
    // underscores: ^[A-Z]+[0-9]*_[A-Z0-9_]+$ ("SF01_IDENTITY_DRIFT", "HF_NO_ALPHA").
    static bool isWellFormed(const QString &code);
};
