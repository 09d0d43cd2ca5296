/* realpath(3) */
#define _XOPEN_SOURCE 700

#include "export/snapshot.h"

#include "export/json.h"

#include "graph/base/hmap.h"
#include "graph/base/text.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The layout, in this machine's byte order (the order mark tells): magic,
 * order mark, then the graph file's identity (size, mtime, ctime, inode,
 * device),
 * then the body: counts; documents; nodes with every field; links with
 * their evidence. A string is a u32 length (NO_STRING for NULL) and its
 * bytes. An evidence string is written once: its first time as a u32 0
 * and the string, later as the u32 k of the k-th such string (the graph
 * keeps one copy of a sentence for all the links it proves, and so does
 * the file). An evidence is its document, line (u64), a PDF's page and
 * page line (i32, 0 for other formats) and text. After the counts, the
 * catalog's hash and the generator (strings, or none); a document has its
 * date and hash (strings, or none) and its records (a count, then id,
 * label, kind, country and aliases each). The version is in the magic:
 * another layout is another magic. */
static const char MAGIC[8] = "RGSNAP8";
static const uint64_t ORDER = 0x0102030405060708ULL;
#define NO_STRING UINT32_MAX

/* ---- writing ---- */

/* The evidence strings written so far, by address (the graph's pool
 * gives one address per string): open addressing, at most half full. */
typedef struct written {
    const char **at;
    uint32_t *ref;
    size_t cap, len;
} written;

typedef struct out {
    FILE *f;
    rg_buf b;
    bool failed;
    written seen;
} out;

static void flush_out(out *o)
{
    o->failed |= o->b.failed;
    if (!o->failed && o->b.len && fwrite(o->b.data, 1, o->b.len, o->f) != o->b.len)
        o->failed = true;
    rg_buf_reset(&o->b);
}

static void put(out *o, const void *p, size_t n)
{
    rg_buf_add(&o->b, p, n);
    if (o->b.len >= 1 << 16)
        flush_out(o);
}

static void put_u64(out *o, uint64_t v)
{
    put(o, &v, sizeof v);
}

static void put_f64(out *o, double v)
{
    put(o, &v, sizeof v);
}

static void put_str(out *o, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    uint32_t len = !s ? NO_STRING : n < NO_STRING ? (uint32_t)n : 0;
    if (s && n >= NO_STRING)
        o->failed = true;
    put(o, &len, sizeof len);
    if (s)
        put(o, s, n);
}

static size_t seen_slot(const written *w, const char *s)
{
    uintptr_t h = (uintptr_t)s * (uintptr_t)0x9E3779B97F4A7C15ULL;
    size_t mask = w->cap - 1, i = (size_t)(h >> 16) & mask;
    while (w->at[i] && w->at[i] != s)
        i = (i + 1) & mask;
    return i;
}

static bool seen_grow(written *w)
{
    written bigger = {NULL, NULL, w->cap ? w->cap * 2 : 1024, w->len};
    if (bigger.cap > SIZE_MAX / sizeof *bigger.at || !(bigger.at = calloc(bigger.cap, sizeof *bigger.at)) ||
        !(bigger.ref = malloc(bigger.cap * sizeof *bigger.ref))) {
        free(bigger.at);
        return false;
    }
    for (size_t i = 0; i < w->cap; i++)
        if (w->at[i]) {
            size_t j = seen_slot(&bigger, w->at[i]);
            bigger.at[j] = w->at[i];
            bigger.ref[j] = w->ref[i];
        }
    free(w->at);
    free(w->ref);
    *w = bigger;
    return true;
}

/* An evidence string: a reference to its first writing, or 0 and itself. */
static void put_pooled(out *o, const char *s)
{
    written *w = &o->seen;
    if ((w->len + 1) * 2 > w->cap && !seen_grow(w)) {
        o->failed = true;
        return;
    }
    size_t i = seen_slot(w, s);
    uint32_t ref = w->at[i] ? w->ref[i] : 0;
    put(o, &ref, sizeof ref);
    if (ref)
        return;
    put_str(o, s);
    if (w->len + 1 < UINT32_MAX) {
        w->at[i] = s;
        w->ref[i] = (uint32_t)++w->len;
    }
}

static void put_strset(out *o, const rg_strset *s)
{
    put_u64(o, s->len);
    for (size_t i = 0; i < s->len; i++)
        put_str(o, s->items[i]);
}

