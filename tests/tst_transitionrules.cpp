#include "session/framestatus.h"
#include "session/transitionrules.h"

#include <QTest>

// Every one of the 25 (from, to) pairs, against the table in
// docs/session-file.md (Status transitions): the pipeline's lifecycle plus the
// operator's reject and a new attempt sending a frame back to GENERATED.
class TestTransitionRules : public QObject
{
    Q_OBJECT

private slots:
    void everyPair_data();
    void everyPair();
    void statusNamesRoundTrip();
    void unknownStatusNameIsRejected();
};

void TestTransitionRules::everyPair_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");

    const QStringList names = {QStringLiteral("PENDING"), QStringLiteral("GENERATED"),
                               QStringLiteral("AUDIT_FAIL"), QStringLiteral("AUDIT_WARN"),
                               QStringLiteral("APPROVED")};
    // Written out as the contract states it, not computed from the code.
    const QSet<QString> legal = {
        QStringLiteral("PENDING>GENERATED"),     QStringLiteral("GENERATED>AUDIT_FAIL"),
        QStringLiteral("GENERATED>AUDIT_WARN"),  QStringLiteral("GENERATED>APPROVED"),
        QStringLiteral("AUDIT_FAIL>APPROVED"),   QStringLiteral("AUDIT_FAIL>GENERATED"),
        QStringLiteral("AUDIT_WARN>APPROVED"),   QStringLiteral("AUDIT_WARN>GENERATED"),
        QStringLiteral("AUDIT_WARN>AUDIT_FAIL"), QStringLiteral("APPROVED>AUDIT_FAIL"),
    };
    int count = 0;
    for (const QString &from : names) {
        for (const QString &to : names) {
            const QString key = from + QLatin1Char('>') + to;
            QTest::newRow(qPrintable(key)) << from << to << legal.contains(key);
            ++count;
        }
    }
    QCOMPARE(count, 25);
}

void TestTransitionRules::everyPair()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);

    const auto fromStatus = frameStatusFromName(from);
    const auto toStatus = frameStatusFromName(to);
    QVERIFY(fromStatus && toStatus);

    QCOMPARE(TransitionRules::isAllowed(*fromStatus, *toStatus), allowed);
    const Outcome outcome = TransitionRules::check(*fromStatus, *toStatus);
    QCOMPARE(outcome.isOk(), allowed);
    if (!allowed) {
        QCOMPARE(outcome.kind(), Outcome::Kind::Refused);
        QCOMPARE(outcome.exitCode(), 2);
        // The message tells the operator which status the frame is in.
        QVERIFY2(outcome.message().contains(from), qPrintable(outcome.message()));
    }
}

void TestTransitionRules::statusNamesRoundTrip()
{
    for (FrameStatus status : allFrameStatuses)
        QCOMPARE(frameStatusFromName(frameStatusName(status)), std::optional(status));
}

void TestTransitionRules::unknownStatusNameIsRejected()
{
    QVERIFY(!frameStatusFromName(u"DONE").has_value());
    QVERIFY(!frameStatusFromName(u"approved").has_value());
    QVERIFY(!frameStatusFromName(u"").has_value());
}

QTEST_APPLESS_MAIN(TestTransitionRules)
#include "tst_transitionrules.moc"
