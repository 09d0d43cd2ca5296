/* relgraph export: the graph in the formats other tools read. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/export.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/scores.h"
#include "graph/base/fanout.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const rg_options_usage usage = {"export", 21, false,
    "usage: relgraph export [-g graph.json] [--format FORMAT] -o FILE [--no-scores] [--view VIEW]\n"
    "                       [--edges-key edges] [--modality LIST] [FILE|DIR ...]\n\n"
    "Write the graph for other tools. Formats:\n"
    "  json       node-link JSON, the graph file (NetworkX node_link_graph, D3); the default\n"
    "  jgf        JSON Graph Format v2 (jsongraphformat.info)\n"
    "  cytoscape  Cytoscape JSON (.cyjs): the network's attributes in \"data\", nodes and\n"
    "             edges in \"elements\"; Cytoscape desktop, Cytoscape.js and NetworkX\n"
    "             cytoscape_graph read it (nodes: id, value and name)\n"
    "  graphml    GraphML with typed attributes (NetworkX, igraph, Gephi, yEd)\n"
    "  gexf       GEXF 1.2draft (Gephi; NetworkX read_gexf)\n"
    "  csv        nodes.csv and edges.csv, in the directory -o names\n"
    "  dot        Graphviz DOT, every node and link\n\n"
    "In every format but dot, each node carries the scores rank --write stores\n"
    "(degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, hub,\n"
    "authority, coreness) and its Leiden community, computed on the --view (default\n"
    "full), so that Gephi and Cytoscape can size and colour nodes at once; stderr\n"
    "says so. A node outside the view has none: a report; with agencies, all but\n"
    "actors and agencies. A measure igraph cannot compute (HITS that does not\n"
    "converge) is left out, and said. On a large graph this takes as long as rank\n"
    "--write (betweenness and closeness walk from every node): --no-scores skips it.\n\n"};

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

/* rg_scores_skip: a measure left out, said on stderr. */
static void skip_measure(void *ctx, rg_score which, const rg_error *why)
{
    (void)ctx;
    fprintf(stderr, "relgraph: export: no %s: %s\n", rg_score_name(which), why->msg);
}

/* The standard scores into g's nodes (graph/analyze/scores.h), computed on
 * the view kind as rank computes them (exact, seed 1), and said on stderr;
 * a measure igraph fails on is left out, and said. With --no-scores none,
 * not even the scores the graph file held. */
static int add_scores(rg_graph *g, bool scores, rg_view_kind kind, rg_error *err)
{
    if (!scores) {
        rg_scores_clear(g);
        return 0;
    }
    rg_view_options vo = {.kind = kind};
    rg_measure_options mo = {0, 1, NULL, 0, rg_fanout_cores()};
    rg_view *v = NULL;
    int rc = rg_view_new(g, &vo, &v, err);
    if (rc == 0) {
        rg_cli_note_leiden_bound(rg_view_name(kind), rg_view_nodes(v), RG_COMMUNITY_LEIDEN, 0);
        rc = rg_scores_store(g, v, &mo, skip_measure, NULL, err);
    }
    rg_view_free(v);
    if (rc < 0)
        return -1;
    if (rg_options_quiet())
        return 0;
    rg_buf what;
    rg_buf_init(&what);
    rg_scores_describe(&what);
    fprintf(stderr, "relgraph: export: each node with its %s on the %s view (--no-scores leaves them out)\n",
            what.data ? what.data : "", rg_view_name(kind));
    rg_buf_destroy(&what);
    return 0;
}

int cmd_export(int argc, char **argv)
{
    const char *graph_file = NULL, *output = NULL;
    rg_format format = RG_FORMAT_JSON;
    rg_export_options opts = {NULL};
    unsigned modalities = 0;
    bool scores = true;
    rg_view_kind view = RG_VIEW_FULL;
    const rg_option options[] = {
        RG_OPT_GRAPH(&graph_file),
        RG_OPT_CALLBACK('f', "format", &format, "FORMAT", "one of the above", format_option),
        RG_OPT_STRING('o', "output", &output, "FILE", "where to write it"),
        RG_OPT_CLEAR(0, "no-scores", &scores, "no scores and no community on the nodes"),
        RG_OPT_CALLBACK(0, "view", &view, "VIEW",
                        "compute the scores on this view of rank: full, agencies\n"
                        "or entities (default: full)",
                        rg_cli_option_view),
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
        rc = add_scores(g, scores, view, &err);
    if (rc == 0)
        rc = rg_export_file(g, format, output, &opts, &err);
    rg_graph_free(g);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
