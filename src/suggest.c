/*
 * Suggestions: which agency should lead or share a task of a new plan.
 *
 * Two sources of evidence. (1) The store: every stored task (the sentence before its
 * clause, with the item's title) becomes a TF-IDF vector of character bigrams (Chinese has
 * no spaces; bigrams of ideographs need no segmenter); the tasks most similar to a new item
 * vote for their lead and co-operating agencies, weighted by cosine similarity. (2) The
 * remits: graphs/agency-remits.tsv lists keywords of each agency's 职能 (from its 三定
 * mandate), so an agency that leads few stored tasks can still be proposed. The scores are
 * combined linearly with a small prior for agencies that lead often. Similarity uses an
 * inverted index, so a query costs the postings of its bigrams, not a scan of every task.
 */
#include "fengong/suggest.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "embedded.h"
#include "error.h"
#include "grow.h"
#include "rank.h"
#include "str.h"

#define KNN 10          /* similar stored tasks that vote */
#define W_KNN 0.60
#define W_REMIT 0.35
#define W_PRIOR 0.05

/* ---- bigram vectors ---- */

typedef struct term {
    uint64_t key;
    double w;
} term;

typedef struct vec {
    term *v;
    size_t n;
    size_t cap;
} vec;

static bool is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

static int cmp_term(const void *a, const void *b)
{
    const term *x = a;
    const term *y = b;

    return x->key < y->key ? -1 : x->key > y->key;
}

/* Bigrams of consecutive ideographs with their counts, sorted by key. */
static int bigrams(vec *out, const char *t, size_t len)
{
    int32_t prev = -1;
    size_t m = 0;

    out->n = 0;
    for (size_t i = 0; i < len;) {
        size_t k;
        int32_t cp = fg_utf8_decode(t + i, len - i, &k);

        i += k;
        if (!is_han(cp)) {
            prev = -1;
            continue;
        }
        if (prev >= 0) {
            if (FG_GROW(out->v, out->cap, out->n, 64) < 0)
                return FG_ENOMEM;
            out->v[out->n].key = ((uint64_t)(uint32_t)prev << 21) | (uint32_t)cp;
            out->v[out->n].w = 1;
            out->n++;
        }
        prev = cp;
    }
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_term);
    for (size_t i = 0; i < out->n; i++) {
        if (m && out->v[m - 1].key == out->v[i].key)
            out->v[m - 1].w += 1;
        else
            out->v[m++] = out->v[i];
    }
    out->n = m;
    return FG_OK;
}

/* Text without its responsibility clauses (a plan's own assignments are never used). */
static int strip_clauses(fg_str *out, const char *t)
{
    size_t n = strlen(t);
    int rc = FG_OK;

    fg_str_clear(out);
    for (size_t i = 0; i < n;) {
        bool open = t[i] == '(' || (i + 3 <= n && memcmp(t + i, "（", 3) == 0);

        if (open) {
            size_t j = i + (t[i] == '(' ? 1 : 3);

            while (j < n && t[j] != ')' && !(j + 3 <= n && memcmp(t + j, "）", 3) == 0) &&
                   j - i < 1200)
                j++;
            if (fg_clause__has_role_word(NULL, fg_sv(t + i, j - i))) {
                i = j < n ? j + (t[j] == ')' ? 1 : 3) : n;
                continue;
            }
        }
        FG_TRY(fg_str_appendc(out, t[i]));
        i++;
    }
    FG_TRY(fg_str_reserve(out, 0));
out:
    return rc;
}

/* ---- the model ---- */

typedef struct agency {
    char *name;
    size_t lead;          /* stored tasks it leads */
    size_t co;
    char **remit;         /* keywords */
    size_t n_remit;
    const fg_agency_entry *entry;
} agency;

typedef struct task {
    char *doc;
    char *item;
    char *title;
    size_t *lead;         /* agency indices */
    size_t n_lead;
    size_t *co;
    size_t n_co;
} task;

typedef struct posting {
    size_t task;
    double w;
} posting;

typedef struct vocab_entry {
    uint64_t key;
    size_t df;
    double idf;
    posting *post;
    size_t n_post;
    size_t cap_post;
} vocab_entry;

struct fg_suggester {
    const fg_gazetteer *gz;
    agency *ag;
    size_t n_ag;
    size_t cap_ag;
    task *tasks;
    size_t n_tasks;
    size_t cap_tasks;
    vocab_entry *voc;     /* open addressing on key */
    size_t voc_cap;
    size_t voc_n;
    size_t max_lead;
    size_t max_co;
};

