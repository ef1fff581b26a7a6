// libFuzzer target: "what Director writes, Director reads back, whatever the
// input". Each input becomes a run folder (rungenerator.h) in a fresh folder
// of this process under /dev/shm (or /tmp); Director opens it, creating and
// saving the session, and applies the edits the input describes; after each
// step the session file must read back to exactly the session
// (roundtripcheck.h). A violation aborts with a one-line explanation.
#include "roundtripcheck.h"

#include <QDir>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QTemporaryDir base(QDir(QStringLiteral("/dev/shm")).exists()
                                        ? QStringLiteral("/dev/shm/director-roundtrip-XXXXXX")
                                        : QDir::tempPath() +
                                              QStringLiteral("/director-roundtrip-XXXXXX"));
    if (!base.isValid())
        std::abort();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList log;
    const QString violation = RoundTrip::check(input, base.path(), {}, &log);
    if (!violation.isEmpty()) {
        std::fprintf(stderr, "fuzz_roundtrip: %s\n  run: %s\n", qPrintable(violation),
                     qPrintable(log.join(QStringLiteral("; ")).left(4000)));
        // abort() skips static destructors: the run folder goes first.
        QDir(base.path()).removeRecursively();
        std::abort();
    }
    return 0;
}
