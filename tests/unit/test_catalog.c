/* Unit tests of the catalog reader (graph/rules/catalog.c) and the name matcher
 * (graph/rules/match.c). */
#include "graph/rules/catalog.h"
#include "graph/rules/match.h"

#include "helpers.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static int load(rg_catalog *cat, const char *text, rg_error *err)
{
    rg_error_clear(err);
    return rg_catalog_load_text(cat, "cat.json", text, strlen(text), err);
}

START_TEST(entries_ids_and_aliases)
{
    rg_catalog *cat = rg_catalog_new();
    rg_error err;
    ck_assert_int_eq(load(cat,
                          "{\"entities\": [\n"
                          " {\"name\": \"Department of State\", \"type\": \"agency\", \"country\": \"US\",\n"
                          "  \"aliases\": [\"State Department\"]},\n"
                          " {\"id\": \"agency:kr-mofa\", \"name\": \"Ministry of Foreign Affairs\", \"type\": \"agency\",\n"
                          "  \"kind\": \"agency\", \"country\": \"KR\", \"parent\": null}\n]}",
                          &err),
                     0);
    /* the bare-array form of ../bench's catalog.json, and a repeated id */
    ck_assert_int_eq(load(cat, "[{\"name\": \"Department of State\", \"type\": \"agency\", \"aliases\": [\"DOS\"]}]", &err),
                     0);
    ck_assert_uint_eq(cat->len, 2);
    const rg_entry *e = rg_catalog_find_id(cat, "agency:department-of-state");
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->kind, "agency");
    ck_assert_str_eq(e->country, "US");
    ck_assert_uint_eq(e->n_aliases, 2);
    ck_assert_str_eq(e->aliases[1], "DOS");
    ck_assert_ptr_nonnull(rg_catalog_find_id(cat, "agency:kr-mofa"));
    ck_assert_ptr_eq(rg_catalog_find_name(cat, "Ministry of Foreign Affairs"), rg_catalog_find_id(cat, "agency:kr-mofa"));
    rg_catalog_free(cat);
}
END_TEST

START_TEST(syntax_and_schema_errors_name_line_and_column)
{
    rg_catalog *cat = rg_catalog_new();
    rg_error err;
    ck_assert_int_eq(load(cat, "{\"entities\": [\n {\"name\": \"X\",, }\n]}", &err), -1);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_gt(err.column, 0);
    ck_assert_str_eq(err.file, "cat.json");
    ck_assert_ptr_nonnull(strstr(err.msg, "invalid JSON"));

    ck_assert_int_eq(load(cat, "{\"entities\": [\n {\"name\": \"A\", \"type\": \"agency\"},\n {\"name\": \"Bad\", \"type\": \"thing\"}\n]}",
                          &err),
                     -1);
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 11);
    ck_assert_ptr_nonnull(strstr(err.msg, "entry 2 (\"Bad\")"));
    ck_assert_ptr_nonnull(strstr(err.msg, "'type'"));

    ck_assert_int_eq(load(cat, "[{\"name\": \"C\", \"type\": \"actor\", \"country\": \"usa\"}]", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "ISO 3166-1"));
    ck_assert_int_eq(load(cat, "[{\"name\": \"C\", \"type\": \"actor\", \"aliases\": [1]}]", &err), -1);
    ck_assert_int_eq(load(cat, "{\"things\": []}", &err), -1);
    ck_assert_int_eq(load(cat, "[{\"type\": \"actor\"}]", &err), -1);
    ck_assert_uint_eq(cat->len, 1); /* only "A" got in */
    rg_catalog_free(cat);
}
END_TEST

START_TEST(do_not_merge_pairs)
{
    rg_catalog *cat = rg_catalog_new();
    rg_error err;
    ck_assert_int_eq(load(cat,
                          "{\"entities\": [{\"name\": \"National Security Office\", \"type\": \"agency\"}],\n"
                          " \"do_not_merge\": [[\"National Security Council\", \"National Security Office\"]]}",
                          &err),
                     0);
    ck_assert(rg_catalog_distinct(cat, "the national security council", "National Security Office"));
    ck_assert(rg_catalog_distinct(cat, "National Security Office", "National Security Council"));
    ck_assert(!rg_catalog_distinct(cat, "National Security Council", "National Security Agency"));
    ck_assert_int_eq(load(cat, "{\"do_not_merge\": [[\"Lone name\"]]}", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "a pair is two names"));
    rg_catalog_free(cat);
}
END_TEST

typedef struct found {
    size_t value[8];
    int n;
} found;

static int record(const rg_match *m, void *ctx)
{
    found *f = ctx;
    if (f->n < 8) {
        f->value[f->n] = m->values[0];
        f->n++;
    }
    return 0;
}