bool rg_snapshot_write_stream(const rg_graph *g, FILE *f)
{
    out o = {f, {0}, false, {0}};
    rg_buf_init(&o.b);
    put_u64(&o, g->n_docs);
    put_u64(&o, g->n_nodes);
    put_u64(&o, g->n_links);
    put_str(&o, g->catalog_sha256);
    /* a graph built here is the one the file relgraph wrote holds */
    put_str(&o, g->generator ? g->generator : RG_GENERATOR);
    for (size_t i = 0; i < g->n_docs; i++) {
        put_str(&o, g->docs[i].id);
        put_str(&o, g->docs[i].path);
        put_str(&o, g->docs[i].title);
        put_u64(&o, (uint64_t)g->docs[i].bytes);
        put_str(&o, g->docs[i].date);
        put_str(&o, g->docs[i].sha256);
        put_u64(&o, g->docs[i].n_entities);
        for (size_t k = 0; k < g->docs[i].n_entities; k++) {
            const rg_doc_entity *e = &g->docs[i].entities[k];
            put_str(&o, e->id);
            put_str(&o, e->label);
            put_str(&o, e->kind);
            put_str(&o, e->country);
            put_strset(&o, &e->aliases);
        }
    }
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        put_str(&o, n->id);
        put_str(&o, n->label);
        put_u64(&o, (uint64_t)n->type);
        put_str(&o, n->kind);
        put_str(&o, n->country);
        put_strset(&o, &n->aliases);
        put_u64(&o, (uint64_t)n->mentions);
        put_u64(&o, n->doc_mentions.len);
        for (size_t k = 0; k < n->doc_mentions.len; k++) {
            put_str(&o, n->doc_mentions.keys[k]);
            put_u64(&o, (uint64_t)n->doc_mentions.counts[k]);
        }
        put_strset(&o, &n->docs);
        put_str(&o, n->text);
        put_str(&o, n->doc);
        put_u64(&o, (uint64_t)n->line);
        put_str(&o, n->section);
        put_str(&o, n->modality);
        for (int s = 0; s < RG_SCORE__COUNT; s++)
            put_f64(&o, n->scores[s]);
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        put_u64(&o, l->source);
        put_u64(&o, l->target);
        put_u64(&o, (uint64_t)l->relation);
        put_u64(&o, l->inferred);
        put_f64(&o, l->weight);
        put_u64(&o, l->n_evidence);
        for (size_t k = 0; k < l->n_evidence; k++) {
            put_pooled(&o, l->evidence[k].doc);
            put_u64(&o, (uint64_t)l->evidence[k].line);
            int32_t page[2] = {l->evidence[k].page, l->evidence[k].page_line};
            put(&o, page, sizeof page);
            put_pooled(&o, l->evidence[k].text);
        }
    }
    put(&o, MAGIC, sizeof MAGIC); /* the end: a cut file is no snapshot */
    flush_out(&o);
    rg_buf_destroy(&o.b);
    free(o.seen.at);
    free(o.seen.ref);
    return !o.failed;
}

/* ---- reading ---- */

typedef struct in {
    const char *p, *end;
    bool bad;
    rg_buf s, t; /* the last strings read */
    const char **pooled; /* the evidence strings read, in the graph's pool */
    size_t n_pooled, cap_pooled;
    rg_evidence *evidence; /* a link's evidence as it is read */
    size_t cap_evidence;
} in;

static bool take(in *r, void *dst, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n)
        return !(r->bad = true);
    memcpy(dst, r->p, n);
    r->p += n;
    return true;
}

static uint64_t get_u64(in *r)
{
    uint64_t v = 0;
    take(r, &v, sizeof v);
    return v;
}

static long get_long(in *r)
{
    return (long)(int64_t)get_u64(r);
}

/* A count of items each at least min_bytes long: never more than is left. */
static size_t get_count(in *r, size_t min_bytes)
{
    uint64_t n = get_u64(r);
    if (n > (uint64_t)(r->end - r->p) / min_bytes)
        r->bad = true;
    return r->bad ? 0 : (size_t)n;
}

