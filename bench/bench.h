/* What the micro-benchmarks share: a monotonic clock and reading a whole file. */
#ifndef FG_BENCH_H
#define FG_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double bench_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The bytes of path into *ptr (malloc'd) and *len; -1 (with perror) when it cannot. */
static inline int bench_read_file(char **ptr, size_t *len, const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 65536;

    *len = 0;
    *ptr = NULL;
    if (f == NULL) {
        perror(path);
        return -1;
    }
    for (;;) {
        char *p = realloc(*ptr, cap);

        if (p == NULL) {
            fclose(f);
            return -1;
        }
        *ptr = p;
        *len += fread(*ptr + *len, 1, cap - *len, f);
        if (*len < cap)
            break;
        cap *= 2;
    }
    fclose(f);
    return 0;
}

/*
 * The arguments `[--mb N] FILE...` of a benchmark that works on N MB made of the FILEs
 * (default_mb without --mb): *target_out receives N in bytes. Returns the index in argv of
 * the first FILE, or 0 after printing the usage of name when there is no FILE or N is 0.
 */
static inline int bench_args_mb(size_t *target_out, int argc, char **argv, const char *name,
                                size_t default_mb)
{
    size_t target = default_mb;
    int first = 1;

    if (argc > 2 && strcmp(argv[1], "--mb") == 0) {
        target = (size_t)strtoul(argv[2], NULL, 10);
        first = 3;
    }
    if (first >= argc || target == 0) {
        fprintf(stderr, "usage: %s [--mb N] FILE...\n", name);
        return 0;
    }
    *target_out = target * 1024 * 1024;
    return first;
}

#endif
