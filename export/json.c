#include "export/json.h"

#include "config.h"
#include "export/jscan.h"
#include "export/spool.h"
#include "graph/base/file.h"
#include "graph/base/text.h"
#include "graph/model/pool.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


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
    rg_spool *spool; /* writes the buffers in a second thread; NULL: here */
    rg_buf b;
    bool failed;
} writer;

/* Buffers of this size go to the stream; a graph with more links than
 * SPOOL_FROM is written by the spool's thread while this one encodes. */
enum { FLUSH_AT = 1 << 18, SPOOL_FROM = 20000 };

static void flush(writer *w)
{
    w->failed |= w->b.failed;
    if (w->failed)
        return;
    if (w->spool)
        w->failed = !rg_spool_write(w->spool, &w->b);
    else if (w->b.len && fwrite(w->b.data, 1, w->b.len, w->out) != w->b.len)
        w->failed = true;
    rg_buf_reset(&w->b);
}

/* A string literal, its length known at compile time: the keys and
 * punctuation of every node and link. */
#define LIT(w, literal) rg_buf_add(&(w)->b, literal, sizeof literal - 1)

static void raw(writer *w, const char *s)
{
    rg_buf_adds(&w->b, s);
}

/* Whether any of the eight bytes of w is a control, a quote or a backslash
 * (exact as a yes or no: each part is the classic test for a zero byte or
 * a byte below n, which errs only in the lanes above a true hit). */
static inline bool needs_escape8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    return (((w - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~w & high) != 0;
}

static void string(writer *w, const char *s)
{
    if (!s) {
        LIT(w, "null");
        return;
    }
    /* the bytes that are escaped: controls, quote and backslash; all others
     * stand as they are */
    static const unsigned char escaped[256] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        ['"'] = 1, ['\\'] = 1,
    };
    rg_buf_addc(&w->b, '"');
    /* eight bytes a step up to the next byte to escape: most of a graph
     * file is evidence sentences with a few quotes each */
    const char *p = s, *end = s + strlen(s), *run = s;
    for (;;) {
        uint64_t eight;
        while (end - p >= 8 && (memcpy(&eight, p, 8), !needs_escape8(eight)))
            p += 8;
        while (p < end && !escaped[(unsigned char)*p])
            p++;
        if (p == end)
            break;
        rg_buf_add(&w->b, run, (size_t)(p - run));
        char esc[8];
        switch (*p) {
        case '"': LIT(w, "\\\""); break;
        case '\\': LIT(w, "\\\\"); break;
        case '\b': LIT(w, "\\b"); break;
        case '\f': LIT(w, "\\f"); break;
        case '\n': LIT(w, "\\n"); break;
        case '\r': LIT(w, "\\r"); break;
        case '\t': LIT(w, "\\t"); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", (unsigned char)*p);
            raw(w, esc);
        }
        run = ++p;
    }
    rg_buf_add(&w->b, run, (size_t)(end - run));
    rg_buf_addc(&w->b, '"');
}

/* A string of the graph's pool (evidence): its length and whether it
 * needs escaping are known (graph/model/pool.h), so most are one copy. */
static void pooled_string(writer *w, const char *s)
{
    if (!rg_pool_plain(s)) {
        string(w, s);
        return;
    }
    rg_buf_addc(&w->b, '"');
    rg_buf_add(&w->b, s, rg_pool_length(s));
    rg_buf_addc(&w->b, '"');
}

static void key(writer *w, bool first, const char *k)
{
    if (!first)
        LIT(w, ", ");
    string(w, k);
    LIT(w, ": ");
}

static void integer(writer *w, long long v)
{
    rg_buf_add_int(&w->b, v);
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
            LIT(w, ", ");
        string(w, set->items[i]);
    }
    rg_buf_addc(&w->b, ']');
}

