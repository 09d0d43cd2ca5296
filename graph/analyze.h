/* rg_analyze: centrality on igraph views of the model.
 *
 * A view is an igraph graph built from rg_graph for one question; it is
 * never a second source of truth. The whole-graph view is undirected and
 * simple: report nodes and `contains` links are left out (every
 * recommendation would otherwise hang off its report, and the report would
 * sit on every path), parallel and reciprocal links are merged with their
 * weights summed, and self-loops dropped.
 *
 * Ownership: results go into caller-allocated arrays of g->n_nodes doubles;
 * nodes outside the view get NaN.
 */
#ifndef RG_ANALYZE_H
#define RG_ANALYZE_H

#include "graph/error.h"
#include "graph/model.h"

/* Compute one measure for every node of the whole-graph view.
 *   degree       distinct neighbours                            O(n + m)
 *   strength     sum of link weights                            O(n + m)
 *   pagerank     weighted PageRank, damping 0.85 (PRPACK)       O(n + m) per iteration
 *   betweenness  exact, hops as distances (Brandes)             O(n m)
 * Errors: an unsupported measure (RG_ERR_USAGE), igraph failures. */
int rg_analyze_score(const rg_graph *g, rg_score which, double *out, rg_error *err);

#endif
