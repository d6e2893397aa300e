/*
 * The document model: names of enums, counts, freeing and the JSON form. A document and
 * everything it points to live in one arena (doc->priv_), so freeing is one call.
 */
#include "fengong/doc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "names.h"
#include "str.h"

void fg_doc_free(fg_doc *doc)
{
    if (doc == NULL)
        return;
    /* The document itself is allocated in its own arena. */
    fg_arena_free((fg_arena *)doc->priv_);
}

const char *fg_role_name(fg_role role)
{
    return role == FG_ROLE_LEAD ? "lead" : "co";
}

/* The names of the enums' values, by value (FG_NAME_OF()). */
static const char *const team_role_names[] = {
    [FG_TEAM_CONVENOR] = "convenor", [FG_TEAM_DEPUTY] = "deputy", [FG_TEAM_MEMBER] = "member",
};
static const char *const kind_names[] = {[FG_KIND_GROUP] = "group", [FG_KIND_GENERIC] = "generic"};
static const char *const due_source_names[] = {
    [FG_DUE_LABEL] = "label", [FG_DUE_COLUMN] = "column", [FG_DUE_CLAUSE] = "clause",
    [FG_DUE_SENTENCE] = "sentence", [FG_DUE_ITEM] = "item",
};
static const char *const note_kind_names[] = {
    [FG_NOTE_DECLARATION] = "declaration", [FG_NOTE_UNKNOWN_LABEL] = "unknown_label",
    [FG_NOTE_LONG_NAME] = "long_name",
};

const char *fg_team_role_name(fg_team_role role)
{
    return FG_NAME_OF(team_role_names, role, "office");
}

const char *fg_kind_name(fg_kind kind)
{
    return FG_NAME_OF(kind_names, kind, "agency");
}

const char *fg_due_source_name(fg_due_source source)
{
    return FG_NAME_OF(due_source_names, source, "");
}

const char *fg_note_kind_name(fg_note_kind kind)
{
    return FG_NAME_OF(note_kind_names, kind, "role_words");
}

void fg_doc_stats_get(fg_doc_stats *out, const fg_doc *doc)
{
    memset(out, 0, sizeof *out);
    out->n_items = doc->n_items;
    for (size_t i = 0; i < doc->n_items; i++) {
        const fg_item *it = &doc->items[i];

        if (it->n_clauses)
            out->n_items_assigned++;
        out->n_clauses += it->n_clauses;
        for (size_t c = 0; c < it->n_clauses; c++) {
            for (size_t a = 0; a < it->clauses[c].n_assignments; a++) {
                if (it->clauses[c].assignments[a].role == FG_ROLE_LEAD)
                    out->n_lead++;
                else
                    out->n_co++;
            }
        }
    }
    for (size_t t = 0; t < doc->n_teams; t++)
        out->n_team_rows += doc->teams[t].n_members;
}

int fg_doc_check(const fg_doc *doc)
{
    /* Clauses belong to items, so a document without items has none. */
    if (doc->n_items == 0 && doc->n_teams == 0)
        return fg_error_set(FG_EPARSE, "%s: no numbered items, clauses or work teams: not a "
                            "task-division document", doc->name);
    return FG_OK;
}

/* Set key to a string value; returns false on allocation failure. */
static bool set_str(json_t *obj, const char *key, const char *val)
{
    json_t *v = json_stringn(val ? val : "", val ? strlen(val) : 0);

    return v != NULL && json_object_set_new(obj, key, v) == 0;
}

static bool set_int(json_t *obj, const char *key, json_int_t val)
{
    json_t *v = json_integer(val);

    return v != NULL && json_object_set_new(obj, key, v) == 0;
}

/* Set key to a deadline object, or to null when there is none. */
static bool set_due(json_t *obj, const char *key, const fg_due *d)
{
    json_t *o;
    bool ok;

    if (d->kind == FG_DEADLINE_NONE)
        return json_object_set_new(obj, key, json_null()) == 0;
    o = json_object();
    ok = o != NULL && set_str(o, "kind", fg_deadline_kind_name(d->kind)) &&
         set_str(o, "text", d->text) && set_str(o, "date", d->date) &&
         set_str(o, "every", fg_deadline_every_name(d->every)) &&
         json_object_set_new(o, "year_assumed", json_boolean(d->year_assumed)) == 0 &&
         set_str(o, "source", fg_due_source_name(d->source));
    if (!ok) {
        json_decref(o);
        return false;
    }
    return json_object_set_new(obj, key, o) == 0;
}

static bool set_real(json_t *obj, const char *key, double val)
{
    json_t *v = json_real(val);

    return v != NULL && json_object_set_new(obj, key, v) == 0;
}

/* Set key to the array of an item's targets. */
static bool set_targets(json_t *obj, const char *key, const fg_item *it)
{
    json_t *arr = json_array();
    bool ok = arr != NULL;

    for (size_t k = 0; ok && k < it->n_targets; k++) {
        const fg_item_target *t = &it->targets[k];
        json_t *o = json_object();

        ok = o != NULL && set_str(o, "text", t->text) && set_str(o, "subject", t->subject) &&
             set_str(o, "change", fg_target_change_name(t->change)) &&
             set_str(o, "bound", fg_target_bound_name(t->bound)) &&
             set_real(o, "value", t->value) && set_real(o, "value_hi", t->value_hi) &&
             set_str(o, "unit", t->unit);
        ok = json_array_append_new(arr, o) == 0 && ok;
    }
    if (!ok) {
        json_decref(arr);
        return false;
    }
    return json_object_set_new(obj, key, arr) == 0;
}

