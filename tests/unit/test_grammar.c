/* Unit tests of the reading rules: names by their shape (graph/rules/shape.c)
 * and directives (graph/rules/directive.c). */
#include "graph/rules/directive.h"
#include "graph/rules/shape.h"
#include "graph/base/text.h"
#include "helpers.h"

#include <string.h>

/* The shaped names of text, as "name|type|owner" joined by "; ". */
static char *shapes_of(const char *text)
{
    rg_shape *s;
    size_t n;
    ck_assert_int_eq(rg_shape_find(text, &s, &n), 0);
    static char out[2048];
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char one[400];
        snprintf(one, sizeof one, "%s%.*s|%s|%.*s", i ? "; " : "", (int)s[i].len, text + s[i].start,
                 rg_type_name(s[i].type), (int)s[i].owner_len, text + s[i].owner_start);
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    free(s);
    return out;
}

START_TEST(shapes_by_head_noun)
{
    ck_assert_str_eq(shapes_of("We met the Korea Aerospace Research Institute and the Partner with Korea Act team."),
                     "Korea Aerospace Research Institute|agency|; Partner with Korea Act|program|");
    ck_assert_str_eq(shapes_of("It works with the Ministry of Trade, Industry and Energy on trade."),
                     "Ministry of Trade, Industry and Energy|agency|");
    ck_assert_str_eq(shapes_of("the Presidential Committee on New Southern Policy said so"),
                     "Presidential Committee on New Southern Policy|agency|");
    ck_assert_str_eq(shapes_of("a new Silicon Valley-Pangyo AI Partnership Program is planned"),
                     "Silicon Valley-Pangyo AI Partnership Program|program|");
    ck_assert_str_eq(shapes_of("it helps the South Korean consulate in San Francisco today"),
                     "South Korean consulate in San Francisco|agency|");
    /* an acronym between a name and its head, the name quoted or not */
    ck_assert_str_eq(shapes_of("they joined the Research Investment for Global Health Technology (RIGHT) Fund"),
                     "Research Investment for Global Health Technology (RIGHT) Fund|program|");
    ck_assert_str_eq(shapes_of("Welfare's \"Global Health Technology\" (RIGHT) Fund, a fund"),
                     "\"Global Health Technology\" (RIGHT) Fund|program|Welfare");
    ck_assert_str_eq(shapes_of("said \"no\" (RIGHT) Fund"), "");
}
END_TEST

