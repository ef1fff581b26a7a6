#pragma once

#include "core/result.h"
#include "session/directorsession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QPoint>
#include <QString>

// What Director asks an inpainting provider (docs/provider.md): the frame as it ships now, the
// operator's mask and prompt, the anchor frame, both offsets and the frame's audit. Plain data,
// copied to the thread the provider runs on; its images are written to the provider's
// temporary folder and named in the JSON on the provider's standard input.
class InpaintRequest
{
    Q_DECLARE_TR_FUNCTIONS(InpaintRequest)

public:
    static constexpr int version = 1; // the protocol's

    int frameIndex = 0;
    QImage frame; // its latest patch (else its image), before its offset
    QImage mask;  // the operator's (PatchMask), the frame's size
    QString prompt;
    int anchorIndex = 0;
    QImage anchor; // the anchor frame as it ships now, before its offset
    QPoint frameOffset;
    QPoint anchorOffset; // both rounded as commit rounds them (CommitExporter::roundOffset)
    QJsonObject audit;   // the frame's auditReport as the session file has it

    // The request for frame `frameIndex` of `session` (its images read from `runDir`), without
    // mask and prompt. Invalid when there is no such frame or an image cannot be read.
    static Result<InpaintRequest> fromSession(const QString &runDir, const DirectorSession &session,
                                              int frameIndex);
    // A frame's offset as commit applies it.
    static QPoint offsetOf(const DirectorFrameState &frame);

    // The files of one run of the provider, absolute paths in its temporary folder.
    struct Files
    {
        QString frame;  // frame.png
        QString mask;   // mask.png
        QString anchor; // anchor.png
        QString output; // result.png: for the provider to write
    };
    // Writes the frame, the mask and the anchor as PNGs into `folder`.
    Result<Files> writeFiles(const QString &folder) const;
    // The JSON the provider reads on its standard input.
    QByteArray json(const Files &files) const;
};
