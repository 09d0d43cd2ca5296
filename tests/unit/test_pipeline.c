/* Unit tests of the build pipeline (graph/pipeline): gathering the inputs,
 * building with any number of worker processes, map-reduce through part
 * files, the phase callback, errors, and loading a graph file. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "export/json_file.h"
#include "graph/pipeline/pipeline.h"
#include "helpers.h"

#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The tcase's temporary directory: made and removed outside the forked
 * tests (an unchecked fixture), so that it goes even when a test fails. */
static char tmp[64];

static void make_tmp(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/rg-pipeline-XXXXXX");
    if (!mkdtemp(tmp))
        abort();
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void remove_tmp(void)
{
    nftw(tmp, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* tmp/name; caller frees. */
static char *tmp_name(const char *name)
{
    char *path = malloc(strlen(tmp) + strlen(name) + 2);
    ck_assert_ptr_nonnull(path);
    sprintf(path, "%s/%s", tmp, name);
    return path;
}

/* tmp/name made a directory (data NULL) or a file of len bytes of data */
static char *tmp_make(const char *name, const char *data, size_t len)
{
    char *path = tmp_name(name);
    if (!data) {
        ck_assert_int_eq(mkdir(path, 0700), 0);
        return path;
    }
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

static char *const reports[] = {"tests/cli/fixtures/alliance.md", "tests/cli/fixtures/second.txt",
                                "tests/cli/fixtures/page.html"};
#define N_REPORTS (sizeof reports / sizeof *reports)

static rg_pipeline *pipeline(long jobs, rg_pipeline_phase_fn *fn, void *ctx)
{
    rg_pipeline_options o = {"data/catalog", NULL, 0, jobs, fn, ctx, NULL, NULL};
    rg_pipeline *p = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_msg(rg_pipeline_new(&o, &p, &err) == 0, "%s", err.msg);
    ck_assert_ptr_nonnull(p);
    return p;
}

static rg_inputs inputs(char *const *args, size_t n)
{
    rg_inputs in;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_msg(rg_pipeline_inputs(args, n, NULL, NULL, &in, &err) == 0, "%s", err.msg);
    return in;
}

/* The graph built from args by p; it must build. */
static rg_graph *build(const rg_pipeline *p, char *const *args, size_t n)
{
    rg_inputs in = inputs(args, n);
    rg_graph *g = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_msg(rg_pipeline_build(p, &in, &g, &err) == 0, "%s", err.msg);
    ck_assert(rg_graph_finished(g));
    rg_pipeline_inputs_free(&in);
    return g;
}

/* The graph file text of the graph built from args with jobs workers. */
static char *build_text(long jobs, char *const *args, size_t n)
{
    rg_pipeline *p = pipeline(jobs, NULL, NULL);
    rg_graph *g = build(p, args, n);
    char *text = graph_text(g);
    rg_graph_free(g);
    rg_pipeline_free(p);
    return text;
}

START_TEST(inputs_in_name_order)
{
    char *dir = tmp_make("in", NULL, 0);
    const char *files[] = {"in/b.md", "in/a.txt", "in/c.html", "in/README.md", "in/notes.docx"};
    for (size_t i = 0; i < 5; i++)
        free(tmp_make(files[i], "x\n", 2));
    free(tmp_make("in/d.md", NULL, 0)); /* a directory, whatever its name */
    rg_error err;
    rg_error_clear(&err);
    /* a directory given, and none given: the default corpus */
    rg_inputs in = inputs(&dir, 1), def;
    ck_assert_int_eq(rg_pipeline_inputs(NULL, 0, dir, "corpus", &def, &err), 0);
    ck_assert_uint_eq(in.len, 3);
    ck_assert_uint_eq(def.len, 3);
    const char *want[] = {"a.txt", "b.md", "c.html"};
    for (size_t i = 0; i < 3; i++) {
        char buf[600];
        snprintf(buf, sizeof buf, "%s/%s", dir, want[i]);
        ck_assert_str_eq(in.paths[i], buf);
        ck_assert_str_eq(in.names[i], buf);
        ck_assert_str_eq(def.paths[i], buf);
        snprintf(buf, sizeof buf, "corpus/%s", want[i]);
        ck_assert_str_eq(def.names[i], buf);
    }
    /* what else the directory held is named; README silently left out */
    ck_assert_uint_eq(in.n_skipped, 2);
    char note[600];
    snprintf(note, sizeof note, "%s: skipped 1 file that is not a report: notes.docx (Word)", dir);
    ck_assert_str_eq(in.skipped[0], note);
    snprintf(note, sizeof note, "%s: skipped 1 subdirectory (subdirectories are not searched): d.md", dir);
    ck_assert_str_eq(in.skipped[1], note);
    ck_assert_uint_eq(def.n_skipped, 2);
    rg_pipeline_inputs_free(&in);
    rg_pipeline_inputs_free(&def);
    /* files as given, in the order given */
    char *two[] = {"tests/cli/fixtures/second.txt", "./tests/cli/fixtures/alliance.md"};
    in = inputs(two, 2);
    ck_assert_uint_eq(in.len, 2);
    for (size_t i = 0; i < 2; i++) {
        ck_assert_str_eq(in.paths[i], two[i]);
        ck_assert_str_eq(in.names[i], two[i]);
    }
    rg_pipeline_inputs_free(&in);
    /* a missing file */
    char *missing = tmp_name("in/missing.md");
    char *bad[] = {reports[0], missing};
    ck_assert_int_eq(rg_pipeline_inputs(bad, 2, NULL, NULL, &in, &err), -1);
    ck_assert_int_eq(err.code, RG_ERR_IO);
    ck_assert_str_eq(err.file, missing);
    ck_assert_uint_eq(in.len, 0);
    /* no reports and no default corpus */
    rg_error_clear(&err);
    ck_assert_int_eq(rg_pipeline_inputs(NULL, 0, NULL, NULL, &in, &err), -1);
    ck_assert_int_eq(err.code, RG_ERR_USAGE);
    ck_assert_uint_eq(in.len, 0);
    free(missing);
    free(dir);
}
END_TEST

START_TEST(inputs_refuse_documents_by_name)
{
    rg_error err;
    rg_error_clear(&err);
    rg_inputs in;
    /* a Word file named as a report, told by its first bytes */
    static const char docx[] = "PK\003\004\024\000\006\000[Content_Types].xml\000PK\003\004word/document.xml";
    char *word = tmp_make("paper.md", docx, sizeof docx - 1);
    ck_assert_int_eq(rg_pipeline_inputs(&word, 1, NULL, NULL, &in, &err), -1);
    ck_assert_int_eq(err.code, RG_ERR_INPUT);
    ck_assert_str_eq(err.file, word);
    ck_assert_ptr_nonnull(strstr(err.msg, "Word (by its first bytes), not a report"));
    ck_assert_ptr_nonnull(strstr(err.msg, "Markdown, HTML, plain text or PDF"));
    ck_assert_uint_eq(in.len, 0);
    /* a PDF, whatever its name, goes to the PDF reader */
    rg_error_clear(&err);
    char *pdf = tmp_make("scan.md", "%PDF-1.7\n", 9);
    ck_assert_int_eq(rg_pipeline_inputs(&pdf, 1, NULL, NULL, &in, &err), 0);
    ck_assert_uint_eq(in.len, 1);
    rg_pipeline_inputs_free(&in);
    /* a graph file given as a report */
    rg_error_clear(&err);
    char *json = tmp_make("g.json", "{}", 2);
    ck_assert_int_eq(rg_pipeline_inputs(&json, 1, NULL, NULL, &in, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "read with -g"));
    /* a directory of documents only */
    rg_error_clear(&err);
    char *dir = tmp_make("docs", NULL, 0);
    free(tmp_make("docs/a.docx", "PK\3\4word/", 9));
    ck_assert_int_eq(rg_pipeline_inputs(&dir, 1, NULL, NULL, &in, &err), -1);
    ck_assert_str_eq(err.msg, "no reports (.md, .txt, .html, .pdf) in directory, only 1 file that is not a report: a.docx (Word)");
    free(dir);
    free(json);
    free(pdf);
    free(word);
}
END_TEST

START_TEST(load_names_a_report_given_as_graph)
{
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    char *md = tmp_make("report.md", "# Summary\nThe U.S. should act.\n", 31);
    ck_assert_int_eq(rg_pipeline_load(md, &g, &err), -1);
    ck_assert_int_eq(err.code, RG_ERR_INPUT);
    ck_assert_str_eq(err.msg, "not a graph file but a report: -g takes a graph file written by relgraph build; "
                              "reports are given as arguments, without -g");
    ck_assert_int_eq(err.line, 0);
    /* a graph file cut short keeps the JSON parser's word */
    rg_error_clear(&err);
    char *cut = tmp_make("cut.md", "{\"nodes\": [", 11);
    ck_assert_int_eq(rg_pipeline_load(cut, &g, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "invalid JSON"));
    free(cut);
    free(md);
}
END_TEST

START_TEST(build_is_the_same_with_any_number_of_workers)
{
    for (size_t i = 0; i < N_REPORTS; i++)
        ck_assert_msg(access(reports[i], R_OK) == 0, "missing fixture %s", reports[i]);
    char *one = build_text(1, reports, N_REPORTS);
    ck_assert(strstr(one, "report:alliance") && strstr(one, "report:second") && strstr(one, "report:page"));
    for (long jobs = 2; jobs <= 4; jobs++) {
        char *more = build_text(jobs, reports, N_REPORTS);
        ck_assert_msg(strcmp(one, more) == 0, "jobs %ld differs from jobs 1", jobs);
        free(more);
    }
    free(one);
}
END_TEST

static char *merge_text(const rg_pipeline *p, char *const *parts)
{
    rg_graph *g = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_msg(rg_pipeline_merge(p, parts, N_REPORTS, &g, &err) == 0, "%s", err.msg);
    ck_assert(rg_graph_finished(g));
    char *text = graph_text(g);
    rg_graph_free(g);
    return text;
}

START_TEST(merge_of_parts_is_the_build)
{
    rg_pipeline *p = pipeline(1, NULL, NULL);
    char *parts[N_REPORTS];
    rg_error err;
    rg_error_clear(&err);
    for (size_t i = 0; i < N_REPORTS; i++) {
        rg_inputs in = inputs(&reports[i], 1);
        rg_graph *part = NULL;
        char name[32];
        snprintf(name, sizeof name, "part-%zu.json", i);
        ck_assert_int_eq(rg_pipeline_extract(p, &in, &part, &err), 0);
        rg_graph_finish(part);
        parts[i] = tmp_name(name);
        ck_assert_int_eq(rg_json_write_file(parts[i], part, NULL, &err), 0);
        rg_graph_free(part);
        rg_pipeline_inputs_free(&in);
    }
    char *built = build_text(1, reports, N_REPORTS);
    char *backward[] = {parts[2], parts[1], parts[0]};
    char *a = merge_text(p, parts), *b = merge_text(p, backward);
    /* (whole graph files: too long for ck_assert_str_eq's message) */
    ck_assert_msg(strcmp(a, built) == 0, "merged in order, not the build");
    ck_assert_msg(strcmp(b, built) == 0, "merged in reverse, not the build");
    free(a);
    free(b);
    free(built);
    for (size_t i = 0; i < N_REPORTS; i++)
        free(parts[i]);
    rg_pipeline_free(p);
}
END_TEST

static void record(void *ctx, const char *phase)
{
    char *log = ctx;
    ck_assert_uint_lt(strlen(log) + strlen(phase) + 2, 128);
    strcat(log, phase);
    strcat(log, " ");
}

START_TEST(phases_in_order)
{
    for (long jobs = 1; jobs <= 3; jobs++) {
        char log[128] = "";
        rg_pipeline *p = pipeline(jobs, record, log);
        ck_assert_str_eq(log, "catalog ");
        rg_graph *g = build(p, reports, N_REPORTS);
        const char *want = jobs == 1 ? "catalog extract finish " : "catalog extract merge finish ";
        ck_assert_msg(strcmp(log, want) == 0, "jobs %ld: %s", jobs, log);
        rg_graph_free(g);
        rg_pipeline_free(p);
    }
}
END_TEST

/* The error of building args with jobs workers; the build must fail. */
static rg_error build_error(long jobs, char *const *args, size_t n)
{
    rg_pipeline *p = pipeline(jobs, NULL, NULL);
    rg_inputs in = inputs(args, n);
    rg_graph dummy, *g = &dummy; /* must come back NULL */
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_pipeline_build(p, &in, &g, &err), -1);
    ck_assert_ptr_null(g);
    rg_pipeline_inputs_free(&in);
    rg_pipeline_free(p);
    return err;
}

START_TEST(first_failing_report_wins)
{
    static const char bad_utf8[] = "# Bad\n\nThe U.S. should \xff\xfe act.\n";
    static const char binary[] = "# Binary\n\0\1\2";
    char *bad = tmp_make("bad.md", bad_utf8, sizeof bad_utf8 - 1);
    char *bin = tmp_make("bin.txt", binary, sizeof binary - 1);
    /* bad at index 2 (the parent's share with 2 jobs), at 1 (a worker's),
     * and before a binary file, read by the other process */
    char *layouts[][3] = {{reports[0], reports[1], bad},
                          {reports[0], bad, reports[1]},
                          {reports[0], bad, bin},
                          {bad, bin, reports[0]}};
    for (size_t l = 0; l < 4; l++) {
        rg_error one = build_error(1, layouts[l], 3);
        ck_assert_int_eq(one.code, RG_ERR_INPUT);
        ck_assert_str_eq(one.file, bad);
        ck_assert_ptr_nonnull(strstr(one.msg, "UTF-8"));
        for (long jobs = 2; jobs <= 3; jobs++) {
            rg_error more = build_error(jobs, layouts[l], 3);
            ck_assert_msg(more.code == one.code && strcmp(more.file, one.file) == 0 && more.line == one.line &&
                              more.column == one.column && strcmp(more.msg, one.msg) == 0,
                          "layout %zu, jobs %ld: %s: %s", l, jobs, more.file, more.msg);
        }
    }
    /* a catalog file that does not exist */
    char *none = tmp_name("none.json");
    char *cats[] = {none};
    rg_pipeline_options o = {"data/catalog", cats, 1, 1, NULL, NULL, NULL, NULL};
    rg_pipeline *p = (rg_pipeline *)&o; /* any non-NULL value: must come back NULL */
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_pipeline_new(&o, &p, &err), -1);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(err.code, RG_ERR_IO);
    ck_assert_str_eq(err.file, none);
    free(none);
    free(bad);
    free(bin);
}
END_TEST

START_TEST(load_gives_a_finished_graph)
{
    rg_pipeline *p = pipeline(2, NULL, NULL);
    rg_graph *g = build(p, reports, N_REPORTS), *back = NULL;
    rg_error err;
    rg_error_clear(&err);
    char *path = tmp_name("graph.json");
    ck_assert_int_eq(rg_json_write_file(path, g, NULL, &err), 0);
    ck_assert_int_eq(rg_pipeline_load(path, &back, &err), 0);
    ck_assert(rg_graph_finished(back));
    ck_assert_uint_gt(g->n_links, 0);
    ck_assert_uint_eq(back->n_nodes, g->n_nodes);
    ck_assert_uint_eq(back->n_links, g->n_links);
    ck_assert_uint_eq(back->n_docs, g->n_docs);
    char *t1 = graph_text(g), *t2 = graph_text(back);
    ck_assert_msg(strcmp(t1, t2) == 0, "loaded graph differs");
    free(t1);
    free(t2);
    free(path);
    rg_graph_free(g);
    rg_graph_free(back);
    rg_pipeline_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pipeline");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, make_tmp, remove_tmp);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, inputs_in_name_order);
    tcase_add_test(tc, inputs_refuse_documents_by_name);
    tcase_add_test(tc, load_names_a_report_given_as_graph);
    tcase_add_test(tc, build_is_the_same_with_any_number_of_workers);
    tcase_add_test(tc, merge_of_parts_is_the_build);
    tcase_add_test(tc, phases_in_order);
    tcase_add_test(tc, first_failing_report_wins);
    tcase_add_test(tc, load_gives_a_finished_graph);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
