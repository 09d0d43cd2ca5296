/* Unit tests of the comparison of two reports (graph/analyze/compare.c)
 * and of datelines (graph/read/date.c). */
#include "graph/analyze/compare.h"
#include "graph/read/doc.h"
#include "helpers.h"

#include <math.h>
#include <string.h>

START_TEST(cosine_of_words)
{
    const char *texts[] = {
        "We will strengthen cooperation on vaccines.",
        "we WILL strengthen the cooperation on vaccine",  /* case, a stop word, a plural */
        "Sanctions should target shipping companies.",
        "We will strengthen cooperation on space.",
    };
    rg_compare_words *w = rg_compare_words_new(texts, 4);
    ck_assert_ptr_nonnull(w);
    ck_assert_double_eq_tol(rg_compare_words_cosine(w, 0, 1), 1.0, 1e-9);
    ck_assert_double_eq_tol(rg_compare_words_cosine(w, 0, 2), 0.0, 1e-9);
    double near = rg_compare_words_cosine(w, 0, 3);
    ck_assert(near > 0.2 && near < 0.9); /* shares words, not the rarest one */
    ck_assert_double_eq_tol(rg_compare_words_cosine(w, 3, 0), near, 1e-12);
    rg_compare_words_free(w);
}
END_TEST

START_TEST(empty_texts_have_no_similarity)
{
    const char *texts[] = {"", "the and of", "Vaccines"};
    rg_compare_words *w = rg_compare_words_new(texts, 3);
    ck_assert_ptr_nonnull(w);
    ck_assert_double_eq(rg_compare_words_cosine(w, 0, 1), 0.0);
    ck_assert_double_eq(rg_compare_words_cosine(w, 1, 2), 0.0);
    rg_compare_words_free(w);
}
END_TEST

START_TEST(jaccard_of_parties)
{
    const char *a[] = {"actor:india", "actor:japan", "program:covax"};
    const char *b[] = {"actor:japan", "program:covax", "program:quad"};
    ck_assert_double_eq_tol(rg_compare_jaccard(a, 3, b, 3), 0.5, 1e-12);
    ck_assert_double_eq(rg_compare_jaccard(a, 0, b, 0), 0.0);
    ck_assert_double_eq_tol(rg_compare_jaccard(a, 3, a, 3), 1.0, 1e-12);
}
END_TEST

/* Report a (earlier) and b (later): b repeats a's vaccine sentence, says
 * its space pledge in other words with the same parties, and adds a new
 * one on shipping; a's summit pledge is dropped. */
static void add_rec(rg_graph *g, const char *doc, const char *id, long line, const char *text, size_t lead,
                    size_t partner)
{
    size_t r;
    rg_graph_node(g, id, RG_TYPE_RECOMMENDATION, text, &r);
    rg_node_set(&g->nodes[r].text, text);
    rg_node_set(&g->nodes[r].doc, doc);
    g->nodes[r].line = line;
    rg_strset_add(&g->nodes[r].docs, doc);
    rg_graph_link(g, r, lead, RG_REL_LEADS, doc, line, text, NULL);
    rg_graph_link(g, r, partner, RG_REL_PARTNERS, doc, line, text, NULL);
}

static rg_graph *two_reports(void)
{
    rg_graph *g = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    rg_graph_add_document(g, "report:a", "a.md", "A", 1, &err);
    rg_graph_add_document(g, "report:b", "b.md", "B", 1, &err);
    size_t us, jp, in, nasa;
    rg_graph_node(g, "actor:united-states", RG_TYPE_ACTOR, "United States", &us);
    rg_graph_node(g, "actor:japan", RG_TYPE_ACTOR, "Japan", &jp);
    rg_graph_node(g, "actor:india", RG_TYPE_ACTOR, "India", &in);
    rg_graph_node(g, "agency:nasa", RG_TYPE_AGENCY, "NASA", &nasa);
    const char *both[] = {"report:a", "report:b"};
    for (size_t d = 0; d < 2; d++) {
        rg_strset_add(&g->nodes[us].docs, both[d]);
        rg_tally_add(&g->nodes[us].doc_mentions, both[d], 2);
        rg_strset_add(&g->nodes[jp].docs, both[d]);
        rg_tally_add(&g->nodes[jp].doc_mentions, both[d], 1);
    }
    rg_strset_add(&g->nodes[nasa].docs, "report:a");
    rg_strset_add(&g->nodes[in].docs, "report:b");
    add_rec(g, "report:a", "rec:a:3", 3, "The United States will expand vaccine production with Japan.", us, jp);
    add_rec(g, "report:a", "rec:a:5", 5, "NASA should launch a joint lunar satellite with Japan.", nasa, jp);
    add_rec(g, "report:a", "rec:a:7", 7, "The leaders will hold a summit in person by the end of the year.", us, jp);
    add_rec(g, "report:b", "rec:b:2", 2, "The United States will expand vaccine production with Japan.", us, jp);
    add_rec(g, "report:b", "rec:b:4", 4, "Space exploration with Japan remains a priority for NASA.", nasa, jp);
    add_rec(g, "report:b", "rec:b:6", 6, "India should inspect every shipping container at its ports.", in, us);
    rg_graph_finish(g);
    return g;
}

