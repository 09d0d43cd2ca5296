/* relgraph build: reports in, graph file out. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/json_file.h"
#include "graph/base/fanout.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const char usage_text[] =
    "usage: relgraph build [-o graph.json] [--catalog FILE]... [-j N] [FILE|DIR ...]\n\n"
    "Read the reports (the default corpus when none is given), find the actors,\n"
    "agencies, programs and recommendations they name, and write the graph file\n"
    "(node-link JSON, every link with its evidence sentence).\n\n"
    "  -o, --output FILE   where to write the graph (default: graph.json)\n"
    "      --catalog FILE  add the names of a catalog file to the built-in catalog\n"
    "  -j, --jobs N        extract in N worker processes (default: the number of\n"
    "                      cores); the graph is the same for every N\n"
    "      --timings       the time of each phase on stderr\n"
    "  -h, --help          show this help\n";

int cmd_build(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"catalog", required_argument, NULL, 'c'},
        {"jobs", required_argument, NULL, 'j'},
        {"timings", no_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = "graph.json";
    char **catalogs = NULL;
    size_t n_catalogs = 0;
    int c;
    long jobs = rg_fanout_cores();
    bool timings = false;
    while ((c = getopt_long(argc, argv, "+o:j:h", options, NULL)) != -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'c': {
            char **p = realloc(catalogs, (n_catalogs + 1) * sizeof *p);
            if (!p) {
                free(catalogs);
                fputs("relgraph: error: out of memory\n", stderr);
                return 3;
            }
            catalogs = p;
            catalogs[n_catalogs++] = optarg;
            break;
        }
        case 'j':
            if (!rg_cli_parse_count(optarg, &jobs)) {
                free(catalogs);
                return rg_cli_usage("build", "--jobs needs a positive whole number, not '%s'", optarg);
            }
            break;
        case 'T':
            timings = true;
            break;
        case 'h':
            free(catalogs);
            fputs(usage_text, stdout);
            return 0;
        default:
            free(catalogs);
            return rg_cli_usage("build", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    rg_error err;
    rg_error_clear(&err);
    rg_inputs in = {0};
    rg_graph *g = NULL;
    rg_cli_timings_start("build", timings);
    int rc = rg_cli_inputs(argv + optind, argc - optind, &in, &err);
    if (rc == 0)
        rc = rg_cli_check_output(output, in.paths, in.len, NULL, &err);
    for (size_t i = 0; rc == 0 && i < n_catalogs; i++)
        rc = rg_cli_check_output(output, &catalogs[i], 1, NULL, &err);
    if (rc == 0)
        rc = rg_cli_build(&in, catalogs, n_catalogs, jobs, &g, &err);
    if (rc == 0)
        rc = rg_json_write_file(output, g, NULL, &err);
    rg_cli_phase("write");
    int status = 0;
    if (rc == 0)
        fprintf(stderr, "relgraph: wrote %s: %zu nodes, %zu links from %zu report%s\n", output, g->n_nodes, g->n_links,
                g->n_docs, g->n_docs == 1 ? "" : "s");
    else
        status = rg_cli_fail(&err);
    rg_graph_free(g);
    rg_pipeline_inputs_free(&in);
    free(catalogs);
    rg_cli_phase("free");
    return status;
}
