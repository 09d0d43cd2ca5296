#include "graph/rules/catalog.h"

#include "graph/base/file.h"
#include "graph/base/text.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rg_catalog *rg_catalog_new(void)
{
    rg_catalog *cat = calloc(1, sizeof *cat);
    if (cat) {
        rg_hmap_init(&cat->by_id);
        rg_hmap_init(&cat->by_name);
        rg_hmap_init(&cat->distinct);
    }
    return cat;
}

static void free_list(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

static void entry_destroy(rg_entry *e)
{
    free(e->id);
    free(e->name);
    free(e->kind);
    free(e->country);
    free(e->parent);
    free_list(e->aliases, e->n_aliases);
    free_list(e->member_of, e->n_member_of);
    free_list(e->demonyms, e->n_demonyms);
}

void rg_catalog_free(rg_catalog *cat)
{
    if (!cat)
        return;
    for (size_t i = 0; i < cat->len; i++)
        entry_destroy(&cat->entries[i]);
    free(cat->entries);
    free_list(cat->files, cat->n_files);
    rg_hmap_destroy(&cat->by_id);
    rg_hmap_destroy(&cat->by_name);
    rg_hmap_destroy(&cat->distinct);
    free(cat);
}

char *rg_entity_id(rg_node_type type, const char *name)
{
    char *slug = rg_slug(name);
    if (!slug)
        return NULL;
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_adds(&b, rg_type_name(type));
    rg_buf_addc(&b, ':');
    rg_buf_adds(&b, slug);
    free(slug);
    return rg_buf_steal(&b);
}

typedef struct loader {
    rg_catalog *cat;
    const char *path;
    const char *text;
    size_t len;
    rg_error *err;
} loader;

static int schema_error(loader *ld, size_t index, const char *name, const char *what)
{
    long line = 0, col = 0;
    if (name)
        rg_locate_string(ld->text, ld->len, name, &line, &col);
    int rc = rg_error_set(ld->err, RG_ERR_INPUT, ld->path, line, "entry %zu%s%s%s: %s", index + 1,
                          name ? " (\"" : "", name ? name : "", name ? "\")" : "", what);
    if (ld->err && line > 0)
        ld->err->column = col;
    return rc;
}

/* A JSON array of strings as a new C array; -1 and an error otherwise. */
static int string_list(loader *ld, size_t index, const char *name, json_t *arr, const char *field,
                       char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!arr || json_is_null(arr))
        return 0;
    if (!json_is_array(arr)) {
        char what[96];
        snprintf(what, sizeof what, "'%s' must be an array of strings", field);
        return schema_error(ld, index, name, what);
    }
    size_t count = json_array_size(arr);
    char **items = calloc(count ? count : 1, sizeof *items);
    if (!items)
        return rg_error_nomem(ld->err);
    for (size_t i = 0; i < count; i++) {
        json_t *v = json_array_get(arr, i);
        if (!json_is_string(v) || json_string_length(v) == 0) {
            free_list(items, i);
            char what[96];
            snprintf(what, sizeof what, "'%s' must hold non-empty strings", field);
            return schema_error(ld, index, name, what);
        }
        if (!(items[i] = rg_strdup(json_string_value(v)))) {
            free_list(items, i);
            return rg_error_nomem(ld->err);
        }
    }
    *out = items;
    *n = count;
    return 0;
}

static int optional_string(loader *ld, size_t index, const char *name, json_t *obj, const char *field, char **out)
{
    *out = NULL;
    json_t *v = json_object_get(obj, field);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        char what[96];
        snprintf(what, sizeof what, "'%s' must be a string or null", field);
        return schema_error(ld, index, name, what);
    }
    if (!(*out = rg_strdup(json_string_value(v))))
        return rg_error_nomem(ld->err);
    return 0;
}

/* Evidence names a catalog file as "catalog/<file name>": the same on
 * every machine, wherever relgraph and its data are installed. */
