/* fengong: analysis of the task–agency graph with igraph. */
#ifndef FENGONG_ANALYSIS_H
#define FENGONG_ANALYSIS_H

#include <stddef.h>
#include <stdbool.h>

#include "fengong/doc.h"
#include "fengong/gazetteer.h"
#include "fengong/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fg_role_filter {
    FG_ROLES_ALL = 0,
    FG_ROLES_LEAD = 1,
    FG_ROLES_CO = 2
} fg_role_filter;

/** Which assignments make the graph. */
typedef struct fg_filter {
    const char *const *docs;  /* document names to keep; n_docs == 0 keeps all */
    size_t n_docs;
    int year;                 /* keep documents of this year; 0 keeps all */
    fg_role_filter roles;     /* keep lead, co or all edges */
    int as_of;                /* follow renamings to the agency current in this year; 0: no */
    const char *level;        /* keep agencies of this level (province, city, …); NULL: all */
    int include_generic;      /* keep 有关部门, …成员单位 and other generic/group references */
} fg_filter;

#define FG_FILTER_INIT {NULL, 0, 0, FG_ROLES_ALL, 0, NULL, 0}

/** A task (one clause) of the graph; strings owned by the graph. */
typedef struct fg_task_info {
    const char *doc;
    const char *item;
    size_t clause;
    const char *title;
    int year;
} fg_task_info;

/**
 * The bipartite task–agency graph and its agency projection (igraph). Agencies are
 * canonical names (unresolved ones as written), sorted by name; tasks in document order.
 */
typedef struct fg_graph fg_graph;

/**
 * Build the graphs from the store.
 * @param out  receives a graph, freed with fg_graph_free(); NULL on failure.
 * @param gz   resolves --as-of renamings; may be NULL when f->as_of is 0.
 * @return FG_OK, FG_EDB, FG_EGRAPH (igraph failed; message says why) or FG_ENOMEM.
 * Complexity: O(E log E) for E assignments, plus igraph's projection.
 */
int fg_graph_load(fg_graph **out, fg_store *st, const fg_gazetteer *gz, const fg_filter *f);

/** Free a graph; NULL-safe. */
void fg_graph_free(fg_graph *g);

size_t fg_graph_n_agencies(const fg_graph *g);
size_t fg_graph_n_tasks(const fg_graph *g);
/** The i-th agency's name / task; borrowed from the graph. */
const char *fg_graph_agency(const fg_graph *g, size_t i);
const fg_task_info *fg_graph_task(const fg_graph *g, size_t t);

/** Number of bipartite edges (one per task and agency), and the i-th: task, agency, role. */
size_t fg_graph_n_edges(const fg_graph *g);
/** Number of ties (edges) of the agency projection. */
size_t fg_graph_n_ties(const fg_graph *g);
void fg_graph_edge(const fg_graph *g, size_t i, size_t *task, size_t *agency, fg_role *role);

/**
 * Find an agency of the graph by a name given by a person: canonical, alias or old name
 * (through gz, which may be NULL), or exactly as written.
 * @return FG_OK, or FG_ENOTFOUND with the closest agency names in the message.
 */
int fg_graph_find(size_t *idx, const fg_graph *g, const fg_gazetteer *gz, const char *name);

/** One row of `fengong load`. */
typedef struct fg_load_row {
    size_t agency;        /* index into the graph's agencies */
    size_t lead;
    size_t co;
    size_t total;
    double lead_share;    /* lead / all leads */
    size_t documents;     /* documents in which it is named */
} fg_load_row;

/** The balance summary under the load table. */
typedef struct fg_balance {
    size_t n_agencies;
    size_t n_tasks;
    size_t total_leads;
    double gini;              /* of lead counts over all agencies of the graph */
    double hhi;               /* Σ (lead share)², 0–1 */
    double top5_share;        /* share of all leads held by the five biggest leaders */
    size_t tasks_no_lead;
    size_t tasks_over3_leads; /* tasks with more than three leads */
    size_t co_only;           /* agencies that never lead */
} fg_balance;

/**
 * Workload per agency, sorted by lead then total (then name), and the balance summary.
 * @param rows  receives a malloc'd array of n rows (free()); NULL when there is none.
 */
int fg_analysis_load(fg_load_row **rows, size_t *n, fg_balance *bal, const fg_graph *g);

