#include "graph/model/model.h"

#include "graph/base/hmap.h"
#include "graph/model/pool.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const score_names[RG_SCORE__COUNT] = {
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "hub", "authority",
    "coreness", "community",
};

const char *rg_score_name(rg_score s)
{
    return (unsigned)s < RG_SCORE__COUNT ? score_names[s] : NULL;
}

int rg_score_parse(const char *name)
{
    for (int s = 0; s < RG_SCORE__COUNT; s++)
        if (strcmp(score_names[s], name) == 0)
            return s;
    return -1;
}

/* The model's own state: what finds a node or a link, the pool of evidence
 * strings, and whether the evidence is in order. It sits behind a pointer
 * so that no other module reaches it, and so that the link table, a cache
 * built at the first look-up on a graph read without it, may be built
 * through a const rg_graph: the pointer is const there, not what it points
 * to. */
struct rg_graph_index {
    rg_hmap nodes;                  /* id → node */
    rg_pool strings;                /* the evidence's documents and sentences */
    rg_hmap docs;                   /* document id → position in docs[]: a
                                       library of a million reports merges
                                       without comparing each with all */
    rg_pool *pool;                  /* &strings, or the pool of the graph a part
                                       made with rg_graph_new_part shares */
    unsigned long long *link_slots; /* (source, target, relation) → link + 1, open addressing */
    size_t link_cap;                /* a power of two, or 0 */
    size_t link_hint;               /* the links a reader expects: the table's first size */
    bool links_unindexed;           /* links were appended without the table: built when first needed */
    bool finished;                  /* every link's evidence sorted */
};

rg_graph *rg_graph_new(void)
{
    rg_graph *g = calloc(1, sizeof *g);
    if (g && !(g->index = calloc(1, sizeof *g->index))) {
        free(g);
        return NULL;
    }
    if (g) {
        rg_hmap_init(&g->index->nodes);
        rg_pool_init(&g->index->strings);
        rg_hmap_init(&g->index->docs);
        g->index->pool = &g->index->strings;
    }
    return g;
}

rg_graph *rg_graph_new_part(rg_graph *whole)
{
    rg_graph *g = rg_graph_new();
    if (g)
        g->index->pool = whole->index->pool;
    return g;
}

static void node_destroy(rg_node *n)
{
    free(n->id);
    free(n->label);
    free(n->kind);
    free(n->country);
    rg_strset_destroy(&n->aliases);
    rg_tally_destroy(&n->doc_mentions);
    rg_strset_destroy(&n->docs);
    free(n->text);
    free(n->doc);
    free(n->section);
    free(n->modality);
}

void rg_graph_free(rg_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_nodes; i++)
        node_destroy(&g->nodes[i]);
    for (size_t i = 0; i < g->n_links; i++)
        free(g->links[i].evidence);
    for (size_t i = 0; i < g->n_docs; i++)
        rg_document_destroy(&g->docs[i]);
    free(g->catalog_sha256);
    free(g->generator);
    free(g->nodes);
    free(g->links);
    free(g->docs);
    rg_hmap_destroy(&g->index->nodes);
    rg_hmap_destroy(&g->index->docs);
    rg_pool_destroy(&g->index->strings);
    free(g->index->link_slots);
    free(g->index);
    free(g);
}

void rg_graph_clear(rg_graph *g)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        node_destroy(&g->nodes[i]);
    for (size_t i = 0; i < g->n_links; i++)
        free(g->links[i].evidence);
    for (size_t i = 0; i < g->n_docs; i++)
        rg_document_destroy(&g->docs[i]);
    g->n_nodes = g->n_links = g->n_docs = 0;
    struct rg_graph_index *x = g->index;
    rg_hmap_destroy(&x->nodes);
    rg_hmap_destroy(&x->docs);
    /* the arrays and the link table keep their room for the next part */
    if (x->link_cap)
        memset(x->link_slots, 0, x->link_cap * sizeof *x->link_slots);
    x->links_unindexed = false;
    x->finished = false;
}

bool rg_graph_find(const rg_graph *g, const char *id, size_t *index)
{
    return rg_hmap_get(&g->index->nodes, id, index);
}

