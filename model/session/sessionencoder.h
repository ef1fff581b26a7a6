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
    struct Pieces;

    // The JSON of the frames of the session written last, so that the next
    // write of the same session, with one or two frames changed, writes only
    // those anew. A frame's JSON is used again only for a frame equal to the
    // one it was written from (a session's copies share their frames' data,
    // so comparing is nearly free): the bytes are exactly what writing every
    // frame gives. Owned by whoever saves the session (SessionStore), and
    // released with it; for one write at a time.
    //
    // Once the pieces are written to a file, the cache can be given that file
    // (wroteTo()): it then keeps only where each frame's JSON lies in it, not
    // the JSON (which is as large as the file), and the next write copies
    // the frames that did not change from there. It holds copies of the
    // frames written (sharing their data with the session's), and each
    // frame's JSON until it is given a file.
    class FrameCache
    {
    public:
        FrameCache() = default;
        ~FrameCache();
        FrameCache(const FrameCache &) = delete;
        FrameCache &operator=(const FrameCache &) = delete;

        // The JSON of `frame`, the frame of `index`, at the depth of a frame
        // in the file: `text`, or (`fileAt` >= 0) `length` bytes of file()
        // from `fileAt`, the `ordinal`th frame there; and how deep in the
        // document its deepest value is.
        struct Json
        {
            const QByteArray &text;
            qint64 fileAt;
            qsizetype length;
            qsizetype ordinal;
            int deepest;
        };
        // `same`: the caller knows that `frame` is the frame the cache wrote last for `index`
        // (when it has one): its JSON is taken as it is, without comparing. `inFile`: the JSON
        // may be given as its place in file(); otherwise it is always `text`.
        Json json(int index, const DirectorFrameState &frame, bool same, bool inFile);

        // Forgets the frames that `frames` does not have.
        void keepOnly(const QMap<int, DirectorFrameState> &frames);

        // The file the frames were last written to (wroteTo()): a descriptor open for reading,
        // or -1.
        int file() const { return m_file; }
        // `fd` (open for reading; the cache closes it) is the file `pieces`, which this cache
        // gave, were written to, whole: from now on each frame's JSON is read from there, and
        // no longer held.
        void wroteTo(int fd, const Pieces &pieces);
        // The file is no longer to be read (another program may have written it): the frames
        // whose JSON is only there are written anew next time.
        void forgetFile();

    private:
        struct Written
        {
            DirectorFrameState frame;
            QByteArray json;
            qint64 fileAt = -1; // with an empty json: where it is in m_file
            qsizetype length = 0;
            qsizetype ordinal = -1;
            int deepest = 0;
            bool known() const { return fileAt >= 0 || !json.isEmpty(); }
        };
        QHash<int, Written> m_frames;
        int m_file = -1;
    };

    struct Encoded
    {
        QByteArray bytes;
        // How many objects and arrays deep the deepest value is.
        int deepest = 0;
    };

    // A document in pieces, for a write that gathers them (writev) instead
    // of copying every frame's JSON into one buffer: `text` is the document
    // without its frames, each of which goes in at its place, from memory or
    // from the file its cache was given (FrameCache::wroteTo()).
    struct Pieces
    {
        struct Frame
        {
            qsizetype at; // in `text`, in increasing order
            int index;    // the frame's
            QByteArray json;
            qint64 fileAt = -1; // instead of json: `length` bytes of `file` from here
            qsizetype length = 0;
            qsizetype ordinal = -1; // the frame's place among the frames of `file`
        };
        QByteArray text;
        QList<Frame> frames;
        qsizetype size = 0; // of the whole document
        // How many objects and arrays deep the deepest value is.
        int deepest = 0;
        int file = -1; // the cache's file, where frames with a fileAt are (while it keeps it)

        // A piece of the document: `bytes`, or (`fileAt` >= 0) `length` bytes of `file`.
        struct Part
        {
            QByteArrayView bytes;
            qint64 fileAt = -1;
            qint64 length = 0;
        };
        // The pieces in the order of the document (they refer to this). Frames that follow
        // each other in `file` as they do here are one part, with the text between them: a
        // change of one frame is written as a few parts, whatever the frames.
        QList<Part> parts() const;
        // The whole document (reading `file` where it must); empty when `file` could not be
        // read.
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
