/*
 * fengong suggest: propose lead and co-operating agencies for the tasks of plans that have
 * no 分工 yet, learnt from the store; optionally write the plan as a draft 分工 document.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

static const char suggest_usage[] =
    "usage: fengong suggest [--db PATH] [--top K] [--limit N]\n"
    "                       [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "                       [--draft -o FILE] [--gazetteer FILE] PLAN...\n"
    "\n"
    "For every task of each PLAN (a plan with numbered tasks and no 分工; any assignments it\n"
    "has are ignored) propose the K most likely lead agencies and K co-operating ones\n"
    "(default 3), each with a score and its evidence: the most similar stored tasks and the\n"
    "words that matched the agency's remit (graphs/agency-remits.tsv). The model learns from\n"
    "every stored task. A city plan gets city agencies (市…).\n"
    "With --draft -o FILE, write the plan as a draft 分工 document with （X牵头，Y、Z按职责分工负责）\n"
    "after each task; 'fengong extract' on it gives back the top suggestions.\n"
    "--format xlsx -o FILE writes the suggestions as an Excel workbook (sheet 'suggest').\n"
    "\n"
    "Each row also gives its task's deadline (the date, 'due', and the phrase as written,\n"
    "'deadline': a 完成时限 label or column, else the last deadline phrase of the task's\n"
    "text) and its quantitative targets as written ('targets', joined by ；).\n"
    "\n"
    "TSV columns: doc item rank agency score role evidence due deadline targets.\n";

/* The deadline and targets of one item of a plan, for the last columns of its rows. */
typedef struct item_tracking {
    size_t item;
    char date[11];     /* "" unless a dated deadline with a year */
    char *phrase;      /* as written; malloc'd */
    char *targets;     /* as written, joined by ；; malloc'd */
} item_tracking;

static void tracking_free(item_tracking *t)
{
    free(t->phrase);
    free(t->targets);
    t->phrase = t->targets = NULL;
}

static int tracking_of(item_tracking *t, const fg_doc *doc, size_t item)
{
    const fg_item *it = &doc->items[item];
    fg_deadline d;
    const char *text = "";
    size_t len = 1;

    tracking_free(t);
    t->item = item;
    t->date[0] = '\0';
    if (fg_suggest_item_deadline(&d, &text, doc, item) < 0)
        d.kind = FG_DEADLINE_NONE;
    if (d.kind == FG_DEADLINE_NONE)
        d.off = d.len = 0;
    else
        snprintf(t->date, sizeof t->date, "%s", d.date);
    t->phrase = malloc(d.len + 1);
    for (size_t k = 0; k < it->n_targets; k++)
        len += strlen(it->targets[k].text) + 3;
    t->targets = malloc(len);
    if (t->phrase == NULL || t->targets == NULL)
        return -1;
    memcpy(t->phrase, text + d.off, d.len);
    t->phrase[d.len] = '\0';
    t->targets[0] = '\0';
    for (size_t k = 0; k < it->n_targets; k++) {
        if (k)
            strcat(t->targets, "；");
        strcat(t->targets, it->targets[k].text);
    }
    return 0;
}

enum { O_TOP, O_DRAFT, O_OUTPUT };

static const cli_opt suggest_opts[] = {
    {"top", 0, "K", O_TOP, "propose K leads and K co-operating agencies (1-100, default 3)"},
    {"draft", 0, NULL, O_DRAFT, "write the plan as a draft 分工 document to -o FILE"},
    {"output", 'o', "FILE", O_OUTPUT, "the draft of --draft, or the Excel workbook of --format "
                                      "xlsx"},
};

/* What the options of suggest give (its take_suggest_opt()'s context). */
struct suggest_args {
    size_t top;
    int draft;
    const char *output;
};

static int take_suggest_opt(void *ctx, int id, const char *val)
{
    long top;
    struct suggest_args *s = ctx;

    if (id != O_TOP) {
        s->draft |= id == O_DRAFT;
        s->output = id == O_OUTPUT ? val : s->output;
        return 0;
    }
    if (cli_parse_long(val, 1, 100, &top) < 0) {
        fprintf(stderr, "fengong suggest: --top needs a number from 1 to 100\n");
        return CLI_USAGE;
    }
    s->top = (size_t)top;
    return 0;
}

