/*
 * The HTML report: one file with everything inline (CSS, a small script, SVG charts and the
 * maps from render.c), so that it opens offline and can be emailed. The answer comes first:
 * a summary (counts, the five biggest leaders, the balance figures, the two charts), then
 * the maps and the long tables, each collapsible. Counts use one vocabulary, stated in the
 * report: 条目 (item, a numbered paragraph), 任务 (task, an item with at least one clause),
 * 分工条款 (clause, one statement of who leads and who shares); the analysis graph has a
 * vertex per clause. Agencies follow renamings to their newest name unless opts->as_written
 * or the filter's as_of says otherwise. Every piece of text from the store is escaped by
 * fg_report__html(); the maps are Graphviz SVG with their XML prolog removed.
 */
#include "fengong/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_int.h"
#include "error.h"
#include "grow.h"
#include "report_int.h"

/* The graph's tasks (items), and those none of whose clauses names a lead. */
static int count_graph_tasks(fg_report_ctx *r)
{
    size_t n = fg_graph_n_tasks(r->g);
    unsigned char *has_lead = calloc(n + 1, 1);
    int item_lead = 0;

    if (has_lead == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < fg_graph_n_edges(r->g); i++) {
        size_t t;
        size_t a;
        fg_role role;

        fg_graph_edge(r->g, i, &t, &a, &role);
        if (role == FG_ROLE_LEAD)
            has_lead[t] = 1;
    }
    for (size_t t = 0; t < n; t++) {
        const fg_task_info *x = fg_graph_task(r->g, t);
        const fg_task_info *prev = t ? fg_graph_task(r->g, t - 1) : NULL;

        if (prev == NULL || strcmp(prev->doc, x->doc) != 0 || strcmp(prev->item, x->item) != 0) {
            if (prev && !item_lead)
                r->g_tasks_no_lead++;
            r->g_tasks++;
            item_lead = 0;
        }
        item_lead |= has_lead[t];
    }
    if (n && !item_lead)
        r->g_tasks_no_lead++;
    free(has_lead);
    return FG_OK;
}

static const char *const fn_newest =
    "机构名称已按机构名录的更名关系合并为最新名称（见概要的注）。";
static const char *const fn_year = "机构名称已按所选年份的名称合并（见概要的注）。";
static const char *const fn_written = "机构名称按文件原文（经机构名录规范为全称），未合并更名。";

/* The title, and what the report covers when a filter narrows it. */
static int write_header(fg_report_ctx *r)
{
    static const char *const roles[] = {"", "只计牵头单位", "只计配合单位"};
    fg_str *s = r->s;
    int rc = FG_OK;

    R_RAW("<header><h1>分工协作分析报告</h1>\n<p class=\"note\">由 fengong 根据已入库的文件生成");
    if (r->f->n_docs)
        R_F("，只含所选的 %zu 份文件", r->f->n_docs);
    if (r->f->year)
        R_F("，只含 %d 年的文件", r->f->year);
    if (r->f->roles == FG_ROLES_LEAD || r->f->roles == FG_ROLES_CO)
        R_F("，%s", roles[r->f->roles]);
    if (r->f->level) {
        R_RAW("，只计级别为 ");
        R_HTML(r->f->level);
        R_RAW(" 的机构");
    }
    if (r->f->include_generic)
        R_RAW("，含“有关部门”等泛称");
    R_RAW("。先列结论（概要与图），后附明细表（点击展开）。</p></header>\n");
out:
    return rc;
}

