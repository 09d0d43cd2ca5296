/* The reading rules, one sentence at a time: the cases of
 * tests/rules/rules.test (its format is described at its top), read with
 * the catalog of data/catalog, one check test per case; and unit tests of
 * the reader's API (graph/rules/reader.h, context.h, reading.h).
 *
 * Run from the top of the source tree (as make check does).
 *   test_rules --print   prints what is read from every case, in the
 *                        file's own format, to write new cases from.
 */
#include "graph/read/doc.h"
#include "graph/rules/catalog.h"
#include "graph/rules/context.h"
#include "graph/rules/reader.h"
#include "graph/rules/reading.h"
#include "graph/base/text.h"
#include "helpers.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define RULES_FILE "tests/rules/rules.test"
#define CATALOG_DIR "data/catalog"

/* What a case may say about the sentence it reads, in the order --print
 * writes them; "pair" is no expectation but sets the document's two
 * countries, and "title" its title (a joint statement's speaks for its
 * parties). */
static const char *const keys[] = {"mentions", "rec",        "modality", "subject", "leads",  "partners",
                                   "targets",  "concerns",   "elaborates", "lead-in", "leaders", "parties"};
enum { N_KEYS = sizeof keys / sizeof *keys, MAX_LINES = 32 };

typedef struct rule_case {
    int line; /* of the case's first line in the file */
    char *doc; /* the document: its own lines under a heading */
    char *pair[2];
    char *title;
    int n_expect;
    int expect_key[MAX_LINES];
    int expect_line[MAX_LINES];
    char *expect[MAX_LINES];
} rule_case;

static rule_case *cases;
static size_t n_cases;
static rg_catalog *catalog;
static rg_reader *reader;

static int key_of(const char *line, size_t *value_at)
{
    for (int k = 0; k < N_KEYS; k++) {
        size_t n = strlen(keys[k]);
        if (strncmp(line, keys[k], n) == 0 && line[n] == ':') {
            *value_at = n + 1 + (line[n + 1] == ' ');
            return k;
        }
    }
    if (strncmp(line, "pair:", 5) == 0) {
        *value_at = 5 + (line[5] == ' ');
        return N_KEYS;
    }
    if (strncmp(line, "title:", 6) == 0) {
        *value_at = 6 + (line[6] == ' ');
        return N_KEYS + 1;
    }
    return -1;
}

/* ---- the file ---- */

static void add_line(rule_case *c, rg_buf *doc, const char *line, int number)
{
    size_t at;
    int k = key_of(line, &at);
    if (k == N_KEYS) {
        char a[100], b[100];
        if (sscanf(line + at, "%99s %99s", a, b) == 2) {
            c->pair[0] = rg_strdup(a);
            c->pair[1] = rg_strdup(b);
        }
    } else if (k == N_KEYS + 1) {
        free(c->title);
        c->title = rg_strdup(line + at);
    } else if (k >= 0 && c->n_expect < MAX_LINES) {
        c->expect_key[c->n_expect] = k;
        c->expect_line[c->n_expect] = number;
        c->expect[c->n_expect++] = rg_strdup(line + at);
    } else if (k < 0) {
        rg_buf_adds(doc, strcmp(line, "~") == 0 ? "" : line);
        rg_buf_addc(doc, '\n');
    }
}

/* Read the cases of path: blocks of lines between blank lines; lines
 * that open with '#' are comments. Returns the number of cases, or -1. */