/* The next string, in buf (valid until buf is used again), or NULL. */
static const char *get_str_in(in *r, rg_buf *buf)
{
    uint32_t len = NO_STRING;
    if (!take(r, &len, sizeof len) || len == NO_STRING)
        return NULL;
    if ((size_t)(r->end - r->p) < len || memchr(r->p, '\0', len)) {
        r->bad = true;
        return NULL;
    }
    rg_buf_reset(buf);
    rg_buf_add(buf, r->p, len);
    r->p += len;
    if (buf->failed)
        r->bad = true;
    return r->bad ? NULL : buf->data ? buf->data : "";
}

static const char *get_str(in *r)
{
    return get_str_in(r, &r->s);
}

static char *get_copy(in *r)
{
    const char *s = get_str(r);
    char *c = s ? rg_strdup(s) : NULL;
    if (s && !c)
        r->bad = true;
    return c;
}

/* An evidence string, interned in g's pool: new, or one read before. */
static const char *get_pooled(in *r, rg_graph *g)
{
    uint32_t ref = 0;
    if (!take(r, &ref, sizeof ref))
        return NULL;
    if (ref) {
        if (ref > r->n_pooled)
            r->bad = true;
        return r->bad ? NULL : r->pooled[ref - 1];
    }
    uint32_t len = NO_STRING;
    if (!take(r, &len, sizeof len) || len == NO_STRING || (size_t)(r->end - r->p) < len || memchr(r->p, '\0', len)) {
        r->bad = true;
        return NULL;
    }
    const char *s = rg_graph_intern(g, r->p, len);
    r->p += len;
    if (!s || rg_reserve((void **)&r->pooled, &r->cap_pooled, r->n_pooled, sizeof *r->pooled) < 0) {
        r->bad = true;
        return NULL;
    }
    r->pooled[r->n_pooled++] = s;
    return s;
}

static void get_strset(in *r, rg_strset *set)
{
    size_t n = get_count(r, 4);
    for (size_t i = 0; i < n && !r->bad; i++) {
        const char *s = get_str(r);
        if (!s || rg_strset_add(set, s) < 0)
            r->bad = true;
    }
}

/* A document's hash and records, after its date. */
static bool read_document_extras(in *r, rg_document *d)
{
    d->sha256 = get_copy(r);
    size_t n = get_count(r, 20);
    for (size_t k = 0; k < n && !r->bad; k++) {
        rg_doc_entity e = {get_copy(r), get_copy(r), get_copy(r), get_copy(r), {0}};
        rg_strset_init(&e.aliases);
        get_strset(r, &e.aliases);
        if (!e.id || !e.label || rg_document_add_entity(d, &e) < 0)
            r->bad = true;
        rg_doc_entity_destroy(&e);
    }
    return !r->bad;
}

static bool read_node(in *r, rg_graph *g, size_t index)
{
    const char *id = get_str_in(r, &r->s);
    const char *label = get_str_in(r, &r->t);
    uint64_t type = get_u64(r);
    size_t at = 0;
    bool ok = !r->bad && id && label && type <= RG_TYPE_REPORT && !rg_graph_find(g, id, &at) &&
              rg_graph_node(g, id, (rg_node_type)type, label, &at) == 0 && at == index;
    if (!ok)
        return false;
    rg_node *n = &g->nodes[at];
    if (rg_node_set(&n->kind, get_str(r)) < 0 || rg_node_set(&n->country, get_str(r)) < 0)
        return false;
    get_strset(r, &n->aliases);
    n->mentions = get_long(r);
    size_t tallies = get_count(r, 12);
    for (size_t k = 0; k < tallies && !r->bad; k++) {
        const char *key = get_str(r);
        long count = get_long(r);
        if (!key || rg_tally_add(&n->doc_mentions, key, count) < 0)
            r->bad = true;
    }
    get_strset(r, &n->docs);
    if (rg_node_set(&n->text, get_str(r)) < 0 || rg_node_set(&n->doc, get_str(r)) < 0)
        return false;
    n->line = get_long(r);
    if (rg_node_set(&n->section, get_str(r)) < 0 || rg_node_set(&n->modality, get_str(r)) < 0)
        return false;
    for (int s = 0; s < RG_SCORE__COUNT; s++)
        take(r, &n->scores[s], sizeof n->scores[s]);
    return !r->bad;
}

