/*
 * Small helpers shared by the cmocka tests. Tables of phrases: a case is an input and the
 * text wanted from it (written by hand); every case is read, each one read wrong is printed
 * with what read it, and the test fails with their count, so one run shows every miss.
 * Header-only: each test is one translation unit; include it after <cmocka.h>.
 */
#ifndef FG_TEST_UTIL_H
#define FG_TEST_UTIL_H

#include <stdio.h>
#include <string.h>

#define FG_N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Free what p points to with free_fn and forget it (as GLib's g_clear_pointer does). */
#define FG_CLEAR(p, free_fn)                                                                      \
    do {                                                                                          \
        free_fn(p);                                                                               \
        (p) = NULL;                                                                               \
    } while (0)

/* names[value], the name of an enum value in a test's list of n names; fails when it has none. */
static inline const char *fg_name_of(const char *const *names, size_t n, int value)
{
    if (value < 0 || (size_t)value >= n)
        fail_msg("value %d has no name", value);
    return names[value];
}

#define FG_NAME_OF(names, value) fg_name_of((names), FG_N_OF(names), (int)(value))

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

/* Read each of the n cases with read (named what in messages) and compare with its want. */
static inline void fg_check_phrases(const char *what, const char *(*read)(const char *in),
                                    const fg_phrase_case *cases, size_t n)
{
    size_t n_bad = 0;

    for (size_t k = 0; k < n; k++)
        n_bad += fg_phrase_miss(what, cases[k].in, read(cases[k].in), cases[k].want);
    fg_phrases_done(n_bad, n);
}

/* A table of phrases, what reads them and its name in messages: the state of a phrase test. */
typedef struct fg_phrase_table {
    const char *what;
    const char *(*read)(const char *in);
    const fg_phrase_case *cases;
    size_t n;
} fg_phrase_table;

/* The test of a table: its state is the fg_phrase_table. */
static inline void fg_phrase_test(void **state)
{
    const fg_phrase_table *t = *state;

    fg_check_phrases(t->what, t->read, t->cases, t->n);
}

/*
 * A cmocka test named name reading the table cases with read, what in messages, in a
 * CMUnitTest array of main() (the table lives as long as main's block).
 */
#define FG_PHRASE_TEST(name, what, read, cases)                                                  \
    {#name, fg_phrase_test, NULL, NULL,                                                          \
     (void *)&(const fg_phrase_table){(what), (read), (cases), FG_N_OF(cases)}}

#endif
