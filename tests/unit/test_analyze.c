/* Unit tests of centrality on the whole-graph view (graph/analyze/analyze.c),
 * checked against values worked out by hand. */
#include "graph/analyze/analyze.h"
#include "graph/analyze/order.h"
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

/* Two triangles of agencies, each around its own recommendations, joined
 * by one recommendation that c leads and that targets d (a target shares
 * a recommendation as a partner does). */
static rg_graph *two_groups(void)
{
    rg_graph *g = rg_graph_new();
    const char *names[] = {"agency:a", "agency:b", "agency:c", "agency:d", "agency:e", "agency:f"};
    size_t v[6], r[7];
    for (int i = 0; i < 6; i++)
        rg_graph_node(g, names[i], RG_TYPE_AGENCY, names[i], &v[i]);
    /* rec k links its pair: (a,b) (b,c) (a,c) | (d,e) (e,f) (d,f) | (c,d) */
    int pairs[7][2] = {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}};
    for (int k = 0; k < 7; k++) {
        char id[16];
        snprintf(id, sizeof id, "rec:%d", k);
        rg_graph_node(g, id, RG_TYPE_RECOMMENDATION, id, &r[k]);
        rg_graph_link(g, r[k], v[pairs[k][0]], RG_REL_LEADS, "d", k + 1, "s", NULL);
        rg_graph_link(g, r[k], v[pairs[k][1]], k == 6 ? RG_REL_TARGETS : RG_REL_PARTNERS, "d", k + 1, "s", NULL);
    }
    return g;
}

START_TEST(agencies_view_and_communities)
{
    rg_graph *g = two_groups();
    rg_error err;
    rg_error_clear(&err);
    rg_view *v;
    rg_view_options vo = {RG_VIEW_AGENCIES, NULL, false};
    ck_assert_int_eq(rg_view_new(g, &vo, &v, &err), 0);
    ck_assert_uint_eq(rg_view_nodes(v), 6); /* recommendations are not in it */
    ck_assert_uint_eq(rg_view_links(v), 7);
    double s[13];
    ck_assert_int_eq(rg_view_measure(v, RG_SCORE_BETWEENNESS, NULL, s, &err), 0);
    /* c and d are the bridge between the triangles */
    size_t c, d, a, rec;
    rg_graph_find(g, "agency:c", &c);
    rg_graph_find(g, "agency:d", &d);
    rg_graph_find(g, "agency:a", &a);
    rg_graph_find(g, "rec:0", &rec);
    ck_assert_double_eq_tol(s[c], 6, 1e-9); /* a,b to d,e,f: 2 x 3 */
    ck_assert_double_eq_tol(s[d], 6, 1e-9);
    ck_assert_double_eq_tol(s[a], 0, 1e-9);
    ck_assert(isnan(s[rec]));
    ck_assert_int_eq(rg_view_measure(v, RG_SCORE_CORENESS, NULL, s, &err), 0);
    ck_assert_double_eq_tol(s[a], 2, 1e-9);
    long member[13];
    size_t count;
    double q;
    for (int method = 0; method < 2; method++) {
        ck_assert_int_eq(rg_view_communities(v, (rg_community_method)method, 1, 0, member, &count, &q, &err), 0);
        ck_assert_uint_eq(count, 2);
        ck_assert_int_eq(member[a], member[c]);
        ck_assert_int_ne(member[c], member[d]);
        ck_assert_int_eq(member[rec], -1);
        /* two triangles and a bridge: (6/7)(1) - 2 (7/14)^2 = 5/14 */
        ck_assert_double_eq_tol(q, 5.0 / 14.0, 1e-9);
    }
    /* pivots: every node as a source is the exact value */
    static const char *const ids[] = {"agency:a", "agency:b", "agency:c", "agency:d", "agency:e", "agency:f"};
    size_t all[6];
    for (int i = 0; i < 6; i++)
        rg_graph_find(g, ids[i], &all[i]);
    rg_measure_options mo = {0, 1, all, 6, 0};
    ck_assert_int_eq(rg_view_measure(v, RG_SCORE_BETWEENNESS, &mo, s, &err), 0);
    ck_assert_double_eq_tol(s[c], 6, 1e-9);
    rg_view_free(v);
    rg_graph_free(g);
}
END_TEST

/* Estimates from pivots are sums over parts of the sources: the same to the
 * last bit with one worker process or several, and the exact value when
 * every node is a pivot. */
