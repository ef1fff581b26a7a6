// The property "what Director writes, Director reads back, whatever the
// input" (tests/fuzz/roundtripcheck.h), over pseudo-random inputs from a
// fixed seed and over the fuzzer's seed corpus (tests/fuzz/corpus-roundtrip).
//
//   DIRECTOR_ROUNDTRIP_CASES=N   how many random inputs (default 1500)
//   DIRECTOR_ROUNDTRIP_SEED=S    another seed (the seed is printed)
//   DIRECTOR_ROUNDTRIP_CASE=K    only case K of that seed, with its log
//   DIRECTOR_ROUNDTRIP_SAVE=DIR  write the inputs that fail there (for the fuzzer)
//   DIRECTOR_ROUNDTRIP_DUMP=FILE write the session file that does not decode there
//   tst_roundtrip --write-seeds DIR   write the seed corpus (RunGenerator::seeds())
#include "fuzz/roundtripcheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <random>

namespace {

qint64 envNumber(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok ? value : fallback;
}

// Case k of a seed: its own generator, so that any case can be run alone.
QByteArray randomInput(quint64 seed, qint64 k)
{
    std::seed_seq sequence{quint32(seed), quint32(seed >> 32), quint32(k), quint32(k >> 32)};
    std::mt19937_64 rng(sequence);
    auto below = [&](quint64 n) { return n ? rng() % n : 0; };
    RunGenerator::Input input;
    // Sometimes the known-bad shapes, mostly not.
    if (below(3) == 0)
        input.flags = quint16(below(1 << 7));
    // Some inputs mostly zeros (ordinary choices), others any bytes.
    const int zeros = int(below(3)) * 40; // percent of zero bytes
    auto randomBytes = [&](quint64 n) {
        QByteArray out;
        for (quint64 i = 0; i < n; ++i)
            out.append(below(100) < quint64(zeros) ? char(0) : char(below(256)));
        return out;
    };
    input.run = randomBytes(below(4) == 0 ? below(16) : below(600));
    input.edits = randomBytes(below(200));
    return input.serialize();
}

// The violation without its details (values, numbers): the same violation,
// whatever the frame or the value.
QString kindOf(const QString &violation)
{
    static const QRegularExpression numbers(QStringLiteral("[0-9]+"));
    // Not which step found it: what it found.
    QString kind = violation;
    for (const char *what : {"what Director writes", "director_session.json", "the session file",
                             "reopened", "opened, but"}) {
        const qsizetype at = kind.indexOf(QLatin1String(what));
        if (at > 0) {
            kind = kind.mid(at);
            break;
        }
    }
    for (const QString &cut :
         {QStringLiteral(": {"), QStringLiteral(": \""), QStringLiteral(": ["),
          QStringLiteral(" vs "), QStringLiteral(" is not"), QStringLiteral(" is outside")}) {
        const qsizetype at = kind.indexOf(cut, kind.indexOf(QLatin1String("frames.")) + 1);
        if (at > 0)
            kind.truncate(at);
    }
    kind.replace(QRegularExpression(QStringLiteral(" \\([0-9]+ bytes\\)")), QString());
    return kind.replace(numbers, QStringLiteral("N"));
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_base.isValid()); }
    void seedsAreUpToDate();
    void corpus_data();
    void corpus();
    void randomInputs();
    void sessionLargerThanTheReaderTakes();

private:
    QTemporaryDir m_base{QDir(QStringLiteral("/dev/shm")).exists()
                             ? QStringLiteral("/dev/shm/tst_roundtrip-XXXXXX")
                             : QDir::tempPath() + QStringLiteral("/tst_roundtrip-XXXXXX")};
};

void TestRoundTrip::seedsAreUpToDate()
{
    const QDir corpus(QStringLiteral(DIRECTOR_ROUNDTRIP_CORPUS));
    for (const RunGenerator::Seed &seed : RunGenerator::seeds()) {
        QFile file(corpus.filePath(QString::fromLatin1(seed.name)));
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(file.fileName() + QStringLiteral(": missing; tst_roundtrip "
                                                             "--write-seeds writes the corpus")));
        QVERIFY2(file.readAll() == seed.input.serialize(),
                 qPrintable(file.fileName() + QStringLiteral(": out of date; tst_roundtrip "
                                                             "--write-seeds writes the corpus")));
    }
}

void TestRoundTrip::corpus_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(DIRECTOR_ROUNDTRIP_CORPUS));
    const QStringList names = corpus.entryList(QDir::Files, QDir::Name);
    QVERIFY(!names.isEmpty());
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << corpus.filePath(name);
}

