/*
 * libFuzzer target: fg_text_decode() then fg_parse_document() and fg_doc_to_json() on the
 * result. Besides the sanitizers' findings, it checks what include/fengong/doc.h promises:
 * every string is valid UTF-8 (the parser never cuts inside a code point), parents come
 * before their children with a depth one less, line numbers lie inside the text, roles and
 * kinds are in range, and the JSON is produced. A broken promise aborts with a reason.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fengong/doc.h"
#include "fengong/error.h"
#include "fengong/parse.h"
#include "fengong/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why, const char *what)
{
    fprintf(stderr, "fuzz_parse: invariant broken: %s%s%s\n", why, what ? ": " : "",
            what ? what : "");
    abort();
}

/* Strict UTF-8 check of a NUL-terminated string. */
static void check_utf8(const char *field, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;

    if (str == NULL)
        fail("NULL string", field);
    for (size_t i = 0; s[i];) {
        unsigned char c = s[i];
        size_t need = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        uint32_t cp = need == 2 ? c & 0x1Fu : need == 3 ? c & 0x0Fu : c & 0x07u;

        if (need == 0)
            fail("invalid UTF-8 (bad lead byte)", field);
        for (size_t k = 1; k < need; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                fail("invalid UTF-8 (sequence cut)", field);
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            fail("invalid UTF-8 (overlong or surrogate)", field);
        i += need;
    }
}

/* An array of n elements is there when n is not 0. */
static void check_array(size_t n, const void *v, const char *why, const char *what)
{
    if (n > 0 && v == NULL)
        fail(why, what);
}

/* A line number lies inside the text's n_lines lines. */
static void check_line(size_t line, size_t n_lines, const char *why, const char *what)
{
    if (line < 1 || line > n_lines)
        fail(why, what);
}

static void check_doc(const fg_doc *doc, size_t n_lines)
{
    fg_doc_stats st;
    size_t n_clauses = 0;

    check_utf8("doc.name", doc->name);
    check_utf8("doc.title", doc->title);
    check_utf8("doc.doc_number", doc->doc_number);
    check_utf8("doc.issuer", doc->issuer);
    check_utf8("doc.date", doc->date);
    check_array(doc->n_items, doc->items, "items NULL", NULL);
    for (size_t i = 0; i < doc->n_items; i++) {
        const fg_item *it = &doc->items[i];

        check_utf8("item.path", it->path);
        check_utf8("item.part", it->part);
        check_utf8("item.marker", it->marker);
        check_utf8("item.title", it->title);
        check_utf8("item.text", it->text);
        if (it->parent != FG_NO_PARENT) {
            if (it->parent >= i)
                fail("item parent does not come before the item", it->path);
            if (it->depth != doc->items[it->parent].depth + 1)
                fail("item depth is not its parent's + 1", it->path);
        } else if (it->depth != 1) {
            fail("top-level item with depth != 1", it->path);
        }
        check_line(it->line, n_lines, "item line outside the text", it->path);
        check_array(it->n_clauses, it->clauses, "clauses NULL", it->path);
        for (size_t c = 0; c < it->n_clauses; c++) {
            const fg_clause *cl = &it->clauses[c];

            n_clauses++;
            check_utf8("clause.text", cl->text);
            check_line(cl->line, n_lines, "clause line outside the text", it->path);
            check_array(cl->n_assignments, cl->assignments, "assignments NULL", it->path);
            for (size_t a = 0; a < cl->n_assignments; a++) {
                const fg_assignment *as = &cl->assignments[a];

                check_utf8("assignment.agency", as->agency);
                if (as->agency[0] == '\0')
                    fail("empty agency name", it->path);
                if ((unsigned)as->role > FG_ROLE_CO || (unsigned)as->kind > FG_KIND_GENERIC)
                    fail("assignment role or kind out of range", it->path);
            }
        }
    }
    check_array(doc->n_teams, doc->teams, "teams NULL", NULL);
    for (size_t t = 0; t < doc->n_teams; t++) {
        const fg_team *tm = &doc->teams[t];

        check_array(tm->n_members, tm->members, "members NULL", NULL);
        for (size_t m = 0; m < tm->n_members; m++) {
            check_utf8("team_member.agency", tm->members[m].agency);
            if ((unsigned)tm->members[m].role > FG_TEAM_OFFICE ||
                (unsigned)tm->members[m].kind > FG_KIND_GENERIC)
                fail("team member role or kind out of range", NULL);
        }
    }
    fg_doc_stats_get(&st, doc);
    if (st.n_items != doc->n_items || st.n_clauses != n_clauses ||
        st.n_items_assigned > st.n_items)
        fail("doc stats disagree with the document", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fg_text *text = NULL;
    fg_doc *doc = NULL;
    char *json = NULL;
    size_t n_lines = 1;
    int rc;

    if (fg_text_decode(&text, "fuzz/doc.txt", data, size) < 0)
        return 0;
    for (size_t i = 0; i < text->len; i++)
        n_lines += text->data[i] == '\n';
    rc = fg_parse_document(&doc, text, NULL);
    if (rc < 0) {
        /* Any text is a document (possibly with no items); only ENOMEM may fail it. */
        if (doc != NULL || rc != FG_ENOMEM)
            fail("fg_parse_document failed on decoded text", fg_error_last()->message);
        goto out;
    }
    if (doc == NULL)
        fail("success without a document", NULL);
    if (strcmp(doc->name, "doc.txt") != 0)
        fail("document name is not the basename", doc->name);
    check_doc(doc, n_lines);
    rc = fg_doc_to_json(&json, (const fg_doc *const *)&doc, 1);
    if (rc < 0 || json == NULL)
        fail("fg_doc_to_json failed", fg_error_last()->message);
    if (json[0] != '{')
        fail("JSON does not start with an object", NULL);
out:
    free(json);
    fg_doc_free(doc);
    fg_text_free(text);
    return 0;
}