static long load_cases(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[4096];
    int number = 0;
    rule_case *c = NULL;
    rg_buf doc;
    rg_buf_init(&doc);
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        number++;
        if (got)
            line[strcspn(line, "\n")] = '\0';
        if (!got || line[0] == '\0') {
            if (c) {
                c->doc = rg_buf_steal(&doc);
                if (c->title && c->doc) {
                    /* the title in place of the heading every case opens with */
                    rg_buf titled;
                    rg_buf_init(&titled);
                    rg_buf_adds(&titled, "# ");
                    rg_buf_adds(&titled, c->title);
                    rg_buf_adds(&titled, c->doc + strlen("# Rule case"));
                    free(c->doc);
                    c->doc = rg_buf_steal(&titled);
                }
                c = NULL;
                rg_buf_init(&doc);
            }
            if (!got)
                break;
            continue;
        }
        if (line[0] == '#')
            continue;
        if (!c) {
            rule_case *p = realloc(cases, (n_cases + 1) * sizeof *p);
            if (!p)
                break;
            cases = p;
            c = &cases[n_cases++];
            *c = (rule_case){.line = number};
            rg_buf_adds(&doc, "# Rule case\n\n");
        }
        add_line(c, &doc, line, number);
    }
    rg_buf_destroy(&doc);
    fclose(f);
    return (long)n_cases;
}

/* ---- what is read ---- */

static void add_ids(rg_buf *b, const rg_reading *r, rg_role role)
{
    size_t before = b->len;
    for (size_t i = 0; i < r->n_mentions; i++) {
        if (r->roles[i] != role)
            continue;
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            seen |= r->roles[k] == role && r->mentions[k].entity == r->mentions[i].entity;
        if (seen)
            continue;
        if (b->len > before)
            rg_buf_adds(b, ", ");
        rg_buf_adds(b, r->mentions[i].entity->id);
    }
    if (b->len == before)
        rg_buf_adds(b, "-");
}

static void add_mentions(rg_buf *b, const char *text, const rg_mention *ms, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const rg_mention *m = &ms[i];
        if (i)
            rg_buf_adds(b, "; ");
        rg_buf_add(b, text + m->start, m->len);
        rg_buf_adds(b, " = ");
        rg_buf_adds(b, m->entity->id);
        if (m->qualifier)
            rg_buf_adds(b, " (qualifier)");
        if (m->echo)
            rg_buf_adds(b, " (echo)");
        if (m->inferred)
            rg_buf_adds(b, " (inferred)");
        if (m->inner)
            rg_buf_adds(b, " (inner)");
        if (m->owner) {
            rg_buf_adds(b, " (of ");
            rg_buf_adds(b, m->owner->id);
            rg_buf_addc(b, ')');
        }
    }
    if (!n)
        rg_buf_adds(b, "-");
}

