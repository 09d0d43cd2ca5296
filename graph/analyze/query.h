/* rg_query: questions asked of the model, by name.
 *
 * Names: any label, alias (a surface form found in the reports, or one the
 * catalog knows), acronym or id of a node, compared without case and with
 * punctuation normalized. An unknown name gets the closest names as
 * suggestions; a name of several nodes lists them.
 *
 * Paths, neighbours, common neighbours and ego networks walk the model's
 * links taken both ways. Reports and `contains` links are left out of
 * paths (every recommendation would otherwise be two steps from every
 * other); co-mentions are left out unless asked for, so that a path says
 * through which recommendation, program or body two nodes are connected.
 *
 * Ownership: rg_names_new / rg_names_free; arrays returned are caller-frees.
 */
#ifndef RG_QUERY_H
#define RG_QUERY_H

#include "graph/rules/catalog.h"
#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stdbool.h>

typedef struct rg_names rg_names;

/* The names of g's nodes; cat (may be NULL; the names own it from here on)
 * adds the aliases the catalog knows for them. The index of every name,
 * O(total names), is built at the first name that is not a node id as it
 * stands: a query by ids on a big graph does without it. */
int rg_names_new(const rg_graph *g, rg_catalog *cat, rg_names **out, rg_error *err);
void rg_names_free(rg_names *n);

/* The node called name: a node id as it stands, else any name in any case.
 * Errors (RG_ERR_INPUT): "no node named 'X'; did you mean 'A', 'B'?", "'X'
 * names 3 nodes: A (agency), B (program), ...". */
int rg_names_resolve(rg_names *n, const char *name, size_t *node, rg_error *err);

/* ---- paths ---- */

typedef struct rg_path {
    size_t *nodes; /* len + 1 nodes */
    size_t *links; /* len links: links[i] joins nodes[i] and nodes[i+1] */
    size_t len;
} rg_path;

typedef struct rg_path_options {
    int via;          /* intermediate nodes must be of this type, or -1 */
    bool all;         /* every shortest path (at most RG_PATHS_MAX), not one */
    long max_len;     /* no path longer than this many links (0: any) */
    bool co_mentions; /* walk co_mentioned links too */
} rg_path_options;

#define RG_PATHS_MAX 100

/* Shortest paths from one node to another, by breadth-first search, ties
 * broken by node id (deterministic). *n is 0 when there is none. O(n + m). */
int rg_query_paths(const rg_graph *g, size_t from, size_t to, const rg_path_options *opts, rg_path **paths,
                   size_t *n, rg_error *err);
void rg_paths_free(rg_path *paths, size_t n);

/* The walkable links of a graph, gathered once for many path queries (a
 * server's): on 2M links gathering them takes longer than the search. The
 * graph must outlive the index and not change. */
typedef struct rg_path_index rg_path_index;
int rg_path_index_new(const rg_graph *g, bool co_mentions, rg_path_index **out, rg_error *err);
void rg_path_index_free(rg_path_index *ix);
/* rg_query_paths on the index's graph; opts->co_mentions must be the
 * index's. The same answers. */
int rg_query_paths_indexed(const rg_path_index *ix, size_t from, size_t to, const rg_path_options *opts,
                           rg_path **paths, size_t *n, rg_error *err);

/* The link that best explains a step between two nodes: a role or
 * membership before a co-mention. */
size_t rg_query_link(const rg_graph *g, size_t a, size_t b, bool co_mentions);

/* ---- neighbourhoods ---- */

/* Links of node (either end), optionally of one relation (-1: any) and
 * with the other end of one type (-1: any), sorted by relation, then
 * weight (largest first), then the other end's id. */
int rg_query_neighbors(const rg_graph *g, size_t node, int relation, int type, size_t **links, size_t *n,
                       rg_error *err);

/* Nodes linked to both a and b (reports and co-mentions left out), sorted
 * by type then id. */
int rg_query_common(const rg_graph *g, size_t a, size_t b, size_t **nodes, size_t *n, rg_error *err);

/* How far an ego walk goes, and around what. */
typedef struct rg_ego_options {
    long depth;
    bool co_mentions;
    const size_t *exclude; /* nodes left out: neither kept nor walked through */
    size_t n_exclude;
    long max_degree; /* > 0: a node of more walkable links is kept but not walked through */
} rg_ego_options;

/* A node an ego walk reached and did not walk through, and its walkable
 * links. */
typedef struct rg_ego_hub {
    size_t node;
    size_t degree;
} rg_ego_hub;

/* The subgraph within depth links of node, walking the links of
 * recommendations (and co-mentions with co_mentions; never part_of or
 * member_of, which would lead through a country to everything it does),
 * with every link among its nodes and the reports of its recommendations.
 * Excluded nodes are left out; a node of more than max_degree walkable
 * links (node itself aside) is kept but its links are not followed, and
 * is listed in *hubs in the order reached (caller frees). A new graph
 * the caller frees. */
int rg_query_ego(const rg_graph *g, size_t node, const rg_ego_options *o, rg_graph **out, rg_ego_hub **hubs,
                 size_t *n_hubs, rg_error *err);

/* Nodes whose label, alias, id or text contains text (any case), sorted by
 * type then id. O(the graph's text + hits log hits). */
int rg_query_find(const rg_graph *g, const char *text, size_t **nodes, size_t *n, rg_error *err);

/* The text find searches, case-folded once into one buffer, and the nodes
 * in find's order, for many searches (a server's): a search is then one
 * memmem pass and no sort, O(the text + nodes). The graph must outlive
 * the index and not change. */
typedef struct rg_find_index rg_find_index;
int rg_find_index_new(const rg_graph *g, rg_find_index **out, rg_error *err);
void rg_find_index_free(rg_find_index *ix);
/* rg_query_find on the index's graph: the same answers. */
int rg_query_find_indexed(const rg_find_index *ix, const char *text, size_t **nodes, size_t *n, rg_error *err);

/* What part of a graph a diagram or an export keeps. */
typedef struct rg_filter {
    unsigned types;      /* bit (1 << type) per node type kept; 0: all */
    const char *country; /* entities of this country (ISO code), or NULL */
    const char *doc;     /* nodes of this report (id), or NULL */
    const char *section; /* recommendations whose section contains this (any case), and what they name */
    unsigned modalities; /* bit (1 << rg_modality) per modality: its recommendations, and what they name; 0: all */
    long top;            /* the top entities by `by` (0: all); recommendations kept that name two of them */
    const double *by;    /* per node score for top */
} rg_filter;

/* A copy of g with the nodes the filter keeps (reports are kept only when
 * no type, section or modality is asked for), the links among them and
 * their documents. A recommendation with no modality has none of those
 * asked for. O(nodes + links), and a sort of the entities for top. */
int rg_query_filter(const rg_graph *g, const rg_filter *f, rg_graph **out, rg_error *err);

/* The node at the other end of link l from node. */
static inline size_t rg_other_end(const rg_graph *g, size_t l, size_t node)
{
    return g->links[l].source == node ? g->links[l].target : g->links[l].source;
}

#endif
