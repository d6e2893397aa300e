/*
 * libFuzzer target: fg_gazetteer_merge_tsv() of arbitrary bytes on top of a small fixed
 * gazetteer. A failed merge must leave the gazetteer as it was (same size, same names); a
 * successful one must make every canonical name and alias findable, return the entry itself
 * for its canonical name, and fg_gazetteer_as_of() must come back (successor cycles are
 * bounded) with an entry of the gazetteer. Lookups of slices of the input must not crash.
 * Merging the same data a second time must succeed without adding entries.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fengong/error.h"
#include "fengong/gazetteer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char base_tsv[] =
    "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
    "省发展改革委\t湖南省发展和改革委员会|省发改委\tprovince\tgovernment\t\t\tfuzz\n"
    "省扶贫办\t湖南省扶贫开发办公室\tprovince\tgovernment\t省乡村振兴局\t2021\tfuzz\n"
    "省乡村振兴局\t湖南省乡村振兴局\tprovince\tgovernment\t\t\tfuzz\n";

static void fail(const char *why, const char *what)
{
    fprintf(stderr, "fuzz_gazetteer: invariant broken: %s%s%s\n", why, what ? ": " : "",
            what ? what : "");
    abort();
}

static int is_member(const fg_gazetteer *g, const fg_agency_entry *e)
{
    for (size_t i = 0; i < fg_gazetteer_size(g); i++)
        if (fg_gazetteer_at(g, i) == e)
            return 1;
    return 0;
}

/* Every name the gazetteer holds can be found, and as_of stays inside the gazetteer. */
static void check_entries(const fg_gazetteer *g)
{
    static const int years[] = {0, 1949, 2000, 2021, 2099, INT32_MAX};

    for (size_t i = 0; i < fg_gazetteer_size(g); i++) {
        const fg_agency_entry *e = fg_gazetteer_at(g, i);
        const fg_agency_entry *f;

        if (e == NULL || e->canonical == NULL || e->level == NULL || e->type == NULL ||
            e->successor == NULL || e->source == NULL)
            fail("entry with a NULL field", NULL);
        if (e->n_aliases > 0 && e->aliases == NULL)
            fail("aliases NULL", e->canonical);
        f = fg_gazetteer_lookup(g, e->canonical, strlen(e->canonical));
        if (f == NULL)
            fail("canonical name not found", e->canonical);
        for (size_t k = 0; k < e->n_aliases; k++) {
            if (e->aliases[k] == NULL)
                fail("NULL alias", e->canonical);
            if (fg_gazetteer_lookup(g, e->aliases[k], strlen(e->aliases[k])) == NULL)
                fail("alias not found", e->aliases[k]);
        }
        for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
            const fg_agency_entry *s = fg_gazetteer_as_of(g, e, years[y]);

            if (s == NULL || !is_member(g, s))
                fail("as_of left the gazetteer", e->canonical);
        }
        if (fg_gazetteer_as_of(g, e, 0) != e && e->since != 0)
            fail("as_of(0) moved to a successor", e->canonical);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fg_gazetteer *g = NULL;
    const char *d = (const char *)data;
    size_t n_before;
    char **before = NULL;
    int rc;

    if (fg_gazetteer_new(&g) < 0 || g == NULL)
        fail("fg_gazetteer_new failed", NULL);
    if (fg_gazetteer_merge_tsv(g, "base.tsv", base_tsv, sizeof base_tsv - 1) < 0)
        fail("base gazetteer refused", fg_error_last()->message);
    n_before = fg_gazetteer_size(g);
    before = calloc(n_before, sizeof *before);
    if (before == NULL)
        return 0;
    for (size_t i = 0; i < n_before; i++)
        before[i] = strdup(fg_gazetteer_at(g, i)->canonical);

    rc = fg_gazetteer_merge_tsv(g, "fuzz.tsv", size ? d : NULL, size);
    if (rc < 0) {
        const fg_error *e = fg_error_last();

        if (e->code != rc || strncmp(e->message, "fuzz.tsv", 8) != 0)
            fail("failure without a message naming the input", e->message);
        if (fg_gazetteer_size(g) != n_before)
            fail("failed merge changed the size", NULL);
        for (size_t i = 0; i < n_before; i++)
            if (strcmp(fg_gazetteer_at(g, i)->canonical, before[i]) != 0)
                fail("failed merge changed an entry", before[i]);
        if (fg_gazetteer_lookup(g, "省发改委", strlen("省发改委")) == NULL)
            fail("failed merge lost an alias", NULL);
    } else {
        size_t n_after = fg_gazetteer_size(g);

        if (n_after < n_before)
            fail("merge removed entries", NULL);
        check_entries(g);
        if (fg_gazetteer_merge_tsv(g, "fuzz.tsv", size ? d : NULL, size) < 0)
            fail("second merge of accepted data failed", fg_error_last()->message);
        if (fg_gazetteer_size(g) != n_after)
            fail("second merge of the same data added entries", NULL);
        check_entries(g);
    }
    /* Lookups of arbitrary slices: every line and every |-separated piece. */
    for (size_t i = 0, start = 0; i <= size; i++) {
        if (i == size || d[i] == '\n' || d[i] == '|' || d[i] == '\t') {
            const fg_agency_entry *e = fg_gazetteer_lookup(g, d + start, i - start);

            if (e != NULL && !is_member(g, e))
                fail("lookup returned a foreign entry", NULL);
            start = i + 1;
        }
    }
    for (size_t i = 0; i < n_before; i++)
        free(before[i]);
    free(before);
    fg_gazetteer_free(g);
    return 0;
}
