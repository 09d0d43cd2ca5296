/* memmem: find searches the graph's text, folded once, for the folded needle */
#define _GNU_SOURCE
#include "graph/analyze/query.h"

#include "graph/analyze/order.h"
#include "graph/base/budget.h"
#include "graph/base/hmap.h"
#include "graph/base/text.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---- */

typedef struct form {
    char *text; /* normalized */
    size_t node;
    bool label; /* the node's own label (or id) */
} form;

struct rg_names {
    const rg_graph *g;
    rg_catalog *cat;
    bool built;
    form *forms;
    size_t len, cap;
    rg_hmap first; /* normalized text → first index in forms (sorted by text) */
};

void rg_names_free(rg_names *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->len; i++)
        free(n->forms[i].text);
    free(n->forms);
    rg_hmap_destroy(&n->first);
    rg_catalog_free(n->cat);
    free(n);
}

static int add_form(rg_names *n, const char *text, size_t node, bool label)
{
    char *norm = rg_normalize_name(text);
    if (!norm)
        return -1;
    if (n->len == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 256;
        form *f = realloc(n->forms, cap * sizeof *f);
        if (!f) {
            free(norm);
            return -1;
        }
        n->forms = f;
        n->cap = cap;
    }
    n->forms[n->len++] = (form){norm, node, label};
    return 0;
}

static int by_text(const void *a, const void *b)
{
    const form *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    if (!c)
        c = (x->node > y->node) - (x->node < y->node);
    if (!c)
        c = (int)y->label - (int)x->label;
    return c;
}

int rg_names_new(const rg_graph *g, rg_catalog *cat, rg_names **out, rg_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out) {
        rg_catalog_free(cat);
        return rg_error_nomem(err);
    }
    (*out)->g = g;
    (*out)->cat = cat;
    rg_hmap_init(&(*out)->first);
    return 0;
}

/* The index: every form, sorted by text, and where each text begins. */
static int build(rg_names *n, rg_error *err)
{
    if (n->built)
        return 0;
    const rg_graph *g = n->g;
    int rc = 0;
    for (size_t i = 0; i < g->n_nodes && rc == 0; i++) {
        const rg_node *node = &g->nodes[i];
        rc = add_form(n, node->id, i, true);
        if (rc == 0 && node->type != RG_TYPE_RECOMMENDATION)
            rc = add_form(n, node->label, i, true);
        for (size_t k = 0; k < node->aliases.len && rc == 0; k++)
            rc = add_form(n, node->aliases.items[k], i, false);
        const rg_entry *e = n->cat ? rg_catalog_find_id(n->cat, node->id) : NULL;
        for (size_t k = 0; e && k < e->n_aliases && rc == 0; k++)
            rc = add_form(n, e->aliases[k], i, false);
    }
    if (rc == 0 && n->len)
        qsort(n->forms, n->len, sizeof *n->forms, by_text);
    for (size_t i = 0; i < n->len && rc == 0; i++)
        if (i == 0 || strcmp(n->forms[i].text, n->forms[i - 1].text) != 0)
            rc = rg_hmap_put(&n->first, n->forms[i].text, i);
    if (rc < 0)
        return rg_error_nomem(err);
    n->built = true;
    return 0;
}

/* Levenshtein distance, capped: beyond cap the exact value is not needed. */
static size_t distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > cap || lb > 200)
        return cap + 1;
    size_t row[201];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t sub = prev + (a[i - 1] != b[j - 1]);
            size_t del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
            if (row[j] < best)
                best = row[j];
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb];
}

typedef struct suggestion {
    size_t score; /* lower is closer */
    size_t node;
} suggestion;

static int by_score(const void *a, const void *b)
{
    const suggestion *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return (x->node > y->node) - (x->node < y->node);
}