static found scan(const rg_matcher *m, const char *text)
{
    found f = {.n = 0};
    rg_matcher_scan(m, text, strlen(text), record, &f);
    return f;
}

START_TEST(matcher_leftmost_longest_on_word_boundaries)
{
    rg_matcher *m = rg_matcher_new();
    ck_assert_int_eq(rg_matcher_add(m, "Korea", 1), 0);
    ck_assert_int_eq(rg_matcher_add(m, "North Korea", 2), 0);
    ck_assert_int_eq(rg_matcher_add(m, "U.S.", 3), 0);
    ck_assert_int_eq(rg_matcher_add(m, "ROK", 4), 0);
    ck_assert_int_eq(rg_matcher_add(m, "Defense Innovation Unit", 5), 0);

    found f = scan(m, "North Korea and Korean firms; U.S.-ROK ties. ROKS no; rok no.");
    ck_assert_int_eq(f.n, 3);
    ck_assert_uint_eq(f.value[0], 2);
    ck_assert_uint_eq(f.value[1], 3);
    ck_assert_uint_eq(f.value[2], 4);

    f = scan(m, "the Defense innovation unit's work; Korea's role");
    ck_assert_int_eq(f.n, 2);
    ck_assert_uint_eq(f.value[0], 5); /* phrases ignore case */
    ck_assert_uint_eq(f.value[1], 1);

    /* but for a capital that opens them: a lowercase phrase is a description */
    f = scan(m, "a defense innovation unit of its own");
    ck_assert_int_eq(f.n, 0);

    /* a pattern's curly quotes are read straight, as the readers write text */
    ck_assert_int_eq(rg_matcher_add(m, "People\xe2\x80\x99s Liberation Army", 6), 0);
    f = scan(m, "the People's Liberation Army");
    ck_assert_int_eq(f.n, 1);
    ck_assert_uint_eq(f.value[0], 6);
    rg_matcher_free(m);
}
END_TEST

/* The first-word filter passes over words no pattern begins with; it must
 * let through every word that does, whatever its case, and the patterns
 * that begin with a non-word byte or a digit. */
START_TEST(matcher_first_word_filter_misses_nothing)
{
    rg_matcher *m = rg_matcher_new();
    char name[32];
    /* enough patterns to fill a good share of the filter */
    for (int i = 0; i < 20000; i++) {
        snprintf(name, sizeof name, "Agency%d Office", i);
        ck_assert_int_eq(rg_matcher_add(m, name, (size_t)i + 100), 0);
    }
    ck_assert_int_eq(rg_matcher_add(m, "(ROK)", 1), 0);
    ck_assert_int_eq(rg_matcher_add(m, "3M", 2), 0);
    ck_assert_int_eq(rg_matcher_add(m, "Korea", 3), 0);

    found f = scan(m, "Words, words: AGENCY17 office met (ROK) and 3M in Korea; AgEnCy19999 Office too.");
    ck_assert_int_eq(f.n, 5);
    ck_assert_uint_eq(f.value[0], 117);
    ck_assert_uint_eq(f.value[1], 1);
    ck_assert_uint_eq(f.value[2], 2);
    ck_assert_uint_eq(f.value[3], 3);
    ck_assert_uint_eq(f.value[4], 20099);

    /* inside a word nothing begins, filtered or not */
    f = scan(m, "Agency17Office xKorea Koreas 3Ms");
    ck_assert_int_eq(f.n, 0);
    rg_matcher_free(m);
}
END_TEST

/* The bytes a match opens with: a lower-case phrase matches a capitalized
 * text ("The allies"), a lower-case word only itself, a capitalized
 * pattern no lower-case text. */
START_TEST(matcher_opening_case)
{
    rg_matcher *m = rg_matcher_new();
    ck_assert_int_eq(rg_matcher_add(m, "the allies", 1), 0);
    ck_assert_int_eq(rg_matcher_add(m, "mRNA", 2), 0);
    ck_assert_int_eq(rg_matcher_add(m, "Quad", 3), 0);

    found f = scan(m, "The allies and the allies; mRNA, MRNA; the Quad, quad.");
    ck_assert_int_eq(f.n, 4);
    ck_assert_uint_eq(f.value[0], 1);
    ck_assert_uint_eq(f.value[1], 1);
    ck_assert_uint_eq(f.value[2], 2);
    ck_assert_uint_eq(f.value[3], 3);
    rg_matcher_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("catalog");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, entries_ids_and_aliases);
    tcase_add_test(tc, syntax_and_schema_errors_name_line_and_column);
    tcase_add_test(tc, matcher_leftmost_longest_on_word_boundaries);
    tcase_add_test(tc, matcher_first_word_filter_misses_nothing);
    tcase_add_test(tc, matcher_opening_case);
    tcase_add_test(tc, do_not_merge_pairs);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
