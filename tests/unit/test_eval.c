/* Unit tests of the evaluation against hand annotations (graph/eval/):
 * names compared as the reference scorer's norm() compares them, and the
 * scorer's entity, recommendation and involvement counts. */
#include "graph/eval/eval.h"
#include "graph/eval/normalize.h"
#include "helpers.h"

#include <string.h>
#include <unistd.h>

static void normalizes_to(const char *s, const char *want)
{
    char *got = rg_eval_normalize(s);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

/* Each expectation is what score.py's norm() gives. */
START_TEST(names_as_the_reference_scorer_compares_them)
{
    normalizes_to("The U.S. Department of State\u2019s", "us department of state");
    normalizes_to("U.S.A.", "usa");
    normalizes_to("e.g. a.b.c", "eg abc");
    normalizes_to("U.S.-ROK", "us -rok"); /* the dot before '-' stays, then blanks */
    normalizes_to("the", "the");          /* only "the " before a word goes */
    normalizes_to("The  Quad", "quad");
    normalizes_to("\u201cThe Spirit of the Quad\u201d \u2013 2021", "spirit of the quad - 2021");
    normalizes_to("R&D + S-T", "r&d + s-t");
    normalizes_to("people\u2019s_republic", "people s_republic"); /* '_' is a word character */
    normalizes_to("C\u00f4te d\u2019Ivoire", "c\u00f4te d ivoire");
    /* NFKC: a ligature, full-width letters and dots, a fraction, a circled
     * number; lowercase beyond ASCII */
    normalizes_to("\ufb01nance \uff35\uff0e\uff33\uff0e", "finance us");
    normalizes_to("\u01c5 \u2473 \u00bd", "d\u017e 20 1 2");
    normalizes_to("\u0130stanbul", "i stanbul"); /* I with dot: i and a combining dot */
    normalizes_to("", "");
}
END_TEST

START_TEST(openings_count_characters_not_bytes)
{
    const char *s = "c\u00f4te d ivoire";
    ck_assert_uint_eq(rg_eval_prefix(s, 3), 4); /* "c", two bytes, "t" */
    ck_assert_uint_eq(rg_eval_prefix(s, 100), strlen(s));
    ck_assert_uint_eq(rg_eval_code_points(s, 4), 3);
}
END_TEST

static size_t add_node(rg_graph *g, const char *id, rg_node_type type, const char *label)
{
    size_t n;
    ck_assert_int_eq(rg_graph_node(g, id, type, label, &n), 0);
    ck_assert_int_eq(rg_strset_add(&g->nodes[n].docs, "report:r"), 0);
    return n;
}

static size_t add_rec(rg_graph *g, const char *id, const char *text, long line)
{
    size_t n = add_node(g, id, RG_TYPE_RECOMMENDATION, text);
    ck_assert_int_eq(rg_node_set(&g->nodes[n].text, text), 0);
    ck_assert_int_eq(rg_node_set(&g->nodes[n].doc, "report:r"), 0);
    g->nodes[n].line = line;
    return n;
}

static void add_link(rg_graph *g, size_t from, size_t to, rg_relation rel, long line, bool inferred)
{
    size_t l;
    ck_assert_int_eq(rg_graph_link(g, from, to, rel, "report:r", line, "a sentence", &l), 0);
    g->links[l].inferred = inferred;
}

/* Three gold entities, three gold recommendations; a graph with a second
 * node for Korea, a spurious ministry, and three recommendations of which
 * two match only through an augmenting path. */
static const char *gold_text =
    "{\"document\": \"r.md\", \"entities\": ["
    "{\"name\": \"United States\", \"type\": \"actor\", \"aliases\": [\"U.S.\", \"Washington\"]},"
    "{\"name\": \"Republic of Korea\", \"type\": \"actor\", \"aliases\": [\"ROK\", \"South Korea\"]},"
    "{\"name\": \"Department of State\", \"type\": \"agency\", \"aliases\": [\"State Department\"]}],"
    "\"recommendations\": ["
    "{\"line\": 10, \"text\": \"Expand trade\", \"agencies\": [\"Department of State\"]},"
    "{\"line\": 12, \"text\": \"Expand trade with Japan\", \"agencies\": [\"South Korea\", \"United States\"]},"
    "{\"line\": 40, \"text\": \"Nobody wrote this\", \"agencies\": [\"ROK\"]}]}";

static rg_graph *sample(void)
{
    rg_graph *g = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_graph_add_document(g, "report:r", "r.md", "R", 1, &err), 0);
    size_t rok = add_node(g, "actor:republic-of-korea", RG_TYPE_ACTOR, "Republic of Korea");
    size_t south = add_node(g, "actor:south-korea", RG_TYPE_ACTOR, "South Korea");
    size_t us = add_node(g, "actor:united-states", RG_TYPE_ACTOR, "The U.S.");
    size_t ministry = add_node(g, "agency:ministry-of-unification", RG_TYPE_AGENCY, "Ministry of Unification");
    /* id order: rec:r:1 before rec:r:2 */
    size_t both = add_rec(g, "rec:r:1", "Expand trade with Japan and Korea.", 10);
    size_t now = add_rec(g, "rec:r:2", "Expand trade now.", 11);
    size_t other = add_rec(g, "rec:r:3", "Something else should happen.", 30);
    add_link(g, both, south, RG_REL_LEADS, 10, false); /* the second node stands for Korea */
    add_link(g, both, us, RG_REL_PARTNERS, 10, true); /* inferred: not counted */
    add_link(g, ministry, both, RG_REL_CONCERNS, 10, false); /* no gold entity */
    add_link(g, us, now, RG_REL_TARGETS, 11, false); /* either direction counts */
    add_link(g, other, rok, RG_REL_LEADS, 30, false); /* an unmatched recommendation */
    rg_graph_finish(g);
    return g;
}

