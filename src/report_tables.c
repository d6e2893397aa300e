/*
 * The table sections of the HTML report (documents, workload, centrality, communities,
 * pairs, unresolved names): each a heading, a note saying how its numbers are counted, and a
 * collapsible table; tables of agencies end with the footnote on renamings.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rank.h"
#include "report_int.h"

int fg_report__documents(fg_report_ctx *r)
{
    static const char *const hdr[] = {"文号", "标题", "年份", "条目", "任务", "分工条款",
                                      "牵头与配合（次）", "工作专班"};
    static const unsigned char kind[] = {FG_CELL_NAME, FG_CELL_LONG, FG_CELL_NUM, FG_CELL_NUM,
                                         FG_CELL_NUM, FG_CELL_NUM, FG_CELL_NUM, FG_CELL_NUM};
    fg_str *s = r->s;
    int rc = FG_OK;

    R_RAW("<section><h2 id=\"documents\">文件</h2>\n<p class=\"note\">条目、任务、分工条款见概要中"
          "的术语；“牵头与配合（次）”为各分工条款写到的牵头、配合单位的次数之和（含“有关部门”等"
          "泛称）；工作专班为文件设立的专班、领导小组等的个数。</p>\n");
    FG_TRY(fg_report__table_begin(s, "doc-table", "已入库的文件", r->n_docs, r->n_docs <= 10,
                                  1, 8, hdr, kind));
    for (size_t i = 0; i < r->n_docs; i++) {
        const fg_report_doc *d = &r->docs[i];
        char n[6][24];
        const char *cells[8];

        n[0][0] = '\0';
        if (d->year)
            snprintf(n[0], sizeof n[0], "%d", d->year);
        snprintf(n[1], sizeof n[1], "%zu", d->items);
        snprintf(n[2], sizeof n[2], "%zu", d->tasks);
        snprintf(n[3], sizeof n[3], "%zu", d->clauses);
        snprintf(n[4], sizeof n[4], "%zu", d->assignments);
        snprintf(n[5], sizeof n[5], "%zu", d->teams);
        cells[0] = d->doc_number[0] ? d->doc_number : "—";
        cells[1] = d->title[0] ? d->title : d->name;
        for (size_t k = 0; k < 6; k++)
            cells[k + 2] = n[k];
        FG_TRY(fg_report__row(s, 8, cells, kind));
    }
    FG_TRY(fg_report__table_end(s, NULL));
    R_RAW("</section>\n");
out:
    return rc;
}

/* A table row: an agency's name, then n (at most 7) numbers already formatted in c. */
static int agency_row(fg_str *s, const char *name, char (*c)[32], size_t n,
                      const unsigned char *kind)
{
    const char *cells[8];

    assert(n < sizeof cells / sizeof cells[0]);
    cells[0] = name;
    for (size_t k = 0; k < n; k++)
        cells[k + 1] = c[k];
    return fg_report__row(s, n + 1, cells, kind);
}

int fg_report__workload(fg_report_ctx *r, const fg_load_row *load, size_t n_load)
{
    static const char *const hdr[] = {"机构", "牵头条款", "配合条款", "合计", "牵头占比",
                                      "文件数"};
    static const unsigned char kind[] = {FG_CELL_NAME, FG_CELL_NUM, FG_CELL_NUM, FG_CELL_NUM,
                                         FG_CELL_NUM, FG_CELL_NUM};
    fg_str *s = r->s;
    char c[5][32];
    int rc = FG_OK;

    R_RAW("<section><h2 id=\"load\">工作负荷</h2>\n<p class=\"note\">"
          "每个机构被写为牵头单位、配合单位的"
          "分工条款数；牵头占比 = 牵头条款数 ÷ 全部牵头次数；文件数为写到该机构的文件数。"
          "按牵头条款数、再按合计从多到少排列。</p>\n");
    FG_TRY(fg_report__table_begin(s, "workload", "各机构的牵头与配合", n_load, n_load <= 10, 1,
                                  6, hdr, kind));
    for (size_t i = 0; i < n_load; i++) {
        snprintf(c[0], sizeof c[0], "%zu", load[i].lead);
        snprintf(c[1], sizeof c[1], "%zu", load[i].co);
        snprintf(c[2], sizeof c[2], "%zu", load[i].total);
        fg_report__pct(c[3], sizeof c[3], load[i].lead_share);
        snprintf(c[4], sizeof c[4], "%zu", load[i].documents);
        FG_TRY(agency_row(s, fg_graph_agency(r->g, load[i].agency), c, 5, kind));
    }
    FG_TRY(fg_report__table_end(s, r->names_fn));
    R_RAW("</section>\n");
out:
    return rc;
}

static int cmp_pagerank(const void *a, const void *b)
{
    const fg_centrality_row *x = a;
    const fg_centrality_row *y = b;

    if (x->pagerank != y->pagerank)
        return x->pagerank > y->pagerank ? -1 : 1;
    if (x->betweenness != y->betweenness)
        return x->betweenness > y->betweenness ? -1 : 1;
    return x->agency < y->agency ? -1 : x->agency > y->agency;
}