static const char *source_name(rg_catalog *cat, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char name[300];
    snprintf(name, sizeof name, "catalog/%s", base);
    path = name;
    for (size_t i = 0; i < cat->n_files; i++)
        if (strcmp(cat->files[i], path) == 0)
            return cat->files[i];
    char **files = realloc(cat->files, (cat->n_files + 1) * sizeof *files);
    if (!files)
        return NULL;
    cat->files = files;
    if (!(files[cat->n_files] = rg_strdup(path)))
        return NULL;
    return files[cat->n_files++];
}

/* Merge the aliases of a repeated entry into the first one. */
static int merge_aliases(rg_entry *into, rg_entry *from)
{
    for (size_t i = 0; i < from->n_aliases; i++) {
        bool seen = false;
        for (size_t k = 0; k < into->n_aliases && !seen; k++)
            seen = strcmp(into->aliases[k], from->aliases[i]) == 0;
        if (seen)
            continue;
        char **a = realloc(into->aliases, (into->n_aliases + 1) * sizeof *a);
        if (!a)
            return -1;
        into->aliases = a;
        a[into->n_aliases++] = from->aliases[i];
        from->aliases[i] = NULL;
    }
    return 0;
}

static int add_entry(loader *ld, size_t index, json_t *obj)
{
    if (!json_is_object(obj))
        return schema_error(ld, index, NULL, "must be an object");
    json_t *jname = json_object_get(obj, "name");
    if (!json_is_string(jname) || json_string_length(jname) == 0)
        return schema_error(ld, index, NULL, "'name' must be a non-empty string");
    const char *name = json_string_value(jname);
    json_t *jtype = json_object_get(obj, "type");
    int type = json_is_string(jtype) ? rg_type_parse(json_string_value(jtype)) : -1;
    if (type < 0 || !rg_type_is_entity((rg_node_type)type))
        return schema_error(ld, index, name, "'type' must be \"actor\", \"agency\" or \"program\"");

    rg_entry e = {.type = (rg_node_type)type, .source = source_name(ld->cat, ld->path)};
    if (!e.source)
        return rg_error_nomem(ld->err);
    if (optional_string(ld, index, name, obj, "kind", &e.kind) < 0 ||
        optional_string(ld, index, name, obj, "country", &e.country) < 0 ||
        optional_string(ld, index, name, obj, "parent", &e.parent) < 0 ||
        optional_string(ld, index, name, obj, "id", &e.id) < 0 ||
        string_list(ld, index, name, json_object_get(obj, "aliases"), "aliases", &e.aliases, &e.n_aliases) < 0 ||
        string_list(ld, index, name, json_object_get(obj, "member_of"), "member_of", &e.member_of,
                    &e.n_member_of) < 0 ||
        string_list(ld, index, name, json_object_get(obj, "demonyms"), "demonyms", &e.demonyms, &e.n_demonyms) < 0)
        goto fail;
    if (e.country && !(strlen(e.country) == 2 && e.country[0] >= 'A' && e.country[0] <= 'Z' &&
                       e.country[1] >= 'A' && e.country[1] <= 'Z')) {
        schema_error(ld, index, name, "'country' must be an ISO 3166-1 alpha-2 code such as \"US\"");
        goto fail;
    }
    if (!e.kind && !(e.kind = rg_strdup(e.type == RG_TYPE_ACTOR ? "organization" : rg_type_name(e.type))))
        goto nomem;
    if (!(e.name = rg_strdup(name)))
        goto nomem;
    if (!e.id && !(e.id = rg_entity_id(e.type, name)))
        goto nomem;

    size_t existing;
    if (rg_hmap_get(&ld->cat->by_id, e.id, &existing)) {
        if (merge_aliases(&ld->cat->entries[existing], &e) < 0)
            goto nomem;
        entry_destroy(&e);
        return 0;
    }
    rg_catalog *cat = ld->cat;
    if (cat->len == cat->cap) {
        size_t cap = cat->cap ? cat->cap * 2 : 256;
        rg_entry *ne = realloc(cat->entries, cap * sizeof *ne);
        if (!ne)
            goto nomem;
        cat->entries = ne;
        cat->cap = cap;
    }
    if (rg_hmap_put(&cat->by_id, e.id, cat->len) < 0)
        goto nomem;
    if (!rg_hmap_get(&cat->by_name, e.name, NULL) && rg_hmap_put(&cat->by_name, e.name, cat->len) < 0)
        goto nomem;
    cat->entries[cat->len++] = e;
    return 0;
nomem:
    rg_error_nomem(ld->err);
fail:
    entry_destroy(&e);
    return -1;
}

