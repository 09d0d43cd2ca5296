/* Unit tests of relgraph serve's answers (cli/serve_api.c), called as the
 * daemon calls them, and of the time limit they run under
 * (graph/base/budget.c). */
#include "cli/serve.h"
#include "graph/base/budget.h"
#include "graph/rules/catalog.h"
#include "helpers.h"

#include <string.h>
#include <time.h>

/* DIU leads rec:1 with State as partner; a chain of filler agencies
 * named "Office N", each sharing a recommendation with the next (for the
 * bounds). */
static void serve_sample(rg_serve *s, size_t fillers)
{
    rg_graph *g = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    size_t state, diu, r1;
    rg_graph_add_document(g, "report:r", "r.md", "R", 1, &err);
    rg_graph_node(g, "agency:department-of-state", RG_TYPE_AGENCY, "Department of State", &state);
    rg_strset_add(&g->nodes[state].aliases, "State Department");
    rg_graph_node(g, "agency:defense-innovation-unit", RG_TYPE_AGENCY, "Defense Innovation Unit", &diu);
    rg_strset_add(&g->nodes[diu].aliases, "DIU");
    rg_graph_node(g, "rec:r:1", RG_TYPE_RECOMMENDATION, "DIU should work with State", &r1);
    size_t before = RG_NONE;
    for (size_t i = 0; i < fillers; i++) {
        char id[64], label[64];
        size_t f;
        snprintf(id, sizeof id, "agency:office-%zu", i);
        snprintf(label, sizeof label, "Office %zu", i);
        rg_graph_node(g, id, RG_TYPE_AGENCY, label, &f);
        /* a long chain, each pair of neighbours sharing a recommendation:
         * betweenness on 20,000 takes minutes */
        if (before != RG_NONE) {
            size_t r;
            snprintf(id, sizeof id, "rec:r:chain-%zu", i);
            rg_graph_node(g, id, RG_TYPE_RECOMMENDATION, "A link of the chain", &r);
            rg_graph_link(g, r, before, RG_REL_LEADS, "report:r", 3, "A link.", NULL);
            rg_graph_link(g, r, f, RG_REL_PARTNERS, "report:r", 3, "A link.", NULL);
        }
        before = f;
    }
    for (size_t i = 0; i < g->n_nodes; i++)
        rg_strset_add(&g->nodes[i].docs, "report:r");
    rg_graph_link(g, r1, diu, RG_REL_LEADS, "report:r", 1, "DIU should work with State.", NULL);
    rg_graph_link(g, r1, state, RG_REL_PARTNERS, "report:r", 1, "DIU should work with State.", NULL);
    rg_graph_finish(g);
    *s = (rg_serve){.g = g, .bind = "127.0.0.1", .seconds_max = 5, .answer_max = 1 << 20};
    ck_assert_int_eq(rg_names_new(g, rg_catalog_new(), &s->names, &err), 0);
    s->page = strdup("<!doctype html><title>explorer</title>");
    s->page_len = strlen(s->page);
}

static void serve_free(rg_serve *s)
{
    free(s->page);
    rg_path_index_free(s->path_index[0]);
    rg_path_index_free(s->path_index[1]);
    rg_find_index_free(s->find_index);
    rg_names_free(s->names);
    rg_graph_free(s->g);
}

/* GET path with the parameters "k=v" (or "k" alone) of params, NULL-ended,
 * from Host localhost. */
static void get(rg_serve *s, const char *path, const char *const *params, rg_serve_response *out)
{
    rg_serve_param p[16];
    size_t n = 0, len = strlen(path);
    for (; params && params[n]; n++) {
        const char *eq = strchr(params[n], '=');
        p[n] = (rg_serve_param){params[n], eq ? (size_t)(eq - params[n]) : strlen(params[n]), eq ? eq + 1 : NULL,
                                eq ? strlen(eq + 1) : 0};
        len += strlen(params[n]) + 1;
    }
    rg_serve_request r = {"GET", "localhost:8080", path, len, p, n, n};
    rg_serve_answer(s, &r, out);
}