/*
 * o with arr set under key, when ok; else, or when that fails, NULL with both released
 * (json_object_set_new() releases arr itself when it fails).
 */
static json_t *with_array(json_t *o, const char *key, json_t *arr, bool ok)
{
    if (!ok) {
        json_decref(arr);
        json_decref(o);
        return NULL;
    }
    if (json_object_set_new(o, key, arr) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* One assignment of a clause or member of a team: {role, agency, kind}, or NULL. */
static json_t *unit_json(const char *role, const char *agency, fg_kind kind)
{
    json_t *o = json_object();

    if (o != NULL && set_str(o, "role", role) && set_str(o, "agency", agency) &&
        set_str(o, "kind", fg_kind_name(kind)))
        return o;
    json_decref(o);
    return NULL;
}

static json_t *clause_json(const fg_clause *cl, size_t index)
{
    json_t *o = json_object();
    json_t *arr = json_array();
    bool ok = o != NULL && arr != NULL;

    ok = ok && set_int(o, "clause", (json_int_t)index) && set_str(o, "text", cl->text) &&
         set_int(o, "line", (json_int_t)cl->line) && set_due(o, "deadline", &cl->deadline);
    for (size_t a = 0; ok && a < cl->n_assignments; a++) {
        const fg_assignment *as = &cl->assignments[a];

        ok = json_array_append_new(arr, unit_json(fg_role_name(as->role), as->agency,
                                                  as->kind)) == 0;
    }
    return with_array(o, "assignments", arr, ok);
}

static json_t *item_json(const fg_doc *doc, const fg_item *it)
{
    json_t *o = json_object();
    json_t *arr = json_array();
    bool ok = o != NULL && arr != NULL;

    ok = ok && set_str(o, "path", it->path) && set_str(o, "marker", it->marker) &&
         set_str(o, "parent", it->parent == FG_NO_PARENT ? "" : doc->items[it->parent].path) &&
         set_str(o, "title", it->title) && set_str(o, "text", it->text) &&
         set_int(o, "line", (json_int_t)it->line) && set_due(o, "deadline", &it->deadline) &&
         set_targets(o, "targets", it);
    for (size_t c = 0; ok && c < it->n_clauses; c++)
        ok = json_array_append_new(arr, clause_json(&it->clauses[c], c + 1)) == 0;
    return with_array(o, "clauses", arr, ok);
}

static json_t *team_json(const fg_team *tm)
{
    json_t *o = json_object();
    json_t *arr = json_array();
    bool ok = o != NULL && arr != NULL;

    ok = ok && set_str(o, "name", tm->name) && set_str(o, "part", tm->part);
    for (size_t m = 0; ok && m < tm->n_members; m++) {
        const fg_team_member *mb = &tm->members[m];

        ok = json_array_append_new(arr, unit_json(fg_team_role_name(mb->role), mb->agency,
                                                  mb->kind)) == 0;
    }
    return with_array(o, "members", arr, ok);
}

static json_t *note_json(const fg_note *nt)
{
    json_t *o = json_object();

    if (o != NULL && set_int(o, "line", (json_int_t)nt->line) &&
        set_str(o, "kind", fg_note_kind_name(nt->kind)) && set_str(o, "text", nt->text))
        return o;
    json_decref(o);
    return NULL;
}

static json_t *doc_json(const fg_doc *doc)
{
    json_t *o = json_object();
    json_t *items = json_array();
    json_t *teams = json_array();
    json_t *notes = json_array();
    bool ok = o != NULL && items != NULL && teams != NULL && notes != NULL;

    ok = ok && set_str(o, "doc", doc->name) &&
         set_str(o, "format", doc->format ? doc->format : "text") &&
         set_str(o, "title", doc->title) &&
         set_str(o, "doc_number", doc->doc_number) && set_str(o, "issuer", doc->issuer) &&
         set_str(o, "date", doc->date) && set_int(o, "year", doc->year) &&
         json_object_set_new(o, "first_is_lead", json_boolean(doc->first_is_lead)) == 0;
    for (size_t i = 0; ok && i < doc->n_items; i++)
        ok = json_array_append_new(items, item_json(doc, &doc->items[i])) == 0;
    for (size_t t = 0; ok && t < doc->n_teams; t++)
        ok = json_array_append_new(teams, team_json(&doc->teams[t])) == 0;
    for (size_t n = 0; ok && n < doc->n_notes; n++)
        ok = json_array_append_new(notes, note_json(&doc->notes[n])) == 0;
    /* Each step releases what it is given when o is gone or cannot take it. */
    o = with_array(o, "items", items, ok);
    o = with_array(o, "teams", teams, o != NULL);
    return with_array(o, "notes", notes, o != NULL);
}

int fg_doc_to_json(char **out, const fg_doc *const *docs, size_t n_docs)
{
    json_t *root = json_object();
    json_t *arr = json_array();
    char *s = NULL;
    int rc = FG_OK;

    *out = NULL;
    if (root == NULL || arr == NULL) {
        json_decref(arr);
        rc = fg_error_set(FG_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t d = 0; d < n_docs; d++) {
        json_t *dj = doc_json(docs[d]);

        if (dj == NULL || json_array_append_new(arr, dj) != 0) {
            json_decref(arr);
            rc = fg_error_set(FG_ENOMEM, "out of memory");
            goto out;
        }
    }
    if (json_object_set_new(root, "documents", arr) != 0) {
        rc = fg_error_set(FG_ENOMEM, "out of memory");
        goto out;
    }
    s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
    if (s == NULL) {
        rc = fg_error_set(FG_ENOMEM, "out of memory");
        goto out;
    }
    *out = s;
out:
    json_decref(root);
    return rc;
}
