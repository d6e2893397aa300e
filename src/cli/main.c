/*
 * fengong command line: global options, then one subcommand. The CLI only parses
 * arguments, calls the library and prints; it holds no domain logic.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"

/* The commands, in the order of the help (each defined in its file, beside its function). */
static const cli_command *const commands[] = {
    &cli_cmd_extract,  &cli_cmd_ingest,      &cli_cmd_index,   &cli_cmd_documents,
    &cli_cmd_remove,   &cli_cmd_search,      &cli_cmd_agencies, &cli_cmd_load,
    &cli_cmd_centrality, &cli_cmd_communities, &cli_cmd_coord, &cli_cmd_pairs,
    &cli_cmd_path,     &cli_cmd_compare,     &cli_cmd_render,  &cli_cmd_export,
    &cli_cmd_report,   &cli_cmd_suggest,     &cli_cmd_due,     &cli_cmd_targets,
    &cli_cmd_progress,
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char usage_head[] =
    "usage: fengong [--debug] COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "fengong reads Chinese government task-division (分工) documents and extracts\n"
    "their tasks, responsibility clauses, lead/co-operating agencies and work teams.\n"
    "\n"
    "words: an item (条目) is a numbered entry of a document; a task (任务) is an item\n"
    "that gets agencies; a clause (分工条款) is one assignment of a task (one sentence or\n"
    "bracket naming who leads and who shares; a task may have several). The analysis\n"
    "graph's task nodes are clauses: lead and co counts count clauses.\n"
    "\n"
    "commands:\n";

static const char usage_tail[] =
    "\n"
    "global options:\n"
    "  --debug           show where in fengong an error was raised\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "Commands that print tables take --format table|tsv|csv|json, or --format xlsx -o FILE\n"
    "for an Excel workbook with one sheet per table. Analysis commands follow renamings to\n"
    "the newest name unless --as-written (or --as-of YEAR) is given.\n"
    "Run 'fengong COMMAND --help' for the options of a command.\n"
    "Exit status: 0 ok, 1 an input or runtime error, 2 a usage error.\n";

/* The help; its list of commands comes from the table. */
static void usage(FILE *f)
{
    fputs(usage_head, f);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-16s  %s\n", commands[i]->name, commands[i]->summary);
    fputs(usage_tail, f);
}

/* The command called cmd (the first word of an entry's name), or NULL. */
static const cli_command *find_command(const char *cmd)
{
    size_t n = strlen(cmd);

    for (size_t i = 0; n > 0 && i < N_COMMANDS; i++) {
        const char *name = commands[i]->name;

        if (strncmp(name, cmd, n) == 0 && (name[n] == '\0' || name[n] == ' '))
            return commands[i];
    }
    return NULL;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"debug", no_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    cli_global g = {false};
    const char *cmd;
    int c;

    /* Every command goes through documents or rows one after another: reuse freed memory. */
    fg_tune_allocator();
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            g.debug = true;
            break;
        case 'h':
            usage(stdout);
            return CLI_OK;
        case 'V':
            printf("fengong %s\n", FG_VERSION);
            return CLI_OK;
        default:
            fprintf(stderr, "fengong: unknown option '%s'\n", argv[optind - 1]);
            usage(stderr);
            return CLI_USAGE;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return CLI_USAGE;
    }
    cmd = argv[optind];
    argc -= optind;
    argv += optind;
    optind = 0; /* reset getopt for the subcommand (glibc: 0 re-initialises) */
    if (find_command(cmd) != NULL)
        return find_command(cmd)->fn(argc, argv, &g);
    if (strcmp(cmd, "help") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    fprintf(stderr, "fengong: unknown command '%s'\n", cmd);
    usage(stderr);
    return CLI_USAGE;
}