static int unknown(const rg_names *n, const char *name, const char *norm, rg_error *err)
{
    /* the nearest labels and aliases: contained, or a few edits away */
    size_t cap = strlen(norm) / 3 + 1;
    suggestion best[3];
    size_t found = 0;
    for (size_t i = 0; i < n->len; i++) {
        const form *f = &n->forms[i];
        if (n->g->nodes[f->node].type == RG_TYPE_RECOMMENDATION || !rg_type_is_entity(n->g->nodes[f->node].type))
            continue;
        size_t d = strstr(f->text, norm) || strstr(norm, f->text) ? 0 : distance(norm, f->text, cap);
        if (d > cap)
            continue;
        suggestion s = {d * 1000 + (f->label ? 0 : 1), f->node};
        bool dup = false;
        for (size_t k = 0; k < found; k++)
            if (best[k].node == s.node) {
                dup = true;
                if (s.score < best[k].score)
                    best[k] = s;
            }
        if (dup)
            continue;
        if (found < 3) {
            best[found++] = s;
        } else {
            qsort(best, found, sizeof *best, by_score);
            if (by_score(&s, &best[2]) < 0)
                best[2] = s;
        }
    }
    qsort(best, found, sizeof *best, by_score);
    char hint[400] = "";
    for (size_t k = 0; k < found; k++) {
        size_t used = strlen(hint);
        snprintf(hint + used, sizeof hint - used, "%s'%s'", k ? ", " : "; did you mean ",
                 n->g->nodes[best[k].node].label);
    }
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "no node named '%s'%s%s", name, hint, found ? "?" : "");
}

int rg_names_resolve(rg_names *n, const char *name, size_t *node, rg_error *err)
{
    if (rg_graph_find(n->g, name, node))
        return 0;
    if (build(n, err) < 0)
        return -1;
    char *norm = rg_normalize_name(name);
    if (!norm)
        return rg_error_nomem(err);
    size_t at;
    if (!rg_hmap_get(&n->first, norm, &at)) {
        int rc = unknown(n, name, norm, err);
        free(norm);
        return rc;
    }
    /* the nodes of this form; a label beats an alias */
    size_t end = at;
    while (end < n->len && strcmp(n->forms[end].text, norm) == 0)
        end++;
    free(norm);
    size_t labels = 0, nodes = 0, label_node = RG_NONE, any = RG_NONE;
    for (size_t i = at; i < end; i++) {
        bool seen = false;
        for (size_t k = at; k < i; k++)
            seen |= n->forms[k].node == n->forms[i].node;
        if (seen)
            continue;
        nodes++;
        any = n->forms[i].node;
        bool label = false;
        for (size_t k = at; k < end; k++)
            label |= n->forms[k].node == n->forms[i].node && n->forms[k].label;
        if (label) {
            labels++;
            label_node = n->forms[i].node;
        }
    }
    if (nodes == 1 || labels == 1) {
        *node = nodes == 1 ? any : label_node;
        return 0;
    }
    char list[600] = "";
    size_t shown = 0;
    for (size_t i = at; i < end && shown < 6; i++) {
        bool seen = false;
        for (size_t k = at; k < i; k++)
            seen |= n->forms[k].node == n->forms[i].node;
        if (seen)
            continue;
        const rg_node *c = &n->g->nodes[n->forms[i].node];
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s'%s' (%s, %s)", shown ? ", " : "", c->label, rg_type_name(c->type),
                 c->id);
        shown++;
    }
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "'%s' names %zu nodes: %s; use the id", name, nodes, list);
}

/* ---- adjacency ---- */

typedef struct adjacency {
    size_t *start; /* n + 1 offsets */
    size_t *link;
    size_t *other;
} adjacency;

static void adjacency_free(adjacency *a)
{
    free(a->start);
    free(a->link);
    free(a->other);
}

/* Which links a walk may take. */
static bool walkable(const rg_graph *g, const rg_link *l, bool co_mentions)
{
    if (l->relation == RG_REL_CONTAINS || (!co_mentions && l->relation == RG_REL_CO_MENTIONED))
        return false;
    return g->nodes[l->source].type != RG_TYPE_REPORT && g->nodes[l->target].type != RG_TYPE_REPORT &&
           l->source != l->target;
}

/* Relations that explain a connection, best first. */
static int relation_rank(rg_relation r)
{
    switch (r) {
    case RG_REL_LEADS:
        return 0;
    case RG_REL_PARTNERS:
        return 1;
    case RG_REL_TARGETS:
        return 2;
    case RG_REL_CONCERNS:
        return 3;
    case RG_REL_PART_OF:
        return 4;
    case RG_REL_MEMBER_OF:
        return 5;
    case RG_REL_CO_MENTIONED:
        return 6;
    default:
        return 7;
    }
}

/* A walkable link seen from one end: the node at the other end. */
typedef struct neighbor {
    size_t other;
    size_t link;
} neighbor;

