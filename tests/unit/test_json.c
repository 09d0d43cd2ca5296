/* Unit tests of the graph file writer and reader (export/json.c) and of the
 * model they serialize (graph/model/model.c). */
#include "export/export.h"
#include "export/jscan.h"
#include "graph/model/pool.h"
#include "export/snapshot.h"
#include "export/spool.h"
#include "helpers.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <string.h>

static rg_graph *sample(void)
{
    rg_graph *g = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    size_t rep, rec, state, msit;
    ck_assert_int_eq(rg_graph_add_document(g, "report:r", "data/r.md", "R", 42, &err), 0);
    ck_assert_int_eq(rg_graph_node(g, "report:r", RG_TYPE_REPORT, "R", &rep), 0);
    ck_assert_int_eq(rg_graph_node(g, "rec:r:7", RG_TYPE_RECOMMENDATION, "State should talk", &rec), 0);
    ck_assert_int_eq(rg_graph_node(g, "agency:state", RG_TYPE_AGENCY, "Department of \"State\" <&>", &state), 0);
    ck_assert_int_eq(rg_graph_node(g, "agency:msit", RG_TYPE_AGENCY, "Ministry of Science and ICT", &msit), 0);
    rg_node *r = &g->nodes[rec];
    rg_node_set(&r->text, "State should talk\nwith MSIT \\ now.");
    rg_node_set(&r->doc, "report:r");
    rg_node_set(&r->section, "Pillar 1");
    r->line = 7;
    rg_strset_add(&g->nodes[state].aliases, "State Department");
    rg_strset_add(&g->nodes[state].docs, "report:r");
    g->nodes[state].mentions = 2;
    rg_node_set(&g->nodes[state].country, "US");
    g->nodes[msit].scores[RG_SCORE_PAGERANK] = 0.125;
    ck_assert_int_eq(rg_graph_link(g, rep, rec, RG_REL_CONTAINS, "report:r", 7, "State should talk", NULL), 0);
    ck_assert_int_eq(rg_graph_link(g, rec, state, RG_REL_LEADS, "report:r", 7, "State should talk", NULL), 0);
    ck_assert_int_eq(rg_graph_link(g, rec, msit, RG_REL_PARTNERS, "report:r", 7, "State should talk", NULL), 0);
    ck_assert_int_eq(rg_graph_link(g, msit, state, RG_REL_CO_MENTIONED, "report:r", 9, "b", NULL), 0);
    ck_assert_int_eq(rg_graph_link(g, msit, state, RG_REL_CO_MENTIONED, "report:r", 8, "a", NULL), 0);
    return g;
}

START_TEST(write_read_write_is_identical)
{
    rg_graph *g = sample();
    char *first = graph_text(g);
    rg_graph *back = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_json_read_text("mem", first, strlen(first), &back, &err), 0);
    char *second = graph_text(back);
    ck_assert_str_eq(first, second);
    /* sorted nodes, sorted evidence, weights count the evidence, escaping */
    ck_assert_ptr_nonnull(strstr(first, "\"weight\": 2"));
    ck_assert(strstr(first, "\"line\": 8") < strstr(first, "\"line\": 9"));
    ck_assert(strstr(first, "agency:msit") < strstr(first, "agency:state"));
    ck_assert_ptr_nonnull(strstr(first, "Department of \\\"State\\\" <&>"));
    ck_assert_ptr_nonnull(strstr(first, "talk\\nwith MSIT \\\\ now."));
    ck_assert_ptr_nonnull(strstr(first, "\"scores\": {\"pagerank\": 0.125}"));
    free(first);
    free(second);
    rg_graph_free(g);
    rg_graph_free(back);
}
END_TEST

/* The writer prints numbers and strings as jansson's json_dumps would
 * (JSON_REAL_PRECISION(10)): the format every earlier graph file has. */
START_TEST(writer_speaks_like_jansson)
{
    static const double values[] = {0.125, 1.0 / 3.0, 2.5e-7, 1e-5, 123456789012.5, 3e20, -0.75, 1e15, 42};
    static const char *const texts[] = {"plain", "tab\there", "\x01\x1f bell", "quote \" and \\", "caf\xc3\xa9 \xe2\x80\x94 /"};
    size_t n = sizeof values / sizeof *values;
    for (size_t i = 0; i < n; i++) {
        rg_graph *g = rg_graph_new();
        size_t a;
        ck_assert_int_eq(rg_graph_node(g, "actor:a", RG_TYPE_ACTOR, texts[i % 5], &a), 0);
        g->nodes[a].scores[RG_SCORE_PAGERANK] = values[i];
        char *text = graph_text(g);
        json_t *v = values[i] == floor(values[i]) && fabs(values[i]) < 1e15 ? json_integer((json_int_t)values[i])
                                                                             : json_real(values[i]);
        char *want_number = json_dumps(v, JSON_REAL_PRECISION(10) | JSON_ENCODE_ANY);
        json_t *label = json_string(texts[i % 5]);
        char *want_label = json_dumps(label, JSON_ENCODE_ANY);
        char pattern[128];
        snprintf(pattern, sizeof pattern, "\"pagerank\": %s}", want_number);
        ck_assert_msg(strstr(text, pattern) != NULL, "%s not in %s", pattern, text);
        ck_assert_msg(strstr(text, want_label) != NULL, "%s not in %s", want_label, text);
        free(want_number);
        free(want_label);
        json_decref(v);
        json_decref(label);
        free(text);
        rg_graph_free(g);
    }
}
END_TEST