static void node(writer *w, const rg_graph *g, const rg_node *n)
{
    LIT(w, "\"id\": ");
    string(w, n->id);
    LIT(w, ", \"label\": ");
    string(w, n->label);
    LIT(w, ", \"type\": ");
    string(w, rg_type_name(n->type));
    LIT(w, ", \"kind\": ");
    string(w, n->kind ? n->kind : rg_type_name(n->type));
    if (n->type == RG_TYPE_RECOMMENDATION) {
        LIT(w, ", \"text\": ");
        string(w, n->text);
        LIT(w, ", \"doc\": ");
        string(w, n->doc);
        LIT(w, ", \"line\": ");
        integer(w, n->line);
        LIT(w, ", \"section\": ");
        string(w, n->section);
        /* optional (../spec: graph-json): a graph without it is written
         * as before */
        if (n->modality) {
            LIT(w, ", \"modality\": ");
            string(w, n->modality);
        }
    } else if (n->type == RG_TYPE_REPORT) {
        /* the report carries its document's date (absent when unknown) */
        const char *date = rg_graph_document_date(g, n->id);
        if (date) {
            LIT(w, ", \"date\": ");
            string(w, date);
        }
    } else {
        LIT(w, ", \"country\": ");
        string(w, n->country);
        LIT(w, ", \"aliases\": ");
        strset(w, &n->aliases);
        LIT(w, ", \"mentions\": ");
        integer(w, n->mentions);
        LIT(w, ", \"mentions_by_doc\": {");
        for (size_t i = 0; i < n->doc_mentions.len; i++) {
            key(w, i == 0, n->doc_mentions.keys[i]);
            integer(w, n->doc_mentions.counts[i]);
        }
        rg_buf_addc(&w->b, '}');
    }
    LIT(w, ", \"docs\": ");
    strset(w, &n->docs);
    bool any = false;
    for (int s = 0; s < RG_SCORE__COUNT; s++) {
        if (!isfinite(n->scores[s]))
            continue;
        if (!any)
            LIT(w, ", \"scores\": {");
        key(w, !any, rg_score_name((rg_score)s));
        number(w, n->scores[s]);
        any = true;
    }
    if (any)
        rg_buf_addc(&w->b, '}');
}

static void link(writer *w, const rg_graph *g, const rg_link *l, long k)
{
    LIT(w, "\"source\": ");
    string(w, g->nodes[l->source].id);
    LIT(w, ", \"target\": ");
    string(w, g->nodes[l->target].id);
    LIT(w, ", \"key\": ");
    integer(w, k);
    LIT(w, ", \"relation\": ");
    string(w, rg_relation_name(l->relation));
    LIT(w, ", \"weight\": ");
    number(w, l->weight);
    if (l->inferred)
        LIT(w, ", \"inferred\": true");
    LIT(w, ", \"evidence\": [");
    for (size_t i = 0; i < l->n_evidence; i++) {
        if (i)
            LIT(w, ", ");
        LIT(w, "{\"doc\": ");
        pooled_string(w, l->evidence[i].doc);
        LIT(w, ", \"line\": ");
        integer(w, l->evidence[i].line);
        if (l->evidence[i].page) { /* a PDF's (../spec: graph-json) */
            LIT(w, ", \"page\": ");
            integer(w, l->evidence[i].page);
            LIT(w, ", \"page_line\": ");
            integer(w, l->evidence[i].page_line);
        }
        LIT(w, ", \"text\": ");
        pooled_string(w, l->evidence[i].text);
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
        if (l->evidence[i].page) {
            json_object_set_new(e, "page", json_integer(l->evidence[i].page));
            json_object_set_new(e, "page_line", json_integer(l->evidence[i].page_line));
        }
        json_object_set_new(e, "text", json_string(l->evidence[i].text));
        json_array_append_new(a, e);
    }
    return a;
}

