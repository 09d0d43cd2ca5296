#include "graph/analyze/analyze.h"

#include "graph/base/budget.h"
#include "graph/base/fanout.h"
#include "graph/base/text.h"

#include <igraph.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct rg_view {
    const rg_graph *g;
    rg_view_kind kind;
    const char *doc;
    bool structure; /* links from the catalog alone count */
    igraph_t graph; /* undirected, simple */
    igraph_vector_t weights;
    size_t *vertex_node; /* vertex → model node */
    size_t *node_vertex; /* model node → vertex, or RG_NONE */
    igraph_integer_t n;
    bool built; /* graph and weights exist */
};

static int igraph_failed(rg_error *err, igraph_error_t code)
{
    return rg_error_set(err, code == IGRAPH_ENOMEM ? RG_ERR_IO : RG_ERR_INPUT, NULL, 0, "graph analysis failed: %s",
                        igraph_strerror(code));
}

/* igraph's long loops ask this whether to go on: not once the thread's
 * time limit is spent (graph/base/budget.h; never without one). What the
 * interrupted calls hold is freed here, while their frames still exist:
 * igraph returns IGRAPH_INTERRUPTED from the inner function without
 * freeing, and the error handler further out would free entries of frames
 * that have returned (AddressSanitizer caught it in betweenness). */
static igraph_error_t stop_when_spent(void *data)
{
    (void)data;
    if (!rg_budget_spent())
        return IGRAPH_SUCCESS;
    IGRAPH_FINALLY_FREE();
    return IGRAPH_INTERRUPTED;
}

/* igraph's default handlers abort and print; the library does neither.
 * Its random numbers (ARPACK's start vector, sampled pivots, community
 * moves) are seeded every time, or igraph would seed them from the clock
 * and the same graph would give other last digits on another run. */
static void quiet_igraph(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_set_interruption_handler(stop_when_spent);
    igraph_rng_seed(igraph_rng_default(), 1);
}

/* ---- building ---- */

typedef struct pair {
    igraph_integer_t a, b;
    double w;
} pair;

typedef struct pairs {
    pair *items;
    size_t len, cap;
} pairs;

static int add_pair(pairs *p, igraph_integer_t a, igraph_integer_t b, double w, bool directed)
{
    if (a == b)
        return 0;
    if (!directed && a > b) {
        igraph_integer_t t = a;
        a = b;
        b = t;
    }
    if (rg_reserve((void **)&p->items, &p->cap, p->len, sizeof *p->items) < 0)
        return -1;
    p->items[p->len++] = (pair){a, b, w};
    return 0;
}

static int by_ends(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    /* equal ends in order of weight: their sum is the same whatever
     * order the links came in */
    return (a->w > b->w) - (a->w < b->w);
}

/* Merge pairs with the same ends (weights summed) into an igraph graph. */
static int make_graph(pairs *p, igraph_integer_t n, bool directed, igraph_t *graph, igraph_vector_t *weights,
                      rg_error *err)
{
    if (p->len)
        qsort(p->items, p->len, sizeof *p->items, by_ends);
    size_t m = 0;
    for (size_t i = 0; i < p->len; i++) {
        if (m && p->items[m - 1].a == p->items[i].a && p->items[m - 1].b == p->items[i].b)
            p->items[m - 1].w += p->items[i].w;
        else
            p->items[m++] = p->items[i];
    }
    igraph_vector_int_t edges;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m)) != IGRAPH_SUCCESS)
        return rg_error_nomem(err);
    if (igraph_vector_init(weights, (igraph_integer_t)m) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&edges);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i < m; i++) {
        VECTOR(edges)[2 * i] = p->items[i].a;
        VECTOR(edges)[2 * i + 1] = p->items[i].b;
        VECTOR(*weights)[i] = p->items[i].w;
    }
    igraph_error_t code = igraph_create(graph, &edges, n, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (code != IGRAPH_SUCCESS) {
        igraph_vector_destroy(weights);
        return igraph_failed(err, code);
    }
    return 0;
}

static const char *const view_names[] = {
    [RG_VIEW_FULL] = "full",
    [RG_VIEW_AGENCIES] = "agencies",
    [RG_VIEW_ENTITIES] = "entities",
};

