/*
 * libFuzzer target for the internal clause parser (src/clause.h): fg_clause__parse() with
 * every combination of flags, fg_clause__split_list() with both roles and the small
 * classifiers, on input that is valid UTF-8 (their precondition; fg_utf8_decode() decides).
 * Every unit must lie inside the names buffer, be non-empty, start and end on code point
 * boundaries, and have its role and kind in range; a text that is not a clause adds nothing.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "fengong/error.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why, unsigned flags)
{
    fprintf(stderr, "fuzz_clause: invariant broken: %s (flags %u)\n", why, flags);
    abort();
}

static bool valid_utf8(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n;

        if (fg_utf8_decode(s + i, len - i, &n) < 0)
            return false;
        i += n;
    }
    return true;
}

static void check_units(const fg_units *u, size_t first, unsigned flags)
{
    for (size_t k = first; k < u->n; k++) {
        const fg_unit *x = &u->v[k];

        if (x->len == 0)
            fail("empty unit", flags);
        if (x->off > u->names.len || x->len > u->names.len - x->off)
            fail("unit outside the names buffer", flags);
        if (!valid_utf8(u->names.ptr + x->off, x->len))
            fail("unit name is not valid UTF-8 (cut inside a code point)", flags);
        if ((unsigned)x->role > FG_ROLE_CO || (unsigned)x->kind > FG_KIND_GENERIC)
            fail("role or kind out of range", flags);
        if (fg_clause__kind(fg_sv(u->names.ptr + x->off, x->len)) > FG_KIND_GENERIC)
            fail("kind of a unit name out of range", flags);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    fg_units u = {0};
    fg_strview text = fg_sv(size ? s : "", size);

    if (!valid_utf8(text.ptr, text.len))
        return 0;
    for (unsigned flags = 0; flags < 8; flags++) {
        bool is_clause = true;
        int rc;

        fg_units_clear(&u);
        rc = fg_clause__parse(&u, &is_clause, text, flags);
        if (rc < 0) {
            if (rc != FG_ENOMEM)
                fail("fg_clause__parse failed with a code other than ENOMEM", flags);
            continue;
        }
        if (!is_clause && u.n != 0)
            fail("units appended although the text is not a clause", flags);
        check_units(&u, 0, flags);
        /* Appending to a non-empty list keeps what is there. */
        if (u.n > 0) {
            size_t n0 = u.n;
            fg_unit first = u.v[0];

            rc = fg_clause__parse(&u, &is_clause, text, flags);
            if (rc == FG_OK && (u.n < n0 || memcmp(&u.v[0], &first, sizeof first) != 0))
                fail("a second parse changed the units already there", flags);
            check_units(&u, 0, flags);
        }
    }
    for (int role = FG_ROLE_LEAD; role <= FG_ROLE_CO; role++) {
        fg_units_clear(&u);
        if (fg_clause__split_list(&u, text, (fg_role)role) == FG_OK) {
            check_units(&u, 0, 8);
            for (size_t k = 0; k < u.n; k++)
                if (u.v[k].role != (fg_role)role)
                    fail("split_list changed the role", 8);
        }
    }
    (void)fg_clause__has_role_word(NULL, text);
    (void)fg_clause__looks_like_unit(text);
    if ((unsigned)fg_clause__kind(text) > FG_KIND_GENERIC)
        fail("kind out of range", 8);
    fg_units_dispose(&u);
    return 0;
}