static bool same_string(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Does a document's record say what the node itself says? */
static bool record_is_node(const rg_doc_entity *e, const rg_node *n)
{
    if (!same_string(e->label, n->label) || !same_string(e->kind, n->kind) || !same_string(e->country, n->country) ||
        e->aliases.len != n->aliases.len)
        return false;
    for (size_t k = 0; k < e->aliases.len; k++)
        if (strcmp(e->aliases.items[k], n->aliases.items[k]) != 0)
            return false;
    return true;
}

static int record_compare(const void *a, const void *b)
{
    return strcmp((*(const rg_doc_entity *const *)a)->id, (*(const rg_doc_entity *const *)b)->id);
}

/* A document's "entities": its records that differ from their nodes, in
 * id order, each with the fields that differ (the others are the node's);
 * none when all agree, as with every node one report alone names. */
static void document_records(writer *w, const rg_graph *g, const rg_document *d)
{
    const rg_doc_entity **differ = malloc((d->n_entities ? d->n_entities : 1) * sizeof *differ);
    size_t n = 0;
    if (!differ) {
        w->failed = true;
        return;
    }
    for (size_t k = 0; k < d->n_entities; k++) {
        size_t at;
        if (rg_graph_find(g, d->entities[k].id, &at) && !record_is_node(&d->entities[k], &g->nodes[at]))
            differ[n++] = &d->entities[k];
    }
    qsort(differ, n, sizeof *differ, record_compare);
    if (n)
        LIT(w, ", \"entities\": [");
    for (size_t k = 0; k < n; k++) {
        const rg_doc_entity *e = differ[k];
        size_t at;
        rg_graph_find(g, e->id, &at);
        const rg_node *node = &g->nodes[at];
        if (k)
            LIT(w, ", ");
        LIT(w, "{\"id\": ");
        string(w, e->id);
        if (!same_string(e->label, node->label)) {
            LIT(w, ", \"label\": ");
            string(w, e->label);
        }
        if (!same_string(e->kind, node->kind)) {
            LIT(w, ", \"kind\": ");
            string(w, e->kind);
        }
        if (!same_string(e->country, node->country)) {
            LIT(w, ", \"country\": ");
            string(w, e->country);
        }
        LIT(w, ", \"aliases\": ");
        strset(w, &e->aliases);
        rg_buf_addc(&w->b, '}');
    }
    if (n)
        rg_buf_addc(&w->b, ']');
    free(differ);
}

static int document_compare(const void *a, const void *b)
{
    return strcmp((*(const rg_document *const *)a)->id, (*(const rg_document *const *)b)->id);
}

int rg_json_write(const rg_graph *g, FILE *out, const char *path, const rg_json_options *opts, rg_error *err)
{
    if (!rg_graph_finished(g)) /* a caller forgot rg_graph_finish: its evidence is in no order */
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "the graph is not finished: its evidence is not in order");
    const char *links_key = opts && opts->links_key ? opts->links_key : "links";
    size_t *nodes, *links;
    const rg_document **docs = malloc((g->n_docs ? g->n_docs : 1) * sizeof *docs);
    if (!docs || rg_graph_order(g, &nodes, &links) < 0) {
        free(docs);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i < g->n_docs; i++)
        docs[i] = &g->docs[i];
    qsort(docs, g->n_docs, sizeof *docs, document_compare);

    writer w = {out, g->n_links >= SPOOL_FROM ? rg_spool_new(out) : NULL, {0}, false};
    rg_buf_init(&w.b);
    LIT(&w, "{\"directed\": true, \"multigraph\": true,\n\"graph\": {\"generator\": ");
    string(&w, RG_GENERATOR);
    if (g->catalog_sha256) {
        LIT(&w, ", \"catalog_sha256\": ");
        string(&w, g->catalog_sha256);
    }
    LIT(&w, ", \"documents\": [");
    for (size_t i = 0; i < g->n_docs; i++) {
        if (i)
            LIT(&w, ", ");
        LIT(&w, "{\"id\": ");
        string(&w, docs[i]->id);
        LIT(&w, ", \"path\": ");
        string(&w, docs[i]->path);
        LIT(&w, ", \"title\": ");
        string(&w, docs[i]->title);
        LIT(&w, ", \"bytes\": ");
        integer(&w, (long long)docs[i]->bytes);
        if (docs[i]->date) {
            LIT(&w, ", \"date\": ");
            string(&w, docs[i]->date);
        }
        if (docs[i]->sha256) {
            LIT(&w, ", \"sha256\": ");
            string(&w, docs[i]->sha256);
        }
        document_records(&w, g, docs[i]);
        rg_buf_addc(&w.b, '}');
    }
    LIT(&w, "]},\n\"nodes\": [");
    for (size_t i = 0; i < g->n_nodes && !w.failed; i++) {
        if (i)
            LIT(&w, ",");
        LIT(&w, "\n{");
        node(&w, g, &g->nodes[nodes[i]]);
        rg_buf_addc(&w.b, '}');
        if (w.b.len >= FLUSH_AT)
            flush(&w);
    }
    LIT(&w, "\n],\n");
    string(&w, links_key);
    LIT(&w, ": [");
    long k = 0;
    for (size_t i = 0; i < g->n_links && !w.failed; i++) {
        const rg_link *l = &g->links[links[i]];
        /* key numbers parallel links between the same two nodes */
        const rg_link *prev = i ? &g->links[links[i - 1]] : NULL;
        k = prev && prev->source == l->source && prev->target == l->target ? k + 1 : 0;
        if (i)
            LIT(&w, ",");
        LIT(&w, "\n{");
        link(&w, g, l, k);
        rg_buf_addc(&w.b, '}');
        if (w.b.len >= FLUSH_AT)
            flush(&w);
    }
    LIT(&w, "\n]\n}\n");
    flush(&w);
    if (w.spool && !rg_spool_finish(w.spool))
        w.failed = true;
    bool nomem = w.b.failed;
    rg_buf_destroy(&w.b);
    free(docs);
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
    rg_jscan scan;         /* the whole file, checked */
    rg_buf key, id, value; /* decoded strings, reused */
    rg_buf last;           /* the last link end looked up, and its node */
    size_t last_node;
} reader;

/* The error msg at line and column col of the file (0: unknown). */
static int error_at(reader *r, long line, long col, const char *msg)
{
    int rc = rg_error_set(r->err, RG_ERR_INPUT, r->path, line, "%s", msg);
    if (r->err && line)
        r->err->column = col;
    return rc;
}