/* Each node's walkable links, in the order of the other end's id: the
 * order in which a search visits them, so that ties go the same way on
 * every run. */
/* roles: walk only the links of recommendations (and co-mentions when
 * asked), not part_of and member_of, which lead from any agency to its
 * country and from there to everything the country does. */
static bool ego_walkable(const rg_graph *g, const rg_link *l, bool co_mentions)
{
    return walkable(g, l, co_mentions) && l->relation != RG_REL_PART_OF && l->relation != RG_REL_MEMBER_OF;
}

static int adjacency_build(const rg_graph *g, bool co_mentions, bool roles, adjacency *a)
{
    size_t n = g->n_nodes;
    a->start = calloc(n + 1, sizeof *a->start);
    a->link = a->other = NULL;
    /* which links the walk takes, decided once: each decision reads both
     * ends, and a big graph's nodes do not fit in a cache */
    unsigned char *take = malloc(g->n_links ? g->n_links : 1);
    if (!a->start || !take) {
        free(take);
        adjacency_free(a);
        return -1;
    }
    bool (*may)(const rg_graph *, const rg_link *, bool) = roles ? ego_walkable : walkable;
    size_t m = 0;
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        take[i] = may(g, l, co_mentions);
        if (take[i]) {
            m += 2;
            a->start[l->source + 1]++;
            a->start[l->target + 1]++;
        }
    }
    a->link = malloc((m ? m : 1) * sizeof *a->link);
    a->other = malloc((m ? m : 1) * sizeof *a->other);
    neighbor *tmp = malloc((m ? m : 1) * sizeof *tmp);
    size_t *fill = malloc((n ? n : 1) * sizeof *fill), *node_at = rg_graph_node_order(g);
    if (!a->link || !a->other || !tmp || !fill || !node_at) {
        free(take);
        free(fill);
        free(tmp);
        free(node_at);
        adjacency_free(a);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        a->start[i + 1] += a->start[i];
    memcpy(fill, a->start, n * sizeof *fill);
    for (size_t i = 0; i < g->n_links; i++) {
        if (!take[i])
            continue;
        const rg_link *l = &g->links[i];
        tmp[fill[l->source]++] = (neighbor){l->target, i};
        tmp[fill[l->target]++] = (neighbor){l->source, i};
    }
    /* Sorted without sorting: visit the nodes in id order and hand each of
     * their links to the node at the other end, whose list so grows in
     * the order of its neighbours' ids. */
    memcpy(fill, a->start, n * sizeof *fill);
    for (size_t p = 0; p < n; p++) {
        size_t v = node_at[p];
        for (size_t k = a->start[v]; k < a->start[v + 1]; k++) {
            size_t u = tmp[k].other;
            a->other[fill[u]] = v;
            a->link[fill[u]++] = tmp[k].link;
        }
    }
    /* two links to one neighbour: the better relation first (insertion
     * sort, stable, over runs of a few) */
    for (size_t v = 0; v < n; v++) {
        for (size_t k = a->start[v] + 1; k < a->start[v + 1]; k++) {
            if (a->other[k - 1] != a->other[k])
                continue;
            size_t link = a->link[k], at = k;
            int rank = relation_rank(g->links[link].relation);
            while (at > a->start[v] && a->other[at - 1] == a->other[k] &&
                   relation_rank(g->links[a->link[at - 1]].relation) > rank) {
                a->link[at] = a->link[at - 1];
                at--;
            }
            a->link[at] = link;
        }
    }
    free(take);
    free(fill);
    free(node_at);
    free(tmp);
    return 0;
}

size_t rg_query_link(const rg_graph *g, size_t a, size_t b, bool co_mentions)
{
    size_t best = RG_NONE;
    for (int dir = 0; dir < 2; dir++) {
        for (int rel = 0; rel < RG_REL__COUNT; rel++) {
            size_t at;
            if (!rg_graph_find_link(g, dir ? b : a, dir ? a : b, (rg_relation)rel, &at) ||
                !walkable(g, &g->links[at], co_mentions))
                continue;
            if (best == RG_NONE || relation_rank(g->links[at].relation) < relation_rank(g->links[best].relation))
                best = at;
        }
    }
    return best;
}

/* ---- paths ---- */

void rg_paths_free(rg_path *paths, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(paths[i].nodes);
        free(paths[i].links);
    }
    free(paths);
}

