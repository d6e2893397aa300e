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
} fg_report_opts;

#define FG_REPORT_OPTS_INIT {42, 60, 60, 0}

/** Sources sampled for the path measures of a large projection when path_sample is 0. */
#define FG_REPORT_AUTO_SAMPLE 500

/**
 * The report: documents covered, the workload table (sortable) with the balance summary,
 * a Lorenz curve and a bar chart of lead counts (inline SVG), centrality, communities,
 * strongest pairs, the team maps (the first opts->max_teams inline, the others listed) and
 * the network map (inline SVG from the renderer), a
 * search box that filters the tables, and the names the gazetteer lacks. No external
 * resource of any kind; a CJK font stack is declared. All text is HTML-escaped.
 * @param out  receives a malloc'd NUL-terminated HTML document (free()), *len its length.
 * @return FG_OK, FG_EDB, FG_EGRAPH, FG_ERENDER or FG_ENOMEM.
 */
int fg_report_html(char **out, size_t *len, fg_store *st, const fg_gazetteer *gz,
                   const fg_filter *filter, fg_renderer *r, const fg_report_opts *opts);

#ifdef __cplusplus
}
#endif
#endif
