/* Unit tests of a diagram's labels (export/dot_label.c): who does what. */
#include "export/dot_label.h"
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

static void check_action(const char *text, const char *modality, size_t max, bool lower, const char *want)
{
    char *got = rg_dot_action(text, modality, max, lower);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(action_from_the_modal_on)
{
    check_action("To this end, USAID could work with the ROK.", "could", 60, true, "work with the ROK");
    check_action("The U.S. government also should launch a campaign.", "should", 60, true, "launch a campaign");
    check_action("Washington and Seoul must not neglect North Korea.", "must", 60, true, "must not neglect North Korea");
    check_action("We urge the two sides to resume talks.", "urge", 60, true, "resume talks");
    check_action("Congress needs to fund the program.", "need", 60, true, "fund the program");
    /* an imperative is the action; after a name its first letter is lowered */
    check_action("Deepen cooperation on cyber and space;", "imperative", 60, true, "deepen cooperation on cyber and space");
    check_action("ROK forces: hold exercises.", "imperative", 60, true, "ROK forces: hold exercises");
    /* no cue: the sentence as it stands, its first word perhaps a name */
    check_action("Washington would be well served by talks.", "should", 60, true, "Washington would be well served by talks");
}
END_TEST

START_TEST(action_cut_at_a_word)
{
    /* cut near 30 bytes, at a space, with no small word left hanging */
    check_action("The State Department should initiate preliminary talks with the ROK Ministry of Science.", "should",
                 40, true, "initiate preliminary talks with the ROK\xe2\x80\xa6");
    check_action("X should build on the momentum from the agreement in nuclear energy.", "should", 30, true,
                 "build on the momentum\xe2\x80\xa6");
}
END_TEST

START_TEST(short_names)
{
    rg_graph *g = rg_graph_new();
    size_t usaid, state, japan, rec;
    rg_graph_node(g, "agency:usaid", RG_TYPE_AGENCY, "United States Agency for International Development", &usaid);
    rg_strset_add(&g->nodes[usaid].aliases, "USAID");
    rg_graph_node(g, "agency:department-of-state", RG_TYPE_AGENCY, "Department of State", &state);
    rg_graph_node(g, "actor:japan", RG_TYPE_ACTOR, "Japan", &japan);
    rg_strset_add(&g->nodes[japan].aliases, "Tokyo");
    char buf[64];
    ck_assert_str_eq(rg_dot_short_name(&g->nodes[usaid], buf, sizeof buf), "USAID");
    ck_assert_str_eq(rg_dot_short_name(&g->nodes[state], buf, sizeof buf), "State");
    ck_assert_str_eq(rg_dot_short_name(&g->nodes[japan], buf, sizeof buf), "Japan");
    rg_graph_node(g, "rec:r:1", RG_TYPE_RECOMMENDATION, "r", &rec);
    g->nodes[rec].text = strdup("To this end, USAID could expand its work with Japan.");
    g->nodes[rec].modality = strdup("could");
    size_t leads[] = {usaid, state, japan};
    char *label = rg_dot_recommendation_label(g, rec, leads, 1, 60);
    ck_assert_str_eq(label, "USAID: expand its work with Japan");
    free(label);
    label = rg_dot_recommendation_label(g, rec, leads, 3, 60);
    ck_assert_str_eq(label, "USAID, State and 1 more: expand its work with Japan");
    free(label);
    label = rg_dot_recommendation_label(g, rec, leads, 0, 60);
    ck_assert_str_eq(label, "Expand its work with Japan");
    free(label);
    rg_graph_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dot_label");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, action_from_the_modal_on);
    tcase_add_test(tc, action_cut_at_a_word);
    tcase_add_test(tc, short_names);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