int fg_report__centrality(fg_report_ctx *r, fg_centrality_row *cen, size_t n_cen,
                            const fg_centrality_info *info)
{
    static const char *const hdr[] = {"机构", "PageRank", "介数", "强度", "度", "调和中心性",
                                      "特征向量"};
    static const unsigned char kind[] = {FG_CELL_NAME, FG_CELL_NUM, FG_CELL_NUM, FG_CELL_NUM,
                                         FG_CELL_NUM, FG_CELL_NUM, FG_CELL_NUM};
    fg_str *s = r->s;
    char c[6][32];
    int rc = FG_OK;

    qsort(cen, n_cen, sizeof *cen, cmp_pagerank);
    R_RAW("<section><h2 id=\"centrality\">中心性</h2>\n<p class=\"note\">"
          "在机构投影网络上计算：两个机构"
          "每共同承担一条分工条款，连线权重加一，距离为权重的倒数。PageRank 按权重、阻尼系数 0.85；"
          "介数为经过该机构的最短路径条数（按距离，未归一化）；强度为共同承担的分工条款数之和；"
          "度为与之有共同条款的机构数；调和中心性为到其他机构距离倒数之和；特征向量中心性按权重，"
          "最大为 1。按 PageRank 从高到低排列。</p>\n");
    if (info->sampled)
        R_F("<p class=\"note\">介数与调和中心性为抽样估计：从 %zu 个机构中随机取 %zu 个起点"
            "（种子 %lu），按比例放大。</p>\n", n_cen, info->sources, r->opts->seed);
    FG_TRY(fg_report__table_begin(s, "centrality-table", "各机构的中心性", n_cen, n_cen <= 10,
                                  1, 7, hdr, kind));
    for (size_t i = 0; i < n_cen; i++) {
        fg_report__fixed(c[0], sizeof c[0], cen[i].pagerank, 4);
        fg_report__fixed(c[1], sizeof c[1], cen[i].betweenness, 1);
        fg_report__fixed(c[2], sizeof c[2], cen[i].strength, 0);
        snprintf(c[3], sizeof c[3], "%zu", cen[i].degree);
        fg_report__fixed(c[4], sizeof c[4], cen[i].harmonic, 2);
        fg_report__fixed(c[5], sizeof c[5], cen[i].eigenvector, 4);
        FG_TRY(agency_row(s, fg_graph_agency(r->g, cen[i].agency), c, 6, kind));
    }
    FG_TRY(fg_report__table_end(s, r->names_fn));
    R_RAW("</section>\n");
out:
    return rc;
}

/* Agency names joined by 、, each kept on one line. */
static int name_list(fg_str *s, const fg_graph *g, const size_t *v, size_t n)
{
    int rc = FG_OK;

    for (size_t k = 0; k < n; k++) {
        R_RAW("<span class=\"nm\">");
        R_HTML(fg_graph_agency(g, v[k]));
        R_RAW(k + 1 < n ? "、</span><wbr>" : "</span>");
    }
out:
    return rc;
}

static int same_task(const fg_task_info *a, const fg_task_info *b)
{
    return strcmp(a->doc, b->doc) == 0 && strcmp(a->item, b->item) == 0;
}

