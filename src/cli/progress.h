/* CLI: what cmd_progress.c (the rates) and cmd_progress_import.c (import, imports) share. */
#ifndef FG_CLI_PROGRESS_H
#define FG_CLI_PROGRESS_H

#include <stdbool.h>

#include "fengong/fengong.h"
#include "opts.h"

/* progress's own options (the shared ones are in cli_args). */
typedef struct progress_opts {
    const cli_spec *spec;
    const char *as_of;    /* --as-of DATE, validated */
    const char *date;     /* import --date DATE, validated */
    fg_progress_by by;
    bool coordination;
    bool strict;
    bool year_end;
} progress_opts;

/* progress import FILE...: the operands are argv[first ...]. Returns the exit code. */
int cli_progress_import(const cli_args *a, const progress_opts *o, int argc, char **argv,
                        int first, const cli_global *g);
/* progress imports: the listing of the imports. Returns the exit code. */
int cli_progress_imports(const cli_args *a, const cli_spec *spec, const cli_global *g);

#endif
