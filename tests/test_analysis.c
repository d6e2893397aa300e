/*
 * Unit tests for src/analysis.c: tiny documents are parsed, stored in a fresh SQLite file per
 * test and loaded as a graph; every expected value is worked out by hand in the comment next
 * to it. Agencies are sorted by UTF-8 bytes: 一 U+4E00 < 丁 U+4E01 < 丙 U+4E19 < 乙 U+4E59 <
 * 己 U+5DF1 < 戊 U+620A < 甲 U+7532 after the common 省 U+7701, and 有关部门 (有 U+6709)
 * before every 省….
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <math.h>
#include <unistd.h>

#include "fengong/fengong.h"
#include "test_fixture.h"
#include "test_util.h"

#define EPS 1e-9

/* ---- per-test state, released by the teardown so a failed assertion leaks nothing ---- */

static fg_fixture fx; /* a fresh directory with an empty store */
static fg_graph *graph;
static fg_text *text; /* of the document being ingested */
static fg_doc *doc;
static void *mem[64];
static size_t n_mem;
static fg_community *coms[2];
static size_t n_coms[2];

static void *own(void *p)
{
    assert_true(n_mem < FG_N_OF(mem));
    mem[n_mem++] = p;
    return p;
}

static int setup(void **state)
{
    char db[96];

    (void)state;
    return fg_fixture_open_empty(&fx, "fg_test_analysis", db, sizeof db) == FG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    FG_CLEAR(graph, fg_graph_free);
    FG_CLEAR(doc, fg_doc_free);
    FG_CLEAR(text, fg_text_free);
    for (size_t i = 0; i < n_mem; i++)
        free(mem[i]);
    n_mem = 0;
    for (size_t i = 0; i < 2; i++) {
        fg_communities_free(coms[i], n_coms[i]);
        coms[i] = NULL;
        n_coms[i] = 0;
    }
    return fg_fixture_close(&fx);
}

/*
 * Store a document NAME: an optional 文号 line, then "一、任务" and item k．事项k。（clause）
 * per clause, so task k-1 of the document is clauses[k-1].
 */
static void ingest(const char *name, const char *number, const char *const *clauses, size_t n)
{
    char src[8192];
    size_t len = 0;
    fg_ingest_status status;

    if (number)
        len += (size_t)snprintf(src + len, sizeof src - len, "%s\n", number);
    len += (size_t)snprintf(src + len, sizeof src - len, "一、任务\n");
    for (size_t k = 0; k < n; k++)
        len += (size_t)snprintf(src + len, sizeof src - len, "%zu．事项%zu。（%s）\n", k + 1, k + 1,
                                clauses[k]);
    assert_true(len < sizeof src);
    assert_int_equal(fg_text_decode(&text, name, src, len), FG_OK);
    assert_int_equal(fg_parse_document(&doc, text, NULL), FG_OK);
    assert_int_equal(fg_store_ingest(&status, fx.st, doc, fg_text_sha256(text), len, NULL), FG_OK);
    assert_int_equal(status, FG_INGEST_ADDED);
    fg_doc_free(doc);
    doc = NULL;
    fg_text_free(text);
    text = NULL;
}

static void load(const fg_filter *f)
{
    fg_graph_free(graph);
    graph = NULL;
    assert_int_equal(fg_graph_load(&graph, fx.st, NULL, f), FG_OK);
    assert_non_null(graph);
}

/* Store one document and load it with the default filter. */
static void graph_of(const char *const *clauses, size_t n)
{
    ingest("g.txt", NULL, clauses, n);
    load(NULL);
}

static size_t ix(const char *name)
{
    size_t i = SIZE_MAX;

    if (fg_graph_find(&i, graph, NULL, name) != FG_OK)
        fail_msg("%s: %s", name, fg_error_last()->message);
    return i;
}

static void assert_near(double have, double want, const char *what)
{
    if (!(fabs(have - want) <= EPS))
        fail_msg("%s: have %.17g, want %.17g", what, have, want);
}

static fg_centrality_row *centrality(void)
{
    fg_centrality_row *rows = NULL;
    size_t n = SIZE_MAX;

    assert_int_equal(fg_analysis_centrality(&rows, &n, graph), FG_OK);
    own(rows);
    assert_int_equal(n, fg_graph_n_agencies(graph));
    return rows;
}

/* ---- canonical text of results, so that a whole answer is compared at once ---- */

static char buf[2048];
static size_t blen;

static void put(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf + blen, sizeof buf - blen, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof buf - blen);
    blen += (size_t)n;
}

static void reset(void)
{
    blen = 0;
    buf[0] = '\0';
}

static const char *name_of(size_t i)
{
    return fg_graph_agency(graph, i);
}

/* The agencies, in order: "省丁厅 省甲厅". */
static const char *names(void)
{
    reset();
    for (size_t i = 0; i < fg_graph_n_agencies(graph); i++)
        put("%s%s", i ? " " : "", name_of(i));
    return buf;
}

/* Load rows: "NAME lead/co/total dDOCUMENTS, …". */
static const char *fmt_load(const fg_load_row *r, size_t n)
{
    reset();
    for (size_t i = 0; i < n; i++)
        put("%s%s %zu/%zu/%zu d%zu", i ? ", " : "", name_of(r[i].agency), r[i].lead, r[i].co,
            r[i].total, r[i].documents);
    return buf;
}

/* The counts of a balance summary (the shares are doubles, checked apart). */
static const char *fmt_balance(const fg_balance *b)
{
    reset();
    put("agencies %zu, tasks %zu, leads %zu, no lead %zu, over 3 leads %zu, co only %zu",
        b->n_agencies, b->n_tasks, b->total_leads, b->tasks_no_lead, b->tasks_over3_leads,
        b->co_only);
    return buf;
}

/* Tasks: "DOC ITEM cCLAUSE TITLE YEAR, …". */
static const char *fmt_tasks(void)
{
    reset();
    for (size_t t = 0; t < fg_graph_n_tasks(graph); t++) {
        const fg_task_info *i = fg_graph_task(graph, t);

        put("%s%s %s c%zu %s %d", t ? ", " : "", i->doc, i->item, i->clause, i->title, i->year);
    }
    return buf;
}

