/* Unit tests of name resolution and the queries (graph/analyze/query.c). */
#include "graph/analyze/query.h"
#include "helpers.h"

#include <string.h>

/* State leads rec:1 with MSIT as partner; MSIT part_of ROK; State and ROK
 * co-mentioned; DIU leads rec:2 which concerns KORUS. */
static rg_graph *sample(void)
{
    rg_graph *g = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    size_t state, msit, rok, diu, korus, r1, r2, rep;
    rg_graph_add_document(g, "report:r", "r.md", "R", 1, &err);
    rg_graph_node(g, "agency:department-of-state", RG_TYPE_AGENCY, "Department of State", &state);
    rg_strset_add(&g->nodes[state].aliases, "State Department");
    rg_graph_node(g, "agency:kr-msit", RG_TYPE_AGENCY, "Ministry of Science and ICT", &msit);
    rg_graph_node(g, "actor:republic-of-korea", RG_TYPE_ACTOR, "Republic of Korea", &rok);
    rg_strset_add(&g->nodes[rok].aliases, "ROK");
    rg_graph_node(g, "agency:defense-innovation-unit", RG_TYPE_AGENCY, "Defense Innovation Unit", &diu);
    rg_graph_node(g, "program:korus", RG_TYPE_PROGRAM, "KORUS FTA", &korus);
    rg_graph_node(g, "rec:r:1", RG_TYPE_RECOMMENDATION, "State should talk", &r1);
    rg_graph_node(g, "rec:r:2", RG_TYPE_RECOMMENDATION, "DIU should trade", &r2);
    rg_graph_node(g, "report:r", RG_TYPE_REPORT, "R", &rep);
    for (size_t i = 0; i < g->n_nodes; i++)
        rg_strset_add(&g->nodes[i].docs, "report:r");
    rg_graph_link(g, r1, state, RG_REL_LEADS, "report:r", 1, "State should talk with MSIT.", NULL);
    rg_graph_link(g, r1, msit, RG_REL_PARTNERS, "report:r", 1, "State should talk with MSIT.", NULL);
    rg_graph_link(g, msit, rok, RG_REL_PART_OF, "catalog", 0, "catalog/gov-kr.json", NULL);
    rg_graph_link(g, rok, state, RG_REL_CO_MENTIONED, "report:r", 3, "ROK and State.", NULL);
    rg_graph_link(g, r2, diu, RG_REL_LEADS, "report:r", 2, "DIU should trade.", NULL);
    rg_graph_link(g, r2, korus, RG_REL_CONCERNS, "report:r", 2, "DIU should trade.", NULL);
    rg_graph_link(g, rep, r1, RG_REL_CONTAINS, "report:r", 1, "State should talk with MSIT.", NULL);
    rg_graph_link(g, rep, r2, RG_REL_CONTAINS, "report:r", 2, "DIU should trade.", NULL);
    return g;
}

static size_t node(const rg_graph *g, const char *id)
{
    size_t n;
    ck_assert(rg_graph_find(g, id, &n));
    return n;
}

START_TEST(names_resolve_with_suggestions)
{
    rg_graph *g = sample();
    rg_catalog *cat = rg_catalog_new();
    rg_error err;
    rg_error_clear(&err);
    const char *catalog = "[{\"name\": \"Defense Innovation Unit\", \"type\": \"agency\", \"aliases\": [\"DIU\"]}]";
    ck_assert_int_eq(rg_catalog_load_text(cat, "c.json", catalog, strlen(catalog), &err), 0);
    rg_names *names;
    ck_assert_int_eq(rg_names_new(g, cat, &names, &err), 0); /* the names own cat now */
    size_t n;
    /* an id as it stands needs no index; in another case it does */
    ck_assert_int_eq(rg_names_resolve(names, "agency:department-of-state", &n, &err), 0);
    ck_assert_uint_eq(n, node(g, "agency:department-of-state"));
    ck_assert_int_eq(rg_names_resolve(names, "AGENCY:Department-Of-State", &n, &err), 0);
    ck_assert_uint_eq(n, node(g, "agency:department-of-state"));
    ck_assert_int_eq(rg_names_resolve(names, "state department", &n, &err), 0);
    ck_assert_uint_eq(n, node(g, "agency:department-of-state"));
    ck_assert_int_eq(rg_names_resolve(names, "DIU", &n, &err), 0); /* from the catalog */
    ck_assert_uint_eq(n, node(g, "agency:defense-innovation-unit"));
    ck_assert_int_eq(rg_names_resolve(names, "rec:r:2", &n, &err), 0);
    ck_assert_int_eq(rg_names_resolve(names, "Ministry of Sciense and ICT", &n, &err), -1);
    ck_assert_str_eq(err.msg, "no node named 'Ministry of Sciense and ICT'; did you mean 'Ministry of Science and ICT'?");
    rg_names_free(names);
    rg_graph_free(g);
}
END_TEST