const char *rg_view_name(rg_view_kind kind)
{
    return view_names[kind];
}

bool rg_view_parse(const char *name, rg_view_kind *out)
{
    for (size_t k = 0; k < sizeof view_names / sizeof *view_names; k++)
        if (strcmp(name, view_names[k]) == 0) {
            *out = (rg_view_kind)k;
            return true;
        }
    return false;
}

static bool node_in_view(const rg_node *n, rg_view_kind kind, const char *doc)
{
    if (doc && !rg_strset_has(&n->docs, doc))
        return false;
    switch (kind) {
    case RG_VIEW_FULL:
        return n->type != RG_TYPE_REPORT;
    case RG_VIEW_AGENCIES:
        return n->type == RG_TYPE_ACTOR || n->type == RG_TYPE_AGENCY;
    case RG_VIEW_ENTITIES:
        return rg_type_is_entity(n->type);
    }
    return false;
}

/* The weight a link has in the view: its sentences of text evidence (from
 * doc only, when the view keeps to one report). Catalog evidence is
 * structure, not activity: a link the catalog alone gives weighs 0 and is
 * left out, or 1 with structure. A link without any evidence (a graph file
 * from another tool) keeps its own weight. */
static double link_weight(const rg_link *l, const char *doc, bool structure)
{
    if (l->n_evidence == 0)
        return doc ? 0.0 : l->weight > 0 ? l->weight : 1.0;
    double text = 0, catalog = 0;
    for (size_t i = 0; i < l->n_evidence; i++) {
        const char *from = l->evidence[i].doc;
        if (strcmp(from, "catalog") == 0)
            catalog++;
        else
            text += doc ? strcmp(from, doc) == 0 : 1;
    }
    return text > 0 ? text : structure && catalog > 0 ? 1.0 : 0.0;
}

/* Pairs of the distinct entities of one recommendation, each weighted
 * 1/(k - 1) for its k entities (Newman's weighting of a projection): a
 * recommendation adds 1 to the strength of each entity it names with
 * others, however many it names, so one sentence that lists nine agencies
 * does not outweigh nine recommendations. */
static int recommendation_pairs(const rg_view *v, const size_t *ents, size_t k, pairs *p)
{
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++)
            if (add_pair(p, (igraph_integer_t)v->node_vertex[ents[i]], (igraph_integer_t)v->node_vertex[ents[j]],
                         1.0 / (double)(k - 1), false) < 0)
                return -1;
    return 0;
}

/* Links of the projections: two entities that one recommendation leads,
 * partners with, targets (or, for the entities view, concerns) share it. */
static int shared_recommendations(const rg_view *v, pairs *p)
{
    const rg_graph *g = v->g;
    /* each recommendation's entities, by walking the links once */
    size_t *first = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *first);
    size_t *next = malloc((g->n_links ? g->n_links : 1) * sizeof *next);
    size_t *ents = malloc((g->n_links ? g->n_links : 1) * sizeof *ents);
    int rc = first && next && ents ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
        first[i] = RG_NONE;
    for (size_t i = 0; rc == 0 && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        bool role = l->relation == RG_REL_LEADS || l->relation == RG_REL_PARTNERS || l->relation == RG_REL_TARGETS ||
                    (v->kind == RG_VIEW_ENTITIES && l->relation == RG_REL_CONCERNS);
        if (!role || g->nodes[l->source].type != RG_TYPE_RECOMMENDATION || v->node_vertex[l->target] == RG_NONE ||
            link_weight(l, v->doc, v->structure) <= 0)
            continue;
        next[i] = first[l->source];
        first[l->source] = i;
    }
    for (size_t r = 0; rc == 0 && r < g->n_nodes; r++) {
        /* an entity that leads and partners is named once */
        size_t k = 0;
        for (size_t i = first[r]; i != RG_NONE; i = next[i]) {
            size_t e = g->links[i].target, seen = 0;
            while (seen < k && ents[seen] != e)
                seen++;
            if (seen == k)
                ents[k++] = e;
        }
        rc = recommendation_pairs(v, ents, k, p);
    }
    free(first);
    free(next);
    free(ents);
    return rc;
}

/* ---- sentences that name several entities ---- */

