/*
 * Internals of the HTML report shared by report.c (what the report says) and report_html.c
 * (how it is written: escaping, number formatting, table rows, the charts, CSS and script).
 */
#ifndef FG_SRC_REPORT_INT_H
#define FG_SRC_REPORT_INT_H

#include <stddef.h>

#include "fengong/analysis.h"
#include "fengong/progress.h"
#include "fengong/report.h"
#include "markup.h"
#include "str.h"

/* Append text with & < > " ' escaped. */
#define fg_report__html(s, t) fg_markup__escape((s), (t), false)
/* Append text as it is (markup written by the report itself). */
int fg_report__raw(fg_str *s, const char *t);
/* Append printf-formatted markup. */
#define fg_report__rawf fg_markup__appendf

/*
 * Format v with prec decimals into buf; a value that rounds to zero is written without a
 * sign ("0.000", never "-0.000"). Returns buf.
 */
char *fg_report__fixed(char *buf, size_t size, double v, int prec);

/* The kind of a table cell: text, a number (right-aligned), an agency name (never wrapped)
 * or a long text (a title: given room so that it wraps into few lines). */
typedef enum fg_cell_kind {
    FG_CELL_TEXT = 0,
    FG_CELL_NUM = 1,
    FG_CELL_NAME = 2,
    FG_CELL_LONG = 3
} fg_cell_kind;

/*
 * A collapsible table: <details> with a summary line saying what it holds, then the table with
 * its header row. kinds gives each column's kind (NULL: all text); sortable tables sort by a
 * click on a header (numbers descending first). id may be NULL. fg_report__table_end() closes
 * it, with an optional footnote (NULL: none).
 */
int fg_report__table_begin(fg_str *s, const char *id, const char *what, size_t n_rows,
                           int is_open, int is_sortable, size_t n, const char *const *hdr,
                           const unsigned char *kinds);
int fg_report__table_end(fg_str *s, const char *footnote);
/* One body row; kinds as for the header (NULL: all text). */
int fg_report__row(fg_str *s, size_t n, const char *const *cells, const unsigned char *kinds);

/* Lorenz curve of the lead counts of rows (n agencies, total leads), with axes. */
int fg_report__lorenz_svg(fg_str *s, const fg_load_row *rows, size_t n, size_t total);
/* Approximate width in px of a label at 12 px: CJK and full-width forms 12, others 7. */
double fg_report__label_px(const char *t);
/* Bar chart of the k biggest lead counts (rows sorted by lead, descending). */
int fg_report__bars_svg(fg_str *s, const fg_graph *g, const fg_load_row *rows, size_t n,
                        size_t k);

/* The <head> of the page (title, CSS) and the closing script with </body></html>. */
int fg_report__head(fg_str *s);
int fg_report__tail(fg_str *s);

/* Shorthands inside section writers: append to s, jump to out: on failure. */
#define R_RAW(t) FG_TRY(fg_report__raw(s, (t)))
#define R_HTML(t) FG_TRY(fg_report__html(s, (t)))
#define R_F(...) FG_TRY(fg_report__rawf(s, __VA_ARGS__))

/* A stored document covered by the report. */
typedef struct fg_report_doc {
    const char *name;
    const char *doc_number; /* "" when none */
    const char *title;
    int year;             /* 0 when unknown */
    size_t items;
    size_t tasks;         /* items with at least one clause */
    size_t clauses;
    size_t assignments;
    size_t teams;
} fg_report_doc;

/* An old agency name merged into a newer one. */
typedef struct fg_report_rename {
    const char *old_name;
    const char *new_name; /* borrowed from the graph */
} fg_report_rename;

/* A work team of a covered document; view loaded for the teams drawn inline, else NULL. */
typedef struct fg_report_team {
    const char *doc;
    const char *name;
    fg_team_view *view;
} fg_report_team;

/* A name the gazetteer lacks, with its use. */
typedef struct fg_report_unresolved {
    const char *name;
    size_t n;
    const char *docs;
} fg_report_unresolved;

/* One dated deadline of a clause, under one of its leads. */
typedef struct fg_report_dot {
    const char *agency; /* the report's name for the lead (fg_gazetteer_name_as_of()) */
    int month;          /* year * 12 + month - 1 */
    const char *what;   /* "item title — phrase", for the tooltip */
} fg_report_dot;

/* The report being written, and its model: what fg_report__load() read from the store. */
typedef struct fg_report_ctx {
    fg_str *s;
    const fg_gazetteer *gz;
    const fg_filter *f;
    const fg_report_opts *opts;
    fg_graph *g;
    fg_report_doc *docs;
    size_t n_docs, cap_docs;
    size_t items, tasks, clauses;   /* in the stored documents covered */
    size_t g_tasks;                 /* tasks (items) of the graph */
    size_t g_tasks_no_lead;         /* of them, tasks none of whose clauses names a lead */
    fg_report_rename *renames;
    size_t n_renames, cap_renames;
    int as_of;                      /* renamings followed to this year; 0: as written */
    const char *names_fn;           /* footnote under each table of agencies */
    fg_report_team *teams;          /* of the covered documents, in document order */
    size_t n_teams, cap_teams;
    fg_report_unresolved *unresolved;
    size_t n_unresolved, cap_unresolved;
    fg_report_dot *dots;            /* the dated deadlines under their leads */
    size_t n_dots, cap_dots;
    size_t no_lead;                 /* dated clauses that name no lead: not on the timeline */
    fg_progress_groups *progress;   /* completion by lead agency */
    fg_arena *strings;              /* holds every string of the model above */
    size_t n_team_figs;             /* team maps drawn (figures 5 …) */
    int rc;
} fg_report_ctx;

/*
 * Read everything the report shows from st into r (report_load.c): r->gz, r->f, r->opts and
 * r->as_of set first. fg_report__unload() frees it (also after a failure).
 */
int fg_report__load(fg_report_ctx *r, fg_store *st);
void fg_report__unload(fg_report_ctx *r);

/* A share as a percentage with one decimal ("12.6%"), never "-0.0%". Returns buf. */
char *fg_report__pct(char *buf, size_t size, double share);

/* The sections made of tables, in report_tables.c. */
int fg_report__documents(fg_report_ctx *r);
int fg_report__workload(fg_report_ctx *r, const fg_load_row *load, size_t n_load);
/* Sorts cen by PageRank, descending (then betweenness, then name). */
int fg_report__centrality(fg_report_ctx *r, fg_centrality_row *cen, size_t n_cen,
                          const fg_centrality_info *info);
int fg_report__communities(fg_report_ctx *r, const fg_community *com, size_t n_com, double q);
int fg_report__pairs(fg_report_ctx *r, const fg_pair *pairs, size_t n_pairs);
int fg_report__unresolved(fg_report_ctx *r);

/* Whether the report covers the stored document named doc. */
int fg_report__covers(const fg_report_ctx *r, const char *doc);

/* Deadlines and progress (report_track.c): a timeline of the dated deadlines per lead, and
 * small multiples of completion from the imported status tables, numbered from figure fig;
 * nothing when the store holds neither. */
int fg_report__tracking(fg_report_ctx *r, size_t fig);

#endif
