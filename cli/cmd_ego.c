/* relgraph ego: the subgraph around a node, as a graph file. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/ego_walk.h"
#include "cli/options.h"
#include "export/json_file.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {"ego", 19, false,
    "usage: relgraph ego A [-g graph.json] [--depth N] [--co-mentions] [--exclude NAME]...\n"
    "                      [--max-degree N] [-o ego.json | --json] [FILE|DIR ...]\n\n"
    "The nodes within N links of a node, every link among them and the reports\n"
    "of their recommendations, written as a graph file that every other command\n"
    "(render included) takes with -g. The walk goes through recommendations, so\n"
    "that at depth 3 a hub such as the United States brings in everything it\n"
    "does: --exclude leaves a node out, --max-degree keeps a node of many links\n"
    "but does not walk through it; each is named on stderr. --json prints the\n"
    "graph file on stdout instead of writing it.\n\n"};

int rg_cli_ego_write(const rg_graph *ego, FILE *out, rg_error *err)
{
    if (rg_json_write(ego, out, "<stdout>", NULL, err) < 0)
        return -1;
    if (fflush(out) != 0 || ferror(out))
        return rg_error_set(err, RG_ERR_IO, "<stdout>", 0, "cannot write the graph file");
    return 0;
}

int cmd_ego(int argc, char **argv)
{
    rg_cli_query q = {0};
    const char *output = NULL;
    rg_cli_ego e = {.depth = 2};
    bool as_json = false;
    const rg_option options[] = {
        RG_OPT_GRAPH(&q.graph_file),
        RG_OPT_COUNT(0, "depth", &e.depth, "N", "how many links out (default: 2)"),
        RG_OPT_SET(0, "co-mentions", &e.co_mentions, "also walk co_mentioned links"),
        RG_OPT_EGO_HUBS(&e),
        RG_OPT_STRING('o', "output", &output, "FILE", "where to write it (default: ego.json)"),
        RG_OPT_SET(0, "json", &as_json, "print the graph file on stdout, not into a file"),
        RG_OPT_END,
    };
    int done = rg_cli_query_open(&usage, options, argc, argv, 1, "ego needs a name", 0, &q);
    if (done >= 0) {
        free(e.exclude.items);
        return done;
    }
    if (as_json && output) {
        free(e.exclude.items);
        rg_cli_query_close(&q);
        return rg_options_fail("ego", "--json prints the graph file on stdout: -o is not for it");
    }
    output = output ? output : "ego.json";
    rg_graph *g = q.g, *ego = NULL;
    size_t node;
    int rc = as_json ? 0
                     : rg_cli_check_output(output, argv + optind + 1, (size_t)(argc - optind - 1), "reports",
                                           q.graph_file, &q.err);
    if (rc == 0)
        rc = rg_names_resolve(q.names, argv[optind], &node, &q.err);
    if (rc == 0)
        rc = rg_cli_ego_walk(g, q.names, node, &e, "ego", &ego, NULL, &q.err);
    if (rc == 0 && as_json)
        rc = rg_cli_ego_write(ego, stdout, &q.err);
    else if (rc == 0)
        rc = rg_json_write_file(output, ego, NULL, &q.err);
    int status = 0;
    if (rc == 0 && !as_json && !rg_options_quiet())
        fprintf(stderr, "relgraph: wrote %s: %zu nodes, %zu links within %ld of %s\n", output, ego->n_nodes,
                ego->n_links, e.depth, g->nodes[node].label);
    else if (rc != 0)
        status = rg_cli_fail(&q.err);
    rg_graph_free(ego);
    free(e.exclude.items);
    rg_cli_query_close(&q);
    return status;
}
