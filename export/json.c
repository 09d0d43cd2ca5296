#include "export/json.h"

#include "config.h"
#include "graph/text.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define RG_GENERATOR "relgraph " RG_VERSION

/* ---- writing ----
 *
 * The graph file is written straight from the graph, not through a jansson
 * tree: a large corpus gives millions of evidence sentences, and building
 * and freeing a tree per object cost as much as the extraction itself. The
 * bytes are those json_dump gives with JSON_REAL_PRECISION(10) (", " and
 * ": " separators, UTF-8 kept as it is, quotes, backslashes and control
 * characters escaped), so the format has not changed. */

typedef struct writer {
    FILE *out;
    rg_buf b;
    bool failed;
} writer;

enum { FLUSH_AT = 1 << 16 };

static void flush(writer *w)
{
    w->failed |= w->b.failed;
    if (!w->failed && w->b.len && fwrite(w->b.data, 1, w->b.len, w->out) != w->b.len)
        w->failed = true;
    rg_buf_reset(&w->b);
}

static void raw(writer *w, const char *s)
{
    rg_buf_adds(&w->b, s);
}

static void string(writer *w, const char *s)
{
    if (!s) {
        raw(w, "null");
        return;
    }
    rg_buf_addc(&w->b, '"');
    const char *run = s;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x20 && *p != '"' && *p != '\\')
            continue;
        rg_buf_add(&w->b, run, (size_t)((const char *)p - run));
        run = (const char *)p + 1;
        char esc[8];
        switch (*p) {
        case '"': raw(w, "\\\""); break;
        case '\\': raw(w, "\\\\"); break;
        case '\b': raw(w, "\\b"); break;
        case '\f': raw(w, "\\f"); break;
        case '\n': raw(w, "\\n"); break;
        case '\r': raw(w, "\\r"); break;
        case '\t': raw(w, "\\t"); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", *p);
            raw(w, esc);
        }
    }
    rg_buf_adds(&w->b, run);
    rg_buf_addc(&w->b, '"');
}

static void key(writer *w, bool first, const char *k)
{
    if (!first)
        raw(w, ", ");
    string(w, k);
    raw(w, ": ");
}

static void integer(writer *w, long long v)
{
    char t[32];
    snprintf(t, sizeof t, "%lld", v);
    raw(w, t);
}

/* Integers print as integers, everything else with 10 significant digits
 * (enough for every score, short, the same on every machine), in jansson's
 * form: a ".0" where %g gives no point, no "+" or leading zeros in an
 * exponent. */
static void number(writer *w, double v)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        integer(w, (long long)v);
        return;
    }
    char t[40];
    snprintf(t, sizeof t, "%.10g", v);
    char *e = strchr(t, 'e');
    if (!e && !strchr(t, '.'))
        strcat(t, ".0");
    if (e) {
        char *digits = e + 1 + (e[1] == '-' || e[1] == '+');
        char *from = digits;
        while (*from == '0' && from[1])
            from++;
        char *to = e[1] == '+' ? e + 1 : digits;
        memmove(to, from, strlen(from) + 1);
    }
    raw(w, t);
}

static void strset(writer *w, const rg_strset *set)
{
    rg_buf_addc(&w->b, '[');
    for (size_t i = 0; i < set->len; i++) {
        if (i)
            raw(w, ", ");
        string(w, set->items[i]);
    }
    rg_buf_addc(&w->b, ']');
}

static void node(writer *w, const rg_node *n)
{
    key(w, true, "id");
    string(w, n->id);
    key(w, false, "label");
    string(w, n->label);
    key(w, false, "type");
    string(w, rg_type_name(n->type));
    key(w, false, "kind");
    string(w, n->kind ? n->kind : rg_type_name(n->type));
    if (n->type == RG_TYPE_RECOMMENDATION) {
        key(w, false, "text");
        string(w, n->text);
        key(w, false, "doc");
        string(w, n->doc);
        key(w, false, "line");
        integer(w, n->line);
        key(w, false, "section");
        string(w, n->section);
    } else if (n->type != RG_TYPE_REPORT) {
        key(w, false, "country");
        string(w, n->country);
        key(w, false, "aliases");
        strset(w, &n->aliases);
        key(w, false, "mentions");
        integer(w, n->mentions);
        key(w, false, "mentions_by_doc");
        rg_buf_addc(&w->b, '{');
        for (size_t i = 0; i < n->doc_mentions.len; i++) {
            key(w, i == 0, n->doc_mentions.keys[i]);
            integer(w, n->doc_mentions.counts[i]);
        }
        rg_buf_addc(&w->b, '}');
    }
    key(w, false, "docs");
    strset(w, &n->docs);
    bool any = false;
    for (int s = 0; s < RG_SCORE__COUNT; s++) {
        if (!isfinite(n->scores[s]))
            continue;
        if (!any)
            raw(w, ", \"scores\": {");
        key(w, !any, rg_score_name((rg_score)s));
        number(w, n->scores[s]);
        any = true;
    }
    if (any)
        rg_buf_addc(&w->b, '}');
}