/* The distinct tasks among n clauses of the graph (its tasks are in document order). */
static int count_tasks(size_t *out, const fg_graph *g, const size_t *clauses, size_t n)
{
    size_t *v = malloc((n + 1) * sizeof *v);

    *out = 0;
    if (v == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    memcpy(v, clauses, n * sizeof *v);
    qsort(v, n, sizeof *v, fg_size_cmp);
    for (size_t k = 0; k < n; k++)
        *out += k == 0 || !same_task(fg_graph_task(g, v[k - 1]), fg_graph_task(g, v[k]));
    free(v);
    return FG_OK;
}

int fg_report__communities(fg_report_ctx *r, const fg_community *com, size_t n_com, double q)
{
    static const char *const hdr[] = {"社群", "核心机构", "机构数", "成员（按社群内协作强度）",
                                      "维系社群的任务"};
    static const unsigned char kind[] = {FG_CELL_NUM, FG_CELL_NAME, FG_CELL_NUM, FG_CELL_TEXT,
                                         FG_CELL_TEXT};
    fg_str *s = r->s;
    size_t n_groups = 0;
    size_t rank = 0;
    char qs[32];
    int rc = FG_OK;

    for (size_t i = 0; i < n_com; i++)
        n_groups += com[i].n_members > 1;
    R_F("<section><h2 id=\"communities\">协作社群</h2>\n<p class=\"note\">"
        "在机构投影网络上用 Leiden "
        "算法（目标为模块度，按共同分工条款数加权，种子 %lu）划分，模块度 %s。核心机构为社群内"
        "协作强度最大的成员；维系社群的任务是所有分工单位（至少两个）都在该社群内的任务，"
        "每项任务列一次，最多列三项。</p>\n", r->opts->seed, fg_report__fixed(qs, sizeof qs, q, 3));
    FG_TRY(fg_report__table_begin(s, "community-table", "由两个以上机构组成的社群", n_groups,
                                  n_groups <= 10, 0, 5, hdr, kind));
    for (size_t i = 0; i < n_com; i++) {
        const fg_task_info *shown[3];
        size_t n_shown = 0;
        size_t distinct;

        if (com[i].n_members < 2)
            continue;
        R_F("<tr><td class=\"n\">%zu</td><td class=\"nm\">", ++rank);
        R_HTML(fg_graph_agency(r->g, com[i].central));
        R_F("</td><td class=\"n\">%zu</td><td>", com[i].n_members);
        FG_TRY(name_list(s, r->g, com[i].members, com[i].n_members));
        R_RAW("</td><td>");
        /* a task's clauses are separate vertices of the graph: show each task once */
        for (size_t k = 0; k < com[i].n_tasks && n_shown < 3; k++) {
            const fg_task_info *t = fg_graph_task(r->g, com[i].tasks[k]);
            int seen = 0;

            for (size_t j = 0; j < n_shown; j++)
                seen |= same_task(shown[j], t);
            if (seen)
                continue;
            R_RAW(n_shown ? "；" : "");
            R_HTML(t->title);
            shown[n_shown++] = t;
        }
        FG_TRY(count_tasks(&distinct, r->g, com[i].tasks, com[i].n_tasks));
        if (distinct == 0)
            R_RAW("—（每项任务都还有社群外的单位）");
        if (distinct > n_shown)
            R_F("（共 %zu 项）", distinct);
        R_RAW("</td></tr>\n");
    }
    FG_TRY(fg_report__table_end(s, r->names_fn));
    if (n_groups < n_com) {
        R_F("<p id=\"singletons\">以下 %zu 个机构未与其他机构组成社群，各自单独成组（与其他机构"
            "没有或只有很少共同分工条款）：", n_com - n_groups);
        for (size_t i = 0, k = 0; i < n_com; i++) {
            if (com[i].n_members != 1)
                continue;
            R_RAW(k++ ? "、<span class=\"nm\">" : "<span class=\"nm\">");
            R_HTML(fg_graph_agency(r->g, com[i].members[0]));
            R_RAW("</span><wbr>");
        }
        R_RAW("。</p>\n");
    }
    R_RAW("</section>\n");
out:
    return rc;
}

int fg_report__pairs(fg_report_ctx *r, const fg_pair *pairs, size_t n_pairs)
{
    static const char *const hdr[] = {"机构", "机构", "共同分工条款"};
    static const unsigned char kind[] = {FG_CELL_NAME, FG_CELL_NAME, FG_CELL_NUM};
    size_t n = n_pairs < 30 ? n_pairs : 30;
    fg_str *s = r->s;
    int rc = FG_OK;

    R_RAW("<section><h2 id=\"pairs\">协作最密切的机构对</h2>\n<p class=\"note\">两个机构同时出现"
          "（不论牵头或配合）的分工条款数，取最多的 30 对。</p>\n");
    FG_TRY(fg_report__table_begin(s, "pair-table", "机构对", n, n <= 10, 1, 3, hdr, kind));
    for (size_t i = 0; i < n; i++) {
        char num[24];
        const char *cells[3];

        snprintf(num, sizeof num, "%zu", pairs[i].shared);
        cells[0] = fg_graph_agency(r->g, pairs[i].a);
        cells[1] = fg_graph_agency(r->g, pairs[i].b);
        cells[2] = num;
        FG_TRY(fg_report__row(s, 3, cells, kind));
    }
    FG_TRY(fg_report__table_end(s, r->names_fn));
    R_RAW("</section>\n");
out:
    return rc;
}

int fg_report__unresolved(fg_report_ctx *r)
{
    static const char *const hdr[] = {"名称", "次数", "出现的文件"};
    static const unsigned char kind[] = {FG_CELL_NAME, FG_CELL_NUM, FG_CELL_TEXT};
    fg_str *s = r->s;
    int rc = FG_OK;

    R_RAW("<section><h2 id=\"unresolved\">机构名录尚未收录的名称</h2>\n");
    if (r->n_unresolved == 0) {
        R_RAW("<p class=\"note\">全部机构名称均已在机构名录中。</p></section>\n");
        goto out;
    }
    R_RAW("<p class=\"note\">这些名称按原文计入分析；把它们加入机构名录（fengong agencies "
          "--unresolved 列出，--gazetteer FILE 补充）后可与同一机构的其他写法合并。</p>\n");
    FG_TRY(fg_report__table_begin(s, "unresolved-table", "未收录的名称", r->n_unresolved,
                                  r->n_unresolved <= 10, 1, 3, hdr, kind));
    for (size_t i = 0; i < r->n_unresolved; i++) {
        const fg_report_unresolved *u = &r->unresolved[i];
        char n[24];
        const char *c[3] = {u->name, n, u->docs};

        snprintf(n, sizeof n, "%zu", u->n);
        FG_TRY(fg_report__row(s, 3, c, kind));
    }
    FG_TRY(fg_report__table_end(s, NULL));
    R_RAW("</section>\n");
out:
    return rc;
}
