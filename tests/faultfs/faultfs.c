/* faultfs: an LD_PRELOAD library that makes one kind of file-system call fail
 * for files inside one folder, the way a full disk, a failing disk or a
 * read-only mount makes it fail. The fault tests run the real director under
 * it (tests/tst_faults.cpp).
 *
 *   FAULTFS_DIR    the folder whose files fail (a path prefix, absolute)
 *   FAULTFS_FAULT  one of:
 *     write-enospc   write(), writev() or copy_file_range() to a file there
 *                    fails with ENOSPC
 *     write-short    write(), writev() or copy_file_range() to a file there
 *                    stores half the bytes and says so
 *     fdatasync-eio  fdatasync()/fsync() of a file there fails with EIO
 *     dirsync-eio    fsync() of the folder itself (or one below it) fails with EIO
 *     rename-eio     rename()/renameat()/renameat2() into the folder fails with EIO
 *     link-eio       link() or linkat() into the folder fails with EIO (QSaveFile's
 *                    O_TMPFILE commit, the backup's link, a commit keeping approved/)
 *     open-erofs     opening a file there for writing fails with EROFS
 *   FAULTFS_AFTER  let this many matching calls through first (default 0)
 *   FAULTFS_TIMES  fail this many calls, then let them through again
 *                  (default: every one after FAULTFS_AFTER)
 * The lock files (*.lock, *.lock.rmlock) are never failed: what is tested is
 * what happens to the session and the approved frames.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static int matches_fault(const char *name)
{
    const char *fault = getenv("FAULTFS_FAULT");
    return fault && strcmp(fault, name) == 0;
}

static int inside(const char *path)
{
    const char *dir = getenv("FAULTFS_DIR");
    if (!dir || !path || path[0] != '/')
        return 0;
    size_t n = strlen(dir);
    if (strncmp(path, dir, n) != 0 || (path[n] != '/' && path[n] != '\0'))
        return 0;
    /* The lock is not what is tested: QLockFile's own files work. */
    return strstr(path, ".lock") == NULL;
}

static int fd_path(int fd, char *out, size_t size)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, out, size - 1);
    if (n < 0)
        return 0;
    out[n] = '\0';
    /* An O_TMPFILE file reads as "/dir/#123 (deleted)": its folder counts. */
    return 1;
}

static int fd_inside(int fd, int want_dir)
{
    char path[PATH_MAX];
    struct stat st;
    if (!fd_path(fd, path, sizeof path) || fstat(fd, &st) != 0)
        return 0;
    if (want_dir != (S_ISDIR(st.st_mode) ? 1 : 0))
        return 0;
    return inside(path);
}

/* Counts matching calls; true for the ones that fail. */
static int trip(void)
{
    static int seen = 0;
    const char *after = getenv("FAULTFS_AFTER");
    const char *times = getenv("FAULTFS_TIMES");
    const int first = after ? atoi(after) : 0;
    const int n = seen++;
    return n >= first && (!times || n < first + atoi(times));
}

