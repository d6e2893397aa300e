/*
 * How the report is written: HTML escaping, numbers without a negative zero, collapsible
 * sortable tables, the two SVG charts of the summary, and the inline CSS and script. Nothing
 * here decides what the report says (report.c does); every string from the store passes
 * through fg_report__html().
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "markup.h"
#include "rank.h"
#include "report_int.h"

int fg_report__raw(fg_str *s, const char *t)
{
    return fg_str_append(s, t, strlen(t));
}

char *fg_report__fixed(char *buf, size_t size, double v, int prec)
{
    const char *p;

    if (!isfinite(v))
        v = 0.0;
    snprintf(buf, size, "%.*f", prec, v);
    /* "-0.000": every digit zero, so the sign is noise from rounding or from -0.0 itself */
    if (buf[0] == '-') {
        for (p = buf + 1; *p == '0' || *p == '.'; p++)
            ;
        if (*p == '\0')
            memmove(buf, buf + 1, strlen(buf));
    }
    return buf;
}

char *fg_report__pct(char *buf, size_t size, double share)
{
    fg_report__fixed(buf, size, 100.0 * share, 1);
    strncat(buf, "%", size - strlen(buf) - 1);
    return buf;
}

static const char *const cell_open[] = {"<td>", "<td class=\"n\">", "<td class=\"nm\">",
                                        "<td class=\"t\">"};
static const char *const head_open[] = {"<th>", "<th class=\"n\">", "<th class=\"nm\">",
                                        "<th>"};

/* n cells of a row, each opened by open[its kind] (kinds NULL: all text), its text escaped. */
static int cells(fg_str *s, const char *const *open, const char *close, size_t n,
                 const char *const *text, const unsigned char *kinds)
{
    int rc = FG_OK;

    for (size_t i = 0; i < n; i++) {
        FG_TRY(fg_report__raw(s, open[kinds ? kinds[i] : 0]));
        FG_TRY(fg_report__html(s, text[i]));
        FG_TRY(fg_report__raw(s, close));
    }
out:
    return rc;
}

int fg_report__table_begin(fg_str *s, const char *id, const char *what, size_t n_rows,
                           int is_open, int is_sortable, size_t n, const char *const *hdr,
                           const unsigned char *kinds)
{
    int rc = FG_OK;

    FG_TRY(fg_report__raw(s, is_open ? "<details open><summary>" : "<details><summary>"));
    FG_TRY(fg_report__html(s, what));
    FG_TRY(fg_report__rawf(s, "（%zu 行%s）</summary>\n<table", n_rows,
                           is_sortable ? "，点击表头排序" : ""));
    if (id)
        FG_TRY(fg_report__rawf(s, " id=\"%s\"", id));
    FG_TRY(fg_report__raw(s, is_sortable ? " class=\"sortable filterable\">" :
                                           " class=\"filterable\">"));
    FG_TRY(fg_report__raw(s, "<thead><tr>"));
    FG_TRY(cells(s, head_open, "</th>", n, hdr, kinds));
    FG_TRY(fg_report__raw(s, "</tr></thead>\n<tbody>\n"));
out:
    return rc;
}

int fg_report__table_end(fg_str *s, const char *footnote)
{
    int rc = FG_OK;

    FG_TRY(fg_report__raw(s, "</tbody></table>\n"));
    if (footnote) {
        FG_TRY(fg_report__raw(s, "<p class=\"fn\">"));
        FG_TRY(fg_report__raw(s, footnote));
        FG_TRY(fg_report__raw(s, "</p>\n"));
    }
    FG_TRY(fg_report__raw(s, "</details>\n"));
out:
    return rc;
}

int fg_report__row(fg_str *s, size_t n, const char *const *text, const unsigned char *kinds)
{
    int rc = FG_OK;

    FG_TRY(fg_report__raw(s, "<tr>"));
    FG_TRY(cells(s, cell_open, "</td>", n, text, kinds));
    FG_TRY(fg_report__raw(s, "</tr>\n"));
out:
    return rc;
}

/* ---- charts ---- */

