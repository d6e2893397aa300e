/*
 * Files: a whole file written under a temporary name in its directory, synced and renamed
 * onto its path (readers see the old file or the new one, never half of one), and `mkdir -p`.
 * The writers of maps, exports and the report all go through here.
 */
#include "fengong/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

int fg_make_dirs(const char *path)
{
    size_t n = strlen(path);
    char *p = malloc(n + 1);
    struct stat sb;
    int rc = FG_OK;

    FG_CHECK_ALLOC(p);
    memcpy(p, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        p[i] = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            rc = fg_error_set(FG_EIO, "%s: cannot create the directory: %s", p, strerror(errno));
            goto out;
        }
        if (i < n)
            p[i] = '/';
    }
    if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        rc = fg_error_set(FG_EIO, "%s: not a directory", path);
out:
    free(p);
    return rc;
}

int fg_make_parent_dirs(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int rc;

    if (slash == NULL || slash == path)
        return FG_OK;
    dir = malloc((size_t)(slash - path) + 1);
    if (dir == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    memcpy(dir, path, (size_t)(slash - path));
    dir[slash - path] = '\0';
    rc = fg_make_dirs(dir);
    free(dir);
    return rc;
}

/* Write data into the open fd, all of it; path names it in errors. */
static int write_all(int fd, const char *path, const char *data, size_t len)
{
    for (size_t done = 0; done < len;) {
        ssize_t w = write(fd, data + done, len - done);

        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
        done += (size_t)w;
    }
    return FG_OK;
}

/*
 * A target that is no regular file (/dev/null, /dev/stdout, a FIFO) is written into, not
 * replaced: renaming over it would put a file where the device was.
 */
static int write_special(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY);
    int rc;

    if (fd < 0)
        return fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
    rc = write_all(fd, path, data, len);
    if (close(fd) != 0 && rc == FG_OK)
        rc = fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
    return rc;
}

int fg_file_replace(const char *path, const char *data, size_t len)
{
    size_t n = strlen(path);
    char *tmp = NULL;
    struct stat sb;
    int fd;
    int rc = FG_OK;

    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return fg_error_set(FG_EIO, "%s: cannot write: Is a directory", path);
        if (!S_ISREG(sb.st_mode))
            return write_special(path, data, len);
    }
    tmp = malloc(n + 16);
    if (tmp == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
    fd = mkstemp(tmp);
    if (fd < 0) {
        rc = fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
        free(tmp);
        return rc;
    }
    rc = write_all(fd, path, data, len);
    if (rc == FG_OK && (fchmod(fd, 0644) != 0 || fsync(fd) != 0))
        rc = fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (close(fd) != 0 && rc == FG_OK)
        rc = fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (rc == FG_OK && rename(tmp, path) != 0)
        rc = fg_error_set(FG_EIO, "%s: cannot rename into place: %s", path, strerror(errno));
    if (rc < 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

int fg_file_write_atomic(const char *path, const char *data, size_t len)
{
    int rc = fg_make_parent_dirs(path);

    return rc < 0 ? rc : fg_file_replace(path, data, len);
}