static void link(writer *w, const rg_graph *g, const rg_link *l, long k)
{
    key(w, true, "source");
    string(w, g->nodes[l->source].id);
    key(w, false, "target");
    string(w, g->nodes[l->target].id);
    key(w, false, "key");
    integer(w, k);
    key(w, false, "relation");
    string(w, rg_relation_name(l->relation));
    key(w, false, "weight");
    number(w, l->weight);
    key(w, false, "evidence");
    rg_buf_addc(&w->b, '[');
    for (size_t i = 0; i < l->n_evidence; i++) {
        raw(w, i ? ", {" : "{");
        key(w, true, "doc");
        string(w, l->evidence[i].doc);
        key(w, false, "line");
        integer(w, l->evidence[i].line);
        key(w, false, "text");
        string(w, l->evidence[i].text);
        rg_buf_addc(&w->b, '}');
    }
    rg_buf_addc(&w->b, ']');
}

json_t *rg_json_evidence(const rg_link *l)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n_evidence; i++) {
        json_t *e = json_object();
        json_object_set_new(e, "doc", json_string(l->evidence[i].doc));
        json_object_set_new(e, "line", json_integer(l->evidence[i].line));
        json_object_set_new(e, "text", json_string(l->evidence[i].text));
        json_array_append_new(a, e);
    }
    return a;
}

static int document_compare(const void *a, const void *b)
{
    return strcmp(((const rg_document *)a)->id, ((const rg_document *)b)->id);
}

int rg_json_write(rg_graph *g, FILE *out, const char *path, const rg_json_options *opts, rg_error *err)
{
    const char *links_key = opts && opts->links_key ? opts->links_key : "links";
    size_t *nodes, *links;
    if (rg_graph_sorted(g, &nodes, &links) < 0)
        return rg_error_nomem(err);
    if (g->n_docs > 1)
        qsort(g->docs, g->n_docs, sizeof *g->docs, document_compare);

    writer w = {out, {0}, false};
    rg_buf_init(&w.b);
    raw(&w, "{\"directed\": true, \"multigraph\": true,\n\"graph\": {\"generator\": ");
    string(&w, RG_GENERATOR);
    raw(&w, ", \"documents\": [");
    for (size_t i = 0; i < g->n_docs; i++) {
        raw(&w, i ? ", {" : "{");
        key(&w, true, "id");
        string(&w, g->docs[i].id);
        key(&w, false, "path");
        string(&w, g->docs[i].path);
        key(&w, false, "title");
        string(&w, g->docs[i].title);
        key(&w, false, "bytes");
        integer(&w, (long long)g->docs[i].bytes);
        rg_buf_addc(&w.b, '}');
    }
    raw(&w, "]},\n\"nodes\": [");
    for (size_t i = 0; i < g->n_nodes && !w.failed; i++) {
        raw(&w, i ? ",\n{" : "\n{");
        node(&w, &g->nodes[nodes[i]]);
        rg_buf_addc(&w.b, '}');
        if (w.b.len >= FLUSH_AT)
            flush(&w);
    }
    raw(&w, "\n],\n");
    string(&w, links_key);
    raw(&w, ": [");
    long k = 0;
    for (size_t i = 0; i < g->n_links && !w.failed; i++) {
        const rg_link *l = &g->links[links[i]];
        /* key numbers parallel links between the same two nodes */
        const rg_link *prev = i ? &g->links[links[i - 1]] : NULL;
        k = prev && prev->source == l->source && prev->target == l->target ? k + 1 : 0;
        raw(&w, i ? ",\n{" : "\n{");
        link(&w, g, l, k);
        rg_buf_addc(&w.b, '}');
        if (w.b.len >= FLUSH_AT)
            flush(&w);
    }
    raw(&w, "\n]\n}\n");
    flush(&w);
    bool nomem = w.b.failed;
    rg_buf_destroy(&w.b);
    free(nodes);
    free(links);
    if (nomem)
        return rg_error_nomem(err);
    if (w.failed)
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot write: %s", errno ? strerror(errno) : "write failed");
    return 0;
}