START_TEST(possessive_chains_and_plurals)
{
    ck_assert_str_eq(shapes_of("the Ministry of Interior and Safety's Personal Information Protection Commission "
                               "and the International Trade Administration's Industry and Analysis unit should meet"),
                     "Ministry of Interior and Safety|agency|; "
                     "Personal Information Protection Commission|agency|Ministry of Interior and Safety; "
                     "International Trade Administration|agency|; "
                     "Industry and Analysis unit|agency|International Trade Administration");
    rg_shape *s;
    size_t n;
    ck_assert_int_eq(rg_shape_find("the 2022 Indo-Pacific Strategies of both were new", &s, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert(s[0].plural);
    ck_assert_int_eq((int)s[0].len, (int)strlen("Indo-Pacific Strategies")); /* the year is left out */
    free(s);
}
END_TEST

START_TEST(no_shapes_in_titles_or_bare_heads)
{
    ck_assert_str_eq(shapes_of("The Six Pillars of a Renewed Policy for the Alliance"), "");
    ck_assert_str_eq(shapes_of("the Agency said the Strategy is sound"), "");
    ck_assert_str_eq(shapes_of("the program and the unit were small"), "");
}
END_TEST

static size_t modal(const char *text, bool item)
{
    return rg_directive_modal(text, NULL, 0, item, NULL);
}

START_TEST(modal_directives)
{
    /* an actor subject, named or not */
    ck_assert_uint_ne(modal("The two countries should work together.", false), RG_NONE);
    ck_assert_uint_ne(modal("Senior officials, while framing the issue, should continue.", false), RG_NONE);
    ck_assert_uint_ne(modal("This approach should support U.S. communications.", false), RG_NONE);
    /* embedded, perfect, future, copula without an actor, questions, lead-ins */
    ck_assert_uint_eq(modal("This section proposes priorities that should guide us.", false), RG_NONE);
    ck_assert_uint_eq(modal("The allies must not have relinquished their readiness.", false), RG_NONE);
    ck_assert_uint_eq(modal("Policymakers will need to draw upon expertise.", false), RG_NONE);
    ck_assert_uint_eq(modal("These efforts should be part of a broader strategy.", false), RG_NONE);
    ck_assert_uint_eq(modal("Should the allies act now?", false), RG_NONE);
    ck_assert_uint_eq(modal("Officials should commit to three lines of effort:", false), RG_NONE);
    /* "could" orders only in a list item, with an actor subject */
    ck_assert_uint_eq(modal("The officials could use the dialogue.", false), RG_NONE);
    ck_assert_uint_ne(modal("The officials could use the dialogue.", true), RG_NONE);
    ck_assert_uint_eq(modal("These engagements could be modeled after it.", true), RG_NONE);
    /* commitments */
    ck_assert_uint_ne(modal("The leaders committed to a new dialogue.", false), RG_NONE);
    ck_assert(rg_directive_forms_sorted());
    /* a sentence that goes on with the one before */
    ck_assert(rg_directive_refers_back("This should be predicated on deeper cooperation."));
    ck_assert(rg_directive_refers_back("Such efforts must be funded."));
    ck_assert(!rg_directive_refers_back("This is predicated on deeper cooperation."));
    ck_assert(!rg_directive_refers_back("The allies should be ready."));
    ck_assert(!rg_directive_refers_back("These engagements could be modeled after it."));
}
END_TEST

START_TEST(subject_of_a_directive)
{
    const char *t = "Finally, the United States, together with Japan, should act.";
    rg_span actors[2] = {{13, 13}, {42, 5}};
    size_t subject = 0;
    size_t m = rg_directive_modal(t, actors, 2, false, &subject);
    ck_assert_uint_eq(m, (size_t)(strstr(t, "should") - t));
    ck_assert_uint_eq(subject, strlen("Finally,")); /* the United States, together with Japan */
}
END_TEST

START_TEST(imperatives)
{
    ck_assert(rg_directive_imperative("Deepen U.S.-ROK cooperation in cyber;"));
    ck_assert(rg_directive_imperative("Jointly reexamine all options."));
    ck_assert(rg_directive_imperative("Identify and build on priorities."));
    ck_assert(!rg_directive_imperative("Semiconductors and batteries."));
    ck_assert(!rg_directive_imperative("Support for the alliance remains strong."));
    ck_assert(!rg_directive_imperative("ROK forces train here."));
    ck_assert(!rg_directive_imperative("deepen cooperation"));
}
END_TEST

/* The word comparisons the rules use on every word: a word spells a table
 * entry only when it is the whole entry; a set takes a slice of a sentence
 * in the order (and with the identity) of the whole string. */
START_TEST(words_compared_by_their_length)
{
    const char *text = "Korea, Korean and Kor";
    ck_assert(rg_spells(text, 5, "Korea"));
    ck_assert(!rg_spells(text, 5, "Korean"));
    ck_assert(!rg_spells(text, 4, "Korea"));
    ck_assert(!rg_spells(text, 5, "korea"));
    ck_assert(rg_spells(text, 0, ""));
    ck_assert(!rg_spells(text, 0, "K"));

    rg_strset set;
    rg_strset_init(&set);
    ck_assert_int_eq(rg_strset_addn(&set, text + 7, 6), 0);  /* Korean */
    ck_assert_int_eq(rg_strset_addn(&set, text, 5), 0);      /* Korea */
    ck_assert_int_eq(rg_strset_addn(&set, text + 18, 3), 0); /* Kor */
    ck_assert_int_eq(rg_strset_add(&set, "Korea"), 0);
    ck_assert_int_eq(rg_strset_addn(&set, text + 7, 5), 0); /* Korea again */
    ck_assert_uint_eq(set.len, 3);
    ck_assert_str_eq(set.items[0], "Kor");
    ck_assert_str_eq(set.items[1], "Korea");
    ck_assert_str_eq(set.items[2], "Korean");
    ck_assert(rg_strset_has(&set, "Korean"));
    ck_assert(!rg_strset_has(&set, "Kore"));
    rg_strset_destroy(&set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("grammar");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, shapes_by_head_noun);
    tcase_add_test(tc, possessive_chains_and_plurals);
    tcase_add_test(tc, no_shapes_in_titles_or_bare_heads);
    tcase_add_test(tc, modal_directives);
    tcase_add_test(tc, subject_of_a_directive);
    tcase_add_test(tc, imperatives);
    tcase_add_test(tc, words_compared_by_their_length);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
