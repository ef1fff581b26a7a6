#include "session/directorsession.h"

QString sessionStatusName(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Active:
        return QStringLiteral("active");
    case SessionStatus::Committed:
        return QStringLiteral("committed");
    case SessionStatus::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

std::optional<SessionStatus> sessionStatusFromName(QStringView name)
{
    for (SessionStatus status :
         {SessionStatus::Active, SessionStatus::Committed, SessionStatus::Discarded}) {
        if (name == sessionStatusName(status))
            return status;
    }
    return std::nullopt;
}

QString DirectorFrameState::unpatchedImagePath() const
{
    const QList<PatchHistoryEntry> &history = directorOverrides.patchHistory;
    if (!directorOverrides.isPatched || history.isEmpty())
        return imagePath;
    QString path = history.last().originalPath;
    for (qsizetype i = history.size() - 2; i >= 0 && !path.isEmpty(); --i) {
        if (history.at(i).patchedPath != path)
            break;
        path = history.at(i).originalPath;
    }
    // A writer that left imagePath on the original and recorded no originalPath.
    if (path.isEmpty() && imagePath != history.last().patchedPath)
        return imagePath;
    return path;
}

QString DirectorFrameState::idForIndex(int frameIndex)
{
    if (frameIndex < 0) // never in a valid session; as QString::arg() would write it
        return QStringLiteral("frame_%1").arg(frameIndex, 4, 10, QLatin1Char('0'));
    // Without QString::arg(), which is slow for a call per frame.
    char text[24] = "frame_";
    char digits[12];
    int count = 0;
    do {
        digits[count++] = char('0' + frameIndex % 10);
        frameIndex /= 10;
    } while (frameIndex != 0);
    int length = 6;
    for (int pad = count; pad < 4; ++pad)
        text[length++] = '0';
    while (count > 0)
        text[length++] = digits[--count];
    return QString::fromLatin1(text, length);
}
