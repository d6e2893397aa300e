/*
 * The report's section on the work after the 分工 (issue 18): a timeline of the dated
 * deadlines per lead agency, and small multiples of completion by lead agency from the
 * imported status tables (fengong progress import). Each part is written only when the
 * store holds its data; without either the section is left out. Agencies are named as the
 * rest of the report names them (renamings followed unless the report is as written).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "fengong/progress.h"
#include "grow.h"
#include "rank.h"
#include "report_int.h"

/* At most this many agencies get a row of the timeline or a panel of the small multiples. */
enum { TIMELINE_ROWS = 15, PANELS = 12, PANEL_COLS = 4 };

/* An agency's run of dots in the sorted dots: dots[first .. first + n). */
typedef struct agency_count {
    const char *agency;
    size_t first;
    size_t n;
} agency_count;

static int cmp_count(const void *a, const void *b)
{
    const agency_count *x = a, *y = b;
    int c = fg_larger_first(x->n, y->n);

    return c ? c : strcmp(x->agency, y->agency);
}

static int cmp_dot(const void *a, const void *b)
{
    const fg_report_dot *x = a, *y = b;
    int c = strcmp(x->agency, y->agency);

    return c ? c : (x->month > y->month) - (x->month < y->month);
}

/* Today (UTC) as year * 12 + month - 1, and as YYYY-MM-DD. */
static int today_month(char day[11])
{
    time_t now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    strftime(day, 11, "%Y-%m-%d", &tm);
    return (tm.tm_year + 1900) * 12 + tm.tm_mon;
}