int rg_graph_node(rg_graph *g, const char *id, rg_node_type type, const char *label, size_t *index)
{
    if (rg_graph_find(g, id, index))
        return 0;
    if (rg_reserve((void **)&g->nodes, &g->cap_nodes, g->n_nodes, sizeof *g->nodes) < 0)
        return -1;
    rg_node n = {.type = type, .line = 0};
    for (int s = 0; s < RG_SCORE__COUNT; s++)
        n.scores[s] = NAN;
    rg_strset_init(&n.aliases);
    rg_tally_init(&n.doc_mentions);
    rg_strset_init(&n.docs);
    if (!(n.id = rg_strdup(id)) || !(n.label = rg_strdup(label ? label : id)) ||
        rg_hmap_put(&g->index->nodes, id, g->n_nodes) < 0) {
        node_destroy(&n);
        return -1;
    }
    *index = g->n_nodes;
    g->nodes[g->n_nodes++] = n;
    return 0;
}

int rg_node_set(char **field, const char *value)
{
    if (!value || (*field && strcmp(*field, value) <= 0))
        return 0;
    char *copy = rg_strdup(value);
    if (!copy)
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

/* The links are found by their ends and relation in an open-addressing
 * table of link numbers: no key strings to build or compare. A slot holds
 * the link number + 1 in its low bits and the top bits of the link's hash
 * above them, so that a probe reads the link itself only when those match:
 * a graph of millions of links is loaded without a cache miss per probe. */
enum { SLOT_BITS = 40 };
#define SLOT_LINK(slot) ((slot) & ((1ULL << SLOT_BITS) - 1))
#define SLOT_TAG(h) ((unsigned long long)(h) >> SLOT_BITS << SLOT_BITS)

static unsigned long long link_hash(size_t source, size_t target, rg_relation rel)
{
    unsigned long long h = (unsigned long long)source * 0x9E3779B97F4A7C15ULL;
    h ^= ((unsigned long long)target + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;
    h ^= (unsigned long long)rel * 0x165667B19E3779F9ULL;
    h ^= h >> 31;
    return h;
}

static size_t link_slot(const rg_graph *g, size_t source, size_t target, rg_relation rel)
{
    unsigned long long h = link_hash(source, target, rel), tag = SLOT_TAG(h);
    size_t mask = g->index->link_cap - 1, i = (size_t)h & mask;
    for (;;) {
        unsigned long long slot = g->index->link_slots[i];
        if (!slot)
            return i;
        if ((slot & ~SLOT_LINK(~0ULL)) == tag) {
            const rg_link *l = &g->links[SLOT_LINK(slot) - 1];
            if (l->source == source && l->target == target && l->relation == rel)
                return i;
        }
        i = (i + 1) & mask;
    }
}

/* A new table for every link, at most 70% full and big enough for the
 * links a reader announced. Were a link there twice (a damaged file
 * appended unindexed), the first is the one found. The links do not
 * change: g is const, its private state is what is rebuilt. */
static int index_links(const rg_graph *g)
{
    struct rg_graph_index *x = g->index;
    size_t cap = x->link_cap ? x->link_cap * 2 : 64;
    size_t want = g->n_links > x->link_hint ? g->n_links : x->link_hint;
    while (want * 10 > cap * 7)
        cap *= 2;
    unsigned long long *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    free(x->link_slots);
    x->link_slots = slots;
    x->link_cap = cap;
    for (size_t at = 0; at < g->n_links; at++) {
        const rg_link *l = &g->links[at];
        size_t i = link_slot(g, l->source, l->target, l->relation);
        if (!slots[i])
            slots[i] = SLOT_TAG(link_hash(l->source, l->target, l->relation)) | (at + 1);
    }
    x->links_unindexed = false;
    return 0;
}

int rg_graph_reserve(rg_graph *g, size_t n_nodes, size_t n_links)
{
    if (rg_grow_to((void **)&g->nodes, &g->cap_nodes, n_nodes, sizeof *g->nodes) < 0 ||
        rg_grow_to((void **)&g->links, &g->cap_links, n_links, sizeof *g->links) < 0)
        return -1;
    /* the link table is made at its first use, at this size */
    if (n_links > g->index->link_hint)
        g->index->link_hint = n_links;
    return rg_hmap_reserve(&g->index->nodes, n_nodes);
}

bool rg_graph_find_link(const rg_graph *g, size_t source, size_t target, rg_relation rel, size_t *index)
{
    /* the table is a cache of the links: building it changes no link */
    if (g->index->links_unindexed && index_links(g) < 0) {
        for (size_t i = 0; i < g->n_links; i++) {
            const rg_link *l = &g->links[i];
            if (l->source == source && l->target == target && l->relation == rel) {
                if (index)
                    *index = i;
                return true;
            }
        }
        return false;
    }
    if (!g->index->link_cap)
        return false;
    unsigned long long at = SLOT_LINK(g->index->link_slots[link_slot(g, source, target, rel)]);
    if (at && index)
        *index = (size_t)at - 1;
    return at != 0;
}

int rg_graph_append_link(rg_graph *g, size_t source, size_t target, rg_relation rel, size_t *index)
{
    if (rg_reserve((void **)&g->links, &g->cap_links, g->n_links, sizeof *g->links) < 0 ||
        g->n_links + 1 >= 1ULL << SLOT_BITS)
        return -1;
    *index = g->n_links;
    g->links[g->n_links++] = (rg_link){.source = source, .target = target, .relation = rel};
    g->index->links_unindexed = true;
    return 0;
}

/* Append evidence e, its strings in g's pool, to link l of g: 1 when
 * added, 0 when it is catalog evidence the link already has, -1 when out
 * of memory. */
static int append_evidence(rg_graph *g, size_t l, rg_evidence e)
{
    rg_link *link = &g->links[l];
    if (strcmp(e.doc, "catalog") == 0)
        for (size_t i = 0; i < link->n_evidence; i++)
            if (link->evidence[i].doc == e.doc && link->evidence[i].text == e.text)
                return 0;
    /* most links have one piece of evidence (a role, a part_of): room
     * grows from one, not from rg_reserve's sixteen */
    if (link->n_evidence == link->cap_evidence &&
        rg_grow_to((void **)&link->evidence, &link->cap_evidence, link->cap_evidence ? link->cap_evidence * 2 : 1,
                   sizeof *link->evidence) < 0)
        return -1;
    link->evidence[link->n_evidence++] = e;
    g->index->finished = false;
    return 1;
}

static int add_evidence(rg_graph *g, size_t l, const rg_evidence *where)
{
    rg_evidence e = *where;
    e.doc = rg_pool_add(g->index->pool, where->doc);
    e.text = rg_pool_add(g->index->pool, where->text ? where->text : "");
    return e.doc && e.text ? append_evidence(g, l, e) : -1;
}

const char *rg_graph_intern(rg_graph *g, const char *s, size_t len)
{
    return rg_pool_intern(g->index->pool, s, len);
}

int rg_graph_append_evidence(rg_graph *g, size_t l, const rg_evidence *e, size_t n)
{
    rg_link *link = &g->links[l];
    if (!n)
        return 0;
    if (rg_grow_to((void **)&link->evidence, &link->cap_evidence, link->n_evidence + n, sizeof *link->evidence) < 0)
        return -1;
    memcpy(link->evidence + link->n_evidence, e, n * sizeof *e);
    link->n_evidence += n;
    g->index->finished = false;
    return 0;
}

/* The link source → target of rel, found or made, and the evidence e
 * (none when e is NULL or e->doc is), inferred or not (NULL: the flag
 * left as it is). */
int rg_graph_link_evidence(rg_graph *g, size_t source, size_t target, rg_relation rel, const rg_evidence *e,
                           const bool *inferred, size_t *index)
{
    struct rg_graph_index *x = g->index;
    if (x->links_unindexed && index_links(g) < 0)
        return -1;
    size_t at, slot = x->link_cap ? link_slot(g, source, target, rel) : 0;
    if (x->link_cap && x->link_slots[slot]) {
        at = (size_t)SLOT_LINK(x->link_slots[slot]) - 1;
    } else {
        if (rg_reserve((void **)&g->links, &g->cap_links, g->n_links, sizeof *g->links) < 0)
            return -1;
        if (g->n_links + 1 >= 1ULL << SLOT_BITS)
            return -1;
        bool grown = (g->n_links + 1) * 10 > x->link_cap * 7;
        if (grown && index_links(g) < 0)
            return -1;
        at = g->n_links++;
        g->links[at] = (rg_link){.source = source, .target = target, .relation = rel};
        if (grown)
            slot = link_slot(g, source, target, rel);
        x->link_slots[slot] = SLOT_TAG(link_hash(source, target, rel)) | (at + 1);
    }
    if (index)
        *index = at;
    if (!e || !e->doc)
        return 0;
    bool had_evidence = g->links[at].n_evidence > 0;
    int added = add_evidence(g, at, e);
    if (added < 0)
        return -1;
    rg_link *l = &g->links[at];
    l->weight += added;
    /* inferred while every piece of evidence is */
    if (added && inferred)
        l->inferred = had_evidence ? l->inferred && *inferred : *inferred;
    return 0;
}

int rg_graph_link(rg_graph *g, size_t source, size_t target, rg_relation rel, const char *doc, long line,
                  const char *text, size_t *index)
{
    rg_evidence e = {.doc = doc, .line = line, .text = text};
    return rg_graph_link_evidence(g, source, target, rel, &e, NULL, index);
}

int rg_graph_link_role(rg_graph *g, size_t source, size_t target, rg_relation rel, const char *doc, long line,
                       const char *text, bool inferred, size_t *index)
{
    rg_evidence e = {.doc = doc, .line = line, .text = text};
    return rg_graph_link_evidence(g, source, target, rel, &e, &inferred, index);
}

void rg_graph_node_pages(rg_graph *g)
{
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        rg_node *n = &g->nodes[l->target];
        if (l->relation != RG_REL_CONTAINS || n->type != RG_TYPE_RECOMMENDATION || !n->doc)
            continue;
        for (size_t k = 0; k < l->n_evidence; k++) {
            const rg_evidence *e = &l->evidence[k];
            if (e->page && e->line == n->line && strcmp(e->doc, n->doc) == 0) {
                n->page = e->page;
                n->page_line = e->page_line;
                break;
            }
        }
    }
}

int rg_graph_add_document(rg_graph *g, const char *id, const char *path, const char *title, long bytes,
                          rg_error *err)
{
    size_t at = rg_graph_document_index(g, id);
    if (at != RG_NONE)
        return rg_error_set(err, RG_ERR_INPUT, path, 0,
                            "report id '%s' given twice (also '%s'): rename one of the files", id, g->docs[at].path);
    if (rg_reserve((void **)&g->docs, &g->cap_docs, g->n_docs, sizeof *g->docs) < 0 ||
        rg_hmap_put(&g->index->docs, id, g->n_docs) < 0)
        return rg_error_nomem(err);
    rg_document d = {rg_strdup(id), rg_strdup(path), rg_strdup(title ? title : ""), bytes, NULL, NULL, NULL, 0, 0};
    if (!d.id || !d.path || !d.title) {
        free(d.id);
        free(d.path);
        free(d.title);
        /* the table names a document that is not there: made again */
        rg_hmap_destroy(&g->index->docs);
        for (size_t i = 0; i < g->n_docs; i++)
            rg_hmap_put(&g->index->docs, g->docs[i].id, i);
        return rg_error_nomem(err);
    }
    g->docs[g->n_docs++] = d;
    return 0;
}

int rg_graph_set_document_date(rg_graph *g, const char *id, const char *date)
{
    size_t i = rg_graph_document_index(g, id);
    if (i == RG_NONE)
        return -1;
    char *copy = date ? rg_strdup(date) : NULL;
    if (date && !copy)
        return -1;
    free(g->docs[i].date);
    g->docs[i].date = copy;
    return 0;
}

size_t rg_graph_document_index(const rg_graph *g, const char *id)
{
    size_t at;
    return rg_hmap_get(&g->index->docs, id, &at) ? at : RG_NONE;
}

int rg_graph_remove_documents(rg_graph *g, const rg_strset *gone)
{
    size_t kept = 0;
    for (size_t i = 0; i < g->n_docs; i++) {
        if (rg_strset_has(gone, g->docs[i].id))
            rg_document_destroy(&g->docs[i]);
        else
            g->docs[kept++] = g->docs[i];
    }
    g->n_docs = kept;
    rg_hmap_destroy(&g->index->docs);
    if (rg_hmap_reserve(&g->index->docs, kept) < 0)
        return -1;
    for (size_t i = 0; i < kept; i++)
        if (rg_hmap_put(&g->index->docs, g->docs[i].id, i) < 0)
            return -1;
    return 0;
}

void rg_doc_entity_destroy(rg_doc_entity *e)
{
    free(e->id);
    free(e->label);
    free(e->kind);
    free(e->country);
    rg_strset_destroy(&e->aliases);
}

void rg_document_destroy(rg_document *d)
{
    free(d->id);
    free(d->path);
    free(d->title);
    free(d->date);
    free(d->sha256);
    for (size_t k = 0; k < d->n_entities; k++)
        rg_doc_entity_destroy(&d->entities[k]);
    free(d->entities);
}

/* A copy of s, or NULL for NULL; *failed set when out of memory. */
static char *copy_or_null(const char *s, bool *failed)
{
    char *c = s ? rg_strdup(s) : NULL;
    if (s && !c)
        *failed = true;
    return c;
}

int rg_document_add_entity(rg_document *d, const rg_doc_entity *e)
{
    if (rg_reserve((void **)&d->entities, &d->cap_entities, d->n_entities, sizeof *d->entities) < 0)
        return -1;
    bool failed = false;
    rg_doc_entity c = {copy_or_null(e->id, &failed), copy_or_null(e->label, &failed), copy_or_null(e->kind, &failed),
                       copy_or_null(e->country, &failed), {0}};
    rg_strset_init(&c.aliases);
    if (failed || rg_strset_union(&c.aliases, &e->aliases) < 0) {
        rg_doc_entity_destroy(&c);
        return -1;
    }
    d->entities[d->n_entities++] = c;
    return 0;
}

/* What the copy of document s in another graph carries besides its id,
 * path, title and bytes: its date, hash and records. */
static int copy_document_extras(rg_document *d, const rg_document *s)
{
    bool failed = false;
    if (s->date && !d->date)
        d->date = copy_or_null(s->date, &failed);
    if (s->sha256 && !d->sha256)
        d->sha256 = copy_or_null(s->sha256, &failed);
    for (size_t k = 0; k < s->n_entities && !failed; k++)
        failed = rg_document_add_entity(d, &s->entities[k]) < 0;
    return failed ? -1 : 0;
}

const char *rg_graph_document_date(const rg_graph *g, const char *id)
{
    size_t i = rg_graph_document_index(g, id);
    return i == RG_NONE ? NULL : g->docs[i].date;
}

static int merge_node(rg_graph *dst, const rg_node *s, size_t *index)
{
    if (rg_graph_node(dst, s->id, s->type, s->label, index) < 0)
        return -1;
    rg_node *d = &dst->nodes[*index];
    if (strcmp(s->label, d->label) < 0 && rg_node_set(&d->label, s->label) < 0)
        return -1;
    if (rg_node_set(&d->kind, s->kind) < 0 || rg_node_set(&d->country, s->country) < 0 ||
        rg_node_set(&d->text, s->text) < 0 || rg_node_set(&d->doc, s->doc) < 0 ||
        rg_node_set(&d->section, s->section) < 0 || rg_node_set(&d->modality, s->modality) < 0 ||
        rg_strset_union(&d->aliases, &s->aliases) < 0 || rg_strset_union(&d->docs, &s->docs) < 0 ||
        rg_tally_merge(&d->doc_mentions, &s->doc_mentions) < 0)
        return -1;
    d->mentions = rg_count_add(d->mentions, s->mentions);
    if (!d->line || (s->line && s->line < d->line))
        d->line = s->line, d->page = s->page, d->page_line = s->page_line;
    else if (s->line == d->line && !d->page)
        d->page = s->page, d->page_line = s->page_line;
    for (int k = 0; k < RG_SCORE__COUNT; k++)
        if (isnan(d->scores[k]))
            d->scores[k] = s->scores[k];
    return 0;
}

/* dst's copy of a string of src's pool. The last one asked is kept: a
 * part's links come sentence by sentence, so most are asked again at once. */
typedef struct translation {
    const char *from, *to;
    bool shared; /* src and dst share one pool */
} translation;

static const char *translate(rg_graph *dst, translation *t, const char *s)
{
    if (s != t->from) {
        /* a part made for dst shares its pool: its strings are dst's */
        const char *to = t->shared ? s : rg_pool_add(dst->index->pool, s);
        if (!to)
            return NULL;
        t->from = s;
        t->to = to;
    }
    return t->to;
}

/* A merged link d is inferred while the evidence of both sides is; d had
 * had_evidence pieces before s's were added. A side without evidence
 * (a hand-made file) does not weigh against the other's, and two without
 * any are inferred if either says so: the same whatever the order. */
static void merge_inferred(rg_link *d, size_t had_evidence, const rg_link *s)
{
    if (!s->n_evidence)
        d->inferred = had_evidence ? d->inferred : d->inferred || s->inferred;
    else
        d->inferred = had_evidence ? d->inferred && s->inferred : s->inferred;
}

/* Node i of src into dst: moved whole when dst has no node of its id
 * (src's node is left empty), else merged. */
static int absorb_node(rg_graph *dst, rg_graph *src, size_t i, size_t *at)
{
    rg_node *s = &src->nodes[i];
    if (rg_graph_find(dst, s->id, at))
        return merge_node(dst, s, at);
    if (rg_reserve((void **)&dst->nodes, &dst->cap_nodes, dst->n_nodes, sizeof *dst->nodes) < 0 ||
        rg_hmap_put(&dst->index->nodes, s->id, dst->n_nodes) < 0)
        return -1;
    *at = dst->n_nodes;
    dst->nodes[dst->n_nodes++] = *s;
    memset(s, 0, sizeof *s);
    return 0;
}

int rg_graph_absorb(rg_graph *dst, rg_graph *src, rg_error *err)
{
    /* evidence moves only where its strings are dst's already */
    if (src->index->pool != dst->index->pool || src->index->links_unindexed)
        return rg_graph_merge(dst, src, err);
    for (size_t i = 0; i < src->n_docs; i++) {
        rg_document *d = &src->docs[i];
        if (rg_graph_add_document(dst, d->id, d->path, d->title, d->bytes, err) < 0)
            return -1;
        /* its date, hash and records move */
        rg_document *to = &dst->docs[dst->n_docs - 1];
        to->date = d->date, to->sha256 = d->sha256, to->entities = d->entities;
        to->n_entities = d->n_entities, to->cap_entities = d->cap_entities;
        d->date = d->sha256 = NULL, d->entities = NULL, d->n_entities = d->cap_entities = 0;
    }
    size_t *map = malloc((src->n_nodes ? src->n_nodes : 1) * sizeof *map);
    int rc = map ? 0 : -1;
    for (size_t i = 0; i < src->n_nodes && rc == 0; i++)
        rc = absorb_node(dst, src, i, &map[i]);
    for (size_t i = 0; i < src->n_links && rc == 0; i++) {
        rg_link *l = &src->links[i];
        size_t at, before = dst->n_links;
        if ((rc = rg_graph_link(dst, map[l->source], map[l->target], l->relation, NULL, 0, NULL, &at)) < 0)
            break;
        if (at >= before) {
            /* a new link: its evidence, weight and flag as they are */
            rg_link *d = &dst->links[at];
            d->evidence = l->evidence, d->n_evidence = l->n_evidence, d->cap_evidence = l->cap_evidence;
            d->weight = l->weight;
            d->inferred = l->inferred;
            l->evidence = NULL, l->n_evidence = l->cap_evidence = 0;
            dst->index->finished = false;
            continue;
        }
        size_t had_evidence = dst->links[at].n_evidence;
        for (size_t k = 0; k < l->n_evidence && rc == 0; k++)
            rc = append_evidence(dst, at, l->evidence[k]) < 0 ? -1 : 0;
        /* a part of text: every piece of its evidence adds to the weight */
        dst->links[at].weight += l->weight;
        merge_inferred(&dst->links[at], had_evidence, l);
    }
    free(map);
    return rc < 0 ? rg_error_nomem(err) : 0;
}

int rg_graph_merge(rg_graph *dst, const rg_graph *src, rg_error *err)
{
    for (size_t i = 0; i < src->n_docs; i++) {
        const rg_document *d = &src->docs[i];
        if (rg_graph_add_document(dst, d->id, d->path, d->title, d->bytes, err) < 0)
            return -1;
        if (copy_document_extras(&dst->docs[dst->n_docs - 1], d) < 0)
            return rg_error_nomem(err);
    }
    size_t *map = malloc((src->n_nodes ? src->n_nodes : 1) * sizeof *map);
    if (!map)
        return rg_error_nomem(err);
    for (size_t i = 0; i < src->n_nodes; i++)
        if (merge_node(dst, &src->nodes[i], &map[i]) < 0)
            goto nomem;
    bool shared = src->index->pool == dst->index->pool;
    translation docs = {NULL, NULL, shared}, texts = {NULL, NULL, shared};
    for (size_t i = 0; i < src->n_links; i++) {
        const rg_link *l = &src->links[i];
        size_t at, before = dst->n_links;
        if (rg_graph_link(dst, map[l->source], map[l->target], l->relation, NULL, 0, NULL, &at) < 0)
            goto nomem;
        size_t had_evidence = at < before ? dst->links[at].n_evidence : 0;
        /* Text evidence is never repeated across documents, so weights add
         * up; catalog evidence is kept once, and so is its weight. */
        bool from_text = l->n_evidence == 0;
        size_t added = 0;
        for (size_t k = 0; k < l->n_evidence; k++) {
            const rg_evidence *e = &l->evidence[k];
            from_text |= strcmp(e->doc, "catalog") != 0;
            rg_evidence copy = *e;
            copy.doc = translate(dst, &docs, e->doc);
            copy.text = translate(dst, &texts, e->text);
            int rc = copy.doc && copy.text ? append_evidence(dst, at, copy) : -1;
            if (rc < 0)
                goto nomem;
            added += (size_t)rc;
        }
        dst->links[at].weight += from_text ? l->weight : (double)added;
        merge_inferred(&dst->links[at], had_evidence, l);
    }
    free(map);
    return 0;
nomem:
    free(map);
    return rg_error_nomem(err);
}

int rg_graph_compact(rg_graph *g, const bool *keep_node, const bool *keep_link)
{
    size_t *map = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *map);
    if (!map)
        return -1;
    size_t n = 0, m = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        map[i] = keep_node[i] ? n : RG_NONE;
        if (keep_node[i])
            g->nodes[n++] = g->nodes[i];
        else
            node_destroy(&g->nodes[i]);
    }
    for (size_t i = 0; i < g->n_links; i++) {
        rg_link l = g->links[i];
        if (!keep_link[i] || map[l.source] == RG_NONE || map[l.target] == RG_NONE) {
            free(l.evidence);
            continue;
        }
        l.source = map[l.source];
        l.target = map[l.target];
        g->links[m++] = l;
    }
    free(map);
    g->n_nodes = n;
    g->n_links = m;
    /* the tables again: nodes now, links at their first use */
    struct rg_graph_index *x = g->index;
    rg_hmap_destroy(&x->nodes);
    rg_hmap_init(&x->nodes);
    free(x->link_slots);
    x->link_slots = NULL;
    x->link_cap = 0;
    x->links_unindexed = true;
    if (rg_hmap_reserve(&x->nodes, n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (rg_hmap_put(&x->nodes, g->nodes[i].id, i) < 0)
            return -1;
    return 0;
}

int rg_graph_subgraph(const rg_graph *g, const bool *keep, rg_graph **out, rg_error *err)
{
    *out = NULL;
    rg_graph *sub = rg_graph_new();
    if (!sub)
        return rg_error_nomem(err);
    /* a graph of the kept part: nodes and links merged from a filtered view */
    rg_graph part = *g;
    rg_node *nodes = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *nodes);
    rg_link *links = malloc((g->n_links ? g->n_links : 1) * sizeof *links);
    size_t *map = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *map);
    rg_strset docs;
    rg_strset_init(&docs);
    int rc = nodes && links && map ? 0 : -1;
    size_t n = 0, m = 0;
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++) {
        if (!keep[i])
            continue;
        map[i] = n;
        nodes[n++] = g->nodes[i];
        rc = rg_strset_union(&docs, &g->nodes[i].docs);
    }
    for (size_t i = 0; rc == 0 && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (!keep[l->source] || !keep[l->target])
            continue;
        links[m] = *l;
        links[m].source = map[l->source];
        links[m].target = map[l->target];
        m++;
    }
    if (rc == 0) {
        part.nodes = nodes;
        part.n_nodes = n;
        part.links = links;
        part.n_links = m;
        part.n_docs = 0;
        for (size_t i = 0; rc == 0 && i < g->n_docs; i++) {
            const rg_document *d = &g->docs[i];
            if (rg_strset_has(&docs, d->id))
                rc = rg_graph_add_document(sub, d->id, d->path, d->title, d->bytes, err);
            if (rc == 0 && rg_strset_has(&docs, d->id) && d->date && rg_graph_set_document_date(sub, d->id, d->date) < 0)
                rc = rg_error_nomem(err);
            /* the hash too; the records describe the whole graph's nodes */
            bool failed = false;
            if (rc == 0 && rg_strset_has(&docs, d->id) && d->sha256 &&
                !(sub->docs[sub->n_docs - 1].sha256 = copy_or_null(d->sha256, &failed)))
                rc = rg_error_nomem(err);
        }
        if (rc == 0)
            rc = rg_graph_merge(sub, &part, err);
    } else {
        rg_error_nomem(err);
    }
    free(nodes);
    free(links);
    free(map);
    rg_strset_destroy(&docs);
    if (rc < 0) {
        rg_graph_free(sub);
        return -1;
    }
    rg_graph_finish(sub);
    *out = sub;
    return 0;
}

