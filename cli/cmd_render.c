/* relgraph render: the graph as a diagram. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/dot.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "usage: relgraph render [-g graph.json] -o FILE.dot|.svg|.png|.pdf [--layout ENGINE] [FILE|DIR ...]\n\n"
    "Draw actors, agencies, programs and recommendations, with shape and colour\n"
    "by type and a legend; links by relation (leads bold, partners solid,\n"
    "concerns dashed, part_of dotted). Laid out and rendered with Graphviz.\n\n"
    "  -g, --graph FILE    the graph file to draw (default: build from reports)\n"
    "  -o, --output FILE   the diagram; the format comes from the extension\n"
    "      --layout NAME   dot, neato, fdp, sfdp or circo (default: by size)\n"
    "  -h, --help          show this help\n";

int cmd_render(int argc, char **argv)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'},
        {"output", required_argument, NULL, 'o'},
        {"layout", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *graph_file = NULL, *output = NULL;
    rg_render_options opts = {NULL};
    int c;
    while ((c = getopt_long(argc, argv, "+g:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            graph_file = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case 'l':
            opts.layout = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage("render", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (!output)
        return rg_cli_usage("render", "render needs -o FILE.svg (or .dot, .png, .pdf)");
    if (!rg_render_format(output))
        return rg_cli_usage("render", "unknown diagram format '%s': use .dot, .gv, .svg, .png or .pdf", output);
    static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    bool known = !opts.layout;
    for (size_t i = 0; i < sizeof engines / sizeof *engines && !known; i++)
        known = strcmp(opts.layout, engines[i]) == 0;
    if (!known)
        return rg_cli_usage("render", "unknown layout '%s': use dot, neato, fdp, sfdp, circo or twopi", opts.layout);
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    int rc = rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err);
    if (rc == 0)
        rc = rg_render_file(g, output, &opts, &err);
    rg_graph_free(g);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
