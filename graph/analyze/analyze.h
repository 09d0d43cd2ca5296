/* rg_analyze: centrality and communities on igraph views of the model.
 *
 * A view is an igraph graph built from rg_graph for one question; it is
 * never a second source of truth:
 * - full: every node but the reports, every link but `contains`, taken as
 *   undirected; parallel and reciprocal links merged, weights summed,
 *   self-loops dropped. Hub and authority scores use the links' direction.
 * - agencies: actors and agencies, two linked when they share
 *   recommendations (lead, partner or target in both).
 * - entities: actors, agencies and programs, linked by shared
 *   recommendations and by co-mentions, weights summed.
 * A view can keep to one report: its nodes, and links with evidence from it.
 *
 * Weights count what the reports say: a link weighs its sentences of text
 * evidence; a sentence (co-mention) or recommendation (projection) that
 * names k entities gives each pair 1/(k-1), adding 1 to the strength of
 * each. A link the catalog alone gives is structure, left out (a weight of
 * 0 would still be a step of a path), or with `structure` counted 1. A link
 * without any evidence (another tool's file) keeps its weight. Vertices
 * are in id order, so the scores do not depend on the model's node order.
 *
 * Ownership: rg_view_new / rg_view_free; results go into caller-allocated
 * arrays of g->n_nodes values, NaN (or -1) for nodes outside the view.
 * igraph's aborting error handler is replaced once by one that returns.
 */
#ifndef RG_ANALYZE_H
#define RG_ANALYZE_H

#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stdbool.h>

typedef enum rg_view_kind {
    RG_VIEW_FULL,
    RG_VIEW_AGENCIES,
    RG_VIEW_ENTITIES,
} rg_view_kind;

/* The view's name ("full", "agencies", "entities"), and back: false when
 * name is none of them. */
const char *rg_view_name(rg_view_kind kind);
bool rg_view_parse(const char *name, rg_view_kind *out);

typedef struct rg_view_options {
    rg_view_kind kind;
    const char *doc; /* keep to this report (its id), or NULL */
    bool structure;  /* count the links the catalog alone gives (part_of, member_of) */
} rg_view_options;

typedef struct rg_view rg_view;

/* Build a view. O(n + m) time and memory. */
int rg_view_new(const rg_graph *g, const rg_view_options *opts, rg_view **out, rg_error *err);
void rg_view_free(rg_view *v);

/* Nodes and links of the view. */
size_t rg_view_nodes(const rg_view *v);
size_t rg_view_links(const rg_view *v);

/* How a measure is computed. */
typedef struct rg_measure_options {
    long pivots;        /* betweenness from this many sampled sources (0: exact) */
    unsigned long seed; /* the sample's seed */
    const size_t *pivot_nodes; /* or these model nodes as the sources */
    size_t n_pivot_nodes;
    int workers; /* estimates from pivots in this many processes (0, 1: this one) */
} rg_measure_options;

/* Compute one measure for every node of the view into out[g->n_nodes].
 *   degree       distinct neighbours                              O(n + m)
 *   strength     sum of link weights                              O(n + m)
 *   betweenness  shortest paths through the node, hops (Brandes)  O(n m); O(k m) from k pivots
 *   closeness    1 / mean distance to the nodes it reaches        O(n m)
 *   harmonic     mean of 1 / distance to every other node         O(n m)
 *   eigenvector  weighted, largest = 1 (ARPACK)                   O(m) per iteration
 *   pagerank     weighted, damping 0.85 (PRPACK)                  O(m) per iteration
 *   hub, authority  HITS on the links' direction                  O(m) per iteration
 *   coreness     the largest k with the node in the k-core        O(n + m)
 * Estimated betweenness is scaled by n / k, so that it estimates the exact
 * value. Errors: igraph failures (RG_ERR_INPUT), RG_SCORE_COMMUNITY
 * (RG_ERR_USAGE: use rg_view_communities). */
int rg_view_measure(const rg_view *v, rg_score which, const rg_measure_options *opts, double *out, rg_error *err);

typedef enum rg_community_method {
    RG_COMMUNITY_LEIDEN,
    RG_COMMUNITY_LOUVAIN,
} rg_community_method;

/* Leiden run until it settles stops after RG_LEIDEN_BIG_PASSES passes on
 * a view of more than RG_LEIDEN_SETTLE_NODES nodes: a pass costs O(m)
 * (1.7 s on the 100k-node entities view of a 200k-node, 2M-link graph),
 * and there the modularity gained after the third pass is under 1% over
 * 35 more passes, a minute. */
enum { RG_LEIDEN_SETTLE_NODES = 50000, RG_LEIDEN_BIG_PASSES = 3 };

/* Whether rg_view_communities with method and passes stops Leiden at
 * RG_LEIDEN_BIG_PASSES on a view of view_nodes nodes (rg_view_nodes). */
bool rg_communities_bounded(size_t view_nodes, rg_community_method method, int passes);

/* Communities of the view, weighted modularity at resolution 1, with a
 * fixed seed: membership[g->n_nodes] gets a community number (0 for the
 * largest, then by size, ties by smallest member id) or -1. Leiden runs
 * `passes` passes, or with passes 0 until it no longer improves (at most
 * 100; at most RG_LEIDEN_BIG_PASSES on a view of more than
 * RG_LEIDEN_SETTLE_NODES nodes). O(m) per pass. */
int rg_view_communities(const rg_view *v, rg_community_method method, unsigned long seed, int passes,
                        long *membership, size_t *count, double *modularity, rg_error *err);

/* The score stored by `rank --write` for each measure, as before: kept for
 * callers that want one measure on the whole graph. */
int rg_analyze_score(const rg_graph *g, rg_score which, double *out, rg_error *err);

#endif
