/* relgraph ego: the subgraph around a node, as a graph file. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/json_file.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

static const char usage_text[] =
    "usage: relgraph ego A [-g graph.json] [--depth N] [--co-mentions] [-o ego.json] [FILE|DIR ...]\n\n"
    "The nodes within N links of a node, every link among them and the reports\n"
    "of their recommendations, written as a graph file that every other command\n"
    "(render included) takes with -g.\n\n"
    "  -g, --graph FILE    the graph file (default: build from reports)\n"
    "      --depth N       how many links out (default: 2)\n"
    "      --co-mentions   also walk co_mentioned links\n"
    "  -o, --output FILE   where to write it (default: ego.json)\n"
    "  -h, --help          show this help\n";

int cmd_ego(int argc, char **argv)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'}, {"depth", required_argument, NULL, 'd'},
        {"co-mentions", no_argument, NULL, 'c'}, {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    const char *graph_file = NULL, *output = "ego.json";
    long depth = 2;
    bool co_mentions = false;
    int c;
    while ((c = getopt_long(argc, argv, "g:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            graph_file = optarg;
            break;
        case 'd':
            if (!rg_cli_parse_count(optarg, &depth))
                return rg_cli_usage("ego", "--depth needs a positive whole number, not '%s'", optarg);
            break;
        case 'c':
            co_mentions = true;
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage("ego", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind < 1)
        return rg_cli_usage("ego", "ego needs a name");
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g, *ego = NULL;
    rg_names *names;
    if (rg_cli_graph_names(graph_file, argv + optind + 1, argc - optind - 1, &g, &names, &err) < 0)
        return rg_cli_fail(&err);
    size_t node;
    int rc = rg_cli_check_output(output, argv + optind + 1, (size_t)(argc - optind - 1), graph_file, &err);
    if (rc == 0)
        rc = rg_names_resolve(names, argv[optind], &node, &err);
    if (rc == 0)
        rc = rg_query_ego(g, node, depth, co_mentions, &ego, &err);
    if (rc == 0)
        rc = rg_json_write_file(output, ego, NULL, &err);
    int status = 0;
    if (rc == 0)
        fprintf(stderr, "relgraph: wrote %s: %zu nodes, %zu links within %ld of %s\n", output, ego->n_nodes,
                ego->n_links, depth, g->nodes[node].label);
    else
        status = rg_cli_fail(&err);
    rg_graph_free(ego);
    rg_names_free(names);
    rg_graph_free(g);
    return status;
}