/* One entity a sentence names; after counting, node holds how many
 * entities the sentence names. */
typedef struct named {
    const char *doc;
    long line;
    const char *text;
    size_t node;
} named;

typedef struct sentences {
    named *items;
    size_t len, cap;
} sentences;

static int by_sentence(const void *x, const void *y)
{
    const named *a = x, *b = y;
    int c = strcmp(a->doc, b->doc);
    if (c == 0 && a->line != b->line)
        c = a->line < b->line ? -1 : 1;
    return c ? c : strcmp(a->text, b->text);
}

static int by_sentence_node(const void *x, const void *y)
{
    int c = by_sentence(x, y);
    const named *a = x, *b = y;
    return c ? c : (a->node > b->node) - (a->node < b->node);
}

static bool text_evidence(const rg_evidence *e, const char *doc)
{
    return strcmp(e->doc, "catalog") != 0 && (!doc || strcmp(e->doc, doc) == 0);
}

/* Every sentence of co-mention evidence and how many entities it names,
 * sorted for by_sentence look-ups. O(e log e) for e pieces of evidence. */
static int count_named(const rg_graph *g, sentences *s)
{
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        for (size_t k = 0; l->relation == RG_REL_CO_MENTIONED && k < l->n_evidence; k++) {
            const rg_evidence *e = &l->evidence[k];
            if (!text_evidence(e, NULL))
                continue;
            for (int end = 0; end < 2; end++) {
                if (rg_reserve((void **)&s->items, &s->cap, s->len, sizeof *s->items) < 0)
                    return -1;
                s->items[s->len++] = (named){e->doc, e->line, e->text, end ? l->target : l->source};
            }
        }
    }
    if (s->len)
        qsort(s->items, s->len, sizeof *s->items, by_sentence_node);
    size_t out = 0;
    for (size_t i = 0; i < s->len;) {
        size_t j = i, count = 0;
        for (; j < s->len && by_sentence(&s->items[i], &s->items[j]) == 0; j++)
            count += j == i || s->items[j].node != s->items[j - 1].node;
        s->items[out] = s->items[i];
        s->items[out++].node = count;
        i = j;
    }
    s->len = out;
    return 0;
}

/* A co-mention's weight: each sentence that names k entities adds
 * 1/(k - 1) (Newman's weighting, as for shared recommendations): a
 * sentence adds 1 to the strength of each entity it names, so a list of
 * nine agencies in one sentence does not outweigh nine sentences. */
static double co_mention_weight(const rg_link *l, const sentences *s, const char *doc)
{
    if (l->n_evidence == 0)
        return doc ? 0.0 : l->weight > 0 ? l->weight : 1.0;
    double w = 0;
    for (size_t i = 0; i < l->n_evidence; i++) {
        const rg_evidence *e = &l->evidence[i];
        named key = {e->doc, e->line, e->text, 0};
        const named *hit = text_evidence(e, doc) ? bsearch(&key, s->items, s->len, sizeof key, by_sentence) : NULL;
        if (hit && hit->node > 1)
            w += 1.0 / (double)(hit->node - 1);
    }
    return w;
}

/* ---- views ---- */

/* The nodes of the view as vertices, in id order rather than the model's:
 * a graph built from the reports and the same graph read from its file
 * give igraph the same input, and so the same scores to the last bit. */
static int place_vertices(rg_view *v)
{
    const rg_graph *g = v->g;
    size_t *order = rg_graph_node_order(g);
    if (!order)
        return -1;
    for (size_t i = 0; i < g->n_nodes; i++)
        v->node_vertex[i] = RG_NONE;
    for (size_t k = 0; k < g->n_nodes; k++) {
        size_t i = order[k];
        if (node_in_view(&g->nodes[i], v->kind, v->doc)) {
            v->node_vertex[i] = (size_t)v->n;
            v->vertex_node[v->n++] = i;
        }
    }
    free(order);
    return 0;
}

/* The links between two nodes of the full or entities view, but
 * `contains`: co-mentions by their sentences, the others by link_weight. */