/* The value of key k for reading r of doc, in the file's notation. Caller frees. */
static char *render(int k, const rg_doc *doc, const rg_reading *r)
{
    const char *text = doc->sentences[r->sentence].text;
    rg_buf b;
    rg_buf_init(&b);
    if (strcmp(keys[k], "mentions") == 0) {
        add_mentions(&b, text, r->mentions, r->n_mentions);
    } else if (strcmp(keys[k], "rec") == 0) {
        rg_buf_adds(&b, rg_form_name(r->form));
        if (r->modal != RG_NONE) {
            rg_buf_addc(&b, ' ');
            rg_buf_add(&b, text + r->modal, strcspn(text + r->modal, " ,.;:"));
        }
    } else if (strcmp(keys[k], "modality") == 0) {
        const char *name = rg_modality_name(r->modality);
        rg_buf_adds(&b, name ? name : "-");
    } else if (strcmp(keys[k], "parties") == 0) {
        for (size_t i = 0; i < r->n_parties; i++) {
            if (i)
                rg_buf_adds(&b, ", ");
            rg_buf_adds(&b, r->parties[i]->id);
        }
        if (!r->n_parties)
            rg_buf_adds(&b, "-");
    } else if (strcmp(keys[k], "subject") == 0) {
        if (r->modal == RG_NONE)
            rg_buf_adds(&b, "-");
        else {
            size_t from = r->subject, to = r->modal;
            while (from < to && text[from] == ' ')
                from++;
            while (to > from && text[to - 1] == ' ')
                to--;
            rg_buf_add(&b, text + from, to - from);
        }
    } else if (strcmp(keys[k], "leads") == 0 || strcmp(keys[k], "partners") == 0 ||
               strcmp(keys[k], "targets") == 0 || strcmp(keys[k], "concerns") == 0) {
        add_ids(&b, r,
                keys[k][0] == 'l'   ? RG_ROLE_LEADS
                : keys[k][0] == 'p' ? RG_ROLE_PARTNERS
                : keys[k][0] == 't' ? RG_ROLE_TARGETS
                                    : RG_ROLE_CONCERNS);
    } else if (strcmp(keys[k], "elaborates") == 0) {
        if (r->elaborates == RG_NONE)
            rg_buf_adds(&b, "-");
        else
            rg_buf_adds(&b, doc->sentences[r->elaborates].text);
    } else if (strcmp(keys[k], "lead-in") == 0) {
        rg_buf_adds(&b, r->lead_in < 0 ? "-" : doc->blocks[r->lead_in].text);
    } else {
        const char *lead = r->lead_in < 0 ? "" : doc->blocks[r->lead_in].text;
        size_t before = b.len;
        for (size_t i = 0; i < r->n_leaders; i++) {
            if (b.len > before)
                rg_buf_adds(&b, ", ");
            rg_buf_add(&b, lead + r->leaders[i].start, r->leaders[i].len);
            rg_buf_adds(&b, " = ");
            rg_buf_adds(&b, r->leaders[i].entity->id);
        }
        if (b.len == before)
            rg_buf_adds(&b, "-");
    }
    return rg_buf_steal(&b);
}

/* Read c's document and call fn with the reading of its last body
 * sentence. Returns NULL, or why the case cannot be read. */
typedef void (*reading_fn)(const rule_case *c, const rg_doc *doc, const rg_reading *r, void *ctx);

static const char *read_case(const rule_case *c, reading_fn fn, void *ctx)
{
    rg_error err;
    rg_error_clear(&err);
    rg_doc *doc = NULL;
    if (rg_doc_parse("case.md", c->doc, strlen(c->doc), &doc, &err) < 0)
        return "the document does not parse";
    rg_context *cx = rg_context_new(reader, doc, &err);
    if (!cx) {
        rg_doc_free(doc);
        return "out of memory";
    }
    if (c->pair[0]) {
        const rg_entry *a = rg_catalog_find_id(catalog, c->pair[0]);
        const rg_entry *b = rg_catalog_find_id(catalog, c->pair[1]);
        rg_context_set_pair(cx, a, b);
    }
    const char *why = "the document has no sentence";
    rg_reading last = {0};
    for (size_t i = 0; i < doc->n_sentences; i++) {
        if (doc->blocks[doc->sentences[i].block].zone != RG_ZONE_BODY)
            continue;
        if (rg_context_read(cx, i, &last) < 0) {
            why = "out of memory";
            break;
        }
        why = NULL;
    }
    if (!why)
        fn(c, doc, &last, ctx);
    rg_context_free(cx);
    rg_doc_free(doc);
    return why;
}

/* The first expectation of c that the reading does not meet, as
 * "FILE:LINE: key: expected 'X', read 'Y'", in msg; or "" when all are met. */
typedef struct verdict {
    char msg[2048];
} verdict;

static void compare(const rule_case *c, const rg_doc *doc, const rg_reading *r, void *ctx)
{
    verdict *v = ctx;
    for (int e = 0; e < c->n_expect && !v->msg[0]; e++) {
        char *got = render(c->expect_key[e], doc, r);
        if (got && strcmp(got, c->expect[e]) != 0)
            snprintf(v->msg, sizeof v->msg, "%s:%d: %s: expected '%s', read '%s'", RULES_FILE, c->expect_line[e],
                     keys[c->expect_key[e]], c->expect[e], got);
        free(got);
    }
}

