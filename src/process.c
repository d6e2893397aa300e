/* Process-wide settings (include/fengong/process.h). */
#include "fengong/process.h"

#include <stdlib.h> /* defines __GLIBC__ with glibc */
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void fg_tune_allocator(void)
{
#if defined(__GLIBC__)
    /* Setting these also turns off glibc's own adjustment of the mmap threshold. */
    (void)mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    (void)mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}