static int cmd_suggest(int argc, char **argv, const cli_global *g)
{
    static const char *const hdr[] = {"doc",  "item",     "rank",    "agency",
                                      "score", "role",    "evidence", "due",
                                      "deadline", "targets"};
    struct suggest_args sa = {3, 0, NULL};
    cli_spec spec = {"suggest", suggest_usage, CLI_OPT_DB | CLI_OPT_LIST | CLI_OPT_GAZ,
                     suggest_opts, sizeof suggest_opts / sizeof suggest_opts[0], take_suggest_opt,
                     &sa, NULL, NULL, false, "X+\0no PLAN given"};
    cli_args a;
    int first;
    const char *output;
    int draft;
    size_t top;
    int fmt;
    fg_gazetteer *gz = NULL;
    fg_suggester *sg = NULL;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    cli_output out = {0};
    cli_printer p;
    int status = cli_begin(&a, &first, &spec, argc, argv, NULL);

    if (status >= 0)
        return status;
    status = CLI_OK;
    output = sa.output;
    draft = sa.draft;
    top = sa.top;
    fmt = a.fmt;
    if (draft && (output == NULL || argc - first != 1 || fmt == CLI_XLSX)) {
        fprintf(stderr, "fengong suggest: --draft needs -o FILE and exactly one PLAN (and no "
                        "--format xlsx)\n%s", suggest_usage);
        return CLI_USAGE;
    }
    if (!draft) {
        status = cli_output_open(&out, "suggest", fmt, output, suggest_usage);
        if (status != CLI_OK)
            return status;
    }
    if (cli_load_gazetteer(&gz, a.gazetteers, a.n_gazetteers, g) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    so.read_only = 1;
    if (fg_store_open(&st, a.db, &so) < 0 || fg_suggester_new(&sg, st, gz) < 0) {
        cli_report_error(g);
        fg_store_close(st);
        fg_gazetteer_free(gz);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    if (!draft) {
        cli_printer_begin(&p, &out, "suggest", 10, hdr);
        cli_printer_limit(&p, a.limit);
        cli_printer_numeric(&p, 2);
        cli_printer_numeric(&p, 4);
    }
    for (int i = first; i < argc; i++) {
        fg_text *text = NULL;
        fg_doc *doc = NULL;
        fg_parse_opts po = FG_PARSE_OPTS_INIT;
        fg_suggestion *v = NULL;
        size_t n = 0;

        po.name = argv[i];
        if (fg_text_read_file(&text, argv[i]) < 0 || fg_parse_document(&doc, text, &po) < 0 ||
            fg_suggest_plan(&v, &n, sg, doc, top) < 0) {
            cli_report_error(g);
            status = CLI_FAIL;
        } else if (draft) {
            char *text_out = NULL;
            size_t len = 0;

            if (fg_suggest_draft(&text_out, &len, doc, v, n, top) < 0 ||
                fg_file_write_atomic(output, text_out, len) < 0) {
                cli_report_error(g);
                status = CLI_FAIL;
            } else {
                printf("wrote %s\n", output);
            }
            free(text_out);
        } else {
            item_tracking tr = {(size_t)-1, "", NULL, NULL};

            if (n == 0)
                fprintf(stderr, "fengong: %s: no tasks to suggest for\n", argv[i]);
            for (size_t k = 0; k < n; k++) {
                char rank[32];
                char score[32];
                const char *cols[10];

                if (v[k].item != tr.item && tracking_of(&tr, doc, v[k].item) < 0) {
                    fputs("fengong suggest: out of memory\n", stderr);
                    status = CLI_FAIL;
                    break;
                }
                snprintf(rank, sizeof rank, "%zu", v[k].rank);
                snprintf(score, sizeof score, "%.3f", v[k].score);
                cols[0] = doc->name;
                cols[1] = doc->items[v[k].item].path;
                cols[2] = rank;
                cols[3] = v[k].agency;
                cols[4] = score;
                cols[5] = fg_role_name(v[k].role);
                cols[6] = v[k].evidence;
                cols[7] = tr.date;
                cols[8] = tr.phrase;
                cols[9] = tr.targets;
                cli_printer_row(10, cols, &p);
            }
            tracking_free(&tr);
        }
        fg_suggestions_free(v, n);
        fg_doc_free(doc);
        fg_text_free(text);
    }
    if (!draft)
        cli_printer_end(&p);
    /* Like the other formats, a workbook holds the plans that could be read. */
    if (cli_output_close(&out, true) < 0)
        status = CLI_FAIL;
    fg_suggester_free(sg);
    fg_store_close(st);
    fg_gazetteer_free(gz);
    return status;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_suggest = {"suggest PLAN...", cmd_suggest,
                                     "propose lead and co-operating agencies for a new plan"};
