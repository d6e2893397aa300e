/*
 * Small helpers shared by the cmocka tests: FG_N_OF, fg_addf (append to a buffer), fg_find_all
 * (every finding from successive offsets), FG_CLEAR * (free and forget), names of enum
 * values (FG_NAME_OF for a test's own list, FG_ASSERT_NAMES for a module's name function), and
 * tables of phrases: a case is an input and the text wanted from it (written by hand); every
 * case is read, each one read wrong is printed with what read it, and the test fails with
 * their count, so one run shows every miss (fg_check_phrases, FG_PHRASE_TEST). Header-only:
 * each test is one translation unit; include it after <cmocka.h>.
 */
#ifndef FG_TEST_UTIL_H
#define FG_TEST_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define FG_N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Append printf-style text to buf (cap bytes, *len used, NUL-terminated); fails if it is full. */
static inline void fg_addf(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < cap - *len);
    *len += (size_t)n;
}

/*
 * What one() finds in s at or after from, written into out (cap bytes), its span in s given
 * back in *off and *len; false when there is none.
 */
typedef bool fg_find_one(char *out, size_t cap, const char *s, size_t from, size_t *off,
                         size_t *len);

/*
 * Every finding of one() in s, each looked for after the one before (10 at the most), joined
 * by " | " in buf; each must lie inside s, after where it was looked for, and not be empty.
 */
static inline const char *fg_find_all(char *buf, size_t cap, const char *s, fg_find_one *one)
{
    char item[1024];
    size_t from = 0;
    size_t used = 0;
    size_t off;
    size_t len;

    buf[0] = '\0';
    for (int k = 0; k < 10 && one(item, sizeof item, s, from, &off, &len); k++) {
        assert_true(len > 0 && off >= from && off + len <= strlen(s));
        fg_addf(buf, cap, &used, "%s%s", used > 0 ? " | " : "", item);
        from = off + len;
    }
    return buf;
}

/* Free what p points to with free_fn and forget it (as GLib's g_clear_pointer does). */
#define FG_CLEAR(p, free_fn)                                                                       \
    do {                                                                                           \
        free_fn(p);                                                                                \
        (p) = NULL;                                                                                \
    } while (0)

/* names[value], the name of an enum value in a test's list of n names; fails when it has none. */
static inline const char *fg_name_of(const char *const *names, size_t n, int value)
{
    if (value < 0 || (size_t)value >= n)
        fail_msg("value %d has no name", value);
    return names[value];
}

#define FG_NAME_OF(names, value) fg_name_of((names), FG_N_OF(names), (int)(value))

/*
 * The names name_fn gives the values first..last of an enum type, joined by |, are want: the
 * whole list is checked against one hand-written string.
 */
#define FG_ASSERT_NAMES(name_fn, type, first, last, want)                                          \
    do {                                                                                           \
        char buf_[512];                                                                            \
        size_t len_ = 0;                                                                           \
                                                                                                   \
        buf_[0] = '\0';                                                                            \
        for (int v_ = (int)(first); v_ <= (int)(last); v_++)                                       \
            fg_addf(buf_, sizeof buf_, &len_, "%s%s", v_ > (int)(first) ? "|" : "",                \
                    name_fn((type)v_));                                                            \
        assert_string_equal(buf_, (want));                                                         \
    } while (0)

/*
 * A field of a record type a test checks by name: its offset, and how its value is written:
 * 'z' size_t, 'i' int, 'b' bool, 's' string, 'g' double (%.15g), 'e' an enum, by names[value].
 */
typedef struct fg_field {
    const char *name;
    size_t off;
    char type;
    const char *const *names; /* 'e': the names of the values, n_names of them */
    size_t n_names;
} fg_field;

