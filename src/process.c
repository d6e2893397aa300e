/* Process-wide settings (include/fengong/process.h). */
#include "fengong/process.h"

#include <pthread.h>
#include <stdlib.h> /* defines __GLIBC__ with glibc */
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "error.h"

static fg_simd simd_cpu = FG_SIMD_BASE; /* what the CPU has, found once */
static fg_simd simd_most = FG_SIMD_AVX2;

static void simd_detect(void)
{
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(FG_NO_SIMD)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2"))
        simd_cpu = FG_SIMD_AVX2;
    else if (__builtin_cpu_supports("ssse3"))
        simd_cpu = FG_SIMD_SSSE3;
#endif
}

fg_simd fg_simd_level(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, simd_detect);
    return simd_cpu < simd_most ? simd_cpu : simd_most;
}

fg_simd fg_simd_limit(fg_simd most)
{
    simd_most = most;
    return fg_simd_level();
}

void fg_tune_allocator(void)
{
#if defined(__GLIBC__)
    /* Setting these also turns off glibc's own adjustment of the mmap threshold. */
    (void)mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    (void)mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}

int fg_simd_from_name(const char *name, fg_simd *level)
{
    static const char *const names[] = {[FG_SIMD_BASE] = "base", [FG_SIMD_SSSE3] = "ssse3",
                                        [FG_SIMD_AVX2] = "avx2"};

    for (size_t k = 0; name != NULL && k < sizeof names / sizeof names[0]; k++) {
        if (strcmp(name, names[k]) == 0) {
            *level = (fg_simd)k;
            return FG_OK;
        }
    }
    return fg_error_set(FG_EINVAL, "FG_SIMD must be base, ssse3 or avx2, not '%s'",
                        name != NULL ? name : "(null)");
}