/* Every ASCII byte at every offset from the start of a string (the writer
 * looks at eight bytes a step) is written as json_dumps writes it. */
START_TEST(writer_escapes_every_byte_at_every_offset)
{
    for (int c = 1; c < 128; c++)
        for (size_t at = 0; at < 20; at++) {
            char text[24];
            memset(text, 'x', sizeof text - 1);
            text[sizeof text - 1] = '\0';
            text[at] = (char)c;
            /* as a label, and as evidence (whose pooled strings the
             * writer copies when they are plain) */
            rg_graph *g = rg_graph_new();
            size_t a, b;
            ck_assert_int_eq(rg_graph_node(g, "actor:a", RG_TYPE_ACTOR, text, &a), 0);
            ck_assert_int_eq(rg_graph_node(g, "actor:b", RG_TYPE_ACTOR, "B", &b), 0);
            rg_evidence e = {.doc = "report:r", .line = 1, .text = text};
            ck_assert_int_eq(rg_graph_link_evidence(g, a, b, RG_REL_CO_MENTIONED, &e, NULL, NULL), 0);
            char *have = graph_text(g);
            json_t *label = json_string(text);
            char *want = json_dumps(label, JSON_ENCODE_ANY);
            const char *first = strstr(have, want);
            ck_assert_msg(first != NULL, "byte %d at %zu: %s not in %s", c, at, want, have);
            ck_assert_msg(strstr(first + 1, want) != NULL, "byte %d at %zu: %s not twice in %s", c, at, want, have);
            free(want);
            json_decref(label);
            free(have);
            rg_graph_free(g);
        }
}
END_TEST

/* The graph keeps one copy of each evidence string: equal strings are one
 * pointer, within a graph, after a merge and after a snapshot. */
START_TEST(evidence_strings_are_interned)
{
    rg_pool p;
    rg_pool_init(&p);
    const char *a = rg_pool_add(&p, "alpha"), *b = rg_pool_intern(&p, "alphabet", 5), *c = rg_pool_add(&p, "alphabet");
    ck_assert_ptr_eq(a, b);
    ck_assert_ptr_ne(a, c);
    ck_assert_str_eq(c, "alphabet");
    /* longer than a block's quarter, and many: blocks grow, the table too */
    char big[5000];
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *long1 = rg_pool_add(&p, big);
    char key[32];
    for (int i = 0; i < 50000; i++) {
        snprintf(key, sizeof key, "sentence %d", i);
        ck_assert_str_eq(rg_pool_add(&p, key), key);
    }
    ck_assert_ptr_eq(rg_pool_add(&p, big), long1);
    ck_assert_ptr_eq(rg_pool_add(&p, "alpha"), a);
    /* each string knows its length and whether JSON takes it as it is */
    ck_assert_uint_eq(rg_pool_length(a), 5);
    ck_assert_uint_eq(rg_pool_length(long1), sizeof big - 1);
    ck_assert_uint_eq(rg_pool_length(rg_pool_add(&p, "")), 0);
    ck_assert(rg_pool_plain(a) && rg_pool_plain(long1));
    ck_assert(!rg_pool_plain(rg_pool_add(&p, "say \"no\"")));
    ck_assert(!rg_pool_plain(rg_pool_add(&p, "a\\b")));
    ck_assert(!rg_pool_plain(rg_pool_add(&p, "tab\there")));
    ck_assert(rg_pool_plain(rg_pool_add(&p, "caf\xc3\xa9 <b> & 'q'")));
    ck_assert_str_eq(rg_pool_add(&p, "sentence 49999"), "sentence 49999");
    ck_assert_uint_eq(p.len, 50008);
    rg_pool_destroy(&p);

    rg_graph *g = sample(), *dst = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_graph_merge(dst, g, &err), 0);
    const rg_graph *both[] = {g, dst};
    for (int k = 0; k < 2; k++) {
        const char *said = NULL;
        for (size_t i = 0; i < both[k]->n_links; i++) {
            const rg_evidence *e = &both[k]->links[i].evidence[0];
            if (strcmp(e->text, "State should talk") == 0) {
                ck_assert(!said || said == e->text);
                said = e->text;
            }
        }
        ck_assert_ptr_nonnull(said);
    }
    rg_graph_free(dst);
    rg_graph_free(g);
}
END_TEST

/* The spool writes what it is handed, in order, and says when the stream
 * fails (a full disk). */