static size_t voc_slot(const fg_suggester *s, uint64_t key)
{
    size_t h = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (s->voc_cap - 1);

    while (s->voc[h].key != 0 && s->voc[h].key != key)
        h = (h + 1) & (s->voc_cap - 1);
    return h;
}

static int voc_grow(fg_suggester *s)
{
    vocab_entry *old = s->voc;
    size_t old_cap = s->voc_cap;

    s->voc_cap = old_cap ? old_cap * 2 : 4096;
    s->voc = calloc(s->voc_cap, sizeof *s->voc);
    if (s->voc == NULL) {
        s->voc = old;
        s->voc_cap = old_cap;
        return fg_error_set(FG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            s->voc[voc_slot(s, old[i].key)] = old[i];
    free(old);
    return FG_OK;
}

static size_t find_agency(const fg_suggester *s, const char *name)
{
    for (size_t i = 0; i < s->n_ag; i++)
        if (strcmp(s->ag[i].name, name) == 0)
            return i;
    return SIZE_MAX;
}

static int add_agency(fg_suggester *s, const char *name, size_t *idx)
{
    size_t i = find_agency(s, name);

    if (i != SIZE_MAX) {
        *idx = i;
        return FG_OK;
    }
    if (FG_GROW(s->ag, s->cap_ag, s->n_ag, 128) < 0)
        return FG_ENOMEM;
    memset(&s->ag[s->n_ag], 0, sizeof s->ag[s->n_ag]);
    s->ag[s->n_ag].name = malloc(strlen(name) + 1);
    if (s->ag[s->n_ag].name == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    memcpy(s->ag[s->n_ag].name, name, strlen(name) + 1);
    s->ag[s->n_ag].entry = s->gz ? fg_gazetteer_lookup(s->gz, name, strlen(name)) : NULL;
    *idx = s->n_ag++;
    return FG_OK;
}

/* ---- learning ---- */

typedef struct learn_ctx {
    fg_suggester *s;
    vec bg;
    fg_str txt;
    long long *clause_ids;   /* per task */
    int rc;
} learn_ctx;

/* The sentence a clause belongs to: the text between the previous clause and this one. */
static void task_segment(const char *item_text, const char *clause_text, const char **seg,
                         size_t *seg_len)
{
    const char *hit = clause_text[0] ? strstr(item_text, clause_text) : NULL;
    const char *start = item_text;

    if (hit == NULL) {
        *seg = item_text;
        *seg_len = strlen(item_text);
        return;
    }
    /* After the last closing bracket before this clause's opening one. */
    for (const char *p = item_text; p + 3 <= hit; p++) {
        if (*p == ')')
            start = p + 1;
        else if (memcmp(p, "）", 3) == 0)
            start = p + 3;
    }
    if (start > hit)
        start = item_text;
    *seg = start;
    *seg_len = (size_t)(hit - start);
}

static int on_task(const fg_store_task_row *row, void *payload)
{
    learn_ctx *l = payload;
    fg_suggester *s = l->s;
    task *t;
    const char *seg;
    size_t seg_len;
    fg_str combined = FG_STR_INIT;
    int rc = FG_OK;

    if (s->n_tasks == s->cap_tasks) {
        size_t cap = fg_next_cap(s->cap_tasks, 256);

        l->rc = FG_RESIZE(s->tasks, cap);
        if (l->rc == FG_OK)
            l->rc = FG_RESIZE(l->clause_ids, cap);
        if (l->rc < 0)
            return 1;
        s->cap_tasks = cap;
    }
    t = &s->tasks[s->n_tasks];
    memset(t, 0, sizeof *t);
    t->doc = strdup(row->doc);
    t->item = strdup(row->path);
    t->title = strdup(row->title);
    if (!t->doc || !t->item || !t->title) {
        free(t->doc);
        free(t->item);
        free(t->title);
        l->rc = fg_error_set(FG_ENOMEM, "out of memory");
        return 1;
    }
    l->clause_ids[s->n_tasks] = row->clause_id;
    s->n_tasks++;
    /* The task's words: the item title and the sentence before the clause. */
    task_segment(row->item_text, row->clause_text, &seg, &seg_len);
    FG_TRY(fg_str_append(&combined, row->title, strlen(row->title)));
    FG_TRY(fg_str_append(&combined, "。", 3));
    FG_TRY(fg_str_append(&combined, seg, seg_len));
    FG_TRY(strip_clauses(&l->txt, combined.ptr));
    FG_TRY(bigrams(&l->bg, l->txt.ptr, l->txt.len));
    for (size_t i = 0; i < l->bg.n; i++) {
        size_t h;
        vocab_entry *e;

        if (s->voc_n * 2 >= s->voc_cap)
            FG_TRY(voc_grow(s));
        h = voc_slot(s, l->bg.v[i].key);
        e = &s->voc[h];
        if (e->key == 0) {
            e->key = l->bg.v[i].key;
            s->voc_n++;
        }
        e->df++;
        FG_TRY(FG_GROW(e->post, e->cap_post, e->n_post, 4));
        e->post[e->n_post].task = s->n_tasks - 1;
        e->post[e->n_post].w = l->bg.v[i].w;
        e->n_post++;
    }
out:
    fg_str_dispose(&combined);
    if (rc < 0) {
        l->rc = rc;
        return 1;
    }
    return 0;
}

/* Binary search of a clause id among the tasks (they come in clause-id order per doc, so
 * search linearly from a hint instead). */
typedef struct edge_ctx {
    fg_suggester *s;
    long long *clause_ids;
    size_t hint;
    int rc;
} edge_ctx;

static int on_edge(const fg_store_assignment_row *row, void *payload)
{
    edge_ctx *e = payload;
    fg_suggester *s = e->s;
    long long id = row->clause_id;
    size_t t = SIZE_MAX;
    size_t a;
    int rc;

    if (row->kind != FG_KIND_AGENCY)
        return 0;
    for (size_t k = 0; k < s->n_tasks; k++) {
        size_t i = (e->hint + k) % s->n_tasks;

        if (e->clause_ids[i] == id) {
            t = i;
            break;
        }
    }
    if (t == SIZE_MAX)
        return 0;
    e->hint = t;
    rc = add_agency(s, row->agency, &a);
    if (rc == FG_OK)
        rc = row->role == FG_ROLE_LEAD
                 ? fg_add_unique(&s->tasks[t].lead, &s->tasks[t].n_lead, &a, sizeof a)
                 : fg_add_unique(&s->tasks[t].co, &s->tasks[t].n_co, &a, sizeof a);
    if (rc < 0) {
        e->rc = rc;
        return 1;
    }
    return 0;
}

static int load_remits(fg_suggester *s)
{
    const char *d = fg_embedded_remits;
    size_t len = fg_embedded_remits_len;
    size_t line = 0;
    int rc = FG_OK;

    for (size_t i = 0; i < len;) {
        const char *nl = memchr(d + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - d) : len;
        const char *tab1 = memchr(d + i, '\t', e - i);
        const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', (size_t)(d + e - tab1 - 1)) : NULL;

        line++;
        if (line > 1 && tab1 && tab2) {
            char *name = malloc((size_t)(tab1 - (d + i)) + 1);
            size_t a;
            agency *ag;

            FG_CHECK_ALLOC(name);
            memcpy(name, d + i, (size_t)(tab1 - (d + i)));
            name[tab1 - (d + i)] = '\0';
            rc = add_agency(s, name, &a);
            free(name);
            FG_TRY(rc);
            ag = &s->ag[a];
            for (const char *p = tab1 + 1; p < tab2;) {
                const char *q = p;
                char **v;

                while (q < tab2 && !(q + 3 <= tab2 && memcmp(q, "、", 3) == 0))
                    q++;
                if (q > p) {
                    v = realloc(ag->remit, (ag->n_remit + 1) * sizeof *v);
                    FG_CHECK_ALLOC(v);
                    ag->remit = v;
                    v[ag->n_remit] = malloc((size_t)(q - p) + 1);
                    FG_CHECK_ALLOC(v[ag->n_remit]);
                    memcpy(v[ag->n_remit], p, (size_t)(q - p));
                    v[ag->n_remit][q - p] = '\0';
                    ag->n_remit++;
                }
                p = q + 3;
            }
        }
        i = e + 1;
    }
out:
    return rc;
}

int fg_suggester_new(fg_suggester **out, fg_store *st, const fg_gazetteer *gz)
{
    fg_suggester *s = NULL;
    learn_ctx l;
    edge_ctx e;
    size_t n_assigned = 0;
    int rc = FG_OK;

    *out = NULL;
    memset(&l, 0, sizeof l);
    memset(&e, 0, sizeof e);
    s = calloc(1, sizeof *s);
    FG_CHECK_ALLOC(s);
    s->gz = gz;
    FG_TRY(voc_grow(s));
    l.s = s;
    FG_TRY(fg_store_tasks(st, on_task, &l));
    FG_TRY(l.rc);
    e.s = s;
    e.clause_ids = l.clause_ids;
    if (s->n_tasks)
        FG_TRY(fg_store_assignments(st, NULL, on_edge, &e));
    FG_TRY(e.rc);
    for (size_t t = 0; t < s->n_tasks; t++) {
        n_assigned += s->tasks[t].n_lead + s->tasks[t].n_co > 0;
        for (size_t k = 0; k < s->tasks[t].n_lead; k++)
            s->ag[s->tasks[t].lead[k]].lead++;
        for (size_t k = 0; k < s->tasks[t].n_co; k++)
            s->ag[s->tasks[t].co[k]].co++;
    }
    if (n_assigned == 0) {
        rc = fg_error_set(FG_ENOTFOUND, "%s: the store holds no assigned tasks to learn from; "
                          "ingest 分工 documents first", fg_store_path(st));
        goto out;
    }
    FG_TRY(load_remits(s));
    for (size_t a = 0; a < s->n_ag; a++) {
        if (s->ag[a].lead > s->max_lead)
            s->max_lead = s->ag[a].lead;
        if (s->ag[a].co > s->max_co)
            s->max_co = s->ag[a].co;
    }
    /* IDF, then unit-length task vectors (weights live in the postings). */
    {
        double *norm = calloc(s->n_tasks + 1, sizeof *norm);

        FG_CHECK_ALLOC(norm);
        for (size_t h = 0; h < s->voc_cap; h++) {
            vocab_entry *v = &s->voc[h];

            if (!v->key)
                continue;
            v->idf = log((double)(s->n_tasks + 1) / (double)(v->df + 1)) + 1.0;
            for (size_t k = 0; k < v->n_post; k++) {
                v->post[k].w *= v->idf;
                norm[v->post[k].task] += v->post[k].w * v->post[k].w;
            }
        }
        for (size_t h = 0; h < s->voc_cap; h++)
            for (size_t k = 0; k < s->voc[h].n_post; k++)
                s->voc[h].post[k].w /= sqrt(norm[s->voc[h].post[k].task]) + 1e-12;
        free(norm);
    }
    *out = s;
    s = NULL;
out:
    free(l.clause_ids);
    free(l.bg.v);
    fg_str_dispose(&l.txt);
    fg_suggester_free(s);
    return rc;
}

void fg_suggester_free(fg_suggester *s)
{
    if (s == NULL)
        return;
    for (size_t a = 0; a < s->n_ag; a++) {
        free(s->ag[a].name);
        for (size_t k = 0; k < s->ag[a].n_remit; k++)
            free(s->ag[a].remit[k]);
        free(s->ag[a].remit);
    }
    free(s->ag);
    for (size_t t = 0; t < s->n_tasks; t++) {
        free(s->tasks[t].doc);
        free(s->tasks[t].item);
        free(s->tasks[t].title);
        free(s->tasks[t].lead);
        free(s->tasks[t].co);
    }
    free(s->tasks);
    for (size_t h = 0; h < s->voc_cap; h++)
        free(s->voc[h].post);
    free(s->voc);
    free(s);
}

size_t fg_suggester_n_tasks(const fg_suggester *s)
{
    return s->n_tasks;
}

/* ---- suggesting ---- */

void fg_suggestions_free(fg_suggestion *v, size_t n)
{
    if (v == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(v[i].agency);
        free(v[i].evidence);
    }
    free(v);
}

typedef enum plan_level { LEVEL_PROVINCE, LEVEL_CITY, LEVEL_CENTRAL } plan_level;

/* A plan from a city (长沙市…, 湘西自治州…) or the State Council; a province otherwise. */
static plan_level level_of(const fg_doc *plan)
{
    const char *who = plan->issuer[0] ? plan->issuer : plan->title;
    fg_strview w = fg_sv(who, strlen(who));
    size_t k;

    if (fg_sv_starts(w, "国务院") || fg_sv_starts(w, "国家") || fg_sv_starts(w, "中共中央"))
        return LEVEL_CENTRAL;
    if (fg_sv_contains(w, "省"))
        return LEVEL_PROVINCE;
    k = fg_sv_find(w, "市");
    if (k == SIZE_MAX)
        k = fg_sv_find(w, "州");
    return k != SIZE_MAX && k <= 15 ? LEVEL_CITY : LEVEL_PROVINCE;
}

/*
 * The State Council counterpart of a provincial government department: 省X厅 → X部,
 * 省X委 → 国家X委, 省X局 → 国家X局, with the few whose central name differs listed.
 */
static char *central_name(const char *prov)
{
    static const char *const special[][2] = {
        {"省审计厅", "审计署"},           {"省市场监管局", "市场监管总局"},
        {"省广电局", "广电总局"},         {"省体育局", "体育总局"},
        {"省林业局", "国家林草局"},       {"省药品监管局", "国家药监局"},
        {"省民族宗教委", "国家民委"},     {"省外事办", "外交部"},
        {"省政府外事办", "外交部"},       {"省国资委", "国务院国资委"},
        {"省机关事务局", "国管局"},       {"省信访局", "国家信访局"},
        {"省税务局", "税务总局"},         {"省医保局", "国家医保局"},
        {"省数据局", "国家数据局"},       {"省能源局", "国家能源局"},
    };
    size_t n = strlen(prov);
    char *s;

    for (size_t k = 0; k < sizeof special / sizeof special[0]; k++)
        if (strcmp(prov, special[k][0]) == 0)
            return strdup(special[k][1]);
    if (n < 9 || strncmp(prov, "省", 3) != 0)
        return strdup(prov);
    s = malloc(n + 8);
    if (s == NULL)
        return NULL;
    if (memcmp(prov + n - 3, "厅", 3) == 0) {
        memcpy(s, prov + 3, n - 6);
        memcpy(s + n - 6, "部", 4);
    } else if (memcmp(prov + n - 3, "委", 3) == 0 || memcmp(prov + n - 3, "局", 3) == 0) {
        memcpy(s, "国家", 6);
        memcpy(s + 6, prov + 3, n - 2);
    } else {
        memcpy(s, prov, n + 1);
    }
    return s;
}

/* The name to propose at the plan's level: 省X → 市X for a city, the ministry for the State
 * Council, both only for the provincial government, Party and people's bodies the
 * gazetteer knows. */
static char *name_at_level(const agency *a, plan_level level)
{
    const fg_agency_entry *e = a->entry;
    char *s;

    if (level == LEVEL_CENTRAL && e && strcmp(e->level, "province") == 0 &&
        strcmp(e->type, "government") == 0)
        return central_name(a->name);

    if (level == LEVEL_CITY && e && strcmp(e->level, "province") == 0 &&
        (strcmp(e->type, "government") == 0 || strcmp(e->type, "party") == 0 ||
         strcmp(e->type, "people") == 0) &&
        strncmp(a->name, "省", 3) == 0) {
        size_t n = strlen(a->name);

        /* 厅 exists only at provincial level: a city's counterpart of 省X厅 is 市X局. */
        s = malloc(n + 1);
        if (s) {
            memcpy(s, "市", 3);
            memcpy(s + 3, a->name + 3, n - 2);
            if (n >= 6 && memcmp(s + n - 3, "厅", 3) == 0)
                memcpy(s + n - 3, "局", 3);
        }
        return s;
    }
    return strdup(a->name);
}

static int evidence(fg_str *ev, const fg_suggester *s, size_t a, const fg_ranked *top, size_t n_top,
                    const char *query, bool lead)
{
    size_t shown = 0;
    int rc = FG_OK;

    fg_str_clear(ev);
    for (size_t k = 0; k < n_top && shown < 2; k++) {
        const task *t = &s->tasks[top[k].id];
        bool on = false;
        char buf[64];

        for (size_t i = 0; i < (lead ? t->n_lead : t->n_co) && !on; i++)
            on = (lead ? t->lead[i] : t->co[i]) == a;
        if (!on)
            continue;
        if (ev->len)
            FG_TRY(fg_str_append(ev, "；", 3));
        FG_TRY(fg_str_append(ev, t->doc, strlen(t->doc)));
        FG_TRY(fg_str_appendc(ev, ' '));
        FG_TRY(fg_str_append(ev, t->item, strlen(t->item)));
        FG_TRY(fg_str_append(ev, "《", 3));
        {
            size_t n = 0;
            size_t cps = 0;

            while (t->title[n] && cps < 24) {
                size_t k2;

                (void)fg_utf8_decode(t->title + n, strlen(t->title + n), &k2);
                n += k2;
                cps++;
            }
            FG_TRY(fg_str_append(ev, t->title, n));
            if (t->title[n])
                FG_TRY(fg_str_append(ev, "…", 3));
        }
        snprintf(buf, sizeof buf, "》 %.2f", top[k].score);
        FG_TRY(fg_str_append(ev, buf, strlen(buf)));
        shown++;
    }
    {
        size_t matched = 0;

        for (size_t k = 0; k < s->ag[a].n_remit && matched < 4; k++) {
            if (strstr(query, s->ag[a].remit[k]) == NULL)
                continue;
            FG_TRY(fg_str_append(ev, matched ? "、" : (ev->len ? "；职能：" : "职能："),
                                 matched ? 3 : (ev->len ? strlen("；职能：") : strlen("职能："))));
            FG_TRY(fg_str_append(ev, s->ag[a].remit[k], strlen(s->ag[a].remit[k])));
            matched++;
        }
    }
    FG_TRY(fg_str_reserve(ev, 0));
out:
    return rc;
}

/* The buffers fg_suggest_plan() scores each item of a plan in, sized for a suggester. */
typedef struct plan_work {
    double *sim;     /* similarity of the item to each stored task */
    fg_ranked *top;  /* the stored tasks most like the item, n_top of them (KNN at most) */
    size_t n_top;
    fg_ranked *by_role[2]; /* every agency by its score as the item's lead ([0]) and as a
                              co-operator ([1]) */
    double *remit;   /* the weight of each agency's remit keywords in the item */
    vec q;           /* the item's bigrams */
    fg_str txt;      /* the item's text without its clauses */
} plan_work;

static int work_init(plan_work *w, const fg_suggester *s)
{
    int rc = FG_OK;

    memset(w, 0, sizeof *w); /* NULL buffers, and an empty txt (FG_STR_INIT) */
    w->sim = calloc(s->n_tasks + 1, sizeof *w->sim);
    w->top = malloc((s->n_tasks + 1) * sizeof *w->top);
    w->by_role[0] = malloc((s->n_ag + 1) * sizeof *w->by_role[0]);
    w->by_role[1] = malloc((s->n_ag + 1) * sizeof *w->by_role[1]);
    w->remit = calloc(s->n_ag + 1, sizeof *w->remit);
    FG_CHECK_ALLOC(w->sim);
    FG_CHECK_ALLOC(w->top);
    FG_CHECK_ALLOC(w->by_role[0]);
    FG_CHECK_ALLOC(w->by_role[1]);
    FG_CHECK_ALLOC(w->remit);
out:
    return rc;
}

static void work_free(plan_work *w)
{
    free(w->sim);
    free(w->top);
    free(w->by_role[0]);
    free(w->by_role[1]);
    free(w->remit);
    free(w->q.v);
    fg_str_dispose(&w->txt);
}

/*
 * Score the item it against the suggester: its text (w->txt), the stored tasks most like it
 * (w->top, w->n_top), and every agency ranked as its lead and as a co-operator
 * (w->by_role), best first.
 */
static int score_item(plan_work *w, const fg_suggester *s, const fg_item *it)
{
    fg_ranked *top = w->top;
    fg_ranked *lead = w->by_role[0];
    fg_ranked *co = w->by_role[1];
    double *sim = w->sim;
    double *remit = w->remit;
    vec *q = &w->q;
    size_t n_top = 0;
    double sum_top = 0;
    double max_remit = 0;
    double norm = 0;
    int rc = FG_OK;

    FG_TRY(strip_clauses(&w->txt, it->text));
    FG_TRY(bigrams(q, w->txt.ptr, w->txt.len));
    /* Cosine similarity through the postings. */
    memset(sim, 0, s->n_tasks * sizeof *sim);
    for (size_t k = 0; k < q->n; k++) {
        const vocab_entry *v = &s->voc[voc_slot(s, q->v[k].key)];

        if (v->key == 0)
            continue;
        q->v[k].w *= v->idf;
        norm += q->v[k].w * q->v[k].w;
    }
    norm = sqrt(norm) + 1e-12;
    for (size_t k = 0; k < q->n; k++) {
        const vocab_entry *v = &s->voc[voc_slot(s, q->v[k].key)];

        if (v->key == 0)
            continue;
        for (size_t p = 0; p < v->n_post; p++)
            sim[v->post[p].task] += v->post[p].w * q->v[k].w / norm;
    }
    for (size_t t = 0; t < s->n_tasks; t++)
        if (sim[t] > 0) {
            top[n_top].id = t;
            top[n_top].score = sim[t];
            n_top++;
        }
    qsort(top, n_top, sizeof *top, fg_ranked_cmp);
    if (n_top > KNN)
        n_top = KNN;
    w->n_top = n_top;
    /* Squared similarity: the closest tasks carry most of the vote. */
    for (size_t k = 0; k < n_top; k++)
        sum_top += top[k].score * top[k].score;
    /* Remit keywords found in the task (longer keywords say more). */
    for (size_t a = 0; a < s->n_ag; a++) {
        remit[a] = 0;
        for (size_t k = 0; k < s->ag[a].n_remit; k++)
            if (strstr(w->txt.ptr, s->ag[a].remit[k]))
                remit[a] += (double)strlen(s->ag[a].remit[k]) / 3.0 - 0.5;
        if (remit[a] > max_remit)
            max_remit = remit[a];
    }
    for (size_t a = 0; a < s->n_ag; a++) {
        lead[a].id = a;
        co[a].id = a;
        lead[a].score = W_REMIT * (max_remit > 0 ? remit[a] / max_remit : 0) +
                        W_PRIOR * (s->max_lead ? (double)s->ag[a].lead / s->max_lead : 0);
        co[a].score = W_REMIT * 0.5 * (max_remit > 0 ? remit[a] / max_remit : 0) +
                      W_PRIOR * (s->max_co ? (double)s->ag[a].co / s->max_co : 0);
    }
    for (size_t k = 0; k < n_top; k++) {
        const task *t = &s->tasks[top[k].id];
        double wt = W_KNN * top[k].score * top[k].score / (sum_top + 1e-12);

        for (size_t j = 0; j < t->n_lead; j++)
            lead[t->lead[j]].score += wt;
        for (size_t j = 0; j < t->n_co; j++)
            co[t->co[j]].score += wt;
    }
    qsort(lead, s->n_ag, sizeof *lead, fg_ranked_cmp);
    qsort(co, s->n_ag, sizeof *co, fg_ranked_cmp);
out:
    return rc;
}

int fg_suggest_plan(fg_suggestion **out, size_t *n_out, const fg_suggester *s,
                    const fg_doc *plan, size_t top_k)
{
    fg_suggestion *res = NULL;
    size_t n_res = 0;
    size_t cap_res = 0;
    plan_work w;
    bool *has_child = NULL;
    fg_str ev = FG_STR_INIT;
    plan_level level = level_of(plan);
    int rc = FG_OK;

    *out = NULL;
    *n_out = 0;
    if (top_k == 0)
        top_k = 3;
    FG_TRY(work_init(&w, s));
    has_child = calloc(plan->n_items + 1, sizeof *has_child);
    FG_CHECK_ALLOC(has_child);
    for (size_t i = 0; i < plan->n_items; i++)
        if (plan->items[i].parent != FG_NO_PARENT)
            has_child[plan->items[i].parent] = true;

    for (size_t i = 0; i < plan->n_items; i++) {
        const fg_item *it = &plan->items[i];

        if (has_child[i] || it->text[0] == '\0')
            continue;
        FG_TRY(score_item(&w, s, it));
        for (int pass = 0; pass < 2; pass++) {
            fg_ranked *list = w.by_role[pass];
            size_t rank = 0;

            for (size_t k = 0; k < s->n_ag && rank < top_k; k++) {
                fg_suggestion *sg;
                bool dup = false;

                if (list[k].score <= 0)
                    break;
                /* The lead is not also proposed as a co-operator. */
                if (pass == 1)
                    dup = list[k].id == w.by_role[0][0].id;
                if (dup)
                    continue;
                FG_TRY(FG_GROW(res, cap_res, n_res, 64));
                sg = &res[n_res];
                memset(sg, 0, sizeof *sg);
                n_res++;
                sg->item = i;
                sg->role = pass == 0 ? FG_ROLE_LEAD : FG_ROLE_CO;
                sg->rank = ++rank;
                sg->score = list[k].score;
                sg->agency = name_at_level(&s->ag[list[k].id], level);
                FG_CHECK_ALLOC(sg->agency);
                FG_TRY(evidence(&ev, s, list[k].id, w.top, w.n_top, w.txt.ptr, pass == 0));
                sg->evidence = strdup(ev.ptr ? ev.ptr : "");
                FG_CHECK_ALLOC(sg->evidence);
            }
        }
    }
    *out = res;
    *n_out = n_res;
    res = NULL;
out:
    fg_suggestions_free(res, n_res);
    work_free(&w);
    free(has_child);
    fg_str_dispose(&ev);
    return rc;
}

int fg_suggest_draft(char **out, size_t *len, const fg_doc *plan, const fg_suggestion *v,
                     size_t n, size_t max_co)
{
    fg_str s = FG_STR_INIT;
    fg_str txt = FG_STR_INIT;
    const char *part = "M";
    int rc = FG_OK;

    *out = NULL;
    *len = 0;
    if (plan->title[0]) {
        FG_TRY(fg_str_append(&s, plan->title, strlen(plan->title)));
        FG_TRY(fg_str_append(&s, "（分工建议稿）\n", strlen("（分工建议稿）\n")));
    }
    for (size_t i = 0; i < plan->n_items; i++) {
        const fg_item *it = &plan->items[i];
        const char *lead = NULL;
        size_t n_co = 0;

        if (strcmp(it->part, part) != 0) {
            FG_TRY(fg_str_append(&s, "附件", strlen("附件")));
            FG_TRY(fg_str_append(&s, it->part + 1, strlen(it->part + 1)));
            FG_TRY(fg_str_appendc(&s, '\n'));
            part = it->part;
        }
        FG_TRY(strip_clauses(&txt, it->text));
        /* One line per item: marker, text (no line breaks inside), suggestion. */
        FG_TRY(fg_str_append(&s, it->marker, strlen(it->marker)));
        for (size_t k = 0; k < txt.len; k++)
            FG_TRY(fg_str_appendc(&s, txt.ptr[k] == '\n' ? ' ' : txt.ptr[k]));
        for (size_t k = 0; k < n; k++)
            if (v[k].item == i && v[k].role == FG_ROLE_LEAD && v[k].rank == 1)
                lead = v[k].agency;
        if (lead) {
            FG_TRY(fg_str_append(&s, "（", 3));
            FG_TRY(fg_str_append(&s, lead, strlen(lead)));
            FG_TRY(fg_str_append(&s, "牵头", strlen("牵头")));
            for (size_t k = 0; k < n; k++) {
                if (v[k].item != i || v[k].role != FG_ROLE_CO || n_co >= max_co)
                    continue;
                FG_TRY(fg_str_append(&s, n_co ? "、" : "，", 3));
                FG_TRY(fg_str_append(&s, v[k].agency, strlen(v[k].agency)));
                n_co++;
            }
            if (n_co)
                FG_TRY(fg_str_append(&s, "按职责分工负责", strlen("按职责分工负责")));
            FG_TRY(fg_str_append(&s, "）", 3));
        }
        FG_TRY(fg_str_appendc(&s, '\n'));
    }
    *len = s.len;
    *out = fg_str_steal(&s);
    if (*out == NULL)
        rc = fg_error_set(FG_ENOMEM, "out of memory");
out:
    fg_str_dispose(&s);
    fg_str_dispose(&txt);
    return rc;
}

int fg_suggest_item_deadline(fg_deadline *out, const char **text, const fg_doc *plan,
                             size_t item)
{
    const fg_item *it;
    const fg_due *u;
    size_t len;
    size_t from = 0;
    bool found = false;
    fg_deadline d;

    if (out == NULL || text == NULL || plan == NULL || item >= plan->n_items)
        return fg_error_set(FG_EINVAL, "fg_suggest_item_deadline: out, text and a plan with "
                                       "that item are required");
    memset(out, 0, sizeof *out);
    *text = "";
    it = &plan->items[item];
    u = &it->deadline;
    if (u->kind != FG_DEADLINE_NONE) {
        out->kind = u->kind;
        out->every = u->every;
        snprintf(out->date, sizeof out->date, "%s", u->date ? u->date : "");
        out->year_assumed = u->year_assumed != 0;
        out->off = 0;
        out->len = strlen(u->text);
        *text = u->text;
        return FG_OK;
    }
    len = strlen(it->text);
    while (from < len && fg_deadline_find(&d, &found, it->text, len, from, plan->year) == FG_OK &&
           found) {
        *out = d;
        *text = it->text;
        from = d.off + (d.len ? d.len : 1);
    }
    return FG_OK;
}
