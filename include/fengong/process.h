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

#ifdef __cplusplus
}
#endif
#endif