static int write_summary(fg_report_ctx *r, const fg_load_row *load, size_t n_load,
                         const fg_balance *bal)
{
    fg_str *s = r->s;
    size_t with_clauses = 0;
    char b[3][32];
    int rc = FG_OK;

    for (size_t i = 0; i < r->n_docs; i++)
        with_clauses += r->docs[i].tasks > 0;
    R_RAW("<section id=\"summary\"><h2>概要</h2>\n<div class=\"kpis\">");
    R_F("<div class=\"kpi\"><b>%zu</b><span>份文件（%zu 份含分工条款）</span></div>",
        r->n_docs, with_clauses);
    R_F("<div class=\"kpi\"><b>%zu</b><span>个条目</span></div>", r->items);
    R_F("<div class=\"kpi\"><b>%zu</b><span>项任务</span></div>", r->tasks);
    R_F("<div class=\"kpi\"><b>%zu</b><span>条分工条款</span></div>", r->clauses);
    R_F("<div class=\"kpi\"><b>%zu</b><span>个机构</span></div>", bal->n_agencies);
    R_F("<div class=\"kpi\"><b>%zu</b><span>次牵头</span></div></div>\n", bal->total_leads);
    R_RAW("<div class=\"defs\" id=\"terms\"><p><b>术语</b>　<b>条目</b>：文件中带编号的一段。"
          "<b>任务</b>：至少含一条分工条款的条目。<b>分工条款</b>：一句说明由谁牵头、谁配合的表述，"
          "如“（省发展改革委牵头，省财政厅按职责分工负责）”；一项任务可有几条分工条款。</p>"
          "<p>本报告的牵头、配合与共同承担次数都按分工条款计："
          "一个机构在一条分工条款中被写为牵头单位，"
          "计一次牵头。");
    if (bal->n_tasks != r->clauses)
        R_F("%zu 条分工条款中 %zu 条（%zu 项任务）计入分析，其余只涉及“有关部门”“各成员单位”等泛称"
            "或被筛选条件排除。", r->clauses, bal->n_tasks, r->g_tasks);
    R_RAW("</p></div>\n<div class=\"cols\"><div><h3 class=\"box\">牵头最多的五个机构</h3>"
          "<table class=\"kv\" id=\"top5\"><thead><tr><th class=\"n\">名次</th><th class=\"nm\">"
          "机构</th><th class=\"n\">牵头条款</th><th class=\"n\">占全部牵头</th></tr></thead>"
          "<tbody>");
    for (size_t i = 0; i < n_load && i < 5 && load[i].lead > 0; i++) {
        R_F("<tr><td class=\"n\">%zu</td><td class=\"nm\">", i + 1);
        R_HTML(fg_graph_agency(r->g, load[i].agency));
        R_F("</td><td class=\"n\">%zu</td><td class=\"n\">%s</td></tr>", load[i].lead,
            fg_report__pct(b[0], sizeof b[0], load[i].lead_share));
    }
    R_RAW("</tbody></table></div>\n<div><h3 class=\"box\">均衡程度</h3><table class=\"kv\" "
          "id=\"balance\"><tbody>");
    R_F("<tr><td>牵头次数的基尼系数</td><td class=\"n\">%s</td></tr>",
        fg_report__fixed(b[0], sizeof b[0], bal->gini, 3));
    R_F("<tr><td>牵头次数的 HHI</td><td class=\"n\">%s</td></tr>",
        fg_report__fixed(b[1], sizeof b[1], bal->hhi, 4));
    R_F("<tr><td>前五名机构的牵头占比</td><td class=\"n\">%s</td></tr>",
        fg_report__pct(b[2], sizeof b[2], bal->top5_share));
    R_F("<tr><td>无牵头单位的任务（共 %zu 项）</td><td class=\"n\">%zu</td></tr>", r->g_tasks,
        r->g_tasks_no_lead);
    R_F("<tr><td>无牵头单位的分工条款（共 %zu 条）</td><td class=\"n\">%zu</td></tr>",
        bal->n_tasks, bal->tasks_no_lead);
    R_F("<tr><td>牵头单位多于三个的分工条款</td><td class=\"n\">%zu</td></tr>",
        bal->tasks_over3_leads);
    R_F("<tr><td>只配合、从不牵头的机构</td><td class=\"n\">%zu</td></tr>", bal->co_only);
    R_RAW("</tbody></table></div></div>\n<div class=\"charts\"><figure id=\"fig-lorenz\">");
    FG_TRY(fg_report__lorenz_svg(s, load, n_load, bal->total_leads));
    R_F("<figcaption>图1　牵头次数的洛伦兹曲线。把 %zu 个机构按牵头条款数从少到多排列，横轴为机构的"
        "累计占比，纵轴为这些机构的牵头次数占全部 %zu 次牵头的比例。"
        "虚线为各机构牵头次数相同的完全均衡；"
        "曲线越远离虚线，牵头越集中。基尼系数 %s 等于虚线与曲线之间面积的两倍。</figcaption>",
        bal->n_agencies, bal->total_leads, fg_report__fixed(b[0], sizeof b[0], bal->gini, 3));
    R_RAW("</figure><figure id=\"fig-bars\">");
    FG_TRY(fg_report__bars_svg(s, r->g, load, n_load, 20));
    R_F("<figcaption>图2　牵头条款数最多的 %zu 个机构。条长为该机构被写为牵头单位的分工条款数"
        "（一条条款写了几个牵头单位，各计一次；一项任务的几条条款分别计数）。</figcaption>",
        n_load < 20 ? n_load : 20);
    R_RAW("</figure></div>\n<p class=\"fn\" id=\"fn-names\">注：");
    if (r->as_of == 0) {
        R_RAW(fn_written);
    } else {
        if (r->as_of >= FG_REPORT_NEWEST)
            R_RAW("机构更名按机构名录的承继关系跟随到最新名称，更名前后的名称合并统计");
        else
            R_F("机构更名按机构名录的承继关系跟随到 %d 年的名称，更名前后的名称合并统计", r->as_of);
        if (r->n_renames) {
            R_RAW("：");
            for (size_t i = 0; i < r->n_renames; i++) {
                R_RAW(i ? "；" : "");
                R_HTML(r->renames[i].old_name);
                R_RAW(" → ");
                R_HTML(r->renames[i].new_name);
            }
        }
        R_RAW("。按文件原名统计请用 fengong report --as-written。");
    }
    R_RAW("</p></section>\n<p><label>检索机构与任务：<input id=\"q\" type=\"search\" "
          "placeholder=\"输入机构或任务关键词\"></label> <span class=\"note\">"
          "（筛选下列各表，并展开有匹配的表）</span></p>\n");
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

static int write_network(fg_report_ctx *r, fg_renderer *rr)
{
    fg_render_opts ro = FG_RENDER_OPTS_INIT;
    fg_map *m = NULL;
    fg_str *s = r->s;
    size_t n = fg_graph_n_agencies(r->g);
    size_t top = r->opts->network_top && r->opts->network_top < n ? r->opts->network_top : n;
    int rc = FG_OK;

    if (n == 0)
        return FG_OK;
    ro.seed = r->opts->seed; /* the communities of the tables */
    R_RAW("<section><h2 id=\"network\">协作网络</h2>\n"
          "<figure id=\"fig-network\"><div class=\"map\">");
    FG_TRY(fg_render_network(&m, rr, r->g, 1, r->opts->network_top, &ro));
    FG_TRY(inline_svg(s, m));
    fg_map_free(m);
    m = NULL;
    R_F("</div><figcaption>图3　机构协作网络的骨干。节点为协作强度（与其他机构共同承担的分工条款数"
        "之和）最大的 %zu 个机构（共 %zu 个），圆的面积与牵头条款数成正比；同色的圆为一个 Leiden "
        "协作社群，聚成一块，以核心机构命名（见“协作社群”）。两个机构每共同出现在一条分工条款中，"
        "连线权重加一，线越粗共同条款越多；只画骨干：对至少一端显著的连线（差异过滤法，Serrano 等 "
        "2009，α = 0.05），每个机构至少保留最强的一条，图例注明画出的权重占比。"
        "由 Graphviz neato 布局。</figcaption></figure>\n", top, n);
    R_RAW("<figure id=\"fig-matrix\"><div class=\"map\">");
    FG_TRY(fg_render_matrix(&m, r->g, r->opts->network_top, &ro));
    FG_TRY(inline_svg(s, m));
    R_F("</div><figcaption>图4　机构协作矩阵，连线太密、网络图看不清时用。行与列为同样的 %zu 个"
        "机构，按 Leiden 协作社群（从大到小）排列，社群内按协作强度排列，框线标出社群；格子颜色越深，"
        "两个机构共同承担的分工条款越多（格内数字为条款数）；对角线为该机构本身参与的分工条款数。"
        "</figcaption></figure></section>\n", top);
out:
    fg_map_free(m);
    return rc;
}

static int write_teams(fg_report_ctx *r, fg_renderer *rr)
{
    const fg_report_team *t = r->teams;
    size_t n = r->n_teams;
    fg_map *m = NULL;
    fg_str *s = r->s;
    size_t max = r->opts->max_teams;
    int rc = FG_OK;

    R_RAW("<section><h2 id=\"teams\">工作专班</h2>\n");
    if (n == 0)
        R_RAW("<p class=\"note\">本报告涵盖的文件中没有工作专班。</p>\n");
    else
        R_RAW("<p class=\"note\">每张图根据文件中“召集人、副召集人单位、成员单位、专班办公室设在”"
              "的表述绘制：黄色为召集人，橙色为副召集人单位，灰色为成员单位，"
              "红色双框为专班办公室所在单位；“牵头 / 配合”为该单位在专班所属方案中"
              "被写为牵头、配合单位的分工条款数；灰线连接"
              "在该方案中共同承担分工条款的两个单位，线越粗条款越多（最多画 60 条）。"
              "由 Graphviz 布局。</p>\n");
    if (n > max)
        R_F("<p class=\"note\">共 %zu 个工作专班，此处绘出前 %zu 个，其余列于下表；"
            "fengong render team --all 可全部绘出。</p>\n", n, max);
    for (size_t i = 0; i < n && i < max; i++) {
        fg_render_opts ro = FG_RENDER_OPTS_INIT;

        ro.as_of = r->as_of; /* members under the report's names */
        R_RAW("<h3>");
        R_HTML(t[i].name);
        R_RAW("</h3><figure><div class=\"map\">");
        FG_TRY(fg_render_team(&m, rr, t[i].view, r->gz, &ro));
        FG_TRY(inline_svg(s, m));
        fg_map_free(m);
        m = NULL;
        R_F("</div><figcaption>图%zu　", 5 + i);
        R_HTML(t[i].name);
        R_RAW("（");
        R_HTML(t[i].doc);
        R_RAW("）的成员与协作，画法见本节开头。</figcaption></figure>\n");
        r->n_team_figs++;
    }
    if (n > max) {
        static const char *const hdr[] = {"文件", "工作专班"};

        FG_TRY(fg_report__table_begin(s, NULL, "未绘出的工作专班", n - max, 0, 1, 2, hdr,
                                      NULL));
        for (size_t i = max; i < n; i++) {
            const char *cells[2] = {t[i].doc, t[i].name};

            FG_TRY(fg_report__row(s, 2, cells, NULL));
        }
        FG_TRY(fg_report__table_end(s, NULL));
    }
    R_RAW("</section>\n");
out:
    fg_map_free(m);
    return rc;
}

struct fg_report_model {
    fg_report_ctx r;        /* r.f and r.opts point at f and opts */
    fg_filter f;            /* its strings are the caller's */
    fg_report_opts opts;
};

void fg_report_model_free(fg_report_model *m)
{
    if (m == NULL)
        return;
    fg_report__unload(&m->r);
    free(m);
}

int fg_report_load(fg_report_model **out, fg_store *st, const fg_gazetteer *gz,
                   const fg_filter *filter, const fg_report_opts *opts)
{
    fg_report_opts def = FG_REPORT_OPTS_INIT;
    fg_filter nofilter = FG_FILTER_INIT;
    fg_report_model *m = calloc(1, sizeof *m);
    fg_report_ctx *r;
    int rc = FG_OK;

    *out = NULL;
    FG_CHECK_ALLOC(m);
    m->opts = opts ? *opts : def;
    m->f = filter ? *filter : nofilter;
    /* Renamed agencies are counted once, under their newest name, unless told otherwise. */
    if (gz == NULL || m->opts.as_written)
        m->f.as_of = 0;
    else if (m->f.as_of == 0)
        m->f.as_of = FG_REPORT_NEWEST;
    r = &m->r;
    r->gz = gz;
    r->f = &m->f;
    r->opts = &m->opts;
    r->as_of = m->f.as_of;
    r->names_fn = r->as_of == 0                   ? fn_written
                  : r->as_of >= FG_REPORT_NEWEST ? fn_newest
                                                  : fn_year;
    FG_TRY(fg_report__load(r, st));
    FG_TRY(count_graph_tasks(r));
    *out = m;
    m = NULL;
out:
    fg_report_model_free(m);
    return rc;
}

int fg_report_write(char **out, size_t *len, fg_report_model *m, fg_renderer *rr)
{
    fg_str buf = FG_STR_INIT;
    fg_str *s = &buf;
    fg_report_ctx *r = &m->r;
    const fg_report_opts *opts = r->opts;
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
    fg_centrality_opts co = FG_CENTRALITY_OPTS_INIT;
    fg_centrality_info cinfo;
    int rc = FG_OK;

    *out = NULL;
    *len = 0;
    r->s = s;
    r->n_team_figs = 0;
    FG_TRY(fg_analysis_load(&load, &n_load, &bal, r->g));
    co.seed = opts->seed;
    co.sample = opts->path_sample;
    if (co.sample == 0 && fg_graph_paths_are_costly(r->g))
        co.sample = FG_REPORT_AUTO_SAMPLE;
    FG_TRY(fg_analysis_centrality_opts(&cen, &n_cen, &cinfo, r->g, &co));
    FG_TRY(fg_analysis_communities(&com, &n_com, &q, r->g, opts->seed));
    FG_TRY(fg_analysis_pairs(&pairs, &n_pairs, r->g));

    FG_TRY(fg_report__head(s));
    FG_TRY(write_header(r));
    FG_TRY(write_summary(r, load, n_load, &bal));
    FG_TRY(write_network(r, rr));
    FG_TRY(fg_report__documents(r));
    FG_TRY(fg_report__workload(r, load, n_load));
    FG_TRY(fg_report__centrality(r, cen, n_cen, &cinfo));
    FG_TRY(fg_report__communities(r, com, n_com, q));
    FG_TRY(fg_report__pairs(r, pairs, n_pairs));
    FG_TRY(write_teams(r, rr));
    FG_TRY(fg_report__tracking(r, 5 + r->n_team_figs));
    FG_TRY(fg_report__unresolved(r));
    FG_TRY(fg_report__tail(s));
    *len = buf.len;
    *out = fg_str_steal(&buf);
    if (*out == NULL)
        rc = fg_error_set(FG_ENOMEM, "out of memory");
out:
    r->s = NULL;
    fg_str_dispose(&buf);
    free(load);
    free(cen);
    fg_communities_free(com, n_com);
    free(pairs);
    return rc;
}

int fg_report_html(char **out, size_t *len, fg_store *st, const fg_gazetteer *gz,
                   const fg_filter *filter, fg_renderer *rr, const fg_report_opts *opts)
{
    fg_report_model *m = NULL;
    int rc;

    *out = NULL;
    *len = 0;
    rc = fg_report_load(&m, st, gz, filter, opts);
    if (rc == FG_OK)
        rc = fg_report_write(out, len, m, rr);
    fg_report_model_free(m);
    return rc;
}