void TestRoundTrip::corpus()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList log;
    int steps = 0;
    const QString violation = RoundTrip::check(file.readAll(), m_base.path(), {}, &log, &steps);
    QVERIFY2(violation.isEmpty(), qPrintable(violation + QStringLiteral("\n  log: ") +
                                             log.join(QStringLiteral("\n       "))));
    QVERIFY(steps > 0);
}

void TestRoundTrip::randomInputs()
{
    const quint64 seed = quint64(envNumber("DIRECTOR_ROUNDTRIP_SEED", 20260118));
    const qint64 cases = envNumber("DIRECTOR_ROUNDTRIP_CASES", 1500);
    const qint64 only = envNumber("DIRECTOR_ROUNDTRIP_CASE", -1);
    const QString save = qEnvironmentVariable("DIRECTOR_ROUNDTRIP_SAVE");
    std::printf("DIRECTOR_ROUNDTRIP_SEED=%llu DIRECTOR_ROUNDTRIP_CASES=%lld\n",
                static_cast<unsigned long long>(seed), static_cast<long long>(cases));
    struct Kind
    {
        int count = 0;
        qint64 firstCase = 0;
        QString example;
    };
    QMap<QString, Kind> kinds;
    qint64 steps = 0;
    for (qint64 k = only >= 0 ? only : 0; k < (only >= 0 ? only + 1 : cases); ++k) {
        const QByteArray input = randomInput(seed, k);
        QStringList log;
        int n = 0;
        const QString violation = RoundTrip::check(input, m_base.path(), {}, &log, &n);
        steps += n;
        if (only >= 0)
            std::printf("case %lld log:\n  %s\n", static_cast<long long>(k),
                        qPrintable(log.join(QStringLiteral("\n  "))));
        if (violation.isEmpty())
            continue;
        Kind &kind = kinds[kindOf(violation)];
        if (kind.count++ == 0) {
            kind.firstCase = k;
            kind.example = violation;
        }
        if (!save.isEmpty()) {
            QDir().mkpath(save);
            QFile out(QDir(save).filePath(QStringLiteral("case-%1").arg(k)));
            if (out.open(QIODevice::WriteOnly))
                out.write(input);
        }
    }
    std::printf("%lld steps\n", static_cast<long long>(steps));
    QStringList report;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it) {
        report << QStringLiteral("%1 case(s), first DIRECTOR_ROUNDTRIP_SEED=%2 "
                                 "DIRECTOR_ROUNDTRIP_CASE=%3:\n    %4")
                      .arg(it->count)
                      .arg(seed)
                      .arg(it->firstCase)
                      .arg(it->example);
    }
    // The whole report (QVERIFY2 cuts long messages).
    if (!kinds.isEmpty())
        std::printf("%lld kind(s) of violation:\n  %s\n", static_cast<long long>(kinds.size()),
                    qPrintable(report.join(QStringLiteral("\n  "))));
    QVERIFY2(kinds.isEmpty(),
             qPrintable(QStringLiteral("%1 kind(s) of violation:\n  ").arg(kinds.size()) +
                        report.join(QStringLiteral("\n  "))));
}

// Audits as large as the run folder's reader takes (15 MB each, five of
// them): the session holds them all, and is larger than the session reader
// takes. What Director writes must still read back (the fuzzer's budget
// keeps its inputs far smaller).
void TestRoundTrip::sessionLargerThanTheReaderTakes()
{
    RunGenerator::Options big;
    big.maxFileBytes = 80 * 1024 * 1024;
    big.maxSessionBytes = qint64(2) * 1024 * 1024 * 1024;
    RunGenerator::Input input;
    input.flags = RunGenerator::ForceBigAudit;
    input.run = QByteArray(1, char(8)); // nine frames, six of them audited
    input.edits = RunGenerator::bytes(
        {char(RunGenerator::Edit::Notes), 1, 1, 'x', char(RunGenerator::Edit::Reopen)});
    QStringList log;
    const QString violation = RoundTrip::check(input.serialize(), m_base.path(), big, &log);
    QVERIFY2(violation.isEmpty(), qPrintable(violation + QStringLiteral("\n  log: ") +
                                             log.join(QStringLiteral("\n       "))));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--write-seeds") == 0) {
        QDir().mkpath(QString::fromLocal8Bit(argv[2]));
        for (const RunGenerator::Seed &seed : RunGenerator::seeds()) {
            QFile file(
                QDir(QString::fromLocal8Bit(argv[2])).filePath(QString::fromLatin1(seed.name)));
            if (!file.open(QIODevice::WriteOnly) || file.write(seed.input.serialize()) < 0)
                return 1;
        }
        return 0;
    }
    TestRoundTrip test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_roundtrip.moc"