static int distinct_key(rg_hmap *set, const char *a, const char *b, bool put, bool *found)
{
    char *na = rg_normalize_name(a), *nb = rg_normalize_name(b);
    rg_buf key;
    rg_buf_init(&key);
    rg_buf_adds(&key, na ? na : "");
    rg_buf_addc(&key, '\x1f');
    rg_buf_adds(&key, nb ? nb : "");
    int rc = (!na || !nb || key.failed) ? -1 : 0;
    if (rc == 0 && put)
        rc = rg_hmap_put(set, key.data, 1);
    else if (rc == 0)
        *found = rg_hmap_get(set, key.data, NULL);
    free(na);
    free(nb);
    rg_buf_destroy(&key);
    return rc;
}

/* "do_not_merge": [["National Security Council", "National Security Office"], ...] */
static int load_distinct(loader *ld, json_t *pairs)
{
    if (!pairs)
        return 0;
    if (!json_is_array(pairs))
        return rg_error_set(ld->err, RG_ERR_INPUT, ld->path, 0, "'do_not_merge' must be an array of name pairs");
    size_t i;
    json_t *pair;
    json_array_foreach(pairs, i, pair)
    {
        const char *a = json_string_value(json_array_get(pair, 0));
        const char *b = json_string_value(json_array_get(pair, 1));
        if (!json_is_array(pair) || json_array_size(pair) != 2 || !a || !b)
            return rg_error_set(ld->err, RG_ERR_INPUT, ld->path, 0, "do_not_merge %zu: a pair is two names", i + 1);
        if (distinct_key(&ld->cat->distinct, a, b, true, NULL) < 0 ||
            distinct_key(&ld->cat->distinct, b, a, true, NULL) < 0)
            return rg_error_nomem(ld->err);
    }
    return 0;
}

bool rg_catalog_distinct(const rg_catalog *cat, const char *a, const char *b)
{
    bool found = false;
    if (cat->distinct.len)
        distinct_key((rg_hmap *)&cat->distinct, a, b, false, &found);
    return found;
}

int rg_catalog_load_text(rg_catalog *cat, const char *path, const char *text, size_t len, rg_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        int rc = rg_error_set(err, RG_ERR_INPUT, path, jerr.line > 0 ? jerr.line : 0, "invalid JSON: %s", jerr.text);
        if (err && jerr.line > 0)
            err->column = jerr.column;
        return rc;
    }
    json_t *list = json_is_array(root) ? root : json_object_get(root, "entities");
    loader ld = {cat, path, text, len, err};
    int rc = load_distinct(&ld, json_is_object(root) ? json_object_get(root, "do_not_merge") : NULL);
    if (rc == 0 && !list && json_is_object(root) && json_object_get(root, "do_not_merge")) {
        json_decref(root); /* a file of do-not-merge pairs alone */
        return 0;
    }
    if (rc < 0) {
        /* the error is set */
    } else if (!json_is_array(list)) {
        rc = rg_error_set(err, RG_ERR_INPUT, path, 1, "a catalog is an array of entries or {\"entities\": [...]}");
    } else {
        for (size_t i = 0; i < json_array_size(list) && rc == 0; i++)
            rc = add_entry(&ld, i, json_array_get(list, i));
    }
    json_decref(root);
    return rc;
}

