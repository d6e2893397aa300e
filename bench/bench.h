/* What the micro-benchmarks share: a monotonic clock and reading a whole file. */
#ifndef FG_BENCH_H
#define FG_BENCH_H

#include <stdio.h>
#include <stdlib.h>
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

#endif
