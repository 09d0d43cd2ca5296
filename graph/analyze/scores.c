#include "graph/analyze/scores.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

/* Whether a failure of which may be skipped: an igraph failure, with a
 * skip to tell; its error is then cleared. */
static bool skipped(rg_score which, rg_scores_skip skip, void *ctx, rg_error *err)
{
    if (!skip || !err || err->code != RG_ERR_INPUT)
        return false;
    skip(ctx, which, err);
    rg_error_clear(err);
    return true;
}

int rg_scores_store(rg_graph *g, const rg_view *v, const rg_measure_options *mo, rg_scores_skip skip, void *ctx,
                    rg_error *err)
{
    double *scores = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *scores);
    long *member = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *member);
    if (!scores || !member) {
        free(scores);
        free(member);
        return rg_error_nomem(err);
    }
    int rc = 0;
    /* every measure: the scores before the community */
    for (int m = 0; m < RG_SCORE_COMMUNITY && rc == 0; m++) {
        rc = rg_view_measure(v, (rg_score)m, mo, scores, err);
        if (rc < 0 && skipped((rg_score)m, skip, ctx, err)) {
            rc = 0;
            for (size_t i = 0; i < g->n_nodes; i++)
                scores[i] = NAN;
        }
        for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
            g->nodes[i].scores[m] = scores[i];
    }
    size_t count;
    double modularity;
    if (rc == 0)
        rc = rg_view_communities(v, RG_COMMUNITY_LEIDEN, mo->seed, 0, member, &count, &modularity, err);
    if (rc < 0 && skipped(RG_SCORE_COMMUNITY, skip, ctx, err)) {
        rc = 0;
        for (size_t i = 0; i < g->n_nodes; i++)
            member[i] = -1;
    }
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
        g->nodes[i].scores[RG_SCORE_COMMUNITY] = member[i] >= 0 ? (double)member[i] : NAN;
    free(scores);
    free(member);
    return rc;
}

void rg_scores_clear(rg_graph *g)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        for (int m = 0; m < RG_SCORE__COUNT; m++)
            g->nodes[i].scores[m] = NAN;
}

void rg_scores_describe(rg_buf *b)
{
    for (int m = 0; m < RG_SCORE_COMMUNITY; m++) {
        rg_buf_adds(b, rg_score_name((rg_score)m));
        rg_buf_adds(b, m + 1 < RG_SCORE_COMMUNITY ? ", " : " and the Leiden community");
    }
}