/* The same, its message formatted. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 0)))
#endif
static int verror_at(reader *r, long line, long col, const char *fmt, va_list ap)
{
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return error_at(r, line, col, msg);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int schema_error(reader *r, const char *near, const char *fmt, ...)
{
    long line = 0, col = 0;
    if (near)
        rg_locate_string(r->text, r->len, near, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    int rc = verror_at(r, line, col, fmt, ap);
    va_end(ap);
    return rc;
}

/* A bad value at at, a place in the text: its line and column are known. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int value_error(reader *r, const char *at, const char *fmt, ...)
{
    long line = 1, col = 1;
    for (const char *p = r->text; p < at; p++)
        if (*p == '\n')
            line++, col = 1;
        else
            col++;
    va_list ap;
    va_start(ap, fmt);
    int rc = verror_at(r, line, col, fmt, ap);
    va_end(ap);
    return rc;
}

/* ---- reading ----
 *
 * A first pass checks the whole file and notes where "nodes", "links" (or
 * "edges") and "graph" start; a second builds the graph from those places,
 * value by value, with no tree in between. A node or link object is read
 * the same way: a walk over its members notes where each field we know
 * starts, then the fields are decoded in the order the graph needs them. */

enum { F_ID, F_LABEL, F_TYPE, F_KIND, F_COUNTRY, F_TEXT, F_DOC, F_SECTION, F_ALIASES, F_DOCS,
       F_MENTIONS_BY_DOC, F_LINE, F_MENTIONS, F_SCORES, F_SOURCE, F_TARGET, F_RELATION, F_WEIGHT,
       F_EVIDENCE, F_PATH, F_TITLE, F_BYTES, F_MODALITY, F_INFERRED, F_PAGE, F_PAGE_LINE, F_DATE,
       F_SHA256, F_ENTITIES, F__COUNT };

static const char *const field_names[F__COUNT] = {
    "id",       "label",  "type",   "kind",     "country",  "text",   "doc",      "section",
    "aliases",  "docs",   "mentions_by_doc",    "line",     "mentions", "scores", "source",
    "target",   "relation", "weight", "evidence", "path",   "title",  "bytes",  "modality",
    "inferred", "page",   "page_line", "date", "sha256", "entities",
};

/* Where each known field of the object at the cursor starts (NULL when
 * absent; a repeated key: the last one, as jansson keeps it). */
static bool fields(reader *r, rg_jscan *j, const char **at)
{
    for (int f = 0; f < F__COUNT; f++)
        at[f] = NULL;
    if (rg_jscan_peek(j) != RG_J_OBJECT)
        return false;
    rg_jscan_open(j, '{');
    for (size_t i = 0; rg_jscan_member(j, i, &r->key); i++) {
        for (int f = 0; f < F__COUNT; f++)
            if (r->key.data[0] == field_names[f][0] && strcmp(r->key.data, field_names[f]) == 0) {
                at[f] = j->p;
                break;
            }
        rg_jscan_skip(j);
    }
    return true;
}

/* The string that starts at at, decoded into buf; NULL when at is no string. */
static const char *string_at(reader *r, const char *at, rg_buf *buf)
{
    if (!at || *at != '"')
        return NULL;
    rg_jscan j = rg_jscan_at(&r->scan, at);
    rg_jscan_string(&j, buf);
    return buf->failed ? NULL : buf->data;
}

/* The number at at: *integer says whether jansson would call it one. */
static bool number_at(reader *r, const char *at, bool *integer, long long *i, double *d)
{
    if (!at || (*at != '-' && (*at < '0' || *at > '9')))
        return false;
    rg_jscan j = rg_jscan_at(&r->scan, at);
    return rg_jscan_number(&j, integer, i, d);
}

static long integer_at(reader *r, const char *at)
{
    bool integer;
    long long v;
    return number_at(r, at, &integer, &v, NULL) && integer ? (long)v : 0;
}

/* A PDF evidence's "page" or "page_line" at at: 0 when absent, or no
 * number from 1 to INT_MAX (a reader that does not know them passes
 * them by, and so does this one with a value it cannot hold). */
static int page_number_at(reader *r, const char *at)
{
    long v = at ? integer_at(r, at) : 0;
    return v > 0 && v <= INT_MAX ? (int)v : 0;
}

/* An id: a string, or an integer written as one. */
static const char *id_at(reader *r, const char *at, rg_buf *buf)
{
    bool integer;
    long long v;
    if (number_at(r, at, &integer, &v, NULL) && integer) {
        char numeric[32];
        snprintf(numeric, sizeof numeric, "%lld", v);
        rg_buf_reset(buf);
        rg_buf_adds(buf, numeric);
        return buf->failed ? NULL : buf->data;
    }
    return string_at(r, at, buf);
}

