/* Process-wide settings (include/fengong/process.h) and the CPU check of src/simd.h. */
#include "fengong/process.h"

#include <pthread.h>
#include <stdlib.h> /* defines __GLIBC__ with glibc */
#if defined(__GLIBC__)
#include <malloc.h>
#if defined(__x86_64__) || defined(__i386__)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#endif
#endif
#endif

#include "simd.h"

static bool has_avx2; /* found once, by simd_detect() */

static void simd_detect(void)
{
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(FG_NO_SIMD)
#if defined(__GLIBC__) && __has_include(<sys/platform/x86.h>)
    has_avx2 = CPU_FEATURE_ACTIVE(AVX2); /* usable, and not turned off by GLIBC_TUNABLES */
#else
    __builtin_cpu_init();
    has_avx2 = __builtin_cpu_supports("avx2");
#endif
#endif
}

bool fg_simd__avx2(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, simd_detect);
    return has_avx2;
}

void fg_tune_allocator(void)
{
#if defined(__GLIBC__)
    /* Setting these also turns off glibc's own adjustment of the mmap threshold. */
    (void)mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    (void)mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}
