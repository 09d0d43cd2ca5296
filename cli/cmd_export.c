/* relgraph export: the graph in the formats other tools read. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/export.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const rg_options_usage usage = {"export", 21, false,
    "usage: relgraph export [-g graph.json] [--format FORMAT] -o FILE [--edges-key edges] [--modality LIST]\n"
    "                       [FILE|DIR ...]\n\n"
    "Write the graph for other tools. Formats:\n"
    "  json       node-link JSON, the graph file (NetworkX node_link_graph, D3); the default\n"
    "  jgf        JSON Graph Format v2 (jsongraphformat.info)\n"
    "  cytoscape  Cytoscape.js elements JSON\n"
    "  graphml    GraphML with typed attributes (NetworkX, igraph, Gephi, yEd)\n"
    "  gexf       GEXF 1.3 (Gephi)\n"
    "  csv        nodes.csv and edges.csv, in the directory -o names\n"
    "  dot        Graphviz DOT, every node and link\n\n"};

static int format_option(const char *command, char *arg, void *value)
{
    int f = rg_format_parse(arg);
    if (f < 0)
        return rg_options_fail(command, "unknown format '%s'", arg);
    *(rg_format *)value = (rg_format)f;
    return 0;
}

static int edges_key(const char *command, char *arg, void *value)
{
    if (strcmp(arg, "edges") != 0 && strcmp(arg, "links") != 0)
        return rg_options_fail(command, "--edges-key takes links or edges, not '%s'", arg);
    *(const char **)value = arg;
    return 0;
}

int cmd_export(int argc, char **argv)
{
    const char *graph_file = NULL, *output = NULL;
    rg_format format = RG_FORMAT_JSON;
    rg_export_options opts = {NULL};
    unsigned modalities = 0;
    const rg_option options[] = {
        RG_OPT_GRAPH(&graph_file),
        RG_OPT_CALLBACK('f', "format", &format, "FORMAT", "one of the above", format_option),
        RG_OPT_STRING('o', "output", &output, "FILE", "where to write it"),
        RG_OPT_CALLBACK(0, "edges-key", &opts.links_key, "KEY",
                        "json: call the link list \"edges\" (NetworkX 3.6 and later)", edges_key),
        RG_OPT_MODALITY(&modalities,
                        "only the recommendations of these modalities (should,\n"
                        "must, shall, need, could, imperative, will, commit,\n"
                        "agree, intend, urge, call, recommend; comma-separated)\n"
                        "and what they name; no reports (matching nothing: an\n"
                        "error, exit 1, and nothing is written)"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    if (!output)
        return rg_options_fail("export", "export needs -o FILE");
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    int rc = rg_cli_check_output(output, argv + optind, (size_t)(argc - optind), "reports", graph_file, &err);
    if (rc == 0)
        rc = rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err);
    if (rc == 0)
        rc = rg_cli_filter_narrow(&g, &(rg_filter){.modalities = modalities}, &err);
    if (rc == 0)
        rc = rg_export_file(g, format, output, &opts, &err);
    rg_graph_free(g);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
