/*
 * The report's model: everything the HTML report shows from the store, read once with the
 * store's typed reads before a line is written: the graph, the documents covered, the names
 * merged by renamings, the work teams with the views of those drawn, the names the
 * gazetteer lacks, the dated deadlines by lead, and the progress groups. report.c,
 * report_tables.c and report_track.c write from what is loaded here and never read the
 * store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_int.h"
#include "error.h"
#include "fengong/progress.h"
#include "grow.h"
#include "report_int.h"

/* A copy of text in the model's pool; NULL (and r->rc set) when out of memory. */
static const char *keep(fg_report_ctx *r, const char *text)
{
    const char *copy = fg_arena_strndup(r->strings, text, strlen(text));

    if (copy == NULL)
        r->rc = fg_error_set(FG_ENOMEM, "out of memory");
    return copy;
}

static int doc_kept(const fg_filter *f, const char *name, int year)
{
    int named = f->n_docs == 0;

    for (size_t i = 0; i < f->n_docs && !named; i++)
        named = strcmp(f->docs[i], name) == 0;
    return named && (f->year == 0 || year == f->year);
}

static int on_document(const fg_store_document_row *row, void *p)
{
    fg_report_ctx *r = p;

    if (!doc_kept(r->f, row->name, row->year))
        return 0;
    r->rc = FG_GROW(r->docs, r->cap_docs, r->n_docs, 8);
    if (r->rc < 0)
        return 1;
    r->docs[r->n_docs++] = (fg_report_doc){
        .name = keep(r, row->name), .doc_number = keep(r, row->doc_number),
        .title = keep(r, row->title), .year = row->year, .items = row->n_items,
        .tasks = row->n_tasks, .clauses = row->n_clauses, .assignments = row->n_assignments,
        .teams = row->n_teams};
    r->items += row->n_items;
    r->tasks += row->n_tasks;
    r->clauses += row->n_clauses;
    return r->rc < 0;
}

static int cmp_doc_name(const void *key, const void *elem)
{
    return strcmp(key, ((const fg_report_doc *)elem)->name);
}

int fg_report__covers(const fg_report_ctx *r, const char *doc)
{
    return r->n_docs > 0 &&
           bsearch(doc, r->docs, r->n_docs, sizeof *r->docs, cmp_doc_name) != NULL;
}

/* Record the agency's stored name when the report shows it under a newer one. */
static int add_rename(fg_report_ctx *r, const char *stored)
{
    const fg_agency_entry *e = fg_gazetteer_lookup(r->gz, stored, strlen(stored));
    const fg_agency_entry *now = e ? fg_gazetteer_as_of(r->gz, e, r->as_of) : NULL;
    size_t i;

    if (now == NULL || now == e)
        return FG_OK;
    i = fg_analysis__agency_index(r->g, now->canonical);
    if (i == SIZE_MAX)
        return FG_OK;
    if (FG_GROW(r->renames, r->cap_renames, r->n_renames, 8) < 0)
        return FG_ENOMEM;
    r->renames[r->n_renames++] = (fg_report_rename){keep(r, stored), fg_graph_agency(r->g, i)};
    return r->rc;
}

/* A stored agency that the report shows under a newer name. */
static int on_stored_agency(const fg_store_agency_row *row, void *p)
{
    fg_report_ctx *r = p;

    r->rc = add_rename(r, row->name);
    return r->rc < 0;
}

/* A work team of a document the report covers. */
static int on_team(const fg_store_team_row *row, void *p)
{
    fg_report_ctx *r = p;

    if (!fg_report__covers(r, row->doc))
        return 0;
    r->rc = FG_GROW(r->teams, r->cap_teams, r->n_teams, 16);
    if (r->rc == FG_OK)
        r->teams[r->n_teams++] = (fg_report_team){keep(r, row->doc), keep(r, row->name), NULL};
    return r->rc < 0;
}

static int on_unresolved(const fg_store_unresolved_row *row, void *p)
{
    fg_report_ctx *r = p;

    r->rc = FG_GROW(r->unresolved, r->cap_unresolved, r->n_unresolved, 16);
    if (r->rc == FG_OK)
        r->unresolved[r->n_unresolved++] =
            (fg_report_unresolved){keep(r, row->name), row->n, keep(r, row->docs)};
    return r->rc < 0;
}

/* A dated deadline of a covered document: a dot under each of its leads. */
static int on_due(const fg_store_due_row *row, void *p)
{
    fg_report_ctx *r = p;
    int y, m;

    if (row->kind != FG_DEADLINE_DATE || sscanf(row->date, "%4d-%2d", &y, &m) != 2 ||
        !fg_report__covers(r, row->doc))
        return 0;
    r->no_lead += row->leads.n == 0;
    for (size_t k = 0; k < row->leads.n; k++) {
        size_t len = strlen(row->title) + strlen(row->phrase) + 8;
        char *what = fg_arena_alloc(r->strings, len);
        const char *lead = fg_gazetteer_name_as_of(r->gz, row->leads.v[k], r->as_of);

        if ((r->rc = FG_GROW(r->dots, r->cap_dots, r->n_dots, 64)) < 0)
            return 1;
        if (what == NULL)
            return r->rc = fg_error_set(FG_ENOMEM, "out of memory");
        snprintf(what, len, "%s — %s", row->title, row->phrase);
        r->dots[r->n_dots++] = (fg_report_dot){keep(r, lead), y * 12 + m - 1, what};
    }
    return r->rc < 0;
}

int fg_report__load(fg_report_ctx *r, fg_store *st)
{
    int rc = FG_OK;

    r->strings = fg_arena_new();
    FG_CHECK_ALLOC(r->strings);
    FG_TRY(fg_graph_load(&r->g, st, r->gz, r->f));
    FG_TRY(fg_store_documents(st, on_document, r));
    FG_TRY(r->rc);
    if (r->as_of) {
        FG_TRY(fg_store_agency_list(st, on_stored_agency, r));
        FG_TRY(r->rc);
    }
    FG_TRY(fg_store_teams(st, NULL, on_team, r));
    FG_TRY(r->rc);
    /* the views of the teams drawn inline; the others are only listed */
    for (size_t i = 0; i < r->n_teams && i < r->opts->max_teams; i++)
        FG_TRY(fg_store_team_view(&r->teams[i].view, st, r->teams[i].doc, r->teams[i].name));
    FG_TRY(fg_store_due_rows(st, NULL, on_due, r));
    FG_TRY(r->rc);
    FG_TRY(fg_progress_summary(&r->progress, st, FG_PROGRESS_BY_AGENCY, NULL));
    /* last, as the section comes last (the query is a scan) */
    FG_TRY(fg_store_unresolved(st, on_unresolved, r));
    FG_TRY(r->rc);
out:
    return rc;
}

void fg_report__unload(fg_report_ctx *r)
{
    for (size_t i = 0; i < r->n_teams; i++)
        fg_team_view_free(r->teams[i].view);
    free(r->teams);
    free(r->docs);
    free(r->renames);
    free(r->unresolved);
    free(r->dots);
    fg_progress_groups_free(r->progress);
    fg_graph_free(r->g);
    fg_arena_free(r->strings);
}
