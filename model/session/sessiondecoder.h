#pragma once

#include "core/result.h"
#include "session/directorsession.h"
#include "json/jsonreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class RunPaths;

// One problem found in a session file, at a JSON path such as
// "frames.3.status".
using SessionProblem = JsonProblem;

struct SessionDecodeResult
{
    enum class State
    {
        Ok,          // `session` holds the session
        NotJson,     // the bytes are not a JSON document
        Invalid,     // JSON, but not a valid session: see `errors`
        NewerSchema, // written by a newer Director than this build
    };

    State state = State::Invalid;
    std::optional<DirectorSession> session;
    QList<SessionProblem> errors;
    // Forms that were read but are written differently (snake_case audit
    // keys, a missing attemptHistory, "runs/<id>/..." paths, ...).
    QList<SessionProblem> notes;

    bool isOk() const { return state == State::Ok; }
    // All errors on one line each, for a message.
    QString errorText() const;
};

// The bytes of director_session.json -> DirectorSession, with every check
// (docs/session-file.md).
//
// Strict JSON (JsonReader: no member twice, nesting and size within the
// limits) and every member checked, each problem named at its JSON path.
// Tolerant where the pipeline is known to vary: snake_case audit keys, a
// missing attemptHistory, other ISO 8601 forms of a time, "runs/<id>/..."
// paths; each such form is noted, since it is written back in Director's
// own form. Keeps every member it does not know, so that a round trip never
// deletes anything another program wrote. imageBase64 is accepted and not
// written back: Director loads images from imagePath.
class SessionDecoder
{
    Q_DECLARE_TR_FUNCTIONS(SessionDecoder)

public:
    // `paths`, when given, turns every path into its run-relative form and
    // refuses those that lead outside the run folder.
    static SessionDecodeResult decode(const QByteArray &data, const RunPaths *paths = nullptr);

    // One frame, the frame of `index`, as decode() reads it inside a session
    // (paths as they are); the first problem when it would be refused.
    static Result<DirectorFrameState> decodeFrame(const QJsonObject &object, int index);
};

// Decodes a run's session file on a thread of its own, ahead of the one who
// will (`director status` reads the run folder meanwhile): while it lives,
// the first SessionDecoder::decode() of the very same bytes with paths into
// the same run folder (and run id) waits for its result instead of decoding
// them again. The result is the same either way: decode() of the same bytes
// and paths; other bytes (the file changed since) are decoded as ever. Only
// a regular file of at most SessionCodec::maxFileSize is read ahead.
class SessionDecodeAhead
{
public:
    SessionDecodeAhead(const QString &sessionPath, const QString &runDir);
    ~SessionDecodeAhead(); // after its thread is done

    SessionDecodeAhead(const SessionDecodeAhead &) = delete;
    SessionDecodeAhead &operator=(const SessionDecodeAhead &) = delete;

    struct Work; // shared with decode()

private:
    std::shared_ptr<Work> m_work;
};