static int timeline_svg(fg_report_ctx *r, size_t fig)
{
    fg_str *s = r->s;
    agency_count *ac = calloc(r->n_dots, sizeof *ac); /* at most a run per dot; r->n_dots > 0 */
    size_t n_ac = 0, rows = 0, shown = 0;
    int lo = 0, hi = 0, now;
    char today[11];
    const double pw = 560, rh = 24, top = 34;
    double lw = 120, mw;
    int rc = FG_OK;

    if (ac == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    /* By agency, then month: each agency's dots are one run. */
    qsort(r->dots, r->n_dots, sizeof *r->dots, cmp_dot);
    for (size_t i = 0; i < r->n_dots; i++) {
        if (n_ac == 0 || strcmp(ac[n_ac - 1].agency, r->dots[i].agency) != 0)
            ac[n_ac++] = (agency_count){r->dots[i].agency, i, 0};
        ac[n_ac - 1].n++;
    }
    qsort(ac, n_ac, sizeof *ac, cmp_count);
    while (rows < n_ac && rows < TIMELINE_ROWS) {
        /* the name and "（n）" */
        double px = fg_report__label_px(ac[rows].agency) + 36;

        lw = px + 8 > lw ? px + 8 : lw;
        rows++;
    }
    now = today_month(today);
    /* The months shown: whole years from the first deadline to the last (and today). */
    lo = hi = r->dots[0].month;
    for (size_t i = 0; i < r->n_dots; i++) {
        lo = r->dots[i].month < lo ? r->dots[i].month : lo;
        hi = r->dots[i].month > hi ? r->dots[i].month : hi;
    }
    lo = lo / 12 * 12;
    hi = hi / 12 * 12 + 11;
    if (now >= lo && now <= hi + 12)
        hi = now > hi ? now / 12 * 12 + 11 : hi;
    mw = pw / (double)(hi - lo + 1);
    R_F("<figure id=\"fig-timeline\"><svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" "
        "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"完成时限时间轴\">",
        lw + pw + 20, top + rh * (double)rows + 16, lw + pw + 20, top + rh * (double)rows + 16);
    /* Years and quarters across the top, a light rule down each year. */
    for (int m = lo; m <= hi + 1; m += 3) {
        double x = lw + mw * (double)(m - lo);

        R_F("<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"%s\"/>", x, top - 6,
            x, top + rh * (double)rows, m % 12 == 0 ? "#94a3b8" : "#e2e8f0");
        if (m % 12 == 0 && m <= hi)
            R_F("<text x=\"%.1f\" y=\"%.0f\" font-size=\"12\">%d年</text>", x + 3, top - 12,
                m / 12);
    }
    if (now >= lo && now <= hi)
        R_F("<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#dc2626\" "
            "stroke-dasharray=\"3 2\"><title>今天 %s</title></line>",
            lw + mw * ((double)(now - lo) + 0.5), top - 6, lw + mw * ((double)(now - lo) + 0.5),
            top + rh * (double)rows, today);
    for (size_t k = 0; k < rows; k++) {
        double y = top + rh * (double)k + rh / 2;
        size_t end = ac[k].first + ac[k].n;

        R_F("<text x=\"%.0f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", lw - 8, y + 4);
        R_HTML(ac[k].agency);
        R_F("（%zu）</text>", ac[k].n);
        /* One circle per month, its area growing with the deadlines in it. */
        for (size_t i = ac[k].first; i < end;) {
            size_t j = i;
            int m = r->dots[i].month;
            int past = m < now;

            while (j < end && r->dots[j].month == m)
                j++;
            R_F("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.8\">"
                "<title>%d年%d月到期 %zu 条：",
                lw + mw * ((double)(m - lo) + 0.5), y, 3.5 * sqrt((double)(j - i)),
                past ? "#94a3b8" : "#2563eb", m / 12, m % 12 + 1, j - i);
            for (size_t d = i; d < j && d < i + 5; d++) {
                R_HTML(r->dots[d].what);
                R_RAW(d + 1 < j ? "；" : "");
            }
            R_RAW(j - i > 5 ? "……</title></circle>" : "</title></circle>");
            shown += j - i;
            i = j;
        }
    }
    R_F("</svg><figcaption>图%zu　分工条款的完成时限，按牵头单位（括号内为条数）。只计写明日期的"
        "时限（如“2025年6月底前”，取该期间的最后一天），长期、持续和每年、每季度的时限不在图中；"
        "一个条款有几个牵头单位，就在每个单位的行中各画一次。每个圆是一个月，面积与当月到期的条款"
        "数成正比；灰色为已过（以今天 %s 计，红色虚线），蓝色为未到；悬停可见条款。",
        fig, today);
    if (rows < n_ac)
        R_F("只画到期条款最多的 %zu 个单位（共 %zu 个）。", rows, n_ac);
    if (r->no_lead)
        R_F("另有 %zu 条写明日期的分工条款没有牵头单位，不在图中。", r->no_lead);
    R_F("图中共 %zu 个点。</figcaption></figure>\n", shown);
out:
    free(ac);
    return rc;
}

static int cmp_group(const void *a, const void *b)
{
    return strcmp(((const fg_progress_row *)a)->group, ((const fg_progress_row *)b)->group);
}

/*
 * Progress rows merged under the report's names (an agency renamed since counts once): the
 * counts summed; the panels work out their shares from them. Names are borrowed from g and
 * the gazetteer.
 */
static int merge_progress(const fg_report_ctx *r, const fg_progress_groups *g,
                          fg_progress_row **out, size_t *n_out)
{
    fg_progress_row *v = calloc(g->n_rows ? g->n_rows : 1, sizeof *v);
    size_t n = 0;

    if (v == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 1; i < g->n_rows; i++) { /* rows[0] is the whole store */
        v[i - 1] = g->rows[i];
        v[i - 1].group = fg_gazetteer_name_as_of(r->gz, g->rows[i].group, r->as_of);
    }
    if (g->n_rows > 1)
        qsort(v, g->n_rows - 1, sizeof *v, cmp_group);
    for (size_t i = 0; i + 1 < g->n_rows; i++) {
        fg_progress_row *k = &v[n];

        if (n > 0 && strcmp(v[n - 1].group, v[i].group) == 0) {
            k = &v[n - 1];
            k->tasks += v[i].tasks;
            k->reported += v[i].reported;
            k->never_reported += v[i].never_reported;
            k->not_started += v[i].not_started;
            k->in_progress += v[i].in_progress;
            k->done += v[i].done;
            k->delayed += v[i].delayed;
            k->due += v[i].due;
            k->overdue += v[i].overdue;
        } else {
            *k = v[i];
            n++;
        }
    }
    *out = v;
    *n_out = n;
    return FG_OK;
}

static int cmp_tasks(const void *a, const void *b)
{
    const fg_progress_row *x = a, *y = b;
    int c = fg_larger_first(x->tasks, y->tasks);

    return c ? c : strcmp(x->group, y->group);
}

static int multiples_svg(fg_report_ctx *r, const fg_progress_groups *g, size_t fig)
{
    static const struct {
        const char *label, *colour;
    } part[] = {{"已完成", "#16a34a"}, {"推进中", "#2563eb"}, {"滞后", "#f59e0b"},
                {"未启动", "#94a3b8"}, {"未报送", "#ffffff"}};
    fg_str *s = r->s;
    fg_progress_row *v = NULL;
    size_t n = 0, shown;
    const double pw = 200, ph = 74, bw = 180;
    int rc = FG_OK;

    FG_TRY(merge_progress(r, g, &v, &n));
    qsort(v, n, sizeof *v, cmp_tasks);
    shown = n < PANELS ? n : PANELS;
    R_F("<figure id=\"fig-progress\"><svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" "
        "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"各牵头单位完成情况\">",
        pw * PANEL_COLS, 26 + ph * (double)((shown + PANEL_COLS - 1) / PANEL_COLS),
        pw * PANEL_COLS, 26 + ph * (double)((shown + PANEL_COLS - 1) / PANEL_COLS));
    for (size_t k = 0; k < sizeof part / sizeof part[0]; k++)
        R_F("<rect x=\"%zu\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#64748b\"/>"
            "<text x=\"%zu\" y=\"14\" font-size=\"12\">%s</text>",
            8 + 90 * k, part[k].colour, 24 + 90 * k, part[k].label);
    for (size_t i = 0; i < shown; i++) {
        const fg_progress_row *p = &v[i];
        const size_t counts[5] = {p->done, p->in_progress, p->delayed, p->not_started,
                                  p->never_reported};
        double x = pw * (double)(i % PANEL_COLS) + 8, y = 26 + ph * (double)(i / PANEL_COLS);
        double at = x;
        char rate[16];

        R_F("<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" font-weight=\"bold\">", x, y + 14);
        R_HTML(p->group);
        R_RAW("</text>");
        for (size_t k = 0; k < 5; k++) {
            double w = p->tasks ? bw * (double)counts[k] / (double)p->tasks : 0;

            if (counts[k] == 0)
                continue;
            R_F("<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"16\" fill=\"%s\" "
                "stroke=\"#64748b\" stroke-width=\"0.5\"><title>%s %zu / %zu</title></rect>",
                at, y + 22, w, part[k].colour, part[k].label, counts[k], p->tasks);
            at += w;
        }
        R_F("<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">完成 %zu/%zu（%s）",
            x, y + 54, p->done, p->tasks,
            fg_report__pct(rate, sizeof rate, p->tasks ? (double)p->done / (double)p->tasks : 0));
        if (p->due)
            R_F("· 逾期 %zu/%zu", p->overdue, p->due);
        R_RAW("</text>");
    }
    R_F("</svg><figcaption>图%zu　各牵头单位承担任务的进展（以今天计），来自导入的督办台账"
        "（fengong progress import），全部已入库文件。每格一个牵头单位，按任务数从多到少，"
        "只画前 %zu 个（共 %zu 个）；条形按任务数等分：绿色已完成、蓝色推进中、橙色滞后、"
        "灰色未启动（均为最后一次报送的状态），白色为从未报送。“完成 a/b”为已完成任务数与任务数，"
        "“逾期 c/d”为已过完成时限而未完成的任务数与已过时限的任务数，数小时比例不足为凭。"
        "</figcaption></figure>\n", fig, shown, n);
out:
    free(v);
    return rc;
}

int fg_report__tracking(fg_report_ctx *r, size_t fig)
{
    const fg_progress_groups *g = r->progress;
    int has_progress = g && g->n_rows > 0 && g->rows[0].reported > 0;
    fg_str *s = r->s;
    int rc = FG_OK;

    if (r->n_dots == 0 && r->no_lead == 0 && !has_progress)
        goto out;
    R_RAW("<section><h2 id=\"tracking\">完成时限与进展</h2>\n");
    if (r->n_dots > 0)
        FG_TRY(timeline_svg(r, fig++));
    else if (r->no_lead)
        R_F("<p class=\"note\">本报告涵盖的文件中写明日期的完成时限有 %zu 条，"
            "其分工条款都没有牵头单位。</p>\n", r->no_lead);
    else
        R_RAW("<p class=\"note\">本报告涵盖的文件没有写明日期的完成时限。</p>\n");
    if (has_progress)
        FG_TRY(multiples_svg(r, g, fig));
    else
        R_RAW("<p class=\"note\">尚未导入督办台账（fengong progress import），"
              "没有完成情况可画。</p>\n");
    R_RAW("</section>\n");
out:
    return rc;
}
