#pragma once

#include "core/result.h"
#include "session/directorsession.h"
#include "json/jsonreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

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
    // How the JSON is parsed; the result is the same either way.
    enum class Parsing
    {
        // The frames one at a time, each decoded while it is small (JsonSpans): a fraction of
        // the memory. A document that cannot be split so, or whose frames are not all read
        // (not JSON, a name twice in an object, refused before its frames), is read Whole.
        ByFrame,
        Whole, // the whole document at once
    };

    // `paths`, when given, turns every path into its run-relative form and
    // refuses those that lead outside the run folder.
    static SessionDecodeResult decode(const QByteArray &data, const RunPaths *paths = nullptr,
                                      Parsing parsing = Parsing::ByFrame);
    // decode() by frame, without the whole parse: none for a document it cannot vouch for
    // (which decode() then reads whole).
    static std::optional<SessionDecodeResult> decodeByFrame(const QByteArray &data,
                                                            const RunPaths *paths = nullptr);

    // One frame, the frame of `index`, as decode() reads it inside a session
    // (paths as they are); the first problem when it would be refused.
    static Result<DirectorFrameState> decodeFrame(const QJsonObject &object, int index);
};