START_TEST(answers_as_the_cli_does)
{
    rg_serve s;
    serve_sample(&s, 0);
    rg_serve_response out;
    get(&s, "/api/node", (const char *[]){"name=DIU", NULL}, &out);
    ck_assert_uint_eq(out.status, 200);
    ck_assert_str_eq(out.type, "application/json");
    ck_assert_ptr_nonnull(strstr(out.body, "\"label\": \"Defense Innovation Unit\""));
    ck_assert_int_eq(out.body[out.len - 1], '\n');
    rg_serve_response_destroy(&out);
    get(&s, "/api/path", (const char *[]){"from=State Department", "to=DIU", NULL}, &out);
    ck_assert_uint_eq(out.status, 200);
    ck_assert_ptr_nonnull(strstr(out.body, "DIU should work with State."));
    rg_serve_response_destroy(&out);
    get(&s, "/", NULL, &out);
    ck_assert_uint_eq(out.status, 200);
    ck_assert_ptr_eq(out.body, s.page); /* the page, not a copy */
    ck_assert_ptr_null(out.owned);
    rg_serve_response_destroy(&out);
    serve_free(&s);
}
END_TEST

START_TEST(refuses_what_it_must)
{
    rg_serve s;
    serve_sample(&s, 0);
    rg_serve_response out;
    rg_serve_param one = {"name", 4, "DIU", 3};
    struct {
        rg_serve_request r;
        unsigned status;
        const char *says;
    } cases[] = {
        {{"POST", "localhost", "/api/node", 14, &one, 1, 1}, 405, "only GET and HEAD"},
        {{"GET", "evil.example:80", "/api/node", 14, &one, 1, 1}, 403, "localhost only"},
        {{"GET", NULL, "/api/node", 14, &one, 1, 1}, 403, "localhost only"},
        {{"GET", "[::1]x", "/api/node", 14, &one, 1, 1}, 403, "localhost only"},
        {{"GET", "localhost", "/api/node", RG_SERVE_URL_MAX + 1, &one, 1, 1}, 414, "too long"},
        {{"GET", "localhost", "/api/node", 14, &one, 1, 10000}, 400, "too many parameters"},
        {{"GET", "localhost", "/../etc/passwd", 14, NULL, 0, 0}, 404, "no such page"},
        {{"GET", "localhost", "/api/node", 14, NULL, 0, 0}, 400, "parameter 'name' is missing"},
        {{"GET", "127.0.0.1:1", "/api/node", 14, &(rg_serve_param){"name", 4, "D\xff", 2}, 1, 1}, 400,
         "is not UTF-8"},
        {{"GET", "[::1]:8080", "/api/node", 14, &(rg_serve_param){"name", 4, "D\0U", 3}, 1, 1}, 400, "NUL byte"},
        {{"GET", "localhost", "/api/node", 14, &(rg_serve_param){"nmae", 4, "DIU", 3}, 1, 1}, 400,
         "takes no parameter 'nmae'"},
        {{"GET", "localhost", "/api/node", 14, &(rg_serve_param){"name", 4, "Atlantis", 8}, 1, 1}, 404,
         "no node named"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rg_serve_answer(&s, &cases[i].r, &out);
        ck_assert_msg(out.status == cases[i].status, "case %zu: %u", i, out.status);
        ck_assert_msg(strstr(out.body, "\"error\"") && strstr(out.body, cases[i].says), "case %zu: %s", i, out.body);
        rg_serve_response_destroy(&out);
    }
    serve_free(&s);
}
END_TEST

START_TEST(find_gives_the_first_and_says_how_many)
{
    rg_serve s;
    serve_sample(&s, 300);
    rg_serve_response out;
    get(&s, "/api/find", (const char *[]){"q=office", NULL}, &out);
    ck_assert_uint_eq(out.status, 200);
    ck_assert_str_eq(out.note, "300 nodes match: the first 100 are given (limit=N for more)");
    rg_serve_response_destroy(&out);
    get(&s, "/api/find", (const char *[]){"q=office", "limit=2", NULL}, &out);
    ck_assert_ptr_nonnull(strstr(out.body, "agency:office-0"));
    ck_assert_ptr_nonnull(strstr(out.body, "agency:office-1\""));
    ck_assert_ptr_null(strstr(out.body, "agency:office-2"));
    rg_serve_response_destroy(&out);
    get(&s, "/api/find", (const char *[]){"q=DIU", NULL}, &out);
    ck_assert_str_eq(out.note, ""); /* all given: nothing to say */
    rg_serve_response_destroy(&out);
    get(&s, "/api/find", (const char *[]){"q=office", "limit=10001", NULL}, &out);
    ck_assert_uint_eq(out.status, 400);
    rg_serve_response_destroy(&out);
    serve_free(&s);
}
END_TEST

START_TEST(an_answer_stays_within_its_bounds)
{
    rg_serve s;
    serve_sample(&s, 20000);
    rg_serve_response out;
    s.answer_max = 200;
    get(&s, "/api/node", (const char *[]){"name=DIU", NULL}, &out);
    ck_assert_uint_eq(out.status, 422);
    ck_assert_ptr_nonnull(strstr(out.body, "--answer-limit"));
    rg_serve_response_destroy(&out);
    get(&s, "/api/ego", (const char *[]){"name=DIU", NULL}, &out);
    ck_assert_uint_eq(out.status, 422);
    rg_serve_response_destroy(&out);
    /* a nanosecond: spent by the search's first look at the clock */
    s.answer_max = 1 << 20;
    s.seconds_max = 1e-9;
    get(&s, "/api/find", (const char *[]){"q=zzz", NULL}, &out);
    ck_assert_uint_eq(out.status, 422);
    ck_assert_ptr_nonnull(strstr(out.body, "--time-limit"));
    rg_serve_response_destroy(&out);
    /* igraph's analyses, stopped by its interruption handler */
    const char *analyses[][3] = {
        {"/api/rank", "by=betweenness", "view=full"}, {"/api/rank", "by=pagerank", "view=full"},
        {"/api/rank", "by=closeness", "view=full"},   {"/api/rank", "by=harmonic", "view=entities"},
        {"/api/rank", "by=eigenvector", "view=full"}, {"/api/rank", "by=hub", "view=full"},
        {"/api/rank", "by=coreness", "view=full"},    {"/api/communities", "method=leiden", "view=full"},
        {"/api/communities", "method=louvain", "view=full"},
    };
    for (size_t i = 0; i < sizeof analyses / sizeof *analyses; i++) {
        get(&s, analyses[i][0], (const char *[]){analyses[i][1], analyses[i][2], NULL}, &out);
        ck_assert_msg(out.status == 422, "%s?%s: %u", analyses[i][0], analyses[i][1],
                      out.status);
        rg_serve_response_destroy(&out);
    }
    get(&s, "/api/rank", (const char *[]){"by=betweenness", NULL}, &out);
    ck_assert_uint_eq(out.status, 422);
    rg_serve_response_destroy(&out);
    /* the next answer has its own time */
    s.seconds_max = 5;
    get(&s, "/api/find", (const char *[]){"q=zzz", NULL}, &out);
    ck_assert_uint_eq(out.status, 200);
    rg_serve_response_destroy(&out);
    serve_free(&s);
}
END_TEST

START_TEST(budget_runs_out_and_restarts)
{
    rg_budget_start(0);
    for (int i = 0; i < 1000; i++)
        ck_assert(!rg_budget_spent());
    rg_budget_start(1e-9);
    nanosleep(&(struct timespec){0, 1000000}, NULL);
    ck_assert(rg_budget_spent());
    ck_assert(rg_budget_spent()); /* stays spent */
    ck_assert(rg_budget_exhausted());
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_budget_fail(&err), -1);
    ck_assert_str_eq(err.msg, "stopped: the query ran past its time limit");
    rg_budget_start(60);
    ck_assert(!rg_budget_exhausted());
    ck_assert(!rg_budget_spent());
}
END_TEST

int main(void)
{
    Suite *s = suite_create("serve");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, answers_as_the_cli_does);
    tcase_add_test(tc, refuses_what_it_must);
    tcase_add_test(tc, find_gives_the_first_and_says_how_many);
    tcase_add_test(tc, an_answer_stays_within_its_bounds);
    tcase_add_test(tc, budget_runs_out_and_restarts);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
