/* Unit tests of the standard scores that rank --write stores and export
 * writes (graph/analyze/scores.c). */
#include "graph/analyze/scores.h"
#include "helpers.h"

#include <math.h>
#include <string.h>

/* A triangle a, b, c with a tail d on c, and a report r containing a (left
 * out of the full view). */
static rg_graph *triangle_and_tail(size_t id[5])
{
    rg_graph *g = rg_graph_new();
    const char *names[] = {"a", "b", "c", "d", "r"};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(rg_graph_node(g, names[i], i == 4 ? RG_TYPE_REPORT : RG_TYPE_AGENCY, names[i], &id[i]), 0);
    rg_graph_link(g, id[0], id[1], RG_REL_PARTNERS, "d", 1, "s1", NULL);
    rg_graph_link(g, id[1], id[2], RG_REL_PARTNERS, "d", 2, "s2", NULL);
    rg_graph_link(g, id[2], id[0], RG_REL_PARTNERS, "d", 3, "s3", NULL);
    rg_graph_link(g, id[2], id[3], RG_REL_LEADS, "d", 4, "s4", NULL);
    rg_graph_link(g, id[4], id[0], RG_REL_CONTAINS, "d", 1, "s1", NULL);
    return g;
}

static int skips;
static void count_skip(void *ctx, rg_score which, const rg_error *why)
{
    (void)ctx;
    (void)which;
    (void)why;
    skips++;
}

START_TEST(every_measure_and_the_community_are_stored)
{
    size_t id[5];
    rg_graph *g = triangle_and_tail(id);
    rg_view *v;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_view_new(g, NULL, &v, &err), 0);
    rg_measure_options mo = {0, 1, NULL, 0, 1};
    skips = 0;
    ck_assert_int_eq(rg_scores_store(g, v, &mo, count_skip, NULL, &err), 0);
    ck_assert_int_eq(skips, 0);
    for (int m = 0; m < RG_SCORE__COUNT; m++) {
        for (int i = 0; i < 4; i++)
            ck_assert_msg(!isnan(g->nodes[id[i]].scores[m]), "%s of node %d", rg_score_name((rg_score)m), i);
        ck_assert(isnan(g->nodes[id[4]].scores[m])); /* the report is not in the view */
    }
    /* what rank computes for one measure: c, the bridge to d, lies on two paths */
    ck_assert_double_eq_tol(g->nodes[id[2]].scores[RG_SCORE_BETWEENNESS], 2, 1e-12);
    ck_assert_double_eq_tol(g->nodes[id[2]].scores[RG_SCORE_DEGREE], 3, 1e-12);
    double community = g->nodes[id[2]].scores[RG_SCORE_COMMUNITY];
    ck_assert(community >= 0 && community == floor(community));
    rg_scores_clear(g);
    for (int m = 0; m < RG_SCORE__COUNT; m++)
        for (int i = 0; i < 5; i++)
            ck_assert(isnan(g->nodes[id[i]].scores[m]));
    rg_view_free(v);
    rg_graph_free(g);
}
END_TEST

START_TEST(describe_names_every_measure)
{
    rg_buf b;
    rg_buf_init(&b);
    rg_scores_describe(&b);
    ck_assert_str_eq(b.data, "degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, hub, "
                             "authority, coreness and the Leiden community");
    rg_buf_destroy(&b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scores");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, every_measure_and_the_community_are_stored);
    tcase_add_test(tc, describe_names_every_measure);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
