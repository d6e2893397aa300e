/* fengong: process-wide settings for programs that go through many documents. */
#ifndef FENGONG_PROCESS_H
#define FENGONG_PROCESS_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Tune the C library's allocator for many documents in one process. By default glibc hands
 * the memory of each document back to the system when it is freed (the top of the heap is
 * trimmed past 128 KB) and the next document faults it in again, zeroed: a quarter of the
 * extraction time on a corpus of small documents. After this call up to 64 MB of freed
 * memory is kept for reuse, and blocks below 32 MB come from the heap rather than from
 * mmap(). Resident memory then stays near the largest document's peak.
 * The setting is process-wide (it applies to every malloc() of the process), so it is left
 * to programs: the fengong CLI and the benchmarks call it once, first. A no-op where the
 * C library has no such settings.
 */
void fg_tune_allocator(void);

/** Instruction set extensions that fengong chooses code paths by at run time, in order. */
typedef enum fg_simd { FG_SIMD_BASE, FG_SIMD_SSSE3, FG_SIMD_AVX2 } fg_simd;

/**
 * The best extension in use: what the CPU has (FG_SIMD_BASE, the compiler's baseline, off
 * x86 and in FG_NO_SIMD builds), at most the limit set by fg_simd_limit(). Thread-safe.
 */
fg_simd fg_simd_level(void);

/**
 * Use no extension above most, so that tests and benchmarks can run every path on one
 * machine (the CLI takes it from the environment variable FG_SIMD: base, ssse3 or avx2).
 * Every path gives the same results. Process-wide; call it before anything else of fengong,
 * as the character tables of the parser keep the level they were built with.
 * @return the level now in effect.
 */
fg_simd fg_simd_limit(fg_simd most);

/**
 * The level named "base", "ssse3" or "avx2" (as FG_SIMD spells it) into *level.
 * @return FG_OK, or FG_EINVAL ("FG_SIMD must be base, ssse3 or avx2, not 'x'").
 */
int fg_simd_from_name(const char *name, fg_simd *level);

#ifdef __cplusplus
}
#endif
#endif