static bool read_link(in *r, rg_graph *g, size_t index)
{
    uint64_t source = get_u64(r), target = get_u64(r), rel = get_u64(r), inferred = get_u64(r);
    double weight = 0;
    take(r, &weight, sizeof weight);
    size_t at;
    /* appended without the link table: a query on a big graph mostly walks
     * its links and never looks one up by its ends (the table is built if
     * it does) */
    if (r->bad || source >= g->n_nodes || target >= g->n_nodes || rel >= RG_REL__COUNT || inferred > 1 ||
        rg_graph_append_link(g, source, target, (rg_relation)rel, &at) < 0 || at != index)
        return false;
    g->links[at].weight = weight;
    g->links[at].inferred = inferred;
    size_t n = get_count(r, 24);
    if (rg_grow_to((void **)&r->evidence, &r->cap_evidence, n, sizeof *r->evidence) < 0)
        return false;
    for (size_t k = 0; k < n && !r->bad; k++) {
        rg_evidence *e = &r->evidence[k];
        e->doc = get_pooled(r, g);
        e->line = get_long(r);
        int32_t page = 0, page_line = 0;
        take(r, &page, sizeof page);
        take(r, &page_line, sizeof page_line);
        e->page = page;
        e->page_line = page_line;
        e->text = get_pooled(r, g);
        if (!e->doc || !e->text || page < 0 || page_line < 0)
            r->bad = true;
    }
    return !r->bad && rg_graph_append_evidence(g, at, r->evidence, n) == 0;
}

rg_graph *rg_snapshot_read_mem(const char *data, size_t len)
{
    in r = {data, data + len, false, {0}, {0}, NULL, 0, 0, NULL, 0};
    rg_buf_init(&r.s);
    rg_buf_init(&r.t);
    rg_graph *g = rg_graph_new();
    size_t n_docs = get_count(&r, 16), n_nodes = get_count(&r, 32), n_links = get_count(&r, 40);
    bool ok = g && !r.bad && rg_graph_reserve(g, n_nodes, n_links) == 0;
    if (ok) {
        g->catalog_sha256 = get_copy(&r);
        g->generator = get_copy(&r);
    }
    for (size_t i = 0; ok && i < n_docs; i++) {
        char *id = get_copy(&r), *path = get_copy(&r), *title = get_copy(&r);
        long bytes = get_long(&r);
        char *date = get_copy(&r);
        rg_error err;
        rg_error_clear(&err);
        ok = !r.bad && id && path && rg_graph_add_document(g, id, path, title, bytes, &err) == 0;
        ok = ok && (!date || rg_graph_set_document_date(g, id, date) == 0);
        ok = ok && read_document_extras(&r, &g->docs[g->n_docs - 1]);
        free(id), free(path), free(title), free(date);
    }
    for (size_t i = 0; ok && i < n_nodes; i++)
        ok = read_node(&r, g, i);
    for (size_t i = 0; ok && i < n_links; i++)
        ok = read_link(&r, g, i);
    char end[sizeof MAGIC];
    ok = ok && take(&r, end, sizeof end) && memcmp(end, MAGIC, sizeof MAGIC) == 0 && r.p == r.end && !r.bad;
    rg_buf_destroy(&r.s);
    rg_buf_destroy(&r.t);
    free(r.pooled);
    free(r.evidence);
    if (!ok) {
        rg_graph_free(g);
        return NULL;
    }
    rg_graph_node_pages(g);
    rg_graph_finish(g);
    return g;
}

/* The file mapped, not copied: the page cache holds it already. */
rg_graph *rg_snapshot_read_stream(FILE *f)
{
    struct stat st;
    long at = ftell(f);
    if (at < 0 || fstat(fileno(f), &st) < 0 || st.st_size < at)
        return NULL;
    size_t len = (size_t)st.st_size;
    if (len == 0)
        return NULL;
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fileno(f), 0);
    if (map == MAP_FAILED)
        return NULL;
    rg_graph *g = rg_snapshot_read_mem((const char *)map + at, len - (size_t)at);
    munmap(map, len);
    return g;
}

/* ---- the cache ---- */

/* What a graph file was when its snapshot was made: a write in place
 * changes the status-change time even where the modification time is
 * coarse or set back. */
typedef struct identity {
    uint64_t size, mtime_sec, mtime_nsec, ctime_sec, ctime_nsec, inode, device;
} identity;

