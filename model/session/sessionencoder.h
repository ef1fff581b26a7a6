#pragma once

#include "session/directorsession.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMap>

// DirectorSession -> the bytes of director_session.json (docs/session-file.md).
//
// Exactly the form the pipeline's reader accepts, as its JSON.stringify(value,
// null, 2) writes it: 2-space indented, Director's own members in a fixed
// order, optional members left out (never null), then the members of other
// programs that were read with the session, in the order of their names.
// The bytes are the same for the same session, whatever wrote it before.
class SessionEncoder
{
public:
    // The JSON of the frames of the session written last, so that the next
    // write of the same session, with one or two frames changed, writes only
    // those anew. A frame's JSON is used again only for a frame equal to the
    // one it was written from (a session's copies share their frames' data,
    // so comparing is nearly free): the bytes are exactly what writing every
    // frame gives. Owned by whoever saves the session (SessionStore), and
    // released with it; for one write at a time. It holds some 2 KiB a frame
    // and copies of the frames written (sharing their data with the
    // session's).
    class FrameCache
    {
    public:
        // The JSON of `frame`, the frame of `index`, at the depth of a frame
        // in the file, and how deep in the document its deepest value is.
        struct Json
        {
            const QByteArray &text;
            int deepest;
        };
        // `same`: the caller knows that `frame` is the frame the cache wrote last for `index`
        // (when it has one): its JSON is taken as it is, without comparing.
        Json json(int index, const DirectorFrameState &frame, bool same = false);

        // Forgets the frames that `frames` does not have.
        void keepOnly(const QMap<int, DirectorFrameState> &frames);

    private:
        struct Written
        {
            DirectorFrameState frame;
            QByteArray json;
            int deepest = 0;
        };
        QHash<int, Written> m_frames;
    };

    struct Encoded
    {
        QByteArray bytes;
        // How many objects and arrays deep the deepest value is.
        int deepest = 0;
    };

    // A document in pieces, for a write that gathers them (writev) instead
    // of copying every frame's JSON into one buffer: `text` is the document
    // without its frames, each of which goes in at its place.
    struct Pieces
    {
        struct Frame
        {
            qsizetype at; // in `text`, in increasing order
            QByteArray json;
        };
        QByteArray text;
        QList<Frame> frames;
        qsizetype size = 0; // of the whole document
        // How many objects and arrays deep the deepest value is.
        int deepest = 0;

        // The pieces in the order of the document (they refer to this).
        QList<QByteArrayView> views() const;
        QByteArray joined() const;
    };

    // `cache` (when given) is used and brought up to date with `session`.
    static Encoded encode(const DirectorSession &session, FrameCache *cache = nullptr);
    // The same bytes as encode(session, &cache), in pieces. With `changed` (in increasing
    // order): every frame not in it is known to be the frame `cache` wrote last for its index,
    // and its JSON is taken without comparing (SessionStore::save, told by SessionManager,
    // which knows the frames a change changed); a frame the cache has not written is written.
    static Pieces encodePieces(const DirectorSession &session, FrameCache &cache,
                               const QList<int> *changed = nullptr);

    // One frame as the file holds it (its deeper indentation is only white
    // space to a reader), with `deepest` counted in the whole document.
    static Encoded encodeFrame(const DirectorFrameState &frame);
};
