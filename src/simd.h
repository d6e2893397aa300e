/*
 * The one run-time choice of code path in fengong: whether the AVX2 twins of the character
 * scanner (fg_charscan, str.c) run. Everything else that is vectorised uses SSE2, which
 * every x86-64 CPU has, chosen when compiling; -DFG_NO_SIMD builds the portable C only.
 *
 * bench/mem.sh on one 60 MB document (2-core EPYC VM, CPU seconds): the AVX2 scanner saves
 * about a sixth of the extraction time over the byte loop, so it stays; an SSSE3 twin (for
 * CPUs with SSSE3 but no AVX2) and an AVX2 UTF-8 validator beside the SSE2 one gave too
 * little to keep (see the commit that removed them).
 */
#ifndef FG_SIMD_H
#define FG_SIMD_H

#include <stdbool.h>

/*
 * Whether the AVX2 paths run: the CPU has AVX2 and the C library counts it as usable. With
 * glibc, GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2 in the environment turns it off for the
 * whole process (glibc's own string functions included), which is how the tests run the
 * portable twins on a machine with AVX2. Found once; the same answer in every thread.
 * Always false in FG_NO_SIMD builds and off x86.
 */
bool fg_simd__avx2(void);

#endif