typedef struct walk {
    const rg_graph *g;
    const adjacency *adj;
    const long *dist;
    size_t from;
    size_t *stack;
    rg_path *paths;
    size_t n, cap;
    bool co_mentions;
    bool failed;
} walk;

/* The link a step a → b takes, as rg_query_link chooses it, from a's own
 * links: no look-up by ends, so a graph read without its link table
 * (a snapshot) needs none for a path. */
static size_t step_link(const walk *w, size_t a, size_t b)
{
    const rg_graph *g = w->g;
    size_t best = RG_NONE;
    for (size_t k = w->adj->start[a]; k < w->adj->start[a + 1]; k++) {
        if (w->adj->other[k] != b)
            continue;
        const rg_link *l = &g->links[w->adj->link[k]];
        int rank = relation_rank(l->relation);
        if (best == RG_NONE) {
            best = w->adj->link[k];
            continue;
        }
        const rg_link *o = &g->links[best];
        int other = relation_rank(o->relation);
        /* the better relation; between the same two, the one from a */
        if (rank < other || (rank == other && l->source == a && o->source != a))
            best = w->adj->link[k];
    }
    return best;
}

/* Every shortest path: walk back from `to` over neighbours one step nearer
 * the start. stack[0..depth] holds the nodes from `to` backwards. */
static void collect(walk *w, size_t node, long depth)
{
    if (w->failed || w->n >= w->cap)
        return;
    w->stack[depth] = node;
    if (node == w->from) {
        rg_path p = {malloc((size_t)(depth + 1) * sizeof(size_t)), malloc((size_t)(depth ? depth : 1) * sizeof(size_t)),
                     (size_t)depth};
        if (!p.nodes || !p.links) {
            free(p.nodes);
            free(p.links);
            w->failed = true;
            return;
        }
        for (long k = 0; k <= depth; k++)
            p.nodes[k] = w->stack[depth - k];
        for (long k = 0; k < depth; k++)
            p.links[k] = step_link(w, p.nodes[k], p.nodes[k + 1]);
        w->paths[w->n++] = p;
        return;
    }
    size_t prev_seen = RG_NONE;
    for (size_t k = w->adj->start[node]; k < w->adj->start[node + 1]; k++) {
        size_t o = w->adj->other[k];
        if (o == prev_seen || w->dist[o] != w->dist[node] - 1)
            continue;
        prev_seen = o; /* two links to one neighbour: one step */
        collect(w, o, depth + 1);
    }
}

/* The search of rg_query_paths over walkable links already gathered. */
static int search_paths(const rg_graph *g, const adjacency *adj, size_t from, size_t to, rg_path_options o,
                        rg_path **paths, size_t *n, rg_error *err)
{
    *paths = NULL;
    *n = 0;
    long *dist = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *dist);
    size_t *queue = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *queue);
    if (!dist || !queue) {
        free(dist);
        free(queue);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i < g->n_nodes; i++)
        dist[i] = -1;
    size_t head = 0, tail = 0;
    dist[from] = 0;
    queue[tail++] = from;
    while (head < tail && dist[to] < 0) {
        if (rg_budget_spent()) {
            free(dist);
            free(queue);
            return rg_budget_fail(err);
        }
        size_t u = queue[head++];
        if (o.max_len > 0 && dist[u] >= o.max_len)
            continue;
        /* only the ends may be of another type than --via */
        if (u != from && o.via >= 0 && (int)g->nodes[u].type != o.via)
            continue;
        for (size_t k = adj->start[u]; k < adj->start[u + 1]; k++) {
            size_t v = adj->other[k];
            if (dist[v] >= 0)
                continue;
            dist[v] = dist[u] + 1;
            queue[tail++] = v;
        }
    }
    int rc = 0;
    if (dist[to] > 0 || (from == to)) {
        /* walk back from `to`, keeping to nodes the search went through */
        for (size_t i = 0; i < g->n_nodes; i++)
            if (dist[i] >= 0 && i != from && i != to && o.via >= 0 && (int)g->nodes[i].type != o.via)
                dist[i] = -2;
        walk w = {g, adj, dist, from, malloc((size_t)(dist[to] + 1) * sizeof(size_t)),
                  malloc((o.all ? RG_PATHS_MAX : 1) * sizeof(rg_path)), 0, o.all ? RG_PATHS_MAX : 1, o.co_mentions,
                  false};
        if (!w.stack || !w.paths)
            w.failed = true;
        else
            collect(&w, to, 0);
        free(w.stack);
        if (w.failed) {
            rg_paths_free(w.paths, w.n);
            rc = rg_error_nomem(err);
        } else {
            *paths = w.paths;
            *n = w.n;
        }
    }
    free(dist);
    free(queue);
    return rc;
}

