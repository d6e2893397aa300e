/*
 * For the unit tests of the modules with an AVX2 twin (src/simd.h): ctest runs them once as
 * they come and once more with GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2 and FG_EXPECT_AVX2=0,
 * the C library's switch that turns AVX2 off for the process; simd_check_env() makes sure
 * that the switch took, so that the portable twins really ran. Call it first.
 */
#ifndef FG_TESTS_SIMD_ENV_H
#define FG_TESTS_SIMD_ENV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"

static inline void simd_check_env(void)
{
    const char *want = getenv("FG_EXPECT_AVX2");

    fprintf(stderr, "[ SIMD ] AVX2 paths %s\n", fg_simd__avx2() ? "on" : "off");
    if (want != NULL && strcmp(want, "0") == 0 && fg_simd__avx2()) {
        fprintf(stderr, "FG_EXPECT_AVX2=0 but the AVX2 paths are on (GLIBC_TUNABLES=%s)\n",
                getenv("GLIBC_TUNABLES") ? getenv("GLIBC_TUNABLES") : "");
        exit(2);
    }
}

#endif
