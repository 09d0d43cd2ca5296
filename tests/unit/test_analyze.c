/* Unit tests of centrality on the whole-graph view (graph/analyze.c),
 * checked against values worked out by hand. */
#include "graph/analyze.h"
#include "helpers.h"

#include <math.h>

/* The path a - b - c - d, with a report r containing a (left out of the
 * view), a second relation between a and b (merged with the first, weights
 * summed) and a self-loop on d (dropped). */
static rg_graph *path4(size_t id[5])
{
    rg_graph *g = rg_graph_new();
    const char *names[] = {"a", "b", "c", "d", "r"};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(rg_graph_node(g, names[i], i == 4 ? RG_TYPE_REPORT : RG_TYPE_AGENCY, names[i], &id[i]), 0);
    rg_graph_link(g, id[0], id[1], RG_REL_PARTNERS, "d", 1, "s1", NULL);
    rg_graph_link(g, id[1], id[0], RG_REL_CO_MENTIONED, "d", 2, "s2", NULL);
    rg_graph_link(g, id[1], id[2], RG_REL_PARTNERS, "d", 3, "s3", NULL);
    rg_graph_link(g, id[2], id[3], RG_REL_PARTNERS, "d", 4, "s4", NULL);
    rg_graph_link(g, id[3], id[3], RG_REL_PARTNERS, "d", 5, "s5", NULL);
    rg_graph_link(g, id[4], id[0], RG_REL_CONTAINS, "d", 1, "s1", NULL);
    return g;
}

static void scores(const rg_graph *g, rg_score which, double *out)
{
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_analyze_score(g, which, out, &err), 0);
}

START_TEST(degree_strength_betweenness_by_hand)
{
    size_t id[5];
    rg_graph *g = path4(id);
    double s[5];
    scores(g, RG_SCORE_DEGREE, s);
    ck_assert_double_eq_tol(s[id[0]], 1, 1e-12);
    ck_assert_double_eq_tol(s[id[1]], 2, 1e-12);
    ck_assert_double_eq_tol(s[id[3]], 1, 1e-12);
    ck_assert(isnan(s[id[4]])); /* reports are not in the view */
    scores(g, RG_SCORE_STRENGTH, s);
    ck_assert_double_eq_tol(s[id[0]], 2, 1e-12); /* a-b twice */
    ck_assert_double_eq_tol(s[id[1]], 3, 1e-12);
    /* b lies on the shortest paths a-c and a-d; c on a-d and b-d */
    scores(g, RG_SCORE_BETWEENNESS, s);
    ck_assert_double_eq_tol(s[id[0]], 0, 1e-12);
    ck_assert_double_eq_tol(s[id[1]], 2, 1e-12);
    ck_assert_double_eq_tol(s[id[2]], 2, 1e-12);
    ck_assert_double_eq_tol(s[id[3]], 0, 1e-12);
    rg_graph_free(g);
}
END_TEST

START_TEST(pagerank_of_an_unweighted_path)
{
    /* P4 without the doubled a-b link: ends 10/57, middles 37/114
     * (the stationary solution of the damped walk, d = 0.85). */
    rg_graph *g = rg_graph_new();
    size_t v[4];
    const char *names[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++)
        rg_graph_node(g, names[i], RG_TYPE_ACTOR, names[i], &v[i]);
    for (int i = 0; i < 3; i++)
        rg_graph_link(g, v[i], v[i + 1], RG_REL_CO_MENTIONED, "d", i + 1, "s", NULL);
    double s[4];
    scores(g, RG_SCORE_PAGERANK, s);
    ck_assert_double_eq_tol(s[v[0]], 10.0 / 57.0, 1e-9);
    ck_assert_double_eq_tol(s[v[1]], 37.0 / 114.0, 1e-9);
    ck_assert_double_eq_tol(s[v[0]] + s[v[1]] + s[v[2]] + s[v[3]], 1.0, 1e-9);
    rg_graph_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("analyze");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, degree_strength_betweenness_by_hand);
    tcase_add_test(tc, pagerank_of_an_unweighted_path);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