int rg_query_paths(const rg_graph *g, size_t from, size_t to, const rg_path_options *opts, rg_path **paths,
                   size_t *n, rg_error *err)
{
    rg_path_options o = opts ? *opts : (rg_path_options){.via = -1};
    adjacency adj;
    *paths = NULL;
    *n = 0;
    if (adjacency_build(g, o.co_mentions, false, &adj) < 0)
        return rg_error_nomem(err);
    int rc = search_paths(g, &adj, from, to, o, paths, n, err);
    adjacency_free(&adj);
    return rc;
}

struct rg_path_index {
    const rg_graph *g;
    bool co_mentions;
    adjacency adj;
};

int rg_path_index_new(const rg_graph *g, bool co_mentions, rg_path_index **out, rg_error *err)
{
    rg_path_index *ix = malloc(sizeof *ix);
    *out = NULL;
    if (!ix)
        return rg_error_nomem(err);
    *ix = (rg_path_index){.g = g, .co_mentions = co_mentions};
    if (adjacency_build(g, co_mentions, false, &ix->adj) < 0) {
        free(ix);
        return rg_error_nomem(err);
    }
    *out = ix;
    return 0;
}

void rg_path_index_free(rg_path_index *ix)
{
    if (!ix)
        return;
    adjacency_free(&ix->adj);
    free(ix);
}

int rg_query_paths_indexed(const rg_path_index *ix, size_t from, size_t to, const rg_path_options *opts,
                           rg_path **paths, size_t *n, rg_error *err)
{
    rg_path_options o = opts ? *opts : (rg_path_options){.via = -1};
    *paths = NULL;
    *n = 0;
    if (o.co_mentions != ix->co_mentions)
        return rg_error_set(err, RG_ERR_USAGE, NULL, 0, "the path index was built %s co-mentions",
                            ix->co_mentions ? "with" : "without");
    return search_paths(ix->g, &ix->adj, from, to, o, paths, n, err);
}

/* ---- neighbourhoods ---- */

typedef struct link_key {
    int relation;
    double weight;
    const char *other;
    size_t link;
} link_key;

static int by_link_key(const void *a, const void *b)
{
    const link_key *x = a, *y = b;
    if (x->relation != y->relation)
        return x->relation - y->relation;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return strcmp(x->other, y->other);
}

int rg_query_neighbors(const rg_graph *g, size_t node, int relation, int type, size_t **links, size_t *n,
                       rg_error *err)
{
    *links = NULL;
    *n = 0;
    link_key *keys = malloc((g->n_links ? g->n_links : 1) * sizeof *keys);
    if (!keys)
        return rg_error_nomem(err);
    size_t count = 0;
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (l->source != node && l->target != node)
            continue;
        size_t other = rg_other_end(g, i, node);
        if ((relation >= 0 && (int)l->relation != relation) || (type >= 0 && (int)g->nodes[other].type != type))
            continue;
        keys[count++] = (link_key){relation_rank(l->relation), l->weight, g->nodes[other].id, i};
    }
    qsort(keys, count, sizeof *keys, by_link_key);
    size_t *out = malloc((count ? count : 1) * sizeof *out);
    if (!out) {
        free(keys);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i < count; i++)
        out[i] = keys[i].link;
    free(keys);
    *links = out;
    *n = count;
    return 0;
}

typedef struct node_key {
    int type;
    const char *id;
    size_t node;
} node_key;

static int by_node_key(const void *a, const void *b)
{
    const node_key *x = a, *y = b;
    if (x->type != y->type)
        return x->type - y->type;
    return strcmp(x->id, y->id);
}

/* Sort marked nodes by type then id into a new array. */
static int sorted_nodes(const rg_graph *g, const bool *mark, size_t **nodes, size_t *n, rg_error *err)
{
    node_key *keys = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *keys);
    size_t *out = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *out);
    if (!keys || !out) {
        free(keys);
        free(out);
        return rg_error_nomem(err);
    }
    size_t count = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        if (mark[i])
            keys[count++] = (node_key){(int)g->nodes[i].type, g->nodes[i].id, i};
    qsort(keys, count, sizeof *keys, by_node_key);
    for (size_t i = 0; i < count; i++)
        out[i] = keys[i].node;
    free(keys);
    *nodes = out;
    *n = count;
    return 0;
}

