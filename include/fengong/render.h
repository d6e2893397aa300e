/* fengong: coordination maps drawn with Graphviz (cgraph + gvc, in-process). */
#ifndef FENGONG_RENDER_H
#define FENGONG_RENDER_H

#include <stddef.h>

#include "fengong/analysis.h"
#include "fengong/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fg_render_format {
    FG_RENDER_SVG = 0,
    FG_RENDER_PNG,
    FG_RENDER_PDF,
    FG_RENDER_DOT
} fg_render_format;

typedef struct fg_render_opts {
    fg_render_format format;
    const char *font;      /* font family for every label (default "Noto Sans CJK SC") */
    unsigned timeout;      /* seconds for layout + rendering, 0: no limit. With a limit the
                            * work runs in a child process (fork) that is killed when time
                            * is up, and the call fails with FG_ERENDER and a message that
                            * says how to draw less. */
    double alpha;          /* network map: significance level of the backbone (disparity
                            * filter), in (0, 1]; 0 means the default 0.05 */
    int all_edges;         /* network map: draw every tie, not the backbone */
    int as_of;             /* team map: members follow renamings (through the gazetteer) to
                            * the agency of this year, as fg_filter.as_of; 0: as written */
    unsigned long seed;    /* network map and matrix: the Leiden seed of the communities, as
                            * fg_analysis_communities() (default FG_RENDER_SEED) */
    int team_with_doc;     /* team map: the file name also carries the document
                            * (team-<名称>-<doc>), so that teams of the same name in several
                            * documents do not overwrite each other */
} fg_render_opts;

/** The default seed of the communities drawn (as the CLI's --seed). */
#define FG_RENDER_SEED 42

#define FG_RENDER_OPTS_INIT {FG_RENDER_SVG, NULL, 0, 0.0, 0, 0, FG_RENDER_SEED, 0}

/**
 * A Graphviz context for rendering, reused by every map. Create one per process and keep it:
 * Graphviz 2.42's text layout keeps state across contexts, and a second context in the same
 * process reads freed memory (found by ASan).
 * @param out  receives a renderer freed with fg_renderer_free(); NULL on failure.
 * @return FG_OK or FG_ERENDER.
 */
typedef struct fg_renderer fg_renderer;
int fg_renderer_new(fg_renderer **out);
void fg_renderer_free(fg_renderer *r);   /* NULL-safe */

/** "svg", "png", "pdf", "dot"; parse returns -1 for anything else. */
const char *fg_render_format_ext(fg_render_format f);
int fg_render_format_parse(const char *s);

/** A rendered map: bytes of the chosen format, and the name to save it under. */
typedef struct fg_map {
    char *data;       /* malloc'd, free with fg_map_free() */
    size_t len;
    char *name;       /* file name without extension, safe: team-<名称>, agency-<名称>, network */
} fg_map;

void fg_map_free(fg_map *m);   /* NULL-safe; frees the struct too */

/**
 * The map of one work team (工作专班): convenor at the top, deputies, members and the office
 * unit marked; ties between members weighted by the tasks of the team's own plan (its part
 * of the document) that they share, drawn only from a threshold of shared tasks (at least 2,
 * raised until at most half as many ties as units remain; the legend says it), with tied
 * members seated side by side; each unit's lead/co counts in that plan; names broken only at
 * natural places; a legend and a title with the document's 文号 and date.
 * @param out   receives a map (fg_map_free); NULL on failure. Its name is team-<名称>, or
 *              team-<名称>-<doc> with opts->team_with_doc.
 * @param team  the team as fg_store_team_view() loads it; borrowed.
 * @param gz    follows renamings of members and task agencies when opts->as_of is set (may
 *              be NULL: names as stored).
 * @return FG_OK, FG_ERENDER or FG_ENOMEM.
 */
int fg_render_team(fg_map **out, fg_renderer *r, const fg_team_view *team,
                   const fg_gazetteer *gz, const fg_render_opts *opts);

/**
 * X's ego map: its partners (depth 2: and theirs), edge width = shared tasks, colour by
 * role (X leads / X co-operates / both co-operate).
 */
int fg_render_agency(fg_map **out, fg_renderer *r, const fg_graph *g, size_t x, int depth,
                     const fg_render_opts *opts);

/**
 * The whole agency projection as a backbone: only the top agencies by strength when top > 0,
 * ties lighter than min_weight left out, then only the ties significant for at least one end
 * by the disparity filter at opts->alpha (each agency keeping its strongest tie too; see
 * fg_analysis_backbone()), unless opts->all_edges. Each Leiden community is drawn in its
 * colour and gathered into a block by neato (short invisible springs to a title node with
 * the community's name, its central agency; long springs between communities); a circle's
 * area is proportional to the agency's lead count (fixed size, the name set over it in a
 * fixed font); line width grows with shared tasks. The legend under the title keys each
 * community, the circle sizes and line widths, and says α and the share of the weight
 * drawn. Deterministic (fixed start seed; communities from opts->seed).
 * @return FG_OK, FG_EINVAL (alpha), FG_EGRAPH, FG_ERENDER (with opts->timeout: a message that
 *         says how to draw less) or FG_ENOMEM.
 */
int fg_render_network(fg_map **out, fg_renderer *r, const fg_graph *g, size_t min_weight,
                      size_t top, const fg_render_opts *opts);

/**
 * The coordination matrix: an agency × agency heatmap of shared tasks, for networks too
 * dense for any drawing. Rows and columns are ordered by Leiden community (opts->seed; largest
 * first),
 * inside a community by strength; a cell's shade grows with the tasks the two share (the
 * number is printed in it and in its tooltip); the diagonal shows the agency's own task
 * count; community blocks are outlined and keyed in the legend. Written as SVG by hand
 * (no Graphviz), with every name escaped; only the top agencies by strength when top > 0.
 * @param out   receives the SVG (m->data, m->len; name "matrix"), freed with fg_map_free();
 *              NULL on failure. The report embeds m->data as it is.
 * @param opts  only the font is used; the format must be SVG (FG_EINVAL otherwise).
 * @return FG_OK, FG_EINVAL, FG_EGRAPH or FG_ENOMEM.
 */
int fg_render_matrix(fg_map **out, const fg_graph *g, size_t top, const fg_render_opts *opts);

/**
 * Make a name safe as a file name: no '/', '\\', control characters, leading dots or ".."
 * runs; readable Chinese is kept; at most 150 bytes (cut at a character boundary).
 * @param out  receives a malloc'd string (free()).
 */
int fg_render_safe_name(char **out, const char *name);

/**
 * Write data to DIR/NAME.EXT atomically with fg_file_replace() (a temporary file in DIR,
 * fsync, rename), so no half-written file is ever left under the final name. DIR must exist.
 * @param path_out  receives the malloc'd path written (may be NULL).
 * @return FG_OK or FG_EIO ("DIR/NAME.EXT: cannot write: No space left on device").
 */
int fg_render_write(char **path_out, const char *dir, const fg_map *map, const char *ext);

#ifdef __cplusplus
}
#endif
#endif
