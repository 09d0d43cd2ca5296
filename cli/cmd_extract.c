/* relgraph extract: the map step of build, for running the extraction
 * where the reports are (GNU parallel, a job array) and merging the parts
 * anywhere (relgraph merge). merge(extract(any grouping)) == build. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json_file.h"
#include "graph/read/doc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {"extract", 19, false,
    "usage: relgraph extract -o part.json [--catalog FILE]... [-j N] [--date FILE=DATE]... FILE|DIR ...\n\n"
    "The map step of build: what the reports name, as a partial graph file.\n"
    "Parts made from any grouping of the reports merge into the graph build makes.\n\n"};

int cmd_extract(int argc, char **argv)
{
    rg_cli_map_reduce a;
    int status = rg_cli_parse_map_reduce(&usage, "the part (required)", "add a catalog file (give merge the same ones)",
                                         "worker processes (default: the number of cores)", RG_CLI_VERBOSE_HELP, true,
                                         argc, argv, &a);
    if (status >= 0)
        return status;
    rg_doc_set_verbose(a.verbose);
    rg_error err;
    rg_error_clear(&err);
    rg_inputs in = {0};
    rg_pipeline *p = NULL;
    rg_graph *part = NULL;
    int rc = rg_cli_inputs(argv + optind, argc - optind, &in, &err);
    if (rc == 0)
        rc = rg_cli_check_output(a.output, in.paths, in.len, "reports", NULL, &err);
    if (rc == 0)
        rc = rg_cli_check_output(a.output, a.catalogs.items, a.catalogs.len, "catalog files", NULL, &err);
    if (rc == 0)
        rc = rg_cli_pipeline(a.catalogs.items, a.catalogs.len, a.jobs, &p, &err);
    if (rc == 0)
        rc = rg_pipeline_extract(p, &in, &part, &err);
    if (rc == 0)
        rc = rg_cli_dates(part, &a.dates, &err);
    if (rc == 0) {
        rg_graph_finish(part); /* written as it is: merge finishes the whole */
        rc = rg_json_write_file(a.output, part, NULL, &err);
    }
    status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_graph_free(part);
    rg_pipeline_free(p);
    rg_pipeline_inputs_free(&in);
    free(a.catalogs.items);
    free(a.dates.items);
    return status;
}