#define REAL(type, name, ...)                                                                  \
    static type (*real_##name)(__VA_ARGS__);                                                   \
    if (!real_##name)                                                                          \
        real_##name = (type(*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name);

ssize_t write(int fd, const void *buf, size_t count)
{
    REAL(ssize_t, write, int, const void *, size_t)
    if ((matches_fault("write-enospc") || matches_fault("write-short")) && fd > 2 &&
        fd_inside(fd, 0) && trip()) {
        if (matches_fault("write-short") && count > 1)
            return real_write(fd, buf, count / 2);
        errno = ENOSPC;
        return -1;
    }
    return real_write(fd, buf, count);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
    REAL(ssize_t, writev, int, const struct iovec *, int)
    if ((matches_fault("write-enospc") || matches_fault("write-short")) && fd > 2 &&
        fd_inside(fd, 0) && trip()) {
        size_t total = 0;
        for (int i = 0; i < iovcnt; ++i)
            total += iov[i].iov_len;
        if (matches_fault("write-short") && total > 1) {
            /* The first half of the bytes, whichever parts they are in. */
            struct iovec half[IOV_MAX];
            size_t left = total / 2;
            int n = 0;
            for (int i = 0; i < iovcnt && i < IOV_MAX && left > 0; ++i, ++n) {
                half[n] = iov[i];
                if (half[n].iov_len > left)
                    half[n].iov_len = left;
                left -= half[n].iov_len;
            }
            return real_writev(fd, half, n);
        }
        errno = ENOSPC;
        return -1;
    }
    return real_writev(fd, iov, iovcnt);
}

ssize_t copy_file_range(int fd_in, off64_t *off_in, int fd_out, off64_t *off_out, size_t len,
                        unsigned int flags)
{
    REAL(ssize_t, copy_file_range, int, off64_t *, int, off64_t *, size_t, unsigned int)
    if ((matches_fault("write-enospc") || matches_fault("write-short")) && fd_out > 2 &&
        fd_inside(fd_out, 0) && trip()) {
        if (matches_fault("write-short") && len > 1)
            return real_copy_file_range(fd_in, off_in, fd_out, off_out, len / 2, flags);
        errno = ENOSPC;
        return -1;
    }
    return real_copy_file_range(fd_in, off_in, fd_out, off_out, len, flags);
}

int fdatasync(int fd)
{
    REAL(int, fdatasync, int)
    if (matches_fault("fdatasync-eio") && fd_inside(fd, 0) && trip()) {
        errno = EIO;
        return -1;
    }
    return real_fdatasync(fd);
}

int fsync(int fd)
{
    REAL(int, fsync, int)
    if ((matches_fault("fdatasync-eio") && fd_inside(fd, 0) && trip()) ||
        (matches_fault("dirsync-eio") && fd_inside(fd, 1) && trip())) {
        errno = EIO;
        return -1;
    }
    return real_fsync(fd);
}

int rename(const char *from, const char *to)
{
    REAL(int, rename, const char *, const char *)
    if (matches_fault("rename-eio") && inside(to) && trip()) {
        errno = EIO;
        return -1;
    }
    return real_rename(from, to);
}

int renameat(int fromfd, const char *from, int tofd, const char *to)
{
    REAL(int, renameat, int, const char *, int, const char *)
    if (matches_fault("rename-eio") && inside(to) && trip()) {
        errno = EIO;
        return -1;
    }
    return real_renameat(fromfd, from, tofd, to);
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned int flags)
{
    REAL(int, renameat2, int, const char *, int, const char *, unsigned int)
    if (matches_fault("rename-eio") && inside(to) && trip()) {
        errno = EIO;
        return -1;
    }
    return real_renameat2(fromfd, from, tofd, to, flags);
}

int link(const char *from, const char *to)
{
    REAL(int, link, const char *, const char *)
    if (matches_fault("link-eio") && inside(to) && trip()) {
        errno = EIO;
        return -1;
    }
    return real_link(from, to);
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
    REAL(int, linkat, int, const char *, int, const char *, int)
    if (matches_fault("link-eio") && inside(to) && trip()) {
        errno = EIO;
        return -1;
    }
    return real_linkat(fromfd, from, tofd, to, flags);
}

static int opens_for_writing(int flags)
{
    return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)) != 0 ||
           (flags & O_TMPFILE) == O_TMPFILE;
}

/* Declares `mode`: the variadic mode argument, passed only when the call
   creates a file. `last` is the last named parameter. */
#define MODE_ARGUMENT(last)                                                                       \
    mode_t mode = 0;                                                                              \
    if ((last) & (O_CREAT | O_TMPFILE)) {                                                         \
        va_list args;                                                                             \
        va_start(args, last);                                                                     \
        mode = va_arg(args, mode_t);                                                              \
        va_end(args);                                                                             \
    }

/* Whether this open is one the fault refuses (errno set when it is). */
static int refuses_open(const char *path, int flags)
{
    if (matches_fault("open-erofs") && opens_for_writing(flags) && inside(path) && trip()) {
        errno = EROFS;
        return 1;
    }
    return 0;
}

int open(const char *path, int flags, ...)
{
    REAL(int, open, const char *, int, ...)
    MODE_ARGUMENT(flags)
    if (refuses_open(path, flags))
        return -1;
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) __attribute__((alias("open")));

int openat(int dirfd, const char *path, int flags, ...)
{
    REAL(int, openat, int, const char *, int, ...)
    MODE_ARGUMENT(flags)
    if (refuses_open(path, flags))
        return -1;
    return real_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...) __attribute__((alias("openat")));