/* Partners: "NAME shared x_leads/partner_leads/both_co/both_lead, …". */
static const char *fmt_partners(const fg_partner *p, size_t n)
{
    reset();
    for (size_t i = 0; i < n; i++)
        put("%s%s %zu %zu/%zu/%zu/%zu", i ? ", " : "", name_of(p[i].agency), p[i].shared,
            p[i].x_leads, p[i].partner_leads, p[i].both_co, p[i].both_lead);
    return buf;
}

/* Shared tasks: "tTASK x_role/y_role, …". */
static const char *fmt_shared(const fg_shared_task *s, size_t n)
{
    reset();
    for (size_t i = 0; i < n; i++)
        put("%st%zu %s/%s", i ? ", " : "", s[i].task, fg_role_name(s[i].x_role),
            fg_role_name(s[i].y_role));
    return buf;
}

/* Pairs: "A–B shared, …". */
static const char *fmt_pairs(const fg_pair *p, size_t n)
{
    reset();
    for (size_t i = 0; i < n; i++)
        put("%s%s–%s %zu", i ? ", " : "", name_of(p[i].a), name_of(p[i].b), p[i].shared);
    return buf;
}

/* A chain: "X tTASK Y tTASK Z". */
static const char *fmt_chain(const size_t *ag, const size_t *tk, size_t n)
{
    reset();
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(" t%zu ", tk[i - 1]);
        put("%s", name_of(ag[i]));
    }
    return buf;
}

/* A community: "MEMBER … | central NAME | tTASK …". */
static const char *fmt_community(const fg_community *c)
{
    reset();
    for (size_t i = 0; i < c->n_members; i++)
        put("%s%s", i ? " " : "", name_of(c->members[i]));
    put(" | central %s |", name_of(c->central));
    for (size_t i = 0; i < c->n_tasks; i++)
        put(" t%zu", c->tasks[i]);
    return buf;
}

/* ---- the graph ---- */

static void test_analysis__agencies_by_name_tasks_in_document_order(void **state)
{
    static const char *const a[] = {"省甲厅牵头，省一厅按职责分工负责", "省丙厅负责"};
    static const char *const b[] = {"省乙厅牵头"};

    (void)state;
    ingest("b.txt", "湘政发〔2024〕2号", b, FG_N_OF(b));
    ingest("a.txt", "湘政发〔2022〕1号", a, FG_N_OF(a));
    load(NULL);
    /* UTF-8 byte order: 一 < 丙 < 乙 < 甲. */
    assert_string_equal(names(), "省一厅 省丙厅 省乙厅 省甲厅");
    /* a.txt before b.txt whatever the ingest order; clause numbers are 1-based. */
    assert_string_equal(fmt_tasks(), "a.txt M:1.1 c1 事项1 2022, a.txt M:1.2 c1 事项2 2022, "
                                     "b.txt M:1.1 c1 事项1 2024");
    assert_null(fg_graph_task(graph, 3));
}

/* ---- load and balance ---- */

static void test_analysis__load_counts_order_and_balance(void **state)
{
    static const char *const c[] = {
        "省甲厅牵头，省乙厅、省丙厅按职责分工负责",         /* t0: 甲 L, 乙 C, 丙 C */
        "省甲厅牵头，省丙厅、省戊厅按职责分工负责",         /* t1: 甲 L, 丙 C, 戊 C */
        "省甲厅、省丁厅按职责分工负责，省甲厅、省乙厅牵头", /* t2: 甲 C then L: lead once */
        "省丙厅、省丁厅、省戊厅按职责分工负责",             /* t3: no lead */
        "省一厅负责",                                       /* t4: no lead, one agency */
    };
    fg_load_row *rows = NULL;
    size_t n = 0;
    fg_balance bal;
    fg_centrality_row *r;

    (void)state;
    graph_of(c, FG_N_OF(c));
    assert_int_equal(fg_analysis_load(&rows, &n, &bal, graph), FG_OK);
    own(rows);
    /* lead/co/total: 甲 3/0/3, 乙 1/1/2, 丙 0/3/3, 丁 0/2/2, 戊 0/2/2, 一 0/1/1. By lead, then
     * total (丙 before 丁 and 戊 though after 丁 by name; 一 last though first by name), then
     * name (丁 before 戊). */
    assert_string_equal(fmt_load(rows, n), "省甲厅 3/0/3 d1, 省乙厅 1/1/2 d1, 省丙厅 0/3/3 d1, "
                                           "省丁厅 0/2/2 d1, 省戊厅 0/2/2 d1, 省一厅 0/1/1 d1");
    /* 4 leads in all: 甲 3/4, 乙 1/4, the rest 0. */
    assert_near(rows[0].lead_share, 0.75, "甲 lead_share");
    assert_near(rows[1].lead_share, 0.25, "乙 lead_share");
    assert_near(rows[2].lead_share, 0.0, "丙 lead_share");
    /* No lead: t3, t4; co only: 丙 丁 戊 一. */
    assert_string_equal(fmt_balance(&bal), "agencies 6, tasks 5, leads 4, no lead 2, "
                                           "over 3 leads 0, co only 4");
    /* Gini, x = 0 0 0 0 1 3, n 6: (2·5−7)·1 + (2·6−7)·3 = 3 + 15 = 18; 18 / (6·4) = 0.75. */
    assert_near(bal.gini, 0.75, "gini");
    /* HHI = (3/4)² + (1/4)² = 9/16 + 1/16 = 0.625; top five hold all 4 leads. */
    assert_near(bal.hhi, 0.625, "hhi");
    assert_near(bal.top5_share, 1.0, "top5_share");
    /* 甲 named twice on t2 is tied once: 乙 (t0 t2) 2, 丙 (t0 t1) 2, 丁 (t2) 1, 戊 (t1) 1. */
    r = centrality();
    assert_int_equal(r[ix("省甲厅")].degree, 4);
    assert_near(r[ix("省甲厅")].strength, 6.0, "甲 strength");
}