static bool cache_on(void)
{
    const char *c = getenv("RELGRAPH_CACHE");
    return !(c && strcmp(c, "off") == 0);
}

/* Where the snapshot of json_path lives: <cache dir>/<hash of its absolute
 * path>.rgs. NULL when there is no cache directory. Caller frees. */
static char *snapshot_path(const char *json_path, bool make_dir)
{
    char *abs = realpath(json_path, NULL);
    if (!abs)
        return NULL;
    rg_buf dir;
    rg_buf_init(&dir);
    const char *env = getenv("RELGRAPH_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (env && *env) {
        rg_buf_adds(&dir, env);
    } else if (xdg && *xdg) {
        rg_buf_adds(&dir, xdg);
        rg_buf_adds(&dir, "/relgraph");
    } else if (home && *home) {
        rg_buf_adds(&dir, home);
        rg_buf_adds(&dir, "/.cache/relgraph");
    } else {
        free(abs);
        rg_buf_destroy(&dir);
        return NULL;
    }
    if (make_dir && !dir.failed) {
        /* each missing level, as mkdir -p */
        for (char *p = dir.data + 1; *p; p++)
            if (*p == '/') {
                *p = '\0';
                mkdir(dir.data, 0700);
                *p = '/';
            }
        mkdir(dir.data, 0700);
    }
    char name[40];
    snprintf(name, sizeof name, "/%016llx.rgs", (unsigned long long)rg_hash(abs, strlen(abs)));
    rg_buf_adds(&dir, name);
    free(abs);
    if (dir.failed) {
        rg_buf_destroy(&dir);
        return NULL;
    }
    return rg_buf_steal(&dir);
}

static bool identify(const char *json_path, identity *id)
{
    struct stat st;
    if (stat(json_path, &st) < 0 || !S_ISREG(st.st_mode))
        return false;
    *id = (identity){(uint64_t)st.st_size,         (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec,
                     (uint64_t)st.st_ctim.tv_sec,  (uint64_t)st.st_ctim.tv_nsec, (uint64_t)st.st_ino,
                     (uint64_t)st.st_dev};
    return true;
}

rg_graph *rg_snapshot_load(const char *json_path)
{
    identity now, then;
    if (!cache_on() || !identify(json_path, &now) || now.size < (uint64_t)RG_SNAPSHOT_MIN)
        return NULL;
    char *path = snapshot_path(json_path, false);
    FILE *f = path ? fopen(path, "rb") : NULL;
    free(path);
    if (!f)
        return NULL;
    char magic[sizeof MAGIC];
    uint64_t order = 0;
    rg_graph *g = NULL;
    if (fread(magic, 1, sizeof magic, f) == sizeof magic && memcmp(magic, MAGIC, sizeof MAGIC) == 0 &&
        fread(&order, sizeof order, 1, f) == 1 && order == ORDER && fread(&then, sizeof then, 1, f) == 1 &&
        memcmp(&now, &then, sizeof now) == 0)
        g = rg_snapshot_read_stream(f);
    fclose(f);
    return g;
}

void rg_snapshot_save(const rg_graph *g, const char *json_path)
{
    identity id;
    if (!cache_on() || !identify(json_path, &id) || id.size < (uint64_t)RG_SNAPSHOT_MIN)
        return;
    char *path = snapshot_path(json_path, true);
    if (!path)
        return;
    /* not rg_output: a cache needs the rename's atomicity, not an fsync of a
     * 100 MB file on the first query, and it stays private (0600) */
    rg_buf tmp;
    rg_buf_init(&tmp);
    rg_buf_adds(&tmp, path);
    rg_buf_adds(&tmp, ".XXXXXX");
    int fd = tmp.failed ? -1 : mkstemp(tmp.data);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (fd >= 0 && !f)
        close(fd);
    bool ok = f && fwrite(MAGIC, 1, sizeof MAGIC, f) == sizeof MAGIC && fwrite(&ORDER, sizeof ORDER, 1, f) == 1 &&
              fwrite(&id, sizeof id, 1, f) == 1 && rg_snapshot_write_stream(g, f);
    if (f && fclose(f) != 0)
        ok = false;
    if (fd >= 0 && (!ok || rename(tmp.data, path) < 0))
        unlink(tmp.data);
    rg_buf_destroy(&tmp);
    free(path);
}