START_TEST(paths_through_recommendations)
{
    rg_graph *g = sample();
    rg_error err;
    rg_error_clear(&err);
    rg_path *p;
    size_t n;
    size_t state = node(g, "agency:department-of-state"), rok = node(g, "actor:republic-of-korea");
    /* without co-mentions: State <- rec:1 -> MSIT -> ROK */
    ck_assert_int_eq(rg_query_paths(g, state, rok, NULL, &p, &n, &err), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(p[0].len, 3);
    ck_assert_uint_eq(p[0].nodes[1], node(g, "rec:r:1"));
    ck_assert_int_eq(g->links[p[0].links[0]].relation, RG_REL_LEADS);
    rg_paths_free(p, n);
    /* with them, one step */
    rg_path_options o = {.via = -1, .co_mentions = true};
    ck_assert_int_eq(rg_query_paths(g, state, rok, &o, &p, &n, &err), 0);
    ck_assert_uint_eq(p[0].len, 1);
    rg_paths_free(p, n);
    /* the report does not connect the two recommendations' agencies */
    ck_assert_int_eq(rg_query_paths(g, state, node(g, "agency:defense-innovation-unit"), NULL, &p, &n, &err), 0);
    ck_assert_uint_eq(n, 0);
    /* --via recommendation forbids the ministry in between */
    rg_path_options via = {.via = RG_TYPE_RECOMMENDATION};
    ck_assert_int_eq(rg_query_paths(g, state, rok, &via, &p, &n, &err), 0);
    ck_assert_uint_eq(n, 0);
    rg_path_options shortest = {.via = -1, .max_len = 2};
    ck_assert_int_eq(rg_query_paths(g, state, rok, &shortest, &p, &n, &err), 0);
    ck_assert_uint_eq(n, 0);
    rg_graph_free(g);
}
END_TEST

/* A path index (serve's) gives rg_query_paths' answers between every
 * pair, with and without co-mentions, and refuses the other setting. */
START_TEST(path_index_answers_as_paths)
{
    rg_graph *g = sample();
    rg_error err;
    rg_error_clear(&err);
    for (int co = 0; co < 2; co++) {
        rg_path_index *ix;
        ck_assert_int_eq(rg_path_index_new(g, co, &ix, &err), 0);
        rg_path_options o = {.via = -1, .all = true, .co_mentions = co};
        for (size_t a = 0; a < g->n_nodes; a++) {
            for (size_t b = 0; b < g->n_nodes; b++) {
                rg_path *p, *q;
                size_t n, m;
                ck_assert_int_eq(rg_query_paths(g, a, b, &o, &p, &n, &err), 0);
                ck_assert_int_eq(rg_query_paths_indexed(ix, a, b, &o, &q, &m, &err), 0);
                ck_assert_uint_eq(n, m);
                for (size_t k = 0; k < n; k++) {
                    ck_assert_uint_eq(p[k].len, q[k].len);
                    ck_assert(memcmp(p[k].nodes, q[k].nodes, (p[k].len + 1) * sizeof *p[k].nodes) == 0);
                    ck_assert(!p[k].len || memcmp(p[k].links, q[k].links, p[k].len * sizeof *p[k].links) == 0);
                }
                rg_paths_free(p, n);
                rg_paths_free(q, m);
            }
        }
        rg_path_options other = {.via = -1, .co_mentions = !co};
        rg_path *p;
        size_t n;
        ck_assert_int_eq(rg_query_paths_indexed(ix, 0, 1, &other, &p, &n, &err), -1);
        ck_assert_int_eq(err.code, RG_ERR_USAGE);
        rg_error_clear(&err);
        rg_path_index_free(ix);
    }
    rg_graph_free(g);
}
END_TEST

/* find folds ASCII case, in names and sentences alike */
START_TEST(find_folds_case)
{
    rg_graph *g = sample();
    rg_error err;
    rg_error_clear(&err);
    size_t *out, n;
    ck_assert_int_eq(rg_query_find(g, "sCIENCE AND ict", &out, &n, &err), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(out[0], node(g, "agency:kr-msit"));
    free(out);
    ck_assert_int_eq(rg_query_find(g, "Z", &out, &n, &err), 0);
    ck_assert_uint_eq(n, 0);
    free(out);
    rg_graph_free(g);
}
END_TEST

START_TEST(neighbors_common_ego_find)
{
    rg_graph *g = sample();
    rg_error err;
    rg_error_clear(&err);
    size_t *out, n;
    size_t state = node(g, "agency:department-of-state"), msit = node(g, "agency:kr-msit");
    ck_assert_int_eq(rg_query_neighbors(g, state, -1, -1, &out, &n, &err), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(g->links[out[0]].relation, RG_REL_LEADS); /* roles before co-mentions */
    free(out);
    ck_assert_int_eq(rg_query_common(g, state, msit, &out, &n, &err), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(out[0], node(g, "rec:r:1"));
    free(out);
    rg_graph *ego;
    rg_ego_hub *hubs;
    size_t n_hubs;
    rg_ego_options eo = {.depth = 1};
    ck_assert_int_eq(rg_query_ego(g, state, &eo, &ego, &hubs, &n_hubs, &err), 0);
    ck_assert_uint_eq(ego->n_nodes, 3); /* State, rec:1 and its report */
    ck_assert_uint_eq(ego->n_docs, 1);
    ck_assert_uint_eq(n_hubs, 0);
    rg_graph_free(ego);
    free(hubs);
    /* the recommendation has more links than 1: kept, not walked through */
    eo = (rg_ego_options){.depth = 3, .max_degree = 1};
    ck_assert_int_eq(rg_query_ego(g, state, &eo, &ego, &hubs, &n_hubs, &err), 0);
    ck_assert_uint_eq(ego->n_nodes, 3);
    ck_assert_uint_eq(n_hubs, 1);
    ck_assert_uint_eq(hubs[0].node, node(g, "rec:r:1"));
    rg_graph_free(ego);
    free(hubs);
    /* an excluded node is neither kept nor walked through */
    size_t rec1 = node(g, "rec:r:1");
    eo = (rg_ego_options){.depth = 3, .exclude = &rec1, .n_exclude = 1};
    ck_assert_int_eq(rg_query_ego(g, state, &eo, &ego, &hubs, &n_hubs, &err), 0);
    ck_assert_uint_eq(ego->n_nodes, 1);
    rg_graph_free(ego);
    free(hubs);
    ck_assert_int_eq(rg_query_find(g, "KORUS", &out, &n, &err), 0);
    ck_assert_uint_eq(n, 1);
    free(out);
    ck_assert_int_eq(rg_query_find(g, "should", &out, &n, &err), 0);
    ck_assert_uint_eq(n, 2);
    free(out);
    rg_graph_free(g);
}
END_TEST

/* --modality: the recommendations of the modalities asked for and what
 * they name (a target too); a recommendation without a modality has
 * none of them. Targets explain a connection after partners. */
START_TEST(filter_by_modality)
{
    rg_graph *g = sample();
    rg_error err;
    rg_error_clear(&err);
    size_t r1 = node(g, "rec:r:1"), r2 = node(g, "rec:r:2"), dprk, r3;
    rg_graph_node(g, "actor:dprk", RG_TYPE_ACTOR, "North Korea", &dprk);
    rg_graph_node(g, "rec:r:3", RG_TYPE_RECOMMENDATION, "Japan ought to talk", &r3);
    rg_node_set(&g->nodes[r1].modality, "should");
    rg_node_set(&g->nodes[r2].modality, "will");
    rg_graph_link(g, r1, dprk, RG_REL_TARGETS, "report:r", 1, "State should talk with MSIT.", NULL);
    rg_graph_link(g, r3, dprk, RG_REL_PARTNERS, "report:r", 4, "Japan ought to talk.", NULL);
    rg_graph_finish(g);
    rg_filter f = {.modalities = 1u << RG_MODALITY_SHOULD | 1u << RG_MODALITY_MUST};
    rg_graph *part;
    ck_assert_int_eq(rg_query_filter(g, &f, &part, &err), 0);
    /* rec:1, State (leads), MSIT (partners), North Korea (targets) */
    ck_assert_uint_eq(part->n_nodes, 4);
    size_t at;
    ck_assert(rg_graph_find(part, "actor:dprk", &at));
    ck_assert(!rg_graph_find(part, "rec:r:2", &at) && !rg_graph_find(part, "rec:r:3", &at));
    ck_assert(!rg_graph_find(part, "report:r", &at));
    rg_graph_free(part);
    /* with a section: both narrow */
    f.section = "nowhere";
    ck_assert_int_eq(rg_query_filter(g, &f, &part, &err), 0);
    ck_assert_uint_eq(part->n_nodes, 0);
    rg_graph_free(part);
    /* rec:1's links: who leads, who partners, then whom it targets */
    size_t *links, n;
    ck_assert_int_eq(rg_query_neighbors(g, r1, -1, -1, &links, &n, &err), 0);
    ck_assert_int_eq(g->links[links[0]].relation, RG_REL_LEADS);
    ck_assert_int_eq(g->links[links[1]].relation, RG_REL_PARTNERS);
    ck_assert_int_eq(g->links[links[2]].relation, RG_REL_TARGETS);
    free(links);
    rg_graph_free(g);
}
END_TEST

START_TEST(find_indexed_as_find)
{
    rg_graph *g = sample();
    rg_graph_finish(g);
    rg_error err;
    rg_error_clear(&err);
    rg_find_index *ix;
    ck_assert_int_eq(rg_find_index_new(g, &ix, &err), 0);
    /* any case, in labels, ids, texts and aliases; nothing across two */
    const char *needles[] = {"", "state", "STATE DEP", "rec:", "agency:", "korea", "rok", "r", "a", "talk",
                             "zz", "unitagency", "ict\nagency", "Ministry of Science and ICT"};
    for (size_t k = 0; k < sizeof needles / sizeof *needles; k++) {
        size_t *a, *b, na, nb;
        ck_assert_int_eq(rg_query_find(g, needles[k], &a, &na, &err), 0);
        ck_assert_int_eq(rg_query_find_indexed(ix, needles[k], &b, &nb, &err), 0);
        ck_assert_msg(na == nb, "'%s': %zu, indexed %zu", needles[k], na, nb);
        for (size_t i = 0; i < na; i++)
            ck_assert_uint_eq(a[i], b[i]);
        free(a);
        free(b);
    }
    rg_find_index_free(ix);
    rg_graph_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("query");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, names_resolve_with_suggestions);
    tcase_add_test(tc, paths_through_recommendations);
    tcase_add_test(tc, path_index_answers_as_paths);
    tcase_add_test(tc, find_folds_case);
    tcase_add_test(tc, neighbors_common_ego_find);
    tcase_add_test(tc, filter_by_modality);
    tcase_add_test(tc, find_indexed_as_find);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