static void test_analysis__balance_top5_and_more_than_three_leads(void **state)
{
    static const char *const c[] = {
        "省甲厅、省乙厅、省丙厅、省丁厅牵头",               /* 4 leads: over three */
        "省甲厅、省乙厅、省丙厅牵头，省丁厅按职责分工负责", /* 3 leads: not over three */
        "省戊厅、省己厅牵头，省庚厅按职责分工负责",
    };
    fg_load_row *rows = NULL;
    size_t n = 0;
    fg_balance bal;

    (void)state;
    graph_of(c, FG_N_OF(c));
    assert_int_equal(fg_analysis_load(&rows, &n, &bal, graph), FG_OK);
    own(rows);
    /* leads: 甲 2, 乙 2, 丙 2, 丁 1, 戊 1, 己 1, 庚 0; total 9; n 7. One task over three
     * leads; co only: 庚 (丁 leads once and co-operates once). */
    assert_string_equal(fmt_balance(&bal), "agencies 7, tasks 3, leads 9, no lead 0, "
                                           "over 3 leads 1, co only 1");
    /* Gini, x = 0 1 1 1 2 2 2: Σ (2i−8)·x = 0 −4 −2 +0 +4 +8 +12 = 18; 18 / (7·9) = 2/7. */
    assert_near(bal.gini, 2.0 / 7.0, "gini");
    /* HHI = 3·(2/9)² + 3·(1/9)² = 12/81 + 3/81 = 15/81 = 5/27. */
    assert_near(bal.hhi, 5.0 / 27.0, "hhi");
    /* top five: 2+2+2+1+1 = 8 of 9. */
    assert_near(bal.top5_share, 8.0 / 9.0, "top5_share");
}

/* ---- centrality ---- */

/* Check one agency's row; NAN skips a measure. */
static void check_row(const fg_centrality_row *r, const char *name, double degree, double strength,
                      double betweenness, double harmonic, double eigenvector, double pagerank)
{
    const fg_centrality_row *row = &r[ix(name)];
    const double have[] = {(double)row->degree, row->strength,    row->betweenness,
                           row->harmonic,       row->eigenvector, row->pagerank};
    const double want[] = {degree, strength, betweenness, harmonic, eigenvector, pagerank};
    static const char *const what[] = {"degree",   "strength",    "betweenness",
                                       "harmonic", "eigenvector", "pagerank"};
    char label[128];

    for (size_t k = 0; k < FG_N_OF(want); k++) {
        if (isnan(want[k]))
            continue;
        snprintf(label, sizeof label, "%s %s", name, what[k]);
        assert_near(have[k], want[k], label);
    }
}

/* 甲–乙–丙 (one task each), 丁–戊 apart, 己 alone on its task. */
static const char *const disconnected[] = {"省甲厅牵头，省乙厅按职责分工负责",
                                           "省乙厅牵头，省丙厅按职责分工负责",
                                           "省丁厅牵头，省戊厅按职责分工负责", "省己厅负责"};

/* 己's task names it alone: no tie, so 己 is isolated in the projection. */
static void test_analysis__isolated_and_disconnected(void **state)
{
    fg_centrality_row *r;
    fg_pair *p = NULL;
    size_t *ag = NULL;
    size_t *tk = NULL;
    size_t n = 99;
    double sum = 0.0;

    (void)state;
    graph_of(disconnected, FG_N_OF(disconnected));
    assert_string_equal(names(), "省丁厅 省丙厅 省乙厅 省己厅 省戊厅 省甲厅");
    assert_int_equal(fg_analysis_pairs(&p, &n, graph), FG_OK);
    own(p);
    assert_string_equal(fmt_pairs(p, n), "省丁厅–省戊厅 1, 省丙厅–省乙厅 1, 省乙厅–省甲厅 1");
    r = centrality();
    /* 乙 on the one 甲–丙 path. Harmonic over reachable vertices only: 甲 1/1 + 1/2 = 1.5,
     * 乙 1 + 1 = 2, 丁 1. PageRank, N 6, d 0.85, 己 dangling (its rank spread evenly): base
     * b = 0.15/6 + 0.85·b/6 → b = 0.025/(1 − 0.85/6) = 3/103 = 己. A component keeps
     * b·size/0.15: 丁 = 戊 = 20/103, 甲+乙+丙 = 60/103; 乙 = b + 0.85·(60/103 − 乙) →
     * 1.85·乙 = 54/103 → 乙 = 1080/3811, 甲 = 丙 = (2220 − 1080)/2/3811 = 570/3811. */
    check_row(r, "省甲厅", 1, 1, 0, 1.5, NAN, 570.0 / 3811.0);
    check_row(r, "省乙厅", 2, 2, 1, 2, NAN, 1080.0 / 3811.0);
    check_row(r, "省丙厅", 1, 1, 0, 1.5, NAN, 570.0 / 3811.0);
    check_row(r, "省丁厅", 1, 1, 0, 1, NAN, 20.0 / 103.0);
    check_row(r, "省戊厅", 1, 1, 0, 1, NAN, 20.0 / 103.0);
    check_row(r, "省己厅", 0, 0, 0, 0, NAN, 3.0 / 103.0);
    for (size_t i = 0; i < 6; i++)
        sum += r[i].pagerank;
    assert_near(sum, 1.0, "pagerank sum");
    /* No chain from 甲 to 丁. */
    assert_int_equal(fg_analysis_path(&ag, &tk, &n, graph, ix("省甲厅"), ix("省丁厅")),
                     FG_ENOTFOUND);
    assert_string_equal(fg_error_last()->message,
                        "no chain of shared tasks between 省甲厅 and 省丁厅");
    assert_null(ag);
    assert_null(tk);
    assert_int_equal(n, 0);
    /* 甲 → 丙 by t0 (甲 乙) and t1 (乙 丙). */
    assert_int_equal(fg_analysis_path(&ag, &tk, &n, graph, ix("省甲厅"), ix("省丙厅")), FG_OK);
    own(ag);
    own(tk);
    assert_string_equal(fmt_chain(ag, tk, n), "省甲厅 t0 省乙厅 t1 省丙厅");
}

