/*
 * The agency gazetteer: canonical agencies with their aliases, level, type, successor and
 * source, read from TSV (the bundled graphs/agencies.tsv is embedded at build time; users
 * merge their own files on top). Lookups go through an open-addressing hash table keyed by
 * the name with blanks removed; the table is rebuilt after each merge, so it always
 * reflects the entries. Every string is owned by its entry; a merge is parsed completely
 * before anything changes, so a bad file leaves the gazetteer as it was.
 */
#include "fengong/gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "error.h"
#include "grow.h"
#include "str.h"
#include "tsv.h"

typedef struct entry {
    fg_agency_entry pub;
    char **aliases;       /* owned; pub.aliases points here */
    size_t cap_aliases;
} entry;

struct fg_gazetteer {
    entry *v;
    size_t n;
    size_t cap;
    size_t *slots;        /* hash table of entry index + 1 (0 = empty) */
    char **keys;          /* key of each slot (owned) */
    size_t n_slots;
};

static const char *const levels[] = {"central", "province", "city", "county", NULL};
static const char *const types[] = {"government", "party", "people", "judicial", "central",
                                    "soe", "institution", "city_government", "development_zone",
                                    "group", "generic", NULL};

static char *dup_n(const char *p, size_t n)
{
    char *s = malloc(n + 1);

    if (s) {
        memcpy(s, p, n);
        s[n] = '\0';
    }
    return s;
}

/* The lookup key: the name without ASCII or ideographic blanks. */
static char *make_key(const char *p, size_t n)
{
    char *k = malloc(n + 1);
    size_t j = 0;

    if (k == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == ' ' || p[i] == '\t')
            continue;
        if (i + 3 <= n && memcmp(p + i, "\u3000", 3) == 0) {
            i += 2;
            continue;
        }
        k[j++] = p[i];
    }
    k[j] = '\0';
    return k;
}

static void free_entry(entry *e)
{
    free((char *)e->pub.canonical);
    free((char *)e->pub.level);
    free((char *)e->pub.type);
    free((char *)e->pub.successor);
    free((char *)e->pub.source);
    for (size_t k = 0; k < e->pub.n_aliases; k++)
        free(e->aliases[k]);
    free(e->aliases);
    memset(e, 0, sizeof *e);
}

static void free_table(fg_gazetteer *g)
{
    for (size_t i = 0; i < g->n_slots; i++)
        free(g->keys[i]);
    free(g->keys);
    free(g->slots);
    g->keys = NULL;
    g->slots = NULL;
    g->n_slots = 0;
}

void fg_gazetteer_free(fg_gazetteer *g)
{
    if (g == NULL)
        return;
    for (size_t i = 0; i < g->n; i++)
        free_entry(&g->v[i]);
    free(g->v);
    free_table(g);
    free(g);
}

int fg_gazetteer_new(fg_gazetteer **out)
{
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    return FG_OK;
}

