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
    unsigned long seed;    /* Leiden seed (default 42) */
    size_t network_top;    /* agencies on the network map (default 60) */
} fg_report_opts;

#define FG_REPORT_OPTS_INIT {42, 60}

/**
 * The report: documents covered, the workload table (sortable) with the balance summary,
 * a Lorenz curve and a bar chart of lead counts (inline SVG), centrality, communities,
 * strongest pairs, every team map and the network map (inline SVG from the renderer), a
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