START_TEST(spool_writes_in_order_and_reports_failure)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    rg_spool *s = rg_spool_new(f);
    ck_assert_ptr_nonnull(s);
    rg_buf b, want;
    rg_buf_init(&b);
    rg_buf_init(&want);
    char line[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(line, sizeof line, "line %d\n", i);
        rg_buf_add(&b, line, (size_t)n);
        rg_buf_add(&want, line, (size_t)n);
        if (i % 3 == 0)
            ck_assert(rg_spool_write(s, &b));
        ck_assert(i % 3 != 0 || b.len == 0);
    }
    ck_assert(rg_spool_write(s, &b));
    ck_assert(rg_spool_finish(s));
    long len = ftell(f);
    ck_assert_int_eq(len, (long)want.len);
    char *have = malloc((size_t)len + 1);
    rewind(f);
    ck_assert_uint_eq(fread(have, 1, (size_t)len, f), (size_t)len);
    have[len] = '\0';
    ck_assert_str_eq(have, want.data);
    free(have);
    fclose(f);

    FILE *full = fopen("/dev/full", "wb");
    if (full) {
        setvbuf(full, NULL, _IONBF, 0);
        s = rg_spool_new(full);
        ck_assert_ptr_nonnull(s);
        rg_buf_reset(&b);
        /* the first failure drops what follows; which write sees it
         * depends on the thread, the end does not */
        for (int i = 0; i < 100; i++) {
            rg_buf_add(&b, want.data, 4096);
            (void)rg_spool_write(s, &b);
        }
        ck_assert(!rg_spool_finish(s));
        ck_assert_int_eq(errno, ENOSPC);
        fclose(full);
    }
    rg_buf_destroy(&b);
    rg_buf_destroy(&want);
}
END_TEST