/** One row of `fengong centrality` (measures on the agency projection). */
typedef struct fg_centrality_row {
    size_t agency;
    size_t degree;        /* neighbours */
    double strength;      /* sum of weights (shared tasks) */
    double betweenness;   /* unnormalised; shortest paths by length = 1/weight */
    double harmonic;      /* Σ 1/distance by length */
    double eigenvector;   /* by weight, max = 1 */
    double pagerank;      /* by weight, damping 0.85 */
} fg_centrality_row;

/**
 * Centrality of every agency, in the graph's agency order (by name).
 * @param rows  receives a malloc'd array of n rows (free()).
 * @return FG_OK, FG_EGRAPH or FG_ENOMEM.
 */
int fg_analysis_centrality(fg_centrality_row **rows, size_t *n, const fg_graph *g);

/** Which measures fg_analysis_centrality_some() computes (the others stay 0). */
enum {
    FG_MEASURE_DEGREE = 1u << 0,      /* degree and strength */
    FG_MEASURE_BETWEENNESS = 1u << 1,
    FG_MEASURE_HARMONIC = 1u << 2,
    FG_MEASURE_EIGENVECTOR = 1u << 3,
    FG_MEASURE_PAGERANK = 1u << 4,
    FG_MEASURE_ALL = 0x1f
};

/** fg_analysis_centrality() restricted to the measures in the OR-ed flags. */
int fg_analysis_centrality_some(fg_centrality_row **rows, size_t *n, const fg_graph *g,
                                unsigned measures);

/**
 * How the path-based measures (betweenness, harmonic) are computed. They cost O(V·E log V);
 * on a very large projection, either count only paths up to a length (cutoff) or estimate
 * them from a random sample of source agencies (Brandes–Pich): exact sums over the sampled
 * sources, scaled by agencies / sources, so the estimate is unbiased.
 */
typedef struct fg_centrality_opts {
    unsigned measures;      /* FG_MEASURE_* flags */
    double cutoff;          /* > 0: only paths of length ≤ cutoff (length = 1/weight) */
    size_t sample;          /* > 0: estimate from this many sources (exact when ≥ agencies) */
    unsigned long seed;     /* which sources are sampled */
} fg_centrality_opts;

#define FG_CENTRALITY_OPTS_INIT {FG_MEASURE_ALL, 0.0, 0, 42}

/**
 * Whether exact betweenness and harmonic centrality of g would be slow (agencies × ties
 * above 2·10^8, tens of seconds and more): where sampling is suggested or chosen.
 */
bool fg_graph_paths_are_costly(const fg_graph *g);

/** What fg_analysis_centrality_opts() did, so that the output can say so. */
typedef struct fg_centrality_info {
    size_t sources;         /* agencies the path measures started from (all when exact) */
    bool sampled;           /* betweenness and harmonic are estimates */
    double cutoff;          /* > 0 when paths were cut at this length */
} fg_centrality_info;

/** fg_analysis_centrality() with options; info may be NULL. */
int fg_analysis_centrality_opts(fg_centrality_row **rows, size_t *n, fg_centrality_info *info,
                                const fg_graph *g, const fg_centrality_opts *opts);

/** A community of the projection. Arrays are malloc'd and freed by fg_communities_free. */
typedef struct fg_community {
    size_t *members;      /* agency indices, by strength inside the community, descending */
    size_t n_members;
    size_t central;       /* the member with the largest strength inside the community */
    size_t *tasks;        /* tasks all of whose (≥ 2) agencies are members, biggest first */
    size_t n_tasks;
} fg_community;

/**
 * Leiden communities (modularity objective, by weight), reproducible for a given seed;
 * communities sorted by size, descending.
 * @param modularity  receives the modularity of the partition (may be NULL).
 */
int fg_analysis_communities(fg_community **out, size_t *n, double *modularity, const fg_graph *g,
                            unsigned long seed);
void fg_communities_free(fg_community *c, size_t n);

/** A partner of an agency X. */
typedef struct fg_partner {
    size_t agency;
    size_t shared;        /* tasks both are on */
    size_t x_leads;       /* X leads, partner co-operates */
    size_t partner_leads; /* partner leads, X co-operates */
    size_t both_co;       /* both co-operate */
    size_t both_lead;     /* both lead */
} fg_partner;

/** X's partners ranked by shared tasks (then name). rows: malloc'd, free(). */
int fg_analysis_partners(fg_partner **rows, size_t *n, const fg_graph *g, size_t x);

