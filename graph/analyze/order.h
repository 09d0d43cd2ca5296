/* rg_order: the one order of every ranking relgraph shows.
 *
 * Highest score first. Scores equal within a relative 1e-9 are tied: they
 * share a rank (the position of the first of them, counted from 1: 1, 2,
 * 2, 4) and come in id order. NaN (a node outside the view) is lowest.
 * Every table, --top selection and diagram that ranks nodes goes through
 * here, so that the same scores give the same rows, whatever order the
 * nodes of the graph are in (built from the reports, or read from a file).
 */
#ifndef RG_ORDER_H
#define RG_ORDER_H

#include "graph/model/model.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_scored {
    size_t node;
    double score;
    size_t rank; /* set by rg_order_scores */
    bool tied;   /* shares its rank with another row */
    const char *id; /* set by rg_order_scores */
} rg_scored;

/* Are a and b the same score (within a relative 1e-9, or both NaN)? */
bool rg_order_tied(double a, double b);

/* Sort rows[n] (node and score set) as above and set each rank, tied and
 * id. O(n log n). */
void rg_order_scores(const rg_graph *g, rg_scored *rows, size_t n);

#endif