int rg_query_common(const rg_graph *g, size_t a, size_t b, size_t **nodes, size_t *n, rg_error *err)
{
    unsigned char *seen = calloc(g->n_nodes ? g->n_nodes : 1, 1);
    bool *both = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *both);
    if (!seen || !both) {
        free(seen);
        free(both);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (!walkable(g, l, false))
            continue;
        if (l->source == a || l->target == a)
            seen[rg_other_end(g, i, a)] |= 1;
        if (l->source == b || l->target == b)
            seen[rg_other_end(g, i, b)] |= 2;
    }
    for (size_t i = 0; i < g->n_nodes; i++)
        both[i] = seen[i] == 3 && i != a && i != b;
    free(seen);
    int rc = sorted_nodes(g, both, nodes, n, err);
    free(both);
    return rc;
}

/* The breadth-first walk of rg_query_ego: keep[] what is within reach,
 * hubs[] (of *n_hubs) the nodes reached and not walked through. */
static void ego_walk(const adjacency *adj, size_t node, const rg_ego_options *o, long *dist, size_t *queue,
                     bool *keep, rg_ego_hub *hubs, size_t *n_hubs, size_t n_nodes)
{
    for (size_t i = 0; i < n_nodes; i++)
        dist[i] = -1;
    for (size_t k = 0; k < o->n_exclude; k++)
        if (o->exclude[k] != node)
            dist[o->exclude[k]] = LONG_MAX; /* never reached, so never kept */
    size_t head = 0, tail = 0;
    dist[node] = 0;
    queue[tail++] = node;
    while (head < tail) {
        size_t u = queue[head++];
        keep[u] = true;
        if (dist[u] >= o->depth)
            continue;
        size_t degree = adj->start[u + 1] - adj->start[u];
        if (u != node && o->max_degree > 0 && degree > (size_t)o->max_degree) {
            hubs[(*n_hubs)++] = (rg_ego_hub){u, degree};
            continue;
        }
        for (size_t k = adj->start[u]; k < adj->start[u + 1]; k++) {
            size_t v = adj->other[k];
            if (dist[v] < 0) {
                dist[v] = dist[u] + 1;
                queue[tail++] = v;
            }
        }
    }
}

int rg_query_ego(const rg_graph *g, size_t node, const rg_ego_options *o, rg_graph **out, rg_ego_hub **hubs,
                 size_t *n_hubs, rg_error *err)
{
    *out = NULL;
    *hubs = NULL;
    *n_hubs = 0;
    adjacency adj;
    if (adjacency_build(g, o->co_mentions, true, &adj) < 0)
        return rg_error_nomem(err);
    size_t n = g->n_nodes ? g->n_nodes : 1;
    long *dist = malloc(n * sizeof *dist);
    size_t *queue = malloc(n * sizeof *queue);
    bool *keep = calloc(n, sizeof *keep);
    *hubs = malloc(n * sizeof **hubs);
    int rc = 0;
    if (!dist || !queue || !keep || !*hubs) {
        rc = rg_error_nomem(err);
    } else {
        ego_walk(&adj, node, o, dist, queue, keep, *hubs, n_hubs, g->n_nodes);
        /* the reports that contain its recommendations */
        for (size_t i = 0; i < g->n_links; i++) {
            const rg_link *l = &g->links[i];
            if (l->relation == RG_REL_CONTAINS && keep[l->target])
                keep[l->source] = true;
        }
        rc = rg_graph_subgraph(g, keep, out, err);
    }
    if (rc != 0) {
        free(*hubs);
        *hubs = NULL;
        *n_hubs = 0;
    }
    free(dist);
    free(queue);
    free(keep);
    adjacency_free(&adj);
    return rc;
}

/* Does hay contain needle, ignoring ASCII case? */
/* ASCII case folding, as tolower in the "C" locale relgraph runs in,
 * without a call per byte: find scans every name and sentence of the graph. */