START_TEST(matches_are_carried_reworded_new_and_dropped)
{
    rg_graph *g = two_reports();
    rg_error err;
    rg_error_clear(&err);
    rg_compare_side a = {g, "report:a"}, b = {g, "report:b"};
    rg_compare_options o;
    rg_compare_defaults(&o);
    rg_compare *c;
    ck_assert_int_eq(rg_compare_new(&a, &b, &o, &c, &err), 0);
    ck_assert_uint_eq(c->n_matches, 3);
    ck_assert_int_eq(c->matches[0].label, RG_COMPARE_LABEL_CARRIED);
    ck_assert_str_eq(g->nodes[c->matches[0].a].id, "rec:a:3");
    ck_assert_int_eq(c->matches[1].label, RG_COMPARE_LABEL_REWORDED);
    ck_assert_str_eq(g->nodes[c->matches[1].a].id, "rec:a:5");
    ck_assert_int_eq(c->matches[2].label, RG_COMPARE_LABEL_NEW);
    ck_assert_uint_eq(c->n_dropped, 1);
    ck_assert_str_eq(g->nodes[c->dropped[0]].id, "rec:a:7");
    rg_compare_free(c);
    rg_graph_free(g);
}
END_TEST

START_TEST(entities_in_both_and_only_one)
{
    rg_graph *g = two_reports();
    rg_error err;
    rg_error_clear(&err);
    rg_compare_side a = {g, "report:a"}, b = {g, "report:b"};
    rg_compare_options o;
    rg_compare_defaults(&o);
    rg_compare *c;
    ck_assert_int_eq(rg_compare_new(&a, &b, &o, &c, &err), 0);
    ck_assert_uint_eq(c->n_entities, 4);
    for (size_t i = 0; i < c->n_entities; i++) {
        const rg_compare_entity *e = &c->entities[i];
        if (strcmp(e->id, "actor:india") == 0)
            ck_assert(e->a == RG_NONE && e->b != RG_NONE);
        else if (strcmp(e->id, "agency:nasa") == 0)
            ck_assert(e->a != RG_NONE && e->b == RG_NONE);
        else if (strcmp(e->id, "actor:united-states") == 0)
            ck_assert(e->mentions_a == 2 && e->mentions_b == 2);
    }
    ck_assert_uint_ge(c->n_shifts, 1);
    rg_compare_free(c);
    rg_graph_free(g);
}
END_TEST

START_TEST(a_report_against_itself_is_all_carried)
{
    rg_graph *g = two_reports();
    rg_error err;
    rg_error_clear(&err);
    rg_compare_side a = {g, "report:a"};
    rg_compare_options o;
    rg_compare_defaults(&o);
    rg_compare *c;
    ck_assert_int_eq(rg_compare_new(&a, &a, &o, &c, &err), 0);
    for (size_t i = 0; i < c->n_matches; i++)
        ck_assert_int_eq(c->matches[i].label, RG_COMPARE_LABEL_CARRIED);
    ck_assert_uint_eq(c->n_dropped, 0);
    for (size_t i = 0; i < c->n_shifts; i++)
        ck_assert_uint_eq(c->shifts[i].rank_a, c->shifts[i].rank_b);
    rg_compare_free(c);
    rg_graph_free(g);
}
END_TEST

START_TEST(datelines)
{
    char out[16];
    ck_assert(rg_doc_date_parse("March 15, 2023", out, sizeof out));
    ck_assert_str_eq(out, "2023-03-15");
    ck_assert(rg_doc_date_parse("15 March 2023", out, sizeof out));
    ck_assert_str_eq(out, "2023-03-15");
    ck_assert(rg_doc_date_parse("Sept. 24, 2021", out, sizeof out));
    ck_assert_str_eq(out, "2021-09-24");
    ck_assert(rg_doc_date_parse("November 2020", out, sizeof out));
    ck_assert_str_eq(out, "2020-11");
    ck_assert(rg_doc_date_parse("Date: 2023-04-26", out, sizeof out));
    ck_assert_str_eq(out, "2023-04-26");
    ck_assert(rg_doc_date_parse("2021-09", out, sizeof out));
    ck_assert_str_eq(out, "2021-09");
    /* a sentence that holds a date is no dateline */
    ck_assert(!rg_doc_date_parse("In March 2020, Seoul launched a satellite.", out, sizeof out));
    ck_assert(!rg_doc_date_parse("May", out, sizeof out));
    ck_assert(!rg_doc_date_parse("2020", out, sizeof out)); /* a bare number: a page, a count */
    ck_assert(!rg_doc_date_parse("March 45, 2023", out, sizeof out));
}
END_TEST

START_TEST(documents_are_dated_from_their_top)
{
    rg_error err;
    rg_error_clear(&err);
    rg_doc *d;
    const char *dated = "# Joint Statement\n\nSeptember 24, 2021\n\nWe will meet again.\n";
    ck_assert_int_eq(rg_doc_parse("s.md", dated, strlen(dated), &d, &err), 0);
    ck_assert_str_eq(d->date, "2021-09-24");
    rg_doc_free(d);
    const char *heading = "# A Blueprint\n\n## America Competes 2020\n\nThe alliance grew in 2019.\n";
    ck_assert_int_eq(rg_doc_parse("h.md", heading, strlen(heading), &d, &err), 0);
    ck_assert_str_eq(d->date, "2020");
    rg_doc_free(d);
    const char *none = "# Title\n\nIn March 2020 the allies met.\n";
    ck_assert_int_eq(rg_doc_parse("n.md", none, strlen(none), &d, &err), 0);
    ck_assert_ptr_null(d->date);
    rg_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compare");
    TCase *tc = tcase_create("compare");
    tcase_add_test(tc, cosine_of_words);
    tcase_add_test(tc, empty_texts_have_no_similarity);
    tcase_add_test(tc, jaccard_of_parties);
    tcase_add_test(tc, matches_are_carried_reworded_new_and_dropped);
    tcase_add_test(tc, entities_in_both_and_only_one);
    tcase_add_test(tc, a_report_against_itself_is_all_carried);
    tcase_add_test(tc, datelines);
    tcase_add_test(tc, documents_are_dated_from_their_top);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