/* Put key → idx into the table (later names win over earlier ones). */
static int table_put(fg_gazetteer *g, const char *name, size_t idx)
{
    char *key = make_key(name, strlen(name));
    size_t h;

    if (key == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    h = fg_hash_str(key) & (g->n_slots - 1);
    while (g->slots[h] != 0 && strcmp(g->keys[h], key) != 0)
        h = (h + 1) & (g->n_slots - 1);
    free(g->keys[h]);
    g->keys[h] = key;
    g->slots[h] = idx + 1;
    return FG_OK;
}

static int rebuild_table(fg_gazetteer *g)
{
    size_t names = 0;
    size_t n_slots = 64;

    free_table(g);
    for (size_t i = 0; i < g->n; i++)
        names += 1 + g->v[i].pub.n_aliases;
    while (n_slots < names * 2)
        n_slots *= 2;
    g->slots = calloc(n_slots, sizeof *g->slots);
    g->keys = calloc(n_slots, sizeof *g->keys);
    if (g->slots == NULL || g->keys == NULL) {
        free_table(g);
        return fg_error_set(FG_ENOMEM, "out of memory");
    }
    g->n_slots = n_slots;
    /* Aliases first, canonical names last, so that a canonical always names itself. */
    for (size_t i = 0; i < g->n; i++)
        for (size_t k = 0; k < g->v[i].pub.n_aliases; k++)
            if (table_put(g, g->v[i].pub.aliases[k], i) < 0)
                return FG_ENOMEM;
    for (size_t i = 0; i < g->n; i++)
        if (table_put(g, g->v[i].pub.canonical, i) < 0)
            return FG_ENOMEM;
    return FG_OK;
}

const fg_agency_entry *fg_gazetteer_lookup(const fg_gazetteer *g, const char *name, size_t len)
{
    char *key;
    size_t h;
    const fg_agency_entry *found = NULL;

    if (g == NULL || g->n_slots == 0 || name == NULL)
        return NULL;
    key = make_key(name, len);
    if (key == NULL)
        return NULL;
    h = fg_hash_str(key) & (g->n_slots - 1);
    while (g->slots[h] != 0) {
        if (strcmp(g->keys[h], key) == 0) {
            found = &g->v[g->slots[h] - 1].pub;
            break;
        }
        h = (h + 1) & (g->n_slots - 1);
    }
    free(key);
    return found;
}

const char *fg_gazetteer_name_as_of(const fg_gazetteer *g, const char *name, int as_of)
{
    const fg_agency_entry *e;

    if (g == NULL || as_of == 0)
        return name;
    e = fg_gazetteer_lookup(g, name, strlen(name));
    return e ? fg_gazetteer_as_of(g, e, as_of)->canonical : name;
}

const fg_agency_entry *fg_gazetteer_as_of(const fg_gazetteer *g, const fg_agency_entry *e,
                                          int as_of)
{
    /* Bounded walk: a cycle in user data cannot loop forever. */
    for (size_t steps = 0; e && steps < 32; steps++) {
        const fg_agency_entry *next;

        if (e->successor[0] == '\0' || e->since == 0 || e->since > as_of)
            return e;
        next = fg_gazetteer_lookup(g, e->successor, strlen(e->successor));
        if (next == NULL || next == e)
            return e;
        e = next;
    }
    return e;
}

size_t fg_gazetteer_size(const fg_gazetteer *g)
{
    return g ? g->n : 0;
}

const fg_agency_entry *fg_gazetteer_at(const fg_gazetteer *g, size_t i)
{
    return g && i < g->n ? &g->v[i].pub : NULL;
}

/* ---- TSV parsing ---- */

typedef struct row {
    fg_strview f[7];
    size_t line;
} row;

static bool in_set(fg_strview s, const char *const *set)
{
    for (size_t i = 0; set[i]; i++)
        if (fg_sv_eq(s, fg_sv_cstr(set[i])))
            return true;
    return false;
}

static int add_alias(entry *e, fg_strview a)
{
    char *s;

    for (size_t k = 0; k < e->pub.n_aliases; k++)
        if (strlen(e->aliases[k]) == a.len && memcmp(e->aliases[k], a.ptr, a.len) == 0)
            return FG_OK;
    if (FG_GROW(e->aliases, e->cap_aliases, e->pub.n_aliases, 4) < 0)
        return FG_ENOMEM;
    s = dup_n(a.ptr, a.len);
    if (s == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    e->aliases[e->pub.n_aliases++] = s;
    e->pub.aliases = (const char *const *)e->aliases;
    return FG_OK;
}

/* Remove alias a from every entry but keep (it moves to the row that names it now). */
static void drop_alias_elsewhere(fg_gazetteer *g, fg_strview a, size_t keep)
{
    for (size_t i = 0; i < g->n; i++) {
        entry *e = &g->v[i];

        if (i == keep)
            continue;
        for (size_t k = 0; k < e->pub.n_aliases; k++) {
            if (strlen(e->aliases[k]) == a.len && memcmp(e->aliases[k], a.ptr, a.len) == 0) {
                free(e->aliases[k]);
                memmove(&e->aliases[k], &e->aliases[k + 1],
                        (e->pub.n_aliases - k - 1) * sizeof *e->aliases);
                e->pub.n_aliases--;
                k--;
            }
        }
    }
}

static int set_field(const char **dst, fg_strview v)
{
    char *s = dup_n(v.ptr, v.len);

    if (s == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    free((char *)*dst);
    *dst = s;
    return FG_OK;
}

/* Apply one validated row. */
static int apply_row(fg_gazetteer *g, const row *r)
{
    fg_strview canon = r->f[0];
    size_t idx = g->n;
    entry *e;
    int rc;

    for (size_t i = 0; i < g->n; i++) {
        if (strlen(g->v[i].pub.canonical) == canon.len &&
            memcmp(g->v[i].pub.canonical, canon.ptr, canon.len) == 0) {
            idx = i;
            break;
        }
    }
    if (idx == g->n) {
        if (FG_GROW(g->v, g->cap, g->n, 256) < 0)
            return FG_ENOMEM;
        memset(&g->v[g->n], 0, sizeof g->v[g->n]);
        g->n++;
    }
    e = &g->v[idx];
    if ((rc = set_field(&e->pub.canonical, canon)) < 0 ||
        (rc = set_field(&e->pub.level, r->f[2])) < 0 ||
        (rc = set_field(&e->pub.type, r->f[3])) < 0 ||
        (rc = set_field(&e->pub.successor, r->f[4])) < 0 ||
        (rc = set_field(&e->pub.source, r->f[6])) < 0)
        return rc;
    e->pub.since = r->f[5].len ? atoi(r->f[5].ptr) : 0;
    drop_alias_elsewhere(g, canon, idx);
    for (size_t i = 0, start = 0; i <= r->f[1].len; i++) {
        if (i == r->f[1].len || r->f[1].ptr[i] == '|') {
            fg_strview a = fg_sv(r->f[1].ptr + start, i - start);

            if (a.len && !fg_sv_eq(a, canon)) {
                drop_alias_elsewhere(g, a, idx);
                rc = add_alias(e, a);
                if (rc < 0)
                    return rc;
            }
            start = i + 1;
        }
    }
    return FG_OK;
}

int fg_gazetteer_merge_tsv(fg_gazetteer *g, const char *name, const char *data, size_t len)
{
    static const char header[] = "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource";
    row *rows = NULL;
    size_t n_rows = 0;
    size_t cap_rows = 0;
    fg_tsv t = FG_TSV_INIT(data, len);
    fg_strview ln;
    int rc = FG_OK;

    if (g == NULL || (data == NULL && len > 0))
        return fg_error_set(FG_EINVAL, "fg_gazetteer_merge_tsv: gazetteer and data are required");
    while (fg_tsv_next(&t, &ln)) {
        size_t line = t.line;
        row r;
        size_t nf = 0;

        if (line == 1) {
            if (!fg_sv_eq(ln, fg_sv(header, sizeof header - 1))) {
                rc = fg_error_set(FG_EPARSE, "%s:1: expected the header '%s'", name,
                                  "canonical aliases level type successor since source");
                goto out;
            }
            continue;
        }
        if (ln.len == 0 || ln.ptr[0] == '#')
            continue;
        for (size_t k = 0, start = 0; k <= ln.len; k++) {
            if (k == ln.len || ln.ptr[k] == '\t') {
                if (nf < 7)
                    r.f[nf] = fg_sv(ln.ptr + start, k - start);
                nf++;
                start = k + 1;
            }
        }
        r.line = line;
        for (size_t k = 0; k < ln.len; k++) {
            unsigned char b = (unsigned char)ln.ptr[k];

            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                rc = fg_error_set(FG_EPARSE, "%s:%zu: control character (byte 0x%02X) in a "
                                  "field", name, line, b);
                goto out;
            }
        }
        if (nf != 7) {
            rc = fg_error_set(FG_EPARSE, "%s:%zu: expected 7 tab-separated fields, found %zu",
                              name, line, nf);
            goto out;
        }
        if (r.f[0].len == 0) {
            rc = fg_error_set(FG_EPARSE, "%s:%zu: empty canonical name", name, line);
            goto out;
        }
        if (!in_set(r.f[2], levels)) {
            rc = fg_error_set(FG_EPARSE, "%s:%zu: unknown level '%.*s' (central, province, "
                              "city, county)", name, line, (int)r.f[2].len, r.f[2].ptr);
            goto out;
        }
        if (!in_set(r.f[3], types)) {
            rc = fg_error_set(FG_EPARSE, "%s:%zu: unknown type '%.*s'", name, line,
                              (int)r.f[3].len, r.f[3].ptr);
            goto out;
        }
        if (r.f[5].len) {
            size_t nd = 0;

            for (size_t k = 0; k < r.f[5].len; k++)
                nd += r.f[5].ptr[k] >= '0' && r.f[5].ptr[k] <= '9';
            if (nd != 4 || r.f[5].len != 4 || r.f[4].len == 0) {
                rc = fg_error_set(FG_EPARSE, "%s:%zu: since must be a year with a successor",
                                  name, line);
                goto out;
            }
        }
        FG_TRY(FG_GROW(rows, cap_rows, n_rows, 128));
        rows[n_rows++] = r;
    }
    if (t.line == 0) {
        rc = fg_error_set(FG_EPARSE, "%s: empty file, expected the gazetteer header", name);
        goto out;
    }
    for (size_t k = 0; k < n_rows; k++)
        FG_TRY(apply_row(g, &rows[k]));
    FG_TRY(rebuild_table(g));
out:
    free(rows);
    return rc;
}

static int merge_text(const char *name, const char *text, size_t len, void *g)
{
    return fg_gazetteer_merge_tsv(g, name, text, len);
}

int fg_gazetteer_merge_file(fg_gazetteer *g, const char *path)
{
    return fg_str_with_file(path, merge_text, g);
}

int fg_gazetteer_load_default(fg_gazetteer **out)
{
    fg_gazetteer *g = NULL;
    int rc = fg_gazetteer_new(&g);

    *out = NULL;
    if (rc < 0)
        return rc;
    rc = fg_gazetteer_merge_tsv(g, "graphs/agencies.tsv (bundled)", fg_embedded_agencies,
                                fg_embedded_agencies_len);
    if (rc < 0) {
        fg_gazetteer_free(g);
        return rc;
    }
    *out = g;
    return FG_OK;
}
