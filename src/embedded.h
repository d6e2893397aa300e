/* Internal: data files embedded at build time by cmake/embed.cmake. */
#ifndef FG_SRC_EMBEDDED_H
#define FG_SRC_EMBEDDED_H

#include <stddef.h>

extern const char fg_embedded_agencies[];    /* graphs/agencies.tsv */
extern const size_t fg_embedded_agencies_len;
extern const char fg_embedded_schema[];      /* src/schema.sql */
extern const size_t fg_embedded_schema_len;
extern const char fg_embedded_remits[];      /* graphs/agency-remits.tsv */
extern const size_t fg_embedded_remits_len;

extern const char fg_embedded_roles[];        /* graphs/roles.tsv */
extern const size_t fg_embedded_roles_len;

#endif