/* Add the strings of the array at at to set; other items are ignored. */
static int strset_at(reader *r, const char *at, rg_strset *set)
{
    if (!at || *at != '[')
        return 0;
    rg_jscan j = rg_jscan_at(&r->scan, at);
    rg_jscan_open(&j, '[');
    for (size_t i = 0; rg_jscan_item(&j, i); i++) {
        if (rg_jscan_peek(&j) != RG_J_STRING) {
            rg_jscan_skip(&j);
            continue;
        }
        rg_jscan_string(&j, &r->value);
        if (r->value.failed || rg_strset_add(set, r->value.data) < 0)
            return -1;
    }
    return 0;
}

/* "should, must, ... call or recommend": the modalities of the graph format. */
static void modality_list(char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int m = 1; m < RG_MODALITY__COUNT && at < size; m++)
        at += (size_t)snprintf(buf + at, size - at, "%s%s", m == 1 ? "" : m == RG_MODALITY__COUNT - 1 ? " or " : ", ",
                               rg_modality_name((rg_modality)m));
}

/* A node's "modality" (at: where its value starts, or NULL): one of the
 * closed list, or null for none; anything else is a bad file. */
static int read_modality(reader *r, const char *at, size_t index, rg_node *n)
{
    if (!at)
        return 0;
    rg_jscan j = rg_jscan_at(&r->scan, at);
    if (rg_jscan_peek(&j) == RG_J_NULL)
        return 0;
    char valid[200];
    modality_list(valid, sizeof valid);
    const char *name = string_at(r, at, &r->value);
    if (!name)
        return value_error(r, at, "node %zu ('%s'): \"modality\" must be one of %s", index + 1, n->id, valid);
    if (rg_modality_parse(name) < 0)
        return value_error(r, at, "node %zu ('%s'): unknown modality '%s': use %s", index + 1, n->id, name, valid);
    return rg_node_set(&n->modality, name) < 0 ? rg_error_nomem(r->err) : 0;
}

static int read_node(reader *r, rg_jscan *j, size_t index)
{
    const char *at[F__COUNT];
    if (!fields(r, j, at))
        return schema_error(r, NULL, "node %zu is not an object", index + 1);
    const char *id = id_at(r, at[F_ID], &r->id);
    if (!id || !id[0])
        return schema_error(r, NULL, "node %zu has no \"id\"", index + 1);
    const char *type_name = string_at(r, at[F_TYPE], &r->value);
    int type = type_name ? rg_type_parse(type_name) : -1;
    if (type < 0)
        return schema_error(r, id, "node %zu: \"type\" must be actor, agency, program, recommendation or report",
                            index + 1);
    size_t node;
    if (rg_graph_find(r->g, id, &node))
        return schema_error(r, id, "node %zu: duplicate id '%s'", index + 1, id);
    const char *label = string_at(r, at[F_LABEL], &r->value);
    if (rg_graph_node(r->g, id, (rg_node_type)type, label ? label : id, &node) < 0)
        return rg_error_nomem(r->err);
    rg_node *n = &r->g->nodes[node];
    static const int text_fields[] = {F_KIND, F_COUNTRY, F_TEXT, F_DOC, F_SECTION};
    char **slots[] = {&n->kind, &n->country, &n->text, &n->doc, &n->section};
    for (size_t f = 0; f < sizeof text_fields / sizeof *text_fields; f++)
        if (at[text_fields[f]] && rg_node_set(slots[f], string_at(r, at[text_fields[f]], &r->value)) < 0)
            return rg_error_nomem(r->err);
    if (read_modality(r, at[F_MODALITY], index, n) < 0)
        return -1;
    if (strset_at(r, at[F_ALIASES], &n->aliases) < 0 || strset_at(r, at[F_DOCS], &n->docs) < 0)
        return rg_error_nomem(r->err);
    if (at[F_MENTIONS_BY_DOC] && *at[F_MENTIONS_BY_DOC] == '{') {
        rg_jscan m = rg_jscan_at(&r->scan, at[F_MENTIONS_BY_DOC]);
        rg_jscan_open(&m, '{');
        for (size_t i = 0; rg_jscan_member(&m, i, &r->key); i++) {
            bool integer = false;
            long long count = 0;
            if (rg_jscan_peek(&m) == RG_J_NUMBER)
                rg_jscan_number(&m, &integer, &count, NULL);
            else
                rg_jscan_skip(&m);
            if (integer && rg_tally_add(&n->doc_mentions, r->key.data, (long)count) < 0)
                return rg_error_nomem(r->err);
        }
    }
    n->line = integer_at(r, at[F_LINE]);
    n->mentions = integer_at(r, at[F_MENTIONS]);
    if (at[F_SCORES] && *at[F_SCORES] == '{') {
        rg_jscan m = rg_jscan_at(&r->scan, at[F_SCORES]);
        rg_jscan_open(&m, '{');
        for (size_t i = 0; rg_jscan_member(&m, i, &r->key); i++) {
            double v;
            int s = rg_score_parse(r->key.data);
            if (s >= 0 && rg_jscan_peek(&m) == RG_J_NUMBER)
                rg_jscan_number(&m, NULL, NULL, &v), n->scores[s] = v;
            else
                rg_jscan_skip(&m);
        }
    }
    return 0;
}

