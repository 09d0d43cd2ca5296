/* relgraph extract: the map step of build, for running the extraction
 * where the reports are (GNU parallel, a job array) and merging the parts
 * anywhere (relgraph merge). merge(extract(any grouping)) == build. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json_file.h"
#include "graph/base/fanout.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {
    "extract",
    "usage: relgraph extract -o part.json [--catalog FILE]... [-j N] FILE|DIR ...\n\n"
    "The map step of build: what the reports name, as a partial graph file.\n"
    "Parts made from any grouping of the reports merge into the graph build makes.\n\n",
    19,
    false,
};

int cmd_extract(int argc, char **argv)
{
    const char *output = NULL;
    rg_option_list catalogs = {0};
    long jobs = rg_fanout_cores();
    const rg_option options[] = {
        RG_OPT_STRING('o', "output", &output, "FILE", "the part (required)"),
        RG_OPT_LIST(0, "catalog", &catalogs, "FILE", "add a catalog file (give merge the same ones)"),
        RG_OPT_COUNT('j', "jobs", &jobs, "N", "worker processes (default: the number of cores)"),
        RG_OPT_HELP,
        RG_OPT_END,
    };
    int status = rg_cli_parse_map_reduce(&usage, options, argc, argv, &output, &catalogs);
    if (status >= 0)
        return status;
    rg_error err;
    rg_error_clear(&err);
    rg_inputs in = {0};
    rg_pipeline *p = NULL;
    rg_graph *part = NULL;
    int rc = rg_cli_inputs(argv + optind, argc - optind, &in, &err);
    if (rc == 0)
        rc = rg_cli_check_output(output, in.paths, in.len, NULL, &err);
    if (rc == 0)
        rc = rg_cli_pipeline(catalogs.items, catalogs.len, jobs, &p, &err);
    if (rc == 0)
        rc = rg_pipeline_extract(p, &in, &part, &err);
    if (rc == 0)
        rc = rg_json_write_file(output, part, NULL, &err);
    status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_graph_free(part);
    rg_pipeline_free(p);
    rg_pipeline_inputs_free(&in);
    free(catalogs.items);
    return status;
}