static void test_analysis__triangle_equal_weights(void **state)
{
    static const char *const c[] = {"省甲厅牵头，省乙厅、省丙厅按职责分工负责"};
    static const char *const all[] = {"省甲厅", "省乙厅", "省丙厅"};
    fg_centrality_row *r;

    (void)state;
    graph_of(c, FG_N_OF(c));
    r = centrality();
    /* One task of three ties every pair once. Symmetric: harmonic 1 + 1 = 2, nobody between
     * two others, eigenvector 1, pagerank 1/3. */
    for (size_t i = 0; i < FG_N_OF(all); i++)
        check_row(r, all[i], 2, 2, 0, 2, 1, 1.0 / 3.0);
}

static void test_analysis__star(void **state)
{
    static const char *const c[] = {"省甲厅牵头，省乙厅按职责分工负责",
                                    "省甲厅牵头，省丙厅按职责分工负责",
                                    "省甲厅牵头，省丁厅按职责分工负责"};
    static const char *const leaves[] = {"省乙厅", "省丙厅", "省丁厅"};
    fg_centrality_row *r;

    (void)state;
    graph_of(c, FG_N_OF(c));
    r = centrality();
    /* Hub on the 3 leaf–leaf paths; harmonic hub 3, leaf 1 + 1/2 + 1/2 = 2. Eigenvector:
     * λ = √3, leaf = hub/√3. PageRank: leaf l = 0.15/4 + 0.85·h/3, hub h = 0.15/4 + 0.85·3l,
     * h + 3l = 1 → l·(1 − 0.7225) = 0.0375 + 0.010625 → l = 77/444, h = 1 − 231/444 = 71/148. */
    check_row(r, "省甲厅", 3, 3, 3, 3, 1, 71.0 / 148.0);
    for (size_t i = 0; i < FG_N_OF(leaves); i++)
        check_row(r, leaves[i], 1, 1, 0, 2, 1.0 / sqrt(3.0), 77.0 / 444.0);
}

static void test_analysis__weighted_path_of_three(void **state)
{
    /* 甲–乙 one task, 乙–丙 two tasks. */
    static const char *const c[] = {"省甲厅牵头，省乙厅按职责分工负责",
                                    "省乙厅牵头，省丙厅按职责分工负责",
                                    "省丙厅牵头，省乙厅按职责分工负责"};
    fg_centrality_row *r;

    (void)state;
    graph_of(c, FG_N_OF(c));
    r = centrality();
    /* Lengths 1 and 1/2. Harmonic 甲 1 + 1/1.5 = 5/3, 乙 1 + 2 = 3, 丙 2 + 2/3 = 8/3.
     * Eigenvector: A = [[0 1 0] [1 0 2] [0 2 0]], λ² = 5, x = (1, √5, 2)/√5. PageRank: 乙
     * gives 1/3 to 甲, 2/3 to 丙; 乙 = 0.05 + 0.85·(1 − 乙) → 乙 = 0.9/1.85 = 18/37;
     * 甲 = 0.05 + 0.85·6/37 = 139/740; 丙 = 0.05 + 0.85·12/37 = 241/740. */
    check_row(r, "省甲厅", 1, 1, 0, 5.0 / 3.0, 1.0 / sqrt(5.0), 139.0 / 740.0);
    check_row(r, "省乙厅", 2, 3, 1, 3, 1, 18.0 / 37.0);
    check_row(r, "省丙厅", 1, 2, 0, 8.0 / 3.0, 2.0 / sqrt(5.0), 241.0 / 740.0);
}

/*
 * 甲–乙 share 5 tasks, 乙–丙 5, 甲–丙 1: the short way from 甲 to 丙 goes round the weak
 * direct tie (1/5 + 1/5 < 1). Roles are spread so that partners and shared are asymmetric.
 */
static const char *const weighted[] = {
    "省甲厅牵头，省丙厅按职责分工负责", /* t0: 甲 L 丙 C */
    "省甲厅牵头，省乙厅按职责分工负责", /* t1: 甲 L 乙 C */
    "省甲厅牵头，省乙厅按职责分工负责", /* t2: 甲 L 乙 C */
    "省乙厅牵头，省甲厅按职责分工负责", /* t3: 乙 L 甲 C */
    "省甲厅、省乙厅按职责分工负责",     /* t4: both co */
    "省甲厅、省乙厅牵头",               /* t5: both lead */
    "省乙厅牵头，省丙厅按职责分工负责", /* t6: 乙 L 丙 C */
    "省乙厅、省丙厅按职责分工负责",     /* t7 */
    "省丙厅牵头，省乙厅按职责分工负责", /* t8 */
    "省丙厅牵头，省乙厅按职责分工负责", /* t9 */
    "省乙厅、省丙厅牵头",               /* t10 */
};

static void test_analysis__weak_tie_betweenness_and_path(void **state)
{
    fg_centrality_row *r;
    size_t *ag = NULL;
    size_t *tk = NULL;
    size_t n = 0;

    (void)state;
    graph_of(weighted, FG_N_OF(weighted));
    r = centrality();
    /* 甲→丙 via 乙 is 2/5 < 1 direct: 乙 = 1. Strength 甲 5 + 1 = 6, 乙 10. Harmonic
     * 甲 1/(1/5) + 1/(2/5) = 7.5, 乙 5 + 5 = 10. */
    check_row(r, "省甲厅", 2, 6, 0, 7.5, NAN, NAN);
    check_row(r, "省乙厅", 2, 10, 1, 10, NAN, NAN);
    check_row(r, "省丙厅", 2, 6, 0, 7.5, NAN, NAN);
    /* 丙 → 甲 by 乙, each hop by the first shared task: 丙–乙 t6, 乙–甲 t1. */
    assert_int_equal(fg_analysis_path(&ag, &tk, &n, graph, ix("省丙厅"), ix("省甲厅")), FG_OK);
    own(ag);
    own(tk);
    assert_string_equal(fmt_chain(ag, tk, n), "省丙厅 t6 省乙厅 t1 省甲厅");
}