/* Sort keys carry the strings they compare, so that qsort needs no
 * context (and no global) to reach the graph. */
typedef struct node_key {
    const char *id;
    size_t index;
} node_key;

/* A link sorts by its ends' places in the id order and its relation's
 * place in name order: integers, where comparing the strings themselves
 * cost most of the sort. */
typedef struct link_key_s {
    size_t source, target;
    int relation;
    size_t index;
} link_key_s;

static int by_node_id(const void *a, const void *b)
{
    return strcmp(((const node_key *)a)->id, ((const node_key *)b)->id);
}

static int by_link(const void *a, const void *b)
{
    const link_key_s *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    return (x->relation > y->relation) - (x->relation < y->relation);
}

static int by_evidence(const void *a, const void *b)
{
    const rg_evidence *x = a, *y = b;
    /* interned: the same string is the same pointer */
    int c = x->doc == y->doc ? 0 : strcmp(x->doc, y->doc);
    if (!c)
        c = (x->line > y->line) - (x->line < y->line);
    if (!c && x->text != y->text)
        c = strcmp(x->text, y->text);
    return c;
}

size_t *rg_graph_node_order(const rg_graph *g)
{
    size_t n = g->n_nodes;
    node_key *nk = malloc((n ? n : 1) * sizeof *nk);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!nk || !order) {
        free(nk);
        free(order);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        nk[i] = (node_key){g->nodes[i].id, i};
    qsort(nk, n, sizeof *nk, by_node_id);
    for (size_t i = 0; i < n; i++)
        order[i] = nk[i].index;
    free(nk);
    return order;
}