static inline unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return true;
    unsigned char first = fold((unsigned char)needle[0]);
    for (; *hay; hay++) {
        if (fold((unsigned char)*hay) != first)
            continue;
        size_t i = 1;
        while (i < n && hay[i] && fold((unsigned char)hay[i]) == fold((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

int rg_query_find(const rg_graph *g, const char *text, size_t **nodes, size_t *n, rg_error *err)
{
    bool *hit = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *hit);
    if (!hit)
        return rg_error_nomem(err);
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (rg_budget_spent()) {
            free(hit);
            return rg_budget_fail(err);
        }
        const rg_node *node = &g->nodes[i];
        bool h = contains_ci(node->label, text) || contains_ci(node->id, text) ||
                 (node->text && contains_ci(node->text, text));
        for (size_t k = 0; k < node->aliases.len && !h; k++)
            h = contains_ci(node->aliases.items[k], text);
        hit[i] = h;
    }
    int rc = sorted_nodes(g, hit, nodes, n, err);
    free(hit);
    return rc;
}

struct rg_find_index {
    const rg_graph *g;
    char *text;       /* each node's label, id, text and aliases, folded, each ended by '\0' */
    size_t *start;    /* node i's text is text[start[i] .. start[i + 1]) */
    size_t *in_order; /* the nodes by type, then id: find's order */
    size_t *place;    /* node i's place in in_order */
};

void rg_find_index_free(rg_find_index *ix)
{
    if (!ix)
        return;
    free(ix->text);
    free(ix->start);
    free(ix->in_order);
    free(ix->place);
    free(ix);
}

/* Append s folded, and its '\0' (a needle holds none, so no match spans two
 * texts). */
static void append_folded(char *text, size_t *len, const char *s)
{
    for (; *s; s++)
        text[(*len)++] = (char)fold((unsigned char)*s);
    text[(*len)++] = '\0';
}

static size_t searched_len(const rg_node *node)
{
    size_t len = strlen(node->label) + strlen(node->id) + 2 + (node->text ? strlen(node->text) + 1 : 0);
    for (size_t k = 0; k < node->aliases.len; k++)
        len += strlen(node->aliases.items[k]) + 1;
    return len;
}

int rg_find_index_new(const rg_graph *g, rg_find_index **out, rg_error *err)
{
    size_t n = g->n_nodes, total = 0;
    for (size_t i = 0; i < n; i++)
        total += searched_len(&g->nodes[i]);
    rg_find_index *ix = calloc(1, sizeof *ix);
    bool *all = malloc(n ? n : 1);
    if (ix) {
        ix->g = g;
        ix->text = malloc(total ? total : 1);
        ix->start = malloc((n + 1) * sizeof *ix->start);
        ix->place = malloc((n ? n : 1) * sizeof *ix->place);
    }
    size_t count = 0;
    bool ok = ix && all && ix->text && ix->start && ix->place;
    if (ok) {
        memset(all, 1, n ? n : 1);
        ok = sorted_nodes(g, all, &ix->in_order, &count, err) == 0;
    }
    free(all);
    if (!ok) {
        rg_find_index_free(ix);
        return rg_error_nomem(err);
    }
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[i];
        ix->start[i] = len;
        append_folded(ix->text, &len, node->label);
        append_folded(ix->text, &len, node->id);
        if (node->text)
            append_folded(ix->text, &len, node->text);
        for (size_t k = 0; k < node->aliases.len; k++)
            append_folded(ix->text, &len, node->aliases.items[k]);
        ix->place[ix->in_order[i]] = i;
    }
    ix->start[n] = len;
    *out = ix;
    return 0;
}

/* The node whose text holds offset at (the last start at or before it). */
static size_t node_at(const rg_find_index *ix, size_t at)
{
    size_t lo = 0, hi = ix->g->n_nodes; /* start[lo] <= at < start[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->start[mid] <= at)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int rg_query_find_indexed(const rg_find_index *ix, const char *text, size_t **nodes, size_t *n, rg_error *err)
{
    size_t count = ix->g->n_nodes, len = strlen(text), found = 0;
    char *needle = malloc(len + 1);
    bool *hit = calloc(count ? count : 1, sizeof *hit); /* by place in find's order */
    size_t *out = malloc((count ? count : 1) * sizeof *out);
    if (!needle || !hit || !out) {
        free(needle);
        free(hit);
        free(out);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i <= len; i++)
        needle[i] = (char)fold((unsigned char)text[i]);
    const char *at = ix->text, *end = ix->text + ix->start[count];
    while (count && at < end) {
        const char *h = len ? memmem(at, (size_t)(end - at), needle, len) : at;
        if (!h)
            break;
        if (rg_budget_spent()) {
            free(needle);
            free(hit);
            free(out);
            return rg_budget_fail(err);
        }
        size_t node = node_at(ix, (size_t)(h - ix->text));
        hit[ix->place[node]] = true;
        at = ix->text + ix->start[node + 1]; /* one hit a node */
    }
    for (size_t k = 0; k < count; k++)
        if (hit[k])
            out[found++] = ix->in_order[k];
    free(needle);
    free(hit);
    *nodes = out;
    *n = found;
    return 0;
}

static bool in_section(const rg_node *n, const rg_filter *f)
{
    return n->section && contains_ci(n->section, f->section);
}

static bool of_modality(const rg_node *n, const rg_filter *f)
{
    int m = n->modality ? rg_modality_parse(n->modality) : -1;
    return m > 0 && ((f->modalities >> m) & 1u);
}

/* Narrow keep to the recommendations it keeps that pass, and the nodes it
 * keeps that they name (lead, partner with, target, concern). 0, or -1
 * when out of memory. O(nodes + links). */
static int keep_recommendations(const rg_graph *g, const rg_filter *f,
                                bool (*pass)(const rg_node *, const rg_filter *), bool *keep)
{
    size_t n = g->n_nodes;
    bool *in = calloc(n ? n : 1, sizeof *in);
    if (!in)
        return -1;
    for (size_t i = 0; i < n; i++)
        in[i] = keep[i] && g->nodes[i].type == RG_TYPE_RECOMMENDATION && pass(&g->nodes[i], f);
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (in[l->source] && g->nodes[l->source].type == RG_TYPE_RECOMMENDATION &&
            (l->relation == RG_REL_LEADS || l->relation == RG_REL_PARTNERS || l->relation == RG_REL_TARGETS ||
             l->relation == RG_REL_CONCERNS) &&
            keep[l->target])
            in[l->target] = true;
    }
    memcpy(keep, in, n * sizeof *keep);
    free(in);
    return 0;
}