/** A task two agencies share, with their roles. */
typedef struct fg_shared_task {
    size_t task;
    fg_role x_role;
    fg_role y_role;
} fg_shared_task;

/** Every task X and Y share, in document order. rows: malloc'd, free(). */
int fg_analysis_shared(fg_shared_task **rows, size_t *n, const fg_graph *g, size_t x, size_t y);

/** A pair of agencies and the number of tasks they share. */
typedef struct fg_pair {
    size_t a;
    size_t b;
    size_t shared;
} fg_pair;

/** Every tied pair, strongest first (then by names). rows: malloc'd, free(). */
int fg_analysis_pairs(fg_pair **rows, size_t *n, const fg_graph *g);

/** What fg_analysis_backbone() kept. */
typedef struct fg_backbone_info {
    double alpha;          /* the significance level used */
    size_t n_kept;         /* ties kept */
    double weight_share;   /* kept weight / total weight, 0 when there is none */
} fg_backbone_info;

/** fg_analysis_backbone() flags. */
enum {
    FG_BACKBONE_STRONGEST = 1u << 0   /* every agency keeps its strongest tie as well */
};

/**
 * The backbone of a weighted tie list by the disparity filter (Serrano, Boguñá and
 * Vespignani, PNAS 2009). For agency i with k ties of total weight s, a tie of weight w has
 * alpha_ij = (1 - w/s)^(k-1): the chance that a tie at least that strong arises when i's
 * weight is spread at random over its k ties. A tie is kept when alpha < alpha for at least
 * one end; an agency with a single tie keeps it. With FG_BACKBONE_STRONGEST each agency
 * also keeps its strongest tie (the first of the list among equals), so no drawn agency
 * is left without one. Agencies are 0..n_agencies-1; degree and strength are counted over
 * the given list only, so filter the list first to what will be drawn.
 * @param keep      n_pairs flags filled by the call (caller's array): 1 kept, 0 dropped.
 * @param info      receives α, the ties kept and the share of weight kept (may be NULL).
 * @param pairs     the ties (shared = weight); 0-weight ties are never kept.
 * @param alpha     significance level in (0, 1], e.g. 0.05.
 * @return FG_OK, FG_EINVAL (alpha out of range, agency out of range) or FG_ENOMEM.
 * Complexity: O(n_pairs + n_agencies).
 */
int fg_analysis_backbone(unsigned char *keep, fg_backbone_info *info, const fg_pair *pairs,
                         size_t n_pairs, size_t n_agencies, double alpha, unsigned flags);

/**
 * The shortest chain of shared tasks from X to Y (length = 1/shared tasks).
 * @param agencies  receives the n agencies of the chain, X first, Y last (malloc'd).
 * @param tasks     receives n-1 tasks, one shared by each consecutive pair (malloc'd).
 * @return FG_OK, FG_ENOTFOUND ("no chain of shared tasks between X and Y") or FG_EGRAPH.
 */
int fg_analysis_path(size_t **agencies, size_t **tasks, size_t *n, const fg_graph *g, size_t x,
                     size_t y);

/** An agency in a comparison of two graphs (A, B). */
typedef struct fg_agency_change {
    const char *agency;   /* borrowed from the graphs */
    size_t lead_a;
    size_t lead_b;
    size_t total_a;       /* 0 in A and > 0 in B: new; the reverse: vanished */
    size_t total_b;
} fg_agency_change;

/** A pair of agencies that began (shared_a == 0) or stopped (shared_b == 0) working together. */
typedef struct fg_pair_change {
    const char *a;        /* borrowed from the graphs; a < b by name */
    const char *b;
    size_t shared_a;
    size_t shared_b;
} fg_pair_change;

typedef struct fg_comparison {
    fg_agency_change *agencies;  /* every agency of A or B, by lead change (B − A), descending */
    size_t n_agencies;
    fg_pair_change *pairs;       /* pairs that began or stopped, strongest first */
    size_t n_pairs;
} fg_comparison;

/**
 * Compare two graphs (two documents, two years …), built with the same --as-of so that
 * renamed agencies match. The result borrows names from both graphs: free it first.
 * @param out  receives a comparison freed with fg_comparison_free().
 */
int fg_analysis_compare(fg_comparison **out, const fg_graph *a, const fg_graph *b);
void fg_comparison_free(fg_comparison *c);

#ifdef __cplusplus
}
#endif
#endif