static void check_case(const rule_case *c, verdict *v)
{
    v->msg[0] = '\0';
    const char *why = read_case(c, compare, v);
    if (why)
        snprintf(v->msg, sizeof v->msg, "%s:%d: %s", RULES_FILE, c->line, why);
    else if (!c->n_expect)
        snprintf(v->msg, sizeof v->msg, "%s:%d: the case expects nothing", RULES_FILE, c->line);
}

START_TEST(rule_case_reads_as_expected)
{
    ck_assert_msg(reader != NULL, "cannot load the catalog of %s", CATALOG_DIR);
    ck_assert_msg(n_cases > 0, "no cases in %s", RULES_FILE);
    verdict v;
    check_case(&cases[_i], &v);
    ck_assert_msg(v.msg[0] == '\0', "%s", v.msg);
}
END_TEST

START_TEST(a_wrong_expectation_fails_naming_its_line)
{
    ck_assert_ptr_nonnull(reader);
    char doc[] = "# Rule case\n\nThe State Department should work with Japan.\n";
    char wrong[] = "actor:japan";
    rule_case c = {.line = 7, .doc = doc, .n_expect = 1, .expect_key = {4}, .expect_line = {9}, .expect = {wrong}};
    ck_assert_str_eq(keys[4], "leads");
    verdict v;
    check_case(&c, &v);
    ck_assert_str_eq(v.msg, RULES_FILE ":9: leads: expected 'actor:japan', read 'agency:department-of-state'");
    c.n_expect = 0;
    check_case(&c, &v);
    ck_assert_str_eq(v.msg, RULES_FILE ":7: the case expects nothing");
}
END_TEST

/* ---- the reader's API ---- */

START_TEST(reader_looks_up_qualifiers_and_countries)
{
    ck_assert_ptr_nonnull(reader);
    ck_assert_ptr_eq(rg_reader_catalog(reader), catalog);
    size_t len = 0;
    const rg_entry *e = rg_reader_qualifier(reader, "ROK Ministry of Unification", &len);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->country, "KR");
    ck_assert_uint_eq(len, 3);
    e = rg_reader_qualifier(reader, "South Korean Ministry of Health", &len);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->country, "KR");
    ck_assert_uint_eq(len, strlen("South Korean"));
    ck_assert_ptr_null(rg_reader_qualifier(reader, "Ministry of Unification", &len));
    ck_assert_ptr_null(rg_reader_qualifier(reader, "ROK", &len)); /* nothing to qualify */
    e = rg_reader_country(reader, "US");
    ck_assert_ptr_nonnull(e);
    ck_assert(rg_entry_is_country(e));
    ck_assert_ptr_null(rg_reader_country(reader, "XX"));
    ck_assert_ptr_null(rg_reader_country(reader, NULL));
    rg_reader_free(NULL);
    rg_context_free(NULL);
}
END_TEST