int fg_report__lorenz_svg(fg_str *s, const fg_load_row *rows, size_t n, size_t total)
{
    size_t *v = malloc((n + 1) * sizeof *v);
    const double x0 = 56;
    const double y0 = 12;
    const double w = 300;
    const double h = 240;
    double cum = 0;
    int rc = FG_OK;

    if (v == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        v[i] = rows[i].lead;
    qsort(v, n, sizeof *v, fg_size_cmp);
    FG_TRY(fg_report__rawf(s, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                              "height=\"%.0f\" role=\"img\" aria-label=\"洛伦兹曲线\">",
                           x0 + w + 20, y0 + h + 52, x0 + w + 20, y0 + h + 52));
    FG_TRY(fg_report__rawf(s, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" "
                              "fill=\"#f8fafc\" stroke=\"#94a3b8\"/>", x0, y0, w, h));
    /* ticks at 0, 50 and 100 % on both axes */
    for (int k = 0; k <= 2; k++) {
        double x = x0 + w * k / 2.0;
        double y = y0 + h - h * k / 2.0;

        FG_TRY(fg_report__rawf(s, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" "
                                  "text-anchor=\"middle\">%d%%</text>", x, y0 + h + 15, 50 * k));
        FG_TRY(fg_report__rawf(s, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" "
                                  "text-anchor=\"end\">%d%%</text>", x0 - 4, y + 4, 50 * k));
    }
    FG_TRY(fg_report__rawf(s, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" "
                              "stroke=\"#94a3b8\" stroke-dasharray=\"4 3\"/>",
                           x0, y0 + h, x0 + w, y0));
    FG_TRY(fg_report__rawf(s, "<polyline fill=\"none\" stroke=\"#dc2626\" stroke-width=\"2\" "
                              "points=\"%.1f,%.1f", x0, y0 + h));
    for (size_t i = 0; i < n; i++) {
        cum += (double)v[i];
        FG_TRY(fg_report__rawf(s, " %.1f,%.1f", x0 + w * (double)(i + 1) / (double)n,
                               y0 + h - h * (total ? cum / (double)total : 0)));
    }
    FG_TRY(fg_report__raw(s, "\"/>"));
    FG_TRY(fg_report__rawf(s, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" text-anchor=\"middle\">"
                              "机构累计占比（按牵头条款数从少到多）</text>",
                           x0 + w / 2, y0 + h + 34));
    FG_TRY(fg_report__rawf(s, "<text transform=\"translate(14 %.0f) rotate(-90)\" font-size=\"12\" "
                              "text-anchor=\"middle\">牵头累计占比</text>", y0 + h / 2));
    FG_TRY(fg_report__raw(s, "</svg>\n"));
out:
    free(v);
    return rc;
}

double fg_report__label_px(const char *t)
{
    double px = 0;

    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        px += *p >= 0xE0 ? 12.0 : 7.0;
    }
    return px;
}

int fg_report__bars_svg(fg_str *s, const fg_graph *g, const fg_load_row *rows, size_t n,
                        size_t k)
{
    double max = 1;
    double lw = 60;
    const double bar = 20;
    const double len_max = 300;
    int rc = FG_OK;

    if (k > n)
        k = n;
    if (k && rows[0].lead > 1)
        max = (double)rows[0].lead;
    for (size_t i = 0; i < k; i++) {
        double px = fg_report__label_px(fg_graph_agency(g, rows[i].agency));

        if (px > lw)
            lw = px;
    }
    lw += 8;
    FG_TRY(fg_report__rawf(s, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                              "height=\"%.0f\" role=\"img\" aria-label=\"牵头条款数\">",
                           lw + len_max + 44, bar * (double)k + 10, lw + len_max + 44,
                           bar * (double)k + 10));
    for (size_t i = 0; i < k; i++) {
        double y = 5 + bar * (double)i;
        double len = len_max * (double)rows[i].lead / max;

        FG_TRY(fg_report__rawf(s, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
                                  "text-anchor=\"end\">", lw - 6, y + 14));
        FG_TRY(fg_report__html(s, fg_graph_agency(g, rows[i].agency)));
        FG_TRY(fg_report__raw(s, "</text>"));
        FG_TRY(fg_report__rawf(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" "
                                  "fill=\"#2563eb\"/>", lw, y + 3, len, bar - 6));
        FG_TRY(fg_report__rawf(s, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%zu</text>",
                               lw + len + 4, y + 14, rows[i].lead));
    }
    FG_TRY(fg_report__raw(s, "</svg>\n"));
out:
    return rc;
}

/* ---- page frame ---- */