static void test_analysis__betweenness_ties_split_equally(void **state)
{
    /* Cycle 甲–乙–丙–丁–甲, one task per tie: each opposite pair has two shortest paths,
     * one through each of the other two, so every vertex gets 1/2. */
    static const char *const cycle[] = {
        "省甲厅牵头，省乙厅按职责分工负责", "省乙厅牵头，省丙厅按职责分工负责",
        "省丙厅牵头，省丁厅按职责分工负责", "省丁厅牵头，省甲厅按职责分工负责"};
    static const char *const all[] = {"省甲厅", "省乙厅", "省丙厅", "省丁厅"};
    fg_centrality_row *r;

    (void)state;
    graph_of(cycle, FG_N_OF(cycle));
    r = centrality();
    /* Harmonic 1 + 1 + 1/2 = 2.5; pagerank 1/4 by symmetry. */
    for (size_t i = 0; i < FG_N_OF(all); i++)
        check_row(r, all[i], 2, 2, 0.5, 2.5, 1, 0.25);
}

/* ---- large-graph options: sampled and cut-off path measures ---- */

static fg_centrality_row *centrality_with(const fg_centrality_opts *o, fg_centrality_info *info)
{
    fg_centrality_row *rows = NULL;
    size_t n = SIZE_MAX;

    assert_int_equal(fg_analysis_centrality_opts(&rows, &n, info, graph, o), FG_OK);
    own(rows);
    assert_int_equal(n, fg_graph_n_agencies(graph));
    return rows;
}

static void test_analysis__path_cutoff(void **state)
{
    fg_centrality_opts o = FG_CENTRALITY_OPTS_INIT;
    fg_centrality_info info;
    fg_centrality_row *r;

    (void)state;
    graph_of(weighted, FG_N_OF(weighted));
    /* Lengths 甲–乙 1/5, 乙–丙 1/5, 甲–丙 1 (direct) or 2/5 (by 乙). A cutoff of 0.3 keeps
     * only the two strong ties: nobody lies between, harmonic 甲 = 1/(1/5) = 5, 乙 = 10. */
    o.cutoff = 0.3;
    r = centrality_with(&o, &info);
    assert_false(info.sampled);
    assert_near(info.cutoff, 0.3, "cutoff reported");
    check_row(r, "省甲厅", 2, 6, 0, 5, NAN, NAN);
    check_row(r, "省乙厅", 2, 10, 0, 10, NAN, NAN);
    /* A cutoff above every path changes nothing. */
    o.cutoff = 100;
    r = centrality_with(&o, &info);
    check_row(r, "省乙厅", 2, 10, 1, 10, NAN, NAN);
    /* Cutoff and sample together are refused. */
    o.sample = 1;
    {
        fg_centrality_row *rows = NULL;
        size_t n = 0;

        assert_int_equal(fg_analysis_centrality_opts(&rows, &n, NULL, graph, &o), FG_EINVAL);
        assert_null(rows);
    }
}

static void test_analysis__path_sample(void **state)
{
    static const char *const c[] = {"省甲厅牵头，省乙厅按职责分工负责",
                                    "省甲厅牵头，省丙厅按职责分工负责",
                                    "省甲厅牵头，省丁厅按职责分工负责"};
    fg_centrality_opts o = FG_CENTRALITY_OPTS_INIT;
    fg_centrality_info info;
    fg_centrality_row *r;
    double sum = 0;
    size_t hub_hits = 0;
    const size_t runs = 1000;

    (void)state;
    graph_of(c, FG_N_OF(c));
    /* As many sources as agencies: exact, and said so. */
    o.sample = 4;
    r = centrality_with(&o, &info);
    assert_false(info.sampled);
    assert_int_equal(info.sources, 4);
    check_row(r, "省甲厅", 3, 3, 3, 3, 1, 71.0 / 148.0);
    /* One source: the hub gives 0 (it ends every path it starts), a leaf gives 1 pair-half
     * through the hub for each of the two other leaves, scaled by 4 → 4. Over many seeds
     * the mean approaches the exact 3 (unbiased); each run is reproducible. */
    o.sample = 1;
    for (size_t seed = 0; seed < runs; seed++) {
        double b;

        o.seed = seed;
        r = centrality_with(&o, &info);
        assert_true(info.sampled);
        assert_int_equal(info.sources, 1);
        b = r[ix("省甲厅")].betweenness;
        if (!(fabs(b) < EPS || fabs(b - 4) < EPS))
            fail_msg("seed %zu: hub betweenness %g, want 0 or 4", seed, b);
        hub_hits += fabs(b) < EPS;
        sum += b;
        n_mem--; /* rows freed right here: the run would overflow the owner list */
        free(r);
    }
    if (fabs(sum / (double)runs - 3) > 0.3)
        fail_msg("mean of sampled hub betweenness %g, want about 3", sum / (double)runs);
    assert_true(hub_hits > 0 && hub_hits < runs);
    o.seed = 7;
    r = centrality_with(&o, &info);
    {
        double first = r[ix("省甲厅")].betweenness;

        r = centrality_with(&o, &info);
        assert_near(r[ix("省甲厅")].betweenness, first, "same seed, same estimate");
    }
}

/* ---- coordination ---- */

static void test_analysis__partners_by_role(void **state)
{
    fg_partner *p = NULL;
    size_t n = 0;

    (void)state;
    graph_of(weighted, FG_N_OF(weighted));
    /* 甲's partners (shared x_leads/partner_leads/both_co/both_lead): 乙 on t1–t5: 甲 leads
     * t1 t2, 乙 leads t3, both co t4, both lead t5; 丙 on t0, 甲 leading. */
    assert_int_equal(fg_analysis_partners(&p, &n, graph, ix("省甲厅")), FG_OK);
    own(p);
    assert_string_equal(fmt_partners(p, n), "省乙厅 5 2/1/1/1, 省丙厅 1 1/0/0/0");
    /* 乙's: 丙 and 甲 both 5, so by name (丙 < 甲); 乙 leads t6 and t3, 丙 leads t8 t9. */
    assert_int_equal(fg_analysis_partners(&p, &n, graph, ix("省乙厅")), FG_OK);
    own(p);
    assert_string_equal(fmt_partners(p, n), "省丙厅 5 1/2/1/1, 省甲厅 5 1/2/1/1");
}

