/* relgraph merge: the reduce step of build, over the parts relgraph
 * extract wrote. merge(extract(any grouping)) == build. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json_file.h"
#include "graph/base/fanout.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {
    "merge",
    "usage: relgraph merge -o graph.json [--catalog FILE]... part.json ...\n\n"
    "The reduce step of build: merge parts made by extract (in any grouping and\n"
    "order), add the catalog's links, and write the graph file; byte for byte\n"
    "the file build writes from the same reports and catalogs.\n\n",
    19,
    false,
};

int cmd_merge(int argc, char **argv)
{
    const char *output = NULL;
    rg_option_list catalogs = {0};
    long jobs = rg_fanout_cores(); /* accepted as extract takes it; merge runs in one process */
    const rg_option options[] = {
        RG_OPT_STRING('o', "output", &output, "FILE", "the graph file (required)"),
        RG_OPT_LIST(0, "catalog", &catalogs, "FILE", "the catalog files extract was given"),
        RG_OPT_COUNT('j', "jobs", &jobs, "N", NULL),
        RG_OPT_HELP,
        RG_OPT_END,
    };
    int status = rg_cli_parse_map_reduce(&usage, options, argc, argv, &output, &catalogs);
    if (status >= 0)
        return status;
    rg_error err;
    rg_error_clear(&err);
    rg_pipeline *p = NULL;
    rg_graph *g = NULL;
    char **parts = argv + optind;
    size_t n = (size_t)(argc - optind);
    int rc = rg_cli_check_output(output, parts, n, NULL, &err);
    if (rc == 0)
        rc = rg_cli_pipeline(catalogs.items, catalogs.len, 1, &p, &err);
    if (rc == 0)
        rc = rg_pipeline_merge(p, parts, n, &g, &err);
    if (rc == 0)
        rc = rg_json_write_file(output, g, NULL, &err);
    if (rc == 0)
        rg_cli_wrote(output, g);
    status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_graph_free(g);
    rg_pipeline_free(p);
    free(catalogs.items);
    return status;
}