static int endpoint(reader *r, const char *at, const char *key, size_t index, size_t *node)
{
    const char *id = id_at(r, at, &r->id);
    if (!id)
        return schema_error(r, NULL, "link %zu has no \"%s\"", index + 1, key);
    /* links come sorted by source: the same source many times over */
    if (r->last.data && r->last.len == r->id.len && memcmp(r->last.data, id, r->id.len) == 0) {
        *node = r->last_node;
        return 0;
    }
    if (!rg_graph_find(r->g, id, node))
        return schema_error(r, id, "link %zu: %s '%s' is not the id of a node", index + 1, key, id);
    rg_buf_reset(&r->last);
    rg_buf_add(&r->last, id, r->id.len);
    r->last_node = *node;
    return 0;
}

/* A link's "inferred" (at: where its value starts, or NULL): true, false
 * or null (false). */
static int read_inferred(reader *r, const char *at, size_t index, bool *inferred)
{
    if (!at)
        return 0;
    rg_jscan j = rg_jscan_at(&r->scan, at);
    rg_jtype t = rg_jscan_peek(&j);
    if (t != RG_J_TRUE && t != RG_J_FALSE && t != RG_J_NULL)
        return value_error(r, at, "link %zu: \"inferred\" must be true or false", index + 1);
    *inferred = t == RG_J_TRUE;
    return 0;
}

static int read_link(reader *r, rg_jscan *j, size_t index)
{
    const char *at[F__COUNT];
    if (!fields(r, j, at))
        return schema_error(r, NULL, "link %zu is not an object", index + 1);
    size_t source, target;
    if (endpoint(r, at[F_SOURCE], "source", index, &source) < 0 ||
        endpoint(r, at[F_TARGET], "target", index, &target) < 0)
        return -1;
    const char *rel_name = string_at(r, at[F_RELATION], &r->value);
    int rel = rel_name ? rg_relation_parse(rel_name) : RG_REL_CO_MENTIONED;
    if (rel < 0)
        return schema_error(r, rel_name, "link %zu: unknown relation '%s'", index + 1, rel_name);
    bool inferred = false;
    if (read_inferred(r, at[F_INFERRED], index, &inferred) < 0)
        return -1;
    size_t link;
    if (rg_graph_link(r->g, source, target, (rg_relation)rel, NULL, 0, NULL, &link) < 0)
        return rg_error_nomem(r->err);
    size_t n_evidence = 0, had_evidence = r->g->links[link].n_evidence;
    if (at[F_EVIDENCE] && *at[F_EVIDENCE] == '[') {
        rg_jscan e = rg_jscan_at(&r->scan, at[F_EVIDENCE]);
        rg_jscan_open(&e, '[');
        for (; rg_jscan_item(&e, n_evidence); n_evidence++) {
            const char *ev[F__COUNT];
            bool object = fields(r, &e, ev);
            if (!object)
                rg_jscan_skip(&e);
            const char *doc = string_at(r, ev[F_DOC], &r->id);
            const char *text = string_at(r, ev[F_TEXT], &r->value);
            if (!object || !doc || !text)
                return schema_error(r, NULL, "link %zu: evidence needs \"doc\" and \"text\"", index + 1);
            rg_evidence where = {.doc = doc, .line = integer_at(r, ev[F_LINE]), .text = text,
                                 .page = page_number_at(r, ev[F_PAGE])};
            if (where.page)
                where.page_line = page_number_at(r, ev[F_PAGE_LINE]);
            if (rg_graph_link_evidence(r->g, source, target, (rg_relation)rel, &where, &inferred, NULL) < 0)
                return rg_error_nomem(r->err);
        }
    }
    /* a link with no evidence at all is inferred if it says so (as merge
     * has it) */
    if (!n_evidence && !had_evidence && inferred)
        r->g->links[link].inferred = true;
    double weight = 1.0;
    if (at[F_WEIGHT] && !number_at(r, at[F_WEIGHT], NULL, NULL, &weight))
        return schema_error(r, NULL, "link %zu: \"weight\" must be a number", index + 1);
    if (!isfinite(weight) || weight < 0 || weight > 1e15)
        return schema_error(r, NULL, "link %zu: \"weight\" must be a number from 0 to 10^15", index + 1);
    /* a repeated (source, target, relation) adds up, as merge does */
    r->g->links[link].weight += weight - (double)n_evidence;
    if (r->g->links[link].weight < 0)
        r->g->links[link].weight = 0;
    return 0;
}