static void test_analysis__shared_tasks_with_roles(void **state)
{
    fg_shared_task *s = NULL;
    size_t n = 0;

    (void)state;
    graph_of(weighted, FG_N_OF(weighted));
    assert_int_equal(fg_analysis_shared(&s, &n, graph, ix("省甲厅"), ix("省乙厅")), FG_OK);
    own(s);
    assert_string_equal(fmt_shared(s, n),
                        "t1 lead/co, t2 lead/co, t3 co/lead, t4 co/co, t5 lead/lead");
    /* 丙 and 甲: t0 only, roles seen from 丙's side. */
    assert_int_equal(fg_analysis_shared(&s, &n, graph, ix("省丙厅"), ix("省甲厅")), FG_OK);
    own(s);
    assert_string_equal(fmt_shared(s, n), "t0 co/lead");
}

/*
 * The disparity filter on a hand-computed example (agencies 0..4, weights in brackets):
 *   0-1 [10], 0-2 [1], 0-3 [1], 1-2 [1], 3-4 [1], 1-3 [2]
 * agency 0: k 3, s 12: 0-1 (1 - 10/12)^2 = 0.0278, 0-2 and 0-3 (11/12)^2 = 0.840
 * agency 1: k 3, s 13: 0-1 (3/13)^2 = 0.0533, 1-2 (12/13)^2 = 0.852, 1-3 (11/13)^2 = 0.716
 * agency 2: k 2, s 2: 0-2 and 1-2 0.5
 * agency 3: k 3, s 4: 0-3 and 3-4 (3/4)^2 = 0.5625, 1-3 (1/2)^2 = 0.25
 * agency 4: k 1: 3-4 kept whatever its alpha.
 * α 0.05 keeps 0-1 (significant for 0) and 3-4 (a leaf's): 11 of 16; α 0.3 adds 1-3;
 * keeping each agency's strongest tie adds 0-2 (agency 2's first strongest) and 1-3 (3's).
 */
static void test_analysis__backbone_disparity_filter(void **state)
{
    const fg_pair pairs[] = {{0, 1, 10}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {3, 4, 1}, {1, 3, 2}};
    unsigned char keep[6];
    fg_backbone_info info;

    (void)state;
    assert_int_equal(fg_analysis_backbone(keep, &info, pairs, 6, 5, 0.05, 0), FG_OK);
    assert_memory_equal(keep, ((unsigned char[]){1, 0, 0, 0, 1, 0}), 6);
    assert_int_equal(info.n_kept, 2);
    assert_true(fabs(info.weight_share - 11.0 / 16.0) < 1e-12);
    assert_true(info.alpha == 0.05);
    /* 0.0533 is not below 0.05 for agency 1, but 0-1 is kept through agency 0 anyway. */
    assert_int_equal(fg_analysis_backbone(keep, &info, pairs, 6, 5, 0.3, 0), FG_OK);
    assert_memory_equal(keep, ((unsigned char[]){1, 0, 0, 0, 1, 1}), 6);
    assert_true(fabs(info.weight_share - 13.0 / 16.0) < 1e-12);
    assert_int_equal(fg_analysis_backbone(keep, &info, pairs, 6, 5, 0.05, FG_BACKBONE_STRONGEST),
                     FG_OK);
    assert_memory_equal(keep, ((unsigned char[]){1, 1, 0, 0, 1, 1}), 6);
    assert_int_equal(info.n_kept, 4);
    assert_true(fabs(info.weight_share - 14.0 / 16.0) < 1e-12);
    /* α 1 keeps every tie whose alpha is below 1, i.e. all but none here: 0.852 < 1. */
    assert_int_equal(fg_analysis_backbone(keep, &info, pairs, 6, 5, 1.0, 0), FG_OK);
    assert_int_equal(info.n_kept, 6);
    assert_int_equal(fg_analysis_backbone(keep, &info, pairs, 6, 5, 0, 0), FG_EINVAL);
    assert_string_equal(fg_error_last()->message, "backbone: alpha must be in (0, 1], not 0");
    assert_int_equal(fg_analysis_backbone(keep, &info, pairs, 6, 4, 0.05, 0), FG_EINVAL);
    assert_string_equal(fg_error_last()->message,
                        "backbone: tie 4 joins agencies 3 and 4 of 4");
}

static void test_analysis__pairs_strongest_first_then_names(void **state)
{
    fg_pair *p = NULL;
    size_t n = 0;

    (void)state;
    graph_of(weighted, FG_N_OF(weighted));
    assert_int_equal(fg_analysis_pairs(&p, &n, graph), FG_OK);
    own(p);
    /* a < b by name; 5, 5, 1; the two fives by the first name (丙 < 乙). */
    assert_string_equal(fmt_pairs(p, n), "省丙厅–省乙厅 5, 省乙厅–省甲厅 5, 省丙厅–省甲厅 1");
}

/* ---- filters ---- */

/* a.txt (2022): 甲 L 乙 C; 乙 L 丙 C; 甲 L 有关部门 C. b.txt (2024): 丁 L 甲 C. */
static const char *const doc_a[] = {
    "省甲厅牵头，省乙厅按职责分工负责",
    "省乙厅牵头，省丙厅按职责分工负责",
    "省甲厅牵头，有关部门按职责分工负责",
};
static const char *const doc_b[] = {"省丁厅牵头，省甲厅按职责分工负责"};

static void two_documents(void)
{
    ingest("a.txt", "湘政发〔2022〕1号", doc_a, FG_N_OF(doc_a));
    ingest("b.txt", "湘政发〔2024〕2号", doc_b, FG_N_OF(doc_b));
}

/* The load table of the current graph, as fmt_load() writes it. */
static const char *load_table(void)
{
    fg_load_row *rows = NULL;
    size_t n = 0;
    fg_balance bal;

    assert_int_equal(fg_analysis_load(&rows, &n, &bal, graph), FG_OK);
    own(rows);
    return fmt_load(rows, n);
}

