/* relgraph explore: the graph as one HTML page to explore in a browser. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/explore.h"
#include "graph/rules/catalog.h"

#include <getopt.h>
#include <stdio.h>

static const rg_options_usage usage = {"explore", 22, false,
    "usage: relgraph explore -o FILE.html [-g graph.json] [OPTIONS] [FILE|DIR ...]\n\n"
    "Write the explorer: one self-contained HTML page (the graph, its evidence,\n"
    "the scripts and the graph library, Cytoscape.js, inlined; no network;\n"
    "opens from file://) to send to a colleague. Nodes are shaped and coloured\n"
    "by type as in the diagrams, or by community, and sized by a measure\n"
    "chosen in the page; their positions are laid out here by Graphviz (neato,\n"
    "or sfdp above 1500 nodes) with a fixed seed, so the same graph gives the\n"
    "same picture. In the page: a search box that completes every name, alias\n"
    "and id; a path mode (the path `relgraph path` gives, with its sentences);\n"
    "a node's neighbourhood, expanded and collapsed, hubs left out; filters by\n"
    "node type, relation (co-mentions hidden at first), report, country,\n"
    "modality and section; a click on a node shows its type, country,\n"
    "aliases, mentions per report, the recommendations it leads, partners in\n"
    "or is targeted by (each with its sentence, report and line) and its\n"
    "links; a click on a link, or on \"evidence\" beside it, shows its\n"
    "sentences. The address keeps the view; the view saves as PNG or SVG.\n"
    "Above 6000 nodes the drawing starts with the 1000 most central. Reports\n"
    "and their `contains` links are left out. Zoom with the wheel or + and -,\n"
    "pan by dragging or with the arrow keys (the drawing has the keyboard\n"
    "focus after Tab).\n\n"};

/* "wrote FILE: ..." with what the page carries (not the reports). */
static void note_written(const char *output, const rg_graph *g, rg_score size_by)
{
    size_t nodes = 0, links = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        nodes += g->nodes[i].type != RG_TYPE_REPORT;
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        links += l->relation != RG_REL_CONTAINS && g->nodes[l->source].type != RG_TYPE_REPORT &&
                 g->nodes[l->target].type != RG_TYPE_REPORT;
    }
    rg_cli_note("wrote %s: the explorer of %zu nodes and %zu links (reports and their contains links left "
                "out), sized by %s",
                output, nodes, links, rg_score_name(size_by));
}

int cmd_explore(int argc, char **argv)
{
    const char *graph_file = NULL, *output = NULL;
    int size_by = -1;
    rg_explore_options opts = {.size_by = RG_SCORE_PAGERANK};
    const rg_option options[] = {
        RG_OPT_GRAPH(&graph_file),
        RG_OPT_STRING('o', "output", &output, "FILE", "the page to write (required)"),
        RG_OPT_CALLBACK(0, "size-by", &size_by, "MEASURE",
                        "size nodes by this measure at first (default: pagerank;\n"
                        "taken from the graph file when rank --write stored it)",
                        rg_cli_option_measure),
        RG_OPT_STRING(0, "title", &opts.title, "TEXT", "the page's title (default: relgraph explorer)"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    if (!output)
        return rg_options_fail("explore", "explore needs -o FILE.html");
    if (size_by >= 0)
        opts.size_by = (rg_score)size_by;
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    int rc = rg_cli_check_output(output, argv + optind, (size_t)(argc - optind), "reports", graph_file, &err);
    if (rc == 0)
        rc = rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err);
    /* the catalog's acronyms are searched in the page as the queries
     * search them; without it, the graph's own names */
    rg_catalog *cat = rc == 0 ? rg_cli_catalog() : NULL;
    opts.catalog = cat;
    if (rc == 0) {
        rg_cli_note_leiden_bound("entities", rg_explore_community_nodes(g), RG_COMMUNITY_LEIDEN, 0);
        rc = rg_explore_write_file(g, output, &opts, &err);
    }
    rg_catalog_free(cat);
    if (rc == 0)
        note_written(output, g, opts.size_by);
    rg_graph_free(g);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
