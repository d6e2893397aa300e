/* CLI: shared declarations of the subcommands. */
#ifndef FG_CLI_H
#define FG_CLI_H

#include <stdbool.h>

/* Exit codes: 0 ok, 1 runtime or input error, 2 usage error. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

typedef struct cli_global {
    bool debug;
} cli_global;

int cmd_extract(int argc, char **argv, const cli_global *g);

/* Print "fengong: <message>" for the last library error (with the source with --debug). */
void cli_report_error(const cli_global *g);

#endif
