/* relgraph merge: the reduce step of build, over the parts relgraph
 * extract wrote. merge(extract(any grouping)) == build. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json_file.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {"merge", 19, false,
    "usage: relgraph merge -o graph.json [--catalog FILE]... part.json ...\n\n"
    "The reduce step of build: merge parts made by extract (in any grouping and\n"
    "order), add the catalog's links, and write the graph file; byte for byte\n"
    "the file build writes from the same reports and catalogs.\n\n"};

int cmd_merge(int argc, char **argv)
{
    rg_cli_map_reduce a;
    int status = rg_cli_parse_map_reduce(&usage, "the graph file (required)",
                                         "the catalog files extract was given", NULL, NULL, false, argc, argv, &a);
    if (status >= 0)
        return status;
    rg_error err;
    rg_error_clear(&err);
    rg_pipeline *p = NULL;
    rg_graph *g = NULL;
    char **parts = argv + optind;
    size_t n = (size_t)(argc - optind);
    int rc = rg_cli_check_output(a.output, parts, n, "parts", NULL, &err);
    if (rc == 0)
        rc = rg_cli_pipeline(a.catalogs.items, a.catalogs.len, 1, &p, &err);
    if (rc == 0)
        rc = rg_pipeline_merge(p, parts, n, &g, &err);
    if (rc == 0)
        rc = rg_json_write_file(a.output, g, NULL, &err);
    if (rc == 0)
        rg_cli_wrote(a.output, g);
    status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_graph_free(g);
    rg_pipeline_free(p);
    free(a.catalogs.items);
    return status;
}