/* ---- reading ---- */

typedef struct reader {
    const char *path;
    const char *text;
    size_t len;
    rg_error *err;
    rg_graph *g;
} reader;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int schema_error(reader *r, const char *near, const char *fmt, ...)
{
    long line = 0, col = 0;
    if (near)
        rg_locate_string(r->text, r->len, near, &line, &col);
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int rc = rg_error_set(r->err, RG_ERR_INPUT, r->path, line, "%s", msg);
    if (r->err && line)
        r->err->column = col;
    return rc;
}

static const char *get_string(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int read_strset(json_t *arr, rg_strset *set)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        if (json_is_string(v) && rg_strset_add(set, json_string_value(v)) < 0)
            return -1;
    }
    return 0;
}

static int read_node(reader *r, json_t *o, size_t index)
{
    if (!json_is_object(o))
        return schema_error(r, NULL, "node %zu is not an object", index + 1);
    json_t *jid = json_object_get(o, "id");
    char numeric[32];
    const char *id = json_is_string(jid) ? json_string_value(jid) : NULL;
    if (json_is_integer(jid)) {
        snprintf(numeric, sizeof numeric, "%lld", (long long)json_integer_value(jid));
        id = numeric;
    }
    if (!id || !id[0])
        return schema_error(r, NULL, "node %zu has no \"id\"", index + 1);
    const char *type_name = get_string(o, "type");
    int type = type_name ? rg_type_parse(type_name) : -1;
    if (type < 0)
        return schema_error(r, id, "node %zu: \"type\" must be actor, agency, program, recommendation or report",
                            index + 1);
    size_t at;
    if (rg_graph_find(r->g, id, &at))
        return schema_error(r, id, "node %zu: duplicate id '%s'", index + 1, id);
    const char *label = get_string(o, "label");
    if (rg_graph_node(r->g, id, (rg_node_type)type, label ? label : id, &at) < 0)
        return rg_error_nomem(r->err);
    rg_node *n = &r->g->nodes[at];
    json_t *line = json_object_get(o, "line");
    json_t *mentions = json_object_get(o, "mentions");
    if (rg_node_set(&n->kind, get_string(o, "kind")) < 0 || rg_node_set(&n->country, get_string(o, "country")) < 0 ||
        rg_node_set(&n->text, get_string(o, "text")) < 0 || rg_node_set(&n->doc, get_string(o, "doc")) < 0 ||
        rg_node_set(&n->section, get_string(o, "section")) < 0 ||
        read_strset(json_object_get(o, "aliases"), &n->aliases) < 0 ||
        read_strset(json_object_get(o, "docs"), &n->docs) < 0)
        return rg_error_nomem(r->err);
    const char *doc_key;
    json_t *count;
    json_object_foreach(json_object_get(o, "mentions_by_doc"), doc_key, count)
    {
        if (json_is_integer(count) && rg_tally_add(&n->doc_mentions, doc_key, (long)json_integer_value(count)) < 0)
            return rg_error_nomem(r->err);
    }
    n->line = json_is_integer(line) ? (long)json_integer_value(line) : 0;
    n->mentions = json_is_integer(mentions) ? (long)json_integer_value(mentions) : 0;
    json_t *scores = json_object_get(o, "scores");
    for (int s = 0; s < RG_SCORE__COUNT && json_is_object(scores); s++) {
        json_t *v = json_object_get(scores, rg_score_name((rg_score)s));
        if (json_is_number(v))
            n->scores[s] = json_number_value(v);
    }
    return 0;
}

static int endpoint(reader *r, json_t *o, const char *key, size_t index, size_t *node)
{
    json_t *v = json_object_get(o, key);
    char numeric[32];
    const char *id = json_is_string(v) ? json_string_value(v) : NULL;
    if (json_is_integer(v)) {
        snprintf(numeric, sizeof numeric, "%lld", (long long)json_integer_value(v));
        id = numeric;
    }
    if (!id)
        return schema_error(r, NULL, "link %zu has no \"%s\"", index + 1, key);
    if (!rg_graph_find(r->g, id, node))
        return schema_error(r, id, "link %zu: %s '%s' is not the id of a node", index + 1, key, id);
    return 0;
}

