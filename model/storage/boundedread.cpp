#include "storage/boundedread.h"

#include "session/sessioncodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

Outcome BoundedRead::sessionFile(const QString &path, QByteArray *bytes)
{
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Outcome::invalid(tr("%1 does not exist").arg(name));
    // Not a folder, and not a FIFO or a device, which could be read forever.
    if (!info.isFile())
        return Outcome::invalid(tr("%1 is not a file").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Outcome::invalid(tr("%1 cannot be read: %2").arg(name, file.errorString()));
    if (file.size() > SessionCodec::maxFileSize) {
        return Outcome::invalid(tr("%1 is larger than the %2 MB a session file can be")
                                    .arg(name)
                                    .arg(SessionCodec::maxFileSize / (1024 * 1024)));
    }
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Outcome::invalid(tr("%1 cannot be read: %2").arg(name, file.errorString()));
    return Outcome::ok();
}
