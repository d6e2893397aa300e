/* fengong: one self-contained HTML report of the store's documents and their analysis. */
#ifndef FENGONG_REPORT_H
#define FENGONG_REPORT_H

#include <stddef.h>

#include "fengong/analysis.h"
#include "fengong/render.h"
#include "fengong/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fg_report_opts {
    unsigned long seed;    /* Leiden seed and path-sample seed (default 42) */
    size_t network_top;    /* agencies on the network map (default 60) */
    size_t max_teams;      /* team maps drawn inline (default 60); the rest are listed */
    size_t path_sample;    /* betweenness/harmonic from this many sources; 0: exact unless
                            * fg_graph_paths_are_costly() (agencies × ties > 2·10^8), then 500 */
    int as_written;        /* 0 (default): when the filter's as_of is 0, follow renamings to the
                            * newest name (as_of FG_REPORT_NEWEST) and say so in footnotes;
                            * 1: keep the names as the documents print them */
} fg_report_opts;

#define FG_REPORT_OPTS_INIT {42, 60, 60, 0, 0}

/** The as_of year the report follows renamings to by default: the newest name. */
#define FG_REPORT_NEWEST 9999

/** Sources sampled for the path measures of a large projection when path_sample is 0. */
#define FG_REPORT_AUTO_SAMPLE 500

/**
 * The report, answer first: a summary (documents, items, tasks, clauses, agencies, leads; the
 * five biggest leaders; Gini, HHI, top-5 share, tasks and clauses without a lead, co-only
 * agencies; a Lorenz curve and a bar chart of lead counts as inline SVG; the definitions of
 * 条目/任务/分工条款 and a footnote on renamings), the network map, then the long tables,
 * each collapsible (<details>) and sortable by a click: documents, workload, centrality (by
 * PageRank), communities (groups; one-agency communities listed apart), strongest pairs;
 * then the team maps (the first opts->max_teams inline, the others listed) and the names
 * the gazetteer lacks. Every figure has a caption saying how it was computed. A search box
 * filters the tables. No external resource of any kind; a CJK font stack is declared. All
 * text is HTML-escaped. Unless opts->as_written, a filter with as_of 0 is taken as
 * FG_REPORT_NEWEST (renamed agencies under their newest name); gz NULL keeps names as
 * written.
 * @param out  receives a malloc'd NUL-terminated HTML document (free()), *len its length.
 * @return FG_OK, FG_EDB, FG_EGRAPH, FG_ERENDER or FG_ENOMEM.
 */
int fg_report_html(char **out, size_t *len, fg_store *st, const fg_gazetteer *gz,
                   const fg_filter *filter, fg_renderer *r, const fg_report_opts *opts);

/**
 * What fg_report_html() shows, read from the store once: the graph, the documents covered,
 * the team views, the deadlines, the progress and the names the gazetteer lacks.
 * fg_report_html() is fg_report_load(), fg_report_write(), fg_report_model_free().
 */
typedef struct fg_report_model fg_report_model;

/**
 * Load the report's model.
 * @param out     receives a model freed with fg_report_model_free(); NULL on failure.
 * @param gz      borrowed (may be NULL): must outlive the model.
 * @param filter  may be NULL; copied, its strings (document names, level) borrowed: they must
 *                outlive the model.
 * @param opts    may be NULL (defaults); copied.
 * @return FG_OK, FG_EDB, FG_EGRAPH or FG_ENOMEM.
 */
int fg_report_load(fg_report_model **out, fg_store *st, const fg_gazetteer *gz,
                   const fg_filter *filter, const fg_report_opts *opts);

/**
 * Write the report of a model as fg_report_html() does; the store is not read.
 * @return FG_OK, FG_EGRAPH, FG_ERENDER or FG_ENOMEM.
 */
int fg_report_write(char **out, size_t *len, fg_report_model *m, fg_renderer *r);

/** Free a model; NULL-safe. */
void fg_report_model_free(fg_report_model *m);

#ifdef __cplusplus
}
#endif
#endif