int rg_catalog_load_file(rg_catalog *cat, const char *path, rg_error *err)
{
    rg_buf b;
    rg_buf_init(&b);
    int rc = rg_file_read(path, 0, &b, err);
    if (rc == 0)
        rc = rg_catalog_load_text(cat, path, b.data ? b.data : "", b.len, err);
    rg_buf_destroy(&b);
    return rc;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int rg_catalog_load_dir(rg_catalog *cat, const char *dir, rg_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return rg_error_set(err, RG_ERR_IO, dir, 0, "cannot open catalog directory: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 6 || strcmp(de->d_name + len - 5, ".json") != 0 || de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                rc = rg_error_nomem(err);
                break;
            }
            names = nn;
        }
        if (!(names[n] = rg_strdup(de->d_name))) {
            rc = rg_error_nomem(err);
            break;
        }
        n++;
    }
    closedir(d);
    if (rc == 0 && n == 0)
        rc = rg_error_set(err, RG_ERR_INPUT, dir, 0, "no catalog files (*.json) in directory");
    if (rc == 0)
        qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n && rc == 0; i++) {
        rg_buf path;
        rg_buf_init(&path);
        rg_buf_adds(&path, dir);
        rg_buf_addc(&path, '/');
        rg_buf_adds(&path, names[i]);
        rc = path.failed ? rg_error_nomem(err) : rg_catalog_load_file(cat, path.data, err);
        rg_buf_destroy(&path);
    }
    free_list(names, n);
    return rc;
}

static char **copy_list(char *const *items, size_t n)
{
    char **out = calloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; out && i < n; i++) {
        if (!(out[i] = rg_strdup(items[i]))) {
            free_list(out, i);
            return NULL;
        }
    }
    return out;
}

rg_entry *rg_entry_dup(const rg_entry *proto)
{
    rg_entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->type = proto->type;
    e->source = proto->source;
    e->id = proto->id ? rg_strdup(proto->id) : rg_entity_id(proto->type, proto->name);
    e->name = rg_strdup(proto->name);
    e->kind = rg_strdup(proto->kind ? proto->kind : rg_type_name(proto->type));
    e->country = proto->country ? rg_strdup(proto->country) : NULL;
    e->parent = proto->parent ? rg_strdup(proto->parent) : NULL;
    e->aliases = copy_list(proto->aliases, proto->n_aliases);
    e->n_aliases = e->aliases ? proto->n_aliases : 0;
    e->member_of = copy_list(proto->member_of, proto->n_member_of);
    e->n_member_of = e->member_of ? proto->n_member_of : 0;
    e->demonyms = copy_list(proto->demonyms, proto->n_demonyms);
    e->n_demonyms = e->demonyms ? proto->n_demonyms : 0;
    if (!e->id || !e->name || !e->kind || (proto->country && !e->country) || (proto->parent && !e->parent) ||
        !e->aliases || !e->member_of || !e->demonyms) {
        rg_entry_free(e);
        return NULL;
    }
    return e;
}

void rg_entry_free(rg_entry *e)
{
    if (!e)
        return;
    entry_destroy(e);
    free(e);
}

bool rg_entry_is_country(const rg_entry *e)
{
    return e && e->type == RG_TYPE_ACTOR && e->kind && strcmp(e->kind, "country") == 0;
}

const rg_entry *rg_catalog_find_id(const rg_catalog *cat, const char *id)
{
    size_t i;
    return rg_hmap_get(&cat->by_id, id, &i) ? &cat->entries[i] : NULL;
}

const rg_entry *rg_catalog_find_name(const rg_catalog *cat, const char *name)
{
    size_t i;
    return rg_hmap_get(&cat->by_name, name, &i) ? &cat->entries[i] : NULL;
}