START_TEST(pivot_estimates_do_not_depend_on_workers)
{
    rg_graph *g = rg_graph_new();
    enum { N = 120 };
    size_t v[N];
    for (int i = 0; i < N; i++) {
        char id[24];
        snprintf(id, sizeof id, "agency:%03d", i);
        rg_graph_node(g, id, RG_TYPE_AGENCY, id, &v[i]);
    }
    /* a ring with chords: many shortest paths of equal length */
    for (int i = 0; i < N; i++) {
        rg_graph_link(g, v[i], v[(i + 1) % N], RG_REL_CO_MENTIONED, "d", i + 1, "s", NULL);
        if (i % 7 == 0)
            rg_graph_link(g, v[i], v[(i * 13 + 5) % N], RG_REL_CO_MENTIONED, "d", i + 1, "t", NULL);
    }
    rg_error err;
    rg_error_clear(&err);
    rg_view *view;
    ck_assert_int_eq(rg_view_new(g, NULL, &view, &err), 0);
    static const rg_score scores[] = {RG_SCORE_BETWEENNESS, RG_SCORE_HARMONIC};
    for (size_t m = 0; m < 2; m++) {
        double one[N], many[N], exact[N];
        rg_measure_options mo = {37, 5, NULL, 0, 1};
        ck_assert_int_eq(rg_view_measure(view, scores[m], &mo, one, &err), 0);
        for (int workers = 2; workers <= 4; workers++) {
            mo.workers = workers;
            ck_assert_int_eq(rg_view_measure(view, scores[m], &mo, many, &err), 0);
            ck_assert_mem_eq(one, many, sizeof one);
        }
        mo = (rg_measure_options){0, 1, v, N, 3};
        ck_assert_int_eq(rg_view_measure(view, scores[m], &mo, many, &err), 0);
        ck_assert_int_eq(rg_view_measure(view, scores[m], NULL, exact, &err), 0);
        for (int i = 0; i < N; i++)
            ck_assert_double_eq_tol(many[i], exact[i], 1e-9 * (1 + exact[i]));
    }
    rg_view_free(view);
    rg_graph_free(g);
}
END_TEST

START_TEST(hits_follows_direction)
{
    rg_graph *g = two_groups();
    rg_error err;
    rg_error_clear(&err);
    double s[13];
    rg_view *v;
    ck_assert_int_eq(rg_view_new(g, NULL, &v, &err), 0);
    ck_assert_int_eq(rg_view_measure(v, RG_SCORE_HUB, NULL, s, &err), 0);
    size_t a, rec;
    rg_graph_find(g, "agency:a", &a);
    rg_graph_find(g, "rec:0", &rec);
    ck_assert_double_eq_tol(s[a], 0, 1e-9); /* agencies point nowhere */
    ck_assert_double_gt(s[rec], 0);
    ck_assert_int_eq(rg_view_measure(v, RG_SCORE_AUTHORITY, NULL, s, &err), 0);
    ck_assert_double_gt(s[a], 0);
    ck_assert_double_eq_tol(s[rec], 0, 1e-9);
    rg_view_free(v);
    rg_graph_free(g);
}
END_TEST

START_TEST(catalog_links_are_structure)
{
    /* a - b from a sentence; b - c from the catalog alone: left out by
     * default, one step with structure */
    rg_graph *g = rg_graph_new();
    size_t a, b, c;
    rg_graph_node(g, "a", RG_TYPE_AGENCY, "a", &a);
    rg_graph_node(g, "b", RG_TYPE_AGENCY, "b", &b);
    rg_graph_node(g, "c", RG_TYPE_ACTOR, "c", &c);
    rg_graph_link(g, a, b, RG_REL_PARTNERS, "d", 1, "s1", NULL);
    rg_graph_link(g, b, c, RG_REL_PART_OF, "catalog", 0, "catalog.json", NULL);
    rg_error err;
    rg_error_clear(&err);
    double s[3];
    for (int structure = 0; structure < 2; structure++) {
        rg_view_options vo = {RG_VIEW_FULL, NULL, structure};
        rg_view *v;
        ck_assert_int_eq(rg_view_new(g, &vo, &v, &err), 0);
        ck_assert_uint_eq(rg_view_links(v), structure ? 2 : 1);
        ck_assert_int_eq(rg_view_measure(v, RG_SCORE_BETWEENNESS, NULL, s, &err), 0);
        ck_assert_double_eq_tol(s[b], structure ? 1 : 0, 1e-12);
        rg_view_free(v);
    }
    rg_graph_free(g);
}
END_TEST