static void test_analysis__filter_roles(void **state)
{
    fg_filter f = FG_FILTER_INIT;
    fg_pair *p = NULL;
    size_t n = 0;

    (void)state;
    two_documents();
    /* Lead edges: 甲 (a t0, a t2), 乙 (a t1), 丁 (b t0); no task has two leads, so no ties. */
    f.roles = FG_ROLES_LEAD;
    load(&f);
    assert_int_equal(fg_graph_n_tasks(graph), 4);
    assert_string_equal(load_table(), "省甲厅 2/0/2 d1, 省丁厅 1/0/1 d1, 省乙厅 1/0/1 d1");
    assert_int_equal(fg_analysis_pairs(&p, &n, graph), FG_OK);
    own(p);
    assert_int_equal(n, 0);
    /* Co edges: 乙 (a t0), 丙 (a t1), 甲 (b t0); a t2 has only 有关部门: not a task here. */
    f.roles = FG_ROLES_CO;
    load(&f);
    assert_int_equal(fg_graph_n_tasks(graph), 3);
    assert_string_equal(load_table(), "省丙厅 0/1/1 d1, 省乙厅 0/1/1 d1, 省甲厅 0/1/1 d1");
}

static void test_analysis__filter_documents(void **state)
{
    static const char *const only_b[] = {"b.txt"};
    fg_filter f = FG_FILTER_INIT;

    (void)state;
    two_documents();
    /* All: 甲 leads a t0 a t2, co on b t0, named in both documents. */
    load(NULL);
    assert_int_equal(fg_graph_n_tasks(graph), 4);
    assert_string_equal(load_table(),
                        "省甲厅 2/1/3 d2, 省乙厅 1/1/2 d1, 省丁厅 1/0/1 d1, 省丙厅 0/1/1 d1");
    f.docs = only_b;
    f.n_docs = 1;
    load(&f);
    assert_int_equal(fg_graph_n_tasks(graph), 1);
    assert_string_equal(fg_graph_task(graph, 0)->doc, "b.txt");
    assert_string_equal(load_table(), "省丁厅 1/0/1 d1, 省甲厅 0/1/1 d1");
}

static void test_analysis__filter_year(void **state)
{
    fg_filter f = FG_FILTER_INIT;

    (void)state;
    two_documents();
    f.year = 2022;
    load(&f);
    assert_int_equal(fg_graph_n_tasks(graph), 3);
    assert_string_equal(fg_graph_task(graph, 2)->doc, "a.txt");
    assert_string_equal(load_table(), "省甲厅 2/0/2 d1, 省乙厅 1/1/2 d1, 省丙厅 0/1/1 d1");
    f.year = 2024;
    load(&f);
    assert_int_equal(fg_graph_n_tasks(graph), 1);
    assert_int_equal(fg_graph_task(graph, 0)->year, 2024);
    assert_string_equal(load_table(), "省丁厅 1/0/1 d1, 省甲厅 0/1/1 d1");
}

static void test_analysis__include_generic(void **state)
{
    fg_filter f = FG_FILTER_INIT;
    size_t i = SIZE_MAX;

    (void)state;
    two_documents();
    load(NULL);
    assert_int_equal(fg_graph_find(&i, graph, NULL, "有关部门"), FG_ENOTFOUND);
    f.include_generic = 1;
    load(&f);
    /* 有 U+6709 < 省 U+7701: 有关部门 first by name, and first of the 0/1/1 rows. */
    assert_string_equal(names(), "有关部门 省丁厅 省丙厅 省乙厅 省甲厅");
    assert_string_equal(load_table(), "省甲厅 2/1/3 d2, 省乙厅 1/1/2 d1, 省丁厅 1/0/1 d1, "
                                      "有关部门 0/1/1 d1, 省丙厅 0/1/1 d1");
    assert_int_equal(centrality()[ix("有关部门")].degree, 1); /* tied to 甲 by a t2 */
}

/* ---- fg_graph_find ---- */

static void test_analysis__find_exact_and_closest(void **state)
{
    static const char *const c[] = {"省甲厅牵头，省乙厅、省丙厅、省丁厅按职责分工负责"};
    size_t i = SIZE_MAX;

    (void)state;
    graph_of(c, FG_N_OF(c));
    /* 丁 0, 丙 1, 乙 2, 甲 3. */
    assert_int_equal(fg_graph_find(&i, graph, NULL, "省甲厅"), FG_OK);
    assert_int_equal(i, 3);
    assert_int_equal(fg_graph_find(&i, graph, NULL, "省丁厅"), FG_OK);
    assert_int_equal(i, 0);
    /* 省甲局: distance 1 to 省甲厅, 2 to the rest (ties by name order). */
    i = 77;
    assert_int_equal(fg_graph_find(&i, graph, NULL, "省甲局"), FG_ENOTFOUND);
    assert_int_equal(i, 77);
    assert_string_equal(fg_error_last()->message,
                        "省甲局: no such agency in the selected documents; "
                        "closest: 省甲厅, 省丁厅, 省丙厅");
}

/* ---- communities ---- */

/* Two dense groups, 甲乙丙 and 丁戊己, joined by one task 丙–丁. 甲–乙 and 甲–丙 share one
 * more task each (weights 4 4 3), so 甲 is the centre of its group; 戊 has a task alone. */
static const char *const two_groups[] = {
    "省甲厅牵头，省乙厅按职责分工负责",         /* t0 */
    "省甲厅牵头，省乙厅、省丙厅按职责分工负责", /* t1 */
    "省乙厅牵头，省甲厅、省丙厅按职责分工负责", /* t2 */
    "省丙厅牵头，省甲厅、省乙厅按职责分工负责", /* t3 */
    "省甲厅牵头，省丙厅按职责分工负责",         /* t4 */
    "省丁厅牵头，省戊厅、省己厅按职责分工负责", /* t5 */
    "省戊厅牵头，省丁厅、省己厅按职责分工负责", /* t6 */
    "省己厅牵头，省丁厅、省戊厅按职责分工负责", /* t7 */
    "省戊厅负责",                               /* t8 */
    "省丙厅牵头，省丁厅按职责分工负责",         /* t9 */
};