static int direct_links(const rg_view *v, pairs *p)
{
    const rg_graph *g = v->g;
    sentences s = {0};
    int rc = count_named(g, &s);
    for (size_t i = 0; i < g->n_links && rc == 0; i++) {
        const rg_link *l = &g->links[i];
        size_t a = v->node_vertex[l->source], b = v->node_vertex[l->target];
        if (l->relation == RG_REL_CONTAINS || a == RG_NONE || b == RG_NONE)
            continue;
        double w = l->relation == RG_REL_CO_MENTIONED ? co_mention_weight(l, &s, v->doc)
                                                      : link_weight(l, v->doc, v->structure);
        if (w > 0)
            rc = add_pair(p, (igraph_integer_t)a, (igraph_integer_t)b, w, false);
    }
    free(s.items);
    return rc;
}

int rg_view_new(const rg_graph *g, const rg_view_options *opts, rg_view **out, rg_error *err)
{
    quiet_igraph();
    *out = NULL;
    rg_view *v = calloc(1, sizeof *v);
    if (!v)
        return rg_error_nomem(err);
    v->g = g;
    v->kind = opts ? opts->kind : RG_VIEW_FULL;
    v->doc = opts ? opts->doc : NULL;
    v->structure = opts && opts->structure;
    v->vertex_node = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *v->vertex_node);
    v->node_vertex = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *v->node_vertex);
    pairs p = {0};
    int rc = v->vertex_node && v->node_vertex ? place_vertices(v) : -1;
    if (rc == 0 && (v->kind == RG_VIEW_FULL || v->kind == RG_VIEW_ENTITIES))
        rc = direct_links(v, &p);
    if (rc == 0 && v->kind != RG_VIEW_FULL)
        rc = shared_recommendations(v, &p);
    if (rc < 0) {
        free(p.items);
        rg_view_free(v);
        return rg_error_nomem(err);
    }
    rc = make_graph(&p, v->n, false, &v->graph, &v->weights, err);
    free(p.items);
    if (rc < 0) {
        rg_view_free(v);
        return -1;
    }
    v->built = true;
    *out = v;
    return 0;
}

void rg_view_free(rg_view *v)
{
    if (!v)
        return;
    if (v->built) {
        igraph_destroy(&v->graph);
        igraph_vector_destroy(&v->weights);
    }
    free(v->vertex_node);
    free(v->node_vertex);
    free(v);
}

size_t rg_view_nodes(const rg_view *v)
{
    return (size_t)v->n;
}

size_t rg_view_links(const rg_view *v)
{
    return (size_t)igraph_ecount(&v->graph);
}

/* ---- measures ---- */

/* HITS needs the links' direction: the full view's links, directed. */
static int directed_graph(const rg_view *v, igraph_t *graph, igraph_vector_t *weights, rg_error *err)
{
    pairs p = {0};
    const rg_graph *g = v->g;
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        size_t a = v->node_vertex[l->source], b = v->node_vertex[l->target];
        /* a co-mention has no direction: its order is only that of ids */
        if (l->relation == RG_REL_CONTAINS || l->relation == RG_REL_CO_MENTIONED || a == RG_NONE || b == RG_NONE)
            continue;
        double w = link_weight(l, v->doc, v->structure);
        if (w > 0 && add_pair(&p, (igraph_integer_t)a, (igraph_integer_t)b, w, true) < 0) {
            free(p.items);
            return rg_error_nomem(err);
        }
    }
    int rc = make_graph(&p, v->n, true, graph, weights, err);
    free(p.items);
    return rc;
}

/* The sources of an estimate: the pivot nodes given, or k sampled with the
 * seed. */
static igraph_error_t pivot_sources(const rg_view *v, const rg_measure_options *opts, igraph_vector_int_t *sources)
{
    igraph_error_t code = igraph_vector_int_init(sources, 0);
    if (code != IGRAPH_SUCCESS)
        return code;
    if (opts->pivot_nodes) {
        for (size_t i = 0; i < opts->n_pivot_nodes && code == IGRAPH_SUCCESS; i++)
            if (opts->pivot_nodes[i] < v->g->n_nodes && v->node_vertex[opts->pivot_nodes[i]] != RG_NONE)
                code = igraph_vector_int_push_back(sources, (igraph_integer_t)v->node_vertex[opts->pivot_nodes[i]]);
        return code;
    }
    long k = opts->pivots < v->n ? opts->pivots : (long)v->n;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opts->seed);
    return k > 0 ? igraph_random_sample(sources, 0, v->n - 1, (igraph_integer_t)k) : IGRAPH_SUCCESS;
}

