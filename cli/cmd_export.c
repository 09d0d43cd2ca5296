/* relgraph export: the graph in the formats other tools read. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/export.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "usage: relgraph export [-g graph.json] [--format FORMAT] -o FILE [--edges-key edges] [FILE|DIR ...]\n\n"
    "Write the graph for other tools. Formats:\n"
    "  json       node-link JSON, the graph file (NetworkX node_link_graph, D3); the default\n"
    "  jgf        JSON Graph Format v2 (jsongraphformat.info)\n"
    "  cytoscape  Cytoscape.js elements JSON\n"
    "  graphml    GraphML with typed attributes (NetworkX, igraph, Gephi, yEd)\n"
    "  gexf       GEXF 1.3 (Gephi)\n"
    "  csv        nodes.csv and edges.csv, in the directory -o names\n"
    "  dot        Graphviz DOT, every node and link\n\n"
    "  -g, --graph FILE      the graph file (default: build from reports)\n"
    "  -f, --format FORMAT   one of the above\n"
    "  -o, --output FILE     where to write it\n"
    "      --edges-key KEY   json: call the link list \"edges\" (NetworkX 3.6 and later)\n"
    "  -h, --help            show this help\n";

int cmd_export(int argc, char **argv)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'},     {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},    {"edges-key", required_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0},
    };
    const char *graph_file = NULL, *output = NULL;
    rg_format format = RG_FORMAT_JSON;
    rg_export_options opts = {NULL};
    int c;
    while ((c = getopt_long(argc, argv, "g:f:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            graph_file = optarg;
            break;
        case 'f': {
            int f = rg_format_parse(optarg);
            if (f < 0)
                return rg_cli_usage("export", "unknown format '%s'", optarg);
            format = (rg_format)f;
            break;
        }
        case 'o':
            output = optarg;
            break;
        case 'e':
            if (strcmp(optarg, "edges") != 0 && strcmp(optarg, "links") != 0)
                return rg_cli_usage("export", "--edges-key takes links or edges, not '%s'", optarg);
            opts.links_key = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage("export", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (!output)
        return rg_cli_usage("export", "export needs -o FILE");
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    int rc = rg_cli_check_output(output, argv + optind, (size_t)(argc - optind), graph_file, &err);
    if (rc == 0)
        rc = rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err);
    if (rc == 0)
        rg_graph_finish(g);
    if (rc == 0)
        rc = rg_export_file(g, format, output, &opts, &err);
    rg_graph_free(g);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
