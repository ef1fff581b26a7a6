#include "session/sessioncodec.h"

#include "json/jsonwriter.h"

#include <QSet>

SessionDecodeResult SessionCodec::decode(const QByteArray &data, const RunPaths *paths)
{
    SessionDecodeResult result = SessionDecoder::decode(data, paths);
    if (result.session)
        shareRepeatedTexts(*result.session);
    return result;
}

void SessionCodec::shareRepeatedTexts(DirectorSession &session)
{
    QSet<QString> texts;
    auto share = [&texts](QString &text) {
        if (text.isEmpty())
            return;
        if (const auto it = texts.constFind(text); it != texts.cend())
            text = *it;
        else
            texts.insert(text);
    };
    QSet<QStringList> lists;
    auto shareList = [&](QStringList &list) {
        if (list.isEmpty())
            return;
        if (const auto it = lists.constFind(list); it != lists.cend()) {
            list = *it;
        } else {
            for (QString &text : list)
                share(text);
            lists.insert(list);
        }
    };
    // The same path, from one frame's own members.
    auto sameAs = [](QString &text, const QString &other) {
        if (text == other && !text.isSharedWith(other))
            text = other;
    };
    for (DirectorFrameState &frame : session.frames) {
        shareList(frame.auditReport.flags);
        for (AttemptInfo &attempt : frame.attemptHistory) {
            sameAs(attempt.candidatePath, frame.imagePath);
            share(attempt.strategy);
            shareList(attempt.reasonCodes);
        }
        DirectorOverrides &overrides = frame.directorOverrides;
        for (PatchHistoryEntry &patch : overrides.patchHistory) {
            sameAs(patch.originalPath, frame.imagePath);
            sameAs(patch.patchedPath, frame.imagePath);
            share(patch.prompt);
        }
        if (overrides.alignment)
            sameAs(overrides.alignment->frameId, frame.id);
        if (overrides.verdict) {
            share(overrides.verdict->reviewer);
            if (overrides.verdict->reasonCode)
                share(*overrides.verdict->reasonCode);
        }
    }
}

Result<QByteArray> SessionCodec::encodeReadable(const DirectorSession &session,
                                                SessionEncoder::FrameCache *cache)
{
    SessionEncoder::Encoded encoded = SessionEncoder::encode(session, cache);
    if (const Outcome readable = checkReadable(encoded.bytes.size(), encoded.deepest); !readable)
        return readable;
    return std::move(encoded.bytes);
}

Outcome SessionCodec::checkReadable(qint64 size, int deepest)
{
    if (size > maxFileSize) {
        return Outcome::invalid(tr("it would be %1 MB, larger than the %2 MB a session file can be")
                                    .arg(size / (1024 * 1024))
                                    .arg(maxFileSize / (1024 * 1024)));
    }
    if (deepest > maxNestingDepth) {
        return Outcome::invalid(
            tr("its values would be nested %1 levels deep; a session file can nest %2")
                .arg(deepest)
                .arg(maxNestingDepth));
    }
    return Outcome::ok();
}

Outcome SessionCodec::checkReadsBackAsIs(const DirectorFrameState &frame)
{
    const SessionEncoder::Encoded json = SessionEncoder::encodeFrame(frame);
    if (const Outcome readable = checkReadable(0, json.deepest); !readable)
        return readable;
    // Written by JsonWriter, within the depth Qt's parser reads: JSON it reads.
    const JsonReader::Document document =
        JsonReader::parseObject(json.bytes, JsonReader::Names::AsQtReadsThem);
    if (!document)
        return Outcome::invalid(document.problems.first().message);
    const Result<DirectorFrameState> read =
        SessionDecoder::decodeFrame(document.object, frame.frameIndex);
    if (!read)
        return read.outcome();
    if (!(*read == frame))
        return Outcome::invalid(
            tr("it would be read back as another frame (members of another program by the "
               "names of Director's own, or texts that JSON does not hold as they are)"));
    return Outcome::ok();
}

const QStringList &SessionCodec::ownMembers(Members object)
{
    static const QStringList audit = {
        QStringLiteral("compositeScore"), QStringLiteral("composite_score"),
        QStringLiteral("flags"),          QStringLiteral("passed"),
        QStringLiteral("autoAligned"),    QStringLiteral("auto_aligned"),
        QStringLiteral("driftPixels"),    QStringLiteral("drift_pixels")};
    static const QStringList attempt = {
        QStringLiteral("attemptIndex"),  QStringLiteral("timestamp"),
        QStringLiteral("candidatePath"), QStringLiteral("strategy"),
        QStringLiteral("reasonCodes"),   QStringLiteral("passed")};
    switch (object) {
    case Members::AuditReport:
        return audit;
    case Members::Attempt:
        return attempt;
    }
    return audit;
}

std::optional<QJsonObject> SessionCodec::asWritten(const QJsonObject &members)
{
    if (members.isEmpty())
        return members;
    JsonWriter w;
    w.value(members);
    const JsonReader::Document document =
        JsonReader::parseObject(w.finish(), JsonReader::Names::AsQtReadsThem);
    if (!document)
        return std::nullopt;
    return document.object;
}