/* Estimates from pivots are sums over the sources, computed in RG_PARTS
 * parts (in worker processes when there are several workers). The number
 * of parts is fixed, so the sums come out the same with any number. */
enum { RG_PARTS = 8 };

typedef struct pivot_work {
    const rg_view *v;
    const igraph_vector_int_t *sources;
    igraph_error_t code;
} pivot_work;

/* The sources of part p of n: an even share, in the sources' order. */
static igraph_error_t part_sources(const pivot_work *w, size_t p, size_t n, igraph_vector_int_t *out)
{
    igraph_integer_t k = igraph_vector_int_size(w->sources);
    igraph_integer_t from = k * (igraph_integer_t)p / (igraph_integer_t)n;
    igraph_integer_t to = k * (igraph_integer_t)(p + 1) / (igraph_integer_t)n;
    igraph_error_t code = igraph_vector_int_init(out, to - from);
    for (igraph_integer_t i = from; code == IGRAPH_SUCCESS && i < to; i++)
        VECTOR(*out)[i - from] = VECTOR(*w->sources)[i];
    return code;
}

/* Part of harmonic closeness: the sum over its sources of 1/hops, 0 where
 * unreachable. Distances 16 sources at a time: O(16 n) memory. */
static int harmonic_part(void *ctx, size_t p, size_t n_parts, double *out, size_t n)
{
    pivot_work *w = ctx;
    igraph_vector_int_t sources;
    igraph_matrix_t d;
    memset(out, 0, n * sizeof *out);
    igraph_error_t code = part_sources(w, p, n_parts, &sources);
    if (code != IGRAPH_SUCCESS)
        return w->code = code, -1;
    if ((code = igraph_matrix_init(&d, 0, 0)) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&sources);
        return w->code = code, -1;
    }
    igraph_integer_t k = igraph_vector_int_size(&sources);
    for (igraph_integer_t c = 0; c < k && code == IGRAPH_SUCCESS; c += 16) {
        igraph_integer_t len = k - c < 16 ? k - c : 16;
        igraph_vector_int_t chunk;
        code = igraph_vector_int_init(&chunk, len);
        for (igraph_integer_t i = 0; code == IGRAPH_SUCCESS && i < len; i++)
            VECTOR(chunk)[i] = VECTOR(sources)[c + i];
        if (code == IGRAPH_SUCCESS)
            code = igraph_distances(&w->v->graph, &d, igraph_vss_vector(&chunk), igraph_vss_all(), IGRAPH_ALL);
        for (igraph_integer_t i = 0; code == IGRAPH_SUCCESS && i < len; i++)
            for (size_t t = 0; t < n; t++) {
                double x = MATRIX(d, i, (igraph_integer_t)t);
                if (x > 0 && isfinite(x))
                    out[t] += 1.0 / x;
            }
        igraph_vector_int_destroy(&chunk);
    }
    igraph_matrix_destroy(&d);
    igraph_vector_int_destroy(&sources);
    return code == IGRAPH_SUCCESS ? 0 : (w->code = code, -1);
}

/* Part of betweenness: the pairs whose paths start at its sources. */
static int betweenness_part(void *ctx, size_t p, size_t n_parts, double *out, size_t n)
{
    pivot_work *w = ctx;
    igraph_vector_int_t sources;
    igraph_vector_t res;
    igraph_error_t code = part_sources(w, p, n_parts, &sources);
    if (code != IGRAPH_SUCCESS)
        return w->code = code, -1;
    if ((code = igraph_vector_init(&res, (igraph_integer_t)n)) == IGRAPH_SUCCESS) {
        if (igraph_vector_int_size(&sources) > 0)
            code = igraph_betweenness_subset(&w->v->graph, &res, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                             igraph_vss_vector(&sources), igraph_vss_all(), NULL);
        for (size_t i = 0; code == IGRAPH_SUCCESS && i < n; i++)
            out[i] = VECTOR(res)[(igraph_integer_t)i];
        igraph_vector_destroy(&res);
    }
    igraph_vector_int_destroy(&sources);
    return code == IGRAPH_SUCCESS ? 0 : (w->code = code, -1);
}