static int read_link(reader *r, json_t *o, size_t index)
{
    if (!json_is_object(o))
        return schema_error(r, NULL, "link %zu is not an object", index + 1);
    size_t source, target;
    if (endpoint(r, o, "source", index, &source) < 0 || endpoint(r, o, "target", index, &target) < 0)
        return -1;
    const char *rel_name = get_string(o, "relation");
    int rel = rel_name ? rg_relation_parse(rel_name) : RG_REL_CO_MENTIONED;
    if (rel < 0)
        return schema_error(r, rel_name, "link %zu: unknown relation '%s'", index + 1, rel_name);
    size_t at;
    if (rg_graph_link(r->g, source, target, (rg_relation)rel, NULL, 0, NULL, &at) < 0)
        return rg_error_nomem(r->err);
    json_t *ev = json_object_get(o, "evidence");
    size_t i;
    json_t *e;
    json_array_foreach(ev, i, e)
    {
        const char *doc = get_string(e, "doc");
        const char *text = get_string(e, "text");
        json_t *line = json_object_get(e, "line");
        if (!doc || !text)
            return schema_error(r, NULL, "link %zu: evidence needs \"doc\" and \"text\"", index + 1);
        if (rg_graph_link(r->g, source, target, (rg_relation)rel, doc, json_is_integer(line) ? (long)json_integer_value(line) : 0,
                          text, NULL) < 0)
            return rg_error_nomem(r->err);
    }
    json_t *w = json_object_get(o, "weight");
    if (w && !json_is_number(w))
        return schema_error(r, NULL, "link %zu: \"weight\" must be a number", index + 1);
    double weight = w ? json_number_value(w) : 1.0;
    if (!isfinite(weight) || weight < 0 || weight > 1e15)
        return schema_error(r, NULL, "link %zu: \"weight\" must be a number from 0 to 10^15", index + 1);
    /* a repeated (source, target, relation) adds up, as merge does */
    r->g->links[at].weight += weight - (double)(ev ? json_array_size(ev) : 0);
    if (r->g->links[at].weight < 0)
        r->g->links[at].weight = 0;
    return 0;
}

int rg_json_read_text(const char *path, const char *text, size_t len, rg_graph **out, rg_error *err)
{
    *out = NULL;
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    if (!root) {
        int rc = rg_error_set(err, RG_ERR_INPUT, path, jerr.line > 0 ? jerr.line : 0, "invalid JSON: %s", jerr.text);
        if (err && jerr.line > 0)
            err->column = jerr.column;
        return rc;
    }
    reader r = {path, text, len, err, rg_graph_new()};
    int rc = r.g ? 0 : rg_error_nomem(err);
    json_t *nodes = json_object_get(root, "nodes");
    json_t *links = json_object_get(root, "links");
    if (!links)
        links = json_object_get(root, "edges");
    if (rc == 0 && (!json_is_array(nodes) || (links && !json_is_array(links))))
        rc = rg_error_set(err, RG_ERR_INPUT, path, 1, "not a graph file: needs \"nodes\" and \"links\" arrays");
    size_t i;
    json_t *v;
    if (rc == 0)
        json_array_foreach(nodes, i, v)
        {
            if ((rc = read_node(&r, v, i)) < 0)
                break;
        }
    if (rc == 0 && links)
        json_array_foreach(links, i, v)
        {
            if ((rc = read_link(&r, v, i)) < 0)
                break;
        }
    json_t *docs = json_object_get(json_object_get(root, "graph"), "documents");
    if (rc == 0)
        json_array_foreach(docs, i, v)
        {
            const char *id = get_string(v, "id");
            json_t *bytes = json_object_get(v, "bytes");
            if (id && (rc = rg_graph_add_document(r.g, id, get_string(v, "path") ? get_string(v, "path") : "",
                                                  get_string(v, "title"),
                                                  json_is_integer(bytes) ? (long)json_integer_value(bytes) : 0,
                                                  err)) < 0)
                break;
        }
    json_decref(root);
    if (rc < 0) {
        rg_graph_free(r.g);
        return -1;
    }
    *out = r.g;
    return 0;
}

int rg_json_read(const char *path, rg_graph **out, rg_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    rg_buf b;
    rg_buf_init(&b);
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rg_buf_add(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    int rc;
    if (bad)
        rc = rg_error_set(err, RG_ERR_IO, path, 0, "cannot read");
    else if (b.failed)
        rc = rg_error_nomem(err);
    else if (b.len == 0)
        rc = rg_error_set(err, RG_ERR_INPUT, path, 0, "empty graph file");
    else
        rc = rg_json_read_text(path, b.data, b.len, out, err);
    rg_buf_destroy(&b);
    return rc;
}
