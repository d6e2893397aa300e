/* Internals of the graph (analysis.c) that the report (report.c) uses too. */
#ifndef FG_SRC_ANALYSIS_INT_H
#define FG_SRC_ANALYSIS_INT_H

#include <stddef.h>

#include "fengong/analysis.h"

/* The index of the agency named exactly name (the agencies are sorted), or SIZE_MAX. */
size_t fg_analysis__agency_index(const fg_graph *g, const char *name);

#endif
