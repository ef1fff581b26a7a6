#pragma once

#include "session/directorsession.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class RunPaths;

// One problem found in a session file, at a JSON path such as
// "frames.3.status".
struct SessionProblem
{
    QString path;
    QString message;

    QString toString() const
    {
        return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
};

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

// director_session.json <-> DirectorSession.
//
// Strict on what it writes: exactly the form the pipeline's reader accepts
// (RUN-FOLDER.md), 2-space indented, optional members left out, never null.
// Tolerant on what it reads where the pipeline is known to vary, and keeps
// every member it does not know, so that a round trip never deletes anything
// another program wrote. imageBase64 is accepted and not written back: Director
// loads images from imagePath.
class SessionCodec
{
public:
    // Files larger than this are refused before parsing.
    // (Room for 100,000 frames, RunFolder::maxFrameCount, with what the run
    // folder's reader copies into them at most.)
    static constexpr qint64 maxFileSize = 256 * 1024 * 1024;
    static constexpr int maxFrameIndex = 999999;
    static constexpr double maxOffset = 1000000.0; // |alignment| in pixels

    // The deepest nesting of objects and arrays QJsonDocument reads (Qt's
    // parser refuses a 1,025th level).
    static constexpr int maxNestingDepth = 1024;

    // *deepest (when given) gets how many objects and arrays deep its
    // deepest value is.
    static QByteArray encode(const DirectorSession &session, int *deepest = nullptr);

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

    // Why `frame`, written into a session file and read back, would not be
    // the same frame (a member of another program by the name of one of
    // Director's own, a text JSON cannot hold as it is, ...); empty when it
    // would. For changes made through the API, whose values are not read
    // from a file.
    static QString whyNotReadBackAsIs(const DirectorFrameState &frame);

    // Why decode() would refuse what encode() wrote (`size` bytes, values
    // nested `deepest` deep) before it looks at a single member: larger than
    // maxFileSize, or nested deeper than maxNestingDepth. Empty when it
    // would read it. A save checks this before it writes: what Director
    // writes, Director reads back.
    static QString whyUnreadable(qint64 size, int deepest);

    // `paths`, when given, turns every path into its run-relative form and
    // refuses those that lead outside the run folder.
    static SessionDecodeResult decode(const QByteArray &data, const RunPaths *paths = nullptr);
};
