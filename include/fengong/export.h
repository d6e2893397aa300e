/* fengong: the graphs in exchange formats (GraphML, GEXF, CSV, JSON, DOT). */
#ifndef FENGONG_EXPORT_H
#define FENGONG_EXPORT_H

#include <stddef.h>

#include "fengong/analysis.h"
#include "fengong/file.h" /* fg_file_write_atomic(), fg_make_dirs(), declared here before */

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fg_export_format {
    FG_EXPORT_GRAPHML = 0,
    FG_EXPORT_GEXF,
    FG_EXPORT_CSV,
    FG_EXPORT_JSON,
    FG_EXPORT_DOT
} fg_export_format;

typedef struct fg_export_opts {
    fg_export_format format;
    int projection;   /* the agency projection (weight) instead of the bipartite graph (role) */
    int excel;        /* CSV: start with a UTF-8 BOM so spreadsheets read Chinese (an xlsx
                         workbook is the CLI's: export --format xlsx, fg_export_rows()) */
} fg_export_opts;

#define FG_EXPORT_OPTS_INIT {FG_EXPORT_GRAPHML, 0, 0}

/** "graphml", "gexf", "csv", "json", "dot" → format; -1 when unknown. */
int fg_export_format_parse(const char *s);

/**
 * Serialise the graph. Nodes: id t<N> (task) or a<N> (agency), attributes kind (task|agency)
 * and label (title or name); tasks also document, item, clause. Edges: role (lead|co) on
 * the bipartite graph, weight (shared tasks) on the projection. Every key is declared with
 * its type (GraphML, GEXF 1.3); names are escaped for the format; control characters,
 * which XML cannot hold, become spaces. For CSV, part selects "nodes" or "edges"; cells
 * starting with = + - @ are neutralised with a leading apostrophe.
 * @param out  receives a malloc'd buffer (free()); *len its length.
 * @return FG_OK, FG_EINVAL or FG_ENOMEM.
 */
int fg_export_render(char **out, size_t *len, const fg_graph *g, const fg_export_opts *opts,
                     const char *part);

/**
 * The columns of an export table, as CSV writes them: part "nodes" (id, kind, label,
 * document, item, clause) or "edges" (source, target — the ids of the nodes table —,
 * source_label, target_label — the task title and agency name, or two agency names with
 * opts->projection —, then role, or weight with opts->projection).
 * @param names    receives the column names; static, never freed.
 * @param numeric  receives one flag per column, 1 where every non-empty cell is a decimal
 *                 number (clause, weight); static.
 * @param n_cols   receives the number of columns.
 * @param opts     export options (only projection matters), or NULL for defaults.
 * @param part     "nodes" or "edges".
 * @return FG_OK or FG_EINVAL (another part).
 */
int fg_export_columns(const char *const **names, const unsigned char **numeric, size_t *n_cols,
                      const fg_export_opts *opts, const char *part);

/**
 * The rows of an export table (without its header, see fg_export_columns()) as text cells,
 * before any CSV quoting, for writers of other tabular formats such as spreadsheets; the CSV
 * export is written from the same rows. Rows come in the order of the CSV files.
 * @param g        the graph; borrowed.
 * @param opts     export options (only projection matters), or NULL for defaults.
 * @param part     "nodes" or "edges".
 * @param cb       called once per row with n_cols cells, borrowed for the call; a non-zero
 *                 return stops the rows (the function then returns FG_OK).
 * @return FG_OK, FG_EINVAL (another part), FG_ENOMEM or FG_EGRAPH (projection pairs).
 * Complexity: O(tasks + agencies) for nodes, O(edges) or O(projection ties) for edges.
 */
int fg_export_rows(const fg_graph *g, const fg_export_opts *opts, const char *part,
                   fg_store_row_cb cb, void *payload);

/**
 * Write the export to path atomically (temporary file, fsync, rename), creating missing
 * directories. For CSV, path is a directory that receives nodes.csv and edges.csv.
 * @return FG_OK, FG_EIO ("PATH: cannot write: …") or FG_ENOMEM.
 */
int fg_export_write(const fg_graph *g, const char *path, const fg_export_opts *opts);

#ifdef __cplusplus
}
#endif
#endif