/* clang-format off */
#define FG_FIELD(rec, member, type) {#member, offsetof(rec, member), (type), NULL, 0}
#define FG_FIELD_ENUM(rec, member, names)                                                          \
    {#member, offsetof(rec, member), 'e', (names), FG_N_OF(names)}
/* clang-format on */

/*
 * The fields of the record rec (described by the n fields) named in want, which lists them as
 * "name=value|name=value…" in any order and number, are those values: the named fields are
 * written the same way and the two strings compared, so a failure shows every one of them.
 */
static inline void fg_assert_fields(const void *rec, const fg_field *fields, size_t n,
                                    const char *want)
{
    char got[2048];
    size_t used = 0;

    got[0] = '\0';
    for (const char *p = want; *p != '\0';) {
        size_t name_len = strcspn(p, "=|");
        const fg_field *f = NULL;
        const char *v;

        for (size_t k = 0; k < n && f == NULL; k++)
            if (strlen(fields[k].name) == name_len && memcmp(fields[k].name, p, name_len) == 0)
                f = &fields[k];
        if (f == NULL)
            fail_msg("no field %.*s", (int)name_len, p);
        v = (const char *)rec + f->off;
        fg_addf(got, sizeof got, &used, "%s%s=", used > 0 ? "|" : "", f->name);
        if (f->type == 'z')
            fg_addf(got, sizeof got, &used, "%zu", *(const size_t *)v);
        else if (f->type == 'i')
            fg_addf(got, sizeof got, &used, "%d", *(const int *)v);
        else if (f->type == 'b')
            fg_addf(got, sizeof got, &used, "%s", *(const bool *)v ? "true" : "false");
        else if (f->type == 's')
            fg_addf(got, sizeof got, &used, "%s", *(const char *const *)v);
        else if (f->type == 'g')
            fg_addf(got, sizeof got, &used, "%.15g", *(const double *)v);
        else
            fg_addf(got, sizeof got, &used, "%s",
                    fg_name_of(f->names, f->n_names, *(const int *)v));
        p += strcspn(p, "|");
        p += *p == '|';
    }
    assert_string_equal(got, want);
}

#define FG_ASSERT_FIELDS(rec, fields, want)                                                        \
    fg_assert_fields((rec), (fields), FG_N_OF(fields), (want))

/* A phrase and what reading it gives, formatted by the test. */
typedef struct fg_phrase_case {
    const char *in;
    const char *want;
} fg_phrase_case;

/* 1 when got is not want, after printing the case (what read it, its input, got, want). */
static inline size_t fg_phrase_miss(const char *what, const char *in, const char *got,
                                    const char *want)
{
    if (strcmp(got, want) == 0)
        return 0;
    print_error("%s(\"%s\"):\n got \"%s\"\nwant \"%s\"\n", what, in, got, want);
    return 1;
}

/* Fail, naming how many of n phrases were read wrong, when n_bad is not 0. */
static inline void fg_phrases_done(size_t n_bad, size_t n)
{
    if (n_bad > 0)
        fail_msg("%zu of %zu phrases read wrong", n_bad, n);
}

/*
 * A table of phrases and what reads them, named what in messages: read(), or when it is
 * NULL every finding of find_one() joined by fg_find_all(). The state of a phrase test.
 */
typedef struct fg_phrase_table {
    const char *what;
    const char *(*read)(const char *in);
    fg_find_one *find_one;
    const fg_phrase_case *cases;
    size_t n;
} fg_phrase_table;

/* The test of a table: each case is read and compared with its want; then the misses fail. */
static inline void fg_phrase_test(void **state)
{
    const fg_phrase_table *t = *state;
    static char found[4096];
    size_t n_bad = 0;

    for (size_t k = 0; k < t->n; k++) {
        const char *in = t->cases[k].in;
        const char *got = t->read ? t->read(in) : fg_find_all(found, sizeof found, in, t->find_one);

        n_bad += fg_phrase_miss(t->what, in, got, t->cases[k].want);
    }
    fg_phrases_done(n_bad, t->n);
}

/*
 * A cmocka test named name reading the table cases with read (FG_PHRASE_TEST) or finding in
 * each phrase with find_one (FG_FIND_TEST), what in messages, in a CMUnitTest array of
 * main() (the table lives as long as main's block).
 */
/* clang-format off */
#define FG_PHRASE_TABLE_TEST(name, what, read, find_one, cases)                                    \
    {#name, fg_phrase_test, NULL, NULL,                                                            \
     (void *)&(const fg_phrase_table){(what), (read), (find_one), (cases), FG_N_OF(cases)}}
/* clang-format on */
#define FG_PHRASE_TEST(name, what, read, cases) FG_PHRASE_TABLE_TEST(name, what, read, NULL, cases)
#define FG_FIND_TEST(name, what, find_one, cases)                                                  \
    FG_PHRASE_TABLE_TEST(name, what, NULL, find_one, cases)

#endif