/* A string member of "graph" ("generator", "catalog_sha256") into *field. */
static int graph_string(reader *r, const char *at, char **field)
{
    const char *s = string_at(r, at, &r->value);
    return s && rg_node_set(field, s) < 0 ? rg_error_nomem(r->err) : 0;
}

/* One record of a document's "entities": the node's values where the
 * record leaves a field out. A record of no node of the graph is passed
 * by. */
static int read_record(reader *r, rg_jscan *j, rg_document *d)
{
    const char *at[F__COUNT];
    size_t node;
    if (!fields(r, j, at) || !string_at(r, at[F_ID], &r->id) || !rg_graph_find(r->g, r->id.data, &node))
        return 0;
    const rg_node *n = &r->g->nodes[node];
    rg_doc_entity e = {0};
    rg_strset_init(&e.aliases);
    const int which[] = {F_LABEL, F_KIND, F_COUNTRY};
    char *const from_node[] = {n->label, n->kind, n->country};
    char **slots[] = {&e.label, &e.kind, &e.country};
    int rc = 0;
    for (size_t f = 0; f < 3 && rc == 0; f++) {
        /* null: the document gave none */
        const char *v = at[which[f]] ? string_at(r, at[which[f]], &r->value) : from_node[f];
        if (v && !(*slots[f] = rg_strdup(v)))
            rc = -1;
    }
    if (rc == 0)
        rc = at[F_ALIASES] ? strset_at(r, at[F_ALIASES], &e.aliases) : rg_strset_union(&e.aliases, &n->aliases);
    e.id = n->id;
    if (rc == 0 && e.label)
        rc = rg_document_add_entity(d, &e);
    e.id = NULL;
    rg_doc_entity_destroy(&e);
    return rc < 0 ? rg_error_nomem(r->err) : 0;
}

/* A document's "sha256" and "entities" (its records). */
static int read_document_extras(reader *r, const char *const *at)
{
    rg_document *d = &r->g->docs[r->g->n_docs - 1];
    if (graph_string(r, at[F_SHA256], &d->sha256) < 0)
        return -1;
    if (!at[F_ENTITIES] || *at[F_ENTITIES] != '[')
        return 0;
    rg_jscan j = rg_jscan_at(&r->scan, at[F_ENTITIES]);
    rg_jscan_open(&j, '[');
    for (size_t i = 0; rg_jscan_item(&j, i); i++) {
        rg_jscan item = j;
        if (read_record(r, &item, d) < 0)
            return -1;
        rg_jscan_skip(&j);
    }
    return 0;
}

