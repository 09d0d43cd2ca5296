/* rg_scores: the standard scores of every node, as `relgraph rank --write`
 * stores them in the graph file and `relgraph export` writes them for
 * Gephi and Cytoscape: every measure of rg_view_measure (degree, strength,
 * betweenness, closeness, harmonic, eigenvector, pagerank, hub, authority,
 * coreness) and the Leiden community, computed on one view, so that the
 * two commands give the same numbers for the same graph.
 *
 * Ownership: the scores live in the nodes (rg_node.scores); g is changed
 * in place, nothing else is kept.
 */
#ifndef RG_SCORES_H
#define RG_SCORES_H

#include "graph/analyze/analyze.h"
#include "graph/base/text.h"

/* A measure igraph could not compute (HITS, say, that does not converge
 * on a long chain): told which and why; the nodes keep NaN for it. */
typedef void (*rg_scores_skip)(void *ctx, rg_score which, const rg_error *why);

/* Every measure and the Leiden community (seed mo->seed, until it no
 * longer improves) of the view v of g into g's nodes: NaN for a node
 * outside the view. O(n m) for betweenness and closeness, less for the
 * others. A measure that igraph fails on stops it with that error, or,
 * when skip is given, is passed to skip(ctx, ...) and left out; out of
 * memory always stops it. On error the nodes hold what was computed
 * before it. */
int rg_scores_store(rg_graph *g, const rg_view *v, const rg_measure_options *mo, rg_scores_skip skip, void *ctx,
                    rg_error *err);

/* Forget every score of every node (all NaN): what a graph with no scores
 * is written as. */
void rg_scores_clear(rg_graph *g);

/* "degree, strength, ..., coreness and the Leiden community": what
 * rg_scores_store computes, for a message, appended to b. */
void rg_scores_describe(rg_buf *b);

#endif
