/*
 * fengong targets: the quantitative targets of the stored documents (issue 18), and the
 * changed-targets table of compare. Argument parsing and printing only; the rows come from
 * fg_store_target_rows() and fg_track_target_changes().
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

static const char targets_usage[] =
    "usage: fengong targets [--doc NAME] [--agency NAME] [--db PATH] [--limit N]\n"
    "                       [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "\n"
    "The quantitative targets of the stored documents (地区生产总值增长6.5%以上) in document\n"
    "order, with the lead agencies of their item: the document and its year, the item, the\n"
    "subject, the change (increase, decrease, or level: a level reached or kept), the bound\n"
    "(eq, ge 以上/不低于, gt 超过, le 以内/不超过, lt 低于, about 左右, range 5%—6%), the value\n"
    "with 万/亿 multiplied out (70万人: 700000 人), the upper end of a range, the unit and the\n"
    "text as written.\n";

static const cli_opt targets_own[] = {
    {"doc", 0, "NAME", 0, "only this stored document"},
    {"agency", 0, "NAME", 1, "only the items NAME leads or co-operates in"},
};

static int take_target_opt(void *ctx, int id, const char *arg)
{
    fg_store_track_query *q = ctx;

    if (id == 0)
        q->doc = arg;
    else
        q->agency = arg;
    return 0;
}

static const cli_col targets_cols[] = {
    {"doc", CLI_TEXT, NULL, NULL, false},          {"year", CLI_INT, NULL, NULL, false},
    {"item", CLI_TEXT, NULL, NULL, false},         {"subject", CLI_TEXT, NULL, NULL, false},
    {"change", CLI_TEXT, NULL, NULL, false},       {"bound", CLI_TEXT, NULL, NULL, false},
    {"value", CLI_REAL, "%.15g", "%.15g", false},  {"value_hi", CLI_REAL, "%.15g", "%.15g", false},
    {"unit", CLI_TEXT, NULL, NULL, false},         {"lead", CLI_TEXT, NULL, NULL, false},
    {"text", CLI_TEXT, NULL, NULL, false}};
#define TARGETS_COLS (sizeof targets_cols / sizeof targets_cols[0])

typedef struct targets_ctx {
    cli_printer *p;
    int failed;
} targets_ctx;

static int print_target(const fg_store_target_row *r, void *payload)
{
    targets_ctx *t = payload;
    char *lead = cli_join_names(r->leads.v, r->leads.n);

    if (lead == NULL) {
        t->failed = 1;
        return 1;
    }
    {
        cli_cell row[TARGETS_COLS] = {
            cli_text(r->doc),
            r->year ? cli_int(r->year) : cli_text(NULL),
            cli_text(r->path),
            cli_text(r->subject),
            cli_text(fg_target_change_name(r->change)),
            cli_text(fg_target_bound_name(r->bound)),
            cli_number(r->value),
            r->bound == FG_BOUND_RANGE ? cli_number(r->value_hi) : cli_text(NULL),
            cli_text(r->unit),
            cli_text(lead),
            cli_text(r->text)};

        cli_printer_cells(t->p, row);
    }
    free(lead);
    return 0;
}

static int stop_at_first(const fg_store_target_row *r, void *payload)
{
    (void)r;
    (void)payload;
    return 1;
}

static int cmd_targets(int argc, char **argv, const cli_global *g)
{
    fg_store_track_query q = FG_STORE_TRACK_QUERY_INIT;
    cli_spec spec = {"targets", targets_usage, CLI_OPT_DB | CLI_OPT_LIST, targets_own, 2,
                     take_target_opt, &q, NULL, NULL, false, NULL};
    fg_store *st = NULL;
    cli_printer p;
    targets_ctx t = {&p, 0};
    cli_output out;
    cli_args a;
    int first;
    int rc = cli_begin(&a, &first, &spec, argc, argv, NULL);

    if (rc >= 0)
        return rc;
    rc = cli_open_output_store(&out, &st, &a, &spec, g);
    if (rc != CLI_OK)
        return rc;
    /* an unknown document or agency is an error before any output (a header in tsv) */
    if (fg_store_target_rows(st, &q, stop_at_first, NULL) < 0) {
        cli_report_error(g);
        fg_store_close(st);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_start(&p, &out, "targets", TARGETS_COLS, targets_cols);
    cli_printer_limit(&p, a.limit);
    rc = fg_store_target_rows(st, &q, print_target, &t);
    if (rc < 0 || t.failed) {
        /* nothing half-printed: the printer's rows are dropped with it */
        if (p.table) {
            cli_table_free(p.table);
            p.table = NULL;
        }
        json_decref(cli_printer_take_json(&p));
        if (rc < 0)
            cli_report_error(g);
        else
            fputs("fengong targets: out of memory\n", stderr);
        rc = -1;
    } else {
        cli_warn_untracked(st);
    }
    cli_printer_end(&p);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

/* ---- compare: the targets that changed ---- */

static const cli_col changes_cols[] = {
    {"subject", CLI_TEXT, NULL, NULL, false},       {"unit", CLI_TEXT, NULL, NULL, false},
    {"a", CLI_TEXT, NULL, NULL, false},             {"b", CLI_TEXT, NULL, NULL, false},
    {"value_a", CLI_REAL, "%.15g", "%.15g", false}, {"value_b", CLI_REAL, "%.15g", "%.15g", false},
    {"item_a", CLI_TEXT, NULL, NULL, false},        {"item_b", CLI_TEXT, NULL, NULL, false},
    {"doc_a", CLI_TEXT, NULL, NULL, false},         {"doc_b", CLI_TEXT, NULL, NULL, false}};
#define CHANGES_COLS (sizeof changes_cols / sizeof changes_cols[0])

/* A side of compare: a year (4 digits from 1949 to 2100, as compare reads it) or a document. */
static void compare_side(fg_store_track_query *q, const char *arg)
{
    long v;

    memset(q, 0, sizeof *q);
    if (strlen(arg) == 4 && cli_parse_long(arg, CLI_YEAR_MIN, CLI_YEAR_MAX, &v) == 0)
        q->year = (int)v;
    else
        q->doc = arg;
}

/* compare --format json's array of the changed targets (at most limit; 0: all). */
static json_t *changes_json(const fg_target_diffs *d, size_t limit)
{
    json_t *arr = json_array();

    for (size_t i = 0; arr && i < d->n && (limit == 0 || i < limit); i++) {
        const fg_target_diff *c = &d->v[i];

        json_array_append_new(
            arr, json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:f,s:f,s:f,s:f,s:s,s:s,s:s,s:s,s:s,s:s}",
                           "subject", c->subject, "unit", c->unit, "a", c->a.text, "b",
                           c->b.text, "change_a", fg_target_change_name(c->a.change),
                           "change_b", fg_target_change_name(c->b.change), "value_a",
                           c->a.value, "value_hi_a", c->a.value_hi, "value_b", c->b.value,
                           "value_hi_b", c->b.value_hi, "bound_a",
                           fg_target_bound_name(c->a.bound), "bound_b",
                           fg_target_bound_name(c->b.bound), "item_a", c->a.path, "item_b",
                           c->b.path, "doc_a", c->a.doc, "doc_b", c->b.doc));
    }
    return arr;
}

