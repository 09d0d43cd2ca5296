/* relgraph extract and merge: the map and reduce steps of build, for running
 * the extraction where the reports are (GNU parallel, a job array) and
 * merging the parts anywhere. merge(extract(any grouping)) == build. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/json_file.h"
#include "graph/base/fanout.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const char extract_usage[] =
    "usage: relgraph extract -o part.json [--catalog FILE]... [-j N] FILE|DIR ...\n\n"
    "The map step of build: what the reports name, as a partial graph file.\n"
    "Parts made from any grouping of the reports merge into the graph build makes.\n\n"
    "  -o, --output FILE   the part (required)\n"
    "      --catalog FILE  add a catalog file (give merge the same ones)\n"
    "  -j, --jobs N        worker processes (default: the number of cores)\n"
    "  -h, --help          show this help\n";

static const char merge_usage[] =
    "usage: relgraph merge -o graph.json [--catalog FILE]... part.json ...\n\n"
    "The reduce step of build: merge parts made by extract (in any grouping and\n"
    "order), add the catalog's links, and write the graph file; byte for byte\n"
    "the file build writes from the same reports and catalogs.\n\n"
    "  -o, --output FILE   the graph file (required)\n"
    "      --catalog FILE  the catalog files extract was given\n"
    "  -h, --help          show this help\n";

typedef struct args {
    const char *output;
    char **catalogs;
    size_t n_catalogs;
    long jobs;
} args;

static int parse(int argc, char **argv, const char *command, const char *usage, args *a)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"catalog", required_argument, NULL, 'c'},
        {"jobs", required_argument, NULL, 'j'},   {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *a = (args){NULL, NULL, 0, rg_fanout_cores()};
    int c;
    while ((c = getopt_long(argc, argv, "o:j:h", options, NULL)) != -1) {
        switch (c) {
        case 'o':
            a->output = optarg;
            break;
        case 'c': {
            char **p = realloc(a->catalogs, (a->n_catalogs + 1) * sizeof *p);
            if (!p)
                return rg_cli_usage(command, "out of memory");
            a->catalogs = p;
            a->catalogs[a->n_catalogs++] = optarg;
            break;
        }
        case 'j':
            if (!rg_cli_parse_count(optarg, &a->jobs))
                return rg_cli_usage(command, "--jobs needs a positive whole number, not '%s'", optarg);
            break;
        case 'h':
            fputs(usage, stdout);
            return -1;
        default:
            return rg_cli_usage(command, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (!a->output)
        return rg_cli_usage(command, "%s needs -o FILE", command);
    if (optind >= argc)
        return rg_cli_usage(command, "%s needs files to read", command);
    return 0;
}

int cmd_extract(int argc, char **argv)
{
    args a;
    int rc = parse(argc, argv, "extract", extract_usage, &a);
    if (rc != 0) {
        free(a.catalogs);
        return rc < 0 ? 0 : rc;
    }
    rg_error err;
    rg_error_clear(&err);
    rg_inputs in = {0};
    rg_pipeline *p = NULL;
    rg_graph *part = NULL;
    rc = rg_cli_inputs(argv + optind, argc - optind, &in, &err);
    if (rc == 0)
        rc = rg_cli_check_output(a.output, in.paths, in.len, NULL, &err);
    if (rc == 0)
        rc = rg_cli_pipeline(a.catalogs, a.n_catalogs, a.jobs, &p, &err);
    if (rc == 0)
        rc = rg_pipeline_extract(p, &in, &part, &err);
    if (rc == 0)
        rc = rg_json_write_file(a.output, part, NULL, &err);
    int status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_graph_free(part);
    rg_pipeline_free(p);
    rg_pipeline_inputs_free(&in);
    free(a.catalogs);
    return status;
}

int cmd_merge(int argc, char **argv)
{
    args a;
    int rc = parse(argc, argv, "merge", merge_usage, &a);
    if (rc != 0) {
        free(a.catalogs);
        return rc < 0 ? 0 : rc;
    }
    rg_error err;
    rg_error_clear(&err);
    rg_pipeline *p = NULL;
    rg_graph *g = NULL;
    rc = rg_cli_check_output(a.output, argv + optind, (size_t)(argc - optind), NULL, &err);
    if (rc == 0)
        rc = rg_cli_pipeline(a.catalogs, a.n_catalogs, 1, &p, &err);
    if (rc == 0)
        rc = rg_pipeline_merge(p, argv + optind, (size_t)(argc - optind), &g, &err);
    if (rc == 0)
        rc = rg_json_write_file(a.output, g, NULL, &err);
    int status = 0;
    if (rc == 0)
        fprintf(stderr, "relgraph: wrote %s: %zu nodes, %zu links from %zu report%s\n", a.output, g->n_nodes,
                g->n_links, g->n_docs, g->n_docs == 1 ? "" : "s");
    else
        status = rg_cli_fail(&err);
    rg_graph_free(g);
    rg_pipeline_free(p);
    free(a.catalogs);
    return status;
}
