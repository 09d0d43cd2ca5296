/* rg_fanout: a sum of vectors computed part by part in worker processes.
 *
 * Estimates from pivots (betweenness, harmonic closeness) are sums over
 * their sources: split the sources into parts, compute each part's vector,
 * add them up. The parts are a fixed number whatever the number of workers,
 * and are added in part order, so that the result is the same to the last
 * bit with one worker or many. Processes, not threads: Debian's igraph is
 * built without thread safety, and a forked worker reads the parent's graph
 * without copying it.
 *
 * Ownership: nothing outlives a call.
 */
#ifndef RG_FANOUT_H
#define RG_FANOUT_H

#include "graph/base/error.h"

#include <stddef.h>

/* Compute part `part` of n_parts into out[0..n) (all n values: zeros where
 * the part adds nothing). Returns 0, or -1 on failure. */
typedef int (*rg_fanout_fn)(void *ctx, size_t part, size_t n_parts, double *out, size_t n);

/* sum[0..n) = the sum of the n_parts parts, computed by fn in `workers`
 * processes (in this process when workers <= 1 or fork fails). */
int rg_fanout_sum(int workers, size_t n_parts, rg_fanout_fn fn, void *ctx, double *sum, size_t n, rg_error *err);

/* The number of processors online: the default number of workers. */
int rg_fanout_cores(void);

#endif
