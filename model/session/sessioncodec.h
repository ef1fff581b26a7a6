#pragma once

#include "core/outcome.h"
#include "core/result.h"
#include "session/directorsession.h"
#include "session/sessiondecoder.h"
#include "session/sessionencoder.h"
#include "json/jsonreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

class RunPaths;

// director_session.json <-> DirectorSession (docs/session-file.md): the
// file's limits, and the two directions, SessionEncoder (session -> bytes)
// and SessionDecoder (bytes -> session, with every check). What Director
// writes, Director reads back: the checks here tell, before anything is
// written, whether the decoder would read it.
class SessionCodec
{
    Q_DECLARE_TR_FUNCTIONS(SessionCodec)

public:
    // Files larger than this are refused before parsing.
    // (Room for 100,000 frames, RunFolder::maxFrameCount, with what the run
    // folder's reader copies into them at most.)
    static constexpr qint64 maxFileSize = 256 * 1024 * 1024;
    static constexpr int maxFrameIndex = 999999;
    static constexpr double maxOffset = 1000000.0; // |alignment| in pixels
    static constexpr int maxNestingDepth = JsonReader::maxNestingDepth;

    // SessionEncoder::encode(): `cache` (when given) is used, and brought up
    // to date with `session`.
    static QByteArray encode(const DirectorSession &session,
                             SessionEncoder::FrameCache *cache = nullptr)
    {
        return SessionEncoder::encode(session, cache).bytes;
    }
    // SessionDecoder::decode(): `paths`, when given, turns every path into
    // its run-relative form and refuses those that lead outside the run.
    // The texts the session repeats are shared (shareRepeatedTexts()).
    static SessionDecodeResult decode(const QByteArray &data, const RunPaths *paths = nullptr);

    // Makes the texts that the frames of `session` repeat one shared copy
    // (QString's implicit sharing): an attempt's candidate that is the
    // frame's image, strategies, reason codes and flags, reviewers, patch
    // prompts. The values stay as they were; a session of many frames holds
    // less memory.
    static void shareRepeatedTexts(DirectorSession &session);

    // The bytes of `session`, or why decode() would refuse them (checkReadable()).
    // A save writes only these: the file on disk stays as it was otherwise.
    static Result<QByteArray> encodeReadable(const DirectorSession &session,
                                             SessionEncoder::FrameCache *cache = nullptr);

    // Whether decode() would read what encode() wrote (`size` bytes, values
    // nested `deepest` deep) before it looks at a single member: not when it
    // is larger than maxFileSize, or nested deeper than maxNestingDepth.
    static Outcome checkReadable(qint64 size, int deepest);

    // Whether `frame`, written into a session file and read back, would be
    // the same frame; why not (a member of another program by the name of
    // one of Director's own, a text JSON cannot hold as it is, ...) when it
    // would not. For changes made through the API, whose values are not read
    // from a file.
    static Outcome checkReadsBackAsIs(const DirectorFrameState &frame);

    // The members the file gives a meaning to in each kind of object, in
    // every spelling decode() reads. A member of another program by one of
    // these names cannot be kept as such: read back, it would be taken for
    // Director's own (or clash with it).
    enum class Members
    {
        AuditReport,
        Attempt,
    };
    static const QStringList &ownMembers(Members object);

    // Members of another program as the session file will hold them once
    // written and read back: numbers in the form they are written in (2.0
    // is written 2 and read back a whole number), one member of each name
    // in the order of the names. nullopt when they would not read back at
    // all (nested deeper than the reader reads).
    static std::optional<QJsonObject> asWritten(const QJsonObject &members);
};
