/* relgraph merge: the reduce step of build, over the parts relgraph
 * extract wrote. merge(extract(any grouping)) == build, and a report
 * read twice, or (with --expect) by no part, is refused by name. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json_file.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {"merge", 19, false,
    "usage: relgraph merge -o graph.json [--catalog FILE]... [--expect FILE|DIR]... part.json ...\n\n"
    "The reduce step of build: merge parts made by extract (in any grouping and\n"
    "order), add the catalog's links, and write the graph file; byte for byte\n"
    "the file build writes from the same reports and catalogs. A part may be a\n"
    "graph merge wrote: a tree of merges gives the bytes of one merge.\n\n"
    "A report read by two parts is an error (exit 1) that names it and both\n"
    "parts, one line each; with --expect, so is a report under FILE|DIR that no\n"
    "part read (by its path, else by its contents). Nothing is written then.\n\n"};

/* "relgraph: error: ..." for each report read twice or by no part. */
static void report_problem(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stderr, "relgraph: error: %s\n", line);
}

int cmd_merge(int argc, char **argv)
{
    const char *output = NULL;
    rg_option_list catalogs = {0}, expected = {0};
    const rg_option options[] = {
        RG_OPT_STRING('o', "output", &output, "FILE", "the graph file (required)"),
        RG_OPT_LIST(0, "catalog", &catalogs, "FILE", "the catalog files extract was given"),
        RG_OPT_LIST(0, "expect", &expected, "FILE|DIR",
                    "the reports the parts must cover, all of them: one\n"
                    "that no part read is an error"),
        RG_OPT_END,
    };
    int status = rg_options_parse(&usage, options, argc, argv);
    if (status < 0 && !output)
        status = rg_options_fail("merge", "merge needs -o FILE");
    else if (status < 0 && optind >= argc)
        status = rg_options_fail("merge", "merge needs files to read");
    if (status >= 0) {
        free(catalogs.items);
        free(expected.items);
        return status;
    }
    rg_error err;
    rg_error_clear(&err);
    rg_pipeline *p = NULL;
    rg_graph *g = NULL;
    rg_inputs expect = {0};
    char **parts = argv + optind;
    size_t n = (size_t)(argc - optind);
    int rc = rg_cli_check_output(output, parts, n, "parts", NULL, &err);
    if (rc == 0 && expected.len)
        rc = rg_pipeline_inputs(expected.items, expected.len, NULL, NULL, &expect, &err);
    if (rc == 0)
        rc = rg_cli_pipeline(catalogs.items, catalogs.len, 1, &p, &err);
    if (rc == 0)
        rc = rg_pipeline_merge_checked(p, parts, n, expected.len ? &expect : NULL, report_problem, NULL, &g, &err);
    if (rc == 0)
        rc = rg_json_write_file(output, g, NULL, &err);
    if (rc == 0)
        rg_cli_wrote(output, g);
    status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_graph_free(g);
    rg_pipeline_free(p);
    rg_pipeline_inputs_free(&expect);
    free(catalogs.items);
    free(expected.items);
    return status;
}
