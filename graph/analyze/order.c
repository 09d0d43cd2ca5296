#include "graph/analyze/order.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool rg_order_tied(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return a == b || fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* Exact scores, highest first (NaN last), then ids: a total order, so the
 * result of qsort does not depend on the order of its input. */
static int by_score_id(const void *x, const void *y)
{
    const rg_scored *a = x, *b = y;
    bool na = isnan(a->score), nb = isnan(b->score);
    if (na != nb)
        return na ? 1 : -1;
    if (!na && a->score != b->score)
        return a->score < b->score ? 1 : -1;
    return strcmp(a->id, b->id);
}

static int by_id(const void *x, const void *y)
{
    const rg_scored *a = x, *b = y;
    return strcmp(a->id, b->id);
}

void rg_order_scores(const rg_graph *g, rg_scored *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rows[i].id = g->nodes[rows[i].node].id;
    if (n)
        qsort(rows, n, sizeof *rows, by_score_id);
    /* a run of scores within 1e-9 of its first one is one tie, in id order:
     * measured from the first, so that the runs do not chain */
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && rg_order_tied(rows[i].score, rows[j].score))
            j++;
        qsort(rows + i, j - i, sizeof *rows, by_id);
        for (size_t k = i; k < j; k++) {
            rows[k].rank = i + 1;
            rows[k].tied = j - i > 1;
        }
        i = j;
    }
}