START_TEST(context_reads_sentences_in_order)
{
    ck_assert_ptr_nonnull(reader);
    const char *text = "# R\n\nThe State Department should hire Korean engineers. For example, it could work with "
                       "Japan.\n\n## About the Authors\n\nThe State Department should hire her.\n";
    rg_doc *doc = NULL;
    ck_assert_int_eq(rg_doc_parse("r.md", text, strlen(text), &doc, NULL), 0);
    rg_context *cx = rg_context_new(reader, doc, NULL);
    ck_assert_ptr_nonnull(cx);
    ck_assert_ptr_null(rg_context_pair(cx, 0)); /* no report about two countries */
    rg_reading r;
    size_t first = 0;
    for (; strncmp(doc->sentences[first].text, "The State", 9) != 0; first++) {
        int rc = rg_context_read(cx, first, &r); /* the heading */
        ck_assert_int_eq(rc, 0);
    }
    ck_assert_int_eq(rg_context_read(cx, first, &r), 0);
    ck_assert_int_eq(r.form, RG_FORM_MODAL);
    ck_assert_uint_eq(r.n_mentions, 1);
    ck_assert_int_eq(r.roles[0], RG_ROLE_LEADS);
    ck_assert_str_eq(r.mentions[0].entity->id, "agency:department-of-state");
    ck_assert_int_eq(rg_context_read(cx, first + 1, &r), 0);
    ck_assert_int_eq(r.form, RG_FORM_NONE);
    ck_assert_uint_eq(r.elaborates, first);
    ck_assert_int_eq(r.lead_in, -1);
    /* the notes after "About the Authors" read as nothing */
    ck_assert_int_eq(rg_context_read(cx, doc->n_sentences - 1, &r), 0);
    ck_assert_uint_eq(r.n_mentions, 0);
    ck_assert_int_eq(r.form, RG_FORM_NONE);
    const rg_entry *us = rg_reader_country(reader, "US"), *kr = rg_reader_country(reader, "KR");
    rg_context_set_pair(cx, us, kr);
    ck_assert_ptr_eq(rg_context_pair(cx, 1), kr);
    ck_assert_ptr_null(rg_context_pair(cx, 2));
    rg_context_free(cx);
    rg_doc_free(doc);
    ck_assert_str_eq(rg_role_name(RG_ROLE_CONCERNS), "concerns");
    ck_assert_str_eq(rg_form_name(RG_FORM_EMPHASIZED), "emphasized");
}
END_TEST

/* ---- --print ---- */

static void print_reading(const rule_case *c, const rg_doc *doc, const rg_reading *r, void *ctx)
{
    (void)ctx;
    /* the document's lines as the file writes them, "~" for a blank one */
    for (const char *p = c->doc + strcspn(c->doc, "\n") + 2; *p; p += strcspn(p, "\n") + 1)
        printf("%.*s\n", *p == '\n' ? 1 : (int)strcspn(p, "\n"), *p == '\n' ? "~" : p);
    if (c->pair[0])
        printf("pair: %s %s\n", c->pair[0], c->pair[1]);
    if (c->title)
        printf("title: %s\n", c->title);
    for (int k = 0; k < N_KEYS; k++) {
        char *v = render(k, doc, r);
        printf("%s: %s\n", keys[k], v ? v : "?");
        free(v);
    }
    printf("\n");
}

static void free_cases(void)
{
    for (size_t i = 0; i < n_cases; i++) {
        free(cases[i].doc);
        free(cases[i].pair[0]);
        free(cases[i].pair[1]);
        free(cases[i].title);
        for (int e = 0; e < cases[i].n_expect; e++)
            free(cases[i].expect[e]);
    }
    free(cases);
}

int main(int argc, char **argv)
{
    catalog = rg_catalog_new();
    if (catalog && rg_catalog_load_dir(catalog, CATALOG_DIR, NULL) == 0)
        reader = rg_reader_new(catalog, NULL);
    long n = load_cases(RULES_FILE);
    if (argc > 1 && strcmp(argv[1], "--print") == 0) {
        for (size_t i = 0; reader && i < n_cases; i++)
            if (read_case(&cases[i], print_reading, NULL))
                printf("# %s:%d: cannot be read\n\n", RULES_FILE, cases[i].line);
    } else {
        Suite *s = suite_create("rules");
        TCase *tc = tcase_create("core");
        tcase_add_loop_test(tc, rule_case_reads_as_expected, 0, n > 0 ? (int)n : 1);
        tcase_add_test(tc, a_wrong_expectation_fails_naming_its_line);
        tcase_add_test(tc, reader_looks_up_qualifiers_and_countries);
        tcase_add_test(tc, context_reads_sentences_in_order);
        suite_add_tcase(s, tc);
        int rc = run_suite(s);
        free_cases();
        rg_reader_free(reader);
        rg_catalog_free(catalog);
        return rc;
    }
    free_cases();
    rg_reader_free(reader);
    rg_catalog_free(catalog);
    return 0;
}
