/*
 * Internal: the names of the values of the public enums (fg_kind_name(),
 * fg_deadline_kind_name(), fg_error_name() …), each a table indexed by the value, with
 * one rule for a value outside the table.
 */
#ifndef FG_SRC_NAMES_H
#define FG_SRC_NAMES_H

#include <stddef.h>

/* names[v] when v is an index of names[0..n) with a name there, else other. */
static inline const char *fg_name_of(const char *const *names, size_t n, long v,
                                     const char *other)
{
    return v >= 0 && (size_t)v < n && names[v] != NULL ? names[v] : other;
}

/* fg_name_of() for a table (an array, not a pointer). */
#define FG_NAME_OF(names, v, other) \
    fg_name_of((names), sizeof(names) / sizeof((names)[0]), (long)(v), (other))

#endif
