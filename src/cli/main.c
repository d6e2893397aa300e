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

static const char usage_text[] =
    "usage: fengong [--debug] COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "fengong reads Chinese government task-division (分工) documents and extracts\n"
    "their tasks, responsibility clauses, lead/co-operating agencies and work teams.\n"
    "\n"
    "commands:\n"
    "  extract FILE...   extract items, clauses, assignments and work teams\n"
    "  ingest FILE...    extract and store documents in the database (SQLite)\n"
    "  index             bring the search index up to date (after ingest --no-index)\n"
    "  documents         list the stored documents\n"
    "  remove DOC...     delete stored documents\n"
    "  search QUERY      find stored tasks by text, with their agencies\n"
    "  agencies          agencies in the store; --unresolved, show NAME\n"
    "  load              workload per agency and the balance of leads\n"
    "  centrality        degree, strength, betweenness, harmonic, eigenvector, pagerank\n"
    "  communities       Leiden communities of agencies that work together\n"
    "  coord X [Y]       X's partners, or the tasks X and Y share\n"
    "  pairs             the agencies that share the most tasks\n"
    "  path X Y          the shortest chain of shared tasks between two agencies\n"
    "  compare A B       two documents or two years side by side\n"
    "  render WHAT       coordination maps (team, agency, network) as SVG/PNG/PDF/DOT\n"
    "  export            the graph as GraphML, GEXF, CSV, an Excel workbook, JSON or DOT\n"
    "  report            one self-contained HTML report of everything\n"
    "  suggest PLAN...   propose lead and co-operating agencies for a new plan\n"
    "\n"
    "global options:\n"
    "  --debug           show where in fengong an error was raised\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "Commands that print tables take --format table|tsv|csv|json, or --format xlsx -o FILE\n"
    "for an Excel workbook with one sheet per table.\n"
    "Run 'fengong COMMAND --help' for the options of a command.\n"
    "Exit status: 0 ok, 1 an input or runtime error, 2 a usage error.\n";

void cli_report_error(const cli_global *g)
{
    const fg_error *e = fg_error_last();

    fprintf(stderr, "fengong: %s\n", e->message[0] ? e->message : fg_error_name(e->code));
    if (g && g->debug && e->src_file)
        fprintf(stderr, "fengong: (raised at %s:%d, %s)\n", e->src_file, e->src_line,
                fg_error_name(e->code));
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
            fputs(usage_text, stdout);
            return CLI_OK;
        case 'V':
            printf("fengong %s\n", FG_VERSION);
            return CLI_OK;
        default:
            fprintf(stderr, "fengong: unknown option '%s'\n%s", argv[optind - 1], usage_text);
            return CLI_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(usage_text, stderr);
        return CLI_USAGE;
    }
    cmd = argv[optind];
    argc -= optind;
    argv += optind;
    optind = 0; /* reset getopt for the subcommand (glibc: 0 re-initialises) */
    if (strcmp(cmd, "extract") == 0)
        return cmd_extract(argc, argv, &g);
    if (strcmp(cmd, "ingest") == 0)
        return cmd_ingest(argc, argv, &g);
    if (strcmp(cmd, "index") == 0)
        return cmd_index(argc, argv, &g);
    if (strcmp(cmd, "documents") == 0)
        return cmd_documents(argc, argv, &g);
    if (strcmp(cmd, "remove") == 0)
        return cmd_remove(argc, argv, &g);
    if (strcmp(cmd, "search") == 0)
        return cmd_search(argc, argv, &g);
    if (strcmp(cmd, "agencies") == 0)
        return cmd_agencies(argc, argv, &g);
    if (strcmp(cmd, "load") == 0)
        return cmd_load(argc, argv, &g);
    if (strcmp(cmd, "centrality") == 0)
        return cmd_centrality(argc, argv, &g);
    if (strcmp(cmd, "communities") == 0)
        return cmd_communities(argc, argv, &g);
    if (strcmp(cmd, "coord") == 0)
        return cmd_coord(argc, argv, &g);
    if (strcmp(cmd, "pairs") == 0)
        return cmd_pairs(argc, argv, &g);
    if (strcmp(cmd, "path") == 0)
        return cmd_path(argc, argv, &g);
    if (strcmp(cmd, "compare") == 0)
        return cmd_compare(argc, argv, &g);
    if (strcmp(cmd, "render") == 0)
        return cmd_render(argc, argv, &g);
    if (strcmp(cmd, "export") == 0)
        return cmd_export(argc, argv, &g);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc, argv, &g);
    if (strcmp(cmd, "suggest") == 0)
        return cmd_suggest(argc, argv, &g);
    if (strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return CLI_OK;
    }
    fprintf(stderr, "fengong: unknown command '%s'\n%s", cmd, usage_text);
    return CLI_USAGE;
}
