/* fengong: the agency gazetteer: names, aliases and renamings → canonical agencies. */
#ifndef FENGONG_GAZETTEER_H
#define FENGONG_GAZETTEER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One agency of the gazetteer. Strings are owned by the gazetteer. */
typedef struct fg_agency_entry {
    const char *canonical;
    const char *const *aliases;
    size_t n_aliases;
    const char *level;      /* central, province, city, county */
    const char *type;       /* government, party, people, judicial, central, soe, … */
    const char *successor;  /* canonical name of the agency that replaced it, or "" */
    int since;              /* year of that change, 0 when none */
    const char *source;     /* where the facts come from */
} fg_agency_entry;

typedef struct fg_gazetteer fg_gazetteer;

/**
 * A gazetteer holding the bundled agency list (graphs/agencies.tsv, embedded at build time).
 * @param out  receives a new gazetteer, freed with fg_gazetteer_free(); NULL on failure.
 * @return FG_OK, FG_EPARSE (bundled data malformed) or FG_ENOMEM.
 */
int fg_gazetteer_load_default(fg_gazetteer **out);

/** An empty gazetteer (for tests and for callers that bring their own list). */
int fg_gazetteer_new(fg_gazetteer **out);

/**
 * Merge TSV text (header `canonical aliases level type successor since source`, aliases
 * separated by |) on top of what the gazetteer holds: a row whose canonical already exists
 * replaces its fields and adds its aliases; an alias already used elsewhere moves to the
 * new row. On failure the gazetteer is unchanged.
 * @param name  used in messages ("my-agencies.tsv:12: …"); copied.
 * @return FG_OK, FG_EPARSE (NAME:LINE: what is wrong) or FG_ENOMEM.
 */
int fg_gazetteer_merge_tsv(fg_gazetteer *g, const char *name, const char *data, size_t len);

/** fg_gazetteer_merge_tsv() on a file; FG_EIO when it cannot be read. */
int fg_gazetteer_merge_file(fg_gazetteer *g, const char *path);

/**
 * The agency a surface form names (canonical or alias; blanks ignored), or NULL when the
 * gazetteer does not know it. Borrowed: valid until the next merge or the free.
 * Complexity: O(len) expected (hash table).
 */
const fg_agency_entry *fg_gazetteer_lookup(const fg_gazetteer *g, const char *name, size_t len);

/** The agency that stands for e in year as_of, following successors changed by then. */
const fg_agency_entry *fg_gazetteer_as_of(const fg_gazetteer *g, const fg_agency_entry *e,
                                          int as_of);

/**
 * The name that stands for name (canonical, alias or old name) in year as_of: the canonical
 * name of fg_gazetteer_as_of() of its entry; name itself when g is NULL, as_of is 0 or the
 * gazetteer does not know it. Borrowed from the gazetteer or the caller.
 */
const char *fg_gazetteer_name_as_of(const fg_gazetteer *g, const char *name, int as_of);

/** Number of agencies, and the i-th (in file order). */
size_t fg_gazetteer_size(const fg_gazetteer *g);
const fg_agency_entry *fg_gazetteer_at(const fg_gazetteer *g, size_t i);

/** Free a gazetteer; NULL-safe. */
void fg_gazetteer_free(fg_gazetteer *g);

#ifdef __cplusplus
}
#endif
#endif