START_TEST(counts_as_the_reference_scorer_counts)
{
    char path[] = "/tmp/rg-eval-gold-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, gold_text, strlen(gold_text)), (ssize_t)strlen(gold_text));
    close(fd);
    rg_graph *g = sample();
    rg_eval e;
    rg_eval_init(&e);
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_eval_doc(g, "report:r", path, &e, &err), 0);
    unlink(path);
    /* Korea and the U.S. matched, South Korea a second node, the ministry
     * spurious, the State Department missed */
    ck_assert_int_eq(e.entities.tp, 2);
    ck_assert_int_eq(e.entities.fp, 2);
    ck_assert_int_eq(e.entities.fn, 1);
    ck_assert_str_eq(e.spurious_entities.items[1], "South Korea (actor) [a second node for Republic of Korea]");
    /* "Expand trade" takes rec:r:1 first (same line), then gives it up to
     * "Expand trade with Japan", its only candidate, and takes rec:r:2 */
    ck_assert_int_eq(e.recommendations.tp, 2);
    ck_assert_int_eq(e.recommendations.fp, 1);
    ck_assert_int_eq(e.recommendations.fn, 1);
    /* Korea through its second node; the U.S. inferred, so missed; the
     * U.S. on rec:r:2 spurious, the State Department missed; nothing of
     * the unmatched ones */
    ck_assert_int_eq(e.involvement.tp, 1);
    ck_assert_int_eq(e.involvement.fp, 1);
    ck_assert_int_eq(e.involvement.fn, 2);
    ck_assert_str_eq(e.spurious_involvement.items[0], "line 11: United States");
    rg_eval_destroy(&e);
    rg_graph_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("eval");
    TCase *tc = tcase_create("eval");
    tcase_add_test(tc, names_as_the_reference_scorer_compares_them);
    tcase_add_test(tc, openings_count_characters_not_bytes);
    tcase_add_test(tc, counts_as_the_reference_scorer_counts);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