int rg_query_filter(const rg_graph *g, const rg_filter *f, rg_graph **out, rg_error *err)
{
    *out = NULL;
    size_t n = g->n_nodes;
    bool *keep = malloc((n ? n : 1) * sizeof *keep);
    rg_scored *rank = malloc((n ? n : 1) * sizeof *rank);
    if (!keep || !rank) {
        free(keep);
        free(rank);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i < n; i++) {
        const rg_node *x = &g->nodes[i];
        bool k = f->types ? (f->types >> x->type) & 1u : true;
        if (f->doc && !rg_strset_has(&x->docs, f->doc))
            k = false;
        if (f->country && rg_type_is_entity(x->type) && !(x->country && strcmp(x->country, f->country) == 0))
            k = false;
        keep[i] = k;
    }
    if ((f->section && keep_recommendations(g, f, in_section, keep) < 0) ||
        (f->modalities && keep_recommendations(g, f, of_modality, keep) < 0)) {
        free(keep);
        free(rank);
        return rg_error_nomem(err);
    }
    if (f->top > 0 && f->by) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (keep[i] && rg_type_is_entity(g->nodes[i].type))
                rank[m++] = (rg_scored){.node = i, .score = f->by[i]};
        rg_order_scores(g, rank, m);
        for (size_t k = (size_t)f->top; k < m; k++)
            keep[rank[k].node] = false;
        /* a recommendation stays when it names two of the entities kept */
        size_t *named = calloc(n ? n : 1, sizeof *named);
        if (!named) {
            free(keep);
            free(rank);
            return rg_error_nomem(err);
        }
        for (size_t i = 0; i < g->n_links; i++) {
            const rg_link *l = &g->links[i];
            if (g->nodes[l->source].type == RG_TYPE_RECOMMENDATION && rg_type_is_entity(g->nodes[l->target].type) &&
                keep[l->target] && l->relation != RG_REL_CONTAINS)
                named[l->source]++;
        }
        for (size_t i = 0; i < n; i++)
            if (g->nodes[i].type == RG_TYPE_RECOMMENDATION)
                keep[i] = keep[i] && named[i] >= 2;
        free(named);
    }
    int rc = rg_graph_subgraph(g, keep, out, err);
    free(keep);
    free(rank);
    return rc;
}