static void test_analysis__communities_two_groups(void **state)
{
    double q = -1.0;

    (void)state;
    graph_of(two_groups, FG_N_OF(two_groups));
    assert_int_equal(fg_analysis_communities(&coms[0], &n_coms[0], &q, graph, 42), FG_OK);
    assert_int_equal(n_coms[0], 2);
    /* Inner strengths: 甲 4+4 = 8, 乙 4+3 = 7, 丙 4+3 = 7 (the bridge is not inside), 丁 戊 己
     * 6; ties by index (丁 0 丙 1 乙 2 己 3 戊 4 甲 5). Equal sizes: the community whose
     * central agency comes first by name (丁 < 甲). Tasks all inside, at least two agencies,
     * biggest first: t1 t2 t3 (3) then t0 t4 (2); t5–t7, not t8 (one agency) nor t9. */
    assert_string_equal(fmt_community(&coms[0][0]),
                        "省丁厅 省己厅 省戊厅 | central 省丁厅 | t5 t6 t7");
    assert_string_equal(fmt_community(&coms[0][1]),
                        "省甲厅 省丙厅 省乙厅 | central 省甲厅 | t1 t2 t3 t0 t4");
    /* m = 11 + 9 + 1 = 21; 甲乙丙: inner 11, degrees 2·11 + 1 = 23; 丁戊己: 9 and 19.
     * Q = 11/21 − (23/42)² + 9/21 − (19/42)² = 1680/1764 − (529 + 361)/1764 = 395/882. */
    assert_near(q, 395.0 / 882.0, "modularity");
}

/* A ring of 12 agencies, one task per tie: many partitions are as good, and which one
 * Leiden finds depends on the seed (with igraph 0.10, seeds 1 and 2 differ); the same seed
 * must give the same. */
static void test_analysis__communities_same_seed_same_result(void **state)
{
    static const char *const ring[] = {"甲", "乙", "丙", "丁", "戊", "己",
                                       "庚", "辛", "壬", "癸", "子", "丑"};
    char lines[12][128];
    const char *c[12];
    double q0 = 0.0;
    double q1 = 1.0;

    (void)state;
    for (size_t k = 0; k < 12; k++) {
        snprintf(lines[k], sizeof lines[k], "省%s厅牵头，省%s厅按职责分工负责", ring[k],
                 ring[(k + 1) % 12]);
        c[k] = lines[k];
    }
    graph_of(c, 12);
    assert_int_equal(fg_analysis_communities(&coms[0], &n_coms[0], &q0, graph, 7), FG_OK);
    assert_int_equal(fg_analysis_communities(&coms[1], &n_coms[1], &q1, graph, 7), FG_OK);
    assert_int_equal(n_coms[0], n_coms[1]);
    assert_true(q0 == q1);
    for (size_t i = 0; i < n_coms[0]; i++) {
        char first[512];

        snprintf(first, sizeof first, "%s", fmt_community(&coms[0][i]));
        assert_string_equal(fmt_community(&coms[1][i]), first);
    }
}

/* ---- graphs without agencies: an empty store, a filter that keeps nothing ---- */

static void test_analysis__empty_store_and_filter_keeping_nothing(void **state)
{
    fg_filter f = FG_FILTER_INIT;
    fg_load_row *rows = NULL;
    fg_centrality_row *cr = NULL;
    fg_pair *p = NULL;
    fg_balance bal;
    size_t n = 99;
    size_t i = 99;
    double q = -1.0;

    (void)state;
    load(NULL);
    assert_int_equal(fg_graph_n_agencies(graph), 0);
    assert_int_equal(fg_graph_n_tasks(graph), 0);
    assert_int_equal(fg_analysis_load(&rows, &n, &bal, graph), FG_OK);
    own(rows);
    assert_int_equal(n, 0);
    assert_string_equal(fmt_balance(&bal), "agencies 0, tasks 0, leads 0, no lead 0, "
                                           "over 3 leads 0, co only 0");
    assert_true(bal.gini == 0.0 && bal.hhi == 0.0 && bal.top5_share == 0.0);
    n = 99;
    assert_int_equal(fg_analysis_centrality(&cr, &n, graph), FG_OK);
    own(cr);
    assert_int_equal(n, 0);
    assert_int_equal(fg_analysis_communities(&coms[0], &n_coms[0], &q, graph, 1), FG_OK);
    assert_int_equal(n_coms[0], 0);
    assert_near(q, 0.0, "modularity");
    n = 99;
    assert_int_equal(fg_analysis_pairs(&p, &n, graph), FG_OK);
    own(p);
    assert_int_equal(n, 0);
    assert_int_equal(fg_graph_find(&i, graph, NULL, "省甲厅"), FG_ENOTFOUND);
    assert_string_equal(fg_error_last()->message,
                        "省甲厅: no such agency in the selected documents");
    /* No document of 2023: an empty graph, not an error. */
    two_documents();
    f.year = 2023;
    load(&f);
    assert_int_equal(fg_graph_n_agencies(graph), 0);
    assert_int_equal(fg_graph_n_tasks(graph), 0);
    assert_int_equal(fg_analysis_centrality(&cr, &n, graph), FG_OK);
    own(cr);
    assert_int_equal(n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_analysis__agencies_by_name_tasks_in_document_order),
        T(test_analysis__load_counts_order_and_balance),
        T(test_analysis__balance_top5_and_more_than_three_leads),
        T(test_analysis__isolated_and_disconnected),
        T(test_analysis__triangle_equal_weights),
        T(test_analysis__star),
        T(test_analysis__weighted_path_of_three),
        T(test_analysis__weak_tie_betweenness_and_path),
        T(test_analysis__betweenness_ties_split_equally),
        T(test_analysis__path_cutoff),
        T(test_analysis__path_sample),
        T(test_analysis__partners_by_role),
        T(test_analysis__shared_tasks_with_roles),
        T(test_analysis__pairs_strongest_first_then_names),
        T(test_analysis__backbone_disparity_filter),
        T(test_analysis__filter_roles),
        T(test_analysis__filter_documents),
        T(test_analysis__filter_year),
        T(test_analysis__include_generic),
        T(test_analysis__find_exact_and_closest),
        T(test_analysis__communities_two_groups),
        T(test_analysis__communities_same_seed_same_result),
        /* Last: a sanitizer abort here would hide the tests after it. */
        T(test_analysis__empty_store_and_filter_keeping_nothing),
#undef T
    };

    return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
