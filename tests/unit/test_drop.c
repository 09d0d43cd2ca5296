/* Unit tests of graph/model/drop.c: removing a document gives the graph
 * of the others, byte for byte, where the documents gave one node
 * different labels, countries and aliases; and the records survive a
 * trip through the graph file. */
#include "graph/model/model.h"
#include "helpers.h"

#include <string.h>

/* The part of one report naming the entity agency:x as label, with
 * country and alias, co-mentioned with actor:y, and a catalog link. */
static rg_graph *part(const char *doc, const char *label, const char *country, const char *alias)
{
    rg_graph *g = rg_graph_new();
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(rg_graph_add_document(g, doc, doc, "T", 10, NULL), 0);
    size_t x, y, r;
    ck_assert_int_eq(rg_graph_node(g, doc, RG_TYPE_REPORT, "T", &r), 0);
    ck_assert_int_eq(rg_strset_add(&g->nodes[r].docs, doc), 0);
    ck_assert_int_eq(rg_graph_node(g, "agency:x", RG_TYPE_AGENCY, label, &x), 0);
    ck_assert_int_eq(rg_node_set(&g->nodes[x].country, country), 0);
    ck_assert_int_eq(rg_node_set(&g->nodes[x].kind, "agency"), 0);
    ck_assert_int_eq(rg_strset_add(&g->nodes[x].aliases, alias), 0);
    ck_assert_int_eq(rg_strset_add(&g->nodes[x].docs, doc), 0);
    ck_assert_int_eq(rg_tally_add(&g->nodes[x].doc_mentions, doc, 2), 0);
    g->nodes[x].mentions = 2;
    ck_assert_int_eq(rg_graph_node(g, "actor:y", RG_TYPE_ACTOR, "Y", &y), 0);
    ck_assert_int_eq(rg_node_set(&g->nodes[y].kind, "country"), 0);
    ck_assert_int_eq(rg_strset_add(&g->nodes[y].docs, doc), 0);
    ck_assert_int_eq(rg_graph_link(g, x, y, RG_REL_CO_MENTIONED, doc, 3, "X and Y.", NULL), 0);
    ck_assert_int_eq(rg_graph_expand_records(g), 0);
    return g;
}

/* The graph of the parts, finished with a catalog link between them. */
static char *whole_text(rg_graph *const *parts, size_t n)
{
    rg_graph *g = rg_graph_new();
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(rg_graph_merge(g, parts[i], NULL), 0);
    size_t x, y;
    ck_assert(rg_graph_find(g, "agency:x", &x) && rg_graph_find(g, "actor:y", &y));
    ck_assert_int_eq(rg_graph_link(g, x, y, RG_REL_PART_OF, "catalog", 0, "cat.json", NULL), 0);
    char *text = graph_text(g);
    rg_graph_free(g);
    return text;
}

START_TEST(drop_gives_the_others)
{
    rg_graph *a = part("report:a", "Agency X", "US", "the X agency");
    rg_graph *b = part("report:b", "AGENCY X", NULL, "X");
    rg_graph *c = part("report:c", "Agency X", "KR", "X");
    rg_graph *abc[] = {a, b, c}, *bc[] = {b, c};
    char *want = whole_text(bc, 2);

    /* the whole graph, through the file and back, less report:a */
    char *text = whole_text(abc, 3);
    rg_graph *g = NULL;
    ck_assert_int_eq(rg_json_read_text("mem", text, strlen(text), &g, NULL), 0);
    rg_strset gone;
    rg_strset_init(&gone);
    ck_assert_int_eq(rg_strset_add(&gone, "report:a"), 0);
    ck_assert_int_eq(rg_graph_drop_documents(g, &gone, NULL), 0);
    size_t x, y;
    ck_assert(rg_graph_find(g, "agency:x", &x) && rg_graph_find(g, "actor:y", &y));
    /* the catalog's links come again with finishing */
    ck_assert_int_eq(rg_graph_link(g, x, y, RG_REL_PART_OF, "catalog", 0, "cat.json", NULL), 0);
    char *got = graph_text(g);
    ck_assert_str_eq(got, want);
    /* the label is b's, smaller than c's; the country c's: US went with a */
    ck_assert_str_eq(g->nodes[x].label, "AGENCY X");
    ck_assert_str_eq(g->nodes[x].country, "KR");
    ck_assert_int_eq(g->nodes[x].aliases.len, 1);
    ck_assert_int_eq(g->nodes[x].mentions, 4);

    /* and every document gone: no node left */
    ck_assert_int_eq(rg_strset_add(&gone, "report:b"), 0);
    ck_assert_int_eq(rg_strset_add(&gone, "report:c"), 0);
    ck_assert_int_eq(rg_graph_drop_documents(g, &gone, NULL), 0);
    ck_assert_int_eq(g->n_nodes, 0);
    ck_assert_int_eq(g->n_links, 0);
    ck_assert_int_eq(g->n_docs, 0);

    rg_strset_destroy(&gone);
    free(got);
    free(text);
    free(want);
    rg_graph_free(g);
    rg_graph_free(a);
    rg_graph_free(b);
    rg_graph_free(c);
}
END_TEST

START_TEST(records_in_the_file)
{
    rg_graph *a = part("report:a", "Agency X", "US", "the X agency");
    rg_graph *b = part("report:b", "Agency X", "US", "X");
    rg_graph *ab[] = {a, b};
    char *text = whole_text(ab, 2);
    /* only what differs from the node is written: each its alias */
    ck_assert_ptr_nonnull(strstr(text, "\"entities\": [{\"id\": \"agency:x\", \"aliases\": [\"the X agency\"]}]"));
    ck_assert_ptr_nonnull(strstr(text, "\"entities\": [{\"id\": \"agency:x\", \"aliases\": [\"X\"]}]"));
    ck_assert_ptr_null(strstr(text, "actor:y\", \"aliases"));
    free(text);
    rg_graph_free(a);
    rg_graph_free(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("drop");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, drop_gives_the_others);
    tcase_add_test(tc, records_in_the_file);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
