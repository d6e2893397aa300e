/* fengong: the files the library writes: whole files replaced atomically, and `mkdir -p`. */
#ifndef FENGONG_FILE_H
#define FENGONG_FILE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * fg_file_replace() after creating the directories of path that are missing, as `mkdir -p`
 * would.
 * @return FG_OK, FG_EIO ("PATH: cannot write: …", "DIR: cannot create the directory: …",
 *         "DIR: not a directory") or FG_ENOMEM.
 */
int fg_file_write_atomic(const char *path, const char *data, size_t len);

/**
 * Replace path with len bytes atomically (a temporary file beside it, fsync, rename), so no
 * half-written file is ever left under the final name; path's directory must exist. A path
 * that names no regular file (/dev/null, /dev/stdout, a FIFO) is written into, never
 * replaced; a directory is refused.
 * @return FG_OK, FG_EIO ("PATH: cannot write: …", "PATH: cannot rename into place: …") or
 *         FG_ENOMEM.
 */
int fg_file_replace(const char *path, const char *data, size_t len);

/**
 * Create the directory path and every missing directory above it (`mkdir -p`, mode 0755).
 * @return FG_OK, FG_EIO ("DIR: cannot create the directory: …", "PATH: not a directory")
 *         or FG_ENOMEM.
 */
int fg_make_dirs(const char *path);

/**
 * Create the missing directories above path's last component (fg_make_dirs() of its
 * directory; nothing when path has none), for a writer that makes the file itself.
 * @return FG_OK, FG_EIO or FG_ENOMEM, as fg_make_dirs().
 */
int fg_make_parent_dirs(const char *path);

#ifdef __cplusplus
}
#endif
#endif