/* The sum of fn over the parts of the pivot sources, into res. */
static igraph_error_t over_pivots(const rg_view *v, const rg_measure_options *opts, const igraph_vector_int_t *sources,
                                  rg_fanout_fn fn, igraph_vector_t *res, rg_error *err, int *rc)
{
    pivot_work w = {v, sources, IGRAPH_SUCCESS};
    size_t n = (size_t)v->n;
    double *sum = malloc((n ? n : 1) * sizeof *sum);
    if (!sum)
        return IGRAPH_ENOMEM;
    if (rg_fanout_sum(opts->workers, RG_PARTS, fn, &w, sum, n, err) < 0) {
        free(sum);
        if (w.code != IGRAPH_SUCCESS)
            return w.code;
        *rc = -1;
        return IGRAPH_SUCCESS;
    }
    for (size_t i = 0; i < n; i++)
        VECTOR(*res)[(igraph_integer_t)i] = sum[i];
    free(sum);
    return IGRAPH_SUCCESS;
}

/* Harmonic closeness estimated from pivot sources, as the ../shared/bench
 * peers define it: for each node, the mean over the pivots (itself left
 * out) of 1/hops, 0 where unreachable. O(k (n + m)) time. */
static igraph_error_t harmonic_from_pivots(const rg_view *v, const rg_measure_options *opts, igraph_vector_t *res,
                                           rg_error *err, int *rc)
{
    igraph_vector_int_t sources;
    igraph_error_t code = pivot_sources(v, opts, &sources);
    if (code != IGRAPH_SUCCESS)
        return code;
    igraph_integer_t k = igraph_vector_int_size(&sources);
    code = over_pivots(v, opts, &sources, harmonic_part, res, err, rc);
    /* a pivot is not its own source: one fewer in its mean */
    unsigned char *pivot = code == IGRAPH_SUCCESS && *rc == 0 ? calloc((size_t)v->n + 1, 1) : NULL;
    if (code == IGRAPH_SUCCESS && *rc == 0 && !pivot)
        code = IGRAPH_ENOMEM;
    for (igraph_integer_t i = 0; pivot && i < k; i++)
        pivot[VECTOR(sources)[i]] += 1;
    for (igraph_integer_t t = 0; pivot && t < v->n; t++) {
        double count = (double)k - pivot[t];
        VECTOR(*res)[t] = count > 0 ? VECTOR(*res)[t] / count : 0;
    }
    free(pivot);
    igraph_vector_int_destroy(&sources);
    return code;
}

static igraph_error_t betweenness(const rg_view *v, const rg_measure_options *opts, igraph_vector_t *res,
                                  rg_error *err, int *rc)
{
    long k = opts ? opts->pivots : 0;
    size_t given = opts && opts->pivot_nodes ? opts->n_pivot_nodes : 0;
    if ((k <= 0 || k >= v->n) && !given)
        return igraph_betweenness(&v->graph, res, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL);
    igraph_vector_int_t sources;
    igraph_error_t code = pivot_sources(v, opts, &sources);
    if (code != IGRAPH_SUCCESS)
        return code;
    igraph_integer_t used = igraph_vector_int_size(&sources);
    code = over_pivots(v, opts, &sources, betweenness_part, res, err, rc);
    igraph_vector_int_destroy(&sources);
    /* k of n sources see k/n of the pairs: scale up to estimate the whole */
    if (code == IGRAPH_SUCCESS && *rc == 0 && used > 0)
        igraph_vector_scale(res, (igraph_real_t)v->n / (igraph_real_t)used);
    return code;
}

