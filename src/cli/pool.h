/*
 * CLI: read and parse files on a pool of threads, handing each file's result to the calling
 * thread in the order of the files (extract, ingest). At most 4 × threads files are read
 * ahead of the caller, which bounds the documents held in memory.
 */
#ifndef FG_CLI_POOL_H
#define FG_CLI_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "fengong/fengong.h"

/* How each file is read. */
typedef struct cli_read_opts {
    const fg_lexicon *lex; /* --roles, or NULL (the bundled lexicon) */
    bool tracking;         /* read deadlines and targets too */
    bool no_text;          /* leave the items' texts empty (only JSON prints them) */
    bool check;            /* fg_doc_check() the document */
} cli_read_opts;

/* One file: what reading and parsing it gave. */
typedef struct cli_doc_job {
    const char *path;
    fg_text *text; /* NULL when reading failed (then err says why) */
    fg_doc *doc;   /* NULL when reading or parsing failed (then err says why) */
    fg_error err;  /* the failure, copied from the thread that met it */
    bool done;
} cli_doc_job;

/* Read and parse one file into j (on any thread). */
void cli_read_doc(cli_doc_job *j, const cli_read_opts *ro);

/*
 * Read and parse files[0 .. n-1] on n_threads threads (on this one when 1, or when no thread
 * can be started) and call each(job, i, payload) on this thread in file order. A callback may
 * take job->text or job->doc (setting it to NULL); what it leaves is freed after it returns.
 * Returns 0, or -1 after "fengong: out of memory" (no callback was made).
 */
int cli_read_docs(char *const *files, size_t n, size_t n_threads, const cli_read_opts *ro,
                  void (*each)(cli_doc_job *job, size_t i, void *payload), void *payload);

#endif