static int read_documents(reader *r, const char *graph)
{
    if (!graph || *graph != '{')
        return 0;
    rg_jscan j = rg_jscan_at(&r->scan, graph);
    rg_jscan_open(&j, '{');
    const char *docs = NULL;
    for (size_t i = 0; rg_jscan_member(&j, i, &r->key); i++) {
        if (strcmp(r->key.data, "documents") == 0)
            docs = j.p;
        else if (strcmp(r->key.data, "generator") == 0 && graph_string(r, j.p, &r->g->generator) < 0)
            return -1;
        else if (strcmp(r->key.data, "catalog_sha256") == 0 && graph_string(r, j.p, &r->g->catalog_sha256) < 0)
            return -1;
        rg_jscan_skip(&j);
    }
    if (!docs || *docs != '[')
        return 0;
    j = rg_jscan_at(&r->scan, docs);
    rg_jscan_open(&j, '[');
    for (size_t i = 0; rg_jscan_item(&j, i); i++) {
        const char *at[F__COUNT];
        if (!fields(r, &j, at)) {
            rg_jscan_skip(&j);
            continue;
        }
        const char *id = string_at(r, at[F_ID], &r->id);
        const char *path = string_at(r, at[F_PATH], &r->value);
        char *title = rg_strdup(string_at(r, at[F_TITLE], &r->key));
        int rc = id ? rg_graph_add_document(r->g, id, path ? path : "", title, integer_at(r, at[F_BYTES]), r->err) : 0;
        free(title);
        const char *date = id && rc == 0 ? string_at(r, at[F_DATE], &r->key) : NULL;
        if (date && rg_graph_set_document_date(r->g, string_at(r, at[F_ID], &r->id), date) < 0)
            rc = rg_error_nomem(r->err);
        if (id && rc == 0)
            rc = read_document_extras(r, at);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* The text is no valid JSON: jansson says why, in the words users know. */
static int syntax_error(const char *path, const char *text, size_t len, const rg_jscan *j, rg_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    if (root) {
        /* never expected: the scanner is as strict as jansson */
        json_decref(root);
        long line = 1, col = 1;
        for (const char *p = text; p < j->error; p++)
            if (*p == '\n')
                line++, col = 1;
            else
                col++;
        int rc = rg_error_set(err, RG_ERR_INPUT, path, line, "invalid JSON");
        if (err)
            err->column = col;
        return rc;
    }
    int rc = rg_error_set(err, RG_ERR_INPUT, path, jerr.line > 0 ? jerr.line : 0, "invalid JSON: %s", jerr.text);
    if (err && jerr.line > 0)
        err->column = jerr.column;
    return rc;
}

int rg_json_read_text(const char *path, const char *text, size_t len, rg_graph **out, rg_error *err)
{
    *out = NULL;
    reader r = {.path = path, .text = text, .len = len, .err = err};
    rg_jscan_init(&r.scan, text, len);
    const char *nodes = NULL, *links = NULL, *edges = NULL, *graph = NULL;
    size_t n_nodes = 0, n_links = 0, n_edges = 0;
    rg_buf_init(&r.key);
    rg_buf_init(&r.id);
    rg_buf_init(&r.value);
    rg_buf_init(&r.last);
    if (rg_jscan_peek(&r.scan) == RG_J_OBJECT) {
        rg_jscan_open(&r.scan, '{');
        for (size_t i = 0; rg_jscan_member(&r.scan, i, &r.key); i++) {
            const char *here = r.scan.p;
            size_t count = 0;
            if (strcmp(r.key.data, "graph") == 0) {
                graph = here;
                rg_jscan_skip(&r.scan);
                continue;
            }
            if (rg_jscan_peek(&r.scan) == RG_J_ARRAY) {
                /* count the items: the graph is then made the right size */
                rg_jscan_open(&r.scan, '[');
                while (rg_jscan_item(&r.scan, count) && rg_jscan_skip(&r.scan))
                    count++;
                /* no node or link is written in fewer than 16 bytes: a
                 * hostile array of tiny items reserves no more than that */
                if (count > (size_t)(r.scan.p - here) / 16)
                    count = (size_t)(r.scan.p - here) / 16;
            } else {
                rg_jscan_skip(&r.scan);
            }
            if (strcmp(r.key.data, "nodes") == 0)
                nodes = here, n_nodes = count;
            else if (strcmp(r.key.data, "links") == 0)
                links = here, n_links = count;
            else if (strcmp(r.key.data, "edges") == 0)
                edges = here, n_edges = count;
        }
    } else if (rg_jscan_peek(&r.scan) == RG_J_ARRAY) {
        rg_jscan_skip(&r.scan);
    } else {
        r.scan.error = r.scan.p;
    }
    int rc = 0;
    if (!rg_jscan_end(&r.scan) || r.key.failed)
        rc = r.key.failed ? rg_error_nomem(err) : syntax_error(path, text, len, &r.scan, err);
    if (!links)
        links = edges, n_links = n_edges;
    if (rc == 0 && (!nodes || *nodes != '[' || (links && *links != '[')))
        rc = rg_error_set(err, RG_ERR_INPUT, path, 1, "not a graph file: needs \"nodes\" and \"links\" arrays");
    if (rc == 0 && (!(r.g = rg_graph_new()) || rg_graph_reserve(r.g, n_nodes, n_links) < 0))
        rc = rg_error_nomem(err);
    if (rc == 0) {
        rg_jscan j = rg_jscan_at(&r.scan, nodes);
        rg_jscan_open(&j, '[');
        for (size_t i = 0; rc == 0 && rg_jscan_item(&j, i); i++)
            rc = read_node(&r, &j, i);
    }
    if (rc == 0 && links) {
        rg_jscan j = rg_jscan_at(&r.scan, links);
        rg_jscan_open(&j, '[');
        for (size_t i = 0; rc == 0 && rg_jscan_item(&j, i); i++)
            rc = read_link(&r, &j, i);
    }
    if (rc == 0)
        rc = read_documents(&r, graph);
    if (rc == 0 && (r.key.failed || r.id.failed || r.value.failed))
        rc = rg_error_nomem(err);
    rg_buf_destroy(&r.key);
    rg_buf_destroy(&r.id);
    rg_buf_destroy(&r.value);
    rg_buf_destroy(&r.last);
    if (rc < 0) {
        rg_graph_free(r.g);
        return -1;
    }
    rg_graph_node_pages(r.g);
    rg_graph_finish(r.g);
    *out = r.g;
    return 0;
}

int rg_json_read(const char *path, rg_graph **out, rg_error *err)
{
    *out = NULL;
    rg_buf b;
    rg_buf_init(&b);
    int rc = rg_file_read(path, 0, &b, err);
    if (rc == 0 && b.len == 0)
        rc = rg_error_set(err, RG_ERR_INPUT, path, 0, "empty graph file");
    if (rc == 0)
        rc = rg_json_read_text(path, b.data, b.len, out, err);
    rg_buf_destroy(&b);
    return rc;
}