int rg_view_measure(const rg_view *v, rg_score which, const rg_measure_options *opts, double *out, rg_error *err)
{
    quiet_igraph();
    for (size_t i = 0; i < v->g->n_nodes; i++)
        out[i] = NAN;
    igraph_vector_t res, other;
    if (igraph_vector_init(&res, v->n) != IGRAPH_SUCCESS)
        return rg_error_nomem(err);
    if (igraph_vector_init(&other, v->n) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&res);
        return rg_error_nomem(err);
    }
    igraph_error_t code = IGRAPH_SUCCESS;
    igraph_real_t value;
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    int rc = 0;
    switch (which) {
    case RG_SCORE_DEGREE:
        code = igraph_strength(&v->graph, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, NULL);
        break;
    case RG_SCORE_STRENGTH:
        code = igraph_strength(&v->graph, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &v->weights);
        break;
    case RG_SCORE_BETWEENNESS:
        code = betweenness(v, opts, &res, err, &rc);
        break;
    case RG_SCORE_CLOSENESS:
        code = igraph_closeness(&v->graph, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, NULL, true);
        break;
    case RG_SCORE_HARMONIC:
        if (opts && (opts->pivot_nodes || opts->pivots > 0))
            code = harmonic_from_pivots(v, opts, &res, err, &rc);
        else
            code = igraph_harmonic_centrality(&v->graph, &res, igraph_vss_all(), IGRAPH_ALL, NULL, true);
        break;
    case RG_SCORE_EIGENVECTOR:
        code = v->n ? igraph_eigenvector_centrality(&v->graph, &res, &value, IGRAPH_UNDIRECTED, true, &v->weights,
                                                    &arpack)
                    : IGRAPH_SUCCESS;
        break;
    case RG_SCORE_PAGERANK:
        code = igraph_pagerank(&v->graph, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                               IGRAPH_UNDIRECTED, 0.85, &v->weights, NULL);
        break;
    case RG_SCORE_HUB:
    case RG_SCORE_AUTHORITY: {
        if (v->kind != RG_VIEW_FULL) {
            /* the projections have no direction: HITS is eigenvector */
            code = v->n ? igraph_eigenvector_centrality(&v->graph, &res, &value, IGRAPH_UNDIRECTED, true,
                                                        &v->weights, &arpack)
                        : IGRAPH_SUCCESS;
            break;
        }
        igraph_t d;
        igraph_vector_t dw;
        if (directed_graph(v, &d, &dw, err) < 0) {
            rc = -1;
            break;
        }
        code = v->n && igraph_ecount(&d) ? igraph_hub_and_authority_scores(&d, &res, &other, &value, true, &dw, &arpack)
                                         : IGRAPH_SUCCESS;
        if (which == RG_SCORE_AUTHORITY)
            igraph_vector_swap(&res, &other);
        igraph_destroy(&d);
        igraph_vector_destroy(&dw);
        break;
    }
    case RG_SCORE_CORENESS: {
        igraph_vector_int_t cores;
        code = igraph_vector_int_init(&cores, v->n);
        if (code == IGRAPH_SUCCESS)
            code = igraph_coreness(&v->graph, &cores, IGRAPH_ALL);
        for (igraph_integer_t k = 0; code == IGRAPH_SUCCESS && k < v->n; k++)
            VECTOR(res)[k] = (double)VECTOR(cores)[k];
        igraph_vector_int_destroy(&cores);
        break;
    }
    default:
        rc = rg_error_set(err, RG_ERR_USAGE, NULL, 0, "measure '%s' is not a centrality", rg_score_name(which));
    }
    if (rc == 0 && code != IGRAPH_SUCCESS)
        rc = igraph_failed(err, code);
    /* iterative solvers leave 1e-17 where the answer is 0 */
    for (igraph_integer_t k = 0; rc == 0 && k < v->n; k++)
        out[v->vertex_node[k]] = fabs(VECTOR(res)[k]) < 1e-12 ? 0.0 : VECTOR(res)[k];
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&other);
    return rc;
}

int rg_analyze_score(const rg_graph *g, rg_score which, double *out, rg_error *err)
{
    rg_view *v;
    if (rg_view_new(g, NULL, &v, err) < 0)
        return -1;
    int rc = rg_view_measure(v, which, NULL, out, err);
    rg_view_free(v);
    return rc;
}

/* ---- communities ---- */

typedef struct group {
    long label;       /* as igraph numbered it */
    size_t size;
    const char *first; /* smallest member id */
} group;

static int by_size(const void *x, const void *y)
{
    const group *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return strcmp(a->first, b->first);
}

bool rg_communities_bounded(size_t view_nodes, rg_community_method method, int passes)
{
    return method == RG_COMMUNITY_LEIDEN && passes <= 0 && view_nodes > RG_LEIDEN_SETTLE_NODES;
}