void rg_graph_finish(rg_graph *g)
{
    if (g->index->finished)
        return;
    for (size_t i = 0; i < g->n_links; i++) {
        rg_link *l = &g->links[i];
        /* a graph read from a file comes in order: look before sorting */
        size_t k = 1;
        while (k < l->n_evidence && by_evidence(&l->evidence[k - 1], &l->evidence[k]) <= 0)
            k++;
        if (k < l->n_evidence)
            qsort(l->evidence, l->n_evidence, sizeof *l->evidence, by_evidence);
    }
    g->index->finished = true;
}

bool rg_graph_finished(const rg_graph *g)
{
    return g->index->finished;
}

int rg_graph_order(const rg_graph *g, size_t **node_order, size_t **link_order)
{
    size_t *nodes = rg_graph_node_order(g);
    size_t *links = malloc((g->n_links ? g->n_links : 1) * sizeof *links);
    size_t *place = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *place);
    link_key_s *lk = malloc((g->n_links ? g->n_links : 1) * sizeof *lk);
    if (!nodes || !links || !place || !lk) {
        free(nodes);
        free(links);
        free(place);
        free(lk);
        return -1;
    }
    /* each node's place in id order */
    for (size_t i = 0; i < g->n_nodes; i++)
        place[nodes[i]] = i;
    /* the relations' places in name order */
    int relation_place[RG_REL__COUNT];
    for (int r = 0; r < RG_REL__COUNT; r++) {
        relation_place[r] = 0;
        for (int o = 0; o < RG_REL__COUNT; o++)
            relation_place[r] += strcmp(rg_relation_name((rg_relation)o), rg_relation_name((rg_relation)r)) < 0;
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        lk[i] = (link_key_s){place[l->source], place[l->target], relation_place[l->relation], i};
    }
    qsort(lk, g->n_links, sizeof *lk, by_link);
    for (size_t i = 0; i < g->n_links; i++)
        links[i] = lk[i].index;
    free(place);
    free(lk);
    *node_order = nodes;
    *link_order = links;
    return 0;
}
