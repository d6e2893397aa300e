/*
 * For the unit tests with SIMD paths: FG_SIMD=base|ssse3|avx2 in the environment caps the
 * level (fg_simd_limit()), as the CLI does, so that ctest can run each path. Call first.
 */
#ifndef FG_TESTS_SIMD_ENV_H
#define FG_TESTS_SIMD_ENV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fengong/process.h"

static inline void simd_from_env(void)
{
    const char *v = getenv("FG_SIMD");

    if (v == NULL || *v == '\0')
        return;
    if (strcmp(v, "base") == 0) {
        fg_simd_limit(FG_SIMD_BASE);
    } else if (strcmp(v, "ssse3") == 0) {
        fg_simd_limit(FG_SIMD_SSSE3);
    } else if (strcmp(v, "avx2") == 0) {
        fg_simd_limit(FG_SIMD_AVX2);
    } else {
        fprintf(stderr, "FG_SIMD must be base, ssse3 or avx2, not '%s'\n", v);
        exit(2);
    }
    fprintf(stderr, "[ SIMD ] level %d (FG_SIMD=%s)\n", (int)fg_simd_level(), v);
}

#endif
