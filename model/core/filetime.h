#pragma once

#include <QtGlobal>

#include <sys/stat.h>

// A file's time from stat() (st_mtim, st_ctim) in nanoseconds since the epoch: QFileInfo has
// milliseconds, too coarse to tell two writes in a row apart.
inline qint64 nanosecondsOf(const struct timespec &time)
{
    return qint64(time.tv_sec) * 1000000000 + qint64(time.tv_nsec);
}