int cli_compare_targets(cli_output *out, const char *db, const char *arg_a, const char *arg_b,
                        size_t limit, struct json_t *json_root, const cli_global *g)
{
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_store_track_query qa;
    fg_store_track_query qb;
    fg_target_diffs *d = NULL;
    cli_printer p;
    int rc;

    so.read_only = 1;
    compare_side(&qa, arg_a);
    compare_side(&qb, arg_b);
    rc = fg_store_open(&st, db, &so);
    if (rc == FG_OK)
        rc = fg_track_target_changes(&d, st, &qa, &qb);
    if (rc < 0) {
        cli_report_error(g);
        fg_store_close(st);
        return -1;
    }
    if (json_root) {
        json_t *arr = changes_json(d, limit);

        json_object_set_new(json_root, "targets", arr ? arr : json_null());
    } else {
        cli_printer_start(&p, out, "targets", CHANGES_COLS, changes_cols);
        cli_printer_limit(&p, limit);
        for (size_t i = 0; i < d->n; i++) {
            const fg_target_diff *c = &d->v[i];
            cli_cell row[CHANGES_COLS] = {
                cli_text(c->subject),     cli_text(c->unit),        cli_text(c->a.text),
                cli_text(c->b.text),      cli_number(c->a.value),   cli_number(c->b.value),
                cli_text(c->a.path),      cli_text(c->b.path),      cli_text(c->a.doc),
                cli_text(c->b.doc)};

            cli_printer_cells(&p, row);
        }
        cli_printer_end(&p);
    }
    fg_target_diffs_free(d);
    fg_store_close(st);
    return 0;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_targets = {"targets", cmd_targets,
    "the quantitative targets (增长6.5%以上) with their lead agencies"};