START_TEST(a_sentence_naming_k_counts_once_for_each)
{
    /* one sentence names a, b, c, d (six co-mentions); another names a, b:
     * a's strength is 2 (two sentences), c's is 1 */
    rg_graph *g = rg_graph_new();
    size_t n[4];
    const char *names[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++)
        rg_graph_node(g, names[i], RG_TYPE_AGENCY, names[i], &n[i]);
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++)
            rg_graph_link(g, n[i], n[j], RG_REL_CO_MENTIONED, "d", 1, "list", NULL);
    rg_graph_link(g, n[0], n[1], RG_REL_CO_MENTIONED, "d", 2, "pair", NULL);
    rg_graph_finish(g);
    double s[4];
    scores(g, RG_SCORE_STRENGTH, s);
    ck_assert_double_eq_tol(s[n[0]], 2, 1e-12);
    ck_assert_double_eq_tol(s[n[1]], 2, 1e-12);
    ck_assert_double_eq_tol(s[n[2]], 1, 1e-12);
    ck_assert_double_eq_tol(s[n[3]], 1, 1e-12);
    rg_graph_free(g);
}
END_TEST

START_TEST(ties_share_a_rank_in_id_order)
{
    rg_graph *g = rg_graph_new();
    size_t n[4];
    const char *names[] = {"d", "c", "b", "a"};
    for (int i = 0; i < 4; i++)
        rg_graph_node(g, names[i], RG_TYPE_AGENCY, names[i], &n[i]);
    /* c and b equal within 1e-9 (not to the bit), a lower, d NaN */
    rg_scored rows[4] = {{.node = n[0], .score = NAN}, {.node = n[1], .score = 0.5 * (1 + 1e-12)},
                         {.node = n[2], .score = 0.5}, {.node = n[3], .score = 0.25}};
    rg_order_scores(g, rows, 4);
    ck_assert_str_eq(rows[0].id, "b");
    ck_assert_str_eq(rows[1].id, "c");
    ck_assert_uint_eq(rows[0].rank, 1);
    ck_assert_uint_eq(rows[1].rank, 1);
    ck_assert(rows[0].tied && rows[1].tied);
    ck_assert_str_eq(rows[2].id, "a");
    ck_assert_uint_eq(rows[2].rank, 3);
    ck_assert(!rows[2].tied);
    ck_assert_str_eq(rows[3].id, "d");
    ck_assert(rg_order_tied(1e6, 1e6 + 1e-4) && !rg_order_tied(1, 1 + 1e-8));
    rg_graph_free(g);
}
END_TEST

START_TEST(view_names_round_trip)
{
    rg_view_kind kinds[] = {RG_VIEW_FULL, RG_VIEW_AGENCIES, RG_VIEW_ENTITIES};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        rg_view_kind back = RG_VIEW_FULL;
        ck_assert(rg_view_parse(rg_view_name(kinds[i]), &back));
        ck_assert_int_eq(back, kinds[i]);
    }
    rg_view_kind untouched = RG_VIEW_AGENCIES;
    ck_assert(!rg_view_parse("Agencies", &untouched));
    ck_assert(!rg_view_parse("", &untouched));
    ck_assert_int_eq(untouched, RG_VIEW_AGENCIES);
}
END_TEST

/* Leiden until it settles, on a view over the bound, stops after its
 * first passes; asked passes, Louvain and smaller views are untouched */
START_TEST(leiden_bounded_on_big_views_only)
{
    ck_assert(rg_communities_bounded(RG_LEIDEN_SETTLE_NODES + 1, RG_COMMUNITY_LEIDEN, 0));
    ck_assert(!rg_communities_bounded(RG_LEIDEN_SETTLE_NODES, RG_COMMUNITY_LEIDEN, 0));
    ck_assert(!rg_communities_bounded(RG_LEIDEN_SETTLE_NODES + 1, RG_COMMUNITY_LEIDEN, 2));
    ck_assert(!rg_communities_bounded(RG_LEIDEN_SETTLE_NODES + 1, RG_COMMUNITY_LOUVAIN, 0));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("analyze");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, degree_strength_betweenness_by_hand);
    tcase_add_test(tc, pagerank_of_an_unweighted_path);
    tcase_add_test(tc, agencies_view_and_communities);
    tcase_add_test(tc, leiden_bounded_on_big_views_only);
    tcase_add_test(tc, pivot_estimates_do_not_depend_on_workers);
    tcase_add_test(tc, hits_follows_direction);
    tcase_add_test(tc, view_names_round_trip);
    tcase_add_test(tc, catalog_links_are_structure);
    tcase_add_test(tc, a_sentence_naming_k_counts_once_for_each);
    tcase_add_test(tc, ties_share_a_rank_in_id_order);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
