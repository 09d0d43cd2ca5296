/* Shared by the unit tests: run one check suite, build graphs in memory. */
#ifndef RG_TEST_HELPERS_H
#define RG_TEST_HELPERS_H

#include "export/json.h"
#include "graph/model/model.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* The graph file text of g, finished first; caller frees. */
static inline char *graph_text(rg_graph *g)
{
    rg_graph_finish(g);
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_json_write(g, f, "mem", NULL, &err), 0);
    long len = ftell(f);
    ck_assert_int_ge(len, 0);
    char *buf = malloc((size_t)len + 1);
    ck_assert_ptr_nonnull(buf);
    rewind(f);
    ck_assert_uint_eq(fread(buf, 1, (size_t)len, f), (size_t)len);
    buf[len] = '\0';
    fclose(f);
    return buf;
}

#endif
