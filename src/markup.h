/*
 * Internal: writing XML, SVG and HTML text into an fg_str, for the maps (render.c) and the
 * report (report*.c): one escaper and one formatter.
 */
#ifndef FG_SRC_MARKUP_H
#define FG_SRC_MARKUP_H

#include <stdbool.h>

#include "str.h"

/*
 * Append t with & < > " ' written as entities. With blank_controls, a control character
 * (below 0x20) is written as a space: SVG text and Graphviz's HTML-like labels cannot hold
 * one. FG_OK or FG_ENOMEM.
 */
int fg_markup__escape(fg_str *s, const char *t, bool blank_controls);

/* Append printf-formatted text of any length. FG_OK, FG_ENOMEM or FG_EINVAL. */
int fg_markup__appendf(fg_str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