int rg_view_communities(const rg_view *v, rg_community_method method, unsigned long seed, int passes,
                        long *membership, size_t *count, double *modularity, rg_error *err)
{
    quiet_igraph();
    const rg_graph *g = v->g;
    for (size_t i = 0; i < g->n_nodes; i++)
        membership[i] = -1;
    *count = 0;
    *modularity = NAN;
    igraph_vector_int_t member;
    if (igraph_vector_int_init(&member, v->n) != IGRAPH_SUCCESS)
        return rg_error_nomem(err);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    igraph_error_t code = IGRAPH_SUCCESS;
    if (method == RG_COMMUNITY_LOUVAIN) {
        code = igraph_community_multilevel(&v->graph, &v->weights, 1.0, &member, NULL, NULL);
    } else {
        /* Leiden on modularity: node weights are strengths, resolution 1/2m */
        igraph_vector_t strength;
        code = igraph_vector_init(&strength, v->n);
        if (code == IGRAPH_SUCCESS)
            code = igraph_strength(&v->graph, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &v->weights);
        double total = code == IGRAPH_SUCCESS ? igraph_vector_sum(&v->weights) : 0;
        igraph_integer_t clusters = 0;
        igraph_real_t quality;
        /* the passes asked for, or until a pass changes nothing (at most
         * 100, or fewer on a big view) */
        int most = passes > 0                                            ? passes
                   : rg_communities_bounded((size_t)v->n, method, passes) ? RG_LEIDEN_BIG_PASSES
                                                                           : 100;
        for (int pass = 0; code == IGRAPH_SUCCESS && pass < most && total > 0; pass++) {
            igraph_vector_int_t before;
            code = igraph_vector_int_init_copy(&before, &member);
            if (code != IGRAPH_SUCCESS)
                break;
            code = igraph_community_leiden(&v->graph, &v->weights, &strength, 1.0 / (2.0 * total), 0.01, pass > 0, 1,
                                           &member, &clusters, &quality);
            bool same = pass > 0 && igraph_vector_int_all_e(&before, &member);
            igraph_vector_int_destroy(&before);
            if (same)
                break;
        }
        if (total <= 0)
            for (igraph_integer_t k = 0; k < v->n; k++)
                VECTOR(member)[k] = k;
        igraph_vector_destroy(&strength);
    }
    igraph_real_t q = NAN;
    if (code == IGRAPH_SUCCESS && igraph_ecount(&v->graph) > 0)
        code = igraph_modularity(&v->graph, &member, &v->weights, 1.0, IGRAPH_UNDIRECTED, &q);
    if (code != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&member);
        return igraph_failed(err, code);
    }
    /* number communities by size, ties by their smallest member id */
    igraph_integer_t max = 0;
    for (igraph_integer_t k = 0; k < v->n; k++)
        if (VECTOR(member)[k] > max)
            max = VECTOR(member)[k];
    group *groups = calloc((size_t)max + 1, sizeof *groups);
    long *rank = malloc(((size_t)max + 1) * sizeof *rank);
    if (!groups || !rank) {
        free(groups);
        free(rank);
        igraph_vector_int_destroy(&member);
        return rg_error_nomem(err);
    }
    for (igraph_integer_t c = 0; c <= max; c++)
        groups[c].label = (long)c;
    for (igraph_integer_t k = 0; k < v->n; k++) {
        group *gr = &groups[VECTOR(member)[k]];
        const char *id = g->nodes[v->vertex_node[k]].id;
        gr->size++;
        if (!gr->first || strcmp(id, gr->first) < 0)
            gr->first = id;
    }
    qsort(groups, (size_t)max + 1, sizeof *groups, by_size);
    size_t used = 0;
    for (igraph_integer_t c = 0; c <= max; c++) {
        rank[groups[c].label] = (long)c;
        used += groups[c].size > 0;
    }
    for (igraph_integer_t k = 0; k < v->n; k++)
        membership[v->vertex_node[k]] = rank[VECTOR(member)[k]];
    *count = used;
    *modularity = q;
    free(groups);
    free(rank);
    igraph_vector_int_destroy(&member);
    return 0;
}