/* The scanner takes what jansson takes, and refuses what it refuses. */
START_TEST(scanner_agrees_with_jansson)
{
    static const char *const texts[] = {
        "{}", "[]", " [1, -0, 2.5e-3, 1E+2, true, false, null] ", "{\"a\": {\"b\": [\"\\u00e9\\ud83d\\ude00\"]}}",
        "[01]", "[1.]", "[.5]", "[-]", "[1e]", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[\"\\u0000\"]",
        "[\"\\udc00\"]", "[\"\\ud800x\"]", "[\"\\x\"]", "[\"a\tb\"]", "[\"\xc3\"]", "[\"\xed\xa0\x80\"]",
        "[truex]", "[nul]", "1", "\"s\"", "[] []", "[99999999999999999999]", "[1e999]", "[1e-999]",
        "[\"caf\xc3\xa9\"]", "[\"\xf4\x90\x80\x80\"]", "{\"a\":1 \"b\":2}", "[1 2]", "",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        rg_jscan j;
        rg_jscan_init(&j, texts[i], strlen(texts[i]));
        rg_jtype top = rg_jscan_peek(&j);
        bool ours = (top == RG_J_OBJECT || top == RG_J_ARRAY) && rg_jscan_skip(&j) && rg_jscan_end(&j);
        json_error_t err;
        json_t *root = json_loadb(texts[i], strlen(texts[i]), 0, &err);
        ck_assert_msg(ours == (root != NULL), "scanner and jansson differ on %s", texts[i]);
        json_decref(root);
    }
    /* nesting: jansson counts every value, up to 2048 */
    for (size_t depth = 2046; depth <= 2049; depth++) {
        for (int scalar = 0; scalar < 2; scalar++) {
            rg_buf b;
            rg_buf_init(&b);
            for (size_t k = 0; k < depth; k++)
                rg_buf_addc(&b, '[');
            if (scalar)
                rg_buf_addc(&b, '1');
            for (size_t k = 0; k < depth; k++)
                rg_buf_addc(&b, ']');
            rg_jscan j;
            rg_jscan_init(&j, b.data, b.len);
            bool ours = rg_jscan_skip(&j) && rg_jscan_end(&j);
            json_error_t err;
            json_t *root = json_loadb(b.data, b.len, 0, &err);
            ck_assert_msg(ours == (root != NULL), "scanner and jansson differ at depth %zu", depth);
            json_decref(root);
            rg_buf_destroy(&b);
        }
    }
}
END_TEST

/* A snapshot gives back the graph it was made of, down to the bytes of its
 * graph file; a cut or damaged one gives nothing. */
START_TEST(snapshot_round_trip)
{
    rg_graph *g = sample();
    g->nodes[0].scores[RG_SCORE_DEGREE] = 3;
    char *want = graph_text(g);
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert(rg_snapshot_write_stream(g, f));
    long len = ftell(f);
    char *body = malloc((size_t)len);
    rewind(f);
    ck_assert_uint_eq(fread(body, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    rg_graph *back = rg_snapshot_read_mem(body, (size_t)len);
    ck_assert_ptr_nonnull(back);
    char *have = graph_text(back);
    ck_assert_str_eq(have, want);
    /* an evidence sentence is read once and shared by the links it proves */
    const char *said = NULL;
    for (size_t i = 0; i < back->n_links; i++)
        if (strcmp(back->links[i].evidence[0].text, "State should talk") == 0) {
            ck_assert(!said || said == back->links[i].evidence[0].text);
            said = back->links[i].evidence[0].text;
        }
    ck_assert_ptr_nonnull(said);
    /* read, it is finished; its links came without their table: the first
     * look-up builds it */
    ck_assert(rg_graph_finished(back));
    for (size_t i = 0; i < back->n_links; i++) {
        const rg_link *l = &back->links[i];
        size_t at;
        ck_assert(rg_graph_find_link(back, l->source, l->target, l->relation, &at));
        ck_assert_uint_eq(at, i);
    }
    size_t n_links = back->n_links, at;
    ck_assert_int_eq(rg_graph_link(back, back->links[0].source, back->links[0].target, back->links[0].relation,
                                   "report:x", 1, "again", &at), 0);
    ck_assert_uint_eq(at, 0);
    ck_assert_uint_eq(back->n_links, n_links);
    for (long cut = 0; cut < len; cut += 7)
        ck_assert_ptr_null(rg_snapshot_read_mem(body, (size_t)cut));
    free(have);
    free(want);
    free(body);
    rg_graph_free(back);
    rg_graph_free(g);
}
END_TEST

/* Counts read from files add up without overflowing. */
/* Finishing sorts each link's evidence once; adding evidence unfinishes
 * the graph; writing changes nothing in it (documents keep their order). */
START_TEST(finish_sorts_evidence_once)
{
    rg_graph *g = sample();
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_graph_add_document(g, "report:a", "data/a.md", "A", 1, &err), 0);
    size_t co;
    ck_assert(rg_graph_find_link(g, 3, 2, RG_REL_CO_MENTIONED, &co));
    ck_assert(!rg_graph_finished(g));
    ck_assert_int_eq(g->links[co].evidence[0].line, 9);
    rg_graph_finish(g);
    ck_assert(rg_graph_finished(g));
    ck_assert_int_eq(g->links[co].evidence[0].line, 8);
    ck_assert_int_eq(g->links[co].evidence[1].line, 9);
    rg_graph_finish(g);
    ck_assert_int_eq(g->links[co].evidence[0].line, 8);
    ck_assert_int_eq(rg_graph_link(g, 3, 2, RG_REL_CO_MENTIONED, "report:a", 1, "c", NULL), 0);
    ck_assert(!rg_graph_finished(g));
    char *text = graph_text(g);
    ck_assert(rg_graph_finished(g));
    ck_assert_str_eq(g->links[co].evidence[0].doc, "report:a");
    ck_assert(strstr(text, "\"report:a\"") < strstr(text, "\"report:r\""));
    ck_assert_str_eq(g->docs[0].id, "report:r");
    free(text);
    rg_graph_free(g);
}
END_TEST

START_TEST(writers_refuse_an_unfinished_graph)
{
    rg_graph *g = sample();
    ck_assert(!rg_graph_finished(g));
    rg_error err;
    rg_error_clear(&err);
    FILE *out = tmpfile();
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(rg_json_write(g, out, "g.json", NULL, &err), -1);
    ck_assert_str_eq(err.msg, "the graph is not finished: its evidence is not in order");
    ck_assert_int_eq(ftell(out), 0);
    rg_error_clear(&err);
    ck_assert_int_eq(rg_export_file(g, RG_FORMAT_GRAPHML, "never-written.graphml", NULL, &err), -1);
    ck_assert_ptr_null(fopen("never-written.graphml", "r"));
    rg_graph_finish(g);
    ck_assert_int_eq(rg_json_write(g, out, "g.json", NULL, &err), 0);
    fclose(out);
    rg_graph_free(g);
}
END_TEST

START_TEST(counts_saturate)
{
    ck_assert_int_eq(rg_count_add(LONG_MAX, 1), LONG_MAX);
    ck_assert_int_eq(rg_count_add(LONG_MIN, -1), LONG_MIN);
    ck_assert_int_eq(rg_count_add(40, 2), 42);
    rg_tally t;
    rg_tally_init(&t);
    ck_assert_int_eq(rg_tally_add(&t, "a", LONG_MAX), 0);
    ck_assert_int_eq(rg_tally_add(&t, "a", LONG_MAX), 0);
    ck_assert_int_eq(t.counts[0], LONG_MAX);
    rg_tally_destroy(&t);
}
END_TEST

START_TEST(reader_accepts_edges_and_rejects_bad_files)
{
    const char *ok = "{\"nodes\": [{\"id\": \"a\", \"type\": \"agency\"}, {\"id\": \"b\", \"type\": \"actor\"}],\n"
                     " \"edges\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 3}]}";
    rg_graph *g = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_json_read_text("g.json", ok, strlen(ok), &g, &err), 0);
    ck_assert_uint_eq(g->n_links, 1);
    ck_assert(fabs(g->links[0].weight - 3) < 1e-12);
    rg_graph_free(g);

    struct {
        const char *text;
        const char *msg;
        long line;
    } bad[] = {
        {"{\"nodes\": [", "invalid JSON", 1},
        {"[1, 2]", "not a graph file", 1},
        {"{\"nodes\": [{\"id\": \"a\", \"type\": \"agency\"},\n{\"id\": \"a\", \"type\": \"agency\"}], \"links\": []}",
         "duplicate id", 1},
        {"{\"nodes\": [{\"id\": \"a\", \"type\": \"agency\"}],\n \"links\": [{\"source\": \"a\", \"target\": \"zz\"}]}",
         "is not the id of a node", 2},
        {"{\"nodes\": [{\"id\": \"a\", \"type\": \"gizmo\"}], \"links\": []}", "\"type\" must be", 1},
        {"{\"nodes\": [{\"id\": \"a\", \"type\": \"agency\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\", "
         "\"weight\": \"x\"}]}",
         "must be a number", 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rg_error_clear(&err);
        g = NULL;
        ck_assert_int_eq(rg_json_read_text("g.json", bad[i].text, strlen(bad[i].text), &g, &err), -1);
        ck_assert_ptr_null(g);
        ck_assert_msg(strstr(err.msg, bad[i].msg), "case %zu: %s", i, err.msg);
        ck_assert_int_eq(err.line, bad[i].line);
        ck_assert_int_eq(err.code, RG_ERR_INPUT);
    }
}
END_TEST

START_TEST(merge_is_order_independent)
{
    /* two halves merged either way round give the same file */
    rg_graph *a = sample();
    rg_graph *b = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    size_t x, y;
    rg_graph_add_document(b, "report:s", "s.md", "S", 1, &err);
    rg_graph_node(b, "agency:state", RG_TYPE_AGENCY, "Department of State", &x);
    rg_graph_node(b, "agency:msit", RG_TYPE_AGENCY, "Ministry of Science and ICT", &y);
    rg_strset_add(&b->nodes[x].aliases, "DOS");
    b->nodes[x].mentions = 1;
    rg_graph_link(b, y, x, RG_REL_CO_MENTIONED, "report:s", 1, "c", NULL);

    rg_graph *ab = rg_graph_new(), *ba = rg_graph_new();
    ck_assert_int_eq(rg_graph_merge(ab, a, &err), 0);
    ck_assert_int_eq(rg_graph_merge(ab, b, &err), 0);
    ck_assert_int_eq(rg_graph_merge(ba, b, &err), 0);
    ck_assert_int_eq(rg_graph_merge(ba, a, &err), 0);
    char *t1 = graph_text(ab), *t2 = graph_text(ba);
    ck_assert_str_eq(t1, t2);
    ck_assert_ptr_nonnull(strstr(t1, "\"mentions\": 3"));
    ck_assert_ptr_nonnull(strstr(t1, "\"weight\": 3"));
    /* the same report twice is refused */
    ck_assert_int_eq(rg_graph_merge(ab, b, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "given twice"));
    free(t1);
    free(t2);
    rg_graph_free(a);
    rg_graph_free(b);
    rg_graph_free(ab);
    rg_graph_free(ba);
}
END_TEST

/* sample() with a modality on its recommendation, a role resolved from
 * "we" (inferred) and a targets link. */
static rg_graph *sample_roles(void)
{
    rg_graph *g = sample();
    size_t rec, state, dprk;
    ck_assert(rg_graph_find(g, "rec:r:7", &rec));
    ck_assert(rg_graph_find(g, "agency:state", &state));
    ck_assert_int_eq(rg_graph_node(g, "actor:dprk", RG_TYPE_ACTOR, "North Korea", &dprk), 0);
    ck_assert_int_eq(rg_node_set(&g->nodes[rec].modality, "should"), 0);
    ck_assert_int_eq(rg_graph_link(g, rec, dprk, RG_REL_TARGETS, "report:r", 7, "State should talk", NULL), 0);
    size_t we;
    ck_assert_int_eq(rg_graph_node(g, "rec:r:9", RG_TYPE_RECOMMENDATION, "We will act", &we), 0);
    ck_assert_int_eq(rg_node_set(&g->nodes[we].modality, "will"), 0);
    ck_assert_int_eq(rg_graph_link_role(g, we, state, RG_REL_LEADS, "report:r", 9, "We will act", true, NULL), 0);
    return g;
}

/* The modality, the inferred flag and targets are written in their places
 * and read back: write, read, write gives the same bytes, and so does a
 * snapshot. */
START_TEST(modality_inferred_targets_round_trip)
{
    rg_graph *g = sample_roles();
    char *first = graph_text(g);
    ck_assert_ptr_nonnull(strstr(first, "\"section\": \"Pillar 1\", \"modality\": \"should\", \"docs\""));
    ck_assert_ptr_nonnull(strstr(first, "\"relation\": \"leads\", \"weight\": 1, \"inferred\": true, \"evidence\""));
    ck_assert_ptr_nonnull(strstr(first, "\"relation\": \"targets\", \"weight\": 1, \"evidence\""));
    /* a link that is not inferred, and a node with no modality, say nothing */
    ck_assert_ptr_null(strstr(first, "\"inferred\": false"));
    ck_assert_ptr_null(strstr(first, "\"modality\": null"));
    rg_graph *back = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_json_read_text("mem", first, strlen(first), &back, &err), 0);
    char *second = graph_text(back);
    ck_assert_str_eq(first, second);

    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert(rg_snapshot_write_stream(back, f));
    long len = ftell(f);
    char *body = malloc((size_t)len);
    rewind(f);
    ck_assert_uint_eq(fread(body, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    rg_graph *snap = rg_snapshot_read_mem(body, (size_t)len);
    ck_assert_ptr_nonnull(snap);
    char *third = graph_text(snap);
    ck_assert_str_eq(first, third);
    free(body);
    free(first);
    free(second);
    free(third);
    rg_graph_free(g);
    rg_graph_free(back);
    rg_graph_free(snap);
}
END_TEST

/* A modality outside the closed list, or an inferred that is no boolean,
 * is a bad file, named with its line and column; null is no value. */
START_TEST(reader_rejects_a_bad_modality)
{
    struct {
        const char *text;
        const char *msg;
        long line, column;
    } bad[] = {
        {"{\"nodes\": [{\"id\": \"r\", \"type\": \"recommendation\",\n \"modality\": \"ought\"}], \"links\": []}",
         "node 1 ('r'): unknown modality 'ought': use should, must, shall, need, could, imperative, will, commit, "
         "agree, intend, urge, call or recommend",
         2, 14},
        {"{\"nodes\": [{\"id\": \"r\", \"type\": \"recommendation\", \"modality\": [\"will\"]}], \"links\": []}",
         "\"modality\" must be one of should", 1, 62},
        {"{\"nodes\": [{\"id\": \"a\", \"type\": \"agency\"}],\n \"links\": [\n{\"source\": \"a\", \"target\": \"a\", "
         "\"inferred\": 1}]}",
         "link 1: \"inferred\" must be true or false", 3, 44},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rg_error err;
        rg_error_clear(&err);
        rg_graph *g = NULL;
        ck_assert_int_eq(rg_json_read_text("g.json", bad[i].text, strlen(bad[i].text), &g, &err), -1);
        ck_assert_ptr_null(g);
        ck_assert_msg(strstr(err.msg, bad[i].msg), "case %zu: %s", i, err.msg);
        ck_assert_str_eq(err.file, "g.json");
        ck_assert_int_eq(err.line, bad[i].line);
        ck_assert_int_eq(err.column, bad[i].column);
        ck_assert_int_eq(err.code, RG_ERR_INPUT);
    }
    const char *nulls = "{\"nodes\": [{\"id\": \"r\", \"type\": \"recommendation\", \"modality\": null}],"
                        " \"links\": [{\"source\": \"r\", \"target\": \"r\", \"inferred\": null}]}";
    rg_graph *g = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_json_read_text("g.json", nulls, strlen(nulls), &g, &err), 0);
    ck_assert_ptr_null(g->nodes[0].modality);
    ck_assert(!g->links[0].inferred);
    rg_graph_free(g);
}
END_TEST

/* A link is inferred while every piece of its evidence is: the first piece
 * sets the flag, a named party clears it for good; rg_graph_link leaves
 * it as it is. */
START_TEST(link_role_keeps_inferred_while_all_evidence_is)
{
    rg_graph *g = rg_graph_new();
    size_t rec, us, at;
    ck_assert_int_eq(rg_graph_node(g, "rec:r:1", RG_TYPE_RECOMMENDATION, "We will", &rec), 0);
    ck_assert_int_eq(rg_graph_node(g, "actor:us", RG_TYPE_ACTOR, "US", &us), 0);
    ck_assert_int_eq(rg_graph_link_role(g, rec, us, RG_REL_LEADS, "report:r", 1, "We will.", true, &at), 0);
    ck_assert(g->links[at].inferred);
    ck_assert_int_eq(rg_graph_link_role(g, rec, us, RG_REL_LEADS, "report:s", 4, "We agree.", true, NULL), 0);
    ck_assert(g->links[at].inferred);
    ck_assert(fabs(g->links[at].weight - 2) < 1e-12);
    ck_assert_int_eq(rg_graph_link_role(g, rec, us, RG_REL_LEADS, "report:t", 2, "The US will.", false, NULL), 0);
    ck_assert(!g->links[at].inferred);
    ck_assert_int_eq(rg_graph_link_role(g, rec, us, RG_REL_LEADS, "report:u", 3, "We will.", true, NULL), 0);
    ck_assert(!g->links[at].inferred);
    /* rg_graph_link leaves the flag to its caller */
    ck_assert_int_eq(rg_graph_link_role(g, rec, us, RG_REL_PARTNERS, "report:r", 1, "We will.", true, &at), 0);
    ck_assert_int_eq(rg_graph_link(g, rec, us, RG_REL_PARTNERS, "report:r", 5, "We will too.", NULL), 0);
    ck_assert(g->links[at].inferred);
    /* a link made without evidence takes the flag of its first piece */
    ck_assert_int_eq(rg_graph_link(g, us, rec, RG_REL_TARGETS, NULL, 0, NULL, &at), 0);
    ck_assert(!g->links[at].inferred);
    ck_assert_int_eq(rg_graph_link_role(g, us, rec, RG_REL_TARGETS, "report:r", 1, "We will.", true, NULL), 0);
    ck_assert(g->links[at].inferred);
    rg_graph_free(g);
}
END_TEST

/* The link rec:x:1 → target of rel in g. */
static const rg_link *link_of(const rg_graph *g, const char *target, rg_relation rel)
{
    size_t rec, to, at;
    ck_assert(rg_graph_find(g, "rec:x:1", &rec) && rg_graph_find(g, target, &to));
    ck_assert(rg_graph_find_link(g, rec, to, rel, &at));
    return &g->links[at];
}

/* The bytes of g's snapshot, read back: a new graph. */
static rg_graph *through_snapshot(const rg_graph *g)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert(rg_snapshot_write_stream(g, f));
    long len = ftell(f);
    char *body = malloc((size_t)len);
    rewind(f);
    ck_assert_uint_eq(fread(body, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    rg_graph *back = rg_snapshot_read_mem(body, (size_t)len);
    free(body);
    ck_assert_ptr_nonnull(back);
    return back;
}

/* A PDF's evidence carries its page and the line on that page, after
 * "line" (../spec: graph-json), through the reader, a snapshot, a merge
 * and a subgraph; a reader sets the recommendation's page from it. A page the
 * reader cannot hold is left out, as one it does not know. */
START_TEST(pdf_evidence_keeps_its_page)
{
    rg_graph *g = sample();
    size_t rep, rec;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_graph_add_document(g, "report:p", "p.pdf", "P", 9, &err), 0);
    ck_assert_int_eq(rg_graph_node(g, "report:p", RG_TYPE_REPORT, "P", &rep), 0);
    ck_assert_int_eq(rg_graph_node(g, "rec:p:120", RG_TYPE_RECOMMENDATION, "DOE should act", &rec), 0);
    rg_node_set(&g->nodes[rec].doc, "report:p");
    rg_strset_add(&g->nodes[rec].docs, "report:p");
    g->nodes[rec].line = 120;
    g->nodes[rec].page = 14;
    g->nodes[rec].page_line = 6;
    rg_evidence e = {.doc = "report:p", .line = 120, .text = "DOE should act.", .page = 14, .page_line = 6};
    ck_assert_int_eq(rg_graph_link_evidence(g, rep, rec, RG_REL_CONTAINS, &e, NULL, NULL), 0);
    char *first = graph_text(g);
    ck_assert_ptr_nonnull(strstr(first, "{\"doc\": \"report:p\", \"line\": 120, \"page\": 14, \"page_line\": 6, "
                                        "\"text\": \"DOE should act.\"}"));
    /* the other report's evidence as before: no page */
    ck_assert_ptr_null(strstr(first, "\"line\": 7, \"page\""));

    rg_graph *back = NULL, *snap = through_snapshot(g), *merged = rg_graph_new(), *sub = NULL;
    ck_assert_int_eq(rg_json_read_text("mem", first, strlen(first), &back, &err), 0);
    ck_assert_int_eq(rg_graph_merge(merged, g, &err), 0);
    bool keep[16];
    for (size_t i = 0; i < g->n_nodes; i++)
        keep[i] = true;
    ck_assert_int_eq(rg_graph_subgraph(g, keep, &sub, &err), 0);
    rg_graph *copies[] = {back, snap, merged, sub};
    for (size_t k = 0; k < sizeof copies / sizeof *copies; k++) {
        /* the recommendation's page, from its evidence (or from the node
         * merged): the other report's has none */
        size_t at, other;
        ck_assert(rg_graph_find(copies[k], "rec:p:120", &at) && rg_graph_find(copies[k], "rec:r:7", &other));
        ck_assert_int_eq(copies[k]->nodes[at].page, 14);
        ck_assert_int_eq(copies[k]->nodes[at].page_line, 6);
        ck_assert_int_eq(copies[k]->nodes[other].page, 0);
        char *text = graph_text(copies[k]);
        ck_assert_str_eq(text, first);
        free(text);
        rg_graph_free(copies[k]);
    }

    static const char *const unheld[] = {"-3", "0", "1e20", "99999999999", "\"14\"", "null"};
    for (size_t k = 0; k < sizeof unheld / sizeof *unheld; k++) {
        char file[512];
        snprintf(file, sizeof file,
                 "{\"nodes\": [{\"id\": \"a\", \"type\": \"actor\"}, {\"id\": \"b\", \"type\": \"actor\"}], "
                 "\"links\": [{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"doc\": \"report:p\", "
                 "\"line\": 3, \"page\": %s, \"page_line\": 2, \"text\": \"t\"}]}]}",
                 unheld[k]);
        ck_assert_int_eq(rg_json_read_text("mem", file, strlen(file), &back, &err), 0);
        ck_assert_int_eq(back->links[0].evidence[0].page, 0);
        ck_assert_int_eq(back->links[0].evidence[0].page_line, 0);
        rg_graph_free(back);
    }
    free(first);
    rg_graph_free(g);
}
END_TEST

/* One link over two parts: inferred in the merge only when it is in both,
 * whichever comes first; a link new to the merge keeps its flag, and so
 * does a subgraph. */
START_TEST(merge_and_subgraph_keep_inferred)
{
    rg_error err;
    rg_error_clear(&err);
    rg_graph *part[3];
    static const char *const docs[3] = {"report:a", "report:b", "report:c"};
    static const bool inferred[3] = {true, true, false};
    for (int p = 0; p < 3; p++) {
        part[p] = rg_graph_new();
        size_t rec, us, jp;
        ck_assert_int_eq(rg_graph_add_document(part[p], docs[p], docs[p], "", 1, &err), 0);
        ck_assert_int_eq(rg_graph_node(part[p], "rec:x:1", RG_TYPE_RECOMMENDATION, "We will", &rec), 0);
        ck_assert_int_eq(rg_graph_node(part[p], "actor:us", RG_TYPE_ACTOR, "US", &us), 0);
        ck_assert_int_eq(rg_graph_node(part[p], "actor:jp", RG_TYPE_ACTOR, "Japan", &jp), 0);
        ck_assert_int_eq(rg_graph_link_role(part[p], rec, us, RG_REL_LEADS, docs[p], 1, "We will.", inferred[p], NULL),
                         0);
        /* only in part 0: new to any merge */
        if (p == 0)
            ck_assert_int_eq(rg_graph_link_role(part[p], rec, jp, RG_REL_PARTNERS, docs[p], 1, "We will.", true, NULL),
                             0);
    }
    static const int orders[][3] = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}};
    char *want = NULL;
    for (size_t o = 0; o < sizeof orders / sizeof *orders; o++) {
        rg_graph *two = rg_graph_new(), *all = rg_graph_new();
        ck_assert_int_eq(rg_graph_merge(two, part[0], &err), 0);
        ck_assert_int_eq(rg_graph_merge(two, part[1], &err), 0);
        for (int k = 0; k < 3; k++)
            ck_assert_int_eq(rg_graph_merge(all, part[orders[o][k]], &err), 0);
        ck_assert(link_of(two, "actor:us", RG_REL_LEADS)->inferred);
        ck_assert(!link_of(all, "actor:us", RG_REL_LEADS)->inferred);
        ck_assert(link_of(all, "actor:jp", RG_REL_PARTNERS)->inferred);
        char *text = graph_text(all);
        if (want)
            ck_assert_str_eq(text, want);
        free(want);
        want = text;
        /* a subgraph copies the flag */
        bool keep[3] = {true, true, true};
        rg_graph *sub;
        rg_graph_finish(two);
        ck_assert_int_eq(rg_graph_subgraph(two, keep, &sub, &err), 0);
        ck_assert(link_of(sub, "actor:us", RG_REL_LEADS)->inferred);
        ck_assert(link_of(sub, "actor:jp", RG_REL_PARTNERS)->inferred);
        rg_graph_free(sub);
        rg_graph_free(two);
        rg_graph_free(all);
    }
    free(want);
    for (int p = 0; p < 3; p++)
        rg_graph_free(part[p]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, write_read_write_is_identical);
    tcase_add_test(tc, writer_speaks_like_jansson);
    tcase_add_test(tc, writer_escapes_every_byte_at_every_offset);
    tcase_add_test(tc, evidence_strings_are_interned);
    tcase_add_test(tc, spool_writes_in_order_and_reports_failure);
    tcase_add_test(tc, scanner_agrees_with_jansson);
    tcase_add_test(tc, snapshot_round_trip);
    tcase_add_test(tc, finish_sorts_evidence_once);
    tcase_add_test(tc, writers_refuse_an_unfinished_graph);
    tcase_add_test(tc, counts_saturate);
    tcase_add_test(tc, reader_accepts_edges_and_rejects_bad_files);
    tcase_add_test(tc, merge_is_order_independent);
    tcase_add_test(tc, modality_inferred_targets_round_trip);
    tcase_add_test(tc, reader_rejects_a_bad_modality);
    tcase_add_test(tc, link_role_keeps_inferred_while_all_evidence_is);
    tcase_add_test(tc, merge_and_subgraph_keep_inferred);
    tcase_add_test(tc, pdf_evidence_keeps_its_page);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
