// libFuzzer target over the session loader and validator (SessionCodec).
// Any input: no crash, no sanitizer report, no hang. The frames parsed one at
// a time give what the whole document parsed at once gives: the same state,
// errors, notes and session (SessionDecoder::Parsing). An input Director
// accepts must also survive a write and a read unchanged: what Director
// writes, it reads back to the same bytes.
#include "run/runpaths.h"
#include "session/sessioncodec.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const RunPaths paths(QStringLiteral("/fuzz/runs/run_1"));
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const SessionDecodeResult first = SessionCodec::decode(bytes, &paths);
    const SessionDecodeResult whole =
        SessionDecoder::decode(bytes, &paths, SessionDecoder::Parsing::Whole);
    if (first.state != whole.state || first.errors != whole.errors || first.notes != whole.notes ||
        first.session.has_value() != whole.session.has_value() ||
        (first.session &&
         SessionCodec::encode(*first.session) != SessionCodec::encode(*whole.session)))
        std::abort();
    if (!first.isOk())
        return 0;
    const QByteArray written = SessionCodec::encode(*first.session);
    const SessionDecodeResult again = SessionCodec::decode(written, &paths);
    if (!again.isOk() || !again.notes.isEmpty() || SessionCodec::encode(*again.session) != written)
        std::abort();
    return 0;
}
