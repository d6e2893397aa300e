/*
 * For the unit tests with SIMD paths: FG_SIMD=base|ssse3|avx2 in the environment caps the
 * level (fg_simd_limit()), as the CLI does, so that ctest can run each path. Call first.
 */
#ifndef FG_TESTS_SIMD_ENV_H
#define FG_TESTS_SIMD_ENV_H

#include <stdio.h>
#include <stdlib.h>

#include "fengong/error.h"
#include "fengong/process.h"

static inline void simd_from_env(void)
{
    const char *v = getenv("FG_SIMD");
    fg_simd level;

    if (v == NULL || *v == '\0')
        return;
    if (fg_simd_from_name(v, &level) < 0) {
        fprintf(stderr, "%s\n", fg_error_last()->message);
        exit(2);
    }
    fg_simd_limit(level);
    fprintf(stderr, "[ SIMD ] level %d (FG_SIMD=%s)\n", (int)fg_simd_level(), v);
}

#endif
