#pragma once

#include <QtGlobal>

#include <compare>

#include <sys/stat.h>

// A file's time from stat() (st_mtim, st_ctim) to the nanosecond: QFileInfo has milliseconds,
// too coarse to tell two writes in a row apart. Seconds and nanoseconds apart, not one count of
// nanoseconds: that would overflow past the year 2262, and a file may carry any time.
struct FileTime
{
    qint64 seconds = 0;
    qint64 nanoseconds = 0;

    auto operator<=>(const FileTime &) const = default;

    static FileTime of(const struct timespec &time)
    {
        return {qint64(time.tv_sec), qint64(time.tv_nsec)};
    }
};
