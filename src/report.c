/*
 * The HTML report: one file with everything inline (CSS, a small script, SVG charts and the
 * maps from render.c), so that it opens offline and can be emailed. Every piece of text
 * from the store goes through html(), which escapes & < > " '; the maps are Graphviz SVG
 * (already escaped by Graphviz) with their XML prolog and DOCTYPE removed.
 */
#include "fengong/report.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "str.h"

/* Append text with HTML escaping. */
static int html(fg_str *s, const char *t)
{
    int rc = FG_OK;

    for (const char *p = t; *p && rc == FG_OK; p++) {
        switch (*p) {
        case '&':
            rc = fg_str_append(s, "&amp;", 5);
            break;
        case '<':
            rc = fg_str_append(s, "&lt;", 4);
            break;
        case '>':
            rc = fg_str_append(s, "&gt;", 4);
            break;
        case '"':
            rc = fg_str_append(s, "&quot;", 6);
            break;
        case '\'':
            rc = fg_str_append(s, "&#39;", 5);
            break;
        default:
            rc = fg_str_appendc(s, *p);
        }
    }
    return rc;
}

static int raw(fg_str *s, const char *t)
{
    return fg_str_append(s, t, strlen(t));
}

static int rawf(fg_str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int rawf(fg_str *s, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return fg_error_set(FG_EINVAL, "report: format error");
    return fg_str_append(s, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* A table row of cells; numeric cells get class "n". */
static int row(fg_str *s, size_t n, const char *const *cells, const unsigned char *numeric)
{
    int rc = raw(s, "<tr>");

    for (size_t i = 0; i < n && rc == FG_OK; i++) {
        rc = raw(s, numeric && numeric[i] ? "<td class=\"n\">" : "<td>");
        if (rc == FG_OK)
            rc = html(s, cells[i]);
        if (rc == FG_OK)
            rc = raw(s, "</td>");
    }
    return rc == FG_OK ? raw(s, "</tr>\n") : rc;
}

static int head_row(fg_str *s, size_t n, const char *const *cells)
{
    int rc = raw(s, "<thead><tr>");

    for (size_t i = 0; i < n && rc == FG_OK; i++) {
        rc = raw(s, "<th>");
        if (rc == FG_OK)
            rc = html(s, cells[i]);
        if (rc == FG_OK)
            rc = raw(s, "</th>");
    }
    return rc == FG_OK ? raw(s, "</tr></thead>\n<tbody>\n") : rc;
}

/* ---- documents and unresolved names (straight from the store) ---- */

typedef struct rows_ctx {
    fg_str *s;
    int rc;
    size_t n;
} rows_ctx;

/* name, doc_number, year, date, items, clauses, assignments, teams, title, … */
static int on_document(size_t n_cols, const char *const *c, void *p)
{
    rows_ctx *r = p;
    static const unsigned char num[] = {0, 0, 0, 1, 1, 1, 1};
    const char *cells[7];

    if (n_cols < 10)
        return 0;
    cells[0] = c[1];
    cells[1] = c[9];
    cells[2] = c[2];
    cells[3] = c[4];
    cells[4] = c[5];
    cells[5] = c[6];
    cells[6] = c[7];
    r->rc = row(r->s, 7, cells, num);
    r->n++;
    return r->rc < 0;
}

static int on_unresolved(size_t n_cols, const char *const *c, void *p)
{
    rows_ctx *r = p;
    static const unsigned char num[] = {0, 1, 0};

    if (n_cols < 3)
        return 0;
    r->rc = row(r->s, 3, c, num);
    r->n++;
    return r->rc < 0;
}

/* ---- charts ---- */

static int cmp_desc(const void *a, const void *b)
{
    size_t x = *(const size_t *)a;
    size_t y = *(const size_t *)b;

    return x > y ? -1 : x < y;
}

/* Lorenz curve of lead counts (agencies from fewest to most leads). */
static int lorenz_svg(fg_str *s, const fg_load_row *rows, size_t n, size_t total)
{
    size_t *v = malloc((n + 1) * sizeof *v);
    const double w = 320;
    const double h = 240;
    double cum = 0;
    int rc = FG_OK;

    if (v == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        v[i] = rows[i].lead;
    qsort(v, n, sizeof *v, cmp_desc);
    FG_TRY(rawf(s, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\""
                   " role=\"img\" aria-label=\"Lorenz curve\">", w + 50, h + 40, w + 50, h + 40));
    FG_TRY(rawf(s, "<rect x=\"40\" y=\"10\" width=\"%.0f\" height=\"%.0f\" fill=\"#f8fafc\" "
                   "stroke=\"#94a3b8\"/>", w, h));
    FG_TRY(rawf(s, "<line x1=\"40\" y1=\"%.0f\" x2=\"%.0f\" y2=\"10\" stroke=\"#94a3b8\" "
                   "stroke-dasharray=\"4 3\"/>", h + 10, w + 40));
    FG_TRY(rawf(s, "<polyline fill=\"none\" stroke=\"#dc2626\" stroke-width=\"2\" points=\"40,%.1f",
                h + 10));
    for (size_t i = 0; i < n; i++) {
        /* ascending: walk the descending array backwards */
        cum += (double)v[n - 1 - i];
        FG_TRY(rawf(s, " %.1f,%.1f", 40 + w * (double)(i + 1) / (double)n,
                    10 + h - h * (total ? cum / (double)total : 0)));
    }
    FG_TRY(raw(s, "\"/>"));
    FG_TRY(rawf(s, "<text x=\"40\" y=\"%.0f\" font-size=\"11\">机构（按牵头数从少到多）</text>",
                h + 30));
    FG_TRY(raw(s, "<text x=\"2\" y=\"20\" font-size=\"11\">100%</text>"));
    FG_TRY(raw(s, "</svg>\n"));
out:
    free(v);
    return rc;
}

/* Bar chart of the 20 biggest lead counts. */
static int bars_svg(fg_str *s, const fg_graph *g, const fg_load_row *rows, size_t n)
{
    size_t k = n < 20 ? n : 20;
    double max = k ? (double)rows[0].lead : 1;
    const double bar = 18;
    int rc = FG_OK;

    if (max < 1)
        max = 1;
    FG_TRY(rawf(s, "<svg class=\"chart\" viewBox=\"0 0 520 %.0f\" width=\"520\" height=\"%.0f\""
                   " role=\"img\" aria-label=\"lead counts\">", bar * (double)k + 10,
                bar * (double)k + 10));
    for (size_t i = 0; i < k; i++) {
        double y = 5 + bar * (double)i;
        double len = 300.0 * (double)rows[i].lead / max;

        FG_TRY(rawf(s, "<text x=\"168\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", y + 13));
        FG_TRY(html(s, fg_graph_agency(g, rows[i].agency)));
        FG_TRY(raw(s, "</text>"));
        FG_TRY(rawf(s, "<rect x=\"174\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" "
                       "fill=\"#2563eb\"/>", y + 2, len, bar - 5));
        FG_TRY(rawf(s, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%zu</text>", 178 + len,
                    y + 13, rows[i].lead));
    }
    FG_TRY(raw(s, "</svg>\n"));
out:
    return rc;
}

/* An SVG map without its XML prolog, DOCTYPE and comments, ready to inline. */
static int inline_svg(fg_str *s, const fg_map *m)
{
    const char *p = strstr(m->data, "<svg");

    if (p == NULL)
        return fg_error_set(FG_ERENDER, "report: the map is not SVG");
    return fg_str_append(s, p, m->len - (size_t)(p - m->data));
}

/* (document, team) pairs, each string malloc'd: v[2k] the document, v[2k+1] the team. */
typedef struct team_names {
    char **v;
    size_t n;     /* pairs */
    size_t cap;   /* pairs */
} team_names;

static char *copy_str(const char *s)
{
    char *p = malloc(strlen(s) + 1);

    if (p)
        memcpy(p, s, strlen(s) + 1);
    return p;
}

static int on_team_name(const char *doc, const char *team, void *p)
{
    team_names *t = p;

    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **v = realloc(t->v, 2 * cap * sizeof *v);

        if (v == NULL)
            return 1;
        t->v = v;
        t->cap = cap;
    }
    t->v[2 * t->n] = copy_str(doc);
    t->v[2 * t->n + 1] = copy_str(team);
    t->n++;
    return t->v[2 * t->n - 2] == NULL || t->v[2 * t->n - 1] == NULL;
}

static const char css[] =
    "body{font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK "
    "SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",sans-serif;margin:2em auto;max-width:"
    "1200px;color:#0f172a;line-height:1.5}h1{font-size:1.6em}h2{margin-top:2em;border-bottom:"
    "1px solid #cbd5e1}table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{"
    "border:1px solid #e2e8f0;padding:.2em .5em;text-align:left}th{background:#f1f5f9;cursor:"
    "pointer;user-select:none}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".charts{display:flex;flex-wrap:wrap;gap:2em}.map{overflow:auto;border:1px solid #e2e8f0;"
    "margin:1em 0}.map svg{max-width:100%;height:auto}#q{font-size:1em;padding:.3em;width:"
    "24em}.summary td:first-child{color:#475569}.note{color:#64748b;font-size:.9em}";

static const char script[] =
    "document.querySelectorAll('table.sortable th').forEach(function(th,i){th.addEventListener("
    "'click',function(){var t=th.closest('table'),b=t.tBodies[0],r=Array.prototype.slice.call("
    "b.rows),d=th.dataset.dir==='asc'?-1:1;th.dataset.dir=d===1?'asc':'desc';r.sort(function(x,"
    "y){var a=x.cells[i].textContent,c=y.cells[i].textContent,p=parseFloat(a),q=parseFloat(c);"
    "if(!isNaN(p)&&!isNaN(q))return(p-q)*d;return a.localeCompare(c,'zh')*d;});r.forEach("
    "function(e){b.appendChild(e);});});});"
    "document.getElementById('q').addEventListener('input',function(){var q=this.value.trim();"
    "document.querySelectorAll('table.filterable tbody tr').forEach(function(tr){tr.style."
    "display=!q||tr.textContent.indexOf(q)>=0?'':'none';});});";

int fg_report_html(char **out, size_t *len, fg_store *st, const fg_gazetteer *gz,
                   const fg_filter *filter, fg_renderer *r, const fg_report_opts *opts)
{
    fg_report_opts def = FG_REPORT_OPTS_INIT;
    fg_str s = FG_STR_INIT;
    fg_graph *g = NULL;
    fg_load_row *load = NULL;
    size_t n_load = 0;
    fg_balance bal;
    fg_centrality_row *cen = NULL;
    size_t n_cen = 0;
    fg_community *com = NULL;
    size_t n_com = 0;
    double q = 0;
    fg_pair *pairs = NULL;
    size_t n_pairs = 0;
    fg_map *m = NULL;
    team_names tn = {NULL, 0, 0};
    fg_centrality_opts co = FG_CENTRALITY_OPTS_INIT;
    fg_centrality_info cinfo;
    rows_ctx rcx;
    char c[8][48];
    int rc = FG_OK;

    *out = NULL;
    *len = 0;
    if (opts == NULL)
        opts = &def;
    FG_TRY(fg_graph_load(&g, st, gz, filter));
    FG_TRY(fg_analysis_load(&load, &n_load, &bal, g));
    co.seed = opts->seed;
    co.sample = opts->path_sample;
    if (co.sample == 0 && fg_graph_paths_are_costly(g))
        co.sample = FG_REPORT_AUTO_SAMPLE;
    FG_TRY(fg_analysis_centrality_opts(&cen, &n_cen, &cinfo, g, &co));
    FG_TRY(fg_analysis_communities(&com, &n_com, &q, g, opts->seed));
    FG_TRY(fg_analysis_pairs(&pairs, &n_pairs, g));

    FG_TRY(raw(&s, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width\">"
                   "<title>分工协作分析报告 · fengong</title><style>"));
    FG_TRY(raw(&s, css));
    FG_TRY(raw(&s, "</style></head><body>\n<h1>分工协作分析报告</h1>\n"));
    FG_TRY(rawf(&s, "<p class=\"note\">%zu 个机构，%zu 项任务，%zu 个牵头；由 fengong 根据已入库的文件生成。"
                    "</p>\n", bal.n_agencies, bal.n_tasks, bal.total_leads));
    FG_TRY(raw(&s, "<p><label>检索机构与任务：<input id=\"q\" type=\"search\" "
                   "placeholder=\"输入机构或任务关键词\"></label></p>\n"));

    /* Documents */
    {
        static const char *const hdr[] = {"文号", "标题", "年份", "条目", "任务", "分工", "专班"};

        FG_TRY(raw(&s, "<h2 id=\"documents\">文件</h2>\n<table class=\"sortable filterable\">"));
        FG_TRY(head_row(&s, 7, hdr));
        rcx.s = &s;
        rcx.rc = FG_OK;
        rcx.n = 0;
        FG_TRY(fg_store_documents(st, on_document, &rcx));
        FG_TRY(rcx.rc);
        FG_TRY(raw(&s, "</tbody></table>\n"));
    }
    /* Workload */
    {
        static const char *const hdr[] = {"机构", "牵头", "配合", "合计", "牵头占比", "文件数"};
        static const unsigned char num[] = {0, 1, 1, 1, 1, 1};

        FG_TRY(raw(&s, "<h2 id=\"load\">工作负荷</h2>\n<table id=\"workload\" "
                       "class=\"sortable filterable\">"));
        FG_TRY(head_row(&s, 6, hdr));
        for (size_t i = 0; i < n_load; i++) {
            const char *cells[6];

            snprintf(c[0], sizeof c[0], "%zu", load[i].lead);
            snprintf(c[1], sizeof c[1], "%zu", load[i].co);
            snprintf(c[2], sizeof c[2], "%zu", load[i].total);
            snprintf(c[3], sizeof c[3], "%.1f%%", 100.0 * load[i].lead_share);
            snprintf(c[4], sizeof c[4], "%zu", load[i].documents);
            cells[0] = fg_graph_agency(g, load[i].agency);
            for (size_t k = 0; k < 5; k++)
                cells[k + 1] = c[k];
            FG_TRY(row(&s, 6, cells, num));
        }
        FG_TRY(raw(&s, "</tbody></table>\n<table class=\"summary\"><tbody>"));
        FG_TRY(rawf(&s, "<tr><td>牵头数基尼系数</td><td class=\"n\">%.3f</td></tr>", bal.gini));
        FG_TRY(rawf(&s, "<tr><td>牵头数 HHI</td><td class=\"n\">%.4f</td></tr>", bal.hhi));
        FG_TRY(rawf(&s, "<tr><td>前五名牵头占比</td><td class=\"n\">%.1f%%</td></tr>",
                    100.0 * bal.top5_share));
        FG_TRY(rawf(&s, "<tr><td>无牵头单位的任务</td><td class=\"n\">%zu</td></tr>",
                    bal.tasks_no_lead));
        FG_TRY(rawf(&s, "<tr><td>牵头单位多于三个的任务</td><td class=\"n\">%zu</td></tr>",
                    bal.tasks_over3_leads));
        FG_TRY(rawf(&s, "<tr><td>只配合、从不牵头的机构</td><td class=\"n\">%zu</td></tr>",
                    bal.co_only));
        FG_TRY(raw(&s, "</tbody></table>\n<div class=\"charts\"><figure>"));
        FG_TRY(lorenz_svg(&s, load, n_load, bal.total_leads));
        FG_TRY(raw(&s, "<figcaption>牵头任务的洛伦兹曲线（虚线为完全均衡）</figcaption></figure><figure>"));
        FG_TRY(bars_svg(&s, g, load, n_load));
        FG_TRY(raw(&s, "<figcaption>牵头任务最多的机构</figcaption></figure></div>\n"));
    }
    /* Centrality */
    {
        static const char *const hdr[] = {"机构", "度", "强度", "介数", "调和中心性",
                                          "特征向量", "PageRank"};
        static const unsigned char num[] = {0, 1, 1, 1, 1, 1, 1};

        FG_TRY(raw(&s, "<h2 id=\"centrality\">中心性</h2>\n<p class=\"note\">机构投影网络：两机构每共同承担一项任务连一次；"
                       "权重为共同任务数，距离为其倒数。</p>"));
        if (cinfo.sampled)
            FG_TRY(rawf(&s, "<p class=\"note\">介数与调和中心性为抽样估计：从 %zu 个机构中"
                            "随机取 %zu 个起点（种子 %lu），按比例放大。</p>",
                        n_cen, cinfo.sources, opts->seed));
        FG_TRY(raw(&s, "<table class=\"sortable filterable\">"));
        FG_TRY(head_row(&s, 7, hdr));
        for (size_t i = 0; i < n_cen; i++) {
            const char *cells[7];

            snprintf(c[0], sizeof c[0], "%zu", cen[i].degree);
            snprintf(c[1], sizeof c[1], "%.0f", cen[i].strength);
            snprintf(c[2], sizeof c[2], "%.1f", cen[i].betweenness);
            snprintf(c[3], sizeof c[3], "%.2f", cen[i].harmonic);
            snprintf(c[4], sizeof c[4], "%.4f", cen[i].eigenvector);
            snprintf(c[5], sizeof c[5], "%.4f", cen[i].pagerank);
            cells[0] = fg_graph_agency(g, cen[i].agency);
            for (size_t k = 0; k < 6; k++)
                cells[k + 1] = c[k];
            FG_TRY(row(&s, 7, cells, num));
        }
        FG_TRY(raw(&s, "</tbody></table>\n"));
    }
    /* Communities */
    FG_TRY(rawf(&s, "<h2 id=\"communities\">协作社群</h2>\n<p class=\"note\">Leiden 算法（模块度 %.3f，种子 %lu）。"
                    "</p><table class=\"filterable\">", q, opts->seed));
    {
        static const char *const hdr[] = {"社群", "核心机构", "成员", "维系社群的任务"};

        FG_TRY(head_row(&s, 4, hdr));
        for (size_t i = 0; i < n_com; i++) {
            FG_TRY(rawf(&s, "<tr><td class=\"n\">%zu</td><td>", i + 1));
            FG_TRY(html(&s, fg_graph_agency(g, com[i].central)));
            FG_TRY(raw(&s, "</td><td>"));
            for (size_t k = 0; k < com[i].n_members; k++) {
                if (k)
                    FG_TRY(raw(&s, "、"));
                FG_TRY(html(&s, fg_graph_agency(g, com[i].members[k])));
            }
            FG_TRY(raw(&s, "</td><td>"));
            for (size_t k = 0; k < com[i].n_tasks && k < 3; k++) {
                if (k)
                    FG_TRY(raw(&s, "；"));
                FG_TRY(html(&s, fg_graph_task(g, com[i].tasks[k])->title));
            }
            FG_TRY(raw(&s, "</td></tr>\n"));
        }
        FG_TRY(raw(&s, "</tbody></table>\n"));
    }
    /* Pairs */
    {
        static const char *const hdr[] = {"机构", "机构", "共同任务"};
        static const unsigned char num[] = {0, 0, 1};

        FG_TRY(raw(&s, "<h2 id=\"pairs\">协作最密切的机构对</h2>\n<table class=\"sortable filterable\">"));
        FG_TRY(head_row(&s, 3, hdr));
        for (size_t i = 0; i < n_pairs && i < 30; i++) {
            const char *cells[3];

            snprintf(c[0], sizeof c[0], "%zu", pairs[i].shared);
            cells[0] = fg_graph_agency(g, pairs[i].a);
            cells[1] = fg_graph_agency(g, pairs[i].b);
            cells[2] = c[0];
            FG_TRY(row(&s, 3, cells, num));
        }
        FG_TRY(raw(&s, "</tbody></table>\n"));
    }
    /* Maps */
    FG_TRY(raw(&s, "<h2 id=\"teams\">工作专班</h2>\n"));
    FG_TRY(fg_render_team_names(st, on_team_name, &tn));
    if (tn.n == 0)
        FG_TRY(raw(&s, "<p class=\"note\">已入库的文件中没有工作专班。</p>\n"));
    if (tn.n > opts->max_teams)
        FG_TRY(rawf(&s, "<p class=\"note\">共 %zu 个工作专班，此处绘出前 %zu 个，其余列于下表；"
                        "fengong render team --all 可全部绘出。</p>\n", tn.n, opts->max_teams));
    for (size_t i = 0; i < tn.n && i < opts->max_teams; i++) {
        fg_render_opts ro = FG_RENDER_OPTS_INIT;

        FG_TRY(raw(&s, "<h3>"));
        FG_TRY(html(&s, tn.v[2 * i + 1]));
        FG_TRY(raw(&s, "</h3><div class=\"map\">"));
        FG_TRY(fg_render_team(&m, r, st, gz, tn.v[2 * i], tn.v[2 * i + 1], &ro));
        FG_TRY(inline_svg(&s, m));
        fg_map_free(m);
        m = NULL;
        FG_TRY(raw(&s, "</div>\n"));
    }
    if (tn.n > opts->max_teams) {
        static const char *const hdr[] = {"文件", "工作专班"};

        FG_TRY(raw(&s, "<table class=\"sortable filterable\">"));
        FG_TRY(head_row(&s, 2, hdr));
        for (size_t i = opts->max_teams; i < tn.n; i++) {
            const char *cells[2] = {tn.v[2 * i], tn.v[2 * i + 1]};

            FG_TRY(row(&s, 2, cells, NULL));
        }
        FG_TRY(raw(&s, "</tbody></table>\n"));
    }
    if (fg_graph_n_agencies(g) > 0) {
        fg_render_opts ro = FG_RENDER_OPTS_INIT;

        FG_TRY(raw(&s, "<h2 id=\"network\">协作网络</h2>\n<div class=\"map\">"));
        FG_TRY(fg_render_network(&m, r, g, 1, opts->network_top, &ro));
        FG_TRY(inline_svg(&s, m));
        fg_map_free(m);
        m = NULL;
        FG_TRY(raw(&s, "</div>\n"));
    }
    /* Unresolved names */
    {
        static const char *const hdr[] = {"名称", "次数", "出现的文件"};

        FG_TRY(raw(&s, "<h2 id=\"unresolved\">机构名录尚未收录的名称</h2>\n<table class=\"filterable\">"));
        FG_TRY(head_row(&s, 3, hdr));
        rcx.s = &s;
        rcx.rc = FG_OK;
        rcx.n = 0;
        FG_TRY(fg_store_agencies(st, 1, on_unresolved, &rcx));
        FG_TRY(rcx.rc);
        FG_TRY(raw(&s, "</tbody></table>\n"));
        if (rcx.n == 0)
            FG_TRY(raw(&s, "<p class=\"note\">全部机构名称均已在机构名录中。</p>\n"));
    }
    FG_TRY(raw(&s, "<script>"));
    FG_TRY(raw(&s, script));
    FG_TRY(raw(&s, "</script>\n</body></html>\n"));
    *len = s.len;
    *out = fg_str_steal(&s);
    if (*out == NULL)
        rc = fg_error_set(FG_ENOMEM, "out of memory");
out:
    fg_str_dispose(&s);
    fg_map_free(m);
    for (size_t i = 0; i < 2 * tn.n; i++)
        free(tn.v[i]);
    free(tn.v);
    free(load);
    free(cen);
    fg_communities_free(com, n_com);
    free(pairs);
    fg_graph_free(g);
    return rc;
}