static const char css[] =
    "body{font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK "
    "SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",sans-serif;margin:1.5em auto;"
    "max-width:1200px;padding:0 1em;color:#0f172a;line-height:1.5}"
    "h1{font-size:1.6em;margin:.2em 0}h2{margin-top:1.6em;border-bottom:1px solid #cbd5e1;"
    "font-size:1.25em}h3{font-size:1.05em}"
    ".note{color:#64748b;font-size:.9em}.fn{color:#64748b;font-size:.85em;margin:.3em 0}"
    ".kpis{display:flex;flex-wrap:wrap;gap:.8em;margin:.8em 0}.kpi{border:1px solid #e2e8f0;"
    "border-radius:6px;padding:.3em .9em;min-width:6.5em;background:#f8fafc}.kpi b{display:"
    "block;font-size:1.5em;font-variant-numeric:tabular-nums}.kpi span{color:#475569;"
    "font-size:.9em}"
    ".cols{display:flex;flex-wrap:wrap;gap:1em 3em;align-items:flex-start}"
    ".cols>div{flex:0 1 auto}.cols h3{margin:.4em 0}"
    ".defs{border-left:4px solid #2563eb;background:#eff6ff;padding:.4em 1em;font-size:.9em;"
    "margin:.8em 0}.defs p{margin:.2em 0}"
    "table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{border:1px solid "
    "#e2e8f0;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#f1f5f9;"
    "white-space:nowrap}table.sortable th{cursor:pointer;user-select:none}"
    "th[aria-sort=descending]::after{content:\" \\25BC\"}th[aria-sort=ascending]::after{"
    "content:\" \\25B2\"}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}.nm{white-space:nowrap}td.t{min-width:18em}"
    "table.kv td:first-child{color:#475569}"
    "details{margin:.4em 0}summary{cursor:pointer;color:#1d4ed8}"
    ".charts{display:flex;flex-wrap:wrap;gap:1em 3em;align-items:flex-start}figure{margin:"
    ".5em 0}figcaption{font-size:.85em;color:#475569;max-width:36em}"
    ".map{overflow:auto;border:1px solid #e2e8f0;margin:.5em 0}.map svg{max-width:100%;"
    "height:auto}#q{font-size:1em;padding:.3em;width:24em}";

/*
 * fgSort(table, column, descending) sorts a table's rows: columns with a numeric header
 * (class n) by value, others by Chinese collation; empty or non-numeric cells go last.
 * A click on a header sorts by it (numbers biggest first), a second click reverses.
 * The search box hides the rows of every filterable table without the text and opens the
 * collapsed tables that have a match.
 */
static const char script[] =
    "function fgSort(t,i,desc){var b=t.tBodies[0],r=Array.prototype.slice.call(b.rows),"
    "h=t.tHead.rows[0].cells,num=h[i].classList.contains('n'),d=desc?-1:1;"
    "r.sort(function(x,y){var a=x.cells[i].textContent,c=y.cells[i].textContent;"
    "if(num){var p=parseFloat(a),q=parseFloat(c);if(isNaN(p)||isNaN(q))return isNaN(p)-isNaN(q);"
    "return(p-q)*d;}return a.localeCompare(c,'zh')*d;});"
    "r.forEach(function(e){b.appendChild(e);});"
    "Array.prototype.forEach.call(h,function(e,k){if(k===i)e.setAttribute('aria-sort',"
    "desc?'descending':'ascending');else e.removeAttribute('aria-sort');});}"
    "document.querySelectorAll('table.sortable').forEach(function(t){"
    "Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){"
    "th.addEventListener('click',function(){var s=th.getAttribute('aria-sort');"
    "fgSort(t,i,s?s==='ascending':th.classList.contains('n'));});});});"
    "(function(){var q=document.getElementById('q');if(!q)return;q.addEventListener('input',"
    "function(){var v=q.value.trim();document.querySelectorAll('table.filterable').forEach("
    "function(t){var hit=0;Array.prototype.forEach.call(t.tBodies[0].rows,function(tr){"
    "var m=!v||tr.textContent.indexOf(v)>=0;tr.style.display=m?'':'none';if(m)hit++;});"
    "var d=t.closest('details');if(d&&v)d.open=hit>0;});});})();";

int fg_report__head(fg_str *s)
{
    int rc = FG_OK;

    FG_TRY(fg_report__raw(s, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                             "<meta name=\"viewport\" content=\"width=device-width\">"
                             "<title>分工协作分析报告 · fengong</title><style>"));
    FG_TRY(fg_report__raw(s, css));
    FG_TRY(fg_report__raw(s, "</style></head><body>\n"));
out:
    return rc;
}

int fg_report__tail(fg_str *s)
{
    int rc = FG_OK;

    FG_TRY(fg_report__raw(s, "<script>"));
    FG_TRY(fg_report__raw(s, script));
    FG_TRY(fg_report__raw(s, "</script>\n</body></html>\n"));
out:
    return rc;
}
